/*
 * bench_rules_load.c - one measurement per process (so max RSS is the
 * mode's own): "baseline" reads and YAML-parses the files; "load" runs
 * sk_ruleset_load (YAML, lists, macros, exceptions, parse, compile, event
 * types) against the fields of the given plugins.
 * usage: bench_rules_load baseline|load -n ITER [-p plugin.so]... file...
 * prints: mode=<m> iters=<n> ms_min=<x> ms_median=<y> cpu_ms_min=<c>
 * cpu_ms_median=<d> maxrss_kb=<z> (ms_*: wall time; cpu_ms_*: the
 * process's CPU time, which other load on the machine hardly changes)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <yaml.h>

#include "fakehost.h"

static double clock_ms(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int baseline(const char *const *files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		FILE *f = fopen(files[i], "rb");
		if (!f)
			return -1;
		fseek(f, 0, SEEK_END);
		long len = ftell(f);
		fseek(f, 0, SEEK_SET);
		unsigned char *b = malloc((size_t)len + 1);
		if (!b || fread(b, 1, (size_t)len, f) != (size_t)len) {
			free(b);
			fclose(f);
			return -1;
		}
		fclose(f);
		yaml_parser_t p;
		yaml_parser_initialize(&p);
		yaml_parser_set_input_string(&p, b, (size_t)len);
		for (;;) {
			yaml_document_t d;
			if (!yaml_parser_load(&p, &d)) {
				yaml_parser_delete(&p);
				free(b);
				return -1;
			}
			int end = yaml_document_get_root_node(&d) == NULL;
			yaml_document_delete(&d);
			if (end)
				break;
		}
		yaml_parser_delete(&p);
		free(b);
	}
	return 0;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	const char *mode = argv[1];
	int iters = 20;
	const char *plugins[16], *files[16];
	size_t np = 0, nf = 0;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			iters = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-p") && i + 1 < argc && np < 16)
			plugins[np++] = argv[++i];
		else if (nf < 16)
			files[nf++] = argv[i];
	}
	if (iters < 1 || nf == 0)
		return 2;
	fh_host_t *fh = NULL;
	if (!strcmp(mode, "load") && !(fh = fh_new(plugins, np)))
		return 1;
	double *t = calloc((size_t)iters, sizeof(double));
	double *c = calloc((size_t)iters, sizeof(double));
	if (!t || !c)
		return 1;
	size_t rules = 0;
	for (int it = 0; it < iters; it++) {
		double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		if (fh) {
			sk_ruleset_t *rs = NULL;
			sk_diags_t d = { 0 };
			if (sk_ruleset_load(fh_rules_host(fh), files, nf, NULL, &rs, &d)) {
				for (size_t k = 0; k < d.n; k++) {
					char b[1024];
					sk_diag_format(&d.v[k], b, sizeof(b));
					fprintf(stderr, "%s\n", b);
				}
				return 1;
			}
			sk_ruleset_stats_t st;
			sk_ruleset_stats(rs, &st);
			rules = st.rules;
			sk_ruleset_unref(rs);
			sk_diags_free(&d);
		} else if (baseline(files, nf)) {
			fprintf(stderr, "baseline: cannot read/parse the files\n");
			return 1;
		}
		t[it] = clock_ms(CLOCK_MONOTONIC) - t0;
		c[it] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
	}
	qsort(t, (size_t)iters, sizeof(double), cmp_d);
	qsort(c, (size_t)iters, sizeof(double), cmp_d);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("mode=%s iters=%d ms_min=%.3f ms_median=%.3f cpu_ms_min=%.3f cpu_ms_median=%.3f "
		"maxrss_kb=%ld rules=%zu\n", mode, iters, t[0], t[iters / 2], c[0], c[iters / 2],
		ru.ru_maxrss, rules);
	free(t);
	free(c);
	fh_free(fh);
	return 0;
}
