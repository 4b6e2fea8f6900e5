/*
 * metrics.h - a process-wide registry of counters and gauges, exposed in
 * Prometheus text format by the web server.
 *
 * A metric is a name plus a label set (already rendered, e.g.
 * `source="syscall",cause="queue_full"`, or "" for none); render label
 * sets that carry names from input (rules, plugins, sources) with
 * sk_metric_labels, which escapes them. Registration takes a lock and
 * scans the registry, and returns a stable pointer that lives until
 * process exit; updating through the pointer is a relaxed atomic and safe
 * from any thread. Register once (at setup, or once per rule and rules
 * load, caching the pointer), update on hot paths.
 */
#ifndef SK_METRICS_H
#define SK_METRICS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct sk_metric sk_metric_t;

typedef enum sk_metric_kind {
	SK_METRIC_COUNTER = 0,
	SK_METRIC_GAUGE = 1,
} sk_metric_kind_t;

/* Find or create. help is used for the first registration of a name.
 * Characters a metric name may not hold (outside [a-zA-Z0-9_:], or a
 * leading digit) are registered as '_'. Returns NULL only on allocation
 * failure. */
sk_metric_t *sk_metric_get(sk_metric_kind_t kind, const char *name, const char *labels,
	const char *help);
#define sk_counter(name, labels, help) sk_metric_get(SK_METRIC_COUNTER, name, labels, help)
#define sk_gauge(name, labels, help) sk_metric_get(SK_METRIC_GAUGE, name, labels, help)

/* Renders a label set into buf: the arguments after cap are key, value
 * pairs ending with a NULL key, written as `key="value"` joined by ','.
 * Values are escaped as the Prometheus text exposition format says
 * (backslash, double quote and newline as \\, \" and \n); a NULL value
 * renders as "". A value that does not fit is cut, never inside an escape,
 * and buf stays a well-formed label set. Returns 0, or -ENOSPC when
 * something was cut. Keys are the caller's constants (not escaped). */
int sk_metric_labels(char *buf, size_t cap, ...) __attribute__((sentinel));

/* The counters several engine modules share, each registered with its one
 * name, help text and label order: saker_drops_total{cause,source} (a NULL
 * source leaves the label out) and saker_plugin_errors_total{source,op}.
 * NULL only on allocation failure, as sk_metric_get. */
sk_metric_t *sk_metric_drops(const char *cause, const char *source);
sk_metric_t *sk_metric_plugin_errors(const char *source, const char *op);

/* NULL-safe. */
void sk_metric_add(sk_metric_t *m, uint64_t n);
void sk_metric_set(sk_metric_t *m, int64_t v);
/* A gauge with a fractional value (rendered with full precision; read back
 * truncated by sk_metric_value). */
void sk_metric_set_double(sk_metric_t *m, double v);
int64_t sk_metric_value(const sk_metric_t *m);

/* A gauge read at exposition time (e.g. a queue depth). fn runs on the
 * thread that renders the metrics; it must be thread-safe. */
sk_metric_t *sk_metric_gauge_fn(const char *name, const char *labels, const char *help,
	int64_t (*fn)(void *ud), void *ud);
/* Remove a callback gauge (before ud is freed). */
void sk_metric_unregister(sk_metric_t *m);

/* Render every metric in Prometheus text exposition format (0.0.4); HELP
 * texts are escaped there (backslash, newline). */
void sk_metrics_render(FILE *out);
/* Value of name{labels} or -1 if absent (for tests). */
int64_t sk_metrics_lookup(const char *name, const char *labels);

#endif
