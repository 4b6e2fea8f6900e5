#include "worker_feed.h"

#include <stdlib.h>
#include <time.h>

#include "../rules/corr.h"
#include "sk_sdk_util.h"

/* A chain longer than this is sent at once: bounds what one entry holds. */
#define CORR_CHAIN_MAX 256
/* Hits wait for the watermark anyway, so the loop is woken at most every
 * CORR_WAKE_NS (its timer drains the queue too); a wake-up per batch cost
 * more than the hits themselves. */
#define CORR_WAKE_NS 10000000ull

bool sk__wfeed_active(const sk_ruleset_t *rs)
{
	const sk_corr_def_t *d;
	size_t n = sk_ruleset_correlations(rs, &d);
	for (size_t i = 0; i < n; i++)
		if (d[i].enabled)
			return true;
	return false;
}

/* One queue entry for the lot: one lock, one allocation. */
void sk__wfeed_send(sk__wfeed_t *f)
{
	sk_alert_t *a = f->head ? sk_alert_wrap_hit(f->head) : NULL;
	f->head = f->tail = NULL;
	f->n = 0;
	if (!a)
		return;
	if (!f->on_hit) {
		f->on_alert(f->ud, a);
		return;
	}
	/* a wake-up per hit would cost the loop more than the hit itself */
	f->on_hit(f->ud, a);
	f->queued = true;
}

void sk__wfeed_hit(void *ud, sk_step_hit_t *h)
{
	sk__wfeed_t *f = ud;
	if (!h)
		return;
	*(f->tail ? &f->tail->next : &f->head) = h;
	f->tail = h;
	if (++f->n >= CORR_CHAIN_MAX)
		sk__wfeed_send(f);
}

void sk__wfeed_wake(sk__wfeed_t *f, bool force)
{
	if (!f->queued || !f->wake)
		return;
	uint64_t now = sk_sdk_now_ns(CLOCK_MONOTONIC);
	if (!force && now - f->woke_ns < CORR_WAKE_NS)
		return;
	f->woke_ns = now;
	f->queued = false;
	f->wake(f->ud);
}

/* The correlator releases hits once every source's event time passed
 * them; this tells it how far this source got. */
void sk__wfeed_progress(sk__wfeed_t *f, bool done)
{
	uint64_t step = f->progress_ns ? f->progress_ns : 100000000ull;
	if (!done && (!f->on || f->max_ts < f->sent_ts + step))
		return;
	f->sent_ts = f->max_ts;
	sk__wfeed_hit(f, sk_step_hit_new(0, done ? SK_HIT_DONE : SK_HIT_PROGRESS, f->max_ts, 0,
		f->source, "", "", NULL, "{}"));
	sk__wfeed_send(f);
	sk__wfeed_wake(f, done);
}

void sk__wfeed_clear(sk__wfeed_t *f)
{
	for (sk_step_hit_t *h = f->head, *n; h; h = n) {
		n = h->next;
		free(h);
	}
	f->head = f->tail = NULL;
	f->n = 0;
}
