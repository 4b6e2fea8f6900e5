/*
 * github.c - the github plugin entry points: config, open (receiver, hook
 * management) / close, next_batch over the delivery queue, extraction,
 * metrics.
 */
#include <errno.h>
#include <stdarg.h>
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
#include "sk_plugin_sdk.h"

typedef struct gh_state {
	sk_sdk_err_t err;
	gh_config_t cfg;
	gh_counters_t c;
	gh_extractor_t ex;
	gh_scan_t scan;
	bool have_scan;
	ss_plugin_owner_t *owner;
	ss_plugin_log_fn_t log;
	ss_plugin_metric metrics[GH_C_COUNT + GH_HTTP_COUNTERS + 4];
	char http_names[GH_HTTP_COUNTERS][64];
	unsigned last_port;
	struct gh_inst *inst;   /* the open instance, for metrics */
} gh_state_t;

typedef struct gh_inst {
	gh_state_t *st;
	sk_sdk_queue_t q;
	bool q_ok, api_ok, rcv_ok;
	gh_api_t api;
	gh_receiver_t rcv;
	gh_http_t *http;
	gh_hooks_t hooks;
	sk_sdk_batch_t batch;
	uint64_t api_errs_seen;
} gh_inst_t;

static char *g_fields_json;

__attribute__((constructor)) static void gh_load(void)
{
	g_fields_json = gh_fields_json();
}

__attribute__((destructor)) static void gh_unload(void)
{
	free(g_fields_json);
	g_fields_json = NULL;
}

SK_PLUGIN_EXPORT const char *plugin_get_required_api_version(void)
{
	return "3.11.0";
}

SK_PLUGIN_EXPORT const char *plugin_get_version(void)
{
	return GH_PLUGIN_VERSION;
}

SK_PLUGIN_EXPORT const char *plugin_get_name(void)
{
	return GH_PLUGIN_NAME;
}

SK_PLUGIN_EXPORT const char *plugin_get_description(void)
{
	return "GitHub webhook deliveries, verified (HMAC-SHA256), with secret and miner scanning";
}

SK_PLUGIN_EXPORT const char *plugin_get_contact(void)
{
	return "saker project";
}

SK_PLUGIN_EXPORT uint32_t plugin_get_id(void)
{
	return GH_PLUGIN_ID;
}

SK_PLUGIN_EXPORT const char *plugin_get_event_source(void)
{
	return GH_EVENT_SOURCE;
}

SK_PLUGIN_EXPORT const char *plugin_get_fields(void)
{
	return g_fields_json ? g_fields_json : "[]";
}

SK_PLUGIN_EXPORT const char *plugin_get_extract_event_sources(void)
{
	return "[\"" GH_EVENT_SOURCE "\"]";
}

SK_PLUGIN_EXPORT uint16_t *plugin_get_extract_event_types(uint32_t *numtypes, ss_plugin_t *s)
{
	static uint16_t types[] = { PPME_PLUGINEVENT_E };

	(void)s;
	*numtypes = 1;
	return types;
}

SK_PLUGIN_EXPORT const char *plugin_get_init_schema(ss_plugin_schema_type *t)
{
	*t = SS_PLUGIN_SCHEMA_JSON;
	return sk__gh_init_schema;
}

SK_PLUGIN_EXPORT const char *plugin_list_open_params(ss_plugin_t *s, ss_plugin_rc *rc)
{
	(void)s;
	*rc = SS_PLUGIN_SUCCESS;
	return "[{\"value\":\"http://:9443/github\",\"desc\":\"GitHub webhook (HTTP)\"},"
	       "{\"value\":\"https://:9443/github\",\"desc\":\"GitHub webhook (TLS)\"}]";
}

static void gh_log(gh_state_t *st, ss_plugin_log_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void gh_log(gh_state_t *st, ss_plugin_log_severity sev, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!st->log)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	st->log(st->owner, NULL, msg, sev);
}

SK_PLUGIN_EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	gh_state_t *st = calloc(1, sizeof(*st));

	if (!st) {
		*rc = SS_PLUGIN_FAILURE;
		return NULL;
	}
	gh_extractor_init(&st->ex);
	if (in) {
		st->owner = in->owner;
		st->log = in->log_fn;
	}
	*rc = SS_PLUGIN_FAILURE;
	if (gh_config_load(&st->cfg, in ? in->config : NULL, st->err.msg, sizeof(st->err.msg)) < 0)
		return st;
	if (st->cfg.scan_secrets || st->cfg.scan_workflows) {
		if (gh_scan_init(&st->scan, st->err.msg, sizeof(st->err.msg)) < 0)
			return st;
		st->have_scan = true;
	}
	*rc = SS_PLUGIN_SUCCESS;
	return st;
}

SK_PLUGIN_EXPORT void plugin_destroy(ss_plugin_t *s)
{
	gh_state_t *st = s;

	if (!st)
		return;
	gh_extractor_free(&st->ex);
	if (st->have_scan)
		gh_scan_free(&st->scan);
	gh_config_free(&st->cfg);
	free(st);
}

SK_PLUGIN_EXPORT const char *plugin_get_last_error(ss_plugin_t *s)
{
	gh_state_t *st = s;

	return st ? st->err.msg : "github: no state";
}

static void inst_free(gh_inst_t *in)
{
	if (!in)
		return;
	if (in->q_ok)
		sk_sdk_queue_close(&in->q);
	gh_http_stop(in->http);
	if (in->api_ok) {
		size_t n = in->hooks.n;

		gh_hooks_remove(&in->api, &in->hooks);
		if (n)
			gh_log(in->st, SS_PLUGIN_LOG_SEV_INFO, "removed %zu webhook(s)", n);
		gh_api_destroy(&in->api);
	}
	if (in->rcv_ok)
		gh_receiver_destroy(&in->rcv);
	if (in->q_ok)
		sk_sdk_queue_destroy(&in->q, NULL);
	sk_sdk_batch_free(&in->batch);
	free(in);
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
		sk_sdk_err_set(&st->err, "cannot generate a webhook secret");
		return -EIO;
	}
	s = malloc(2 * sizeof(raw) + 1);
	if (!s)
		return -ENOMEM;
	for (i = 0; i < (int)sizeof(raw); i++)
		snprintf(s + 2 * i, 3, "%02x", raw[i]);
	explicit_bzero(raw, sizeof(raw));
	return gh_config_add_secret(&st->cfg, s, st->err.msg, sizeof(st->err.msg));
}

SK_PLUGIN_EXPORT ss_instance_t *plugin_open(ss_plugin_t *s, const char *params, ss_plugin_rc *rc)
{
	gh_state_t *st = s;
	gh_config_t *c = &st->cfg;
	gh_inst_t *in = calloc(1, sizeof(*in));
	char *e = st->err.msg;
	size_t el = sizeof(st->err.msg);
	const char *p = params ? params : "";
	bool need_api = c->nrepos || c->scan_secrets || c->scan_workflows;

	*rc = SS_PLUGIN_FAILURE;
	if (!in) {
		sk_sdk_err_set(&st->err, "out of memory");
		return NULL;
	}
	in->st = st;
	if (strncmp(p, "http://", 7) != 0 && strncmp(p, "https://", 8) != 0) {
		sk_sdk_err_set(&st->err, "open params must be the webhook URL to listen on, "
			"http(s)://ADDR:PORT/PATH (got \"%.200s\")", p);
		goto fail;
	}
	if (c->nrepos && ensure_secret(st) < 0)
		goto fail;
	if (!c->nsecrets) {
		/* checked here, not in init: validating rules needs no secret */
		sk_sdk_err_set(&st->err, "no webhook secret configured: set 'secret', 'secrets' or "
			"'secret_file' (unsigned deliveries are always refused)");
		goto fail;
	}
	if (sk_sdk_batch_init(&in->batch, (uint32_t)c->batch_max_events, 0) < 0 ||
	    sk_sdk_queue_init(&in->q, c->queue_max_events, c->queue_max_bytes) < 0) {
		sk_sdk_err_set(&st->err, "out of memory");
		goto fail;
	}
	in->q_ok = true;
	if (need_api) {
		if (gh_api_init(&in->api, c->api_url, c->token, c->api_timeout_ms,
			    (size_t)c->scan_max_bytes, &st->c) < 0) {
			sk_sdk_err_set(&st->err, "out of memory");
			goto fail;
		}
		in->api_ok = true;
	}
	if (gh_receiver_init(&in->rcv, c, &st->c, &in->q, need_api ? &in->api : NULL,
		    st->have_scan ? &st->scan : NULL) < 0) {
		sk_sdk_err_set(&st->err, "out of memory");
		goto fail;
	}
	in->rcv_ok = true;
	if (gh_http_start(&in->http, c, p, &in->rcv, e, el) < 0)
		goto fail;
	st->last_port = gh_http_port(in->http);
	gh_log(st, SS_PLUGIN_LOG_SEV_INFO, "GitHub webhook listening on port %u (%s%s), %zu "
		"secret(s), scanning: secrets %s, workflows %s", st->last_port,
		strncmp(p, "https", 5) == 0 ? "TLS" : "plain HTTP",
		c->ssl_client_ca ? ", client certificates required" : "", c->nsecrets,
		c->scan_secrets ? "on" : "off", c->scan_workflows ? "on" : "off");
	if (c->nrepos) {
		/* after the server is up: GitHub pings a new hook at once */
		if (gh_hooks_install(&in->api, c->repos, c->nrepos, c->public_url, c->secrets[0],
			    &in->hooks, e, el) < 0) {
			char why[PLUGIN_MAX_ERRLEN];

			snprintf(why, sizeof(why), "%s", e);
			sk_sdk_err_set(&st->err, "cannot install the GitHub webhooks: %s", why);
			goto fail;
		}
		gh_log(st, SS_PLUGIN_LOG_SEV_INFO, "installed %zu webhook(s) posting to %s",
			in->hooks.n, c->public_url);
	}
	st->inst = in;
	*rc = SS_PLUGIN_SUCCESS;
	return in;
fail:
	inst_free(in);
	return NULL;
}

SK_PLUGIN_EXPORT void plugin_close(ss_plugin_t *s, ss_instance_t *h)
{
	gh_state_t *st = s;

	if (st && st->inst == h)
		st->inst = NULL;
	inst_free(h);
}

SK_PLUGIN_EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t *s, ss_instance_t *h, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	gh_state_t *st = s;
	gh_inst_t *in = h;
	sk_sdk_qchain_t items = { 0 };
	sk_sdk_qnode_t *node;
	sk_sdk_qitem_t *it;
	char msg[256];
	uint64_t n;
	int r = 0;

	*nevts = 0;
	*evts = NULL;
	sk_sdk_batch_reset(&in->batch);
	if (in->api_ok && (n = gh_api_last_error(&in->api, msg, sizeof(msg))) > in->api_errs_seen) {
		gh_log(st, SS_PLUGIN_LOG_SEV_WARNING, "GitHub API: %s (%llu failure(s) so far)", msg,
			(unsigned long long)n);
		in->api_errs_seen = n;
	}
	if (sk_sdk_queue_pop(&in->q, &items, st->cfg.batch_max_events,
		    (int)st->cfg.idle_timeout_ms) < 0)
		return SS_PLUGIN_TIMEOUT;
	for (node = items.head; node && r == 0; node = node->next) {
		it = sk_sdk_qitem_of(node);
		r = sk_sdk_batch_add(&in->batch, it->ts, GH_PLUGIN_ID, it->data, it->len);
	}
	sk_sdk_qchain_free(&items, NULL);
	if (r < 0) {
		sk_sdk_err_set(&st->err, "cannot build event batch: %s", strerror(-r));
		return SS_PLUGIN_FAILURE;
	}
	*nevts = in->batch.count;
	*evts = sk_sdk_batch_events(&in->batch);
	gh_count(&st->c, GH_C_EVENTS_EMITTED, in->batch.count);
	return SS_PLUGIN_SUCCESS;
}

SK_PLUGIN_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	gh_state_t *st = s;
	uint32_t i;
	int r;

	gh_extract_begin(&st->ex);
	for (i = 0; i < in->num_fields; i++) {
		r = gh_extract(&st->ex, ev, &in->fields[i]);
		if (r < 0) {
			sk_sdk_err_set(&st->err, "github: cannot extract %s: %s",
				in->fields[i].field ? in->fields[i].field : "?", strerror(-r));
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}

static const char *const metric_names[GH_C_COUNT] = {
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

static void metric(ss_plugin_metric *m, const char *name, ss_plugin_metric_type t, uint64_t v)
{
	m->name = name;
	m->type = t;
	m->value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m->value.u64 = v;
}

SK_PLUGIN_EXPORT ss_plugin_metric *plugin_get_metrics(ss_plugin_t *s, uint32_t *num_metrics)
{
	gh_state_t *st = s;
	ss_plugin_metric *m = st->metrics;
	uint32_t i, n = 0;

	for (i = 0; i < GH_C_COUNT; i++)
		metric(&m[n++], metric_names[i], SS_PLUGIN_METRIC_TYPE_MONOTONIC,
			atomic_load_explicit(&st->c.v[i], memory_order_relaxed));
	for (i = 0; i < GH_HTTP_COUNTERS; i++) {
		snprintf(st->http_names[i], sizeof(st->http_names[i]), "github.http.%s",
			gh_http_counter_name(i));
		metric(&m[n++], st->http_names[i], SS_PLUGIN_METRIC_TYPE_MONOTONIC,
			st->inst ? gh_http_counter(st->inst->http, i) : 0);
	}
	metric(&m[n++], "github.queue.depth", SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC,
		st->inst ? sk_sdk_queue_depth(&st->inst->q) : 0);
	metric(&m[n++], "github.webhook.port", SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC, st->last_port);
	metric(&m[n++], "github.hooks.installed", SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC,
		st->inst ? st->inst->hooks.n : 0);
	metric(&m[n++], "github.extract.parse_errors", SS_PLUGIN_METRIC_TYPE_MONOTONIC,
		st->ex.parse_errors);
	*num_metrics = n;
	return m;
}
