/*
 * ct_split.h - split one CloudTrail log file ({"Records":[...]}) into its
 * records, keeping each record's original bytes, and classify each record
 * the way the upstream plugin filters them.
 *
 * Ownership: a ct_split_t points into the caller's buffer, which must stay
 * valid until the last ct_split_next(). No allocation.
 */
#ifndef CT_SPLIT_H
#define CT_SPLIT_H

#include <stddef.h>
#include <stdint.h>

#include "sk_plugin_sdk.h"

typedef enum ct_rec_status {
	CT_REC_OK = 0,
	CT_REC_NO_TIME,     /* eventTime missing or not RFC 3339 */
	CT_REC_NO_TYPE,     /* eventType missing */
	CT_REC_INSIGHT,     /* eventType AwsCloudTrailInsight */
	CT_REC_TOO_LARGE,   /* longer than the record limit */
	CT_REC_NOT_OBJECT,  /* an element of Records that is not an object */
} ct_rec_status_t;

typedef struct ct_record {
	const char *p;      /* original bytes of the record */
	size_t n;
	uint64_t ts;        /* eventTime in ns since the epoch (when OK) */
	const char *id;     /* eventID string contents (escaped form), or NULL */
	size_t idlen;
	ct_rec_status_t status;
} ct_record_t;

typedef struct ct_split {
	sk_sdk_jval_t records;
	const char *pos;    /* scan position inside records */
	size_t max_record;
	size_t index;       /* records returned so far */
} ct_split_t;

/* Validate buf as one JSON document holding a "Records" array. Returns 0,
 * or -EINVAL with err naming the reason (invalid JSON with its byte
 * offset, truncated document, not an object, no Records array). */
int ct_split_begin(ct_split_t *s, const char *buf, size_t len, size_t max_record, char *err,
	size_t errlen);

/* Next record: 1 with *r filled (check r->status), 0 at the end. */
int ct_split_next(ct_split_t *s, ct_record_t *r);

/* RFC 3339 timestamp (as CloudTrail writes it: Z or +hh:mm, optional
 * fraction) to ns since the epoch. 0 on success, -EINVAL otherwise. */

#endif /* CT_SPLIT_H */
