/*
 * ruleset_int.h - internal layout of a loaded, compiled ruleset, shared by the
 * loader (loader*.c, owned by "rules-loader") and the condition
 * compiler/evaluator/formatter (cond*.c, eval*.c, owned by "rules-cond").
 *
 * Ownership: an sk_ruleset_t owns everything reachable from it (strings,
 * rule records, compiled checks, compiled outputs, the sources array, and
 * the macro/list tables kept for introspection). It is built by
 * sk_ruleset_load*() on the loading thread and is immutable afterwards; it
 * is freed when the last reference is dropped (sk_ruleset_unref).
 *
 * Threading: after load returns, every field is read-only; only `refs` is
 * modified (atomically), so any number of evaluators on any threads may
 * read it concurrently.
 */
#ifndef SK_RULESET_INT_H
#define SK_RULESET_INT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules.h"

/* Opaque compiled objects produced by cond.h (rules-cond). The loader only
 * stores them and frees them with sk__check_free / sk__fmt_free. */
struct sk__check;
struct sk__fmt;
struct sk__fieldtab;

/* Engine version saker declares to rules files (required_engine_version).
 * 0.57.0 is what the upstream syscall rules files require (Falco 0.42);
 * plugin rules files ask for 0.10.0 .. 0.15.0. Falco master is 0.63.0; the
 * rules language saker implements covers everything up to it, so we
 * declare that. Compatible = same major and engine >= required. */
#define SK_ENGINE_VERSION_MAJOR 0
#define SK_ENGINE_VERSION_MINOR 63
#define SK_ENGINE_VERSION_PATCH 0
#define SK_ENGINE_VERSION "0.63.0"

/* The syscall source name (default `source:` of a rule). */
#define SK_SOURCE_SYSCALL "syscall"

/* One rule, in definition order (a redefinition keeps the first position). */
typedef struct sk__rule {
	char *name;
	char *desc;
	char *source;             /* never NULL; "syscall" by default */
	sk_priority_t priority;
	char **tags;              /* sorted, unique; ntags may be 0 */
	size_t ntags;
	char **exception_fields;  /* field expressions named by exceptions (may be 0) */
	size_t nexception_fields;

	bool enabled;             /* final state: enabled: key, min_priority, selectors */
	bool compiled;            /* false only for rules of an unknown source (skipped) */
	bool warn_evttypes;
	bool skip_if_unknown_filter;
	bool capture;
	uint64_t capture_duration; /* ms, 0 = default */

	/* Text actually compiled: rule condition + exceptions, lists substituted. */
	char *cond_text;
	/* Output format text actually compiled (trimmed, append_output added). */
	char *output_text;

	struct sk__check *check;  /* compiled condition (NULL when !compiled) */
	struct sk__fmt *fmt;      /* compiled output (NULL when !compiled) */

	/* Event codes the condition can match (sorted, unique); meaningful for
	 * the syscall source. all_types = the rule must be tried on every event
	 * of its source (no evt.type constraint, or a plugin source). */
	uint16_t *evttypes;
	size_t nevttypes;
	bool all_types;

	/* where the rule was (last) defined, for diagnostics/introspection */
	char *file;
	uint32_t line;
	uint32_t index;           /* position in rules[] (= definition order) */
} sk__rule_t;

/* A macro or list as finally defined (after append/override); kept for
 * introspection and stats only, evaluators do not need them. */
typedef struct sk__named_text {
	char *name;
	char *text;       /* macro: condition text; list: items joined by ", " */
	bool used;
} sk__named_text_t;

struct sk_ruleset {
	atomic_int refs;
	sk_rule_matching_t matching;

	sk__rule_t *rules;        /* definition order */
	size_t nrules;
	size_t nrules_enabled;

	sk__named_text_t *macros;
	size_t nmacros;
	sk__named_text_t *lists;
	size_t nlists;

	/* Distinct sources having at least one enabled compiled rule, in order
	 * of first appearance; `sources` is a NULL-free array of nsources. */
	char **sources;
	size_t nsources;

	/* Field slot table shared by every compiled check/format of this
	 * ruleset (sk__fieldtab_count() = slots an evaluator needs). One
	 * reference held here, released by sk__ruleset_destroy. */
	struct sk__fieldtab *fields;

	/* Correlations (corr_int.h), or NULL when the files define none. */
	struct sk__corrset *corr;
};

/* Freed by sk_ruleset_unref when refs reaches 0 (defined in loader). */
void sk__ruleset_destroy(sk_ruleset_t *rs);

#endif
