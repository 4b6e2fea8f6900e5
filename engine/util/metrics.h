/*
 * metrics.h - a process-wide registry of counters and gauges, exposed in
 * Prometheus text format by the web server.
 *
 * A metric is a name plus a label set (already rendered, e.g.
 * `source="syscall",cause="queue_full"`, or "" for none). Registration
 * takes a lock and returns a stable pointer that lives until process exit;
 * updating through the pointer is a relaxed atomic and safe from any thread.
 * Register once (at setup), update on hot paths.
 */
#ifndef SK_METRICS_H
#define SK_METRICS_H

#include <stdint.h>
#include <stdio.h>

typedef struct sk_metric sk_metric_t;

typedef enum sk_metric_kind {
	SK_METRIC_COUNTER = 0,
	SK_METRIC_GAUGE = 1,
} sk_metric_kind_t;

/* Find or create. help is used for the first registration of a name.
 * Returns NULL only on allocation failure. */
sk_metric_t *sk_metric_get(sk_metric_kind_t kind, const char *name, const char *labels,
	const char *help);
#define sk_counter(name, labels, help) sk_metric_get(SK_METRIC_COUNTER, name, labels, help)
#define sk_gauge(name, labels, help) sk_metric_get(SK_METRIC_GAUGE, name, labels, help)

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

/* Render every metric in Prometheus text exposition format (0.0.4). */
void sk_metrics_render(FILE *out);
/* Value of name{labels} or -1 if absent (for tests). */
int64_t sk_metrics_lookup(const char *name, const char *labels);

#endif
