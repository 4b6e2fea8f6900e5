/*
 * test_rules_loader.c - table-driven tests of the rules loader: exceptions
 * text, list substitution, broken files (one precise diagnostic each),
 * append/override/redefinition, error positions, enabling, versions.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/cond.h"
#include "rules/loader_int.h"
#include "rules/ruleset_int.h"
#include "../lib/sktest.h"
#include "testhost.h"

static int load(const char *yaml, const sk_rules_opts_t *opts, sk_ruleset_t **rs,
	sk_diags_t *d)
{
	const char *names[] = { "t.yaml" };
	memset(d, 0, sizeof(*d));
	return sk_ruleset_load_mem(&th_host, names, &yaml, 1, opts, rs, d);
}

static const sk__rule_t *rule_named(const sk_ruleset_t *rs, const char *name)
{
	for (size_t i = 0; rs && i < rs->nrules; i++)
		if (!strcmp(rs->rules[i].name, name))
			return &rs->rules[i];
	return NULL;
}

static void dump_diags(const sk_diags_t *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char b[1024];
		sk_diag_format(&d->v[i], b, sizeof(b));
		printf("    | %s\n", b);
	}
}

/* line:col of the first occurrence of needle in text (1-based) */
static void pos_of(const char *text, const char *needle, unsigned *line, unsigned *col)
{
	const char *p = strstr(text, needle);
	*line = 1;
	*col = 1;
	for (const char *q = text; p && q < p; q++) {
		if (*q == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

/* Print an AST the way falco's unit tests compare conditions: groups
 * dropped, and/or as "(a and b)", not as "not x". */
static void falco_print(const sk__ast_t *a, char *b, size_t n)
{
	size_t l = strlen(b);
	switch (a->kind) {
	case SK__AST_GROUP:
		falco_print(a->kids[0], b, n);
		return;
	case SK__AST_AND:
	case SK__AST_OR:
		strncat(b, "(", n - l - 1);
		for (size_t i = 0; i < a->nkids; i++) {
			if (i)
				strncat(b, a->kind == SK__AST_AND ? " and " : " or ", n - strlen(b) - 1);
			falco_print(a->kids[i], b, n);
		}
		strncat(b, ")", n - strlen(b) - 1);
		return;
	case SK__AST_NOT:
		strncat(b, "not ", n - l - 1);
		falco_print(a->kids[0], b, n);
		return;
	default:
		if (l < n)
			sk__ast_print(a, b + l, n - l);
		return;
	}
}

/* ---- 1. exceptions -------------------------------------------------------- */

static const struct {
	const char *label;
	const char *yaml;   /* the rule's exceptions: block (indented 2) */
	const char *want;   /* cond_text (after list substitution) */
} exc_cases[] = {
	{ "falco unit test (modifier + tuple with a list)",
		"  exceptions:\n"
		"    - name: e1\n"
		"      fields: [proc.name, fd.name]\n"
		"      comps: [startswith oneof, startswith]\n"
		"      values: [[[sshd, sudo], /etc/]]\n",
		"(evt.type = open) and not (( proc.name startswith oneof (sshd, sudo) and fd.name "
		"startswith /etc/))" },
	{ "scalar field, default comp in, quoted value",
		"  exceptions:\n"
		"    - name: e1\n"
		"      fields: proc.name\n"
		"      values: [sshd, my tool]\n",
		"(evt.type = open) and not (proc.name in (sshd, \"my tool\"))" },
	{ "scalar field with pmatch",
		"  exceptions:\n"
		"    - name: e1\n"
		"      fields: fd.name\n"
		"      comps: pmatch\n"
		"      values: [/etc, /usr/lib]\n",
		"(evt.type = open) and not (fd.name pmatch (/etc, /usr/lib))" },
	{ "two tuples, default comps =",
		"  exceptions:\n"
		"    - name: e1\n"
		"      fields: [proc.name, fd.name]\n"
		"      values: [[cat, /etc/passwd], [vi, /etc/hosts]]\n",
		"(evt.type = open) and not (( proc.name = cat and fd.name = /etc/passwd) or ( "
		"proc.name = vi and fd.name = /etc/hosts))" },
	{ "list operator with a scalar value gets parentheses",
		"  exceptions:\n"
		"    - name: e1\n"
		"      fields: [proc.name, fd.name]\n"
		"      comps: [in, startswith]\n"
		"      values: [[cat, /etc]]\n",
		"(evt.type = open) and not (( proc.name in (cat) and fd.name startswith /etc))" },
	{ "value naming a list is substituted",
		"  exceptions:\n"
		"    - name: e1\n"
		"      fields: [proc.name]\n"
		"      comps: [in]\n"
		"      values: [[shells]]\n",
		"(evt.type = open) and not (( proc.name in ( sh, bash )))" },
	{ "exception without values adds nothing",
		"  exceptions:\n"
		"    - name: e1\n"
		"      fields: [proc.name]\n",
		"(evt.type = open)" },
	{ "two exceptions",
		"  exceptions:\n"
		"    - name: e1\n"
		"      fields: proc.name\n"
		"      values: [a]\n"
		"    - name: e2\n"
		"      fields: [fd.name]\n"
		"      comps: [endswith]\n"
		"      values: [[.log]]\n",
		"(evt.type = open) and not (proc.name in (a)) and not (( fd.name endswith .log))" },
};

static void test_exceptions(void)
{
	for (size_t i = 0; i < sizeof(exc_cases) / sizeof(exc_cases[0]); i++) {
		char y[2048];
		snprintf(y, sizeof(y),
			"- list: shells\n  items: [sh, bash]\n"
			"- rule: r\n  desc: d\n  condition: evt.type = open\n  output: o\n"
			"  priority: INFO\n%s", exc_cases[i].yaml);
		sk_ruleset_t *rs;
		sk_diags_t d;
		int rc = load(y, NULL, &rs, &d);
		const sk__rule_t *r = rule_named(rs, "r");
		CHECK(rc == 0 && r && r->cond_text && !strcmp(r->cond_text, exc_cases[i].want),
			"exceptions '%s':\n  got  %s\n  want %s", exc_cases[i].label,
			r && r->cond_text ? r->cond_text : "(none)", exc_cases[i].want);
		if (rc)
			dump_diags(&d);
		sk_ruleset_unref(rs);
		sk_diags_free(&d);
	}
	/* The reference expectation, compared on the re-printed AST like the
	 * falco unit test does. */
	sk__ast_t *a = NULL, *b = NULL;
	sk__parse_err_t pe;
	char pa[512] = "", pb[512] = "";
	if (!sk__cond_parse(exc_cases[0].want, &a, &pe) &&
		!sk__cond_parse("(evt.type = open and not (proc.name startswith oneof (sshd, sudo) and "
				"fd.name startswith /etc/))", &b, &pe)) {
		falco_print(a, pa, sizeof(pa));
		falco_print(b, pb, sizeof(pb));
	}
	CHECK(pa[0] && !strcmp(pa, pb), "exception AST differs from falco's:\n  got  %s\n  want %s",
		pa, pb);
	sk__ast_free(a);
	sk__ast_free(b);
}

/* ---- 2. list substitution -------------------------------------------------- */

static void test_subst(void)
{
	char *shells[] = { "sh", "bash" }, *empty[] = { NULL }, *spaced[] = { "\"my tool\"", "x" };
	sk__listdef_t defs[] = { { "shells", shells, 2 }, { "empty", empty, 0 },
		{ "spaced", spaced, 2 } };
	static const struct {
		const char *in, *want;
	} c[] = {
		{ "proc.name in (shells)", "proc.name in ( sh, bash )" },
		{ "proc.name in (shells, empty)", "proc.name in ( sh, bash   )" },
		{ "proc.name in (empty)", "proc.name in (  )" },
		{ "proc.name in (empty, shells)", "proc.name in (   sh, bash )" },
		{ "proc.name = \"shells\"", "proc.name = \"shells\"" },
		{ "shellsx in (shells)", "shellsx in ( sh, bash )" },
		{ "proc.name in (spaced)", "proc.name in ( \"my tool\", x )" },
		{ "proc.name=shells", "proc.name= sh, bash " },
	};
	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		bool used[3] = { false, false, false };
		size_t *map = NULL, len = 0;
		char *out = sk__subst_lists(c[i].in, defs, 3, used, 0, NULL, &map, &len);
		CHECK(out && !strcmp(out, c[i].want), "subst '%s': got '%s' want '%s'", c[i].in,
			out ? out : "(null)", c[i].want);
		/* every byte maps back into the input */
		bool mapok = out != NULL;
		for (size_t k = 0; out && k <= len; k++)
			mapok &= map[k] <= strlen(c[i].in);
		CHECK(mapok, "subst '%s': offset map out of range", c[i].in);
		free(out);
		free(map);
	}
	size_t *map = NULL, len;
	char *out = sk__subst_lists("a = 1 and proc.name in (shells)", defs, 3, NULL, 0, NULL, &map, &len);
	const char *sh = out ? strstr(out, "sh,") : NULL;
	CHECK(sh && map[sh - out] == 24, "subst map: 'sh' should map to offset 24 (list name)");
	free(out);
	free(map);
}

#include "test_rules_loader_cases.h"

int main(void)
{
	test_exceptions();
	test_subst();
	test_broken();
	test_collect();
	test_positions();
	test_enabling();
	test_api();
	test_mutations();
	return sktest_report("rules_loader");
}
