/*
 * testplug.c - one generic test plugin, compiled once per data table
 * (-DTP_TABLE="tp_<name>.h"). Each table gives the plugin's name, version,
 * optional event source (id + name) and its field list. The plugins are
 * built only against plugin_api/plugin_api.h; they declare fields for the
 * rules loader tests and extract no values (sourcing ones reach EOF at once).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_api.h"

enum {
	TP_LIST = 1 << 0,     /* list-valued field */
	TP_IDX = 1 << 1,      /* numeric index argument */
	TP_KEY = 1 << 2,      /* string key argument */
	TP_REQ = 1 << 3,      /* the argument is required */
	TP_OUT = 1 << 4,      /* suggested output field (addOutput) */
};

typedef struct tp_field {
	const char *name;
	const char *type;     /* "string", "uint64", "int64", "bool", "reltime", ... */
	unsigned flags;
} tp_field_t;

#include TP_TABLE

#define EXPORT __attribute__((visibility("default")))

typedef struct tp_state {
	char err[PLUGIN_MAX_ERRLEN];
} tp_state_t;

/* get_fields takes no state: the JSON lives in a static buffer */
static char g_fields_json[64 * 1024];

static const char *build_fields(void)
{
	size_t n = sizeof(tp_fields) / sizeof(tp_fields[0]);
	size_t cap = sizeof(g_fields_json), o = 0;
	char *b = g_fields_json;
	o += (size_t)snprintf(b + o, cap - o, "[");
	for (size_t i = 0; i < n && o < cap; i++) {
		const tp_field_t *f = &tp_fields[i];
		o += (size_t)snprintf(b + o, cap - o, "%s{\"type\":\"%s\",\"name\":\"%s\",\"desc\":\"%s\"",
			i ? "," : "", f->type, f->name, f->name);
		if (f->flags & TP_LIST)
			o += (size_t)snprintf(b + o, cap - o, ",\"isList\":true");
		if (f->flags & (TP_IDX | TP_KEY))
			o += (size_t)snprintf(b + o, cap - o,
				",\"arg\":{\"isRequired\":%s,\"isIndex\":%s,\"isKey\":%s}",
				f->flags & TP_REQ ? "true" : "false", f->flags & TP_IDX ? "true" : "false",
				f->flags & TP_KEY ? "true" : "false");
		if (f->flags & TP_OUT)
			o += (size_t)snprintf(b + o, cap - o, ",\"addOutput\":true");
		o += (size_t)snprintf(b + o, cap - o, "}");
	}
	if (o + 2 > cap)
		return NULL;
	snprintf(b + o, cap - o, "]");
	return b;
}

EXPORT const char *plugin_get_required_api_version(void)
{
	return "3.11.0";
}

EXPORT const char *plugin_get_version(void)
{
	return TP_VERSION;
}

EXPORT const char *plugin_get_name(void)
{
	return TP_NAME;
}

EXPORT const char *plugin_get_description(void)
{
	return "saker rules-loader test plugin (declares fields, extracts nothing)";
}

EXPORT const char *plugin_get_contact(void)
{
	return "saker tests";
}

EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	(void)in;
	tp_state_t *s = calloc(1, sizeof(*s));
	*rc = s ? SS_PLUGIN_SUCCESS : SS_PLUGIN_FAILURE;
	return s;
}

EXPORT void plugin_destroy(ss_plugin_t *s)
{
	free(s);
}

EXPORT const char *plugin_get_last_error(ss_plugin_t *s)
{
	return s ? ((tp_state_t *)s)->err : "";
}

EXPORT const char *plugin_get_fields(void)
{
	if (!g_fields_json[0] && !build_fields())
		return "[]";
	return g_fields_json;
}

EXPORT const char *plugin_get_extract_event_sources(void)
{
	return TP_EXTRACT_SOURCES;
}

EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *evt,
	const ss_plugin_field_extract_input *in)
{
	(void)s;
	(void)evt;
	for (uint32_t i = 0; i < in->num_fields; i++)
		in->fields[i].res_len = 0;
	return SS_PLUGIN_SUCCESS;
}

#ifdef TP_SOURCE
typedef struct tp_inst {
	int dummy;
} tp_inst_t;

EXPORT uint32_t plugin_get_id(void)
{
	return TP_ID;
}

EXPORT const char *plugin_get_event_source(void)
{
	return TP_SOURCE;
}

EXPORT ss_instance_t *plugin_open(ss_plugin_t *s, const char *params, ss_plugin_rc *rc)
{
	(void)s;
	(void)params;
	tp_inst_t *h = calloc(1, sizeof(*h));
	*rc = h ? SS_PLUGIN_SUCCESS : SS_PLUGIN_FAILURE;
	return h;
}

EXPORT void plugin_close(ss_plugin_t *s, ss_instance_t *h)
{
	(void)s;
	free(h);
}

EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t *s, ss_instance_t *h, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	(void)s;
	(void)h;
	*nevts = 0;
	*evts = NULL;
	return SS_PLUGIN_EOF;
}
#endif
