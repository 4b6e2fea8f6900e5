/* corr_set.c - the compiled correlations of a ruleset: introspection
 * (definitions, sources, event types) and release. */
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "corr_int.h"
#include "loader_state.h"

static void step_free(sk_corr_step_t *s)
{
	free(s->rule);
	free(s->name);
	free(s->source);
	free(s->condition);
	free(s->by); /* by[] borrows capture[] strings */
	sk__ld_strv_free(s->capture, s->ncapture);
}

static void def_free(sk_corr_def_t *d)
{
	free(d->name);
	free(d->desc);
	free(d->field);
	for (size_t i = 0; d->steps && i < d->nsteps; i++)
		step_free(&d->steps[i]);
	free(d->steps);
	if (d->until)
		step_free(d->until);
	free(d->until);
	free(d->output);
	for (size_t i = 0; i < d->ntok; i++) {
		free(d->tok[i].text);
		free(d->tok[i].field);
	}
	free(d->tok);
	sk__ld_strv_free(d->tags, d->ntags);
	free(d->file);
}

void sk__corrset_free(sk__corrset_t *cs)
{
	if (!cs)
		return;
	for (size_t i = 0; i < cs->nsteps; i++) {
		if (cs->steps[i].own_check)
			sk__check_free(cs->steps[i].check);
		sk__fmt_free(cs->steps[i].fmt);
		free(cs->steps[i].evttypes);
	}
	free(cs->steps);
	for (size_t i = 0; i < cs->ndefs; i++)
		def_free(&cs->defs[i]);
	free(cs->defs);
	free(cs->eligible);
	free(cs);
}

size_t sk_ruleset_correlations(const sk_ruleset_t *rs, const sk_corr_def_t **out)
{
	*out = rs && rs->corr ? rs->corr->defs : NULL;
	return rs && rs->corr ? rs->corr->ndefs : 0;
}

bool sk_ruleset_corr_uses_source(const sk_ruleset_t *rs, const char *source)
{
	const sk__corrset_t *cs = rs ? rs->corr : NULL;
	for (size_t i = 0; cs && i < cs->nsteps; i++)
		if (cs->defs[cs->steps[i].corr].enabled && !strcmp(cs->steps[i].def->source, source))
			return true;
	return false;
}

size_t sk__corr_event_types(const sk_ruleset_t *rs, const char *source, uint16_t *out,
	bool *all)
{
	const sk__corrset_t *cs = rs ? rs->corr : NULL;
	size_t n = 0;
	for (size_t i = 0; cs && i < cs->nsteps; i++) {
		const sk__cstep_t *s = &cs->steps[i];
		if (!cs->defs[s->corr].enabled || strcmp(s->def->source, source))
			continue;
		*all |= s->all_types;
		if (out)
			memcpy(out + n, s->evttypes, s->nevttypes * sizeof(uint16_t));
		n += s->nevttypes;
	}
	return n;
}
