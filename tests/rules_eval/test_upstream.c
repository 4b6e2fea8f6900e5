/*
 * test_upstream.c - the upstream syscall rules files compiled by saker and
 * evaluated on crafted events (synthetic field catalogue): known detections
 * fire with the expected output, benign events stay quiet. Skips (77) when
 * the upstream files are not available.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules.h"
#include "synth.h"

#include "../lib/sktest.h"

typedef struct sink {
	char rules[16][128];
	char out[16][1024];
	int n;
} sink_t;

static void emit(void *ud, sk_alert_t *a)
{
	sink_t *s = ud;
	if (s->n < 16) {
		snprintf(s->rules[s->n], sizeof(s->rules[0]), "%s", a->rule);
		snprintf(s->out[s->n], sizeof(s->out[0]), "%s", a->output);
		s->n++;
	}
	sk_alert_free(a);
}

static int find(const sink_t *s, const char *rule)
{
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->rules[i], rule))
			return i;
	return -1;
}

static void fire(sk_rules_eval_t *ev, synth_event_t *e, sink_t *s)
{
	ss_plugin_event_input in = {&e->hdr, 7, "syscall"};
	memset(s, 0, sizeof(*s));
	sk_rules_eval_event(ev, &in, emit, s);
}

int main(void)
{
	const char *up = getenv("SAKER_UPSTREAM");
	char p[3][4096];
	const char *files[] = {"falco_rules.yaml", "falco-incubating_rules.yaml",
			       "falco-sandbox_rules.yaml"};
	const char *paths[3];
	for (int i = 0; i < 3; i++) {
		snprintf(p[i], sizeof(p[i]), "%s/rules/%s", up ? up : SAKER_UPSTREAM_DEFAULT, files[i]);
		if (access(p[i], R_OK)) {
			printf("SKIP: %s not readable (set SAKER_UPSTREAM)\n", p[i]);
			return 77;
		}
		paths[i] = p[i];
	}
	sk_rules_opts_t o = {.min_priority = SK_PRIO_DEBUG, .matching = SK_MATCH_ALL};
	for (int nfiles = 1; nfiles <= 3; nfiles += 2) {
		sk_ruleset_t *rs = NULL;
		sk_diags_t d = {0};
		int rc = sk_ruleset_load(&synth_host, paths, (size_t)nfiles, &o, &rs, &d);
		synth_print_errors(&d);
		sk_diags_free(&d);
		CHECK(rc == 0, "load of %d upstream files failed", nfiles);
		if (rc)
			break;
		sk_ruleset_stats_t st;
		sk_ruleset_stats(rs, &st);
		CHECK(st.rules == (nfiles == 1 ? 25u : 93u), "%zu rules", st.rules);
		sk_rules_eval_t *ev = NULL;
		CHECK(sk_rules_eval_new(rs, "syscall", &synth_extractor, &ev) == 0, "eval_new");
		if (!ev) {
			sk_ruleset_unref(rs);
			break;
		}
		synth_event_t *e = calloc(1, sizeof(*e));
		sink_t s;

		/* cat reading /etc/shadow on the host */
		e->hdr = (ss_plugin_event){1, 1, sizeof(e->hdr), synth_code("openat"), 0};
		synth_set(e, "evt.type", "openat");
		synth_set(e, "proc.name", "cat");
		synth_set(e, "proc.exe", "/usr/bin/cat");
		synth_set(e, "proc.pname", "bash");
		synth_set(e, "proc.cmdline", "cat /etc/shadow");
		synth_set(e, "fd.name", "/etc/shadow");
		synth_set(e, "fd.directory", "/etc");
		synth_set(e, "fd.typechar", "f");
		synth_set(e, "evt.is_open_read", "true");
		synth_set(e, "container.id", "host");
		fire(ev, e, &s);
		int k = find(&s, "Read sensitive file untrusted");
		CHECK(k >= 0, "cat /etc/shadow: no 'Read sensitive file untrusted' (%d alerts)", s.n);
		if (k >= 0)
			CHECK(strstr(s.out[k], "Sensitive file opened for reading by non-trusted program | "
					       "file=/etc/shadow") &&
				      strstr(s.out[k], "process=cat") &&
				      strstr(s.out[k], "command=cat /etc/shadow"),
				"output: %s", s.out[k]);

		/* the same read by a trusted binary is quiet */
		synth_set(e, "proc.name", "sshd");
		fire(ev, e, &s);
		CHECK(find(&s, "Read sensitive file untrusted") < 0, "sshd reading shadow alerted");

		/* a write of a temp file is quiet */
		synth_set(e, "proc.name", "cat");
		synth_set(e, "fd.name", "/tmp/x.log");
		synth_set(e, "fd.directory", "/tmp");
		fire(ev, e, &s);
		CHECK(s.n == 0, "benign open alerted: %s", s.n ? s.rules[0] : "");

		/* interactive shell in a container */
		memset(e, 0, sizeof(*e));
		e->hdr = (ss_plugin_event){1, 1, sizeof(e->hdr), synth_code("execve"), 0};
		synth_set(e, "evt.type", "execve");
		synth_set(e, "proc.name", "bash");
		synth_set(e, "proc.exe", "/bin/bash");
		synth_set(e, "proc.pname", "runc");
		synth_set(e, "proc.cmdline", "bash");
		synth_set(e, "proc.tty", "34816");
		synth_set(e, "container.id", "abc123def456");
		fire(ev, e, &s);
		CHECK(find(&s, "Terminal shell in container") >= 0,
			"bash in container: no 'Terminal shell in container' (%d alerts)", s.n);

		/* the same on the host is not a container alert */
		synth_set(e, "container.id", "host");
		fire(ev, e, &s);
		CHECK(find(&s, "Terminal shell in container") < 0, "host shell alerted as container");

		free(e);
		sk_rules_eval_free(ev);
		sk_ruleset_unref(rs);
	}
	synth_free();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
