#include "ring.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "sk_sdk_util.h"

int sk_ring_init(sk_ring_t *r, uint32_t capacity)
{
	if (capacity == 0)
		return -EINVAL;
	r->slot = calloc(capacity, sizeof(*r->slot));
	if (!r->slot)
		return -ENOMEM;
	int rc = sk_sdk_cond_init_monotonic(&r->room);
	if (rc < 0) {
		free(r->slot);
		return rc;
	}
	pthread_mutex_init(&r->lock, NULL);
	r->cap = capacity;
	r->head = r->len = 0;
	return 0;
}

void sk_ring_destroy(sk_ring_t *r, void (*drop)(void *item))
{
	void *item;
	while ((item = sk_ring_pop(r)))
		if (drop)
			drop(item);
	pthread_mutex_destroy(&r->lock);
	pthread_cond_destroy(&r->room);
	free(r->slot);
	r->slot = NULL;
}

int sk_ring_new(uint32_t capacity, sk_ring_t **out)
{
	sk_ring_t *r = malloc(sizeof(*r));
	if (!r)
		return -ENOMEM;
	int rc = sk_ring_init(r, capacity);
	if (rc == 0)
		*out = r;
	else
		free(r);
	return rc;
}

void sk_ring_free(sk_ring_t *r, void (*drop)(void *item))
{
	if (!r)
		return;
	sk_ring_destroy(r, drop);
	free(r);
}

static void wait_room(sk_ring_t *r, uint32_t block_ms)
{
	/* a monotonic deadline: wall-clock steps neither stretch nor cut it */
	struct timespec until;
	sk_sdk_deadline(&until, CLOCK_MONOTONIC, block_ms);
	while (r->len == r->cap)
		if (pthread_cond_timedwait(&r->room, &r->lock, &until) != 0)
			break;
}

bool sk_ring_push(sk_ring_t *r, void *item, uint32_t block_ms)
{
	pthread_mutex_lock(&r->lock);
	if (r->len == r->cap && block_ms)
		wait_room(r, block_ms);
	bool ok = r->len < r->cap;
	if (ok) {
		r->slot[(r->head + r->len) % r->cap] = item;
		r->len++;
	}
	pthread_mutex_unlock(&r->lock);
	return ok;
}

void *sk_ring_pop(sk_ring_t *r)
{
	void *item = NULL;
	pthread_mutex_lock(&r->lock);
	if (r->len) {
		item = r->slot[r->head];
		r->head = (r->head + 1) % r->cap;
		r->len--;
		pthread_cond_signal(&r->room);
	}
	pthread_mutex_unlock(&r->lock);
	return item;
}

size_t sk_ring_len(sk_ring_t *r)
{
	pthread_mutex_lock(&r->lock);
	size_t n = r->len;
	pthread_mutex_unlock(&r->lock);
	return n;
}
