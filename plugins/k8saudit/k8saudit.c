/*
 * k8saudit.c - the k8saudit plugin entry points: config, open/next_batch
 * over the webhook queue or a file source, extraction, metrics.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "k8saudit.h"
#include "ka_fields.h"
#include "ka_file.h"
#include "ka_webhook.h"
#include "sk_plugin_sdk.h"

typedef struct ka_state {
	sk_sdk_err_t err;
	ka_config_t cfg;
	ka_counters_t c;
	ka_extractor_t ex;
	ss_plugin_owner_t *owner;
	ss_plugin_log_fn_t log;
	ss_plugin_metric metrics[KA_C_COUNT + SK_WH_COUNT + SK_WG_COUNT + 5];
	char wh_names[SK_WH_COUNT + SK_WG_COUNT][64];
	unsigned last_port;
	uint64_t last_depth;
	struct ka_inst *inst;   /* the open instance, for metrics */
} ka_state_t;

typedef struct ka_inst {
	ka_state_t *st;
	bool webhook;
	sk_sdk_queue_t q;
	ka_webhook_t *wh;
	ka_file_src_t file;
	sk_sdk_batch_t batch;
	uint64_t file_bad_seen;
	uint64_t file_long_seen;
} ka_inst_t;

static char *g_fields_json;

__attribute__((constructor)) static void ka_load(void)
{
	g_fields_json = ka_fields_json();
}

__attribute__((destructor)) static void ka_unload(void)
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
	return KA_PLUGIN_VERSION;
}

SK_PLUGIN_EXPORT const char *plugin_get_name(void)
{
	return KA_PLUGIN_NAME;
}

SK_PLUGIN_EXPORT const char *plugin_get_description(void)
{
	return "Kubernetes audit events from the kube-apiserver webhook backend or from files";
}

SK_PLUGIN_EXPORT const char *plugin_get_contact(void)
{
	return "saker project";
}

SK_PLUGIN_EXPORT uint32_t plugin_get_id(void)
{
	return KA_PLUGIN_ID;
}

SK_PLUGIN_EXPORT const char *plugin_get_event_source(void)
{
	return KA_EVENT_SOURCE;
}

SK_PLUGIN_EXPORT const char *plugin_get_fields(void)
{
	return g_fields_json ? g_fields_json : "[]";
}

SK_PLUGIN_EXPORT const char *plugin_get_extract_event_sources(void)
{
	return "[\"" KA_EVENT_SOURCE "\"]";
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
	return "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
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
}

SK_PLUGIN_EXPORT const char *plugin_list_open_params(ss_plugin_t *s, ss_plugin_rc *rc)
{
	(void)s;
	*rc = SS_PLUGIN_SUCCESS;
	return "[{\"value\":\"http://:9765/k8s-audit\",\"desc\":\"audit webhook (HTTP)\"},"
	       "{\"value\":\"https://:9765/k8s-audit\",\"desc\":\"audit webhook (TLS)\"},"
	       "{\"value\":\"/var/log/k8s-audit.log\",\"desc\":\"file or directory, read once\"},"
	       "{\"value\":\"file:///var/log/k8s-audit.log\",\"desc\":\"file followed through "
	       "rotation\"}]";
}

static void ka_log(ka_state_t *st, ss_plugin_log_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void ka_log(ka_state_t *st, ss_plugin_log_severity sev, const char *fmt, ...)
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
	char *e = st->err.msg;
	size_t el = sizeof(st->err.msg);
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
	if (c->bearer_token) {
		explicit_bzero(c->bearer_token, strlen(c->bearer_token));
		free(c->bearer_token);
	}
	memset(c, 0, sizeof(*c));
}

SK_PLUGIN_EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	ka_state_t *st = calloc(1, sizeof(*st));

	if (!st) {
		*rc = SS_PLUGIN_FAILURE;
		return NULL;
	}
	ka_extractor_init(&st->ex);
	if (in) {
		st->owner = in->owner;
		st->log = in->log_fn;
	}
	*rc = load_config(st, in ? in->config : NULL) < 0 ? SS_PLUGIN_FAILURE : SS_PLUGIN_SUCCESS;
	return st;
}

SK_PLUGIN_EXPORT void plugin_destroy(ss_plugin_t *s)
{
	ka_state_t *st = s;

	if (!st)
		return;
	ka_extractor_free(&st->ex);
	free_config(&st->cfg);
	free(st);
}

SK_PLUGIN_EXPORT const char *plugin_get_last_error(ss_plugin_t *s)
{
	ka_state_t *st = s;

	return st ? st->err.msg : "k8saudit: no state";
}

static void inst_free(ka_inst_t *in)
{
	if (!in)
		return;
	if (in->webhook) {
		sk_sdk_queue_close(&in->q);
		ka_webhook_stop(in->wh);
		in->wh = NULL;
		sk_sdk_queue_destroy(&in->q, NULL);
	} else {
		ka_file_close(&in->file);
	}
	sk_sdk_batch_free(&in->batch);
	free(in);
}

SK_PLUGIN_EXPORT ss_instance_t *plugin_open(ss_plugin_t *s, const char *params, ss_plugin_rc *rc)
{
	ka_state_t *st = s;
	ka_inst_t *in = calloc(1, sizeof(*in));
	char *e = st->err.msg;
	size_t el = sizeof(st->err.msg);
	const char *p = params ? params : "";
	int r;

	*rc = SS_PLUGIN_FAILURE;
	if (!in) {
		sk_sdk_err_set(&st->err, "out of memory");
		return NULL;
	}
	in->st = st;
	if (sk_sdk_batch_init(&in->batch, (uint32_t)st->cfg.batch_max_events, 0) < 0) {
		sk_sdk_err_set(&st->err, "out of memory");
		goto fail;
	}
	if (strncmp(p, "http://", 7) == 0 || strncmp(p, "https://", 8) == 0) {
		in->webhook = true;
		if (sk_sdk_queue_init(&in->q, st->cfg.queue_max_events, st->cfg.queue_max_bytes) < 0) {
			sk_sdk_err_set(&st->err, "out of memory");
			in->webhook = false;
			goto fail;
		}
		r = ka_webhook_start(&in->wh, &st->cfg, p, &in->q, &st->c, e, el);
		if (r < 0)
			goto fail;
		st->last_port = ka_webhook_port(in->wh);
		ka_log(st, SS_PLUGIN_LOG_SEV_INFO, "audit webhook listening on port %u (%s%s%s)",
			st->last_port, strncmp(p, "https", 5) == 0 ? "TLS" : "plain HTTP",
			st->cfg.ssl_client_ca ? ", client certificates required" : "",
			st->cfg.bearer_token ? ", bearer token required" : "");
	} else if (strncmp(p, "file://", 7) == 0) {
		if (ka_file_open(&in->file, p + 7, true, st->cfg.max_event_size,
			    st->cfg.max_batch_size, st->cfg.file_max_line, e, el) < 0)
			goto fail;
	} else if (strstr(p, "://")) {
		snprintf(e, el, "scheme \"%.*s\" is not supported", (int)(strstr(p, "://") - p), p);
		goto fail;
	} else {
		if (ka_file_open(&in->file, p, false, st->cfg.max_event_size, st->cfg.max_batch_size,
			    st->cfg.file_max_line, e, el) < 0)
			goto fail;
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
	ka_state_t *st = s;

	if (st && st->inst == h)
		st->inst = NULL;
	inst_free(h);
}

static ss_plugin_rc fill_batch(ka_inst_t *in, sk_sdk_qchain_t *ch, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	sk_sdk_qnode_t *node;
	sk_sdk_qitem_t *it;
	int r = 0;

	for (node = ch->head; node && r == 0; node = node->next) {
		it = sk_sdk_qitem_of(node);
		r = sk_sdk_batch_add(&in->batch, it->ts, KA_PLUGIN_ID, it->data, it->len);
	}
	sk_sdk_qchain_free(ch, NULL);
	if (r < 0) {
		sk_sdk_err_set(&in->st->err, "cannot build event batch: %s", strerror(-r));
		return SS_PLUGIN_FAILURE;
	}
	*nevts = in->batch.count;
	*evts = sk_sdk_batch_events(&in->batch);
	ka_count(&in->st->c, KA_C_EVENTS_EMITTED, in->batch.count);
	return SS_PLUGIN_SUCCESS;
}

SK_PLUGIN_EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t *s, ss_instance_t *h, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	ka_state_t *st = s;
	ka_inst_t *in = h;
	sk_sdk_qchain_t ch = { 0 };
	int r;

	*nevts = 0;
	*evts = NULL;
	sk_sdk_batch_reset(&in->batch);
	if (in->webhook) {
		r = sk_sdk_queue_pop(&in->q, &ch, st->cfg.batch_max_events,
			(int)st->cfg.idle_timeout_ms);
		if (r < 0)
			return r == -ENODATA ? SS_PLUGIN_EOF : SS_PLUGIN_TIMEOUT;
		return fill_batch(in, &ch, nevts, evts);
	}
	r = ka_file_read(&in->file, &ch, st->cfg.batch_max_events, st->err.msg, sizeof(st->err.msg));
	if (in->file.bad_documents > in->file_bad_seen) {
		ka_count(&st->c, KA_C_BAD_DOCUMENTS, in->file.bad_documents - in->file_bad_seen);
		in->file_bad_seen = in->file.bad_documents;
		ka_log(st, SS_PLUGIN_LOG_SEV_WARNING, "skipped audit document: %s",
			in->file.last_doc_err);
	}
	if (in->file.long_lines > in->file_long_seen) {
		ka_count(&st->c, KA_C_FILE_LONG_LINES, in->file.long_lines - in->file_long_seen);
		if (in->file.long_lines - in->file_long_seen > 1)
			ka_log(st, SS_PLUGIN_LOG_SEV_WARNING, "%llu over-long lines skipped; last: %s",
				(unsigned long long)(in->file.long_lines - in->file_long_seen),
				in->file.last_line_err);
		else
			ka_log(st, SS_PLUGIN_LOG_SEV_WARNING, "%s", in->file.last_line_err);
		in->file_long_seen = in->file.long_lines;
	}
	if (r < 0) {
		sk_sdk_qchain_free(&ch, NULL);
		return SS_PLUGIN_FAILURE;
	}
	if (ch.n)
		return fill_batch(in, &ch, nevts, evts);
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

SK_PLUGIN_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	ka_state_t *st = s;
	uint32_t i;
	int r;

	ka_extract_begin(&st->ex);
	for (i = 0; i < in->num_fields; i++) {
		r = ka_extract(&st->ex, ev, &in->fields[i]);
		if (r < 0) {
			sk_sdk_err_set(&st->err, "k8saudit: cannot extract %s: %s",
				in->fields[i].field ? in->fields[i].field : "?", strerror(-r));
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}

static const struct {
	const char *name;
	ss_plugin_metric_type type;
} metric_names[KA_C_COUNT] = {
	[KA_C_REQ_OK] = { "k8saudit.webhook.requests_ok", SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_REQ_BAD_JSON] = { "k8saudit.webhook.rejected_malformed_json",
		SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_REQ_NOT_AUDIT] = { "k8saudit.webhook.rejected_not_audit",
		SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_REQ_QUEUE_FULL] = { "k8saudit.webhook.rejected_queue_full",
		SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_EVENTS_QUEUED] = { "k8saudit.events.queued", SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_EVENTS_EMITTED] = { "k8saudit.events.emitted", SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_DROP_TOO_LARGE] = { "k8saudit.events.dropped_too_large",
		SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_DROP_NO_TS] = { "k8saudit.events.dropped_no_timestamp",
		SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_DROP_NOT_EVENT] = { "k8saudit.events.dropped_not_event",
		SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_DROP_QUEUE_FULL] = { "k8saudit.events.dropped_queue_full",
		SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_BAD_DOCUMENTS] = { "k8saudit.file.bad_documents", SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_REQ_DRAINING] = { "k8saudit.webhook.rejected_shutting_down",
		SS_PLUGIN_METRIC_TYPE_MONOTONIC },
	[KA_C_FILE_LONG_LINES] = { "k8saudit.file.skipped_long_lines",
		SS_PLUGIN_METRIC_TYPE_MONOTONIC },
};

SK_PLUGIN_EXPORT ss_plugin_metric *plugin_get_metrics(ss_plugin_t *s, uint32_t *num_metrics)
{
	ka_state_t *st = s;
	uint32_t i, n = 0;
	ss_plugin_metric *m = st->metrics;
	const ka_webhook_t *wh = st->inst && st->inst->webhook ? st->inst->wh : NULL;

	for (i = 0; i < KA_C_COUNT; i++) {
		m[n].name = metric_names[i].name;
		m[n].type = metric_names[i].type;
		m[n].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
		m[n].value.u64 = atomic_load_explicit(&st->c.v[i], memory_order_relaxed);
		n++;
	}
	for (i = 0; i < SK_WH_COUNT + SK_WG_COUNT; i++) {
		snprintf(st->wh_names[i], sizeof(st->wh_names[i]), "k8saudit.webhook.%s",
			i < SK_WH_COUNT ? sk_webhook_counter_name(i) :
			sk_wguard_counter_name(i - SK_WH_COUNT));
		m[n].name = st->wh_names[i];
		m[n].type = SS_PLUGIN_METRIC_TYPE_MONOTONIC;
		m[n].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
		m[n].value.u64 = ka_webhook_counter(wh, &st->c, i);
		n++;
	}
	m[n].name = "k8saudit.webhook.connections";
	m[n].type = SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC;
	m[n].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m[n].value.u64 = ka_webhook_connections(wh);
	n++;
	m[n].name = "k8saudit.webhook.body_budget_used";
	m[n].type = SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC;
	m[n].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m[n].value.u64 = ka_webhook_budget_used(wh);
	n++;
	m[n].name = "k8saudit.queue.depth";
	m[n].type = SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC;
	m[n].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m[n].value.u64 = st->inst && st->inst->webhook ? sk_sdk_queue_depth(&st->inst->q) : 0;
	n++;
	m[n].name = "k8saudit.webhook.port";
	m[n].type = SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC;
	m[n].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m[n].value.u64 = st->last_port;
	n++;
	m[n].name = "k8saudit.extract.parse_errors";
	m[n].type = SS_PLUGIN_METRIC_TYPE_MONOTONIC;
	m[n].value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m[n].value.u64 = st->ex.parse_errors;
	n++;
	*num_metrics = n;
	return m;
}
