/* state.c - the kinds' state machines over keyed partial matches. Hits
 * arrive in event-time order (correlate.c), so a correlation's list stays
 * sorted by expiry when a node moves to the tail on every update that
 * moves its expiry. */
#include "state.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cs_node {
	cs_node_t *hnext;
	cs_node_t *prev, *next;     /* correlation list */
	cs_node_t *gprev, *gnext;   /* store list */
	cs_corr_t *owner;
	uint64_t khash;
	uint64_t start, expire;
	uint32_t progress;          /* sequence: next step; all: bitmap of captured steps */
	uint32_t n, rcap;           /* count/distinct: entries in ring */
	uint64_t *ring;             /* count: ts; distinct: (value hash, ts) pairs */
	char *key;                  /* in this block, after caps */
	cs_cap_t *caps[];           /* ncaps */
};

/* How far b lies after a (0 when not after: hits forced out early). */
static uint64_t gap(uint64_t later, uint64_t earlier)
{
	return later > earlier ? later - earlier : 0;
}

static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 0x100000001b3ull;
	return h;
}

static size_t ncaps_of(const sk_corr_def_t *d)
{
	return d->kind == SK_CORR_SEQUENCE || d->kind == SK_CORR_ALL ? d->nsteps : 1;
}

cs_corr_t *cs_corr_new(const sk_corr_def_t *def)
{
	cs_corr_t *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->def = def;
	c->hash = def->hash;
	c->tabcap = 64;
	c->tab = calloc(c->tabcap, sizeof(*c->tab));
	if (!c->tab) {
		free(c);
		return NULL;
	}
	char l[512];
	sk_metric_labels(l, sizeof(l), "correlation", def->name, NULL);
	c->m_alerts = sk_counter("saker_correlation_alerts_total", l, "Correlated alerts");
	c->m_expired = sk_counter("saker_correlation_expired_total", l,
		"Partial matches freed when their window closed");
	c->m_cancel = sk_counter("saker_correlation_cancelled_total", l,
		"Partial matches cancelled by an until step");
	sk_metric_labels(l, sizeof(l), "correlation", def->name, "cause", "correlation_cap", NULL);
	c->m_evict = sk_counter("saker_correlation_evictions_total", l,
		"Open keys evicted to stay under a cap (oldest first)");
	return c;
}

/* ---- nodes -------------------------------------------------------------- */

static void unlink_lists(cs_store_t *s, cs_node_t *n)
{
	cs_corr_t *c = n->owner;
	*(n->prev ? &n->prev->next : &c->head) = n->next;
	*(n->next ? &n->next->prev : &c->tail) = n->prev;
	*(n->gprev ? &n->gprev->gnext : &s->ghead) = n->gnext;
	*(n->gnext ? &n->gnext->gprev : &s->gtail) = n->gprev;
	n->prev = n->next = n->gprev = n->gnext = NULL;
}

static void link_tail(cs_store_t *s, cs_node_t *n)
{
	cs_corr_t *c = n->owner;
	n->prev = c->tail;
	n->next = NULL;
	*(c->tail ? &c->tail->next : &c->head) = n;
	c->tail = n;
	n->gprev = s->gtail;
	n->gnext = NULL;
	*(s->gtail ? &s->gtail->gnext : &s->ghead) = n;
	s->gtail = n;
}

static void touch(cs_store_t *s, cs_node_t *n)
{
	unlink_lists(s, n);
	link_tail(s, n);
}

static void drop_caps(cs_node_t *n, size_t ncaps)
{
	for (size_t i = 0; i < ncaps; i++) {
		free(n->caps[i]);
		n->caps[i] = NULL;
	}
}

static void node_free(cs_store_t *s, cs_node_t *n)
{
	cs_corr_t *c = n->owner;
	cs_node_t **pp = &c->tab[n->khash & (c->tabcap - 1)];
	while (*pp != n)
		pp = &(*pp)->hnext;
	*pp = n->hnext;
	unlink_lists(s, n);
	drop_caps(n, ncaps_of(c->def));
	free(n->ring);
	free(n);
	c->nopen--;
	s->total--;
}

static cs_node_t *lookup(cs_corr_t *c, const char *key, uint64_t kh)
{
	for (cs_node_t *n = c->tab[kh & (c->tabcap - 1)]; n; n = n->hnext)
		if (n->khash == kh && !strcmp(n->key, key))
			return n;
	return NULL;
}

static void grow(cs_corr_t *c)
{
	size_t nc = c->tabcap * 2;
	cs_node_t **t = calloc(nc, sizeof(*t));
	if (!t)
		return; /* longer chains, still correct */
	for (size_t i = 0; i < c->tabcap; i++) {
		for (cs_node_t *n = c->tab[i], *nx; n; n = nx) {
			nx = n->hnext;
			n->hnext = t[n->khash & (nc - 1)];
			t[n->khash & (nc - 1)] = n;
		}
	}
	free(c->tab);
	c->tab = t;
	c->tabcap = nc;
}

static void evict(cs_store_t *s, cs_node_t *n, sk_metric_t *m)
{
	s->evicted++;
	sk_metric_add(m, 1);
	node_free(s, n);
}

static cs_node_t *node_new(cs_store_t *s, cs_corr_t *c, const char *key, uint64_t kh)
{
	if (s->max_per_corr && c->nopen >= s->max_per_corr && c->head)
		evict(s, c->head, c->m_evict);
	if (s->max_total && s->total >= s->max_total && s->ghead)
		evict(s, s->ghead, s->m_evict_total);
	size_t nc = ncaps_of(c->def), kl = strlen(key) + 1;
	cs_node_t *n = calloc(1, sizeof(*n) + nc * sizeof(cs_cap_t *) + kl);
	if (!n)
		return NULL;
	n->key = (char *)&n->caps[nc];
	memcpy(n->key, key, kl);
	n->owner = c;
	n->khash = kh;
	if (c->nopen + 1 > c->tabcap)
		grow(c);
	cs_node_t **b = &c->tab[kh & (c->tabcap - 1)];
	n->hnext = *b;
	*b = n;
	link_tail(s, n);
	c->nopen++;
	s->total++;
	return n;
}

static cs_cap_t *cap_new(const sk_step_hit_t *h)
{
	size_t ls = strlen(h->source) + 1, lr = strlen(h->rule) + 1, lf = strlen(h->fields) + 1;
	cs_cap_t *c = malloc(sizeof(*c) + ls + lr + lf);
	if (!c)
		return NULL;
	char *p = (char *)(c + 1);
	c->ts = h->ts;
	c->seq = h->seq;
	c->source = memcpy(p, h->source, ls);
	c->rule = memcpy(p + ls, h->rule, lr);
	c->fields = memcpy(p + ls + lr, h->fields, lf);
	return c;
}

void cs_corr_free(cs_store_t *s, cs_corr_t *c)
{
	if (!c)
		return;
	while (c->head)
		node_free(s, c->head);
	free(c->tab);
	free(c);
}

/* ---- kinds --------------------------------------------------------------- */

static void fire(cs_store_t *s, cs_corr_t *c, cs_node_t *n, size_t ncaps, uint64_t ts,
	uint64_t count)
{
	sk_alert_t *a = cs_build_alert(c->def, n->key, n->caps, ncaps, ts, count);
	node_free(s, n);
	if (!a)
		return;
	s->alerts++;
	sk_metric_add(c->m_alerts, 1);
	s->emit(s->ud, a);
}

static bool same_event(const cs_cap_t *c, const sk_step_hit_t *h)
{
	return c && c->seq == h->seq && !strcmp(c->source, h->source);
}

static void sequence(cs_store_t *s, cs_corr_t *c, cs_node_t *n, const sk_step_hit_t *h,
	uint64_t kh)
{
	const sk_corr_def_t *d = c->def;
	if (n && gap(h->ts, n->start) > d->within_ns) {
		node_free(s, n); /* window closed; a later step 0 starts afresh */
		n = NULL;
	}
	if (!n) {
		if (h->step != 0 || !(n = node_new(s, c, h->key, kh)))
			return;
		if (!(n->caps[0] = cap_new(h))) {
			node_free(s, n);
			return;
		}
		n->start = h->ts;
		n->expire = h->ts + d->within_ns;
		n->progress = 1;
	} else if (h->step == n->progress && !same_event(n->caps[n->progress - 1], h)) {
		if (!(n->caps[n->progress] = cap_new(h)))
			return;
		n->progress++;
	} else if (h->step == 0 && n->progress == 1) {
		/* a newer first step leaves the most window to the next ones */
		cs_cap_t *cp = cap_new(h);
		if (!cp)
			return;
		free(n->caps[0]);
		n->caps[0] = cp;
		n->start = h->ts;
		n->expire = h->ts + d->within_ns;
		touch(s, n);
		return;
	} else {
		return;
	}
	if (n->progress == d->nsteps)
		fire(s, c, n, d->nsteps, h->ts, 0);
}

static void all_steps(cs_store_t *s, cs_corr_t *c, cs_node_t *n, const sk_step_hit_t *h,
	uint64_t kh)
{
	const sk_corr_def_t *d = c->def;
	if (!n && !(n = node_new(s, c, h->key, kh)))
		return;
	for (size_t i = 0; i < d->nsteps; i++) {
		cs_cap_t *cp = n->caps[i];
		if (cp && gap(h->ts, cp->ts) > d->within_ns) {
			free(cp);
			n->caps[i] = NULL;
			n->progress &= ~(1u << i);
		} else if (i != h->step && same_event(cp, h)) {
			return; /* one event stands for one step */
		}
	}
	cs_cap_t *cp = cap_new(h);
	if (!cp)
		return;
	free(n->caps[h->step]);
	n->caps[h->step] = cp;
	n->progress |= 1u << h->step;
	n->expire = h->ts + d->within_ns;
	touch(s, n);
	if (n->progress == (d->nsteps == 32 ? 0xffffffffu : (1u << d->nsteps) - 1))
		fire(s, c, n, d->nsteps, h->ts, 0);
}

static int ring_room(cs_node_t *n, uint32_t want, uint32_t max)
{
	if (want <= n->rcap)
		return 0;
	uint32_t nc = n->rcap ? n->rcap * 2 : 4;
	if (nc > max)
		nc = max;
	if (nc < want)
		nc = want;
	uint64_t *r = realloc(n->ring, nc * sizeof(*r));
	if (!r)
		return -ENOMEM;
	n->ring = r;
	n->rcap = nc;
	return 0;
}

static uint64_t hash_val(const char *v)
{
	return hash_str(v ? v : "");
}

static void count_kinds(cs_store_t *s, cs_corr_t *c, cs_node_t *n, const sk_step_hit_t *h,
	uint64_t kh)
{
	const sk_corr_def_t *d = c->def;
	bool distinct = d->kind == SK_CORR_DISTINCT;
	uint32_t w = distinct ? 2 : 1; /* ring words per entry */
	if (!n && !(n = node_new(s, c, h->key, kh)))
		return;
	uint32_t o = 0;
	uint64_t vh = distinct ? hash_val(h->value) : 0;
	bool seen = false;
	for (uint32_t i = 0; i < n->n; i++) {
		uint64_t ts = n->ring[i * w + w - 1];
		if (gap(h->ts, ts) > d->within_ns)
			continue; /* left the window */
		if (distinct && n->ring[i * w] == vh) {
			seen = true;
			n->ring[o * w] = vh;
			n->ring[o * w + 1] = h->ts;
		} else {
			memmove(&n->ring[o * w], &n->ring[i * w], w * sizeof(uint64_t));
		}
		o++;
	}
	n->n = o;
	if (!seen) {
		if (ring_room(n, (n->n + 1) * w, d->threshold * w))
			return;
		if (distinct)
			n->ring[n->n * w] = vh;
		n->ring[n->n * w + w - 1] = h->ts;
		n->n++;
	}
	cs_cap_t *cp = cap_new(h);
	if (!cp)
		return;
	free(n->caps[0]);
	n->caps[0] = cp;
	n->expire = h->ts + d->within_ns;
	touch(s, n);
	if (n->n >= d->threshold)
		fire(s, c, n, 1, h->ts, n->n);
}

void cs_apply(cs_store_t *s, cs_corr_t *c, const sk_step_hit_t *h)
{
	uint64_t kh = hash_str(h->key);
	cs_node_t *n = lookup(c, h->key, kh);
	if (h->step == SK_HIT_UNTIL) {
		if (n) {
			s->cancelled++;
			sk_metric_add(c->m_cancel, 1);
			node_free(s, n);
		}
		return;
	}
	if (h->step >= c->def->nsteps)
		return;
	switch (c->def->kind) {
	case SK_CORR_SEQUENCE: sequence(s, c, n, h, kh); break;
	case SK_CORR_ALL: all_steps(s, c, n, h, kh); break;
	default: count_kinds(s, c, n, h, kh); break;
	}
}

void cs_expire(cs_store_t *s, cs_corr_t *c, uint64_t wm)
{
	while (c->head && c->head->expire < wm) {
		s->expired++;
		sk_metric_add(c->m_expired, 1);
		node_free(s, c->head);
	}
}
