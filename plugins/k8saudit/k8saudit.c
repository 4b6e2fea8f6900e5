/*
 * k8saudit.c - the k8saudit plugin: config, open/next_batch over the
 * webhook queue or a file source, extraction, metrics, as hooks of the
 * SDK's source skeleton (sk_sdk_source.h), plus saker_drain.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "k8saudit.h"
#include "ka_fields.h"
#include "ka_file.h"
#include "ka_webhook.h"
#include "sk_sdk_source.h"

typedef struct ka_state {
	sk_sdk_plugin_t base;
	ka_config_t cfg;
	ka_counters_t c;
	ka_extractor_t ex;
	char wh_names[SK_WH_COUNT + SK_WG_COUNT][64];
	unsigned last_port;
} ka_state_t;

typedef struct ka_inst {
	sk_sdk_inst_t base;
	bool webhook;
	sk_sdk_queue_t q;
	ka_webhook_t *wh;
	ka_file_src_t file;
	uint64_t file_bad_seen;
	uint64_t file_long_seen;
} ka_inst_t;

static const char init_schema[] =
	"{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
	"\"sslCertificate\":{\"type\":\"string\"},"
	"\"sslKey\":{\"type\":\"string\"},"
	"\"sslClientCA\":{\"type\":\"string\"},"
	"\"webhookBearerTokenFile\":{\"type\":\"string\"},"
	"\"useAsync\":{\"type\":\"boolean\"},"
	"\"maxEventSize\":{\"type\":\"integer\",\"minimum\":1024},"
	"\"webhookMaxBatchSize\":{\"type\":\"integer\",\"minimum\":1024},"
	"\"fileMaxLineSize\":{\"type\":\"integer\",\"minimum\":1024},"
	"\"queueMaxEvents\":{\"type\":\"integer\",\"minimum\":1},"
	"\"queueMaxBytes\":{\"type\":\"integer\",\"minimum\":0},"
	"\"batchMaxEvents\":{\"type\":\"integer\",\"minimum\":1},"
	"\"nextBatchTimeoutMs\":{\"type\":\"integer\",\"minimum\":0},"
	"\"webhookThreads\":{\"type\":\"integer\",\"minimum\":1},"
	"\"webhookMaxConnections\":{\"type\":\"integer\",\"minimum\":1},"
	"\"webhookConnectionTimeoutSec\":{\"type\":\"integer\",\"minimum\":1},"
	"\"webhookMaxConnectionsPerIP\":{\"type\":\"integer\",\"minimum\":1},"
	"\"webhookMaxUnauthenticatedConnections\":{\"type\":\"integer\",\"minimum\":1},"
	"\"webhookHeaderTimeoutMs\":{\"type\":\"integer\",\"minimum\":100},"
	"\"webhookBodyTimeoutMs\":{\"type\":\"integer\",\"minimum\":100},"
	"\"webhookBodyBudget\":{\"type\":\"integer\",\"minimum\":1024},"
	"\"webhookListenBacklog\":{\"type\":\"integer\",\"minimum\":1}}}";

static const char open_params[] =
	"[{\"value\":\"http://:9765/k8s-audit\",\"desc\":\"audit webhook (HTTP)\"},"
	"{\"value\":\"https://:9765/k8s-audit\",\"desc\":\"audit webhook (TLS)\"},"
	"{\"value\":\"/var/log/k8s-audit.log\",\"desc\":\"file or directory, read once\"},"
	"{\"value\":\"file:///var/log/k8s-audit.log\",\"desc\":\"file followed through "
	"rotation\"}]";

static char *read_token(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char buf[4096];
	size_t n;

	if (!f) {
		snprintf(err, errlen, "cannot read webhookBearerTokenFile %s: %s", path,
			strerror(errno));
		return NULL;
	}
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	if (n == 0) {
		snprintf(err, errlen, "webhookBearerTokenFile %s is empty", path);
		return NULL;
	}
	return strdup(buf);
}

static int load_config(ka_state_t *st, const char *text)
{
	static const char *const known[] = { "sslCertificate", "sslKey", "sslClientCA",
		"webhookBearerTokenFile", "useAsync", "maxEventSize", "webhookMaxBatchSize",
		"queueMaxEvents", "queueMaxBytes", "batchMaxEvents", "nextBatchTimeoutMs",
		"webhookThreads", "webhookMaxConnections", "webhookConnectionTimeoutSec",
		"webhookMaxConnectionsPerIP", "webhookMaxUnauthenticatedConnections",
		"webhookHeaderTimeoutMs", "webhookBodyTimeoutMs", "webhookBodyBudget",
		"webhookListenBacklog",
		"fileMaxLineSize", NULL };
	char *e = st->base.err.msg;
	size_t el = sizeof(st->base.err.msg);
	ka_config_t *c = &st->cfg;
	const char *cert, *key, *ca, *tok;
	json_t *j = NULL;
	bool use_async;
	int rc;

	rc = sk_sdk_config_parse(text, &j, e, el);
	if (rc < 0)
		return rc;
	if ((rc = sk_sdk_config_check_keys(j, known, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "maxEventSize", 262144, 1024, UINT32_MAX - 64,
		    &c->max_event_size, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhookMaxBatchSize", 12582912, 1024, 1ULL << 31,
		    &c->max_batch_size, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "fileMaxLineSize", 12582912, 1024, 1ULL << 32,
		    &c->file_max_line, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "queueMaxEvents", 65536, 1, 1ULL << 30,
		    &c->queue_max_events, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "queueMaxBytes", 256ULL << 20, 0, 1ULL << 40,
		    &c->queue_max_bytes, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "batchMaxEvents", 512, 1, 1 << 20,
		    &c->batch_max_events, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "nextBatchTimeoutMs", 50, 0, 1000,
		    &c->idle_timeout_ms, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhookThreads", 2, 1, 64,
		    &c->webhook_threads, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhookMaxConnections", 512, 1, 65536,
		    &c->webhook_max_conns, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhookConnectionTimeoutSec", 30, 1, 3600,
		    &c->webhook_conn_timeout, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhookMaxConnectionsPerIP",
		    c->webhook_max_conns < 64 ? c->webhook_max_conns : 64, 1, 65536,
		    &c->webhook_max_conns_per_ip, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhookMaxUnauthenticatedConnections",
		    c->webhook_max_conns - c->webhook_max_conns / 4, 1, 65536,
		    &c->webhook_max_unauth_conns, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhookHeaderTimeoutMs", 5000, 100, 3600000,
		    &c->webhook_header_timeout_ms, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhookBodyTimeoutMs", 30000, 100, 3600000,
		    &c->webhook_body_timeout_ms, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhookBodyBudget", 64ULL << 20, 1024, 1ULL << 40,
		    &c->body_budget, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhookListenBacklog", 1024, 1, 65535,
		    &c->listen_backlog, e, el)) < 0 ||
	    (rc = sk_sdk_config_bool(j, "useAsync", false, &use_async, e, el)) < 0 ||
	    (rc = sk_sdk_config_string(j, "sslCertificate", NULL, &cert, e, el)) < 0 ||
	    (rc = sk_sdk_config_string(j, "sslKey", NULL, &key, e, el)) < 0 ||
	    (rc = sk_sdk_config_string(j, "sslClientCA", NULL, &ca, e, el)) < 0 ||
	    (rc = sk_sdk_config_string(j, "webhookBearerTokenFile", NULL, &tok, e, el)) < 0)
		goto out;
	/* upstream default; only read when an https:// URL is opened */
	c->ssl_cert = strdup(cert && *cert ? cert : "/etc/falco/falco.pem");
	c->ssl_key = key && *key ? strdup(key) : NULL;
	c->ssl_client_ca = ca && *ca ? strdup(ca) : NULL;
	if (!c->ssl_cert || (key && *key && !c->ssl_key) || (ca && *ca && !c->ssl_client_ca)) {
		rc = -ENOMEM;
		goto out;
	}
	if (tok && *tok && !(c->bearer_token = read_token(tok, e, el))) {
		rc = -EINVAL;
		goto out;
	}
	if (c->max_event_size > c->max_batch_size) {
		snprintf(e, el, "init config key 'maxEventSize' (%llu) must not exceed "
			"'webhookMaxBatchSize' (%llu)", (unsigned long long)c->max_event_size,
			(unsigned long long)c->max_batch_size);
		rc = -EINVAL;
	} else if (c->body_budget < c->max_batch_size) {
		snprintf(e, el, "init config key 'webhookBodyBudget' (%llu) must be at least "
			"'webhookMaxBatchSize' (%llu)", (unsigned long long)c->body_budget,
			(unsigned long long)c->max_batch_size);
		rc = -EINVAL;
	} else if (c->webhook_max_conns_per_ip > c->webhook_max_conns ||
		   c->webhook_max_unauth_conns > c->webhook_max_conns) {
		snprintf(e, el, "init config keys 'webhookMaxConnectionsPerIP' and "
			"'webhookMaxUnauthenticatedConnections' must not exceed "
			"'webhookMaxConnections' (%llu)", (unsigned long long)c->webhook_max_conns);
		rc = -EINVAL;
	}
out:
	json_decref(j);
	return rc;
}

static void free_config(ka_config_t *c)
{
	free(c->ssl_cert);
	free(c->ssl_key);
	free(c->ssl_client_ca);
	sk_sdk_free_secret(c->bearer_token);
	memset(c, 0, sizeof(*c));
}

static int ka_init(sk_sdk_plugin_t *p, const char *config)
{
	ka_state_t *st = (ka_state_t *)p;
	int r;

	ka_extractor_init(&st->ex);
	p->counters = st->c.v;
	r = load_config(st, config);
	p->batch_max = (uint32_t)st->cfg.batch_max_events;
	return r;
}

static void ka_destroy(sk_sdk_plugin_t *p)
{
	ka_state_t *st = (ka_state_t *)p;

	ka_extractor_free(&st->ex);
	free_config(&st->cfg);
}

static void ka_close(sk_sdk_inst_t *base)
{
	ka_inst_t *in = (ka_inst_t *)base;

	if (in->webhook) {
		sk_sdk_queue_close(&in->q);
		ka_webhook_stop(in->wh);
		in->wh = NULL;
		sk_sdk_queue_destroy(&in->q, NULL);
	} else {
		ka_file_close(&in->file);
	}
}

static int ka_open(sk_sdk_plugin_t *p, sk_sdk_inst_t *base, const char *params)
{
	ka_state_t *st = (ka_state_t *)p;
	ka_inst_t *in = (ka_inst_t *)base;
	char *e = p->err.msg;
	size_t el = sizeof(p->err.msg);
	const char *scheme_end = strstr(params, "://");
	int r;

	if (strncmp(params, "http://", 7) == 0 || strncmp(params, "https://", 8) == 0) {
		if (sk_sdk_queue_init(&in->q, st->cfg.queue_max_events, st->cfg.queue_max_bytes) < 0) {
			sk_sdk_err_set(&p->err, "out of memory");
			return -ENOMEM;
		}
		in->webhook = true;
		r = ka_webhook_start(&in->wh, &st->cfg, params, &in->q, &st->c, e, el);
		if (r < 0)
			return r;
		st->last_port = ka_webhook_port(in->wh);
		sk_sdk_logf(p, SS_PLUGIN_LOG_SEV_INFO, "audit webhook listening on port %u (%s%s%s)",
			st->last_port, strncmp(params, "https", 5) == 0 ? "TLS" : "plain HTTP",
			st->cfg.ssl_client_ca ? ", client certificates required" : "",
			st->cfg.bearer_token ? ", bearer token required" : "");
		return 0;
	}
	if (strncmp(params, "file://", 7) == 0)
		return ka_file_open(&in->file, params + 7, true, st->cfg.max_event_size,
			st->cfg.max_batch_size, st->cfg.file_max_line, e, el);
	if (scheme_end) {
		snprintf(e, el, "scheme \"%.*s\" is not supported", (int)(scheme_end - params), params);
		return -EINVAL;
	}
	return ka_file_open(&in->file, params, false, st->cfg.max_event_size, st->cfg.max_batch_size,
		st->cfg.file_max_line, e, el);
}

static ss_plugin_rc fill_batch(ka_state_t *st, ka_inst_t *in, sk_sdk_qchain_t *ch)
{
	sk_sdk_qnode_t *node;
	sk_sdk_qitem_t *it;
	int r = 0;

	for (node = ch->head; node && r == 0; node = node->next) {
		it = sk_sdk_qitem_of(node);
		r = sk_sdk_batch_add(&in->base.batch, it->ts, KA_PLUGIN_ID, it->data, it->len);
	}
	sk_sdk_qchain_free(ch, NULL);
	if (r < 0) {
		sk_sdk_err_set(&st->base.err, "cannot build event batch: %s", strerror(-r));
		return SS_PLUGIN_FAILURE;
	}
	ka_count(&st->c, KA_C_EVENTS_EMITTED, in->base.batch.count);
	return SS_PLUGIN_SUCCESS;
}

/* Counts and logs what the file source skipped since the last call. */
static void file_report(ka_state_t *st, ka_inst_t *in)
{
	const ka_file_src_t *f = &in->file;
	uint64_t longs = f->long_lines - in->file_long_seen;

	if (f->bad_documents > in->file_bad_seen) {
		ka_count(&st->c, KA_C_BAD_DOCUMENTS, f->bad_documents - in->file_bad_seen);
		in->file_bad_seen = f->bad_documents;
		sk_sdk_logf(&st->base, SS_PLUGIN_LOG_SEV_WARNING, "skipped audit document: %s",
			f->last_doc_err);
	}
	if (longs) {
		ka_count(&st->c, KA_C_FILE_LONG_LINES, longs);
		if (longs > 1)
			sk_sdk_logf(&st->base, SS_PLUGIN_LOG_SEV_WARNING,
				"%llu over-long lines skipped; last: %s", (unsigned long long)longs,
				f->last_line_err);
		else
			sk_sdk_logf(&st->base, SS_PLUGIN_LOG_SEV_WARNING, "%s", f->last_line_err);
		in->file_long_seen = f->long_lines;
	}
}

static ss_plugin_rc ka_next_batch(sk_sdk_plugin_t *p, sk_sdk_inst_t *base)
{
	ka_state_t *st = (ka_state_t *)p;
	ka_inst_t *in = (ka_inst_t *)base;
	sk_sdk_qchain_t ch = { 0 };
	int r;

	if (in->webhook) {
		r = sk_sdk_queue_pop(&in->q, &ch, st->cfg.batch_max_events,
			(int)st->cfg.idle_timeout_ms);
		if (r < 0)
			return r == -ENODATA ? SS_PLUGIN_EOF : SS_PLUGIN_TIMEOUT;
		return fill_batch(st, in, &ch);
	}
	r = ka_file_read(&in->file, &ch, st->cfg.batch_max_events, p->err.msg, sizeof(p->err.msg));
	file_report(st, in);
	if (r < 0) {
		sk_sdk_qchain_free(&ch, NULL);
		return SS_PLUGIN_FAILURE;
	}
	if (ch.n)
		return fill_batch(st, in, &ch);
	if (r == 1)
		return SS_PLUGIN_EOF;
	/* follow mode with nothing new: a short pause keeps the host responsive */
	if (st->cfg.idle_timeout_ms) {
		struct timespec ts = { 0, (long)st->cfg.idle_timeout_ms * 1000000L };

		nanosleep(&ts, NULL);
	}
	return SS_PLUGIN_TIMEOUT;
}

/* saker extension (plugin_api.h): the webhook answers 503 from now on and
 * next_batch hands out what was already answered 200, then EOF. A file
 * source is a pull source: it just stops (nothing was acknowledged). */
SK_PLUGIN_EXPORT ss_plugin_rc saker_drain(ss_plugin_t *s, ss_instance_t *h, uint64_t *pending)
{
	ka_inst_t *in = h;

	(void)s;
	*pending = 0;
	if (!in || !in->webhook)
		return SS_PLUGIN_NOT_SUPPORTED;
	sk_sdk_queue_close(&in->q);
	*pending = sk_sdk_queue_depth(&in->q);
	return SS_PLUGIN_SUCCESS;
}

static const char *const counter_names[KA_C_COUNT] = {
	[KA_C_REQ_OK] = "k8saudit.webhook.requests_ok",
	[KA_C_REQ_BAD_JSON] = "k8saudit.webhook.rejected_malformed_json",
	[KA_C_REQ_NOT_AUDIT] = "k8saudit.webhook.rejected_not_audit",
	[KA_C_REQ_QUEUE_FULL] = "k8saudit.webhook.rejected_queue_full",
	[KA_C_EVENTS_QUEUED] = "k8saudit.events.queued",
	[KA_C_EVENTS_EMITTED] = "k8saudit.events.emitted",
	[KA_C_DROP_TOO_LARGE] = "k8saudit.events.dropped_too_large",
	[KA_C_DROP_NO_TS] = "k8saudit.events.dropped_no_timestamp",
	[KA_C_DROP_NOT_EVENT] = "k8saudit.events.dropped_not_event",
	[KA_C_DROP_QUEUE_FULL] = "k8saudit.events.dropped_queue_full",
	[KA_C_BAD_DOCUMENTS] = "k8saudit.file.bad_documents",
	[KA_C_REQ_DRAINING] = "k8saudit.webhook.rejected_shutting_down",
	[KA_C_FILE_LONG_LINES] = "k8saudit.file.skipped_long_lines",
};

#define KA_EXTRA_METRICS (SK_WH_COUNT + SK_WG_COUNT + 5)

static uint32_t ka_metrics(sk_sdk_plugin_t *p, ss_plugin_metric *m)
{
	ka_state_t *st = (ka_state_t *)p;
	ka_inst_t *in = p->inst;
	const ka_webhook_t *wh = in && in->webhook ? in->wh : NULL;
	const ss_plugin_metric_type gauge = SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC;
	uint32_t i, n = 0;

	for (i = 0; i < SK_WH_COUNT + SK_WG_COUNT; i++) {
		snprintf(st->wh_names[i], sizeof(st->wh_names[i]), "k8saudit.webhook.%s",
			i < SK_WH_COUNT ? sk_webhook_counter_name(i) :
			sk_wguard_counter_name(i - SK_WH_COUNT));
		sk_sdk_metric_u64(&m[n++], st->wh_names[i], SS_PLUGIN_METRIC_TYPE_MONOTONIC,
			ka_webhook_counter(wh, &st->c, i));
	}
	sk_sdk_metric_u64(&m[n++], "k8saudit.webhook.connections", gauge,
		ka_webhook_connections(wh));
	sk_sdk_metric_u64(&m[n++], "k8saudit.webhook.body_budget_used", gauge,
		ka_webhook_budget_used(wh));
	sk_sdk_metric_u64(&m[n++], "k8saudit.queue.depth", gauge,
		in && in->webhook ? sk_sdk_queue_depth(&in->q) : 0);
	sk_sdk_metric_u64(&m[n++], "k8saudit.webhook.port", gauge, st->last_port);
	sk_sdk_metric_u64(&m[n++], "k8saudit.extract.parse_errors", SS_PLUGIN_METRIC_TYPE_MONOTONIC,
		st->ex.parse_errors);
	return n;
}

SK_SDK_EXTRACT_HOOKS(ka, ka_state_t, ex, ka_extract_begin, ka_extract)

SK_SDK_SOURCE_DEFINE(ka, KA,
	.description = "Kubernetes audit events from the kube-apiserver webhook backend or from files",
	.init_schema = init_schema,
	.open_params = open_params,
	.nextra = KA_EXTRA_METRICS);
