/*
 * loader_corr.h - the `correlation:` item of rules files: collected as read
 * (definition, redefinition, override/append, standalone enabled), then
 * compiled into the ruleset after the rules (so steps can name any rule).
 *
 * Threading: loading thread only. Ownership: the collector owns what it
 * holds; sk__ld_corrs_free releases it.
 */
#ifndef SK_RULES_LOADER_CORR_H
#define SK_RULES_LOADER_CORR_H

#include "corr.h"
#include "loader_state.h"

struct sk__fieldtab;

typedef struct sk__ld_cstep {
	char *rule;            /* or NULL */
	sk__text_t cond;       /* inline condition (cond.s NULL when rule) */
	char *source;          /* inline: explicit source or NULL (syscall) */
	char *name;            /* optional `name:` */
	char **by;
	size_t nby;
	sk__ld_loc_t loc, by_loc;
	sk__ld_loc_t *by_locs;     /* one per by entry */
} sk__ld_cstep_t;

typedef struct sk__ld_corr {
	char *name;
	sk__ld_loc_t loc;
	char *desc;
	sk_corr_kind_t kind;
	bool has_kind;
	uint64_t within_ns;
	uint32_t threshold;
	char *field;
	sk__ld_loc_t field_loc;
	sk__ld_cstep_t *steps;
	size_t nsteps;
	sk__ld_loc_t steps_loc;
	sk__ld_cstep_t *until;
	sk__text_t output;
	sk_priority_t prio;
	char **tags;
	size_t ntags;
	bool enabled;
} sk__ld_corr_t;

typedef struct sk__ld_corrs {
	sk__ld_corr_t *v;
	size_t n;
} sk__ld_corrs_t;

/* Read one `correlation:` item. 0, -EINVAL (diagnostic added) or -ENOMEM. */
int sk__ld_do_correlation(sk__ld_state_t *st, const sk__src_t *src, const sk__ynode_t *item);
void sk__ld_corrs_free(sk__ld_state_t *st);

/* What the rules compiler shares with the correlation compiler. */
typedef struct sk__ld_corr_env {
	const sk__listdef_t *lists;   /* for textual list substitution */
	size_t nlists;
	bool *list_used;
	struct sk__fieldtab *fields;  /* the ruleset's field table */
	sk_priority_t min_priority;
} sk__ld_corr_env_t;

/* Compile every collected correlation into rs->corr (after the rules).
 * 0, -EINVAL (errors in diags) or -ENOMEM. */
int sk__ld_compile_correlations(sk__ld_state_t *st, const sk__ld_corr_env_t *env, sk_ruleset_t *rs);
/* Apply one selector to the correlations; returns how many it matched. */
size_t sk__ld_corr_select(sk_ruleset_t *rs, bool tag, const char *pat, bool en,
	bool (*match)(const char *pat, const char *s));

/* Parse "500ms", "30s", "5m", "1h" into ns. 0 or -EINVAL. */
int sk__corr_parse_duration(const char *s, uint64_t *ns);

#endif
