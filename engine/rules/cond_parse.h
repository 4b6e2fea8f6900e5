/*
 * cond_parse.h - parser state and lexical helpers shared by cond_lex.c
 * (tokens, values) and cond.c (expressions); ast.c node constructors.
 * Internal to rules-cond.
 */
#ifndef SK_RULES_COND_PARSE_H
#define SK_RULES_COND_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "cond.h"

typedef struct parser {
	const char *s;
	size_t n, i;
	int depth;
	int rc;              /* first error */
	sk__parse_err_t *err;
	sk__pos_t last;      /* last position computed: positions are asked in
	                        increasing order, so each is found from the last */
} parser_t;

/* Operators in the order the parser tries them; word operators need a
 * trailing blank, list operators need nothing after them. */
enum { OPK_EXISTS, OPK_NUM, OPK_STR, OPK_LIST };
typedef struct sk__optab {
	const char *text;
	sk__op_t op;
	int kind;
	bool word;
} sk__optab_t;
extern const sk__optab_t sk__op_table[];
extern const size_t sk__op_table_n;

/* errors: the first one wins; position from a byte offset */
void sk__p_err(parser_t *p, size_t at, int rc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void sk__p_oom(parser_t *p);
void sk__p_set_pos(parser_t *p, sk__pos_t *pos, size_t at);
/* an excerpt of the text at `at`, for messages */
const char *sk__p_near(const parser_t *p, size_t at, char *buf, size_t len);

/* characters and tokens */
bool sk__p_is_blank(char c);
bool sk__p_is_ident_char(int c);
bool sk__p_bare_char(char c);
int sk__p_cur(const parser_t *p);
bool sk__p_skip_blanks(parser_t *p);
bool sk__p_lit_at(const parser_t *p, size_t at, const char *lit);
bool sk__p_word_is(const parser_t *p, size_t at, const char *w);
size_t sk__p_scan_name(const parser_t *p, size_t at, bool *dotted);
bool sk__p_number(const parser_t *p, size_t at, size_t *len);
sk__xform_t sk__p_xform_at(const parser_t *p, size_t at, size_t *len);
char *sk__p_dup_range(parser_t *p, size_t a, size_t b);
char *sk__p_quoted(parser_t *p);

/* values */
sk__expr_t *sk__p_literal(parser_t *p, size_t a, size_t b, bool quoted, char *owned);
sk__expr_t *sk__p_field(parser_t *p);
sk__expr_t *sk__p_xform(parser_t *p);
sk__expr_t *sk__p_val(parser_t *p);
sk__expr_t *sk__p_listval(parser_t *p, bool *bare_ident);

/* ast.c */
sk__ast_t *sk__ast_new(sk__ast_kind_t kind);
int sk__ast_push(sk__ast_t *a, sk__ast_t *kid);

#endif
