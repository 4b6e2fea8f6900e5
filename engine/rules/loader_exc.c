/* loader_exc.c - exceptions to condition text (rules-language.md §2) and
 * semantic versions. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "loader_int.h"

void sk__exception_free(sk__exception_t *e)
{
	if (!e)
		return;
	free(e->name);
	sk__ynode_free(&e->fields);
	sk__ynode_free(&e->comps);
	sk__ynode_free(&e->values);
	memset(e, 0, sizeof(*e));
}

static bool str_ends_word(const char *s, const char *w)
{
	size_t ls = strlen(s), lw = strlen(w);
	return ls > lw && s[ls - lw - 1] == ' ' && !strcmp(s + ls - lw, w);
}

static bool has_modifier(const char *op)
{
	return str_ends_word(op, "oneof") || str_ends_word(op, "anyof") ||
		str_ends_word(op, "allof");
}

static bool is_list_op(const char *op)
{
	return !strcmp(op, "in") || !strcmp(op, "intersects") || !strcmp(op, "pmatch") ||
		has_modifier(op);
}

/* Trimmed copy of a comparison operator. */
static char *trim_dup(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t l = strlen(s);
	while (l > 0 && (s[l - 1] == ' ' || s[l - 1] == '\t'))
		l--;
	char *r = malloc(l + 1);
	if (r) {
		memcpy(r, s, l);
		r[l] = '\0';
	}
	return r;
}

static bool is_known_op(const char *op)
{
	static const char *const ops[] = { "=", "==", "!=", "<", "<=", ">", ">=", "contains",
		"icontains", "bcontains", "startswith", "bstartswith", "endswith", "glob", "iglob",
		"regex", "in", "intersects", "pmatch", "exists" };
	char base[64];
	size_t l = strlen(op);
	if (has_modifier(op))
		l -= 6;
	if (l >= sizeof(base))
		return false;
	memcpy(base, op, l);
	base[l] = '\0';
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!strcmp(base, ops[i]))
			return !has_modifier(op) || (i >= 7 && i <= 15) || i == 0 || i == 1 || i == 2;
	return false;
}

const char *sk__exception_validate(const sk__exception_t *e)
{
	if (e->fields.kind == SK_Y_SCALAR) {
		if (e->comps.kind == SK_Y_SCALAR) {
			char *c = trim_dup(e->comps.s);
			bool ok = c && (!strcmp(c, "in") || !strcmp(c, "pmatch") ||
				!strcmp(c, "intersects") || (has_modifier(c) && is_known_op(c)));
			free(c);
			if (!ok)
				return "When fields is a single value, comps must be one of (in, pmatch, "
				       "intersects) or a string operator with oneof/anyof/allof";
		} else if (e->comps.kind != SK_Y_NULL) {
			return "When fields is a single value, comps must be a single value";
		}
		if (e->values.kind == SK_Y_SEQ)
			for (size_t i = 0; i < e->values.n; i++)
				if (e->values.v[i].kind != SK_Y_SCALAR)
					return "Expected values array to contain a list of strings";
		if (e->values.kind != SK_Y_SEQ && e->values.kind != SK_Y_NULL)
			return "Expected values array to contain a list of strings";
		return NULL;
	}
	if (e->fields.kind != SK_Y_SEQ)
		return "Item has no mapping for key 'fields'";
	for (size_t i = 0; i < e->fields.n; i++)
		if (e->fields.v[i].kind != SK_Y_SCALAR)
			return "Fields must be a list of field names";
	if (e->comps.kind == SK_Y_SEQ) {
		if (e->comps.n != e->fields.n)
			return "Fields and comps lists must have equal length";
		for (size_t i = 0; i < e->comps.n; i++) {
			if (e->comps.v[i].kind != SK_Y_SCALAR)
				return "Comps must be a list of comparison operators";
			char *c = trim_dup(e->comps.v[i].s);
			bool ok = c && is_known_op(c);
			free(c);
			if (!ok)
				return "Comps contains an unknown comparison operator";
		}
	} else if (e->comps.kind != SK_Y_NULL) {
		return "Fields and comps lists must have equal length";
	}
	if (e->values.kind == SK_Y_SEQ) {
		for (size_t i = 0; i < e->values.n; i++) {
			const sk__ynode_t *t = &e->values.v[i];
			if (t->kind != SK_Y_SEQ || t->n != e->fields.n)
				return "Fields and values lists must have equal length";
			for (size_t k = 0; k < t->n; k++) {
				if (t->v[k].kind == SK_Y_SCALAR)
					continue;
				if (t->v[k].kind != SK_Y_SEQ)
					return "Expected values array to contain a list of strings";
				for (size_t j = 0; j < t->v[k].n; j++)
					if (t->v[k].v[j].kind != SK_Y_SCALAR)
						return "Expected values array to contain a list of strings";
			}
		}
	} else if (e->values.kind != SK_Y_NULL) {
		return "Expected values array to contain a list of strings";
	}
	return NULL;
}

typedef struct str {
	char *s;
	size_t len, cap;
	bool oom;
} str_t;

static void put(str_t *b, const char *s)
{
	size_t n = strlen(s);
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 128;
		while (nc < b->len + n + 1)
			nc *= 2;
		char *ns = realloc(b->s, nc);
		if (!ns) {
			b->oom = true;
			return;
		}
		b->s = ns;
		b->cap = nc;
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

static void put_q(str_t *b, const char *s)
{
	char *q = sk__quote_value(s);
	if (!q) {
		b->oom = true;
		return;
	}
	put(b, q);
	free(q);
}

static void build_one(str_t *ic, const sk__exception_t *e)
{
	if (e->fields.kind == SK_Y_SCALAR) {
		char *c = e->comps.kind == SK_Y_SCALAR ? trim_dup(e->comps.s) : strdup("in");
		if (!c) {
			ic->oom = true;
			return;
		}
		for (size_t i = 0; e->values.kind == SK_Y_SEQ && i < e->values.n; i++) {
			if (ic->len == 0) {
				put(ic, "(");
				put(ic, e->fields.s);
				put(ic, " ");
				put(ic, c);
				put(ic, " (");
			} else {
				put(ic, ", ");
			}
			put_q(ic, e->values.v[i].s);
		}
		if (ic->len)
			put(ic, "))");
		free(c);
		return;
	}
	size_t nf = e->fields.n;
	put(ic, "(");
	for (size_t t = 0; e->values.kind == SK_Y_SEQ && t < e->values.n; t++) {
		const sk__ynode_t *tup = &e->values.v[t];
		put(ic, ic->len == 1 ? "(" : " or (");
		for (size_t k = 0; k < nf && k < tup->n; k++) {
			char *c = e->comps.kind == SK_Y_SEQ ? trim_dup(e->comps.v[k].s) : strdup("=");
			if (!c) {
				ic->oom = true;
				return;
			}
			if (k)
				put(ic, " and");
			put(ic, " ");
			put(ic, e->fields.v[k].s);
			put(ic, " ");
			put(ic, c);
			put(ic, " ");
			const sk__ynode_t *v = &tup->v[k];
			if (v->kind == SK_Y_SEQ) {
				put(ic, "(");
				for (size_t j = 0; j < v->n; j++) {
					if (j)
						put(ic, ", ");
					put_q(ic, v->v[j].s);
				}
				put(ic, ")");
			} else if (is_list_op(c)) {
				if (v->s[0] != '(')
					put(ic, "(");
				put(ic, v->s);
				if (v->s[0] != '(')
					put(ic, ")");
			} else {
				put_q(ic, v->s);
			}
			free(c);
		}
		put(ic, ")");
	}
	put(ic, ")");
	if (!ic->oom && !strcmp(ic->s, "()"))
		ic->len = 0;
}

char *sk__exceptions_build(const char *cond, const sk__exception_t *exc, size_t nexc)
{
	str_t out = { 0 };
	put(&out, "(");
	put(&out, cond);
	put(&out, ")");
	for (size_t i = 0; i < nexc; i++) {
		str_t ic = { 0 };
		build_one(&ic, &exc[i]);
		if (ic.oom) {
			free(ic.s);
			free(out.s);
			return NULL;
		}
		if (ic.len) {
			put(&out, " and not ");
			put(&out, ic.s);
		}
		free(ic.s);
	}
	if (out.oom) {
		free(out.s);
		return NULL;
	}
	return out.s;
}

int sk__semver_parse(const char *s, sk__semver_t *out)
{
	unsigned long v[3] = { 0, 0, 0 };
	int n = 0;
	const char *p = s;
	while (*p == ' ')
		p++;
	for (;;) {
		if (!isdigit((unsigned char)*p) || n == 3)
			return -EINVAL;
		char *end;
		v[n++] = strtoul(p, &end, 10);
		p = end;
		if (*p != '.')
			break;
		p++;
	}
	if (*p && *p != '-' && *p != '+' && *p != ' ')
		return -EINVAL;
	out->major = v[0];
	out->minor = v[1];
	out->patch = v[2];
	return 0;
}

bool sk__semver_compatible(const sk__semver_t *have, const sk__semver_t *want)
{
	if (have->major != want->major)
		return false;
	if (have->minor != want->minor)
		return have->minor > want->minor;
	return have->patch >= want->patch;
}
