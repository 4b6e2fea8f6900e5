/* eval_steps.c - correlation steps on the worker: steps indexed by event
 * type for one source, run after the rules on the same field cache; a
 * match extracts its captured fields (only then) into a step hit. */
#include "cond_int.h"
#include "corr_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sk_event_schema.h"

typedef struct sidx {
	uint32_t *v;
	uint32_t n, cap;
} sidx_t;

struct sk__steps_eval {
	const sk__corrset_t *cs;
	sidx_t bucket[SK_EVT_CODE_MAX];
	sidx_t all;
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
	int rc = 0;
	for (size_t i = 0; i < cs->nsteps && !rc; i++) {
		const sk__cstep_t *s = &cs->steps[i];
		if (!cs->defs[s->corr].enabled || strcmp(s->def->source, source))
			continue;
		se->nsteps++;
		if (s->all_types) {
			rc = sidx_push(&se->all, (uint32_t)i);
			continue;
		}
		for (size_t k = 0; k < s->nevttypes && !rc; k++)
			if (s->evttypes[k] < SK_EVT_CODE_MAX)
				rc = sidx_push(&se->bucket[s->evttypes[k]], (uint32_t)i);
	}
	if (rc || !se->nsteps) {
		sk__steps_eval_free(se);
		return rc;
	}
	*out = se;
	return 0;
}

void sk__steps_eval_free(sk__steps_eval_t *se)
{
	if (!se)
		return;
	for (size_t i = 0; i < SK_EVT_CODE_MAX; i++)
		free(se->bucket[i].v);
	free(se->all.v);
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

static void report(sk__steps_eval_t *se, sk__evctx_t *ec, const sk__cstep_t *s)
{
	const sk_corr_def_t *d = &se->cs->defs[s->corr];
	char *text = NULL, *key = NULL, *value = NULL, *fields = NULL;
	json_t *obj = NULL;
	sk_step_hit_t *h = NULL;
	if (sk__fmt_render(ec, s->fmt, &text, &obj) ||
		build_key(text, d->nby, s->value_cap, &key, &value) ||
		!(fields = json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS)))
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

static void run_list(sk__steps_eval_t *se, sk__evctx_t *ec, const sidx_t *l)
{
	for (uint32_t k = 0; k < l->n; k++) {
		const sk__cstep_t *s = &se->cs->steps[l->v[k]];
		if (sk__check_match(ec, s->check))
			report(se, ec, s);
	}
}

void sk__steps_eval_run(sk__steps_eval_t *se, sk__evctx_t *ec)
{
	if (!se || !se->fn)
		return;
	uint16_t t = ec->in->evt->type;
	if (t < SK_EVT_CODE_MAX)
		run_list(se, ec, &se->bucket[t]);
	run_list(se, ec, &se->all);
}
