#include "metrics.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
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

static bool name_char_ok(char ch, bool first)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == ':' ||
		(!first && ch >= '0' && ch <= '9');
}

/* A copy of name that the exposition format accepts, or NULL (ENOMEM). */
static char *valid_name(const char *name)
{
	char *v = strdup(name && name[0] ? name : "_");
	if (!v)
		return NULL;
	for (char *p = v; *p; p++)
		if (!name_char_ok(*p, p == v))
			*p = '_';
	return v;
}

sk_metric_t *sk_metric_get(sk_metric_kind_t kind, const char *name, const char *labels,
	const char *help)
{
	if (!labels)
		labels = "";
	char *vname = valid_name(name);
	if (!vname)
		return NULL;
	pthread_mutex_lock(&g_lock);
	sk_metric_t *m = find_locked(vname, labels);
	if (!m)
		m = add_locked(kind, vname, labels, help);
	pthread_mutex_unlock(&g_lock);
	free(vname);
	return m;
}

/* The escape letter of ch inside a label value, or 0 when it goes as is. */
static char label_escape(char ch)
{
	switch (ch) {
	case '\\': return '\\';
	case '"': return '"';
	case '\n': return 'n';
	default: return 0;
	}
}

int sk_metric_labels(char *buf, size_t cap, ...)
{
	if (cap == 0)
		return -ENOSPC;
	buf[0] = 0;
	size_t o = 0;
	int rc = 0;
	va_list ap;
	va_start(ap, cap);
	for (const char *k; !rc && (k = va_arg(ap, const char *));) {
		const char *v = va_arg(ap, const char *);
		size_t kl = strlen(k);
		/* separator, key, '=', two quotes and the NUL */
		if (o + (o ? 1 : 0) + kl + 4 > cap) {
			rc = -ENOSPC;
			break;
		}
		if (o)
			buf[o++] = ',';
		memcpy(buf + o, k, kl);
		o += kl;
		buf[o++] = '=';
		buf[o++] = '"';
		for (const char *p = v ? v : ""; *p; p++) {
			char esc = label_escape(*p);
			/* the character, then room for the closing quote and the NUL */
			if (o + (esc ? 2 : 1) + 2 > cap) {
				rc = -ENOSPC;
				break;
			}
			if (esc) {
				buf[o++] = '\\';
				buf[o++] = esc;
			} else {
				buf[o++] = *p;
			}
		}
		buf[o++] = '"';
		buf[o] = 0;
	}
	va_end(ap);
	return rc;
}

sk_metric_t *sk_metric_drops(const char *cause, const char *source)
{
	char labels[512];

	if (source)
		sk_metric_labels(labels, sizeof(labels), "cause", cause, "source", source, NULL);
	else
		sk_metric_labels(labels, sizeof(labels), "cause", cause, NULL);
	return sk_counter("saker_drops_total", labels, "Events or alerts dropped, by cause");
}

sk_metric_t *sk_metric_plugin_errors(const char *source, const char *op)
{
	char labels[512];

	sk_metric_labels(labels, sizeof(labels), "source", source, "op", op, NULL);
	return sk_counter("saker_plugin_errors_total", labels,
		"Plugin calls that failed, by source and operation");
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

/* HELP text: backslash and newline escaped (quotes go as they are). */
static void put_help(FILE *out, const char *help)
{
	for (const char *p = help; *p; p++) {
		if (*p == '\\')
			fputs("\\\\", out);
		else if (*p == '\n')
			fputs("\\n", out);
		else
			fputc(*p, out);
	}
}

void sk_metrics_render(FILE *out)
{
	pthread_mutex_lock(&g_lock);
	const char *last = NULL;
	for (sk_metric_t *m = g_head; m; m = m->next) {
		if (!last || strcmp(last, m->name) != 0) {
			if (m->help[0]) {
				fprintf(out, "# HELP %s ", m->name);
				put_help(out, m->help);
				fputc('\n', out);
			}
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
