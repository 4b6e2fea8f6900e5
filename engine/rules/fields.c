/*
 * fields.c - the per-ruleset field slot table, field resolution through the
 * host's catalogue (with the evt.arg.NAME -> evt.arg[NAME] fallback),
 * conversion of constants to field types, and compilation of value
 * operands (fields, transformers, literals).
 */
#include "cond.h"
#include "cond_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sk_sdk_util.h"

/* ---- field table ------------------------------------------------------ */

sk__fieldtab_t *sk__fieldtab_new(void)
{
	sk__fieldtab_t *t = calloc(1, sizeof(*t));
	if (t)
		atomic_init(&t->refs, 1);
	return t;
}

int sk__fieldtab_ref(sk__fieldtab_t *t)
{
	atomic_fetch_add(&t->refs, 1);
	return 0;
}

void sk__fieldtab_unref(sk__fieldtab_t *t)
{
	if (!t || atomic_fetch_sub(&t->refs, 1) != 1)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i]->arg);
		free(t->v[i]);
	}
	free(t->v);
	free(t->hidx);
	for (size_t i = 0; i < t->nmacros; i++)
		free(t->macros[i]);
	free(t->macros);
	free(t);
}

int sk__fieldtab_macro(sk__fieldtab_t *t, const char *name, uint32_t *slot)
{
	for (size_t i = 0; i < t->nmacros; i++) {
		if (!strcmp(t->macros[i], name)) {
			*slot = (uint32_t)i;
			return 0;
		}
	}
	char **v = realloc(t->macros, (t->nmacros + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	t->macros = v;
	if (!(v[t->nmacros] = strdup(name)))
		return -ENOMEM;
	*slot = (uint32_t)t->nmacros++;
	return 0;
}

size_t sk__fieldtab_count(const sk__fieldtab_t *t)
{
	return t ? t->n : 0;
}

sk__vt_t sk__vt_of_ftype(uint32_t ftype)
{
	switch (ftype) {
	case FTYPE_STRING: return SK__VT_STR;
	case FTYPE_UINT64:
	case FTYPE_RELTIME:
	case FTYPE_ABSTIME: return SK__VT_U64;
	case SK_FTYPE_INT64: return SK__VT_I64;
	case FTYPE_BOOL: return SK__VT_BOOL;
	case FTYPE_IPADDR: return SK__VT_IP;
	case FTYPE_IPNET: return SK__VT_NET;
	case SK__FTYPE_BYTEBUF: return SK__VT_BUF;
	default: return SK__VT_NONE;
	}
}

static size_t fref_hash(const sk_field_info_t *fi, const char *arg, bool arg_present)
{
	uint64_t h = ((uint64_t)fi->extractor << 32 | fi->field_id) * 0x9E3779B97F4A7C15ull;
	if (arg_present)
		for (const char *p = arg ? arg : ""; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ull;
	return (size_t)(h ^ (h >> 29) ^ arg_present);
}

static bool fref_is(const sk__fref_t *r, const sk_field_info_t *fi, const char *arg,
	bool arg_present)
{
	return r->fi->extractor == fi->extractor && r->fi->field_id == fi->field_id &&
	       r->arg_present == arg_present &&
	       (!arg_present || strcmp(r->arg ? r->arg : "", arg ? arg : "") == 0);
}

/* Slot of the index for (fi, arg): the matching entry or the empty one. */
static size_t fref_slot(const sk__fieldtab_t *t, const sk_field_info_t *fi, const char *arg,
	bool arg_present)
{
	size_t i = fref_hash(fi, arg, arg_present) & (t->hcap - 1);
	while (t->hidx[i] && !fref_is(t->v[t->hidx[i] - 1], fi, arg, arg_present))
		i = (i + 1) & (t->hcap - 1);
	return i;
}

/* Keep the index at most half full (scanning v for every reference made
 * rules with many distinct fields quadratic). */
static int fref_index_room(sk__fieldtab_t *t)
{
	if ((t->n + 1) * 2 <= t->hcap)
		return 0;
	size_t nc = t->hcap ? t->hcap * 2 : 64;
	uint32_t *h = calloc(nc, sizeof(*h));
	if (!h)
		return -ENOMEM;
	free(t->hidx);
	t->hidx = h;
	t->hcap = nc;
	for (size_t k = 0; k < t->n; k++) {
		const sk__fref_t *r = t->v[k];
		t->hidx[fref_slot(t, r->fi, r->arg, r->arg_present)] = (uint32_t)k + 1;
	}
	return 0;
}

static sk__fref_t *fieldtab_intern(sk__cctx_t *c, const sk_field_info_t *fi, const char *arg,
	bool arg_present, uint64_t idx)
{
	sk__fieldtab_t *t = c->env->fields;
	if (fref_index_room(t)) {
		sk__coom(c);
		return NULL;
	}
	size_t slot = fref_slot(t, fi, arg, arg_present);
	if (t->hidx[slot])
		return t->v[t->hidx[slot] - 1];
	if (t->n == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 32;
		sk__fref_t **v = realloc(t->v, nc * sizeof(*v));
		if (!v) {
			sk__coom(c);
			return NULL;
		}
		t->v = v;
		t->cap = nc;
	}
	sk__fref_t *r = calloc(1, sizeof(*r));
	if (!r || (arg && !(r->arg = strdup(arg)))) {
		free(r);
		sk__coom(c);
		return NULL;
	}
	r->slot = (uint32_t)t->n;
	r->fi = fi;
	r->arg_present = arg_present;
	r->arg_index = idx;
	r->vt = sk__vt_of_ftype(fi->ftype);
	r->list = (fi->flags & SK_FIELD_IS_LIST) != 0;
	t->v[t->n++] = r;
	t->hidx[slot] = (uint32_t)t->n;
	return r;
}

/* Resolve name[arg] for the source; evt.arg.flags style names fall back to
 * the longest dotted prefix declared with SK_FIELD_ARG_KEY. */
static sk__fref_t *resolve_field(sk__cctx_t *c, const sk__expr_t *e, char **keyout)
{
	const sk_rules_host_t *h = c->env->host;
	const sk_field_info_t *fi = NULL;
	const char *name = e->text;
	char *arg = NULL;
	bool has_arg = e->has_arg;
	sk__fref_t *r = NULL;
	if (!h || !h->find_field) {
		sk__cerr(c, &e->pos, -EINVAL, "no field catalogue for source '%s'", c->env->source);
		return NULL;
	}
	if (h->find_field(h->ctx, c->env->source, name, &fi) != 0) {
		fi = NULL;
		if (!has_arg) {
			size_t l = strlen(name);
			for (size_t i = l; i-- > 0;) {
				if (name[i] != '.')
					continue;
				char *pre = strndup(name, i);
				if (!pre) {
					sk__coom(c);
					return NULL;
				}
				const sk_field_info_t *f2 = NULL;
				int rc = h->find_field(h->ctx, c->env->source, pre, &f2);
				free(pre);
				if (rc == 0 && (f2->flags & SK_FIELD_ARG_KEY)) {
					fi = f2;
					arg = strdup(name + i + 1);
					if (!arg) {
						sk__coom(c);
						return NULL;
					}
					has_arg = true;
					break;
				}
			}
		}
		if (!fi) {
			sk__cerr(c, &e->pos, -EINVAL, "unknown field '%s' for source '%s'", name,
				c->env->source);
			return NULL;
		}
	} else if (has_arg) {
		arg = strdup(e->arg ? e->arg : "");
		if (!arg) {
			sk__coom(c);
			return NULL;
		}
	}
	/* libsinsp's argument rules: no index is UINT64_MAX; an index-only
	 * field takes a plain decimal that fits 64 bits (no leading 0); a field
	 * that also takes a key passes any other text as the key only. */
	uint64_t idx = UINT64_MAX;
	if (has_arg) {
		bool isnum = arg[0] != 0;
		for (const char *q = arg; *q; q++)
			if (!isdigit((unsigned char)*q))
				isnum = false;
		if (!(fi->flags & (SK_FIELD_ARG_INDEX | SK_FIELD_ARG_KEY))) {
			sk__cerr(c, &e->pos, -EINVAL, "field '%s' does not take an argument", fi->name);
			goto out;
		}
		bool key = fi->flags & SK_FIELD_ARG_KEY;
		const char *why = NULL;
		errno = 0;
		unsigned long long v = isnum ? strtoull(arg, NULL, 10) : 0;
		if (!isnum)
			why = "not composed only by digits";
		else if (arg[0] == '0' && arg[1])
			why = "starting with 0";
		else if (errno == ERANGE)
			why = "not representable on 64 bit";
		if (!why && (fi->flags & SK_FIELD_ARG_INDEX))
			idx = v;
		else if (why && !key) {
			sk__cerr(c, &e->pos, -EINVAL, "filter %s[%s] %s has an invalid index argument %s: %s",
				fi->name, arg, fi->name, why, arg);
			goto out;
		}
	} else if (fi->flags & SK_FIELD_ARG_REQUIRED) {
		sk__cerr(c, &e->pos, -EINVAL, "field '%s' requires an argument", fi->name);
		goto out;
	}
	if (sk__vt_of_ftype(fi->ftype) == SK__VT_NONE) {
		sk__cerr(c, &e->pos, -EINVAL, "field '%s' has an unsupported type %u", fi->name, fi->ftype);
		goto out;
	}
	r = fieldtab_intern(c, fi, arg, has_arg, idx);
	if (r && keyout) {
		size_t kl = strlen(e->text) + (e->has_arg ? strlen(e->arg ? e->arg : "") + 3 : 1);
		*keyout = malloc(kl);
		if (!*keyout) {
			sk__coom(c);
			r = NULL;
		} else if (e->has_arg) {
			snprintf(*keyout, kl, "%s[%s]", e->text, e->arg ? e->arg : "");
		} else {
			snprintf(*keyout, kl, "%s", e->text);
		}
	}
out:
	free(arg);
	return r;
}

/* ---- constants ----------------------------------------------------------- */

int sk__parse_hex(const char *s, char **out, uint32_t *len)
{
	size_t l = strlen(s);
	if (l % 2)
		return -EINVAL;
	char *b = malloc(l / 2 + 1);
	if (!b)
		return -ENOMEM;
	if (sk_sdk_hex_decode(s, l / 2, (uint8_t *)b) < 0) {
		free(b);
		return -EINVAL;
	}
	b[l / 2] = 0;
	*out = b;
	*len = (uint32_t)(l / 2);
	return 0;
}

int sk__value_parse(sk__vt_t vt, const char *s, sk__rv_t *out, char *why, size_t whylen)
{
	char *end;
	memset(out, 0, sizeof(*out));
	switch (vt) {
	case SK__VT_STR:
	case SK__VT_BUF:
		out->p = s;
		out->len = (uint32_t)strlen(s);
		return 0;
	case SK__VT_U64:
		errno = 0;
		if (!*s || *s == '-' || isspace((unsigned char)*s))
			break;
		/* decimal, or 0x hex: a leading 0 is not octal ("0755" = 755) */
		out->u = strtoull(s, &end, (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ? 16 : 10);
		if (errno || *end)
			break;
		return 0;
	case SK__VT_I64: {
		errno = 0;
		const char *d = (*s == '-' || *s == '+') ? s + 1 : s;
		long long v = strtoll(s, &end, (d[0] == '0' && (d[1] == 'x' || d[1] == 'X')) ? 16 : 10);
		if (!*s || errno || *end)
			break;
		out->u = (uint64_t)v;
		return 0;
	}
	case SK__VT_BOOL:
		if (!strcmp(s, "true"))
			out->u = 1;
		else if (strcmp(s, "false"))
			break;
		return 0;
	case SK__VT_IP:
	case SK__VT_NET:
		if (sk__ip_parse(s, true, &out->ip) == 0)
			return 0;
		snprintf(why, whylen, "'%s' is not a valid IP address or network", s);
		return -EINVAL;
	default:
		break;
	}
	static const char *names[] = {"?", "string", "unsigned number", "number", "boolean",
				      "IP address", "IP network", "buffer"};
	snprintf(why, whylen, "'%s' is not a valid %s", s, names[vt]);
	return -EINVAL;
}

/* ---- operands ---------------------------------------------------------- */

void sk__opnd_free(sk__opnd_t *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->nargs; i++)
		sk__opnd_free(o->args[i]);
	free(o->args);
	free(o->xarg);
	if (o->cv) {
		for (size_t i = 0; i < o->ncv; i++)
			free((char *)o->cv[i].p);
		free(o->cv);
	}
	free(o->key);
	free(o);
}


static sk__opnd_t *const_opnd(sk__cctx_t *c, const sk__expr_t *e)
{
	sk__opnd_t *o = calloc(1, sizeof(*o));
	if (!o) {
		sk__coom(c);
		return NULL;
	}
	o->vt = SK__VT_STR;
	if (e->kind == SK__EXPR_LITERAL) {
		o->kind = SK__O_CONST;
		o->ncv = 1;
	} else {
		o->kind = SK__O_CLIST;
		o->ncv = e->nitems;
		o->multi = o->list = true;
	}
	o->cv = calloc(o->ncv ? o->ncv : 1, sizeof(*o->cv));
	if (!o->cv) {
		free(o);
		sk__coom(c);
		return NULL;
	}
	for (size_t i = 0; i < o->ncv; i++) {
		const sk__expr_t *it = e->kind == SK__EXPR_LITERAL ? e : e->items[i];
		if (it->kind != SK__EXPR_LITERAL) {
			sk__cerr(c, &it->pos, -EINVAL, "only literal values are supported in this list");
			sk__opnd_free(o);
			return NULL;
		}
		char *d = strdup(it->text);
		if (!d) {
			sk__opnd_free(o);
			sk__coom(c);
			return NULL;
		}
		o->cv[i].p = d;
		o->cv[i].len = (uint32_t)strlen(d);
	}
	return o;
}

static sk__opnd_t *xform_opnd(sk__cctx_t *c, const sk__expr_t *e)
{
	sk__opnd_t *o = calloc(1, sizeof(*o));
	if (!o) {
		sk__coom(c);
		return NULL;
	}
	o->kind = SK__O_XFORM;
	o->xf = e->xform;
	o->args = calloc(e->nitems ? e->nitems : 1, sizeof(*o->args));
	if (!o->args || (e->has_arg && !(o->xarg = strdup(e->arg ? e->arg : "")))) {
		sk__coom(c);
		goto fail;
	}
	for (size_t i = 0; i < e->nitems; i++) {
		o->args[i] = sk__opnd_compile_c(c, e->items[i]);
		if (!o->args[i])
			goto fail;
		o->nargs++;
	}
	size_t want_min = 1, want_max = 1;
	switch (o->xf) {
	case SK__XF_JOIN: want_min = 2; want_max = SIZE_MAX; break;
	case SK__XF_CONCAT: want_min = 1; want_max = SIZE_MAX; break;
	default: break;
	}
	if (o->nargs < want_min || o->nargs > want_max) {
		sk__cerr(c, &e->pos, -EINVAL, "wrong number of arguments for %s()", e->text);
		goto fail;
	}
	if (e->has_arg && o->xf != SK__XF_GETOPT) {
		sk__cerr(c, &e->pos, -EINVAL, "%s() does not take an argument", e->text);
		goto fail;
	}
	if (o->xf == SK__XF_GETOPT && !e->has_arg) {
		sk__cerr(c, &e->pos, -EINVAL, "getopt() requires an option argument, e.g. getopt(...)[o]");
		goto fail;
	}
	sk__opnd_t *a0 = o->args[0];
	switch (o->xf) {
	case SK__XF_TOLOWER:
	case SK__XF_TOUPPER:
	case SK__XF_BASENAME:
	case SK__XF_B64:
		if (a0->vt != SK__VT_STR && !(o->xf == SK__XF_B64 && a0->vt == SK__VT_BUF)) {
			sk__cerr(c, &e->pos, -EINVAL, "%s() needs a string argument", e->text);
			goto fail;
		}
		o->vt = SK__VT_STR;
		o->multi = a0->multi;
		o->list = a0->list;
		break;
	case SK__XF_LEN:
		if (a0->vt != SK__VT_STR && a0->vt != SK__VT_BUF && !a0->list) {
			sk__cerr(c, &e->pos, -EINVAL, "len() needs a string, buffer or list argument");
			goto fail;
		}
		o->vt = SK__VT_U64;
		break;
	case SK__XF_JOIN:
		if (a0->kind != SK__O_CONST) {
			sk__cerr(c, &e->pos, -EINVAL, "join() needs a literal separator first");
			goto fail;
		}
		o->vt = SK__VT_STR;
		break;
	case SK__XF_CONCAT:
	case SK__XF_GETOPT:
		o->vt = SK__VT_STR;
		break;
	default:
		sk__cerr(c, &e->pos, -EINVAL, "unsupported transformer '%s'", e->text);
		goto fail;
	}
	return o;
fail:
	sk__opnd_free(o);
	return NULL;
}

sk__opnd_t *sk__opnd_compile_c(sk__cctx_t *c, const sk__expr_t *e)
{
	if (e->kind == SK__EXPR_LITERAL || e->kind == SK__EXPR_LIST)
		return const_opnd(c, e);
	if (e->kind == SK__EXPR_XFORM)
		return xform_opnd(c, e);
	sk__opnd_t *o = calloc(1, sizeof(*o));
	if (!o) {
		sk__coom(c);
		return NULL;
	}
	o->kind = SK__O_FIELD;
	o->fref = resolve_field(c, e, &o->key);
	if (!o->fref) {
		sk__opnd_free(o);
		return NULL;
	}
	o->vt = o->fref->vt;
	o->list = o->fref->list;
	o->multi = true; /* any field may hand back several values (proc.aname) */
	return o;
}

int sk__opnd_compile(const sk__expr_t *e, const sk__compile_env_t *env, sk__opnd_t **out,
	sk__compile_err_t *err)
{
	sk__cctx_t c = {.env = env, .err = err};
	if (err)
		memset(err, 0, sizeof(*err));
	*out = sk__opnd_compile_c(&c, e);
	return *out ? 0 : (c.rc ? c.rc : -EINVAL);
}

