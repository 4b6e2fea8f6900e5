/*
 * web.h - the embedded web server (libmicrohttpd, TLS optional), driven
 * from the libuv loop: /healthz, /versions, /metrics (Prometheus text).
 *
 * Threading: create/destroy on the loop thread; handlers run on the loop.
 * libmicrohttpd runs in external-epoll mode (MHD_USE_EPOLL without an
 * internal thread): its epoll fd is watched by a uv_poll and its timeouts
 * by a uv_timer, each wake-up calls MHD_run, which never blocks (sockets
 * are non-blocking, TLS included). Handlers only copy constant strings or
 * render the metric registry, so they are short. This keeps the whole web
 * server on the loop thread, as ARCHITECTURE.md asks, with no extra thread.
 * The cost that does land on the loop is CPU work: a TLS handshake (a few
 * ms of crypto) per new connection; connection_limit bounds it.
 *
 * Config keys (section `webserver`, Falco's unless marked [saker]):
 *   enabled (default true), listen_address (0.0.0.0; IPv4 or IPv6 literal),
 *   listen_port (8765; 0 = ephemeral, see sk_web_port),
 *   k8s_healthz_endpoint (/healthz), prometheus_metrics_enabled (false;
 *   /metrics is served only when it AND metrics.enabled are true, as in
 *   Falco), ssl_enabled (false), ssl_certificate (/etc/falco/falco.pem: a PEM
 *   with the certificate and, unless ssl_key is set, the private key),
 *   threadiness (accepted, ignored: requests are served on the loop),
 *   [saker] ssl_key (separate key PEM), connection_limit (256),
 *   connection_limit_per_ip (16, at most connection_limit), connection_limit_new (connections not yet
 *   served a first request; 0 = 3/4 of connection_limit),
 *   header_timeout_ms (5000) and body_timeout_ms (10000): absolute
 *   deadlines enforced by sk_wguard (plugin_api/sdk/sk_wguard.h), which also
 *   releases peers that closed mid-request at once; connection_timeout
 *   (seconds idle before a keep-alive connection is closed, 10),
 *   connection_memory_limit (bytes per connection, 32768), listen_backlog
 *   (connections the kernel queues before accept, 1024).
 * Two different Content-Length headers: 400 (request smuggling).
 * Endpoints: GET <healthz> -> 200 {"status":"ok"} once ready (see
 * sk_web_set_ready), 503 {"status":"starting"} before, so a Kubernetes
 * readiness probe passes only when capture runs; GET /versions -> the JSON
 * given; GET /metrics -> Prometheus text 0.0.4 (sk_metrics_render).
 * Other methods: 405; other paths: 404.
 *
 * Lifetime: sk_web_stop closes libuv handles; their memory is released by
 * close callbacks, so run the loop after it before uv_loop_close.
 */
#ifndef SK_WEB_H
#define SK_WEB_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include <uv.h>

typedef struct sk_web sk_web_t;

/* Reads the `webserver` section of cfg (enabled, listen_address,
 * listen_port, ssl_enabled, ssl_certificate, ssl_key, prometheus_metrics_enabled...).
 * versions_json is served at /versions (copied). If the section says
 * enabled: false, returns 0 with *out = NULL. */
int sk_web_start(uv_loop_t *loop, const json_t *cfg, const char *versions_json,
	sk_web_t **out, char *err, size_t errlen);
/* /healthz answers 503 while ready(ud) is false (called on the loop
 * thread; must be cheap and thread-safe against whatever flips it).
 * Without it /healthz is always 200. NULL-safe on w. */
void sk_web_set_ready(sk_web_t *w, bool (*ready)(void *ud), void *ud);
/* The port actually bound (useful with listen_port: 0). */
unsigned sk_web_port(const sk_web_t *w);
void sk_web_stop(sk_web_t *w); /* NULL-safe */

#endif
