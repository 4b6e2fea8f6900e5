/*
 * okta_poll.h - the System Log stream of one open instance: follows the
 * rel="next" links from a start point (checkpoint or `since`), hands events
 * out in batches, waits for rate-limit resets, backs off on errors and
 * checkpoints what the engine has received.
 *
 * Delivery contract: the events of a batch returned by sk__ok_poller_next
 * are considered processed when the next call comes (or on close); only then
 * does the checkpoint move past them. A crash repeats at most the events of
 * one page, and the uuid check on resume usually repeats none.
 *
 * Waiting never blocks one call for longer than idle_wait_ms (plus one HTTP
 * request, bounded by request_timeout_ms), so the host can stop the source.
 *
 * Ownership: the poller owns its HTTP handle, response and page; batch
 * events are copied into the caller's sk_sdk_batch_t.
 * Threading: one thread at a time (the host's next_batch contract).
 */
#ifndef OKTA_POLL_H
#define OKTA_POLL_H

#include "okta.h"
#include "okta_http.h"
#include "okta_page.h"
#include "sk_plugin_sdk.h"

typedef void (*ok_log_fn)(void *ud, ss_plugin_log_severity sev, const char *msg);

typedef struct ok_poller {
	const ok_config_t *cfg;
	ok_counters_t *c;
	ok_log_fn log;
	void *log_ud;
	ok_http_t http;
	ok_http_resp_t resp;
	ok_page_t page;
	bool page_active;      /* page fetched and not all handed out */
	char *page_next;       /* its next link (path+query) or NULL */
	size_t pos;            /* next event of the page to hand out */
	char *cursor;          /* request of the current / next page */
	uint64_t resume_skip;  /* events of `cursor`'s page already delivered */
	char *resume_uuid;     /* uuid of the last of them */
	bool eof;              /* bounded query finished */
	int64_t next_at_ms;    /* monotonic: no request before this */
	unsigned fails;        /* consecutive failed requests */
	long last_status;      /* status of the last refused request */
	unsigned same_errors;  /* consecutive refusals with that status */
	uint32_t seed;
	char *saved_cursor;    /* last checkpoint written */
	uint64_t saved_delivered;
	bool ckpt_warned;
} ok_poller_t;

/* Start from the checkpoint (when configured and present for this
 * base_url) or from `since`. 0 or -errno with err. */
int sk__ok_poller_open(ok_poller_t *p, const ok_config_t *cfg, ok_counters_t *c, ok_log_fn log,
	void *log_ud, char *err, size_t errlen);
/* Commit the last batch (checkpoint) and free everything. Accepts NULL. */
void sk__ok_poller_close(ok_poller_t *p);
/* Fill b (reset by the caller) with the next events: SS_PLUGIN_SUCCESS with
 * events, SS_PLUGIN_TIMEOUT when none are ready yet (waiting, retrying),
 * SS_PLUGIN_EOF at the end of a bounded (`until`) query, SS_PLUGIN_FAILURE
 * only on resource exhaustion (err filled). */
ss_plugin_rc sk__ok_poller_next(ok_poller_t *p, sk_sdk_batch_t *b, char *err, size_t errlen);

#endif /* OKTA_POLL_H */
