/*
 * okta_mfa.h - per-user MFA failure / push-deny timestamps behind the
 * stateful fields okta.mfa.failure.countlast[N] and okta.mfa.deny.countlast[N].
 *
 * Keys are "<eventType>:<actor.id>"; each keeps up to `per_key` distinct
 * event timestamps (oldest dropped first). A key not updated for `ttl_ns` of
 * event time is forgotten; beyond `max_keys` the least recently updated key
 * is evicted and counted. Event time (not wall time) drives expiry, so a
 * replay gives the same counts as the live stream.
 *
 * Ownership: the table owns its keys. Threading: one thread at a time.
 */
#ifndef OKTA_MFA_H
#define OKTA_MFA_H

#include <stddef.h>
#include <stdint.h>

typedef struct ok_mfa_key ok_mfa_key_t;

typedef struct ok_mfa {
	ok_mfa_key_t **buckets;
	size_t nbuckets, nkeys;
	ok_mfa_key_t *lru_head, *lru_tail; /* head = least recently updated */
	size_t per_key, max_keys;
	uint64_t ttl_ns;
	uint64_t evicted;
} ok_mfa_t;

int sk__ok_mfa_init(ok_mfa_t *m, size_t per_key, size_t max_keys, uint64_t ttl_ns);
void sk__ok_mfa_free(ok_mfa_t *m);

/* Record event time ts under key (klen bytes). 0 or -ENOMEM. */
int sk__ok_mfa_record(ok_mfa_t *m, const char *key, size_t klen, uint64_t ts);

/* Timestamps of key strictly newer than now_ts - window_ns, or -1 when the
 * key is unknown or expired. */
int64_t sk__ok_mfa_count(ok_mfa_t *m, const char *key, size_t klen, uint64_t now_ts,
	uint64_t window_ns);

#endif /* OKTA_MFA_H */
