/*
 * store.h - the container plugin's bounded container table and its
 * background lookup thread.
 *
 * The event worker (parse/extract) calls sk_ctr_store_touch() for every
 * container id it sees; an unseen id gets an entry (type + id from the
 * cgroup) and a lookup request on a bounded queue. One lookup thread asks
 * the runtime sockets (runtime.h) and fills the entry. The worker never
 * does I/O: at most it waits, once per new container, up to wait_ms for
 * the first answer, so a hanging runtime delays no event beyond that.
 *
 * Threading: every function is thread-safe (one mutex guards the table
 * and the queue; socket I/O runs without it). sk_ctr_store_get() returns
 * the entry with the mutex held; release it with sk_ctr_store_put() soon.
 *
 * Bounds: at most max_containers entries (the least recently touched one
 * is evicted; entries whose lookup is queued or running are kept, so the
 * table may exceed the bound by queue_len + 1), at most queue_len pending lookups (others are dropped and
 * retried on a later touch). Every drop, eviction and failure is counted.
 */
#ifndef SAKER_CONTAINER_STORE_H
#define SAKER_CONTAINER_STORE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "cgroup.h"
#include "runtime.h"

#define SK_CTR_MAX_SOCKETS 8

typedef enum sk_ctr_state {
	SK_CTR_ST_PENDING = 0, /* queued or in flight */
	SK_CTR_ST_OK,          /* metadata from a runtime */
	SK_CTR_ST_FAILED,      /* every socket failed (retried later) */
	SK_CTR_ST_NONE,        /* nothing to ask for this runtime: cgroup data only */
} sk_ctr_state_t;

typedef struct sk_ctr_entry {
	sk_ctr_ref_t ref;
	sk_ctr_state_t state;
	sk_ctr_info_t info; /* valid when state == SK_CTR_ST_OK */
	/* internal */
	struct sk_ctr_entry *next;
	uint64_t touched;
	int64_t retry_at_ms;
	unsigned attempts;
	int queued;
} sk_ctr_entry_t;

typedef struct sk_ctr_store_opts {
	const char *docker[SK_CTR_MAX_SOCKETS];
	const char *podman[SK_CTR_MAX_SOCKETS];
	const char *crio[SK_CTR_MAX_SOCKETS];
	size_t ndocker, npodman, ncrio;
	int timeout_ms;          /* per lookup, all sockets together */
	size_t max_containers;
	size_t queue_len;
	int retry_ms;            /* delay before retrying a failed lookup */
	unsigned max_attempts;   /* lookups per container (then FAILED stays) */
	size_t max_response_bytes;
	size_t label_max_len;
	const char *k8s_log_dir; /* kubelet's /var/log/containers, or NULL */
} sk_ctr_store_opts_t;

typedef struct sk_ctr_stats {
	atomic_uint_fast64_t lookups_ok, lookups_failed, lookups_unsupported;
	atomic_uint_fast64_t queue_drops, evictions, wait_timeouts;
} sk_ctr_stats_t;

typedef struct sk_ctr_store sk_ctr_store_t;

/* Copies opts (socket strings included). Starts the lookup thread. */
int sk_ctr_store_new(const sk_ctr_store_opts_t *opts, sk_ctr_store_t **out, char *err,
	size_t errlen);
void sk_ctr_store_free(sk_ctr_store_t *s);

/* Note a container seen by the worker; enqueue its lookup if new (or due a
 * retry). When the entry is new and wait_ms > 0, wait up to wait_ms for
 * the first answer. No-op for the host. */
void sk_ctr_store_touch(sk_ctr_store_t *s, const sk_ctr_ref_t *ref, int wait_ms);

/* The entry for full_id with the store locked, or NULL (unlocked). */
const sk_ctr_entry_t *sk_ctr_store_get(sk_ctr_store_t *s, const char *full_id);
void sk_ctr_store_put(sk_ctr_store_t *s);

size_t sk_ctr_store_size(sk_ctr_store_t *s);
const sk_ctr_stats_t *sk_ctr_store_stats(const sk_ctr_store_t *s);

#endif /* SAKER_CONTAINER_STORE_H */
