/*
 * worker.h - one source worker: a thread that pulls batches from one
 * sourcing plugin instance, validates and stamps each event, runs the
 * compatible parsers, evaluates the rules of its source and hands alerts to
 * the runtime.
 *
 * Each worker owns its own plugin states (plugin_init) for every extractor
 * and parser compatible with its source, because a plugin state is
 * single-threaded; the sourcing plugin uses its registry primary state.
 * Async plugins compatible with the source get a handler on their worker
 * state; their events are validated, copied into a bounded inbox and
 * processed by the worker between batches like any other event.
 * Extracted values are copied into a per-event arena, so every value of an
 * event stays valid until the next event, as sk_rules_extractor_t requires.
 *
 * The ruleset is read through an sk_rules_slot_t: reload swaps the pointer
 * under a lock and bumps a generation; workers pick it up at batch
 * boundaries (and then re-send saker_set_event_types).
 *
 * Threading: new/start/join/free on the main thread; open, the callbacks
 * and the rest run on the worker thread.
 */
#ifndef SK_HOST_WORKER_H
#define SK_HOST_WORKER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "registry.h"
#include "../rules/rules.h"

typedef struct sk_rules_slot {
	pthread_mutex_t lock;
	sk_ruleset_t *rs;
	_Atomic uint64_t gen;
} sk_rules_slot_t;

void sk_rules_slot_init(sk_rules_slot_t *s);
/* Replace the ruleset (takes a new reference on rs, drops the old one). */
void sk_rules_slot_set(sk_rules_slot_t *s, sk_ruleset_t *rs);
/* New reference on the current ruleset (or NULL) and its generation. */
sk_ruleset_t *sk_rules_slot_get(sk_rules_slot_t *s, uint64_t *gen);
void sk_rules_slot_destroy(sk_rules_slot_t *s);

typedef struct sk_worker sk_worker_t;

/* Start gate shared by a runtime's workers: each worker opens its source on
 * its own thread (the loop keeps serving /healthz meanwhile), reports it
 * (on_open), then waits here until the runtime opens the gate (every
 * source opened: events flow) or closes it (a source failed, or stop:
 * the worker closes its source and ends without evaluating anything). */
typedef struct sk_worker_gate {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int state; /* 0 closed for now, 1 open, -1 closed for good */
} sk_worker_gate_t;

void sk_worker_gate_init(sk_worker_gate_t *g);
void sk_worker_gate_set(sk_worker_gate_t *g, int state); /* wakes the waiters */
void sk_worker_gate_destroy(sk_worker_gate_t *g);
/* Blocks until the gate is set: true to go on, false to stop (g NULL: true). */
bool sk__worker_gate_wait(sk_worker_gate_t *g);

typedef struct sk_worker_opts {
	sk_registry_t *reg;
	sk_plugin_t *source;          /* the sourcing plugin */
	sk_rules_slot_t *rules;
	const char *hostname;
	uint32_t idle_sleep_us;
	uint32_t async_queue_size;    /* async events waiting (0: 4096) */
	/* Correlation: a progress record (event-time watermark) is sent at the
	 * end of a batch once event time moved this far (0: 100 ms). */
	uint64_t corr_progress_ns;
	/* Called on the worker thread for each alert (takes ownership). */
	void (*on_alert)(void *ud, sk_alert_t *a);
	/* Correlation step hits and progress records: queued without waking the
	 * loop (on_hit), which the worker wakes once per batch (wake). NULL:
	 * they go through on_alert. */
	void (*on_hit)(void *ud, sk_alert_t *a);
	void (*wake)(void *ud);
	/* Called on the worker thread when it ends (EOF, stop or error). */
	void (*on_done)(void *ud, sk_worker_t *w);
	/* Called on the worker thread once the source's open returned (ok:
	 * it succeeded); the worker then waits on gate (NULL: no wait). */
	void (*on_open)(void *ud, sk_worker_t *w, bool ok);
	sk_worker_gate_t *gate;
	void *ud;
} sk_worker_opts_t;

/* Create the worker's plugin states. The source instance is opened by the
 * worker's thread (sk_worker_start), first handed the rules' event types
 * (saker_set_event_types with no instance) so that a live source loads
 * only what they need; capture listeners are told right after the open,
 * async handlers are set once the gate opens. A failure of any of these
 * ends the worker with sk_worker_open_failed true. err: one line naming
 * plugin, library and reason. */
int sk_worker_new(const sk_worker_opts_t *o, sk_worker_t **out, char *err, size_t errlen);
int sk_worker_start(sk_worker_t *w);
/* Ask the thread to stop (async-safe). A source exporting saker_drain is
 * drained first: it refuses new input and its accepted events keep being
 * evaluated until it reports EOF or drain_ms passed; what it still holds
 * then is logged and counted (saker_drops_total{cause="shutdown"}).
 * Other sources stop after the current batch. */
void sk_worker_stop(sk_worker_t *w, uint32_t drain_ms);
bool sk_worker_done(const sk_worker_t *w);
/* Join the thread; returns false when it did not end within timeout_ms (the
 * worker is then leaked and must not be freed). */
bool sk_worker_join(sk_worker_t *w, uint64_t timeout_ms);
void sk_worker_free(sk_worker_t *w);      /* NULL-safe; after join */

/* After the worker ended: NULL on EOF/stop, else the error text. */
const char *sk_worker_error(const sk_worker_t *w);
/* After the worker ended: true when its error is the source's open failing
 * (the text then reads "plugin 'x': cannot open plugin ...: why"). */
bool sk_worker_open_failed(const sk_worker_t *w);
const char *sk_worker_source(const sk_worker_t *w);
uint64_t sk_worker_events(const sk_worker_t *w);

#endif
