/*
 * cond_int.h - compiled-condition internals shared by the rules-cond files
 * (cond.c parser, compile.c, ops.c, xform.c, eval.c, format.c). Not for the
 * loader: it only needs cond.h.
 *
 * A compiled check is a tree of sk__cnode_t; leaves compare an operand (a
 * field reference resolved to a slot of the ruleset's sk__fieldtab_t, or a
 * transformer over operands) against constants converted at compile time
 * to the operand's type, or against another operand (val()).
 * Everything here is immutable after compile; per-event state lives in the
 * evaluator (sk__evctx_t).
 */
#ifndef SK_RULES_COND_INT_H
#define SK_RULES_COND_INT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <jansson.h>

#include "cond.h"
#include "grow.h"
#include "../util/arena.h"

/* libscap PT_BYTEBUF: a byte-buffer field (not in the plugin API's FTYPE_*). */
#define SK__FTYPE_BYTEBUF 10

typedef enum sk__vt {
	SK__VT_NONE = 0,
	SK__VT_STR,
	SK__VT_U64,
	SK__VT_I64,
	SK__VT_BOOL,
	SK__VT_IP,   /* an address */
	SK__VT_NET,  /* ipnet field: an address compared against networks */
	SK__VT_BUF,
} sk__vt_t;

typedef struct sk__ip {
	uint8_t fam;     /* 4 or 6 */
	uint8_t prefix;  /* network prefix length (32/128 for a single address) */
	uint8_t a[16];
} sk__ip_t;

/* One runtime or constant value. */
typedef struct sk__rv {
	const char *p;   /* STR (NUL-terminated) / BUF bytes */
	uint32_t len;
	uint64_t u;      /* U64, I64 (two's complement), BOOL */
	sk__ip_t ip;     /* IP / NET */
} sk__rv_t;

typedef struct sk__fref {
	uint32_t slot;
	const sk_field_info_t *fi;
	char *arg;            /* argument text (key), or NULL */
	bool arg_present;
	uint64_t arg_index;
	sk__vt_t vt;
	bool list;            /* declared list field */
} sk__fref_t;

struct sk__fieldtab {
	atomic_int refs;
	sk__fref_t **v;
	size_t n, cap;
	/* macros by name: a macro's value is a function of the event, so an
	 * evaluator computes each at most once per event (memo slot = index) */
	char **macros;
	size_t nmacros;
	/* open-addressing index of v by (extractor, field, argument): 1 + the
	 * position in v, 0 = empty; hcap is a power of two, at least 2n */
	uint32_t *hidx;
	size_t hcap;
};

typedef enum sk__okind { SK__O_FIELD = 1, SK__O_XFORM, SK__O_CONST, SK__O_CLIST } sk__okind_t;

typedef struct sk__opnd sk__opnd_t;
struct sk__opnd {
	sk__okind_t kind;
	sk__vt_t vt;          /* type of the values it yields */
	bool multi;           /* may yield several values */
	bool list;            /* list semantics for in/intersects */
	sk__fref_t *fref;     /* FIELD (owned by the fieldtab) */
	sk__xform_t xf;       /* XFORM */
	sk__opnd_t **args;
	size_t nargs;
	char *xarg;           /* getopt's [opt] */
	sk__rv_t *cv;         /* CONST (1) / CLIST (ncv) */
	size_t ncv;
	char *key;            /* printable name, e.g. "proc.aname[2]" (FIELD) */
};

/* Big constant sets. */
typedef struct sk__strset {
	uint32_t mask;        /* capacity - 1 (power of two) */
	const sk__rv_t **slots;
} sk__strset_t;

typedef struct sk__pm_pat {
	char **comp;          /* path components */
	size_t ncomp;
	bool wild;            /* some component has glob characters */
} sk__pm_pat_t;

typedef enum sk__ckind {
	SK__C_AND = 1, SK__C_OR, SK__C_NOT, SK__C_CHECK, SK__C_TRUE, SK__C_FALSE,
} sk__ckind_t;

enum { SK__SPECIAL_NONE = 0, SK__SPECIAL_EVT_TYPE, SK__SPECIAL_EVT_NUM };

typedef struct sk__cnode sk__cnode_t;
struct sk__cnode {
	/* hot fields first: evaluation touches only the first cache line */
	sk__ckind_t kind;
	sk__op_t op;
	sk__mod_t mod;
	sk__vt_t vt;          /* comparison type (lhs type) */
	uint32_t nkids;
	int special;          /* evt.type / evt.num, for event-type analysis */
	sk__cnode_t **kids;
	uint64_t *evbits;     /* syscall evt.type =/!=/in: matching event codes */
	sk__opnd_t *lhs;
	sk__opnd_t *rhs;      /* val()/transformer right side, or NULL */
	sk__rv_t *cv;         /* constants (one, or the list) */
	size_t ncv;
	sk__strset_t *set;    /* in/intersects over many strings */
	uint32_t memo;        /* 1 + memo slot when this node is a macro's root */
	uint64_t *nums;       /* in/intersects over many numbers: sorted, unique */
	size_t nnums;
	sk__strset_t *pfx;    /* startswith <mod> over many prefixes, by length */
	uint32_t *pfxlen;     /* distinct prefix lengths, ascending */
	size_t npfxlen, npfxdistinct;
	/* colder */
	pcre2_code *re;       /* regex */
	sk__pm_pat_t *pm;     /* pmatch patterns */
	size_t npm;
	sk__strset_t *pmset;  /* pmatch: wildcard-free patterns as joined paths */
	sk__rv_t *pmsetv;
	char **owned;         /* strings the constants point into */
	size_t nowned;
};

/* The tree flattened in pre-order for evaluation (contiguous, so a rule's
 * nodes share cache lines); `end` is the index after the node's subtree. */
typedef struct sk__insn {
	uint8_t kind;         /* sk__ckind_t */
	uint8_t ne;           /* evbits test negated (!=) */
	uint32_t end;
	uint32_t memo;        /* 1 + memo slot (macro root), or 0 */
	const uint64_t *evbits; /* syscall evt.type test, no extraction */
	const sk__cnode_t *c;
} sk__insn_t;

struct sk__check {
	sk__cnode_t *root;
	sk__fieldtab_t *tab;  /* reference */
	bool has_regex;
	sk__insn_t *prog;
	size_t nprog;
};

/* A formatted output: literal text and tokens. */
typedef struct sk__ftok {
	char *lit;            /* literal text before the token (may be "") */
	sk__opnd_t *op;       /* NULL for the trailing literal / extra-only entries */
	char *key;            /* output_fields key, NULL for transformer tokens */
	int width;            /* 0 = none */
	bool text;            /* appears in the text (false: extra field only) */
} sk__ftok_t;

struct sk__fmt {
	sk__ftok_t *tok;
	size_t ntok;
	char *tail;           /* literal text after the last token */
	sk__fieldtab_t *tab;
	/* output_fields entries (fields inside every token, deduplicated) */
	sk__opnd_t **jf;
	char **jkey;
	size_t njf;
};

/* cond.c */
const char *sk__op_name(sk__op_t op);
const char *sk__xform_name(sk__xform_t xf);
void sk__pos_at(const char *text, uint32_t off, sk__pos_t *p);
sk__expr_t *sk__expr_new(sk__expr_kind_t kind);
void sk__expr_free(sk__expr_t *e);
int sk__expr_push(sk__expr_t *e, sk__expr_t *item);
sk__expr_t *sk__expr_clone(const sk__expr_t *e);
/* One value expression at text+start (at most SK__EXPR_MAX_LEN bytes);
 * at, when not NULL, is the position of start (saves a scan from 0). */
#define SK__EXPR_MAX_LEN 65536
int sk__cond_parse_expr(const char *text, size_t start, const sk__pos_t *at, size_t *end,
	sk__expr_t **out, sk__parse_err_t *err);

/* compile.c / fields.c: compiler state */
#define SK__MAX_LIST_DEPTH 32
#define SK__MAX_MACRO_DEPTH 256
#define SK__SET_MIN 8 /* constant lists at least this long become hash/sorted sets */

struct sk__cctx {
	const sk__compile_env_t *env;
	sk__compile_err_t *err;
	int rc;
	const char *macro;          /* innermost macro being expanded, or NULL */
	const char *stack[SK__MAX_MACRO_DEPTH];
	size_t nstack;
	sk__pos_t ref;              /* outermost macro reference in the rule */
	bool has_regex;
	size_t nodes, max_nodes;    /* compiled nodes so far, and their budget */
};

typedef struct sk__cctx sk__cctx_t;
void sk__cerr(sk__cctx_t *c, const sk__pos_t *pos, int rc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void sk__coom(sk__cctx_t *c);
sk__opnd_t *sk__opnd_compile_c(sk__cctx_t *c, const sk__expr_t *e);
/* "cafe" -> bytes (NUL-terminated copy); -EINVAL, -ENOMEM */
int sk__parse_hex(const char *s, char **out, uint32_t *len);
sk__vt_t sk__vt_of_ftype(uint32_t ftype);
/* memo slot of a macro name (interned); -ENOMEM */
int sk__fieldtab_macro(sk__fieldtab_t *t, const char *name, uint32_t *slot);
int sk__fieldtab_ref(sk__fieldtab_t *t);
/* Compile a value expression (field/transformer) to an operand; err names
 * the position within `text` (may be NULL: positions from the expr). */
int sk__opnd_compile(const sk__expr_t *e, const sk__compile_env_t *env, sk__opnd_t **out,
	sk__compile_err_t *err);
void sk__opnd_free(sk__opnd_t *o);
int sk__value_parse(sk__vt_t vt, const char *s, sk__rv_t *out, char *why, size_t whylen);

/* ops.c */
int sk__ip_parse(const char *s, bool allow_net, sk__ip_t *out);
bool sk__ip_in_net(const sk__ip_t *addr, const sk__ip_t *net);
bool sk__ip_eq(const sk__ip_t *a, const sk__ip_t *b);
int sk__ip_format(const sk__ip_t *ip, char *buf, size_t len);
bool sk__cmp(sk__op_t op, sk__vt_t vt, const sk__rv_t *l, const sk__rv_t *r,
	const sk__cnode_t *c, pcre2_match_data *md);
sk__strset_t *sk__strset_new(const sk__rv_t *v, size_t n);
void sk__strset_free(sk__strset_t *s);
bool sk__strset_has(const sk__strset_t *s, const char *p, uint32_t len);
int sk__pmatch_build(sk__cnode_t *c);
int sk__numset_build(sk__cnode_t *c);
/* Generic syscall events (PPME_GENERIC_E/X) carry the syscall in a param. */
/* Generic events (0, 1) carry the syscall in a parameter and async events
 * (402) their name: evt.type on them compares names, not codes, so that
 * `evt.type = <async name>` works on every source as in libsinsp. */
#define SK__EVT_IS_GENERIC(t) ((t) <= 1 || (t) == 402)
bool sk__numset_has(const sk__cnode_t *c, uint64_t v);
int sk__prefix_build(sk__cnode_t *c);
/* number of distinct constant prefixes of c that start s */
uint32_t sk__prefix_hits(const sk__cnode_t *c, const char *s, uint32_t len);
bool sk__pmatch(const sk__cnode_t *c, const char *path, uint32_t len);
void sk__cnode_free(sk__cnode_t *c);

/* Per-event evaluation context used by eval.c, xform.c and format.c. */
typedef struct sk__slotc {
	uint64_t gen;
	bool ok;
	uint32_t n;
	sk__rv_t *v;
	uint32_t cap;
} sk__slotc_t;

typedef struct sk__memo {
	uint64_t gen;
	bool val;
} sk__memo_t;

typedef struct sk__evctx {
	const sk_rules_extractor_t *x;
	const ss_plugin_event_input *in;
	uint64_t gen;
	sk__slotc_t *slots;
	size_t nslots;
	pcre2_match_data *md;
	sk__memo_t *memo;     /* one per macro of the ruleset */
	size_t nmemo;
	sk_arena_t arena;     /* per-event scratch memory for transformer results */
} sk__evctx_t;

/* Values of an operand for the current event: n values at *v, or false
 * when not available. */
bool sk__opnd_values(sk__evctx_t *ec, const sk__opnd_t *o, const sk__rv_t **v, uint32_t *n);
void *sk__evctx_alloc(sk__evctx_t *ec, size_t len);
void sk__evctx_reset(sk__evctx_t *ec);
/* xform.c: apply a transformer; false when no value */
bool sk__xform_apply(sk__evctx_t *ec, const sk__opnd_t *o, const sk__rv_t **v, uint32_t *n);
/* format.c: render text and output_fields for the current event */
int sk__fmt_render(sk__evctx_t *ec, const sk__fmt_t *f, char **text, json_t **fields);
/* eval.c: evaluate one compiled check / render one format on one event
 * with a throw-away context (tests and tools; the hot path uses
 * sk_rules_eval_event). 0 or a negative errno. */
int sk__check_eval_once(const sk__check_t *c, const sk_rules_extractor_t *x,
	const ss_plugin_event_input *in, bool *result);
int sk__fmt_render_once(const sk__fmt_t *f, const sk_rules_extractor_t *x,
	const ss_plugin_event_input *in, char **text, json_t **fields);
/* render one value as text (into buf, NUL-terminated) */
const char *sk__rv_text(sk__vt_t vt, const sk__rv_t *v, char *buf, size_t len);

#endif
