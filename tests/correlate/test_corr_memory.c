/* Memory: 1,000,000 distinct keys against a cap of 100,000 open keys. The
 * state stops growing at the cap (RSS measured), the oldest keys are
 * evicted and every eviction is counted (also in the metrics registry);
 * prints the bytes per open key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "correlate/correlate.h"
#include "rules/corr.h"
#include "sktest.h"
#include "testhost.h"
#include "util/metrics.h"

#define NKEYS 1000000
#define CAP 100000
#define BASE 1000000000000000000ull /* event time of the first key; one per ms */

static const char *rules =
	"- correlation: Mem\n  kind: sequence\n  within: 1h\n  priority: NOTICE\n"
	"  steps:\n"
	"    - condition: ka.verb=create\n      source: k8s_audit\n"
	"      by: [ka.target.namespace, ka.target.name]\n"
	"    - condition: proc.name=cat\n      by: [k8s.ns.name, k8s.pod.name]\n"
	"  output: \"%steps[0].ka.user.name read in %key[1]\"\n";

/* Under AddressSanitizer, freed blocks wait in a quarantine (256 MB by
 * default) before reuse, which would hide whether the state is bounded. */
#if defined(__SANITIZE_ADDRESS__)
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "quarantine_size_mb=4";
}
#endif

static size_t alerts;

static void emit(void *ud, sk_alert_t *a)
{
	(void)ud;
	alerts++;
	sk_alert_free(a);
}

static long rss_kb(void)
{
	long pages = 0, res = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &res) != 2)
			res = 0;
		fclose(f);
	}
	return res * (sysconf(_SC_PAGESIZE) / 1024);
}

static void feed(sk_correlator_t *c, uint64_t hash, size_t from, size_t to)
{
	char key[64], fields[128];
	for (size_t i = from; i < to; i++) {
		snprintf(key, sizeof(key), "namespace-%zu\x1fpod-%zu-abcdef", i % 97, i);
		snprintf(fields, sizeof(fields),
			"{\"ka.target.name\":\"pod-%zu-abcdef\",\"ka.user.name\":\"user-%zu\"}", i, i % 1000);
		sk_correlator_feed(c, sk_step_hit_new(hash, 0, BASE + i * 1000000ull, i, "k8s_audit",
					      "exec", key, NULL, fields), 0);
	}
}

int main(void)
{
	const char *names[] = { "mem.yaml" };
	sk_rules_opts_t o = { .min_priority = SK_PRIO_DEBUG };
	sk_ruleset_t *rs = NULL;
	sk_diags_t d = { 0 };
	if (sk_ruleset_load_mem(&ch_host, names, &rules, 1, &o, &rs, &d)) {
		fprintf(stderr, "load failed\n");
		return 1;
	}
	sk_diags_free(&d);
	const sk_corr_def_t *def;
	sk_ruleset_correlations(rs, &def);
	sk_correlator_opts_t co = { .max_keys = 10 * CAP, .max_keys_per_corr = CAP, .emit = emit };
	sk_correlator_t *c;
	if (sk_correlator_new(&co, &c) || sk_correlator_set_ruleset(c, rs))
		return 1;
	long r0 = rss_kb();
	feed(c, def->hash, 0, CAP);
	long r1 = rss_kb();
	feed(c, def->hash, CAP, 2 * CAP);
	long r2 = rss_kb();
	feed(c, def->hash, 2 * CAP, NKEYS);
	sk_correlator_flush(c);
	long r3 = rss_kb();
	sk_correlator_stats_t st;
	sk_correlator_stats(c, &st);
	double per_key = (double)(r1 - r0) * 1024.0 / CAP;
	printf("RSS: start %ld KiB, %d keys %ld KiB, %d keys %ld KiB, %d keys %ld KiB\n", r0, CAP,
		r1, 2 * CAP, r2, NKEYS, r3);
	printf("bytes per open key: %.0f (2 key fields, 2 captured fields)\n", per_key);
	printf("open keys %zu, evicted %llu\n", st.open_keys, (unsigned long long)st.evicted);
	CHECK(st.open_keys == CAP, "open keys at the cap: %zu", st.open_keys);
	CHECK(st.evicted == NKEYS - CAP, "every key beyond the cap evicted: %llu",
		(unsigned long long)st.evicted);
	CHECK(sk_metrics_lookup("saker_correlation_evictions_total",
		      "correlation=\"Mem\",cause=\"correlation_cap\"") == NKEYS - CAP,
		"evictions in the metrics registry");
	CHECK(sk_metrics_lookup("saker_correlation_open_keys", "") == CAP, "open-keys gauge");
	/* bounded: once at the cap, 900,000 more keys add (almost) nothing */
	long state = r1 - r0 > 0 ? r1 - r0 : 1;
	CHECK(r3 - r2 < state / 4 + 2048, "RSS grew by %ld KiB after the cap (state %ld KiB)",
		r3 - r2, state);
	CHECK(per_key > 0 && per_key < 1024, "bytes per open key: %.0f", per_key);
	/* the survivors are the newest keys: the last one still completes */
	char key[64];
	snprintf(key, sizeof(key), "namespace-%d\x1fpod-%d-abcdef", (NKEYS - 1) % 97, NKEYS - 1);
	sk_correlator_feed(c, sk_step_hit_new(def->hash, 1, BASE + 1001000000000ull, 1, "syscall", "cat", key,
				      NULL, "{}"), 0);
	snprintf(key, sizeof(key), "namespace-%d\x1fpod-%d-abcdef", 5 % 97, 5);
	sk_correlator_feed(c, sk_step_hit_new(def->hash, 1, BASE + 1001000000001ull, 2, "syscall", "cat", key,
				      NULL, "{}"), 0);
	sk_correlator_flush(c);
	CHECK(alerts == 1, "newest key completes, oldest was evicted: %zu alerts", alerts);
	sk_correlator_free(c);
	sk_ruleset_unref(rs);
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
