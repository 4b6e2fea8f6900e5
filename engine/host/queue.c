/* The alert queue is a ring plus its drop accounting and metrics. */
#include "queue.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "../util/metrics.h"
#include "../util/ring.h"

struct sk_queue {
	sk_ring_t ring;
	uint32_t block_ms;
	_Atomic uint64_t drops;
	sk_metric_t *m_drops;
	sk_metric_t *m_depth;
};

static int64_t depth_fn(void *ud)
{
	return (int64_t)sk_queue_depth(ud);
}

int sk_queue_new(uint32_t capacity, uint32_t block_ms, sk_queue_t **out)
{
	sk_queue_t *q = calloc(1, sizeof(*q));
	int rc = q ? sk_ring_init(&q->ring, capacity) : -ENOMEM;
	if (rc < 0) {
		free(q);
		return rc;
	}
	q->block_ms = block_ms;
	q->m_drops = sk_metric_drops("alert_queue_full", NULL);
	q->m_depth = sk_metric_gauge_fn("saker_alert_queue_depth", "", "Alerts waiting for the outputs",
		depth_fn, q);
	sk_metric_set(sk_gauge("saker_alert_queue_capacity", "", "Alert queue capacity"),
		(int64_t)capacity);
	*out = q;
	return 0;
}

static void drop_alert(void *a)
{
	sk_alert_free(a);
}

void sk_queue_free(sk_queue_t *q)
{
	if (!q)
		return;
	sk_metric_unregister(q->m_depth);
	sk_ring_destroy(&q->ring, drop_alert);
	free(q);
}

bool sk_queue_push(sk_queue_t *q, sk_alert_t *a)
{
	if (sk_ring_push(&q->ring, a, q->block_ms))
		return true;
	atomic_fetch_add(&q->drops, 1);
	sk_metric_add(q->m_drops, 1);
	sk_alert_free(a);
	return false;
}

sk_alert_t *sk_queue_pop(sk_queue_t *q)
{
	return sk_ring_pop(&q->ring);
}

size_t sk_queue_depth(sk_queue_t *q)
{
	return sk_ring_len(&q->ring);
}

uint64_t sk_queue_drops(sk_queue_t *q)
{
	return atomic_load(&q->drops);
}
