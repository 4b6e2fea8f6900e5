/*
 * step_hit.h - the record a source worker sends to the correlator when an
 * event matches a correlation step (or an `until` step), and the progress
 * records that carry each source's event-time watermark.
 *
 * Records travel through the alert queue inside an sk_alert_t (alert.h,
 * field `hit`), so they keep their producer's order and share its bound.
 *
 * Ownership: one malloc'd block (the struct followed by its strings);
 * free() releases it. Built on a worker thread, consumed on the loop.
 */
#ifndef SK_STEP_HIT_H
#define SK_STEP_HIT_H

#include <stddef.h>
#include <stdint.h>

enum {
	SK_HIT_UNTIL = 0xfffffffdu,    /* the correlation's `until` step */
	SK_HIT_PROGRESS = 0xfffffffeu, /* source watermark: no event below ts - lateness follows */
	SK_HIT_DONE = 0xffffffffu,     /* source ended: no event follows */
};

typedef struct sk_step_hit {
	uint64_t corr;       /* definition hash of the correlation (0 for progress) */
	uint64_t ts;         /* event time, ns since epoch */
	uint64_t seq;        /* per-source event number (ordering ties) */
	uint32_t step;       /* step index, or SK_HIT_* */
	const char *source;  /* event source */
	const char *rule;    /* step's rule (or step name); "" for progress */
	const char *key;     /* `by` values joined by 0x1f; "" when no `by` */
	const char *value;   /* distinct: the `field:` value; NULL otherwise */
	const char *fields;  /* captured fields: JSON object text; "{}" when none */
	/* A worker sends the hits of a batch as one chain, in order, in one
	 * queue entry (NULL-terminated; each link is its own block). */
	struct sk_step_hit *next;
} sk_step_hit_t;

#define SK_HIT_KEY_SEP '\x1f'

/* One block holding the record and copies of the strings (value may be
 * NULL). NULL on ENOMEM. */
sk_step_hit_t *sk_step_hit_new(uint64_t corr, uint32_t step, uint64_t ts, uint64_t seq,
	const char *source, const char *rule, const char *key, const char *value,
	const char *fields);

#endif
