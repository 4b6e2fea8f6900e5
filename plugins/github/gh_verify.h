/*
 * gh_verify.h - GitHub webhook authenticity: X-Hub-Signature-256 checked
 * against a list of secrets (rotation: any one verifies), and a bounded
 * window of recently seen X-GitHub-Delivery ids (redeliveries dropped).
 *
 * Ownership: gh_verify_signature borrows everything. A gh_dedup_t is owned
 * by the caller (init/destroy). Threading: gh_verify_signature is
 * reentrant; gh_dedup_* lock internally and may be called from any thread.
 */
#ifndef GH_VERIFY_H
#define GH_VERIFY_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum gh_sig_result {
	GH_SIG_OK = 0,
	GH_SIG_MISSING,   /* no header */
	GH_SIG_MALFORMED, /* not "sha256=" + 64 hex digits */
	GH_SIG_MISMATCH,  /* well formed, matches no secret */
};

/* Checks header (the X-Hub-Signature-256 value, may be NULL) against
 * HMAC-SHA256(secret, body) for every secret. Every secret is tried and
 * compared with CRYPTO_memcmp, so the time taken does not depend on which
 * secret matched nor on where a digest differs. */
enum gh_sig_result gh_verify_signature(const char *header, const void *body, size_t len,
	char *const *secrets, size_t nsecrets);

/* The signature header value for body with secret ("sha256=<hex>"), into
 * out (>= 72 bytes). Used by hook tests and the benchmark. */
void gh_sign(const char *secret, const void *body, size_t len, char out[72]);

#define GH_DELIVERY_ID_MAX 64

typedef struct gh_dedup_ent {
	char id[GH_DELIVERY_ID_MAX + 1];
	int32_t next;             /* next entry in the same bucket, -1 ends */
	bool used;
} gh_dedup_ent_t;

typedef struct gh_dedup {
	pthread_mutex_t mu;
	gh_dedup_ent_t *ring;     /* FIFO of remembered ids */
	int32_t *buckets;
	size_t cap, nbuckets, head, count;
} gh_dedup_t;

/* cap == 0 disables de-duplication. */
int gh_dedup_init(gh_dedup_t *d, size_t cap);
void gh_dedup_destroy(gh_dedup_t *d);
/* Returns true when id was seen within the window; otherwise remembers it
 * (evicting the oldest id when full) and returns false. Ids longer than
 * GH_DELIVERY_ID_MAX are compared on their first GH_DELIVERY_ID_MAX bytes. */
bool gh_dedup_check_add(gh_dedup_t *d, const char *id);
/* Forget id again (the delivery it announced was not queued). */
void gh_dedup_forget(gh_dedup_t *d, const char *id);

#endif /* GH_VERIFY_H */
