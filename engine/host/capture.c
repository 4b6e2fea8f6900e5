/* Capture listening: routines on host threads. */
#include "capture.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tables.h"
#include "../util/log.h"

typedef struct routine {
	struct routine *next;
	sk_plugin_state_t *owner;
	ss_plugin_routine_fn_t fn;
	ss_plugin_routine_state_t *rstate;
	pthread_t thr;
	_Atomic bool stop;
	bool detached; /* unsubscribed from inside itself: frees itself */
} routine_t;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static routine_t *g_routines;

static void *routine_main(void *arg)
{
	routine_t *r = arg;
	while (!atomic_load(&r->stop)) {
		if (!r->fn(r->owner->state, r->rstate))
			break;
		/* Routines that return at once must not starve the source workers. */
		sched_yield();
	}
	if (r->detached)
		free(r);
	return NULL;
}

static ss_plugin_routine_t *subscribe(ss_plugin_owner_t *o, ss_plugin_routine_fn_t f,
	ss_plugin_routine_state_t *i)
{
	sk_plugin_state_t *st = o;
	if (!st || !f)
		return NULL;
	routine_t *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->owner = st;
	r->fn = f;
	r->rstate = i;
	if (pthread_create(&r->thr, NULL, routine_main, r) != 0) {
		snprintf(st->last_error, sizeof(st->last_error), "cannot start a routine thread");
		free(r);
		return NULL;
	}
	pthread_mutex_lock(&g_lock);
	r->next = g_routines;
	g_routines = r;
	pthread_mutex_unlock(&g_lock);
	return r;
}

static void stop_and_join(routine_t *r)
{
	atomic_store(&r->stop, true);
	if (pthread_equal(r->thr, pthread_self())) {
		r->detached = true;
		pthread_detach(r->thr);
	} else {
		pthread_join(r->thr, NULL);
	}
}

static ss_plugin_rc unsubscribe(ss_plugin_owner_t *o, ss_plugin_routine_t *h)
{
	(void)o;
	routine_t *found = NULL;
	pthread_mutex_lock(&g_lock);
	for (routine_t **p = &g_routines; *p; p = &(*p)->next) {
		if (*p == h) {
			found = *p;
			*p = found->next;
			break;
		}
	}
	pthread_mutex_unlock(&g_lock);
	if (!found)
		return SS_PLUGIN_FAILURE;
	bool self = pthread_equal(found->thr, pthread_self());
	stop_and_join(found);
	if (!self)
		free(found);
	return SS_PLUGIN_SUCCESS;
}

static ss_plugin_routine_vtable g_routine_vt = {subscribe, unsubscribe};

static ss_plugin_capture_listen_input make_input(sk_plugin_state_t *st)
{
	return (ss_plugin_capture_listen_input){
		.owner = st,
		.routine = &g_routine_vt,
		.table_reader_ext = sk_tables_reader_ext(),
		.table_writer_ext = sk_tables_writer_ext(),
		.get_owner_last_error = sk__owner_last_error,
	};
}

int sk_capture_open(sk_plugin_state_t *st, char *err, size_t errlen)
{
	ss_plugin_capture_listen_input in = make_input(st);
	if (st->plugin->api.capture_open(st->state, &in) != SS_PLUGIN_SUCCESS) {
		const char *le = st->plugin->api.get_last_error(st->state);
		snprintf(err, errlen, "plugin '%s': capture_open failed in %s: %s", st->plugin->cfg_name,
			st->plugin->path, le && le[0] ? le : "failed");
		return -EIO;
	}
	return 0;
}

void sk_capture_close(sk_plugin_state_t *st)
{
	ss_plugin_capture_listen_input in = make_input(st);
	if (st->plugin->api.capture_close(st->state, &in) != SS_PLUGIN_SUCCESS)
		sk_log(SK_LOG_WARNING, st->plugin->name, "capture_close failed: %s",
			st->plugin->api.get_last_error(st->state));
	/* Routines the plugin left subscribed end with its capture. */
	for (;;) {
		routine_t *r = NULL;
		pthread_mutex_lock(&g_lock);
		for (routine_t **p = &g_routines; *p; p = &(*p)->next) {
			if ((*p)->owner == st) {
				r = *p;
				*p = r->next;
				break;
			}
		}
		pthread_mutex_unlock(&g_lock);
		if (!r)
			break;
		stop_and_join(r);
		free(r);
	}
}
