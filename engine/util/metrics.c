#include "metrics.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct sk_metric {
	struct sk_metric *next;
	sk_metric_kind_t kind;
	char *name;
	char *labels;
	char *help;
	_Atomic int64_t value;      /* or a double's bits when is_double */
	_Atomic bool is_double;
	int64_t (*fn)(void *ud);
	void *ud;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static sk_metric_t *g_head;
static sk_metric_t **g_tail = &g_head;

static sk_metric_t *find_locked(const char *name, const char *labels)
{
	for (sk_metric_t *m = g_head; m; m = m->next)
		if (strcmp(m->name, name) == 0 && strcmp(m->labels, labels) == 0)
			return m;
	return NULL;
}

static sk_metric_t *add_locked(sk_metric_kind_t kind, const char *name, const char *labels,
	const char *help)
{
	sk_metric_t *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->kind = kind;
	m->name = strdup(name);
	m->labels = strdup(labels ? labels : "");
	m->help = strdup(help ? help : "");
	if (!m->name || !m->labels || !m->help) {
		free(m->name);
		free(m->labels);
		free(m->help);
		free(m);
		return NULL;
	}
	/* Keep same-name metrics adjacent so HELP/TYPE are written once. */
	sk_metric_t **pos = g_tail;
	for (sk_metric_t **p = &g_head; *p; p = &(*p)->next) {
		if (strcmp((*p)->name, name) == 0) {
			while (*p && strcmp((*p)->name, name) == 0)
				p = &(*p)->next;
			pos = p;
			break;
		}
	}
	m->next = *pos;
	*pos = m;
	if (!m->next)
		g_tail = &m->next;
	return m;
}

sk_metric_t *sk_metric_get(sk_metric_kind_t kind, const char *name, const char *labels,
	const char *help)
{
	if (!labels)
		labels = "";
	pthread_mutex_lock(&g_lock);
	sk_metric_t *m = find_locked(name, labels);
	if (!m)
		m = add_locked(kind, name, labels, help);
	pthread_mutex_unlock(&g_lock);
	return m;
}

void sk_metric_add(sk_metric_t *m, uint64_t n)
{
	if (m)
		atomic_fetch_add_explicit(&m->value, (int64_t)n, memory_order_relaxed);
}

void sk_metric_set(sk_metric_t *m, int64_t v)
{
	if (m) {
		atomic_store_explicit(&m->value, v, memory_order_relaxed);
		atomic_store_explicit(&m->is_double, false, memory_order_relaxed);
	}
}

void sk_metric_set_double(sk_metric_t *m, double v)
{
	if (!m)
		return;
	int64_t bits;
	memcpy(&bits, &v, sizeof(bits));
	atomic_store_explicit(&m->value, bits, memory_order_relaxed);
	atomic_store_explicit(&m->is_double, true, memory_order_relaxed);
}

static double as_double(int64_t bits)
{
	double d;
	memcpy(&d, &bits, sizeof(d));
	return d;
}

int64_t sk_metric_value(const sk_metric_t *m)
{
	if (!m)
		return 0;
	if (m->fn)
		return m->fn(m->ud);
	int64_t v = atomic_load_explicit(&m->value, memory_order_relaxed);
	return atomic_load(&m->is_double) ? (int64_t)as_double(v) : v;
}

sk_metric_t *sk_metric_gauge_fn(const char *name, const char *labels, const char *help,
	int64_t (*fn)(void *ud), void *ud)
{
	sk_metric_t *m = sk_metric_get(SK_METRIC_GAUGE, name, labels, help);
	if (m) {
		pthread_mutex_lock(&g_lock);
		m->fn = fn;
		m->ud = ud;
		pthread_mutex_unlock(&g_lock);
	}
	return m;
}

void sk_metric_unregister(sk_metric_t *m)
{
	if (!m)
		return;
	pthread_mutex_lock(&g_lock);
	/* The node stays (pointers to it must remain valid); it reads as 0. */
	m->fn = NULL;
	m->ud = NULL;
	atomic_store(&m->value, 0);
	pthread_mutex_unlock(&g_lock);
}

void sk_metrics_render(FILE *out)
{
	pthread_mutex_lock(&g_lock);
	const char *last = NULL;
	for (sk_metric_t *m = g_head; m; m = m->next) {
		if (!last || strcmp(last, m->name) != 0) {
			if (m->help[0])
				fprintf(out, "# HELP %s %s\n", m->name, m->help);
			fprintf(out, "# TYPE %s %s\n", m->name,
				m->kind == SK_METRIC_COUNTER ? "counter" : "gauge");
			last = m->name;
		}
		int64_t v = m->fn ? m->fn(m->ud) : atomic_load(&m->value);
		bool dbl = !m->fn && atomic_load(&m->is_double);
		fprintf(out, "%s%s%s%s ", m->name, m->labels[0] ? "{" : "", m->labels,
			m->labels[0] ? "}" : "");
		if (dbl)
			fprintf(out, "%.17g\n", as_double(v));
		else
			fprintf(out, "%lld\n", (long long)v);
	}
	pthread_mutex_unlock(&g_lock);
}

int64_t sk_metrics_lookup(const char *name, const char *labels)
{
	pthread_mutex_lock(&g_lock);
	sk_metric_t *m = find_locked(name, labels ? labels : "");
	int64_t v = -1;
	if (m)
		v = m->fn ? m->fn(m->ud) : atomic_load(&m->is_double) ?
			(int64_t)as_double(atomic_load(&m->value)) : atomic_load(&m->value);
	pthread_mutex_unlock(&g_lock);
	return v;
}
