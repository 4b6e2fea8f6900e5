/*
 * okta_poll.h - the System Log stream of one open instance.
 *
 * A fetcher thread (okta_fetch.c) follows the rel="next" links from the start
 * point (checkpoint or `since`), waits for rate-limit resets, backs off on
 * errors and keeps up to `prefetch_pages` decoded pages ready, so that
 * network time overlaps rule evaluation. The host's thread (okta_poll.c)
 * hands those pages out in batches and checkpoints what the engine has
 * received.
 *
 * Delivery contract: the events of a batch returned by sk__ok_poller_next
 * are considered processed when the next call comes (or on close); only then
 * does the checkpoint move past them. A crash repeats at most the events of
 * one page, and the uuid check on resume usually repeats none.
 *
 * One next_batch call never waits longer than idle_wait_ms for a page, so the
 * host can stop the source promptly; close aborts a transfer in flight.
 *
 * Ownership: the poller owns its thread, HTTP handle and pages; batch events
 * are copied into the caller's sk_sdk_batch_t.
 * Threading: sk__ok_poller_next/close from one host thread at a time; the
 * fields marked "fetcher" belong to the fetcher thread, "consumer" to the
 * host thread, the rest is guarded by `mu`.
 */
#ifndef OKTA_POLL_H
#define OKTA_POLL_H

#include <pthread.h>
#include <stdatomic.h>

#include "okta.h"
#include "okta_http.h"
#include "okta_page.h"
#include "sk_plugin_sdk.h"

typedef void (*ok_log_fn)(void *ud, ss_plugin_log_severity sev, const char *msg);

/* One fetched page with something to deliver. */
typedef struct ok_fpage {
	ok_http_resp_t resp;   /* owns the body the events point into */
	ok_page_t page;
	char *cursor;          /* the request that fetched it */
	char *next;            /* its rel="next" link, or NULL */
	size_t start;          /* first event to deliver (resume skip applied) */
} ok_fpage_t;

typedef struct ok_poller {
	const ok_config_t *cfg;
	ok_counters_t *c;
	ok_log_fn log;
	void *log_ud;

	pthread_mutex_t mu;
	pthread_cond_t cv_ready;  /* a page became ready, or the fetcher ended */
	pthread_cond_t cv_free;   /* a slot became free, or stop */
	pthread_t thr;
	bool thr_started;
	_Atomic bool stop;
	ok_fpage_t *slots;        /* ring: `count` pages from `head`, in order */
	size_t nslots, head, count;
	bool fetch_done;          /* bounded query finished: no more pages */
	bool fatal;               /* the fetcher ran out of memory */

	/* fetcher */
	ok_http_t http;
	char *cursor;             /* the next request */
	uint64_t resume_skip;     /* events of cursor's page already delivered */
	char *resume_uuid;        /* uuid of the last of them */
	int64_t next_at_ms;       /* monotonic: no request before this */
	unsigned fails;           /* consecutive failed requests */
	long last_status;         /* status of the last refused request */
	unsigned same_errors;     /* consecutive refusals with that status */
	uint32_t seed;

	/* consumer */
	ok_fpage_t *cur;          /* page being handed out (slots[head]) */
	size_t pos;               /* next event of cur to hand out */
	char *done_cursor;        /* resume point after the last finished page */
	uint64_t done_skip;
	char *done_uuid;
	char *saved_cursor;       /* last checkpoint written */
	uint64_t saved_delivered;
} ok_poller_t;

/* Start from the checkpoint (when configured and present for this base_url)
 * or from `since`, and start the fetcher. 0 or -errno with err. */
int sk__ok_poller_open(ok_poller_t *p, const ok_config_t *cfg, ok_counters_t *c, ok_log_fn log,
	void *log_ud, char *err, size_t errlen);
/* Stop the fetcher, commit the last batch (checkpoint) and free everything.
 * Accepts NULL and a poller whose open failed. */
void sk__ok_poller_close(ok_poller_t *p);
/* Fill b (reset by the caller) with the next events: SS_PLUGIN_SUCCESS with
 * events, SS_PLUGIN_TIMEOUT when none are ready yet (waiting, retrying),
 * SS_PLUGIN_EOF at the end of a bounded (`until`) query, SS_PLUGIN_FAILURE
 * only on resource exhaustion (err filled). */
ss_plugin_rc sk__ok_poller_next(ok_poller_t *p, sk_sdk_batch_t *b, char *err, size_t errlen);

/* internal, okta_fetch.c: the fetcher thread and the logging helper */
void *sk__ok_fetch_main(void *arg);
void sk__ok_logf(ok_poller_t *p, ss_plugin_log_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int64_t sk__ok_mono_ms(void);

#endif /* OKTA_POLL_H */
