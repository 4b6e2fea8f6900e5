/* Source worker threads. */
#include "worker.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "../util/arena.h"
#include "capture.h"
#include "evt_fields.h"
#include "worker_async.h"
#include "worker_feed.h"
#include "../rules/corr.h"
#include "../util/log.h"
#include "../util/metrics.h"
#include "sk_sdk_util.h"

#include "sk_event_schema.h"
#include "tables.h"

#define SK_ALL_TYPES SK_EVT_CODE_MAX

/* ---- worker ---------------------------------------------------------- */

struct sk_worker {
	sk_worker_opts_t o;
	sk_plugin_t *src;
	sk_plugin_state_t *src_state;
	ss_instance_t *inst;
	sk_plugin_state_t **states;   /* per plugin index; NULL when unused on this source */
	bool *owned;                  /* states[i] created by this worker */
	bool *extracts, *parses, *asyncs, *captures;
	size_t n;
	sk__wasync_t async;
	sk_evt_ctx_t evt;
	sk_arena_t arena;
	sk_rules_eval_t *eval;
	uint64_t rules_gen;
	pthread_t thr;
	bool started;
	_Atomic bool stop;
	_Atomic bool done;
	_Atomic uint64_t drain_deadline_ns; /* CLOCK_MONOTONIC; set before stop */
	bool drain_tried, draining;
	bool multi_warned; /* a refused multi-value extraction was logged */
	bool open_failed;
	uint64_t evtnum;
	_Atomic uint64_t nevents;
	char error[PLUGIN_MAX_ERRLEN + 256];
	uint64_t metrics_next_ns;
	ss_plugin_table_reader_vtable reader;
	ss_plugin_table_writer_vtable writer;
	sk_metric_t *m_events, *m_eval_ns, *m_extract_err, *m_parse_err;
	sk_metric_t *m_lost;
	/* correlation feed: step hits and progress records ride the alert queue */
	sk__wfeed_t feed;
};

static const char *evt_plugin_name(void *ud, const ss_plugin_event_input *ev)
{
	sk_worker_t *w = ud;
	if (ev->evt->type == PPME_PLUGINEVENT_E || ev->evt->type == PPME_ASYNCEVENT_E) {
		uint32_t id = 0;
		size_t off = ev->evt->type == PPME_ASYNCEVENT_E ? SK_EVT_ASYNC_ID_OFF : SK_EVT_PLUGIN_ID_OFF;
		if (ev->evt->len >= off + 4)
			memcpy(&id, (const uint8_t *)ev->evt + off, 4);
		for (size_t i = 0; i < w->n; i++)
			if (w->o.reg->plugins[i]->id == id && id != 0)
				return w->o.reg->plugins[i]->name;
		if (ev->evt->type == PPME_PLUGINEVENT_E)
			return w->src->name;
	}
	return NULL;
}

static const char *evt_plugin_info(void *ud, const ss_plugin_event_input *ev)
{
	sk_worker_t *w = ud;
	if (!w->src->api.event_to_string || w->src->syscall_source)
		return NULL;
	return w->src->api.event_to_string(w->src_state->state, ev);
}

static int copy_result(sk_worker_t *w, ss_plugin_extract_field *f)
{
	uint64_t n = f->res_len;
	if (n == 0)
		return 0;
	if (n > (1u << 20))
		return -E2BIG;
	switch (f->ftype) {
	case FTYPE_STRING: {
		const char **v = sk_arena_alloc(&w->arena, n * sizeof(*v));
		if (!v)
			return -ENOMEM;
		for (uint64_t i = 0; i < n; i++) {
			const char *s = f->res.str[i] ? f->res.str[i] : "";
			size_t l = strlen(s);
			char *c = sk_arena_alloc(&w->arena, l + 1);
			if (!c)
				return -ENOMEM;
			memcpy(c, s, l + 1);
			v[i] = c;
		}
		f->res.str = v;
		return 0;
	}
	case FTYPE_BOOL: {
		uint32_t *v = sk_arena_alloc(&w->arena, n * sizeof(*v));
		if (!v)
			return -ENOMEM;
		memcpy(v, f->res.boolean, n * sizeof(*v));
		f->res.boolean = v;
		return 0;
	}
	case FTYPE_IPADDR:
	case FTYPE_IPNET: {
		ss_plugin_byte_buffer *v = sk_arena_alloc(&w->arena, n * sizeof(*v));
		if (!v)
			return -ENOMEM;
		for (uint64_t i = 0; i < n; i++) {
			void *c = sk_arena_alloc(&w->arena, f->res.buf[i].len ? f->res.buf[i].len : 1);
			if (!c)
				return -ENOMEM;
			memcpy(c, f->res.buf[i].ptr, f->res.buf[i].len);
			v[i].len = f->res.buf[i].len;
			v[i].ptr = c;
		}
		f->res.buf = v;
		return 0;
	}
	default: {
		uint64_t *v = sk_arena_alloc(&w->arena, n * sizeof(*v));
		if (!v)
			return -ENOMEM;
		memcpy(v, f->res.u64, n * sizeof(*v));
		f->res.u64 = v;
		return 0;
	}
	}
}

static int wk_extract(void *ctx, uint32_t extractor, const ss_plugin_event_input *ev,
	ss_plugin_extract_field *f)
{
	sk_worker_t *w = ctx;
	f->res_len = 0;
	if (extractor == 0)
		return sk_evt_extract(&w->evt, ev, f);
	size_t i = extractor - 1;
	if (i >= w->n || !w->extracts[i])
		return 0;
	sk_plugin_state_t *st = w->states[i];
	sk_plugin_t *p = st->plugin;
	if (!sk_typeset_has(p->extract_types, ev->evt->type))
		return 0;
	ss_plugin_extract_value_offsets off = {NULL, NULL};
	ss_plugin_field_extract_input in = {
		.owner = st,
		.get_owner_last_error = sk__owner_last_error,
		.num_fields = 1,
		.fields = f,
		.table_reader = w->reader,
		.table_reader_ext = sk_tables_reader_ext(),
		.value_offsets = &off,
	};
	if (p->api.extract_fields(st->state, ev, &in) != SS_PLUGIN_SUCCESS) {
		f->res_len = 0;
		sk_metric_add(w->m_extract_err, 1);
		return 0;
	}
	if (!sk_plugin_field_values_ok(p, f)) {
		if (!w->multi_warned) {
			w->multi_warned = true;
			sk_log(SK_LOG_ERROR, p->name, "plugin %s returned %llu values for the non-list "
				"field %s: the extraction is refused (counted in saker_plugin_errors_total)",
				p->name, (unsigned long long)f->res_len, f->field ? f->field : "?");
		}
		f->res_len = 0;
		sk_metric_add(w->m_extract_err, 1);
		return 0;
	}
	if (copy_result(w, f)) {
		f->res_len = 0;
		return -ENOMEM;
	}
	return 0;
}

static void wk_emit(void *ud, sk_alert_t *a)
{
	sk_worker_t *w = ud;
	w->o.on_alert(w->o.ud, a);
}

/* The rule's counter is looked up once per evaluator (the registry scan
 * takes the global lock) and cached in the rule's slot. */
static void drain_one(void *ud, const char *rule, sk_priority_t prio, uint64_t n, void **slot)
{
	sk_worker_t *w = ud;
	if (!*slot) {
		char labels[2048];
		sk_metric_labels(labels, sizeof(labels), "rule", rule, "priority",
			sk_priority_name(prio), "source", w->src->source, NULL);
		*slot = sk_counter("saker_alerts_total", labels, "Rule matches, by rule and priority");
	}
	sk_metric_add(*slot, n);
}

static void push_type(uint16_t **v, size_t *n, size_t *cap, uint16_t t)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		uint16_t *nv = realloc(*v, nc * sizeof(**v));
		if (!nv)
			return;
		*v = nv;
		*cap = nc;
	}
	(*v)[(*n)++] = t;
}

/* Types the source must deliver: what the rules need plus what the other
 * parsers of this source subscribe to (the source adds its own needs). */
static void send_event_types(sk_worker_t *w, sk_ruleset_t *rs, ss_instance_t *inst)
{
	if (!w->src->set_event_types)
		return;
	bool all = false;
	uint16_t *types = NULL;
	size_t ntypes = 0, cap = 0;
	uint8_t seen[65536 / 8] = {0};
	if (rs) {
		uint16_t *rt = NULL;
		size_t nrt = 0;
		bool rall = false;
		if (sk_ruleset_event_types(rs, w->src->source, &rt, &nrt, &rall) == 0) {
			all = all || rall;
			for (size_t i = 0; i < nrt; i++)
				seen[rt[i] >> 3] |= (uint8_t)(1u << (rt[i] & 7));
		}
		free(rt);
	}
	for (size_t i = 0; i < w->n; i++) {
		if (!w->parses[i] || w->o.reg->plugins[i] == w->src)
			continue;
		const sk_typeset_t *t = w->o.reg->plugins[i]->parse_types;
		if (t->all)
			all = true;
		else
			for (size_t b = 0; b < sizeof(seen); b++)
				seen[b] |= t->bits[b];
	}
	for (uint32_t t = 0; t < (all ? SK_ALL_TYPES : 65536u); t++)
		if (all || (seen[t >> 3] >> (t & 7)) & 1)
			push_type(&types, &ntypes, &cap, (uint16_t)t);
	if (!inst) {
		/* which types the source is asked for (bench/syscall/run.sh reads it) */
		char list[4096];
		size_t off = 0;
		for (size_t i = 0; i < ntypes && off + 8 < sizeof(list); i++)
			off += (size_t)snprintf(list + off, sizeof(list) - off, i ? ",%u" : "%u", types[i]);
		list[off] = '\0';
		sk_log(SK_LOG_DEBUG, w->src->name, "event types for the rules and parsers (%zu): %s",
			ntypes, all ? "all" : list);
	}
	ss_plugin_rc rc = w->src->set_event_types(w->src_state->state, inst, types, (uint32_t)ntypes);
	if (rc != SS_PLUGIN_SUCCESS && rc != SS_PLUGIN_NOT_SUPPORTED)
		sk_log(SK_LOG_WARNING, w->src->name, "saker_set_event_types failed: %s",
			w->src->api.get_last_error(w->src_state->state));
	free(types);
}

static void refresh_rules(sk_worker_t *w, bool force)
{
	if (!force && atomic_load_explicit(&w->o.rules->gen, memory_order_acquire) == w->rules_gen)
		return;
	uint64_t gen;
	sk_ruleset_t *rs = sk_rules_slot_get(w->o.rules, &gen);
	if (w->eval) {
		sk_rules_eval_drain_counts(w->eval, drain_one, w);
		sk_rules_eval_free(w->eval);
		w->eval = NULL;
	}
	w->rules_gen = gen;
	if (rs) {
		sk_rules_extractor_t x = {.ctx = w, .extract = wk_extract};
		if (sk_rules_eval_new(rs, w->src->source, &x, &w->eval))
			sk_log(SK_LOG_ERROR, w->src->name, "cannot create the rule evaluator for source %s",
				w->src->source);
	}
	w->feed.on = rs && sk__wfeed_active(rs);
	if (w->eval && w->feed.on)
		sk_rules_eval_set_hit_sink(w->eval, sk__wfeed_hit, &w->feed);
	send_event_types(w, rs, w->inst);
	sk_ruleset_unref(rs);
}

/* Host checks on each event, as libscap's source-plugin engine does. */
static int check_event(sk_worker_t *w, ss_plugin_event *e)
{
	sk_plugin_t *p = w->src;
	if (e->len < sizeof(ss_plugin_event)) {
		snprintf(w->error, sizeof(w->error), "malformed plugin event produced by plugin: '%s'",
			p->name);
		return -EINVAL;
	}
	if (p->id != 0 && (e->type != PPME_PLUGINEVENT_E || e->nparams != 2 || e->len < 38)) {
		snprintf(w->error, sizeof(w->error), "malformed plugin event produced by plugin: '%s'",
			p->name);
		return -EINVAL;
	}
	if (e->type == PPME_PLUGINEVENT_E) {
		if (e->nparams != 2 || e->len < SK_EVT_PLUGIN_HDR_LEN) {
			snprintf(w->error, sizeof(w->error),
				"malformed plugin event produced by plugin: '%s'", p->name);
			return -EINVAL;
		}
		uint32_t id = sk_evt_get_plugin_id(e);
		if (id == 0 && p->id != 0) {
			sk_evt_set_plugin_id(e, p->id);
		} else if (id == 0) {
			snprintf(w->error, sizeof(w->error),
				"malformed plugin event produced by plugin (no ID): '%s'", p->name);
			return -EINVAL;
		} else if (p->id != 0 && id != p->id) {
			snprintf(w->error, sizeof(w->error),
				"unexpected plugin ID in plugin event: plugin='%s', expected_id=%u, actual_id=%u",
				p->name, p->id, id);
			return -EINVAL;
		}
		e->tid = UINT64_MAX;
	}
	if (e->ts == UINT64_MAX)
		e->ts = sk_sdk_now_ns(CLOCK_REALTIME);
	return 0;
}

static void process_event(sk_worker_t *w, ss_plugin_event *e)
{
	ss_plugin_event_input in = {.evt = e, .evtnum = ++w->evtnum, .evtsrc = w->src->source};
	if (e->ts > w->feed.max_ts)
		w->feed.max_ts = e->ts;
	ss_plugin_event_parse_input pin = {
		.get_owner_last_error = sk__owner_last_error,
		.table_reader = w->reader,
		.table_writer = w->writer,
		.table_reader_ext = sk_tables_reader_ext(),
		.table_writer_ext = sk_tables_writer_ext(),
	};
	for (size_t i = 0; i < w->n; i++) {
		if (!w->parses[i] || !sk_typeset_has(w->states[i]->plugin->parse_types, e->type))
			continue;
		pin.owner = w->states[i];
		if (w->states[i]->plugin->api.parse_event(w->states[i]->state, &in, &pin) !=
			SS_PLUGIN_SUCCESS)
			sk_metric_add(w->m_parse_err, 1);
	}
	if (w->eval) {
		uint64_t t0 = sk_sdk_now_ns(CLOCK_MONOTONIC);
		sk_rules_eval_event(w->eval, &in, wk_emit, w);
		sk_metric_add(w->m_eval_ns, sk_sdk_now_ns(CLOCK_MONOTONIC) - t0);
		sk_arena_reset(&w->arena);
	}
}

static void process_async(void *ud, ss_plugin_event *e)
{
	process_event(ud, e);
}

static void drain_async(sk_worker_t *w)
{
	/* Bounded per round so a chatty async producer cannot starve the source. */
	uint64_t n = sk__wasync_drain(&w->async, 1024, process_async, w);
	if (n) {
		atomic_fetch_add(&w->nevents, n);
		sk_metric_add(w->m_events, n);
	}
}

#define PLUGIN_METRICS_PERIOD_NS (5ull * 1000000000ull)

/* plugin_get_metrics runs on the worker, the only thread using the state. */
static void export_plugin_metrics(sk_worker_t *w)
{
	uint64_t now = sk_sdk_now_ns(CLOCK_MONOTONIC);
	if (now < w->metrics_next_ns)
		return;
	w->metrics_next_ns = now + PLUGIN_METRICS_PERIOD_NS;
	for (size_t i = 0; i < w->n; i++) {
		sk_plugin_state_t *st = w->states[i];
		if (!st || !st->plugin->api.get_metrics)
			continue;
		uint32_t n = 0;
		ss_plugin_metric *m = st->plugin->api.get_metrics(st->state, &n);
		for (uint32_t k = 0; m && k < n && k < 256; k++) {
			if (!m[k].name)
				continue;
			char name[160], labels[256];
			size_t j = 0;
			j += (size_t)snprintf(name, sizeof(name), "saker_plugin_");
			for (const char *c = m[k].name; *c && j + 1 < sizeof(name); c++)
				name[j++] = ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
						    (*c >= '0' && *c <= '9'))
					? *c
					: '_';
			name[j] = '\0';
			sk_metric_labels(labels, sizeof(labels), "plugin", st->plugin->name, "source",
				w->src->source, NULL);
			sk_metric_t *mm = sk_metric_get(m[k].type == SS_PLUGIN_METRIC_TYPE_MONOTONIC
					? SK_METRIC_COUNTER
					: SK_METRIC_GAUGE,
				name, labels, "Metric reported by a plugin (plugin_get_metrics)");
			/* Fractional values are kept whole, not truncated. */
			if (m[k].value_type == SS_PLUGIN_METRIC_VALUE_TYPE_D ||
				m[k].value_type == SS_PLUGIN_METRIC_VALUE_TYPE_F) {
				sk_metric_set_double(mm, m[k].value_type == SS_PLUGIN_METRIC_VALUE_TYPE_D ?
					m[k].value.d : (double)m[k].value.f);
				continue;
			}
			int64_t v;
			switch (m[k].value_type) {
			case SS_PLUGIN_METRIC_VALUE_TYPE_U32: v = m[k].value.u32; break;
			case SS_PLUGIN_METRIC_VALUE_TYPE_S32: v = m[k].value.s32; break;
			case SS_PLUGIN_METRIC_VALUE_TYPE_U64: v = (int64_t)m[k].value.u64; break;
			case SS_PLUGIN_METRIC_VALUE_TYPE_S64: v = m[k].value.s64; break;
			default: v = m[k].value.i; break;
			}
			sk_metric_set(mm, v);
		}
	}
}

static void close_captures(sk_worker_t *w)
{
	for (size_t i = 0; w->captures && i < w->n; i++) {
		if (w->captures[i]) {
			sk_capture_close(w->states[i]);
			w->captures[i] = false;
		}
	}
}

/* First saker_drain call, as soon as stop is seen (also in the middle of a
 * batch: the source must refuse new input at once). */
static void start_drain(sk_worker_t *w)
{
	sk_plugin_t *p = w->src;
	uint64_t pending = 0;
	w->drain_tried = true;
	if (!p->drain || p->drain(w->src_state->state, w->inst, &pending) != SS_PLUGIN_SUCCESS)
		return;
	w->draining = true;
	sk_log(SK_LOG_INFO, "host", "event source %s: draining %llu accepted event(s)", p->source,
		(unsigned long long)pending);
}

/* Called once stop is set: true while the source is being drained and the
 * loop must go on calling next_batch, false when the worker must end. */
static bool keep_draining(sk_worker_t *w, uint64_t unprocessed)
{
	sk_plugin_t *p = w->src;
	uint64_t pending = 0;
	if (!w->drain_tried)
		start_drain(w);
	if (!w->draining)
		return false;
	if (!unprocessed && sk_sdk_now_ns(CLOCK_MONOTONIC) < atomic_load(&w->drain_deadline_ns))
		return true;
	if (p->drain(w->src_state->state, w->inst, &pending) != SS_PLUGIN_SUCCESS)
		pending = 0;
	pending += unprocessed;
	if (pending) {
		sk_metric_add(w->m_lost, pending); /* first: the log line announces it */
		sk_log(SK_LOG_WARNING, "host",
			"event source %s: %llu accepted event(s) not evaluated before "
			"saker.flush_timeout_ms; they are lost",
			p->source, (unsigned long long)pending);
	}
	return false;
}

/* Opens the source (the rules' types handed over first), reports, and
 * waits for the other sources: true when events may flow. */
static bool open_source(sk_worker_t *w)
{
	uint64_t gen;
	sk_ruleset_t *rs = sk_rules_slot_get(w->o.rules, &gen);
	send_event_types(w, rs, NULL);
	sk_ruleset_unref(rs);
	ss_plugin_rc rc = SS_PLUGIN_FAILURE;
	w->inst = w->src->api.open(w->src_state->state, w->src->open_params ? w->src->open_params : "",
		&rc);
	if (rc != SS_PLUGIN_SUCCESS) {
		const char *le = w->src->api.get_last_error(w->src_state->state);
		snprintf(w->error, sizeof(w->error), "plugin '%s': cannot open plugin %s: %s",
			w->src->cfg_name, w->src->path, le && le[0] ? le : "open failed");
		w->inst = NULL;
		w->open_failed = true;
	}
	/* A capture file being written gets the async plugins' state first. */
	if (!w->open_failed &&
		sk__wasync_dump(&w->async, w->inst, w->states, w->asyncs, w->n, w->error, sizeof(w->error)))
		w->open_failed = true;
	/* capture_open after the source opened, as Falco does: the state
	 * tables are filled (a live /proc scan, a capture's process table) */
	for (size_t i = 0; i < w->n && !w->open_failed; i++) {
		if (!w->states[i] || !(w->o.reg->plugins[i]->caps & CAP_CAPTURE_LISTENING))
			continue;
		if (sk_capture_open(w->states[i], w->error, sizeof(w->error))) {
			w->open_failed = true;
			break;
		}
		w->captures[i] = true;
	}
	if (w->o.on_open)
		w->o.on_open(w->o.ud, w, !w->open_failed);
	return !w->open_failed && sk__worker_gate_wait(w->o.gate);
}

static bool replaying(const sk_worker_t *w);

/* Async handlers go in once every source opened (a start-up that loads
 * BPF programs must not turn their first events into a burst). A replayed
 * capture already holds its async events: no handler. */
static bool start_async(sk_worker_t *w)
{
	bool replay = replaying(w);
	for (size_t i = 0; i < w->n; i++) {
		if (!w->asyncs[i] || replay)
			continue;
		sk_plugin_state_t *st = w->states[i];
		st->host_ctx = &w->async;
		if (st->plugin->api.set_async_event_handler(st->state, st, sk__wasync_handler) !=
			SS_PLUGIN_SUCCESS) {
			const char *le = st->plugin->api.get_last_error(st->state);
			snprintf(w->error, sizeof(w->error),
				"plugin '%s': cannot set the async event handler of %s: %s",
				st->plugin->cfg_name, st->plugin->path, le && le[0] ? le : "failed");
			w->open_failed = true; /* reported as a start-up error */
			return false;
		}
		st->async_set = true;
	}
	return true;
}

static void run_source(sk_worker_t *w)
{
	sk_plugin_t *p = w->src;
	refresh_rules(w, true);
	uint64_t unprocessed = 0;
	for (;;) {
		if (atomic_load(&w->stop) && !keep_draining(w, unprocessed))
			break;
		refresh_rules(w, false);
		drain_async(w);
		export_plugin_metrics(w);
		uint32_t nevts = 0;
		ss_plugin_event **evts = NULL;
		ss_plugin_rc rc = p->api.next_batch(w->src_state->state, w->inst, &nevts, &evts);
		if (nevts > 0 && !evts) {
			snprintf(w->error, sizeof(w->error),
				"plugin '%s' returned %u events with a NULL array", p->name, nevts);
			break;
		}
		bool bad = false;
		for (uint32_t i = 0; i < nevts; i++) {
			if (!evts[i] || check_event(w, evts[i])) {
				if (!evts[i])
					snprintf(w->error, sizeof(w->error),
						"malformed plugin event produced by plugin: '%s'", p->name);
				bad = true;
				break;
			}
			process_event(w, evts[i]);
			if (!atomic_load_explicit(&w->stop, memory_order_relaxed))
				continue;
			if (!w->drain_tried)
				start_drain(w);
			/* A batch can outlast the drain deadline: what is left of it
			 * is counted with what the source still holds. A source that
			 * does not drain finishes its batch (pull sources' checkpoint
			 * contract: a batch is evaluated whole). */
			if (w->draining && i + 1 < nevts &&
				sk_sdk_now_ns(CLOCK_MONOTONIC) >= atomic_load(&w->drain_deadline_ns)) {
				unprocessed = nevts - (i + 1);
				nevts = i + 1;
				break;
			}
		}
		atomic_fetch_add(&w->nevents, nevts);
		sk_metric_add(w->m_events, nevts);
		if (bad)
			break;
		sk__wfeed_progress(&w->feed, false);
		sk__wfeed_send(&w->feed);
		sk__wfeed_wake(&w->feed, false);
		if (w->eval)
			sk_rules_eval_drain_counts(w->eval, drain_one, w);
		if (unprocessed)
			continue; /* keep_draining reports them and ends the loop */
		if (rc == SS_PLUGIN_SUCCESS) {
			if (nevts == 0) {
				snprintf(w->error, sizeof(w->error),
					"unexpected 0 size event returned by plugin %s", p->name);
				break;
			}
		} else if (rc == SS_PLUGIN_TIMEOUT) {
			if (nevts == 0 && w->o.idle_sleep_us)
				usleep(w->o.idle_sleep_us);
		} else if (rc == SS_PLUGIN_EOF) {
			break;
		} else {
			const char *le = p->api.get_last_error(w->src_state->state);
			snprintf(w->error, sizeof(w->error), "%s", le && le[0] ? le : "next_batch failed");
			break;
		}
	}
	if (w->eval)
		sk_rules_eval_drain_counts(w->eval, drain_one, w);
}

static void *worker_main(void *arg)
{
	sk_worker_t *w = arg;
	if (open_source(w) && start_async(w))
		run_source(w);
	close_captures(w);
	if (w->inst)
		w->src->api.close(w->src_state->state, w->inst);
	w->inst = NULL;
	sk__wfeed_progress(&w->feed, true);
	atomic_store(&w->done, true);
	if (w->o.on_done)
		w->o.on_done(w->o.ud, w);
	return NULL;
}

/* This worker's own states (plugins whose primary serves another source),
 * retried while a table lookup missed and others made progress, so the
 * order of `plugins:` does not matter. */
static int new_states(sk_worker_t *w, sk_registry_t *reg, const char *src, char *err,
	size_t errlen)
{
	char why[PLUGIN_MAX_ERRLEN + 64];
	bool progress = true, pending = true;
	while (pending && progress) {
		progress = pending = false;
		for (size_t i = 0; i < w->n; i++) {
			if (w->states[i] || (!w->extracts[i] && !w->parses[i] && !w->asyncs[i]))
				continue;
			sk_plugin_t *p = reg->plugins[i];
			bool missed = false;
			if (sk_plugin_state_new_for(p, src, &w->states[i], &missed, why, sizeof(why))) {
				snprintf(err, errlen, "plugin '%s': cannot initialize plugin %s: %s",
					p->cfg_name, p->path, why);
				if (!missed)
					return -EINVAL;
				pending = true;
				continue;
			}
			w->owned[i] = true;
			progress = true;
		}
	}
	return pending ? -EINVAL : 0;
}

/* A live syscall source produces events in saker's schema: plugins that
 * parse or extract them must not need a newer one (replays carry their own
 * event versions, so they are not checked). */
static bool replaying(const sk_worker_t *w)
{
	if (!w->src->syscall_source)
		return false;
	json_t *op = json_loads(w->src->open_params ? w->src->open_params : "", 0, NULL);
	bool replay = json_is_object(op) && json_object_get(op, "capture");
	json_decref(op);
	return replay;
}

static int check_schemas(sk_worker_t *w, sk_registry_t *reg, char *err, size_t errlen)
{
	if (!w->src->syscall_source || replaying(w))
		return 0;
	for (size_t i = 0; i < w->n; i++) {
		if (!w->states[i] || (!w->extracts[i] && !w->parses[i]))
			continue;
		if (sk_plugin_check_event_schema(reg->plugins[i], w->states[i], err, errlen))
			return -ENOTSUP;
	}
	return 0;
}

int sk_worker_new(const sk_worker_opts_t *o, sk_worker_t **out, char *err, size_t errlen)
{
	*out = NULL;
	sk_registry_t *reg = o->reg;
	sk_worker_t *w = calloc(1, sizeof(*w));
	if (!w)
		goto nomem;
	w->o = *o;
	w->src = o->source;
	w->feed = (sk__wfeed_t){ .on_alert = o->on_alert, .on_hit = o->on_hit, .wake = o->wake,
		.ud = o->ud, .source = o->source->source, .progress_ns = o->corr_progress_ns };
	w->n = reg->n;
	w->src_state = reg->primary[w->src->index];
	w->states = calloc(w->n + 1, sizeof(*w->states));
	w->owned = calloc(w->n + 1, sizeof(bool));
	w->extracts = calloc(w->n + 1, sizeof(bool));
	w->parses = calloc(w->n + 1, sizeof(bool));
	w->asyncs = calloc(w->n + 1, sizeof(bool));
	w->captures = calloc(w->n + 1, sizeof(bool));
	if (!w->states || !w->owned || !w->extracts || !w->parses || !w->asyncs || !w->captures ||
		sk__wasync_init(&w->async, w->src, w->src_state, o->async_queue_size))
		goto nomem;
	w->reader = sk_tables_reader();
	w->writer = sk_tables_writer();
	w->evt.hostname = o->hostname;
	w->evt.plugin_name = evt_plugin_name;
	w->evt.plugin_info = evt_plugin_info;
	w->evt.ud = w;
	const char *src = w->src->source;
	for (size_t i = 0; i < w->n; i++) {
		sk_plugin_t *p = reg->plugins[i];
		w->extracts[i] = sk_registry_extracts(p, src);
		w->parses[i] = sk_registry_parses(p, src);
		w->asyncs[i] = (p->caps & CAP_ASYNC) && sk_srcset_has(&p->async_sources, src);
		if (!w->extracts[i] && !w->parses[i] && !w->asyncs[i])
			continue;
		if (p == w->src) {
			w->states[i] = w->src_state;
			continue;
		}
		/* The first worker needing a non-sourcing plugin takes its primary
		 * state when that state joined this source's tables (one init
		 * saved; tables it registered stay in use); other workers get their
		 * own. Sourcing plugins' primaries belong to their own worker. */
		if (!(p->caps & CAP_SOURCING) && !reg->primary_claimed[i] && reg->primary[i] &&
			strcmp(reg->primary[i]->tables_source, src) == 0) {
			reg->primary_claimed[i] = true;
			w->states[i] = reg->primary[i];
		}
	}
	if (new_states(w, reg, src, err, errlen) || check_schemas(w, reg, err, errlen)) {
		sk_worker_free(w);
		return -EINVAL;
	}
	char labels[512];
	sk_metric_labels(labels, sizeof(labels), "source", src, NULL);
	w->m_events = sk_counter("saker_events_total", labels, "Events received, by source");
	w->m_eval_ns = sk_counter("saker_rule_eval_ns_total", labels,
		"Time spent evaluating rules, ns, by source");
	w->m_extract_err = sk_metric_plugin_errors(src, "extract");
	w->m_parse_err = sk_metric_plugin_errors(src, "parse");
	w->m_lost = sk_metric_drops("shutdown", src);

	/* Capture listeners: every state of this worker with the capability,
	 * and pure listeners (no other capability) once, on their primary;
	 * told once the source opened (open_source). */
	for (size_t i = 0; i < w->n; i++) {
		sk_plugin_t *p = reg->plugins[i];
		if (!(p->caps & CAP_CAPTURE_LISTENING))
			continue;
		if (!w->states[i] && p->caps == CAP_CAPTURE_LISTENING && !reg->primary_claimed[i]) {
			reg->primary_claimed[i] = true;
			w->states[i] = reg->primary[i];
		}
	}
	*out = w;
	return 0;
nomem:
	sk_worker_free(w);
	snprintf(err, errlen, "out of memory");
	return -ENOMEM;
}

int sk_worker_start(sk_worker_t *w)
{
	int rc = pthread_create(&w->thr, NULL, worker_main, w);
	if (rc)
		return -rc;
	w->started = true;
	return 0;
}

void sk_worker_stop(sk_worker_t *w, uint32_t drain_ms)
{
	atomic_store(&w->drain_deadline_ns, sk_sdk_now_ns(CLOCK_MONOTONIC) + (uint64_t)drain_ms * 1000000ull);
	atomic_store(&w->stop, true);
}

bool sk_worker_done(const sk_worker_t *w)
{
	return atomic_load(&((sk_worker_t *)w)->done);
}

bool sk_worker_join(sk_worker_t *w, uint64_t timeout_ms)
{
	if (!w->started)
		return true;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += (time_t)(timeout_ms / 1000);
	ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	if (pthread_timedjoin_np(w->thr, NULL, &ts) != 0)
		return false;
	w->started = false;
	return true;
}

void sk_worker_free(sk_worker_t *w)
{
	if (!w)
		return;
	/* A NULL handler makes the plugin stop and wait for its producers. */
	for (size_t i = 0; w->states && i < w->n; i++) {
		sk_plugin_state_t *st = w->states[i];
		if (st && st->async_set) {
			st->plugin->api.set_async_event_handler(st->state, st, NULL);
			st->async_set = false;
			st->host_ctx = NULL;
		}
	}
	close_captures(w);
	if (w->inst)
		w->src->api.close(w->src_state->state, w->inst);
	sk_rules_eval_free(w->eval);
	sk__wfeed_clear(&w->feed);
	for (size_t i = 0; w->states && i < w->n; i++)
		if (w->owned[i])
			sk_plugin_state_free(w->states[i]);
	sk_arena_free(&w->arena);
	free(w->states);
	free(w->owned);
	free(w->extracts);
	free(w->parses);
	free(w->asyncs);
	free(w->captures);
	sk__wasync_clear(&w->async);
	free(w);
}

const char *sk_worker_error(const sk_worker_t *w)
{
	return w->error[0] ? w->error : NULL;
}

bool sk_worker_open_failed(const sk_worker_t *w)
{
	return w->open_failed;
}

const char *sk_worker_source(const sk_worker_t *w)
{
	return w->src->source;
}

uint64_t sk_worker_events(const sk_worker_t *w)
{
	return atomic_load(&((sk_worker_t *)w)->nevents);
}
