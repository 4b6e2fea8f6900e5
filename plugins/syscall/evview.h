/*
 * evview.h - a decoded view of the event being parsed or extracted.
 *
 * Parameters are looked up by name in the event itself and, for an exit
 * event of an older layout, in the paired enter event of the same thread
 * (captures written before the drivers put every parameter in the exit
 * event); this is how exit-only semantics are kept on old captures.
 * Ownership: views point into the event and the thread's saved enter
 * event; valid while both are. Threading: none.
 */
#ifndef SK_SYSCALL_EVVIEW_H
#define SK_SYSCALL_EVVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "plugin_api.h"
#include "sk_event_schema.h"

typedef struct sk_evview {
	const ss_plugin_event *evt;
	uint16_t type;
	uint64_t ts;
	int64_t tid;
	const sk_evt_info_t *info;
	int n;
	sk_evt_param_t p[SK_EVT_MAX_PARAMS];
	/* paired enter event (exit events only), or einfo == NULL */
	const sk_evt_info_t *einfo;
	int en;
	sk_evt_param_t ep[SK_EVT_MAX_PARAMS];
} sk_evview_t;

/* Decodes evt (and enter, the saved enter event of the thread, may be NULL).
 * Returns 0 or -EINVAL for a malformed event. */
int sk_evview_init(sk_evview_t *v, const ss_plugin_event *evt, const uint8_t *enter);

/* A parameter by name: exit event first, then the paired enter event.
 * Fills *out and *info; false if absent. */
bool sk_ev_param(const sk_evview_t *v, const char *name, sk_evt_param_t *out,
	const sk_evt_param_info_t **info);
/* By index in the event itself. */
bool sk_ev_param_at(const sk_evview_t *v, uint32_t idx, sk_evt_param_t *out,
	const sk_evt_param_info_t **info);

/* Numeric value of a parameter of any integer type (sign-extended). */
bool sk_ev_int(const sk_evview_t *v, const char *name, int64_t *out);
int64_t sk_param_int(const sk_evt_param_t *p, uint8_t type);
/* String value (PT_CHARBUF/FSPATH/FSRELPATH); NULL if absent or not a string. */
const char *sk_ev_str(const sk_evview_t *v, const char *name);

/* The return value of an exit event (its first parameter when of type
 * ERRNO, FD or PID); false when the event has none. */
bool sk_ev_res(const sk_evview_t *v, int64_t *out);

/* The fd the event operates on (the created fd for fd-creating events,
 * else the "fd" parameter); false when there is none. */
bool sk_ev_fd(const sk_evview_t *v, int64_t *out);

#endif
