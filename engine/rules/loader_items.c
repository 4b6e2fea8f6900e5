/* loader_items.c - documents and items: required_engine_version,
 * required_plugin_versions, list, macro (rules are in loader_rule.c). */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader_items.h"

static void vdiag(ld_state_t *st, sk_diag_level_t lvl, const ld_loc_t *loc, const char *kind,
	const char *name, const char *code, const char *fmt, va_list ap)
{
	char msg[1536];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	sk__diag_add(st->diags, lvl, loc && loc->src ? loc->src->name : NULL, loc ? loc->line : 0,
		loc ? loc->col : 0, kind, name, code, "%s", msg);
}

int ld_err(ld_state_t *st, const ld_loc_t *loc, const char *kind, const char *name,
	const char *code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(st, SK_DIAG_ERROR, loc, kind, name, code, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

void ld_warn(ld_state_t *st, const ld_loc_t *loc, const char *kind, const char *name,
	const char *code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(st, SK_DIAG_WARNING, loc, kind, name, code, fmt, ap);
	va_end(ap);
}

void ld_strv_free(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

ld_loc_t ld_loc(const sk__src_t *src, const sk__ynode_t *n)
{
	ld_loc_t l = { src, n ? n->line : 0, n ? n->col : 0 };
	return l;
}

void ld_check_keys(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const char *kind, const char *name, const char *const *allowed)
{
	for (size_t i = 0; i < item->n; i++) {
		const sk__ynode_t *k = &item->k[i];
		bool ok = false;
		for (size_t j = 0; allowed[j] && k->kind == SK_Y_SCALAR; j++)
			if (!strcmp(k->s, allowed[j]))
				ok = true;
		if (!ok) {
			ld_loc_t l = ld_loc(src, k);
			ld_warn(st, &l, kind, name, "LOAD_UNKNOWN_KEY",
				"Unknown key '%s'. The key will be ignored.",
				k->kind == SK_Y_SCALAR ? k->s : "?");
		}
	}
}

int ld_get_scalar(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const char *key, bool required, const char *kind, const char *name,
	const sk__ynode_t **out)
{
	const sk__ynode_t *v = sk__ymap_get(item, key);
	*out = NULL;
	if (!v) {
		if (!required)
			return 0;
		ld_loc_t l = ld_loc(src, item);
		return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Item has no mapping for key '%s'", key);
	}
	ld_loc_t l = ld_loc(src, v);
	if (v->kind == SK_Y_NULL || (v->kind == SK_Y_SCALAR && v->slen == 0 && required))
		return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Mapping for key '%s' is empty", key);
	if (v->kind != SK_Y_SCALAR)
		return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Value for key '%s' must be a string, not a %s", key,
			v->kind == SK_Y_SEQ ? "sequence" : "mapping");
	*out = v;
	return 0;
}

int ld_get_bool(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item, const char *key,
	const char *kind, const char *name, bool *present, bool *out)
{
	const sk__ynode_t *v = sk__ymap_get(item, key);
	*present = v != NULL;
	if (!v)
		return 0;
	if (sk__yaml_bool(v, out)) {
		ld_loc_t l = ld_loc(src, v);
		return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Value for key '%s' must be a boolean, got '%s'", key,
			v->kind == SK_Y_SCALAR ? v->s : "?");
	}
	return 0;
}

/* A sequence of scalars into a string vector. */
int ld_get_strv(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *v, const char *key,
	const char *kind, const char *name, char ***out, size_t *n)
{
	ld_loc_t l = ld_loc(src, v);
	*out = NULL;
	*n = 0;
	if (v->kind != SK_Y_SEQ)
		return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Value for key '%s' must be a sequence of strings", key);
	if (!v->n)
		return 0;
	char **r = calloc(v->n, sizeof(char *));
	if (!r)
		return -ENOMEM;
	for (size_t i = 0; i < v->n; i++) {
		if (v->v[i].kind != SK_Y_SCALAR) {
			ld_strv_free(r, i);
			l = ld_loc(src, &v->v[i]);
			return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"Value for key '%s' must be a sequence of strings", key);
		}
		if (!(r[i] = strdup(v->v[i].s))) {
			ld_strv_free(r, i);
			return -ENOMEM;
		}
	}
	*out = r;
	*n = v->n;
	return 0;
}

int ld_strv_append(char ***v, size_t *n, char *const *add, size_t nadd)
{
	if (!nadd)
		return 0;
	char **nv = realloc(*v, sk__grow_cap(*n + nadd) * sizeof(char *));
	if (!nv)
		return -ENOMEM;
	*v = nv;
	for (size_t i = 0; i < nadd; i++) {
		if (!(nv[*n] = strdup(add[i])))
			return -ENOMEM;
		(*n)++;
	}
	return 0;
}

/* ---- override maps ------------------------------------------------------ */

int ld_override_mode(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *ov,
	const char *key, const char *kind, const char *name, int *mode)
{
	*mode = LD_OV_NONE;
	const sk__ynode_t *m = sk__ymap_get(ov, key);
	if (!m)
		return 0;
	ld_loc_t l = ld_loc(src, m);
	if (m->kind == SK_Y_SCALAR && !strcmp(m->s, "append"))
		*mode = LD_OV_APPEND;
	else if (m->kind == SK_Y_SCALAR && !strcmp(m->s, "replace"))
		*mode = LD_OV_REPLACE;
	else
		return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Invalid override value for key '%s': must be 'append' or 'replace'", key);
	return 0;
}

/* Common override checks: map, no append:true, listed keys exist and are
 * allowed, overridable keys present are listed. */
int ld_override_check(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const sk__ynode_t *ov, bool append_flag, const char *kind, const char *name,
	const char *const *appendable, const char *const *replaceable)
{
	ld_loc_t l = ld_loc(src, ov);
	if (append_flag)
		return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Keys 'override' and 'append: true' cannot be used together. Add an 'append' "
			"entry (e.g. 'condition: append') under 'override' instead.");
	if (ov->kind != SK_Y_MAP)
		return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Value for key 'override' must be a mapping");
	for (size_t i = 0; i < ov->n; i++) {
		const sk__ynode_t *k = &ov->k[i], *v = &ov->v[i];
		l = ld_loc(src, k);
		if (k->kind != SK_Y_SCALAR || v->kind != SK_Y_SCALAR)
			return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"Entries under 'override' must be '<key>: append|replace'");
		const char *const *tab = !strcmp(v->s, "append") ? appendable
			: !strcmp(v->s, "replace")                  ? replaceable
								     : NULL;
		if (!tab)
			return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"Invalid override value for key '%s': must be 'append' or 'replace'", k->s);
		bool ok = false;
		for (size_t j = 0; tab[j]; j++)
			ok |= !strcmp(tab[j], k->s);
		if (!ok)
			return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"Key '%s' cannot be overridden with '%s'", k->s, v->s);
		if (!sk__ymap_get(item, k->s))
			return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"An 'override' entry for key '%s' was given but the item has no key '%s'",
				k->s, k->s);
	}
	for (size_t i = 0; i < item->n; i++) {
		const sk__ynode_t *k = &item->k[i];
		if (k->kind != SK_Y_SCALAR)
			continue;
		bool overridable = false;
		for (size_t j = 0; replaceable[j]; j++)
			overridable |= !strcmp(replaceable[j], k->s);
		for (size_t j = 0; appendable[j]; j++)
			overridable |= !strcmp(appendable[j], k->s);
		if (overridable && !sk__ymap_get(ov, k->s)) {
			l = ld_loc(src, k);
			return ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"Unexpected key '%s': no corresponding entry under 'override' is defined.",
				k->s);
		}
	}
	return 0;
}

/* ---- required_engine_version ------------------------------------------- */

static int do_engine_version(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	static const char *const keys[] = { "required_engine_version", NULL };
	const sk__ynode_t *v;
	int rc = ld_get_scalar(st, src, item, "required_engine_version", true,
		"required_engine_version", NULL, &v);
	if (rc)
		return rc;
	ld_check_keys(st, src, item, "required_engine_version", NULL, keys);
	ld_loc_t l = ld_loc(src, v);
	sk__semver_t want, have = { SK_ENGINE_VERSION_MAJOR, SK_ENGINE_VERSION_MINOR,
		SK_ENGINE_VERSION_PATCH };
	bool digits = v->slen > 0;
	for (size_t i = 0; i < v->slen; i++)
		digits &= isdigit((unsigned char)v->s[i]) != 0;
	if (digits) {
		want.major = SK_ENGINE_VERSION_MAJOR;
		want.minor = strtoul(v->s, NULL, 10);
		want.patch = SK_ENGINE_VERSION_PATCH;
	} else if (sk__semver_parse(v->s, &want)) {
		return ld_err(st, &l, "required_engine_version", NULL, "LOAD_ERR_YAML_VALIDATE",
			"Unable to parse engine version '%s' as a semver string. Expected \"x.y.z\" "
			"semver format.", v->s);
	}
	if (!sk__semver_compatible(&have, &want))
		return ld_err(st, &l, "required_engine_version", NULL, "LOAD_ERR_VALIDATE",
			"Rules require engine version %lu.%lu.%lu, but engine version is %s",
			want.major, want.minor, want.patch, SK_ENGINE_VERSION);
	return 0;
}

/* ---- required_plugin_versions ------------------------------------------ */

static int read_req_alt(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *m,
	ld_req_alt_t *out)
{
	static const char *const keys[] = { "name", "version", "alternatives", NULL };
	const char *kind = "required_plugin_versions";
	ld_loc_t l = ld_loc(src, m);
	if (m->kind != SK_Y_MAP)
		return ld_err(st, &l, kind, NULL, "LOAD_ERR_YAML_VALIDATE",
			"Each required plugin must be a mapping with 'name' and 'version'");
	const sk__ynode_t *n, *v;
	int rc = ld_get_scalar(st, src, m, "name", true, kind, NULL, &n);
	if (!rc)
		rc = ld_get_scalar(st, src, m, "version", true, kind, n->s, &v);
	if (rc)
		return rc;
	ld_check_keys(st, src, m, kind, n->s, keys);
	sk__semver_t sv;
	if (sk__semver_parse(v->s, &sv)) {
		l = ld_loc(src, v);
		return ld_err(st, &l, kind, n->s, "LOAD_ERR_YAML_VALIDATE",
			"Unable to parse plugin version '%s' as a semver string", v->s);
	}
	out->name = strdup(n->s);
	out->version = strdup(v->s);
	return out->name && out->version ? 0 : -ENOMEM;
}

static int do_plugin_versions(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	static const char *const keys[] = { "required_plugin_versions", NULL };
	const char *kind = "required_plugin_versions";
	const sk__ynode_t *seq = sk__ymap_get(item, "required_plugin_versions");
	ld_check_keys(st, src, item, kind, NULL, keys);
	ld_loc_t l = ld_loc(src, seq);
	if (seq->kind == SK_Y_NULL)
		return 0;
	if (seq->kind != SK_Y_SEQ)
		return ld_err(st, &l, kind, NULL, "LOAD_ERR_YAML_VALIDATE",
			"Value of required_plugin_versions must be a sequence");
	for (size_t i = 0; i < seq->n; i++) {
		const sk__ynode_t *e = &seq->v[i];
		ld_req_t *nr = realloc(st->reqs, (st->nreqs + 1) * sizeof(*nr));
		if (!nr)
			return -ENOMEM;
		st->reqs = nr;
		ld_req_t *r = &nr[st->nreqs];
		memset(r, 0, sizeof(*r));
		r->loc = ld_loc(src, e);
		const sk__ynode_t *alts = e->kind == SK_Y_MAP ? sk__ymap_get(e, "alternatives") : NULL;
		size_t na = 1 + (alts && alts->kind == SK_Y_SEQ ? alts->n : 0);
		r->alts = calloc(na, sizeof(*r->alts));
		if (!r->alts)
			return -ENOMEM;
		st->nreqs++;
		r->nalts = 1;
		int rc = read_req_alt(st, src, e, &r->alts[0]);
		if (rc)
			return rc;
		if (alts && alts->kind != SK_Y_SEQ && alts->kind != SK_Y_NULL) {
			l = ld_loc(src, alts);
			return ld_err(st, &l, kind, r->alts[0].name, "LOAD_ERR_YAML_VALIDATE",
				"Value of alternatives must be a sequence");
		}
		for (size_t j = 1; j < na; j++) {
			rc = read_req_alt(st, src, &alts->v[j - 1], &r->alts[j]);
			r->nalts = j + 1;
			if (rc)
				return rc;
		}
	}
	return 0;
}

static bool same_req(const ld_req_t *a, const ld_req_t *b)
{
	if (a->nalts != b->nalts)
		return false;
	for (size_t i = 0; i < a->nalts; i++)
		if (strcmp(a->alts[i].name, b->alts[i].name) ||
			strcmp(a->alts[i].version, b->alts[i].version))
			return false;
	return true;
}

int ld_check_plugin_requirements(ld_state_t *st)
{
	int ret = 0;
	for (size_t i = 0; i < st->nreqs; i++) {
		const ld_req_t *r = &st->reqs[i];
		bool found = false, dup = false;
		/* the syscall files all repeat "container >= 0.4.0": report once */
		for (size_t j = 0; j < i && !dup; j++)
			dup = same_req(r, &st->reqs[j]);
		if (dup)
			continue;
		for (size_t j = 0; j < r->nalts && !found; j++) {
			const char *have = st->host && st->host->plugin_version
				? st->host->plugin_version(st->host->ctx, r->alts[j].name)
				: NULL;
			if (!have)
				continue;
			found = true;
			sk__semver_t hv, wv;
			sk__semver_parse(r->alts[j].version, &wv);
			if (sk__semver_parse(have, &hv) || !sk__semver_compatible(&hv, &wv))
				ret = ld_err(st, &r->loc, "required_plugin_versions", r->alts[j].name,
					"LOAD_ERR_VALIDATE",
					"Plugin '%s' version '%s' is not compatible with required plugin "
					"version '%s'", r->alts[j].name, have, r->alts[j].version);
		}
		if (!found) {
			char buf[1024];
			size_t o = 0;
			buf[0] = '\0';
			for (size_t j = 0; j < r->nalts && o < sizeof(buf); j++) {
				int w = snprintf(buf + o, sizeof(buf) - o, "%s%s (>= %s)", j ? ", " : "",
					r->alts[j].name, r->alts[j].version);
				if (w > 0)
					o += (size_t)w;
			}
			ret = ld_err(st, &r->loc, "required_plugin_versions", r->alts[0].name,
				"LOAD_ERR_VALIDATE", "Plugin requirement not satisfied, must load one of: %s",
				buf);
		}
	}
	return ret;
}

/* ---- list -------------------------------------------------------------- */

static ld_list_t *find_list(ld_state_t *st, const char *name)
{
	size_t i;
	return sk__nameidx_get(&st->list_idx, name, &i) ? &st->lists[i] : NULL;
}

static bool valid_list_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (strchr("()\"'=,", *s) || isspace((unsigned char)*s))
			return false;
	return true;
}

static bool valid_macro_name(const char *s)
{
	if (!isalpha((unsigned char)*s))
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return false;
	return true;
}

static int do_list(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	static const char *const keys[] = { "list", "items", "append", "override", NULL };
	static const char *const ovk[] = { "items", NULL };
	const sk__ynode_t *nn, *items;
	int rc = ld_get_scalar(st, src, item, "list", true, "list", NULL, &nn);
	if (rc)
		return rc;
	const char *name = nn->s;
	ld_loc_t loc = ld_loc(src, item);
	ld_check_keys(st, src, item, "list", name, keys);
	if (!valid_list_name(name))
		ld_warn(st, &loc, "list", name, "LOAD_INVALID_LIST_NAME",
			"List has an invalid name. List names should match a regular expression: "
			"[^()\"'[:space:]=,]+");
	bool app = false, has_app;
	if ((rc = ld_get_bool(st, src, item, "append", "list", name, &has_app, &app)))
		return rc;
	items = sk__ymap_get(item, "items");
	const sk__ynode_t *ov = sk__ymap_get(item, "override");
	int mode = LD_OV_NONE;
	if (ov) {
		if ((rc = ld_override_check(st, src, item, ov, app, "list", name, ovk, ovk)))
			return rc;
		if ((rc = ld_override_mode(st, src, ov, "items", "list", name, &mode)))
			return rc;
	} else if (app) {
		ld_warn(st, &loc, "list", name, "LOAD_DEPRECATED_ITEM",
			"'append' key is deprecated. Add an 'append' entry (e.g. 'items: append') under "
			"'override' instead.");
		mode = LD_OV_APPEND;
	}
	if (!items) {
		if (mode != LD_OV_NONE)
			return 0;
		return ld_err(st, &loc, "list", name, "LOAD_ERR_YAML_VALIDATE",
			"Item has no mapping for key 'items'");
	}
	char **v;
	size_t n;
	if ((rc = ld_get_strv(st, src, items, "items", "list", name, &v, &n)))
		return rc;
	ld_list_t *prev = find_list(st, name);
	if (mode == LD_OV_APPEND || mode == LD_OV_REPLACE) {
		if (!prev) {
			ld_strv_free(v, n);
			if (mode == LD_OV_APPEND)
				return ld_err(st, &loc, "list", name, "LOAD_ERR_VALIDATE",
					"List uses 'append' or 'override.items: append' but no list by that "
					"name already exists");
			return ld_err(st, &loc, "list", name, "LOAD_ERR_VALIDATE",
				"An 'override.items: replace' to a list was requested but no list by that "
				"name already exists");
		}
		if (mode == LD_OV_APPEND) {
			rc = ld_strv_append(&prev->items, &prev->n, v, n);
			ld_strv_free(v, n);
			return rc;
		}
		ld_strv_free(prev->items, prev->n);
		prev->items = v;
		prev->n = n;
		return 0;
	}
	if (prev) {
		ld_strv_free(prev->items, prev->n);
		prev->items = v;
		prev->n = n;
		prev->loc = loc;
		prev->vis = ++st->vis;
		return 0;
	}
	if (sk__grow(&st->lists, st->nlists, sizeof(*st->lists))) {
		ld_strv_free(v, n);
		return -ENOMEM;
	}
	ld_list_t *l = &st->lists[st->nlists];
	memset(l, 0, sizeof(*l));
	l->name = strdup(name);
	l->items = v;
	l->n = n;
	l->loc = loc;
	l->vis = ++st->vis;
	st->nlists++;
	if (!l->name || sk__nameidx_put(&st->list_idx, l->name, st->nlists - 1))
		return -ENOMEM;
	return 0;
}

/* ---- macro ------------------------------------------------------------- */

ld_macro_t *ld_find_macro(ld_state_t *st, const char *name)
{
	size_t i;
	return sk__nameidx_get(&st->macro_idx, name, &i) ? &st->macros[i] : NULL;
}

static int do_macro(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	static const char *const keys[] = { "macro", "condition", "append", "override", NULL };
	static const char *const ovk[] = { "condition", NULL };
	const sk__ynode_t *nn, *cond;
	int rc = ld_get_scalar(st, src, item, "macro", true, "macro", NULL, &nn);
	if (rc)
		return rc;
	const char *name = nn->s;
	ld_loc_t loc = ld_loc(src, item);
	ld_check_keys(st, src, item, "macro", name, keys);
	if (!valid_macro_name(name))
		ld_warn(st, &loc, "macro", name, "LOAD_INVALID_MACRO_NAME",
			"Macro has an invalid name. Macro names should match a regular expression: "
			"^[a-zA-Z]+[a-zA-Z0-9_]*$");
	bool app = false, has_app;
	if ((rc = ld_get_bool(st, src, item, "append", "macro", name, &has_app, &app)))
		return rc;
	const sk__ynode_t *ov = sk__ymap_get(item, "override");
	int mode = LD_OV_NONE;
	if (ov) {
		if ((rc = ld_override_check(st, src, item, ov, app, "macro", name, ovk, ovk)))
			return rc;
		if ((rc = ld_override_mode(st, src, ov, "condition", "macro", name, &mode)))
			return rc;
	} else if (app) {
		ld_warn(st, &loc, "macro", name, "LOAD_DEPRECATED_ITEM",
			"'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') "
			"under 'override' instead.");
		mode = LD_OV_APPEND;
	}
	if ((rc = ld_get_scalar(st, src, item, "condition", mode == LD_OV_NONE, "macro", name,
		     &cond)))
		return rc;
	if (!cond)
		return 0;
	ld_macro_t *prev = ld_find_macro(st, name);
	if (mode != LD_OV_NONE) {
		if (!prev) {
			if (mode == LD_OV_APPEND)
				return ld_err(st, &loc, "macro", name, "LOAD_ERR_VALIDATE",
					"Macro uses 'append' or 'override.condition: append' but no macro by "
					"that name already exists");
			return ld_err(st, &loc, "macro", name, "LOAD_ERR_VALIDATE",
				"An 'override.condition: replace' to a macro was requested but no macro by "
				"that name already exists");
		}
		if (mode == LD_OV_APPEND)
			return sk__text_append_scalar(&prev->cond, " ", src, cond);
		return sk__text_set_scalar(&prev->cond, src, cond);
	}
	if (prev) {
		prev->loc = loc;
		prev->vis = ++st->vis;
		return sk__text_set_scalar(&prev->cond, src, cond);
	}
	if (sk__grow(&st->macros, st->nmacros, sizeof(*st->macros)))
		return -ENOMEM;
	ld_macro_t *m = &st->macros[st->nmacros];
	memset(m, 0, sizeof(*m));
	st->nmacros++;
	m->name = strdup(name);
	m->loc = loc;
	m->vis = ++st->vis;
	m->index = m->vis;
	if (!m->name || sk__nameidx_put(&st->macro_idx, m->name, st->nmacros - 1))
		return -ENOMEM;
	return sk__text_set_scalar(&m->cond, src, cond);
}

/* ---- documents ---------------------------------------------------------- */

static int do_item(ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	if (sk__ymap_get(item, "required_engine_version"))
		return do_engine_version(st, src, item);
	if (sk__ymap_get(item, "required_plugin_versions"))
		return do_plugin_versions(st, src, item);
	if (sk__ymap_get(item, "list"))
		return do_list(st, src, item);
	if (sk__ymap_get(item, "macro"))
		return do_macro(st, src, item);
	if (sk__ymap_get(item, "rule"))
		return ld_do_rule(st, src, item);
	ld_loc_t l = ld_loc(src, item);
	ld_warn(st, &l, NULL, NULL, "LOAD_UNKNOWN_ITEM", "Unknown top level item");
	return 0;
}

int ld_read_source(ld_state_t *st, const sk__src_t *src)
{
	sk__ynode_t *docs;
	size_t ndocs;
	int rc = sk__yaml_parse(src->name, src->buf, src->len, &st->limits, &docs, &ndocs,
		st->diags);
	if (rc)
		return rc;
	for (size_t d = 0; d < ndocs && !rc; d++) {
		const sk__ynode_t *doc = &docs[d];
		if (doc->kind == SK_Y_NULL)
			continue;
		if (doc->kind != SK_Y_SEQ) {
			ld_loc_t l = ld_loc(src, doc);
			rc = ld_err(st, &l, NULL, NULL, "LOAD_ERR_YAML_VALIDATE",
				"Rules content is not yaml array of objects");
			break;
		}
		for (size_t i = 0; i < doc->n && !rc; i++) {
			const sk__ynode_t *item = &doc->v[i];
			if (item->kind == SK_Y_NULL)
				continue;
			if (item->kind != SK_Y_MAP) {
				ld_loc_t l = ld_loc(src, item);
				rc = ld_err(st, &l, NULL, NULL, "LOAD_ERR_YAML_VALIDATE",
					"Unexpected element type. Each element should be a yaml associative "
					"array.");
				break;
			}
			rc = do_item(st, src, item);
		}
	}
	sk__ydocs_free(docs, ndocs);
	return rc;
}
