/* The correlator: each kind, window edges, until, lateness, key mismatch,
 * thresholds, eviction, expiry, reload, and order independence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "correlate/correlate.h"
#include "rules/corr.h"
#include "sktest.h"
#include "testhost.h"

#define S 1000000000ull
#define MS 1000000ull

static const char *rules =
	"- correlation: Seq\n  kind: sequence\n  within: 60s\n  priority: CRITICAL\n"
	"  tags: [k8s]\n"
	"  steps:\n"
	"    - condition: ka.verb=create\n      source: k8s_audit\n"
	"      by: [ka.target.namespace, ka.target.name]\n"
	"    - condition: fd.name startswith /var/run/secrets\n"
	"      by: [k8s.ns.name, k8s.pod.name]\n"
	"  until:\n    condition: ka.verb=delete\n    source: k8s_audit\n"
	"    by: [ka.target.namespace, ka.target.name]\n"
	"  output: Exec then token read (user=%steps[0].ka.user.name pod=%key[1] "
	"cmd=%steps[1].proc.cmdline 100%%)\n"
	"- correlation: All\n  kind: all\n  within: 60s\n  priority: WARNING\n"
	"  steps:\n"
	"    - condition: ka.verb=create\n      source: k8s_audit\n      by: ka.target.name\n"
	"    - condition: proc.name=cat\n      by: k8s.pod.name\n"
	"  output: all of them %key[0]\n"
	"- correlation: Count\n  kind: count\n  threshold: 3\n  within: 60s\n"
	"  priority: NOTICE\n"
	"  steps:\n    - condition: proc.name=sshd\n      by: user.name\n"
	"  output: \"%key[0] failed %steps[0].proc.name\"\n"
	"- correlation: Distinct\n  kind: distinct\n  threshold: 3\n  field: user.name\n"
	"  within: 60s\n  priority: NOTICE\n"
	"  steps:\n    - condition: proc.name=sshd\n      by: proc.pid\n"
	"  output: one pid many users %key[0]\n";

static sk_alert_t *got[256];
static size_t ngot;

static void emit(void *ud, sk_alert_t *a)
{
	(void)ud;
	if (ngot < 256)
		got[ngot++] = a;
	else
		sk_alert_free(a);
}

static void reset(void)
{
	for (size_t i = 0; i < ngot; i++)
		sk_alert_free(got[i]);
	ngot = 0;
}

static sk_ruleset_t *load(const char *text)
{
	const char *names[] = { "corr.yaml" };
	sk_rules_opts_t o = { .min_priority = SK_PRIO_DEBUG };
	sk_ruleset_t *rs = NULL;
	sk_diags_t d = { 0 };
	if (sk_ruleset_load_mem(&ch_host, names, &text, 1, &o, &rs, &d)) {
		char buf[1024];
		sk_diag_format(&d.v[0], buf, sizeof(buf));
		fprintf(stderr, "load: %s\n", buf);
	}
	sk_diags_free(&d);
	return rs;
}

static const sk_corr_def_t *def(sk_ruleset_t *rs, const char *name)
{
	const sk_corr_def_t *v;
	size_t n = sk_ruleset_correlations(rs, &v);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].name, name))
			return &v[i];
	return NULL;
}

static sk_correlator_t *mk(sk_ruleset_t *rs, size_t per_corr, size_t total)
{
	sk_correlator_opts_t o = { .lateness_ns = 2 * S, .idle_timeout_ms = 1000000,
		.max_keys = total, .max_keys_per_corr = per_corr, .emit = emit };
	sk_correlator_t *c;
	REQUIRE(sk_correlator_new(&o, &c) == 0);
	REQUIRE(sk_correlator_set_ruleset(c, rs) == 0);
	return c;
}

static uint64_t seqno;

static void hit(sk_correlator_t *c, const sk_corr_def_t *d, uint32_t step, uint64_t ts,
	const char *src, const char *key, const char *value)
{
	const char *fields = !strcmp(src, "k8s_audit")
		? "{\"ka.target.name\":\"web-1\",\"ka.user.name\":\"alice\"}"
		: "{\"proc.cmdline\":\"cat token\",\"proc.name\":\"sshd\"}";
	sk_step_hit_t *h = sk_step_hit_new(d->hash, step, ts, ++seqno, src,
		step == SK_HIT_UNTIL ? "until" : "r", key, value, fields);
	sk_correlator_feed(c, h, 0);
}

static void progress(sk_correlator_t *c, const char *src, uint64_t ts, uint32_t kind)
{
	sk_correlator_feed(c, sk_step_hit_new(0, kind, ts, ++seqno, src, "", "", NULL, "{}"), 0);
}

#define KEY "default\x1fweb-1"

static void test_sequence(sk_ruleset_t *rs)
{
	const sk_corr_def_t *d = def(rs, "Seq");
	sk_correlator_t *c = mk(rs, 0, 0);
	/* ordered */
	hit(c, d, 0, 1 * S, "k8s_audit", KEY, NULL);
	hit(c, d, 1, 2 * S, "syscall", KEY, NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 1, "ordered: %zu alerts", ngot);
	if (ngot == 1) {
		sk_alert_t *a = got[0];
		CHECK(!strcmp(a->output, "Exec then token read (user=alice pod=web-1 cmd=cat token "
					 "100%)"), "output: %s", a->output);
		CHECK(!strcmp(a->source, "correlation") && !strcmp(a->rule, "Seq"), "rule/source");
		CHECK(a->priority == SK_PRIO_CRITICAL && a->ntags == 1, "prio/tags");
		CHECK(a->ts_ns == 2 * S, "time of the last step");
		CHECK(json_array_size(a->steps) == 2, "steps array");
		json_t *s1 = json_array_get(a->steps, 1);
		CHECK(!strcmp(json_string_value(json_object_get(s1, "source")), "syscall"),
			"step source");
		CHECK(!strcmp(json_string_value(json_object_get(s1, "time")),
			      "1970-01-01T00:00:02.000000000Z"), "step time");
		CHECK(!strcmp(json_string_value(json_object_get(a->output_fields, "key[1]")),
			      "web-1"), "key in output_fields");
		CHECK(!strcmp(json_string_value(json_object_get(a->output_fields,
				      "steps[0].ka.user.name")), "alice"), "step field in output_fields");
	}
	reset();
	/* the other order */
	hit(c, d, 1, 10 * S, "syscall", KEY, NULL);
	hit(c, d, 0, 11 * S, "k8s_audit", KEY, NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 0, "reversed: %zu alerts", ngot);
	reset();
	sk_correlator_free(c);

	/* window edges: just inside, just outside */
	c = mk(rs, 0, 0);
	hit(c, d, 0, 100 * S, "k8s_audit", KEY, NULL);
	hit(c, d, 1, 160 * S, "syscall", KEY, NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 1, "just inside: %zu", ngot);
	reset();
	hit(c, d, 0, 200 * S, "k8s_audit", KEY, NULL);
	hit(c, d, 1, 260 * S + 1, "syscall", KEY, NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 0, "just outside: %zu", ngot);
	reset();
	/* key mismatch: same namespace, other pod */
	hit(c, d, 0, 300 * S, "k8s_audit", KEY, NULL);
	hit(c, d, 1, 301 * S, "syscall", "default\x1fweb-2", NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 0, "key mismatch: %zu", ngot);
	reset();
	/* until cancels the partial match; before it, it does nothing */
	hit(c, d, 0, 400 * S, "k8s_audit", "ns\x1fp", NULL);
	hit(c, d, SK_HIT_UNTIL, 401 * S, "k8s_audit", "ns\x1fp", NULL);
	hit(c, d, 1, 402 * S, "syscall", "ns\x1fp", NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 0, "until: %zu", ngot);
	hit(c, d, SK_HIT_UNTIL, 500 * S, "k8s_audit", "ns\x1fq", NULL);
	hit(c, d, 0, 501 * S, "k8s_audit", "ns\x1fq", NULL);
	hit(c, d, 1, 502 * S, "syscall", "ns\x1fq", NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 1, "until before: %zu", ngot);
	reset();
	sk_correlator_stats_t st;
	sk_correlator_stats(c, &st);
	CHECK(st.cancelled == 1, "cancelled=%llu", (unsigned long long)st.cancelled);
	sk_correlator_free(c);
}

static void test_all(sk_ruleset_t *rs)
{
	const sk_corr_def_t *d = def(rs, "All");
	sk_correlator_t *c = mk(rs, 0, 0);
	hit(c, d, 1, 1 * S, "syscall", "web-1", NULL);
	hit(c, d, 0, 2 * S, "k8s_audit", "web-1", NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 1, "any order: %zu", ngot);
	if (ngot)
		CHECK(!strcmp(got[0]->output, "all of them web-1"), "output %s", got[0]->output);
	reset();
	hit(c, d, 1, 100 * S, "syscall", "web-1", NULL);
	hit(c, d, 0, 160 * S + 1, "k8s_audit", "web-1", NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 0, "all, outside: %zu", ngot);
	reset();
	sk_correlator_free(c);
}

static void test_count(sk_ruleset_t *rs)
{
	const sk_corr_def_t *d = def(rs, "Count");
	sk_correlator_t *c = mk(rs, 0, 0);
	hit(c, d, 0, 1 * S, "syscall", "bob", NULL);
	hit(c, d, 0, 2 * S, "syscall", "bob", NULL);
	hit(c, d, 0, 3 * S, "syscall", "eve", NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 0, "below threshold: %zu", ngot);
	hit(c, d, 0, 4 * S, "syscall", "bob", NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 1, "threshold reached: %zu", ngot);
	if (ngot) {
		CHECK(!strcmp(got[0]->output, "bob failed sshd"), "output %s", got[0]->output);
		CHECK(json_integer_value(json_object_get(got[0]->output_fields,
			      "correlation.count")) == 3, "count field");
	}
	reset();
	/* the first leaves the window before the third arrives */
	hit(c, d, 0, 100 * S, "syscall", "amy", NULL);
	hit(c, d, 0, 130 * S, "syscall", "amy", NULL);
	hit(c, d, 0, 160 * S + 1, "syscall", "amy", NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 0, "sliding window: %zu", ngot);
	hit(c, d, 0, 161 * S, "syscall", "amy", NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 1, "sliding window, third in: %zu", ngot);
	reset();
	sk_correlator_free(c);

	d = def(rs, "Distinct");
	c = mk(rs, 0, 0);
	hit(c, d, 0, 1 * S, "syscall", "42", "root");
	hit(c, d, 0, 2 * S, "syscall", "42", "root");
	hit(c, d, 0, 3 * S, "syscall", "42", "admin");
	sk_correlator_flush(c);
	CHECK(ngot == 0, "two distinct: %zu", ngot);
	hit(c, d, 0, 4 * S, "syscall", "42", "guest");
	sk_correlator_flush(c);
	CHECK(ngot == 1, "three distinct: %zu", ngot);
	if (ngot)
		CHECK(json_integer_value(json_object_get(got[0]->output_fields,
			      "correlation.distinct")) == 3, "distinct field");
	reset();
	sk_correlator_free(c);
}

static void test_lateness(sk_ruleset_t *rs)
{
	const sk_corr_def_t *d = def(rs, "Seq");
	sk_correlator_t *c = mk(rs, 0, 0);
	sk_correlator_add_source(c, "k8s_audit", 0);
	sk_correlator_add_source(c, "syscall", 0);
	/* the syscall step arrives first; the exec (earlier in event time)
	 * comes later from the slower source, within the lateness */
	hit(c, d, 1, 11 * S, "syscall", KEY, NULL);
	progress(c, "syscall", 12 * S, SK_HIT_PROGRESS);
	hit(c, d, 0, 10 * S, "k8s_audit", KEY, NULL);
	CHECK(ngot == 0, "waits for the watermark");
	progress(c, "k8s_audit", 20 * S, SK_HIT_PROGRESS);
	progress(c, "syscall", 20 * S, SK_HIT_PROGRESS);
	CHECK(ngot == 1, "joined out of order within the lateness: %zu", ngot);
	reset();
	/* beyond the lateness: dropped and counted */
	progress(c, "k8s_audit", 40 * S, SK_HIT_PROGRESS);
	progress(c, "syscall", 40 * S, SK_HIT_PROGRESS);
	hit(c, d, 0, 30 * S, "k8s_audit", KEY, NULL);
	sk_correlator_stats_t st;
	sk_correlator_stats(c, &st);
	CHECK(st.late == 1 && st.open_keys == 0, "late=%llu open=%zu",
		(unsigned long long)st.late, st.open_keys);
	/* a source that ended no longer holds the others back */
	hit(c, d, 0, 50 * S, "k8s_audit", KEY, NULL);
	progress(c, "k8s_audit", 0, SK_HIT_DONE);
	hit(c, d, 1, 51 * S, "syscall", KEY, NULL);
	progress(c, "syscall", 60 * S, SK_HIT_PROGRESS);
	CHECK(ngot == 1, "done source: %zu", ngot);
	reset();
	/* an idle source stops holding the watermark after idle_timeout */
	sk_correlator_free(c);
	sk_correlator_opts_t o = { .lateness_ns = 2 * S, .idle_timeout_ms = 1000, .emit = emit };
	sk_correlator_new(&o, &c);
	sk_correlator_set_ruleset(c, rs);
	sk_correlator_add_source(c, "k8s_audit", 0);
	sk_correlator_add_source(c, "syscall", 0);
	sk_step_hit_t *h = sk_step_hit_new(d->hash, 0, 100 * S, 1, "k8s_audit", "r", KEY, NULL, "{}");
	sk_correlator_feed(c, h, 10);
	h = sk_step_hit_new(d->hash, 1, 101 * S, 1, "syscall", "r", KEY, NULL, "{}");
	sk_correlator_feed(c, h, 20);
	sk_correlator_feed(c, sk_step_hit_new(0, SK_HIT_PROGRESS, 110 * S, 2, "syscall", "", "",
				      NULL, "{}"), 500);
	sk_correlator_tick(c, 600);
	CHECK(ngot == 0, "k8s_audit not idle yet");
	sk_correlator_feed(c, sk_step_hit_new(0, SK_HIT_PROGRESS, 111 * S, 3, "syscall", "", "",
				      NULL, "{}"), 1500);
	sk_correlator_tick(c, 1500);
	CHECK(ngot == 1, "idle source released: %zu", ngot);
	reset();
	sk_correlator_free(c);
}

static void test_bounds(sk_ruleset_t *rs)
{
	const sk_corr_def_t *d = def(rs, "Seq");
	sk_correlator_t *c = mk(rs, 2, 0);
	hit(c, d, 0, 1 * S, "k8s_audit", "n\x1f" "a", NULL);
	hit(c, d, 0, 2 * S, "k8s_audit", "n\x1f" "b", NULL);
	hit(c, d, 0, 3 * S, "k8s_audit", "n\x1f" "c", NULL);
	hit(c, d, 1, 4 * S, "syscall", "n\x1f" "a", NULL);
	hit(c, d, 1, 5 * S, "syscall", "n\x1f" "c", NULL);
	sk_correlator_flush(c);
	sk_correlator_stats_t st;
	sk_correlator_stats(c, &st);
	CHECK(ngot == 1 && st.evicted == 1, "per-correlation cap: alerts=%zu evicted=%llu", ngot,
		(unsigned long long)st.evicted);
	reset();
	sk_correlator_free(c);
	/* total cap across correlations: the oldest key goes, whichever it is */
	c = mk(rs, 0, 2);
	const sk_corr_def_t *a = def(rs, "All");
	hit(c, d, 0, 1 * S, "k8s_audit", "n\x1f" "a", NULL);
	hit(c, a, 0, 2 * S, "k8s_audit", "x", NULL);
	hit(c, a, 0, 3 * S, "k8s_audit", "y", NULL);
	hit(c, d, 1, 4 * S, "syscall", "n\x1f" "a", NULL);
	hit(c, a, 1, 5 * S, "syscall", "y", NULL);
	sk_correlator_flush(c);
	sk_correlator_stats(c, &st);
	CHECK(ngot == 1 && st.evicted == 1 && !strcmp(got[0]->rule, "All"),
		"total cap: alerts=%zu evicted=%llu", ngot, (unsigned long long)st.evicted);
	reset();
	/* expired state is freed by the timer */
	hit(c, d, 0, 100 * S, "k8s_audit", "n\x1f" "z", NULL);
	sk_correlator_flush(c);
	sk_correlator_stats(c, &st);
	CHECK(st.open_keys == 2, "open before expiry (x and z): %zu", st.open_keys);
	progress(c, "k8s_audit", 170 * S, SK_HIT_PROGRESS);
	progress(c, "syscall", 170 * S, SK_HIT_PROGRESS);
	sk_correlator_tick(c, 0);
	sk_correlator_stats(c, &st);
	CHECK(st.open_keys == 0 && st.expired >= 1, "expired: open=%zu", st.open_keys);
	sk_correlator_free(c);
}

static void test_reload(sk_ruleset_t *rs)
{
	sk_correlator_t *c = mk(rs, 0, 0);
	hit(c, def(rs, "Seq"), 0, 1 * S, "k8s_audit", KEY, NULL);
	sk_correlator_flush(c);
	sk_ruleset_t *same = load(rules);
	CHECK(sk_correlator_set_ruleset(c, same) == 0, "reload");
	hit(c, def(same, "Seq"), 1, 2 * S, "syscall", KEY, NULL);
	sk_correlator_flush(c);
	CHECK(ngot == 1, "unchanged definition keeps its state: %zu", ngot);
	reset();
	hit(c, def(same, "Seq"), 0, 3 * S, "k8s_audit", KEY, NULL);
	sk_correlator_flush(c);
	char *t = strdup(rules);
	memcpy(strstr(t, "within: 60s"), "within: 61s", 11);
	sk_ruleset_t *changed = load(t);
	sk_correlator_set_ruleset(c, changed);
	hit(c, def(changed, "Seq"), 1, 4 * S, "syscall", KEY, NULL);
	/* a hit of the old definition still queued is stale */
	hit(c, def(same, "Seq"), 1, 5 * S, "syscall", KEY, NULL);
	sk_correlator_flush(c);
	sk_correlator_stats_t st;
	sk_correlator_stats(c, &st);
	CHECK(ngot == 0 && st.stale == 1, "changed definition starts empty: %zu stale=%llu", ngot,
		(unsigned long long)st.stale);
	reset();
	free(t);
	sk_correlator_free(c);
	sk_ruleset_unref(same);
	sk_ruleset_unref(changed);
}

/* Same hits, many arrival interleavings (each source in its own order,
 * out of order within the lateness): same alerts. */
static char *run_interleaving(sk_ruleset_t *rs, unsigned seed)
{
	const sk_corr_def_t *d = def(rs, "Seq"), *cn = def(rs, "Count");
	enum { N = 300 };
	static sk_step_hit_t *a[N], *b[N];
	srand(7);
	for (int i = 0; i < N; i++) {
		/* jitter < lateness inside each source */
		uint64_t ta = (uint64_t)i * 100 * MS + (uint64_t)(rand() % 1500) * MS;
		uint64_t tb = (uint64_t)i * 100 * MS + (uint64_t)(rand() % 1500) * MS;
		char ka[32], kb[32];
		snprintf(ka, sizeof(ka), "ns\x1fp%d", rand() % 7);
		snprintf(kb, sizeof(kb), "ns\x1fp%d", rand() % 7);
		a[i] = sk_step_hit_new(d->hash, rand() % 5 == 0 ? SK_HIT_UNTIL : 0, ta,
			(uint64_t)i, "k8s_audit", "r", ka, NULL,
			"{\"ka.user.name\":\"u\",\"ka.target.name\":\"p\"}");
		b[i] = rand() % 3 ? sk_step_hit_new(d->hash, 1, tb, (uint64_t)i, "syscall", "r", kb,
					    NULL, "{\"proc.cmdline\":\"c\"}")
				  : sk_step_hit_new(cn->hash, 0, tb, (uint64_t)i, "syscall", "r",
					    kb + 3, NULL, "{\"proc.name\":\"sshd\"}");
	}
	sk_correlator_t *c = mk(rs, 0, 0);
	sk_correlator_add_source(c, "k8s_audit", 0);
	sk_correlator_add_source(c, "syscall", 0);
	srand(seed);
	int ia = 0, ib = 0;
	uint64_t ma = 0, mb = 0;
	while (ia < N || ib < N) {
		bool pick_a = ib == N || (ia < N && rand() % 2);
		sk_step_hit_t *h = pick_a ? a[ia++] : b[ib++];
		uint64_t *m = pick_a ? &ma : &mb;
		if (h->ts > *m)
			*m = h->ts;
		const char *src = h->source;
		char srcbuf[16];
		snprintf(srcbuf, sizeof(srcbuf), "%s", src);
		sk_correlator_feed(c, h, 0);
		if (rand() % 4 == 0)
			progress(c, srcbuf, *m, SK_HIT_PROGRESS);
	}
	progress(c, "k8s_audit", 0, SK_HIT_DONE);
	progress(c, "syscall", 0, SK_HIT_DONE);
	sk_correlator_flush(c);
	size_t len = 1;
	for (size_t i = 0; i < ngot; i++)
		len += strlen(got[i]->output) + 32;
	char *out = malloc(len), *p = out;
	*p = '\0';
	for (size_t i = 0; i < ngot; i++)
		p += sprintf(p, "%llu %s\n", (unsigned long long)got[i]->ts_ns, got[i]->output);
	sk_correlator_stats_t st;
	sk_correlator_stats(c, &st);
	CHECK(st.late == 0, "no late hit in the interleaving (late=%llu)",
		(unsigned long long)st.late);
	reset();
	sk_correlator_free(c);
	return out;
}

static void test_order_independence(sk_ruleset_t *rs)
{
	char *first = run_interleaving(rs, 1);
	CHECK(strlen(first) > 0, "the interleaving produces alerts");
	for (unsigned s = 2; s <= 20; s++) {
		char *o = run_interleaving(rs, s);
		CHECK(!strcmp(o, first), "interleaving %u differs", s);
		free(o);
	}
	free(first);
}

int main(void)
{
	sk_ruleset_t *rs = load(rules);
	CHECK(rs != NULL, "rules load");
	if (!rs)
		return 1;
	test_sequence(rs);
	test_all(rs);
	test_count(rs);
	test_lateness(rs);
	test_bounds(rs);
	test_reload(rs);
	test_order_independence(rs);
	sk_ruleset_unref(rs);
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
