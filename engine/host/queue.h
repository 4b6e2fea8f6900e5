/*
 * queue.h - the bounded multi-producer single-consumer alert queue between
 * source workers and the libuv loop. A producer finding it full waits up to
 * block_ms for room (backpressure for bursts and replays), then drops the
 * new alert and counts it (saker_drops_total{cause="alert_queue_full"}).
 *
 * Ownership: push takes the alert (freed when dropped); pop hands it back.
 * Threading: push from any thread, pop from one consumer thread.
 */
#ifndef SK_HOST_QUEUE_H
#define SK_HOST_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/alert.h"

typedef struct sk_queue sk_queue_t;

int sk_queue_new(uint32_t capacity, uint32_t block_ms, sk_queue_t **out);
void sk_queue_free(sk_queue_t *q); /* NULL-safe; frees queued alerts */
/* false when full (the alert is then freed and the drop counted). */
bool sk_queue_push(sk_queue_t *q, sk_alert_t *a);
sk_alert_t *sk_queue_pop(sk_queue_t *q); /* NULL when empty */
size_t sk_queue_depth(sk_queue_t *q);
uint64_t sk_queue_drops(sk_queue_t *q);

#endif
