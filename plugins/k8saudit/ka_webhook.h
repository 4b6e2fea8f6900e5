/*
 * ka_webhook.h - the audit webhook: sk_webhook (plugin_api/sdk) with the
 * k8saudit body handler (parse, queue).
 *
 * POST <path> with Content-Type application/json and a body holding an
 * EventList, an Event or an array: 200 once every event is parsed and in
 * the queue; 400 malformed JSON / not an audit payload; 503 queue full
 * or shutting down after saker_drain (nothing of the request was queued, the sender should retry). The
 * generic refusals (401, 403, 404, 405, 413, 415, 400 conflicting
 * Content-Length, 503 body budget) and the connection limits and deadlines
 * are sk_webhook's (sk_webhook.h).
 *
 * Ownership: the webhook borrows cfg, queue and counters; they must outlive
 * it. Threading: start/stop from one thread; requests are served on the
 * webhook's own threads.
 */
#ifndef KA_WEBHOOK_H
#define KA_WEBHOOK_H

#include <stddef.h>

#include "k8saudit.h"
#include "sk_sdk_queue.h"
#include "sk_webhook.h"

typedef struct ka_webhook ka_webhook_t;

/* url: http(s)://[host][:port]/path. Binds synchronously, so address errors
 * are reported here. */
int ka_webhook_start(ka_webhook_t **out, const ka_config_t *cfg, const char *url,
	sk_sdk_queue_t *q, ka_counters_t *c, char *err, size_t errlen);
/* Stops serving; the webhook's counters are folded into c->wh_base. */
void ka_webhook_stop(ka_webhook_t *w);
unsigned ka_webhook_port(const ka_webhook_t *w);
/* Generic webhook counters (SK_WH_*, then SK_WG_* at SK_WH_COUNT + k),
 * live values plus what stopped webhooks counted. w may be NULL. */
uint64_t ka_webhook_counter(const ka_webhook_t *w, const ka_counters_t *c, unsigned i);
/* Current connections and body budget in use (0 when w is NULL). */
uint64_t ka_webhook_connections(const ka_webhook_t *w);
uint64_t ka_webhook_budget_used(const ka_webhook_t *w);

#endif /* KA_WEBHOOK_H */
