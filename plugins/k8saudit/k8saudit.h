/*
 * k8saudit.h - shared types of the k8saudit plugin: configuration and the
 * counters every part updates.
 *
 * Threading: counters are atomics updated by webhook threads and read by
 * plugin_get_metrics on the host thread; the config is immutable after
 * plugin_init.
 */
#ifndef K8SAUDIT_H
#define K8SAUDIT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "plugin_api.h"

#define KA_PLUGIN_ID 1
#define KA_PLUGIN_NAME "k8saudit"
#define KA_PLUGIN_VERSION "0.18.0"
#define KA_EVENT_SOURCE "k8s_audit"

typedef struct ka_config {
	uint64_t max_event_size;        /* maxEventSize */
	uint64_t max_batch_size;        /* webhookMaxBatchSize (request body limit) */
	uint64_t file_max_line;         /* fileMaxLineSize (file sources) */
	uint64_t queue_max_events;      /* queueMaxEvents */
	uint64_t queue_max_bytes;       /* queueMaxBytes */
	uint64_t batch_max_events;      /* batchMaxEvents (events per next_batch) */
	uint64_t idle_timeout_ms;       /* nextBatchTimeoutMs */
	uint64_t webhook_threads;       /* webhookThreads */
	uint64_t webhook_max_conns;     /* webhookMaxConnections */
	uint64_t webhook_conn_timeout;  /* webhookConnectionTimeoutSec (keep-alive idle) */
	uint64_t webhook_max_conns_per_ip;   /* webhookMaxConnectionsPerIP */
	uint64_t webhook_max_unauth_conns;   /* webhookMaxUnauthenticatedConnections */
	uint64_t webhook_header_timeout_ms;  /* webhookHeaderTimeoutMs (absolute) */
	uint64_t webhook_body_timeout_ms;    /* webhookBodyTimeoutMs (absolute) */
	uint64_t body_budget;                /* webhookBodyBudget (bytes, all connections) */
	char *ssl_cert;                 /* sslCertificate (PEM; may also hold the key) */
	char *ssl_key;                  /* sslKey (PEM key file; default: sslCertificate) */
	char *ssl_client_ca;            /* sslClientCA: enables client-certificate checks */
	char *bearer_token;             /* from webhookBearerTokenFile (never logged) */
} ka_config_t;

/* The generic webhook counters (requests, 4xx causes, connection refusals,
 * deadlines...) are sk_webhook's; these are the k8saudit-specific ones. */
enum ka_counter {
	KA_C_REQ_OK,            /* answered 200 */
	KA_C_REQ_BAD_JSON,      /* 400 malformed JSON */
	KA_C_REQ_NOT_AUDIT,     /* 400 JSON but not an audit payload */
	KA_C_REQ_QUEUE_FULL,    /* 503 queue full (nothing of the request queued) */
	KA_C_EVENTS_QUEUED,     /* events accepted into the queue */
	KA_C_EVENTS_EMITTED,    /* events handed to the host */
	KA_C_DROP_TOO_LARGE,    /* events over maxEventSize */
	KA_C_DROP_NO_TS,        /* events without a valid stageTimestamp */
	KA_C_DROP_NOT_EVENT,    /* list items that are not events */
	KA_C_DROP_QUEUE_FULL,   /* events refused with 503 */
	KA_C_BAD_DOCUMENTS,     /* file mode: documents that were not audit JSON */
	KA_C_REQ_DRAINING,      /* 503 after saker_drain: shutting down */
	KA_C_FILE_LONG_LINES,   /* file mode: lines over fileMaxLineSize skipped */
	KA_C_COUNT
};

/* wh_base: generic webhook counters of webhooks already stopped
 * (SK_WH_COUNT + SK_WG_COUNT entries; see ka_webhook_counter). */
#define KA_WH_BASE_MAX 32

typedef struct ka_counters {
	_Atomic uint64_t v[KA_C_COUNT];
	uint64_t wh_base[KA_WH_BASE_MAX];
} ka_counters_t;

static inline void ka_count(ka_counters_t *c, enum ka_counter k, uint64_t n)
{
	atomic_fetch_add_explicit(&c->v[k], n, memory_order_relaxed);
}

#endif /* K8SAUDIT_H */
