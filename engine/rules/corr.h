/*
 * corr.h - correlation rules as loaded from rules files (the top-level
 * `correlation:` item): their definitions, for the correlator and the CLI,
 * and the hook through which an evaluator reports step matches.
 *
 * A correlation joins events of one or more sources in an event-time
 * window: kind sequence (steps in order), all (any order), count (N events
 * of its one step per key), distinct (N distinct values of `field` per key).
 * Steps name a rule (enabled or not) or carry an inline condition with a
 * source; `by` fields form the key, compared by value position by position.
 *
 * Ownership: definitions belong to the ruleset and live as long as it does.
 * Threading: immutable after load, readable from any thread.
 */
#ifndef SK_RULES_CORR_H
#define SK_RULES_CORR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules.h"
#include "../util/step_hit.h"

typedef enum sk_corr_kind {
	SK_CORR_SEQUENCE = 0,
	SK_CORR_ALL,
	SK_CORR_COUNT,
	SK_CORR_DISTINCT,
} sk_corr_kind_t;

const char *sk_corr_kind_name(sk_corr_kind_t k);

typedef struct sk_corr_step {
	char *rule;        /* the named rule, or NULL for an inline condition */
	char *name;        /* rule name, or the step's `name:` (default "step N") */
	char *source;      /* event source of the step */
	char *condition;   /* the condition as compiled (rule's, or inline) */
	char **by;         /* key fields (nby of the correlation) */
	char **capture;    /* fields captured when the step matches: by fields,
	                      fields the output uses, the distinct field */
	size_t ncapture;
} sk_corr_step_t;

/* Output template pieces. */
typedef enum sk_corr_tok_kind { SK_CTOK_TEXT = 0, SK_CTOK_STEP, SK_CTOK_KEY } sk_corr_tok_kind_t;
typedef struct sk_corr_tok {
	sk_corr_tok_kind_t kind;
	char *text;        /* TEXT: literal; STEP/KEY: the token as written, without '%' */
	uint32_t step;     /* STEP: step index */
	uint32_t key;      /* KEY: key position */
	char *field;       /* STEP: field name (with argument) */
} sk_corr_tok_t;

typedef struct sk_corr_def {
	char *name;
	char *desc;
	sk_corr_kind_t kind;
	uint64_t within_ns;
	uint32_t threshold;  /* count/distinct */
	char *field;         /* distinct */
	sk_corr_step_t *steps;
	size_t nsteps;
	sk_corr_step_t *until; /* NULL when absent */
	size_t nby;
	char *output;
	sk_corr_tok_t *tok;
	size_t ntok;
	sk_priority_t priority;
	char **tags;
	size_t ntags;
	bool enabled;        /* final state (enabled:, min priority, selectors) */
	bool compiled;       /* false when a step's source is not loaded */
	uint64_t hash;       /* of the definition; equal hash = same behaviour */
	char *file;
	uint32_t line;
} sk_corr_def_t;

/* Correlations of the ruleset, in definition order (valid while rs lives). */
size_t sk_ruleset_correlations(const sk_ruleset_t *rs, const sk_corr_def_t **out);

/* Sources with at least one step of an enabled correlation. */
bool sk_ruleset_corr_uses_source(const sk_ruleset_t *rs, const char *source);

/* Step matches of an evaluator: after the rules of each event, the steps of
 * enabled correlations for its source are evaluated (on the same field
 * cache); each match builds an sk_step_hit_t (by and captured fields
 * extracted then, only then) handed to fn, which takes ownership. Hits
 * whose key has a missing value are not reported. fn NULL = steps off. */
typedef void (*sk_rules_hit_fn)(void *ud, sk_step_hit_t *hit);
void sk_rules_eval_set_hit_sink(sk_rules_eval_t *ev, sk_rules_hit_fn fn, void *ud);
/* Step hits the evaluator could not report (no key value, out of memory). */
uint64_t sk_rules_eval_hits_skipped(const sk_rules_eval_t *ev);

#endif
