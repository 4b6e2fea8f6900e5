/*
 * compile.c - AST -> tree of typed checks: macro expansion, named-list
 * substitution inside list literals, field resolution through the host's
 * catalogue, operator/type checking and conversion of constants.
 */
#include "cond.h"
#include "cond_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sk_event_schema.h"

void sk__cerr(sk__cctx_t *c, const sk__pos_t *pos, int rc, const char *fmt, ...)
{
	if (c->rc)
		return;
	c->rc = rc;
	if (!c->err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->err->msg, sizeof(c->err->msg), fmt, ap);
	va_end(ap);
	sk__pos_t z = {0, 0, 0};
	if (!pos)
		pos = &z;
	c->err->off = pos->off;
	c->err->line = pos->line;
	c->err->col = pos->col;
	if (c->macro) {
		snprintf(c->err->macro, sizeof(c->err->macro), "%s", c->macro);
		c->err->ref_off = c->ref.off;
		c->err->ref_line = c->ref.line;
		c->err->ref_col = c->ref.col;
	} else {
		c->err->macro[0] = 0;
		c->err->ref_off = pos->off;
		c->err->ref_line = pos->line;
		c->err->ref_col = pos->col;
	}
}

void sk__coom(sk__cctx_t *c)
{
	sk__cerr(c, NULL, -ENOMEM, "out of memory");
}

/* ---- checks ----------------------------------------------------------- */

void sk__cnode_free(sk__cnode_t *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nkids; i++)
		sk__cnode_free(n->kids[i]);
	free(n->kids);
	sk__opnd_free(n->lhs);
	sk__opnd_free(n->rhs);
	free(n->cv);
	for (size_t i = 0; i < n->nowned; i++)
		free(n->owned[i]);
	free(n->owned);
	sk__strset_free(n->set);
	sk__strset_free(n->pmset);
	if (n->pmsetv)
		for (size_t i = 0; i < n->ncv; i++)
			free((char *)n->pmsetv[i].p);
	free(n->pmsetv);
	if (n->re)
		pcre2_code_free(n->re);
	for (size_t i = 0; i < n->npm; i++) {
		for (size_t k = 0; k < n->pm[i].ncomp; k++)
			free(n->pm[i].comp[k]);
		free(n->pm[i].comp);
	}
	free(n->pm);
	free(n->evbits);
	free(n->nums);
	sk__strset_free(n->pfx);
	free(n->pfxlen);
	free(n);
}

static int own(sk__cnode_t *n, char *s)
{
	if (sk__grow(&n->owned, n->nowned, sizeof(*n->owned))) {
		free(s);
		return -ENOMEM;
	}
	n->owned[n->nowned++] = s;
	return 0;
}

/* A constant string of a list: the item text, as a quoted value when the
 * list item carries its own quotes (YAML '"(systemd)"'). */
static char *list_item_value(const char *item)
{
	size_t l = strlen(item);
	if (l >= 2 && (item[0] == '"' || item[0] == '\'') && item[l - 1] == item[0]) {
		sk__ast_t *a = NULL;
		char *txt = malloc(l + 16);
		if (!txt)
			return NULL;
		snprintf(txt, l + 16, "x.x in (%s)", item);
		char *v = NULL;
		if (sk__cond_parse(txt, &a, NULL) == 0 && a->kind == SK__AST_CHECK &&
		    a->u.check.rhs->nitems == 1)
			v = strdup(a->u.check.rhs->items[0]->text);
		else
			v = strndup(item + 1, l - 2);
		sk__ast_free(a);
		free(txt);
		return v;
	}
	return strdup(item);
}

typedef struct strv {
	char **v;
	bool *q;
	size_t n, cap;
} strv_t;

static int strv_add(strv_t *s, char *str, bool quoted)
{
	if (!str)
		return -ENOMEM;
	if (s->n == s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 8;
		char **v = realloc(s->v, nc * sizeof(*v));
		if (!v) {
			free(str);
			return -ENOMEM;
		}
		s->v = v;
		bool *q = realloc(s->q, nc * sizeof(*q));
		if (!q) {
			free(str);
			return -ENOMEM;
		}
		s->q = q;
		s->cap = nc;
	}
	s->q[s->n] = quoted;
	s->v[s->n++] = str;
	return 0;
}

static int expand_item(sk__cctx_t *c, const char *text, bool quoted, strv_t *out, int depth)
{
	const char *const *items;
	size_t n;
	if (!quoted && c->env->lookup_list && depth < SK__MAX_LIST_DEPTH &&
	    c->env->lookup_list(c->env->ctx, text, &items, &n) == 0) {
		for (size_t i = 0; i < n; i++) {
			size_t l = strlen(items[i]);
			bool q = l >= 2 && (items[i][0] == '"' || items[i][0] == '\'');
			int rc = q ? strv_add(out, list_item_value(items[i]), true)
				   : expand_item(c, items[i], false, out, depth + 1);
			if (rc)
				return rc;
		}
		return 0;
	}
	return strv_add(out, strdup(text), quoted);
}

static bool op_allowed(sk__op_t op, sk__vt_t vt, bool list)
{
	if (op == SK__OP_EXISTS)
		return true;
	if (list)
		return op == SK__OP_IN || op == SK__OP_INTERSECTS;
	switch (vt) {
	case SK__VT_STR:
		return op != SK__OP_LT && op != SK__OP_LE && op != SK__OP_GT && op != SK__OP_GE;
	case SK__VT_BUF:
		return op == SK__OP_EQ || op == SK__OP_NE || op == SK__OP_BCONTAINS ||
		       op == SK__OP_BSTARTSWITH || op == SK__OP_CONTAINS || op == SK__OP_STARTSWITH ||
		       op == SK__OP_IN || op == SK__OP_INTERSECTS;
	case SK__VT_U64:
	case SK__VT_I64:
		return op == SK__OP_EQ || op == SK__OP_NE || op == SK__OP_LT || op == SK__OP_LE ||
		       op == SK__OP_GT || op == SK__OP_GE || op == SK__OP_IN ||
		       op == SK__OP_INTERSECTS;
	case SK__VT_BOOL:
	case SK__VT_IP:
	case SK__VT_NET:
		return op == SK__OP_EQ || op == SK__OP_NE || op == SK__OP_IN ||
		       op == SK__OP_INTERSECTS;
	default:
		return false;
	}
}

static bool is_list_op(sk__op_t op)
{
	return op == SK__OP_IN || op == SK__OP_INTERSECTS || op == SK__OP_PMATCH;
}

/* Convert constant text to the check's type, store in n->cv[i]. */
static int conv_const(sk__cctx_t *c, sk__cnode_t *n, size_t i, const char *text, bool quoted,
	const sk__pos_t *pos)
{
	char why[192];
	sk__rv_t *rv = &n->cv[i];
	(void)quoted;
	if (n->op == SK__OP_BCONTAINS || n->op == SK__OP_BSTARTSWITH) {
		char *b;
		uint32_t l;
		int rc = sk__parse_hex(text, &b, &l);
		if (rc == -ENOMEM || (rc == 0 && own(n, b))) {
			sk__coom(c);
			return -ENOMEM;
		}
		if (rc) {
			sk__cerr(c, pos, -EINVAL, "'%s' is not a valid hex string for '%s'", text,
				sk__op_name(n->op));
			return -EINVAL;
		}
		memset(rv, 0, sizeof(*rv));
		rv->p = b;
		rv->len = l;
		return 0;
	}
	char *d = strdup(text);
	if (!d || own(n, d)) {
		sk__coom(c);
		return -ENOMEM;
	}
	if (sk__value_parse(n->vt, d, rv, why, sizeof(why))) {
		sk__cerr(c, pos, -EINVAL, "%s for field '%s'", why, n->lhs->key ? n->lhs->key : "?");
		return -EINVAL;
	}
	return 0;
}

static sk__cnode_t *cnode_new(sk__cctx_t *c, sk__ckind_t k, const sk__pos_t *pos)
{
	if (++c->nodes > c->max_nodes) {
		sk__cerr(c, pos, -E2BIG,
			"condition expands to more than %zu nodes (macros and exceptions included; "
			"limit saker.rules_limits.max_condition_nodes)", c->max_nodes);
		return NULL;
	}
	sk__cnode_t *n = calloc(1, sizeof(*n));
	if (!n)
		sk__coom(c);
	else
		n->kind = k;
	return n;
}

static void strv_free(strv_t *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	free(s->q);
}

/* The left side: the field or transformer, and whether it takes the
 * operator and modifier. */
static int check_lhs(sk__cctx_t *c, sk__cnode_t *n, const sk__ast_t *a, const char **lname)
{
	const sk__check_node_t *ck = &a->u.check;
	n->op = ck->op;
	n->mod = ck->mod;
	n->lhs = sk__opnd_compile_c(c, ck->lhs);
	if (!n->lhs)
		return -EINVAL;
	n->vt = n->lhs->vt;
	*lname = n->lhs->key ? n->lhs->key : sk__xform_name(n->lhs->xf);
	if (n->lhs->kind == SK__O_FIELD) {
		if (!strcmp(n->lhs->fref->fi->name, "evt.type"))
			n->special = SK__SPECIAL_EVT_TYPE;
		else if (!strcmp(n->lhs->fref->fi->name, "evt.num"))
			n->special = SK__SPECIAL_EVT_NUM;
	}
	if (n->lhs->list && !op_allowed(n->op, n->vt, true)) {
		sk__cerr(c, &a->pos, -EINVAL,
			"list filter '%s' only supports operators 'exists', 'in' and 'intersects'", *lname);
		return -EINVAL;
	}
	if (!op_allowed(n->op, n->vt, false) && !(n->lhs->list && op_allowed(n->op, n->vt, true))) {
		sk__cerr(c, &a->pos, -EINVAL, "operator '%s' is not supported by field '%s'",
			sk__op_name(n->op), *lname);
		return -EINVAL;
	}
	if (n->op != SK__OP_EXISTS && n->mod && (is_list_op(n->op) || n->vt != SK__VT_STR)) {
		sk__cerr(c, &a->pos, -EINVAL, "modifier not supported with operator '%s'",
			sk__op_name(n->op));
		return -EINVAL;
	}
	return 0;
}

static bool vt_numeric(sk__vt_t vt)
{
	return vt == SK__VT_U64 || vt == SK__VT_I64;
}

static bool vt_address(sk__vt_t vt)
{
	return vt == SK__VT_IP || vt == SK__VT_NET;
}

/* A field or transformer on the right side: a comparable type, and an
 * operator that does not need a precompiled constant. */
static int check_rhs_operand(sk__cctx_t *c, sk__cnode_t *n, const sk__expr_t *r, const char *lname)
{
	n->rhs = sk__opnd_compile_c(c, r);
	if (!n->rhs)
		return -EINVAL;
	sk__vt_t lt = n->vt, rt = n->rhs->vt;
	bool comparable = rt == lt || lt == SK__VT_STR || (vt_numeric(lt) && vt_numeric(rt)) ||
		(vt_address(lt) && vt_address(rt));
	if (!comparable) {
		sk__cerr(c, &r->pos, -EINVAL, "field '%s' cannot be compared with a value of another type",
			lname);
		return -EINVAL;
	}
	if (n->op == SK__OP_REGEX || n->op == SK__OP_PMATCH || n->op == SK__OP_BCONTAINS ||
	    n->op == SK__OP_BSTARTSWITH) {
		sk__cerr(c, &r->pos, -EINVAL, "operator '%s' needs a constant right side",
			sk__op_name(n->op));
		return -EINVAL;
	}
	return 0;
}

/* The constant texts of the right side: a single literal, or a list
 * literal with named lists expanded. */
static int collect_constants(sk__cctx_t *c, const sk__cnode_t *n, const sk__check_node_t *ck,
	strv_t *sv)
{
	const sk__expr_t *r = ck->rhs;
	bool listy = is_list_op(n->op) || n->mod;
	if (listy && r->kind != SK__EXPR_LIST) {
		sk__cerr(c, &r->pos, -EINVAL, "operator '%s' needs a list", sk__op_name(n->op));
		return -EINVAL;
	}
	if (!listy && r->kind != SK__EXPR_LITERAL) {
		sk__cerr(c, &r->pos, -EINVAL, "operator '%s' does not take a list", sk__op_name(n->op));
		return -EINVAL;
	}
	if (r->kind != SK__EXPR_LIST) {
		if (strv_add(sv, strdup(r->text), r->quoted)) {
			sk__coom(c);
			return -ENOMEM;
		}
		return 0;
	}
	for (size_t i = 0; i < r->nitems; i++) {
		if (expand_item(c, r->items[i]->text, r->items[i]->quoted, sv, 0)) {
			sk__coom(c);
			return -ENOMEM;
		}
	}
	if (ck->rhs_bare_ident && sv->n == 1 && !strcmp(sv->v[0], r->items[0]->text) &&
	    c->env->lookup_list) {
		sk__cerr(c, &r->pos, -EINVAL, "'%s' is not a defined list", sv->v[0]);
		return -EINVAL;
	}
	return 0;
}

/* Each constant text converted to the check's type, into n->cv. */
static int convert_constants(sk__cctx_t *c, sk__cnode_t *n, const sk__expr_t *r, const strv_t *sv)
{
	n->ncv = sv->n;
	n->cv = calloc(sv->n ? sv->n : 1, sizeof(*n->cv));
	if (!n->cv) {
		sk__coom(c);
		return -ENOMEM;
	}
	for (size_t i = 0; i < sv->n; i++) {
		const sk__pos_t *pos = r->kind == SK__EXPR_LIST && i < r->nitems ? &r->items[i]->pos
										     : &r->pos;
		if (conv_const(c, n, i, sv->v[i], sv->q[i], pos))
			return -EINVAL;
	}
	return 0;
}

/* syscall evt.type is the event code's name: the check tests the code
 * (generic events carry the syscall in a parameter: those compare names). */
static int evt_type_codes(sk__cctx_t *c, sk__cnode_t *n)
{
	bool by_code = n->special == SK__SPECIAL_EVT_TYPE && !strcmp(c->env->source, "syscall") &&
		!n->mod && n->vt == SK__VT_STR &&
		(n->op == SK__OP_EQ || n->op == SK__OP_NE || n->op == SK__OP_IN ||
		 n->op == SK__OP_INTERSECTS);
	if (!by_code)
		return 0;
	n->evbits = calloc((SK_EVT_CODE_MAX + 63) / 64, sizeof(uint64_t));
	if (!n->evbits) {
		sk__coom(c);
		return -ENOMEM;
	}
	for (size_t i = 0; i < n->ncv; i++) {
		uint16_t codes[SK_EVT_CODE_MAX];
		size_t k = sk_evt_codes_by_name(n->cv[i].p, codes, SK_EVT_CODE_MAX);
		for (size_t j = 0; j < k && j < SK_EVT_CODE_MAX; j++)
			n->evbits[codes[j] / 64] |= 1ull << (codes[j] % 64);
	}
	return 0;
}

static int compile_regex(sk__cctx_t *c, sk__cnode_t *n, const sk__expr_t *r)
{
	int ec;
	PCRE2_SIZE eo;
	n->re = pcre2_compile((PCRE2_SPTR)n->cv[0].p, PCRE2_ZERO_TERMINATED,
		PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_DOTALL, &ec, &eo, NULL);
	if (!n->re) {
		PCRE2_UCHAR msg[128];
		pcre2_get_error_message(ec, msg, sizeof(msg));
		sk__cerr(c, &r->pos, -EINVAL, "invalid regular expression '%s': %s at %zu",
			n->cv[0].p, (const char *)msg, (size_t)eo);
		return -EINVAL;
	}
	pcre2_jit_compile(n->re, PCRE2_JIT_COMPLETE);
	c->has_regex = true;
	return 0;
}

/* The lookup structures of long constant lists (sets, prefix tries,
 * path-match tables). */
static int build_lookups(sk__cctx_t *c, sk__cnode_t *n)
{
	bool in_op = n->op == SK__OP_IN || n->op == SK__OP_INTERSECTS;
	bool many = n->ncv >= SK__SET_MIN;
	int rc = 0;
	if (n->op == SK__OP_PMATCH)
		rc = sk__pmatch_build(n);
	else if (in_op && many && n->vt == SK__VT_STR)
		rc = (n->set = sk__strset_new(n->cv, n->ncv)) ? 0 : -ENOMEM;
	else if (in_op && many && vt_numeric(n->vt))
		rc = sk__numset_build(n);
	else if (n->mod && n->op == SK__OP_STARTSWITH && many)
		rc = sk__prefix_build(n);
	if (rc)
		sk__coom(c);
	return rc;
}

static sk__cnode_t *compile_check(sk__cctx_t *c, const sk__ast_t *a)
{
	const sk__check_node_t *ck = &a->u.check;
	const char *lname = NULL;
	strv_t sv = {0};
	sk__cnode_t *n = cnode_new(c, SK__C_CHECK, &a->pos);
	if (!n)
		return NULL;
	if (check_lhs(c, n, a, &lname))
		goto fail;
	if (n->op == SK__OP_EXISTS)
		return n;
	const sk__expr_t *r = ck->rhs;
	if (r->kind == SK__EXPR_FIELD || r->kind == SK__EXPR_XFORM) {
		if (check_rhs_operand(c, n, r, lname))
			goto fail;
		return n;
	}
	if (collect_constants(c, n, ck, &sv) || convert_constants(c, n, r, &sv) ||
	    evt_type_codes(c, n) || (n->op == SK__OP_REGEX && compile_regex(c, n, r)) ||
	    build_lookups(c, n))
		goto fail;
	strv_free(&sv);
	return n;
fail:
	strv_free(&sv);
	sk__cnode_free(n);
	return NULL;
}

static sk__cnode_t *compile_node(sk__cctx_t *c, const sk__ast_t *a);

static sk__cnode_t *compile_macro(sk__cctx_t *c, const sk__ast_t *a)
{
	const char *name = a->u.ident;
	const sk__ast_t *m = c->env->lookup_macro ? c->env->lookup_macro(c->env->ctx, name) : NULL;
	if (!m) {
		sk__cerr(c, &a->pos, -EINVAL, "Undefined macro '%s' used in filter.", name);
		return NULL;
	}
	for (size_t i = 0; i < c->nstack; i++) {
		if (!strcmp(c->stack[i], name)) {
			sk__cerr(c, &a->pos, -EINVAL, "reference loop in macro '%s'", name);
			return NULL;
		}
	}
	if (c->nstack == SK__MAX_MACRO_DEPTH) {
		sk__cerr(c, &a->pos, -EINVAL, "macros nested too deeply at '%s'", name);
		return NULL;
	}
	if (!c->nstack)
		c->ref = a->pos;
	const char *saved = c->macro;
	c->stack[c->nstack++] = name;
	c->macro = name;
	sk__cnode_t *n = compile_node(c, m);
	c->macro = saved;
	c->nstack--;
	/* memoize per event, unless it is one cheap test or already a macro */
	if (n && !n->memo && !(n->kind == SK__C_CHECK && n->evbits)) {
		uint32_t slot;
		if (sk__fieldtab_macro(c->env->fields, name, &slot)) {
			sk__cnode_free(n);
			sk__coom(c);
			return NULL;
		}
		n->memo = slot + 1;
	}
	return n;
}

/* ---- merging `f = a or f = b or f startswith c ...` ------------------- */

enum { MG_NONE, MG_EQ, MG_SW };

static int merge_class(const sk__cnode_t *k)
{
	if (k->kind != SK__C_CHECK || k->memo || k->rhs || k->mod || k->evbits || k->special ||
	    k->lhs->kind != SK__O_FIELD || k->lhs->list)
		return MG_NONE;
	if ((k->op == SK__OP_EQ || k->op == SK__OP_IN) &&
	    (k->vt == SK__VT_STR || k->vt == SK__VT_U64 || k->vt == SK__VT_I64))
		return MG_EQ;
	if (k->op == SK__OP_STARTSWITH && k->vt == SK__VT_STR)
		return MG_SW;
	return MG_NONE;
}

/* One check over the union of the constants of kids[idx] (same field, same
 * operator class): equality becomes a set lookup, startswith a prefix
 * table. An `or` of such checks is true iff the merged check is (missing
 * field: both false; several values: both "any"). */
static sk__cnode_t *merge_group(sk__cnode_t **kids, const size_t *idx, size_t n)
{
	sk__cnode_t *first = kids[idx[0]];
	int cls = merge_class(first);
	sk__cnode_t *m = calloc(1, sizeof(*m));
	size_t ncv = 0, nowned = 0;
	for (size_t i = 0; i < n; i++) {
		ncv += kids[idx[i]]->ncv;
		nowned += kids[idx[i]]->nowned;
	}
	if (!m || !(m->cv = calloc(ncv ? ncv : 1, sizeof(*m->cv))) ||
	    !(m->owned = calloc(sk__grow_cap(nowned), sizeof(*m->owned)))) {
		sk__cnode_free(m);
		return NULL;
	}
	m->kind = SK__C_CHECK;
	m->vt = first->vt;
	m->op = cls == MG_EQ ? SK__OP_IN : SK__OP_STARTSWITH;
	m->mod = cls == MG_EQ ? SK__MOD_NONE : SK__MOD_ANYOF;
	for (size_t i = 0; i < n; i++) {
		sk__cnode_t *k = kids[idx[i]];
		if (k->ncv)
			memcpy(m->cv + m->ncv, k->cv, k->ncv * sizeof(*k->cv));
		m->ncv += k->ncv;
		if (k->nowned)
			memcpy(m->owned + m->nowned, k->owned, k->nowned * sizeof(*k->owned));
		m->nowned += k->nowned;
		k->nowned = 0; /* strings now belong to m */
	}
	int rc = 0;
	if (cls == MG_SW)
		rc = m->ncv >= SK__SET_MIN ? sk__prefix_build(m) : 0;
	else if (m->vt == SK__VT_STR && m->ncv >= SK__SET_MIN)
		rc = (m->set = sk__strset_new(m->cv, m->ncv)) ? 0 : -ENOMEM;
	else if (m->vt != SK__VT_STR && m->ncv >= SK__SET_MIN)
		rc = sk__numset_build(m);
	if (rc) {
		/* give the strings back so nothing leaks or is freed twice */
		free(first->owned);
		first->owned = m->owned;
		first->nowned = m->nowned;
		m->owned = NULL;
		m->nowned = 0;
		sk__cnode_free(m);
		return NULL;
	}
	m->lhs = first->lhs;
	first->lhs = NULL;
	return m;
}

typedef struct mkey {
	int cls;
	sk__vt_t vt;
	const sk__fref_t *fref;
	size_t i;
} mkey_t;

static int mkey_cmp(const void *pa, const void *pb)
{
	const mkey_t *a = pa, *b = pb;
	if (a->cls != b->cls)
		return a->cls < b->cls ? -1 : 1;
	if (a->vt != b->vt)
		return a->vt < b->vt ? -1 : 1;
	if (a->fref != b->fref)
		return (uintptr_t)a->fref < (uintptr_t)b->fref ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* Groups are found by sorting (class, type, field, position): comparing
 * every pair made a long `or` chain quadratic. */
static int merge_or(sk__cctx_t *c, sk__cnode_t *n)
{
	size_t cnt = n->nkids ? n->nkids : 1;
	mkey_t *keys = malloc(cnt * sizeof(*keys));
	size_t *idx = malloc(cnt * sizeof(*idx));
	size_t nk = 0;
	if (!keys || !idx)
		goto oom;
	for (size_t i = 0; i < n->nkids; i++) {
		int cls = merge_class(n->kids[i]);
		if (cls != MG_NONE)
			keys[nk++] = (mkey_t){cls, n->kids[i]->vt, n->kids[i]->lhs->fref, i};
	}
	qsort(keys, nk, sizeof(*keys), mkey_cmp);
	for (size_t a = 0, b; a < nk; a = b) {
		for (b = a + 1; b < nk && keys[b].cls == keys[a].cls && keys[b].vt == keys[a].vt &&
				keys[b].fref == keys[a].fref;
		     b++)
			;
		size_t g = b - a;
		if (g < 2)
			continue;
		for (size_t k = 0; k < g; k++)
			idx[k] = keys[a + k].i;
		sk__cnode_t *m = merge_group(n->kids, idx, g);
		if (!m)
			goto oom;
		for (size_t k = 0; k < g; k++) {
			sk__cnode_free(n->kids[idx[k]]);
			n->kids[idx[k]] = NULL;
		}
		n->kids[idx[0]] = m;
	}
	size_t w = 0;
	for (size_t i = 0; i < n->nkids; i++)
		if (n->kids[i])
			n->kids[w++] = n->kids[i];
	n->nkids = w;
	free(idx);
	free(keys);
	return 0;
oom:
	free(idx);
	free(keys);
	sk__cnode_free(n);
	sk__coom(c);
	return -ENOMEM;
}

static sk__cnode_t *compile_node(sk__cctx_t *c, const sk__ast_t *a)
{
	switch (a->kind) {
	case SK__AST_GROUP:
		return compile_node(c, a->kids[0]);
	case SK__AST_IDENT:
		return compile_macro(c, a);
	case SK__AST_CHECK:
		return compile_check(c, a);
	case SK__AST_AND:
	case SK__AST_OR:
	case SK__AST_NOT: {
		sk__cnode_t *n = cnode_new(c,
			a->kind == SK__AST_AND ? SK__C_AND : a->kind == SK__AST_OR ? SK__C_OR : SK__C_NOT,
			&a->pos);
		if (!n)
			return NULL;
		n->kids = calloc(a->nkids, sizeof(*n->kids));
		if (!n->kids) {
			free(n);
			sk__coom(c);
			return NULL;
		}
		size_t cap = a->nkids;
		for (size_t i = 0; i < a->nkids; i++) {
			sk__cnode_t *k = compile_node(c, a->kids[i]);
			if (!k) {
				sk__cnode_free(n);
				return NULL;
			}
			if (n->kind == SK__C_NOT && k->kind == SK__C_NOT && !k->memo) {
				/* not not x == x */
				sk__cnode_t *inner = k->kids[0];
				k->nkids = 0;
				sk__cnode_free(k);
				sk__cnode_free(n);
				return inner;
			}
			if (n->kind != SK__C_NOT && k->kind == n->kind && !k->memo) {
				/* (a and (b and c)) == (a and b and c): fewer hops */
				sk__cnode_t **v = realloc(n->kids, (cap + k->nkids) * sizeof(*v));
				if (!v) {
					sk__cnode_free(k);
					sk__cnode_free(n);
					sk__coom(c);
					return NULL;
				}
				n->kids = v;
				cap += k->nkids;
				for (size_t j = 0; j < k->nkids; j++)
					n->kids[n->nkids++] = k->kids[j];
				k->nkids = 0;
				sk__cnode_free(k);
				continue;
			}
			n->kids[n->nkids++] = k;
		}
		if (n->kind == SK__C_OR && merge_or(c, n))
			return NULL; /* merge_or freed n */
		return n;
	}
	}
	sk__cerr(c, &a->pos, -EINVAL, "bad AST node");
	return NULL;
}

static size_t prog_count(const sk__cnode_t *n)
{
	size_t k = 1;
	for (size_t i = 0; i < n->nkids; i++)
		k += prog_count(n->kids[i]);
	return k;
}

static uint32_t prog_fill(sk__insn_t *p, uint32_t at, const sk__cnode_t *n)
{
	sk__insn_t *in = &p[at];
	in->kind = (uint8_t)n->kind;
	in->c = n;
	in->evbits = n->kind == SK__C_CHECK ? n->evbits : NULL;
	in->ne = n->op == SK__OP_NE;
	in->memo = n->memo;
	uint32_t next = at + 1;
	for (size_t i = 0; i < n->nkids; i++)
		next = prog_fill(p, next, n->kids[i]);
	in->end = next;
	return next;
}

static void coom_plain(sk__compile_err_t *err)
{
	if (err)
		snprintf(err->msg, sizeof(err->msg), "out of memory");
}

int sk__cond_compile(const sk__ast_t *ast, const sk__compile_env_t *env, sk__check_t **out,
	sk__compile_err_t *err)
{
	sk__cctx_t c = {.env = env, .err = err};
	c.max_nodes = env && env->max_nodes ? env->max_nodes : SK_RULES_DEFAULT_MAX_COND_NODES;
	*out = NULL;
	if (err)
		memset(err, 0, sizeof(*err));
	if (!ast || !env || !env->fields) {
		sk__cerr(&c, NULL, -EINVAL, "compile: missing AST or field table");
		return c.rc;
	}
	sk__check_t *ck = calloc(1, sizeof(*ck));
	if (!ck) {
		sk__coom(&c);
		return c.rc;
	}
	ck->root = compile_node(&c, ast);
	if (!ck->root) {
		free(ck);
		return c.rc ? c.rc : -EINVAL;
	}
	ck->nprog = prog_count(ck->root);
	ck->prog = calloc(ck->nprog, sizeof(*ck->prog));
	if (!ck->prog) {
		sk__cnode_free(ck->root);
		free(ck);
		coom_plain(err);
		return -ENOMEM;
	}
	prog_fill(ck->prog, 0, ck->root);
	ck->tab = env->fields;
	sk__fieldtab_ref(ck->tab);
	ck->has_regex = c.has_regex;
	*out = ck;
	return 0;
}

int sk__cond_compile_text(const char *text, const sk__compile_env_t *env, sk__check_t **out,
	sk__compile_err_t *err)
{
	sk__ast_t *a = NULL;
	sk__parse_err_t pe;
	*out = NULL;
	int rc = sk__cond_parse(text, &a, &pe);
	if (rc) {
		if (err) {
			memset(err, 0, sizeof(*err));
			memcpy(err->msg, pe.msg, sizeof(err->msg));
			err->off = err->ref_off = pe.off;
			err->line = err->ref_line = pe.line;
			err->col = err->ref_col = pe.col;
		}
		return rc;
	}
	rc = sk__cond_compile(a, env, out, err);
	sk__ast_free(a);
	return rc;
}

void sk__check_free(sk__check_t *c)
{
	if (!c)
		return;
	sk__cnode_free(c->root);
	free(c->prog);
	sk__fieldtab_unref(c->tab);
	free(c);
}
