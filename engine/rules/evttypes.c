/*
 * evttypes.c - the set of event codes a compiled condition can match, for
 * indexing rules by event type (libsinsp ppm_codes semantics: evt.type
 * checks with =, !=, in; `not` pushed down with De Morgan; checks on other
 * fields do not constrain; evt.num = 0 matches nothing).
 */
#include "cond.h"
#include "cond_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sk_event_schema.h"

#define NW ((SK_EVT_CODE_MAX + 63) / 64)

typedef struct cset {
	uint64_t w[NW];
} cset_t;

static void cs_all(cset_t *s)
{
	memset(s, 0, sizeof(*s));
	for (uint32_t i = 0; i < SK_EVT_CODE_MAX; i++)
		s->w[i / 64] |= 1ull << (i % 64);
}

static void cs_not(cset_t *s)
{
	cset_t all;
	cs_all(&all);
	for (size_t i = 0; i < NW; i++)
		s->w[i] = ~s->w[i] & all.w[i];
}

static void cs_add(cset_t *s, uint16_t code)
{
	if (code < SK_EVT_CODE_MAX)
		s->w[code / 64] |= 1ull << (code % 64);
}

static bool cs_full(const cset_t *s)
{
	cset_t all;
	cs_all(&all);
	return memcmp(&all, s, sizeof(all)) == 0;
}

/* Codes of the evt.type check's names (union). */
static void names_codes(const sk__cnode_t *n, cset_t *s)
{
	memset(s, 0, sizeof(*s));
	for (size_t i = 0; i < n->ncv; i++) {
		uint16_t codes[64];
		size_t k = sk_evt_codes_by_name(n->cv[i].p, codes, 64);
		for (size_t j = 0; j < k && j < 64; j++)
			cs_add(s, codes[j]);
		if (k == 0) {
			/* a syscall without its own code comes as a generic event,
			 * as libsinsp's names_to_event_set has it */
			cs_add(s, 0);
			cs_add(s, 1);
		}

	}
}

static void walk(const sk__cnode_t *n, bool neg, cset_t *out)
{
	cset_t tmp;
	switch (n->kind) {
	case SK__C_AND:
	case SK__C_OR: {
		/* and = intersection, or = union; negation swaps them */
		bool inter = (n->kind == SK__C_AND) != neg;
		if (inter)
			cs_all(out);
		else
			memset(out, 0, sizeof(*out));
		for (size_t i = 0; i < n->nkids; i++) {
			walk(n->kids[i], neg, &tmp);
			for (size_t w = 0; w < NW; w++)
				out->w[w] = inter ? (out->w[w] & tmp.w[w]) : (out->w[w] | tmp.w[w]);
		}
		return;
	}
	case SK__C_NOT:
		walk(n->kids[0], !neg, out);
		return;
	case SK__C_TRUE:
	case SK__C_FALSE:
		if ((n->kind == SK__C_TRUE) != neg)
			cs_all(out);
		else
			memset(out, 0, sizeof(*out));
		return;
	case SK__C_CHECK:
		break;
	}
	if (n->special == SK__SPECIAL_EVT_TYPE && !n->rhs && !n->mod && n->vt == SK__VT_STR &&
	    (n->op == SK__OP_EQ || n->op == SK__OP_IN || n->op == SK__OP_INTERSECTS ||
	     n->op == SK__OP_NE)) {
		names_codes(n, out);
		if ((n->op == SK__OP_NE) != neg)
			cs_not(out);
		return;
	}
	if (n->special == SK__SPECIAL_EVT_NUM && !n->rhs && n->op == SK__OP_EQ && n->ncv == 1 &&
	    n->cv[0].u == 0 && n->vt != SK__VT_STR) {
		if (neg)
			cs_all(out);
		else
			memset(out, 0, sizeof(*out));
		return;
	}
	cs_all(out);
}

int sk__check_event_types(const sk__check_t *c, const char *source, uint16_t **types, size_t *n,
	bool *all)
{
	cset_t s;
	*types = NULL;
	*n = 0;
	*all = false;
	if (source && strcmp(source, "syscall") != 0) {
		memset(&s, 0, sizeof(s));
		cs_add(&s, PPME_PLUGINEVENT_E);
	} else if (c && c->root) {
		walk(c->root, false, &s);
		*all = cs_full(&s);
	} else {
		cs_all(&s);
		*all = true;
	}
	cs_add(&s, PPME_ASYNCEVENT_E);
	size_t cnt = 0;
	for (size_t w = 0; w < NW; w++)
		cnt += (size_t)__builtin_popcountll(s.w[w]);
	uint16_t *v = malloc((cnt ? cnt : 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	size_t k = 0;
	for (uint32_t i = 0; i < SK_EVT_CODE_MAX; i++)
		if (s.w[i / 64] & (1ull << (i % 64)))
			v[k++] = (uint16_t)i;
	*types = v;
	*n = k;
	return 0;
}
