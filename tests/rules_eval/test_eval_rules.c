/*
 * test_eval_rules.c - sk_rules_eval_* end to end on rules loaded from YAML
 * (through sk_ruleset_load_mem) with the fake field catalogue: indexing by
 * event type, rule_matching first/all, alerts (output text, typed
 * output_fields, sorted tags, priority, source, time), extra fields,
 * per-rule counters, and plugin sources.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake.h"
#include "rules.h"
#include "sk_event_schema.h"

#include "../lib/sktest.h"

static const char *rules_yaml =
	"- list: shells\n"
	"  items: [bash, zsh]\n"
	"- macro: spawned\n"
	"  condition: evt.type in (execve, execveat)\n"
	"- rule: Shell spawned\n"
	"  desc: a shell\n"
	"  condition: spawned and proc.name in (shells)\n"
	"  output: \"shell %proc.name (pid=%proc.pid parent=%proc.pname priv=%container.privileged)\"\n"
	"  priority: WARNING\n"
	"  tags: [zeta, alpha, mid]\n"
	"- rule: Any exec\n"
	"  desc: any exec\n"
	"  condition: evt.type = execve and proc.pid > 1\n"
	"  output: \"exec %proc.name\"\n"
	"  priority: NOTICE\n"
	"- rule: Bash anywhere\n"
	"  desc: no event type\n"
	"  condition: proc.name = bash\n"
	"  output: \"bash %evt.type\"\n"
	"  priority: INFO\n"
	"- rule: Open of docker sock\n"
	"  desc: open\n"
	"  condition: evt.type = open and fd.name pmatch (/var/run)\n"
	"  output: \"open %fd.name %12proc.name|\"\n"
	"  priority: CRITICAL\n"
	"- rule: K8s get\n"
	"  desc: k8s\n"
	"  condition: ka.verbs intersects (get)\n"
	"  output: \"k8s %ka.verbs %json.value[/stage]\"\n"
	"  priority: WARNING\n"
	"  source: k8s_audit\n"
	"  tags: [k8s]\n";

static const fake_val_t exec_vals[] = {
	{"evt.type", {"execve"}},
	{"proc.name", {"bash"}},
	{"proc.pid", {"1234"}},
	{"container.privileged", {"false"}},
	{NULL, {NULL}},
};

static const fake_val_t open_vals[] = {
	{"evt.type", {"open"}},
	{"proc.name", {"bash"}},
	{"fd.name", {"/var/run/docker.sock"}},
	{NULL, {NULL}},
};

static const fake_val_t k8s_vals[] = {
	{"ka.verbs", {"get", "list"}},
	{"json.value[/stage]", {"ResponseComplete"}},
	{NULL, {NULL}},
};

#define MAXA 8
typedef struct sink {
	sk_alert_t *a[MAXA];
	int n;
} sink_t;

static void emit(void *ud, sk_alert_t *a)
{
	sink_t *s = ud;
	if (s->n < MAXA)
		s->a[s->n++] = a;
	else
		sk_alert_free(a);
}

static void sink_clear(sink_t *s)
{
	for (int i = 0; i < s->n; i++)
		sk_alert_free(s->a[i]);
	s->n = 0;
}

static uint16_t code_of(const char *name)
{
	uint16_t c[16];
	size_t n = sk_evt_codes_by_name(name, c, 16);
	/* prefer the exit event: that is what the syscall source emits */
	for (size_t i = 0; i < n && i < 16; i++)
		if (sk_evt_is_exit(c[i]))
			return c[i];
	return n ? c[0] : 0;
}

static sk_ruleset_t *load(sk_rule_matching_t m, const char *const *extra, size_t nextra)
{
	const char *names[] = {"test.yaml"};
	const char *contents[] = {rules_yaml};
	sk_rules_opts_t o = {.min_priority = SK_PRIO_DEBUG, .matching = m, .extra_fields = extra,
			     .nextra_fields = nextra};
	sk_ruleset_t *rs = NULL;
	sk_diags_t d = {0};
	int rc = sk_ruleset_load_mem(&fake_host, names, contents, 1, &o, &rs, &d);
	for (size_t i = 0; i < d.n; i++) {
		char buf[512];
		sk_diag_format(&d.v[i], buf, sizeof(buf));
		if (d.v[i].level == SK_DIAG_ERROR)
			fprintf(stderr, "diag: %s\n", buf);
	}
	sk_diags_free(&d);
	CHECK(rc == 0 && rs, "load failed: %d", rc);
	return rs;
}

static int run(sk_rules_eval_t *ev, const fake_val_t *vals, uint16_t type, sink_t *s)
{
	fake_event_t fe = {.vals = vals, .type = type};
	ss_plugin_event_input in;
	fake_input(&fe, &in, NULL);
	return sk_rules_eval_event(ev, &in, emit, s);
}

typedef struct counts {
	char names[8][64];
	uint64_t n[8];
	void *slot[8];        /* what the rule's slot held when drained */
	const char *rule[8];
	int k;
} counts_t;

/* Caches the rule's name pointer in its slot, as the host caches the
 * rule's metric. */
static void count_cb(void *ud, const char *rule, sk_priority_t prio, uint64_t n, void **slot)
{
	counts_t *c = ud;
	(void)prio;
	if (c->k < 8) {
		snprintf(c->names[c->k], sizeof(c->names[0]), "%s", rule);
		c->slot[c->k] = *slot;
		c->rule[c->k] = rule;
		c->n[c->k++] = n;
	}
	*slot = (void *)rule;
}

static void test_first(void)
{
	sk_ruleset_t *rs = load(SK_MATCH_FIRST, NULL, 0);
	if (!rs)
		return;
	sk_rules_eval_t *ev = NULL;
	CHECK(sk_rules_eval_new(rs, "syscall", &fake_extractor, &ev) == 0, "eval_new");
	sk_ruleset_unref(rs); /* the context keeps its own reference */
	if (!ev)
		return;
	sink_t s = {0};
	int n = run(ev, exec_vals, code_of("execve"), &s);
	CHECK(n == 1 && s.n == 1, "first: %d matches", n);
	if (s.n == 1) {
		sk_alert_t *a = s.a[0];
		CHECK(!strcmp(a->rule, "Shell spawned"), "rule %s", a->rule);
		CHECK(a->priority == SK_PRIO_WARNING, "prio %d", a->priority);
		CHECK(!strcmp(a->source, "syscall"), "source %s", a->source);
		CHECK(a->ts_ns == 1000, "ts %llu", (unsigned long long)a->ts_ns);
		CHECK(!strcmp(a->output, "shell bash (pid=1234 parent=<NA> priv=false)"), "output '%s'",
			a->output);
		char *js = json_dumps(a->output_fields, JSON_SORT_KEYS);
		CHECK(!strcmp(js, "{\"container.privileged\": false, \"proc.name\": \"bash\", "
				  "\"proc.pid\": 1234, \"proc.pname\": null}"),
			"fields %s", js);
		free(js);
		CHECK(a->ntags == 3 && !strcmp(a->tags[0], "alpha") && !strcmp(a->tags[1], "mid") &&
			      !strcmp(a->tags[2], "zeta"),
			"tags not sorted");
	}
	sink_clear(&s);
	/* an event type without typed rules reaches the all-types bucket */
	n = run(ev, open_vals, code_of("close"), &s);
	CHECK(n == 1 && s.n == 1 && !strcmp(s.a[0]->rule, "Bash anywhere"), "close: %d", n);
	if (s.n == 1)
		CHECK(!strcmp(s.a[0]->output, "bash <NA>") || !strcmp(s.a[0]->output, "bash open"),
			"output '%s'", s.a[0]->output);
	sink_clear(&s);
	/* the typed bucket is scanned first */
	n = run(ev, open_vals, code_of("open"), &s);
	CHECK(n == 1 && s.n == 1 && !strcmp(s.a[0]->rule, "Open of docker sock"), "open: %d", n);
	if (s.n == 1)
		CHECK(!strcmp(s.a[0]->output, "open /var/run/docker.sock bash        |"), "output '%s'",
			s.a[0]->output);
	sink_clear(&s);
	/* no emit callback: still counted */
	fake_event_t fe = {.vals = exec_vals, .type = code_of("execve")};
	ss_plugin_event_input in;
	fake_input(&fe, &in, NULL);
	CHECK(sk_rules_eval_event(ev, &in, NULL, NULL) == 1, "no-emit eval");
	counts_t c = {0};
	sk_rules_eval_drain_counts(ev, count_cb, &c);
	CHECK(c.k == 3, "%d rules counted", c.k);
	for (int i = 0; i < c.k; i++) {
		if (!strcmp(c.names[i], "Shell spawned"))
			CHECK(c.n[i] == 2, "Shell spawned counted %llu", (unsigned long long)c.n[i]);
		CHECK(c.slot[i] == NULL, "slot of %s set before its first drain", c.names[i]);
	}
	counts_t c2 = {0};
	sk_rules_eval_drain_counts(ev, count_cb, &c2);
	CHECK(c2.k == 0, "counts not reset");
	/* the handle cached at the first drain comes back for the same rule */
	CHECK(sk_rules_eval_event(ev, &in, NULL, NULL) == 1, "no-emit eval again");
	counts_t c3 = {0};
	sk_rules_eval_drain_counts(ev, count_cb, &c3);
	CHECK(c3.k == 1 && !strcmp(c3.names[0], "Shell spawned") && c3.slot[0] == c3.rule[0],
		"cached slot: %d rules, slot %p rule %p", c3.k, c3.k ? c3.slot[0] : NULL,
		(const void *)(c3.k ? c3.rule[0] : NULL));
	CHECK(sk_rules_eval_ruleset(ev) != NULL, "ruleset accessor");
	sk_rules_eval_free(ev);
}

static void test_all(void)
{
	const char *extra[] = {"user.name", "proc.pid", "ka.nope"};
	sk_ruleset_t *rs = load(SK_MATCH_ALL, extra, 3);
	if (!rs)
		return;
	sk_rules_eval_t *ev = NULL;
	CHECK(sk_rules_eval_new(rs, "syscall", &fake_extractor, &ev) == 0, "eval_new");
	sink_t s = {0};
	int n = run(ev, exec_vals, code_of("execve"), &s);
	/* both typed rules; the all-types bucket is skipped once a typed rule matched */
	CHECK(n == 2 && s.n == 2, "all: %d matches", n);
	if (s.n == 2) {
		CHECK(!strcmp(s.a[0]->rule, "Shell spawned") && !strcmp(s.a[1]->rule, "Any exec"),
			"order %s, %s", s.a[0]->rule, s.a[1]->rule);
		json_t *u = json_object_get(s.a[1]->output_fields, "user.name");
		CHECK(u && json_is_null(u), "extra field user.name missing -> null");
		CHECK(json_integer_value(json_object_get(s.a[1]->output_fields, "proc.pid")) == 1234,
			"extra field proc.pid");
		CHECK(!strcmp(s.a[1]->output, "exec bash"), "extra fields leaked into text: %s",
			s.a[1]->output);
	}
	sink_clear(&s);
	n = run(ev, open_vals, code_of("close"), &s);
	CHECK(n == 1, "all, no typed match: %d", n);
	sink_clear(&s);
	sk_rules_eval_free(ev);

	/* plugin source */
	CHECK(sk_rules_eval_new(rs, "k8s_audit", &fake_extractor, &ev) == 0, "eval_new k8s");
	n = run(ev, k8s_vals, PPME_PLUGINEVENT_E, &s);
	CHECK(n == 1 && s.n == 1, "k8s: %d", n);
	if (s.n == 1) {
		CHECK(!strcmp(s.a[0]->output, "k8s (get,list) ResponseComplete"), "k8s output '%s'",
			s.a[0]->output);
		CHECK(!strcmp(s.a[0]->source, "k8s_audit"), "k8s source");
		char *js = json_dumps(s.a[0]->output_fields, JSON_SORT_KEYS);
		CHECK(!strcmp(js, "{\"json.value[/stage]\": \"ResponseComplete\", \"ka.verbs\": "
				  "[\"get\", \"list\"]}"),
			"k8s fields %s", js);
		free(js);
	}
	sink_clear(&s);
	/* syscall events do not reach plugin rules and vice versa */
	n = run(ev, k8s_vals, code_of("execve"), &s);
	CHECK(n == 0, "k8s rule on a syscall code: %d", n);
	sk_rules_eval_free(ev);
	sk_ruleset_unref(rs);
}

int main(void)
{
	test_first();
	test_all();
	CHECK(sk_rules_eval_new(NULL, "syscall", &fake_extractor, NULL) == -EINVAL, "NULL rs");
	sk_rules_eval_free(NULL);
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
