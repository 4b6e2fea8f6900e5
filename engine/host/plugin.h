/*
 * plugin.h - loading one plugin library (Falco plugin API 3.x), deriving
 * its capabilities, parsing its field table and routing sets, and creating
 * plugin states (plugin_init) with a host owner. Implemented in plugin.c
 * (loading), plugin_fields.c (get_fields and routing JSON) and
 * plugin_state.c (states).
 *
 * Loader rules follow libsinsp (see ../shared/reference/plugin-abi.md):
 * dlopen RTLD_NOW|RTLD_LOCAL, dlsym of every plugin_* symbol, API-version
 * check, required symbols, version strings, capabilities (BROKEN fragments),
 * reserved `syscall` source, get_fields JSON, extract/parse/async sources.
 * Error texts are Falco's.
 *
 * A sourcing plugin with id 0 and an empty source provides the `syscall`
 * source (any libscap event type). saker's own syscall plugin may also
 * declare id 0 with source "syscall" when its name is "syscall".
 *
 * Ownership: an sk_plugin_t owns its strings and tables; libraries are never
 * dlclose'd (Go runtimes cannot be unloaded). Threading: loading runs on
 * one thread; an sk_plugin_state_t is used by one thread at a time.
 */
#ifndef SK_HOST_PLUGIN_H
#define SK_HOST_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plugin_api.h"
#include "../rules/rules.h"

#define SK_SYSCALL_SOURCE "syscall"

/* A set of event types, or "every type". */
typedef struct sk_typeset {
	bool all;
	uint8_t bits[65536 / 8];
} sk_typeset_t;

static inline bool sk_typeset_has(const sk_typeset_t *t, uint16_t type)
{
	return t->all || (t->bits[type >> 3] >> (type & 7)) & 1;
}

/* A set of source names; n == 0 means "every source". */
typedef struct sk_srcset {
	char **v;
	size_t n;
} sk_srcset_t;

bool sk_srcset_has(const sk_srcset_t *s, const char *source);

typedef struct sk_plugin {
	char *name;          /* plugin_get_name() */
	char *cfg_name;      /* name in the configuration */
	char *path;
	char *version, *required_api, *description, *contact;
	void *dl;
	plugin_api_fns api;
	saker_set_event_types_fn set_event_types; /* saker extension, may be NULL */
	saker_drain_fn drain;                      /* saker extension, may be NULL */
	saker_get_event_names_fn get_event_names; /* saker extension, may be NULL */
	saker_capture_write_fn capture_write;      /* saker extension, may be NULL */
	uint32_t caps;       /* CAP_* */
	uint32_t id;         /* 0 when none */
	char *source;        /* event source when sourcing ("syscall" for the syscall source), else "" */
	bool syscall_source; /* sourcing the syscall source (id 0) */
	sk_field_info_t *fields;  /* names/descs owned; extractor set by the registry */
	size_t nfields;
	sk_srcset_t extract_sources, parse_sources, async_sources;
	char **async_events;
	size_t nasync_events;
	/* Filled by sk_plugin_init_types after the first successful init. */
	sk_typeset_t *extract_types, *parse_types;
	char *init_config;
	char *open_params;
	uint32_t index;      /* registry index */
} sk_plugin_t;

/* Load and validate. On failure returns a negative errno and err holds the
 * reason (without the "cannot load plugin <path>: " prefix). */
int sk_plugin_load(const char *path, sk_plugin_t **out, char *err, size_t errlen);
void sk_plugin_free(sk_plugin_t *p); /* NULL-safe; does not dlclose */

/* Parse a get_fields JSON text into p->fields (exposed for tests). */
int sk_plugin_parse_fields(sk_plugin_t *p, const char *json, char *err, size_t errlen);
/* get_fields property of the any-of filter fields (SK_FIELD_ANY_OF). */
#define SK_FIELD_PROP_ANY_OF "saker.any_of"

/* libsinsp's rule on an extraction result: a field not declared isList
 * yields at most one value; the exception is a field declared with the
 * "saker.any_of" property. False when the result must be refused. */
bool sk_plugin_field_values_ok(const sk_plugin_t *p, const ss_plugin_extract_field *f);
/* Parse a "sources" JSON array (NULL or "" -> empty set). */
int sk_plugin_parse_sources(const char *plugin, const char *symbol, const char *json,
	sk_srcset_t *out, char *err, size_t errlen);
void sk_srcset_clear(sk_srcset_t *s);

/* "sourcing, extraction, parsing, async, capture listening" */
void sk_plugin_caps_string(uint32_t caps, char *buf, size_t len);

/* ---- states ---------------------------------------------------------- */

typedef struct sk_plugin_state {
	sk_plugin_t *plugin;
	ss_plugin_t *state;
	char last_error[PLUGIN_MAX_ERRLEN]; /* the host's last error for this owner */
	void *host_ctx;      /* the worker's async context using this state (sk__wasync_t) */
	bool async_set;      /* an async handler is installed */
	char *tables_source; /* the event source whose table registry it uses */
} sk_plugin_state_t;

/* The event schema version saker's events follow (checked against
 * plugin_get_required_event_schema_version on live sources). */
#define SK_EVENT_SCHEMA_VERSION "3.0.0"

/* plugin_init with p->init_config passed unchanged (validated against the
 * init schema as "{}" when empty), the owner, log_fn and a tables input
 * (always; bound to the registry of `source`, NULL = default). On failure
 * the plugin's last error is copied to err and destroy is called;
 * *table_missed (may be NULL) tells whether a table/field lookup failed
 * during init (retry once other plugins registered theirs). */
int sk_plugin_state_new_for(sk_plugin_t *p, const char *source, sk_plugin_state_t **out,
	bool *table_missed, char *err, size_t errlen);
/* Same, bound to the plugin's own source (sourcing plugins) or the default. */
int sk_plugin_state_new(sk_plugin_t *p, sk_plugin_state_t **out, char *err, size_t errlen);

/* Checks plugin_get_required_event_schema_version against
 * SK_EVENT_SCHEMA_VERSION (libsinsp's rule); 0 or -ENOTSUP with Falco's text. */
int sk_plugin_check_event_schema(const sk_plugin_t *p, sk_plugin_state_t *s, char *err,
	size_t errlen);
void sk_plugin_state_free(sk_plugin_state_t *s); /* NULL-safe; calls destroy */

/* Compute p->extract_types / p->parse_types from an initialised state. */
int sk_plugin_init_types(sk_plugin_t *p, sk_plugin_state_t *s, char *err, size_t errlen);

/* get_owner_last_error for every owner the host hands out (a plugin state):
 * the calling thread's last table error first, else the state's own. */
const char *sk__owner_last_error(ss_plugin_owner_t *o);

#endif
