/*
 * sk_sdk_source.h - the plugin_* entry points of a source + extractor
 * plugin, written once.
 *
 * A plugin that produces the events of one source and extracts fields from
 * them (k8saudit, cloudtrail, okta, github) describes itself in one
 * constant sk_sdk_source_def_t named `sk_sdk_source` (with
 * SK_SDK_SOURCE_LINK in it), and sk_sdk_source.c defines from it: the static info
 * (name, version, id, source, schema, open params), the field table, init
 * and destroy, open and close, next_batch, extract_fields, get_metrics and
 * get_last_error. The plugin writes only its hooks, and any entry point the
 * skeleton has no hook for (parse, progress, saker_drain).
 *
 * Layout: the plugin's state struct starts with an sk_sdk_plugin_t and its
 * instance struct with an sk_sdk_inst_t. The skeleton allocates them
 * zeroed (state_size, inst_size bytes) and gives the hooks pointers to
 * those first members; a hook casts them back to the plugin's own types.
 *
 * Ownership: the skeleton owns the state, the instance, the batch and the
 * metrics array; the hooks own what they put in the rest of the structs
 * and release it in destroy/close.
 *
 * Threading: as the plugin ABI: the host calls init/destroy/open/close
 * from one thread, next_batch on an instance from one thread at a time,
 * extract_fields and get_metrics on a state from one thread at a time.
 * The counters a plugin publishes are atomics, bumped from any thread.
 */
#ifndef SK_SDK_SOURCE_H
#define SK_SDK_SOURCE_H

#include <stdatomic.h>

#include "sk_plugin_sdk.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sk_sdk_plugin {
	sk_sdk_err_t err;                 /* plugin_get_last_error's text */
	const char *name;                 /* the plugin's name (log prefix) */
	ss_plugin_owner_t *owner;         /* from the init input; may be NULL */
	ss_plugin_log_fn_t log;           /* idem */
	uint32_t batch_max;               /* set by init: events per batch */
	const _Atomic uint64_t *counters; /* set by init: the def's ncounters values */
	void *inst;                       /* the open instance (NULL when none) */
	ss_plugin_metric *metrics;        /* skeleton-owned, ncounters + nextra */
} sk_sdk_plugin_t;

typedef struct sk_sdk_inst {
	sk_sdk_plugin_t *plugin;
	sk_sdk_batch_t batch;             /* reset before each next_batch hook */
} sk_sdk_inst_t;

typedef struct sk_sdk_source_def {
	const void *link;                 /* SK_SDK_SOURCE_LINK */
	const char *name, *version, *description;
	uint32_t id;
	const char *event_source;
	const char *init_schema;          /* JSON Schema text; NULL: none */
	const char *open_params;          /* plugin_list_open_params JSON */
	char *(*fields_json)(void);       /* malloc'd plugin_get_fields JSON */
	size_t state_size, inst_size;     /* >= the sk_sdk_* first members */
	/* Monotonic counters published first by get_metrics, in this order;
	 * then up to nextra metrics written by the metrics hook. */
	const char *const *counter_names;
	size_t ncounters, nextra;

	/* 0, or a negative errno with p->err set; destroy runs either way. */
	int (*init)(sk_sdk_plugin_t *p, const char *config);
	void (*destroy)(sk_sdk_plugin_t *p);
	/* params is never NULL. On failure p->err says why and close runs on
	 * the half-opened instance. */
	int (*open)(sk_sdk_plugin_t *p, sk_sdk_inst_t *in, const char *params);
	void (*close)(sk_sdk_inst_t *in);
	/* Fills in->batch; SS_PLUGIN_SUCCESS hands the batch to the host. */
	ss_plugin_rc (*next_batch)(sk_sdk_plugin_t *p, sk_sdk_inst_t *in);
	/* Once per extract_fields call, then extract per field (0 or a
	 * negative errno that fails the call). */
	void (*extract_begin)(sk_sdk_plugin_t *p);
	int (*extract)(sk_sdk_plugin_t *p, const ss_plugin_event_input *ev,
		ss_plugin_extract_field *f);
	/* Writes the extra metrics into m, returns how many (<= nextra). */
	uint32_t (*metrics)(sk_sdk_plugin_t *p, ss_plugin_metric *m);
} sk_sdk_source_def_t;

/* Defined by the plugin. */
extern const sk_sdk_source_def_t sk_sdk_source;

/* The entry points live in the static library sk_plugin_sdk; nothing in a
 * plugin calls them (the host looks them up), so the definition refers to
 * this symbol of theirs to have the linker take them in. */
extern const char sk_sdk_source_entry_points;
#define SK_SDK_SOURCE_LINK .link = &sk_sdk_source_entry_points

/* The skeleton's answer, for a plugin whose parse capability covers the
 * same source: "[\"<event_source>\"]". */
const char *plugin_get_extract_event_sources(void);

/* The extract hooks of a plugin whose state (type state_t) embeds its
 * extractor as `member`, with the extractor's begin_fn(ex) and
 * extract_fn(ex, ev, f): defines prefix##_extract_begin_hook and
 * prefix##_extract_hook. */
#define SK_SDK_EXTRACT_HOOKS(prefix, state_t, member, begin_fn, extract_fn)                   \
	static void prefix##_extract_begin_hook(sk_sdk_plugin_t *p)                          \
	{                                                                                    \
		begin_fn(&((state_t *)p)->member);                                           \
	}                                                                                    \
	static int prefix##_extract_hook(sk_sdk_plugin_t *p, const ss_plugin_event_input *ev, \
		ss_plugin_extract_field *f)                                                  \
	{                                                                                    \
		return extract_fn(&((state_t *)p)->member, ev, f);                           \
	}

/* Defines sk_sdk_source from the plugin's conventional names: types
 * prefix##_state_t and prefix##_inst_t; hooks prefix##_init, _destroy,
 * _open, _close, _next_batch, _metrics and the SK_SDK_EXTRACT_HOOKS pair;
 * prefix##_fields_json; the table counter_names; constants
 * PREFIX##_PLUGIN_NAME, _PLUGIN_VERSION, _PLUGIN_ID, _EVENT_SOURCE and
 * _C_COUNT. The rest follow as designated initialisers (description,
 * init_schema, open_params, nextra). */
#define SK_SDK_SOURCE_DEFINE(prefix, PREFIX, ...)                                             \
	const sk_sdk_source_def_t sk_sdk_source = {                                          \
		SK_SDK_SOURCE_LINK,                                                          \
		.name = PREFIX##_PLUGIN_NAME,                                                \
		.version = PREFIX##_PLUGIN_VERSION,                                          \
		.id = PREFIX##_PLUGIN_ID,                                                    \
		.event_source = PREFIX##_EVENT_SOURCE,                                       \
		.fields_json = prefix##_fields_json,                                         \
		.state_size = sizeof(prefix##_state_t),                                      \
		.inst_size = sizeof(prefix##_inst_t),                                        \
		.counter_names = counter_names,                                              \
		.ncounters = PREFIX##_C_COUNT,                                               \
		.init = prefix##_init,                                                       \
		.destroy = prefix##_destroy,                                                 \
		.open = prefix##_open,                                                       \
		.close = prefix##_close,                                                     \
		.next_batch = prefix##_next_batch,                                           \
		.extract_begin = prefix##_extract_begin_hook,                                \
		.extract = prefix##_extract_hook,                                            \
		.metrics = prefix##_metrics,                                                 \
		__VA_ARGS__                                                                  \
	}

/* A message to the host's log; without a host log function, warnings and
 * worse go to stderr as "<name>: <msg>" (a bare test harness). */
void sk_sdk_log(const sk_sdk_plugin_t *p, ss_plugin_log_severity sev, const char *msg);
void sk_sdk_logf(const sk_sdk_plugin_t *p, ss_plugin_log_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* One u64 metric. */
void sk_sdk_metric_u64(ss_plugin_metric *m, const char *name, ss_plugin_metric_type type,
	uint64_t v);

/* The event types a single-source plugin extracts and parses: plugin
 * events (type 322) only. Static storage. */
uint16_t *sk_sdk_plugin_event_types(uint32_t *numtypes);

#ifdef __cplusplus
}
#endif

#endif /* SK_SDK_SOURCE_H */
