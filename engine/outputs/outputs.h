/*
 * outputs.h - alert sinks driven from the libuv loop: stdout, file,
 * syslog, program (stdin pipe kept open), HTTP POST (libcurl multi on the
 * loop, bounded queue, retries with backoff, drop counters).
 *
 * Threading: every function runs on the loop thread, except the pure
 * renderers (sk_alert_to_json*, sk_alert_to_text) which are reentrant.
 * Ownership: sk_outputs_emit borrows the alert (sinks copy what they keep).
 *
 * Config keys (Falco's, plus saker's own marked [saker]):
 *   json_output, json_include_output_property, json_include_tags_property,
 *   json_include_message_property, json_include_output_fields_property,
 *   time_format_iso_8601, buffered_outputs (stdout/file: no fflush per alert)
 *   stdout_output.enabled (default true), syslog_output.enabled (default true:
 *     facility LOG_USER, severity = priority)
 *   file_output.{enabled, keep_alive, filename}; [saker] error_log_interval_ms
 *     (10000): while writing fails, one error line per interval with the
 *     count of failures left out, one info line when writing works again
 *     (every failure counted in saker_outputs_failed_total{output="file"})
 *   program_output.{enabled, keep_alive, program} - the program string comes
 *     only from the config and runs as `/bin/sh -c program`; alerts go to its
 *     stdin, one per line. [saker] max_queue_bytes (keep_alive: pipe backlog
 *     cap, default 4194304), max_running (without keep_alive: concurrent
 *     children cap, default 16), restart_backoff_ms (500),
 *     restart_backoff_max_ms (30000): a keep_alive program that exits is
 *     restarted after a doubling backoff; stop_timeout_ms (2000): at
 *     destroy, programs get EOF on stdin and this long to exit before
 *     SIGTERM goes to their process group (each runs in its own session);
 *     kill_timeout_ms (1000): then this long before SIGKILL. saker exits
 *     only after every child was reaped.
 *   http_output.{enabled, url, user_agent, insecure, ca_cert, ca_bundle,
 *     ca_path, mtls, client_cert, client_key, echo, compress_uploads,
 *     keep_alive (TCP keepalive probes; connections are reused either way),
 *     max_consecutive_timeouts (log an error when reached)}; [saker] headers (mapping
 *     name: value, or list of "Name: value"), max_queue (default 10000
 *     alerts), max_inflight (4), max_retries (5, -1 = unlimited),
 *     retry_backoff_ms (100), retry_backoff_max_ms (10000), timeout_ms
 *     (10000), connect_timeout_ms (5000). HTTP runs on curl multi driven by
 *     the loop; a full queue drops the new alert, a 4xx other than 408/429
 *     drops the alert, other failures retry with doubling backoff.
 *
 * stdout, file and syslog write synchronously, as Falco does (local and
 * fast, but a stdout pipe nobody reads will stall); program and http never
 * block: their backlogs are bounded queues that count what they drop.
 *
 * Metrics (label output="stdout|file|syslog|program|http"):
 *   saker_outputs_sent_total, saker_outputs_failed_total,
 *   saker_outputs_retried_total, saker_outputs_dropped_total{cause=...},
 *   saker_outputs_queue_depth, saker_outputs_program_restarts_total.
 *   Drop causes: queue_full, retries_exhausted, rejected (HTTP 4xx),
 *   shutdown (still queued at destroy), write_error, max_running,
 *   spawn_failed, no_memory; output="all",cause="render_failed".
 *
 * Lifetime: sk_outputs_destroy closes libuv handles; their memory is
 * released by close callbacks, so run the loop (uv_run) after destroy
 * before uv_loop_close. The same holds after a failed sk_outputs_new.
 * Enabling program_output sets SIGPIPE to SIG_IGN (a dead reader must be
 * an EPIPE, not a process kill).
 */
#ifndef SK_OUTPUTS_H
#define SK_OUTPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include <uv.h>

#include "../util/alert.h"

typedef struct sk_outputs sk_outputs_t;

/* cfg is the whole configuration tree (YAML loaded as JSON); outputs read
 * their own keys: json_output, json_include_output_property,
 * json_include_tags_property, time_format_iso_8601, stdout_output,
 * file_output, syslog_output, program_output, http_output, buffered_outputs.
 * Invalid values fail with a message naming the key. */
int sk_outputs_new(uv_loop_t *loop, const json_t *cfg, const char *hostname,
	sk_outputs_t **out, char *err, size_t errlen);

/* Hand an alert to every enabled sink. Never blocks. */
void sk_outputs_emit(sk_outputs_t *o, const sk_alert_t *a);

/* Flush what is queued (bounded by timeout_ms), then call cb on the loop
 * (cb may be NULL), exactly once. Meant for shutdown and reload: alerts
 * emitted meanwhile are still accepted. One flush at a time: a second call
 * before the first completes replaces its callback. cb may destroy o. */
void sk_outputs_flush(sk_outputs_t *o, uint64_t timeout_ms, void (*cb)(void *ud), void *ud);

/* Close sinks and release; NULL-safe. Call after flush completes (a
 * pending flush is cancelled, its cb never called). Alerts still queued
 * are counted as dropped (cause "shutdown"). */
void sk_outputs_destroy(sk_outputs_t *o);

/* Same as destroy, then cb(ud) on the loop once every sink finished
 * closing (program_output children exited or were killed) and o is freed.
 * NULL-safe (cb is then called at once). */
void sk_outputs_close(sk_outputs_t *o, void (*cb)(void *ud), void *ud);
/* Longest time a close may take (program_output's stop_timeout_ms +
 * kill_timeout_ms), for the caller's safety timer. */
uint64_t sk_outputs_close_bound_ms(const sk_outputs_t *o);

/* Reopen file_output (log rotation); the host calls it on SIGUSR1/SIGHUP.
 * Returns 0 or a negative errno (err filled). [additive] */
int sk_outputs_reopen(sk_outputs_t *o, char *err, size_t errlen);

/* Rendering options (Falco's json_include_* keys, time_format_iso_8601). */
typedef struct sk_alert_fmt {
	bool iso8601;
	bool include_output;        /* default true */
	bool include_tags;          /* default true */
	bool include_message;       /* default false */
	bool include_output_fields; /* default true */
	/* static_fields: constant key/values added to every alert's
	 * output_fields (a JSON object, owned by the outputs; may be NULL). */
	const json_t *static_fields;
} sk_alert_fmt_t;
void sk_alert_format_defaults(sk_alert_fmt_t *f); /* [additive] */
/* Falco's JSON alert: compact, keys sorted, `time` as UTC RFC3339 with ns,
 * output_fields gaining the prefix time token (evt.time or
 * evt.time.iso8601, integer ns). malloc'd; NULL on allocation failure.
 * [additive] */
char *sk_alert_to_json_ex(const sk_alert_t *a, const char *hostname, const sk_alert_fmt_t *f);

/* Render an alert as Falco's JSON alert text (malloc'd, caller frees);
 * same as sk_alert_to_json_ex with iso8601 off and the other defaults. */
char *sk_alert_to_json(const sk_alert_t *a, const char *hostname, bool include_output,
	bool include_tags);
/* Render the text line "<time>: <Priority> <output>" (malloc'd). <time> is
 * local HH:MM:SS.nnnnnnnnn, or with iso8601 UTC
 * YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+0000. Control characters in the output
 * are escaped (\n, \t, \uXXXX) so one alert is always one line. */
char *sk_alert_to_text(const sk_alert_t *a, bool iso8601);

#endif
