/*
 * cond.h - condition language of the rules engine (owned by "rules-cond"):
 * the AST and its parser, the compiler from AST to typed checks, the
 * event-type analysis used for indexing, and the output formatter compiler.
 * The evaluation side (sk_rules_eval_*) is declared in rules.h.
 *
 * Ownership: every object returned through an `out` pointer belongs to the
 * caller and is released with the matching *_free (all NULL-safe).
 * A compiled check/format does NOT reference the AST it was compiled from,
 * nor the macro ASTs handed out by lookup_macro (they are expanded by copy),
 * nor the list items handed out by lookup_list (copied).
 *
 * Threading: parsing/compiling run on the loading thread. Compiled checks and
 * formats are immutable afterwards and may be shared by evaluators on any
 * thread. An sk__fieldtab_t is written while compiling and only read after.
 *
 * Positions: off is a byte offset into the text given to sk__cond_parse,
 * line and col are 1-based (col counts bytes) within that same text.
 */
#ifndef SK_RULES_COND_H
#define SK_RULES_COND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules.h"

/* ---- positions and errors -------------------------------------------- */

typedef struct sk__pos {
	uint32_t off;
	uint32_t line;
	uint32_t col;
} sk__pos_t;

typedef struct sk__parse_err {
	char msg[256];
	uint32_t off, line, col; /* where the parser stopped */
} sk__parse_err_t;

typedef struct sk__compile_err {
	char msg[256];
	/* Position of the culprit. When the culprit sits inside an expanded
	 * macro, the position is within that macro's condition text and
	 * `macro` names it (the outermost macro reference in the rule is in
	 * `ref_*`); otherwise macro[0] == 0 and ref_* == the position too. */
	uint32_t off, line, col;
	char macro[128];
	uint32_t ref_off, ref_line, ref_col;
} sk__compile_err_t;

/* ---- AST -------------------------------------------------------------- */

typedef enum sk__ast_kind {
	SK__AST_AND = 1,   /* n-ary: kids[0..nkids) */
	SK__AST_OR,        /* n-ary */
	SK__AST_NOT,       /* kids[0] */
	SK__AST_GROUP,     /* "( expr )": kids[0]; kept so the tree can be printed back */
	SK__AST_CHECK,     /* u.check */
	SK__AST_IDENT,     /* macro reference: u.ident */
} sk__ast_kind_t;

typedef enum sk__op {
	SK__OP_NONE = 0,
	SK__OP_EQ,         /* "=" and "==" */
	SK__OP_NE,
	SK__OP_LT, SK__OP_LE, SK__OP_GT, SK__OP_GE,
	SK__OP_CONTAINS, SK__OP_ICONTAINS, SK__OP_BCONTAINS,
	SK__OP_STARTSWITH, SK__OP_BSTARTSWITH, SK__OP_ENDSWITH,
	SK__OP_GLOB, SK__OP_IGLOB, SK__OP_REGEX,
	SK__OP_IN, SK__OP_INTERSECTS, SK__OP_PMATCH,
	SK__OP_EXISTS,
} sk__op_t;

typedef enum sk__mod {
	SK__MOD_NONE = 0,
	SK__MOD_ONEOF,
	SK__MOD_ANYOF,
	SK__MOD_ALLOF,
} sk__mod_t;

typedef enum sk__xform {
	SK__XF_NONE = 0,
	SK__XF_TOLOWER, SK__XF_TOUPPER, SK__XF_B64, SK__XF_BASENAME, SK__XF_LEN,
	SK__XF_JOIN, SK__XF_CONCAT, SK__XF_GETOPT,
	SK__XF_VAL,        /* val(field): only as a right-hand side */
} sk__xform_t;

/* A value expression: left side of a check, right side, transformer argument. */
typedef enum sk__expr_kind {
	SK__EXPR_FIELD = 1,  /* name (+ arg) */
	SK__EXPR_XFORM,      /* xform(args...) (+ arg, e.g. getopt(...)[opt]) */
	SK__EXPR_LITERAL,    /* text (escapes resolved); quoted says how it was written */
	SK__EXPR_LIST,       /* "( item, item )": items are LITERAL (or FIELD/XFORM in transformer args) */
} sk__expr_kind_t;

typedef struct sk__expr sk__expr_t;
struct sk__expr {
	sk__expr_kind_t kind;
	sk__pos_t pos;
	char *text;          /* FIELD: field name; LITERAL: value; XFORM: transformer name */
	char *arg;           /* FIELD/XFORM: "[arg]" text without brackets, or NULL */
	bool has_arg;        /* "[...]" present (arg may then be "") */
	bool quoted;         /* LITERAL: written quoted (never a list-name candidate) */
	sk__xform_t xform;   /* XFORM */
	sk__expr_t **items;  /* XFORM: arguments; LIST: elements */
	size_t nitems;
};

typedef struct sk__ast sk__ast_t;

typedef struct sk__check_node {
	sk__expr_t *lhs;     /* FIELD or XFORM */
	sk__op_t op;
	char opname[16];     /* as written, e.g. "==" or "startswith" */
	sk__mod_t mod;
	/* NULL for exists. Otherwise LITERAL, LIST, FIELD (from val(field),
	 * with rhs_val set), or XFORM. `in name` (an identifier without
	 * parens) is a LIST with one unquoted LITERAL item and rhs_bare_ident. */
	sk__expr_t *rhs;
	bool rhs_val;
	bool rhs_bare_ident;
} sk__check_node_t;

struct sk__ast {
	sk__ast_kind_t kind;
	sk__pos_t pos;       /* first byte of the node */
	sk__ast_t **kids;
	size_t nkids;
	union {
		sk__check_node_t check;
		char *ident;
	} u;
};

/* Parse a condition. 0 and *out set, or -EINVAL with err filled (message
 * in Falco's words where it has one, e.g. "filter input string is empty").
 * Nesting depth is limited to SK__COND_MAX_DEPTH. */
#define SK__COND_MAX_DEPTH 1000
int sk__cond_parse(const char *text, sk__ast_t **out, sk__parse_err_t *err);
void sk__ast_free(sk__ast_t *ast);
sk__ast_t *sk__ast_clone(const sk__ast_t *ast); /* NULL on ENOMEM */
/* Print back in canonical form (for tests/diagnostics); returns the length
 * that was needed (like snprintf). */
size_t sk__ast_print(const sk__ast_t *ast, char *buf, size_t len);
/* Calls fn for every macro reference (IDENT) in the tree (not expanded). */
void sk__ast_foreach_ident(const sk__ast_t *ast, void (*fn)(void *ud, const char *name,
	const sk__ast_t *node), void *ud);
/* Calls fn for every value an evt.type check compares with (=, ==, !=, in,
 * intersects; a literal or each item of a literal list), in source order;
 * macro references are not followed (see sk__ast_foreach_ident). */
void sk__ast_foreach_evttype(const sk__ast_t *a, void (*fn)(void *ud, const char *name,
	const sk__expr_t *lit), void *ud);

/* ---- field slot table ----------------------------------------------- */

/* One per ruleset: numbers each distinct (extractor, field, arg) used by any
 * compiled check or format so an evaluator extracts it at most once per
 * event (and each expanded macro, whose value an evaluator computes at most
 * once per event). Create it before compiling the first rule, hand the same table to
 * every compile of the ruleset through sk__compile_env_t.fields. Compiled
 * checks/formats hold a reference, so the loader may drop its own with
 * sk__fieldtab_unref once every rule is compiled (or keep it). */
typedef struct sk__fieldtab sk__fieldtab_t;
sk__fieldtab_t *sk__fieldtab_new(void); /* NULL on ENOMEM */
void sk__fieldtab_unref(sk__fieldtab_t *t); /* NULL-safe */
size_t sk__fieldtab_count(const sk__fieldtab_t *t);

/* ---- compiling ------------------------------------------------------ */

typedef struct sk__compile_env {
	const char *source;            /* rule's source, e.g. "syscall" */
	const sk_rules_host_t *host;   /* find_field(host->ctx, source, name, &fi) */
	sk__fieldtab_t *fields;        /* required, see above */
	void *ctx;                     /* for the lookups below */
	/* Macro by name, or NULL if undefined. Expanded by deep copy; recursion
	 * is detected ("reference loop in macro '<m>'"). May be NULL (no macros). */
	const sk__ast_t *(*lookup_macro)(void *ctx, const char *name);
	/* Named list: 0 with items/n set (items stay valid during the compile
	 * call), or -ENOENT. Unquoted literal items inside list literals of
	 * in / intersects / pmatch / <op> oneof|anyof|allof, and `in name`, are
	 * replaced by the list's items, recursively (items naming lists are
	 * expanded too, loops stopped). May be NULL (no lists). */
	int (*lookup_list)(void *ctx, const char *name, const char *const **items, size_t *n);
	/* Budget on compiled nodes (checks and and/or/not, after macro
	 * expansion): beyond it the compile fails with -E2BIG. 0: the default,
	 * SK_RULES_DEFAULT_MAX_COND_NODES. */
	size_t max_nodes;
} sk__compile_env_t;

typedef struct sk__check sk__check_t;

/* Compile an AST. 0 and *out set; -EINVAL (bad condition: unknown field,
 * operator/type mismatch, bad value, undefined macro, macro loop) or
 * -ENOMEM with err filled. The AST is not modified nor referenced. */
int sk__cond_compile(const sk__ast_t *ast, const sk__compile_env_t *env, sk__check_t **out,
	sk__compile_err_t *err);
/* parse + compile in one step (positions refer to text). */
int sk__cond_compile_text(const char *text, const sk__compile_env_t *env, sk__check_t **out,
	sk__compile_err_t *err);
void sk__check_free(sk__check_t *c);

/* Event codes the check can match, following libsinsp's ppm_codes rules:
 * evt.type with =, !=, in (and not/and/or, De Morgan); `evt.num = 0` matches
 * nothing; a name without a dedicated code (a generic syscall) adds the
 * generic codes 0/1 (evaluation compares generic events by name). For a source other than "syscall", the set is {322} (plugin
 * event). Every set also contains 402 (async events), as Falco does.
 * 0 with *types (sorted, unique, malloc'd, caller frees) / *n set and
 * *all = true when any code can match (then *types is still the full
 * known set), or -ENOMEM. */
int sk__check_event_types(const sk__check_t *c, const char *source, uint16_t **types, size_t *n,
	bool *all);

/* ---- output format --------------------------------------------------- */

typedef struct sk__fmt sk__fmt_t;

/* Compile an output format ("%proc.name", "%proc.aname[2]", "%12proc.name",
 * "%tolower(user.name)", ...) for env->source. Unknown fields are errors
 * (err position within text). */
int sk__fmt_compile(const char *text, const sk__compile_env_t *env, sk__fmt_t **out,
	sk__compile_err_t *err);
/* Same, plus extra fields (e.g. "proc.name", "proc.aname[2]") that appear
 * only in output_fields, not in the text (append_output extra fields).
 * An extra field unknown to env->source is skipped, not an error. */
int sk__fmt_compile_ex(const char *text, const char *const *extra_fields, size_t nextra,
	const sk__compile_env_t *env, sk__fmt_t **out, sk__compile_err_t *err);
void sk__fmt_free(sk__fmt_t *f);

#endif
