/*
 * ka_queue.h - bounded multi-producer queue of audit events between the
 * webhook threads (producers) and next_batch (the single consumer).
 *
 * Ownership: items are malloc'd by ka_item_new(); a successful push hands
 * them to the queue, a pop hands them to the caller (free with
 * ka_item_free_list). A refused push leaves them with the caller.
 * Threading: push/pop/close may be called from any thread.
 */
#ifndef KA_QUEUE_H
#define KA_QUEUE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ka_item {
	struct ka_item *next;
	uint64_t ts;
	uint32_t len;
	char data[];
} ka_item_t;

/* A chain of items being built (e.g. the events of one request). */
typedef struct ka_chain {
	ka_item_t *head, *tail;
	size_t n, bytes;
} ka_chain_t;

typedef struct ka_queue {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	ka_chain_t items;
	size_t max_items, max_bytes;
	bool closed;
} ka_queue_t;

ka_item_t *ka_item_new(uint64_t ts, const void *data, size_t len);
void ka_item_free_list(ka_item_t *it);
void ka_chain_append(ka_chain_t *c, ka_item_t *it);
void ka_chain_free(ka_chain_t *c);

int ka_queue_init(ka_queue_t *q, size_t max_items, size_t max_bytes);
void ka_queue_destroy(ka_queue_t *q);
/* All or nothing: -EAGAIN when the chain does not fit (queue full), -EPIPE
 * when closed. On success the chain is emptied. */
int ka_queue_push(ka_queue_t *q, ka_chain_t *c);
/* Pop up to max items, waiting at most timeout_ms for the first one.
 * Returns the number popped (0 on timeout or when closed and empty). */
size_t ka_queue_pop(ka_queue_t *q, ka_chain_t *out, size_t max, int timeout_ms);
/* After close, pushes fail with -EPIPE; pops still return what is left. */
void ka_queue_close(ka_queue_t *q);
bool ka_queue_closed(ka_queue_t *q);
size_t ka_queue_depth(ka_queue_t *q);

#endif /* KA_QUEUE_H */
