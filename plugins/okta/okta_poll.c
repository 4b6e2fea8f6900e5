/* okta_poll.c - hands fetched pages out in batches, checkpoints, lifecycle. */
#include "okta_poll.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "okta_ckpt.h"

static void fmt_time(int64_t ns, char *out, size_t n)
{
	time_t s = (time_t)(ns / 1000000000LL);
	struct tm tm;
	char buf[40];

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

static bool dir_writable(const char *path)
{
	char *d = strdup(path);
	bool ok;

	if (!d)
		return false;
	ok = access(dirname(d), W_OK | X_OK) == 0;
	free(d);
	return ok;
}

/* The checkpoint becomes both the fetcher's start and the resume point the
 * consumer reports until it delivers something new. */
static int load_checkpoint(ok_poller_t *p)
{
	char e[512] = "";
	ok_ckpt_t ck;
	int rc;

	if (!p->cfg->checkpoint_file)
		return 0;
	rc = sk__ok_ckpt_load(p->cfg->checkpoint_file, &ck, e, sizeof(e));
	if (rc == -ENOENT && !dir_writable(p->cfg->checkpoint_file))
		return -EACCES;
	if (rc == -ENOENT) {
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_INFO, "no checkpoint at %s yet: starting from "
			"'since'", p->cfg->checkpoint_file);
		return 0;
	}
	if (rc < 0) {
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_WARNING, "%s: starting from 'since'", e);
		return 0;
	}
	if (strcmp(ck.base_url, p->cfg->base_url) != 0) {
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_WARNING, "checkpoint %s belongs to %s, not %s: "
			"starting from 'since'", p->cfg->checkpoint_file, ck.base_url,
			p->cfg->base_url);
		sk__ok_ckpt_free(&ck);
		return 0;
	}
	free(p->cursor);
	p->cursor = ck.cursor;
	p->resume_skip = ck.delivered;
	p->resume_uuid = ck.last_uuid;
	p->saved_cursor = strdup(ck.cursor);
	p->saved_delivered = ck.delivered;
	ck.cursor = ck.last_uuid = NULL;
	sk__ok_ckpt_free(&ck);
	sk__ok_logf(p, SS_PLUGIN_LOG_SEV_INFO, "resuming the System Log of '%s' from checkpoint %s",
		p->cfg->org_label, p->cfg->checkpoint_file);
	return p->saved_cursor ? 0 : -ENOMEM;
}

static int cond_init_mono(pthread_cond_t *c)
{
	pthread_condattr_t a;
	int rc;

	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	rc = pthread_cond_init(c, &a);
	pthread_condattr_destroy(&a);
	return -rc;
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
	p->seed = (uint32_t)time(NULL) ^ (uint32_t)(uintptr_t)p;
	pthread_mutex_init(&p->mu, NULL);
	if ((rc = cond_init_mono(&p->cv_ready)) < 0 || (rc = cond_init_mono(&p->cv_free)) < 0) {
		sk_sdk_errf(err, errlen, "cannot create the poller: %s", strerror(-rc));
		return rc;
	}
	p->nslots = (size_t)cfg->prefetch_pages + 1;
	p->slots = calloc(p->nslots, sizeof(*p->slots));
	if (!p->slots) {
		sk_sdk_errf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	if ((rc = sk__ok_http_init(&p->http, cfg, err, errlen)) < 0)
		return rc;
	p->http.abort = &p->stop;
	if ((rc = first_cursor(p)) < 0 || (rc = load_checkpoint(p)) < 0) {
		if (rc == -EACCES)
			sk_sdk_errf(err, errlen, "checkpoint_file %s: its directory is missing or not "
				"writable", cfg->checkpoint_file);
		else
			sk_sdk_errf(err, errlen, "out of memory");
		return rc;
	}
	p->next_at_ms = sk__ok_mono_ms();
	rc = -pthread_create(&p->thr, NULL, sk__ok_fetch_main, p);
	if (rc < 0) {
		sk_sdk_errf(err, errlen, "cannot start the fetcher thread: %s", strerror(-rc));
		return rc;
	}
	p->thr_started = true;
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
	if (p->cur) {
		ck.cursor = p->cur->cursor;
		ck.delivered = p->pos;
		if (p->pos) {
			last = &p->cur->page.ev[p->pos - 1];
			uuid = last->uuid ? strndup(last->uuid, last->uuid_n) : strdup("");
			if (!uuid)
				return;
		}
		ck.last_uuid = uuid;
	} else {
		ck.cursor = p->done_cursor;
		ck.delivered = p->done_skip;
		ck.last_uuid = p->done_uuid;
	}
	if (!ck.cursor || (p->saved_cursor && strcmp(p->saved_cursor, ck.cursor) == 0 &&
			   p->saved_delivered == ck.delivered))
		goto out;
	if (sk__ok_ckpt_save(p->cfg->checkpoint_file, &ck, e, sizeof(e)) < 0) {
		ok_count(p->c, OK_C_CKPT_ERRORS, 1);
		sk__ok_logf(p, SS_PLUGIN_LOG_SEV_ERROR, "%s", e);
		goto out;
	}
	ok_count(p->c, OK_C_CKPT_WRITES, 1);
	free(p->saved_cursor);
	p->saved_cursor = strdup(ck.cursor);
	p->saved_delivered = ck.delivered;
out:
	free(uuid);
}

/* The previous batch has been processed. A finished page gives its slot
 * back; the resume point moves past it. Called with mu held. */
static int release_done(ok_poller_t *p)
{
	ok_fpage_t *s = p->cur;
	const ok_evref_t *last;

	if (!s || p->pos < s->page.n)
		return 0;
	free(p->done_cursor);
	free(p->done_uuid);
	p->done_uuid = NULL;
	p->done_skip = 0;
	if (s->next) {
		p->done_cursor = strdup(s->next);
	} else {
		/* no next link: the same request again, this page delivered */
		last = &s->page.ev[s->page.n - 1];
		p->done_cursor = strdup(s->cursor);
		p->done_skip = s->page.n;
		p->done_uuid = last->uuid ? strndup(last->uuid, last->uuid_n) : strdup("");
	}
	p->cur = NULL;
	p->head = (p->head + 1) % p->nslots;
	p->count--;
	pthread_cond_broadcast(&p->cv_free);
	return (!p->done_cursor || (!s->next && !p->done_uuid)) ? -ENOMEM : 0;
}

static void take(ok_poller_t *p)
{
	if (!p->cur && p->count) {
		p->cur = &p->slots[p->head];
		p->pos = p->cur->start;
	}
}

static ss_plugin_rc fill(ok_poller_t *p, sk_sdk_batch_t *b, char *err, size_t errlen)
{
	const ok_fpage_t *s = p->cur;
	const ok_evref_t *ev;
	struct timespec now;
	int64_t wall, ts = 0;
	int rc;

	clock_gettime(CLOCK_REALTIME, &now);
	wall = (int64_t)now.tv_sec * 1000000000LL + now.tv_nsec;
	while (p->pos < s->page.n && !sk_sdk_batch_full(b)) {
		ev = &s->page.ev[p->pos];
		ts = ev->ts;
		if (ts < 0) {
			ts = wall;
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
	atomic_store_explicit(&p->c->lag_ms, (wall - ts) / 1000000, memory_order_relaxed);
	return SS_PLUGIN_SUCCESS;
}

ss_plugin_rc sk__ok_poller_next(ok_poller_t *p, sk_sdk_batch_t *b, char *err, size_t errlen)
{
	struct timespec ts;
	bool done;
	int64_t at;
	int rc;

	pthread_mutex_lock(&p->mu);
	rc = release_done(p);
	take(p);
	pthread_mutex_unlock(&p->mu);
	if (rc < 0) {
		sk_sdk_errf(err, errlen, "out of memory");
		return SS_PLUGIN_FAILURE;
	}
	checkpoint(p);
	if (p->cur)
		return fill(p, b, err, errlen);
	pthread_mutex_lock(&p->mu);
	at = sk__ok_mono_ms() + (int64_t)p->cfg->idle_wait_ms;
	ts.tv_sec = at / 1000;
	ts.tv_nsec = (at % 1000) * 1000000L;
	while (!p->count && !p->fetch_done && !p->fatal &&
	       pthread_cond_timedwait(&p->cv_ready, &p->mu, &ts) == 0)
		;
	take(p);
	rc = p->fatal ? -ENOMEM : 0;
	done = p->fetch_done;
	pthread_mutex_unlock(&p->mu);
	if (rc < 0) {
		sk_sdk_errf(err, errlen, "the System Log fetcher ran out of memory");
		return SS_PLUGIN_FAILURE;
	}
	if (p->cur)
		return fill(p, b, err, errlen);
	return done ? SS_PLUGIN_EOF : SS_PLUGIN_TIMEOUT;
}

void sk__ok_poller_close(ok_poller_t *p)
{
	size_t i;

	if (!p || !p->cfg)
		return;
	atomic_store(&p->stop, true);
	pthread_mutex_lock(&p->mu);
	pthread_cond_broadcast(&p->cv_free);
	pthread_mutex_unlock(&p->mu);
	if (p->thr_started)
		pthread_join(p->thr, NULL);
	if (p->thr_started) {
		if (release_done(p) == 0)
			checkpoint(p);
	}
	sk__ok_http_free(&p->http);
	for (i = 0; p->slots && i < p->nslots; i++) {
		sk__ok_http_resp_free(&p->slots[i].resp);
		sk__ok_page_free(&p->slots[i].page);
		free(p->slots[i].cursor);
		free(p->slots[i].next);
	}
	free(p->slots);
	free(p->cursor);
	free(p->resume_uuid);
	free(p->done_cursor);
	free(p->done_uuid);
	free(p->saved_cursor);
	pthread_cond_destroy(&p->cv_ready);
	pthread_cond_destroy(&p->cv_free);
	pthread_mutex_destroy(&p->mu);
	memset(p, 0, sizeof(*p));
}
