/*
 * The baseline for the host-overhead benchmark: dlopen the same source
 * plugin, pull every batch on one thread and touch each event (header
 * fields and payload's first byte), as the cheapest possible consumer.
 * Prints "<events> <seconds>".
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "plugin_api.h"
#include "sk_event_schema.h"

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s <plugin.so> <events>\n", argv[0]);
		return 2;
	}
	void *dl = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	if (!dl) {
		fprintf(stderr, "dlopen: %s\n", dlerror());
		return 1;
	}
	ss_plugin_t *(*init)(const ss_plugin_init_input *, ss_plugin_rc *) = dlsym(dl, "plugin_init");
	ss_instance_t *(*open)(ss_plugin_t *, const char *, ss_plugin_rc *) = dlsym(dl, "plugin_open");
	ss_plugin_rc (*next)(ss_plugin_t *, ss_instance_t *, uint32_t *, ss_plugin_event ***) =
		dlsym(dl, "plugin_next_batch");
	if (!init || !open || !next) {
		fprintf(stderr, "missing symbols\n");
		return 1;
	}
	ss_plugin_init_input in = { .config = "{}" };
	ss_plugin_rc rc;
	ss_plugin_t *s = init(&in, &rc);
	ss_instance_t *h = open(s, argv[2], &rc);
	if (rc != SS_PLUGIN_SUCCESS)
		return 1;

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	uint64_t n = 0, sum = 0;
	for (;;) {
		uint32_t cnt = 0;
		ss_plugin_event **evts = NULL;
		rc = next(s, h, &cnt, &evts);
		for (uint32_t i = 0; i < cnt; i++) {
			const ss_plugin_event *e = evts[i];
			sum += e->ts + e->len + e->type + sk_evt_plugin_payload(e)[0];
			n++;
		}
		if (rc != SS_PLUGIN_SUCCESS)
			break;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%llu %.6f %llu\n", (unsigned long long)n, secs, (unsigned long long)(sum & 1));
	return 0;
}
