/*
 * evt_fields.h - the built-in generic `evt.*` extractor, valid for every
 * event source. It has the same shape as a plugin extractor: a field table
 * (field_id = index) and an extract call filling ss_plugin_extract_field.
 *
 * Fields and formats follow libsinsp's generic event filtercheck:
 * evt.num, evt.time (local HH:MM:SS.nnnnnnnnn), evt.time.s, evt.time.iso8601
 * (UTC YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+0000), evt.datetime, evt.datetime.s,
 * evt.rawtime (abstime ns), evt.rawtime.s, evt.rawtime.ns, evt.source,
 * evt.type (schema name; generic events: the syscall of their ID param;
 * 322 "pluginevent"; 402 the async event name),
 * evt.pluginname, evt.plugininfo, evt.is_async, evt.asynctype, evt.hostname.
 *
 * Threading: an sk_evt_ctx_t belongs to one worker thread. Results point
 * into the context and stay valid until the same field is extracted again
 * (so every field of one event can be held at once).
 */
#ifndef SK_EVT_FIELDS_H
#define SK_EVT_FIELDS_H

#include <stddef.h>
#include <stdint.h>

#include "plugin_api.h"
#include "../util/field.h"

enum {
	SK_EVT_F_NUM = 0,
	SK_EVT_F_TIME,
	SK_EVT_F_TIME_S,
	SK_EVT_F_TIME_ISO8601,
	SK_EVT_F_DATETIME,
	SK_EVT_F_DATETIME_S,
	SK_EVT_F_RAWTIME,
	SK_EVT_F_RAWTIME_S,
	SK_EVT_F_RAWTIME_NS,
	SK_EVT_F_SOURCE,
	SK_EVT_F_TYPE,
	SK_EVT_F_PLUGINNAME,
	SK_EVT_F_PLUGININFO,
	SK_EVT_F_IS_ASYNC,
	SK_EVT_F_ASYNCTYPE,
	SK_EVT_F_HOSTNAME,
	SK_EVT_F_COUNT,
};

/* The table (extractor index 0 in the host's catalogue). */
const sk_field_info_t *sk_evt_fields(size_t *n);

typedef struct sk_evt_ctx {
	const char *hostname;
	/* Name of the plugin that produced ev (322/402 events), or NULL. */
	const char *(*plugin_name)(void *ud, const ss_plugin_event_input *ev);
	/* plugin_event_to_string of that plugin, or NULL. */
	const char *(*plugin_info)(void *ud, const ss_plugin_event_input *ev);
	void *ud;
	/* per-field result storage */
	struct {
		uint64_t u64;
		uint32_t u32;
		const char *str;
		char buf[64];
	} slot[SK_EVT_F_COUNT];
} sk_evt_ctx_t;

/* Fill f (res/res_len) for field f->field_id. Returns 0 (res_len 0 when the
 * field has no value for this event) or -EINVAL for an unknown field id. */
int sk_evt_extract(sk_evt_ctx_t *ctx, const ss_plugin_event_input *ev, ss_plugin_extract_field *f);

/* The name parameter of a 402 async event, or NULL when malformed. */
const char *sk_evt_async_name(const ss_plugin_event *ev);

/* Name of an event type: schema name, "pluginevent", or NULL if unknown.
 * For 402 the async name is read from the event when ev is given. */
const char *sk_evt_type_name(const ss_plugin_event *ev, uint16_t type);

#endif
