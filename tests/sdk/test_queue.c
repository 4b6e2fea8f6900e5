/* test_queue.c - unit tests of the SDK's bounded queue (sk_sdk_queue). */
#include "sk_sdk_queue.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/sktest.h"

typedef struct obj {
	int id;
	sk_sdk_qnode_t node;   /* not first: SK_SDK_QENTRY finds the object */
} obj_t;

static int freed;

static void free_obj(sk_sdk_qnode_t *node)
{
	free(SK_SDK_QENTRY(node, obj_t, node));
	freed++;
}

static obj_t *obj_new(int id, size_t bytes)
{
	obj_t *o = calloc(1, sizeof(*o));

	if (o) {
		o->id = id;
		o->node.bytes = bytes;
	}
	return o;
}

static int id_of(sk_sdk_qnode_t *node)
{
	return node ? SK_SDK_QENTRY(node, obj_t, node)->id : -1;
}

static void test_items(void)
{
	sk_sdk_qitem_t *a = sk_sdk_qitem_new(7, "hello", 5), *b = sk_sdk_qitem_new(8, NULL, 10);
	sk_sdk_qchain_t c = { 0 };

	CHECK(a && a->ts == 7 && a->len == 5 && a->node.bytes == 5 && strcmp(a->data, "hello") == 0,
		"copied item");
	CHECK(b && b->len == 10 && b->data[10] == '\0', "uninitialised item terminated");
	if (!a || !b)
		return;
	memcpy(b->data, "abc", 3);
	sk_sdk_qitem_trim(b, 3);
	CHECK(b->len == 3 && b->node.bytes == 3 && strcmp(b->data, "abc") == 0, "trimmed");
	sk_sdk_qitem_trim(b, 50);
	CHECK(b->len == 3, "trim never grows");
	CHECK(sk_sdk_qitem_new(0, NULL, (size_t)UINT32_MAX) == NULL, "over u32 refused");
	sk_sdk_qchain_append(&c, &a->node);
	sk_sdk_qchain_append(&c, &b->node);
	CHECK(c.n == 2 && c.bytes == 8 && sk_sdk_qitem_of(c.head) == a &&
		sk_sdk_qitem_of(c.tail) == b, "chain order and bytes");
	CHECK(sk_sdk_qitem_of(NULL) == NULL, "no node, no item");
	sk_sdk_qchain_free(&c, NULL);
	CHECK(c.n == 0 && c.head == NULL && c.bytes == 0, "chain emptied");
	sk_sdk_qchain_free(NULL, NULL);
}

static void test_limits(void)
{
	sk_sdk_queue_t q;
	sk_sdk_qchain_t in = { 0 }, out = { 0 };
	obj_t *big;
	int i;

	CHECK(sk_sdk_queue_init(&q, 0, 0) == -EINVAL, "max_items 0 refused");
	CHECK(sk_sdk_queue_init(&q, 4, 100) == 0, "init");
	for (i = 0; i < 3; i++)
		sk_sdk_qchain_append(&in, &obj_new(i, 30)->node);
	CHECK(sk_sdk_queue_push(&q, &in, 0) == 0 && in.n == 0 && in.head == NULL,
		"a chain that fits is taken whole");
	CHECK(sk_sdk_queue_depth(&q) == 3 && sk_sdk_queue_bytes(&q) == 90, "depth and bytes");
	sk_sdk_qchain_append(&in, &obj_new(3, 5)->node);
	sk_sdk_qchain_append(&in, &obj_new(4, 5)->node);
	CHECK(sk_sdk_queue_push(&q, &in, 0) == -EAGAIN && in.n == 2,
		"all or nothing: over max_items refused, chain left with the caller");
	big = obj_new(5, 20);
	CHECK(sk_sdk_queue_push1(&q, &big->node, 0) == -EAGAIN,
		"over max_bytes refused without waiting");
	free_obj(&big->node);
	CHECK(sk_sdk_queue_pop(&q, &out, 2, 0) == 0 && out.n == 2 && id_of(out.head) == 0 &&
		id_of(out.tail) == 1 && sk_sdk_queue_bytes(&q) == 30, "FIFO, max respected");
	CHECK(sk_sdk_queue_push(&q, &in, 0) == 0 && sk_sdk_queue_depth(&q) == 3, "room again");
	sk_sdk_qchain_free(&out, free_obj);
	CHECK(sk_sdk_queue_pop(&q, &out, 10, 0) == 0 && out.n == 3 && id_of(out.head) == 2 &&
		sk_sdk_queue_bytes(&q) == 0, "drained in order");
	sk_sdk_qchain_free(&out, free_obj);
	CHECK(sk_sdk_queue_pop(&q, &out, 1, 0) == -ETIMEDOUT && out.n == 0, "empty, no wait");
	CHECK(sk_sdk_queue_pop(&q, &out, 1, 30) == -ETIMEDOUT, "empty, bounded wait");
	CHECK(sk_sdk_queue_push1(&q, &obj_new(9, 500)->node, -1) == 0,
		"a waiting push lets an oversized node into an empty queue");
	big = obj_new(10, 1);
	CHECK(sk_sdk_queue_push1(&q, &big->node, 20) == -EAGAIN,
		"a bounded wait gives up with -EAGAIN");
	sk_sdk_queue_close(&q);
	CHECK(sk_sdk_queue_closed(&q), "closed");
	CHECK(sk_sdk_queue_push1(&q, &big->node, 0) == -EPIPE, "push after close");
	free_obj(&big->node);
	CHECK(sk_sdk_queue_pop(&q, &out, 4, 0) == 0 && id_of(out.head) == 9,
		"pop drains after close");
	CHECK(sk_sdk_queue_pop(&q, &out, 4, -1) == -ENODATA, "closed and empty: no wait");
	sk_sdk_qchain_free(&out, free_obj);
	sk_sdk_queue_destroy(&q, free_obj);
}

static void test_destroy(void)
{
	sk_sdk_queue_t q, zero;

	memset(&zero, 0, sizeof(zero));
	sk_sdk_queue_close(&zero);
	sk_sdk_queue_destroy(&zero, NULL);
	sk_sdk_queue_destroy(NULL, NULL);
	CHECK(sk_sdk_queue_init(&q, 8, 0) == 0, "init without a byte bound");
	freed = 0;
	sk_sdk_queue_push1(&q, &obj_new(1, 1000)->node, 0);
	sk_sdk_queue_push1(&q, &obj_new(2, 1000)->node, 0);
	sk_sdk_queue_destroy(&q, free_obj);
	CHECK(freed == 2, "destroy frees what is left with the given function (%d)", freed);
}

/* Producers block on a full queue; the consumer sees every node once, in
 * each producer's order. */
#define PRODUCERS 3
#define PER_PRODUCER 2000

static sk_sdk_queue_t g_q;

static void *producer(void *arg)
{
	int base = (int)(intptr_t)arg * PER_PRODUCER, i;

	for (i = 0; i < PER_PRODUCER; i++)
		if (sk_sdk_queue_push1(&g_q, &obj_new(base + i, 1)->node, -1) != 0)
			break;
	return NULL;
}

static void test_threads(void)
{
	pthread_t th[PRODUCERS];
	int last[PRODUCERS], got = 0, bad = 0, i, p;
	sk_sdk_qchain_t out = { 0 };

	CHECK(sk_sdk_queue_init(&g_q, 16, 8) == 0, "small queue");
	for (p = 0; p < PRODUCERS; p++) {
		last[p] = -1;
		pthread_create(&th[p], NULL, producer, (void *)(intptr_t)p);
	}
	while (got < PRODUCERS * PER_PRODUCER) {
		if (sk_sdk_queue_pop(&g_q, &out, 5, -1) != 0)
			break;
		while (out.head) {
			sk_sdk_qchain_t one = { 0 };

			sk_sdk_qchain_move(&one, &out, 1);
			i = id_of(one.head);
			p = i / PER_PRODUCER;
			if (p < 0 || p >= PRODUCERS || i <= last[p])
				bad++;
			else
				last[p] = i;
			got++;
			sk_sdk_qchain_free(&one, free_obj);
		}
	}
	for (p = 0; p < PRODUCERS; p++)
		pthread_join(th[p], NULL);
	CHECK(got == PRODUCERS * PER_PRODUCER && bad == 0, "every node once, in order (%d, %d bad)",
		got, bad);
	sk_sdk_queue_close(&g_q);
	CHECK(sk_sdk_queue_pop(&g_q, &out, 1, -1) == -ENODATA, "closed wakes a waiting pop");
	sk_sdk_queue_destroy(&g_q, free_obj);
}

int main(void)
{
	test_items();
	test_limits();
	test_destroy();
	test_threads();
	return sktest_report("sdk_queue");
}
