/* sk_plugin_sdk.c - errors, field tables, event batches, init config. */
#include "sk_plugin_sdk.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sk_field_types.h"

/* ---- last error ------------------------------------------------------- */

const char *sk_sdk_err_set(sk_sdk_err_t *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sk_sdk_verrf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return e->msg;
}

void sk_sdk_err_clear(sk_sdk_err_t *e)
{
	e->msg[0] = '\0';
}

/* ---- field table -------------------------------------------------------- */

static int field_to_json(const sk_sdk_field_t *f, json_t *arr, char *err, size_t errlen)
{
	/* SDK plugins may run in Falco, which knows only the ABI's types. */
	const char *tn = sk_ftype_is_abi(f->type) ? sk_ftype_name(f->type) : NULL;
	json_t *o, *props;

	if (!f->name || !*f->name) {
		sk_sdk_errf(err, errlen, "field table: row with an empty name");
		return -EINVAL;
	}
	if (!f->desc || !*f->desc) {
		sk_sdk_errf(err, errlen, "field %s: empty desc", f->name);
		return -EINVAL;
	}
	if (!tn) {
		sk_sdk_errf(err, errlen, "field %s: unknown type %d", f->name, (int)f->type);
		return -EINVAL;
	}
	if ((f->arg & SK_SDK_ARG_REQUIRED) && !(f->arg & (SK_SDK_ARG_INDEX | SK_SDK_ARG_KEY))) {
		sk_sdk_errf(err, errlen, "field %s: required argument needs INDEX or KEY", f->name);
		return -EINVAL;
	}
	o = json_pack("{s:s, s:s, s:s, s:b}", "name", f->name, "type", tn, "desc", f->desc,
		"isList", f->is_list);
	if (!o)
		goto oom;
	if (f->display && json_object_set_new(o, "display", json_string(f->display)))
		goto oom_o;
	if (f->add_output && json_object_set_new(o, "addOutput", json_true()))
		goto oom_o;
	if (f->arg && json_object_set_new(o, "arg", json_pack("{s:b, s:b, s:b}",
			"isRequired", !!(f->arg & SK_SDK_ARG_REQUIRED),
			"isIndex", !!(f->arg & SK_SDK_ARG_INDEX),
			"isKey", !!(f->arg & SK_SDK_ARG_KEY))))
		goto oom_o;
	if (f->props) {
		props = json_array();
		if (!props || json_object_set_new(o, "properties", props))
			goto oom_o;
		if ((f->props & SK_SDK_PROP_HIDDEN) && json_array_append_new(props, json_string("hidden")))
			goto oom_o;
		if ((f->props & SK_SDK_PROP_INFO) && json_array_append_new(props, json_string("info")))
			goto oom_o;
		if ((f->props & SK_SDK_PROP_CONVERSATION) &&
		    json_array_append_new(props, json_string("conversation")))
			goto oom_o;
	}
	if (json_array_append_new(arr, o))
		goto oom;
	return 0;
oom_o:
	json_decref(o);
oom:
	sk_sdk_errf(err, errlen, "field %s: out of memory", f->name);
	return -ENOMEM;
}

char *sk_sdk_fields_json(const sk_sdk_field_t *fields, size_t n, char *err, size_t errlen)
{
	json_t *arr = json_array();
	char *out = NULL;
	size_t i;

	if (!arr) {
		sk_sdk_errf(err, errlen, "field table: out of memory");
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (field_to_json(&fields[i], arr, err, errlen) < 0)
			goto out;
	out = json_dumps(arr, JSON_COMPACT);
	if (!out)
		sk_sdk_errf(err, errlen, "field table: out of memory");
out:
	json_decref(arr);
	return out;
}

int sk_sdk_field_find(const sk_sdk_field_t *fields, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* ---- events --------------------------------------------------------------- */

ssize_t sk_sdk_event_write(void *dst, size_t dst_cap, uint64_t ts, uint32_t plugin_id,
	const void *payload, size_t len)
{
	if (len > UINT32_MAX - SK_SDK_PLUGIN_EVENT_HDR)
		return -EMSGSIZE;
	if (dst_cap < SK_SDK_PLUGIN_EVENT_HDR + len)
		return -ENOSPC;
	sk_evt_plugin_header(dst, ts, plugin_id, (uint32_t)len);
	if (len)
		memcpy((uint8_t *)dst + SK_SDK_PLUGIN_EVENT_HDR, payload, len);
	return (ssize_t)(SK_SDK_PLUGIN_EVENT_HDR + len);
}

int sk_sdk_event_payload(const ss_plugin_event *evt, const uint8_t **payload, uint32_t *len,
	uint32_t *plugin_id, char *err, size_t errlen)
{
	uint32_t type, nparams, elen, l0, l1;

	if (!evt) {
		sk_sdk_errf(err, errlen, "null event");
		return -EINVAL;
	}
	type = sk_evt_get_type(evt);
	nparams = sk_evt_get_nparams(evt);
	elen = sk_evt_get_len(evt);
	if (type != PPME_PLUGINEVENT_E || nparams != 2 || elen < SK_SDK_PLUGIN_EVENT_HDR) {
		sk_sdk_errf(err, errlen, "not a plugin event (type %u, %u params, len %u)",
			(unsigned)type, (unsigned)nparams, (unsigned)elen);
		return -EINVAL;
	}
	l0 = sk_evt_get_len32(evt, 0);
	l1 = sk_evt_get_len32(evt, 1);
	if (l0 != 4 || (uint64_t)l1 + SK_SDK_PLUGIN_EVENT_HDR > elen) {
		sk_sdk_errf(err, errlen, "malformed plugin event (param lengths %u, %u, len %u)",
			(unsigned)l0, (unsigned)l1, (unsigned)elen);
		return -EINVAL;
	}
	if (plugin_id)
		*plugin_id = sk_evt_get_plugin_id(evt);
	if (payload)
		*payload = sk_evt_plugin_payload(evt);
	if (len)
		*len = l1;
	return 0;
}

/* ---- batch ------------------------------------------------------------------ */

int sk_sdk_batch_init(sk_sdk_batch_t *b, uint32_t max_events, size_t max_bytes)
{
	memset(b, 0, sizeof(*b));
	if (max_events == 0)
		return -EINVAL;
	b->offs = calloc(max_events, sizeof(*b->offs));
	b->ptrs = calloc(max_events, sizeof(*b->ptrs));
	if (!b->offs || !b->ptrs) {
		sk_sdk_batch_free(b);
		return -ENOMEM;
	}
	b->max_events = max_events;
	b->max_bytes = max_bytes;
	return 0;
}

void sk_sdk_batch_free(sk_sdk_batch_t *b)
{
	if (!b)
		return;
	free(b->buf);
	free(b->offs);
	free(b->ptrs);
	memset(b, 0, sizeof(*b));
}

void sk_sdk_batch_reset(sk_sdk_batch_t *b)
{
	b->len = 0;
	b->count = 0;
}

bool sk_sdk_batch_full(const sk_sdk_batch_t *b)
{
	return b->count >= b->max_events;
}

int sk_sdk_batch_add(sk_sdk_batch_t *b, uint64_t ts, uint32_t plugin_id,
	const void *payload, size_t len)
{
	size_t start = (b->len + 7u) & ~(size_t)7u, need, ncap;
	uint8_t *nb;

	if (len > UINT32_MAX - SK_SDK_PLUGIN_EVENT_HDR)
		return -EMSGSIZE;
	if (b->count >= b->max_events)
		return -ENOSPC;
	need = start + SK_SDK_PLUGIN_EVENT_HDR + len;
	if (b->max_bytes && need > b->max_bytes && b->count > 0)
		return -ENOSPC;
	if (need > b->cap) {
		ncap = b->cap ? b->cap : 4096;
		while (ncap < need)
			ncap *= 2;
		nb = realloc(b->buf, ncap);
		if (!nb)
			return -ENOMEM;
		b->buf = nb;
		b->cap = ncap;
	}
	sk_sdk_event_write(b->buf + start, b->cap - start, ts, plugin_id, payload, len);
	b->offs[b->count++] = start;
	b->len = need;
	return 0;
}

ss_plugin_event **sk_sdk_batch_events(sk_sdk_batch_t *b)
{
	uint32_t i;

	if (b->count == 0)
		return NULL;
	for (i = 0; i < b->count; i++)
		b->ptrs[i] = (ss_plugin_event *)(b->buf + b->offs[i]);
	return b->ptrs;
}

/* ---- init config ---------------------------------------------------------- */

int sk_sdk_config_parse(const char *text, json_t **out, char *err, size_t errlen)
{
	json_error_t je;
	const char *p = text;
	json_t *root;

	*out = NULL;
	while (p && *p && isspace((unsigned char)*p))
		p++;
	if (!p || !*p) {
		*out = json_object();
		return *out ? 0 : -ENOMEM;
	}
	root = json_loads(p, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		sk_sdk_errf(err, errlen, "init config is not valid JSON: %s (line %d, column %d)",
			je.text, je.line, je.column);
		return -EINVAL;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		sk_sdk_errf(err, errlen, "init config must be a JSON object");
		return -EINVAL;
	}
	*out = root;
	return 0;
}

int sk_sdk_config_string(const json_t *cfg, const char *key, const char *def,
	const char **out, char *err, size_t errlen)
{
	json_t *v = json_object_get(cfg, key);

	if (!v || json_is_null(v)) {
		*out = def;
		return 0;
	}
	if (!json_is_string(v)) {
		sk_sdk_errf(err, errlen, "init config key '%s' must be a string", key);
		return -EINVAL;
	}
	*out = json_string_value(v);
	return 0;
}

int sk_sdk_config_u64(const json_t *cfg, const char *key, uint64_t def, uint64_t min,
	uint64_t max, uint64_t *out, char *err, size_t errlen)
{
	json_t *v = json_object_get(cfg, key);
	uint64_t val;

	if (!v || json_is_null(v)) {
		*out = def;
		return 0;
	}
	if (json_is_integer(v)) {
		if (json_integer_value(v) < 0)
			goto range;
		val = (uint64_t)json_integer_value(v);
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v);
		char *end;

		if (!*s || !isdigit((unsigned char)*s))
			goto type;
		errno = 0;
		val = strtoull(s, &end, 10);
		if (errno || *end)
			goto type;
	} else {
		goto type;
	}
	if (val < min || val > max)
		goto range;
	*out = val;
	return 0;
type:
	sk_sdk_errf(err, errlen, "init config key '%s' must be a non-negative integer", key);
	return -EINVAL;
range:
	sk_sdk_errf(err, errlen, "init config key '%s' must be between %" PRIu64 " and %" PRIu64,
		key, min, max);
	return -ERANGE;
}

int sk_sdk_config_bool(const json_t *cfg, const char *key, bool def, bool *out,
	char *err, size_t errlen)
{
	json_t *v = json_object_get(cfg, key);

	if (!v || json_is_null(v)) {
		*out = def;
		return 0;
	}
	if (json_is_boolean(v)) {
		*out = json_is_true(v);
		return 0;
	}
	if (json_is_string(v) && strcmp(json_string_value(v), "true") == 0) {
		*out = true;
		return 0;
	}
	if (json_is_string(v) && strcmp(json_string_value(v), "false") == 0) {
		*out = false;
		return 0;
	}
	sk_sdk_errf(err, errlen, "init config key '%s' must be true or false", key);
	return -EINVAL;
}

int sk_sdk_config_check_keys(const json_t *cfg, const char *const *known,
	char *err, size_t errlen)
{
	const char *key;
	json_t *v;
	size_t i;

	json_object_foreach((json_t *)cfg, key, v) {
		for (i = 0; known[i]; i++)
			if (strcmp(known[i], key) == 0)
				break;
		if (!known[i]) {
			sk_sdk_errf(err, errlen, "init config key '%s' is not known", key);
			return -EINVAL;
		}
	}
	return 0;
}
