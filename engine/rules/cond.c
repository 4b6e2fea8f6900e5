/*
 * cond.c - lexer and recursive-descent parser of the condition language
 * (grammar restated in shared/reference/rules-language.md 5.1), plus AST
 * helpers (free, clone, print, walk).
 */
#include "cond.h"
#include "cond_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
	const char *s;
	size_t n, i;
	int depth;
	int rc;              /* first error */
	sk__parse_err_t *err;
} parser_t;

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
enum { OPK_EXISTS, OPK_NUM, OPK_STR, OPK_LIST };
static const struct {
	const char *text;
	sk__op_t op;
	int kind;
	bool word;
} op_table[] = {
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

const char *sk__op_name(sk__op_t op)
{
	for (size_t i = 0; i < sizeof(op_table) / sizeof(op_table[0]); i++)
		if (op_table[i].op == op)
			return op_table[i].text;
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

void sk__pos_at(const char *text, uint32_t off, sk__pos_t *p)
{
	uint32_t line = 1, col = 1;
	for (uint32_t i = 0; i < off && text[i]; i++) {
		if (text[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	p->off = off;
	p->line = line;
	p->col = col;
}

static void perr(parser_t *p, size_t at, int rc, const char *fmt, ...)
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

static void oom(parser_t *p)
{
	perr(p, p->i, -ENOMEM, "out of memory");
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\b' || c == '\r' || c == '\n';
}

static int cur(const parser_t *p)
{
	return p->i < p->n ? (unsigned char)p->s[p->i] : 0;
}

static bool skip_blanks(parser_t *p)
{
	size_t start = p->i;
	while (p->i < p->n && is_blank(p->s[p->i]))
		p->i++;
	return p->i > start;
}

static bool lit_at(const parser_t *p, size_t at, const char *lit)
{
	size_t l = strlen(lit);
	return at + l <= p->n && memcmp(p->s + at, lit, l) == 0;
}

/* A short excerpt of the text at `at`, for error messages. */
static const char *near(const parser_t *p, size_t at, char *buf, size_t len)
{
	size_t k = 0;
	while (at + k < p->n && k + 1 < len && k < 20 && !is_blank(p->s[at + k]))
		k++;
	if (k == 0 && at < p->n && len > 1)
		k = 1;
	memcpy(buf, p->s + at, k);
	buf[k] = 0;
	return buf;
}

static void set_pos(parser_t *p, sk__pos_t *pos, size_t at)
{
	sk__pos_at(p->s, (uint32_t)at, pos);
}

sk__expr_t *sk__expr_new(sk__expr_kind_t kind)
{
	sk__expr_t *e = calloc(1, sizeof(*e));
	if (e)
		e->kind = kind;
	return e;
}

void sk__expr_free(sk__expr_t *e)
{
	if (!e)
		return;
	free(e->text);
	free(e->arg);
	for (size_t i = 0; i < e->nitems; i++)
		sk__expr_free(e->items[i]);
	free(e->items);
	free(e);
}

int sk__expr_push(sk__expr_t *e, sk__expr_t *item)
{
	sk__expr_t **v = realloc(e->items, (e->nitems + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	v[e->nitems++] = item;
	e->items = v;
	return 0;
}

static sk__ast_t *ast_new(sk__ast_kind_t kind)
{
	sk__ast_t *a = calloc(1, sizeof(*a));
	if (a)
		a->kind = kind;
	return a;
}

static int ast_push(sk__ast_t *a, sk__ast_t *kid)
{
	sk__ast_t **v = realloc(a->kids, (a->nkids + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	v[a->nkids++] = kid;
	a->kids = v;
	return 0;
}

void sk__ast_free(sk__ast_t *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nkids; i++)
		sk__ast_free(a->kids[i]);
	free(a->kids);
	if (a->kind == SK__AST_CHECK) {
		sk__expr_free(a->u.check.lhs);
		sk__expr_free(a->u.check.rhs);
	} else if (a->kind == SK__AST_IDENT) {
		free(a->u.ident);
	}
	free(a);
}

/* ---- lexing helpers ------------------------------------------------- */

/* Decode a quoted string starting at p->i (the quote); Falco's escapes. */
static char *lex_quoted(parser_t *p)
{
	char q = p->s[p->i];
	size_t start = p->i++;
	size_t cap = 16, len = 0;
	char *out = malloc(cap);
	if (!out) {
		oom(p);
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
				perr(p, p->i - 1, -EINVAL, "unsupported string escape sequence");
				free(out);
				return NULL;
			}
			default:
				if (e == q && e) {
					add[0] = q;
					break;
				}
				perr(p, p->i - 1, -EINVAL, "unsupported string escape sequence");
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
				oom(p);
				return NULL;
			}
			out = o2;
		}
		memcpy(out + len, add, nadd);
		len += nadd;
	}
	if (p->i >= p->n) {
		free(out);
		perr(p, start, -EINVAL, "unterminated string");
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

static bool is_ident_char(int c)
{
	return isalnum(c) || c == '_';
}

/* Scan [a-zA-Z][a-zA-Z0-9_]* ( . [a-zA-Z][a-zA-Z0-9_]* )*; returns the
 * length (0 if none) and whether it has a dot. */
static size_t scan_name(const parser_t *p, size_t at, bool *dotted)
{
	size_t i = at;
	*dotted = false;
	if (i >= p->n || !is_ident_start((unsigned char)p->s[i]))
		return 0;
	while (i < p->n && is_ident_char((unsigned char)p->s[i]))
		i++;
	while (i + 1 < p->n && p->s[i] == '.' && is_ident_start((unsigned char)p->s[i + 1])) {
		*dotted = true;
		i++;
		while (i < p->n && is_ident_char((unsigned char)p->s[i]))
			i++;
	}
	return i - at;
}

static sk__xform_t xform_at(const parser_t *p, size_t at, size_t *len)
{
	for (size_t k = 0; k < sizeof(xform_names) / sizeof(xform_names[0]); k++) {
		size_t l = strlen(xform_names[k].name);
		if (lit_at(p, at, xform_names[k].name) && at + l < p->n && p->s[at + l] == '(') {
			*len = l + 1;
			return xform_names[k].xf;
		}
	}
	return SK__XF_NONE;
}

static char *dup_range(parser_t *p, size_t a, size_t b)
{
	char *s = strndup(p->s + a, b - a);
	if (!s)
		oom(p);
	return s;
}

/* "[" (QUOTED | ARGBARE) "]" directly at p->i; sets e->arg. */
static void parse_field_arg(parser_t *p, sk__expr_t *e)
{
	if (cur(p) != '[')
		return;
	size_t open = p->i++;
	e->has_arg = true;
	if (cur(p) == '"' || cur(p) == '\'') {
		e->arg = lex_quoted(p);
	} else {
		size_t a = p->i;
		while (p->i < p->n && !strchr("[]\"'", p->s[p->i]) && !is_blank(p->s[p->i]))
			p->i++;
		e->arg = dup_range(p, a, p->i);
	}
	if (p->rc)
		return;
	if (cur(p) != ']') {
		perr(p, open, -EINVAL, "expected ']' closing the field argument");
		return;
	}
	p->i++;
}

static sk__expr_t *parse_field(parser_t *p)
{
	bool dotted;
	size_t l = scan_name(p, p->i, &dotted);
	if (!l || !dotted) {
		char b[32];
		perr(p, p->i, -EINVAL, "expected a field name, got '%s'", near(p, p->i, b, sizeof(b)));
		return NULL;
	}
	sk__expr_t *e = sk__expr_new(SK__EXPR_FIELD);
	if (!e) {
		oom(p);
		return NULL;
	}
	set_pos(p, &e->pos, p->i);
	e->text = dup_range(p, p->i, p->i + l);
	p->i += l;
	parse_field_arg(p, e);
	if (p->rc) {
		sk__expr_free(e);
		return NULL;
	}
	return e;
}

static bool at_number(const parser_t *p, size_t at, size_t *len)
{
	size_t i = at;
	if (lit_at(p, i, "0x") || lit_at(p, i, "0X")) {
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

static sk__expr_t *literal(parser_t *p, size_t a, size_t b, bool quoted, char *owned)
{
	sk__expr_t *e = sk__expr_new(SK__EXPR_LITERAL);
	if (!e) {
		free(owned);
		oom(p);
		return NULL;
	}
	set_pos(p, &e->pos, a);
	e->quoted = quoted;
	e->text = owned ? owned : dup_range(p, a, b);
	if (!e->text) {
		sk__expr_free(e);
		return NULL;
	}
	return e;
}

static sk__expr_t *parse_xform(parser_t *p);

/* targ := transformer | field | QUOTED | NUMBER | "(" [tlistarg {, tlistarg}] ")" */
static sk__expr_t *parse_targ(parser_t *p, bool in_list)
{
	size_t len;
	bool dotted;
	skip_blanks(p);
	size_t a = p->i;
	int c = cur(p);
	if (c == '"' || c == '\'') {
		char *s = lex_quoted(p);
		return s ? literal(p, a, p->i, true, s) : NULL;
	}
	if (xform_at(p, a, &len) != SK__XF_NONE)
		return parse_xform(p);
	if (scan_name(p, a, &dotted) && dotted)
		return parse_field(p);
	if (at_number(p, a, &len)) {
		p->i += len;
		return literal(p, a, p->i, false, NULL);
	}
	if (c == '(' && !in_list) {
		sk__expr_t *l = sk__expr_new(SK__EXPR_LIST);
		if (!l) {
			oom(p);
			return NULL;
		}
		set_pos(p, &l->pos, a);
		p->i++;
		skip_blanks(p);
		if (cur(p) == ')') {
			p->i++;
			return l;
		}
		for (;;) {
			sk__expr_t *it = parse_targ(p, true);
			if (!it || sk__expr_push(l, it)) {
				if (it) {
					sk__expr_free(it);
					oom(p);
				}
				sk__expr_free(l);
				return NULL;
			}
			skip_blanks(p);
			if (cur(p) == ',') {
				p->i++;
				continue;
			}
			if (cur(p) == ')') {
				p->i++;
				return l;
			}
			perr(p, p->i, -EINVAL, "expected ',' or ')' in transformer list argument");
			sk__expr_free(l);
			return NULL;
		}
	}
	char b[32];
	perr(p, a, -EINVAL, "invalid transformer argument '%s'", near(p, a, b, sizeof(b)));
	return NULL;
}

static sk__expr_t *parse_xform(parser_t *p)
{
	size_t len;
	size_t a = p->i;
	sk__xform_t xf = xform_at(p, a, &len);
	sk__expr_t *e = sk__expr_new(SK__EXPR_XFORM);
	if (!e) {
		oom(p);
		return NULL;
	}
	if (++p->depth > SK__COND_MAX_DEPTH) {
		perr(p, a, -EINVAL, "exceeded max depth limit of %d", SK__COND_MAX_DEPTH);
		goto fail;
	}
	set_pos(p, &e->pos, a);
	e->xform = xf;
	e->text = dup_range(p, a, a + len - 1);
	p->i += len;
	for (;;) {
		sk__expr_t *it = parse_targ(p, false);
		if (!it)
			goto fail;
		if (sk__expr_push(e, it)) {
			sk__expr_free(it);
			oom(p);
			goto fail;
		}
		skip_blanks(p);
		if (cur(p) == ',') {
			p->i++;
			continue;
		}
		if (cur(p) == ')') {
			p->i++;
			break;
		}
		perr(p, p->i, -EINVAL, "expected ',' or ')' in %s()", e->text);
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
static sk__expr_t *parse_val(parser_t *p)
{
	p->i += 4;
	skip_blanks(p);
	sk__expr_t *f = parse_field(p);
	if (!f)
		return NULL;
	skip_blanks(p);
	if (cur(p) != ')') {
		perr(p, p->i, -EINVAL, "expected ')' after val(%s", f->text);
		sk__expr_free(f);
		return NULL;
	}
	p->i++;
	return f;
}

static bool bare_char(char c)
{
	return !is_blank(c) && !strchr("()\"'=,", c) && c != 0;
}

/* listval := "(" [strval {"," strval}] ")" | IDENT */
static sk__expr_t *parse_listval(parser_t *p, bool *bare_ident)
{
	size_t a = p->i;
	*bare_ident = false;
	sk__expr_t *l = sk__expr_new(SK__EXPR_LIST);
	if (!l) {
		oom(p);
		return NULL;
	}
	set_pos(p, &l->pos, a);
	if (cur(p) != '(') {
		bool dotted;
		size_t n = scan_name(p, a, &dotted);
		if (!n || dotted) {
			char b[32];
			perr(p, a, -EINVAL, "expected a list, got '%s'", near(p, a, b, sizeof(b)));
			goto fail;
		}
		p->i += n;
		sk__expr_t *it = literal(p, a, p->i, false, NULL);
		if (!it || sk__expr_push(l, it)) {
			if (it)
				sk__expr_free(it);
			oom(p);
			goto fail;
		}
		*bare_ident = true;
		return l;
	}
	p->i++;
	skip_blanks(p);
	if (cur(p) == ')') {
		p->i++;
		return l;
	}
	for (;;) {
		skip_blanks(p);
		size_t s = p->i;
		sk__expr_t *it = NULL;
		if (cur(p) == '"' || cur(p) == '\'') {
			char *q = lex_quoted(p);
			if (!q)
				goto fail;
			it = literal(p, s, p->i, true, q);
		} else {
			while (p->i < p->n && bare_char(p->s[p->i]))
				p->i++;
			if (p->i == s) {
				char b[32];
				perr(p, s, -EINVAL, "expected a list value, got '%s'",
					near(p, s, b, sizeof(b)));
				goto fail;
			}
			it = literal(p, s, p->i, false, NULL);
		}
		if (!it)
			goto fail;
		if (sk__expr_push(l, it)) {
			sk__expr_free(it);
			oom(p);
			goto fail;
		}
		skip_blanks(p);
		if (cur(p) == ',') {
			p->i++;
			continue;
		}
		if (cur(p) == ')') {
			p->i++;
			return l;
		}
		perr(p, p->i, -EINVAL, "expected ',' or ')' in list");
		goto fail;
	}
fail:
	sk__expr_free(l);
	return NULL;
}

static bool word_is(const parser_t *p, size_t at, const char *w)
{
	size_t l = strlen(w);
	return lit_at(p, at, w) && (at + l >= p->n || !is_ident_char((unsigned char)p->s[at + l]));
}

/* Operator and right-hand side after lhs. */
static int parse_cond(parser_t *p, sk__check_node_t *ck)
{
	skip_blanks(p);
	size_t a = p->i;
	size_t k;
	for (k = 0; k < sizeof(op_table) / sizeof(op_table[0]); k++) {
		const char *t = op_table[k].text;
		size_t l = strlen(t);
		if (!lit_at(p, a, t))
			continue;
		if (op_table[k].word && !(a + l < p->n && is_blank(p->s[a + l])))
			continue;
		if (op_table[k].kind == OPK_EXISTS && a + l < p->n &&
		    is_ident_char((unsigned char)p->s[a + l]))
			continue;
		p->i += l;
		break;
	}
	if (k == sizeof(op_table) / sizeof(op_table[0])) {
		char b[32];
		perr(p, a, -EINVAL, "expected an operator, got '%s'", near(p, a, b, sizeof(b)));
		return p->rc;
	}
	ck->op = op_table[k].op;
	snprintf(ck->opname, sizeof(ck->opname), "%s", op_table[k].text);
	int kind = op_table[k].kind;
	if (kind == OPK_EXISTS)
		return 0;
	skip_blanks(p);
	size_t v = p->i, len;
	if (lit_at(p, v, "val(")) {
		ck->rhs = parse_val(p);
		ck->rhs_val = true;
		return ck->rhs ? 0 : p->rc;
	}
	if (xform_at(p, v, &len) != SK__XF_NONE) {
		ck->rhs = parse_xform(p);
		return ck->rhs ? 0 : p->rc;
	}
	if (kind == OPK_NUM) {
		if (!at_number(p, v, &len)) {
			char b[32];
			perr(p, v, -EINVAL, "expected a number after '%s', got '%s'", ck->opname,
				near(p, v, b, sizeof(b)));
			return p->rc;
		}
		p->i += len;
		ck->rhs = literal(p, v, p->i, false, NULL);
		return ck->rhs ? 0 : p->rc;
	}
	if (kind == OPK_STR) {
		static const struct {
			const char *w;
			sk__mod_t m;
		} mods[] = {{"oneof", SK__MOD_ONEOF}, {"anyof", SK__MOD_ANYOF}, {"allof", SK__MOD_ALLOF}};
		for (size_t m = 0; m < 3; m++) {
			size_t l = strlen(mods[m].w);
			if (!lit_at(p, v, mods[m].w) || !(v + l < p->n && is_blank(p->s[v + l])))
				continue;
			size_t j = v + l;
			while (j < p->n && is_blank(p->s[j]))
				j++;
			bool dotted;
			size_t il = scan_name(p, j, &dotted);
			bool ok = (j < p->n && p->s[j] == '(') ||
				  (il && !dotted && !word_is(p, j, "and") && !word_is(p, j, "or") &&
				   !word_is(p, j, "not"));
			if (!ok)
				continue;
			ck->mod = mods[m].m;
			p->i = j;
			ck->rhs = parse_listval(p, &ck->rhs_bare_ident);
			return ck->rhs ? 0 : p->rc;
		}
		if (cur(p) == '"' || cur(p) == '\'') {
			char *q = lex_quoted(p);
			if (!q)
				return p->rc;
			ck->rhs = literal(p, v, p->i, true, q);
			return ck->rhs ? 0 : p->rc;
		}
		while (p->i < p->n && bare_char(p->s[p->i]))
			p->i++;
		if (p->i == v) {
			char b[32];
			perr(p, v, -EINVAL, "expected a value after '%s', got '%s'", ck->opname,
				near(p, v, b, sizeof(b)));
			return p->rc;
		}
		ck->rhs = literal(p, v, p->i, false, NULL);
		return ck->rhs ? 0 : p->rc;
	}
	ck->rhs = parse_listval(p, &ck->rhs_bare_ident);
	return ck->rhs ? 0 : p->rc;
}

static sk__ast_t *parse_or(parser_t *p);

static sk__ast_t *parse_check(parser_t *p)
{
	skip_blanks(p);
	size_t a = p->i;
	size_t len;
	bool dotted;
	if (cur(p) == '(') {
		p->i++;
		sk__ast_t *g = ast_new(SK__AST_GROUP);
		if (!g) {
			oom(p);
			return NULL;
		}
		set_pos(p, &g->pos, a);
		sk__ast_t *e = parse_or(p);
		if (!e || ast_push(g, e)) {
			if (e)
				oom(p);
			sk__ast_free(e);
			sk__ast_free(g);
			return NULL;
		}
		skip_blanks(p);
		if (cur(p) != ')') {
			char b[32];
			if (p->i >= p->n)
				perr(p, a, -EINVAL, "missing ')' for '(' here");
			else
				perr(p, p->i, -EINVAL, "expected ')', got '%s'", near(p, p->i, b, sizeof(b)));
			sk__ast_free(g);
			return NULL;
		}
		p->i++;
		return g;
	}
	sk__expr_t *lhs = NULL;
	if (xform_at(p, a, &len) != SK__XF_NONE) {
		lhs = parse_xform(p);
	} else if ((len = scan_name(p, a, &dotted)) && dotted) {
		lhs = parse_field(p);
	} else if (len) {
		sk__ast_t *id = ast_new(SK__AST_IDENT);
		if (!id) {
			oom(p);
			return NULL;
		}
		set_pos(p, &id->pos, a);
		id->u.ident = dup_range(p, a, a + len);
		p->i += len;
		if (!id->u.ident) {
			sk__ast_free(id);
			return NULL;
		}
		return id;
	} else {
		char b[32];
		if (p->i >= p->n)
			perr(p, a, -EINVAL, "unexpected end of condition");
		else
			perr(p, a, -EINVAL, "unexpected token '%s'", near(p, a, b, sizeof(b)));
		return NULL;
	}
	if (!lhs)
		return NULL;
	sk__ast_t *c = ast_new(SK__AST_CHECK);
	if (!c) {
		sk__expr_free(lhs);
		oom(p);
		return NULL;
	}
	set_pos(p, &c->pos, a);
	c->u.check.lhs = lhs;
	if (parse_cond(p, &c->u.check)) {
		sk__ast_free(c);
		return NULL;
	}
	return c;
}

static sk__ast_t *parse_not(parser_t *p)
{
	skip_blanks(p);
	size_t a = p->i;
	if (lit_at(p, a, "not") && a + 3 < p->n && (is_blank(p->s[a + 3]) || p->s[a + 3] == '(')) {
		p->i += 3;
		if (++p->depth > SK__COND_MAX_DEPTH) {
			perr(p, a, -EINVAL, "exceeded max depth limit of %d", SK__COND_MAX_DEPTH);
			return NULL;
		}
		sk__ast_t *n = ast_new(SK__AST_NOT);
		if (!n) {
			oom(p);
			return NULL;
		}
		set_pos(p, &n->pos, a);
		sk__ast_t *k = parse_not(p);
		if (!k || ast_push(n, k)) {
			if (k)
				oom(p);
			sk__ast_free(k);
			sk__ast_free(n);
			return NULL;
		}
		p->depth--;
		return n;
	}
	return parse_check(p);
}

/* Shared loop of parse_and / parse_or: n-ary node of `kind` joined by `kw`. */
static sk__ast_t *parse_nary(parser_t *p, sk__ast_kind_t kind, const char *kw,
	sk__ast_t *(*sub)(parser_t *))
{
	if (++p->depth > SK__COND_MAX_DEPTH) {
		perr(p, p->i, -EINVAL, "exceeded max depth limit of %d", SK__COND_MAX_DEPTH);
		return NULL;
	}
	size_t a = p->i;
	sk__ast_t *first = sub(p);
	if (!first)
		return NULL;
	sk__ast_t *node = NULL;
	size_t kl = strlen(kw);
	for (;;) {
		size_t save = p->i;
		skip_blanks(p);
		if (!lit_at(p, p->i, kw)) {
			p->i = save;
			break;
		}
		size_t at = p->i + kl;
		if (at >= p->n || !(is_blank(p->s[at]) || p->s[at] == '(')) {
			if (at < p->n && is_ident_char((unsigned char)p->s[at])) {
				p->i = save;
				break;
			}
			perr(p, at, -EINVAL, "expected blank or '(' after '%s'", kw);
			goto fail;
		}
		p->i = at;
		if (!node) {
			node = ast_new(kind);
			if (!node || ast_push(node, first)) {
				free(node);
				node = NULL;
				oom(p);
				goto fail;
			}
			set_pos(p, &node->pos, a);
			first = NULL;
		}
		sk__ast_t *k = sub(p);
		if (!k)
			goto fail;
		if (ast_push(node, k)) {
			sk__ast_free(k);
			oom(p);
			goto fail;
		}
	}
	p->depth--;
	return node ? node : first;
fail:
	sk__ast_free(first);
	sk__ast_free(node);
	return NULL;
}

static sk__ast_t *parse_and(parser_t *p)
{
	return parse_nary(p, SK__AST_AND, "and", parse_not);
}

static sk__ast_t *parse_or(parser_t *p)
{
	return parse_nary(p, SK__AST_OR, "or", parse_and);
}

int sk__cond_parse(const char *text, sk__ast_t **out, sk__parse_err_t *err)
{
	parser_t p = {.s = text ? text : "", .err = err};
	p.n = strlen(p.s);
	*out = NULL;
	if (err)
		memset(err, 0, sizeof(*err));
	skip_blanks(&p);
	if (p.i >= p.n) {
		perr(&p, 0, -EINVAL, "filter input string is empty");
		return p.rc;
	}
	sk__ast_t *a = parse_or(&p);
	if (!a)
		return p.rc ? p.rc : -EINVAL;
	skip_blanks(&p);
	if (p.i < p.n) {
		/* name the last token we accepted, as Falco does */
		size_t e = p.i;
		while (e > 0 && is_blank(p.s[e - 1]))
			e--;
		size_t b = e;
		while (b > 0 && !is_blank(p.s[b - 1]))
			b--;
		char prev[48];
		size_t l = e - b < sizeof(prev) - 1 ? e - b : sizeof(prev) - 1;
		memcpy(prev, p.s + b, l);
		prev[l] = 0;
		perr(&p, p.i, -EINVAL, "unexpected token after '%s', expecting 'or', 'and'", prev);
		sk__ast_free(a);
		return p.rc;
	}
	*out = a;
	return 0;
}

/* Parse one value expression (field or transformer) at text+start, as used
 * by output formats. */
int sk__cond_parse_expr(const char *text, size_t start, size_t *end, sk__expr_t **out,
	sk__parse_err_t *err)
{
	parser_t p = {.s = text, .err = err, .i = start};
	p.n = strlen(text);
	size_t len;
	if (err)
		memset(err, 0, sizeof(*err));
	*out = xform_at(&p, start, &len) != SK__XF_NONE ? parse_xform(&p) : parse_field(&p);
	if (!*out)
		return p.rc ? p.rc : -EINVAL;
	*end = p.i;
	return 0;
}

/* ---- clone / print / walk ------------------------------------------ */

sk__expr_t *sk__expr_clone(const sk__expr_t *e)
{
	if (!e)
		return NULL;
	sk__expr_t *c = sk__expr_new(e->kind);
	if (!c)
		return NULL;
	c->pos = e->pos;
	c->has_arg = e->has_arg;
	c->quoted = e->quoted;
	c->xform = e->xform;
	if ((e->text && !(c->text = strdup(e->text))) || (e->arg && !(c->arg = strdup(e->arg))))
		goto fail;
	for (size_t i = 0; i < e->nitems; i++) {
		sk__expr_t *it = sk__expr_clone(e->items[i]);
		if (!it || sk__expr_push(c, it)) {
			sk__expr_free(it);
			goto fail;
		}
	}
	return c;
fail:
	sk__expr_free(c);
	return NULL;
}

sk__ast_t *sk__ast_clone(const sk__ast_t *a)
{
	if (!a)
		return NULL;
	sk__ast_t *c = ast_new(a->kind);
	if (!c)
		return NULL;
	c->pos = a->pos;
	if (a->kind == SK__AST_IDENT) {
		if (!(c->u.ident = strdup(a->u.ident)))
			goto fail;
	} else if (a->kind == SK__AST_CHECK) {
		c->u.check = a->u.check;
		c->u.check.lhs = sk__expr_clone(a->u.check.lhs);
		c->u.check.rhs = sk__expr_clone(a->u.check.rhs);
		if (!c->u.check.lhs || (a->u.check.rhs && !c->u.check.rhs))
			goto fail;
	}
	for (size_t i = 0; i < a->nkids; i++) {
		sk__ast_t *k = sk__ast_clone(a->kids[i]);
		if (!k || ast_push(c, k)) {
			sk__ast_free(k);
			goto fail;
		}
	}
	return c;
fail:
	sk__ast_free(c);
	return NULL;
}

typedef struct sbuf {
	char *b;
	size_t len, n;
} sbuf_t;

static void sb_put(sbuf_t *s, const char *t, size_t l)
{
	for (size_t i = 0; i < l; i++, s->n++)
		if (s->n + 1 < s->len)
			s->b[s->n] = t[i];
	if (s->len)
		s->b[s->n < s->len ? s->n : s->len - 1] = 0;
}

static void sb_str(sbuf_t *s, const char *t)
{
	sb_put(s, t, strlen(t));
}

static void print_expr(sbuf_t *s, const sk__expr_t *e)
{
	switch (e->kind) {
	case SK__EXPR_FIELD:
	case SK__EXPR_XFORM:
		sb_str(s, e->text);
		if (e->kind == SK__EXPR_XFORM) {
			sb_str(s, "(");
			for (size_t i = 0; i < e->nitems; i++) {
				if (i)
					sb_str(s, ", ");
				print_expr(s, e->items[i]);
			}
			sb_str(s, ")");
		}
		if (e->has_arg) {
			sb_str(s, "[");
			sb_str(s, e->arg ? e->arg : "");
			sb_str(s, "]");
		}
		break;
	case SK__EXPR_LITERAL:
		if (e->quoted) {
			sb_str(s, "\"");
			for (const char *c = e->text; *c; c++) {
				if (*c == '"' || *c == '\\')
					sb_str(s, "\\");
				sb_put(s, c, 1);
			}
			sb_str(s, "\"");
		} else {
			sb_str(s, e->text);
		}
		break;
	case SK__EXPR_LIST:
		sb_str(s, "(");
		for (size_t i = 0; i < e->nitems; i++) {
			if (i)
				sb_str(s, ", ");
			print_expr(s, e->items[i]);
		}
		sb_str(s, ")");
		break;
	}
}

static void print_ast(sbuf_t *s, const sk__ast_t *a)
{
	switch (a->kind) {
	case SK__AST_AND:
	case SK__AST_OR:
		for (size_t i = 0; i < a->nkids; i++) {
			if (i)
				sb_str(s, a->kind == SK__AST_AND ? " and " : " or ");
			print_ast(s, a->kids[i]);
		}
		break;
	case SK__AST_NOT:
		sb_str(s, "not ");
		print_ast(s, a->kids[0]);
		break;
	case SK__AST_GROUP:
		sb_str(s, "(");
		print_ast(s, a->kids[0]);
		sb_str(s, ")");
		break;
	case SK__AST_IDENT:
		sb_str(s, a->u.ident);
		break;
	case SK__AST_CHECK: {
		const sk__check_node_t *c = &a->u.check;
		print_expr(s, c->lhs);
		sb_str(s, " ");
		sb_str(s, sk__op_name(c->op));
		if (c->mod) {
			static const char *m[] = {"", " oneof", " anyof", " allof"};
			sb_str(s, m[c->mod]);
		}
		if (c->rhs) {
			sb_str(s, " ");
			if (c->rhs_val)
				sb_str(s, "val(");
			if (c->rhs_bare_ident)
				sb_str(s, c->rhs->items[0]->text);
			else
				print_expr(s, c->rhs);
			if (c->rhs_val)
				sb_str(s, ")");
		}
		break;
	}
	}
}

size_t sk__ast_print(const sk__ast_t *ast, char *buf, size_t len)
{
	sbuf_t s = {buf, len, 0};
	if (len)
		buf[0] = 0;
	if (ast)
		print_ast(&s, ast);
	return s.n;
}

void sk__ast_foreach_ident(const sk__ast_t *a, void (*fn)(void *ud, const char *name,
	const sk__ast_t *node), void *ud)
{
	if (!a)
		return;
	if (a->kind == SK__AST_IDENT)
		fn(ud, a->u.ident, a);
	for (size_t i = 0; i < a->nkids; i++)
		sk__ast_foreach_ident(a->kids[i], fn, ud);
}
