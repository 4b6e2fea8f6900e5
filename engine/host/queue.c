/* A mutex-protected ring: producers are a handful of source workers, so
 * contention is low and the lock keeps the code obviously correct. */
#include "queue.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "../util/metrics.h"

struct sk_queue {
	pthread_mutex_t lock;
	pthread_cond_t room;
	sk_alert_t **ring;
	uint32_t cap, head, len, block_ms;
	uint64_t drops;
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
	if (!q || capacity == 0 || !(q->ring = calloc(capacity, sizeof(*q->ring)))) {
		free(q);
		return capacity ? -ENOMEM : -EINVAL;
	}
	pthread_mutex_init(&q->lock, NULL);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&q->room, &ca);
	pthread_condattr_destroy(&ca);
	q->cap = capacity;
	q->block_ms = block_ms;
	q->m_drops = sk_counter("saker_drops_total", "cause=\"alert_queue_full\"",
		"Events or alerts dropped, by cause");
	q->m_depth = sk_metric_gauge_fn("saker_alert_queue_depth", "", "Alerts waiting for the outputs",
		depth_fn, q);
	sk_metric_set(sk_gauge("saker_alert_queue_capacity", "", "Alert queue capacity"),
		(int64_t)capacity);
	*out = q;
	return 0;
}

void sk_queue_free(sk_queue_t *q)
{
	if (!q)
		return;
	sk_metric_unregister(q->m_depth);
	sk_alert_t *a;
	while ((a = sk_queue_pop(q)))
		sk_alert_free(a);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->room);
	free(q->ring);
	free(q);
}

bool sk_queue_push(sk_queue_t *q, sk_alert_t *a)
{
	pthread_mutex_lock(&q->lock);
	if (q->len == q->cap && q->block_ms) {
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += q->block_ms / 1000;
		until.tv_nsec += (long)(q->block_ms % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (q->len == q->cap)
			if (pthread_cond_timedwait(&q->room, &q->lock, &until) != 0)
				break;
	}
	if (q->len == q->cap) {
		q->drops++;
		pthread_mutex_unlock(&q->lock);
		sk_metric_add(q->m_drops, 1);
		sk_alert_free(a);
		return false;
	}
	q->ring[(q->head + q->len) % q->cap] = a;
	q->len++;
	pthread_mutex_unlock(&q->lock);
	return true;
}

sk_alert_t *sk_queue_pop(sk_queue_t *q)
{
	sk_alert_t *a = NULL;
	pthread_mutex_lock(&q->lock);
	if (q->len) {
		a = q->ring[q->head];
		q->head = (q->head + 1) % q->cap;
		q->len--;
		pthread_cond_signal(&q->room);
	}
	pthread_mutex_unlock(&q->lock);
	return a;
}

size_t sk_queue_depth(sk_queue_t *q)
{
	pthread_mutex_lock(&q->lock);
	size_t n = q->len;
	pthread_mutex_unlock(&q->lock);
	return n;
}

uint64_t sk_queue_drops(sk_queue_t *q)
{
	pthread_mutex_lock(&q->lock);
	uint64_t n = q->drops;
	pthread_mutex_unlock(&q->lock);
	return n;
}
