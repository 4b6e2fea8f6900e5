/*
 * cond_lex.c - lexical layer of the condition parser: tokens (names,
 * numbers, quoted strings with Falco's escapes, bare words), operator and
 * transformer tables, and value-level rules (fields with arguments,
 * transformer calls, val(), list literals).
 */
#include "cond.h"
#include "cond_int.h"
#include "cond_parse.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	sk__xform_t xf;
} xform_names[] = {
	{"tolower", SK__XF_TOLOWER}, {"toupper", SK__XF_TOUPPER}, {"b64", SK__XF_B64},
	{"basename", SK__XF_BASENAME}, {"len", SK__XF_LEN}, {"join", SK__XF_JOIN},
	{"concat", SK__XF_CONCAT}, {"getopt", SK__XF_GETOPT},
};

/* Operators in the order the parser tries them; word operators need a
 * trailing blank, list operators need nothing after them. */
const sk__optab_t sk__op_table[] = {
	{"exists", SK__OP_EXISTS, OPK_EXISTS, false},
	{"<=", SK__OP_LE, OPK_NUM, false}, {"<", SK__OP_LT, OPK_NUM, false},
	{">=", SK__OP_GE, OPK_NUM, false}, {">", SK__OP_GT, OPK_NUM, false},
	{"==", SK__OP_EQ, OPK_STR, false}, {"=", SK__OP_EQ, OPK_STR, false},
	{"!=", SK__OP_NE, OPK_STR, false},
	{"glob", SK__OP_GLOB, OPK_STR, true}, {"iglob", SK__OP_IGLOB, OPK_STR, true},
	{"contains", SK__OP_CONTAINS, OPK_STR, true}, {"icontains", SK__OP_ICONTAINS, OPK_STR, true},
	{"bcontains", SK__OP_BCONTAINS, OPK_STR, true},
	{"startswith", SK__OP_STARTSWITH, OPK_STR, true},
	{"bstartswith", SK__OP_BSTARTSWITH, OPK_STR, true},
	{"endswith", SK__OP_ENDSWITH, OPK_STR, true}, {"regex", SK__OP_REGEX, OPK_STR, true},
	{"intersects", SK__OP_INTERSECTS, OPK_LIST, false}, {"in", SK__OP_IN, OPK_LIST, false},
	{"pmatch", SK__OP_PMATCH, OPK_LIST, false},
};

const size_t sk__op_table_n = sizeof(sk__op_table) / sizeof(sk__op_table[0]);

const char *sk__op_name(sk__op_t op)
{
	for (size_t i = 0; i < sk__op_table_n; i++)
		if (sk__op_table[i].op == op)
			return sk__op_table[i].text;
	return "?";
}

const char *sk__xform_name(sk__xform_t xf)
{
	if (xf == SK__XF_VAL)
		return "val";
	for (size_t i = 0; i < sizeof(xform_names) / sizeof(xform_names[0]); i++)
		if (xform_names[i].xf == xf)
			return xform_names[i].name;
	return "?";
}

void sk__p_err(parser_t *p, size_t at, int rc, const char *fmt, ...)
{
	if (p->rc)
		return;
	p->rc = rc;
	if (!p->err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	sk__pos_t pos;
	sk__pos_at(p->s, (uint32_t)at, &pos);
	p->err->off = pos.off;
	p->err->line = pos.line;
	p->err->col = pos.col;
}

void sk__p_oom(parser_t *p)
{
	sk__p_err(p, p->i, -ENOMEM, "out of memory");
}

bool sk__p_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\b' || c == '\r' || c == '\n';
}

int sk__p_cur(const parser_t *p)
{
	return p->i < p->n ? (unsigned char)p->s[p->i] : 0;
}

bool sk__p_skip_blanks(parser_t *p)
{
	size_t start = p->i;
	while (p->i < p->n && sk__p_is_blank(p->s[p->i]))
		p->i++;
	return p->i > start;
}

bool sk__p_lit_at(const parser_t *p, size_t at, const char *lit)
{
	size_t l = strlen(lit);
	return at + l <= p->n && memcmp(p->s + at, lit, l) == 0;
}

/* A short excerpt of the text at `at`, for error messages. */
const char *sk__p_near(const parser_t *p, size_t at, char *buf, size_t len)
{
	size_t k = 0;
	while (at + k < p->n && k + 1 < len && k < 20 && !sk__p_is_blank(p->s[at + k]))
		k++;
	if (k == 0 && at < p->n && len > 1)
		k = 1;
	memcpy(buf, p->s + at, k);
	buf[k] = 0;
	return buf;
}

void sk__p_set_pos(parser_t *p, sk__pos_t *pos, size_t at)
{
	/* scanning from the text start for every node made long chains quadratic */
	sk__pos_t c = p->last.line && p->last.off <= at ? p->last : (sk__pos_t){0, 1, 1};
	for (size_t i = c.off; i < at && i < p->n; i++) {
		if (p->s[i] == '\n') {
			c.line++;
			c.col = 1;
		} else {
			c.col++;
		}
	}
	c.off = (uint32_t)at;
	p->last = c;
	*pos = c;
}

/* ---- lexing helpers ------------------------------------------------- */

/* Decode a quoted string starting at p->i (the quote); Falco's escapes. */
char *sk__p_quoted(parser_t *p)
{
	char q = p->s[p->i];
	size_t start = p->i++;
	size_t cap = 16, len = 0;
	char *out = malloc(cap);
	if (!out) {
		sk__p_oom(p);
		return NULL;
	}
	while (p->i < p->n && p->s[p->i] != q) {
		char c = p->s[p->i];
		char add[2] = {c, 0};
		size_t nadd = 1;
		if (c == '\\') {
			char e = p->i + 1 < p->n ? p->s[p->i + 1] : 0;
			p->i++;
			switch (e) {
			case 'b': add[0] = '\b'; break;
			case 'f': add[0] = '\f'; break;
			case 'n': add[0] = '\n'; break;
			case 'r': add[0] = '\r'; break;
			case 't': add[0] = '\t'; break;
			case '\\': add[0] = '\\'; break;
			case '/': add[0] = '/'; break;
			case ' ': add[0] = '\\'; add[1] = ' '; nadd = 2; break;
			case 'x': {
				char hx[3] = {0};
				if (p->i + 2 < p->n && isxdigit((unsigned char)p->s[p->i + 1]) &&
				    isxdigit((unsigned char)p->s[p->i + 2])) {
					hx[0] = p->s[p->i + 1];
					hx[1] = p->s[p->i + 2];
					add[0] = (char)strtol(hx, NULL, 16);
					p->i += 2;
					break;
				}
				sk__p_err(p, p->i - 1, -EINVAL, "unsupported string escape sequence");
				free(out);
				return NULL;
			}
			default:
				if (e == q && e) {
					add[0] = q;
					break;
				}
				sk__p_err(p, p->i - 1, -EINVAL, "unsupported string escape sequence");
				free(out);
				return NULL;
			}
		}
		p->i++;
		if (len + nadd + 1 > cap) {
			cap = (cap + nadd) * 2;
			char *o2 = realloc(out, cap);
			if (!o2) {
				free(out);
				sk__p_oom(p);
				return NULL;
			}
			out = o2;
		}
		memcpy(out + len, add, nadd);
		len += nadd;
	}
	if (p->i >= p->n) {
		free(out);
		sk__p_err(p, start, -EINVAL, "unterminated string");
		return NULL;
	}
	p->i++; /* closing quote */
	out[len] = 0;
	return out;
}

static bool is_ident_start(int c)
{
	return isalpha(c);
}

bool sk__p_is_ident_char(int c)
{
	return isalnum(c) || c == '_';
}

/* Scan [a-zA-Z][a-zA-Z0-9_]* ( . [a-zA-Z][a-zA-Z0-9_]* )*; returns the
 * length (0 if none) and whether it has a dot. */
size_t sk__p_scan_name(const parser_t *p, size_t at, bool *dotted)
{
	size_t i = at;
	*dotted = false;
	if (i >= p->n || !is_ident_start((unsigned char)p->s[i]))
		return 0;
	while (i < p->n && sk__p_is_ident_char((unsigned char)p->s[i]))
		i++;
	while (i + 1 < p->n && p->s[i] == '.' && is_ident_start((unsigned char)p->s[i + 1])) {
		*dotted = true;
		i++;
		while (i < p->n && sk__p_is_ident_char((unsigned char)p->s[i]))
			i++;
	}
	return i - at;
}

sk__xform_t sk__p_xform_at(const parser_t *p, size_t at, size_t *len)
{
	for (size_t k = 0; k < sizeof(xform_names) / sizeof(xform_names[0]); k++) {
		size_t l = strlen(xform_names[k].name);
		if (sk__p_lit_at(p, at, xform_names[k].name) && at + l < p->n && p->s[at + l] == '(') {
			*len = l + 1;
			return xform_names[k].xf;
		}
	}
	return SK__XF_NONE;
}

char *sk__p_dup_range(parser_t *p, size_t a, size_t b)
{
	char *s = strndup(p->s + a, b - a);
	if (!s)
		sk__p_oom(p);
	return s;
}

/* "[" (QUOTED | ARGBARE) "]" directly at p->i; sets e->arg. */
static void parse_field_arg(parser_t *p, sk__expr_t *e)
{
	if (sk__p_cur(p) != '[')
		return;
	size_t open = p->i++;
	e->has_arg = true;
	if (sk__p_cur(p) == '"' || sk__p_cur(p) == '\'') {
		e->arg = sk__p_quoted(p);
	} else {
		size_t a = p->i;
		while (p->i < p->n && !strchr("[]\"'", p->s[p->i]) && !sk__p_is_blank(p->s[p->i]))
			p->i++;
		e->arg = sk__p_dup_range(p, a, p->i);
	}
	if (p->rc)
		return;
	if (sk__p_cur(p) != ']') {
		sk__p_err(p, open, -EINVAL, "expected ']' closing the field argument");
		return;
	}
	p->i++;
}

sk__expr_t *sk__p_field(parser_t *p)
{
	bool dotted;
	size_t l = sk__p_scan_name(p, p->i, &dotted);
	if (!l || !dotted) {
		char b[32];
		sk__p_err(p, p->i, -EINVAL, "expected a field name, got '%s'", sk__p_near(p, p->i, b, sizeof(b)));
		return NULL;
	}
	sk__expr_t *e = sk__expr_new(SK__EXPR_FIELD);
	if (!e) {
		sk__p_oom(p);
		return NULL;
	}
	sk__p_set_pos(p, &e->pos, p->i);
	e->text = sk__p_dup_range(p, p->i, p->i + l);
	p->i += l;
	parse_field_arg(p, e);
	if (p->rc) {
		sk__expr_free(e);
		return NULL;
	}
	return e;
}

bool sk__p_number(const parser_t *p, size_t at, size_t *len)
{
	size_t i = at;
	if (sk__p_lit_at(p, i, "0x") || sk__p_lit_at(p, i, "0X")) {
		i += 2;
		size_t d = i;
		while (i < p->n && isxdigit((unsigned char)p->s[i]))
			i++;
		*len = i - at;
		return i > d;
	}
	if (i < p->n && (p->s[i] == '+' || p->s[i] == '-'))
		i++;
	size_t d = i;
	while (i < p->n && isdigit((unsigned char)p->s[i]))
		i++;
	if (i == d)
		return false;
	if (i < p->n && p->s[i] == '.') {
		i++;
		while (i < p->n && isdigit((unsigned char)p->s[i]))
			i++;
	}
	if (i + 1 < p->n && (p->s[i] == 'e' || p->s[i] == 'E') &&
	    (p->s[i + 1] == '+' || p->s[i + 1] == '-')) {
		size_t j = i + 2, dd = j;
		while (j < p->n && isdigit((unsigned char)p->s[j]))
			j++;
		if (j > dd)
			i = j;
	}
	*len = i - at;
	return true;
}

sk__expr_t *sk__p_literal(parser_t *p, size_t a, size_t b, bool quoted, char *owned)
{
	sk__expr_t *e = sk__expr_new(SK__EXPR_LITERAL);
	if (!e) {
		free(owned);
		sk__p_oom(p);
		return NULL;
	}
	sk__p_set_pos(p, &e->pos, a);
	e->quoted = quoted;
	e->text = owned ? owned : sk__p_dup_range(p, a, b);
	if (!e->text) {
		sk__expr_free(e);
		return NULL;
	}
	return e;
}


/* it is NULL after a failed parse (error already set); on any failure it is freed. */
static int push_item(parser_t *p, sk__expr_t *l, sk__expr_t *it)
{
	if (!it)
		return -1;
	if (sk__expr_push(l, it)) {
		sk__expr_free(it);
		sk__p_oom(p);
		return -1;
	}
	return 0;
}

/* Consumes the separator after a list item: 1 on ',', 0 on the closing ')', -1 on anything else. */
static int list_sep(parser_t *p)
{
	sk__p_skip_blanks(p);
	if (sk__p_cur(p) == ',') {
		p->i++;
		return 1;
	}
	if (sk__p_cur(p) == ')') {
		p->i++;
		return 0;
	}
	return -1;
}

/* targ := transformer | field | QUOTED | NUMBER | "(" [tlistarg {, tlistarg}] ")" */
static sk__expr_t *parse_targ(parser_t *p, bool in_list)
{
	size_t len;
	bool dotted;
	sk__p_skip_blanks(p);
	size_t a = p->i;
	int c = sk__p_cur(p);
	if (c == '"' || c == '\'') {
		char *s = sk__p_quoted(p);
		return s ? sk__p_literal(p, a, p->i, true, s) : NULL;
	}
	if (sk__p_xform_at(p, a, &len) != SK__XF_NONE)
		return sk__p_xform(p);
	if (sk__p_scan_name(p, a, &dotted) && dotted)
		return sk__p_field(p);
	if (sk__p_number(p, a, &len)) {
		p->i += len;
		return sk__p_literal(p, a, p->i, false, NULL);
	}
	if (c == '(' && !in_list) {
		sk__expr_t *l = sk__expr_new(SK__EXPR_LIST);
		if (!l) {
			sk__p_oom(p);
			return NULL;
		}
		sk__p_set_pos(p, &l->pos, a);
		p->i++;
		sk__p_skip_blanks(p);
		if (sk__p_cur(p) == ')') {
			p->i++;
			return l;
		}
		int sep;
		do {
			if (push_item(p, l, parse_targ(p, true))) {
				sk__expr_free(l);
				return NULL;
			}
		} while ((sep = list_sep(p)) > 0);
		if (sep == 0)
			return l;
		sk__p_err(p, p->i, -EINVAL, "expected ',' or ')' in transformer list argument");
		sk__expr_free(l);
		return NULL;
	}
	char b[32];
	sk__p_err(p, a, -EINVAL, "invalid transformer argument '%s'", sk__p_near(p, a, b, sizeof(b)));
	return NULL;
}

sk__expr_t *sk__p_xform(parser_t *p)
{
	size_t len;
	size_t a = p->i;
	sk__xform_t xf = sk__p_xform_at(p, a, &len);
	sk__expr_t *e = sk__expr_new(SK__EXPR_XFORM);
	if (!e) {
		sk__p_oom(p);
		return NULL;
	}
	if (++p->depth > SK__COND_MAX_DEPTH) {
		sk__p_err(p, a, -EINVAL, "exceeded max depth limit of %d", SK__COND_MAX_DEPTH);
		goto fail;
	}
	sk__p_set_pos(p, &e->pos, a);
	e->xform = xf;
	e->text = sk__p_dup_range(p, a, a + len - 1);
	p->i += len;
	int sep;
	do {
		if (push_item(p, e, parse_targ(p, false)))
			goto fail;
	} while ((sep = list_sep(p)) > 0);
	if (sep < 0) {
		sk__p_err(p, p->i, -EINVAL, "expected ',' or ')' in %s()", e->text);
		goto fail;
	}
	parse_field_arg(p, e);
	if (p->rc)
		goto fail;
	p->depth--;
	return e;
fail:
	sk__expr_free(e);
	return NULL;
}

/* "val(" field ")" at p->i */
sk__expr_t *sk__p_val(parser_t *p)
{
	p->i += 4;
	sk__p_skip_blanks(p);
	sk__expr_t *f = sk__p_field(p);
	if (!f)
		return NULL;
	sk__p_skip_blanks(p);
	if (sk__p_cur(p) != ')') {
		sk__p_err(p, p->i, -EINVAL, "expected ')' after val(%s", f->text);
		sk__expr_free(f);
		return NULL;
	}
	p->i++;
	return f;
}

bool sk__p_bare_char(char c)
{
	return !sk__p_is_blank(c) && !strchr("()\"'=,", c) && c != 0;
}

/* listval := "(" [strval {"," strval}] ")" | IDENT */
sk__expr_t *sk__p_listval(parser_t *p, bool *bare_ident)
{
	size_t a = p->i;
	*bare_ident = false;
	sk__expr_t *l = sk__expr_new(SK__EXPR_LIST);
	if (!l) {
		sk__p_oom(p);
		return NULL;
	}
	sk__p_set_pos(p, &l->pos, a);
	if (sk__p_cur(p) != '(') {
		bool dotted;
		size_t n = sk__p_scan_name(p, a, &dotted);
		if (!n || dotted) {
			char b[32];
			sk__p_err(p, a, -EINVAL, "expected a list, got '%s'", sk__p_near(p, a, b, sizeof(b)));
			goto fail;
		}
		p->i += n;
		sk__expr_t *it = sk__p_literal(p, a, p->i, false, NULL);
		if (!it || sk__expr_push(l, it)) {
			if (it)
				sk__expr_free(it);
			sk__p_oom(p);
			goto fail;
		}
		*bare_ident = true;
		return l;
	}
	p->i++;
	sk__p_skip_blanks(p);
	if (sk__p_cur(p) == ')') {
		p->i++;
		return l;
	}
	for (;;) {
		sk__p_skip_blanks(p);
		size_t s = p->i;
		sk__expr_t *it = NULL;
		if (sk__p_cur(p) == '"' || sk__p_cur(p) == '\'') {
			char *q = sk__p_quoted(p);
			if (!q)
				goto fail;
			it = sk__p_literal(p, s, p->i, true, q);
		} else {
			while (p->i < p->n && sk__p_bare_char(p->s[p->i]))
				p->i++;
			if (p->i == s) {
				char b[32];
				sk__p_err(p, s, -EINVAL, "expected a list value, got '%s'",
					sk__p_near(p, s, b, sizeof(b)));
				goto fail;
			}
			it = sk__p_literal(p, s, p->i, false, NULL);
		}
		if (push_item(p, l, it))
			goto fail;
		int sep = list_sep(p);
		if (sep > 0)
			continue;
		if (sep == 0)
			return l;
		sk__p_err(p, p->i, -EINVAL, "expected ',' or ')' in list");
		goto fail;
	}
fail:
	sk__expr_free(l);
	return NULL;
}

bool sk__p_word_is(const parser_t *p, size_t at, const char *w)
{
	size_t l = strlen(w);
	return sk__p_lit_at(p, at, w) && (at + l >= p->n || !sk__p_is_ident_char((unsigned char)p->s[at + l]));
}

