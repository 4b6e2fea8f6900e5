/*
 * worker_async.h - a source worker's async events (libsinsp's rules): the
 * handler plugins call from their own threads validates and queues them,
 * the worker drains the queue between batches; and when the source's
 * instance writes a capture file, the async plugins' dump_state goes into
 * it, then every drained async event (saker_capture_write).
 *
 * Rules applied by the handler: type 402 with 3 parameters and a name the
 * plugin declared (else refused, saker_plugin_errors_total{op="async"});
 * tid -1 on a plugin source (else refused, same counter); a timestamp more
 * than 10 s ahead is dropped (saker_drops_total{cause="async_future_ts"});
 * a full queue drops (saker_drops_total{cause="async_queue_full"}). The
 * plugin-id parameter is set to the open source's id.
 *
 * Ownership: queued events are copies owned by the queue until drained.
 * Threading: sk__wasync_handler on any thread (the queue locks); everything
 * else on the worker's thread (dump at open, before the worker starts).
 */
#ifndef SK_WORKER_ASYNC_H
#define SK_WORKER_ASYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "inbox.h"
#include "plugin.h"
#include "../util/metrics.h"

typedef struct sk__wasync {
	sk_inbox_t *inbox;
	sk_plugin_t *src;             /* the source's plugin */
	sk_plugin_state_t *src_state;
	ss_instance_t *inst;          /* set by sk__wasync_dump */
	bool writes_capture;
	sk_metric_t *m_drop, *m_bad, *m_future, *m_capture_err;
} sk__wasync_t;

/* Queue of queue_size events (0: 4096) and the metrics of src's source.
 * 0 or -ENOMEM. */
int sk__wasync_init(sk__wasync_t *a, sk_plugin_t *src, sk_plugin_state_t *src_state,
	uint32_t queue_size);
void sk__wasync_clear(sk__wasync_t *a); /* frees what is still queued */

/* The handler given to set_async_event_handler; the state's host_ctx must
 * point to the sk__wasync_t. */
ss_plugin_rc sk__wasync_handler(ss_plugin_owner_t *o, const ss_plugin_event *evt, char *err);

/* After open: when inst writes a capture, calls dump_state of states[i]
 * for each asyncs[i] (their host_ctx is set to a). 0, or -EIO with err. */
int sk__wasync_dump(sk__wasync_t *a, ss_instance_t *inst, sk_plugin_state_t **states,
	const bool *asyncs, size_t n, char *err, size_t errlen);

/* Pops at most max events, stamps UINT64_MAX timestamps, writes them to the
 * capture file when there is one, hands each to process (which must not
 * keep it). Returns how many. */
uint64_t sk__wasync_drain(sk__wasync_t *a, uint64_t max,
	void (*process)(void *ud, ss_plugin_event *e), void *ud);

#endif
