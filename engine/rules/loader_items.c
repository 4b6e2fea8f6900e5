/* loader_items.c - documents and items: required_engine_version,
 * required_plugin_versions, list, macro (rules are in loader_rule.c). */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader_corr.h"
#include "loader_items.h"

static void vdiag(sk__ld_state_t *st, sk_diag_level_t lvl, const sk__ld_loc_t *loc,
	const char *kind, const char *name, const char *code, const char *fmt, va_list ap)
{
	char msg[1536];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	sk__diag_add(st->diags, lvl, loc && loc->src ? loc->src->name : NULL, loc ? loc->line : 0,
		loc ? loc->col : 0, kind, name, code, "%s", msg);
}

int sk__ld_err(sk__ld_state_t *st, const sk__ld_loc_t *loc, const char *kind, const char *name,
	const char *code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(st, SK_DIAG_ERROR, loc, kind, name, code, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

void sk__ld_warn(sk__ld_state_t *st, const sk__ld_loc_t *loc, const char *kind, const char *name,
	const char *code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(st, SK_DIAG_WARNING, loc, kind, name, code, fmt, ap);
	va_end(ap);
}

void sk__ld_strv_free(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

sk__ld_loc_t sk__ld_loc(const sk__src_t *src, const sk__ynode_t *n)
{
	sk__ld_loc_t l = { src, n ? n->line : 0, n ? n->col : 0 };
	return l;
}

void sk__ld_check_keys(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const char *kind, const char *name, const char *const *allowed)
{
	for (size_t i = 0; i < item->n; i++) {
		const sk__ynode_t *k = &item->k[i];
		bool ok = false;
		for (size_t j = 0; allowed[j] && k->kind == SK_Y_SCALAR; j++)
			if (!strcmp(k->s, allowed[j]))
				ok = true;
		if (!ok) {
			sk__ld_loc_t l = sk__ld_loc(src, k);
			sk__ld_warn(st, &l, kind, name, "LOAD_UNKNOWN_KEY",
				"Unknown key '%s'. The key will be ignored.",
				k->kind == SK_Y_SCALAR ? k->s : "?");
		}
	}
}

int sk__ld_get_scalar(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const char *key, bool required, const char *kind, const char *name,
	const sk__ynode_t **out)
{
	const sk__ynode_t *v = sk__ymap_get(item, key);
	*out = NULL;
	if (!v) {
		if (!required)
			return 0;
		sk__ld_loc_t l = sk__ld_loc(src, item);
		return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Item has no mapping for key '%s'", key);
	}
	sk__ld_loc_t l = sk__ld_loc(src, v);
	if (v->kind == SK_Y_NULL || (v->kind == SK_Y_SCALAR && v->slen == 0 && required))
		return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Mapping for key '%s' is empty", key);
	if (v->kind != SK_Y_SCALAR)
		return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Value for key '%s' must be a string, not a %s", key,
			v->kind == SK_Y_SEQ ? "sequence" : "mapping");
	*out = v;
	return 0;
}

int sk__ld_get_bool(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const char *key, const char *kind, const char *name, bool *present, bool *out)
{
	const sk__ynode_t *v = sk__ymap_get(item, key);
	*present = v != NULL;
	if (!v)
		return 0;
	if (sk__yaml_bool(v, out)) {
		sk__ld_loc_t l = sk__ld_loc(src, v);
		return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Value for key '%s' must be a boolean, got '%s'", key,
			v->kind == SK_Y_SCALAR ? v->s : "?");
	}
	return 0;
}

/* A sequence of scalars into a string vector. */
int sk__ld_get_strv(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *v, const char *key,
	const char *kind, const char *name, char ***out, size_t *n)
{
	sk__ld_loc_t l = sk__ld_loc(src, v);
	*out = NULL;
	*n = 0;
	if (v->kind != SK_Y_SEQ)
		return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Value for key '%s' must be a sequence of strings", key);
	if (!v->n)
		return 0;
	char **r = calloc(v->n, sizeof(char *));
	if (!r)
		return -ENOMEM;
	for (size_t i = 0; i < v->n; i++) {
		if (v->v[i].kind != SK_Y_SCALAR) {
			sk__ld_strv_free(r, i);
			l = sk__ld_loc(src, &v->v[i]);
			return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"Value for key '%s' must be a sequence of strings", key);
		}
		if (!(r[i] = strdup(v->v[i].s))) {
			sk__ld_strv_free(r, i);
			return -ENOMEM;
		}
	}
	*out = r;
	*n = v->n;
	return 0;
}

int sk__ld_strv_append(char ***v, size_t *n, char *const *add, size_t nadd)
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

int sk__ld_override_mode(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *ov,
	const char *key, const char *kind, const char *name, int *mode)
{
	*mode = LD_OV_NONE;
	const sk__ynode_t *m = sk__ymap_get(ov, key);
	if (!m)
		return 0;
	sk__ld_loc_t l = sk__ld_loc(src, m);
	if (m->kind == SK_Y_SCALAR && !strcmp(m->s, "append"))
		*mode = LD_OV_APPEND;
	else if (m->kind == SK_Y_SCALAR && !strcmp(m->s, "replace"))
		*mode = LD_OV_REPLACE;
	else
		return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Invalid override value for key '%s': must be 'append' or 'replace'", key);
	return 0;
}

/* Common override checks: map, no append:true, listed keys exist and are
 * allowed, overridable keys present are listed. */
int sk__ld_override_check(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const sk__ynode_t *ov, bool append_flag, const char *kind, const char *name,
	const char *const *appendable, const char *const *replaceable)
{
	sk__ld_loc_t l = sk__ld_loc(src, ov);
	if (append_flag)
		return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Keys 'override' and 'append: true' cannot be used together. Add an 'append' "
			"entry (e.g. 'condition: append') under 'override' instead.");
	if (ov->kind != SK_Y_MAP)
		return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
			"Value for key 'override' must be a mapping");
	for (size_t i = 0; i < ov->n; i++) {
		const sk__ynode_t *k = &ov->k[i], *v = &ov->v[i];
		l = sk__ld_loc(src, k);
		if (k->kind != SK_Y_SCALAR || v->kind != SK_Y_SCALAR)
			return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"Entries under 'override' must be '<key>: append|replace'");
		const char *const *tab = !strcmp(v->s, "append") ? appendable
			: !strcmp(v->s, "replace")                  ? replaceable
								     : NULL;
		if (!tab)
			return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"Invalid override value for key '%s': must be 'append' or 'replace'", k->s);
		bool ok = false;
		for (size_t j = 0; tab[j]; j++)
			ok |= !strcmp(tab[j], k->s);
		if (!ok)
			return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"Key '%s' cannot be overridden with '%s'", k->s, v->s);
		if (!sk__ymap_get(item, k->s))
			return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
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
			l = sk__ld_loc(src, k);
			return sk__ld_err(st, &l, kind, name, "LOAD_ERR_YAML_VALIDATE",
				"Unexpected key '%s': no corresponding entry under 'override' is defined.",
				k->s);
		}
	}
	return 0;
}

/* ---- required_engine_version ------------------------------------------- */

static int do_engine_version(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	static const char *const keys[] = { "required_engine_version", NULL };
	const sk__ynode_t *v;
	int rc = sk__ld_get_scalar(st, src, item, "required_engine_version", true,
		"required_engine_version", NULL, &v);
	if (rc)
		return rc;
	sk__ld_check_keys(st, src, item, "required_engine_version", NULL, keys);
	sk__ld_loc_t l = sk__ld_loc(src, v);
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
		return sk__ld_err(st, &l, "required_engine_version", NULL, "LOAD_ERR_YAML_VALIDATE",
			"Unable to parse engine version '%s' as a semver string. Expected \"x.y.z\" "
			"semver format.", v->s);
	}
	if (!sk__semver_compatible(&have, &want))
		return sk__ld_err(st, &l, "required_engine_version", NULL, "LOAD_ERR_VALIDATE",
			"Rules require engine version %lu.%lu.%lu, but engine version is %s",
			want.major, want.minor, want.patch, SK_ENGINE_VERSION);
	return 0;
}

/* ---- required_plugin_versions ------------------------------------------ */

static int read_req_alt(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *m,
	sk__ld_req_alt_t *out)
{
	static const char *const keys[] = { "name", "version", "alternatives", NULL };
	const char *kind = "required_plugin_versions";
	sk__ld_loc_t l = sk__ld_loc(src, m);
	if (m->kind != SK_Y_MAP)
		return sk__ld_err(st, &l, kind, NULL, "LOAD_ERR_YAML_VALIDATE",
			"Each required plugin must be a mapping with 'name' and 'version'");
	const sk__ynode_t *n, *v;
	int rc = sk__ld_get_scalar(st, src, m, "name", true, kind, NULL, &n);
	if (!rc)
		rc = sk__ld_get_scalar(st, src, m, "version", true, kind, n->s, &v);
	if (rc)
		return rc;
	sk__ld_check_keys(st, src, m, kind, n->s, keys);
	sk__semver_t sv;
	if (sk__semver_parse(v->s, &sv)) {
		l = sk__ld_loc(src, v);
		return sk__ld_err(st, &l, kind, n->s, "LOAD_ERR_YAML_VALIDATE",
			"Unable to parse plugin version '%s' as a semver string", v->s);
	}
	out->name = strdup(n->s);
	out->version = strdup(v->s);
	return out->name && out->version ? 0 : -ENOMEM;
}

static int do_plugin_versions(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	static const char *const keys[] = { "required_plugin_versions", NULL };
	const char *kind = "required_plugin_versions";
	const sk__ynode_t *seq = sk__ymap_get(item, "required_plugin_versions");
	sk__ld_check_keys(st, src, item, kind, NULL, keys);
	sk__ld_loc_t l = sk__ld_loc(src, seq);
	if (seq->kind == SK_Y_NULL)
		return 0;
	if (seq->kind != SK_Y_SEQ)
		return sk__ld_err(st, &l, kind, NULL, "LOAD_ERR_YAML_VALIDATE",
			"Value of required_plugin_versions must be a sequence");
	for (size_t i = 0; i < seq->n; i++) {
		const sk__ynode_t *e = &seq->v[i];
		if (sk__grow(&st->reqs, st->nreqs, sizeof(*st->reqs)))
			return -ENOMEM;
		sk__ld_req_t *r = &st->reqs[st->nreqs];
		memset(r, 0, sizeof(*r));
		r->loc = sk__ld_loc(src, e);
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
			l = sk__ld_loc(src, alts);
			return sk__ld_err(st, &l, kind, r->alts[0].name, "LOAD_ERR_YAML_VALIDATE",
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

/* "name\x01version\x01..." of every alternative: equal keys, same requirement. */
static char *req_key(const sk__ld_req_t *r)
{
	size_t len = 1;
	for (size_t i = 0; i < r->nalts; i++)
		len += strlen(r->alts[i].name) + strlen(r->alts[i].version) + 2;
	char *k = malloc(len), *p = k;
	if (!k)
		return NULL;
	for (size_t i = 0; i < r->nalts; i++)
		p += sprintf(p, "%s\x01%s\x01", r->alts[i].name, r->alts[i].version);
	*p = '\0';
	return k;
}

int sk__ld_check_plugin_requirements(sk__ld_state_t *st)
{
	int ret = 0;
	/* the syscall files all repeat "container >= 0.4.0": report once (found
	 * through an index: comparing every pair was quadratic) */
	char **keys = calloc(st->nreqs ? st->nreqs : 1, sizeof(*keys));
	sk__nameidx_t seen = { 0 };
	size_t dummy;
	if (!keys)
		return -ENOMEM;
	for (size_t i = 0; i < st->nreqs; i++) {
		const sk__ld_req_t *r = &st->reqs[i];
		bool found = false;
		if (!(keys[i] = req_key(r)) || (!sk__nameidx_get(&seen, keys[i], &dummy) &&
							 sk__nameidx_put(&seen, keys[i], i))) {
			ret = -ENOMEM;
			break;
		}
		if (sk__nameidx_get(&seen, keys[i], &dummy) && dummy != i)
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
				ret = sk__ld_err(st, &r->loc, "required_plugin_versions", r->alts[j].name,
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
			ret = sk__ld_err(st, &r->loc, "required_plugin_versions", r->alts[0].name,
				"LOAD_ERR_VALIDATE", "Plugin requirement not satisfied, must load one of: %s",
				buf);
		}
	}
	sk__nameidx_free(&seen);
	sk__ld_strv_free(keys, st->nreqs);
	return ret;
}

/* ---- list -------------------------------------------------------------- */

static sk__ld_list_t *find_list(sk__ld_state_t *st, const char *name)
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

static int do_list(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	static const char *const keys[] = { "list", "items", "append", "override", NULL };
	static const char *const ovk[] = { "items", NULL };
	const sk__ynode_t *nn, *items;
	int rc = sk__ld_get_scalar(st, src, item, "list", true, "list", NULL, &nn);
	if (rc)
		return rc;
	const char *name = nn->s;
	sk__ld_loc_t loc = sk__ld_loc(src, item);
	sk__ld_check_keys(st, src, item, "list", name, keys);
	if (!valid_list_name(name))
		sk__ld_warn(st, &loc, "list", name, "LOAD_INVALID_LIST_NAME",
			"List has an invalid name. List names should match a regular expression: "
			"[^()\"'[:space:]=,]+");
	bool app = false, has_app;
	if ((rc = sk__ld_get_bool(st, src, item, "append", "list", name, &has_app, &app)))
		return rc;
	items = sk__ymap_get(item, "items");
	const sk__ynode_t *ov = sk__ymap_get(item, "override");
	int mode = LD_OV_NONE;
	if (ov) {
		if ((rc = sk__ld_override_check(st, src, item, ov, app, "list", name, ovk, ovk)))
			return rc;
		if ((rc = sk__ld_override_mode(st, src, ov, "items", "list", name, &mode)))
			return rc;
	} else if (app) {
		sk__ld_warn(st, &loc, "list", name, "LOAD_DEPRECATED_ITEM",
			"'append' key is deprecated. Add an 'append' entry (e.g. 'items: append') under "
			"'override' instead.");
		mode = LD_OV_APPEND;
	}
	if (!items) {
		if (mode != LD_OV_NONE)
			return 0;
		return sk__ld_err(st, &loc, "list", name, "LOAD_ERR_YAML_VALIDATE",
			"Item has no mapping for key 'items'");
	}
	char **v;
	size_t n;
	if ((rc = sk__ld_get_strv(st, src, items, "items", "list", name, &v, &n)))
		return rc;
	sk__ld_list_t *prev = find_list(st, name);
	if (mode == LD_OV_APPEND || mode == LD_OV_REPLACE) {
		if (!prev) {
			sk__ld_strv_free(v, n);
			if (mode == LD_OV_APPEND)
				return sk__ld_err(st, &loc, "list", name, "LOAD_ERR_VALIDATE",
					"List uses 'append' or 'override.items: append' but no list by that "
					"name already exists");
			return sk__ld_err(st, &loc, "list", name, "LOAD_ERR_VALIDATE",
				"An 'override.items: replace' to a list was requested but no list by that "
				"name already exists");
		}
		if (mode == LD_OV_APPEND) {
			rc = sk__ld_strv_append(&prev->items, &prev->n, v, n);
			sk__ld_strv_free(v, n);
			return rc;
		}
		sk__ld_strv_free(prev->items, prev->n);
		prev->items = v;
		prev->n = n;
		return 0;
	}
	if (prev) {
		sk__ld_strv_free(prev->items, prev->n);
		prev->items = v;
		prev->n = n;
		prev->loc = loc;
		prev->vis = ++st->vis;
		return 0;
	}
	if (sk__grow(&st->lists, st->nlists, sizeof(*st->lists))) {
		sk__ld_strv_free(v, n);
		return -ENOMEM;
	}
	sk__ld_list_t *l = &st->lists[st->nlists];
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

sk__ld_macro_t *sk__ld_find_macro(sk__ld_state_t *st, const char *name)
{
	size_t i;
	return sk__nameidx_get(&st->macro_idx, name, &i) ? &st->macros[i] : NULL;
}

static int do_macro(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	static const char *const keys[] = { "macro", "condition", "append", "override", NULL };
	static const char *const ovk[] = { "condition", NULL };
	const sk__ynode_t *nn, *cond;
	int rc = sk__ld_get_scalar(st, src, item, "macro", true, "macro", NULL, &nn);
	if (rc)
		return rc;
	const char *name = nn->s;
	sk__ld_loc_t loc = sk__ld_loc(src, item);
	sk__ld_check_keys(st, src, item, "macro", name, keys);
	if (!valid_macro_name(name))
		sk__ld_warn(st, &loc, "macro", name, "LOAD_INVALID_MACRO_NAME",
			"Macro has an invalid name. Macro names should match a regular expression: "
			"^[a-zA-Z]+[a-zA-Z0-9_]*$");
	bool app = false, has_app;
	if ((rc = sk__ld_get_bool(st, src, item, "append", "macro", name, &has_app, &app)))
		return rc;
	const sk__ynode_t *ov = sk__ymap_get(item, "override");
	int mode = LD_OV_NONE;
	if (ov) {
		if ((rc = sk__ld_override_check(st, src, item, ov, app, "macro", name, ovk, ovk)))
			return rc;
		if ((rc = sk__ld_override_mode(st, src, ov, "condition", "macro", name, &mode)))
			return rc;
	} else if (app) {
		sk__ld_warn(st, &loc, "macro", name, "LOAD_DEPRECATED_ITEM",
			"'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') "
			"under 'override' instead.");
		mode = LD_OV_APPEND;
	}
	if ((rc = sk__ld_get_scalar(st, src, item, "condition", mode == LD_OV_NONE, "macro", name,
		     &cond)))
		return rc;
	if (!cond)
		return 0;
	sk__ld_macro_t *prev = sk__ld_find_macro(st, name);
	if (mode != LD_OV_NONE) {
		if (!prev) {
			if (mode == LD_OV_APPEND)
				return sk__ld_err(st, &loc, "macro", name, "LOAD_ERR_VALIDATE",
					"Macro uses 'append' or 'override.condition: append' but no macro by "
					"that name already exists");
			return sk__ld_err(st, &loc, "macro", name, "LOAD_ERR_VALIDATE",
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
	sk__ld_macro_t *m = &st->macros[st->nmacros];
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

static int do_item(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
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
		return sk__ld_do_rule(st, src, item);
	if (sk__ymap_get(item, "correlation"))
		return sk__ld_do_correlation(st, src, item);
	sk__ld_loc_t l = sk__ld_loc(src, item);
	sk__ld_warn(st, &l, NULL, NULL, "LOAD_UNKNOWN_ITEM", "Unknown top level item");
	return 0;
}

int sk__ld_read_source(sk__ld_state_t *st, const sk__src_t *src)
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
			sk__ld_loc_t l = sk__ld_loc(src, doc);
			rc = sk__ld_err(st, &l, NULL, NULL, "LOAD_ERR_YAML_VALIDATE",
				"Rules content is not yaml array of objects");
			break;
		}
		for (size_t i = 0; i < doc->n && !rc; i++) {
			const sk__ynode_t *item = &doc->v[i];
			if (item->kind == SK_Y_NULL)
				continue;
			if (item->kind != SK_Y_MAP) {
				sk__ld_loc_t l = sk__ld_loc(src, item);
				rc = sk__ld_err(st, &l, NULL, NULL, "LOAD_ERR_YAML_VALIDATE",
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
