/*
 * loader_int.h - internals of the rules loader (loader*.c): a small YAML DOM
 * with source positions, texts that remember where they came from, the
 * collector of lists/macros/rules, and the pure text builders (exceptions,
 * list substitution) that tests exercise directly.
 *
 * Ownership: every structure owns its strings; *_free functions accept NULL.
 * Threading: used only on the loading thread.
 */
#ifndef SK_RULES_LOADER_INT_H
#define SK_RULES_LOADER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "grow.h"
#include "rules.h"

/* ---- YAML DOM ---------------------------------------------------------- */

typedef enum sk__ykind { SK_Y_NULL = 0, SK_Y_SCALAR, SK_Y_SEQ, SK_Y_MAP } sk__ykind_t;

typedef enum sk__ystyle {
	SK_YS_PLAIN = 0,
	SK_YS_SQUOTED,
	SK_YS_DQUOTED,
	SK_YS_LITERAL,
	SK_YS_FOLDED,
} sk__ystyle_t;

typedef struct sk__ynode {
	sk__ykind_t kind;
	sk__ystyle_t style;
	char *s;                  /* scalar text (raw, never coerced), else NULL */
	size_t slen;
	struct sk__ynode *v;      /* SEQ: items; MAP: values */
	struct sk__ynode *k;      /* MAP: keys (scalars) */
	size_t n;
	uint32_t line, col;       /* 1-based start of the node */
	size_t off;               /* byte offset of the node start in the source */
} sk__ynode_t;

/* Parse every document of buf. *docs gets ndocs roots (kind SK_Y_NULL for
 * empty documents). Nesting deeper than lim->max_yaml_depth and more than
 * lim->max_yaml_nodes nodes (aliases expanded) are errors, found while
 * parsing in linear time. lim may be NULL (defaults). Returns 0, or -EINVAL
 * with a diagnostic (file:line:col of the YAML error) added to diags, or
 * -ENOMEM. */
int sk__yaml_parse(const char *file, const char *buf, size_t len, const sk_rules_limits_t *lim,
	sk__ynode_t **docs, size_t *ndocs, sk_diags_t *diags);
/* lim with every 0 field replaced by its default. */
sk_rules_limits_t sk__rules_limits(const sk_rules_limits_t *lim);
void sk__ynode_free(sk__ynode_t *n); /* frees children, not n itself */
void sk__ydocs_free(sk__ynode_t *docs, size_t n);
const sk__ynode_t *sk__ymap_get(const sk__ynode_t *map, const char *key);
/* yaml-cpp compatible boolean decoding; -EINVAL if not a boolean */
int sk__yaml_bool(const sk__ynode_t *n, bool *out);

/* ---- texts with origins (for positions of errors inside conditions) ----- */

typedef struct sk__src {
	char *name;     /* file name used in diagnostics */
	char *buf;      /* whole file */
	size_t len;
} sk__src_t;

/* A run of a text that came from one YAML scalar. */
typedef struct sk__piece {
	size_t text_off;          /* where the run starts in the text */
	const sk__src_t *src;     /* NULL: synthetic text, report (line, col) as is */
	sk__ystyle_t style;
	size_t src_off;           /* byte offset of the scalar node in src->buf */
	uint32_t line, col;       /* position of the scalar node */
	bool fixed;               /* synthetic text: report (line, col) as is */
} sk__piece_t;

typedef struct sk__text {
	char *s;
	size_t len;
	sk__piece_t *pieces;
	size_t npieces;
} sk__text_t;

void sk__text_free(sk__text_t *t);
/* Replace t by the scalar's text (one piece). */
int sk__text_set_scalar(sk__text_t *t, const sk__src_t *src, const sk__ynode_t *n);
/* Append sep + the scalar's text (new piece). */
int sk__text_append_scalar(sk__text_t *t, const char *sep, const sk__src_t *src,
	const sk__ynode_t *n);
/* Append literal text; it stays part of the preceding piece. */
int sk__text_append_raw(sk__text_t *t, const char *s, size_t len);
/* Start a synthetic piece at the current end, reported at (src, line, col). */
int sk__text_mark(sk__text_t *t, const sk__src_t *src, uint32_t line, uint32_t col);
int sk__text_copy(sk__text_t *dst, const sk__text_t *src);
/* Map a byte offset of t->s to a file position. */
void sk__text_locate(const sk__text_t *t, size_t off, const char **file, uint32_t *line,
	uint32_t *col);

/* ---- list substitution and exceptions (pure text builders) ------------- */

/* Falco's Q(): quote a value containing a blank unless already quoted.
 * Returns a malloc'd string or NULL. */
char *sk__quote_value(const char *s);

/* Textual list substitution over `in` (§5.5 of rules-language.md): every
 * occurrence of names[i] delimited by start/blank/(/)/,/= is replaced by its
 * items joined by ", " (quoted with Q()). Offsets are remapped: *map gets,
 * for each byte of the result, the offset in `in` it came from (array of
 * *outlen+1 entries). used[i] is set for lists that occurred. Returns a
 * malloc'd string, or NULL on ENOMEM or when the text would grow past max
 * bytes (0: no bound; *too_big is then set, when too_big is not NULL). */
typedef struct sk__listdef {
	const char *name;
	char *const *items;
	size_t nitems;
} sk__listdef_t;
char *sk__subst_lists(const char *in, const sk__listdef_t *lists, size_t nlists, bool *used,
	size_t max, bool *too_big, size_t **map, size_t *outlen);

/* An exception entry, as read from YAML (nodes borrowed from the DOM copy
 * kept by the rule). */
typedef struct sk__exception {
	char *name;
	sk__ynode_t fields;       /* SK_Y_NULL, SCALAR or SEQ of scalars */
	sk__ynode_t comps;        /* SK_Y_NULL, SCALAR or SEQ */
	sk__ynode_t values;       /* SK_Y_NULL or SEQ */
	uint32_t line, col;
} sk__exception_t;

void sk__exception_free(sk__exception_t *e);
int sk__ynode_copy(sk__ynode_t *dst, const sk__ynode_t *src);

/* Build "(" cond ")" + " and not (…)" per exception (§2). Returns a
 * malloc'd string, or NULL on ENOMEM. Assumes the exceptions were validated
 * (sk__exception_validate). */
char *sk__exceptions_build(const char *cond, const sk__exception_t *exc, size_t nexc);

/* Structural validation of one exception; returns NULL or a static message. */
const char *sk__exception_validate(const sk__exception_t *e);

/* ---- name index --------------------------------------------------------- */

/* Open-addressing map from a name to an index, so that lookups by name
 * stay constant time with thousands of items. Keys are borrowed: they must
 * outlive the index (or be re-put when they move). */
typedef struct sk__nameidx {
	const char **keys;
	size_t *vals;
	size_t cap, n;
} sk__nameidx_t;
int sk__nameidx_put(sk__nameidx_t *h, const char *key, size_t val); /* 0 or -ENOMEM */
bool sk__nameidx_get(const sk__nameidx_t *h, const char *key, size_t *val);
void sk__nameidx_free(sk__nameidx_t *h); /* NULL-safe */

/* ---- versions ----------------------------------------------------------- */

typedef struct sk__semver {
	unsigned long major, minor, patch;
} sk__semver_t;
/* "1.2.3" (pre-release/build suffix ignored); -EINVAL when malformed */
int sk__semver_parse(const char *s, sk__semver_t *out);
/* same major and have >= want */
bool sk__semver_compatible(const sk__semver_t *have, const sk__semver_t *want);

#endif
