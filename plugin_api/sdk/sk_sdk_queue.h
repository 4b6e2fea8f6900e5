/*
 * sk_sdk_queue.h - a bounded blocking FIFO between producer threads
 * (webhook handlers, download workers) and a consumer (next_batch, a
 * source thread), shared by the plugins that receive or fetch events in the
 * background.
 *
 * Items are intrusive: each embeds an sk_sdk_qnode_t that records how many
 * bytes it accounts for (SK_SDK_QENTRY gets back from the node to the
 * item). Producers gather nodes in an sk_sdk_qchain_t and push the chain
 * all or nothing; the consumer pops up to N nodes into a chain of its own.
 *
 * Limits: at most max_items nodes and, when max_bytes > 0, max_bytes
 * bytes. A push that does not wait (wait_ms 0) is refused with -EAGAIN
 * when the chain does not fit now. A push that waits blocks until it fits;
 * a chain over a limit on its own is let into an empty queue, since it
 * would never fit otherwise.
 *
 * Ownership: a successful push hands the chain's nodes to the queue and
 * empties the chain; a refused one leaves them with the caller. A pop
 * hands nodes to the caller. sk_sdk_queue_destroy frees what is left with
 * the function it is given.
 *
 * Threading: the sk_sdk_queue_* functions may be called from any thread
 * once init returned. Chains and items have no lock: one thread at a time.
 */
#ifndef SK_SDK_QUEUE_H
#define SK_SDK_QUEUE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sk_sdk_qnode {
	struct sk_sdk_qnode *next;
	size_t bytes;          /* what the node counts against max_bytes */
} sk_sdk_qnode_t;

/* The item that embeds `node` as its member `member`. */
#define SK_SDK_QENTRY(node, type, member) \
	((type *)(void *)((char *)(node) - offsetof(type, member)))

typedef struct sk_sdk_qchain {
	sk_sdk_qnode_t *head, *tail;
	size_t n, bytes;
} sk_sdk_qchain_t;

/* Releases one node (and the item around it). */
typedef void (*sk_sdk_qfree_fn)(sk_sdk_qnode_t *node);

void sk_sdk_qchain_append(sk_sdk_qchain_t *c, sk_sdk_qnode_t *node);
/* Moves up to max nodes from the front of from to the back of to. */
void sk_sdk_qchain_move(sk_sdk_qchain_t *to, sk_sdk_qchain_t *from, size_t max);
/* Frees every node with fn (NULL: free(), for nodes that start their
 * malloc'd item) and empties the chain. Accepts NULL. */
void sk_sdk_qchain_free(sk_sdk_qchain_t *c, sk_sdk_qfree_fn fn);

typedef struct sk_sdk_queue {
	pthread_mutex_t mu;
	pthread_cond_t not_empty, not_full;
	sk_sdk_qchain_t items;
	size_t max_items, max_bytes;
	bool ready, closed;
} sk_sdk_queue_t;

/* max_items >= 1; max_bytes 0: no byte bound. 0, -EINVAL or -ENOMEM. */
int sk_sdk_queue_init(sk_sdk_queue_t *q, size_t max_items, size_t max_bytes);
/* Frees the nodes left with fn (see sk_sdk_qchain_free). No other thread
 * may still use the queue. Accepts NULL and a zeroed, never initialised
 * queue. */
void sk_sdk_queue_destroy(sk_sdk_queue_t *q, sk_sdk_qfree_fn fn);
/* wait_ms: 0 do not wait, < 0 wait for ever, > 0 at most that long.
 * 0 (chain emptied), -EAGAIN (does not fit) or -EPIPE (closed). */
int sk_sdk_queue_push(sk_sdk_queue_t *q, sk_sdk_qchain_t *c, int wait_ms);
/* One node: the same as a chain of one. */
int sk_sdk_queue_push1(sk_sdk_queue_t *q, sk_sdk_qnode_t *node, int wait_ms);
/* Appends up to max (>= 1) nodes to out, waiting as push does for the
 * first one. 0 when at least one was taken, -ETIMEDOUT when none came in
 * time, -ENODATA when the queue is closed and empty. */
int sk_sdk_queue_pop(sk_sdk_queue_t *q, sk_sdk_qchain_t *out, size_t max, int wait_ms);
/* Pushes fail with -EPIPE from now on, pops drain what is left; every
 * waiter wakes. Accepts a zeroed, never initialised queue. */
void sk_sdk_queue_close(sk_sdk_queue_t *q);
bool sk_sdk_queue_closed(sk_sdk_queue_t *q);
size_t sk_sdk_queue_depth(sk_sdk_queue_t *q);
size_t sk_sdk_queue_bytes(sk_sdk_queue_t *q);

/* An event payload on its way to next_batch: timestamp and NUL-terminated
 * bytes, allocated in one block with the node first (sk_sdk_qchain_free
 * with fn NULL frees it). */
typedef struct sk_sdk_qitem {
	sk_sdk_qnode_t node;
	uint64_t ts;
	uint32_t len;
	char data[];
} sk_sdk_qitem_t;

/* Room for len bytes plus a NUL; data copied when not NULL, else left for
 * the caller to write (then sk_sdk_qitem_trim). NULL on ENOMEM or when len
 * does not fit a u32. */
sk_sdk_qitem_t *sk_sdk_qitem_new(uint64_t ts, const void *data, size_t len);
/* Shortens the payload to len (<= the allocated length) and terminates it. */
void sk_sdk_qitem_trim(sk_sdk_qitem_t *it, size_t len);

static inline sk_sdk_qitem_t *sk_sdk_qitem_of(sk_sdk_qnode_t *node)
{
	return node ? SK_SDK_QENTRY(node, sk_sdk_qitem_t, node) : NULL;
}

#ifdef __cplusplus
}
#endif

#endif /* SK_SDK_QUEUE_H */
