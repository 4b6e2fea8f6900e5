/*
 * evnames.c - saker_get_event_names for the syscall source: the evt.type
 * names live capture delivers (its own rows, procexit, and every syscall of
 * the generic table that has no event code of its own; a syscall with a
 * code but no row would come as a generic event no rule on its name sees).
 * Replay delivers whatever the capture holds: no list.
 */
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "plugin_api.h"
#include "sk_event_schema.h"
#include "source.h"

#ifdef SAKER_HAVE_LIVE
#include "live_table.h"

#define SK_EVNAMES_CAP 16384

static char names[SK_EVNAMES_CAP];
static size_t used;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void add(const char *n)
{
	size_t l;
	const char *p;

	if (!n || !*n)
		return;
	for (p = names; p < names + used; p += strlen(p) + 1)
		if (!strcmp(p, n))
			return;
	l = strlen(n) + 1;
	if (used + l + 1 > sizeof(names))
		return; /* cannot happen with the tables as they are; a short list only warns less */
	memcpy(names + used, n, l);
	used += l;
}

static void add_code(uint16_t code)
{
	const sk_evt_info_t *i = sk_evt_info(code);

	if (i && !(i->flags & SK_EF_UNUSED))
		add(i->name);
}

static void build(void)
{
	size_t i;

	for (i = 0; i < sk__live_nrows; i++)
		add_code(sk__live_rows[i].evt);
	for (i = 0; i < sk__live_nxrows; i++)
		add_code(sk__live_xrows[i].evt);
	for (i = 0; i < sk__live_ngeneric; i++) {
		const char *n = sk_syscall_name(sk__live_generic[i].ppm_sc);
		uint16_t c;

		if (n && sk_evt_codes_by_name(n, &c, 1) == 0)
			add(n);
	}
	names[used] = 0;
}

const char *sk__event_names(const char *open_params)
{
	if (!sk_src_params_live(open_params))
		return NULL;
	pthread_once(&once, build);
	return names;
}
#else
const char *sk__event_names(const char *open_params)
{
	(void)open_params;
	return NULL; /* no live capture in this build */
}
#endif
