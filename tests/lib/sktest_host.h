/*
 * sktest_host.h - a table-driven sk_rules_host_t for the rules tests
 * (loader, correlation, evaluation, fuzz targets): a test describes its
 * sources, their field tables and the plugin versions it pretends are
 * loaded, and SKTEST_RULES_HOST makes the host from that description.
 *
 * Ownership: the description and its tables are the test's (static
 * storage); the host only points at them. Threading: read-only.
 */
#ifndef SKTEST_HOST_H
#define SKTEST_HOST_H

#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "rules/rules.h"

typedef struct sktest_source {
	const char *name;              /* "syscall", "k8s_audit", ... */
	const sk_field_info_t *fields;
	size_t nfields;
} sktest_source_t;

typedef struct sktest_host {
	const sktest_source_t *sources; /* terminated by name NULL */
	const char *const *versions;    /* plugin name, version, ..., NULL (may be NULL) */
	const char *any_version;        /* a plugin not in versions: NULL = not loaded */
	/* Optional: false hides a field of the table from that source. */
	bool (*visible)(const char *source, const char *field);
} sktest_host_t;

#define SKTEST_FIELDS(t) (t), (sizeof(t) / sizeof((t)[0]))

/* A NULL source means the first one (the syscall source). */
static inline const sktest_source_t *sktest_host_source(const sktest_host_t *h, const char *src)
{
	const sktest_source_t *s;

	for (s = h->sources; s->name; s++)
		if (!src || strcmp(s->name, src) == 0)
			return s;
	return NULL;
}

static inline int sktest_find_field(void *ctx, const char *source, const char *name,
	const sk_field_info_t **out)
{
	const sktest_host_t *h = ctx;
	const sktest_source_t *s = sktest_host_source(h, source);
	size_t i;

	for (i = 0; s && i < s->nfields; i++) {
		if (strcmp(s->fields[i].name, name) != 0)
			continue;
		if (h->visible && !h->visible(s->name, name))
			return -ENOENT;
		*out = &s->fields[i];
		return 0;
	}
	return -ENOENT;
}

static inline bool sktest_source_known(void *ctx, const char *source)
{
	return source && sktest_host_source(ctx, source) != NULL;
}

static inline const char *sktest_plugin_version(void *ctx, const char *name)
{
	const sktest_host_t *h = ctx;
	const char *const *v;

	for (v = h->versions; v && v[0]; v += 2)
		if (strcmp(v[0], name) == 0)
			return v[1];
	return h->any_version;
}

/* An sk_rules_host_t initialiser over the description h (an lvalue). */
#define SKTEST_RULES_HOST(h) \
	{ (void *)&(h), sktest_find_field, sktest_source_known, sktest_plugin_version, NULL }

#endif /* SKTEST_HOST_H */
