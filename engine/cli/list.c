/* Introspection output: --list-plugins, --list, /versions. */
#include "cli.h"

#include <errno.h>
#include <string.h>

#include <jansson.h>

#include "evt_fields.h"
#include "../rules/corr.h"
#include "../util/log.h"

#ifndef SAKER_VERSION
#define SAKER_VERSION "0.0.0"
#endif

void sk_cli_list_plugins(FILE *out, const sk_registry_t *reg)
{
	fprintf(out, "%zu Plugins Loaded:\n\n", reg->n);
	for (size_t i = 0; i < reg->n; i++) {
		const sk_plugin_t *p = reg->plugins[i];
		fprintf(out, "Name: %s\nDescription: %s\nContact: %s\nVersion: %s\n", p->name,
			p->description, p->contact, p->version);
		fprintf(out, "Capabilities:\n");
		if (p->caps & CAP_SOURCING)
			fprintf(out, "  - Event Sourcing (ID=%u, source='%s')\n", p->id, p->source);
		if (p->caps & CAP_EXTRACTION)
			fprintf(out, "  - Field Extraction\n");
		if (p->caps & CAP_PARSING)
			fprintf(out, "  - Event Parsing\n");
		if (p->caps & CAP_ASYNC)
			fprintf(out, "  - Async Events\n");
		if (p->caps & CAP_CAPTURE_LISTENING)
			fprintf(out, "  - Capture Listening\n");
		fprintf(out, "\n");
	}
}

static const char *type_name(uint32_t t)
{
	const char *n = sk_ftype_name(t);
	return n ? n : "unknown";
}

typedef struct list_ctx {
	FILE *out;
	const sk_plugin_t *last;
	bool first;
} list_ctx_t;

static void print_field(void *ud, const sk_field_info_t *f, const sk_plugin_t *owner)
{
	list_ctx_t *c = ud;
	if (f->flags & SK_FIELD_HIDDEN)
		return;
	if (c->first || owner != c->last) {
		fprintf(c->out, "\nField Class: %s\n\n", owner ? owner->name : "evt (generic event fields)");
		c->first = false;
		c->last = owner;
	}
	char name[256];
	snprintf(name, sizeof(name), "%s%s", f->name,
		(f->flags & SK_FIELD_ARG_REQUIRED) ? "[arg]" : "");
	fprintf(c->out, "%-30s %-8s %s\n", name, type_name(f->ftype), f->desc);
}

int sk_cli_list_fields(FILE *out, const sk_registry_t *reg, const char *source)
{
	if (source && !sk_registry_source_known(reg, source))
		return -ENOENT;
	for (size_t i = 0; i < reg->n; i++) {
		const sk_plugin_t *p = reg->plugins[i];
		if (!(p->caps & CAP_SOURCING) || (source && strcmp(source, p->source) != 0))
			continue;
		fprintf(out, "Event Source: %s\n", p->source);
		list_ctx_t c = {.out = out, .first = true};
		sk_registry_foreach_field(reg, p->source, print_field, &c);
		fprintf(out, "\n");
	}
	/* Extractors with no loaded source still show what they offer. */
	if (!source) {
		for (size_t i = 0; i < reg->n; i++) {
			const sk_plugin_t *p = reg->plugins[i];
			if (!(p->caps & CAP_EXTRACTION) || (p->caps & CAP_SOURCING))
				continue;
			bool used = false;
			for (size_t s = 0; s < reg->n; s++)
				used = used || ((reg->plugins[s]->caps & CAP_SOURCING) &&
						       sk_registry_extracts(p, reg->plugins[s]->source));
			if (used)
				continue;
			list_ctx_t c = {.out = out, .first = true};
			for (size_t k = 0; k < p->nfields; k++)
				print_field(&c, &p->fields[k], p);
			fprintf(out, "\n");
		}
	}
	return 0;
}

int sk_cli_plugin_info(FILE *out, const sk_registry_t *reg, const char *name)
{
	const sk_plugin_t *p = sk_registry_find(reg, name);
	if (!p)
		return -ENOENT;
	char caps[128];
	sk_plugin_caps_string(p->caps, caps, sizeof(caps));
	fprintf(out, "Name: %s\nDescription: %s\nContact: %s\nVersion: %s\nRequired API version: %s\n"
		     "Library: %s\nCapabilities: %s\n",
		p->name, p->description, p->contact, p->version, p->required_api, p->path, caps);
	if (p->caps & CAP_SOURCING)
		fprintf(out, "Event source: %s (ID=%u)\n", p->source, p->id);
	if (p->api.get_init_schema) {
		ss_plugin_schema_type t = SS_PLUGIN_SCHEMA_NONE;
		const char *schema = p->api.get_init_schema(&t);
		if (schema && schema[0])
			fprintf(out, "Init config schema type: %s\n%s\n",
				t == SS_PLUGIN_SCHEMA_JSON ? "JSON" : "unknown", schema);
	}
	const sk_plugin_state_t *st = reg->primary[p->index];
	if ((p->caps & CAP_SOURCING) && p->api.list_open_params && st) {
		ss_plugin_rc rc = SS_PLUGIN_FAILURE;
		const char *op = p->api.list_open_params(st->state, &rc);
		if (rc == SS_PLUGIN_SUCCESS && op && op[0])
			fprintf(out, "Suggested open params:\n%s\n", op);
	}
	return 0;
}

char *sk_cli_versions_json(const sk_registry_t *reg)
{
	json_t *plugins = json_array();
	for (size_t i = 0; reg && i < reg->n; i++)
		json_array_append_new(plugins, json_pack("{s:s, s:s}", "name", reg->plugins[i]->name,
						       "version", reg->plugins[i]->version));
	json_t *v = json_pack("{s:s, s:s, s:s, s:o}", "saker_version", SAKER_VERSION,
		"engine_version", SAKER_VERSION, "plugin_api_version", PLUGIN_API_VERSION_STR,
		"plugins", plugins);
	char *s = v ? json_dumps(v, JSON_COMPACT) : NULL;
	json_decref(v);
	return s;
}

/* ---- correlations ------------------------------------------------------- */

static void print_step(FILE *out, const char *what, const sk_corr_step_t *s, size_t nby)
{
	if (s->rule)
		fprintf(out, "  %s: rule '%s' (source %s)\n", what, s->rule, s->source);
	else
		fprintf(out, "  %s: %s [source %s]: %s\n", what, s->name, s->source, s->condition);
	if (nby) {
		fprintf(out, "      by:");
		for (size_t k = 0; k < nby; k++)
			fprintf(out, " %s", s->by[k]);
		fprintf(out, "\n");
	}
}

void sk_cli_list_correlations(FILE *out, const sk_ruleset_t *rs)
{
	const sk_corr_def_t *d;
	size_t n = sk_ruleset_correlations(rs, &d);
	fprintf(out, "%zu correlation%s\n", n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		const sk_corr_def_t *c = &d[i];
		fprintf(out, "\nCorrelation: %s\n", c->name);
		fprintf(out, "  %s, within %llu ms", sk_corr_kind_name(c->kind),
			(unsigned long long)(c->within_ns / 1000000ull));
		if (c->threshold)
			fprintf(out, ", threshold %u", c->threshold);
		if (c->field)
			fprintf(out, " distinct %s", c->field);
		fprintf(out, ", priority %s, %s\n", sk_priority_name(c->priority),
			c->enabled ? "enabled" : !c->compiled ? "skipped (a step's source is not loaded)"
							      : "disabled");
		if (c->desc && c->desc[0])
			fprintf(out, "  %s\n", c->desc);
		for (size_t s = 0; c->compiled && s < c->nsteps; s++) {
			char what[32];
			snprintf(what, sizeof(what), "step %zu", s);
			print_step(out, what, &c->steps[s], c->nby);
		}
		if (c->compiled && c->until)
			print_step(out, "until", c->until, c->nby);
		if (c->ntags) {
			fprintf(out, "  tags:");
			for (size_t t = 0; t < c->ntags; t++)
				fprintf(out, " %s", c->tags[t]);
			fprintf(out, "\n");
		}
		fprintf(out, "  defined at %s:%u\n", c->file ? c->file : "<memory>", c->line);
	}
}

void sk_cli_correlation_summary(FILE *out, const sk_ruleset_t *rs)
{
	const sk_corr_def_t *d;
	size_t n = sk_ruleset_correlations(rs, &d), en = 0, skipped = 0;
	if (!n)
		return;
	for (size_t i = 0; i < n; i++) {
		en += d[i].enabled;
		skipped += !d[i].compiled;
	}
	if (out)
		fprintf(out, "%zu correlation%s (%zu enabled, %zu skipped: plugin not loaded)\n", n,
			n == 1 ? "" : "s", en, skipped);
	else
		sk_log(SK_LOG_INFO, NULL, "loaded %zu correlation%s (%zu enabled, %zu skipped: "
			"plugin not loaded)", n, n == 1 ? "" : "s", en, skipped);
}
