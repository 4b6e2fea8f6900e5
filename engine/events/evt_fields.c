/* Built-in generic evt.* fields. */
#include "evt_fields.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "sk_event_schema.h"

#define F(id, type, name, desc) [id] = {name, desc, type, 0, 0, id}

static const sk_field_info_t g_fields[SK_EVT_F_COUNT] = {
	F(SK_EVT_F_NUM, FTYPE_UINT64, "evt.num", "event number."),
	F(SK_EVT_F_TIME, FTYPE_STRING, "evt.time",
		"event timestamp as a time string that includes the nanosecond part."),
	F(SK_EVT_F_TIME_S, FTYPE_STRING, "evt.time.s",
		"event timestamp as a time string with no nanoseconds."),
	F(SK_EVT_F_TIME_ISO8601, FTYPE_STRING, "evt.time.iso8601",
		"event timestamp in ISO 8601 format, including nanoseconds and time zone offset (in UTC)."),
	F(SK_EVT_F_DATETIME, FTYPE_STRING, "evt.datetime",
		"event timestamp as a time string that includes the date."),
	F(SK_EVT_F_DATETIME_S, FTYPE_STRING, "evt.datetime.s",
		"event timestamp as a datetime string with no nanoseconds."),
	F(SK_EVT_F_RAWTIME, FTYPE_ABSTIME, "evt.rawtime",
		"absolute event timestamp, i.e. nanoseconds from epoch."),
	F(SK_EVT_F_RAWTIME_S, FTYPE_ABSTIME, "evt.rawtime.s",
		"integer part of the event timestamp (e.g. seconds since epoch)."),
	F(SK_EVT_F_RAWTIME_NS, FTYPE_ABSTIME, "evt.rawtime.ns",
		"fractional part of the absolute event timestamp."),
	F(SK_EVT_F_SOURCE, FTYPE_STRING, "evt.source",
		"the name of the source that produced the event."),
	F(SK_EVT_F_TYPE, FTYPE_STRING, "evt.type", "The name of the event (e.g. 'open')."),
	F(SK_EVT_F_PLUGINNAME, FTYPE_STRING, "evt.pluginname",
		"if the event comes from a plugin-defined event source, the name of the plugin that "
		"generated it. The plugin must be currently loaded."),
	F(SK_EVT_F_PLUGININFO, FTYPE_STRING, "evt.plugininfo",
		"if the event comes from a plugin-defined event source, a summary of the event as "
		"formatted by the plugin. The plugin must be currently loaded."),
	F(SK_EVT_F_IS_ASYNC, FTYPE_BOOL, "evt.is_async",
		"'true' for asynchronous events, 'false' otherwise."),
	F(SK_EVT_F_ASYNCTYPE, FTYPE_STRING, "evt.asynctype",
		"If the event is asynchronous, the type of the event (e.g. 'container')."),
	F(SK_EVT_F_HOSTNAME, FTYPE_STRING, "evt.hostname",
		"The hostname of the underlying host (SAKER_HOSTNAME or FALCO_HOSTNAME overrides it)."),
};

const sk_field_info_t *sk_evt_fields(size_t *n)
{
	*n = SK_EVT_F_COUNT;
	return g_fields;
}

/* 402 layout: header, three uint32 lengths, plugin id, NUL-terminated name. */
const char *sk_evt_async_name(const ss_plugin_event *ev)
{
	if (!ev || ev->type != PPME_ASYNCEVENT_E || ev->nparams < 2 ||
		ev->len < SK_EVT_ASYNC_ID_OFF + 4)
		return NULL;
	const uint8_t *b = (const uint8_t *)ev;
	uint32_t l0 = sk_evt_get_len32(ev, 0), l1 = sk_evt_get_len32(ev, 1);
	size_t hdr = SK_EVT_HEADER_LEN + 4 * (size_t)ev->nparams;
	if (hdr + (size_t)l0 + l1 > ev->len || l1 == 0)
		return NULL;
	const char *name = (const char *)b + hdr + l0;
	if (name[l1 - 1] != '\0')
		return NULL;
	return name;
}

const char *sk_evt_type_name(const ss_plugin_event *ev, uint16_t type)
{
	if (type == PPME_PLUGINEVENT_E)
		return "pluginevent";
	if (type == PPME_ASYNCEVENT_E) {
		const char *n = sk_evt_async_name(ev);
		return n ? n : "asyncevent";
	}
	/* Generic events (codes 0/1) are named after the syscall in their ID
	 * parameter, as libsinsp's evt.type does. */
	if ((type == 0 || type == 1) && ev && ev->type == type) {
		sk_evt_param_t p;
		if (sk_evt_param(ev, 0, &p) == 0 && p.len == 2) {
			uint16_t id;
			memcpy(&id, p.data, 2);
			const char *n = sk_syscall_name(id);
			if (n)
				return n;
		}
	}
	const sk_evt_info_t *info = sk_evt_info(type);
	if (info && !(info->flags & SK_EF_UNUSED) && info->name)
		return info->name;
	return NULL;
}

static const char *fmt_time(char *buf, size_t len, uint64_t ts, bool utc, bool date, bool ns)
{
	time_t sec = (time_t)(ts / 1000000000ull);
	unsigned nsec = (unsigned)(ts % 1000000000ull);
	struct tm tm;
	if (utc)
		gmtime_r(&sec, &tm);
	else
		localtime_r(&sec, &tm);
	size_t off;
	if (utc)
		off = strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm);
	else
		off = strftime(buf, len, date ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S", &tm);
	if (ns || utc)
		snprintf(buf + off, len - off, ".%09u%s", nsec, utc ? "+0000" : "");
	return buf;
}

int sk_evt_extract(sk_evt_ctx_t *ctx, const ss_plugin_event_input *ev, ss_plugin_extract_field *f)
{
	if (f->field_id >= SK_EVT_F_COUNT)
		return -EINVAL;
	typeof(ctx->slot[0]) *s = &ctx->slot[f->field_id];
	uint64_t ts = ev->evt->ts;
	f->res_len = 0;
	switch (f->field_id) {
	case SK_EVT_F_NUM:
		s->u64 = ev->evtnum;
		goto u64;
	case SK_EVT_F_TIME:
		s->str = fmt_time(s->buf, sizeof(s->buf), ts, false, false, true);
		goto str;
	case SK_EVT_F_TIME_S:
		s->str = fmt_time(s->buf, sizeof(s->buf), ts, false, false, false);
		goto str;
	case SK_EVT_F_TIME_ISO8601:
		s->str = fmt_time(s->buf, sizeof(s->buf), ts, true, true, true);
		goto str;
	case SK_EVT_F_DATETIME:
		s->str = fmt_time(s->buf, sizeof(s->buf), ts, false, true, true);
		goto str;
	case SK_EVT_F_DATETIME_S:
		s->str = fmt_time(s->buf, sizeof(s->buf), ts, false, true, false);
		goto str;
	case SK_EVT_F_RAWTIME:
		s->u64 = ts;
		goto u64;
	case SK_EVT_F_RAWTIME_S:
		s->u64 = ts / 1000000000ull;
		goto u64;
	case SK_EVT_F_RAWTIME_NS:
		s->u64 = ts % 1000000000ull;
		goto u64;
	case SK_EVT_F_SOURCE:
		s->str = ev->evtsrc;
		goto str;
	case SK_EVT_F_TYPE:
		s->str = sk_evt_type_name(ev->evt, ev->evt->type);
		goto str;
	case SK_EVT_F_PLUGINNAME:
		s->str = (ctx->plugin_name && (ev->evt->type == PPME_PLUGINEVENT_E ||
						      ev->evt->type == PPME_ASYNCEVENT_E))
			? ctx->plugin_name(ctx->ud, ev)
			: NULL;
		goto str;
	case SK_EVT_F_PLUGININFO:
		s->str = (ctx->plugin_info && ev->evt->type == PPME_PLUGINEVENT_E)
			? ctx->plugin_info(ctx->ud, ev)
			: NULL;
		goto str;
	case SK_EVT_F_IS_ASYNC:
		s->u32 = ev->evt->type == PPME_ASYNCEVENT_E;
		f->res.u32 = &s->u32;
		f->res_len = 1;
		return 0;
	case SK_EVT_F_ASYNCTYPE:
		s->str = sk_evt_async_name(ev->evt);
		goto str;
	case SK_EVT_F_HOSTNAME:
		s->str = ctx->hostname;
		goto str;
	}
	return -EINVAL;
u64:
	f->res.u64 = &s->u64;
	f->res_len = 1;
	return 0;
str:
	if (s->str) {
		f->res.str = &s->str;
		f->res_len = 1;
	}
	return 0;
}
