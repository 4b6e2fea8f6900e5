/*
 * gh_http.h - the HTTP(S) server carrying GitHub deliveries to a
 * gh_receiver_t (gh_delivery.h): url http(s)://[host][:port]/path, TLS with
 * sslCertificate/sslKey, client certificates with sslClientCA (403 without
 * a valid one), 404 for other paths, the body limit enforced while reading.
 *
 * Ownership: the server borrows cfg and the receiver; they must outlive it.
 * Threading: start/stop from one thread; requests are served on the
 * server's own threads.
 */
#ifndef GH_HTTP_H
#define GH_HTTP_H

#include <stddef.h>

#include "gh_delivery.h"
#include "sk_webhook.h"

typedef struct gh_http gh_http_t;

/* Binds synchronously, so address errors are reported here. */
int gh_http_start(gh_http_t **out, const gh_config_t *cfg, const char *url, gh_receiver_t *r,
	char *err, size_t errlen);
void gh_http_stop(gh_http_t *h);
unsigned gh_http_port(const gh_http_t *h);

/* The shared server's counters (sk_webhook's, then its connection
 * guard's): GH_HTTP_COUNTERS of them, 0 for a NULL server. */
#define GH_HTTP_COUNTERS (SK_WH_COUNT + SK_WG_COUNT)
uint64_t gh_http_counter(const gh_http_t *h, unsigned i);
const char *gh_http_counter_name(unsigned i);

#endif /* GH_HTTP_H */
