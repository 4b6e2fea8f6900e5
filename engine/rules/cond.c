/*
 * cond.c - recursive-descent parser of the condition language (grammar
 * restated in shared/reference/rules-language.md 5.1): and/or/not,
 * parentheses, checks with operators and modifiers, macro identifiers.
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

/* Operator and right-hand side after lhs. */
static int parse_cond(parser_t *p, sk__check_node_t *ck)
{
	sk__p_skip_blanks(p);
	size_t a = p->i;
	size_t k;
	for (k = 0; k < sk__op_table_n; k++) {
		const char *t = sk__op_table[k].text;
		size_t l = strlen(t);
		if (!sk__p_lit_at(p, a, t))
			continue;
		if (sk__op_table[k].word && !(a + l < p->n && sk__p_is_blank(p->s[a + l])))
			continue;
		if (sk__op_table[k].kind == OPK_EXISTS && a + l < p->n &&
		    sk__p_is_ident_char((unsigned char)p->s[a + l]))
			continue;
		p->i += l;
		break;
	}
	if (k == sk__op_table_n) {
		char b[32];
		sk__p_err(p, a, -EINVAL, "expected an operator, got '%s'", sk__p_near(p, a, b, sizeof(b)));
		return p->rc;
	}
	ck->op = sk__op_table[k].op;
	snprintf(ck->opname, sizeof(ck->opname), "%s", sk__op_table[k].text);
	int kind = sk__op_table[k].kind;
	if (kind == OPK_EXISTS)
		return 0;
	sk__p_skip_blanks(p);
	size_t v = p->i, len;
	if (sk__p_lit_at(p, v, "val(")) {
		ck->rhs = sk__p_val(p);
		ck->rhs_val = true;
		return ck->rhs ? 0 : p->rc;
	}
	if (sk__p_xform_at(p, v, &len) != SK__XF_NONE) {
		ck->rhs = sk__p_xform(p);
		return ck->rhs ? 0 : p->rc;
	}
	if (kind == OPK_NUM) {
		if (!sk__p_number(p, v, &len)) {
			char b[32];
			sk__p_err(p, v, -EINVAL, "expected a number after '%s', got '%s'", ck->opname,
				sk__p_near(p, v, b, sizeof(b)));
			return p->rc;
		}
		p->i += len;
		ck->rhs = sk__p_literal(p, v, p->i, false, NULL);
		return ck->rhs ? 0 : p->rc;
	}
	if (kind == OPK_STR) {
		static const struct {
			const char *w;
			sk__mod_t m;
		} mods[] = {{"oneof", SK__MOD_ONEOF}, {"anyof", SK__MOD_ANYOF}, {"allof", SK__MOD_ALLOF}};
		for (size_t m = 0; m < 3; m++) {
			size_t l = strlen(mods[m].w);
			if (!sk__p_lit_at(p, v, mods[m].w) || !(v + l < p->n && sk__p_is_blank(p->s[v + l])))
				continue;
			size_t j = v + l;
			while (j < p->n && sk__p_is_blank(p->s[j]))
				j++;
			bool dotted;
			size_t il = sk__p_scan_name(p, j, &dotted);
			bool ok = (j < p->n && p->s[j] == '(') ||
				  (il && !dotted && !sk__p_word_is(p, j, "and") && !sk__p_word_is(p, j, "or") &&
				   !sk__p_word_is(p, j, "not"));
			if (!ok)
				continue;
			ck->mod = mods[m].m;
			p->i = j;
			ck->rhs = sk__p_listval(p, &ck->rhs_bare_ident);
			return ck->rhs ? 0 : p->rc;
		}
		if (sk__p_cur(p) == '"' || sk__p_cur(p) == '\'') {
			char *q = sk__p_quoted(p);
			if (!q)
				return p->rc;
			ck->rhs = sk__p_literal(p, v, p->i, true, q);
			return ck->rhs ? 0 : p->rc;
		}
		while (p->i < p->n && sk__p_bare_char(p->s[p->i]))
			p->i++;
		if (p->i == v) {
			char b[32];
			sk__p_err(p, v, -EINVAL, "expected a value after '%s', got '%s'", ck->opname,
				sk__p_near(p, v, b, sizeof(b)));
			return p->rc;
		}
		ck->rhs = sk__p_literal(p, v, p->i, false, NULL);
		return ck->rhs ? 0 : p->rc;
	}
	ck->rhs = sk__p_listval(p, &ck->rhs_bare_ident);
	return ck->rhs ? 0 : p->rc;
}

static sk__ast_t *parse_or(parser_t *p);

static sk__ast_t *parse_check(parser_t *p)
{
	sk__p_skip_blanks(p);
	size_t a = p->i;
	size_t len;
	bool dotted;
	if (sk__p_cur(p) == '(') {
		p->i++;
		sk__ast_t *g = sk__ast_new(SK__AST_GROUP);
		if (!g) {
			sk__p_oom(p);
			return NULL;
		}
		sk__p_set_pos(p, &g->pos, a);
		sk__ast_t *e = parse_or(p);
		if (!e || sk__ast_push(g, e)) {
			if (e)
				sk__p_oom(p);
			sk__ast_free(e);
			sk__ast_free(g);
			return NULL;
		}
		sk__p_skip_blanks(p);
		if (sk__p_cur(p) != ')') {
			char b[32];
			if (p->i >= p->n)
				sk__p_err(p, a, -EINVAL, "missing ')' for '(' here");
			else
				sk__p_err(p, p->i, -EINVAL, "expected ')', got '%s'", sk__p_near(p, p->i, b, sizeof(b)));
			sk__ast_free(g);
			return NULL;
		}
		p->i++;
		return g;
	}
	sk__expr_t *lhs = NULL;
	if (sk__p_xform_at(p, a, &len) != SK__XF_NONE) {
		lhs = sk__p_xform(p);
	} else if ((len = sk__p_scan_name(p, a, &dotted)) && dotted) {
		lhs = sk__p_field(p);
	} else if (len) {
		sk__ast_t *id = sk__ast_new(SK__AST_IDENT);
		if (!id) {
			sk__p_oom(p);
			return NULL;
		}
		sk__p_set_pos(p, &id->pos, a);
		id->u.ident = sk__p_dup_range(p, a, a + len);
		p->i += len;
		if (!id->u.ident) {
			sk__ast_free(id);
			return NULL;
		}
		return id;
	} else {
		char b[32];
		if (p->i >= p->n)
			sk__p_err(p, a, -EINVAL, "unexpected end of condition");
		else
			sk__p_err(p, a, -EINVAL, "unexpected token '%s'", sk__p_near(p, a, b, sizeof(b)));
		return NULL;
	}
	if (!lhs)
		return NULL;
	sk__ast_t *c = sk__ast_new(SK__AST_CHECK);
	if (!c) {
		sk__expr_free(lhs);
		sk__p_oom(p);
		return NULL;
	}
	sk__p_set_pos(p, &c->pos, a);
	c->u.check.lhs = lhs;
	if (parse_cond(p, &c->u.check)) {
		sk__ast_free(c);
		return NULL;
	}
	return c;
}

static sk__ast_t *parse_not(parser_t *p)
{
	sk__p_skip_blanks(p);
	size_t a = p->i;
	if (sk__p_lit_at(p, a, "not") && a + 3 < p->n && (sk__p_is_blank(p->s[a + 3]) || p->s[a + 3] == '(')) {
		p->i += 3;
		if (++p->depth > SK__COND_MAX_DEPTH) {
			sk__p_err(p, a, -EINVAL, "exceeded max depth limit of %d", SK__COND_MAX_DEPTH);
			return NULL;
		}
		sk__ast_t *n = sk__ast_new(SK__AST_NOT);
		if (!n) {
			sk__p_oom(p);
			return NULL;
		}
		sk__p_set_pos(p, &n->pos, a);
		sk__ast_t *k = parse_not(p);
		if (!k || sk__ast_push(n, k)) {
			if (k)
				sk__p_oom(p);
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
		sk__p_err(p, p->i, -EINVAL, "exceeded max depth limit of %d", SK__COND_MAX_DEPTH);
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
		sk__p_skip_blanks(p);
		if (!sk__p_lit_at(p, p->i, kw)) {
			p->i = save;
			break;
		}
		size_t at = p->i + kl;
		if (at >= p->n || !(sk__p_is_blank(p->s[at]) || p->s[at] == '(')) {
			if (at < p->n && sk__p_is_ident_char((unsigned char)p->s[at])) {
				p->i = save;
				break;
			}
			sk__p_err(p, at, -EINVAL, "expected blank or '(' after '%s'", kw);
			goto fail;
		}
		p->i = at;
		if (!node) {
			node = sk__ast_new(kind);
			if (!node || sk__ast_push(node, first)) {
				free(node);
				node = NULL;
				sk__p_oom(p);
				goto fail;
			}
			sk__p_set_pos(p, &node->pos, a);
			first = NULL;
		}
		sk__ast_t *k = sub(p);
		if (!k)
			goto fail;
		if (sk__ast_push(node, k)) {
			sk__ast_free(k);
			sk__p_oom(p);
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
	sk__p_skip_blanks(&p);
	if (p.i >= p.n) {
		sk__p_err(&p, 0, -EINVAL, "filter input string is empty");
		return p.rc;
	}
	sk__ast_t *a = parse_or(&p);
	if (!a)
		return p.rc ? p.rc : -EINVAL;
	sk__p_skip_blanks(&p);
	if (p.i < p.n) {
		/* name the last token we accepted, as Falco does */
		size_t e = p.i;
		while (e > 0 && sk__p_is_blank(p.s[e - 1]))
			e--;
		size_t b = e;
		while (b > 0 && !sk__p_is_blank(p.s[b - 1]))
			b--;
		char prev[48];
		size_t l = e - b < sizeof(prev) - 1 ? e - b : sizeof(prev) - 1;
		memcpy(prev, p.s + b, l);
		prev[l] = 0;
		sk__p_err(&p, p.i, -EINVAL, "unexpected token after '%s', expecting 'or', 'and'", prev);
		sk__ast_free(a);
		return p.rc;
	}
	*out = a;
	return 0;
}

/* Parse one value expression (field or transformer) at text+start, as used
 * by output formats. */
int sk__cond_parse_expr(const char *text, size_t start, const sk__pos_t *at, size_t *end,
	sk__expr_t **out, sk__parse_err_t *err)
{
	parser_t p = {.s = text, .err = err, .i = start};
	/* an output has one expression per token: scanning the whole text for
	 * each (its length, its positions) made long outputs quadratic */
	p.n = start + strnlen(text + start, SK__EXPR_MAX_LEN);
	if (at)
		p.last = *at;
	size_t len;
	if (err)
		memset(err, 0, sizeof(*err));
	*out = sk__p_xform_at(&p, start, &len) != SK__XF_NONE ? sk__p_xform(&p) : sk__p_field(&p);
	if (!*out)
		return p.rc ? p.rc : -EINVAL;
	*end = p.i;
	return 0;
}

