/* ka_queue.c - bounded all-or-nothing event queue. */
#include "ka_queue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

ka_item_t *ka_item_new(uint64_t ts, const void *data, size_t len)
{
	ka_item_t *it;

	if (len > UINT32_MAX)
		return NULL;
	it = malloc(sizeof(*it) + len + 1);
	if (!it)
		return NULL;
	it->next = NULL;
	it->ts = ts;
	it->len = (uint32_t)len;
	memcpy(it->data, data, len);
	it->data[len] = '\0';
	return it;
}

void ka_item_free_list(ka_item_t *it)
{
	ka_item_t *n;

	for (; it; it = n) {
		n = it->next;
		free(it);
	}
}

void ka_chain_append(ka_chain_t *c, ka_item_t *it)
{
	it->next = NULL;
	if (c->tail)
		c->tail->next = it;
	else
		c->head = it;
	c->tail = it;
	c->n++;
	c->bytes += it->len;
}

void ka_chain_free(ka_chain_t *c)
{
	if (!c)
		return;
	ka_item_free_list(c->head);
	memset(c, 0, sizeof(*c));
}

int ka_queue_init(ka_queue_t *q, size_t max_items, size_t max_bytes)
{
	pthread_condattr_t ca;

	memset(q, 0, sizeof(*q));
	q->max_items = max_items;
	q->max_bytes = max_bytes;
	if (pthread_mutex_init(&q->mu, NULL))
		return -ENOMEM;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	if (pthread_cond_init(&q->cv, &ca)) {
		pthread_condattr_destroy(&ca);
		pthread_mutex_destroy(&q->mu);
		return -ENOMEM;
	}
	pthread_condattr_destroy(&ca);
	return 0;
}

void ka_queue_destroy(ka_queue_t *q)
{
	if (!q)
		return;
	ka_chain_free(&q->items);
	pthread_cond_destroy(&q->cv);
	pthread_mutex_destroy(&q->mu);
}

int ka_queue_push(ka_queue_t *q, ka_chain_t *c)
{
	int rc = 0;

	if (c->n == 0)
		return 0;
	pthread_mutex_lock(&q->mu);
	if (q->closed) {
		rc = -EPIPE;
	} else if (q->items.n + c->n > q->max_items ||
		   (q->max_bytes && q->items.bytes + c->bytes > q->max_bytes)) {
		rc = -EAGAIN;
	} else {
		if (q->items.tail)
			q->items.tail->next = c->head;
		else
			q->items.head = c->head;
		q->items.tail = c->tail;
		q->items.n += c->n;
		q->items.bytes += c->bytes;
		memset(c, 0, sizeof(*c));
		pthread_cond_signal(&q->cv);
	}
	pthread_mutex_unlock(&q->mu);
	return rc;
}

size_t ka_queue_pop(ka_queue_t *q, ka_chain_t *out, size_t max, int timeout_ms)
{
	struct timespec dl;
	size_t n = 0;
	ka_item_t *it;

	clock_gettime(CLOCK_MONOTONIC, &dl);
	dl.tv_sec += timeout_ms / 1000;
	dl.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (dl.tv_nsec >= 1000000000L) {
		dl.tv_sec++;
		dl.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&q->mu);
	while (q->items.n == 0 && !q->closed && timeout_ms > 0)
		if (pthread_cond_timedwait(&q->cv, &q->mu, &dl) == ETIMEDOUT)
			break;
	while (n < max && (it = q->items.head)) {
		q->items.head = it->next;
		if (!q->items.head)
			q->items.tail = NULL;
		q->items.n--;
		q->items.bytes -= it->len;
		ka_chain_append(out, it);
		n++;
	}
	pthread_mutex_unlock(&q->mu);
	return n;
}

void ka_queue_close(ka_queue_t *q)
{
	pthread_mutex_lock(&q->mu);
	q->closed = true;
	pthread_cond_broadcast(&q->cv);
	pthread_mutex_unlock(&q->mu);
}

bool ka_queue_closed(ka_queue_t *q)
{
	bool c;

	pthread_mutex_lock(&q->mu);
	c = q->closed;
	pthread_mutex_unlock(&q->mu);
	return c;
}

size_t ka_queue_depth(ka_queue_t *q)
{
	size_t n;

	pthread_mutex_lock(&q->mu);
	n = q->items.n;
	pthread_mutex_unlock(&q->mu);
	return n;
}
