/*
 * ct_object.h - one CloudTrail log file (local file or S3 object) on its
 * way from a provider to the record splitter, and the gzip decoder.
 *
 * Ownership: a provider allocates an object with ct_object_new(); the
 * source takes it, reads its records and hands it back to the provider's
 * commit callback once every record was handed to the host; then
 * ct_object_free() releases it.
 */
#ifndef CT_OBJECT_H
#define CT_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "sk_sdk_queue.h"

typedef struct ct_object {
	sk_sdk_qnode_t qnode;   /* provider -> source queue; bytes = len */
	struct ct_object *next;
	char *name;          /* path or s3://bucket/key: logs and checkpoint key */
	char *data;          /* decompressed bytes (NULL when the object failed) */
	size_t len;
	uint64_t raw_size;   /* bytes as stored (for progress) */
	char *error;         /* why the object could not be read (data is NULL) */
	void *owner;         /* provider use (SQS: the message it came from) */
	int transient;       /* error may go away: do not mark done, retry after a restart */
} ct_object_t;

/* Copies name; NULL on allocation failure. */
ct_object_t *ct_object_new(const char *name);
void ct_object_free(ct_object_t *o);
/* The object queued as node; and an sk_sdk_qfree_fn freeing it. */
ct_object_t *ct_object_of(sk_sdk_qnode_t *node);
void ct_object_free_node(sk_sdk_qnode_t *node);
/* Queues o (accounting o->len bytes), waiting while the queue is full. */
int ct_object_push(sk_sdk_queue_t *q, ct_object_t *o);
/* Takes one object, as sk_sdk_queue_pop with max 1: 1 with *out, 0 on
 * timeout, -ENODATA when the queue is closed and empty. */
int ct_object_pop(sk_sdk_queue_t *q, ct_object_t **out, int wait_ms);
/* Set o->error from a printf format (replaces a previous one). */
void ct_object_fail(ct_object_t *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Decode in: gzip (every member of a multi-member file) when it starts with
 * the gzip magic, else a copy. The result is malloc'd into *out (NUL
 * terminated, *outlen without the NUL). Fails with -EINVAL (corrupt or
 * truncated gzip), -EFBIG (over max bytes) or -ENOMEM, and a reason in err. */
int ct_decode(const void *in, size_t inlen, size_t max, char **out, size_t *outlen, char *err,
	size_t errlen);

/* True when name ends in .json or .json.gz (what CloudTrail writes). */
int ct_is_log_name(const char *name);

#endif /* CT_OBJECT_H */
