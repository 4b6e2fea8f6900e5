/* corr_compile.c - collected correlations to compiled definitions: step
 * resolution (named rules, inline conditions), key and output validation,
 * captured fields, definition hashes, enabling. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "corr_int.h"
#include "loader_corr.h"
#include "loader_items.h"

#define KIND "correlation"
#define MAX_STEPS 32

typedef struct cc {
	sk__ld_state_t *st;
	const sk__ld_corr_env_t *env;
	sk_ruleset_t *rs;
	sk__corrset_t *cs;
	sk__ld_corr_t *c;
	sk_corr_def_t *d;
} cc_t;

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (uint8_t)*s) * 0x100000001b3ull;
	return (h ^ 0xff) * 0x100000001b3ull; /* terminator: "ab","c" != "a","bc" */
}

static sk__compile_env_t env_for(cc_t *c, const char *source)
{
	sk__compile_env_t e = { .source = source, .host = c->st->host, .fields = c->env->fields,
		.ctx = c->st, .lookup_macro = sk__ld_lookup_macro, .lookup_list = NULL,
		.max_nodes = c->st->limits.max_cond_nodes };
	return e;
}

static void rtrim(char *s)
{
	size_t e = s ? strlen(s) : 0;
	while (e && strchr(" \t\r\n", s[e - 1]))
		s[--e] = '\0';
}

static int compile_inline(cc_t *c, const sk__ld_cstep_t *ls, const char *source, sk__check_t **out,
	char **text)
{
	sk__ld_state_t *st = c->st;
	size_t *map = NULL, len = 0;
	sk__ast_t *ast = NULL;
	bool big = false;
	char *s = sk__subst_lists(ls->cond.s ? ls->cond.s : "", c->env->lists, c->env->nlists,
		c->env->list_used, st->limits.max_cond_bytes, &big, &map, &len);
	int rc = s ? 0 : -ENOMEM;
	if (big) {
		rc = sk__ld_err(st, &ls->loc, KIND, c->c->name, "LOAD_ERR_VALIDATE",
			"Condition is longer than %zu bytes once lists are substituted (limit "
			"saker.rules_limits.max_condition_bytes)", st->limits.max_cond_bytes);
		goto out;
	}
	sk__parse_err_t pe;
	sk__compile_err_t ce;
	if (rc)
		goto out;
	if (sk__cond_parse(s, &ast, &pe)) {
		sk__ld_loc_t l = sk__ld_locate(&ls->cond, map, len, pe.off);
		rc = sk__ld_err(st, &l, KIND, c->c->name, "LOAD_ERR_COMPILE_CONDITION", "%s", pe.msg);
		goto out;
	}
	const sk__ast_t *bad_node;
	const char *bad = sk__ld_undefined_macro(st, ast, (size_t)-1, &bad_node);
	if (bad) {
		sk__ld_loc_t l = sk__ld_locate(&ls->cond, map, len, bad_node->pos.off);
		rc = sk__ld_err(st, &l, KIND, c->c->name, "LOAD_ERR_COMPILE_CONDITION",
			"Undefined macro '%s' used in filter.", bad);
		goto out;
	}
	sk__ld_mark_macros_used(st, ast);
	sk__compile_env_t e = env_for(c, source);
	rc = sk__cond_compile(ast, &e, out, &ce);
	if (rc && rc != -ENOMEM) {
		sk__ld_macro_t *m = ce.macro[0] ? sk__ld_find_macro(st, ce.macro) : NULL;
		sk__ld_loc_t l = m ? sk__ld_locate(&m->cond, m->map, strlen(m->subst), ce.off)
			       : sk__ld_locate(&ls->cond, map, len, ce.off);
		rc = sk__ld_err(st, &l, KIND, c->c->name, "LOAD_ERR_COMPILE_CONDITION", "%s%s%s%s", ce.msg,
			m ? " (in macro '" : "", m ? m->name : "", m ? "')" : "");
	}
	if (!rc) {
		rtrim(s);
		*text = s;
		s = NULL;
	}
out:
	sk__ast_free(ast);
	free(s);
	free(map);
	return rc;
}

/* ---- steps -------------------------------------------------------------- */

static const sk__rule_t *find_rule(const sk_ruleset_t *rs, const char *name)
{
	for (size_t i = 0; i < rs->nrules; i++)
		if (!strcmp(rs->rules[i].name, name))
			return &rs->rules[i];
	return NULL;
}

static int add_capture(sk_corr_step_t *s, const char *f, bool key)
{
	for (size_t i = 0; !key && i < s->ncapture; i++)
		if (!strcmp(s->capture[i], f))
			return 0;
	char *const one[1] = { (char *)f };
	return sk__ld_strv_append(&s->capture, &s->ncapture, one, 1);
}

/* Check one field is extractable for the step's source. */
static int check_field(cc_t *c, const char *source, const char *f, const sk__ld_loc_t *loc)
{
	char *t = malloc(strlen(f) + 2);
	if (!t)
		return -ENOMEM;
	sprintf(t, "%%%s", f);
	sk__compile_env_t e = env_for(c, source);
	sk__fmt_t *fmt = NULL;
	sk__compile_err_t ce;
	int rc = sk__fmt_compile(t, &e, &fmt, &ce);
	sk__fmt_free(fmt);
	free(t);
	if (rc && rc != -ENOMEM)
		rc = sk__ld_err(c->st, loc, KIND, c->c->name, "LOAD_ERR_COMPILE_OUTPUT",
			"field '%s' is not available for source '%s': %s", f, source, ce.msg);
	return rc;
}

/* Resolve a step: its source, condition and `by` fields. *skip when the
 * step's source is not loaded (the correlation is then skipped). */
static int resolve_step(cc_t *c, const sk__ld_cstep_t *ls, uint32_t idx, sk_corr_step_t *o,
	sk__cstep_t *x, bool *skip)
{
	const sk_rules_host_t *h = c->st->host;
	int rc;
	x->step = idx;
	x->value_cap = -1;
	if (ls->rule) {
		const sk__rule_t *r = find_rule(c->rs, ls->rule);
		if (!r)
			return sk__ld_err(c->st, &ls->loc, KIND, c->c->name, "LOAD_ERR_VALIDATE",
				"Step refers to an undefined rule '%s'", ls->rule);
		if (!r->compiled) {
			sk__ld_warn(c->st, &ls->loc, KIND, c->c->name, "LOAD_UNKNOWN_SOURCE",
				"Step rule '%s' has an unknown source %s; skipping the correlation", r->name,
				r->source);
			*skip = true;
			return 0;
		}
		if (!(o->rule = strdup(r->name)) || !(o->name = strdup(r->name)) ||
			!(o->source = strdup(r->source)) || !(o->condition = strdup(r->cond_text)))
			return -ENOMEM;
		x->check = r->check;
		x->nevttypes = r->nevttypes;
		x->all_types = r->all_types;
		if (r->nevttypes && !(x->evttypes = malloc(r->nevttypes * sizeof(uint16_t))))
			return -ENOMEM;
		if (r->nevttypes)
			memcpy(x->evttypes, r->evttypes, r->nevttypes * sizeof(uint16_t));
	} else {
		const char *source = ls->source ? ls->source : SK_SOURCE_SYSCALL;
		if (h && h->source_known && !h->source_known(h->ctx, source)) {
			sk__ld_warn(c->st, &ls->loc, KIND, c->c->name, "LOAD_UNKNOWN_SOURCE",
				"Unknown source %s, skipping the correlation", source);
			*skip = true;
			return 0;
		}
		char nm[32];
		snprintf(nm, sizeof(nm), idx == SK_HIT_UNTIL ? "until" : "step %u", idx);
		if (!(o->source = strdup(source)) || !(o->name = strdup(ls->name ? ls->name : nm)))
			return -ENOMEM;
		if ((rc = compile_inline(c, ls, source, &x->check, &o->condition)))
			return rc;
		x->own_check = true;
		if ((rc = sk__check_event_types(x->check, source, &x->evttypes, &x->nevttypes,
			     &x->all_types)))
			return rc;
	}
	if (ls->nby != c->d->nby) {
		const sk__ld_loc_t *l = ls->nby ? &ls->by_loc : &ls->loc;
		return sk__ld_err(c->st, l, KIND, c->c->name, "LOAD_ERR_VALIDATE",
			"Every step must have the same number of 'by' fields (%zu here, %zu in the first "
			"step): keys are compared position by position", ls->nby, c->d->nby);
	}
	for (size_t i = 0; i < ls->nby; i++) {
		if ((rc = check_field(c, o->source, ls->by[i], &ls->by_locs[i])) ||
			(rc = add_capture(o, ls->by[i], true)))
			return rc;
	}
	return 0;
}

/* ---- output --------------------------------------------------------------- */

static int push_tok(sk_corr_def_t *d, sk_corr_tok_t t)
{
	sk_corr_tok_t *nv = realloc(d->tok, (d->ntok + 1) * sizeof(*nv));
	if (!nv) {
		free(t.text);
		free(t.field);
		return -ENOMEM;
	}
	d->tok = nv;
	d->tok[d->ntok++] = t;
	return 0;
}

static bool field_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		ch == '_' || ch == '.';
}

static int parse_output(cc_t *c)
{
	sk_corr_def_t *d = c->d;
	const sk__text_t *t = &c->c->output;
	const char *s = d->output;
	size_t i = 0, lit = 0, n = strlen(s);
	int rc = 0;
	while (i <= n && !rc) {
		if (i < n && s[i] != '%') {
			i++;
			continue;
		}
		if (i > lit) {
			sk_corr_tok_t tk = { .kind = SK_CTOK_TEXT, .text = strndup(s + lit, i - lit) };
			if (!tk.text || (rc = push_tok(d, tk)))
				return -ENOMEM;
		}
		if (i == n)
			break;
		size_t at = i++;
		sk_corr_tok_t tk = { 0 };
		unsigned long idx = 0;
		char *end = NULL;
		if (!strncmp(s + i, "steps[", 6)) {
			idx = strtoul(s + i + 6, &end, 10);
			if (end == s + i + 6 || *end != ']' || end[1] != '.' || !field_char(end[2]))
				goto bad;
			size_t f = (size_t)(end + 2 - s), e = f;
			while (e < n && field_char(s[e]))
				e++;
			while (e > f && s[e - 1] == '.')
				e--; /* a sentence's final dot */
			if (e < n && s[e] == '[') {
				const char *cl = strchr(s + e, ']');
				if (!cl)
					goto bad;
				e = (size_t)(cl - s) + 1;
			}
			if (idx >= d->nsteps) {
				sk__ld_loc_t l = sk__ld_locate(t, NULL, 0, at);
				return sk__ld_err(c->st, &l, KIND, d->name, "LOAD_ERR_COMPILE_OUTPUT",
					"%%steps[%lu]: the correlation has %zu step(s)", idx, d->nsteps);
			}
			tk.kind = SK_CTOK_STEP;
			tk.step = (uint32_t)idx;
			tk.field = strndup(s + f, e - f);
			tk.text = strndup(s + at + 1, e - at - 1);
			i = e;
		} else if (!strncmp(s + i, "key[", 4)) {
			idx = strtoul(s + i + 4, &end, 10);
			if (end == s + i + 4 || *end != ']')
				goto bad;
			if (idx >= d->nby) {
				sk__ld_loc_t l = sk__ld_locate(t, NULL, 0, at);
				return sk__ld_err(c->st, &l, KIND, d->name, "LOAD_ERR_COMPILE_OUTPUT",
					"%%key[%lu]: the key has %zu field(s)", idx, d->nby);
			}
			tk.kind = SK_CTOK_KEY;
			tk.key = (uint32_t)idx;
			tk.text = strndup(s + at + 1, (size_t)(end + 1 - s) - at - 1);
			i = (size_t)(end + 1 - s);
		} else if (s[i] == '%') {
			tk.kind = SK_CTOK_TEXT;
			tk.text = strdup("%");
			i++;
		} else {
			goto bad;
		}
		if (!tk.text || (tk.kind == SK_CTOK_STEP && !tk.field)) {
			free(tk.text);
			free(tk.field);
			return -ENOMEM;
		}
		if (tk.kind == SK_CTOK_STEP) {
			sk__ld_loc_t l = sk__ld_locate(t, NULL, 0, at);
			sk_corr_step_t *st = &d->steps[tk.step];
			if ((rc = check_field(c, st->source, tk.field, &l)) ||
				(rc = add_capture(st, tk.field, false))) {
				free(tk.text);
				free(tk.field);
				return rc;
			}
		}
		if ((rc = push_tok(d, tk)))
			return rc;
		lit = i;
		continue;
	bad:;
		sk__ld_loc_t l = sk__ld_locate(t, NULL, 0, at);
		return sk__ld_err(c->st, &l, KIND, d->name, "LOAD_ERR_COMPILE_OUTPUT",
			"invalid output token: correlation outputs use %%steps[i].<field>, %%key[j] and "
			"%%%%");
	}
	return rc;
}

/* ---- one correlation ---------------------------------------------------- */

static int structure(cc_t *c)
{
	sk__ld_corr_t *lc = c->c;
	sk_corr_kind_t k = lc->kind;
	bool single = k == SK_CORR_COUNT || k == SK_CORR_DISTINCT;
	if (single && lc->nsteps != 1)
		return sk__ld_err(c->st, &lc->steps_loc, KIND, lc->name, "LOAD_ERR_VALIDATE",
			"A '%s' correlation has exactly one step", sk_corr_kind_name(k));
	if (!single && (lc->nsteps < 2 || lc->nsteps > MAX_STEPS))
		return sk__ld_err(c->st, &lc->steps_loc, KIND, lc->name, "LOAD_ERR_VALIDATE",
			"A '%s' correlation has 2 to %d steps", sk_corr_kind_name(k), MAX_STEPS);
	if (single && !lc->threshold)
		return sk__ld_err(c->st, &lc->loc, KIND, lc->name, "LOAD_ERR_YAML_VALIDATE",
			"A '%s' correlation needs 'threshold'", sk_corr_kind_name(k));
	if (!single && lc->threshold)
		return sk__ld_err(c->st, &lc->loc, KIND, lc->name, "LOAD_ERR_VALIDATE",
			"'threshold' applies to count and distinct correlations only");
	if ((k == SK_CORR_DISTINCT) != (lc->field != NULL))
		return sk__ld_err(c->st, lc->field ? &lc->field_loc : &lc->loc, KIND, lc->name,
			"LOAD_ERR_VALIDATE", k == SK_CORR_DISTINCT
				? "A 'distinct' correlation needs 'field'"
				: "'field' applies to distinct correlations only");
	return 0;
}

static uint64_t def_hash(const sk_corr_def_t *d)
{
	char num[64];
	uint64_t h = fnv(0xcbf29ce484222325ull, d->name);
	snprintf(num, sizeof(num), "%d/%llu/%u/%d/%zu", (int)d->kind,
		(unsigned long long)d->within_ns, d->threshold, (int)d->priority, d->nby);
	h = fnv(h, num);
	h = fnv(h, d->field);
	h = fnv(h, d->output);
	for (size_t i = 0; i <= d->nsteps; i++) {
		const sk_corr_step_t *s = i < d->nsteps ? &d->steps[i] : d->until;
		if (!s)
			continue;
		h = fnv(h, i < d->nsteps ? "step" : "until");
		h = fnv(h, s->source);
		h = fnv(h, s->name);
		h = fnv(h, s->condition);
		for (size_t k = 0; k < d->nby; k++)
			h = fnv(h, s->by[k]);
	}
	return h ? h : 1;
}

static int capture_fmt(cc_t *c, sk_corr_step_t *s, sk__cstep_t *x)
{
	size_t len = 1;
	for (size_t i = 0; i < s->ncapture; i++)
		len += strlen(s->capture[i]) + 2;
	char *t = malloc(len), *p = t;
	if (!t)
		return -ENOMEM;
	*p = '\0';
	for (size_t i = 0; i < s->ncapture; i++)
		p += sprintf(p, "%s%%%s", i ? "\x1f" : "", s->capture[i]);
	sk__compile_env_t e = env_for(c, s->source);
	sk__compile_err_t ce;
	int rc = sk__fmt_compile(t, &e, &x->fmt, &ce);
	free(t);
	if (rc && rc != -ENOMEM)
		rc = sk__ld_err(c->st, &c->c->loc, KIND, c->c->name, "LOAD_ERR_COMPILE_OUTPUT", "%s",
			ce.msg);
	return rc;
}

static int compile_one(cc_t *c, bool *skip)
{
	sk__ld_corr_t *lc = c->c;
	sk_corr_def_t *d = c->d;
	int rc = structure(c);
	if (rc)
		return rc;
	d->kind = lc->kind;
	d->within_ns = lc->within_ns;
	d->threshold = lc->threshold;
	d->nby = lc->steps[0].nby;
	d->priority = lc->prio;
	size_t n = lc->nsteps + (lc->until ? 1 : 0);
	sk__cstep_t *x = calloc(n, sizeof(*x));
	d->steps = calloc(lc->nsteps, sizeof(*d->steps));
	if (lc->until)
		d->until = calloc(1, sizeof(*d->until));
	if (!x || !d->steps || (lc->until && !d->until)) {
		free(x);
		return -ENOMEM;
	}
	d->nsteps = lc->nsteps;
	for (size_t i = 0; i < n && !rc && !*skip; i++) {
		bool u = i == lc->nsteps;
		rc = resolve_step(c, u ? lc->until : &lc->steps[i], u ? SK_HIT_UNTIL : (uint32_t)i,
			u ? d->until : &d->steps[i], &x[i], skip);
	}
	if (!rc && !*skip && lc->field) {
		if (!(d->field = strdup(lc->field)))
			rc = -ENOMEM;
		else if (!(rc = check_field(c, d->steps[0].source, lc->field, &lc->field_loc)))
			rc = add_capture(&d->steps[0], lc->field, false);
	}
	if (!rc && !*skip) {
		d->output = strndup(lc->output.s ? lc->output.s : "", lc->output.len);
		size_t e = d->output ? strlen(d->output) : 0;
		while (e && strchr(" \t\r\n", d->output[e - 1]))
			d->output[--e] = '\0';
		rc = d->output ? parse_output(c) : -ENOMEM;
	}
	for (size_t i = 0; !rc && !*skip && i < n; i++) {
		sk_corr_step_t *s = i < lc->nsteps ? &d->steps[i] : d->until;
		/* by[] points at the first nby captures (added first) */
		if (d->nby && !(s->by = calloc(d->nby, sizeof(char *)))) {
			rc = -ENOMEM;
			break;
		}
		for (size_t k = 0; k < d->nby; k++)
			s->by[k] = s->capture[k];
		x[i].corr = (uint32_t)(c->d - c->cs->defs);
		x[i].def = s;
		if (d->field && i == 0)
			for (size_t k = 0; k < s->ncapture; k++)
				if (!strcmp(s->capture[k], d->field))
					x[i].value_cap = (int32_t)k;
		rc = capture_fmt(c, s, &x[i]);
	}
	if (!rc && !*skip) {
		sk__cstep_t *nv = realloc(c->cs->steps, (c->cs->nsteps + n) * sizeof(*nv));
		if (!nv) {
			rc = -ENOMEM;
		} else {
			c->cs->steps = nv;
			memcpy(nv + c->cs->nsteps, x, n * sizeof(*x));
			c->cs->nsteps += n;
			free(x);
			x = NULL;
			d->hash = def_hash(d);
			d->compiled = true;
		}
	}
	for (size_t i = 0; x && i < n; i++) {
		if (x[i].own_check)
			sk__check_free(x[i].check);
		sk__fmt_free(x[i].fmt);
		free(x[i].evttypes);
	}
	free(x);
	return rc;
}

int sk__ld_compile_correlations(sk__ld_state_t *st, const sk__ld_corr_env_t *env, sk_ruleset_t *rs)
{
	size_t n = st->corrs ? st->corrs->n : 0;
	if (!n)
		return 0;
	sk__corrset_t *cs = calloc(1, sizeof(*cs));
	if (!cs)
		return -ENOMEM;
	rs->corr = cs;
	cs->defs = calloc(n, sizeof(*cs->defs));
	cs->eligible = calloc(n, sizeof(bool));
	if (!cs->defs || !cs->eligible)
		return -ENOMEM;
	int ret = 0;
	for (size_t i = 0; i < n; i++) {
		sk__ld_corr_t *lc = &st->corrs->v[i];
		sk_corr_def_t *d = &cs->defs[cs->ndefs++];
		d->name = lc->name;
		d->desc = lc->desc;
		d->tags = lc->tags;
		d->ntags = lc->ntags;
		lc->name = lc->desc = NULL;
		lc->tags = NULL;
		lc->ntags = 0;
		d->file = lc->loc.src ? strdup(lc->loc.src->name) : NULL;
		d->line = lc->loc.line;
		if (lc->loc.src && !d->file)
			return -ENOMEM;
		rtrim(d->desc);
		cc_t c = { st, env, rs, cs, lc, d };
		c.c->name = d->name; /* diagnostics name it; lc no longer owns it */
		bool skip = false;
		int rc = compile_one(&c, &skip);
		lc->name = NULL;
		if (rc == -ENOMEM)
			return rc;
		if (rc)
			ret = rc;
		cs->eligible[i] = d->compiled && d->priority <= env->min_priority;
		d->enabled = cs->eligible[i] && lc->enabled;
	}
	return ret;
}

size_t sk__ld_corr_select(sk_ruleset_t *rs, bool tag, const char *pat, bool en,
	bool (*match)(const char *pat, const char *s))
{
	sk__corrset_t *cs = rs->corr;
	size_t hits = 0;
	for (size_t i = 0; cs && i < cs->ndefs; i++) {
		sk_corr_def_t *d = &cs->defs[i];
		bool m = false;
		if (tag) {
			for (size_t t = 0; t < d->ntags && !m; t++)
				m = !strcmp(d->tags[t], pat);
		} else {
			m = match(pat, d->name);
		}
		if (!m)
			continue;
		hits++;
		if (cs->eligible[i])
			d->enabled = en;
	}
	return hits;
}
