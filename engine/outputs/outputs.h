/*
 * outputs.h - alert sinks driven from the libuv loop: stdout, file,
 * syslog, program (stdin pipe kept open), HTTP POST (libcurl multi on the
 * loop, bounded queue, retries with backoff, drop counters).
 *
 * Threading: every function runs on the loop thread.
 * Ownership: sk_outputs_emit borrows the alert (sinks copy what they keep).
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

/* Flush what is queued (bounded by timeout_ms), then call cb on the loop. */
void sk_outputs_flush(sk_outputs_t *o, uint64_t timeout_ms, void (*cb)(void *ud), void *ud);

/* Close sinks and release; NULL-safe. Call after flush completes. */
void sk_outputs_destroy(sk_outputs_t *o);

/* Render an alert as Falco's JSON alert text (malloc'd, caller frees). */
char *sk_alert_to_json(const sk_alert_t *a, const char *hostname, bool include_output,
	bool include_tags);
/* Render the text line "<time>: <Priority> <output>" (malloc'd). */
char *sk_alert_to_text(const sk_alert_t *a, bool iso8601);

#endif
