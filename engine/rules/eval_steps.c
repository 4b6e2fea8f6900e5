/* eval_steps.c - correlation steps on the worker: steps indexed by event
 * type for one source, run after the rules on the same field cache; a
 * match extracts its captured fields (only then) into a step hit.
 *
 * Steps of plugin sources all share one event type, and correlations often
 * differ only by the constant a field is compared with; so a step whose
 * condition requires `field = c` or `field in (c, ...)` (at its root or
 * under a root `and`) is guarded: per event, each guard field is read once
 * and a hash lookup tells which guarded steps can match at all. */
#include "cond_int.h"
#include "corr_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sk_event_schema.h"

/* One guard: a string field and, per constant, a step it lets through. */
typedef struct gent {
	const char *s;
	uint32_t len;
	uint32_t step;           /* index in cs->steps */
} gent_t;

typedef struct guard {
	uint32_t slot;           /* the field's cache slot (lhs->fref->slot) */
	const sk__opnd_t *lhs;
	uint64_t lens;           /* bit l%64: some constant has length l (quick reject) */
	uint64_t first[4];       /* bit c: some constant starts with byte c */
	gent_t *tab;             /* open addressing, duplicates allowed */
	uint32_t mask, n;
} guard_t;

/* The steps to try for one event type: unguarded ones, and guards. */
typedef struct sidx {
	uint32_t *v;
	uint32_t n, cap;
	guard_t *g;
	uint32_t ng;
} sidx_t;

struct sk__steps_eval {
	const sk__corrset_t *cs;
	sidx_t bucket[SK_EVT_CODE_MAX];
	sidx_t all;
	const sidx_t *hot[SK_EVT_CODE_MAX]; /* bucket[t] when it has steps, else NULL */
	const sidx_t *hot_all;
	uint64_t *done;          /* per step of cs: ec->gen of the event it last ran in */
	sk_rules_hit_fn fn;
	void *ud;
	uint64_t skipped;
	size_t nsteps;
};

static int sidx_push(sidx_t *r, uint32_t v)
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

static uint32_t hash_bytes(const char *s, uint32_t len)
{
	uint32_t h = 2166136261u;
	for (uint32_t i = 0; i < len; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

/* The equality test a step's condition cannot be true without, or NULL. */
static const sk__cnode_t *guard_node(const sk__cnode_t *n)
{
	if (n->kind == SK__C_AND) {
		for (uint32_t i = 0; i < n->nkids; i++) {
			const sk__cnode_t *g = guard_node(n->kids[i]);
			if (g)
				return g;
		}
		return NULL;
	}
	if (n->kind != SK__C_CHECK || (n->op != SK__OP_EQ && n->op != SK__OP_IN) ||
		n->mod != SK__MOD_NONE || n->rhs || n->vt != SK__VT_STR || !n->ncv ||
		n->lhs->kind != SK__O_FIELD || n->evbits)
		return NULL;
	return n;
}

static int guard_put(guard_t *gd, const char *s, uint32_t len, uint32_t step)
{
	if (!gd->tab || 2 * (gd->n + 1) > gd->mask + 1) {
		uint32_t cap = gd->tab ? 2 * (gd->mask + 1) : 16;
		gent_t *t = calloc(cap, sizeof(*t));
		if (!t)
			return -ENOMEM;
		for (uint32_t i = 0; gd->tab && i <= gd->mask; i++) {
			if (!gd->tab[i].s)
				continue;
			uint32_t h = hash_bytes(gd->tab[i].s, gd->tab[i].len) & (cap - 1);
			while (t[h].s)
				h = (h + 1) & (cap - 1);
			t[h] = gd->tab[i];
		}
		free(gd->tab);
		gd->tab = t;
		gd->mask = cap - 1;
	}
	uint32_t h = hash_bytes(s, len) & gd->mask;
	while (gd->tab[h].s)
		h = (h + 1) & gd->mask;
	gd->tab[h] = (gent_t){ s, len, step };
	gd->n++;
	gd->lens |= 1ull << (len % 64);
	uint8_t c = len ? (uint8_t)s[0] : 0;
	gd->first[c / 64] |= 1ull << (c % 64);
	return 0;
}

/* Add step to the list: behind its guard when it has one. */
static int list_add(sidx_t *l, const sk__cnode_t *g, uint32_t step)
{
	if (!g)
		return sidx_push(l, step);
	guard_t *gd = NULL;
	for (uint32_t i = 0; i < l->ng && !gd; i++)
		if (l->g[i].lhs->fref->slot == g->lhs->fref->slot)
			gd = &l->g[i];
	if (!gd) {
		guard_t *v = realloc(l->g, (l->ng + 1) * sizeof(*v));
		if (!v)
			return -ENOMEM;
		l->g = v;
		gd = &v[l->ng++];
		memset(gd, 0, sizeof(*gd));
		gd->lhs = g->lhs;
		gd->slot = g->lhs->fref->slot;
	}
	int rc = 0;
	for (size_t k = 0; k < g->ncv && !rc; k++)
		rc = guard_put(gd, g->cv[k].p, g->cv[k].len, step);
	return rc;
}

static void list_free(sidx_t *l)
{
	free(l->v);
	for (uint32_t i = 0; i < l->ng; i++)
		free(l->g[i].tab);
	free(l->g);
}

int sk__steps_eval_new(const sk_ruleset_t *rs, const char *source, sk__steps_eval_t **out)
{
	*out = NULL;
	const sk__corrset_t *cs = rs->corr;
	if (!cs)
		return 0;
	sk__steps_eval_t *se = calloc(1, sizeof(*se));
	if (!se)
		return -ENOMEM;
	se->cs = cs;
	se->done = calloc(cs->nsteps ? cs->nsteps : 1, sizeof(*se->done));
	int rc = se->done ? 0 : -ENOMEM;
	for (size_t i = 0; i < cs->nsteps && !rc; i++) {
		const sk__cstep_t *s = &cs->steps[i];
		if (!cs->defs[s->corr].enabled || strcmp(s->def->source, source))
			continue;
		se->nsteps++;
		const sk__cnode_t *g = guard_node(((const sk__check_t *)s->check)->root);
		if (s->all_types) {
			rc = list_add(&se->all, g, (uint32_t)i);
			continue;
		}
		for (size_t k = 0; k < s->nevttypes && !rc; k++)
			if (s->evttypes[k] < SK_EVT_CODE_MAX)
				rc = list_add(&se->bucket[s->evttypes[k]], g, (uint32_t)i);
	}
	if (rc || !se->nsteps) {
		sk__steps_eval_free(se);
		return rc;
	}
	for (size_t t = 0; t < SK_EVT_CODE_MAX; t++)
		se->hot[t] = se->bucket[t].n || se->bucket[t].ng ? &se->bucket[t] : NULL;
	se->hot_all = se->all.n || se->all.ng ? &se->all : NULL;
	*out = se;
	return 0;
}

void sk__steps_eval_free(sk__steps_eval_t *se)
{
	if (!se)
		return;
	for (size_t i = 0; i < SK_EVT_CODE_MAX; i++)
		list_free(&se->bucket[i]);
	list_free(&se->all);
	free(se->done);
	free(se);
}

void sk__steps_eval_sink(sk__steps_eval_t *se, sk_rules_hit_fn fn, void *ud)
{
	se->fn = fn;
	se->ud = ud;
}

uint64_t sk__steps_eval_skipped(const sk__steps_eval_t *se)
{
	return se ? se->skipped : 0;
}

/* The captures render as "v0 0x1f v1 ..."; the first nby are the key. */
static int build_key(const char *text, size_t nby, int32_t vcap, char **key, char **value)
{
	size_t len = 0;
	const char *p = text;
	*key = *value = NULL;
	for (size_t i = 0; i < nby || (int32_t)i <= vcap; i++) {
		const char *e = strchr(p, SK_HIT_KEY_SEP);
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if ((i < nby || (int32_t)i == vcap) && l == 4 && !memcmp(p, "<NA>", 4))
			return -ENOENT; /* a missing key value joins nothing */
		if (i < nby)
			len = (size_t)(p + l - text);
		if ((int32_t)i == vcap && !(*value = strndup(p, l)))
			return -ENOMEM;
		if (!e)
			break;
		p = e + 1;
	}
	if (!(*key = strndup(text, len))) {
		free(*value);
		*value = NULL;
		return -ENOMEM;
	}
	return 0;
}

/* Compact JSON of the flat captured-fields object, in capture order.
 * (json_dumps costs about five times the rest of a hit.) */
static void put(char **p, char *end, const char *s, size_t n)
{
	if ((size_t)(end - *p) > n) {
		memcpy(*p, s, n);
		*p += n;
	} else {
		*p = end; /* overflow: caller retries with json_dumps */
	}
}

static void put_str(char **p, char *end, const char *s, size_t n)
{
	put(p, end, "\"", 1);
	for (size_t i = 0; i < n && *p < end; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];
		if (c == '"' || c == '\\') {
			esc[0] = '\\', esc[1] = (char)c;
			put(p, end, esc, 2);
		} else if (c < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			put(p, end, esc, 6);
		} else {
			put(p, end, (const char *)&s[i], 1);
		}
	}
	put(p, end, "\"", 1);
}

static char *fields_json(json_t *obj)
{
	char buf[2048], *p = buf, *end = buf + sizeof(buf), num[32];
	const char *k;
	json_t *v;
	put(&p, end, "{", 1);
	bool first = true;
	json_object_foreach(obj, k, v) {
		if (!first)
			put(&p, end, ",", 1);
		first = false;
		put_str(&p, end, k, strlen(k));
		put(&p, end, ":", 1);
		if (json_is_string(v)) {
			put_str(&p, end, json_string_value(v), json_string_length(v));
		} else if (json_is_integer(v)) {
			int l = snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
			put(&p, end, num, (size_t)l);
		} else if (json_is_true(v) || json_is_false(v)) {
			put(&p, end, json_is_true(v) ? "true" : "false", json_is_true(v) ? 4 : 5);
		} else if (json_is_null(v)) {
			put(&p, end, "null", 4);
		} else {
			p = end; /* reals, arrays, objects: the general encoder */
		}
	}
	put(&p, end, "}", 1);
	if (p >= end)
		return json_dumps(obj, JSON_COMPACT);
	return strndup(buf, (size_t)(p - buf));
}

static void report(sk__steps_eval_t *se, sk__evctx_t *ec, const sk__cstep_t *s)
{
	const sk_corr_def_t *d = &se->cs->defs[s->corr];
	char *text = NULL, *key = NULL, *value = NULL, *fields = NULL;
	json_t *obj = NULL;
	sk_step_hit_t *h = NULL;
	if (sk__fmt_render(ec, s->fmt, &text, &obj) ||
		build_key(text, d->nby, s->value_cap, &key, &value) ||
		!(fields = fields_json(obj)))
		goto skip;
	h = sk_step_hit_new(d->hash, s->step, ec->in->evt->ts, ec->in->evtnum,
		ec->in->evtsrc, s->def->name, key, value, fields);
	if (!h)
		goto skip;
	se->fn(se->ud, h);
	goto out;
skip:
	se->skipped++;
out:
	free(text);
	free(key);
	free(value);
	free(fields);
	json_decref(obj);
}

static void try_step(sk__steps_eval_t *se, sk__evctx_t *ec, uint32_t i)
{
	if (se->done[i] == ec->gen)
		return; /* reached through two values of a guard field */
	se->done[i] = ec->gen;
	const sk__cstep_t *s = &se->cs->steps[i];
	if (sk__check_match(ec, s->check))
		report(se, ec, s);
}

/* The steps of guard gd whose constant equals one of the values (rare:
 * kept out of line so the common path stays short). */
__attribute__((noinline)) static void guard_hits(sk__steps_eval_t *se, sk__evctx_t *ec,
	const guard_t *gd, const sk__rv_t *v, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++) {
		uint32_t h = hash_bytes(v[k].p, v[k].len) & gd->mask;
		for (; gd->tab[h].s; h = (h + 1) & gd->mask)
			if (gd->tab[h].len == v[k].len && !memcmp(gd->tab[h].s, v[k].p, v[k].len))
				try_step(se, ec, gd->tab[h].step);
	}
}

static inline bool guard_maybe(const guard_t *gd, const sk__rv_t *v, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++) {
		uint8_t c = v[k].len ? (uint8_t)v[k].p[0] : 0;
		if (((gd->lens >> (v[k].len % 64)) & 1) && ((gd->first[c / 64] >> (c % 64)) & 1))
			return true;
	}
	return false;
}

static inline void run_list(sk__steps_eval_t *se, sk__evctx_t *ec, const sidx_t *l)
{
	for (uint32_t k = 0; k < l->n; k++)
		try_step(se, ec, l->v[k]);
	/* guarded steps: only those whose constant the field's value equals */
	for (uint32_t g = 0; g < l->ng; g++) {
		const guard_t *gd = &l->g[g];
		const sk__rv_t *v;
		uint32_t n;
		/* the rules usually extracted the field already: read the cache */
		const sk__slotc_t *sc = &ec->slots[gd->slot];
		if (sc->gen == ec->gen) {
			if (!sc->ok)
				continue;
			v = sc->v;
			n = sc->n;
		} else if (!sk__opnd_values(ec, gd->lhs, &v, &n)) {
			continue;
		}
		if (guard_maybe(gd, v, n))
			guard_hits(se, ec, gd, v, n);
	}
}

void sk__steps_eval_run(sk__steps_eval_t *se, sk__evctx_t *ec)
{
	if (!se->fn)
		return;
	uint16_t t = ec->in->evt->type;
	const sidx_t *l = t < SK_EVT_CODE_MAX ? se->hot[t] : NULL;
	if (l)
		run_list(se, ec, l);
	if (se->hot_all)
		run_list(se, ec, se->hot_all);
}
