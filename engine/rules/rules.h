/*
 * rules.h - the rule language as the host sees it: load and compile rules
 * files against the fields the loaded plugins declare, then evaluate events.
 *
 * This module knows nothing of threads, sockets or sinks. The host gives it
 * an sk_rules_host_t (field catalogue, plugin versions) at load time and an
 * sk_rules_extractor_t (how to extract a field from the current event) per
 * evaluation context.
 *
 * Threading: a compiled sk_ruleset_t is immutable and may be shared by any
 * number of threads (reference counted). An sk_rules_eval_t belongs to one
 * thread (one per source worker).
 */
#ifndef SK_RULES_H
#define SK_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plugin_api.h"
#include "sk_field_types.h"
#include "../util/alert.h"

/* ---- fields, as declared by the host's extractors --------------------- */

enum {
	SK_FIELD_IS_LIST = 1u << 0,
	SK_FIELD_ARG_REQUIRED = 1u << 1,
	SK_FIELD_ARG_INDEX = 1u << 2,
	SK_FIELD_ARG_KEY = 1u << 3,
	SK_FIELD_ADD_OUTPUT = 1u << 4,
	SK_FIELD_HIDDEN = 1u << 5,
};

typedef struct sk_field_info {
	const char *name;     /* e.g. "ka.user.name" */
	const char *desc;
	uint32_t ftype;       /* FTYPE_* or SK_FTYPE_INT64 */
	uint32_t flags;       /* SK_FIELD_* */
	uint32_t extractor;   /* host's index of the extractor owning the field */
	uint32_t field_id;    /* index handed back to that extractor */
} sk_field_info_t;

/* Host services used while loading/compiling (called on the loading thread). */
typedef struct sk_rules_host {
	void *ctx;
	/* Exact lookup of a field usable for events of `source`.
	 * 0 and *out set, or -ENOENT. *out stays valid for the host's life. */
	int (*find_field)(void *ctx, const char *source, const char *name,
		const sk_field_info_t **out);
	/* true if some loaded plugin (or the syscall source) provides source. */
	bool (*source_known)(void *ctx, const char *source);
	/* Version string of a loaded plugin by name, NULL if not loaded. */
	const char *(*plugin_version)(void *ctx, const char *plugin_name);
	/* Optional (may be NULL): call fn for every field usable for events of
	 * source, in declaration order. Used for append_output's
	 * suggested_output (fields flagged SK_FIELD_ADD_OUTPUT). */
	void (*list_fields)(void *ctx, const char *source,
		void (*fn)(void *ud, const sk_field_info_t *f), void *ud);
} sk_rules_host_t;

/* ---- diagnostics ----------------------------------------------------- */

typedef enum sk_diag_level { SK_DIAG_WARNING = 0, SK_DIAG_ERROR = 1 } sk_diag_level_t;

typedef struct sk_diag {
	sk_diag_level_t level;
	char *file;        /* may be NULL */
	uint32_t line;     /* 1-based, 0 if unknown */
	uint32_t col;      /* 1-based, 0 if unknown */
	char *item_kind;   /* "rule", "macro", "list", ... or NULL */
	char *item_name;   /* or NULL */
	char *code;        /* Falco-style code, e.g. "LOAD_ERR_COMPILE_CONDITION" */
	char *message;
} sk_diag_t;

typedef struct sk_diags {
	sk_diag_t *v;
	size_t n, cap;
	size_t nerrors, nwarnings;
} sk_diags_t;

void sk_diags_free(sk_diags_t *d);
/* "file:line:col: error: <kind> '<name>': message" */
void sk_diag_format(const sk_diag_t *d, char *buf, size_t len);

/* ---- loading --------------------------------------------------------- */

typedef enum sk_rule_matching { SK_MATCH_FIRST = 0, SK_MATCH_ALL = 1 } sk_rule_matching_t;

/* One entry of Falco's append_output configuration: it applies to every
 * rule that meets all of its match criteria (NULL/0 criteria match any). */
typedef struct sk_rules_append {
	const char *source;              /* match: the rule's source */
	const char *rule;                /* match: the rule's exact name */
	const char *const *tags;         /* match: the rule carries every one */
	size_t ntags;
	const char *extra_output;        /* appended to the output after a space */
	const char *const *extra_fields; /* field names added to output_fields only */
	size_t nextra_fields;
	bool suggested_output;           /* append name_with_underscores=%name for
	                                    each field of the source flagged addOutput */
} sk_rules_append_t;

/* Budgets on what a rules file may expand to, so a small hostile file
 * cannot take the memory or the time of the host (list doubling, macro
 * doubling, long chains, alias bombs, deep nesting). Each is an error
 * naming the item and its file:line:col. 0 in any field: its default.
 * The defaults leave the upstream Falco rules files far inside them (the
 * largest upstream rule compiles to a few hundred nodes). */
#define SK_RULES_DEFAULT_MAX_LIST_ITEMS 100000u      /* one list, after expansion */
#define SK_RULES_DEFAULT_MAX_COND_NODES 100000u      /* one rule, after macros */
#define SK_RULES_DEFAULT_MAX_COND_BYTES (8u << 20)   /* one condition, after list substitution */
#define SK_RULES_DEFAULT_MAX_YAML_DEPTH 64u          /* nesting of YAML collections */
#define SK_RULES_DEFAULT_MAX_YAML_NODES 500000u      /* YAML nodes of one file, aliases expanded */
typedef struct sk_rules_limits {
	size_t max_list_items;
	size_t max_cond_nodes;
	size_t max_cond_bytes;
	size_t max_yaml_depth;
	size_t max_yaml_nodes;
} sk_rules_limits_t;

typedef struct sk_rules_opts {
	sk_priority_t min_priority;        /* rules less severe are not loaded */
	sk_rule_matching_t matching;
	/* enable/disable by name, tag (wildcards '*' in names), applied in order,
	 * each "enable:<pattern>" "disable:<pattern>" "enable_tag:<tag>" "disable_tag:<tag>" */
	const char *const *selectors;
	size_t nselectors;
	/* extra output text appended to every rule's output (append_output), may be NULL */
	const char *append_output;
	/* extra output fields (names, e.g. "proc.name"), may be NULL */
	const char *const *extra_fields;
	size_t nextra_fields;
	/* append_output entries, applied in order after append_output above */
	const sk_rules_append_t *appends;
	size_t nappends;
	sk_rules_limits_t limits;
} sk_rules_opts_t;

typedef struct sk_ruleset sk_ruleset_t;

/* Load files (or inline contents, see below) in order and compile.
 * Returns 0 with *out set (possibly with warnings in diags), or a negative
 * errno with diags holding at least one error; *out is then NULL. */
int sk_ruleset_load(const sk_rules_host_t *host, const char *const *paths, size_t npaths,
	const sk_rules_opts_t *opts, sk_ruleset_t **out, sk_diags_t *diags);
/* Same from memory; names are used in diagnostics. */
int sk_ruleset_load_mem(const sk_rules_host_t *host, const char *const *names,
	const char *const *contents, size_t n, const sk_rules_opts_t *opts, sk_ruleset_t **out,
	sk_diags_t *diags);

sk_ruleset_t *sk_ruleset_ref(sk_ruleset_t *rs);
void sk_ruleset_unref(sk_ruleset_t *rs); /* NULL-safe */

typedef struct sk_ruleset_stats {
	size_t rules, rules_enabled, macros, lists;
} sk_ruleset_stats_t;
void sk_ruleset_stats(const sk_ruleset_t *rs, sk_ruleset_stats_t *st);

/* Sources that have at least one enabled rule (valid while rs lives). */
size_t sk_ruleset_sources(const sk_ruleset_t *rs, const char *const **out);

/* Event types the enabled rules of `source` can match (sorted, unique).
 * *all = true when some rule matches any type. Used by the host to
 * compute the set handed to saker_set_event_types. */
int sk_ruleset_event_types(const sk_ruleset_t *rs, const char *source, uint16_t **types,
	size_t *ntypes, bool *all);

/* ---- evaluation ------------------------------------------------------ */

/* How the evaluator gets a field's value for the current event.
 * f->field_id, field, arg_key, arg_index, arg_present, ftype, flist are
 * filled by the evaluator; the callee fills res/res_len (0 = no value).
 * The result memory must stay valid until the next event. Return 0, or a
 * negative errno (treated as no value). */
typedef struct sk_rules_extractor {
	void *ctx;
	int (*extract)(void *ctx, uint32_t extractor, const ss_plugin_event_input *ev,
		ss_plugin_extract_field *f);
} sk_rules_extractor_t;

typedef struct sk_rules_eval sk_rules_eval_t;

/* One per (thread, source). Holds a reference on rs. */
int sk_rules_eval_new(sk_ruleset_t *rs, const char *source, const sk_rules_extractor_t *x,
	sk_rules_eval_t **out);
void sk_rules_eval_free(sk_rules_eval_t *ev); /* NULL-safe */
const sk_ruleset_t *sk_rules_eval_ruleset(const sk_rules_eval_t *ev);

/* Evaluate one event. For each matching rule (first only under
 * SK_MATCH_FIRST) an alert is built (output formatted, output_fields,
 * tags) and handed to emit, which takes ownership. Returns the number of
 * matches. */
typedef void (*sk_rules_emit_fn)(void *ud, sk_alert_t *alert);
int sk_rules_eval_event(sk_rules_eval_t *ev, const ss_plugin_event_input *in,
	sk_rules_emit_fn emit, void *ud);

/* Per-rule match counters of this context (for metrics): calls fn for
 * each rule with a non-zero count since the last call, and resets them. */
void sk_rules_eval_drain_counts(sk_rules_eval_t *ev,
	void (*fn)(void *ud, const char *rule, sk_priority_t prio, uint64_t n), void *ud);

#endif
