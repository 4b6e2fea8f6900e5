/* test_ring_arena.c - engine/util's ring (under the alert queue and the
 * async inbox) and arena (the worker's and the evaluator's per-event memory). */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inbox.h"
#include "queue.h"
#include "sk_event_schema.h"
#include "../util/arena.h"
#include "../util/ring.h"
#include "../lib/sktest.h"

static int dropped;

static void count_drop(void *item)
{
	(void)item;
	dropped++;
}

static void test_ring_fifo(void)
{
	sk_ring_t r;
	int v[5];

	CHECK(sk_ring_init(&r, 0) == -EINVAL, "capacity 0 refused");
	CHECK(sk_ring_init(&r, 3) == 0, "init");
	CHECK(sk_ring_pop(&r) == NULL && sk_ring_len(&r) == 0, "empty");
	/* wrap around the end of the slots twice, in order */
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 3; i++)
			CHECK(sk_ring_push(&r, &v[i], 0), "push %d", i);
		CHECK(!sk_ring_push(&r, &v[3], 0), "full ring refuses");
		CHECK(sk_ring_len(&r) == 3, "len 3");
		CHECK(sk_ring_pop(&r) == &v[0], "fifo 0");
		CHECK(sk_ring_push(&r, &v[4], 0), "room after a pop");
		CHECK(sk_ring_pop(&r) == &v[1] && sk_ring_pop(&r) == &v[2], "fifo 1 2");
		CHECK(sk_ring_pop(&r) == &v[4] && sk_ring_pop(&r) == NULL, "fifo 4, then empty");
	}
	sk_ring_push(&r, &v[0], 0);
	sk_ring_push(&r, &v[1], 0);
	dropped = 0;
	sk_ring_destroy(&r, count_drop);
	CHECK(dropped == 2, "destroy hands back the 2 queued items (%d)", dropped);
}

typedef struct {
	sk_ring_t *r;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int waiting, pushed;
} waiter_t;

static void *push_blocking(void *arg)
{
	waiter_t *w = arg;
	static int item;
	pthread_mutex_lock(&w->mu);
	w->waiting = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	/* generous: the pop below frees the slot long before this runs out */
	w->pushed = sk_ring_push(w->r, &item, 60000);
	return NULL;
}

static void test_ring_blocking(void)
{
	sk_ring_t r;
	int a;

	CHECK(sk_ring_init(&r, 1) == 0, "init");
	CHECK(sk_ring_push(&r, &a, 0), "fill");
	CHECK(!sk_ring_push(&r, &a, 20), "a bounded wait on a full ring gives up");
	waiter_t w = {.r = &r};
	pthread_mutex_init(&w.mu, NULL);
	pthread_cond_init(&w.cv, NULL);
	pthread_t th;
	pthread_create(&th, NULL, push_blocking, &w);
	pthread_mutex_lock(&w.mu);
	while (!w.waiting)
		pthread_cond_wait(&w.cv, &w.mu);
	pthread_mutex_unlock(&w.mu);
	/* whether the producer is already waiting or not, a pop makes room */
	CHECK(sk_ring_pop(&r) == &a, "pop");
	pthread_join(th, NULL);
	CHECK(w.pushed, "the waiting producer got the room");
	CHECK(sk_ring_len(&r) == 1, "its item is queued");
	sk_ring_destroy(&r, NULL);
	pthread_mutex_destroy(&w.mu);
	pthread_cond_destroy(&w.cv);
}

static void test_queue_and_inbox(void)
{
	sk_queue_t *q = NULL;
	CHECK(sk_queue_new(0, 0, &q) == -EINVAL, "queue capacity 0 refused");
	CHECK(sk_queue_new(1, 0, &q) == 0, "queue");
	sk_alert_t *a1 = calloc(1, sizeof(*a1)), *a2 = calloc(1, sizeof(*a2));
	CHECK(sk_queue_push(q, a1), "push");
	CHECK(!sk_queue_push(q, a2), "full: dropped (and freed)");
	CHECK(sk_queue_drops(q) == 1 && sk_queue_depth(q) == 1, "one drop, depth 1");
	CHECK(sk_queue_pop(q) == a1 && sk_queue_pop(q) == NULL, "pop");
	free(a1);
	sk_queue_push(q, calloc(1, sizeof(sk_alert_t)));
	sk_queue_free(q); /* frees the queued alert (ASan checks) */

	sk_inbox_t *in = NULL;
	CHECK(sk_inbox_new(2, &in) == 0, "inbox");
	uint8_t ev[64] = {0};
	sk_evt_async_header(ev, 1, 0, 4, 0);
	memcpy(ev + SK_EVT_ASYNC_NAME_OFF, "abc", 4);
	CHECK(sk_inbox_push(in, (const ss_plugin_event *)ev, 42), "push a copy");
	ss_plugin_event *c = sk_inbox_pop(in);
	CHECK(c && (void *)c != (void *)ev, "a copy comes out");
	uint32_t id = 0;
	if (c)
		memcpy(&id, (const uint8_t *)c + SK_EVT_ASYNC_ID_OFF, 4);
	CHECK(id == 42 && c && !memcmp((const uint8_t *)c + SK_EVT_ASYNC_NAME_OFF, "abc", 4),
		"the plugin id is stamped into the first parameter (%u)", id);
	free(c);
	sk_inbox_push(in, (const ss_plugin_event *)ev, 1);
	sk_inbox_free(in); /* frees the queued copy */
}

static void test_arena(void)
{
	sk_arena_t a = {0};
	char *p[100];

	for (int i = 0; i < 100; i++) {
		p[i] = sk_arena_alloc(&a, (size_t)i + 1);
		CHECK(p[i] && ((uintptr_t)p[i] & 15) == 0, "16-byte aligned (%d)", i);
		memset(p[i], i, (size_t)i + 1);
	}
	for (int i = 0; i < 100; i++)
		CHECK((unsigned char)p[i][i] == (unsigned char)i, "value %d kept", i);
	/* one allocation bigger than a chunk, then more small ones: none moves */
	char *big = sk_arena_alloc(&a, 3 * SK_ARENA_CHUNK_DEFAULT);
	CHECK(big != NULL, "big");
	memset(big, 0x5a, 3 * SK_ARENA_CHUNK_DEFAULT);
	char *after = sk_arena_alloc(&a, 32);
	CHECK(after && big[3 * SK_ARENA_CHUNK_DEFAULT - 1] == 0x5a && p[99][0] == 99,
		"earlier values survive later allocations");
	CHECK(sk_arena_alloc(&a, SIZE_MAX) == NULL, "an impossible size fails cleanly");
	CHECK(sk_arena_chunks(&a) >= 2, "the big value has a chunk of its own");
	sk_arena_reset(&a);
	CHECK(sk_arena_chunks(&a) == 1 && sk_arena_reserved(&a) == SK_ARENA_CHUNK_DEFAULT,
		"reset keeps one standard chunk (%zu bytes)", sk_arena_reserved(&a));
	CHECK(sk_arena_alloc(&a, 16) && sk_arena_chunks(&a) == 1, "the kept chunk is reused");
	sk_arena_free(&a);
	CHECK(a.head == NULL && sk_arena_chunks(&a) == 0, "free empties");
	sk_arena_free(&a);

	sk_arena_t s;
	sk_arena_init(&s, 256);
	void *x = sk_arena_alloc(&s, 200), *y = sk_arena_alloc(&s, 200);
	CHECK(x && y && y != x && sk_arena_chunks(&s) == 2, "a small chunk size makes a second chunk");
	sk_arena_reset(&s);
	CHECK(sk_arena_chunks(&s) == 1 && sk_arena_reserved(&s) == 256, "one standard chunk kept");
	sk_arena_free(&s);
}

static void (*const tests[])(void) = {
	test_ring_fifo, test_ring_blocking, test_queue_and_inbox, test_arena,
};

int main(void)
{
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
		tests[i]();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
