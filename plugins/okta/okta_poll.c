/* okta_poll.c - the System Log polling state machine. */
#include "okta_poll.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "okta_ckpt.h"

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void logf_(ok_poller_t *p, ss_plugin_log_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void logf_(ok_poller_t *p, ss_plugin_log_severity sev, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	if (!p->log)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	p->log(p->log_ud, sev, msg);
}

static void fmt_time(int64_t ns, char *out, size_t n)
{
	time_t s = (time_t)(ns / 1000000000LL);
	struct tm tm;
	char buf[32];

	gmtime_r(&s, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H%%3A%M%%3A%S", &tm);
	snprintf(out, n, "%s.%03dZ", buf, (int)((ns / 1000000) % 1000));
}

static int first_cursor(ok_poller_t *p)
{
	char since[48], until[64] = "", *sfx;
	int rc;

	fmt_time(p->cfg->since_ns, since, sizeof(since));
	if (p->cfg->until_ns) {
		memcpy(until, "&until=", 7);
		fmt_time(p->cfg->until_ns, until + 7, sizeof(until) - 7);
	}
	if (asprintf(&sfx, "/api/v1/logs?since=%s%s&limit=%llu&sortOrder=ASCENDING", since, until,
		    (unsigned long long)p->cfg->page_size) < 0)
		return -ENOMEM;
	p->cursor = sk__ok_http_base_path(p->cfg, sfx);
	rc = p->cursor ? 0 : -ENOMEM;
	free(sfx);
	return rc;
}

static void load_checkpoint(ok_poller_t *p)
{
	char e[512] = "";
	ok_ckpt_t ck;
	int rc;

	if (!p->cfg->checkpoint_file)
		return;
	rc = sk__ok_ckpt_load(p->cfg->checkpoint_file, &ck, e, sizeof(e));
	if (rc == -ENOENT) {
		logf_(p, SS_PLUGIN_LOG_SEV_INFO, "no checkpoint at %s yet: starting from 'since'",
			p->cfg->checkpoint_file);
		return;
	}
	if (rc < 0) {
		logf_(p, SS_PLUGIN_LOG_SEV_WARNING, "%s: starting from 'since'", e);
		return;
	}
	if (strcmp(ck.base_url, p->cfg->base_url) != 0) {
		logf_(p, SS_PLUGIN_LOG_SEV_WARNING, "checkpoint %s belongs to %s, not %s: starting "
			"from 'since'", p->cfg->checkpoint_file, ck.base_url, p->cfg->base_url);
		sk__ok_ckpt_free(&ck);
		return;
	}
	free(p->cursor);
	p->cursor = ck.cursor;
	p->resume_skip = ck.delivered;
	p->resume_uuid = ck.last_uuid;
	ck.cursor = ck.last_uuid = NULL;
	sk__ok_ckpt_free(&ck);
	logf_(p, SS_PLUGIN_LOG_SEV_INFO, "resuming the System Log of '%s' from checkpoint %s",
		p->cfg->org_label, p->cfg->checkpoint_file);
}

int sk__ok_poller_open(ok_poller_t *p, const ok_config_t *cfg, ok_counters_t *c, ok_log_fn log,
	void *log_ud, char *err, size_t errlen)
{
	int rc;

	memset(p, 0, sizeof(*p));
	p->cfg = cfg;
	p->c = c;
	p->log = log;
	p->log_ud = log_ud;
	p->seed = (uint32_t)wall_ns() ^ (uint32_t)(uintptr_t)p;
	if ((rc = sk__ok_http_init(&p->http, cfg, err, errlen)) < 0)
		return rc;
	if ((rc = first_cursor(p)) < 0) {
		sk_sdk_errf(err, errlen, "out of memory");
		sk__ok_poller_close(p);
		return rc;
	}
	load_checkpoint(p);
	p->next_at_ms = mono_ms();
	return 0;
}

/* Writes the resume point when it moved. */
static void checkpoint(ok_poller_t *p)
{
	char e[512] = "";
	ok_ckpt_t ck = { 0 };
	const ok_evref_t *last;
	char *uuid = NULL;

	if (!p->cfg->checkpoint_file)
		return;
	ck.base_url = p->cfg->base_url;
	ck.cursor = p->cursor;
	if (p->page_active) {
		ck.delivered = p->pos;
		if (p->pos) {
			last = &p->page.ev[p->pos - 1];
			uuid = last->uuid ? strndup(last->uuid, last->uuid_n) : strdup("");
			if (!uuid)
				return;
		}
		ck.last_uuid = uuid;
	} else {
		ck.delivered = p->resume_skip;
		ck.last_uuid = p->resume_uuid;
	}
	if (p->saved_cursor && strcmp(p->saved_cursor, ck.cursor) == 0 &&
	    p->saved_delivered == ck.delivered)
		goto out;
	if (sk__ok_ckpt_save(p->cfg->checkpoint_file, &ck, e, sizeof(e)) < 0) {
		ok_count(p->c, OK_C_CKPT_ERRORS, 1);
		logf_(p, SS_PLUGIN_LOG_SEV_ERROR, "%s", e);
		goto out;
	}
	ok_count(p->c, OK_C_CKPT_WRITES, 1);
	free(p->saved_cursor);
	p->saved_cursor = strdup(ck.cursor);
	p->saved_delivered = ck.delivered;
out:
	free(uuid);
}

static void set_resume(ok_poller_t *p, uint64_t skip, const ok_evref_t *last)
{
	free(p->resume_uuid);
	p->resume_uuid = NULL;
	p->resume_skip = 0;
	if (skip && last) {
		p->resume_uuid = last->uuid ? strndup(last->uuid, last->uuid_n) : strdup("");
		if (p->resume_uuid)
			p->resume_skip = skip;
	}
}

/* The previous batch has been processed: move the stream forward. */
static void commit(ok_poller_t *p)
{
	if (p->page_active && p->pos == p->page.n) {
		p->page_active = false;
		if (p->page_next) {
			free(p->cursor);
			p->cursor = p->page_next;
			p->page_next = NULL;
			set_resume(p, 0, NULL);
		} else if (p->cfg->until_ns) {
			p->eof = true;
		} else if (p->page.n) {
			/* No next link while following: poll the same request again and
			 * skip what was already handed out. */
			set_resume(p, p->page.n, &p->page.ev[p->page.n - 1]);
		}
	}
	checkpoint(p);
}

void sk__ok_poller_close(ok_poller_t *p)
{
	if (!p)
		return;
	if (p->cursor)
		commit(p);
	sk__ok_http_free(&p->http);
	sk__ok_http_resp_free(&p->resp);
	sk__ok_page_free(&p->page);
	free(p->page_next);
	free(p->cursor);
	free(p->resume_uuid);
	free(p->saved_cursor);
	memset(p, 0, sizeof(*p));
}

static uint32_t rnd(ok_poller_t *p)
{
	p->seed = p->seed * 1103515245u + 12345u;
	return p->seed >> 8;
}

/* Exponential backoff with jitter (half fixed, half random). */
static int64_t backoff_ms(ok_poller_t *p)
{
	uint64_t d = p->cfg->backoff_initial_ms;
	unsigned i;

	for (i = 1; i < p->fails && d < p->cfg->backoff_max_ms; i++)
		d *= 2;
	if (d > p->cfg->backoff_max_ms)
		d = p->cfg->backoff_max_ms;
	return (int64_t)(d / 2 + rnd(p) % (d / 2 + 1));
}

static int64_t clamp_ms(const ok_poller_t *p, int64_t ms, int64_t lo)
{
	if (ms < lo)
		ms = lo;
	if (ms > (int64_t)p->cfg->backoff_max_ms)
		ms = (int64_t)p->cfg->backoff_max_ms;
	return ms;
}

/* Milliseconds until X-Rate-Limit-Reset, on the server's clock when it sent
 * a Date header; -1 when there is no reset time. */
static int64_t until_reset_ms(const ok_http_resp_t *r)
{
	int64_t now = r->date ? r->date : wall_ns() / 1000000000LL;

	if (!r->rl_reset)
		return -1;
	return r->rl_reset > now ? (r->rl_reset - now) * 1000 : 0;
}

static void retry_in(ok_poller_t *p, int64_t ms)
{
	p->next_at_ms = mono_ms() + ms;
}

/* Okta error bodies carry an errorSummary; quote it (bounded) when present. */
static const char *summary(ok_poller_t *p, char *buf, size_t n)
{
	sk_sdk_jval_t root, v;
	size_t i, o = 0;

	buf[0] = '\0';
	if (!p->resp.len || sk_sdk_jscan_validate(p->resp.body, p->resp.len, 16, NULL, 0) < 0 ||
	    sk_sdk_jscan_root(p->resp.body, p->resp.len, &root) < 0 ||
	    sk_sdk_jscan_get(&root, "errorSummary", 12, &v) < 0 || v.t != SK_JT_STRING)
		return buf;
	o = (size_t)snprintf(buf, n, " (Okta says: \"");
	for (i = 1; i + 1 < v.n && o + 8 < n; i++)
		buf[o++] = (v.p[i] >= 0x20 && v.p[i] < 0x7f) ? v.p[i] : '?';
	snprintf(buf + o, n - o, "\")");
	return buf;
}

static bool is_pow10(unsigned n)
{
	while (n >= 10 && n % 10 == 0)
		n /= 10;
	return n == 1;
}

static void on_http_error(ok_poller_t *p)
{
	long st = p->resp.status;
	const char *org = p->cfg->org_label;
	char sum[200];
	int64_t ms;

	summary(p, sum, sizeof(sum));
	/* The same refusal again: say it once, then only at 10, 100, ... tries. */
	p->same_errors = st == p->last_status ? p->same_errors + 1 : 1;
	p->last_status = st;
	if ((st == 401 || st == 403 || st == 404) && p->same_errors > 1) {
		ok_count(p->c, st == 404 ? OK_C_NOT_FOUND : OK_C_AUTH_ERRORS, 1);
		ms = (int64_t)p->cfg->auth_retry_ms;
		if (is_pow10(p->same_errors))
			logf_(p, SS_PLUGIN_LOG_SEV_ERROR, "HTTP %ld from the System Log of "
				"organization '%s' again (%u attempts so far); retrying every %lld ms",
				st, org, p->same_errors, (long long)ms);
		retry_in(p, ms);
		return;
	}
	if (st == 429) {
		ok_count(p->c, OK_C_RATE_LIMITED, 1);
		ms = until_reset_ms(&p->resp);
		ms = ms < 0 ? backoff_ms(p) : clamp_ms(p, ms + 100, (int64_t)p->cfg->backoff_initial_ms);
		logf_(p, SS_PLUGIN_LOG_SEV_WARNING, "rate limited by Okta (HTTP 429) on the System "
			"Log of '%s': waiting %lld ms for the rate-limit reset", org, (long long)ms);
	} else if (st == 401 || st == 403) {
		ok_count(p->c, OK_C_AUTH_ERRORS, 1);
		ms = (int64_t)p->cfg->auth_retry_ms;
		logf_(p, SS_PLUGIN_LOG_SEV_ERROR, "HTTP %ld from the System Log of organization "
			"'%s': %s%s; retrying in %lld ms", st, org, st == 401 ?
			"the API token was refused (check api_token, api_token_file or OKTA_API_TOKEN)" :
			"the API token may not read the System Log (it needs the okta.logs.read "
			"permission)", sum, (long long)ms);
	} else if (st == 404) {
		ok_count(p->c, OK_C_NOT_FOUND, 1);
		ms = (int64_t)p->cfg->auth_retry_ms;
		logf_(p, SS_PLUGIN_LOG_SEV_ERROR, "HTTP 404 from %s: no System Log there for "
			"organization '%s' (check organization or base_url)%s; retrying in %lld ms",
			p->cfg->base_url, org, sum, (long long)ms);
	} else if (st >= 500) {
		ok_count(p->c, OK_C_SERVER_ERRORS, 1);
		ms = backoff_ms(p);
		logf_(p, SS_PLUGIN_LOG_SEV_WARNING, "HTTP %ld from the System Log of '%s'%s; "
			"retrying in %lld ms", st, org, sum, (long long)ms);
	} else {
		ok_count(p->c, OK_C_OTHER_STATUS, 1);
		ms = (int64_t)p->cfg->auth_retry_ms;
		logf_(p, SS_PLUGIN_LOG_SEV_ERROR, "unexpected HTTP %ld from the System Log of "
			"'%s'%s; retrying in %lld ms", st, org, sum, (long long)ms);
	}
	retry_in(p, ms);
}

/* Applies a resume point to the freshly fetched page. */
static void apply_resume(ok_poller_t *p)
{
	uint64_t k = p->resume_skip;

	if (!k)
		return;
	if (p->page.n >= k && sk__ok_page_uuid_is(&p->page, (size_t)k - 1, p->resume_uuid)) {
		p->pos = (size_t)k;
		ok_count(p->c, OK_C_SKIPPED_REPLAY, k);
	} else if (p->page.n) {
		logf_(p, SS_PLUGIN_LOG_SEV_WARNING, "resume point not found in the page (%zu events, "
			"%llu expected already delivered): delivering the whole page again; use "
			"okta.uuid to de-duplicate", p->page.n, (unsigned long long)k);
	} else {
		return; /* an empty page: keep the resume point for the next poll */
	}
	set_resume(p, 0, NULL);
}

static void on_page(ok_poller_t *p)
{
	const ok_http_resp_t *r = &p->resp;
	int64_t delay = 0, reset;
	uint64_t fresh;

	p->page_active = true;
	p->pos = 0;
	free(p->page_next);
	p->page_next = r->next ? strdup(r->next) : NULL;
	apply_resume(p);
	fresh = p->page.n - p->pos;
	ok_count(p->c, OK_C_RESP_OK, 1);
	if (!p->page.n)
		ok_count(p->c, OK_C_EMPTY_PAGES, 1);
	if (p->page.not_objects) {
		ok_count(p->c, OK_C_DROP_NOT_OBJECT, p->page.not_objects);
		logf_(p, SS_PLUGIN_LOG_SEV_WARNING, "dropped %llu array elements that are not "
			"objects", (unsigned long long)p->page.not_objects);
	}
	/* A short page means we caught up: wait before asking again. */
	if (fresh == 0 || p->page.n < p->cfg->page_size) {
		delay = (int64_t)p->cfg->refresh_interval * 1000;
		if (delay < (int64_t)p->cfg->idle_wait_ms && fresh == 0)
			delay = (int64_t)p->cfg->idle_wait_ms;
	}
	if (r->has_rl && r->rl_limit && r->rl_remaining * 100 < r->rl_limit *
	    p->cfg->rate_limit_low_pct) {
		reset = until_reset_ms(r);
		if (reset > 0) {
			reset = clamp_ms(p, reset / (int64_t)(r->rl_remaining + 1), 0);
			if (reset > delay) {
				delay = reset;
				ok_count(p->c, OK_C_THROTTLED, 1);
			}
		}
	}
	if (r->has_rl)
		atomic_store_explicit(&p->c->rl_remaining, r->rl_remaining, memory_order_relaxed);
	retry_in(p, delay);
	p->last_status = 0;
	p->same_errors = 0;
	if (p->fails) {
		logf_(p, SS_PLUGIN_LOG_SEV_INFO, "System Log of '%s' reachable again after %u "
			"failed attempt(s)", p->cfg->org_label, p->fails);
		p->fails = 0;
	}
	if (p->pos == p->page.n)
		commit(p);
}

/* One request; on any failure schedules the retry. */
static int fetch(ok_poller_t *p)
{
	char e[256] = "";
	int rc;

	if (p->fails)
		ok_count(p->c, OK_C_RETRIES, 1);
	ok_count(p->c, OK_C_REQUESTS, 1);
	rc = sk__ok_http_get(&p->http, p->cursor, &p->resp);
	if (rc == -ENOMEM)
		return rc;
	ok_count(p->c, OK_C_BYTES, p->resp.len);
	if (rc < 0) {
		p->fails++;
		ok_count(p->c, p->resp.too_large ? OK_C_TOO_LARGE : OK_C_NET_ERRORS, 1);
		retry_in(p, backoff_ms(p));
		logf_(p, SS_PLUGIN_LOG_SEV_WARNING, "request to the System Log of '%s' failed: %s; "
			"retrying in %lld ms", p->cfg->org_label, p->resp.error,
			(long long)(p->next_at_ms - mono_ms()));
		return 0;
	}
	if (p->resp.status != 200) {
		p->fails++;
		on_http_error(p);
		return 0;
	}
	rc = sk__ok_page_decode(&p->page, p->resp.body, p->resp.len, e, sizeof(e));
	if (rc == -ENOMEM)
		return rc;
	if (rc < 0) {
		p->fails++;
		ok_count(p->c, OK_C_BAD_JSON, 1);
		retry_in(p, backoff_ms(p));
		logf_(p, SS_PLUGIN_LOG_SEV_WARNING, "%s System Log response from '%s' "
			"(HTTP 200, %zu bytes): %s; retrying in %lld ms",
			rc == -EAGAIN ? "truncated" : "invalid JSON in the", p->cfg->org_label, p->resp.len, e, (long long)(p->next_at_ms - mono_ms()));
		return 0;
	}
	on_page(p);
	return 0;
}

static ss_plugin_rc fill(ok_poller_t *p, sk_sdk_batch_t *b, char *err, size_t errlen)
{
	const ok_evref_t *ev;
	int64_t now = wall_ns(), ts = 0;
	int rc;

	while (p->pos < p->page.n && !sk_sdk_batch_full(b)) {
		ev = &p->page.ev[p->pos];
		ts = ev->ts;
		if (ts < 0) {
			ts = now;
			ok_count(p->c, OK_C_NO_TIME, 1);
		}
		rc = sk_sdk_batch_add(b, (uint64_t)ts, OK_PLUGIN_ID, ev->p, ev->n);
		if (rc == -ENOSPC)
			break;
		if (rc < 0) {
			sk_sdk_errf(err, errlen, "cannot build the event batch: %s", strerror(-rc));
			return SS_PLUGIN_FAILURE;
		}
		p->pos++;
	}
	ok_count(p->c, OK_C_EVENTS, b->count);
	atomic_store_explicit(&p->c->lag_ms, (now - ts) / 1000000, memory_order_relaxed);
	return SS_PLUGIN_SUCCESS;
}

ss_plugin_rc sk__ok_poller_next(ok_poller_t *p, sk_sdk_batch_t *b, char *err, size_t errlen)
{
	int64_t wait;
	struct timespec ts;

	commit(p);
	if (p->page_active && p->pos < p->page.n)
		return fill(p, b, err, errlen);
	if (p->eof)
		return SS_PLUGIN_EOF;
	wait = p->next_at_ms - mono_ms();
	if (wait > 0) {
		if (wait > (int64_t)p->cfg->idle_wait_ms)
			wait = (int64_t)p->cfg->idle_wait_ms;
		ts.tv_sec = wait / 1000;
		ts.tv_nsec = (wait % 1000) * 1000000L;
		nanosleep(&ts, NULL);
		if (p->next_at_ms > mono_ms())
			return SS_PLUGIN_TIMEOUT;
	}
	if (fetch(p) < 0) {
		sk_sdk_errf(err, errlen, "out of memory");
		return SS_PLUGIN_FAILURE;
	}
	if (p->page_active && p->pos < p->page.n)
		return fill(p, b, err, errlen);
	return p->eof ? SS_PLUGIN_EOF : SS_PLUGIN_TIMEOUT;
}
