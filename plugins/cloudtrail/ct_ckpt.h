/*
 * ct_ckpt.h - the checkpoint: log files (objects) whose records were all
 * handed to the host, and a bounded window of recently delivered eventIDs
 * used to drop duplicates when a log file is read again (at-least-once
 * delivery: a crash before an object was marked done, an SQS message
 * delivered twice, an object listed under two prefixes).
 *
 * The file is JSON: {"version":1,"sources":{"<open params>":{"objects":
 * {"<name>":<unix time done>,...},"event_ids":["<fnv1a64 hex>",...]}}};
 * entries of other open params in the same file are kept untouched. It is
 * written to "<file>.tmp", fsync'd and renamed over the file, so a crash
 * leaves either the old or the new checkpoint.
 *
 * Threading: the de-duplication window belongs to the source thread;
 * is_done / mark_done / flush lock `mu` because S3 and SQS threads ask
 * whether an object is done before fetching it.
 */
#ifndef CT_CKPT_H
#define CT_CKPT_H

#include <stdbool.h>
#include <stddef.h>
#include <pthread.h>
#include <stdint.h>

#include <jansson.h>

typedef struct ct_dedup {
	uint64_t *slots;    /* open addressing, 0 = empty */
	size_t mask;
	uint64_t *ring;     /* insertion order, for eviction */
	size_t cap, count, head;
} ct_dedup_t;

/* window == 0 disables de-duplication. */
int ct_dedup_init(ct_dedup_t *d, size_t window);
void ct_dedup_free(ct_dedup_t *d);
/* 1 when id was seen (nothing changes), 0 when it was added (the oldest
 * entry is evicted when the window is full). */
int ct_dedup_check_add(ct_dedup_t *d, const char *id, size_t len);
uint64_t ct_dedup_hash(const char *id, size_t len);

typedef struct ct_ckpt {
	char *path;         /* NULL: no checkpoint file (in-memory only) */
	char *source;       /* open params: the key in the file */
	json_t *root;       /* whole file */
	json_t *objects;    /* this source's done objects (borrowed from root) */
	ct_dedup_t dedup;
	bool dirty;
	pthread_mutex_t mu;
	bool mu_init;
	uint64_t last_write_ms;
} ct_ckpt_t;

/* Load path (absent file: empty checkpoint). A malformed file is an error:
 * silently starting over would re-alert on everything. */
int ct_ckpt_open(ct_ckpt_t *c, const char *path, const char *source, size_t dedup_window,
	char *err, size_t errlen);
void ct_ckpt_close(ct_ckpt_t *c);

bool ct_ckpt_is_done(ct_ckpt_t *c, const char *name);
int ct_ckpt_mark_done(ct_ckpt_t *c, const char *name);
/* De-duplication through the checkpoint's window: 1 when eventID id was
 * already delivered, else 0 (and it is remembered). */
int ct_ckpt_seen(ct_ckpt_t *c, const char *id, size_t len);
/* Number of objects recorded as done. */
size_t ct_ckpt_done_count(ct_ckpt_t *c);

/* Write when dirty and (force or min_interval_ms passed since the last
 * write). 0, or negative errno with err. */
int ct_ckpt_flush(ct_ckpt_t *c, bool force, uint64_t min_interval_ms, char *err, size_t errlen);

uint64_t sk__ct_now_ms(void);

#endif /* CT_CKPT_H */
