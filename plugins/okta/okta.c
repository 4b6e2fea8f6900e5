/*
 * okta.c - the okta plugin: config, open/next_batch over the System Log
 * poller, extraction and metrics as hooks of the SDK's source skeleton
 * (sk_sdk_source.h), plus parse (MFA counters).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "okta.h"
#include "okta_fields.h"
#include "okta_poll.h"
#include "sk_sdk_source.h"

typedef struct ok_state {
	sk_sdk_plugin_t base;
	ok_config_t cfg;
	ok_counters_t c;
	ok_extractor_t ex;
	bool curl_ready;
} ok_state_t;

typedef struct ok_inst {
	sk_sdk_inst_t base;
	ok_poller_t poll;
} ok_inst_t;

SK_PLUGIN_EXPORT const char *plugin_get_parse_event_sources(void)
{
	return plugin_get_extract_event_sources();
}

SK_PLUGIN_EXPORT uint16_t *plugin_get_parse_event_types(uint32_t *numtypes, ss_plugin_t *s)
{
	(void)s;
	return sk_sdk_plugin_event_types(numtypes);
}

static const char init_schema[] =
	"{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
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

/* Every message goes through here: the token is cut out should any text
 * (e.g. a server's error summary) ever echo it. */
static void st_log(void *ud, ss_plugin_log_severity sev, const char *msg)
{
	ok_state_t *st = ud;
	char buf[1024];
	const char *tok = st->cfg.api_token;
	char *hit;
	size_t tl;

	if (!st->base.log)
		return;
	snprintf(buf, sizeof(buf), "%s", msg);
	if (tok && (tl = strlen(tok)) >= 4) {
		while ((hit = strstr(buf, tok)) != NULL) {
			memset(hit, '*', tl);
		}
	}
	sk_sdk_log(&st->base, sev, buf);
}

static int ok_init(sk_sdk_plugin_t *p, const char *config)
{
	ok_state_t *st = (ok_state_t *)p;
	int r;

	p->counters = st->c.v;
	r = sk__ok_config_load(&st->cfg, config, p->err.msg, sizeof(p->err.msg));
	if (r < 0)
		return r;
	p->batch_max = (uint32_t)st->cfg.batch_max_events;
	if (ok_extractor_init(&st->ex, st->cfg.org_label, st->cfg.cache_usermaxsize,
		    st->cfg.cache_maxkeys, st->cfg.cache_expiration) < 0) {
		sk_sdk_err_set(&p->err, "out of memory");
		return -ENOMEM;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		sk_sdk_err_set(&p->err, "libcurl initialisation failed");
		return -EIO;
	}
	st->curl_ready = true;
	return 0;
}

static void ok_destroy(sk_sdk_plugin_t *p)
{
	ok_state_t *st = (ok_state_t *)p;

	ok_extractor_free(&st->ex);
	sk__ok_config_free(&st->cfg);
	if (st->curl_ready)
		curl_global_cleanup();
}

static int ok_open(sk_sdk_plugin_t *p, sk_sdk_inst_t *base, const char *params)
{
	ok_state_t *st = (ok_state_t *)p;
	ok_inst_t *in = (ok_inst_t *)base;
	int r;

	if (strspn(params, " \t\r\n") != strlen(params)) {
		sk_sdk_err_set(&p->err, "the okta plugin takes no open_params (everything is in "
			"init_config); got \"%.64s\"", params);
		return -EINVAL;
	}
	r = sk__ok_poller_open(&in->poll, &st->cfg, &st->c, st_log, st, p->err.msg,
		sizeof(p->err.msg));
	if (r < 0)
		return r;
	sk_sdk_logf(p, SS_PLUGIN_LOG_SEV_INFO, "polling the System Log of '%s' at %s (page_size "
		"%llu, refresh_interval %llu s%s)", st->cfg.org_label, st->cfg.base_url,
		(unsigned long long)st->cfg.page_size, (unsigned long long)st->cfg.refresh_interval,
		st->cfg.checkpoint_file ? ", checkpointed" : "");
	return 0;
}

static void ok_close(sk_sdk_inst_t *base)
{
	sk__ok_poller_close(&((ok_inst_t *)base)->poll);
}

static ss_plugin_rc ok_next_batch(sk_sdk_plugin_t *p, sk_sdk_inst_t *base)
{
	return sk__ok_poller_next(&((ok_inst_t *)base)->poll, &base->batch, p->err.msg,
		sizeof(p->err.msg));
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
		sk_sdk_err_set(&st->base.err, "okta: out of memory recording an MFA event");
		return SS_PLUGIN_FAILURE;
	}
	return SS_PLUGIN_SUCCESS;
}

static const char *const counter_names[OK_C_COUNT] = {
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

static uint32_t ok_metrics(sk_sdk_plugin_t *p, ss_plugin_metric *m)
{
	ok_state_t *st = (ok_state_t *)p;
	const ss_plugin_metric_type gauge = SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC;
	int64_t lag = atomic_load_explicit(&st->c.lag_ms, memory_order_relaxed);

	sk_sdk_metric_u64(&m[0], "okta.lag_ms", gauge, lag > 0 ? (uint64_t)lag : 0);
	sk_sdk_metric_u64(&m[1], "okta.http.rate_limit_remaining", gauge,
		atomic_load_explicit(&st->c.rl_remaining, memory_order_relaxed));
	sk_sdk_metric_u64(&m[2], "okta.mfa.keys_evicted", SS_PLUGIN_METRIC_TYPE_MONOTONIC,
		st->ex.mfa.evicted);
	sk_sdk_metric_u64(&m[3], "okta.extract.parse_errors", SS_PLUGIN_METRIC_TYPE_MONOTONIC,
		st->ex.parse_errors);
	return 4;
}

SK_SDK_EXTRACT_HOOKS(ok, ok_state_t, ex, ok_extract_begin, ok_extract)

SK_SDK_SOURCE_DEFINE(ok, OK,
	.description = "Okta System Log events, polled with the API's next links and resumable "
		"from a checkpoint",
	.init_schema = init_schema,
	.open_params = "[]",
	.nextra = 4);
