/*
 * gh_api.h - the GitHub REST API client (libcurl): webhook management,
 * compare (push diffs) and contents (workflow files).
 *
 * base is the API root ("https://api.github.com", or a GitHub Enterprise
 * "https://HOST/api/v3"); the token, when set, goes in an Authorization
 * header and nowhere else (never in errors or logs).
 *
 * Ownership: gh_api_t borrows base/token/counters (they must outlive it).
 * Threading: every call uses its own curl handle, so calls may run on any
 * thread at once; last-error bookkeeping is locked.
 */
#ifndef GH_API_H
#define GH_API_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "gh_buf.h"
#include "github.h"

typedef struct gh_api {
	const char *base;
	const char *token;
	long timeout_ms;
	size_t max_resp;           /* response bytes kept (rest: resp->err == -E2BIG) */
	gh_counters_t *c;
	pthread_mutex_t mu;
	char last_err[256];        /* newest failure, for the plugin thread to log */
	uint64_t nerr;
} gh_api_t;

int gh_api_init(gh_api_t *a, const char *base, const char *token, uint64_t timeout_ms,
	size_t max_resp, gh_counters_t *c);
void gh_api_destroy(gh_api_t *a);

/* One request: method GET/POST/DELETE, path starting with '/', optional
 * JSON body and Accept header. *status gets the HTTP status (0 on a
 * transport error). Returns 0 when the status is 2xx, else -EIO with err
 * filled (the status and GitHub's "message"). */
int gh_api_call(gh_api_t *a, const char *method, const char *path, const char *body,
	const char *accept, long *status, sk_sdk_buf_t *resp, char *err, size_t errlen);

/* Copy of the newest error and how many there were so far. */
uint64_t gh_api_last_error(gh_api_t *a, char *out, size_t outlen);

/* Percent-encode a path ('/' kept) into out. */
void gh_api_path_escape(sk_sdk_buf_t *out, const char *s);

typedef struct gh_hook {
	char *repo;                /* owner/name */
	long long id;
} gh_hook_t;

typedef struct gh_hooks {
	gh_hook_t *v;
	size_t n;
} gh_hooks_t;

/* For each repo (or every non-archived repo the token administers when the
 * list is "*"): delete hooks already pointing at url, then create a "web"
 * hook for every event with content type json and the given secret. On
 * failure the hooks created so far are removed again. */
int gh_hooks_install(gh_api_t *a, char *const *repos, size_t nrepos, const char *url,
	const char *secret, gh_hooks_t *out, char *err, size_t errlen);
/* Delete the hooks (errors are counted, not fatal) and free the list. */
void gh_hooks_remove(gh_api_t *a, gh_hooks_t *h);

#endif /* GH_API_H */
