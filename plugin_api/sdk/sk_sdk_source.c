/*
 * sk_sdk_source.c - the plugin_* entry points of a source + extractor
 * plugin, driven by the plugin's sk_sdk_source definition (which refers
 * to sk_sdk_source_entry_points, so that a plugin linking the static
 * library takes this object in).
 */
#include "sk_sdk_source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char sk_sdk_source_entry_points = 1;

/* Built once at load: the host may ask for them before any init. */
static char *g_fields_json;
static char g_sources_json[128];

__attribute__((constructor)) static void source_load(void)
{
	g_fields_json = sk_sdk_source.fields_json ? sk_sdk_source.fields_json() : NULL;
	snprintf(g_sources_json, sizeof(g_sources_json), "[\"%s\"]", sk_sdk_source.event_source);
}

__attribute__((destructor)) static void source_unload(void)
{
	free(g_fields_json);
	g_fields_json = NULL;
}

SK_PLUGIN_EXPORT const char *plugin_get_required_api_version(void)
{
	return "3.11.0";
}

SK_PLUGIN_EXPORT const char *plugin_get_version(void)
{
	return sk_sdk_source.version;
}

SK_PLUGIN_EXPORT const char *plugin_get_name(void)
{
	return sk_sdk_source.name;
}

SK_PLUGIN_EXPORT const char *plugin_get_description(void)
{
	return sk_sdk_source.description;
}

SK_PLUGIN_EXPORT const char *plugin_get_contact(void)
{
	return "saker project";
}

SK_PLUGIN_EXPORT uint32_t plugin_get_id(void)
{
	return sk_sdk_source.id;
}

SK_PLUGIN_EXPORT const char *plugin_get_event_source(void)
{
	return sk_sdk_source.event_source;
}

SK_PLUGIN_EXPORT const char *plugin_get_fields(void)
{
	return g_fields_json ? g_fields_json : "[]";
}

SK_PLUGIN_EXPORT const char *plugin_get_extract_event_sources(void)
{
	return g_sources_json;
}

SK_PLUGIN_EXPORT uint16_t *plugin_get_extract_event_types(uint32_t *numtypes, ss_plugin_t *s)
{
	(void)s;
	return sk_sdk_plugin_event_types(numtypes);
}

SK_PLUGIN_EXPORT const char *plugin_get_init_schema(ss_plugin_schema_type *t)
{
	*t = sk_sdk_source.init_schema ? SS_PLUGIN_SCHEMA_JSON : SS_PLUGIN_SCHEMA_NONE;
	return sk_sdk_source.init_schema ? sk_sdk_source.init_schema : "";
}

SK_PLUGIN_EXPORT const char *plugin_list_open_params(ss_plugin_t *s, ss_plugin_rc *rc)
{
	(void)s;
	*rc = SS_PLUGIN_SUCCESS;
	return sk_sdk_source.open_params ? sk_sdk_source.open_params : "[]";
}

SK_PLUGIN_EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	const sk_sdk_source_def_t *d = &sk_sdk_source;
	sk_sdk_plugin_t *p = calloc(1, d->state_size);

	*rc = SS_PLUGIN_FAILURE;
	if (!p)
		return NULL;
	p->name = d->name;
	if (in) {
		p->owner = in->owner;
		p->log = in->log_fn;
	}
	/* the state is returned even on failure: get_last_error says why */
	p->metrics = calloc(d->ncounters + d->nextra + 1, sizeof(*p->metrics));
	if (!p->metrics)
		sk_sdk_err_set(&p->err, "out of memory");
	else if (d->init(p, in ? in->config : NULL) == 0)
		*rc = SS_PLUGIN_SUCCESS;
	return p;
}

SK_PLUGIN_EXPORT void plugin_destroy(ss_plugin_t *s)
{
	sk_sdk_plugin_t *p = s;

	if (!p)
		return;
	sk_sdk_source.destroy(p);
	free(p->metrics);
	free(p);
}

SK_PLUGIN_EXPORT const char *plugin_get_last_error(ss_plugin_t *s)
{
	sk_sdk_plugin_t *p = s;

	return p ? p->err.msg : "no plugin state";
}

static void inst_free(sk_sdk_inst_t *in)
{
	if (!in)
		return;
	sk_sdk_source.close(in);
	sk_sdk_batch_free(&in->batch);
	free(in);
}

SK_PLUGIN_EXPORT ss_instance_t *plugin_open(ss_plugin_t *s, const char *params, ss_plugin_rc *rc)
{
	sk_sdk_plugin_t *p = s;
	sk_sdk_inst_t *in = calloc(1, sk_sdk_source.inst_size);

	*rc = SS_PLUGIN_FAILURE;
	if (!in) {
		sk_sdk_err_set(&p->err, "out of memory");
		return NULL;
	}
	in->plugin = p;
	if (sk_sdk_batch_init(&in->batch, p->batch_max, 0) < 0) {
		sk_sdk_err_set(&p->err, "out of memory");
		goto fail;
	}
	if (sk_sdk_source.open(p, in, params ? params : "") < 0)
		goto fail;
	p->inst = in;
	*rc = SS_PLUGIN_SUCCESS;
	return in;
fail:
	inst_free(in);
	return NULL;
}

SK_PLUGIN_EXPORT void plugin_close(ss_plugin_t *s, ss_instance_t *h)
{
	sk_sdk_plugin_t *p = s;

	if (p && p->inst == h)
		p->inst = NULL;
	inst_free(h);
}

SK_PLUGIN_EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t *s, ss_instance_t *h, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	sk_sdk_inst_t *in = h;
	ss_plugin_rc rc;

	*nevts = 0;
	*evts = NULL;
	sk_sdk_batch_reset(&in->batch);
	rc = sk_sdk_source.next_batch(s, in);
	if (rc == SS_PLUGIN_SUCCESS) {
		*nevts = in->batch.count;
		*evts = sk_sdk_batch_events(&in->batch);
	}
	return rc;
}

SK_PLUGIN_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	sk_sdk_plugin_t *p = s;
	uint32_t i;
	int r;

	sk_sdk_source.extract_begin(p);
	for (i = 0; i < in->num_fields; i++) {
		r = sk_sdk_source.extract(p, ev, &in->fields[i]);
		if (r < 0) {
			sk_sdk_err_set(&p->err, "%s: cannot extract %s: %s", sk_sdk_source.name,
				in->fields[i].field ? in->fields[i].field : "?", strerror(-r));
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}

SK_PLUGIN_EXPORT ss_plugin_metric *plugin_get_metrics(ss_plugin_t *s, uint32_t *num_metrics)
{
	const sk_sdk_source_def_t *d = &sk_sdk_source;
	sk_sdk_plugin_t *p = s;
	ss_plugin_metric *m = p->metrics;
	uint32_t n = 0;
	size_t i;

	for (i = 0; p->counters && i < d->ncounters; i++)
		sk_sdk_metric_u64(&m[n++], d->counter_names[i], SS_PLUGIN_METRIC_TYPE_MONOTONIC,
			atomic_load_explicit(&p->counters[i], memory_order_relaxed));
	if (d->metrics)
		n += d->metrics(p, m + n);
	*num_metrics = n;
	return m;
}
