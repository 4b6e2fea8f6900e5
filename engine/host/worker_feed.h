/*
 * worker_feed.h - a source worker's correlation feed: the step hits its
 * evaluator produces and its event-time progress, sent to the correlator
 * on the loop through the alert queue (one queue entry per chain of hits).
 *
 * Ownership: queued hits belong to the feed until sent; sk__wfeed_clear
 * frees those never sent. Threading: the worker thread only; the callbacks
 * are the worker's (on_hit/on_alert push to the queue, wake pokes the loop).
 */
#ifndef SK_WORKER_FEED_H
#define SK_WORKER_FEED_H

#include <stdbool.h>
#include <stdint.h>

#include "../util/alert.h"
#include "../util/step_hit.h"
#include "../rules/rules.h"

typedef struct sk__wfeed {
	void (*on_alert)(void *ud, sk_alert_t *a);
	void (*on_hit)(void *ud, sk_alert_t *a); /* NULL: hits go through on_alert */
	void (*wake)(void *ud);                  /* NULL: no wake-up */
	void *ud;
	const char *source;
	uint64_t progress_ns;                    /* 0: 100 ms of event time */
	bool on, queued;
	sk_step_hit_t *head, *tail;              /* hits of the current batch, in order */
	uint32_t n;
	uint64_t max_ts, sent_ts, woke_ns;
} sk__wfeed_t;

/* True when rs has an enabled correlation (the feed is needed). */
bool sk__wfeed_active(const sk_ruleset_t *rs);
/* Hit sink for the evaluator (ud = the feed); takes h. */
void sk__wfeed_hit(void *ud, sk_step_hit_t *h);
/* Send what is queued as one entry. */
void sk__wfeed_send(sk__wfeed_t *f);
/* Wake the loop if hits were sent, at most every 10 ms unless force. */
void sk__wfeed_wake(sk__wfeed_t *f, bool force);
/* Report event-time progress (done: the source ended). */
void sk__wfeed_progress(sk__wfeed_t *f, bool done);
/* Free hits never sent. */
void sk__wfeed_clear(sk__wfeed_t *f);

#endif /* SK_WORKER_FEED_H */
