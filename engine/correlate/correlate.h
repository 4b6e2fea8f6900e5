/*
 * correlate.h - the correlator: the one owner of all cross-source state.
 *
 * Source workers evaluate correlation steps on their own threads and send
 * step hits (util/step_hit.h) and progress records through the alert queue;
 * the loop thread feeds them here. Hits wait in a buffer ordered by event
 * time until every active source's watermark (its highest event time minus
 * the configured lateness) has passed them, then they drive the
 * correlations' state machines in event-time order, so a replay gives the
 * same correlated alerts whatever the thread timing. A source that reports
 * nothing for idle_timeout_ms (wall clock) stops holding the watermark back
 * until it reports again; a source that ended no longer counts.
 *
 * State is bounded: open keys per correlation and in total (oldest evicted
 * first), hits waiting for the watermark (oldest processed early). Every
 * eviction, late hit and early release is counted in the metrics registry.
 *
 * Threading: everything runs on one thread (the loop). Ownership: fed hits
 * belong to the correlator; emitted alerts belong to the callback.
 */
#ifndef SK_CORRELATE_H
#define SK_CORRELATE_H

#include <stddef.h>
#include <stdint.h>

#include "../rules/rules.h"
#include "../util/alert.h"
#include "../util/step_hit.h"

typedef struct sk_correlator sk_correlator_t;

typedef struct sk_correlator_opts {
	uint64_t lateness_ns;        /* out-of-order tolerance per source (default 2 s) */
	uint64_t idle_timeout_ms;    /* wall time before a silent source is idle (5000) */
	size_t max_keys;             /* open keys in total (1000000) */
	size_t max_keys_per_corr;    /* open keys per correlation (100000) */
	size_t max_pending;          /* hits waiting for the watermark (100000) */
	/* Called for every correlated alert (takes ownership). */
	void (*emit)(void *ud, sk_alert_t *a);
	void *ud;
} sk_correlator_opts_t;

/* Defaults for the fields left 0 (emit/ud untouched). */
void sk_correlator_opts_defaults(sk_correlator_opts_t *o);

int sk_correlator_new(const sk_correlator_opts_t *o, sk_correlator_t **out);
/* Pending hits are dropped, not processed: call flush first for that. */
void sk_correlator_free(sk_correlator_t *c); /* NULL-safe */

/* Install the correlations of rs (a reference is taken). The state of a
 * correlation whose definition hash is unchanged is kept; the rest starts
 * empty. 0 or -ENOMEM (the previous set is then kept). */
int sk_correlator_set_ruleset(sk_correlator_t *c, sk_ruleset_t *rs);
/* Number of enabled correlations installed. */
size_t sk_correlator_count(const sk_correlator_t *c);

/* Declare a source whose watermark gates the release of hits. Sources a
 * hit or progress record names are added on the fly. */
int sk_correlator_add_source(sk_correlator_t *c, const char *source, uint64_t now_ms);

/* Take one record (hit, SK_HIT_PROGRESS or SK_HIT_DONE) and release what
 * the watermark allows. */
void sk_correlator_feed(sk_correlator_t *c, sk_step_hit_t *h, uint64_t now_ms);
/* Timer: idle sources, release, free expired state. */
void sk_correlator_tick(sk_correlator_t *c, uint64_t now_ms);
/* End of input: process every pending hit in order. */
void sk_correlator_flush(sk_correlator_t *c);

/* Read saker.yaml's `correlation:` section (lateness_ms, idle_timeout_ms,
 * max_keys, max_keys_per_correlation, max_pending, expire_interval_ms ->
 * *tick_ms, progress_interval_ms -> *progress_ms). 0, or -EINVAL with err
 * naming the key. */
int sk_correlator_config(const json_t *root, sk_correlator_opts_t *o, uint64_t *tick_ms,
	uint64_t *progress_ms, char *err, size_t errlen);

typedef struct sk_correlator_stats {
	size_t open_keys, pending;
	uint64_t hits, alerts, late, forced, evicted, expired, cancelled, stale;
} sk_correlator_stats_t;
void sk_correlator_stats(const sk_correlator_t *c, sk_correlator_stats_t *st);

#endif
