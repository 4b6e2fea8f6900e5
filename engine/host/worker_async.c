/* Async events of a source worker (see worker_async.h). */
#include "worker_async.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "evt_fields.h"
#include "sk_sdk_util.h"

int sk__wasync_init(sk__wasync_t *a, sk_plugin_t *src, sk_plugin_state_t *src_state,
	uint32_t queue_size)
{
	memset(a, 0, sizeof(*a));
	a->src = src;
	a->src_state = src_state;
	if (sk_inbox_new(queue_size ? queue_size : 4096, &a->inbox))
		return -ENOMEM;
	a->m_bad = sk_metric_plugin_errors(src->source, "async");
	a->m_capture_err = sk_metric_plugin_errors(src->source, "capture_write");
	a->m_drop = sk_metric_drops("async_queue_full", src->source);
	a->m_future = sk_metric_drops("async_future_ts", src->source);
	return 0;
}

void sk__wasync_clear(sk__wasync_t *a)
{
	sk_inbox_free(a->inbox);
	a->inbox = NULL;
}

/* The handler runs on the plugin's own threads: validate, copy, queue. */
#define ASYNC_MAX_FUTURE_NS (10ull * 1000000000ull)

ss_plugin_rc sk__wasync_handler(ss_plugin_owner_t *o, const ss_plugin_event *evt, char *err)
{
	sk_plugin_state_t *st = o;
	sk__wasync_t *w = st ? st->host_ctx : NULL;
	if (!w)
		return SS_PLUGIN_FAILURE;
	sk_plugin_t *p = st->plugin;
	if (!evt || evt->type != PPME_ASYNCEVENT_E || evt->nparams != 3 || evt->len < 42) {
		if (err)
			snprintf(err, PLUGIN_MAX_ERRLEN, "malformed async event produced by plugin: %s", p->name);
		sk_metric_add(w->m_bad, 1);
		return SS_PLUGIN_FAILURE;
	}
	const char *name = sk_evt_async_name(evt);
	bool known = false;
	for (size_t i = 0; name && i < p->nasync_events; i++)
		known = known || strcmp(p->async_events[i], name) == 0;
	if (!known) {
		if (err)
			snprintf(err, PLUGIN_MAX_ERRLEN, "incompatible async event '%s' produced by plugin: %s",
				name ? name : "", p->name);
		sk_metric_add(w->m_bad, 1);
		return SS_PLUGIN_FAILURE;
	}
	/* libsinsp's rules: on a plugin source an async event belongs to no
	 * thread; a timestamp far in the future would stall time-ordered
	 * consumers (dropped and counted). */
	if (!w->src->syscall_source && evt->tid != UINT64_MAX) {
		if (err)
			snprintf(err, PLUGIN_MAX_ERRLEN, "async event '%s' produced by plugin %s has tid %llu: "
				"only -1 is allowed on source '%s'", name, p->name,
				(unsigned long long)evt->tid, w->src->source);
		sk_metric_add(w->m_bad, 1);
		return SS_PLUGIN_FAILURE;
	}
	if (evt->ts != UINT64_MAX && evt->ts > sk_sdk_now_ns(CLOCK_REALTIME) + ASYNC_MAX_FUTURE_NS) {
		sk_metric_add(w->m_future, 1);
		return SS_PLUGIN_SUCCESS;
	}
	/* The plugin-id parameter names the open source (0 for syscall). */
	if (!sk_inbox_push(w->inbox, evt, w->src->id))
		sk_metric_add(w->m_drop, 1);
	return SS_PLUGIN_SUCCESS;
}

/* plugin_dump_state's handler: the event goes to the capture file only, as
 * libsinsp's dumper writes it (never to the rules). Runs inside dump_state,
 * on the thread opening the source. */
static ss_plugin_rc dump_handler(ss_plugin_owner_t *o, const ss_plugin_event *evt, char *err)
{
	sk_plugin_state_t *st = o;
	sk__wasync_t *w = st ? st->host_ctx : NULL;
	if (!w)
		return SS_PLUGIN_FAILURE;
	if (!evt || evt->type != PPME_ASYNCEVENT_E || evt->nparams != 3 || evt->len < 42) {
		if (err)
			snprintf(err, PLUGIN_MAX_ERRLEN, "malformed async event produced by plugin: %s",
				st->plugin->name);
		return SS_PLUGIN_FAILURE;
	}
	const char *name = sk_evt_async_name(evt);
	bool known = false;
	for (size_t i = 0; name && i < st->plugin->nasync_events; i++)
		known = known || strcmp(st->plugin->async_events[i], name) == 0;
	if (!known) {
		if (err)
			snprintf(err, PLUGIN_MAX_ERRLEN, "incompatible async event '%s' produced by plugin: %s",
				name ? name : "", st->plugin->name);
		return SS_PLUGIN_FAILURE;
	}
	ss_plugin_event *c = malloc(evt->len);
	if (!c) {
		if (err)
			snprintf(err, PLUGIN_MAX_ERRLEN, "out of memory");
		return SS_PLUGIN_FAILURE;
	}
	memcpy(c, evt, evt->len);
	/* As for live async events: the open source's plugin id, a real time. */
	memcpy((uint8_t *)c + sizeof(ss_plugin_event) + 4 * 3, &w->src->id, 4);
	if (c->ts == UINT64_MAX)
		c->ts = sk_sdk_now_ns(CLOCK_REALTIME);
	ss_plugin_rc rc = w->src->capture_write(w->src_state->state, w->inst, c);
	free(c);
	if (rc != SS_PLUGIN_SUCCESS) {
		sk_metric_add(w->m_capture_err, 1);
		if (err)
			snprintf(err, PLUGIN_MAX_ERRLEN, "cannot write the event to the capture file");
	}
	return rc;
}

/* libsinsp's dumper: when a capture file opens, every async plugin of the
 * source dumps its state into it (before any event). */
int sk__wasync_dump(sk__wasync_t *a, ss_instance_t *inst, sk_plugin_state_t **states,
	const bool *asyncs, size_t n, char *err, size_t errlen)
{
	a->inst = inst;
	if (!a->src->capture_write ||
		a->src->capture_write(a->src_state->state, inst, NULL) != SS_PLUGIN_SUCCESS)
		return 0;
	a->writes_capture = true;
	for (size_t i = 0; i < n; i++) {
		sk_plugin_state_t *st = states[i];
		if (!asyncs[i] || !st || !st->plugin->api.dump_state)
			continue;
		st->host_ctx = a;
		if (st->plugin->api.dump_state(st->state, st, dump_handler) != SS_PLUGIN_SUCCESS) {
			const char *le = st->plugin->api.get_last_error(st->state);
			snprintf(err, errlen, "plugin '%s': cannot dump the state of %s into the capture "
				"file: %s", st->plugin->cfg_name, st->plugin->path, le && le[0] ? le : "failed");
			return -EIO;
		}
	}
	return 0;
}

uint64_t sk__wasync_drain(sk__wasync_t *a, uint64_t max,
	void (*process)(void *ud, ss_plugin_event *e), void *ud)
{
	if (!a->inbox)
		return 0;
	ss_plugin_event *e;
	uint64_t n = 0;
	while (n < max && (e = sk_inbox_pop(a->inbox))) {
		if (e->ts == UINT64_MAX)
			e->ts = sk_sdk_now_ns(CLOCK_REALTIME);
		if (a->writes_capture &&
			a->src->capture_write(a->src_state->state, a->inst, e) != SS_PLUGIN_SUCCESS)
			sk_metric_add(a->m_capture_err, 1);
		process(ud, e);
		free(e);
		n++;
	}
	return n;
}
