/*
 * json_plugin.c - the `json` extractor plugin: json.value[<JSON pointer>],
 * json.obj, json.rawtime and the jevt.* aliases, for every event source
 * whose type-322 payload is a JSON document.
 *
 * The payload is located once per event (cache keyed by event number and
 * header). json.value walks the raw text to the pointer without building a
 * tree (sk_sdk_jscan), so a rule reading one or two values of a large
 * document does not pay for a full parse; json.obj parses and indents the
 * document at most once per event. Payloads are expected to be valid JSON
 * (the upstream plugins' payloads are): a lookup in malformed text yields
 * no value, never an out-of-bounds read.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sk_plugin_sdk.h"

#define JSON_PLUGIN_VERSION "0.7.4"

enum {
	F_JSON_VALUE,
	F_JSON_OBJ,
	F_JSON_RAWTIME,
	F_JEVT_VALUE,
	F_JEVT_OBJ,
	F_JEVT_RAWTIME,
	F_COUNT
};

static const sk_sdk_field_t json_fields[F_COUNT] = {
	[F_JSON_VALUE] = { "json.value", FTYPE_STRING, false, SK_SDK_ARG_KEY | SK_SDK_ARG_REQUIRED,
		"Value at a JSON pointer (RFC 6901) in the event payload, e.g. "
		"json.value[/user/name]; non-string values as compact JSON text.",
		"JSON Value", false, 0 },
	[F_JSON_OBJ] = { "json.obj", FTYPE_STRING, false, 0,
		"The whole event payload as indented JSON text.", "JSON Object", false, 0 },
	[F_JSON_RAWTIME] = { "json.rawtime", FTYPE_STRING, false, 0,
		"The event timestamp in nanoseconds since the epoch, as a decimal string.",
		"JSON Raw Time", false, 0 },
	[F_JEVT_VALUE] = { "jevt.value", FTYPE_STRING, false, SK_SDK_ARG_KEY | SK_SDK_ARG_REQUIRED,
		"Alias of json.value.", "JSON Value", false, 0 },
	[F_JEVT_OBJ] = { "jevt.obj", FTYPE_STRING, false, 0, "Alias of json.obj.",
		"JSON Object", false, 0 },
	[F_JEVT_RAWTIME] = { "jevt.rawtime", FTYPE_STRING, false, 0, "Alias of json.rawtime.",
		"JSON Raw Time", false, 0 },
};

typedef struct json_state {
	sk_sdk_err_t err;
	sk_sdk_extract_t x;
	/* per-event cache */
	bool have;
	uint64_t evtnum, ts;
	const ss_plugin_event *evt;
	uint32_t evtlen;
	bool is_json;        /* payload starts with '{' or '[' and scans */
	sk_sdk_jval_t root;  /* raw view of the payload */
	bool obj_done;
	char *obj_text;      /* json.obj, rendered on first use */
	char rawtime[24];
	char *fields_json;
} json_state_t;

static char *g_fields_json;

SK_PLUGIN_EXPORT const char *plugin_get_required_api_version(void)
{
	return "3.11.0";
}

SK_PLUGIN_EXPORT const char *plugin_get_version(void)
{
	return JSON_PLUGIN_VERSION;
}

SK_PLUGIN_EXPORT const char *plugin_get_name(void)
{
	return "json";
}

SK_PLUGIN_EXPORT const char *plugin_get_description(void)
{
	return "Extract values from any JSON payload (json.value, json.obj, json.rawtime, jevt.*)";
}

SK_PLUGIN_EXPORT const char *plugin_get_contact(void)
{
	return "saker project";
}

SK_PLUGIN_EXPORT const char *plugin_get_init_schema(ss_plugin_schema_type *t)
{
	*t = SS_PLUGIN_SCHEMA_JSON;
	return "{\"type\":\"object\",\"properties\":{\"useAsync\":{\"type\":\"boolean\","
	       "\"description\":\"Accepted for compatibility; saker extracts synchronously.\"}},"
	       "\"additionalProperties\":true}";
}

/* The table is constant, so its JSON is built at load time and kept for
 * the process lifetime (get_fields takes no state and may race). */
__attribute__((constructor)) static void json_plugin_load(void)
{
	g_fields_json = sk_sdk_fields_json(json_fields, F_COUNT, NULL, 0);
}

SK_PLUGIN_EXPORT const char *plugin_get_fields(void)
{
	return g_fields_json ? g_fields_json : "[]";
}

SK_PLUGIN_EXPORT const char *plugin_get_extract_event_sources(void)
{
	return "[]";
}

SK_PLUGIN_EXPORT uint16_t *plugin_get_extract_event_types(uint32_t *numtypes, ss_plugin_t *s)
{
	static uint16_t types[] = { PPME_PLUGINEVENT_E };

	(void)s;
	*numtypes = 1;
	return types;
}

SK_PLUGIN_EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	json_state_t *st = calloc(1, sizeof(*st));
	json_t *cfg = NULL;
	bool use_async;

	if (!st) {
		*rc = SS_PLUGIN_FAILURE;
		return NULL;
	}
	sk_sdk_extract_init(&st->x);
	*rc = SS_PLUGIN_SUCCESS;
	if (sk_sdk_config_parse(in ? in->config : NULL, &cfg, st->err.msg, sizeof(st->err.msg)) < 0 ||
	    sk_sdk_config_bool(cfg, "useAsync", false, &use_async, st->err.msg,
		sizeof(st->err.msg)) < 0)
		*rc = SS_PLUGIN_FAILURE;
	json_decref(cfg);
	/* On failure the state is still returned so the host can read the error. */
	return st;
}

static void cache_drop(json_state_t *st)
{
	free(st->obj_text);
	st->obj_text = NULL;
	st->obj_done = false;
	st->is_json = false;
	st->have = false;
}

SK_PLUGIN_EXPORT void plugin_destroy(ss_plugin_t *s)
{
	json_state_t *st = s;

	if (!st)
		return;
	cache_drop(st);
	sk_sdk_extract_free(&st->x);
	free(st);
}

SK_PLUGIN_EXPORT const char *plugin_get_last_error(ss_plugin_t *s)
{
	json_state_t *st = s;

	return st ? st->err.msg : "json plugin: no state";
}

static void cache_load(json_state_t *st, const ss_plugin_event_input *ev)
{
	const uint8_t *pl;
	uint32_t len;

	if (st->have && st->evtnum == ev->evtnum && st->evt == ev->evt && st->ts == ev->evt->ts &&
	    st->evtlen == ev->evt->len)
		return;
	cache_drop(st);
	st->have = true;
	st->evtnum = ev->evtnum;
	st->evt = ev->evt;
	st->ts = ev->evt->ts;
	st->evtlen = ev->evt->len;
	snprintf(st->rawtime, sizeof(st->rawtime), "%" PRIu64, ev->evt->ts);
	if (sk_sdk_event_payload(ev->evt, &pl, &len, NULL, NULL, 0) < 0)
		return;
	if (sk_sdk_jscan_root((const char *)pl, len, &st->root) < 0 ||
	    (st->root.t != SK_JT_OBJECT && st->root.t != SK_JT_ARRAY))
		return;
	st->is_json = true;
}

static int extract_one(json_state_t *st, ss_plugin_extract_field *f)
{
	const char *txt;
	sk_sdk_jval_t v;
	json_t *doc;

	sk_sdk_extract_none(f);
	switch (f->field_id) {
	case F_JSON_RAWTIME:
	case F_JEVT_RAWTIME:
		return sk_sdk_extract_str_ref(&st->x, f, st->rawtime);
	case F_JSON_OBJ:
	case F_JEVT_OBJ:
		if (!st->is_json)
			return 0;
		if (!st->obj_done) {
			st->obj_done = true;
			doc = json_loadb(st->root.p, st->root.n, JSON_DECODE_ANY, NULL);
			st->obj_text = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_ENCODE_ANY) : NULL;
			json_decref(doc);
		}
		return st->obj_text ? sk_sdk_extract_str_ref(&st->x, f, st->obj_text) : 0;
	case F_JSON_VALUE:
	case F_JEVT_VALUE:
		if (!st->is_json || !f->arg_key || sk_sdk_jscan_pointer(&st->root, f->arg_key, &v) < 0)
			return 0;
		txt = sk_sdk_jscan_text(&st->x, &v, NULL);
		return txt ? sk_sdk_extract_str_ref(&st->x, f, txt) : 0;
	}
	sk_sdk_err_set(&st->err, "json: unknown field id %u", (unsigned)f->field_id);
	return -1;
}

SK_PLUGIN_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	json_state_t *st = s;
	uint32_t i;

	sk_sdk_extract_reset(&st->x);
	cache_load(st, ev);
	for (i = 0; i < in->num_fields; i++) {
		if (extract_one(st, &in->fields[i]) < 0) {
			if (!st->err.msg[0])
				sk_sdk_err_set(&st->err, "json: out of memory extracting %s",
					in->fields[i].field);
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}

__attribute__((destructor)) static void json_plugin_fini(void)
{
	free(g_fields_json);
	g_fields_json = NULL;
}
