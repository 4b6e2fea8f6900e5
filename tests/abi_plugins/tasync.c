/*
 * tasync.c - a plugin written against plugin_api.h only (no saker header),
 * built in three variants, for the async-event and extraction-result rules
 * a third-party plugin meets in saker:
 *
 *   tasync_src   sourcing (source "tasync", id 9100, endless: one event per
 *                next_batch) + extraction + async events on its own source.
 *                Once a handler is installed its thread sends: 3 "tasync_evt"
 *                events stamped now, 2 stamped 60 s ahead (to be dropped
 *                and counted), 1 stamped 2 s ahead (kept), 1 with a tid
 *                (refused on a plugin source). Fields: tasync.two (not a
 *                list, returns two values: refused), tasync.list (a list,
 *                two values), tasync.anyof (not a list, two values, declared
 *                with saker's "saker.any_of" property).
 *   tasync_only  async only, on the syscall source: plugin_dump_state sends
 *                two "tasync_state" events; the handler, when the host
 *                installs one, is only logged ("tasync: handler installed").
 *   tasync_empty async only, get_async_events returns [] (allowed).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "plugin_api.h"

#define EXPORT __attribute__((visibility("default")))

typedef struct st {
	char err[256];
	ss_plugin_owner_t *owner;
	ss_plugin_log_fn_t log;
	pthread_t thr;
	bool running;
	ss_plugin_async_event_handler_t handler;
	ss_plugin_owner_t *howner;
	/* extraction results */
	const char *strs[2];
} st_t;

EXPORT const char *plugin_get_required_api_version(void) { return "3.10.0"; }
EXPORT const char *plugin_get_version(void) { return "0.1.0"; }
EXPORT const char *plugin_get_description(void) { return "async and extraction rules test"; }
EXPORT const char *plugin_get_contact(void) { return "tests"; }
EXPORT const char *plugin_get_last_error(ss_plugin_t *s) { return ((st_t *)s)->err; }

#if defined(TASYNC_SRC)
EXPORT const char *plugin_get_name(void) { return "tasync"; }
EXPORT const char *plugin_get_async_events(void) { return "[\"tasync_evt\"]"; }
EXPORT const char *plugin_get_async_event_sources(void) { return "[\"tasync\"]"; }
#elif defined(TASYNC_EMPTY)
EXPORT const char *plugin_get_name(void) { return "tasync_empty"; }
EXPORT const char *plugin_get_async_events(void) { return "[]"; }
EXPORT const char *plugin_get_async_event_sources(void) { return "[\"syscall\"]"; }
#else
EXPORT const char *plugin_get_name(void) { return "tasync_only"; }
EXPORT const char *plugin_get_async_events(void) { return "[\"tasync_state\"]"; }
EXPORT const char *plugin_get_async_event_sources(void) { return "[\"syscall\"]"; }
#endif

EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	st_t *s = calloc(1, sizeof(*s));
	*rc = s ? SS_PLUGIN_SUCCESS : SS_PLUGIN_FAILURE;
	if (s) {
		s->owner = in->owner;
		s->log = in->log_fn;
	}
	return s;
}

static void say(st_t *s, const char *msg)
{
	if (s->log)
		s->log(s->owner, "tasync", msg, SS_PLUGIN_LOG_SEV_NOTICE);
}

static void stop_thread(st_t *s)
{
	if (s->running) {
		pthread_join(s->thr, NULL);
		s->running = false;
	}
}

EXPORT void plugin_destroy(ss_plugin_t *p)
{
	st_t *s = p;
	if (!s)
		return;
	stop_thread(s);
	free(s);
}

static inline uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* An async event (type 402): plugin id, name, data. */
static inline ss_plugin_event *async_event(uint8_t *b, size_t cap, const char *name, const char *data,
	uint64_t ts, uint64_t tid)
{
	uint32_t l0 = 4, l1 = (uint32_t)strlen(name) + 1, l2 = (uint32_t)strlen(data), id = 0;
	if (42 + l1 + l2 > cap)
		return NULL;
	memset(b, 0, 42);
	ss_plugin_event *e = (ss_plugin_event *)b;
	e->ts = ts;
	e->tid = tid;
	e->type = PPME_ASYNCEVENT_E;
	e->nparams = 3;
	e->len = 42 + l1 + l2;
	memcpy(b + 26, &l0, 4);
	memcpy(b + 30, &l1, 4);
	memcpy(b + 34, &l2, 4);
	memcpy(b + 38, &id, 4);
	memcpy(b + 42, name, l1);
	memcpy(b + 42 + l1, data, l2);
	return e;
}

#if defined(TASYNC_SRC)
static void *async_main(void *arg)
{
	st_t *s = arg;
	/* offset from now (s), tid */
	static const struct {
		int ahead;
		uint64_t tid;
	} plan[] = {{0, UINT64_MAX}, {0, UINT64_MAX}, {0, UINT64_MAX}, {60, UINT64_MAX},
		{60, UINT64_MAX}, {2, UINT64_MAX}, {0, 5}};
	for (size_t i = 0; i < sizeof(plan) / sizeof(plan[0]); i++) {
		uint8_t b[256];
		char data[32];
		snprintf(data, sizeof(data), "i=%zu", i);
		ss_plugin_event *e = async_event(b, sizeof(b), "tasync_evt", data,
			now_ns() + (uint64_t)plan[i].ahead * 1000000000ull, plan[i].tid);
		char err[PLUGIN_MAX_ERRLEN];
		s->handler(s->howner, e, err);
	}
	return NULL;
}
#endif

EXPORT ss_plugin_rc plugin_set_async_event_handler(ss_plugin_t *p, ss_plugin_owner_t *owner,
	const ss_plugin_async_event_handler_t handler)
{
	st_t *s = p;
	stop_thread(s);
	s->handler = handler;
	s->howner = owner;
	if (!handler)
		return SS_PLUGIN_SUCCESS;
	say(s, "tasync: handler installed");
#if defined(TASYNC_SRC)
	if (pthread_create(&s->thr, NULL, async_main, s) != 0)
		return SS_PLUGIN_FAILURE;
	s->running = true;
#endif
	return SS_PLUGIN_SUCCESS;
}

#if !defined(TASYNC_SRC) && !defined(TASYNC_EMPTY)
EXPORT ss_plugin_rc plugin_dump_state(ss_plugin_t *p, ss_plugin_owner_t *owner,
	const ss_plugin_async_event_handler_t handler)
{
	st_t *s = p;
	say(s, "tasync: dumping state");
	for (int i = 0; i < 2; i++) {
		uint8_t b[256];
		char data[32];
		snprintf(data, sizeof(data), "state=%d", i);
		char err[PLUGIN_MAX_ERRLEN];
		ss_plugin_event *e = async_event(b, sizeof(b), "tasync_state", data, UINT64_MAX,
			UINT64_MAX);
		if (handler(owner, e, err) != SS_PLUGIN_SUCCESS) {
			snprintf(s->err, sizeof(s->err), "dump refused: %.200s", err);
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}
#endif

#if defined(TASYNC_SRC)
typedef struct inst {
	uint64_t seq;
	uint8_t buf[64];
	ss_plugin_event *ev;
} inst_t;

EXPORT uint32_t plugin_get_id(void) { return 9100; }
EXPORT const char *plugin_get_event_source(void) { return "tasync"; }

EXPORT ss_instance_t *plugin_open(ss_plugin_t *p, const char *params, ss_plugin_rc *rc)
{
	(void)p, (void)params;
	inst_t *i = calloc(1, sizeof(*i));
	*rc = i ? SS_PLUGIN_SUCCESS : SS_PLUGIN_FAILURE;
	return i;
}

EXPORT void plugin_close(ss_plugin_t *p, ss_instance_t *h)
{
	(void)p;
	free(h);
}

/* Endless and slow: one plugin event (type 322, "n=<seq>") per call. */
EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t *p, ss_instance_t *h, uint32_t *n,
	ss_plugin_event ***evts)
{
	(void)p;
	inst_t *i = h;
	usleep(20000);
	char data[24];
	uint32_t dl = (uint32_t)snprintf(data, sizeof(data), "n=%llu", (unsigned long long)++i->seq);
	uint32_t l0 = 4, l1 = dl, id = 9100;
	memset(i->buf, 0, 34);
	ss_plugin_event *e = (ss_plugin_event *)i->buf;
	e->ts = now_ns();
	e->tid = UINT64_MAX;
	e->type = PPME_PLUGINEVENT_E;
	e->nparams = 2;
	memcpy(i->buf + 26, &l0, 4);
	memcpy(i->buf + 30, &l1, 4);
	memcpy(i->buf + 34, &id, 4);
	memcpy(i->buf + 38, data, dl);
	e->len = 38 + dl;
	i->ev = e;
	*evts = &i->ev;
	*n = 1;
	return SS_PLUGIN_SUCCESS;
}

EXPORT const char *plugin_get_fields(void)
{
	return "[{\"name\":\"tasync.two\",\"type\":\"string\",\"desc\":\"two values, not a list\"},"
	       "{\"name\":\"tasync.list\",\"type\":\"string\",\"isList\":true,\"desc\":\"two values\"},"
	       "{\"name\":\"tasync.anyof\",\"type\":\"string\",\"desc\":\"two candidates\","
	       "\"properties\":[\"saker.any_of\"]}]";
}

EXPORT const char *plugin_get_extract_event_sources(void) { return "[\"tasync\"]"; }

EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *p, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	(void)ev;
	st_t *s = p;
	s->strs[0] = "a";
	s->strs[1] = "b";
	for (uint32_t k = 0; k < in->num_fields; k++) {
		in->fields[k].res.str = s->strs;
		in->fields[k].res_len = 2;
	}
	return SS_PLUGIN_SUCCESS;
}
#endif
