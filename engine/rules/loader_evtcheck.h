/*
 * loader_evtcheck.h - internal to the rules loader: warns, for one compiled
 * rule, about every evt.type value (in its condition and the macros it
 * uses) that opts->event_deliverable says its source never delivers. Loading thread only.
 */
#ifndef SK_RULES_LOADER_EVTCHECK_H
#define SK_RULES_LOADER_EVTCHECK_H

#include <stddef.h>

#include "loader_state.h"

/* text/map/maplen locate offsets of ast (the rule's condition after list
 * substitution) in the YAML, as for compile errors. */
void sk__ld_warn_undeliverable(sk__ld_state_t *st, const sk_rules_opts_t *opts, const sk__ld_rule_t *r,
	const struct sk__ast *ast, const sk__text_t *text, const size_t *map, size_t maplen);

#endif
