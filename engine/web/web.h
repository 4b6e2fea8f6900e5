/*
 * web.h - the embedded web server (libmicrohttpd, TLS optional), driven
 * from the libuv loop: /healthz, /versions, /metrics (Prometheus text).
 *
 * Threading: create/destroy on the loop thread; handlers run on the loop.
 */
#ifndef SK_WEB_H
#define SK_WEB_H

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
/* The port actually bound (useful with listen_port: 0). */
unsigned sk_web_port(const sk_web_t *w);
void sk_web_stop(sk_web_t *w); /* NULL-safe */

#endif
