/*
 * ka_parse.h - turning a k8s audit payload (webhook body, file document or
 * line) into compact per-event JSON records with their stageTimestamp.
 *
 * Accepted: an object with kind "EventList" (its items), an object with
 * kind "Event", or a JSON array of those (recursively). apiVersion, when
 * present, must be audit.k8s.io/v1 or audit.k8s.io/v1beta1.
 * Ownership: events are appended to the caller's chain.
 * Threading: no shared state; callable from any thread.
 */
#ifndef KA_PARSE_H
#define KA_PARSE_H

#include "sk_sdk_queue.h"

typedef struct ka_parse_stats {
	uint64_t events;          /* events appended */
	uint64_t too_large;       /* compact size over maxEventSize */
	uint64_t no_timestamp;    /* missing or invalid stageTimestamp */
	uint64_t not_event;       /* array elements / items that are not events */
} ka_parse_stats_t;

/* Parse `len` bytes (one JSON value, surrounding blanks allowed; strictly
 * validated, no tree is built). Each event is stored compacted. Returns 0
 * when the payload is JSON and recognised (possibly with per-event drops
 * counted in st); -EAGAIN when it is a valid JSON prefix that ends too early
 * (truncated); -EINVAL when it is not valid JSON or not an audit payload
 * (err says which: "malformed JSON: ..." or "data not recognized ...");
 * -ENOMEM. */
int ka_parse_payload(const char *buf, size_t len, size_t max_event_size, sk_sdk_qchain_t *out,
	ka_parse_stats_t *st, char *err, size_t errlen);

/* RFC 3339 timestamp (fractional seconds and offsets allowed) -> ns since
 * the epoch. Returns 0 or -EINVAL. */

#endif /* KA_PARSE_H */
