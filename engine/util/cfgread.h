/*
 * cfgread.h - typed reads of one key from a section of the config tree,
 * for the modules that read their own section (outputs, web; internal,
 * header-only).
 *
 * Each reader leaves *out untouched when the key is absent or null (the
 * caller pre-sets the default) and fails with -EINVAL and an error naming
 * the full key ("http_output.max_queue") when the value has the wrong shape.
 * Values coming from `-o key=value` overrides may arrive as strings, so
 * "true"/"false" and decimal strings are accepted where a bool or an integer
 * is expected.
 */
#ifndef SK_UTIL_CFGREAD_H
#define SK_UTIL_CFGREAD_H

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>

static inline const json_t *sk__cfg_get(const json_t *sec, const char *key)
{
	if (!sec || !json_is_object(sec))
		return NULL;
	const json_t *v = json_object_get(sec, key);
	return json_is_null(v) ? NULL : v;
}

static inline int sk__cfg_fail(const char *sec_name, const char *key, const char *what,
	char *err, size_t errlen)
{
	if (sec_name && sec_name[0])
		snprintf(err, errlen, "invalid value for key '%s.%s': %s", sec_name, key, what);
	else
		snprintf(err, errlen, "invalid value for key '%s': %s", key, what);
	return -EINVAL;
}

/* The section itself must be an object when present. */
static inline int sk__cfg_section(const json_t *cfg, const char *name, const json_t **out,
	char *err, size_t errlen)
{
	*out = NULL;
	const json_t *v = sk__cfg_get(cfg, name);
	if (!v)
		return 0;
	if (!json_is_object(v))
		return sk__cfg_fail(NULL, name, "expected a mapping", err, errlen);
	*out = v;
	return 0;
}

static inline int sk__cfg_bool(const json_t *sec, const char *sec_name, const char *key,
	bool *out, char *err, size_t errlen)
{
	const json_t *v = sk__cfg_get(sec, key);
	if (!v)
		return 0;
	if (json_is_boolean(v)) {
		*out = json_is_true(v);
		return 0;
	}
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		if (!strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "on")) {
			*out = true;
			return 0;
		}
		if (!strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcasecmp(s, "off")) {
			*out = false;
			return 0;
		}
	}
	return sk__cfg_fail(sec_name, key, "expected true or false", err, errlen);
}

static inline int sk__cfg_int(const json_t *sec, const char *sec_name, const char *key,
	long long min, long long max, long long *out, char *err, size_t errlen)
{
	const json_t *v = sk__cfg_get(sec, key);
	if (!v)
		return 0;
	long long n;
	if (json_is_integer(v)) {
		n = (long long)json_integer_value(v);
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v);
		char *end = NULL;
		errno = 0;
		n = strtoll(s, &end, 10);
		if (!s[0] || *end || errno)
			goto bad;
	} else {
		goto bad;
	}
	if (n < min || n > max)
		goto bad;
	*out = n;
	return 0;
bad:;
	char what[96];
	snprintf(what, sizeof(what), "expected an integer in [%lld, %lld]", min, max);
	return sk__cfg_fail(sec_name, key, what, err, errlen);
}

/* *out borrows the tree's string. */
static inline int sk__cfg_str(const json_t *sec, const char *sec_name, const char *key,
	const char **out, char *err, size_t errlen)
{
	const json_t *v = sk__cfg_get(sec, key);
	if (!v)
		return 0;
	if (!json_is_string(v))
		return sk__cfg_fail(sec_name, key, "expected a string", err, errlen);
	*out = json_string_value(v);
	return 0;
}

#endif
