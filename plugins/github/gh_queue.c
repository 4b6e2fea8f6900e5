/* gh_queue.c - bounded FIFO with a condition variable for the consumer. */
#include "gh_queue.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

gh_item_t *gh_item_new(uint64_t ts, size_t len)
{
	gh_item_t *it;

	if (len > UINT32_MAX - 64)
		return NULL;
	it = malloc(sizeof(*it) + len + 1);
	if (!it)
		return NULL;
	it->next = NULL;
	it->ts = ts;
	it->len = (uint32_t)len;
	return it;
}

void gh_item_free_list(gh_item_t *it)
{
	gh_item_t *n;

	for (; it; it = n) {
		n = it->next;
		free(it);
	}
}

int gh_queue_init(gh_queue_t *q, size_t max_items, size_t max_bytes)
{
	pthread_condattr_t ca;

	*q = (gh_queue_t){ .max_items = max_items, .max_bytes = max_bytes };
	if (pthread_mutex_init(&q->mu, NULL) != 0)
		return -ENOMEM;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	if (pthread_cond_init(&q->cv, &ca) != 0) {
		pthread_condattr_destroy(&ca);
		pthread_mutex_destroy(&q->mu);
		return -ENOMEM;
	}
	pthread_condattr_destroy(&ca);
	return 0;
}

void gh_queue_destroy(gh_queue_t *q)
{
	if (!q)
		return;
	gh_item_free_list(q->head);
	q->head = q->tail = NULL;
	pthread_cond_destroy(&q->cv);
	pthread_mutex_destroy(&q->mu);
}

int gh_queue_push(gh_queue_t *q, gh_item_t *it)
{
	int rc = 0;

	pthread_mutex_lock(&q->mu);
	if (q->closed)
		rc = -EPIPE;
	else if (q->n >= q->max_items || (q->max_bytes && q->bytes + it->len > q->max_bytes))
		rc = -EAGAIN;
	if (rc == 0) {
		it->next = NULL;
		if (q->tail)
			q->tail->next = it;
		else
			q->head = it;
		q->tail = it;
		q->n++;
		q->bytes += it->len;
		pthread_cond_signal(&q->cv);
	}
	pthread_mutex_unlock(&q->mu);
	return rc;
}

size_t gh_queue_pop(gh_queue_t *q, gh_item_t **out, size_t max, int timeout_ms)
{
	struct timespec dl;
	gh_item_t *first, *last = NULL;
	size_t k = 0;

	*out = NULL;
	clock_gettime(CLOCK_MONOTONIC, &dl);
	dl.tv_sec += timeout_ms / 1000;
	dl.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (dl.tv_nsec >= 1000000000L) {
		dl.tv_sec++;
		dl.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&q->mu);
	while (!q->head && !q->closed && timeout_ms > 0)
		if (pthread_cond_timedwait(&q->cv, &q->mu, &dl) == ETIMEDOUT)
			break;
	first = q->head;
	while (q->head && k < max) {
		last = q->head;
		q->head = last->next;
		q->n--;
		q->bytes -= last->len;
		k++;
	}
	if (!q->head)
		q->tail = NULL;
	if (last)
		last->next = NULL;
	pthread_mutex_unlock(&q->mu);
	*out = k ? first : NULL;
	return k;
}

void gh_queue_close(gh_queue_t *q)
{
	pthread_mutex_lock(&q->mu);
	q->closed = true;
	pthread_cond_broadcast(&q->cv);
	pthread_mutex_unlock(&q->mu);
}

size_t gh_queue_depth(gh_queue_t *q)
{
	size_t n;

	pthread_mutex_lock(&q->mu);
	n = q->n;
	pthread_mutex_unlock(&q->mu);
	return n;
}
