/*
 * gh_queue.h - bounded multi-producer queue of delivery payloads between
 * the webhook threads (producers) and next_batch (the single consumer).
 *
 * Ownership: items are malloc'd by gh_item_new(); a successful push hands
 * one to the queue, a pop hands items to the caller (gh_item_free_list).
 * A refused push leaves the item with the caller.
 * Threading: every function may be called from any thread.
 */
#ifndef GH_QUEUE_H
#define GH_QUEUE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gh_item {
	struct gh_item *next;
	uint64_t ts;
	uint32_t len;
	char data[];
} gh_item_t;

typedef struct gh_queue {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	gh_item_t *head, *tail;
	size_t n, bytes, max_items, max_bytes;
	bool closed;
} gh_queue_t;

/* An item with room for len bytes (data not initialised); NULL on ENOMEM. */
gh_item_t *gh_item_new(uint64_t ts, size_t len);
void gh_item_free_list(gh_item_t *it);

int gh_queue_init(gh_queue_t *q, size_t max_items, size_t max_bytes);
/* Frees every queued item. */
void gh_queue_destroy(gh_queue_t *q);
/* -EAGAIN when full (max_bytes 0 = no byte limit), -EPIPE when closed. */
int gh_queue_push(gh_queue_t *q, gh_item_t *it);
/* Up to max items as a list (*out), waiting at most timeout_ms for the
 * first. Returns the number popped. */
size_t gh_queue_pop(gh_queue_t *q, gh_item_t **out, size_t max, int timeout_ms);
void gh_queue_close(gh_queue_t *q);
size_t gh_queue_depth(gh_queue_t *q);

#endif /* GH_QUEUE_H */
