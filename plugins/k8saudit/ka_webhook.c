/* ka_webhook.c - the k8saudit side of the webhook: body -> events -> queue. */
#include "ka_webhook.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ka_parse.h"

_Static_assert(SK_WH_COUNT + SK_WG_COUNT <= KA_WH_BASE_MAX, "ka_counters_t.wh_base too small");

struct ka_webhook {
	sk_webhook_t *wh;
	const ka_config_t *cfg;
	sk_sdk_queue_t *q;
	ka_counters_t *c;
};

static void on_body(void *user, const sk_webhook_req_t *req, const char *body, size_t len,
	sk_webhook_reply_t *out)
{
	ka_webhook_t *w = user;
	sk_sdk_qchain_t chain = { 0 };
	ka_parse_stats_t st = { 0 };
	char perr[256];
	int rc;

	(void)req;
	rc = ka_parse_payload(body, len, w->cfg->max_event_size, &chain, &st, perr, sizeof(perr));
	ka_count(w->c, KA_C_DROP_TOO_LARGE, st.too_large);
	ka_count(w->c, KA_C_DROP_NO_TS, st.no_timestamp);
	ka_count(w->c, KA_C_DROP_NOT_EVENT, st.not_event);
	if (rc == -ENOMEM) {
		sk_sdk_qchain_free(&chain, NULL);
		ka_count(w->c, KA_C_REQ_QUEUE_FULL, 1);
		*out = (sk_webhook_reply_t){ .status = 503, .close = true };
		snprintf(out->text, sizeof(out->text), "out of memory\n");
		return;
	}
	if (rc < 0) {
		ka_count(w->c, rc == -EAGAIN || strncmp(perr, "malformed", 9) == 0 ? KA_C_REQ_BAD_JSON :
			KA_C_REQ_NOT_AUDIT, 1);
		out->status = 400;
		snprintf(out->text, sizeof(out->text), "bad request: %s\n", perr);
		return;
	}
	rc = sk_sdk_queue_push(w->q, &chain, 0);
	if (rc == -EPIPE) {
		/* saker_drain closed the queue: nothing of this request is kept,
		 * so the sender must retry against the next instance. */
		ka_count(w->c, KA_C_REQ_DRAINING, 1);
		sk_sdk_qchain_free(&chain, NULL);
		out->status = 503;
		out->close = true;
		snprintf(out->text, sizeof(out->text), "shutting down, retry later\n");
		return;
	}
	if (rc < 0) {
		ka_count(w->c, KA_C_REQ_QUEUE_FULL, 1);
		ka_count(w->c, KA_C_DROP_QUEUE_FULL, chain.n);
		sk_sdk_qchain_free(&chain, NULL);
		out->status = 503;
		snprintf(out->text, sizeof(out->text), "event queue full, retry later\n");
		return;
	}
	ka_count(w->c, KA_C_EVENTS_QUEUED, st.events);
	ka_count(w->c, KA_C_REQ_OK, 1);
	out->status = 200;
	snprintf(out->text, sizeof(out->text), "{\"accepted\":%llu,\"dropped\":%llu}\n",
		(unsigned long long)st.events,
		(unsigned long long)(st.too_large + st.no_timestamp + st.not_event));
}

int ka_webhook_start(ka_webhook_t **out, const ka_config_t *cfg, const char *url,
	sk_sdk_queue_t *q, ka_counters_t *c, char *err, size_t errlen)
{
	static const char *const ctypes[] = { "application/json", NULL };
	sk_webhook_config_t wc = { 0 };
	ka_webhook_t *w;
	bool tls = strncmp(url, "https://", 8) == 0;
	int rc;

	*out = NULL;
	w = calloc(1, sizeof(*w));
	if (!w)
		return -ENOMEM;
	w->cfg = cfg;
	w->q = q;
	w->c = c;
	if (!tls && cfg->ssl_client_ca) {
		snprintf(err, errlen, "sslClientCA needs an https:// webhook URL");
		free(w);
		return -EINVAL;
	}
	wc.url = url;
	wc.cert_file = cfg->ssl_cert;
	wc.key_file = cfg->ssl_key;
	wc.client_ca_file = cfg->ssl_client_ca;
	wc.cert_setting = "sslCertificate";
	wc.key_setting = "sslKey";
	wc.ca_setting = "sslClientCA";
	wc.bearer_token = cfg->bearer_token;
	wc.content_types = ctypes;
	wc.max_body = cfg->max_batch_size;
	wc.body_budget = cfg->body_budget;
	wc.threads = (unsigned)cfg->webhook_threads;
	wc.idle_timeout_s = (unsigned)cfg->webhook_conn_timeout;
	wc.listen_backlog = (unsigned)cfg->listen_backlog;
	wc.limits.max_conns = (unsigned)cfg->webhook_max_conns;
	wc.limits.max_conns_per_ip = (unsigned)cfg->webhook_max_conns_per_ip;
	wc.limits.max_unauth_conns = (unsigned)cfg->webhook_max_unauth_conns;
	wc.limits.header_timeout_ms = (unsigned)cfg->webhook_header_timeout_ms;
	wc.limits.body_timeout_ms = (unsigned)cfg->webhook_body_timeout_ms;
	wc.limits.keepalive_ms = (unsigned)cfg->webhook_conn_timeout * 1000u;
	wc.on_body = on_body;
	wc.user = w;
	rc = sk_webhook_start(&w->wh, &wc, err, errlen);
	if (rc < 0) {
		free(w);
		return rc;
	}
	*out = w;
	return 0;
}

void ka_webhook_stop(ka_webhook_t *w)
{
	unsigned i;

	if (!w)
		return;
	sk_webhook_stop(w->wh);
	for (i = 0; i < SK_WH_COUNT; i++)
		w->c->wh_base[i] += sk_webhook_counter(w->wh, i);
	for (i = 0; i < SK_WG_COUNT; i++)
		w->c->wh_base[SK_WH_COUNT + i] += sk_wguard_counter(sk_webhook_guard(w->wh), i);
	sk_webhook_destroy(w->wh);
	free(w);
}

unsigned ka_webhook_port(const ka_webhook_t *w)
{
	return w ? sk_webhook_port(w->wh) : 0;
}

uint64_t ka_webhook_counter(const ka_webhook_t *w, const ka_counters_t *c, unsigned i)
{
	uint64_t v = c->wh_base[i];

	if (!w)
		return v;
	if (i < SK_WH_COUNT)
		return v + sk_webhook_counter(w->wh, i);
	return v + sk_wguard_counter(sk_webhook_guard(w->wh), i - SK_WH_COUNT);
}

uint64_t ka_webhook_connections(const ka_webhook_t *w)
{
	return w ? sk_wguard_open(sk_webhook_guard(w->wh)) : 0;
}

uint64_t ka_webhook_budget_used(const ka_webhook_t *w)
{
	return w ? sk_webhook_budget_used(w->wh) : 0;
}
