/* loader.c - public entry points of the rules loader and the ruleset's
 * lifetime and introspection. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "corr_int.h"
#include "loader_corr.h"
#include "loader_items.h"

void sk__ld_rule_free(sk__ld_rule_t *r);

/* Bound on one rules file, so a wrong path (e.g. a device) cannot exhaust memory. */
#define SK_RULES_MAX_FILE (64u << 20)

void sk__ld_state_free(sk__ld_state_t *st)
{
	for (size_t i = 0; i < st->nlists; i++) {
		free(st->lists[i].name);
		sk__ld_strv_free(st->lists[i].items, st->lists[i].n);
		sk__ld_strv_free(st->lists[i].exp, st->lists[i].nexp);
	}
	free(st->lists);
	for (size_t i = 0; i < st->nmacros; i++) {
		free(st->macros[i].name);
		sk__text_free(&st->macros[i].cond);
		free(st->macros[i].subst);
		free(st->macros[i].map);
		sk__ast_free(st->macros[i].ast);
	}
	free(st->macros);
	for (size_t i = 0; i < st->nrules; i++)
		sk__ld_rule_free(&st->rules[i]);
	free(st->rules);
	for (size_t i = 0; i < st->nreqs; i++) {
		for (size_t j = 0; j < st->reqs[i].nalts; j++) {
			free(st->reqs[i].alts[j].name);
			free(st->reqs[i].alts[j].version);
		}
		free(st->reqs[i].alts);
	}
	free(st->reqs);
	sk__ld_corrs_free(st);
	for (size_t i = 0; i < st->nsrcs; i++) {
		free(st->srcs[i]->name);
		free(st->srcs[i]->buf);
		free(st->srcs[i]);
	}
	free(st->srcs);
	sk__nameidx_free(&st->list_idx);
	sk__nameidx_free(&st->macro_idx);
	sk__nameidx_free(&st->rule_idx);
	memset(st, 0, sizeof(*st));
}

void sk__ruleset_destroy(sk_ruleset_t *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->nrules; i++) {
		sk__rule_t *r = &rs->rules[i];
		free(r->name);
		free(r->desc);
		free(r->source);
		sk__ld_strv_free(r->tags, r->ntags);
		sk__ld_strv_free(r->exception_fields, r->nexception_fields);
		free(r->cond_text);
		free(r->output_text);
		sk__check_free(r->check);
		sk__fmt_free(r->fmt);
		free(r->evttypes);
		free(r->file);
	}
	free(rs->rules);
	for (size_t i = 0; i < rs->nmacros; i++) {
		free(rs->macros[i].name);
		free(rs->macros[i].text);
	}
	free(rs->macros);
	for (size_t i = 0; i < rs->nlists; i++) {
		free(rs->lists[i].name);
		free(rs->lists[i].text);
	}
	free(rs->lists);
	free(rs->sources);
	sk__corrset_free(rs->corr);
	sk__fieldtab_unref(rs->fields);
	free(rs);
}

sk_ruleset_t *sk_ruleset_ref(sk_ruleset_t *rs)
{
	if (rs)
		atomic_fetch_add_explicit(&rs->refs, 1, memory_order_relaxed);
	return rs;
}

void sk_ruleset_unref(sk_ruleset_t *rs)
{
	if (rs && atomic_fetch_sub_explicit(&rs->refs, 1, memory_order_acq_rel) == 1)
		sk__ruleset_destroy(rs);
}

void sk_ruleset_stats(const sk_ruleset_t *rs, sk_ruleset_stats_t *st)
{
	memset(st, 0, sizeof(*st));
	if (!rs)
		return;
	st->rules = rs->nrules;
	st->rules_enabled = rs->nrules_enabled;
	st->macros = rs->nmacros;
	st->lists = rs->nlists;
}

size_t sk_ruleset_sources(const sk_ruleset_t *rs, const char *const **out)
{
	*out = rs ? (const char *const *)rs->sources : NULL;
	return rs ? rs->nsources : 0;
}

static int cmp_u16(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

int sk_ruleset_event_types(const sk_ruleset_t *rs, const char *source, uint16_t **types,
	size_t *ntypes, bool *all)
{
	size_t total = 0;
	*types = NULL;
	*ntypes = 0;
	*all = false;
	if (!rs || !source)
		return -EINVAL;
	for (size_t i = 0; i < rs->nrules; i++) {
		const sk__rule_t *r = &rs->rules[i];
		if (!r->enabled || strcmp(r->source, source))
			continue;
		*all |= r->all_types;
		total += r->nevttypes;
	}
	total += sk__corr_event_types(rs, source, NULL, all);
	if (!total)
		return 0;
	uint16_t *v = malloc(total * sizeof(uint16_t));
	if (!v)
		return -ENOMEM;
	size_t n = 0;
	for (size_t i = 0; i < rs->nrules; i++) {
		const sk__rule_t *r = &rs->rules[i];
		if (!r->enabled || strcmp(r->source, source))
			continue;
		memcpy(v + n, r->evttypes, r->nevttypes * sizeof(uint16_t));
		n += r->nevttypes;
	}
	n += sk__corr_event_types(rs, source, v + n, all);
	qsort(v, n, sizeof(uint16_t), cmp_u16);
	size_t o = 0;
	for (size_t i = 0; i < n; i++)
		if (!o || v[o - 1] != v[i])
			v[o++] = v[i];
	*types = v;
	*ntypes = o;
	return 0;
}

static int add_src(sk__ld_state_t *st, const char *name, char *buf, size_t len)
{
	sk__src_t **nv = realloc(st->srcs, (st->nsrcs + 1) * sizeof(*nv));
	if (!nv)
		return -ENOMEM;
	st->srcs = nv;
	sk__src_t *s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->name = strdup(name ? name : "<memory>");
	s->buf = buf;
	s->len = len;
	nv[st->nsrcs++] = s;
	if (!s->name)
		return -ENOMEM;
	return 0;
}

static int finish(sk__ld_state_t *st, const sk_rules_opts_t *opts, sk_ruleset_t **out)
{
	int rc = 0;
	for (size_t i = 0; i < st->nsrcs && !rc; i++)
		rc = sk__ld_read_source(st, st->srcs[i]);
	if (!rc)
		rc = sk__ld_check_plugin_requirements(st);
	if (rc)
		return rc;
	sk_ruleset_t *rs = calloc(1, sizeof(*rs));
	if (!rs)
		return -ENOMEM;
	atomic_init(&rs->refs, 1);
	rs->matching = opts ? opts->matching : SK_MATCH_FIRST;
	rc = sk__ld_compile(st, opts, rs);
	if (!rc) {
		rs->sources = calloc(rs->nrules ? rs->nrules : 1, sizeof(char *));
		if (!rs->sources)
			rc = -ENOMEM;
	}
	for (size_t i = 0; !rc && i < rs->nrules; i++) {
		sk__rule_t *r = &rs->rules[i];
		if (!r->enabled)
			continue;
		rs->nrules_enabled++;
		bool seen = false;
		for (size_t j = 0; j < rs->nsources && !seen; j++)
			seen = !strcmp(rs->sources[j], r->source);
		if (!seen)
			rs->sources[rs->nsources++] = r->source;
	}
	if (rc) {
		sk__ruleset_destroy(rs);
		return rc;
	}
	*out = rs;
	return 0;
}

static int load_common(sk__ld_state_t *st, const sk_rules_opts_t *opts, sk_ruleset_t **out,
	sk_diags_t *diags, sk_diags_t *local)
{
	int rc = finish(st, opts, out);
	if (rc == -ENOMEM)
		sk__diag_add(diags, SK_DIAG_ERROR, NULL, 0, 0, NULL, NULL, "LOAD_ERR_NOMEM",
			"out of memory while loading rules");
	if (rc && diags->nerrors == 0)
		sk__diag_add(diags, SK_DIAG_ERROR, NULL, 0, 0, NULL, NULL, "LOAD_ERR_UNKNOWN",
			"rules could not be loaded (error %d)", rc);
	sk__ld_state_free(st);
	if (local)
		sk_diags_free(local);
	return rc;
}

int sk_ruleset_load_mem(const sk_rules_host_t *host, const char *const *names,
	const char *const *contents, size_t n, const sk_rules_opts_t *opts, sk_ruleset_t **out,
	sk_diags_t *diags)
{
	sk_diags_t local = { 0 };
	sk__ld_state_t st = { .host = host, .diags = diags ? diags : &local };
	st.limits = sk__rules_limits(opts ? &opts->limits : NULL);
	*out = NULL;
	for (size_t i = 0; i < n; i++) {
		size_t len = contents[i] ? strlen(contents[i]) : 0;
		char *b = malloc(len + 1);
		if (!b) {
			sk__ld_state_free(&st);
			sk_diags_free(&local);
			return -ENOMEM;
		}
		memcpy(b, contents[i] ? contents[i] : "", len + 1);
		if (add_src(&st, names ? names[i] : NULL, b, len)) {
			if (!st.nsrcs || st.srcs[st.nsrcs - 1]->buf != b)
				free(b);
			sk__ld_state_free(&st);
			sk_diags_free(&local);
			return -ENOMEM;
		}
	}
	return load_common(&st, opts, out, st.diags, diags ? NULL : &local);
}

static int read_file(const char *path, char **buf, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		int e = errno;
		snprintf(err, errlen, "Could not open rules file: %s", strerror(e));
		return -e;
	}
	size_t cap = 65536, n = 0;
	char *b = malloc(cap + 1);
	int rc = b ? 0 : -ENOMEM;
	while (!rc) {
		if (n == cap) {
			if (cap >= SK_RULES_MAX_FILE) {
				snprintf(err, errlen, "Rules file larger than %u bytes", SK_RULES_MAX_FILE);
				rc = -EFBIG;
				break;
			}
			cap *= 2;
			char *nb = realloc(b, cap + 1);
			if (!nb) {
				rc = -ENOMEM;
				break;
			}
			b = nb;
		}
		size_t r = fread(b + n, 1, cap - n, f);
		n += r;
		if (r == 0) {
			if (ferror(f)) {
				snprintf(err, errlen, "Could not read rules file: %s", strerror(EIO));
				rc = -EIO;
			}
			break;
		}
	}
	fclose(f);
	if (rc) {
		if (rc == -ENOMEM)
			snprintf(err, errlen, "out of memory reading rules file");
		free(b);
		return rc;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

int sk_ruleset_load(const sk_rules_host_t *host, const char *const *paths, size_t npaths,
	const sk_rules_opts_t *opts, sk_ruleset_t **out, sk_diags_t *diags)
{
	sk_diags_t local = { 0 };
	sk__ld_state_t st = { .host = host, .diags = diags ? diags : &local };
	st.limits = sk__rules_limits(opts ? &opts->limits : NULL);
	*out = NULL;
	for (size_t i = 0; i < npaths; i++) {
		char *b = NULL, err[256] = "";
		size_t len = 0;
		int rc = read_file(paths[i], &b, &len, err, sizeof(err));
		if (!rc && (rc = add_src(&st, paths[i], b, len)) && (!st.nsrcs ||
			    st.srcs[st.nsrcs - 1]->buf != b))
			free(b);
		if (rc) {
			if (rc != -ENOMEM || err[0])
				sk__diag_add(st.diags, SK_DIAG_ERROR, paths[i], 0, 0, NULL, NULL,
					"LOAD_ERR_FILE_READ", "%s", rc == -ENOMEM ? "out of memory" : err);
			sk__ld_state_free(&st);
			sk_diags_free(&local);
			return rc;
		}
	}
	return load_common(&st, opts, out, st.diags, diags ? NULL : &local);
}
