/* loader_evtcheck.c - the load warning for evt.type values the rule's
 * source never delivers (a rule that validates but can never fire). */
#include <string.h>

#include "cond.h"
#include "loader_evtcheck.h"
#include "loader_items.h"

#define SK_EVTCHECK_MACRO_DEPTH 64

typedef struct evck {
	sk__ld_state_t *st;
	const sk_rules_opts_t *opts;
	const sk__ld_rule_t *r;
	const sk__text_t *text;
	const size_t *map;
	size_t maplen;
	int depth;
} evck_t;

static void walk(const sk__ast_t *ast, evck_t *k);

static void name_cb(void *ud, const char *name, const sk__expr_t *lit)
{
	evck_t *k = ud;
	if (k->opts->event_deliverable(k->opts->event_ctx, k->r->source, name))
		return;
	sk__ld_loc_t l = sk__ld_locate(k->text, k->map, k->maplen, lit->pos.off);
	sk__ld_warn(k->st, &l, "rule", k->r->name, "LOAD_UNDELIVERABLE_EVTTYPE",
		"the %s source as configured never delivers events of type '%s': this part of the "
		"condition can never match", k->r->source, name);
}

static void ident_cb(void *ud, const char *name, const sk__ast_t *node)
{
	evck_t *k = ud;
	(void)node;
	sk__ld_macro_t *m = sk__ld_find_macro(k->st, name);
	if (!m || !m->ast || !m->subst || k->depth >= SK_EVTCHECK_MACRO_DEPTH)
		return;
	evck_t sub = *k;
	sub.text = &m->cond;
	sub.map = m->map;
	sub.maplen = strlen(m->subst);
	sub.depth++;
	walk(m->ast, &sub);
}

static void walk(const sk__ast_t *ast, evck_t *k)
{
	sk__ast_foreach_evttype(ast, name_cb, k);
	sk__ast_foreach_ident(ast, ident_cb, k);
}

void sk__ld_warn_undeliverable(sk__ld_state_t *st, const sk_rules_opts_t *opts, const sk__ld_rule_t *r,
	const sk__ast_t *ast, const sk__text_t *text, const size_t *map, size_t maplen)
{
	if (!opts || !opts->event_deliverable || !r->source)
		return;
	evck_t k = { st, opts, r, text, map, maplen, 0 };
	walk(ast, &k);
}
