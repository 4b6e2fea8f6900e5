/*
 * github.c - the github plugin: config, open (receiver, hook management)
 * / close, next_batch over the delivery queue, extraction, metrics, as
 * hooks of the SDK's source skeleton (sk_sdk_source.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "gh_api.h"
#include "gh_config.h"
#include "gh_delivery.h"
#include "gh_fields.h"
#include "gh_http.h"
#include "gh_scan.h"
#include "github.h"
#include "sk_sdk_source.h"

typedef struct gh_state {
	sk_sdk_plugin_t base;
	gh_config_t cfg;
	gh_counters_t c;
	gh_extractor_t ex;
	gh_scan_t scan;
	bool have_scan;
	char http_names[GH_HTTP_COUNTERS][64];
	unsigned last_port;
} gh_state_t;

typedef struct gh_inst {
	sk_sdk_inst_t base;
	sk_sdk_queue_t q;
	bool q_ok, api_ok, rcv_ok;
	gh_api_t api;
	gh_receiver_t rcv;
	gh_http_t *http;
	gh_hooks_t hooks;
	uint64_t api_errs_seen;
} gh_inst_t;

static int gh_init(sk_sdk_plugin_t *p, const char *config)
{
	gh_state_t *st = (gh_state_t *)p;
	char *e = p->err.msg;
	size_t el = sizeof(p->err.msg);

	gh_extractor_init(&st->ex);
	p->counters = st->c.v;
	if (gh_config_load(&st->cfg, config, e, el) < 0)
		return -EINVAL;
	p->batch_max = (uint32_t)st->cfg.batch_max_events;
	if (st->cfg.scan_secrets || st->cfg.scan_workflows) {
		if (gh_scan_init(&st->scan, e, el) < 0)
			return -EINVAL;
		st->have_scan = true;
	}
	return 0;
}

static void gh_destroy(sk_sdk_plugin_t *p)
{
	gh_state_t *st = (gh_state_t *)p;

	gh_extractor_free(&st->ex);
	if (st->have_scan)
		gh_scan_free(&st->scan);
	gh_config_free(&st->cfg);
}

static void gh_close(sk_sdk_inst_t *base)
{
	gh_inst_t *in = (gh_inst_t *)base;

	if (in->q_ok)
		sk_sdk_queue_close(&in->q);
	gh_http_stop(in->http);
	if (in->api_ok) {
		size_t n = in->hooks.n;

		gh_hooks_remove(&in->api, &in->hooks);
		if (n)
			sk_sdk_logf(base->plugin, SS_PLUGIN_LOG_SEV_INFO, "removed %zu webhook(s)", n);
		gh_api_destroy(&in->api);
	}
	if (in->rcv_ok)
		gh_receiver_destroy(&in->rcv);
	if (in->q_ok)
		sk_sdk_queue_destroy(&in->q, NULL);
}

/* Hook management without a configured secret: a random one, as upstream. */
static int ensure_secret(gh_state_t *st)
{
	unsigned char raw[24];
	char *s;
	int i;

	if (st->cfg.nsecrets)
		return 0;
	if (RAND_bytes(raw, sizeof(raw)) != 1) {
		sk_sdk_err_set(&st->base.err, "cannot generate a webhook secret");
		return -EIO;
	}
	s = malloc(2 * sizeof(raw) + 1);
	if (!s)
		return -ENOMEM;
	for (i = 0; i < (int)sizeof(raw); i++)
		snprintf(s + 2 * i, 3, "%02x", raw[i]);
	explicit_bzero(raw, sizeof(raw));
	return gh_config_add_secret(&st->cfg, s, st->base.err.msg, sizeof(st->base.err.msg));
}

static int gh_open(sk_sdk_plugin_t *p, sk_sdk_inst_t *base, const char *params)
{
	gh_state_t *st = (gh_state_t *)p;
	gh_inst_t *in = (gh_inst_t *)base;
	gh_config_t *c = &st->cfg;
	char *e = p->err.msg;
	size_t el = sizeof(p->err.msg);
	bool need_api = c->nrepos || c->scan_secrets || c->scan_workflows;

	if (strncmp(params, "http://", 7) != 0 && strncmp(params, "https://", 8) != 0) {
		sk_sdk_err_set(&p->err, "open params must be the webhook URL to listen on, "
			"http(s)://ADDR:PORT/PATH (got \"%.200s\")", params);
		return -EINVAL;
	}
	if (c->nrepos && ensure_secret(st) < 0)
		return -EINVAL;
	if (!c->nsecrets) {
		/* checked here, not in init: validating rules needs no secret */
		sk_sdk_err_set(&p->err, "no webhook secret configured: set 'secret', 'secrets' or "
			"'secret_file' (unsigned deliveries are always refused)");
		return -EINVAL;
	}
	if (sk_sdk_queue_init(&in->q, c->queue_max_events, c->queue_max_bytes) < 0)
		goto nomem;
	in->q_ok = true;
	if (need_api) {
		if (gh_api_init(&in->api, c->api_url, c->token, c->api_timeout_ms,
			    (size_t)c->scan_max_bytes, &st->c) < 0)
			goto nomem;
		in->api_ok = true;
	}
	if (gh_receiver_init(&in->rcv, c, &st->c, &in->q, need_api ? &in->api : NULL,
		    st->have_scan ? &st->scan : NULL) < 0)
		goto nomem;
	in->rcv_ok = true;
	if (gh_http_start(&in->http, c, params, &in->rcv, e, el) < 0)
		return -EINVAL;
	st->last_port = gh_http_port(in->http);
	sk_sdk_logf(p, SS_PLUGIN_LOG_SEV_INFO, "GitHub webhook listening on port %u (%s%s), %zu "
		"secret(s), scanning: secrets %s, workflows %s", st->last_port,
		strncmp(params, "https", 5) == 0 ? "TLS" : "plain HTTP",
		c->ssl_client_ca ? ", client certificates required" : "", c->nsecrets,
		c->scan_secrets ? "on" : "off", c->scan_workflows ? "on" : "off");
	if (c->nrepos) {
		/* after the server is up: GitHub pings a new hook at once */
		if (gh_hooks_install(&in->api, c->repos, c->nrepos, c->public_url, c->secrets[0],
			    &in->hooks, e, el) < 0) {
			char why[PLUGIN_MAX_ERRLEN];

			snprintf(why, sizeof(why), "%s", e);
			sk_sdk_err_set(&p->err, "cannot install the GitHub webhooks: %s", why);
			return -EIO;
		}
		sk_sdk_logf(p, SS_PLUGIN_LOG_SEV_INFO, "installed %zu webhook(s) posting to %s",
			in->hooks.n, c->public_url);
	}
	return 0;
nomem:
	sk_sdk_err_set(&p->err, "out of memory");
	return -ENOMEM;
}

static ss_plugin_rc gh_next_batch(sk_sdk_plugin_t *p, sk_sdk_inst_t *base)
{
	gh_state_t *st = (gh_state_t *)p;
	gh_inst_t *in = (gh_inst_t *)base;
	sk_sdk_qchain_t items = { 0 };
	sk_sdk_qnode_t *node;
	sk_sdk_qitem_t *it;
	char msg[256];
	uint64_t n;
	int r = 0;

	if (in->api_ok && (n = gh_api_last_error(&in->api, msg, sizeof(msg))) > in->api_errs_seen) {
		sk_sdk_logf(p, SS_PLUGIN_LOG_SEV_WARNING, "GitHub API: %s (%llu failure(s) so far)",
			msg, (unsigned long long)n);
		in->api_errs_seen = n;
	}
	if (sk_sdk_queue_pop(&in->q, &items, st->cfg.batch_max_events,
		    (int)st->cfg.idle_timeout_ms) < 0)
		return SS_PLUGIN_TIMEOUT;
	for (node = items.head; node && r == 0; node = node->next) {
		it = sk_sdk_qitem_of(node);
		r = sk_sdk_batch_add(&base->batch, it->ts, GH_PLUGIN_ID, it->data, it->len);
	}
	sk_sdk_qchain_free(&items, NULL);
	if (r < 0) {
		sk_sdk_err_set(&p->err, "cannot build event batch: %s", strerror(-r));
		return SS_PLUGIN_FAILURE;
	}
	gh_count(&st->c, GH_C_EVENTS_EMITTED, base->batch.count);
	return SS_PLUGIN_SUCCESS;
}

static const char *const counter_names[GH_C_COUNT] = {
	[GH_C_REQUESTS] = "github.webhook.requests",
	[GH_C_REQ_OK] = "github.webhook.accepted",
	[GH_C_REQ_PING] = "github.webhook.pings",
	[GH_C_REQ_DUPLICATE] = "github.webhook.duplicates",
	[GH_C_REQ_UNSIGNED] = "github.webhook.rejected_unsigned",
	[GH_C_REQ_BAD_SIG] = "github.webhook.rejected_bad_signature",
	[GH_C_REQ_MALFORMED] = "github.webhook.rejected_malformed",
	[GH_C_REQ_METHOD] = "github.webhook.rejected_method",
	[GH_C_REQ_CTYPE] = "github.webhook.rejected_content_type",
	[GH_C_REQ_TOO_LARGE] = "github.webhook.rejected_too_large",
	[GH_C_REQ_QUEUE_FULL] = "github.webhook.rejected_queue_full",
	[GH_C_EVENTS_EMITTED] = "github.events.emitted",
	[GH_C_BYTES] = "github.webhook.bytes",
	[GH_C_API_CALLS] = "github.api.calls",
	[GH_C_API_ERRORS] = "github.api.errors",
	[GH_C_HOOKS_CREATED] = "github.hooks.created",
	[GH_C_HOOKS_DELETED] = "github.hooks.deleted",
	[GH_C_SECRETS_FOUND] = "github.scan.secrets_found",
	[GH_C_MINERS_FOUND] = "github.scan.miners_found",
	[GH_C_SCAN_TRUNCATED] = "github.scan.truncated",
};

#define GH_EXTRA_METRICS (GH_HTTP_COUNTERS + 4)

static uint32_t gh_metrics(sk_sdk_plugin_t *p, ss_plugin_metric *m)
{
	gh_state_t *st = (gh_state_t *)p;
	gh_inst_t *in = p->inst;
	const ss_plugin_metric_type gauge = SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC;
	uint32_t i, n = 0;

	for (i = 0; i < GH_HTTP_COUNTERS; i++) {
		snprintf(st->http_names[i], sizeof(st->http_names[i]), "github.http.%s",
			gh_http_counter_name(i));
		sk_sdk_metric_u64(&m[n++], st->http_names[i], SS_PLUGIN_METRIC_TYPE_MONOTONIC,
			in ? gh_http_counter(in->http, i) : 0);
	}
	sk_sdk_metric_u64(&m[n++], "github.queue.depth", gauge, in ? sk_sdk_queue_depth(&in->q) : 0);
	sk_sdk_metric_u64(&m[n++], "github.webhook.port", gauge, st->last_port);
	sk_sdk_metric_u64(&m[n++], "github.hooks.installed", gauge, in ? in->hooks.n : 0);
	sk_sdk_metric_u64(&m[n++], "github.extract.parse_errors", SS_PLUGIN_METRIC_TYPE_MONOTONIC,
		st->ex.parse_errors);
	return n;
}

SK_SDK_EXTRACT_HOOKS(gh, gh_state_t, ex, gh_extract_begin, gh_extract)

SK_SDK_SOURCE_DEFINE(gh, GH,
	.description = "GitHub webhook deliveries, verified (HMAC-SHA256), with secret and miner "
		"scanning",
	.init_schema = sk__gh_init_schema,
	.open_params = "[{\"value\":\"http://:9443/github\",\"desc\":\"GitHub webhook (HTTP)\"},"
		"{\"value\":\"https://:9443/github\",\"desc\":\"GitHub webhook (TLS)\"}]",
	.nextra = GH_EXTRA_METRICS);
