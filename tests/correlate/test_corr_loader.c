/* Loading correlations: the language, errors at file:line:col, append and
 * override, enabling by selectors and tags, definition hashes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/corr.h"
#include "sktest.h"
#include "testhost.h"

static const char *base =
	"- rule: Attach/Exec Pod\n"
	"  desc: exec\n"
	"  condition: ka.verb=create and ka.target.subresource in (exec, attach)\n"
	"  output: exec (user=%ka.user.name)\n"
	"  priority: NOTICE\n"
	"  source: k8s_audit\n"
	"  enabled: false\n"
	"- macro: open_read\n"
	"  condition: evt.type in (open, openat)\n";

static const char *good =
	"- correlation: Exec into pod then token read\n"
	"  desc: exec then token\n"
	"  kind: sequence\n"
	"  within: 5m\n"
	"  steps:\n"
	"    - rule: Attach/Exec Pod\n"
	"      by: [ka.target.namespace, ka.target.name]\n"
	"    - condition: open_read and fd.name startswith /var/run/secrets\n"
	"      source: syscall\n"
	"      by: [k8s.ns.name, k8s.pod.name]\n"
	"  until:\n"
	"    condition: ka.verb=delete\n"
	"    source: k8s_audit\n"
	"    by: [ka.target.namespace, ka.target.name]\n"
	"  output: >\n"
	"    Exec then token read (user=%steps[0].ka.user.name pod=%key[1] "
	"cmd=%steps[1].proc.cmdline 100%%)\n"
	"  priority: CRITICAL\n"
	"  tags: [k8s, mitre_credential_access]\n";

static int load(const char *a, const char *b, const char *const *sel, size_t nsel,
	sk_ruleset_t **rs, sk_diags_t *d)
{
	const char *names[] = { "base.yaml", "corr.yaml" };
	const char *texts[] = { a, b };
	sk_rules_opts_t o = { .min_priority = SK_PRIO_DEBUG, .selectors = sel,
		.nselectors = nsel };
	memset(d, 0, sizeof(*d));
	return sk_ruleset_load_mem(&ch_host, names, texts, 2, &o, rs, d);
}

/* The first error formatted, or "". */
static const char *first_error(const sk_diags_t *d, char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].level == SK_DIAG_ERROR) {
			sk_diag_format(&d->v[i], buf, len);
			break;
		}
	return buf;
}

static void test_good(void)
{
	sk_ruleset_t *rs;
	sk_diags_t d;
	char buf[1024];
	int rc = load(base, good, NULL, 0, &rs, &d);
	CHECK(rc == 0, "load failed: %s", first_error(&d, buf, sizeof(buf)));
	if (rc)
		return;
	const sk_corr_def_t *v;
	size_t n = sk_ruleset_correlations(rs, &v);
	CHECK(n == 1, "n=%zu", n);
	const sk_corr_def_t *c = &v[0];
	CHECK(c->kind == SK_CORR_SEQUENCE && c->within_ns == 300000000000ull, "kind/window");
	CHECK(c->nsteps == 2 && c->nby == 2 && c->until, "steps");
	CHECK(c->enabled && c->compiled, "enabled");
	CHECK(!strcmp(c->steps[0].rule, "Attach/Exec Pod"), "rule step");
	CHECK(!strcmp(c->steps[0].source, "k8s_audit"), "rule step source");
	CHECK(!strcmp(c->steps[1].source, "syscall") && !c->steps[1].rule, "inline step");
	CHECK(c->steps[0].ncapture == 3, "captures of step 0: %zu", c->steps[0].ncapture);
	CHECK(c->steps[1].ncapture == 3 && !strcmp(c->steps[1].capture[2], "proc.cmdline"),
		"captures of step 1");
	CHECK(c->priority == SK_PRIO_CRITICAL && c->ntags == 2, "prio/tags");
	CHECK(c->line == 1 && c->file && !strcmp(c->file, "corr.yaml"), "where");
	size_t steps = 0, keys = 0;
	for (size_t i = 0; i < c->ntok; i++) {
		steps += c->tok[i].kind == SK_CTOK_STEP;
		keys += c->tok[i].kind == SK_CTOK_KEY;
	}
	CHECK(steps == 2 && keys == 1, "tokens");
	CHECK(sk_ruleset_corr_uses_source(rs, "syscall") &&
		sk_ruleset_corr_uses_source(rs, "k8s_audit"), "sources");
	/* open/openat reach the syscall source for the step (kernel filter) */
	uint16_t *t;
	size_t nt;
	bool all;
	CHECK(sk_ruleset_event_types(rs, "syscall", &t, &nt, &all) == 0 && nt >= 2,
		"step event types: %zu", nt);
	free(t);
	uint64_t h1 = c->hash;
	sk_ruleset_unref(rs);
	sk_diags_free(&d);
	/* same text, same hash; a changed window, another hash */
	load(base, good, NULL, 0, &rs, &d);
	sk_ruleset_correlations(rs, &v);
	CHECK(v[0].hash == h1, "hash stable");
	sk_ruleset_unref(rs);
	sk_diags_free(&d);
	char *g2 = strdup(good);
	memcpy(strstr(g2, "within: 5m"), "within: 6m", 10);
	load(base, g2, NULL, 0, &rs, &d);
	sk_ruleset_correlations(rs, &v);
	CHECK(v[0].hash != h1, "hash changes with the window");
	sk_ruleset_unref(rs);
	sk_diags_free(&d);
	free(g2);
}

typedef struct errcase {
	const char *what, *text, *where, *msg;
} errcase_t;

static const errcase_t errs[] = {
	{ "undefined rule",
		"- correlation: C\n  kind: sequence\n  within: 1m\n  output: x\n  priority: INFO\n"
		"  steps:\n    - rule: Nope\n    - condition: proc.name=a\n",
		"corr.yaml:7:7", "undefined rule 'Nope'" },
	{ "bad kind",
		"- correlation: C\n  kind: sometimes\n  within: 1m\n  output: x\n  priority: INFO\n"
		"  steps:\n    - condition: proc.name=a\n",
		"corr.yaml:2:9", "Invalid kind 'sometimes'" },
	{ "bad window",
		"- correlation: C\n  kind: count\n  within: 5 minutes\n  threshold: 3\n  output: x\n"
		"  priority: INFO\n  steps:\n    - condition: proc.name=a\n",
		"corr.yaml:3:11", "Invalid window" },
	{ "key arity",
		"- correlation: C\n  kind: all\n  within: 1m\n  output: x\n  priority: INFO\n"
		"  steps:\n    - condition: proc.name=a\n      by: [proc.name]\n"
		"    - condition: proc.name=b\n      by: [proc.name, fd.name]\n",
		"corr.yaml:10:11", "same number of 'by' fields" },
	{ "unknown by field",
		"- correlation: C\n  kind: all\n  within: 1m\n  output: x\n  priority: INFO\n"
		"  steps:\n    - condition: proc.name=a\n      by: [proc.nope]\n"
		"    - condition: proc.name=b\n      by: [proc.name]\n",
		"corr.yaml:8:12", "proc.nope" },
	{ "condition syntax",
		"- correlation: C\n  kind: count\n  threshold: 2\n  within: 1m\n  output: x\n"
		"  priority: INFO\n  steps:\n    - condition: proc.name = = a\n",
		"corr.yaml:8:", "" },
	{ "output step index",
		"- correlation: C\n  kind: all\n  within: 1m\n  output: hello %steps[2].proc.name\n"
		"  priority: INFO\n  steps:\n    - condition: proc.name=a\n"
		"    - condition: proc.name=b\n",
		"corr.yaml:4:", "%steps[2]" },
	{ "output bad token",
		"- correlation: C\n  kind: all\n  within: 1m\n  output: hello %proc.name\n"
		"  priority: INFO\n  steps:\n    - condition: proc.name=a\n"
		"    - condition: proc.name=b\n",
		"corr.yaml:4:", "invalid output token" },
	{ "count without threshold",
		"- correlation: C\n  kind: count\n  within: 1m\n  output: x\n  priority: INFO\n"
		"  steps:\n    - condition: proc.name=a\n",
		"corr.yaml:1:3", "needs 'threshold'" },
	{ "distinct without field",
		"- correlation: C\n  kind: distinct\n  threshold: 2\n  within: 1m\n  output: x\n"
		"  priority: INFO\n  steps:\n    - condition: proc.name=a\n",
		"corr.yaml:1:3", "needs 'field'" },
	{ "sequence with one step",
		"- correlation: C\n  kind: sequence\n  within: 1m\n  output: x\n  priority: INFO\n"
		"  steps:\n    - condition: proc.name=a\n",
		"corr.yaml:7:5", "2 to 32 steps" },
	{ "missing key",
		"- correlation: C\n  kind: sequence\n  output: x\n  priority: INFO\n"
		"  steps:\n    - condition: proc.name=a\n",
		"corr.yaml:1:3", "no mapping for key 'within'" },
	{ "step with rule and source",
		"- correlation: C\n  kind: count\n  threshold: 2\n  within: 1m\n  output: x\n"
		"  priority: INFO\n  steps:\n    - rule: Attach/Exec Pod\n      source: syscall\n",
		"corr.yaml:9:15", "takes the rule's source" },
	{ "override of nothing",
		"- correlation: C\n  tags: [a]\n  override:\n    tags: append\n",
		"corr.yaml:1:3", "no correlation by that name" },
};

static void test_errors(void)
{
	char buf[1024];
	for (size_t i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		sk_ruleset_t *rs = NULL;
		sk_diags_t d;
		int rc = load(base, errs[i].text, NULL, 0, &rs, &d);
		first_error(&d, buf, sizeof(buf));
		CHECK(rc != 0 && !rs, "%s: loaded", errs[i].what);
		CHECK(strstr(buf, errs[i].where) == buf, "%s: where: %s", errs[i].what, buf);
		CHECK(strstr(buf, errs[i].msg), "%s: message: %s", errs[i].what, buf);
		CHECK(strstr(buf, "correlation 'C'") || strstr(buf, "correlation"), "%s: kind: %s",
			errs[i].what, buf);
		sk_ruleset_unref(rs);
		sk_diags_free(&d);
	}
}

static const char *appends =
	"- correlation: Exec into pod then token read\n"
	"  tags: [extra]\n"
	"  override:\n"
	"    tags: append\n"
	"- correlation: Exec into pod then token read\n"
	"  within: 10s\n"
	"  priority: WARNING\n"
	"  override:\n"
	"    within: replace\n"
	"    priority: replace\n";

static void test_append_override(void)
{
	char *text = malloc(strlen(good) + strlen(appends) + 1);
	sprintf(text, "%s%s", good, appends);
	sk_ruleset_t *rs;
	sk_diags_t d;
	char buf[1024];
	int rc = load(base, text, NULL, 0, &rs, &d);
	CHECK(rc == 0, "load: %s", first_error(&d, buf, sizeof(buf)));
	if (!rc) {
		const sk_corr_def_t *v;
		sk_ruleset_correlations(rs, &v);
		CHECK(v[0].ntags == 3, "tags appended: %zu", v[0].ntags);
		CHECK(v[0].within_ns == 10000000000ull, "within replaced");
		CHECK(v[0].priority == SK_PRIO_WARNING, "priority replaced");
		sk_ruleset_unref(rs);
	}
	sk_diags_free(&d);
	/* standalone enabled: false */
	sprintf(text, "%s- correlation: Exec into pod then token read\n  enabled: false\n", good);
	rc = load(base, text, NULL, 0, &rs, &d);
	CHECK(rc == 0, "load enabled");
	if (!rc) {
		const sk_corr_def_t *v;
		sk_ruleset_correlations(rs, &v);
		CHECK(!v[0].enabled, "disabled by redefinition");
		CHECK(!sk_ruleset_corr_uses_source(rs, "syscall"), "disabled: no steps");
		sk_ruleset_unref(rs);
	}
	sk_diags_free(&d);
	free(text);
}

static void test_selectors(void)
{
	struct {
		const char *sel[2];
		size_t n;
		bool enabled;
	} cases[] = {
		{ { "disable:Exec into*" }, 1, false },
		{ { "disable_tag:k8s" }, 1, false },
		{ { "disable:*", "enable_tag:mitre_credential_access" }, 2, true },
		{ { "disable:Attach/Exec Pod" }, 1, true }, /* a step's rule, not the correlation */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sk_ruleset_t *rs;
		sk_diags_t d;
		int rc = load(base, good, cases[i].sel, cases[i].n, &rs, &d);
		CHECK(rc == 0, "selector case %zu", i);
		if (rc)
			continue;
		const sk_corr_def_t *v;
		sk_ruleset_correlations(rs, &v);
		CHECK(v[0].enabled == cases[i].enabled, "selector case %zu: enabled=%d", i,
			v[0].enabled);
		bool unused = false;
		for (size_t k = 0; k < d.n; k++)
			unused |= !strcmp(d.v[k].code, "LOAD_UNUSED_SELECTOR");
		CHECK(!unused, "selector case %zu: reported unused", i);
		sk_ruleset_unref(rs);
		sk_diags_free(&d);
	}
	/* a correlation whose step source is not loaded is skipped with a warning */
	const char *other =
		"- correlation: Okta burst\n  kind: count\n  threshold: 3\n  within: 1m\n"
		"  output: burst %key[0]\n  priority: WARNING\n  steps:\n"
		"    - condition: okta.evt.type = x\n      source: okta\n      by: okta.actor.name\n";
	sk_ruleset_t *rs;
	sk_diags_t d;
	int rc = load(base, other, NULL, 0, &rs, &d);
	CHECK(rc == 0 && d.nwarnings >= 1, "unknown source: warning only");
	if (!rc) {
		const sk_corr_def_t *v;
		sk_ruleset_correlations(rs, &v);
		CHECK(!v[0].compiled && !v[0].enabled, "unknown source: skipped");
		sk_ruleset_unref(rs);
	}
	sk_diags_free(&d);
}

int main(void)
{
	test_good();
	test_errors();
	test_append_override();
	test_selectors();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
