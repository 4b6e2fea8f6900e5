/* ct_queue.c - bounded blocking pointer FIFO. */
#include "ct_queue.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

int ct_queue_init(ct_queue_t *q, size_t cap, size_t max_bytes)
{
	pthread_condattr_t ca;

	q->items = calloc(cap, sizeof(*q->items));
	q->sizes = calloc(cap, sizeof(*q->sizes));
	if (!q->items || !q->sizes) {
		free(q->items);
		free(q->sizes);
		q->items = NULL;
		q->sizes = NULL;
		return -ENOMEM;
	}
	q->cap = cap;
	q->bytes = 0;
	q->max_bytes = max_bytes;
	q->head = q->count = 0;
	q->closed = false;
	pthread_mutex_init(&q->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&q->not_empty, &ca);
	pthread_cond_init(&q->not_full, &ca);
	pthread_condattr_destroy(&ca);
	return 0;
}

void ct_queue_destroy(ct_queue_t *q)
{
	if (!q || !q->items)
		return;
	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->not_empty);
	pthread_cond_destroy(&q->not_full);
	free(q->items);
	free(q->sizes);
	q->items = NULL;
	q->sizes = NULL;
}

static bool full(const ct_queue_t *q, size_t size)
{
	return q->count == q->cap ||
	       (q->max_bytes && q->count && q->bytes + size > q->max_bytes);
}

int ct_queue_push(ct_queue_t *q, void *item, size_t size)
{
	size_t slot;

	pthread_mutex_lock(&q->mu);
	while (full(q, size) && !q->closed)
		pthread_cond_wait(&q->not_full, &q->mu);
	if (q->closed) {
		pthread_mutex_unlock(&q->mu);
		return -EPIPE;
	}
	slot = (q->head + q->count++) % q->cap;
	q->items[slot] = item;
	q->sizes[slot] = size;
	q->bytes += size;
	pthread_cond_signal(&q->not_empty);
	pthread_mutex_unlock(&q->mu);
	return 0;
}

int ct_queue_pop(ct_queue_t *q, void **item, int wait_ms)
{
	struct timespec dl;
	int rc = 0;

	clock_gettime(CLOCK_MONOTONIC, &dl);
	if (wait_ms > 0) {
		dl.tv_sec += wait_ms / 1000;
		dl.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
		if (dl.tv_nsec >= 1000000000L) {
			dl.tv_sec++;
			dl.tv_nsec -= 1000000000L;
		}
	}
	pthread_mutex_lock(&q->mu);
	while (!q->count && !q->closed && wait_ms != 0) {
		if (wait_ms < 0)
			pthread_cond_wait(&q->not_empty, &q->mu);
		else if (pthread_cond_timedwait(&q->not_empty, &q->mu, &dl) == ETIMEDOUT)
			break;
	}
	if (q->count) {
		*item = q->items[q->head];
		q->bytes -= q->sizes[q->head];
		q->head = (q->head + 1) % q->cap;
		q->count--;
		/* a byte bound may let several waiting producers in */
		pthread_cond_broadcast(&q->not_full);
		rc = 1;
	} else if (q->closed) {
		rc = -ENODATA;
	}
	pthread_mutex_unlock(&q->mu);
	return rc;
}

void ct_queue_close(ct_queue_t *q)
{
	pthread_mutex_lock(&q->mu);
	q->closed = true;
	pthread_cond_broadcast(&q->not_empty);
	pthread_cond_broadcast(&q->not_full);
	pthread_mutex_unlock(&q->mu);
}

size_t ct_queue_depth(ct_queue_t *q)
{
	size_t n;

	pthread_mutex_lock(&q->mu);
	n = q->count;
	pthread_mutex_unlock(&q->mu);
	return n;
}
