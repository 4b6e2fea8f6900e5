/* Init-config validation against a plugin's JSON Schema: the keywords the
 * plugins in the field use (see plugin_schema.h). Unknown keywords are
 * ignored. Debian's JSON Schema library (valijson) is C++, hence this. */
#include "plugin_schema.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define MAX_DEPTH 32

static bool type_ok(const json_t *v, const char *t)
{
	if (!strcmp(t, "object")) return json_is_object(v);
	if (!strcmp(t, "array")) return json_is_array(v);
	if (!strcmp(t, "string")) return json_is_string(v);
	if (!strcmp(t, "integer")) return json_is_integer(v);
	if (!strcmp(t, "number")) return json_is_number(v);
	if (!strcmp(t, "boolean")) return json_is_boolean(v);
	if (!strcmp(t, "null")) return json_is_null(v);
	return true;
}

static int fail(char *err, size_t errlen, const char *ctx, const char *fmt, const char *arg)
{
	char what[512];
	snprintf(what, sizeof(what), fmt, arg ? arg : "");
	snprintf(err, errlen, "In %s, %s", ctx, what);
	return -EINVAL;
}

/* "#", "#/definitions/X", "#/$defs/X", any local JSON pointer. */
static const json_t *resolve_ref(const json_t *root, const char *ref)
{
	if (ref[0] != '#')
		return NULL; /* remote references are not fetched */
	const json_t *cur = root;
	const char *p = ref + 1;
	while (*p == '/' && cur) {
		p++;
		char tok[256];
		size_t n = 0;
		while (*p && *p != '/' && n + 1 < sizeof(tok)) {
			if (p[0] == '~' && p[1] == '1') {
				tok[n++] = '/';
				p += 2;
			} else if (p[0] == '~' && p[1] == '0') {
				tok[n++] = '~';
				p += 2;
			} else {
				tok[n++] = *p++;
			}
		}
		tok[n] = 0;
		if (json_is_object(cur))
			cur = json_object_get(cur, tok);
		else if (json_is_array(cur))
			cur = json_array_get(cur, strtoul(tok, NULL, 10));
		else
			cur = NULL;
	}
	return *p ? NULL : cur;
}

static size_t utf8_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* ECMA-262-like unanchored search, as JSON Schema's "pattern". -1: bad regex. */
static int pattern_match(const char *re, const char *s)
{
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &ec, &eo, NULL);
	if (!c)
		return -1;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(c, NULL);
	int rc = md ? pcre2_match(c, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL) : -1;
	pcre2_match_data_free(md);
	pcre2_code_free(c);
	return rc >= 0 ? 1 : 0;
}

static int check(const json_t *schema, const json_t *v, const char *ctx, int depth, char *err,
	size_t errlen);

static _Thread_local const json_t *g_root; /* the schema being validated, for $ref */

static int check_more(const json_t *schema, const json_t *v, const char *ctx, int depth,
	char *err, size_t errlen)
{
	const json_t *ref = json_object_get(schema, "$ref");
	if (json_is_string(ref)) {
		const json_t *target = resolve_ref(g_root, json_string_value(ref));
		if (!target)
			return fail(err, errlen, ctx, "Unresolvable schema reference '%s'.",
				json_string_value(ref));
		int rc = check(target, v, ctx, depth + 1, err, errlen);
		if (rc)
			return rc;
	}
	const json_t *cst = json_object_get(schema, "const");
	if (cst && !json_equal((json_t *)cst, (json_t *)v))
		return fail(err, errlen, ctx, "Failed to match expected value set by 'const' constraint.", NULL);
	if (json_is_string(v)) {
		const json_t *mnl = json_object_get(schema, "minLength");
		const json_t *mxl = json_object_get(schema, "maxLength");
		const json_t *pat = json_object_get(schema, "pattern");
		size_t len = utf8_len(json_string_value(v));
		char num[32];
		if (json_is_integer(mnl) && (json_int_t)len < json_integer_value(mnl)) {
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(mnl));
			return fail(err, errlen, ctx, "String should be no fewer than %s characters in length.", num);
		}
		if (json_is_integer(mxl) && (json_int_t)len > json_integer_value(mxl)) {
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(mxl));
			return fail(err, errlen, ctx, "String should be no more than %s characters in length.", num);
		}
		if (json_is_string(pat)) {
			int m = pattern_match(json_string_value(pat), json_string_value(v));
			if (m < 0)
				return fail(err, errlen, ctx, "Invalid regular expression '%s' in the schema.",
					json_string_value(pat));
			if (!m)
				return fail(err, errlen, ctx, "Failed to match regex specified by 'pattern' constraint: '%s'.",
					json_string_value(pat));
		}
	}
	if (json_is_number(v)) {
		const json_t *xmn = json_object_get(schema, "exclusiveMinimum");
		const json_t *xmx = json_object_get(schema, "exclusiveMaximum");
		char num[64];
		if (json_is_number(xmn) && json_number_value(v) <= json_number_value(xmn)) {
			snprintf(num, sizeof(num), "%g", json_number_value(xmn));
			return fail(err, errlen, ctx, "Expected number greater than %s.", num);
		}
		if (json_is_number(xmx) && json_number_value(v) >= json_number_value(xmx)) {
			snprintf(num, sizeof(num), "%g", json_number_value(xmx));
			return fail(err, errlen, ctx, "Expected number less than %s.", num);
		}
	}
	if (json_is_array(v)) {
		const json_t *mni = json_object_get(schema, "minItems");
		const json_t *mxi = json_object_get(schema, "maxItems");
		char num[32];
		if (json_is_integer(mni) && (json_int_t)json_array_size(v) < json_integer_value(mni)) {
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(mni));
			return fail(err, errlen, ctx, "Array should contain no fewer than %s elements.", num);
		}
		if (json_is_integer(mxi) && (json_int_t)json_array_size(v) > json_integer_value(mxi)) {
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(mxi));
			return fail(err, errlen, ctx, "Array should contain no more than %s elements.", num);
		}
	}
	/* Combinators: allOf all, anyOf one at least, oneOf exactly one, not none. */
	const json_t *all = json_object_get(schema, "allOf");
	size_t i;
	const json_t *sub;
	json_array_foreach(all, i, sub) {
		int rc = check(sub, v, ctx, depth + 1, err, errlen);
		if (rc)
			return rc;
	}
	char tmp[256];
	const json_t *any = json_object_get(schema, "anyOf");
	if (json_is_array(any) && json_array_size(any)) {
		bool ok = false;
		json_array_foreach(any, i, sub) ok = ok || !check(sub, v, ctx, depth + 1, tmp, sizeof(tmp));
		if (!ok)
			return fail(err, errlen, ctx, "Failed to validate against any child schemas allowed by anyOf constraint.", NULL);
	}
	const json_t *one = json_object_get(schema, "oneOf");
	if (json_is_array(one) && json_array_size(one)) {
		size_t ok = 0;
		json_array_foreach(one, i, sub) ok += !check(sub, v, ctx, depth + 1, tmp, sizeof(tmp));
		if (ok != 1)
			return fail(err, errlen, ctx, "Failed to validate against exactly one child schema allowed by oneOf constraint.", NULL);
	}
	const json_t *no = json_object_get(schema, "not");
	if (json_is_object(no) && !check(no, v, ctx, depth + 1, tmp, sizeof(tmp)))
		return fail(err, errlen, ctx, "Value should not validate against the schema given by 'not'.", NULL);
	return 0;
}

static int check(const json_t *schema, const json_t *v, const char *ctx, int depth, char *err,
	size_t errlen)
{
	if (!json_is_object(schema) || depth > MAX_DEPTH)
		return 0;
	int mrc = check_more(schema, v, ctx, depth, err, errlen);
	if (mrc)
		return mrc;
	const json_t *type = json_object_get(schema, "type");
	if (json_is_string(type) && !type_ok(v, json_string_value(type)))
		return fail(err, errlen, ctx, "Value type not permitted by 'type' constraint.", NULL);
	if (json_is_array(type)) {
		bool any = false;
		size_t i;
		const json_t *t;
		json_array_foreach(type, i, t) any = any || (json_is_string(t) && type_ok(v, json_string_value(t)));
		if (!any)
			return fail(err, errlen, ctx, "Value type not permitted by 'type' constraint.", NULL);
	}
	const json_t *en = json_object_get(schema, "enum");
	if (json_is_array(en)) {
		bool any = false;
		size_t i;
		const json_t *e;
		json_array_foreach(en, i, e) any = any || json_equal((json_t *)e, (json_t *)v);
		if (!any)
			return fail(err, errlen, ctx, "Failed to match against any enum values.", NULL);
	}
	if (json_is_number(v)) {
		const json_t *mn = json_object_get(schema, "minimum"), *mx = json_object_get(schema, "maximum");
		char num[64];
		if (json_is_number(mn) && json_number_value(v) < json_number_value(mn)) {
			snprintf(num, sizeof(num), "%g", json_number_value(mn));
			return fail(err, errlen, ctx, "Expected number greater than or equal to %s.", num);
		}
		if (json_is_number(mx) && json_number_value(v) > json_number_value(mx)) {
			snprintf(num, sizeof(num), "%g", json_number_value(mx));
			return fail(err, errlen, ctx, "Expected number less than or equal to %s.", num);
		}
	}
	char sub[1024];
	if (json_is_object(v)) {
		const json_t *req = json_object_get(schema, "required");
		size_t i;
		const json_t *r;
		json_array_foreach(req, i, r) {
			if (json_is_string(r) && !json_object_get(v, json_string_value(r)))
				return fail(err, errlen, ctx, "Missing required property '%s'.", json_string_value(r));
		}
		const json_t *props = json_object_get(schema, "properties");
		const json_t *addl = json_object_get(schema, "additionalProperties");
		const char *k;
		json_t *val;
		json_object_foreach((json_t *)v, k, val) {
			snprintf(sub, sizeof(sub), "%s [%s]", ctx, k);
			const json_t *ps = json_is_object(props) ? json_object_get(props, k) : NULL;
			if (ps) {
				int rc = check(ps, val, sub, depth + 1, err, errlen);
				if (rc)
					return rc;
			} else if (json_is_false(addl)) {
				return fail(err, errlen, ctx,
					"Object contains a property that could not be validated using 'properties' or "
					"'additionalProperties' constraints: '%s'.", k);
			} else if (json_is_object(addl)) {
				int rc = check(addl, val, sub, depth + 1, err, errlen);
				if (rc)
					return rc;
			}
		}
	}
	if (json_is_array(v)) {
		const json_t *items = json_object_get(schema, "items");
		size_t i;
		const json_t *e;
		json_array_foreach(v, i, e) {
			snprintf(sub, sizeof(sub), "%s [%zu]", ctx, i);
			int rc = check(items, e, sub, depth + 1, err, errlen);
			if (rc)
				return rc;
		}
	}
	return 0;
}

int sk_plugin_schema_validate(const json_t *schema, const json_t *config, char *err, size_t errlen)
{
	const json_t *saved = g_root;
	g_root = schema;
	int rc = check(schema, config, "<root>", 0, err, errlen);
	g_root = saved;
	return rc;
}
