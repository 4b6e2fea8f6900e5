/*
 * github.h - shared types of the github plugin: configuration and the
 * counters every part updates.
 *
 * Threading: counters are atomics updated by webhook threads and read by
 * plugin_get_metrics on the host thread; the config is immutable after
 * plugin_init (hook management may append one generated secret in
 * plugin_open, before the receiver starts).
 */
#ifndef GITHUB_H
#define GITHUB_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plugin_api.h"

#define GH_PLUGIN_ID 8
#define GH_PLUGIN_NAME "github"
#define GH_PLUGIN_VERSION "0.10.1"
#define GH_EVENT_SOURCE "github"
#define GH_DEFAULT_API_URL "https://api.github.com"
#define GH_MAX_SECRETS 16

typedef struct gh_config {
	char *secrets[GH_MAX_SECRETS];  /* secret, secrets[], secret_file (never logged) */
	size_t nsecrets;
	uint64_t max_body_bytes;        /* request body limit (413 above) */
	uint64_t dedup_window;          /* delivery ids remembered */
	uint64_t max_json_depth;        /* nesting accepted in a body (400 deeper) */
	uint64_t queue_max_events;
	uint64_t queue_max_bytes;
	uint64_t batch_max_events;
	uint64_t idle_timeout_ms;
	uint64_t webhook_threads;
	uint64_t webhook_max_conns;
	uint64_t webhook_conn_timeout;
	char *ssl_cert, *ssl_key, *ssl_client_ca;
	/* GitHub REST API (hook management, secret and miner scanning) */
	char *token;                    /* token / token_file / GITHUB_PLUGIN_TOKEN (never logged) */
	char *api_url;                  /* no trailing slash */
	char **repos;                   /* owner/repo list or the single entry "*" */
	size_t nrepos;
	char *public_url;               /* the URL GitHub posts to (hook config.url) */
	uint64_t api_timeout_ms;
	uint64_t scan_max_bytes;        /* diff / workflow bytes scanned per delivery */
	bool scan_secrets;
	bool scan_workflows;
} gh_config_t;

enum gh_counter {
	GH_C_REQUESTS,          /* webhook requests received */
	GH_C_REQ_OK,            /* deliveries accepted (200, event queued) */
	GH_C_REQ_PING,          /* ping deliveries answered (200, no event) */
	GH_C_REQ_DUPLICATE,     /* redelivered ids answered 200 without an event */
	GH_C_REQ_UNSIGNED,      /* 401 no X-Hub-Signature-256 */
	GH_C_REQ_BAD_SIG,       /* 401 signature matches no configured secret */
	GH_C_REQ_MALFORMED,     /* 400 body / headers not a GitHub delivery */
	GH_C_REQ_METHOD,        /* 405 (normally refused earlier: github.http.*) */
	GH_C_REQ_CTYPE,         /* 415 (idem) */
	GH_C_REQ_TOO_LARGE,     /* 413 (idem) */
	GH_C_REQ_QUEUE_FULL,    /* 503 queue full */
	GH_C_EVENTS_EMITTED,    /* events handed to the host */
	GH_C_BYTES,             /* request body bytes received */
	GH_C_API_CALLS,         /* GitHub REST API requests made */
	GH_C_API_ERRORS,        /* failed API requests (network or HTTP status) */
	GH_C_HOOKS_CREATED,
	GH_C_HOOKS_DELETED,
	GH_C_SECRETS_FOUND,     /* secrets found in pushed diffs */
	GH_C_MINERS_FOUND,      /* miner patterns found in workflow files */
	GH_C_SCAN_TRUNCATED,    /* scans cut at scan_max_bytes */
	GH_C_COUNT
};

typedef struct gh_counters {
	_Atomic uint64_t v[GH_C_COUNT];
} gh_counters_t;

static inline void gh_count(gh_counters_t *c, enum gh_counter k, uint64_t n)
{
	atomic_fetch_add_explicit(&c->v[k], n, memory_order_relaxed);
}

#endif /* GITHUB_H */
