/*
 * runtime.h - the running engine: one worker per opened event source, the
 * bounded alert queue, and the libuv loop side (alerts -> outputs, signals,
 * SIGHUP reload, -M timer, shutdown with output flush).
 *
 * Life cycle: sk_runtime_new opens every source (any failure: one error
 * line, nothing started); when a source acknowledges input (saker_drain),
 * SIGINT/SIGTERM/SIGHUP are held pending from its open until
 * sk_runtime_run handles them, so none kills the process with
 * acknowledged events unevaluated; sk_runtime_run starts the workers and runs the
 * loop until every source reached EOF, a signal (SIGINT/SIGTERM) or the -M
 * timer stops it, or a source fails (exit code 1). Stopping is bounded by
 * flush_timeout_ms as a whole: push sources (saker_drain) refuse new input
 * and their accepted events are still evaluated until EOF or the deadline
 * (the rest is logged and counted); then queued alerts go to the outputs,
 * which flush for what is left and are closed (program_output children
 * reaped) before the loop stops.
 *
 * Alerts reach the outputs at most 256 per loop iteration (an idle handle
 * brings the loop back for the rest), so signals, timers, the web server
 * and HTTP outputs keep their turn under an alert storm.
 *
 * Correlation: step hits and progress records from the workers arrive in
 * the same queue and feed one correlator on the loop (correlate.h); its
 * alerts go to the outputs; a timer frees expired state; a reload keeps
 * the state of correlations whose definition did not change; at the end
 * the pending hits are processed before the outputs flush.
 *
 * SIGHUP calls opts.reload on the loop thread; a new ruleset is swapped in
 * atomically (workers switch at batch boundaries), new outputs replace the
 * old ones after the old ones flushed; queued alerts are never lost. With
 * opts.reload_prepare, the slow part (configuration, rules compilation)
 * runs first on a libuv pool thread, so the loop keeps serving (/healthz,
 * signals, alerts) while a large or hostile rules file compiles.
 *
 * Threading: everything here runs on the loop thread (the caller's).
 */
#ifndef SK_HOST_RUNTIME_H
#define SK_HOST_RUNTIME_H

#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

#include "registry.h"
#include "../correlate/correlate.h"
#include "../outputs/outputs.h"
#include "../rules/rules.h"

typedef struct sk_runtime sk_runtime_t;

typedef struct sk_runtime_opts {
	uv_loop_t *loop;
	sk_registry_t *reg;
	sk_ruleset_t *rules;          /* a reference is taken */
	sk_outputs_t *outputs;        /* ownership moves to the runtime */
	uint32_t alert_queue_size;
	uint32_t alert_queue_block_ms;
	uint32_t idle_sleep_us;
	uint32_t async_queue_size;
	uint32_t flush_timeout_ms;
	uint64_t duration_ms;         /* -M; 0 = until the sources end or a signal */
	const sk_correlator_opts_t *corr; /* NULL: defaults (emit/ud are the runtime's) */
	uint64_t corr_tick_ms;        /* expiry timer period (0: 1000) */
	uint64_t corr_progress_ms;    /* workers' progress granularity, event time (0: 100) */
	const char *hostname;
	/* SIGHUP: build a new ruleset and/or outputs (NULL keeps the current
	 * one). A non-zero return keeps everything as is (the error is logged). */
	int (*reload)(void *ud, sk_ruleset_t **rules, sk_outputs_t **outputs);
	/* Optional. On SIGHUP, reload_prepare runs on a libuv pool thread (it
	 * must not touch the loop) and keeps what it built in ud; then, on the
	 * loop, reload picks it up (0 from reload_prepare) or reload_discard
	 * frees it (reload_prepare failed: the current rules and outputs stay;
	 * or the runtime is stopping). One reload runs at a time: SIGHUPs
	 * arriving meanwhile cause one more reload once it is done. */
	int (*reload_prepare)(void *ud);
	void (*reload_discard)(void *ud);
	/* Sources not to open (--disable-source/--enable-source); NULL = all. */
	bool (*source_enabled)(void *ud, const char *source);
	/* Called on the loop once the outputs flushed, before the loop stops. */
	void (*on_exit)(void *ud);
	void *ud;
} sk_runtime_opts_t;

int sk_runtime_new(const sk_runtime_opts_t *o, sk_runtime_t **out, char *err, size_t errlen);
/* Returns the process exit code (0, or 1 when a source failed). */
int sk_runtime_run(sk_runtime_t *rt);
void sk_runtime_free(sk_runtime_t *rt); /* NULL-safe */

/* true when a source did not stop in time and its thread was abandoned:
 * plugin states may still be in use, so the caller must exit without
 * destroying the registry. */
bool sk_runtime_abandoned(const sk_runtime_t *rt);

/* Ask the runtime to stop as after SIGTERM (loop thread only). */
void sk_runtime_stop(sk_runtime_t *rt);

#endif
