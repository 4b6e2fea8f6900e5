/* loader_compile.c - from collected items to compiled rules (§4 of
 * rules-language.md): list expansion, textual list substitution, macro
 * parsing, exceptions, condition/output compilation, event types,
 * enabling. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "loader_append.h"
#include "loader_corr.h"
#include "loader_evtcheck.h"
#include "loader_items.h"

#define SK_EVTTYPES_WARN_LIMIT 100

typedef struct cctx {
	sk__ld_state_t *st;
	sk__listdef_t *defs;   /* lists in definition order */
	bool *list_used;
	sk__fieldtab_t *fields;
} cctx_t;

/* ---- lists -------------------------------------------------------------- */

/* Falco expands lists in collection order: an item naming a list placed
 * before this one is replaced by that list's (already expanded) items. */
static int expand_lists(cctx_t *c)
{
	sk__ld_state_t *st = c->st;
	int rc = 0;
	for (size_t li = 0; li < st->nlists && !rc; li++) {
		sk__ld_list_t *l = &st->lists[li];
		for (size_t i = 0; i < l->n && !rc; i++) {
			sk__ld_list_t *ref = NULL;
			size_t j;
			if (sk__nameidx_get(&st->list_idx, l->items[i], &j) && j < li)
				ref = &st->lists[j];
			/* each list is checked as it grows: a list of [previous,
			 * previous] doubles at every step */
			if (l->nexp + (ref ? ref->nexp : 1) > st->limits.max_list_items) {
				rc = sk__ld_err(st, &l->loc, "list", l->name, "LOAD_ERR_VALIDATE",
					"List expands to more than %zu items (limit "
					"saker.rules_limits.max_list_items)", st->limits.max_list_items);
				break;
			}
			if (ref) {
				ref->used = true;
				rc = sk__ld_strv_append(&l->exp, &l->nexp, ref->exp, ref->nexp);
				continue;
			}
			char *q = sk__quote_value(l->items[i]);
			if (!q || sk__grow(&l->exp, l->nexp, sizeof(*l->exp))) {
				free(q);
				rc = -ENOMEM;
				break;
			}
			l->exp[l->nexp++] = q;
		}
	}
	if (rc)
		return rc;
	c->defs = calloc(st->nlists ? st->nlists : 1, sizeof(*c->defs));
	c->list_used = calloc(st->nlists ? st->nlists : 1, sizeof(bool));
	if (!c->defs || !c->list_used)
		return -ENOMEM;
	for (size_t i = 0; i < st->nlists; i++) {
		c->defs[i].name = st->lists[i].name;
		c->defs[i].items = st->lists[i].exp;
		c->defs[i].nitems = st->lists[i].nexp;
	}
	return 0;
}

/* ---- positions ---------------------------------------------------------- */

sk__ld_loc_t sk__ld_locate(const sk__text_t *t, const size_t *map, size_t maplen, size_t off)
{
	sk__ld_loc_t l = { 0 };
	const char *file;
	if (map)
		off = map[off <= maplen ? off : maplen];
	sk__text_locate(t, off, &file, &l.line, &l.col);
	/* pieces carry their source; find it back for the file name */
	for (size_t i = 0; i < t->npieces; i++)
		if (t->pieces[i].src && t->pieces[i].src->name == file)
			l.src = t->pieces[i].src;
	return l;
}

/* ---- macros ------------------------------------------------------------- */

typedef struct identck {
	sk__ld_state_t *st;
	size_t vis;            /* macros visible: first definition before this (SIZE_MAX for rules) */
	const char *bad;
	const sk__ast_t *bad_node;
} identck_t;

static void ident_cb(void *ud, const char *name, const sk__ast_t *node)
{
	identck_t *k = ud;
	sk__ld_macro_t *m = sk__ld_find_macro(k->st, name);
	if ((!m || m->index >= k->vis) && !k->bad) {
		k->bad = name;
		k->bad_node = node;
	}
}

static void mark_used_cb(void *ud, const char *name, const sk__ast_t *node)
{
	(void)node;
	sk__ld_macro_t *m = sk__ld_find_macro(ud, name);
	if (m && !m->used) {
		m->used = true;
		if (m->ast)
			sk__ast_foreach_ident(m->ast, mark_used_cb, ud);
	}
}

const char *sk__ld_undefined_macro(sk__ld_state_t *st, const sk__ast_t *ast, size_t vis,
	const sk__ast_t **node)
{
	identck_t k = { st, vis, NULL, NULL };

	sk__ast_foreach_ident(ast, ident_cb, &k);
	*node = k.bad_node;
	return k.bad;
}

void sk__ld_mark_macros_used(sk__ld_state_t *st, const sk__ast_t *ast)
{
	sk__ast_foreach_ident(ast, mark_used_cb, st);
}

/* -ENOMEM, or -E2BIG when the text outgrew max_cond_bytes (*out NULL) */
static int subst(cctx_t *c, const char *text, char **out, size_t **map, size_t *len)
{
	bool *used = c->list_used;
	bool big = false;
	*out = sk__subst_lists(text, c->defs, c->st->nlists, used, c->st->limits.max_cond_bytes,
		&big, map, len);
	return *out ? 0 : big ? -E2BIG : -ENOMEM;
}

static int too_big(cctx_t *c, const sk__ld_loc_t *loc, const char *kind, const char *name)
{
	return sk__ld_err(c->st, loc, kind, name, "LOAD_ERR_VALIDATE",
		"Condition is longer than %zu bytes once lists are substituted (limit "
		"saker.rules_limits.max_condition_bytes)", c->st->limits.max_cond_bytes);
}

static int parse_macros(cctx_t *c)
{
	sk__ld_state_t *st = c->st;
	int ret = 0;
	for (size_t i = 0; i < st->nmacros; i++) {
		sk__ld_macro_t *m = &st->macros[i];
		size_t len;
		int src = subst(c, m->cond.s ? m->cond.s : "", &m->subst, &m->map, &len);
		if (src == -E2BIG) {
			ret = too_big(c, &m->loc, "macro", m->name);
			continue;
		}
		if (src)
			return src;
		sk__parse_err_t pe;
		if (sk__cond_parse(m->subst, &m->ast, &pe)) {
			sk__ld_loc_t l = sk__ld_locate(&m->cond, m->map, len, pe.off);
			ret = sk__ld_err(st, &l, "macro", m->name, "LOAD_ERR_COMPILE_CONDITION", "%s", pe.msg);
			continue;
		}
	}
	if (ret)
		return ret;
	for (size_t i = 0; i < st->nmacros; i++) {
		sk__ld_macro_t *m = &st->macros[i];
		const sk__ast_t *node;
		const char *bad = sk__ld_undefined_macro(st, m->ast, m->vis, &node);
		if (bad) {
			sk__ld_loc_t l = sk__ld_locate(&m->cond, m->map, strlen(m->subst), node->pos.off);
			ret = sk__ld_err(st, &l, "macro", m->name, "LOAD_ERR_COMPILE_CONDITION",
				"Undefined macro '%s' used in filter.", bad);
		}
	}
	return ret;
}

const sk__ast_t *sk__ld_lookup_macro(void *ctx, const char *name)
{
	sk__ld_macro_t *m = sk__ld_find_macro(ctx, name);
	return m ? m->ast : NULL;
}

/* ---- rules -------------------------------------------------------------- */

static bool unknown_filter_msg(const char *m)
{
	/* Falco's texts, and saker's own for the same conditions */
	return strstr(m, "nonexistent field") || strstr(m, "invalid formatting token") ||
		strstr(m, "unknown event type") || strstr(m, "unknown filter:") ||
		strstr(m, "unknown field");
}

/* Condition text of a rule with its exceptions, mapped back to the YAML. */
static int rule_text(cctx_t *c, sk__ld_rule_t *r, sk__text_t *out)
{
	memset(out, 0, sizeof(*out));
	if (!r->nexc)
		return sk__text_copy(out, &r->cond);
	char *s = sk__exceptions_build(r->cond.s, r->exc, r->nexc);
	if (!s)
		return -ENOMEM;
	(void)c;
	out->s = s;
	out->len = strlen(s);
	out->cap = out->len + 1;
	out->pieces = malloc(sk__grow_cap(r->cond.npieces + 2) * sizeof(*out->pieces));
	if (!out->pieces)
		return -ENOMEM;
	for (size_t i = 0; i < r->cond.npieces; i++) {
		out->pieces[i] = r->cond.pieces[i];
		out->pieces[i].text_off += 1;
	}
	out->npieces = r->cond.npieces;
	/* the leading "(" maps to the condition start (first piece); the
	 * exceptions tail to the `exceptions:` key */
	sk__piece_t *p = &out->pieces[out->npieces++];
	memset(p, 0, sizeof(*p));
	p->text_off = r->cond.len + 2;
	p->src = r->exc_loc.src;
	p->line = r->exc_loc.line;
	p->col = r->exc_loc.col;
	p->fixed = true;
	return 0;
}

static bool unknown_filter_msg(const char *m);

static int validate_exception_fields(cctx_t *c, sk__ld_rule_t *r, const sk__compile_env_t *env,
	bool *dropped)
{
	for (size_t i = 0; i < r->nexc; i++) {
		const sk__exception_t *e = &r->exc[i];
		size_t nf = e->fields.kind == SK_Y_SEQ ? e->fields.n : 1;
		for (size_t k = 0; k < nf; k++) {
			const char *f = e->fields.kind == SK_Y_SEQ ? e->fields.v[k].s : e->fields.s;
			char buf[1024];
			snprintf(buf, sizeof(buf), "%s exists", f);
			sk__check_t *chk = NULL;
			sk__compile_err_t ce;
			int rc = sk__cond_compile_text(buf, env, &chk, &ce);
			sk__check_free(chk);
			if (rc == -ENOMEM)
				return rc;
			if (rc) {
				sk__ld_loc_t l = { r->exc_loc.src, e->line, e->col };
				if (r->skip_unknown && unknown_filter_msg(ce.msg)) {
					sk__ld_warn(c->st, &l, "rule", r->name, "LOAD_UNKNOWN_FILTER",
						"Rule exception item '%s': %s", e->name, ce.msg);
					*dropped = true;
					return 0;
				}
				return sk__ld_err(c->st, &l, "rule", r->name, "LOAD_ERR_COMPILE_CONDITION",
					"Rule exception item '%s': invalid field '%s': %s", e->name, f,
					ce.msg);
			}
		}
	}
	return 0;
}

/* The rule's output text with append_output applied; *extra gets the
 * output-fields-only names (array to free). */
static int output_text(cctx_t *c, sk__ld_rule_t *r, const sk_rules_opts_t *opts, sk__text_t *out,
	const char ***extra, size_t *nextra)
{
	int rc = sk__text_copy(out, &r->output);
	if (rc)
		return rc;
	char *p;
	while ((p = strstr(out->s, "%container.info")) != NULL) {
		size_t l = strlen("%container.info");
		memmove(p, p + l, strlen(p + l) + 1);
		out->len -= l;
		sk__ld_warn(c->st, &r->loc, "rule", r->name, "LOAD_DEPRECATED_ITEM",
			"%%container.info is deprecated and has been replaced by an empty string");
	}
	if (opts && opts->append_output && *opts->append_output) {
		if (sk__text_append_raw(out, " ", 1) ||
			sk__text_append_raw(out, opts->append_output, strlen(opts->append_output)))
			return -ENOMEM;
	}
	return sk__append_apply(opts, c->st->host, r->name, r->source, r->tags, r->ntags, out,
		extra, nextra);
}

/* 0, -EINVAL (error reported) or -ENOMEM; *dropped when skip-if-unknown-filter
 * turned an error into a warning. */
static int compile_rule(cctx_t *c, sk__ld_rule_t *r, const sk_rules_opts_t *opts, sk__rule_t *o,
	bool *dropped)
{
	sk__ld_state_t *st = c->st;
	sk__text_t ct = { 0 }, ot = { 0 };
	size_t *map = NULL, slen = 0;
	char *stext = NULL;
	sk__ast_t *ast = NULL;
	const char **extra = NULL;
	size_t nextra = 0;
	int rc;
	*dropped = false;
	sk__compile_env_t env = { .source = r->source, .host = st->host, .fields = c->fields,
		.ctx = st, .lookup_macro = sk__ld_lookup_macro, .lookup_list = NULL,
		.max_nodes = st->limits.max_cond_nodes };

	if ((rc = validate_exception_fields(c, r, &env, dropped)) || *dropped)
		goto out;
	if ((rc = rule_text(c, r, &ct)) || (rc = output_text(c, r, opts, &ot, &extra, &nextra)))
		goto out;
	if ((rc = subst(c, ct.s, &stext, &map, &slen))) {
		if (rc == -E2BIG)
			rc = too_big(c, &r->loc, "rule", r->name);
		goto out;
	}
	sk__parse_err_t pe;
	if (sk__cond_parse(stext, &ast, &pe)) {
		sk__ld_loc_t l = sk__ld_locate(&ct, map, slen, pe.off);
		rc = sk__ld_err(st, &l, "rule", r->name, "LOAD_ERR_COMPILE_CONDITION", "%s", pe.msg);
		goto out;
	}
	const sk__ast_t *bad_node;
	const char *bad = sk__ld_undefined_macro(st, ast, (size_t)-1, &bad_node);
	if (bad) {
		sk__ld_loc_t l = sk__ld_locate(&ct, map, slen, bad_node->pos.off);
		rc = sk__ld_err(st, &l, "rule", r->name, "LOAD_ERR_COMPILE_CONDITION",
			"Undefined macro '%s' used in filter.", bad);
		goto out;
	}
	sk__ld_mark_macros_used(st, ast);
	sk__compile_err_t ce;
	rc = sk__cond_compile(ast, &env, &o->check, &ce);
	if (rc == -ENOMEM)
		goto out;
	if (rc) {
		sk__ld_loc_t l;
		sk__ld_macro_t *m = ce.macro[0] ? sk__ld_find_macro(st, ce.macro) : NULL;
		if (m)
			l = sk__ld_locate(&m->cond, m->map, strlen(m->subst), ce.off);
		else
			l = sk__ld_locate(&ct, map, slen, ce.off);
		if (r->skip_unknown && unknown_filter_msg(ce.msg)) {
			sk__ld_warn(st, &l, "rule", r->name, "LOAD_UNKNOWN_FILTER", "%s", ce.msg);
			*dropped = true;
			rc = 0;
			goto out;
		}
		if (m)
			rc = sk__ld_err(st, &l, "rule", r->name, "LOAD_ERR_COMPILE_CONDITION",
				"%s (in macro '%s')", ce.msg, m->name);
		else
			rc = sk__ld_err(st, &l, "rule", r->name, "LOAD_ERR_COMPILE_CONDITION", "%s", ce.msg);
		goto out;
	}
	rc = sk__fmt_compile_ex(ot.s, extra, nextra, &env, &o->fmt, &ce);
	if (rc == -ENOMEM)
		goto out;
	if (rc) {
		sk__ld_loc_t l = sk__ld_locate(&ot, NULL, 0, ce.off);
		if (r->skip_unknown && unknown_filter_msg(ce.msg)) {
			sk__ld_warn(st, &l, "rule", r->name, "LOAD_UNKNOWN_FILTER", "%s", ce.msg);
			*dropped = true;
			rc = 0;
			goto out;
		}
		rc = sk__ld_err(st, &l, "rule", r->name, "LOAD_ERR_COMPILE_OUTPUT", "%s", ce.msg);
		goto out;
	}
	if ((rc = sk__check_event_types(o->check, r->source, &o->evttypes, &o->nevttypes,
		     &o->all_types)))
		goto out;
	if (!strcmp(r->source, SK_SOURCE_SYSCALL) && r->warn_evttypes &&
		(o->all_types || o->nevttypes > SK_EVTTYPES_WARN_LIMIT))
		sk__ld_warn(st, &r->loc, "rule", r->name, "LOAD_NO_EVTTYPE",
			"Rule matches too many evt.type values. This has a significant performance "
			"penalty.");
	sk__ld_warn_undeliverable(st, opts, r, ast, &ct, map, slen);
	o->cond_text = stext;
	o->output_text = ot.s;
	stext = NULL;
	ot.s = NULL;
	o->compiled = true;
out:
	if (!o->compiled) {
		sk__check_free(o->check);
		sk__fmt_free(o->fmt);
		o->check = NULL;
		o->fmt = NULL;
	}
	sk__ast_free(ast);
	free(stext);
	free(map);
	free(extra);
	sk__text_free(&ct);
	sk__text_free(&ot);
	return rc;
}

/* ---- enabling ----------------------------------------------------------- */

static bool wild_match(const char *p, const char *s)
{
	const char *star = NULL, *ss = NULL;
	while (*s) {
		if (*p == '*') {
			star = p++;
			ss = s;
		} else if (*p == *s) {
			p++;
			s++;
		} else if (star) {
			p = star + 1;
			s = ++ss;
		} else {
			return false;
		}
	}
	while (*p == '*')
		p++;
	return !*p;
}

static int apply_selectors(sk__ld_state_t *st, const sk_rules_opts_t *opts, sk_ruleset_t *rs,
	const bool *eligible)
{
	for (size_t i = 0; opts && i < opts->nselectors; i++) {
		const char *sel = opts->selectors[i];
		bool en, tag;
		const char *pat;
		if (!strncmp(sel, "enable:", 7)) {
			en = true, tag = false, pat = sel + 7;
		} else if (!strncmp(sel, "disable:", 8)) {
			en = false, tag = false, pat = sel + 8;
		} else if (!strncmp(sel, "enable_tag:", 11)) {
			en = true, tag = true, pat = sel + 11;
		} else if (!strncmp(sel, "disable_tag:", 12)) {
			en = false, tag = true, pat = sel + 12;
		} else {
			return sk__ld_err(st, NULL, "selector", sel, "LOAD_ERR_VALIDATE",
				"Invalid rule selector '%s': expected enable:, disable:, enable_tag: or "
				"disable_tag: followed by a name or tag", sel);
		}
		size_t hits = 0;
		for (size_t r = 0; r < rs->nrules; r++) {
			sk__rule_t *x = &rs->rules[r];
			bool m = false;
			if (tag) {
				for (size_t t = 0; t < x->ntags && !m; t++)
					m = !strcmp(x->tags[t], pat);
			} else {
				m = wild_match(pat, x->name);
			}
			if (!m)
				continue;
			hits++;
			if (eligible[r])
				x->enabled = en;
		}
		hits += sk__ld_corr_select(rs, tag, pat, en, wild_match);
		if (!hits)
			sk__ld_warn(st, NULL, "selector", sel, "LOAD_UNUSED_SELECTOR",
				"Selector '%s' matches no rule", sel);
	}
	return 0;
}

/* ---- driver ------------------------------------------------------------- */

static char *join_items(char **v, size_t n)
{
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(v[i]) + 2;
	char *s = malloc(len), *p = s;
	if (!s)
		return NULL;
	*p = '\0';
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i ? ", " : "", v[i]);
	return s;
}

static int fill_tables(sk__ld_state_t *st, sk_ruleset_t *rs, const bool *list_used)
{
	rs->macros = calloc(st->nmacros ? st->nmacros : 1, sizeof(*rs->macros));
	rs->lists = calloc(st->nlists ? st->nlists : 1, sizeof(*rs->lists));
	if (!rs->macros || !rs->lists)
		return -ENOMEM;
	for (size_t i = 0; i < st->nmacros; i++, rs->nmacros++) {
		sk__ld_macro_t *m = &st->macros[i];
		rs->macros[i].name = strdup(m->name);
		rs->macros[i].text = strdup(m->cond.s ? m->cond.s : "");
		rs->macros[i].used = m->used;
		if (!rs->macros[i].name || !rs->macros[i].text)
			return -ENOMEM;
	}
	for (size_t i = 0; i < st->nlists; i++, rs->nlists++) {
		sk__ld_list_t *l = &st->lists[i];
		rs->lists[i].name = strdup(l->name);
		rs->lists[i].text = join_items(l->items, l->n);
		rs->lists[i].used = l->used || list_used[i];
		if (!rs->lists[i].name || !rs->lists[i].text)
			return -ENOMEM;
	}
	return 0;
}

static int move_rule(sk__ld_rule_t *r, sk__rule_t *o, uint32_t index)
{
	o->name = r->name;
	o->desc = r->desc ? r->desc : strdup("");
	o->source = r->source;
	o->priority = r->prio;
	o->tags = r->tags;
	o->ntags = r->ntags;
	o->warn_evttypes = r->warn_evttypes;
	o->skip_if_unknown_filter = r->skip_unknown;
	o->capture = r->capture;
	o->capture_duration = r->capture_duration;
	o->file = r->loc.src ? strdup(r->loc.src->name) : NULL;
	o->line = r->loc.line;
	o->index = index;
	r->name = r->desc = r->source = NULL;
	r->tags = NULL;
	r->ntags = 0;
	size_t nf = 0;
	for (size_t i = 0; i < r->nexc; i++)
		nf += r->exc[i].fields.kind == SK_Y_SEQ ? r->exc[i].fields.n : 1;
	if (nf) {
		o->exception_fields = calloc(nf, sizeof(char *));
		if (!o->exception_fields)
			return -ENOMEM;
		for (size_t i = 0; i < r->nexc; i++) {
			const sk__ynode_t *f = &r->exc[i].fields;
			size_t n = f->kind == SK_Y_SEQ ? f->n : 1;
			for (size_t k = 0; k < n; k++)
				if (!(o->exception_fields[o->nexception_fields++] =
						strdup(f->kind == SK_Y_SEQ ? f->v[k].s : f->s)))
					return -ENOMEM;
		}
	}
	return o->desc && (!r->loc.src || o->file) ? 0 : -ENOMEM;
}

int sk__ld_compile(sk__ld_state_t *st, const sk_rules_opts_t *opts, sk_ruleset_t *rs)
{
	cctx_t c = { .st = st };
	int rc = expand_lists(&c);
	bool *eligible = NULL;
	if (rc)
		goto out;
	if ((rc = parse_macros(&c)))
		goto out;
	if (!(c.fields = sk__fieldtab_new())) {
		rc = -ENOMEM;
		goto out;
	}
	rs->fields = c.fields;
	rs->rules = calloc(st->nrules ? st->nrules : 1, sizeof(*rs->rules));
	eligible = calloc(st->nrules ? st->nrules : 1, sizeof(bool));
	if (!rs->rules || !eligible) {
		rc = -ENOMEM;
		goto out;
	}
	sk_priority_t minp = opts ? opts->min_priority : SK_PRIO_DEBUG;
	int ret = 0;
	for (size_t i = 0; i < st->nrules; i++) {
		sk__ld_rule_t *r = &st->rules[i];
		sk__rule_t *o = &rs->rules[i];
		bool dropped = false, known = true;
		if (st->host && st->host->source_known)
			known = st->host->source_known(st->host->ctx, r->source);
		if (!known) {
			sk__ld_warn(st, &r->loc, "rule", r->name, "LOAD_UNKNOWN_SOURCE",
				"Unknown source %s, skipping", r->source);
		} else {
			rc = compile_rule(&c, r, opts, o, &dropped);
			if (rc == -ENOMEM)
				goto out;
			if (rc)
				ret = rc;
		}
		bool en = r->enabled;
		rs->nrules++; /* owned by rs from here, even half moved */
		if ((rc = move_rule(r, o, (uint32_t)i)))
			goto out;
		eligible[i] = o->compiled && o->priority <= minp;
		o->enabled = eligible[i] && en;
	}
	sk__ld_corr_env_t cenv = { c.defs, st->nlists, c.list_used, c.fields, minp };
	if ((rc = sk__ld_compile_correlations(st, &cenv, rs)) == -ENOMEM)
		goto out;
	if (rc)
		ret = rc;
	if (ret) {
		rc = ret;
		goto out;
	}
	for (size_t i = 0; i < st->nmacros; i++)
		if (!st->macros[i].used)
			sk__ld_warn(st, &st->macros[i].loc, "macro", st->macros[i].name, "LOAD_UNUSED_MACRO",
				"Macro not referred to by any other rule/macro");
	for (size_t i = 0; i < st->nlists; i++)
		if (!st->lists[i].used && !c.list_used[i])
			sk__ld_warn(st, &st->lists[i].loc, "list", st->lists[i].name, "LOAD_UNUSED_LIST",
				"List not referred to by any other rule/macro");
	if ((rc = apply_selectors(st, opts, rs, eligible)))
		goto out;
	rc = fill_tables(st, rs, c.list_used);
out:
	free(eligible);
	free(c.defs);
	free(c.list_used);
	return rc;
}
