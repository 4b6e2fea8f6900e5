/* Plugin registry and field catalogue. */
#include "registry.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evt_fields.h"
#include "../util/log.h"

bool sk_registry_extracts(const sk_plugin_t *p, const char *source)
{
	return (p->caps & CAP_EXTRACTION) && sk_srcset_has(&p->extract_sources, source);
}

bool sk_registry_parses(const sk_plugin_t *p, const char *source)
{
	return (p->caps & CAP_PARSING) && sk_srcset_has(&p->parse_sources, source);
}

sk_plugin_t *sk_registry_find(const sk_registry_t *r, const char *name)
{
	for (size_t i = 0; r && i < r->n; i++)
		if (strcmp(r->plugins[i]->name, name) == 0 || strcmp(r->plugins[i]->cfg_name, name) == 0)
			return r->plugins[i];
	return NULL;
}

sk_plugin_t *sk_registry_source_plugin(const sk_registry_t *r, const char *source)
{
	for (size_t i = 0; r && i < r->n; i++)
		if ((r->plugins[i]->caps & CAP_SOURCING) && strcmp(r->plugins[i]->source, source) == 0)
			return r->plugins[i];
	return NULL;
}

bool sk_registry_source_known(const sk_registry_t *r, const char *source)
{
	return sk_registry_source_plugin(r, source) != NULL;
}

static const sk_field_info_t *plugin_field(const sk_plugin_t *p, const char *name)
{
	for (size_t i = 0; i < p->nfields; i++)
		if (strcmp(p->fields[i].name, name) == 0)
			return &p->fields[i];
	return NULL;
}

static int cat_find_field(void *ctx, const char *source, const char *name,
	const sk_field_info_t **out)
{
	const sk_registry_t *r = ctx;
	for (size_t i = 0; i < r->n; i++) {
		const sk_plugin_t *p = r->plugins[i];
		if (!sk_registry_extracts(p, source))
			continue;
		const sk_field_info_t *f = plugin_field(p, name);
		if (f) {
			*out = f;
			return 0;
		}
	}
	size_t n;
	const sk_field_info_t *evt = sk_evt_fields(&n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(evt[i].name, name) == 0) {
			*out = &evt[i];
			return 0;
		}
	}
	return -ENOENT;
}

static bool cat_source_known(void *ctx, const char *source)
{
	return sk_registry_source_known(ctx, source);
}

/* Unknown unless the source's plugin lists what its configured open
 * parameters deliver (saker_get_event_names). */
bool sk_registry_event_deliverable(void *ctx, const char *source, const char *name)
{
	const sk_plugin_t *p = sk_registry_source_plugin(ctx, source);
	const char *n = p && p->get_event_names ? p->get_event_names(p->open_params) : NULL;
	if (!n)
		return true;
	for (; *n; n += strlen(n) + 1)
		if (!strcmp(n, name))
			return true;
	return false;
}

static const char *cat_plugin_version(void *ctx, const char *name)
{
	const sk_registry_t *r = ctx;
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->plugins[i]->name, name) == 0)
			return r->plugins[i]->version;
	return NULL;
}

void sk_registry_foreach_field(const sk_registry_t *r, const char *source,
	void (*fn)(void *ud, const sk_field_info_t *f, const sk_plugin_t *owner), void *ud)
{
	for (size_t i = 0; i < r->n; i++) {
		const sk_plugin_t *p = r->plugins[i];
		if (!sk_registry_extracts(p, source))
			continue;
		for (size_t j = 0; j < p->nfields; j++)
			fn(ud, &p->fields[j], p);
	}
	size_t n;
	const sk_field_info_t *evt = sk_evt_fields(&n);
	for (size_t i = 0; i < n; i++) {
		const sk_field_info_t *f;
		if (cat_find_field((void *)r, source, evt[i].name, &f) == 0 && f == &evt[i])
			fn(ud, f, NULL);
	}
}

typedef struct list_ud {
	void (*fn)(void *ud, const sk_field_info_t *f);
	void *ud;
} list_ud_t;

static void list_one(void *ud, const sk_field_info_t *f, const sk_plugin_t *owner)
{
	(void)owner;
	list_ud_t *l = ud;
	l->fn(l->ud, f);
}

static void cat_list_fields(void *ctx, const char *source,
	void (*fn)(void *ud, const sk_field_info_t *f), void *ud)
{
	list_ud_t l = { fn, ud };
	sk_registry_foreach_field(ctx, source, list_one, &l);
}

void sk_registry_free(sk_registry_t *r)
{
	if (!r)
		return;
	/* Reverse order: later plugins may hold tables of earlier ones. */
	for (size_t i = r->n; i-- > 0;) {
		sk_plugin_state_free(r->primary[i]);
		sk_plugin_free(r->plugins[i]);
	}
	free(r->plugins);
	free(r->primary);
	free(r->primary_claimed);
	free(r);
}

static int check_cross(sk_registry_t *r, char *err, size_t errlen)
{
	for (size_t i = 0; i < r->n; i++) {
		sk_plugin_t *a = r->plugins[i];
		for (size_t j = 0; j < i; j++) {
			sk_plugin_t *b = r->plugins[j];
			if ((a->caps & CAP_SOURCING) && (b->caps & CAP_SOURCING)) {
				if (strcmp(a->source, b->source) == 0) {
					snprintf(err, errlen,
						"plugin '%s': cannot load plugin %s: event source '%s' is already provided by plugin '%s'",
						a->name, a->path, a->source, b->name);
					return -EEXIST;
				}
				if (a->id != 0 && a->id == b->id) {
					snprintf(err, errlen,
						"plugin '%s': cannot load plugin %s: plugin id %u is already used by plugin '%s'",
						a->name, a->path, a->id, b->name);
					return -EEXIST;
				}
			}
			if (strcmp(a->name, b->name) == 0) {
				snprintf(err, errlen,
					"plugin '%s': cannot load plugin %s: a plugin with the same name is already loaded",
					a->name, a->path);
				return -EEXIST;
			}
		}
	}
	/* Field overlap, per loaded source. */
	for (size_t s = 0; s < r->n; s++) {
		if (!(r->plugins[s]->caps & CAP_SOURCING))
			continue;
		const char *src = r->plugins[s]->source;
		for (size_t i = 0; i < r->n; i++) {
			sk_plugin_t *a = r->plugins[i];
			if (!sk_registry_extracts(a, src))
				continue;
			for (size_t j = 0; j < i; j++) {
				sk_plugin_t *b = r->plugins[j];
				if (!sk_registry_extracts(b, src))
					continue;
				for (size_t k = 0; k < a->nfields; k++) {
					if (plugin_field(b, a->fields[k].name)) {
						snprintf(err, errlen,
							"Plugin '%s' supports extraction of field '%s' that is overlapping for source '%s'",
							a->name, a->fields[k].name, src);
						return -EEXIST;
					}
				}
			}
		}
	}
	return 0;
}

int sk_registry_check_used(const sk_registry_t *r, char *err, size_t errlen)
{
	for (size_t i = 0; i < r->n; i++) {
		sk_plugin_t *p = r->plugins[i];
		if (!(p->caps & (CAP_EXTRACTION | CAP_PARSING)) || (p->caps & CAP_SOURCING))
			continue;
		bool used = false;
		for (size_t s = 0; s < r->n && !used; s++) {
			if (!(r->plugins[s]->caps & CAP_SOURCING))
				continue;
			used = sk_registry_extracts(p, r->plugins[s]->source) ||
				sk_registry_parses(p, r->plugins[s]->source);
		}
		if (!used) {
			snprintf(err, errlen,
				"Plugin '%s' is loaded but unused as not compatible with any known event source",
				p->name);
			return -ENOENT;
		}
	}
	return 0;
}

/* The source whose table registry a plugin's primary state joins: its own
 * when it is a source, else the first loaded source it works on. */
static const char *home_source(const sk_registry_t *r, const sk_plugin_t *p)
{
	if (p->caps & CAP_SOURCING)
		return p->source;
	for (size_t s = 0; s < r->n; s++) {
		const sk_plugin_t *q = r->plugins[s];
		if (!(q->caps & CAP_SOURCING))
			continue;
		if (sk_registry_extracts(p, q->source) || sk_registry_parses(p, q->source) ||
			((p->caps & CAP_ASYNC) && sk_srcset_has(&p->async_sources, q->source)))
			return q->source;
	}
	return NULL;
}

/* Initialises every primary state. A plugin whose init failed after a table
 * or field lookup missed is retried once the others are up, so the order of
 * `plugins:` does not matter (a table owner may come after its users). */
static int init_primaries(sk_registry_t *r, const sk_config_plugin_t *cfg, char *err,
	size_t errlen)
{
	char why[PLUGIN_MAX_ERRLEN + 256];
	bool progress = true;
	size_t pending = r->n;
	while (pending && progress) {
		progress = false;
		size_t last_fail = SIZE_MAX;
		for (size_t i = 0; i < r->n; i++) {
			if (r->primary[i])
				continue;
			sk_plugin_t *p = r->plugins[i];
			bool missed = false;
			int rc = sk_plugin_state_new_for(p, home_source(r, p), &r->primary[i], &missed,
				why, sizeof(why));
			if (rc && missed) {
				last_fail = i;
				snprintf(err, errlen, "plugin '%s': cannot initialize plugin %s: %s",
					cfg[i].name, cfg[i].library_path, why);
				continue;
			}
			if (!rc)
				rc = sk_plugin_init_types(p, r->primary[i], why, sizeof(why));
			if (rc) {
				snprintf(err, errlen, "plugin '%s': cannot initialize plugin %s: %s",
					cfg[i].name, cfg[i].library_path, why);
				return rc;
			}
			pending--;
			progress = true;
		}
		if (!progress && last_fail != SIZE_MAX)
			return -EINVAL; /* err holds the last deferred failure */
	}
	return 0;
}

int sk_registry_load(const sk_config_plugin_t *cfg, size_t n, sk_registry_t **out, char *err,
	size_t errlen)
{
	*out = NULL;
	sk_registry_t *r = calloc(1, sizeof(*r));
	if (r) {
		r->plugins = calloc(n ? n : 1, sizeof(*r->plugins));
		r->primary = calloc(n ? n : 1, sizeof(*r->primary));
		r->primary_claimed = calloc(n ? n : 1, sizeof(bool));
	}
	if (!r || !r->plugins || !r->primary || !r->primary_claimed) {
		if (r) {
			free(r->plugins);
			free(r->primary);
			free(r->primary_claimed);
		}
		free(r);
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	r->host = (sk_rules_host_t){
		.ctx = r,
		.find_field = cat_find_field,
		.source_known = cat_source_known,
		.plugin_version = cat_plugin_version,
		.list_fields = cat_list_fields,
	};
	int rc = 0;
	char why[PLUGIN_MAX_ERRLEN + 256];
	for (size_t i = 0; i < n; i++) {
		sk_plugin_t *p = NULL;
		if ((rc = sk_plugin_load(cfg[i].library_path, &p, why, sizeof(why)))) {
			snprintf(err, errlen, "plugin '%s': cannot load plugin %s: %s", cfg[i].name,
				cfg[i].library_path, why);
			goto fail;
		}
		p->index = (uint32_t)i;
		for (size_t k = 0; k < p->nfields; k++)
			p->fields[k].extractor = p->index + 1;
		p->cfg_name = strdup(cfg[i].name);
		p->init_config = strdup(cfg[i].init_config ? cfg[i].init_config : "");
		p->open_params = strdup(cfg[i].open_params ? cfg[i].open_params : "");
		r->plugins[r->n] = p;
		r->n++;
		if (!p->cfg_name || !p->init_config || !p->open_params) {
			snprintf(err, errlen, "out of memory");
			rc = -ENOMEM;
			goto fail;
		}
	}
	if ((rc = init_primaries(r, cfg, err, errlen)))
		goto fail;
	if ((rc = check_cross(r, err, errlen)))
		goto fail;
	*out = r;
	return 0;
fail:
	sk_registry_free(r);
	return rc ? rc : -EINVAL;
}
