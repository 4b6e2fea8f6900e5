/* sk_sdk_queue.c - bounded blocking FIFO of intrusive nodes. */
#include "sk_sdk_queue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void sk_sdk_qchain_append(sk_sdk_qchain_t *c, sk_sdk_qnode_t *node)
{
	node->next = NULL;
	*(c->tail ? &c->tail->next : &c->head) = node;
	c->tail = node;
	c->n++;
	c->bytes += node->bytes;
}

void sk_sdk_qchain_move(sk_sdk_qchain_t *to, sk_sdk_qchain_t *from, size_t max)
{
	sk_sdk_qnode_t *node;
	size_t k;

	for (k = 0; k < max && (node = from->head); k++) {
		from->head = node->next;
		from->n--;
		from->bytes -= node->bytes;
		sk_sdk_qchain_append(to, node);
	}
	if (!from->head)
		from->tail = NULL;
}

void sk_sdk_qchain_free(sk_sdk_qchain_t *c, sk_sdk_qfree_fn fn)
{
	sk_sdk_qnode_t *node, *next;

	if (!c)
		return;
	for (node = c->head; node; node = next) {
		next = node->next;
		if (fn)
			fn(node);
		else
			free(node);
	}
	memset(c, 0, sizeof(*c));
}

int sk_sdk_queue_init(sk_sdk_queue_t *q, size_t max_items, size_t max_bytes)
{
	pthread_condattr_t ca;

	memset(q, 0, sizeof(*q));
	if (max_items == 0)
		return -EINVAL;
	q->max_items = max_items;
	q->max_bytes = max_bytes;
	if (pthread_mutex_init(&q->mu, NULL) != 0)
		return -ENOMEM;
	if (pthread_condattr_init(&ca) != 0)
		goto nomem_mu;
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	if (pthread_cond_init(&q->not_empty, &ca) != 0)
		goto nomem_attr;
	if (pthread_cond_init(&q->not_full, &ca) != 0)
		goto nomem_cv;
	pthread_condattr_destroy(&ca);
	q->ready = true;
	return 0;
nomem_cv:
	pthread_cond_destroy(&q->not_empty);
nomem_attr:
	pthread_condattr_destroy(&ca);
nomem_mu:
	pthread_mutex_destroy(&q->mu);
	return -ENOMEM;
}

void sk_sdk_queue_destroy(sk_sdk_queue_t *q, sk_sdk_qfree_fn fn)
{
	if (q && q->ready) {
		sk_sdk_qchain_free(&q->items, fn);
		pthread_cond_destroy(&q->not_full);
		pthread_cond_destroy(&q->not_empty);
		pthread_mutex_destroy(&q->mu);
		q->ready = false;
	}
}

static struct timespec deadline(int wait_ms)
{
	struct timespec dl;

	clock_gettime(CLOCK_MONOTONIC, &dl);
	if (wait_ms > 0) {
		dl.tv_sec += wait_ms / 1000;
		dl.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
		if (dl.tv_nsec >= 1000000000L) {
			dl.tv_sec++;
			dl.tv_nsec -= 1000000000L;
		}
	}
	return dl;
}

/* false once the wait is over: no time given, or the deadline passed. */
static bool wait_on(sk_sdk_queue_t *q, pthread_cond_t *cv, int wait_ms,
	const struct timespec *dl)
{
	if (wait_ms == 0)
		return false;
	if (wait_ms < 0)
		return pthread_cond_wait(cv, &q->mu) == 0;
	return pthread_cond_timedwait(cv, &q->mu, dl) != ETIMEDOUT;
}

static bool fits(const sk_sdk_queue_t *q, const sk_sdk_qchain_t *c, bool waiting)
{
	if (waiting && q->items.n == 0)
		return true;
	return q->items.n + c->n <= q->max_items &&
	       (!q->max_bytes || q->items.bytes + c->bytes <= q->max_bytes);
}

int sk_sdk_queue_push(sk_sdk_queue_t *q, sk_sdk_qchain_t *c, int wait_ms)
{
	struct timespec dl = deadline(wait_ms);
	int rc = 0;

	if (c->n == 0)
		return 0;
	pthread_mutex_lock(&q->mu);
	while (!q->closed && !fits(q, c, wait_ms != 0))
		if (!wait_on(q, &q->not_full, wait_ms, &dl))
			break;
	if (q->closed) {
		rc = -EPIPE;
	} else if (!fits(q, c, wait_ms != 0)) {
		rc = -EAGAIN;
	} else {
		sk_sdk_qchain_move(&q->items, c, c->n);
		pthread_cond_signal(&q->not_empty);
	}
	pthread_mutex_unlock(&q->mu);
	return rc;
}

int sk_sdk_queue_push1(sk_sdk_queue_t *q, sk_sdk_qnode_t *node, int wait_ms)
{
	sk_sdk_qchain_t one = { 0 };

	sk_sdk_qchain_append(&one, node);
	return sk_sdk_queue_push(q, &one, wait_ms);
}

int sk_sdk_queue_pop(sk_sdk_queue_t *q, sk_sdk_qchain_t *out, size_t max, int wait_ms)
{
	struct timespec dl = deadline(wait_ms);
	int rc = 0;

	pthread_mutex_lock(&q->mu);
	while (q->items.n == 0 && !q->closed)
		if (!wait_on(q, &q->not_empty, wait_ms, &dl))
			break;
	if (q->items.n) {
		sk_sdk_qchain_move(out, &q->items, max ? max : 1);
		/* a byte bound may let several waiting producers in */
		pthread_cond_broadcast(&q->not_full);
	} else {
		rc = q->closed ? -ENODATA : -ETIMEDOUT;
	}
	pthread_mutex_unlock(&q->mu);
	return rc;
}

void sk_sdk_queue_close(sk_sdk_queue_t *q)
{
	if (!q->ready)
		return;
	pthread_mutex_lock(&q->mu);
	q->closed = true;
	pthread_cond_broadcast(&q->not_empty);
	pthread_cond_broadcast(&q->not_full);
	pthread_mutex_unlock(&q->mu);
}

/* A consistent read of one of the queue's counters. */
static size_t read_locked(sk_sdk_queue_t *q, const size_t *field)
{
	size_t v;

	pthread_mutex_lock(&q->mu);
	v = *field;
	pthread_mutex_unlock(&q->mu);
	return v;
}

bool sk_sdk_queue_closed(sk_sdk_queue_t *q)
{
	bool c;

	pthread_mutex_lock(&q->mu);
	c = q->closed;
	pthread_mutex_unlock(&q->mu);
	return c;
}

size_t sk_sdk_queue_depth(sk_sdk_queue_t *q)
{
	return read_locked(q, &q->items.n);
}

size_t sk_sdk_queue_bytes(sk_sdk_queue_t *q)
{
	return read_locked(q, &q->items.bytes);
}

sk_sdk_qitem_t *sk_sdk_qitem_new(uint64_t ts, const void *data, size_t len)
{
	sk_sdk_qitem_t *it;

	if (len > UINT32_MAX - 64)
		return NULL;
	it = malloc(sizeof(*it) + len + 1);
	if (!it)
		return NULL;
	it->node.next = NULL;
	it->node.bytes = len;
	it->ts = ts;
	it->len = (uint32_t)len;
	if (data)
		memcpy(it->data, data, len);
	it->data[len] = '\0';
	return it;
}

void sk_sdk_qitem_trim(sk_sdk_qitem_t *it, size_t len)
{
	if (len > it->len)
		return;
	it->len = (uint32_t)len;
	it->node.bytes = len;
	it->data[len] = '\0';
}
