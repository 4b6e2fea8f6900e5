/*
 * corr_int.h - correlations compiled into a ruleset: the definitions
 * (corr.h) and, per step, what an evaluator runs (condition, captures).
 *
 * Ownership: the ruleset owns its sk__corrset_t (freed by
 * sk__ruleset_destroy). A step naming a rule borrows that rule's check.
 * Threading: immutable after load, shared by every evaluator.
 */
#ifndef SK_RULES_CORR_INT_H
#define SK_RULES_CORR_INT_H

#include "corr.h"
#include "ruleset_int.h"

struct sk__check;
struct sk__fmt;
struct sk__evctx;

typedef struct sk__cstep {
	uint32_t corr;              /* index in defs */
	uint32_t step;              /* step index, or SK_HIT_UNTIL */
	const sk_corr_step_t *def;
	struct sk__check *check;    /* owned when own_check */
	bool own_check;
	struct sk__fmt *fmt;        /* renders the captured fields, 0x1f-separated */
	int32_t value_cap;          /* distinct: capture index of `field`, else -1 */
	uint16_t *evttypes;         /* owned */
	size_t nevttypes;
	bool all_types;
} sk__cstep_t;

typedef struct sk__corrset {
	sk_corr_def_t *defs;
	size_t ndefs;
	bool *eligible;             /* compiled and priority kept: selectors may enable */
	sk__cstep_t *steps;         /* steps of compiled correlations, all sources */
	size_t nsteps;
} sk__corrset_t;

void sk__corrset_free(sk__corrset_t *cs); /* NULL-safe */

/* Event types of the enabled correlations' steps of source, appended to
 * out (when not NULL); returns how many; *all set when a step needs every
 * type. */
size_t sk__corr_event_types(const sk_ruleset_t *rs, const char *source, uint16_t *out,
	bool *all);

/* Evaluator side (eval_steps.c). */
typedef struct sk__steps_eval sk__steps_eval_t;
int sk__steps_eval_new(const sk_ruleset_t *rs, const char *source, sk__steps_eval_t **out);
void sk__steps_eval_free(sk__steps_eval_t *se);
void sk__steps_eval_sink(sk__steps_eval_t *se, sk_rules_hit_fn fn, void *ud);
uint64_t sk__steps_eval_skipped(const sk__steps_eval_t *se);
/* Run the steps matching the event of ec (whose field cache is shared with
 * the rules evaluated just before). */
void sk__steps_eval_run(sk__steps_eval_t *se, struct sk__evctx *ec);
/* eval.c: run a compiled check on the current event of ec. */
bool sk__check_match(struct sk__evctx *ec, const struct sk__check *c);

#endif
