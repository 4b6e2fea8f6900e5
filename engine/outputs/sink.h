/*
 * sink.h - internal interface between outputs.c (dispatch, flush,
 * lifetime) and the sink implementations.
 *
 * A sink is created from its config section, receives each rendered
 * alert line (not newline-terminated; line-oriented sinks add "\n"), and
 * reports whether it still holds queued or in-flight work. close() starts
 * an asynchronous close: the sink calls done(ud) once every libuv handle
 * it owns is closed, and the outputs object frees its memory after that.
 * Everything runs on the loop thread.
 */
#ifndef SK_OUTPUTS_SINK_H
#define SK_OUTPUTS_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include <uv.h>

#include "outputs.h"
#include "../util/metrics.h"

typedef struct sk__sink sk__sink_t;

typedef struct sk__sink_ops {
	void (*emit)(sk__sink_t *s, const sk_alert_t *a, const char *line, size_t len);
	bool (*idle)(sk__sink_t *s);
	void (*flush)(sk__sink_t *s); /* push out buffered stdio; optional */
	int (*reopen)(sk__sink_t *s, char *err, size_t errlen); /* optional */
	void (*close)(sk__sink_t *s, void (*done)(void *ud), void *ud);
	uint64_t (*close_bound_ms)(sk__sink_t *s); /* optional: 0 */
} sk__sink_ops_t;

#define SK__DROP_CAUSES 10

typedef struct sk__sink_metrics {
	const char *name;
	sk_metric_t *sent, *failed, *retried, *queue;
	/* dropped_total per cause, registered on first use (or up front with
	 * sk__sink_drop_declare) and cached: drops happen in floods, the
	 * registry lookup takes a lock and walks every metric. */
	struct {
		const char *cause;
		sk_metric_t *m;
	} drops[SK__DROP_CAUSES];
} sk__sink_metrics_t;

struct sk__sink {
	const sk__sink_ops_t *ops;
	sk__sink_metrics_t m;
	sk__sink_t *next;
};

/* Shared settings every sink may need. */
typedef struct sk__out_common {
	uv_loop_t *loop;
	bool json;      /* json_output: body/line is JSON */
	bool buffered;  /* buffered_outputs */
} sk__out_common_t;

void sk__sink_metrics_init(sk__sink_metrics_t *m, const char *name);
/* Count one drop with `cause` (a string literal). */
void sk__sink_drop(sk__sink_metrics_t *m, const char *cause);
/* Register the cause's counter at 0 so it is visible before any drop. */
void sk__sink_drop_declare(sk__sink_metrics_t *m, const char *cause);

/* Constructors: return 0 with *out = NULL when the section is disabled. */
int sk__sink_stdout_new(const sk__out_common_t *c, const json_t *sec, sk__sink_t **out,
	char *err, size_t errlen);
int sk__sink_file_new(const sk__out_common_t *c, const json_t *sec, sk__sink_t **out,
	char *err, size_t errlen);
int sk__sink_syslog_new(const sk__out_common_t *c, const json_t *sec, sk__sink_t **out,
	char *err, size_t errlen);
int sk__sink_program_new(const sk__out_common_t *c, const json_t *sec, sk__sink_t **out,
	char *err, size_t errlen);
int sk__sink_http_new(const sk__out_common_t *c, const json_t *sec, sk__sink_t **out,
	char *err, size_t errlen);

#endif
