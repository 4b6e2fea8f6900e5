/* okta_fetch.c - the fetcher thread: requests, rate limits, backoff, paging. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "okta_poll.h"

int64_t sk__ok_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t wall_s(void)
{
	return (int64_t)time(NULL);
}

void sk__ok_logf(ok_poller_t *p, ss_plugin_log_severity sev, const char *fmt, ...)
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
	int64_t now = r->date ? r->date : wall_s();

	if (!r->rl_reset)
		return -1;
	return r->rl_reset > now ? (r->rl_reset - now) * 1000 : 0;
}

static void retry_in(ok_poller_t *p, int64_t ms)
{
	p->next_at_ms = sk__ok_mono_ms() + ms;
}

/* Okta error bodies carry an errorSummary; quote it (bounded) when present. */
static void summary(const ok_http_resp_t *r, char *buf, size_t n)
{
	sk_sdk_jval_t root, v;
	size_t i, o;

	buf[0] = '\0';
	if (!r->body.n || sk_sdk_jscan_validate(r->body.p, r->body.n, 16, NULL, 0) < 0 ||
	    sk_sdk_jscan_root(r->body.p, r->body.n, &root) < 0 ||
	    sk_sdk_jscan_get(&root, "errorSummary", 12, &v) < 0 || v.t != SK_JT_STRING)
		return;
	o = (size_t)snprintf(buf, n, " (Okta says: \"");
	for (i = 1; i + 1 < v.n && o + 8 < n; i++)
		buf[o++] = (v.p[i] >= 0x20 && v.p[i] < 0x7f) ? v.p[i] : '?';
	snprintf(buf + o, n - o, "\")");
}

static bool is_pow10(unsigned n)
{
	while (n >= 10 && n % 10 == 0)
		n /= 10;
	return n == 1;
}

static void on_http_error(ok_poller_t *p, const ok_http_resp_t *r)
{
	long st = r->status;
	const char *org = p->cfg->org_label;
	char sum[200];
	int64_t ms;

	summary(r, sum, sizeof(sum));
	/* The same refusal again: say it once, then only at 10, 100, ... tries. */
	p->same_errors = st == p->last_status ? p->same_errors + 1 : 1;
	p->last_status = st;
	if ((st == 401 || st == 403 || st == 404) && p->same_errors > 1) {
		ok_count(p->c, st == 404 ? OK_C_NOT_FOUND : OK_C_AUTH_ERRORS, 1);
		ms = (int64_t)p->cfg->auth_retry_ms;
		if (is_pow10(p->same_errors))
			sk__ok_logf(p, SS_PLUGIN_LOG_SEV_ERROR, "HTTP %ld from the System Log of "
				"organization '%s' again (%u attempts so far); retrying every %lld ms",
				st, org, p->same_errors, (long long)ms);
		retry_in(p, ms);
		return;
	}
	if (st == 429) {
		ok_count(p->c, OK_C_RATE_LIMITED, 1);
		ms = until_reset_ms(r);
		ms = ms < 0 ? backoff_ms(p) : clamp_ms(p, ms + 100, (int64_t)p->cfg->backoff_initial_ms);
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_WARNING, "rate limited by Okta (HTTP 429) on the "
			"System Log of '%s': waiting %lld ms for the rate-limit reset", org,
			(long long)ms);
	} else if (st == 401 || st == 403) {
		ok_count(p->c, OK_C_AUTH_ERRORS, 1);
		ms = (int64_t)p->cfg->auth_retry_ms;
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_ERROR, "HTTP %ld from the System Log of organization "
			"'%s': %s%s; retrying in %lld ms", st, org, st == 401 ?
			"the API token was refused (check api_token, api_token_file or OKTA_API_TOKEN)" :
			"the API token may not read the System Log (it needs the okta.logs.read "
			"permission)", sum, (long long)ms);
	} else if (st == 404) {
		ok_count(p->c, OK_C_NOT_FOUND, 1);
		ms = (int64_t)p->cfg->auth_retry_ms;
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_ERROR, "HTTP 404 from %s: no System Log there for "
			"organization '%s' (check organization or base_url)%s; retrying in %lld ms",
			p->cfg->base_url, org, sum, (long long)ms);
	} else if (st >= 500) {
		ok_count(p->c, OK_C_SERVER_ERRORS, 1);
		ms = backoff_ms(p);
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_WARNING, "HTTP %ld from the System Log of '%s'%s; "
			"retrying in %lld ms", st, org, sum, (long long)ms);
	} else {
		ok_count(p->c, OK_C_OTHER_STATUS, 1);
		ms = (int64_t)p->cfg->auth_retry_ms;
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_ERROR, "unexpected HTTP %ld from the System Log of "
			"'%s'%s; retrying in %lld ms", st, org, sum, (long long)ms);
	}
	retry_in(p, ms);
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

/* The first event of the page still to deliver, given the resume point. */
static size_t apply_resume(ok_poller_t *p, const ok_page_t *pg)
{
	uint64_t k = p->resume_skip;
	bool same;

	if (!k || !pg->n)
		return 0; /* an empty page keeps the resume point for the next poll */
	same = pg->n >= k && sk__ok_page_uuid_is(pg, (size_t)k - 1, p->resume_uuid);
	set_resume(p, 0, NULL);
	if (same) {
		ok_count(p->c, OK_C_SKIPPED_REPLAY, k);
		return (size_t)k;
	}
	sk__ok_logf(p, SS_PLUGIN_LOG_SEV_WARNING, "resume point not found in the page (%zu events, "
		"%llu expected already delivered): delivering the whole page again; use okta.uuid "
		"to de-duplicate", pg->n, (unsigned long long)k);
	return 0;
}

static int dup_into(char **dst, const char *src)
{
	free(*dst);
	*dst = src ? strdup(src) : NULL;
	return (src && !*dst) ? -ENOMEM : 0;
}

/* Moves the stream past a page: to its next link, or (no link while
 * following) the same request again, skipping what this page delivers. */
static int advance(ok_poller_t *p, const char *next, const ok_page_t *pg, bool *end)
{
	if (next) {
		if (strcmp(next, p->cursor) != 0) {
			if (dup_into(&p->cursor, next) < 0)
				return -ENOMEM;
			set_resume(p, 0, NULL);
		}
	} else if (p->cfg->until_ns) {
		*end = true;
	} else if (pg->n) {
		set_resume(p, pg->n, &pg->ev[pg->n - 1]);
	}
	return 0;
}

/* When to ask again: a short page means we caught up; few requests left
 * in the rate-limit window spread the rest until its reset. */
static void schedule(ok_poller_t *p, const ok_http_resp_t *r, const ok_page_t *pg, size_t fresh)
{
	int64_t delay = 0, reset;

	if (fresh == 0 || pg->n < p->cfg->page_size) {
		delay = (int64_t)p->cfg->refresh_interval * 1000;
		if (delay < (int64_t)p->cfg->idle_wait_ms && fresh == 0)
			delay = (int64_t)p->cfg->idle_wait_ms;
	}
	if (r->has_rl && r->rl_limit &&
	    r->rl_remaining * 100 < r->rl_limit * p->cfg->rate_limit_low_pct) {
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
}

/* One request into slot s. 1 when s holds events to deliver, 0 otherwise
 * (a retry is scheduled, or nothing new), -ENOMEM. *end: a bounded query
 * is complete. */
static int fetch_one(ok_poller_t *p, ok_fpage_t *s, bool *end)
{
	ok_http_resp_t *r = &s->resp;
	const char *next;
	char e[256] = "";
	size_t start;
	int rc;

	*end = false;
	if (p->fails)
		ok_count(p->c, OK_C_RETRIES, 1);
	ok_count(p->c, OK_C_REQUESTS, 1);
	rc = sk__ok_http_get(&p->http, p->cursor, r);
	if (rc == -ENOMEM)
		return rc;
	ok_count(p->c, OK_C_BYTES, r->body.n);
	if (rc < 0) {
		if (atomic_load(&p->stop))
			return 0; /* aborted by close */
		p->fails++;
		ok_count(p->c, r->body.err == -E2BIG ? OK_C_TOO_LARGE : OK_C_NET_ERRORS, 1);
		retry_in(p, backoff_ms(p));
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_WARNING, "request to the System Log of '%s' failed: "
			"%s; retrying in %lld ms", p->cfg->org_label, r->error,
			(long long)(p->next_at_ms - sk__ok_mono_ms()));
		return 0;
	}
	if (r->status != 200) {
		p->fails++;
		on_http_error(p, r);
		return 0;
	}
	rc = sk__ok_page_decode(&s->page, r->body.p, r->body.n, e, sizeof(e));
	if (rc == -ENOMEM)
		return rc;
	if (rc < 0) {
		p->fails++;
		ok_count(p->c, OK_C_BAD_JSON, 1);
		retry_in(p, backoff_ms(p));
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_WARNING, "%s System Log response from '%s' "
			"(HTTP 200, %zu bytes): %s; retrying in %lld ms",
			rc == -EAGAIN ? "truncated" : "invalid JSON in the", p->cfg->org_label, r->body.n, e,
			(long long)(p->next_at_ms - sk__ok_mono_ms()));
		return 0;
	}
	ok_count(p->c, OK_C_RESP_OK, 1);
	if (!s->page.n)
		ok_count(p->c, OK_C_EMPTY_PAGES, 1);
	if (s->page.not_objects) {
		ok_count(p->c, OK_C_DROP_NOT_OBJECT, s->page.not_objects);
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_WARNING, "dropped %llu array elements that are not "
			"objects", (unsigned long long)s->page.not_objects);
	}
	p->last_status = 0;
	p->same_errors = 0;
	if (p->fails) {
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_INFO, "System Log of '%s' reachable again after %u "
			"failed attempt(s)", p->cfg->org_label, p->fails);
		p->fails = 0;
	}
	start = apply_resume(p, &s->page);
	s->start = start;
	/* A page with events pointing back at itself would loop: treat it as a
	 * page without a next link (poll again, skipping what it delivers). */
	next = r->next;
	if (next && s->page.n && strcmp(next, p->cursor) == 0)
		next = NULL;
	if (dup_into(&s->cursor, p->cursor) < 0 || dup_into(&s->next, next) < 0 ||
	    advance(p, next, &s->page, end) < 0)
		return -ENOMEM;
	schedule(p, r, &s->page, s->page.n - start);
	return s->page.n > start;
}

static void wait_until(ok_poller_t *p, int64_t at_ms)
{
	struct timespec ts;

	ts.tv_sec = at_ms / 1000;
	ts.tv_nsec = (at_ms % 1000) * 1000000L;
	pthread_cond_timedwait(&p->cv_free, &p->mu, &ts);
}

void *sk__ok_fetch_main(void *arg)
{
	ok_poller_t *p = arg;
	ok_fpage_t *s;
	bool end = false;
	int rc;

	pthread_mutex_lock(&p->mu);
	while (!atomic_load(&p->stop)) {
		if (p->count == p->nslots) {
			pthread_cond_wait(&p->cv_free, &p->mu);
			continue;
		}
		if (p->next_at_ms > sk__ok_mono_ms()) {
			wait_until(p, p->next_at_ms);
			continue;
		}
		/* The free slot stays free: the host thread only takes slots
		 * below head + count. */
		s = &p->slots[(p->head + p->count) % p->nslots];
		pthread_mutex_unlock(&p->mu);
		rc = fetch_one(p, s, &end);
		pthread_mutex_lock(&p->mu);
		if (rc < 0) {
			p->fatal = true;
			break;
		}
		if (rc > 0)
			p->count++;
		pthread_cond_broadcast(&p->cv_ready);
		if (end) {
			p->fetch_done = true;
			break;
		}
	}
	pthread_cond_broadcast(&p->cv_ready);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}
