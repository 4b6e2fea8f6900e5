/*
 * loader_state.h - the collector: lists, macros and rules as read from the
 * files (after redefinition/append/override), before compilation.
 * Used only on the loading thread; sk__ld_state_free releases everything.
 */
#ifndef SK_RULES_LOADER_STATE_H
#define SK_RULES_LOADER_STATE_H

#include "loader_int.h"
#include "ruleset_int.h"

typedef struct sk__ld_loc {
	const sk__src_t *src;
	uint32_t line, col;
} sk__ld_loc_t;

typedef struct sk__ld_list {
	char *name;
	char **items;
	size_t n;
	sk__ld_loc_t loc;
	size_t vis;       /* visibility index: order of the last (re)definition */
	bool used;
	char **exp;       /* expanded and quoted items (compile phase) */
	size_t nexp;
} sk__ld_list_t;

typedef struct sk__ld_macro {
	char *name;
	sk__text_t cond;
	sk__ld_loc_t loc;
	size_t index;     /* order of the first definition (kept by redefinitions) */
	size_t vis;       /* order of the last (re)definition */
	bool used;
	/* compile phase */
	char *subst;      /* condition with lists substituted */
	size_t *map;      /* subst offset -> cond offset */
	struct sk__ast *ast;
} sk__ld_macro_t;

typedef struct sk__ld_rule {
	char *name;
	sk__ld_loc_t loc;
	sk__text_t cond;
	bool has_cond;
	sk__text_t output;
	bool has_output;
	char *desc;
	sk_priority_t prio;
	bool has_prio;
	char *source;
	bool source_explicit;
	char **tags;
	size_t ntags;
	bool enabled;
	sk__exception_t *exc;
	size_t nexc;
	sk__ld_loc_t exc_loc;
	bool warn_evttypes, skip_unknown, capture;
	uint64_t capture_duration;
} sk__ld_rule_t;

typedef struct sk__ld_req_alt {
	char *name, *version;
} sk__ld_req_alt_t;

typedef struct sk__ld_req {
	sk__ld_req_alt_t *alts;  /* [0] is the entry itself */
	size_t nalts;
	sk__ld_loc_t loc;
} sk__ld_req_t;

typedef struct sk__ld_state {
	const sk_rules_host_t *host;
	sk_diags_t *diags;
	sk__src_t **srcs;
	size_t nsrcs;
	sk__ld_list_t *lists;
	size_t nlists;
	sk__ld_macro_t *macros;
	size_t nmacros;
	sk__ld_rule_t *rules;
	size_t nrules;
	sk__ld_req_t *reqs;
	size_t nreqs;
	size_t vis;
	struct sk__ld_corrs *corrs;   /* `correlation:` items (loader_corr.h), or NULL */
	sk_rules_limits_t limits; /* resolved: no 0 field */
	sk__nameidx_t list_idx, macro_idx, rule_idx; /* name -> index in lists / macros / rules */
} sk__ld_state_t;

void sk__ld_state_free(sk__ld_state_t *st);

/* Read one file's documents into the collector. 0, -EINVAL (an error
 * diagnostic was added; the file stops at its first error) or -ENOMEM. */
int sk__ld_read_source(sk__ld_state_t *st, const sk__src_t *src);

/* Compile the collected items into rs (rules/macros/lists tables). 0,
 * -EINVAL (errors in diags) or -ENOMEM. */
int sk__ld_compile(sk__ld_state_t *st, const sk_rules_opts_t *opts, sk_ruleset_t *rs);

/* Condition helpers of loader_compile.c, shared with the correlation
 * compiler. The position of offset off in a condition after list
 * substitution (map: substituted -> original offsets, maplen entries; NULL
 * when nothing was substituted). */
sk__ld_loc_t sk__ld_locate(const sk__text_t *t, const size_t *map, size_t maplen, size_t off);
/* The first identifier of ast naming no macro defined before index vis
 * ((size_t)-1: any macro), with its node; NULL when every one does. */
const char *sk__ld_undefined_macro(sk__ld_state_t *st, const struct sk__ast *ast, size_t vis,
	const struct sk__ast **node);
/* Marks the macros ast names, and those they name, used. */
void sk__ld_mark_macros_used(sk__ld_state_t *st, const struct sk__ast *ast);
/* sk__compile_env_t.lookup_macro over an sk__ld_state_t. */
const struct sk__ast *sk__ld_lookup_macro(void *ctx, const char *name);

/* Diagnostics helpers. */
int sk__ld_err(sk__ld_state_t *st, const sk__ld_loc_t *loc, const char *kind, const char *name,
	const char *code, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void sk__ld_warn(sk__ld_state_t *st, const sk__ld_loc_t *loc, const char *kind, const char *name,
	const char *code, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

void sk__ld_strv_free(char **v, size_t n);

#endif
