/*
 * sk_webhook.h - a hardened HTTP(S) webhook receiver for plugins
 * (libmicrohttpd on its own threads; static library target `sk_webhook`,
 * which links libmicrohttpd and GnuTLS, so only plugins that use it do).
 *
 * One endpoint: POST <path> on http(s)://ADDR:PORT/PATH. For each request:
 *   1. when the headers are in, before any body byte is read: 400 for two
 *      different Content-Length headers; 404 other path; 403 client
 *      certificate missing/invalid (mTLS; normally already refused at the
 *      TLS handshake); 401 bearer token missing/wrong; 405 other method;
 *      415 content type not in the allowed list; 413 Content-Length over
 *      max_body; then the plugin's on_headers (may refuse with any status);
 *      503 when the body budget (bytes buffered across all connections)
 *      cannot hold the declared Content-Length;
 *   2. the body is buffered (413 past max_body, 503 past the budget);
 *   3. on_body gets the complete body and answers with a status.
 * Refusals of unauthenticated peers (401/403/413/415/503 budget) close the
 * connection.
 *
 * Connection hardening (see sk_wguard.h): absolute header and body
 * deadlines (not idle timeouts), peers that closed mid-request released at
 * once, a per-IP cap, a total cap, and a lower cap on connections that have
 * not yet passed authentication, so authenticated (keep-alive) clients keep
 * room. With client_ca_file, a client certificate is required during the
 * TLS handshake itself.
 *
 * Ownership: the config is copied by sk_webhook_start (strings included);
 * the user pointer must outlive the webhook. Threading: start/stop from one
 * thread (stop, then destroy); callbacks run on the webhook's own threads (several at once when
 * threads > 1), so they must be thread-safe. Counters are atomics, readable
 * from any thread.
 */
#ifndef SK_WEBHOOK_H
#define SK_WEBHOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sk_wguard.h"

typedef struct sk_webhook sk_webhook_t;
typedef struct sk_webhook_req sk_webhook_req_t;

/* Reply of a callback: status 0 (on_headers only) means go on. text is an
 * optional short body (text/plain unless it starts with '{'); close asks
 * for Connection: close. */
typedef struct sk_webhook_reply {
	unsigned status;
	bool close;
	char text[512];
} sk_webhook_reply_t;

typedef void (*sk_webhook_headers_fn)(void *user, const sk_webhook_req_t *req,
	sk_webhook_reply_t *out);
typedef void (*sk_webhook_body_fn)(void *user, const sk_webhook_req_t *req, const char *body,
	size_t len, sk_webhook_reply_t *out);

typedef struct sk_webhook_config {
	const char *url;              /* http(s)://[ADDR][:PORT]/PATH; port 0 = ephemeral */
	const char *cert_file;        /* PEM certificate (may also hold the key); https only */
	const char *key_file;         /* PEM key; NULL = in cert_file */
	const char *client_ca_file;   /* PEM CA; requires client certificates (mTLS) */
	const char *cert_setting, *key_setting, *ca_setting; /* names for error messages
	                               * (e.g. "sslCertificate"); NULL = generic */
	const char *bearer_token;     /* NULL = none; compared in constant time, never logged */
	const char *const *content_types; /* NULL-terminated media types; NULL = any */
	uint64_t max_body;            /* per request, bytes (413 past it) */
	uint64_t body_budget;         /* bytes buffered across all connections (503 past it) */
	unsigned threads;             /* libmicrohttpd thread pool size (default 2) */
	unsigned idle_timeout_s;      /* keep-alive idle timeout (default 30) */
	unsigned listen_backlog;      /* default 1024 */
	sk_wguard_limits_t limits;    /* caps and deadlines (0 fields = defaults) */
	sk_webhook_headers_fn on_headers; /* optional */
	sk_webhook_body_fn on_body;       /* required */
	void *user;
} sk_webhook_config_t;

/* Generic counters. Name suffixes (sk_webhook_counter_name) are stable;
 * plugins prefix them ("k8saudit.webhook." + name). */
enum sk_webhook_counter {
	SK_WH_REQUESTS,           /* requests whose headers arrived */
	SK_WH_STATUS_2XX,
	SK_WH_STATUS_4XX,
	SK_WH_STATUS_5XX,
	SK_WH_REJ_NOT_FOUND,      /* 404 */
	SK_WH_REJ_METHOD,         /* 405 */
	SK_WH_REJ_CTYPE,          /* 415 */
	SK_WH_REJ_TOO_LARGE,      /* 413 */
	SK_WH_REJ_UNAUTH,         /* 401 */
	SK_WH_REJ_CERT,           /* 403 after the handshake */
	SK_WH_REJ_DUP_CLEN,       /* 400 two different Content-Length headers */
	SK_WH_REJ_HEADERS_CB,     /* refused by the plugin's on_headers */
	SK_WH_REJ_BUDGET,         /* 503 body budget spent */
	SK_WH_BYTES,              /* body bytes received */
	SK_WH_COUNT
};

int sk_webhook_start(sk_webhook_t **out, const sk_webhook_config_t *cfg, char *err,
	size_t errlen);
/* Stops serving (waits for running callbacks; idempotent); counters stay
 * readable until destroy. Both NULL-safe. */
void sk_webhook_stop(sk_webhook_t *w);
void sk_webhook_destroy(sk_webhook_t *w);
unsigned sk_webhook_port(const sk_webhook_t *w);
bool sk_webhook_tls(const sk_webhook_t *w);

uint64_t sk_webhook_counter(const sk_webhook_t *w, enum sk_webhook_counter c);
const char *sk_webhook_counter_name(enum sk_webhook_counter c);
/* Connection-level counters and gauges (refusals, deadlines, ...). */
const sk_wguard_t *sk_webhook_guard(const sk_webhook_t *w);
uint64_t sk_webhook_budget_used(const sk_webhook_t *w);

/* Request accessors, valid during a callback only. */
const char *sk_webhook_header(const sk_webhook_req_t *r, const char *name); /* NULL if absent */
const char *sk_webhook_method(const sk_webhook_req_t *r);
const char *sk_webhook_path(const sk_webhook_req_t *r);

/* Split a webhook URL; host/path are malloc'd. Exposed for tests. */
int sk_webhook_parse_url(const char *url, bool *tls, char **host, unsigned *port, char **path,
	char *err, size_t errlen);

#endif /* SK_WEBHOOK_H */
