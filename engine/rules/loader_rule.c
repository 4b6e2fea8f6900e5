/* loader_rule.c - `rule` items: definition, redefinition, legacy append,
 * override, standalone `enabled`, exceptions. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "loader_items.h"

static const char *const rule_keys[] = { "rule", "condition", "output", "desc", "priority",
	"source", "enabled", "tags", "exceptions", "warn_evttypes", "skip-if-unknown-filter",
	"capture", "capture_duration", "append", "override", NULL };
static const char *const rule_app[] = { "condition", "output", "desc", "tags", "exceptions",
	NULL };
static const char *const rule_rep[] = { "condition", "output", "desc", "priority", "capture",
	"capture_duration", "tags", "exceptions", "enabled", "warn_evttypes",
	"skip-if-unknown-filter", NULL };

static sk__ld_rule_t *find_rule(sk__ld_state_t *st, const char *name)
{
	size_t i;
	return sk__nameidx_get(&st->rule_idx, name, &i) ? &st->rules[i] : NULL;
}

static void rule_clear(sk__ld_rule_t *r)
{
	free(r->name);
	sk__text_free(&r->cond);
	sk__text_free(&r->output);
	free(r->desc);
	free(r->source);
	sk__ld_strv_free(r->tags, r->ntags);
	for (size_t i = 0; i < r->nexc; i++)
		sk__exception_free(&r->exc[i]);
	free(r->exc);
	memset(r, 0, sizeof(*r));
}

void sk__ld_rule_free(sk__ld_rule_t *r)
{
	rule_clear(r);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_unique(char **v, size_t *n)
{
	if (*n < 2)
		return;
	qsort(v, *n, sizeof(char *), cmp_str);
	size_t o = 1;
	for (size_t i = 1; i < *n; i++) {
		if (!strcmp(v[i], v[o - 1]))
			free(v[i]);
		else
			v[o++] = v[i];
	}
	*n = o;
}

static void trim_text(sk__text_t *t)
{
	size_t b = 0, e = t->len;
	while (b < e && strchr(" \t\r\n", t->s[b]))
		b++;
	while (e > b && strchr(" \t\r\n", t->s[e - 1]))
		e--;
	/* leading blanks do not move the mapping (it counts non-blanks) */
	memmove(t->s, t->s + b, e - b);
	t->len = e - b;
	t->s[t->len] = '\0';
	for (size_t i = 0; i < t->npieces; i++)
		t->pieces[i].text_off = t->pieces[i].text_off > b ? t->pieces[i].text_off - b : 0;
}

static int read_exceptions(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *node,
	const char *name, sk__exception_t **out, size_t *nout)
{
	static const char *const ekeys[] = { "name", "fields", "comps", "values", NULL };
	sk__ld_loc_t l = sk__ld_loc(src, node);
	*out = NULL;
	*nout = 0;
	if (node->kind == SK_Y_NULL)
		return 0;
	if (node->kind != SK_Y_SEQ)
		return sk__ld_err(st, &l, "rule", name, "LOAD_ERR_YAML_VALIDATE",
			"Rule exceptions must be a sequence");
	sk__exception_t *v = calloc(node->n ? node->n : 1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	size_t n = 0, dup;
	int rc = 0;
	sk__nameidx_t seen = { 0 };
	for (size_t i = 0; i < node->n && !rc; i++) {
		const sk__ynode_t *e = &node->v[i];
		l = sk__ld_loc(src, e);
		if (e->kind != SK_Y_MAP) {
			rc = sk__ld_err(st, &l, "rule", name, "LOAD_ERR_YAML_VALIDATE",
				"Rule exception must be a mapping");
			break;
		}
		const sk__ynode_t *en;
		if ((rc = sk__ld_get_scalar(st, src, e, "name", true, "rule", name, &en)))
			break;
		sk__ld_check_keys(st, src, e, "rule", name, ekeys);
		if (sk__nameidx_get(&seen, en->s, &dup))
			sk__ld_warn(st, &l, "rule", name, "LOAD_EXCEPTION_NAME_NOT_UNIQUE",
				"Multiple definitions of exception '%s' in the same rule", en->s);
		sk__exception_t *x = &v[n++];
		x->line = e->line;
		x->col = e->col;
		x->name = strdup(en->s);
		if (x->name && sk__nameidx_put(&seen, x->name, n - 1))
			rc = -ENOMEM;
		const sk__ynode_t *f = sk__ymap_get(e, "fields"), *c = sk__ymap_get(e, "comps"),
				  *vals = sk__ymap_get(e, "values");
		if (!x->name || (f && sk__ynode_copy(&x->fields, f)) ||
			(c && sk__ynode_copy(&x->comps, c)) || (vals && sk__ynode_copy(&x->values, vals)))
			rc = -ENOMEM;
	}
	sk__nameidx_free(&seen);
	if (rc) {
		for (size_t j = 0; j < n; j++)
			sk__exception_free(&v[j]);
		free(v);
		return rc;
	}
	*out = v;
	*nout = n;
	return 0;
}

static int validate_exceptions(sk__ld_state_t *st, const sk__src_t *src, const char *name,
	const sk__exception_t *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *m = sk__exception_validate(&v[i]);
		if (m) {
			sk__ld_loc_t l = { src, v[i].line, v[i].col };
			return sk__ld_err(st, &l, "rule", name, "LOAD_ERR_YAML_VALIDATE",
				"Rule exception item '%s': %s", v[i].name, m);
		}
	}
	return 0;
}

/* Append exceptions to an existing rule (§3). Consumes add[]. */
static int append_exceptions(sk__ld_state_t *st, const sk__src_t *src, sk__ld_rule_t *r,
	sk__exception_t *add, size_t nadd)
{
	int rc = 0;
	sk__nameidx_t idx = { 0 };
	for (size_t j = 0; j < r->nexc && !rc; j++)
		rc = sk__nameidx_put(&idx, r->exc[j].name, j); /* the last of a name wins */
	for (size_t i = 0; i < nadd && !rc; i++) {
		sk__exception_t *a = &add[i];
		sk__ld_loc_t l = { src, a->line, a->col };
		sk__exception_t *prev = NULL;
		size_t pj;
		if (sk__nameidx_get(&idx, a->name, &pj))
			prev = &r->exc[pj];
		if (prev) {
			if (a->fields.kind != SK_Y_NULL || a->comps.kind != SK_Y_NULL) {
				rc = sk__ld_err(st, &l, "rule", r->name, "LOAD_ERR_VALIDATE",
					"Can not append exception fields to existing exception, only values");
				break;
			}
			if (a->values.kind == SK_Y_NULL)
				continue;
			if (a->values.kind != SK_Y_SEQ) {
				rc = sk__ld_err(st, &l, "rule", r->name, "LOAD_ERR_YAML_VALIDATE",
					"Rule exception item '%s': values must be a sequence", a->name);
				break;
			}
			/* only the new tuples need checking against prev's fields:
			 * checking all of prev at every append was quadratic */
			sk__exception_t view = *prev;
			view.values = a->values;
			const char *bad = sk__exception_validate(&view);
			if (bad) {
				rc = sk__ld_err(st, &l, "rule", r->name, "LOAD_ERR_YAML_VALIDATE",
					"Rule exception item '%s': %s", a->name, bad);
				break;
			}
			if (prev->values.kind != SK_Y_SEQ) {
				sk__ynode_free(&prev->values);
				prev->values.kind = SK_Y_SEQ;
			}
			/* copies of YAML nodes hold sk__grow_cap(n) entries */
			sk__ynode_t *nv = prev->values.v;
			size_t want = prev->values.n + a->values.n;
			if (!nv || want > sk__grow_cap(prev->values.n)) {
				nv = realloc(nv, sk__grow_cap(want) * sizeof(*nv));
				if (!nv) {
					rc = -ENOMEM;
					break;
				}
				prev->values.v = nv;
			}
			for (size_t k = 0; k < a->values.n; k++) {
				nv[prev->values.n++] = a->values.v[k];
				memset(&a->values.v[k], 0, sizeof(a->values.v[k]));
			}
			continue;
		}
		if (a->fields.kind == SK_Y_NULL || a->values.kind == SK_Y_NULL) {
			rc = sk__ld_err(st, &l, "rule", r->name, "LOAD_ERR_YAML_VALIDATE",
				"Rule exception new item '%s': must have fields and values", a->name);
			break;
		}
		const char *m = sk__exception_validate(a);
		if (m) {
			rc = sk__ld_err(st, &l, "rule", r->name, "LOAD_ERR_YAML_VALIDATE",
				"Rule exception item '%s': %s", a->name, m);
			break;
		}
		sk__exception_t *ne = realloc(r->exc, (r->nexc + 1) * sizeof(*ne));
		if (!ne) {
			rc = -ENOMEM;
			break;
		}
		r->exc = ne;
		ne[r->nexc++] = *a;
		memset(a, 0, sizeof(*a));
		rc = sk__nameidx_put(&idx, ne[r->nexc - 1].name, r->nexc - 1);
	}
	sk__nameidx_free(&idx);
	for (size_t i = 0; i < nadd; i++)
		sk__exception_free(&add[i]);
	free(add);
	return rc;
}

/* Read the value of one rule key into r (replace semantics, or append when
 * app). Keys absent from the item are left untouched. */
static int apply_key(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	sk__ld_rule_t *r, const char *key, bool app)
{
	const sk__ynode_t *v = sk__ymap_get(item, key);
	const char *name = r->name;
	sk__ld_loc_t l = sk__ld_loc(src, v);
	int rc;
	bool b, present;
	if (!v)
		return 0;
	if (!strcmp(key, "condition") || !strcmp(key, "output") || !strcmp(key, "desc")) {
		const sk__ynode_t *s;
		if ((rc = sk__ld_get_scalar(st, src, item, key, !app, "rule", name, &s)))
			return rc;
		if (!strcmp(key, "desc")) {
			char *nd;
			if (app && r->desc) {
				size_t a = strlen(r->desc);
				nd = malloc(a + s->slen + 2);
				if (nd) {
					memcpy(nd, r->desc, a);
					nd[a] = ' ';
					memcpy(nd + a + 1, s->s, s->slen + 1);
				}
			} else {
				nd = strdup(s->s);
			}
			if (!nd)
				return -ENOMEM;
			free(r->desc);
			r->desc = nd;
			return 0;
		}
		sk__text_t *t = !strcmp(key, "condition") ? &r->cond : &r->output;
		if (!strcmp(key, "condition"))
			r->has_cond = true;
		else
			r->has_output = true;
		rc = app && t->s ? sk__text_append_scalar(t, " ", src, s) : sk__text_set_scalar(t, src, s);
		if (!rc && t == &r->output)
			trim_text(t);
		return rc;
	}
	if (!strcmp(key, "priority")) {
		const sk__ynode_t *s;
		if ((rc = sk__ld_get_scalar(st, src, item, key, true, "rule", name, &s)))
			return rc;
		if (sk_priority_parse(s->s, &r->prio))
			return sk__ld_err(st, &l, "rule", name, "LOAD_ERR_YAML_VALIDATE",
				"Unknown priority value: %s", s->s);
		r->has_prio = true;
		return 0;
	}
	if (!strcmp(key, "tags")) {
		char **tv;
		size_t tn;
		if (v->kind == SK_Y_NULL)
			return 0;
		if ((rc = sk__ld_get_strv(st, src, v, "tags", "rule", name, &tv, &tn)))
			return rc;
		if (!app) {
			sk__ld_strv_free(r->tags, r->ntags);
			r->tags = NULL;
			r->ntags = 0;
		}
		rc = sk__ld_strv_append(&r->tags, &r->ntags, tv, tn);
		sk__ld_strv_free(tv, tn);
		sort_unique(r->tags, &r->ntags);
		return rc;
	}
	if (!strcmp(key, "exceptions")) {
		sk__exception_t *ev;
		size_t en;
		if ((rc = read_exceptions(st, src, v, name, &ev, &en)))
			return rc;
		if (app)
			return append_exceptions(st, src, r, ev, en);
		if ((rc = validate_exceptions(st, src, name, ev, en))) {
			for (size_t i = 0; i < en; i++)
				sk__exception_free(&ev[i]);
			free(ev);
			return rc;
		}
		for (size_t i = 0; i < r->nexc; i++)
			sk__exception_free(&r->exc[i]);
		free(r->exc);
		r->exc = ev;
		r->nexc = en;
		r->exc_loc = l;
		return 0;
	}
	if (!strcmp(key, "capture_duration")) {
		char *end;
		if (v->kind != SK_Y_SCALAR || !v->slen)
			return sk__ld_err(st, &l, "rule", name, "LOAD_ERR_YAML_VALIDATE",
				"Value for key 'capture_duration' must be an integer");
		r->capture_duration = strtoull(v->s, &end, 10);
		if (*end || v->s[0] == '-')
			return sk__ld_err(st, &l, "rule", name, "LOAD_ERR_YAML_VALIDATE",
				"Value for key 'capture_duration' must be an integer, got '%s'", v->s);
		return 0;
	}
	/* booleans */
	if ((rc = sk__ld_get_bool(st, src, item, key, "rule", name, &present, &b)))
		return rc;
	if (!strcmp(key, "enabled"))
		r->enabled = b;
	else if (!strcmp(key, "warn_evttypes"))
		r->warn_evttypes = b;
	else if (!strcmp(key, "skip-if-unknown-filter"))
		r->skip_unknown = b;
	else if (!strcmp(key, "capture"))
		r->capture = b;
	return 0;
}

static int check_source(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const sk__ld_rule_t *prev, const char *name)
{
	const sk__ynode_t *s = sk__ymap_get(item, "source");
	if (!s || !prev)
		return 0;
	sk__ld_loc_t l = sk__ld_loc(src, s);
	if (s->kind != SK_Y_SCALAR || strcmp(s->s, prev->source))
		return sk__ld_err(st, &l, "rule", name, "LOAD_ERR_VALIDATE",
			"Rule has been re-defined with a different source");
	return 0;
}

static int do_override(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item,
	const sk__ynode_t *ov, bool app, const char *name, const sk__ld_loc_t *loc)
{
	int rc = sk__ld_override_check(st, src, item, ov, app, "rule", name, rule_app, rule_rep);
	if (rc)
		return rc;
	sk__ld_rule_t *r = find_rule(st, name);
	if (!r) {
		for (size_t i = 0; i < ov->n; i++)
			if (!strcmp(ov->v[i].s, "append"))
				return sk__ld_err(st, loc, "rule", name, "LOAD_ERR_VALIDATE",
					"Rule uses 'append' or 'override.%s: append' but no rule by that name "
					"already exists", ov->k[i].s);
		return sk__ld_err(st, loc, "rule", name, "LOAD_ERR_VALIDATE",
			"An 'override.%s: replace' to a rule was requested but no rule by that name "
			"already exists", ov->n ? ov->k[0].s : "condition");
	}
	if ((rc = check_source(st, src, item, r, name)))
		return rc;
	for (size_t i = 0; i < ov->n && !rc; i++)
		rc = apply_key(st, src, item, r, ov->k[i].s, !strcmp(ov->v[i].s, "append"));
	return rc;
}

int sk__ld_do_rule(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item)
{
	const sk__ynode_t *nn;
	int rc = sk__ld_get_scalar(st, src, item, "rule", true, "rule", NULL, &nn);
	if (rc)
		return rc;
	const char *name = nn->s;
	sk__ld_loc_t loc = sk__ld_loc(src, item);
	sk__ld_check_keys(st, src, item, "rule", name, rule_keys);
	bool app = false, has_app;
	if ((rc = sk__ld_get_bool(st, src, item, "append", "rule", name, &has_app, &app)))
		return rc;
	const sk__ynode_t *ov = sk__ymap_get(item, "override");
	if (ov)
		return do_override(st, src, item, ov, app, name, &loc);

	sk__ld_rule_t *prev = find_rule(st, name);
	if (app) {
		sk__ld_warn(st, &loc, "rule", name, "LOAD_DEPRECATED_ITEM",
			"'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') "
			"under 'override' instead.");
		if (!sk__ymap_get(item, "condition") && !sk__ymap_get(item, "exceptions"))
			return sk__ld_err(st, &loc, "rule", name, "LOAD_ERR_YAML_VALIDATE",
				"Appended rule must have exceptions or condition property");
		if (!prev)
			return sk__ld_err(st, &loc, "rule", name, "LOAD_ERR_VALIDATE",
				"Rule uses 'append' or 'override.<key>: append' but no rule by that name "
				"already exists");
		if ((rc = check_source(st, src, item, prev, name)))
			return rc;
		for (size_t i = 0; rule_app[i] && !rc; i++)
			rc = apply_key(st, src, item, prev, rule_app[i], true);
		return rc;
	}
	bool has_def = sk__ymap_get(item, "condition") || sk__ymap_get(item, "output") ||
		sk__ymap_get(item, "desc") || sk__ymap_get(item, "priority");
	if (!has_def && sk__ymap_get(item, "enabled")) {
		sk__ld_warn(st, &loc, "rule", name, "LOAD_DEPRECATED_ITEM",
			"The standalone 'enabled' key usage is deprecated. The correct approach requires "
			"also a 'replace' entry under the 'override' key (i.e. 'enabled: replace').");
		if (!prev)
			return sk__ld_err(st, &loc, "rule", name, "LOAD_ERR_VALIDATE",
				"Rule has 'enabled' key but no rule by that name already exists");
		return apply_key(st, src, item, prev, "enabled", false);
	}
	/* full definition */
	static const char *const required[] = { "condition", "output", "desc", "priority", NULL };
	for (size_t i = 0; required[i]; i++) {
		const sk__ynode_t *s;
		if ((rc = sk__ld_get_scalar(st, src, item, required[i], true, "rule", name, &s)))
			return rc;
	}
	const sk__ynode_t *srcn;
	if ((rc = sk__ld_get_scalar(st, src, item, "source", false, "rule", name, &srcn)))
		return rc;
	if (srcn && srcn->slen == 0)
		srcn = NULL;
	const char *source = srcn ? srcn->s : SK_SOURCE_SYSCALL;
	if (prev && strcmp(prev->source, source)) {
		sk__ld_loc_t l = srcn ? sk__ld_loc(src, srcn) : loc;
		return sk__ld_err(st, &l, "rule", name, "LOAD_ERR_VALIDATE",
			"Rule has been re-defined with a different source");
	}
	sk__ld_rule_t r = { 0 };
	r.name = strdup(name);
	r.source = strdup(source);
	r.source_explicit = srcn != NULL;
	r.loc = loc;
	r.enabled = true;
	r.warn_evttypes = true;
	if (!r.name || !r.source) {
		rule_clear(&r);
		return -ENOMEM;
	}
	for (size_t i = 0; rule_rep[i] && !rc; i++)
		rc = apply_key(st, src, item, &r, rule_rep[i], false);
	if (rc) {
		rule_clear(&r);
		return rc;
	}
	if (prev) {
		/* the index borrows the name string: point it at the new one
		 * while the old one is still there to compare with */
		if (sk__nameidx_put(&st->rule_idx, r.name, (size_t)(prev - st->rules))) {
			rule_clear(&r);
			return -ENOMEM;
		}
		rule_clear(prev);
		*prev = r;
		return 0;
	}
	if (sk__grow(&st->rules, st->nrules, sizeof(*st->rules))) {
		rule_clear(&r);
		return -ENOMEM;
	}
	st->rules[st->nrules++] = r;
	return sk__nameidx_put(&st->rule_idx, st->rules[st->nrules - 1].name, st->nrules - 1);
}
