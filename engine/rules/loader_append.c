#include "loader_append.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

bool sk__append_matches(const sk_rules_append_t *a, const char *rule, const char *source,
	char *const *tags, size_t ntags)
{
	if (a->source && *a->source && strcmp(a->source, source) != 0)
		return false;
	if (a->rule && *a->rule && strcmp(a->rule, rule) != 0)
		return false;
	for (size_t i = 0; i < a->ntags; i++) {
		bool found = false;
		for (size_t j = 0; j < ntags && !found; j++)
			found = strcmp(a->tags[i], tags[j]) == 0;
		if (!found)
			return false;
	}
	return true;
}

typedef struct names {
	const char **v;
	size_t n, cap;
	int err;
} names_t;

static void names_add(names_t *ns, const char *name)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], name) == 0)
			return;
	if (ns->n == ns->cap) {
		size_t cap = ns->cap ? ns->cap * 2 : 8;
		const char **v = realloc(ns->v, cap * sizeof(*v));
		if (!v) {
			ns->err = -ENOMEM;
			return;
		}
		ns->v = v;
		ns->cap = cap;
	}
	ns->v[ns->n++] = name;
}

typedef struct suggest {
	sk__text_t *out;
	int err;
} suggest_t;

/* Falco's suggested output token: "container_id=%container.id". */
static void suggest_cb(void *ud, const sk_field_info_t *f)
{
	suggest_t *sg = ud;
	if (sg->err || !(f->flags & SK_FIELD_ADD_OUTPUT))
		return;
	size_t len = strlen(f->name);
	char *key = malloc(len + 1);
	if (!key) {
		sg->err = -ENOMEM;
		return;
	}
	for (size_t i = 0; i <= len; i++)
		key[i] = f->name[i] == '.' ? '_' : f->name[i];
	if (sk__text_append_raw(sg->out, " ", 1) || sk__text_append_raw(sg->out, key, len) ||
	    sk__text_append_raw(sg->out, "=%", 2) ||
	    sk__text_append_raw(sg->out, f->name, len))
		sg->err = -ENOMEM;
	free(key);
}

int sk__append_apply(const sk_rules_opts_t *opts, const sk_rules_host_t *host,
	const char *rule, const char *source, char *const *tags, size_t ntags,
	sk__text_t *out, const char ***fields, size_t *nfields)
{
	names_t ns = { 0 };
	*fields = NULL;
	*nfields = 0;
	if (!opts)
		return 0;
	for (size_t i = 0; i < opts->nextra_fields; i++)
		names_add(&ns, opts->extra_fields[i]);
	for (size_t i = 0; i < opts->nappends && !ns.err; i++) {
		const sk_rules_append_t *a = &opts->appends[i];
		if (!sk__append_matches(a, rule, source, tags, ntags))
			continue;
		if (a->extra_output && *a->extra_output &&
		    (sk__text_append_raw(out, " ", 1) ||
		     sk__text_append_raw(out, a->extra_output, strlen(a->extra_output)))) {
			ns.err = -ENOMEM;
			break;
		}
		if (a->suggested_output && host && host->list_fields) {
			suggest_t sg = { out, 0 };
			host->list_fields(host->ctx, source, suggest_cb, &sg);
			if (sg.err) {
				ns.err = sg.err;
				break;
			}
		}
		for (size_t j = 0; j < a->nextra_fields; j++)
			names_add(&ns, a->extra_fields[j]);
	}
	if (ns.err) {
		free(ns.v);
		return ns.err;
	}
	*fields = ns.v;
	*nfields = ns.n;
	return 0;
}
