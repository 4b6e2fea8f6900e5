/*
 * ast.c - condition AST helpers: positions, node allocation, free, clone,
 * canonical printing and identifier walks.
 */
#include "cond.h"
#include "cond_int.h"
#include "cond_parse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	if (sk__grow(&e->items, e->nitems, sizeof(*e->items)))
		return -ENOMEM;
	e->items[e->nitems++] = item;
	return 0;
}

sk__ast_t *sk__ast_new(sk__ast_kind_t kind)
{
	sk__ast_t *a = calloc(1, sizeof(*a));
	if (a)
		a->kind = kind;
	return a;
}

int sk__ast_push(sk__ast_t *a, sk__ast_t *kid)
{
	if (sk__grow(&a->kids, a->nkids, sizeof(*a->kids)))
		return -ENOMEM;
	a->kids[a->nkids++] = kid;
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
	sk__ast_t *c = sk__ast_new(a->kind);
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
		if (!k || sk__ast_push(c, k)) {
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
		sb_str(s, c->opname[0] ? c->opname : sk__op_name(c->op));
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


static bool evttype_op(sk__op_t op)
{
	return op == SK__OP_EQ || op == SK__OP_NE || op == SK__OP_IN || op == SK__OP_INTERSECTS;
}

void sk__ast_foreach_evttype(const sk__ast_t *a, void (*fn)(void *ud, const char *name,
	const sk__expr_t *lit), void *ud)
{
	if (!a)
		return;
	if (a->kind == SK__AST_CHECK) {
		const sk__check_node_t *c = &a->u.check;
		const sk__expr_t *r = c->rhs;
		if (c->lhs && c->lhs->kind == SK__EXPR_FIELD && !c->lhs->has_arg &&
			!strcmp(c->lhs->text, "evt.type") && r && !c->rhs_val && evttype_op(c->op)) {
			if (r->kind == SK__EXPR_LITERAL)
				fn(ud, r->text, r);
			else if (r->kind == SK__EXPR_LIST)
				for (size_t i = 0; i < r->nitems; i++)
					if (r->items[i]->kind == SK__EXPR_LITERAL)
						fn(ud, r->items[i]->text, r->items[i]);
		}
	}
	for (size_t i = 0; i < a->nkids; i++)
		sk__ast_foreach_evttype(a->kids[i], fn, ud);
}
