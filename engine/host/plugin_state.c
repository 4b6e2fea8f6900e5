/* Plugin states: plugin_init with the owner, log and tables inputs, init
 * schema validation, event schema check, routing event types. */
#include "plugin.h"
#include "plugin_schema.h"
#include "tables.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../util/log.h"

const char *sk__owner_last_error(ss_plugin_owner_t *o)
{
	sk_plugin_state_t *s = o;
	/* Table calls are the host services that fail; their error is per thread. */
	const char *te = sk_tables_last_error();
	if (te && te[0])
		return te;
	return s && s->last_error[0] ? s->last_error : NULL;
}

static void owner_log(ss_plugin_owner_t *o, const char *component, const char *msg,
	ss_plugin_log_severity sev)
{
	sk_plugin_state_t *s = o;
	sk_log_level_t lvl;
	switch (sev) {
	case SS_PLUGIN_LOG_SEV_FATAL:
	case SS_PLUGIN_LOG_SEV_CRITICAL:
	case SS_PLUGIN_LOG_SEV_ERROR:
		lvl = SK_LOG_ERROR;
		break;
	case SS_PLUGIN_LOG_SEV_WARNING:
		lvl = SK_LOG_WARNING;
		break;
	case SS_PLUGIN_LOG_SEV_NOTICE:
		lvl = SK_LOG_NOTICE;
		break;
	case SS_PLUGIN_LOG_SEV_INFO:
		lvl = SK_LOG_INFO;
		break;
	default:
		lvl = SK_LOG_DEBUG;
		break;
	}
	const char *comp = component ? component : (s && s->plugin ? s->plugin->name : "plugin");
	sk_log(lvl, comp, "%s", msg ? msg : "");
}

/* The plugin's required API minor ("3.<minor>.x"); the loader validated it. */
static uint32_t api_minor(const sk_plugin_t *p)
{
	unsigned maj = 0, min = 0, pat = 0;
	if (!p->required_api || sscanf(p->required_api, "%u.%u.%u", &maj, &min, &pat) != 3)
		return PLUGIN_API_VERSION_MINOR;
	return min;
}

static int validate_config(sk_plugin_t *p, char *err, size_t errlen)
{
	if (!p->api.get_init_schema)
		return 0;
	ss_plugin_schema_type st = SS_PLUGIN_SCHEMA_NONE;
	const char *schema = p->api.get_init_schema(&st);
	if (!schema || !schema[0] || st == SS_PLUGIN_SCHEMA_NONE)
		return 0;
	if (st != SS_PLUGIN_SCHEMA_JSON) {
		snprintf(err, errlen, "get_init_schema returned an unknown schema type %d", (int)st);
		return -EINVAL;
	}
	json_t *js = json_loads(schema, JSON_DECODE_ANY, NULL);
	if (!json_is_object(js)) {
		json_decref(js);
		snprintf(err, errlen, "get_init_schema did not return a json object");
		return -EINVAL;
	}
	/* Validation sees "{}" for an empty config, as libsinsp; the plugin
	 * itself still receives the text unchanged. */
	const char *cfg = (p->init_config && p->init_config[0]) ? p->init_config : "{}";
	json_t *jc = json_loads(cfg, JSON_DECODE_ANY, NULL);
	if (!jc) {
		json_decref(js);
		snprintf(err, errlen, "init config is not a valid json");
		return -EINVAL;
	}
	char why[768];
	int vrc = sk_plugin_schema_validate(js, jc, why, sizeof(why));
	json_decref(js);
	json_decref(jc);
	if (vrc) {
		snprintf(err, errlen, "error in plugin %s init config: %s", p->name, why);
		return -EINVAL;
	}
	return 0;
}

int sk_plugin_state_new_for(sk_plugin_t *p, const char *source, sk_plugin_state_t **out,
	bool *table_missed, char *err, size_t errlen)
{
	*out = NULL;
	if (table_missed)
		*table_missed = false;
	sk_plugin_state_t *s = calloc(1, sizeof(*s));
	if (!s || !(s->tables_source = strdup(source ? source : ""))) {
		free(s);
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	s->plugin = p;
	int rc = validate_config(p, err, errlen);
	if (rc)
		goto fail;
	if ((rc = sk_tables_bind_owner(s, s->tables_source, api_minor(p)))) {
		snprintf(err, errlen, "cannot bind the plugin to the tables of source '%s'",
			s->tables_source);
		goto fail;
	}
	sk_tables_begin_init(s);
	ss_plugin_init_input in = {
		.config = p->init_config ? p->init_config : "",
		.owner = s,
		.get_owner_last_error = sk__owner_last_error,
		/* Every plugin gets a tables input (the C++ SDK reads it always). */
		.tables = sk_tables_init_input(),
		.log_fn = owner_log,
	};
	ss_plugin_rc prc = SS_PLUGIN_FAILURE;
	s->state = p->api.init(&in, &prc);
	bool missed = sk_tables_end_init(s);
	if (table_missed)
		*table_missed = missed;
	if (prc != SS_PLUGIN_SUCCESS) {
		const char *le = s->state ? p->api.get_last_error(s->state) : NULL;
		snprintf(err, errlen, "could not initialize plugin: %s",
			le && le[0] ? le : "unknown error");
		rc = -EINVAL;
		goto fail;
	}
	*out = s;
	return 0;
fail:
	sk_plugin_state_free(s);
	return rc;
}

int sk_plugin_state_new(sk_plugin_t *p, sk_plugin_state_t **out, char *err, size_t errlen)
{
	return sk_plugin_state_new_for(p, (p->caps & CAP_SOURCING) ? p->source : NULL, out, NULL,
		err, errlen);
}

int sk_plugin_check_event_schema(const sk_plugin_t *p, sk_plugin_state_t *s, char *err,
	size_t errlen)
{
	if (!p->api.get_required_event_schema_version || !s)
		return 0;
	const char *req = p->api.get_required_event_schema_version(s->state);
	if (!req || !req[0])
		return 0;
	unsigned rmaj, rmin, rpat, hmaj, hmin, hpat;
	if (sscanf(req, "%u.%u.%u", &rmaj, &rmin, &rpat) != 3) {
		snprintf(err, errlen, "plugin %s provided an invalid required event schema version: '%s'",
			p->name, req);
		return -EINVAL;
	}
	sscanf(SK_EVENT_SCHEMA_VERSION, "%u.%u.%u", &hmaj, &hmin, &hpat);
	const char *why = NULL;
	if (rmaj != hmaj)
		why = "major versions disagree";
	else if (hmin < rmin)
		why = "event schema's minor is less than the requested one";
	else if (hmin == rmin && hpat < rpat)
		why = "event schema's patch is less than the requested one";
	if (!why)
		return 0;
	snprintf(err, errlen, "plugin %s required event schema version '%s' not compatible with "
		"the event schema version in use '%s': %s", p->name, req, SK_EVENT_SCHEMA_VERSION, why);
	return -ENOTSUP;
}

void sk_plugin_state_free(sk_plugin_state_t *s)
{
	if (!s)
		return;
	sk_tables_remove_owner(s);
	if (s->state)
		s->plugin->api.destroy(s->state);
	free(s->tables_source);
	free(s);
}

static int fill_types(sk_plugin_t *p, sk_plugin_state_t *s,
	uint16_t *(*get)(uint32_t *, ss_plugin_t *), const sk_srcset_t *srcs, sk_typeset_t **out,
	char *err, size_t errlen)
{
	sk_typeset_t *t = calloc(1, sizeof(*t));
	if (!t) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	uint32_t n = 0;
	uint16_t *types = get ? get(&n, s->state) : NULL;
	if (types && n > 0) {
		for (uint32_t i = 0; i < n; i++)
			t->bits[types[i] >> 3] |= (uint8_t)(1u << (types[i] & 7));
	} else if (sk_srcset_has(srcs, SK_SYSCALL_SOURCE)) {
		t->all = true;
	} else {
		t->bits[PPME_PLUGINEVENT_E >> 3] |= (uint8_t)(1u << (PPME_PLUGINEVENT_E & 7));
	}
	(void)p;
	free(*out);
	*out = t;
	return 0;
}

int sk_plugin_init_types(sk_plugin_t *p, sk_plugin_state_t *s, char *err, size_t errlen)
{
	int rc = 0;
	if (p->caps & CAP_EXTRACTION)
		rc = fill_types(p, s, p->api.get_extract_event_types, &p->extract_sources,
			&p->extract_types, err, errlen);
	if (!rc && (p->caps & CAP_PARSING))
		rc = fill_types(p, s, p->api.get_parse_event_types, &p->parse_sources,
			&p->parse_types, err, errlen);
	return rc;
}
