/* okta_mfa.c - bounded timestamp lists per MFA key (hash + LRU). */
#include "okta_mfa.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct ok_mfa_key {
	ok_mfa_key_t *hnext;          /* bucket chain */
	ok_mfa_key_t *prev, *next;    /* LRU list */
	uint64_t hash;
	uint64_t last;                /* event time of the last update */
	uint64_t *ts;                 /* ring of up to per_key timestamps, grown on demand */
	size_t head, n, cap;
	size_t klen;
	char key[];
};

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

int sk__ok_mfa_init(ok_mfa_t *m, size_t per_key, size_t max_keys, uint64_t ttl_ns)
{
	memset(m, 0, sizeof(*m));
	m->nbuckets = 256;
	m->buckets = calloc(m->nbuckets, sizeof(*m->buckets));
	if (!m->buckets)
		return -ENOMEM;
	m->per_key = per_key ? per_key : 1;
	m->max_keys = max_keys ? max_keys : 1;
	m->ttl_ns = ttl_ns;
	return 0;
}

static void lru_unlink(ok_mfa_t *m, ok_mfa_key_t *k)
{
	if (k->prev)
		k->prev->next = k->next;
	else
		m->lru_head = k->next;
	if (k->next)
		k->next->prev = k->prev;
	else
		m->lru_tail = k->prev;
	k->prev = k->next = NULL;
}

static void lru_push(ok_mfa_t *m, ok_mfa_key_t *k)
{
	k->prev = m->lru_tail;
	k->next = NULL;
	if (m->lru_tail)
		m->lru_tail->next = k;
	else
		m->lru_head = k;
	m->lru_tail = k;
}

static ok_mfa_key_t **slot(ok_mfa_t *m, const char *key, size_t klen, uint64_t h)
{
	ok_mfa_key_t **p = &m->buckets[h & (m->nbuckets - 1)];

	while (*p && !((*p)->hash == h && (*p)->klen == klen && memcmp((*p)->key, key, klen) == 0))
		p = &(*p)->hnext;
	return p;
}

static void drop(ok_mfa_t *m, ok_mfa_key_t *k)
{
	ok_mfa_key_t **p = slot(m, k->key, k->klen, k->hash);

	*p = k->hnext;
	lru_unlink(m, k);
	free(k->ts);
	free(k);
	m->nkeys--;
}

void sk__ok_mfa_free(ok_mfa_t *m)
{
	if (!m)
		return;
	while (m->lru_head)
		drop(m, m->lru_head);
	free(m->buckets);
	memset(m, 0, sizeof(*m));
}

static void grow(ok_mfa_t *m)
{
	size_t nb = m->nbuckets * 2, i;
	ok_mfa_key_t **b = calloc(nb, sizeof(*b)), *k, *nx;

	if (!b)
		return; /* longer chains, still correct */
	for (i = 0; i < m->nbuckets; i++) {
		for (k = m->buckets[i]; k; k = nx) {
			nx = k->hnext;
			k->hnext = b[k->hash & (nb - 1)];
			b[k->hash & (nb - 1)] = k;
		}
	}
	free(m->buckets);
	m->buckets = b;
	m->nbuckets = nb;
}

static bool expired(const ok_mfa_t *m, const ok_mfa_key_t *k, uint64_t now)
{
	return now > k->last && now - k->last > m->ttl_ns;
}

/* Most keys see one or two timestamps: rings start small and double. */
static int grow_ring(const ok_mfa_t *m, ok_mfa_key_t *k)
{
	size_t nc = k->cap * 2 < m->per_key ? k->cap * 2 : m->per_key, i;
	uint64_t *nt = malloc(nc * sizeof(*nt));

	if (!nt)
		return -ENOMEM;
	for (i = 0; i < k->n; i++)
		nt[i] = k->ts[(k->head + i) % k->cap];
	free(k->ts);
	k->ts = nt;
	k->cap = nc;
	k->head = 0;
	return 0;
}

int sk__ok_mfa_record(ok_mfa_t *m, const char *key, size_t klen, uint64_t ts)
{
	uint64_t h = fnv(key, klen);
	ok_mfa_key_t **p = slot(m, key, klen, h), *k = *p;
	size_t i;

	if (k && expired(m, k, ts)) {
		drop(m, k);
		k = NULL;
		p = slot(m, key, klen, h);
	}
	if (!k) {
		while (m->nkeys >= m->max_keys && m->lru_head) {
			drop(m, m->lru_head);
			m->evicted++;
		}
		if (m->nkeys >= m->nbuckets)
			grow(m);
		k = calloc(1, sizeof(*k) + klen + 1);
		if (!k)
			return -ENOMEM;
		k->cap = m->per_key < 4 ? m->per_key : 4;
		k->ts = malloc(k->cap * sizeof(uint64_t));
		if (!k->ts) {
			free(k);
			return -ENOMEM;
		}
		memcpy(k->key, key, klen);
		k->klen = klen;
		k->hash = h;
		p = slot(m, key, klen, h);
		k->hnext = *p;
		*p = k;
		m->nkeys++;
	} else {
		lru_unlink(m, k);
	}
	lru_push(m, k);
	k->last = ts;
	/* the same timestamp is counted once, as upstream does */
	for (i = 0; i < k->n; i++)
		if (k->ts[(k->head + i) % k->cap] == ts)
			return 0;
	if (k->n == k->cap && k->cap < m->per_key && grow_ring(m, k) < 0)
		return -ENOMEM;
	if (k->n == k->cap) {
		k->ts[k->head] = ts;
		k->head = (k->head + 1) % k->cap;
	} else {
		k->ts[(k->head + k->n) % k->cap] = ts;
		k->n++;
	}
	return 0;
}

int64_t sk__ok_mfa_count(ok_mfa_t *m, const char *key, size_t klen, uint64_t now_ts,
	uint64_t window_ns)
{
	ok_mfa_key_t *k = *slot(m, key, klen, fnv(key, klen));
	uint64_t oldest = now_ts > window_ns ? now_ts - window_ns : 0;
	int64_t c = 0;
	size_t i;

	if (!k || expired(m, k, now_ts))
		return -1;
	for (i = 0; i < k->n; i++)
		if (k->ts[(k->head + i) % k->cap] > oldest)
			c++;
	return c;
}
