/*
 * gh_delivery.h - what the receiver does with one webhook request,
 * independent of the HTTP server that carries it:
 *
 *   precheck (before any body byte is read): 405 other method, 415 other
 *   content type, 413 announced body over max_body_bytes, 401 no
 *   X-Hub-Signature-256 header;
 *   handle (whole body): 401 signature matching no configured secret, 400
 *   missing/invalid X-GitHub-Event or a body that is not a JSON object
 *   (form bodies: no payload= field), 200 for a ping (no event), 200 for a
 *   delivery id seen within the de-duplication window (no event), 503 when
 *   the event queue is full, else 200 with the event queued.
 *
 * The queued event is the JSON body with members added in front:
 * "webhook_type" (X-GitHub-Event), and, when scanning is on and the API
 * answered, "files" (secrets in a push's added lines, see gh_scan.h) or
 * "workflow_miner_detections" (workflow_run "requested").
 *
 * Every outcome is counted (github.h). Nothing from a rejected request is
 * queued, and no secret or signature reaches a response or a log.
 *
 * Ownership: the receiver borrows cfg, counters, queue, api and scanner;
 * they must outlive it. Threading: precheck/handle may run on any number of
 * threads at once.
 */
#ifndef GH_DELIVERY_H
#define GH_DELIVERY_H

#include <stddef.h>

#include "gh_api.h"
#include "sk_sdk_queue.h"
#include "gh_scan.h"
#include "gh_verify.h"
#include "github.h"

typedef struct gh_receiver {
	const gh_config_t *cfg;
	gh_counters_t *c;
	sk_sdk_queue_t *q;
	gh_api_t *api;          /* NULL: no scanning */
	const gh_scan_t *scan;  /* NULL: no scanning */
	gh_dedup_t dedup;
	gh_verifier_t verifier;
	bool verify;            /* false only in the benchmark's baseline build */
} gh_receiver_t;

/* The request headers the receiver reads (NULL when absent). */
typedef struct gh_headers {
	const char *content_type;
	const char *signature;   /* X-Hub-Signature-256 */
	const char *event;       /* X-GitHub-Event */
	const char *delivery;    /* X-GitHub-Delivery */
} gh_headers_t;

int gh_receiver_init(gh_receiver_t *r, const gh_config_t *cfg, gh_counters_t *c, sk_sdk_queue_t *q,
	gh_api_t *api, const gh_scan_t *scan);
void gh_receiver_destroy(gh_receiver_t *r);

/* content_length < 0: unknown (chunked). Returns 0 to read the body, or
 * the HTTP status to answer with *msg set to a static text. */
unsigned gh_receiver_precheck(gh_receiver_t *r, const char *method, const gh_headers_t *h,
	long long content_length, const char **msg);

/* Returns the HTTP status; msg (>= 128 bytes) gets the response text. */
unsigned gh_receiver_handle(gh_receiver_t *r, const gh_headers_t *h, const char *body,
	size_t len, char *msg, size_t msglen);

/* Decode the payload= field of a form body into out (malloc'd, *outlen).
 * -EINVAL when there is no payload field or a bad %-escape. Exposed for
 * tests. */
int gh_form_payload(const char *body, size_t len, char **out, size_t *outlen);

#endif /* GH_DELIVERY_H */
