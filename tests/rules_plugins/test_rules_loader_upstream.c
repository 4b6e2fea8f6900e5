/*
 * test_rules_loader_upstream.c - acceptance: the upstream rules files load with 0
 * errors against the test plugins' field catalogues, and the numbers of
 * rules / macros / lists / enabled rules / priorities match
 * shared/reference/rules-census.md.
 * usage: test_rules_loader_upstream <plugin.so>...   (SAKER_UPSTREAM overrides the
 * default upstream folder; exit 77 when it is absent)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fakehost.h"
#include "rules/ruleset_int.h"
#include "sk_event_schema.h"
#include "../lib/sktest.h"

typedef struct expect {
	const char *files[4];
	size_t rules, macros, lists, enabled;
	/* priorities: emergency..debug */
	size_t prio[8];
	const char *source;
	const char *evttypes; /* rules-census.md §1.5, space separated */
} expect_t;

/* rules-census.md §1.1, §2.1 */
static const expect_t cases[] = {
	{ { "falco_rules.yaml" }, 25, 87, 49, 25, { 0, 0, 3, 0, 14, 7, 1, 0 }, "syscall",
		"connect dup dup2 dup3 execve execveat finit_module init_module link linkat open openat "
		"openat2 ptrace sendmsg sendto socket symlink symlinkat" },
	{ { "falco-incubating_rules.yaml" }, 31, 82, 54, 31, { 0, 0, 0, 3, 7, 19, 2, 0 }, "syscall",
		"accept accept4 bpf chmod connect creat execve execveat fchmod fchmodat listen open "
		"openat openat2 rename renameat renameat2 rmdir sendmsg sendto setns setuid unlink "
		"unlinkat unshare" },
	{ { "falco-sandbox_rules.yaml" }, 37, 183, 60, 25, { 0, 0, 10, 9, 8, 7, 3, 0 }, "syscall",
		"accept accept4 chmod connect creat execve execveat fchmod fchmodat listen mkdir mkdirat "
		"open openat openat2 recvfrom recvmsg rename renameat renameat2 rmdir sendmsg sendto "
		"unlink unlinkat userfaultfd" },
	{ { "falco_rules.yaml", "falco-incubating_rules.yaml", "falco-sandbox_rules.yaml" }, 93, 315,
		118, 81, { 0, 0, 13, 12, 29, 33, 6, 0 }, "syscall",
		"accept accept4 bpf chmod connect creat dup dup2 dup3 execve execveat fchmod fchmodat "
		"finit_module init_module link linkat listen mkdir mkdirat open openat openat2 ptrace "
		"recvfrom recvmsg rename renameat renameat2 rmdir sendmsg sendto setns setuid socket "
		"symlink symlinkat unlink unlinkat unshare userfaultfd" },
	{ { "k8s_audit_rules.yaml" }, 48, 45, 18, 48, { 0, 0, 0, 2, 21, 4, 20, 1 }, "k8s_audit", NULL },
	{ { "aws_cloudtrail_rules.yaml" }, 22, 0, 1, 20, { 0, 0, 5, 0, 15, 0, 1, 1 },
		"aws_cloudtrail", NULL },
	{ { "okta_rules.yaml" }, 21, 1, 1, 12, { 0, 0, 0, 0, 2, 19, 0, 0 }, "okta", NULL },
	{ { "github.yaml" }, 15, 0, 0, 15, { 0, 0, 4, 0, 3, 0, 6, 2 }, "github", NULL },
};

static int cmp_u16(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

/* The indexed codes must be exactly the codes of the census' syscall
 * names, plus the async event code every rule also gets. */
static bool evttypes_match(const char *names, const uint16_t *got, size_t ngot)
{
	uint16_t want[1024];
	size_t n = 0;
	char buf[2048], *save = NULL;
	snprintf(buf, sizeof(buf), "%s", names);
	for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		size_t k = sk_evt_codes_by_name(t, want + n, sizeof(want) / sizeof(want[0]) - n);
		if (k == 0)
			printf("  census event type %s unknown to the schema\n", t);
		n += k;
	}
	want[n++] = PPME_ASYNCEVENT_E;
	qsort(want, n, sizeof(want[0]), cmp_u16);
	size_t o = 0;
	for (size_t i = 0; i < n; i++)
		if (!o || want[o - 1] != want[i])
			want[o++] = want[i];
	bool same = o == ngot && !memcmp(want, got, o * sizeof(uint16_t));
	if (!same) {
		printf("  expected %zu codes:", o);
		for (size_t i = 0; i < o; i++)
			printf(" %u", want[i]);
		printf("\n  got %zu codes:", ngot);
		for (size_t i = 0; i < ngot; i++)
			printf(" %u", got[i]);
		printf("\n");
	}
	return same;
}

int main(int argc, char **argv)
{
	const char *up = getenv("SAKER_UPSTREAM");
#ifdef SAKER_UPSTREAM_DEFAULT
	if (!up || !*up)
		up = SAKER_UPSTREAM_DEFAULT;
#endif
	char probe[4096];
	struct stat sb;
	snprintf(probe, sizeof(probe), "%s/rules/falco_rules.yaml", up ? up : "");
	if (!up || stat(probe, &sb)) {
		printf("SKIP: upstream rules not found (set SAKER_UPSTREAM; tried %s)\n", probe);
		return 77;
	}
	fh_host_t *fh = fh_new((const char *const *)argv + 1, (size_t)argc - 1);
	if (!fh)
		return 1;
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		const expect_t *e = &cases[c];
		char paths[4][4096];
		const char *pv[4];
		size_t n = 0;
		char label[512] = "";
		for (; n < 4 && e->files[n]; n++) {
			snprintf(paths[n], sizeof(paths[n]), "%s/rules/%s", up, e->files[n]);
			pv[n] = paths[n];
			strncat(label, e->files[n], sizeof(label) - strlen(label) - 2);
			strcat(label, " ");
		}
		sk_ruleset_t *rs = NULL;
		sk_diags_t d = { 0 };
		int rc = sk_ruleset_load(fh_rules_host(fh), pv, n, NULL, &rs, &d);
		bool ok = rc == 0 && d.nerrors == 0 && rs;
		for (size_t i = 0; i < d.n; i++) {
			char buf[2048];
			sk_diag_format(&d.v[i], buf, sizeof(buf));
			if (d.v[i].level == SK_DIAG_ERROR)
				printf("  %s\n", buf);
		}
		if (ok) {
			sk_ruleset_stats_t st;
			sk_ruleset_stats(rs, &st);
			size_t prio[8] = { 0 };
			for (size_t i = 0; i < rs->nrules; i++)
				prio[rs->rules[i].priority]++;
			const char *const *srcs;
			size_t ns = sk_ruleset_sources(rs, &srcs);
			bool prio_ok = !memcmp(prio, e->prio, sizeof(prio));
			ok = st.rules == e->rules && st.macros == e->macros && st.lists == e->lists &&
				st.rules_enabled == e->enabled && prio_ok && ns == 1 &&
				!strcmp(srcs[0], e->source);
			printf("%s %s: rules %zu/%zu macros %zu/%zu lists %zu/%zu enabled %zu/%zu "
			       "priorities %s sources %zu (%s) warnings %zu\n",
				ok ? "ok  " : "FAIL", label, st.rules, e->rules, st.macros, e->macros,
				st.lists, e->lists, st.rules_enabled, e->enabled, prio_ok ? "match" : "DIFFER",
				ns, ns ? srcs[0] : "-", d.nwarnings);
			/* the census' event types are those of every rule (disabled ones
			 * included): union the per-rule sets; the API reports the
			 * enabled rules' union, which must be a subset */
			if (!strcmp(e->source, "syscall")) {
				uint16_t all_codes[2048], *types = NULL;
				size_t na = 0, nt = 0;
				bool all = false, subset = true;
				for (size_t i = 0; i < rs->nrules; i++) {
					const sk__rule_t *r = &rs->rules[i];
					all |= r->all_types;
					for (size_t k = 0; k < r->nevttypes && na < 2048; k++)
						all_codes[na++] = r->evttypes[k];
				}
				qsort(all_codes, na, sizeof(uint16_t), cmp_u16);
				size_t o = 0;
				for (size_t i = 0; i < na; i++)
					if (!o || all_codes[o - 1] != all_codes[i])
						all_codes[o++] = all_codes[i];
				if (all || !evttypes_match(e->evttypes, all_codes, o)) {
					printf("FAIL %s: event type set differs from the census\n", label);
					ok = false;
				}
				bool eall;
				if (sk_ruleset_event_types(rs, "syscall", &types, &nt, &eall) || eall || !nt) {
					printf("FAIL %s: sk_ruleset_event_types n=%zu all=%d\n", label, nt, eall);
					ok = false;
				}
				for (size_t i = 0; i < nt; i++)
					subset &= bsearch(&types[i], all_codes, o, sizeof(uint16_t), cmp_u16) != NULL;
				if (!subset) {
					printf("FAIL %s: enabled rules' event types not a subset\n", label);
					ok = false;
				}
				free(types);
			}
		} else {
			printf("FAIL %s: rc=%d errors=%zu\n", label, rc, d.nerrors);
		}
		CHECK(ok, "%s", label);
		sk_ruleset_unref(rs);
		sk_diags_free(&d);
	}
	fh_free(fh);
	return sktest_report("upstream rules files load as the census says");
}
