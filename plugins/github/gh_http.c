/* gh_http.c - GitHub deliveries over the shared hardened webhook (sk_webhook). */
#include "gh_http.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sk_webhook.h"

struct gh_http {
	sk_webhook_t *w;
	gh_receiver_t *r;
};

static void headers_of(const sk_webhook_req_t *req, gh_headers_t *h)
{
	h->content_type = sk_webhook_header(req, "Content-Type");
	h->signature = sk_webhook_header(req, "X-Hub-Signature-256");
	h->event = sk_webhook_header(req, "X-GitHub-Event");
	h->delivery = sk_webhook_header(req, "X-GitHub-Delivery");
}

static void on_headers(void *user, const sk_webhook_req_t *req, sk_webhook_reply_t *out)
{
	gh_http_t *g = user;
	gh_headers_t h;
	const char *msg = "";

	gh_count(g->r->c, GH_C_REQUESTS, 1);
	headers_of(req, &h);
	out->status = gh_receiver_precheck(g->r, sk_webhook_method(req), &h, -1, &msg);
	if (out->status) {
		/* refused before the body: the peer proved nothing, drop the connection */
		out->close = true;
		snprintf(out->text, sizeof(out->text), "%s", msg);
	}
}

static void on_body(void *user, const sk_webhook_req_t *req, const char *body, size_t len,
	sk_webhook_reply_t *out)
{
	gh_http_t *g = user;
	gh_headers_t h;

	headers_of(req, &h);
	out->status = gh_receiver_handle(g->r, &h, body, len, out->text, sizeof(out->text));
	out->close = out->status == 401;
}

int gh_http_start(gh_http_t **out, const gh_config_t *cfg, const char *url, gh_receiver_t *r,
	char *err, size_t errlen)
{
	static const char *const ctypes[] = { "application/json",
		"application/x-www-form-urlencoded", NULL };
	sk_webhook_config_t wc = { 0 };
	gh_http_t *g;
	int rc;

	*out = NULL;
	g = calloc(1, sizeof(*g));
	if (!g)
		return -ENOMEM;
	g->r = r;
	wc.url = url;
	wc.cert_file = cfg->ssl_cert;
	wc.key_file = cfg->ssl_key;
	wc.client_ca_file = cfg->ssl_client_ca;
	wc.content_types = ctypes;
	wc.max_body = cfg->max_body_bytes;
	wc.body_budget = cfg->max_body_bytes * 4 > cfg->queue_max_bytes ?
		cfg->max_body_bytes * 4 : cfg->queue_max_bytes;
	wc.threads = (unsigned)cfg->webhook_threads;
	wc.idle_timeout_s = (unsigned)cfg->webhook_conn_timeout;
	wc.limits.max_conns = (unsigned)cfg->webhook_max_conns;
	wc.on_headers = on_headers;
	wc.on_body = on_body;
	wc.user = g;
	if (strncmp(url, "https://", 8) == 0 && !cfg->ssl_cert) {
		snprintf(err, errlen, "an https:// webhook needs init config key sslCertificate");
		free(g);
		return -EINVAL;
	}
	rc = sk_webhook_start(&g->w, &wc, err, errlen);
	if (rc < 0) {
		free(g);
		return rc;
	}
	*out = g;
	return 0;
}

void gh_http_stop(gh_http_t *g)
{
	if (!g)
		return;
	sk_webhook_stop(g->w);
	free(g);
}

unsigned gh_http_port(const gh_http_t *g)
{
	return g ? sk_webhook_port(g->w) : 0;
}

uint64_t gh_http_counter(const gh_http_t *g, unsigned i)
{
	if (!g || i >= GH_HTTP_COUNTERS)
		return 0;
	if (i < SK_WH_COUNT)
		return sk_webhook_counter(g->w, (enum sk_webhook_counter)i);
	return sk_wguard_counter(sk_webhook_guard(g->w), (enum sk_wguard_counter)(i - SK_WH_COUNT));
}

const char *gh_http_counter_name(unsigned i)
{
	if (i < SK_WH_COUNT)
		return sk_webhook_counter_name((enum sk_webhook_counter)i);
	return sk_wguard_counter_name((enum sk_wguard_counter)(i - SK_WH_COUNT));
}
