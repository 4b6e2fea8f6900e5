/*
 * jsonparse.c - baseline for bench/okta: parse each line of an NDJSON file
 * with jansson (a full DOM per event) and report events/s.
 * usage: okta_jsonparse FILE [REPEAT]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	FILE *f;
	char *buf = NULL;
	long sz;
	size_t n = 0, i, nlines = 0, *off = NULL, *len = NULL, cap = 0, start = 0;
	int rep, r;
	double t0, t;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE [REPEAT]\n", argv[0]);
		return 2;
	}
	rep = argc > 2 ? atoi(argv[2]) : 1;
	f = fopen(argv[1], "rb");
	if (!f || fseek(f, 0, SEEK_END) || (sz = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		perror(argv[1]);
		return 1;
	}
	buf = malloc((size_t)sz + 1);
	if (!buf || fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
		perror("read");
		return 1;
	}
	fclose(f);
	n = (size_t)sz;
	for (i = 0; i <= n; i++) {
		if (i == n || buf[i] == '\n') {
			if (i > start) {
				if (nlines == cap) {
					cap = cap ? cap * 2 : 1024;
					off = realloc(off, cap * sizeof(*off));
					len = realloc(len, cap * sizeof(*len));
					if (!off || !len)
						return 1;
				}
				off[nlines] = start;
				len[nlines++] = i - start;
			}
			start = i + 1;
		}
	}
	t0 = now_s();
	for (r = 0; r < rep; r++) {
		for (i = 0; i < nlines; i++) {
			json_t *j = json_loadb(buf + off[i], len[i], 0, NULL);

			if (!j) {
				fprintf(stderr, "line %zu: invalid JSON\n", i + 1);
				return 1;
			}
			json_decref(j);
		}
	}
	t = now_s() - t0;
	printf("{\"events\": %zu, \"seconds\": %.6f, \"events_per_s\": %.0f}\n",
		nlines * (size_t)rep, t, (double)(nlines * (size_t)rep) / t);
	free(off);
	free(len);
	free(buf);
	return 0;
}
