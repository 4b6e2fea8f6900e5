/*
 * bench_rules.c - cost of rule evaluation per event: the upstream syscall
 * rules, compiled through sk_ruleset_load, evaluated over a synthetic event
 * mix, against a no-rule pass over the same events in the same run (an
 * empty ruleset through the same sk_rules_eval_event path).
 *
 * The field catalogue is synthetic: every syscall field the upstream rules
 * use, with upstream types; values come from a per-event table (indexed by
 * field id, as a real extractor would index its state), unset fields get a
 * per-type default so conditions do not short-circuit on missing values.
 *
 * Usage: bench_rules [-n events] [-r rules.yaml]... (default: $SAKER_UPSTREAM
 * or ../shared/upstream, file rules/falco_rules.yaml)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rules.h"
#include "sk_event_schema.h"
#include "synth.h"

#define NEV 1024

static synth_event_t *events;

static const char *procs[][3] = {
	{"bash", "sshd", "bash -i"}, {"python3", "bash", "python3 app.py"},
	{"nginx", "systemd", "nginx -g daemon off;"}, {"cat", "bash", "cat /etc/shadow"},
	{"curl", "sh", "curl http://example.com"}, {"java", "containerd-shim", "java -jar x.jar"},
	{"runc", "containerd", "runc init"}, {"sh", "node", "sh -c ls"},
};
static const char *files[] = {"/etc/shadow", "/tmp/x.log", "/proc/self/status",
			      "/var/run/docker.sock", "/usr/lib/libc.so.6", "/home/u/.bashrc",
			      "/etc/passwd", "/dev/null"};

static void build_events(void)
{
	/* weights: read/write/close dominate real traffic */
	static const struct {
		const char *type;
		int weight;
	} mix[] = {{"read", 20}, {"write", 15}, {"close", 10}, {"openat", 20}, {"open", 3},
		   {"execve", 10}, {"connect", 8}, {"socket", 4}, {"dup2", 2}, {"sendto", 4},
		   {"mmap", 4}};
	int total = 0;
	for (size_t i = 0; i < sizeof(mix) / sizeof(mix[0]); i++)
		total += mix[i].weight;
	events = calloc(NEV, sizeof(*events));
	unsigned seed = 12345;
	for (int i = 0; i < NEV; i++) {
		synth_event_t *e = &events[i];
		seed = seed * 1103515245u + 12345u;
		int w = (int)((seed >> 8) % (unsigned)total), k = 0;
		while (w >= mix[k].weight)
			w -= mix[k++].weight;
		const char **p = procs[(seed >> 4) % 8];
		const char *file = files[(seed >> 12) % 8];
		e->hdr = (ss_plugin_event){1000u + (uint64_t)i, 1, sizeof(ss_plugin_event),
					   synth_code(mix[k].type), 0};
		synth_set(e, "evt.type", mix[k].type);
		synth_set(e, "proc.name", p[0]);
		synth_set(e, "proc.pname", p[1]);
		synth_set(e, "proc.cmdline", p[2]);
		synth_set(e, "proc.exe", p[0]);
		synth_set(e, "fd.name", file);
		synth_set(e, "fd.directory", "/etc");
		synth_set(e, "fd.typechar", (seed >> 20) % 2 ? "f" : "4");
		synth_set(e, "container.id", (seed >> 9) % 3 ? "host" : "abc123");
		synth_set(e, "evt.is_open_read", (seed >> 3) % 2 ? "true" : "false");
		synth_set(e, "evt.is_open_write", (seed >> 5) % 2 ? "true" : "false");
		synth_set(e, "user.name", "root");
		if (i % 64 == 0) {
			/* a few suspicious events, so alerts are formatted too */
			bool shadow = (i / 64) % 2 == 0;
			e->hdr.type = synth_code(shadow ? "openat" : "execve");
			synth_set(e, "evt.type", shadow ? "openat" : "execve");
			synth_set(e, "proc.name", shadow ? "cat" : "bash");
			synth_set(e, "proc.exe", shadow ? "cat" : "bash");
			synth_set(e, "proc.pname", shadow ? "bash" : "runc");
			synth_set(e, "proc.cmdline", shadow ? "cat /etc/shadow" : "bash");
			synth_set(e, "fd.name", "/etc/shadow");
			synth_set(e, "fd.typechar", "f");
			synth_set(e, "evt.is_open_read", "true");
			synth_set(e, "container.id", shadow ? "host" : "abc123");
		}
	}
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void count_emit(void *ud, sk_alert_t *a)
{
	(*(uint64_t *)ud)++;
	sk_alert_free(a);
}

static int run(sk_ruleset_t *rs, uint64_t n, double *secs, uint64_t *matches, bool alerts)
{
	sk_rules_eval_t *ev = NULL;
	int rc = sk_rules_eval_new(rs, "syscall", &synth_extractor, &ev);
	if (rc)
		return rc;
	*matches = 0;
	double t0 = now_s();
	for (uint64_t i = 0; i < n; i++) {
		synth_event_t *e = &events[i % NEV];
		ss_plugin_event_input in = {&e->hdr, i, "syscall"};
		int m = sk_rules_eval_event(ev, &in, alerts ? count_emit : NULL, matches);
		if (!alerts)
			*matches += (uint64_t)m;
	}
	*secs = now_s() - t0;
	sk_rules_eval_free(ev);
	return 0;
}

static sk_ruleset_t *load(const char *const *paths, const char *const *contents, size_t n)
{
	sk_rules_opts_t o = {.min_priority = SK_PRIO_DEBUG, .matching = SK_MATCH_FIRST};
	sk_ruleset_t *rs = NULL;
	sk_diags_t d = {0};
	int rc = contents ? sk_ruleset_load_mem(&synth_host, paths, contents, n, &o, &rs, &d)
			  : sk_ruleset_load(&synth_host, paths, n, &o, &rs, &d);
	synth_print_errors(&d);
	sk_diags_free(&d);
	return rc ? NULL : rs;
}

int main(int argc, char **argv)
{
	uint64_t n = 2000000;
	const char *paths[16];
	size_t np = 0;
	static char def[4096];
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			n = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "-r") && i + 1 < argc && np < 16)
			paths[np++] = argv[++i];
		else {
			fprintf(stderr, "usage: %s [-n events] [-r rules.yaml]...\n", argv[0]);
			return 2;
		}
	}
	bool using_default = np == 0;
	if (!np) {
		const char *up = getenv("SAKER_UPSTREAM");
		snprintf(def, sizeof(def), "%s/rules/falco_rules.yaml", up ? up : SAKER_UPSTREAM_DEFAULT);
		paths[np++] = def;
		FILE *f = fopen(def, "r");
		if (!f) {
			printf("SKIP: %s not readable (set SAKER_UPSTREAM)\n", def);
			return 77;
		}
		fclose(f);
	}
	build_events();
	sk_ruleset_t *rs = load(paths, NULL, np);
	const char *en[] = {"empty.yaml"}, *ec[] = {"[]\n"};
	sk_ruleset_t *empty = load(en, ec, 1);
	if (!rs || !empty) {
		fprintf(stderr, "bench_rules: cannot load rules\n");
		return 1;
	}
	sk_ruleset_stats_t st;
	sk_ruleset_stats(rs, &st);
	double tb = 1e30, tr = 1e30, tq = 1e30, t;
	uint64_t mb = 0, mr = 0, mq = 0, xb = 0, xr = 0;
	for (int rep = 0; rep < 3; rep++) {
		uint64_t x0 = synth_extractions;
		if (run(empty, n, &t, &mb, true))
			return 1;
		xb = synth_extractions - x0;
		tb = t < tb ? t : tb;
		x0 = synth_extractions;
		if (run(rs, n, &t, &mr, true))
			return 1;
		xr = synth_extractions - x0;
		tr = t < tr ? t : tr;
		if (run(rs, n, &t, &mq, false))
			return 1;
		tq = t < tq ? t : tq;
	}
	printf("rules: %zu enabled of %zu (%s%s)\n", st.rules_enabled, st.rules, paths[0],
		np > 1 ? " ..." : "");
	printf("events: %" PRIu64 " (synthetic mix of %d)\n", n, NEV);
	printf("no-rule pass : %12.0f events/s  %8.1f ns/event\n", (double)n / tb, tb * 1e9 / (double)n);
	printf("rules pass   : %12.0f events/s  %8.1f ns/event  (%" PRIu64 " alerts, %.2f extractions/event)\n",
		(double)n / tr, tr * 1e9 / (double)n, mr, (double)xr / (double)n);
	printf("rules, no alert building: %10.0f events/s  %8.1f ns/event  (%" PRIu64 " matches)\n",
		(double)n / tq, tq * 1e9 / (double)n, mq);
	printf("ratio rules/no-rule: %.2f\n", tr / tb);
	int rc = 0;
	if (using_default && (mr == 0 || mr != mq)) {
		/* the planted events must alert, with and without alert building */
		fprintf(stderr, "bench_rules: %" PRIu64 " alerts / %" PRIu64 " matches, want > 0 and equal\n",
			mr, mq);
		rc = 1;
	}
	(void)xb;
	(void)mb;
	sk_ruleset_unref(rs);
	sk_ruleset_unref(empty);
	synth_free();
	free(events);
	return rc;
}
