/*
 * eval.c - per-thread evaluation of a compiled ruleset: rules indexed by
 * event type for one source, a per-event field cache (one slot per
 * distinct field+argument of the ruleset, validated by a generation
 * counter so nothing is cleared between events), check-tree evaluation,
 * and alert building.
 */
#include "cond_int.h"
#include "corr_int.h"
#include "ruleset_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sk_event_schema.h"

typedef struct ridx {
	uint32_t *v;
	uint32_t n, cap;
} ridx_t;

struct sk_rules_eval {
	sk_ruleset_t *rs;
	char *source;
	sk_rules_extractor_t x;
	sk__evctx_t ec;
	sk__fieldtab_t *tab;
	ridx_t bucket[SK_EVT_CODE_MAX];
	ridx_t all;
	uint64_t *counts;        /* per rule index */
	void **count_slots;      /* per rule index, the caller's (drain_counts) */
	sk__steps_eval_t *steps; /* correlation steps of this source, or NULL */
};

/* ---- per-event memory -------------------------------------------------- */

void *sk__evctx_alloc(sk__evctx_t *ec, size_t len)
{
	return sk_arena_alloc(&ec->arena, len);
}

void sk__evctx_reset(sk__evctx_t *ec)
{
	sk_arena_reset(&ec->arena);
	ec->gen++;
}

/* ---- field values ------------------------------------------------------ */

static bool extract_slot(sk__evctx_t *ec, const sk__fref_t *r, sk__slotc_t *s)
{
	const sk_field_info_t *fi = r->fi;
	ss_plugin_extract_field f;
	memset(&f, 0, sizeof(f));
	f.field_id = fi->field_id;
	f.field = fi->name;
	/* an index-only field gets no key text (libsinsp) */
	f.arg_key = r->arg_present && (fi->flags & SK_FIELD_ARG_KEY) ? r->arg : NULL;
	f.arg_index = r->arg_index;
	f.arg_present = r->arg_present;
	f.ftype = fi->ftype;
	f.flist = r->list;
	if (ec->x->extract(ec->x->ctx, fi->extractor, ec->in, &f) != 0 || f.res_len == 0)
		return false;
	if (f.res_len > s->cap) {
		uint32_t nc = s->cap ? s->cap : 4;
		while (nc < f.res_len)
			nc *= 2;
		sk__rv_t *v = realloc(s->v, nc * sizeof(*v));
		if (!v)
			return false;
		s->v = v;
		s->cap = nc;
	}
	for (uint64_t i = 0; i < f.res_len; i++) {
		sk__rv_t *o = &s->v[i];
		switch (r->vt) {
		case SK__VT_STR:
			o->p = f.res.str[i] ? f.res.str[i] : "";
			o->len = (uint32_t)strlen(o->p);
			break;
		case SK__VT_U64:
		case SK__VT_I64:
			o->u = f.res.u64[i];
			break;
		case SK__VT_BOOL:
			o->u = f.res.boolean[i] != 0;
			break;
		case SK__VT_BUF:
			o->p = f.res.buf[i].ptr;
			o->len = f.res.buf[i].len;
			break;
		case SK__VT_IP:
		case SK__VT_NET: {
			const uint8_t *b = f.res.buf[i].ptr;
			uint32_t l = f.res.buf[i].len;
			memset(&o->ip, 0, sizeof(o->ip));
			static const uint8_t v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
			if (l == 4 || l == 8) {
				o->ip.fam = 4;
				o->ip.prefix = 32;
				memcpy(o->ip.a, b, 4);
			} else if ((l == 16 || l == 32) && !memcmp(b, v4mapped, 12)) {
				o->ip.fam = 4;
				o->ip.prefix = 32;
				memcpy(o->ip.a, b + 12, 4);
			} else if (l == 16 || l == 32) {
				o->ip.fam = 6;
				o->ip.prefix = 128;
				memcpy(o->ip.a, b, 16);
			} else {
				return false;
			}
			break;
		}
		default:
			return false;
		}
	}
	s->n = (uint32_t)f.res_len;
	return true;
}

bool sk__opnd_values(sk__evctx_t *ec, const sk__opnd_t *o, const sk__rv_t **v, uint32_t *n)
{
	switch (o->kind) {
	case SK__O_FIELD: {
		sk__slotc_t *s = &ec->slots[o->fref->slot];
		if (s->gen != ec->gen) {
			s->gen = ec->gen;
			s->ok = extract_slot(ec, o->fref, s);
		}
		*v = s->v;
		*n = s->n;
		return s->ok;
	}
	case SK__O_CONST:
	case SK__O_CLIST:
		*v = o->cv;
		*n = (uint32_t)o->ncv;
		return true;
	case SK__O_XFORM:
		return sk__xform_apply(ec, o, v, n);
	}
	return false;
}

/* ---- checks ------------------------------------------------------------- */

static bool in_consts(const sk__cnode_t *c, const sk__rv_t *l, const sk__rv_t *rv, uint32_t rn,
	bool use_set)
{
	if (use_set && c->set)
		return sk__strset_has(c->set, l->p, l->len);
	if (use_set && c->nums)
		return sk__numset_has(c, l->u);
	for (uint32_t k = 0; k < rn; k++)
		if (sk__cmp(SK__OP_EQ, c->vt, l, &rv[k], c, NULL))
			return true;
	return false;
}

/* Right side values converted to the left side's type when it is a string. */
static bool rhs_values(sk__evctx_t *ec, const sk__cnode_t *c, const sk__rv_t **rv, uint32_t *rn)
{
	if (!sk__opnd_values(ec, c->rhs, rv, rn))
		return false;
	if (c->rhs->vt == c->vt || c->vt != SK__VT_STR)
		return true;
	sk__rv_t *conv = sk__evctx_alloc(ec, *rn * sizeof(*conv));
	if (!conv)
		return false;
	for (uint32_t i = 0; i < *rn; i++) {
		char buf[64];
		const char *t = sk__rv_text(c->rhs->vt, &(*rv)[i], buf, sizeof(buf));
		size_t l = strlen(t);
		char *d = sk__evctx_alloc(ec, l + 1);
		if (!d)
			return false;
		memcpy(d, t, l + 1);
		memset(&conv[i], 0, sizeof(conv[i]));
		conv[i].p = d;
		conv[i].len = (uint32_t)l;
	}
	*rv = conv;
	return true;
}

static bool eval_check(sk__evctx_t *ec, const sk__cnode_t *c)
{
	const sk__rv_t *lv, *rv;
	uint32_t ln, rn;
	if (c->evbits && !SK__EVT_IS_GENERIC(ec->in->evt->type)) {
		uint16_t t = ec->in->evt->type;
		bool hit = t < SK_EVT_CODE_MAX && ((c->evbits[t / 64] >> (t % 64)) & 1);
		return c->op == SK__OP_NE ? !hit : hit;
	}
	if (c->lhs->kind == SK__O_FIELD) {
		sk__slotc_t *s = &ec->slots[c->lhs->fref->slot];
		if (s->gen != ec->gen) {
			s->gen = ec->gen;
			s->ok = extract_slot(ec, c->lhs->fref, s);
		}
		if (!s->ok || !s->n)
			return false;
		lv = s->v;
		ln = s->n;
	} else if (!sk__opnd_values(ec, c->lhs, &lv, &ln) || ln == 0) {
		return false;
	}
	if (c->op == SK__OP_EXISTS)
		return true;
	bool use_set = !c->rhs;
	if (c->rhs) {
		if (!rhs_values(ec, c, &rv, &rn) || rn == 0)
			return false;
	} else {
		rv = c->cv;
		rn = (uint32_t)c->ncv;
	}
	switch (c->op) {
	case SK__OP_IN:
		if (c->lhs->list) {
			for (uint32_t i = 0; i < ln; i++)
				if (!in_consts(c, &lv[i], rv, rn, use_set))
					return false;
			return true;
		}
		/* a single-value field (or each ancestor): like intersects */
		__attribute__((fallthrough));
	case SK__OP_INTERSECTS:
		for (uint32_t i = 0; i < ln; i++)
			if (in_consts(c, &lv[i], rv, rn, use_set))
				return true;
		return false;
	case SK__OP_PMATCH:
		for (uint32_t i = 0; i < ln; i++)
			if (sk__pmatch(c, lv[i].p, lv[i].len))
				return true;
		return false;
	default:
		break;
	}
	if (c->mod) {
		for (uint32_t i = 0; i < ln; i++) {
			uint32_t hits = 0;
			if (c->pfx && use_set) {
				/* distinct prefixes: allof means every distinct one */
				hits = sk__prefix_hits(c, lv[i].p, lv[i].len);
				if ((c->mod == SK__MOD_ONEOF && hits == 1) ||
				    (c->mod == SK__MOD_ANYOF && hits >= 1) ||
				    (c->mod == SK__MOD_ALLOF && hits == c->npfxdistinct))
					return true;
				continue;
			}
			for (uint32_t k = 0; k < rn; k++)
				hits += sk__cmp(c->op, c->vt, &lv[i], &rv[k], c, ec->md);
			if ((c->mod == SK__MOD_ONEOF && hits == 1) ||
			    (c->mod == SK__MOD_ANYOF && hits >= 1) ||
			    (c->mod == SK__MOD_ALLOF && hits == rn && rn > 0))
				return true;
		}
		return false;
	}
	for (uint32_t i = 0; i < ln; i++)
		for (uint32_t k = 0; k < rn; k++)
			if (sk__cmp(c->op, c->vt, &lv[i], &rv[k], c, ec->md))
				return true;
	return false;
}

static bool eval_node(sk__evctx_t *ec, const sk__cnode_t *n)
{
	switch (n->kind) {
	case SK__C_AND:
		for (size_t i = 0; i < n->nkids; i++)
			if (!eval_node(ec, n->kids[i]))
				return false;
		return true;
	case SK__C_OR:
		for (size_t i = 0; i < n->nkids; i++)
			if (eval_node(ec, n->kids[i]))
				return true;
		return false;
	case SK__C_NOT:
		return !eval_node(ec, n->kids[0]);
	case SK__C_CHECK:
		return eval_check(ec, n);
	case SK__C_TRUE:
		return true;
	case SK__C_FALSE:
		return false;
	}
	return false;
}

static bool run_prog_nomemo(sk__evctx_t *ec, const sk__insn_t *p, uint32_t i);

/* A macro's root: computed once per event, whichever rule asks first. */
static bool run_prog(sk__evctx_t *ec, const sk__insn_t *p, uint32_t i)
{
	if (!p[i].memo || p[i].memo > ec->nmemo)
		return run_prog_nomemo(ec, p, i);
	sk__memo_t *m = &ec->memo[p[i].memo - 1];
	if (m->gen != ec->gen) {
		m->val = run_prog_nomemo(ec, p, i);
		m->gen = ec->gen;
	}
	return m->val;
}

static bool run_prog_nomemo(sk__evctx_t *ec, const sk__insn_t *p, uint32_t i)
{
	const sk__insn_t *in = &p[i];
	switch (in->kind) {
	case SK__C_CHECK:
		if (in->evbits && !SK__EVT_IS_GENERIC(ec->in->evt->type)) {
			uint16_t t = ec->in->evt->type;
			bool hit = t < SK_EVT_CODE_MAX && ((in->evbits[t / 64] >> (t % 64)) & 1);
			return hit != in->ne;
		}
		return eval_check(ec, in->c);
	case SK__C_AND:
		for (uint32_t j = i + 1; j < in->end; j = p[j].end)
			if (!run_prog(ec, p, j))
				return false;
		return true;
	case SK__C_OR:
		for (uint32_t j = i + 1; j < in->end; j = p[j].end)
			if (run_prog(ec, p, j))
				return true;
		return false;
	case SK__C_NOT:
		return !run_prog(ec, p, i + 1);
	case SK__C_TRUE:
		return true;
	default:
		return false;
	}
}

/* ---- context ------------------------------------------------------------ */

static int ridx_push(ridx_t *r, uint32_t v)
{
	if (r->n == r->cap) {
		uint32_t nc = r->cap ? r->cap * 2 : 4;
		uint32_t *p = realloc(r->v, nc * sizeof(*p));
		if (!p)
			return -ENOMEM;
		r->v = p;
		r->cap = nc;
	}
	r->v[r->n++] = v;
	return 0;
}

static const sk__rule_t *rule_at(const sk_rules_eval_t *ev, uint32_t i)
{
	return &ev->rs->rules[i];
}

int sk_rules_eval_new(sk_ruleset_t *rs, const char *source, const sk_rules_extractor_t *x,
	sk_rules_eval_t **out)
{
	int rc = -ENOMEM;
	if (!out)
		return -EINVAL;
	*out = NULL;
	if (!rs || !source || !x || !x->extract)
		return -EINVAL;
	sk_rules_eval_t *ev = calloc(1, sizeof(*ev));
	if (!ev)
		return -ENOMEM;
	ev->rs = sk_ruleset_ref(rs);
	ev->x = *x;
	ev->source = strdup(source);
	ev->counts = calloc(rs->nrules ? rs->nrules : 1, sizeof(*ev->counts));
	ev->count_slots = calloc(rs->nrules ? rs->nrules : 1, sizeof(*ev->count_slots));
	if (!ev->source || !ev->counts || !ev->count_slots)
		goto fail;
	for (size_t i = 0; i < rs->nrules; i++) {
		const sk__rule_t *r = &rs->rules[i];
		if (!r->enabled || !r->compiled || !r->check || strcmp(r->source, source))
			continue;
		const sk__check_t *ck = r->check;
		if (!ev->tab) {
			ev->tab = ck->tab;
			sk__fieldtab_ref(ev->tab);
		} else if (ev->tab != ck->tab) {
			rc = -EINVAL; /* every rule must share the ruleset's field table */
			goto fail;
		}
		if (r->fmt && ((const sk__fmt_t *)r->fmt)->tab != ev->tab) {
			rc = -EINVAL;
			goto fail;
		}
		uint16_t *types;
		size_t nt;
		bool all;
		if ((rc = sk__check_event_types(ck, source, &types, &nt, &all)))
			goto fail;
		rc = 0;
		if (all) {
			rc = ridx_push(&ev->all, (uint32_t)i);
		} else {
			for (size_t k = 0; k < nt && !rc; k++)
				rc = ridx_push(&ev->bucket[types[k]], (uint32_t)i);
		}
		free(types);
		if (rc)
			goto fail;
	}
	if ((rc = sk__steps_eval_new(rs, source, &ev->steps)))
		goto fail;
	if (!ev->tab && ev->steps && rs->fields) {
		/* a source with correlation steps and no enabled rule */
		ev->tab = rs->fields;
		sk__fieldtab_ref(ev->tab);
	}
	rc = -ENOMEM;
	/* formats may reference fields no condition uses: size the cache last */
	ev->ec.x = &ev->x;
	ev->ec.nslots = ev->tab ? sk__fieldtab_count(ev->tab) : 0;
	ev->ec.slots = calloc(ev->ec.nslots ? ev->ec.nslots : 1, sizeof(*ev->ec.slots));
	ev->ec.md = pcre2_match_data_create(1, NULL);
	ev->ec.nmemo = ev->tab ? ev->tab->nmacros : 0;
	ev->ec.memo = calloc(ev->ec.nmemo ? ev->ec.nmemo : 1, sizeof(*ev->ec.memo));
	if (!ev->ec.slots || !ev->ec.md || !ev->ec.memo)
		goto fail;
	ev->ec.gen = 1;
	*out = ev;
	return 0;
fail:
	sk_rules_eval_free(ev);
	return rc;
}

void sk_rules_eval_free(sk_rules_eval_t *ev)
{
	if (!ev)
		return;
	for (size_t i = 0; i < SK_EVT_CODE_MAX; i++)
		free(ev->bucket[i].v);
	free(ev->all.v);
	for (size_t i = 0; i < ev->ec.nslots; i++)
		free(ev->ec.slots[i].v);
	free(ev->ec.slots);
	free(ev->ec.memo);
	if (ev->ec.md)
		pcre2_match_data_free(ev->ec.md);
	sk__evctx_reset(&ev->ec);
	sk_arena_free(&ev->ec.arena);
	free(ev->counts);
	free(ev->count_slots);
	sk__steps_eval_free(ev->steps);
	free(ev->source);
	sk__fieldtab_unref(ev->tab);
	sk_ruleset_unref(ev->rs);
	free(ev);
}

const sk_ruleset_t *sk_rules_eval_ruleset(const sk_rules_eval_t *ev)
{
	return ev ? ev->rs : NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static sk_alert_t *build_alert(sk_rules_eval_t *ev, const sk__rule_t *r)
{
	sk_alert_t *a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	a->ts_ns = ev->ec.in->evt ? ev->ec.in->evt->ts : 0;
	a->priority = r->priority;
	a->rule = strdup(r->name);
	a->source = strdup(r->source);
	if (!a->rule || !a->source)
		goto fail;
	if (r->fmt) {
		if (sk__fmt_render(&ev->ec, r->fmt, &a->output, &a->output_fields))
			goto fail;
	} else {
		a->output = strdup("");
		a->output_fields = json_object();
		if (!a->output || !a->output_fields)
			goto fail;
	}
	if (r->ntags) {
		a->tags = calloc(r->ntags, sizeof(*a->tags));
		if (!a->tags)
			goto fail;
		for (size_t i = 0; i < r->ntags; i++) {
			if (!(a->tags[i] = strdup(r->tags[i])))
				goto fail;
			a->ntags++;
		}
		qsort(a->tags, a->ntags, sizeof(*a->tags), cmp_str);
	}
	return a;
fail:
	sk_alert_free(a);
	return NULL;
}

static bool try_rule(sk_rules_eval_t *ev, uint32_t i, sk_rules_emit_fn emit, void *ud)
{
	const sk__rule_t *r = rule_at(ev, i);
	if (!run_prog(&ev->ec, ((const sk__check_t *)r->check)->prog, 0))
		return false;
	ev->counts[i]++;
	if (emit) {
		sk_alert_t *a = build_alert(ev, r);
		if (a)
			emit(ud, a);
	}
	return true;
}

bool sk__check_match(sk__evctx_t *ec, const sk__check_t *c)
{
	return run_prog(ec, c->prog, 0);
}

void sk_rules_eval_set_hit_sink(sk_rules_eval_t *ev, sk_rules_hit_fn fn, void *ud)
{
	if (ev && ev->steps)
		sk__steps_eval_sink(ev->steps, fn, ud);
}

uint64_t sk_rules_eval_hits_skipped(const sk_rules_eval_t *ev)
{
	return ev ? sk__steps_eval_skipped(ev->steps) : 0;
}

static int eval_rules(sk_rules_eval_t *ev, const ss_plugin_event_input *in,
	sk_rules_emit_fn emit, void *ud);

int sk_rules_eval_event(sk_rules_eval_t *ev, const ss_plugin_event_input *in,
	sk_rules_emit_fn emit, void *ud)
{
	if (!ev || !in || !in->evt)
		return 0;
	sk__evctx_reset(&ev->ec);
	ev->ec.in = in;
	int matches = eval_rules(ev, in, emit, ud);
	if (ev->steps)
		sk__steps_eval_run(ev->steps, &ev->ec);
	return matches;
}

static int eval_rules(sk_rules_eval_t *ev, const ss_plugin_event_input *in,
	sk_rules_emit_fn emit, void *ud)
{
	bool first = ev->rs->matching == SK_MATCH_FIRST;
	uint16_t t = in->evt->type;
	int matches = 0;
	if (t < SK_EVT_CODE_MAX) {
		const ridx_t *b = &ev->bucket[t];
		for (uint32_t k = 0; k < b->n; k++) {
			if (try_rule(ev, b->v[k], emit, ud)) {
				matches++;
				if (first)
					return matches;
			}
		}
	}
	if (matches)
		return matches;
	for (uint32_t k = 0; k < ev->all.n; k++) {
		if (try_rule(ev, ev->all.v[k], emit, ud)) {
			matches++;
			if (first)
				break;
		}
	}
	return matches;
}

void sk_rules_eval_drain_counts(sk_rules_eval_t *ev, sk_rules_count_fn fn, void *ud)
{
	if (!ev || !fn)
		return;
	for (size_t i = 0; i < ev->rs->nrules; i++) {
		if (!ev->counts[i])
			continue;
		fn(ud, ev->rs->rules[i].name, ev->rs->rules[i].priority, ev->counts[i],
			&ev->count_slots[i]);
		ev->counts[i] = 0;
	}
}

static int once_init(sk__evctx_t *ec, const sk__fieldtab_t *tab, const sk_rules_extractor_t *x,
	const ss_plugin_event_input *in)
{
	memset(ec, 0, sizeof(*ec));
	ec->x = x;
	ec->in = in;
	ec->gen = 1;
	ec->nslots = sk__fieldtab_count(tab);
	ec->slots = calloc(ec->nslots ? ec->nslots : 1, sizeof(*ec->slots));
	ec->md = pcre2_match_data_create(1, NULL);
	ec->nmemo = tab->nmacros;
	ec->memo = calloc(ec->nmemo ? ec->nmemo : 1, sizeof(*ec->memo));
	return ec->slots && ec->md && ec->memo ? 0 : -ENOMEM;
}

static void once_fini(sk__evctx_t *ec)
{
	for (size_t i = 0; i < ec->nslots; i++)
		free(ec->slots[i].v);
	free(ec->slots);
	free(ec->memo);
	if (ec->md)
		pcre2_match_data_free(ec->md);
	sk__evctx_reset(ec);
	sk_arena_free(&ec->arena);
}

int sk__check_eval_once(const sk__check_t *c, const sk_rules_extractor_t *x,
	const ss_plugin_event_input *in, bool *result)
{
	sk__evctx_t ec;
	int rc = once_init(&ec, c->tab, x, in);
	if (rc == 0)
		*result = eval_node(&ec, c->root);
	if (rc == 0 && run_prog(&ec, c->prog, 0) != *result)
		rc = -EPROTO; /* tree and program disagree */
	once_fini(&ec);
	return rc;
}

int sk__fmt_render_once(const sk__fmt_t *f, const sk_rules_extractor_t *x,
	const ss_plugin_event_input *in, char **text, json_t **fields)
{
	sk__evctx_t ec;
	int rc = once_init(&ec, f->tab, x, in);
	if (rc == 0)
		rc = sk__fmt_render(&ec, f, text, fields);
	once_fini(&ec);
	return rc;
}
