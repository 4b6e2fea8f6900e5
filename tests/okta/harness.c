/*
 * harness.c - a minimal host for the okta plugin: dlopen, init with a JSON
 * config, open, then next_batch until EOF, printing one line per event
 * ("<uuid>"). With --die-after N it ends the process with _exit() right
 * after printing the Nth event, without closing the source: what SIGKILL
 * does to saker while a page is being handed out.
 *
 * usage: okta_harness PLUGIN CONFIG_JSON [--die-after N] [--max-seconds S]
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "plugin_api.h"
#include "sk_event_schema.h"

typedef ss_plugin_t *(*init_fn)(const ss_plugin_init_input *, ss_plugin_rc *);
typedef const char *(*err_fn)(ss_plugin_t *);
typedef ss_instance_t *(*open_fn)(ss_plugin_t *, const char *, ss_plugin_rc *);
typedef void (*close_fn)(ss_plugin_t *, ss_instance_t *);
typedef void (*destroy_fn)(ss_plugin_t *);
typedef ss_plugin_rc (*next_fn)(ss_plugin_t *, ss_instance_t *, uint32_t *, ss_plugin_event ***);

static void on_log(ss_plugin_owner_t *o, const char *component, const char *msg,
	ss_plugin_log_severity sev)
{
	(void)o;
	(void)component;
	fprintf(stderr, "log[%d] %s\n", (int)sev, msg);
}

/* The uuid of a payload (the fake writes compact JSON). */
static void print_uuid(const ss_plugin_event *e)
{
	const char *p = (const char *)sk_evt_plugin_payload(e);
	uint32_t len = sk_evt_get_len32(e, 1);
	const char *u, *end;

	u = memmem(p, len, "\"uuid\":\"", 8);
	if (!u) {
		printf("?\n");
		return;
	}
	u += 8;
	end = memchr(u, '"', (size_t)(p + len - u));
	printf("%.*s\n", end ? (int)(end - u) : 0, u);
}

int main(int argc, char **argv)
{
	long die_after = -1, max_s = 120, n = 0;
	ss_plugin_init_input in = { 0 };
	ss_plugin_rc rc;
	ss_plugin_event **evts;
	ss_instance_t *inst;
	ss_plugin_t *st;
	uint32_t nev, i;
	time_t start = time(NULL);
	void *h;
	int a;

	if (argc < 3) {
		fprintf(stderr, "usage: %s PLUGIN CONFIG_JSON [--die-after N] [--max-seconds S]\n",
			argv[0]);
		return 2;
	}
	for (a = 3; a + 1 < argc; a += 2) {
		if (strcmp(argv[a], "--die-after") == 0)
			die_after = atol(argv[a + 1]);
		else if (strcmp(argv[a], "--max-seconds") == 0)
			max_s = atol(argv[a + 1]);
	}
	h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		fprintf(stderr, "dlopen: %s\n", dlerror());
		return 1;
	}
	init_fn init = (init_fn)dlsym(h, "plugin_init");
	err_fn last = (err_fn)dlsym(h, "plugin_get_last_error");
	open_fn opn = (open_fn)dlsym(h, "plugin_open");
	close_fn cls = (close_fn)dlsym(h, "plugin_close");
	destroy_fn des = (destroy_fn)dlsym(h, "plugin_destroy");
	next_fn next = (next_fn)dlsym(h, "plugin_next_batch");
	if (!init || !last || !opn || !cls || !des || !next) {
		fprintf(stderr, "missing plugin symbols\n");
		return 1;
	}
	in.config = argv[2];
	in.log_fn = on_log;
	st = init(&in, &rc);
	if (rc != SS_PLUGIN_SUCCESS) {
		fprintf(stderr, "init: %s\n", st ? last(st) : "?");
		des(st);
		return 1;
	}
	inst = opn(st, "", &rc);
	if (rc != SS_PLUGIN_SUCCESS) {
		fprintf(stderr, "open: %s\n", last(st));
		des(st);
		return 1;
	}
	for (;;) {
		rc = next(st, inst, &nev, &evts);
		for (i = 0; i < nev; i++) {
			print_uuid(evts[i]);
			if (++n == die_after) {
				fflush(stdout);
				_exit(0);
			}
		}
		fflush(stdout);
		if (rc == SS_PLUGIN_EOF)
			break;
		if (rc == SS_PLUGIN_FAILURE) {
			fprintf(stderr, "next_batch: %s\n", last(st));
			break;
		}
		if (time(NULL) - start > max_s) {
			fprintf(stderr, "gave up after %ld s\n", max_s);
			break;
		}
	}
	cls(st, inst);
	des(st);
	dlclose(h);
	return rc == SS_PLUGIN_EOF ? 0 : 1;
}
