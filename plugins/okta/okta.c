/*
 * okta.c - the okta plugin entry points: config, open/next_batch over the
 * System Log poller, parse (MFA counters), extraction, metrics.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "okta.h"
#include "okta_fields.h"
#include "okta_poll.h"
#include "sk_plugin_sdk.h"

typedef struct ok_state {
	sk_sdk_err_t err;
	ok_config_t cfg;
	ok_counters_t c;
	ok_extractor_t ex;
	ss_plugin_owner_t *owner;
	ss_plugin_log_fn_t log;
	ss_plugin_metric metrics[OK_C_COUNT + 4];
	bool curl_ready;
} ok_state_t;

typedef struct ok_inst {
	ok_state_t *st;
	ok_poller_t poll;
	sk_sdk_batch_t batch;
} ok_inst_t;

static char *g_fields_json;

__attribute__((constructor)) static void ok_load(void)
{
	g_fields_json = ok_fields_json();
}

__attribute__((destructor)) static void ok_unload(void)
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
	return OK_PLUGIN_VERSION;
}

SK_PLUGIN_EXPORT const char *plugin_get_name(void)
{
	return OK_PLUGIN_NAME;
}

SK_PLUGIN_EXPORT const char *plugin_get_description(void)
{
	return "Okta System Log events, polled with the API's next links and resumable from a "
	       "checkpoint";
}

SK_PLUGIN_EXPORT const char *plugin_get_contact(void)
{
	return "saker project";
}

SK_PLUGIN_EXPORT uint32_t plugin_get_id(void)
{
	return OK_PLUGIN_ID;
}

SK_PLUGIN_EXPORT const char *plugin_get_event_source(void)
{
	return OK_EVENT_SOURCE;
}

SK_PLUGIN_EXPORT const char *plugin_get_fields(void)
{
	return g_fields_json ? g_fields_json : "[]";
}

SK_PLUGIN_EXPORT const char *plugin_get_extract_event_sources(void)
{
	return "[\"" OK_EVENT_SOURCE "\"]";
}

SK_PLUGIN_EXPORT uint16_t *plugin_get_extract_event_types(uint32_t *numtypes, ss_plugin_t *s)
{
	static uint16_t types[] = { PPME_PLUGINEVENT_E };

	(void)s;
	*numtypes = 1;
	return types;
}

SK_PLUGIN_EXPORT const char *plugin_get_parse_event_sources(void)
{
	return "[\"" OK_EVENT_SOURCE "\"]";
}

SK_PLUGIN_EXPORT uint16_t *plugin_get_parse_event_types(uint32_t *numtypes, ss_plugin_t *s)
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
	       "\"organization\":{\"type\":\"string\"},"
	       "\"api_token\":{\"type\":\"string\"},"
	       "\"api_token_file\":{\"type\":\"string\"},"
	       "\"base_url\":{\"type\":\"string\"},"
	       "\"refresh_interval\":{\"type\":\"integer\",\"minimum\":0},"
	       "\"since\":{\"type\":\"string\"},"
	       "\"until\":{\"type\":\"string\"},"
	       "\"checkpoint_file\":{\"type\":\"string\"},"
	       "\"page_size\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000},"
	       "\"batch_max_events\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"prefetch_pages\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":16},"
	       "\"cache_expiration\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"cache_usermaxsize\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"cache_maxkeys\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"useAsync\":{\"type\":\"boolean\"},"
	       "\"request_timeout_ms\":{\"type\":\"integer\",\"minimum\":100},"
	       "\"connect_timeout_ms\":{\"type\":\"integer\",\"minimum\":100},"
	       "\"backoff_initial_ms\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"backoff_max_ms\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"auth_retry_ms\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"rate_limit_low_pct\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":100},"
	       "\"max_response_bytes\":{\"type\":\"integer\",\"minimum\":4096},"
	       "\"idle_wait_ms\":{\"type\":\"integer\",\"minimum\":1},"
	       "\"ca_file\":{\"type\":\"string\"},"
	       "\"tls_verify\":{\"type\":\"boolean\"}}}";
}

SK_PLUGIN_EXPORT const char *plugin_list_open_params(ss_plugin_t *s, ss_plugin_rc *rc)
{
	(void)s;
	*rc = SS_PLUGIN_SUCCESS;
	return "[]";
}

/* Every message goes through here: the token is cut out should any text
 * (e.g. a server's error summary) ever echo it. */
static void st_log(void *ud, ss_plugin_log_severity sev, const char *msg)
{
	ok_state_t *st = ud;
	char buf[1024];
	const char *tok = st->cfg.api_token;
	char *hit;
	size_t tl;

	if (!st->log)
		return;
	snprintf(buf, sizeof(buf), "%s", msg);
	if (tok && (tl = strlen(tok)) >= 4) {
		while ((hit = strstr(buf, tok)) != NULL) {
			memset(hit, '*', tl);
		}
	}
	st->log(st->owner, NULL, buf, sev);
}

SK_PLUGIN_EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	ok_state_t *st = calloc(1, sizeof(*st));

	*rc = SS_PLUGIN_FAILURE;
	if (!st)
		return NULL;
	if (in) {
		st->owner = in->owner;
		st->log = in->log_fn;
	}
	if (sk__ok_config_load(&st->cfg, in ? in->config : NULL, st->err.msg,
		    sizeof(st->err.msg)) < 0)
		return st;
	if (ok_extractor_init(&st->ex, st->cfg.org_label, st->cfg.cache_usermaxsize,
		    st->cfg.cache_maxkeys, st->cfg.cache_expiration) < 0) {
		sk_sdk_err_set(&st->err, "out of memory");
		return st;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		sk_sdk_err_set(&st->err, "libcurl initialisation failed");
		return st;
	}
	st->curl_ready = true;
	*rc = SS_PLUGIN_SUCCESS;
	return st;
}

SK_PLUGIN_EXPORT void plugin_destroy(ss_plugin_t *s)
{
	ok_state_t *st = s;

	if (!st)
		return;
	ok_extractor_free(&st->ex);
	sk__ok_config_free(&st->cfg);
	if (st->curl_ready)
		curl_global_cleanup();
	free(st);
}

SK_PLUGIN_EXPORT const char *plugin_get_last_error(ss_plugin_t *s)
{
	ok_state_t *st = s;

	return st ? st->err.msg : "okta: no state";
}

SK_PLUGIN_EXPORT ss_instance_t *plugin_open(ss_plugin_t *s, const char *params, ss_plugin_rc *rc)
{
	ok_state_t *st = s;
	ok_inst_t *in;

	*rc = SS_PLUGIN_FAILURE;
	if (params && strspn(params, " \t\r\n") != strlen(params)) {
		sk_sdk_err_set(&st->err, "the okta plugin takes no open_params (everything is in "
			"init_config); got \"%.64s\"", params);
		return NULL;
	}
	in = calloc(1, sizeof(*in));
	if (!in || sk_sdk_batch_init(&in->batch, (uint32_t)st->cfg.batch_max_events, 0) < 0) {
		free(in);
		sk_sdk_err_set(&st->err, "out of memory");
		return NULL;
	}
	in->st = st;
	if (sk__ok_poller_open(&in->poll, &st->cfg, &st->c, st_log, st, st->err.msg,
		    sizeof(st->err.msg)) < 0) {
		sk__ok_poller_close(&in->poll);
		sk_sdk_batch_free(&in->batch);
		free(in);
		return NULL;
	}
	{
		char msg[512];

		snprintf(msg, sizeof(msg), "polling the System Log of '%s' at %s (page_size %llu, "
			"refresh_interval %llu s%s)", st->cfg.org_label, st->cfg.base_url,
			(unsigned long long)st->cfg.page_size,
			(unsigned long long)st->cfg.refresh_interval,
			st->cfg.checkpoint_file ? ", checkpointed" : "");
		st_log(st, SS_PLUGIN_LOG_SEV_INFO, msg);
	}
	*rc = SS_PLUGIN_SUCCESS;
	return in;
}

SK_PLUGIN_EXPORT void plugin_close(ss_plugin_t *s, ss_instance_t *h)
{
	ok_inst_t *in = h;

	(void)s;
	if (!in)
		return;
	sk__ok_poller_close(&in->poll);
	sk_sdk_batch_free(&in->batch);
	free(in);
}

SK_PLUGIN_EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t *s, ss_instance_t *h, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	ok_state_t *st = s;
	ok_inst_t *in = h;
	ss_plugin_rc rc;

	*nevts = 0;
	*evts = NULL;
	sk_sdk_batch_reset(&in->batch);
	rc = sk__ok_poller_next(&in->poll, &in->batch, st->err.msg, sizeof(st->err.msg));
	if (rc == SS_PLUGIN_SUCCESS) {
		*nevts = in->batch.count;
		*evts = sk_sdk_batch_events(&in->batch);
	}
	return rc;
}

SK_PLUGIN_EXPORT ss_plugin_rc plugin_parse_event(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_event_parse_input *in)
{
	ok_state_t *st = s;

	(void)in;
	/* Extraction results of the previous event are no longer in use: the
	 * arena the recording borrows can be recycled. */
	ok_extract_begin(&st->ex);
	if (ok_record_event(&st->ex, ev) < 0) {
		sk_sdk_err_set(&st->err, "okta: out of memory recording an MFA event");
		return SS_PLUGIN_FAILURE;
	}
	return SS_PLUGIN_SUCCESS;
}

SK_PLUGIN_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	ok_state_t *st = s;
	uint32_t i;

	ok_extract_begin(&st->ex);
	for (i = 0; i < in->num_fields; i++) {
		if (ok_extract(&st->ex, ev, &in->fields[i]) < 0) {
			sk_sdk_err_set(&st->err, "okta: cannot extract %s: out of memory",
				in->fields[i].field ? in->fields[i].field : "?");
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}

#define MONO SS_PLUGIN_METRIC_TYPE_MONOTONIC
static const char *const metric_names[OK_C_COUNT] = {
	[OK_C_REQUESTS] = "okta.http.requests",
	[OK_C_RESP_OK] = "okta.http.pages_ok",
	[OK_C_EMPTY_PAGES] = "okta.http.pages_empty",
	[OK_C_RATE_LIMITED] = "okta.http.rate_limited",
	[OK_C_THROTTLED] = "okta.http.throttled",
	[OK_C_SERVER_ERRORS] = "okta.http.server_errors",
	[OK_C_AUTH_ERRORS] = "okta.http.auth_errors",
	[OK_C_NOT_FOUND] = "okta.http.not_found",
	[OK_C_OTHER_STATUS] = "okta.http.other_status",
	[OK_C_NET_ERRORS] = "okta.http.network_errors",
	[OK_C_BAD_JSON] = "okta.http.invalid_json",
	[OK_C_TOO_LARGE] = "okta.http.too_large",
	[OK_C_RETRIES] = "okta.http.retries",
	[OK_C_EVENTS] = "okta.events.emitted",
	[OK_C_NO_TIME] = "okta.events.no_published_time",
	[OK_C_DROP_NOT_OBJECT] = "okta.events.dropped_not_object",
	[OK_C_SKIPPED_REPLAY] = "okta.events.skipped_on_resume",
	[OK_C_CKPT_WRITES] = "okta.checkpoint.writes",
	[OK_C_CKPT_ERRORS] = "okta.checkpoint.errors",
	[OK_C_BYTES] = "okta.http.bytes",
};

static void put_metric(ss_plugin_metric *m, const char *name, ss_plugin_metric_type t, uint64_t v)
{
	m->name = name;
	m->type = t;
	m->value_type = SS_PLUGIN_METRIC_VALUE_TYPE_U64;
	m->value.u64 = v;
}

SK_PLUGIN_EXPORT ss_plugin_metric *plugin_get_metrics(ss_plugin_t *s, uint32_t *num_metrics)
{
	ok_state_t *st = s;
	ss_plugin_metric *m = st->metrics;
	uint32_t i, n = 0;
	int64_t lag;

	for (i = 0; i < OK_C_COUNT; i++)
		put_metric(&m[n++], metric_names[i], MONO,
			atomic_load_explicit(&st->c.v[i], memory_order_relaxed));
	lag = atomic_load_explicit(&st->c.lag_ms, memory_order_relaxed);
	put_metric(&m[n++], "okta.lag_ms", SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC,
		lag > 0 ? (uint64_t)lag : 0);
	put_metric(&m[n++], "okta.http.rate_limit_remaining", SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC,
		atomic_load_explicit(&st->c.rl_remaining, memory_order_relaxed));
	put_metric(&m[n++], "okta.mfa.keys_evicted", MONO, st->ex.mfa.evicted);
	put_metric(&m[n++], "okta.extract.parse_errors", MONO, st->ex.parse_errors);
	*num_metrics = n;
	return m;
}
