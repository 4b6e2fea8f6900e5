/*
 * plugin_api.h - the saker plugin ABI, binary-compatible with the Falco
 * plugin API 3.12.0.
 *
 * Written from the interface facts (names, layouts, constants); see
 * docs/plugin-guide.md. All layouts are for LP64 Linux.
 *
 * Ownership: memory returned by a plugin belongs to the plugin and stays
 * valid until the next call of the same function on the same state or
 * instance; memory passed in by the host belongs to the host.
 * Threading: one plugin state is used by one thread at a time; distinct
 * states may be used concurrently.
 */
#ifndef SAKER_PLUGIN_API_H
#define SAKER_PLUGIN_API_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PLUGIN_API_VERSION_MAJOR 3
#define PLUGIN_API_VERSION_MINOR 12
#define PLUGIN_API_VERSION_PATCH 0
#define PLUGIN_API_VERSION_STR "3.12.0"

#define PLUGIN_MAX_ERRLEN 1024
#define PLUGIN_EVENT_PAYLOAD_OFFSET 38

/* ---- base types ---------------------------------------------------- */

typedef uint32_t ss_plugin_bool;
typedef void ss_plugin_t;
typedef void ss_instance_t;
typedef void ss_plugin_owner_t;

typedef enum ss_plugin_rc {
	SS_PLUGIN_SUCCESS = 0,
	SS_PLUGIN_FAILURE = 1,
	SS_PLUGIN_TIMEOUT = -1,
	SS_PLUGIN_EOF = 2,
	SS_PLUGIN_NOT_SUPPORTED = 3,
} ss_plugin_rc;

typedef enum ss_plugin_schema_type {
	SS_PLUGIN_SCHEMA_NONE = 0,
	SS_PLUGIN_SCHEMA_JSON = 1,
} ss_plugin_schema_type;

typedef enum ss_plugin_field_type {
	FTYPE_UINT64 = 8,
	FTYPE_STRING = 9,
	FTYPE_RELTIME = 20,
	FTYPE_ABSTIME = 21,
	FTYPE_BOOL = 25,
	FTYPE_IPADDR = 40,
	FTYPE_IPNET = 41,
} ss_plugin_field_type;

typedef enum ss_plugin_log_severity {
	SS_PLUGIN_LOG_SEV_FATAL = 1,
	SS_PLUGIN_LOG_SEV_CRITICAL = 2,
	SS_PLUGIN_LOG_SEV_ERROR = 3,
	SS_PLUGIN_LOG_SEV_WARNING = 4,
	SS_PLUGIN_LOG_SEV_NOTICE = 5,
	SS_PLUGIN_LOG_SEV_INFO = 6,
	SS_PLUGIN_LOG_SEV_DEBUG = 7,
	SS_PLUGIN_LOG_SEV_TRACE = 8,
} ss_plugin_log_severity;

/* ---- events ---------------------------------------------------------- */

#pragma pack(push, 1)
/* The scap event header (26 bytes), followed by nparams lengths (uint16_t,
 * or uint32_t for types flagged EF_LARGE_PAYLOAD) and the parameter data. */
typedef struct ss_plugin_event {
	uint64_t ts;      /* ns since epoch; UINT64_MAX: host stamps it */
	uint64_t tid;     /* thread id; UINT64_MAX for plugin events */
	uint32_t len;     /* total length including this header */
	uint16_t type;    /* PPME_* event code */
	uint32_t nparams;
} ss_plugin_event;
#pragma pack(pop)

#define PPME_PLUGINEVENT_E 322
#define PPME_ASYNCEVENT_E 402

typedef struct ss_plugin_event_input {
	const ss_plugin_event *evt;
	uint64_t evtnum;
	const char *evtsrc;
} ss_plugin_event_input;

typedef struct ss_plugin_byte_buffer {
	uint32_t len;
	const void *ptr;
} ss_plugin_byte_buffer;

/* ---- state tables -------------------------------------------------- */

typedef enum ss_plugin_state_type {
	SS_PLUGIN_ST_INT8 = 1,
	SS_PLUGIN_ST_INT16 = 2,
	SS_PLUGIN_ST_INT32 = 3,
	SS_PLUGIN_ST_INT64 = 4,
	SS_PLUGIN_ST_UINT8 = 5,
	SS_PLUGIN_ST_UINT16 = 6,
	SS_PLUGIN_ST_UINT32 = 7,
	SS_PLUGIN_ST_UINT64 = 8,
	SS_PLUGIN_ST_STRING = 9,
	SS_PLUGIN_ST_TABLE = 10,
	SS_PLUGIN_ST_BOOL = 25,
} ss_plugin_state_type;

typedef void ss_plugin_table_t;
typedef void ss_plugin_table_entry_t;
typedef void ss_plugin_table_field_t;
typedef void ss_plugin_table_iterator_state_t;

typedef union ss_plugin_state_data {
	int8_t s8;
	int16_t s16;
	int32_t s32;
	int64_t s64;
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;
	const char *str;
	ss_plugin_table_t *table;
	ss_plugin_bool b;
} ss_plugin_state_data;

typedef struct ss_plugin_table_fieldinfo {
	const char *name;
	ss_plugin_state_type field_type;
	ss_plugin_bool read_only;
} ss_plugin_table_fieldinfo;

typedef struct ss_plugin_table_info {
	const char *name;
	ss_plugin_state_type key_type;
} ss_plugin_table_info;

typedef ss_plugin_bool (*ss_plugin_table_iterator_func_t)(
	ss_plugin_table_iterator_state_t *s, ss_plugin_table_entry_t *e);

/* Deprecated 3-pointer field vtable kept for layout compatibility. */
typedef struct ss_plugin_table_fields_vtable {
	const ss_plugin_table_fieldinfo *(*list_table_fields)(ss_plugin_table_t *t, uint32_t *nfields);
	ss_plugin_table_field_t *(*get_table_field)(ss_plugin_table_t *t, const char *name,
		ss_plugin_state_type data_type);
	ss_plugin_table_field_t *(*add_table_field)(ss_plugin_table_t *t, const char *name,
		ss_plugin_state_type data_type);
} ss_plugin_table_fields_vtable;

typedef struct ss_plugin_table_fields_vtable_ext {
	const ss_plugin_table_fieldinfo *(*list_table_fields)(ss_plugin_table_t *t, uint32_t *nfields);
	ss_plugin_table_field_t *(*get_table_field)(ss_plugin_table_t *t, const char *name,
		ss_plugin_state_type data_type);
	ss_plugin_table_field_t *(*add_table_field)(ss_plugin_table_t *t, const char *name,
		ss_plugin_state_type data_type);
} ss_plugin_table_fields_vtable_ext;

/* Deprecated 4-pointer reader vtable kept for layout compatibility. */
typedef struct ss_plugin_table_reader_vtable {
	const char *(*get_table_name)(ss_plugin_table_t *t);
	uint64_t (*get_table_size)(ss_plugin_table_t *t);
	ss_plugin_table_entry_t *(*get_table_entry)(ss_plugin_table_t *t, const ss_plugin_state_data *key);
	ss_plugin_rc (*read_entry_field)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
		const ss_plugin_table_field_t *f, ss_plugin_state_data *out);
} ss_plugin_table_reader_vtable;

typedef struct ss_plugin_table_reader_vtable_ext {
	const char *(*get_table_name)(ss_plugin_table_t *t);
	uint64_t (*get_table_size)(ss_plugin_table_t *t);
	ss_plugin_table_entry_t *(*get_table_entry)(ss_plugin_table_t *t, const ss_plugin_state_data *key);
	ss_plugin_rc (*read_entry_field)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
		const ss_plugin_table_field_t *f, ss_plugin_state_data *out);
	void (*release_table_entry)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e);
	ss_plugin_bool (*iterate_entries)(ss_plugin_table_t *t, ss_plugin_table_iterator_func_t it,
		ss_plugin_table_iterator_state_t *s);
} ss_plugin_table_reader_vtable_ext;

typedef struct ss_plugin_table_writer_vtable {
	ss_plugin_rc (*clear_table)(ss_plugin_table_t *t);
	ss_plugin_rc (*erase_table_entry)(ss_plugin_table_t *t, const ss_plugin_state_data *key);
	ss_plugin_table_entry_t *(*create_table_entry)(ss_plugin_table_t *t);
	void (*destroy_table_entry)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e);
	ss_plugin_table_entry_t *(*add_table_entry)(ss_plugin_table_t *t, const ss_plugin_state_data *key,
		ss_plugin_table_entry_t *e);
	ss_plugin_rc (*write_entry_field)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
		const ss_plugin_table_field_t *f, const ss_plugin_state_data *in);
} ss_plugin_table_writer_vtable;

typedef struct ss_plugin_table_writer_vtable_ext {
	ss_plugin_rc (*clear_table)(ss_plugin_table_t *t);
	ss_plugin_rc (*erase_table_entry)(ss_plugin_table_t *t, const ss_plugin_state_data *key);
	ss_plugin_table_entry_t *(*create_table_entry)(ss_plugin_table_t *t);
	void (*destroy_table_entry)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e);
	ss_plugin_table_entry_t *(*add_table_entry)(ss_plugin_table_t *t, const ss_plugin_state_data *key,
		ss_plugin_table_entry_t *e);
	ss_plugin_rc (*write_entry_field)(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
		const ss_plugin_table_field_t *f, const ss_plugin_state_data *in);
} ss_plugin_table_writer_vtable_ext;

/*
 * What a plugin hands to add_table() to publish a table it owns. The plugin
 * owns every pointer in it (the name, the table, the vtables) for as long as
 * the table is registered; the host copies the struct itself. Hosts use the
 * *_ext vtables when non-NULL and the deprecated inline ones otherwise.
 */
typedef struct ss_plugin_table_input {
	const char *name;
	ss_plugin_state_type key_type;
	ss_plugin_table_t *table;
	ss_plugin_table_reader_vtable reader;   /* deprecated */
	ss_plugin_table_writer_vtable writer;   /* deprecated */
	ss_plugin_table_fields_vtable fields;   /* deprecated */
	ss_plugin_table_reader_vtable_ext *reader_ext;
	ss_plugin_table_writer_vtable_ext *writer_ext;
	ss_plugin_table_fields_vtable_ext *fields_ext;
} ss_plugin_table_input;

/*
 * Tables offered to plugins with extraction or parsing capability. Every
 * table pointer a plugin obtains through get_table() is a host handle: it
 * must be used with the vtables given here (and in the extract/parse
 * inputs), which forward each call to the table's owner.
 */
typedef struct ss_plugin_init_tables_input {
	ss_plugin_table_info *(*list_tables)(ss_plugin_owner_t *o, uint32_t *ntables);
	ss_plugin_table_t *(*get_table)(ss_plugin_owner_t *o, const char *name,
		ss_plugin_state_type key_type);
	ss_plugin_rc (*add_table)(ss_plugin_owner_t *o, const ss_plugin_table_input *in);
	ss_plugin_table_fields_vtable fields;
	ss_plugin_table_fields_vtable_ext *fields_ext;
	ss_plugin_table_reader_vtable_ext *reader_ext;
	ss_plugin_table_writer_vtable_ext *writer_ext;
} ss_plugin_init_tables_input;

/* ---- init ----------------------------------------------------------- */

typedef void (*ss_plugin_log_fn_t)(ss_plugin_owner_t *o, const char *component,
	const char *msg, ss_plugin_log_severity sev);

typedef struct ss_plugin_init_input {
	const char *config;
	ss_plugin_owner_t *owner;
	const char *(*get_owner_last_error)(ss_plugin_owner_t *o);
	const ss_plugin_init_tables_input *tables;
	ss_plugin_log_fn_t log_fn;
} ss_plugin_init_input;

typedef struct ss_plugin_set_config_input {
	const char *config;
} ss_plugin_set_config_input;

/* ---- field extraction ----------------------------------------------- */

typedef struct ss_plugin_extract_value_offsets {
	uint32_t *start;
	uint32_t *length;
} ss_plugin_extract_value_offsets;

typedef struct ss_plugin_extract_field {
	union {
		const char **str;
		uint64_t *u64;
		uint32_t *u32;
		ss_plugin_bool *boolean;
		ss_plugin_byte_buffer *buf;
	} res;
	uint64_t res_len;
	uint32_t field_id;
	const char *field;
	const char *arg_key;
	uint64_t arg_index;
	ss_plugin_bool arg_present;
	uint32_t ftype;
	ss_plugin_bool flist;
} ss_plugin_extract_field;

typedef struct ss_plugin_field_extract_input {
	ss_plugin_owner_t *owner;
	const char *(*get_owner_last_error)(ss_plugin_owner_t *o);
	uint32_t num_fields;
	ss_plugin_extract_field *fields;
	ss_plugin_table_reader_vtable table_reader;
	ss_plugin_table_reader_vtable_ext *table_reader_ext;
	ss_plugin_extract_value_offsets *value_offsets; /* 3.11; may be NULL */
} ss_plugin_field_extract_input;

/* ---- event parsing -------------------------------------------------- */

typedef struct ss_plugin_event_parse_input {
	ss_plugin_owner_t *owner;
	const char *(*get_owner_last_error)(ss_plugin_owner_t *o);
	ss_plugin_table_reader_vtable table_reader;
	ss_plugin_table_writer_vtable table_writer;
	ss_plugin_table_reader_vtable_ext *table_reader_ext;
	ss_plugin_table_writer_vtable_ext *table_writer_ext;
} ss_plugin_event_parse_input;

/* ---- async events --------------------------------------------------- */

typedef ss_plugin_rc (*ss_plugin_async_event_handler_t)(ss_plugin_owner_t *o,
	const ss_plugin_event *evt, char *err);

/* ---- capture listening ---------------------------------------------- */

typedef void ss_plugin_routine_t;
typedef void ss_plugin_routine_state_t;
typedef ss_plugin_bool (*ss_plugin_routine_fn_t)(ss_plugin_t *s, ss_plugin_routine_state_t *i);

typedef struct ss_plugin_routine_vtable {
	ss_plugin_routine_t *(*subscribe)(ss_plugin_owner_t *o, ss_plugin_routine_fn_t f,
		ss_plugin_routine_state_t *i);
	ss_plugin_rc (*unsubscribe)(ss_plugin_owner_t *o, ss_plugin_routine_t *r);
} ss_plugin_routine_vtable;

typedef struct ss_plugin_capture_listen_input {
	ss_plugin_owner_t *owner;
	ss_plugin_routine_vtable *routine;
	ss_plugin_table_reader_vtable_ext *table_reader_ext;
	ss_plugin_table_writer_vtable_ext *table_writer_ext;
	const char *(*get_owner_last_error)(ss_plugin_owner_t *o);
} ss_plugin_capture_listen_input;

/* ---- metrics -------------------------------------------------------- */

typedef enum ss_plugin_metric_type {
	SS_PLUGIN_METRIC_TYPE_MONOTONIC = 0,
	SS_PLUGIN_METRIC_TYPE_NON_MONOTONIC = 1,
} ss_plugin_metric_type;

typedef enum ss_plugin_metric_value_type {
	SS_PLUGIN_METRIC_VALUE_TYPE_U32 = 0,
	SS_PLUGIN_METRIC_VALUE_TYPE_S32 = 1,
	SS_PLUGIN_METRIC_VALUE_TYPE_U64 = 2,
	SS_PLUGIN_METRIC_VALUE_TYPE_S64 = 3,
	SS_PLUGIN_METRIC_VALUE_TYPE_D = 4,
	SS_PLUGIN_METRIC_VALUE_TYPE_F = 5,
	SS_PLUGIN_METRIC_VALUE_TYPE_I = 6,
} ss_plugin_metric_value_type;

typedef union ss_plugin_metric_value {
	uint32_t u32;
	int32_t s32;
	uint64_t u64;
	int64_t s64;
	double d;
	float f;
	int i;
} ss_plugin_metric_value;

typedef struct ss_plugin_metric {
	const char *name;
	ss_plugin_metric_type type;
	ss_plugin_metric_value value;
	ss_plugin_metric_value_type value_type;
} ss_plugin_metric;

/* ---- capabilities (host side, as the reference loader derives them) -- */

typedef enum plugin_caps_t {
	CAP_NONE = 0,
	CAP_SOURCING = 1 << 0,
	CAP_EXTRACTION = 1 << 1,
	CAP_PARSING = 1 << 2,
	CAP_ASYNC = 1 << 3,
	CAP_CAPTURE_LISTENING = 1 << 4,
	CAP_BROKEN = 1 << 31,
} plugin_caps_t;

/* ---- the exported symbols (each "plugin_" + name) ------------------- */

typedef struct plugin_api_fns {
	const char *(*get_required_api_version)(void);
	const char *(*get_version)(void);
	const char *(*get_name)(void);
	const char *(*get_description)(void);
	const char *(*get_contact)(void);
	ss_plugin_t *(*init)(const ss_plugin_init_input *in, ss_plugin_rc *rc);
	void (*destroy)(ss_plugin_t *s);
	const char *(*get_last_error)(ss_plugin_t *s);
	const char *(*get_init_schema)(ss_plugin_schema_type *schema_type);
	ss_plugin_rc (*set_config)(ss_plugin_t *s, const ss_plugin_set_config_input *in);
	ss_plugin_metric *(*get_metrics)(ss_plugin_t *s, uint32_t *num_metrics);
	const char *(*get_required_event_schema_version)(ss_plugin_t *s);
	/* sourcing */
	uint32_t (*get_id)(void);
	const char *(*get_event_source)(void);
	ss_instance_t *(*open)(ss_plugin_t *s, const char *params, ss_plugin_rc *rc);
	void (*close)(ss_plugin_t *s, ss_instance_t *h);
	ss_plugin_rc (*next_batch)(ss_plugin_t *s, ss_instance_t *h, uint32_t *nevts,
		ss_plugin_event ***evts);
	const char *(*list_open_params)(ss_plugin_t *s, ss_plugin_rc *rc);
	const char *(*get_progress)(ss_plugin_t *s, ss_instance_t *h, uint32_t *progress_pct);
	const char *(*event_to_string)(ss_plugin_t *s, const ss_plugin_event_input *evt);
	/* extraction */
	const char *(*get_fields)(void);
	ss_plugin_rc (*extract_fields)(ss_plugin_t *s, const ss_plugin_event_input *evt,
		const ss_plugin_field_extract_input *in);
	const char *(*get_extract_event_sources)(void);
	uint16_t *(*get_extract_event_types)(uint32_t *numtypes, ss_plugin_t *s);
	/* parsing */
	ss_plugin_rc (*parse_event)(ss_plugin_t *s, const ss_plugin_event_input *evt,
		const ss_plugin_event_parse_input *in);
	const char *(*get_parse_event_sources)(void);
	uint16_t *(*get_parse_event_types)(uint32_t *numtypes, ss_plugin_t *s);
	/* async */
	const char *(*get_async_events)(void);
	const char *(*get_async_event_sources)(void);
	ss_plugin_rc (*set_async_event_handler)(ss_plugin_t *s, ss_plugin_owner_t *owner,
		const ss_plugin_async_event_handler_t handler);
	ss_plugin_rc (*dump_state)(ss_plugin_t *s, ss_plugin_owner_t *owner,
		const ss_plugin_async_event_handler_t handler);
	/* capture listening */
	ss_plugin_rc (*capture_open)(ss_plugin_t *s, const ss_plugin_capture_listen_input *in);
	ss_plugin_rc (*capture_close)(ss_plugin_t *s, const ss_plugin_capture_listen_input *in);
} plugin_api_fns;

/* ---- layout checks (LP64; values from the Falco 3.12 headers) ------- */

#if !defined(__cplusplus) && defined(__LP64__)
_Static_assert(sizeof(ss_plugin_state_data) == 8, "ss_plugin_state_data");
_Static_assert(sizeof(ss_plugin_table_info) == 16, "ss_plugin_table_info");
_Static_assert(sizeof(ss_plugin_table_fieldinfo) == 16, "ss_plugin_table_fieldinfo");
_Static_assert(sizeof(ss_plugin_table_fields_vtable) == 24, "fields_vtable");
_Static_assert(sizeof(ss_plugin_table_fields_vtable_ext) == 24, "fields_vtable_ext");
_Static_assert(sizeof(ss_plugin_table_reader_vtable) == 32, "reader_vtable");
_Static_assert(sizeof(ss_plugin_table_reader_vtable_ext) == 48, "reader_vtable_ext");
_Static_assert(sizeof(ss_plugin_table_writer_vtable) == 48, "writer_vtable");
_Static_assert(sizeof(ss_plugin_table_writer_vtable_ext) == 48, "writer_vtable_ext");
_Static_assert(sizeof(ss_plugin_table_input) == 152, "ss_plugin_table_input");
_Static_assert(offsetof(ss_plugin_table_input, table) == 16, "table_input.table");
_Static_assert(offsetof(ss_plugin_table_input, reader) == 24, "table_input.reader");
_Static_assert(offsetof(ss_plugin_table_input, writer) == 56, "table_input.writer");
_Static_assert(offsetof(ss_plugin_table_input, fields) == 104, "table_input.fields");
_Static_assert(offsetof(ss_plugin_table_input, reader_ext) == 128, "table_input.reader_ext");
_Static_assert(offsetof(ss_plugin_table_input, fields_ext) == 144, "table_input.fields_ext");
_Static_assert(sizeof(ss_plugin_init_tables_input) == 72, "ss_plugin_init_tables_input");
_Static_assert(offsetof(ss_plugin_init_tables_input, fields) == 24, "init_tables.fields");
_Static_assert(offsetof(ss_plugin_init_tables_input, fields_ext) == 48, "init_tables.fields_ext");
_Static_assert(offsetof(ss_plugin_init_tables_input, reader_ext) == 56, "init_tables.reader_ext");
_Static_assert(offsetof(ss_plugin_init_tables_input, writer_ext) == 64, "init_tables.writer_ext");
_Static_assert(sizeof(ss_plugin_init_input) == 40, "ss_plugin_init_input");
_Static_assert(sizeof(ss_plugin_extract_field) == 64, "ss_plugin_extract_field");
_Static_assert(sizeof(ss_plugin_field_extract_input) == 80, "ss_plugin_field_extract_input");
_Static_assert(offsetof(ss_plugin_field_extract_input, table_reader_ext) == 64, "extract.reader_ext");
_Static_assert(sizeof(ss_plugin_event_parse_input) == 112, "ss_plugin_event_parse_input");
_Static_assert(offsetof(ss_plugin_event_parse_input, table_reader_ext) == 96, "parse.reader_ext");
_Static_assert(sizeof(ss_plugin_capture_listen_input) == 40, "capture_listen_input");
_Static_assert(sizeof(ss_plugin_metric) == 32, "ss_plugin_metric");
_Static_assert(sizeof(ss_plugin_event) == 26, "ss_plugin_event");
#endif

/*
 * saker extensions: optional symbols that Falco ignores.
 *
 * saker_set_event_types: the host hands a sourcing plugin the set of event
 * types the loaded rules (plus the plugin's own state tracking) need. It is
 * called twice at start: with h == NULL before open (the set for the next
 * open: the syscall plugin then loads only the BPF programs it needs), and
 * with the open instance before the first next_batch; then again with the
 * instance whenever the rules change. A plugin may use it to filter at the
 * source (the syscall plugin filters in the kernel). Falco never calls it:
 * a plugin opened without it captures every type.
 */
typedef ss_plugin_rc (*saker_set_event_types_fn)(ss_plugin_t *s, ss_instance_t *h,
	const uint16_t *types, uint32_t ntypes);
#define SAKER_SYM_SET_EVENT_TYPES "saker_set_event_types"

/*
 * saker_get_event_names: optional and stateless. The evt.type names a
 * sourcing plugin can deliver when opened with open_params, as NUL-terminated
 * names back to back ended by an empty one ("open\0openat\0\0"), or NULL
 * when it cannot tell (any type may come, e.g. the replay of a capture).
 * The string is static, valid while the library is loaded; thread-safe.
 * saker warns at rules load (LOAD_UNDELIVERABLE_EVTTYPE, file:line:col of
 * the name) when a rule of the plugin's source names another type.
 */
typedef const char *(*saker_get_event_names_fn)(const char *open_params);
#define SAKER_SYM_GET_EVENT_NAMES "saker_get_event_names"

/*
 * saker_drain: graceful shutdown of a push source (a webhook or any source
 * that acknowledged input it has not yet handed out). Called on the thread
 * that calls next_batch, between two next_batch calls, never concurrently
 * with them, and only after open succeeded.
 *
 * First call: the instance stops accepting new input for good (a webhook
 * answers 503 from then on) and keeps handing out, through next_batch, what
 * it had already accepted; once that is all out, next_batch returns
 * SS_PLUGIN_EOF. Later calls only report. Every call stores in *pending the
 * number of accepted events not yet handed out (0 when unknown).
 *
 * The host calls it once when saker stops, keeps calling next_batch until
 * EOF or until its flush deadline (saker.flush_timeout_ms), then calls it
 * again: the *pending of that last call is logged and counted as lost
 * before close. SS_PLUGIN_NOT_SUPPORTED (e.g. a file source of the same
 * plugin) makes the host stop the instance at once, as without the symbol.
 */
typedef ss_plugin_rc (*saker_drain_fn)(ss_plugin_t *s, ss_instance_t *h, uint64_t *pending);
#define SAKER_SYM_DRAIN "saker_drain"

/*
 * saker_capture_write: a sourcing plugin that writes its event stream to a
 * capture file (the syscall plugin's "write" open parameter) also writes the
 * events the host hands it, so the file holds what libsinsp's dumper puts
 * in one: the state async plugins dump (plugin_dump_state) when the capture
 * opens, then the source's async events as they are processed.
 * evt NULL asks whether the instance writes a capture file: SS_PLUGIN_SUCCESS
 * when it does, SS_PLUGIN_NOT_SUPPORTED otherwise. evt is the host's; the
 * plugin copies what it keeps. Called on the thread that calls next_batch,
 * never concurrently with it, only after open succeeded.
 */
typedef ss_plugin_rc (*saker_capture_write_fn)(ss_plugin_t *s, ss_instance_t *h,
	const ss_plugin_event *evt);
#define SAKER_SYM_CAPTURE_WRITE "saker_capture_write"

#ifdef __cplusplus
}
#endif
#endif /* SAKER_PLUGIN_API_H */
