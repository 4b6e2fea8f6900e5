/*
 * ring.h - a bounded FIFO of pointers between threads, behind one mutex:
 * the producers are a handful of threads, so contention is low and the lock
 * keeps the code obviously correct. A producer finding it full may wait a
 * bounded time for room. Used by the alert queue and the async-event inbox.
 *
 * Ownership: the ring stores the pointers it is given and never frees
 * them; sk_ring_destroy hands what is left to a callback.
 * Threading: push and pop from any thread.
 */
#ifndef SK_UTIL_RING_H
#define SK_UTIL_RING_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sk_ring {
	pthread_mutex_t lock;
	pthread_cond_t room;
	void **slot;
	uint32_t cap, head, len;
} sk_ring_t;

/* 0, -EINVAL (capacity 0) or -ENOMEM. */
int sk_ring_init(sk_ring_t *r, uint32_t capacity);
/* Calls drop(item) on each item still queued (drop may be NULL). */
void sk_ring_destroy(sk_ring_t *r, void (*drop)(void *item));
/* The same on the heap; sk_ring_free accepts NULL. */
int sk_ring_new(uint32_t capacity, sk_ring_t **out);
void sk_ring_free(sk_ring_t *r, void (*drop)(void *item));
/* Queues item; when full, waits up to block_ms for room (0: not at all).
 * false when still full (the item is not queued). */
bool sk_ring_push(sk_ring_t *r, void *item, uint32_t block_ms);
void *sk_ring_pop(sk_ring_t *r); /* NULL when empty */
size_t sk_ring_len(sk_ring_t *r);

#endif
