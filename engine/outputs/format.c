/* Falco's alert renderings: the text line and the JSON object. */
#include "outputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Copy s, replacing every invalid UTF-8 sequence with U+FFFD: jansson
 * refuses invalid UTF-8 and event data (file names, command lines) is not
 * guaranteed to be valid. */
static char *utf8_clean(const char *s)
{
	if (!s)
		s = "";
	size_t n = strlen(s);
	char *o = malloc(n * 3 + 1);
	if (!o)
		return NULL;
	const unsigned char *p = (const unsigned char *)s;
	size_t j = 0;
	while (*p) {
		unsigned c = *p;
		size_t len = 0;
		unsigned min = 0, cp;
		if (c < 0x80) {
			o[j++] = (char)c;
			p++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			len = 2, cp = c & 0x1f, min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			len = 3, cp = c & 0x0f, min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			len = 4, cp = c & 0x07, min = 0x10000;
		} else {
			goto bad;
		}
		for (size_t k = 1; k < len; k++) {
			if ((p[k] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (p[k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto bad;
		memcpy(o + j, p, len);
		j += len;
		p += len;
		continue;
bad:
		memcpy(o + j, "\xef\xbf\xbd", 3);
		j += 3;
		p++;
	}
	o[j] = '\0';
	return o;
}

static void fmt_time(uint64_t ts_ns, bool iso8601, char *buf, size_t len)
{
	time_t sec = (time_t)(ts_ns / 1000000000ull);
	unsigned long ns = (unsigned long)(ts_ns % 1000000000ull);
	struct tm tm;
	char base[64];
	if (iso8601) {
		gmtime_r(&sec, &tm);
		strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
		snprintf(buf, len, "%s.%09lu+0000", base, ns);
	} else {
		/* %evt.time: local time of day. */
		localtime_r(&sec, &tm);
		strftime(base, sizeof(base), "%H:%M:%S", &tm);
		snprintf(buf, len, "%s.%09lu", base, ns);
	}
}

void sk_alert_format_defaults(sk_alert_fmt_t *f)
{
	f->iso8601 = false;
	f->include_output = true;
	f->include_tags = true;
	f->include_message = false;
	f->include_output_fields = true;
	f->static_fields = NULL;
}

char *sk_alert_to_text(const sk_alert_t *a, bool iso8601)
{
	char ts[96];
	fmt_time(a->ts_ns, iso8601, ts, sizeof(ts));
	const char *msg = a->output ? a->output : "";
	/* Control characters in event data would let an attacker forge extra
	 * alert lines in line-oriented sinks: escape them as JSON does. */
	size_t n = strlen(msg);
	char *out = malloc(strlen(ts) + 32 + n * 6 + 1);
	if (!out)
		return NULL;
	int k = sprintf(out, "%s: %s ", ts, sk_priority_name(a->priority));
	char *w = out + k;
	for (const unsigned char *p = (const unsigned char *)msg; *p; p++) {
		switch (*p) {
		case '\n': w += sprintf(w, "\\n"); break;
		case '\r': w += sprintf(w, "\\r"); break;
		case '\t': w += sprintf(w, "\\t"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				w += sprintf(w, "\\u%04x", *p);
			else
				*w++ = (char)*p;
		}
	}
	*w = '\0';
	return out;
}

static int set_str(json_t *obj, const char *key, const char *val)
{
	char *c = utf8_clean(val);
	if (!c)
		return -1;
	int rc = json_object_set_new(obj, key, json_string(c));
	free(c);
	return rc;
}

char *sk_alert_to_json_ex(const sk_alert_t *a, const char *hostname, const sk_alert_fmt_t *f)
{
	char *res = NULL, *line = NULL;
	json_t *obj = json_object();
	if (!obj)
		return NULL;
	char ts[64];
	time_t sec = (time_t)(a->ts_ns / 1000000000ull);
	struct tm tm;
	gmtime_r(&sec, &tm);
	char base[40];
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(ts, sizeof(ts), "%s.%09luZ", base, (unsigned long)(a->ts_ns % 1000000000ull));

	if (set_str(obj, "hostname", hostname ? hostname : "") ||
	    set_str(obj, "priority", sk_priority_name(a->priority)) ||
	    set_str(obj, "rule", a->rule) || set_str(obj, "source", a->source) ||
	    set_str(obj, "time", ts))
		goto out;
	if (f->include_output) {
		line = sk_alert_to_text(a, f->iso8601);
		if (!line || set_str(obj, "output", line))
			goto out;
	}
	if (f->include_message && set_str(obj, "message", a->output))
		goto out;
	if (f->include_output_fields) {
		json_t *fields = json_is_object(a->output_fields) ? json_deep_copy(a->output_fields)
								  : json_object();
		if (!fields)
			goto out;
		/* The prefix %evt.time / %evt.time.iso8601 is a token of Falco's
		 * full format, so it is an output field (integer ns). */
		json_object_set_new(fields, f->iso8601 ? "evt.time.iso8601" : "evt.time",
			json_integer((json_int_t)a->ts_ns));
		if (f->static_fields && json_object_update(fields, (json_t *)f->static_fields)) {
			json_decref(fields);
			goto out;
		}
		if (json_object_set_new(obj, "output_fields", fields))
			goto out;
	}
	if (f->include_tags) {
		json_t *tags = json_array();
		if (!tags || json_object_set_new(obj, "tags", tags))
			goto out;
		for (size_t i = 0; i < a->ntags; i++) {
			char *c = utf8_clean(a->tags[i]);
			if (!c)
				goto out;
			json_array_append_new(tags, json_string(c));
			free(c);
		}
	}
	/* correlated alerts name the events they join */
	if (a->steps && json_object_set(obj, "steps", a->steps))
		goto out;
	res = json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS);
out:
	free(line);
	json_decref(obj);
	return res;
}

char *sk_alert_to_json(const sk_alert_t *a, const char *hostname, bool include_output,
	bool include_tags)
{
	sk_alert_fmt_t f;
	sk_alert_format_defaults(&f);
	f.include_output = include_output;
	f.include_tags = include_tags;
	return sk_alert_to_json_ex(a, hostname, &f);
}
