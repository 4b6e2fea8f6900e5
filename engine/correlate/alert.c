/* alert.c - a completed correlation as an alert: output text from the
 * %steps[i].field / %key[j] template, output_fields, and the "steps" array
 * naming every contributing event. */
#include "state.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct sbuf {
	char *s;
	size_t n, cap;
	bool oom;
} sbuf_t;

static void put(sbuf_t *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t nc = b->cap ? b->cap : 128;
		while (nc < b->n + n + 1)
			nc *= 2;
		char *p = realloc(b->s, nc);
		if (!p) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = nc;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

/* Text of a captured value as a rule output would print it. */
static void put_value(sbuf_t *b, const json_t *v)
{
	char num[64];
	if (json_is_string(v)) {
		put(b, json_string_value(v), json_string_length(v));
	} else if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		put(b, num, strlen(num));
	} else if (json_is_real(v)) {
		snprintf(num, sizeof(num), "%g", json_real_value(v));
		put(b, num, strlen(num));
	} else if (json_is_boolean(v)) {
		put(b, json_is_true(v) ? "true" : "false", json_is_true(v) ? 4 : 5);
	} else if (v && !json_is_null(v)) {
		char *t = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		if (t)
			put(b, t, strlen(t));
		free(t);
	} else {
		put(b, "<NA>", 4);
	}
}

/* Position j of a 0x1f-joined key. */
static const char *key_part(const char *key, uint32_t j, size_t *len)
{
	const char *p = key;
	for (uint32_t i = 0; i < j && p; i++) {
		p = strchr(p, SK_HIT_KEY_SEP);
		if (p)
			p++;
	}
	if (!p) {
		*len = 0;
		return "";
	}
	const char *e = strchr(p, SK_HIT_KEY_SEP);
	*len = e ? (size_t)(e - p) : strlen(p);
	return p;
}

static json_t *iso_time(uint64_t ns)
{
	char base[40], ts[64];
	time_t sec = (time_t)(ns / 1000000000ull);
	struct tm tm;
	gmtime_r(&sec, &tm);
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(ts, sizeof(ts), "%s.%09luZ", base, (unsigned long)(ns % 1000000000ull));
	return json_string(ts);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

sk_alert_t *cs_build_alert(const sk_corr_def_t *d, const char *key, cs_cap_t *const *caps,
	size_t ncaps, uint64_t ts, uint64_t count)
{
	sk_alert_t *a = calloc(1, sizeof(*a));
	json_t **obj = calloc(ncaps ? ncaps : 1, sizeof(*obj));
	sbuf_t b = { 0 };
	if (!a || !obj)
		goto fail;
	for (size_t i = 0; i < ncaps; i++)
		obj[i] = caps[i] ? json_loads(caps[i]->fields, 0, NULL) : NULL;
	a->ts_ns = ts;
	a->priority = d->priority;
	a->rule = strdup(d->name);
	a->source = strdup("correlation");
	a->output_fields = json_object();
	a->steps = json_array();
	if (!a->rule || !a->source || !a->output_fields || !a->steps)
		goto fail;
	for (size_t i = 0; i < d->ntok; i++) {
		const sk_corr_tok_t *t = &d->tok[i];
		if (t->kind == SK_CTOK_TEXT) {
			put(&b, t->text, strlen(t->text));
		} else if (t->kind == SK_CTOK_KEY) {
			size_t l;
			const char *p = key_part(key, t->key, &l);
			put(&b, p, l);
			json_object_set_new(a->output_fields, t->text, json_stringn(p, l));
		} else {
			/* count/distinct keep the event that reached the threshold */
			size_t si = t->step < ncaps ? t->step : 0;
			const json_t *v = obj[si] ? json_object_get(obj[si], t->field) : NULL;
			put_value(&b, v);
			json_object_set_new(a->output_fields, t->text,
				v ? json_deep_copy(v) : json_null());
		}
	}
	if (d->kind == SK_CORR_COUNT || d->kind == SK_CORR_DISTINCT)
		json_object_set_new(a->output_fields,
			d->kind == SK_CORR_COUNT ? "correlation.count" : "correlation.distinct",
			json_integer((json_int_t)count));
	if (b.oom || !(a->output = b.s ? b.s : strdup("")))
		goto fail;
	b.s = NULL;
	for (size_t i = 0; i < ncaps; i++) {
		if (!caps[i])
			continue;
		json_t *e = json_object();
		if (!e || json_array_append_new(a->steps, e))
			goto fail;
		json_object_set_new(e, "time", iso_time(caps[i]->ts));
		json_object_set_new(e, "source", json_string(caps[i]->source));
		json_object_set_new(e, "rule", json_string(caps[i]->rule));
		json_object_set_new(e, "fields", obj[i] ? json_incref(obj[i]) : json_object());
	}
	if (d->ntags) {
		a->tags = calloc(d->ntags, sizeof(char *));
		if (!a->tags)
			goto fail;
		for (size_t i = 0; i < d->ntags; i++, a->ntags++)
			if (!(a->tags[i] = strdup(d->tags[i])))
				goto fail;
		qsort(a->tags, a->ntags, sizeof(char *), cmp_str);
	}
	for (size_t i = 0; i < ncaps; i++)
		json_decref(obj[i]);
	free(obj);
	return a;
fail:
	for (size_t i = 0; obj && i < ncaps; i++)
		json_decref(obj[i]);
	free(obj);
	free(b.s);
	sk_alert_free(a);
	return NULL;
}
