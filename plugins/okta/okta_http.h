/*
 * okta_http.h - one GET of the System Log API over libcurl: status, body
 * (bounded), the rel="next" link and the rate-limit headers.
 *
 * The token only ever goes to the origin of base_url: next links are reduced
 * to their path and query and joined to that origin, and redirects are not
 * followed. Error texts never contain the token.
 *
 * Ownership: an ok_http_t and the response it fills belong to one instance.
 * Threading: one thread at a time per ok_http_t.
 */
#ifndef OKTA_HTTP_H
#define OKTA_HTTP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "okta.h"
#include "sk_sdk_util.h"

typedef struct ok_http_resp {
	long status;           /* 0 when the transfer failed */
	int curl_rc;           /* CURLcode, 0 on success */
	char error[256];       /* transport error text (no token, no URL query) */
	sk_sdk_buf_t body;     /* max = max_response_bytes; err -E2BIG: body over
	                        * it (transfer aborted) */
	char *next;            /* path+query of the rel="next" link, or NULL */
	bool has_rl;           /* X-Rate-Limit-* seen */
	uint64_t rl_limit, rl_remaining;
	int64_t rl_reset;      /* epoch s, 0 if absent */
	int64_t date;          /* server Date header, epoch s, 0 if absent */
} ok_http_resp_t;

typedef struct ok_http {
	void *curl;            /* CURL * */
	struct curl_slist *hdrs;
	char *origin;          /* scheme://host[:port] of base_url */
	const ok_config_t *cfg;
	char *url;             /* scratch */
	const _Atomic bool *abort; /* when set and true, a transfer in flight stops */
} ok_http_t;

/* Set up the handle (headers incl. Authorization). 0 or -errno + err. */
int sk__ok_http_init(ok_http_t *h, const ok_config_t *cfg, char *err, size_t errlen);
void sk__ok_http_free(ok_http_t *h);

/* GET origin + path_query (path_query starts with '/'; when NULL-origin is
 * wanted pass a full base-relative path). Fills r (reset first). Returns 0
 * when an HTTP status was received (any status), -EIO on a transport error
 * (r->error says why), -ENOMEM. */
int sk__ok_http_get(ok_http_t *h, const char *path_query, ok_http_resp_t *r);
void sk__ok_http_resp_reset(ok_http_resp_t *r);
void sk__ok_http_resp_free(ok_http_resp_t *r);

/* The path+query of base_url + suffix (base_url may carry a path prefix). */
char *sk__ok_http_base_path(const ok_config_t *cfg, const char *suffix);

#endif /* OKTA_HTTP_H */
