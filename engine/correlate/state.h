/*
 * state.h - keyed partial-match state of the correlations (internal to
 * engine/correlate): one table per correlation, every open key on its
 * correlation's list and on a global list, both oldest first, for
 * eviction and expiry. The kinds' rules live in state.c.
 *
 * Threading: loop thread only. Ownership: the store owns every node; a
 * cstate borrows its definition from the installed ruleset.
 */
#ifndef SK_CORRELATE_STATE_H
#define SK_CORRELATE_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "../rules/corr.h"
#include "../util/alert.h"
#include "../util/metrics.h"

typedef struct cs_node cs_node_t;

typedef struct cs_store {
	cs_node_t *ghead, *gtail;   /* every open key, oldest first */
	size_t total, max_total, max_per_corr;
	uint64_t evicted, expired, cancelled, alerts;
	sk_metric_t *m_evict_total;
	void (*emit)(void *ud, sk_alert_t *a);
	void *ud;
} cs_store_t;

typedef struct cs_corr {
	const sk_corr_def_t *def;
	uint64_t hash;
	cs_node_t **tab;
	size_t tabcap, nopen;
	cs_node_t *head, *tail;     /* this correlation's keys, by expiry */
	sk_metric_t *m_alerts, *m_evict, *m_expired, *m_cancel;
} cs_corr_t;

cs_corr_t *cs_corr_new(const sk_corr_def_t *def);
/* Frees the correlation and its keys (removed from the store). */
void cs_corr_free(cs_store_t *s, cs_corr_t *c);

/* Apply one hit (already in event-time order). */
void cs_apply(cs_store_t *s, cs_corr_t *c, const sk_step_hit_t *h);
/* Free the keys that no event at or after wm can complete. */
void cs_expire(cs_store_t *s, cs_corr_t *c, uint64_t wm);

/* alert.c: the correlated alert of a completed match. caps[i] are the
 * captured steps (NULL-free for sequence/all; one for count/distinct). */
typedef struct cs_cap {
	uint64_t ts, seq;
	const char *source, *rule, *fields;
} cs_cap_t;
sk_alert_t *cs_build_alert(const sk_corr_def_t *d, const char *key, cs_cap_t *const *caps,
	size_t ncaps, uint64_t ts, uint64_t count);

#endif
