/*
 * ct_aws.h - AWS access for the S3 and SQS providers: credentials (the
 * environment, then the shared credentials and config files with profiles),
 * region, endpoints, and signed HTTP requests through libcurl's SigV4
 * (CURLOPT_AWS_SIGV4) with retries and exponential backoff on throttling,
 * 5xx answers and network errors.
 *
 * Ownership: ct_aws_t owns its strings; secrets are wiped on free and never
 * logged. Threading: a ct_aws_t is read-only after ct_aws_init() and may be
 * shared; every thread uses its own CURL handle.
 */
#ifndef CT_AWS_H
#define CT_AWS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include <curl/curl.h>

#include "cloudtrail.h"
#include "ct_creds.h"
#include "sk_sdk_util.h"

typedef struct ct_aws {
	char *access_key;
	char *secret_key;
	char *session_token;
	bool dynamic;         /* no static keys: container / instance credentials */
	ct_creds_t dyn;
	char *region;
	char *endpoint;       /* override base URL without trailing '/', or NULL */
	const ct_config_t *cfg;
	ct_counters_t *c;
	const ct_logger_t *log;
	atomic_bool *stop;    /* set by the owner to abort transfers */
} ct_aws_t;

int ct_aws_init(ct_aws_t *a, const ct_config_t *cfg, ct_counters_t *c, const ct_logger_t *log,
	atomic_bool *stop, char *err, size_t errlen);
void ct_aws_free(ct_aws_t *a);

typedef struct ct_req {
	const char *service;        /* "s3" or "sqs" */
	const char *method;         /* "GET" or "POST" */
	const char *url;
	const char *content_type;   /* POST only */
	const char *target;         /* X-Amz-Target, or NULL */
	const void *body;
	size_t body_len;
	size_t max_response;        /* response size cap, counting a terminating NUL */
} ct_req_t;

/* Send r (retrying per the config). Returns 0 with *status and the body
 * in out (caller frees with sk_sdk_buf_free) for any final HTTP answer, or a
 * negative errno with err after the retries (network error, aborted). */
int ct_aws_send(ct_aws_t *a, CURL *h, const ct_req_t *r, long *status, sk_sdk_buf_t *out, char *err,
	size_t errlen);

/* Percent-encode s per SigV4 (unreserved kept; '/' kept when keep_slash). */
char *ct_uri_encode(const char *s, bool keep_slash);

#endif /* CT_AWS_H */
