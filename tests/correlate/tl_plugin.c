/*
 * tl_plugin: a table-driven test source for the correlation tests. It reads
 * a file of JSON lines, one event per line, each an object with "ts"
 * (integer, ns since epoch: the event time) and string members; it emits
 * them in file order, TL_BATCH per batch, then EOF.
 *
 * Default variant: source "timeline" (id 999777), one field tl.f[<key>] =
 * the member <key>. Stand-in variants (-DTL_VARIANT="tl_<name>.h") take
 * another plugin's name, id, source and field names (a field's value is
 * the member named like the field), so rules written for that plugin run
 * on authored events. Built against plugin_api.h and the SDK only.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_api.h"
#include "sk_plugin_sdk.h"

#define TL_BATCH 16

#ifdef TL_VARIANT
#include TL_VARIANT
#else
#define TL_NAME "timeline"
#define TL_ID 999777
#define TL_SOURCE "timeline"
static const sk_sdk_field_t fields[] = {
	{ .name = "tl.f", .type = FTYPE_STRING, .desc = "A member of the event, as text",
	  .arg = SK_SDK_ARG_REQUIRED | SK_SDK_ARG_KEY },
};
#endif
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

typedef struct tl_state {
	sk_sdk_err_t err;
	sk_sdk_extract_t x;
} tl_state_t;

typedef struct tl_inst {
	sk_sdk_batch_t batch;
	FILE *f;
	char *line;
	size_t cap;
} tl_inst_t;

const char *plugin_get_required_api_version(void) { return "3.11.0"; }
const char *plugin_get_version(void) { return "0.1.0"; }
const char *plugin_get_name(void) { return TL_NAME; }
const char *plugin_get_description(void) { return "saker correlation test source"; }
const char *plugin_get_contact(void) { return "https://example.invalid/saker"; }
uint32_t plugin_get_id(void) { return TL_ID; }
const char *plugin_get_event_source(void) { return TL_SOURCE; }

const char *plugin_get_fields(void)
{
	static char *json;
	if (!json)
		json = sk_sdk_fields_json(fields, NFIELDS, NULL, 0);
	return json ? json : "[]";
}

const char *plugin_get_last_error(ss_plugin_t *s)
{
	return ((tl_state_t *)s)->err.msg;
}

ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	(void)in;
	tl_state_t *s = calloc(1, sizeof(*s));
	*rc = s ? SS_PLUGIN_SUCCESS : SS_PLUGIN_FAILURE;
	if (s)
		sk_sdk_extract_init(&s->x);
	return s;
}

void plugin_destroy(ss_plugin_t *sv)
{
	tl_state_t *s = sv;
	if (!s)
		return;
	sk_sdk_extract_free(&s->x);
	free(s);
}

ss_instance_t *plugin_open(ss_plugin_t *sv, const char *params, ss_plugin_rc *rc)
{
	tl_state_t *s = sv;
	tl_inst_t *h = calloc(1, sizeof(*h));
	*rc = SS_PLUGIN_FAILURE;
	if (!h || sk_sdk_batch_init(&h->batch, TL_BATCH, 0) < 0) {
		sk_sdk_err_set(&s->err, "out of memory");
		free(h);
		return NULL;
	}
	if (!(h->f = fopen(params ? params : "", "r"))) {
		sk_sdk_err_set(&s->err, "cannot open '%s': %s", params ? params : "", strerror(errno));
		sk_sdk_batch_free(&h->batch);
		free(h);
		return NULL;
	}
	*rc = SS_PLUGIN_SUCCESS;
	return h;
}

void plugin_close(ss_plugin_t *s, ss_instance_t *hv)
{
	(void)s;
	tl_inst_t *h = hv;
	if (!h)
		return;
	fclose(h->f);
	free(h->line);
	sk_sdk_batch_free(&h->batch);
	free(h);
}

ss_plugin_rc plugin_next_batch(ss_plugin_t *sv, ss_instance_t *hv, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	tl_state_t *s = sv;
	tl_inst_t *h = hv;
	ssize_t n;
	sk_sdk_batch_reset(&h->batch);
	while (!sk_sdk_batch_full(&h->batch) && (n = getline(&h->line, &h->cap, h->f)) > 0) {
		while (n && (h->line[n - 1] == '\n' || h->line[n - 1] == '\r'))
			h->line[--n] = '\0';
		json_t *o = n ? json_loads(h->line, 0, NULL) : NULL;
		json_t *ts = o ? json_object_get(o, "ts") : NULL;
		if (!json_is_integer(ts)) {
			json_decref(o);
			sk_sdk_err_set(&s->err, "line without an integer \"ts\": %s", h->line);
			return SS_PLUGIN_FAILURE;
		}
		uint64_t t = (uint64_t)json_integer_value(ts);
		json_decref(o);
		if (sk_sdk_batch_add(&h->batch, t, 0, h->line, (size_t)n) < 0) {
			sk_sdk_err_set(&s->err, "cannot build an event");
			return SS_PLUGIN_FAILURE;
		}
	}
	*nevts = h->batch.count;
	*evts = sk_sdk_batch_events(&h->batch);
	return *nevts ? SS_PLUGIN_SUCCESS : SS_PLUGIN_EOF;
}

ss_plugin_rc plugin_extract_fields(ss_plugin_t *sv, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	tl_state_t *s = sv;
	const uint8_t *p;
	uint32_t len;
	sk_sdk_extract_reset(&s->x);
	if (sk_sdk_event_payload(ev->evt, &p, &len, NULL, s->err.msg, sizeof(s->err.msg)) < 0)
		return SS_PLUGIN_FAILURE;
	json_t *o = json_loadb((const char *)p, len, 0, NULL);
	for (uint32_t i = 0; i < in->num_fields; i++) {
		ss_plugin_extract_field *f = &in->fields[i];
		sk_sdk_extract_none(f);
		const char *key = f->arg_present && f->arg_key ? f->arg_key
			: f->field_id < NFIELDS ? fields[f->field_id].name : NULL;
		json_t *v = o && key ? json_object_get(o, key) : NULL;
		if (json_is_string(v))
			sk_sdk_extract_str(&s->x, f, json_string_value(v), json_string_length(v));
	}
	json_decref(o);
	return SS_PLUGIN_SUCCESS;
}
