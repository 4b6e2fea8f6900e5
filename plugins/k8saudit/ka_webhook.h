/*
 * ka_webhook.h - the audit webhook receiver (libmicrohttpd, own threads).
 *
 * POST <path> with Content-Type application/json and a body holding an
 * EventList, an Event or an array: 200 once every event is parsed and in
 * the queue; 400 malformed JSON / not an audit payload; 401 bearer token
 * mismatch; 403 client certificate missing or invalid (when sslClientCA is
 * set); 404 other path; 405 other method; 413 body over
 * webhookMaxBatchSize; 415 other content type; 503 queue full or shutting
 * down after saker_drain (nothing of the request was queued, the sender
 * should retry).
 *
 * Ownership: the webhook borrows cfg, queue and counters; they must outlive
 * it. Threading: start/stop from one thread; requests are served on the
 * daemon's own threads.
 */
#ifndef KA_WEBHOOK_H
#define KA_WEBHOOK_H

#include <stddef.h>

#include "k8saudit.h"
#include "ka_queue.h"

typedef struct ka_webhook ka_webhook_t;

/* url: http(s)://[host][:port]/path. Binds synchronously, so address errors
 * are reported here. */
int ka_webhook_start(ka_webhook_t **out, const ka_config_t *cfg, const char *url,
	ka_queue_t *q, ka_counters_t *c, char *err, size_t errlen);
void ka_webhook_stop(ka_webhook_t *w);
unsigned ka_webhook_port(const ka_webhook_t *w);

/* Split a webhook URL; exposed for tests. host/path are malloc'd. */
int ka_webhook_parse_url(const char *url, bool *tls, char **host, unsigned *port, char **path,
	char *err, size_t errlen);

#endif /* KA_WEBHOOK_H */
