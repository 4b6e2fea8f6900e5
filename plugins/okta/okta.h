/*
 * okta.h - shared types of the okta plugin: configuration and the counters
 * every part updates.
 *
 * Threading: the config is immutable after plugin_init. Counters are atomics:
 * the poller updates them from the thread calling next_batch and
 * plugin_get_metrics reads them (the host may use another thread).
 */
#ifndef OKTA_H
#define OKTA_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plugin_api.h"

#define OK_PLUGIN_ID 7
#define OK_PLUGIN_NAME "okta"
#define OK_PLUGIN_VERSION "0.12.0"
#define OK_EVENT_SOURCE "okta"

typedef struct ok_config {
	char *organization;          /* organization (may be NULL when base_url is set) */
	char *base_url;              /* scheme://host[:port][/prefix], no trailing '/' */
	char *org_label;             /* okta.org value and the name used in messages */
	char *api_token;             /* never logged; wiped on free */
	uint64_t refresh_interval;   /* s between polls of an empty page */
	int64_t since_ns;            /* start when there is no checkpoint */
	int64_t until_ns;            /* 0: follow forever; else bounded query, EOF at the end */
	char *checkpoint_file;       /* NULL: no checkpoint */
	uint64_t page_size;          /* limit= per request (Okta: 1..1000) */
	uint64_t batch_max_events;   /* events per next_batch */
	uint64_t prefetch_pages;     /* pages fetched ahead of the one handed out */
	uint64_t cache_expiration;   /* s, MFA counter keys TTL */
	uint64_t cache_usermaxsize;  /* timestamps kept per MFA key */
	uint64_t cache_maxkeys;      /* MFA keys kept (LRU beyond) */
	uint64_t request_timeout_ms; /* whole HTTP request */
	uint64_t connect_timeout_ms;
	uint64_t backoff_initial_ms; /* first delay after a 5xx / network / decode error */
	uint64_t backoff_max_ms;     /* cap of the exponential backoff and of 429 waits */
	uint64_t auth_retry_ms;      /* delay after 401/403/404 */
	uint64_t rate_limit_low_pct; /* slow down below this % of X-Rate-Limit-Limit left */
	uint64_t max_response_bytes; /* larger bodies are refused (counted) */
	uint64_t idle_wait_ms;       /* longest sleep inside one next_batch call */
	char *ca_file;               /* optional CA bundle for TLS */
	bool tls_verify;
} ok_config_t;

enum ok_counter {
	OK_C_REQUESTS,         /* HTTP requests sent */
	OK_C_RESP_OK,          /* 200 with a valid page */
	OK_C_EMPTY_PAGES,      /* valid pages without events */
	OK_C_RATE_LIMITED,     /* 429 answers */
	OK_C_THROTTLED,        /* requests delayed because few were left */
	OK_C_SERVER_ERRORS,    /* 5xx answers */
	OK_C_AUTH_ERRORS,      /* 401 / 403 */
	OK_C_NOT_FOUND,        /* 404 */
	OK_C_OTHER_STATUS,     /* other non-200 */
	OK_C_NET_ERRORS,       /* transport errors (connect, timeout, truncated body) */
	OK_C_BAD_JSON,         /* 200 whose body is not a JSON array of objects */
	OK_C_TOO_LARGE,        /* bodies over max_response_bytes */
	OK_C_RETRIES,          /* requests repeated after an error */
	OK_C_EVENTS,           /* events handed to the host */
	OK_C_NO_TIME,          /* events without a parsable published time (stamped now) */
	OK_C_DROP_NOT_OBJECT,  /* array elements that were not objects */
	OK_C_SKIPPED_REPLAY,   /* events skipped on resume (already delivered) */
	OK_C_CKPT_WRITES,      /* checkpoint files written */
	OK_C_CKPT_ERRORS,      /* checkpoint writes that failed */
	OK_C_BYTES,            /* response body bytes */
	OK_C_COUNT
};

typedef struct ok_counters {
	_Atomic uint64_t v[OK_C_COUNT];
	_Atomic int64_t lag_ms;       /* now - published of the last event handed */
	_Atomic uint64_t rl_remaining; /* last X-Rate-Limit-Remaining seen */
	_Atomic uint64_t mfa_evicted;  /* MFA counter keys evicted by cache_maxkeys */
} ok_counters_t;

static inline void ok_count(ok_counters_t *c, enum ok_counter k, uint64_t n)
{
	atomic_fetch_add_explicit(&c->v[k], n, memory_order_relaxed);
}

/* Parse init_config into c (token from api_token, api_token_file or the
 * environment variable OKTA_API_TOKEN). Returns 0 or -errno with err filled;
 * err never contains the token. */
int sk__ok_config_load(ok_config_t *c, const char *text, char *err, size_t errlen);
void sk__ok_config_free(ok_config_t *c);


#endif /* OKTA_H */
