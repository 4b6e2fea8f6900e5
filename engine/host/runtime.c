/* The loop side of the engine. */
#include "runtime.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue.h"
#include "worker.h"
#include "../util/log.h"
#include "../util/metrics.h"
#include "../util/step_hit.h"

#define STOP_POLL_MS 10
/* Alerts handed to the outputs per loop iteration: enough to keep up with
 * any source, small enough that signals, timers, the web server and HTTP
 * outputs get their turn under an alert storm. */
#define DRAIN_SLICE 256
/* After the flush deadline: time for a worker still inside next_batch to
 * notice it, before it is abandoned. */
#define STOP_GRACE_MS 500

struct sk_runtime {
	sk_runtime_opts_t o;
	uv_loop_t *loop;
	sk_queue_t *queue;
	sk_rules_slot_t rules;
	sk_outputs_t *outputs;
	sk_worker_t **workers;
	size_t nworkers;
	uv_async_t wake;
	uv_idle_t drain_idle;
	uv_signal_t sig_int, sig_term, sig_hup;
	uv_timer_t duration, stop_poll, flush_guard, corr_tick;
	sk_correlator_t *corr;
	bool handles_open;
	bool stopping, flushing, final, closing_outputs, exited;
	uint64_t stop_deadline;
	_Atomic size_t ndone;
	/* start-up: sources opened / failed to open (worker threads), the
	 * gate they wait on, and whether every source is ready */
	_Atomic size_t nopened, nopen_failed;
	sk_worker_gate_t gate;
	bool gate_ok, gate_decided;
	_Atomic bool ready;
	char fatal[1024];
	int exit_code;
	bool abandoned;
	sk_metric_t *m_alerts_lost;
	uv_work_t reload_req;          /* reload_prepare in flight */
	bool reloading, reload_again;
	int prepare_rc;
};

static void on_alert(void *ud, sk_alert_t *a)
{
	sk_runtime_t *rt = ud;
	sk_queue_push(rt->queue, a);
	uv_async_send(&rt->wake);
}

static void on_hit(void *ud, sk_alert_t *a)
{
	sk_runtime_t *rt = ud;
	uint64_t n = 0;
	for (const struct sk_step_hit *h = a->hit; h; h = h->next)
		n++;
	/* the queue counts the entry; this counts the hits it carried */
	if (!sk_queue_push(rt->queue, a))
		sk_metric_add(sk_counter("saker_correlation_dropped_total", "",
			"Step hits and progress records dropped: alert queue full"), n);
}

static void wake(void *ud)
{
	sk_runtime_t *rt = ud;
	uv_async_send(&rt->wake);
}

static void on_done(void *ud, sk_worker_t *w)
{
	sk_runtime_t *rt = ud;
	(void)w;
	atomic_fetch_add(&rt->ndone, 1);
	uv_async_send(&rt->wake);
}

static void on_open(void *ud, sk_worker_t *w, bool ok)
{
	sk_runtime_t *rt = ud;
	(void)w;
	atomic_fetch_add(ok ? &rt->nopened : &rt->nopen_failed, 1);
	uv_async_send(&rt->wake);
}

static void corr_emit(void *ud, sk_alert_t *a)
{
	sk_runtime_t *rt = ud;
	if (rt->outputs)
		sk_outputs_emit(rt->outputs, a);
	sk_alert_free(a);
}

/* Correlation step hits and progress records ride the alert queue, in
 * order; each queue entry counts as one item of a slice. */
static void feed_hits(sk_runtime_t *rt, sk_alert_t *a)
{
	for (sk_step_hit_t *h = a->hit, *n; h; h = n) {
		n = h->next;
		h->next = NULL;
		sk_correlator_feed(rt->corr, h, uv_now(rt->loop));
	}
	a->hit = NULL;
	sk_alert_free(a);
}

static size_t emit_some(sk_runtime_t *rt, size_t max)
{
	sk_alert_t *a;
	size_t n = 0;
	while (n < max && (a = sk_queue_pop(rt->queue))) {
		if (a->hit) {
			feed_hits(rt, a);
			n++;
			continue;
		}
		if (rt->outputs)
			sk_outputs_emit(rt->outputs, a);
		sk_alert_free(a);
		n++;
	}
	return n;
}

/* Everything queued, at once: only before a reload replaces the outputs
 * (queued alerts go to the sinks they were raised under). Bounded by the
 * queue's capacity. */
static void drain_queue(sk_runtime_t *rt)
{
	emit_some(rt, SIZE_MAX);
	uv_idle_stop(&rt->drain_idle);
}

static void flush_outputs(sk_runtime_t *rt);

/* After the sources stopped: the last alerts go out in slices too, until
 * the queue is empty or the shutdown deadline passed (the rest is counted). */
static void final_step(sk_runtime_t *rt)
{
	if (sk_queue_depth(rt->queue) && uv_now(rt->loop) < rt->stop_deadline + STOP_GRACE_MS)
		return;
	uv_idle_stop(&rt->drain_idle);
	size_t n = 0;
	sk_alert_t *a;
	while ((a = sk_queue_pop(rt->queue))) {
		n += a->hit == NULL; /* step hits are not alerts */
		sk_alert_free(a);
	}
	if (n) {
		sk_metric_add(rt->m_alerts_lost, n);
		sk_log(SK_LOG_WARNING, "host", "%zu queued alert(s) not delivered before "
			"saker.flush_timeout_ms; they are lost", n);
	}
	flush_outputs(rt);
}

static void drain_idle_cb(uv_idle_t *h)
{
	sk_runtime_t *rt = h->data;
	size_t n = emit_some(rt, DRAIN_SLICE);
	if (rt->final)
		final_step(rt);
	else if (n < DRAIN_SLICE)
		uv_idle_stop(h);
}

/* One slice now; the idle handle brings the loop back for the rest after
 * it polled for I/O and ran its timers. */
static void drain_slice(sk_runtime_t *rt)
{
	if (rt->final)
		return; /* the idle handle owns the queue until the outputs flush */
	if (emit_some(rt, DRAIN_SLICE) == DRAIN_SLICE && rt->handles_open)
		uv_idle_start(&rt->drain_idle, drain_idle_cb);
}

static void corr_tick_cb(uv_timer_t *t)
{
	sk_runtime_t *rt = t->data;
	drain_slice(rt); /* workers wake the loop for hits at most every 10 ms */
	sk_correlator_tick(rt->corr, uv_now(rt->loop));
}

static void close_handles(sk_runtime_t *rt)
{
	if (!rt->handles_open)
		return;
	rt->handles_open = false;
	uv_close((uv_handle_t *)&rt->wake, NULL);
	uv_close((uv_handle_t *)&rt->drain_idle, NULL);
	uv_close((uv_handle_t *)&rt->sig_int, NULL);
	uv_close((uv_handle_t *)&rt->sig_term, NULL);
	uv_close((uv_handle_t *)&rt->sig_hup, NULL);
	uv_close((uv_handle_t *)&rt->duration, NULL);
	uv_close((uv_handle_t *)&rt->stop_poll, NULL);
	uv_close((uv_handle_t *)&rt->flush_guard, NULL);
	uv_close((uv_handle_t *)&rt->corr_tick, NULL);
}

static void on_closed(void *ud)
{
	sk_runtime_t *rt = ud;
	if (rt->exited)
		return;
	rt->exited = true;
	if (rt->o.on_exit)
		rt->o.on_exit(rt->o.ud);
	close_handles(rt);
	uv_stop(rt->loop);
}

static void flush_guard_cb(uv_timer_t *t);

/* Outputs are closed while the loop still runs, so a program_output child
 * gets its EOF, then SIGTERM, then SIGKILL, and is reaped before exit. */
static void on_flushed(void *ud)
{
	sk_runtime_t *rt = ud;
	if (rt->closing_outputs || rt->exited)
		return;
	rt->closing_outputs = true;
	sk_outputs_t *o = rt->outputs;
	rt->outputs = NULL;
	if (!o) {
		on_closed(rt);
		return;
	}
	uv_timer_stop(&rt->flush_guard);
	uv_timer_start(&rt->flush_guard, flush_guard_cb, sk_outputs_close_bound_ms(o) + 1000, 0);
	sk_outputs_close(o, on_closed, rt);
}

static void flush_guard_cb(uv_timer_t *t)
{
	sk_runtime_t *rt = t->data;
	if (!rt->closing_outputs) {
		sk_log(SK_LOG_WARNING, "host", "outputs did not flush in time; exiting anyway");
		on_flushed(rt);
		return;
	}
	sk_log(SK_LOG_WARNING, "host", "outputs did not close in time; exiting anyway");
	on_closed(rt);
}

static void finish(sk_runtime_t *rt)
{
	if (rt->flushing)
		return;
	rt->flushing = true;
	uv_timer_stop(&rt->stop_poll);
	for (size_t i = 0; i < rt->nworkers; i++) {
		sk_worker_t *w = rt->workers[i];
		if (!sk_worker_done(w) || !sk_worker_join(w, 1000)) {
			sk_log(SK_LOG_WARNING, "host", "event source %s did not stop in time; abandoning it",
				sk_worker_source(w));
			rt->workers[i] = NULL; /* leaked on purpose: its thread may still run */
			rt->abandoned = true;
			continue;
		}
		const char *e = sk_worker_error(w);
		if (e && sk_worker_open_failed(w)) {
			/* reported by the caller as a start-up error (sk_runtime_fatal) */
			if (!rt->fatal[0])
				snprintf(rt->fatal, sizeof(rt->fatal), "%s", e);
			rt->exit_code = 1;
		} else if (e) {
			sk_log(SK_LOG_ERROR, "host", "event source %s failed: %s", sk_worker_source(w), e);
			rt->exit_code = 1;
		}
	}
	rt->final = true;
	uv_idle_start(&rt->drain_idle, drain_idle_cb);
}

static void flush_outputs(sk_runtime_t *rt)
{
	/* flush_timeout_ms bounds the whole shutdown: what the sources' drain
	 * left of it goes to the outputs. */
	uint64_t now = uv_now(rt->loop);
	uint64_t left = rt->stop_deadline > now ? rt->stop_deadline - now : 0;
	/* Windows still open at exit close now: their alerts go out with the rest. */
	sk_correlator_flush(rt->corr);
	/* The exit must not depend on a sink honouring its flush bound. */
	uv_timer_start(&rt->flush_guard, flush_guard_cb, left + 1000, 0);
	if (rt->outputs)
		sk_outputs_flush(rt->outputs, left, on_flushed, rt);
	else
		on_flushed(rt);
}

static void stop_poll_cb(uv_timer_t *t)
{
	sk_runtime_t *rt = t->data;
	drain_slice(rt);
	if (atomic_load(&rt->ndone) == rt->nworkers ||
		uv_now(rt->loop) >= rt->stop_deadline + STOP_GRACE_MS)
		finish(rt);
}

void sk_runtime_stop(sk_runtime_t *rt)
{
	if (rt->stopping)
		return;
	rt->stopping = true;
	/* Stopped while sources still open (a signal during start-up): the
	 * sources that opened may already have acknowledged input (a webhook
	 * answered 200), so they are released to drain it as on any stop.
	 * Only a failed open stops every worker before any event. */
	if (!rt->gate_decided) {
		rt->gate_decided = true;
		sk_worker_gate_set(&rt->gate, atomic_load(&rt->nopen_failed) ? -1 : 1);
	}
	for (size_t i = 0; i < rt->nworkers; i++)
		sk_worker_stop(rt->workers[i], rt->o.flush_timeout_ms);
	rt->stop_deadline = uv_now(rt->loop) + rt->o.flush_timeout_ms;
	uv_timer_start(&rt->stop_poll, stop_poll_cb, 0, STOP_POLL_MS);
}

static void duration_cb(uv_timer_t *t);

/* Every source opened: events flow, /healthz turns 200, -M starts. */
static void check_gate(sk_runtime_t *rt)
{
	if (rt->gate_decided || rt->stopping)
		return;
	if (atomic_load(&rt->nopen_failed)) {
		sk_runtime_stop(rt);
		return;
	}
	if (atomic_load(&rt->nopened) < rt->nworkers)
		return;
	rt->gate_decided = rt->gate_ok = true;
	sk_worker_gate_set(&rt->gate, 1);
	atomic_store(&rt->ready, true);
	if (rt->o.duration_ms)
		uv_timer_start(&rt->duration, duration_cb, rt->o.duration_ms, 0);
	sk_log(SK_LOG_INFO, "host", "all %zu event source(s) started; ready", rt->nworkers);
}

static void wake_cb(uv_async_t *h)
{
	sk_runtime_t *rt = h->data;
	drain_slice(rt);
	check_gate(rt);
	if (rt->stopping)
		return;
	size_t done = atomic_load(&rt->ndone);
	if (done == rt->nworkers) {
		sk_runtime_stop(rt);
		return;
	}
	/* One failing source stops the engine, as a failing inspector stops Falco. */
	for (size_t i = 0; i < rt->nworkers && done; i++) {
		if (sk_worker_done(rt->workers[i]) && sk_worker_error(rt->workers[i])) {
			sk_runtime_stop(rt);
			return;
		}
	}
}

typedef struct old_outputs {
	sk_outputs_t *o;
} old_outputs_t;

static void old_flushed(void *ud)
{
	old_outputs_t *oo = ud;
	sk_outputs_destroy(oo->o);
	free(oo);
}

static void reload(sk_runtime_t *rt)
{
	if (!rt->o.reload || rt->stopping)
		return;
	sk_log(SK_LOG_INFO, "host", "SIGHUP received, reloading rules and outputs");
	sk_ruleset_t *rs = NULL;
	sk_outputs_t *outs = NULL;
	if (rt->o.reload(rt->o.ud, &rs, &outs) != 0) {
		sk_log(SK_LOG_ERROR, "host", "reload failed; keeping the current rules and outputs");
		return;
	}
	if (rs) {
		sk_rules_slot_set(&rt->rules, rs);
		if (sk_correlator_set_ruleset(rt->corr, rs))
			sk_log(SK_LOG_ERROR, "host", "out of memory: correlations keep the previous set");
		sk_ruleset_unref(rs);
	}
	if (outs) {
		/* Deliver what is queued to the old sinks, then let them flush. */
		drain_queue(rt);
		sk_outputs_t *old = rt->outputs;
		rt->outputs = outs;
		if (old) {
			old_outputs_t *oo = malloc(sizeof(*oo));
			if (oo) {
				oo->o = old;
				sk_outputs_flush(old, rt->o.flush_timeout_ms, old_flushed, oo);
			} else {
				sk_outputs_destroy(old);
			}
		}
	}
	sk_log(SK_LOG_INFO, "host", "reload done");
}

static void prepare_work(uv_work_t *req)
{
	sk_runtime_t *rt = req->data;
	rt->prepare_rc = rt->o.reload_prepare(rt->o.ud);
}

static void start_reload(sk_runtime_t *rt);

static void prepare_done(uv_work_t *req, int status)
{
	sk_runtime_t *rt = req->data;
	rt->reloading = false;
	if (status || rt->prepare_rc || rt->stopping) {
		if (!rt->stopping)
			sk_log(SK_LOG_ERROR, "host", "reload failed; keeping the current rules and outputs");
		if (rt->o.reload_discard)
			rt->o.reload_discard(rt->o.ud);
	} else {
		reload(rt);
	}
	if (rt->reload_again && !rt->stopping) {
		rt->reload_again = false;
		start_reload(rt);
	}
}

/* Compiling a rules file can take long (it is bounded by the rules limits,
 * not by the loop's needs): it runs on the pool, the swap on the loop. */
static void start_reload(sk_runtime_t *rt)
{
	if (!rt->o.reload_prepare) {
		reload(rt);
		return;
	}
	if (rt->stopping)
		return;
	if (rt->reloading) {
		rt->reload_again = true;
		return;
	}
	sk_log(SK_LOG_INFO, "host", "SIGHUP received, preparing the new rules and outputs");
	rt->reload_req.data = rt;
	if (uv_queue_work(rt->loop, &rt->reload_req, prepare_work, prepare_done) == 0)
		rt->reloading = true;
	else
		sk_log(SK_LOG_ERROR, "host", "reload failed: cannot queue work; keeping the current rules");
}

static void signal_cb(uv_signal_t *h, int signum)
{
	sk_runtime_t *rt = h->data;
	if (signum == SIGHUP) {
		start_reload(rt);
		return;
	}
	sk_log(SK_LOG_INFO, "host", "signal %d received, shutting down", signum);
	sk_runtime_stop(rt);
}

static void duration_cb(uv_timer_t *t)
{
	sk_runtime_t *rt = t->data;
	sk_log(SK_LOG_INFO, "host", "run duration reached, shutting down");
	sk_runtime_stop(rt);
}

int sk_runtime_new(const sk_runtime_opts_t *o, sk_runtime_t **out, char *err, size_t errlen)
{
	*out = NULL;
	sk_runtime_t *rt = calloc(1, sizeof(*rt));
	if (!rt) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	rt->o = *o;
	rt->loop = o->loop;
	rt->m_alerts_lost = sk_metric_drops("shutdown_alerts", NULL);
	sk_rules_slot_init(&rt->rules);
	sk_rules_slot_set(&rt->rules, o->rules);
	sk_worker_gate_init(&rt->gate);
	rt->outputs = o->outputs;
	int rc = -ENOMEM;
	sk_correlator_opts_t co = { 0 };
	if (o->corr)
		co = *o->corr;
	co.emit = corr_emit;
	co.ud = rt;
	if (sk_correlator_new(&co, &rt->corr) || sk_correlator_set_ruleset(rt->corr, o->rules)) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	rc = sk_queue_new(o->alert_queue_size, o->alert_queue_block_ms, &rt->queue);
	if (rc) {
		snprintf(err, errlen, "cannot create the alert queue (%u entries)", o->alert_queue_size);
		goto fail;
	}
	rt->workers = calloc(o->reg->n + 1, sizeof(*rt->workers));
	if (!rt->workers) {
		rc = -ENOMEM;
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < o->reg->n; i++) {
		sk_plugin_t *p = o->reg->plugins[i];
		if (!(p->caps & CAP_SOURCING))
			continue;
		if (o->source_enabled && !o->source_enabled(o->ud, p->source)) {
			sk_log(SK_LOG_INFO, "host", "event source %s disabled", p->source);
			continue;
		}
		sk_worker_opts_t wo = {
			.reg = o->reg, .source = p, .rules = &rt->rules, .hostname = o->hostname,
			.idle_sleep_us = o->idle_sleep_us,
			.async_queue_size = o->async_queue_size, .on_alert = on_alert, .on_done = on_done,
			.on_hit = on_hit, .wake = wake, .on_open = on_open, .gate = &rt->gate,
			.ud = rt, .corr_progress_ns = o->corr_progress_ms * 1000000ull,
		};
		if ((rc = sk_worker_new(&wo, &rt->workers[rt->nworkers], err, errlen)))
			goto fail;
		rt->nworkers++;
		sk_correlator_add_source(rt->corr, p->source, uv_now(o->loop));
	}
	if (rt->nworkers == 0) {
		snprintf(err, errlen, "no event source: configure and load at least one sourcing plugin");
		rc = -ENOENT;
		goto fail;
	}
	*out = rt;
	return 0;
fail:
	rt->o.outputs = NULL; /* the caller keeps its outputs on failure */
	rt->outputs = NULL;
	sk_runtime_free(rt);
	return rc ? rc : -EINVAL;
}

int sk_runtime_run(sk_runtime_t *rt)
{
	uv_async_init(rt->loop, &rt->wake, wake_cb);
	uv_idle_init(rt->loop, &rt->drain_idle);
	uv_signal_init(rt->loop, &rt->sig_int);
	uv_signal_init(rt->loop, &rt->sig_term);
	uv_signal_init(rt->loop, &rt->sig_hup);
	uv_timer_init(rt->loop, &rt->duration);
	uv_timer_init(rt->loop, &rt->stop_poll);
	uv_timer_init(rt->loop, &rt->flush_guard);
	rt->drain_idle.data = rt;
	uv_timer_init(rt->loop, &rt->corr_tick);
	rt->corr_tick.data = rt;
	rt->wake.data = rt->sig_int.data = rt->sig_term.data = rt->sig_hup.data = rt;
	rt->duration.data = rt->stop_poll.data = rt->flush_guard.data = rt;
	rt->handles_open = true;
	uv_signal_start(&rt->sig_int, signal_cb, SIGINT);
	uv_signal_start(&rt->sig_term, signal_cb, SIGTERM);
	uv_signal_start(&rt->sig_hup, signal_cb, SIGHUP);
	uint64_t tick = rt->o.corr_tick_ms ? rt->o.corr_tick_ms : 1000;
	uv_timer_start(&rt->corr_tick, corr_tick_cb, tick, tick);
	for (size_t i = 0; i < rt->nworkers; i++) {
		int rc = sk_worker_start(rt->workers[i]);
		if (rc) {
			sk_log(SK_LOG_ERROR, "host", "cannot start the worker for source %s: %s",
				sk_worker_source(rt->workers[i]), strerror(-rc));
			rt->exit_code = 1;
			atomic_fetch_add(&rt->ndone, 1);
			atomic_fetch_add(&rt->nopen_failed, 1);
		}
	}
	sk_log(SK_LOG_INFO, "host", "running %zu event source(s); SIGHUP reloads, SIGTERM stops",
		rt->nworkers);
	uv_async_send(&rt->wake);
	uv_run(rt->loop, UV_RUN_DEFAULT);
	/* A reload still compiling on the pool holds rt: let it land (its
	 * result is discarded, the runtime is stopping). */
	while (rt->reloading)
		uv_run(rt->loop, UV_RUN_ONCE);
	close_handles(rt);
	/* Let close callbacks run; the caller owns the other handles. */
	uv_run(rt->loop, UV_RUN_NOWAIT);
	return rt->exit_code;
}

void sk_runtime_free(sk_runtime_t *rt)
{
	if (!rt)
		return;
	for (size_t i = 0; i < rt->nworkers; i++)
		sk_worker_free(rt->workers[i]);
	free(rt->workers);
	sk_queue_free(rt->queue);
	sk_correlator_free(rt->corr);
	sk_outputs_destroy(rt->outputs);
	sk_rules_slot_destroy(&rt->rules);
	sk_worker_gate_destroy(&rt->gate);
	free(rt);
}

bool sk_runtime_ready(const sk_runtime_t *rt)
{
	return rt && atomic_load(&((sk_runtime_t *)rt)->ready);
}

const char *sk_runtime_fatal(const sk_runtime_t *rt)
{
	return rt && rt->fatal[0] ? rt->fatal : NULL;
}

bool sk_runtime_abandoned(const sk_runtime_t *rt)
{
	return rt && rt->abandoned;
}
