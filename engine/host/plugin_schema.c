/* Init-config validation against a plugin's JSON Schema: the subset the
 * plugins in the field use (type, enum, minimum/maximum, required,
 * properties, additionalProperties, items). Unknown keywords are ignored. */
#include "plugin_schema.h"

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

static int check(const json_t *schema, const json_t *v, const char *ctx, int depth, char *err,
	size_t errlen)
{
	if (!json_is_object(schema) || depth > MAX_DEPTH)
		return 0;
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
	return check(schema, config, "<root>", 0, err, errlen);
}
