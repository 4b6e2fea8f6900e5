/*
 * split_only.c - the benchmark's baseline: drive the cloudtrail plugin's
 * source alone (read, gunzip, validate, split into records, build batches)
 * over a folder, with no host, no field extraction and no rules.
 * usage: ct_split_only <libcloudtrail.so> <folder>
 * prints: records=<n> seconds=<wall> cpu=<user+sys>
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "plugin_api.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	ss_plugin_t *(*init)(const ss_plugin_init_input *, ss_plugin_rc *);
	ss_instance_t *(*open)(ss_plugin_t *, const char *, ss_plugin_rc *);
	ss_plugin_rc (*next)(ss_plugin_t *, ss_instance_t *, uint32_t *, ss_plugin_event ***);
	void (*close)(ss_plugin_t *, ss_instance_t *);
	void (*destroy)(ss_plugin_t *);
	const char *(*lasterr)(ss_plugin_t *);
	ss_plugin_init_input in = { 0 };
	unsigned long long records = 0;
	ss_plugin_rc rc;
	ss_plugin_t *st;
	ss_instance_t *h;
	double t0, c0;
	void *dl;

	if (argc != 3) {
		fprintf(stderr, "usage: %s <libcloudtrail.so> <folder>\n", argv[0]);
		return 2;
	}
	if (!(dl = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL))) {
		fprintf(stderr, "%s\n", dlerror());
		return 1;
	}
	*(void **)&init = dlsym(dl, "plugin_init");
	*(void **)&open = dlsym(dl, "plugin_open");
	*(void **)&next = dlsym(dl, "plugin_next_batch");
	*(void **)&close = dlsym(dl, "plugin_close");
	*(void **)&destroy = dlsym(dl, "plugin_destroy");
	*(void **)&lasterr = dlsym(dl, "plugin_get_last_error");
	if (!init || !open || !next || !close || !destroy || !lasterr) {
		fprintf(stderr, "not a source plugin\n");
		return 1;
	}
	in.config = "{}";
	st = init(&in, &rc);
	if (rc != SS_PLUGIN_SUCCESS) {
		fprintf(stderr, "init: %s\n", st ? lasterr(st) : "?");
		return 1;
	}
	t0 = now();
	c0 = cpu();
	h = open(st, argv[2], &rc);
	if (!h) {
		fprintf(stderr, "open: %s\n", lasterr(st));
		return 1;
	}
	for (;;) {
		uint32_t n = 0;
		ss_plugin_event **evts = NULL;

		rc = next(st, h, &n, &evts);
		records += n;
		if (rc == SS_PLUGIN_EOF)
			break;
		if (rc == SS_PLUGIN_FAILURE) {
			fprintf(stderr, "next_batch: %s\n", lasterr(st));
			return 1;
		}
	}
	close(st, h);
	printf("records=%llu seconds=%.6f cpu=%.6f\n", records, now() - t0, cpu() - c0);
	destroy(st);
	dlclose(dl);
	return 0;
}
