/* correlate.c - ordering and watermarks in front of the state machines:
 * hits wait in a min-heap keyed by (event time, source, event number,
 * correlation, step) until every active source has moved past them. */
#include "correlate.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "../rules/corr.h"
#include "../util/metrics.h"

/* The event time sits next to the pointer: ordering mostly compares it
 * alone, without touching the hit. */
struct hent {
	uint64_t ts;
	sk_step_hit_t *h;
};

typedef struct source {
	char *name;
	uint64_t progress;     /* highest event time reported */
	uint64_t last_ms;      /* wall time of the last report */
	bool done;
} source_t;

struct sk_correlator {
	sk_correlator_opts_t o;
	cs_store_t store;
	sk_ruleset_t *rs;
	cs_corr_t **corrs;
	size_t ncorrs;
	source_t *src;
	size_t nsrc;
	struct hent *heap;     /* min-heap by (ts, then hit_cmp) */
	size_t nheap, capheap;
	uint64_t floor;        /* no hit below this may be processed any more */
	uint64_t now_ms;
	uint64_t hits, late, forced, stale;
	sk_metric_t *m_late, *m_forced, *m_hits, *m_stale;
	sk_metric_t *g_open, *g_pending;
};

void sk_correlator_opts_defaults(sk_correlator_opts_t *o)
{
	if (!o->lateness_ns)
		o->lateness_ns = 2000000000ull;
	if (!o->idle_timeout_ms)
		o->idle_timeout_ms = 5000;
	if (!o->max_keys)
		o->max_keys = 1000000;
	if (!o->max_keys_per_corr)
		o->max_keys_per_corr = 100000;
	if (!o->max_pending)
		o->max_pending = 100000;
}

int sk_correlator_new(const sk_correlator_opts_t *o, sk_correlator_t **out)
{
	*out = NULL;
	sk_correlator_t *c = calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->o = *o;
	sk_correlator_opts_defaults(&c->o);
	c->store.max_total = c->o.max_keys;
	c->store.max_per_corr = c->o.max_keys_per_corr;
	c->store.emit = c->o.emit;
	c->store.ud = c->o.ud;
	c->store.m_evict_total = sk_counter("saker_correlation_evictions_total",
		"correlation=\"all\",cause=\"total_cap\"",
		"Open keys evicted to stay under a cap (oldest first)");
	c->m_late = sk_counter("saker_correlation_late_total", "",
		"Step hits older than the watermark (beyond the lateness), dropped");
	c->m_forced = sk_counter("saker_correlation_forced_total", "",
		"Step hits processed before the watermark because the pending buffer was full");
	c->m_hits = sk_counter("saker_correlation_hits_total", "", "Step hits received");
	c->m_stale = sk_counter("saker_correlation_stale_total", "",
		"Step hits of a correlation no longer loaded (after a reload)");
	c->g_open = sk_gauge("saker_correlation_open_keys", "", "Open partial matches");
	c->g_pending = sk_gauge("saker_correlation_pending", "",
		"Step hits waiting for the watermark");
	*out = c;
	return 0;
}

/* ---- heap ------------------------------------------------------------------ */

static int hit_cmp(const sk_step_hit_t *a, const sk_step_hit_t *b)
{
	int s = strcmp(a->source, b->source);
	if (s)
		return s;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	if (a->corr != b->corr)
		return a->corr < b->corr ? -1 : 1;
	/* until before steps of the same event: a cancel is not undone */
	uint32_t sa = a->step == SK_HIT_UNTIL ? 0 : a->step + 1;
	uint32_t sb = b->step == SK_HIT_UNTIL ? 0 : b->step + 1;
	return sa < sb ? -1 : sa > sb;
}

static bool before(const struct hent *a, const struct hent *b)
{
	return a->ts != b->ts ? a->ts < b->ts : hit_cmp(a->h, b->h) < 0;
}

static int heap_push(sk_correlator_t *c, sk_step_hit_t *h)
{
	if (c->nheap == c->capheap) {
		size_t nc = c->capheap ? c->capheap * 2 : 256;
		struct hent *v = realloc(c->heap, nc * sizeof(*v));
		if (!v)
			return -ENOMEM;
		c->heap = v;
		c->capheap = nc;
	}
	struct hent e = { h->ts, h };
	size_t i = c->nheap++;
	while (i && before(&e, &c->heap[(i - 1) / 2])) {
		c->heap[i] = c->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	c->heap[i] = e;
	return 0;
}

static sk_step_hit_t *heap_pop(sk_correlator_t *c)
{
	sk_step_hit_t *top = c->heap[0].h;
	struct hent last = c->heap[--c->nheap];
	size_t i = 0;
	for (;;) {
		size_t k = 2 * i + 1;
		if (k >= c->nheap)
			break;
		if (k + 1 < c->nheap && before(&c->heap[k + 1], &c->heap[k]))
			k++;
		if (!before(&c->heap[k], &last))
			break;
		c->heap[i] = c->heap[k];
		i = k;
	}
	if (c->nheap)
		c->heap[i] = last;
	return top;
}

/* ---- processing -------------------------------------------------------------- */

static cs_corr_t *find(sk_correlator_t *c, uint64_t hash)
{
	for (size_t i = 0; i < c->ncorrs; i++)
		if (c->corrs[i]->hash == hash)
			return c->corrs[i];
	return NULL;
}

static void process(sk_correlator_t *c, sk_step_hit_t *h)
{
	if (h->ts > c->floor)
		c->floor = h->ts;
	cs_corr_t *k = find(c, h->corr);
	if (k) {
		cs_apply(&c->store, k, h);
	} else {
		c->stale++;
		sk_metric_add(c->m_stale, 1);
	}
	free(h);
}

/* Lowest event time a future hit may carry: over the sources still
 * feeding (not ended, not idle), the highest time reported minus the
 * lateness. UINT64_MAX when none feeds. */
static uint64_t watermark(const sk_correlator_t *c)
{
	uint64_t wm = UINT64_MAX;
	for (size_t i = 0; i < c->nsrc; i++) {
		const source_t *s = &c->src[i];
		if (s->done || c->now_ms - s->last_ms > c->o.idle_timeout_ms)
			continue;
		uint64_t w = s->progress > c->o.lateness_ns ? s->progress - c->o.lateness_ns : 0;
		if (w < wm)
			wm = w;
	}
	return wm;
}

static void update_gauges(sk_correlator_t *c)
{
	sk_metric_set(c->g_open, (int64_t)c->store.total);
	sk_metric_set(c->g_pending, (int64_t)c->nheap);
}

static void release(sk_correlator_t *c)
{
	uint64_t wm = watermark(c);
	while (c->nheap && c->heap[0].ts < wm)
		process(c, heap_pop(c));
	if (wm != UINT64_MAX && wm > c->floor)
		c->floor = wm;
	while (c->nheap > c->o.max_pending) {
		c->forced++;
		sk_metric_add(c->m_forced, 1);
		process(c, heap_pop(c));
	}
}

static source_t *source_get(sk_correlator_t *c, const char *name, uint64_t now_ms)
{
	for (size_t i = 0; i < c->nsrc; i++)
		if (!strcmp(c->src[i].name, name))
			return &c->src[i];
	source_t *v = realloc(c->src, (c->nsrc + 1) * sizeof(*v));
	if (!v)
		return NULL;
	c->src = v;
	source_t *s = &v[c->nsrc];
	memset(s, 0, sizeof(*s));
	if (!(s->name = strdup(name)))
		return NULL;
	s->last_ms = now_ms;
	c->nsrc++;
	return s;
}

int sk_correlator_add_source(sk_correlator_t *c, const char *source, uint64_t now_ms)
{
	return source_get(c, source, now_ms) ? 0 : -ENOMEM;
}

void sk_correlator_feed(sk_correlator_t *c, sk_step_hit_t *h, uint64_t now_ms)
{
	if (now_ms > c->now_ms)
		c->now_ms = now_ms;
	source_t *s = source_get(c, h->source, c->now_ms);
	if (s) {
		s->last_ms = c->now_ms;
		if (h->step == SK_HIT_DONE)
			s->done = true;
		else if (h->ts != UINT64_MAX && h->ts > s->progress)
			s->progress = h->ts;
	}
	if (h->step == SK_HIT_PROGRESS || h->step == SK_HIT_DONE) {
		free(h);
	} else {
		c->hits++;
		sk_metric_add(c->m_hits, 1);
		if (h->ts < c->floor) {
			c->late++;
			sk_metric_add(c->m_late, 1);
			free(h);
		} else if (heap_push(c, h)) {
			c->forced++; /* no room to wait: process now */
			sk_metric_add(c->m_forced, 1);
			process(c, h);
		}
	}
	release(c);
}

void sk_correlator_tick(sk_correlator_t *c, uint64_t now_ms)
{
	if (now_ms > c->now_ms)
		c->now_ms = now_ms;
	release(c);
	for (size_t i = 0; i < c->ncorrs; i++)
		cs_expire(&c->store, c->corrs[i], c->floor);
	update_gauges(c);
}

void sk_correlator_flush(sk_correlator_t *c)
{
	while (c->nheap)
		process(c, heap_pop(c));
	update_gauges(c);
}

/* ---- definitions ----------------------------------------------------------- */

int sk_correlator_set_ruleset(sk_correlator_t *c, sk_ruleset_t *rs)
{
	const sk_corr_def_t *defs;
	size_t n = sk_ruleset_correlations(rs, &defs), m = 0;
	cs_corr_t **v = calloc(n ? n : 1, sizeof(*v));
	const sk_corr_def_t **nd = calloc(n ? n : 1, sizeof(*nd));
	bool *kept = calloc(c->ncorrs ? c->ncorrs : 1, sizeof(bool));
	if (!v || !nd || !kept)
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		const sk_corr_def_t *d = &defs[i];
		if (!d->enabled || !d->compiled)
			continue;
		cs_corr_t *k = NULL;
		for (size_t j = 0; j < c->ncorrs && !k; j++) {
			if (!kept[j] && c->corrs[j]->hash == d->hash) {
				kept[j] = true;
				k = c->corrs[j];
			}
		}
		if (!k && !(k = cs_corr_new(d)))
			goto nomem;
		nd[m] = d;
		v[m++] = k;
	}
	/* same hash, same behaviour: kept entries keep their open keys */
	for (size_t i = 0; i < m; i++)
		v[i]->def = nd[i];
	free(nd);
	for (size_t j = 0; j < c->ncorrs; j++)
		if (!kept[j])
			cs_corr_free(&c->store, c->corrs[j]);
	free(c->corrs);
	free(kept);
	c->corrs = v;
	c->ncorrs = m;
	sk_ruleset_t *old = c->rs;
	c->rs = rs ? sk_ruleset_ref(rs) : NULL;
	sk_ruleset_unref(old);
	update_gauges(c);
	return 0;
nomem:
	/* undo: new entries (not among the old ones) go */
	for (size_t i = 0; v && i < m; i++) {
		bool old = false;
		for (size_t j = 0; j < c->ncorrs && !old; j++)
			old = c->corrs[j] == v[i];
		if (!old)
			cs_corr_free(&c->store, v[i]);
	}
	free(v);
	free(nd);
	free(kept);
	return -ENOMEM;
}

size_t sk_correlator_count(const sk_correlator_t *c)
{
	return c ? c->ncorrs : 0;
}

void sk_correlator_stats(const sk_correlator_t *c, sk_correlator_stats_t *st)
{
	memset(st, 0, sizeof(*st));
	st->open_keys = c->store.total;
	st->pending = c->nheap;
	st->hits = c->hits;
	st->alerts = c->store.alerts;
	st->late = c->late;
	st->forced = c->forced;
	st->evicted = c->store.evicted;
	st->expired = c->store.expired;
	st->cancelled = c->store.cancelled;
	st->stale = c->stale;
}

void sk_correlator_free(sk_correlator_t *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ncorrs; i++)
		cs_corr_free(&c->store, c->corrs[i]);
	free(c->corrs);
	for (size_t i = 0; i < c->nheap; i++)
		free(c->heap[i].h);
	free(c->heap);
	for (size_t i = 0; i < c->nsrc; i++)
		free(c->src[i].name);
	free(c->src);
	sk_ruleset_unref(c->rs);
	free(c);
}
