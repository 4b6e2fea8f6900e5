/*
 * ct_queue.h - a bounded blocking FIFO of pointers between the S3/SQS
 * threads and the source thread.
 *
 * Threading: every function is thread-safe. Ownership: items are the
 * caller's; ct_queue_destroy() does not free them (drain first).
 */
#ifndef CT_QUEUE_H
#define CT_QUEUE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct ct_queue {
	pthread_mutex_t mu;
	pthread_cond_t not_empty, not_full;
	void **items;
	size_t *sizes;          /* bytes each item accounts for */
	size_t cap, head, count;
	size_t bytes, max_bytes; /* max_bytes 0: no byte bound */
	bool closed;
} ct_queue_t;

/* cap items and, when max_bytes > 0, max_bytes of item sizes (an item
 * larger than max_bytes still passes when the queue is empty). */
int ct_queue_init(ct_queue_t *q, size_t cap, size_t max_bytes);
void ct_queue_destroy(ct_queue_t *q);
/* Blocks while full. 0, or -EPIPE once the queue is closed. */
int ct_queue_push(ct_queue_t *q, void *item, size_t size);
/* Waits up to wait_ms (-1: forever): 1 with *item, 0 on timeout,
 * -ENODATA when closed and empty. */
int ct_queue_pop(ct_queue_t *q, void **item, int wait_ms);
/* Wakes every waiter; pushes fail from now on, pops drain what is left. */
void ct_queue_close(ct_queue_t *q);
size_t ct_queue_depth(ct_queue_t *q);

#endif /* CT_QUEUE_H */
