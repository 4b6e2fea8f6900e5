/*
 * sk_event_schema.h - the scap event schema as data (part of the saker ABI).
 *
 * One row per event code (0 .. SK_EVT_CODE_MAX-1), with the upstream event
 * codes, names, categories, flags and parameter layouts, so that the host and
 * every plugin agree on what a syscall event carries. Even codes are enter
 * events, odd codes exit events (upstream convention); meta events such as
 * PPME_PLUGINEVENT_E (322) or PPME_ASYNCEVENT_E (402) are "enter" by code.
 *
 * Layout of an event in memory: the 26-byte header (ss_plugin_event), then
 * nparams lengths (uint16_t each, or uint32_t each when the code carries
 * SK_EF_LARGE_PAYLOAD), then the parameter data back to back.
 * Events may carry fewer parameters than the row lists (older captures) or
 * more (newer drivers); the walkers below use the event's own nparams.
 *
 * Ownership: everything returned points into static, read-only tables.
 * Threading: all functions are pure and thread-safe.
 */
#ifndef SAKER_EVENT_SCHEMA_H
#define SAKER_EVENT_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "plugin_api.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Number of event codes in the table (upstream PPM_EVENT_MAX). */
#define SK_EVT_CODE_MAX 426
#define SK_EVT_HEADER_LEN 26
#define SK_EVT_MAX_PARAMS 32

/*
 * The header fields by name. Events sit at any alignment (capture blocks,
 * batch buffers), so the fields are copied, never read through a pointer into
 * the packed struct. evt points at the event's first byte.
 */
static inline void sk__evt_get(const void *evt, size_t off, void *out, size_t n)
{
	memcpy(out, (const uint8_t *)evt + off, n);
}

static inline void sk__evt_set(void *evt, size_t off, const void *in, size_t n)
{
	memcpy((uint8_t *)evt + off, in, n);
}

#define SK__EVT_OFF(field) offsetof(ss_plugin_event, field)
static inline uint64_t sk_evt_get_ts(const void *e) { uint64_t v; sk__evt_get(e, SK__EVT_OFF(ts), &v, 8); return v; }
static inline uint64_t sk_evt_get_tid(const void *e) { uint64_t v; sk__evt_get(e, SK__EVT_OFF(tid), &v, 8); return v; }
static inline uint32_t sk_evt_get_len(const void *e) { uint32_t v; sk__evt_get(e, SK__EVT_OFF(len), &v, 4); return v; }
static inline uint16_t sk_evt_get_type(const void *e) { uint16_t v; sk__evt_get(e, SK__EVT_OFF(type), &v, 2); return v; }
static inline uint32_t sk_evt_get_nparams(const void *e) { uint32_t v; sk__evt_get(e, SK__EVT_OFF(nparams), &v, 4); return v; }
static inline void sk_evt_set_ts(void *e, uint64_t v) { sk__evt_set(e, SK__EVT_OFF(ts), &v, 8); }
static inline void sk_evt_set_tid(void *e, uint64_t v) { sk__evt_set(e, SK__EVT_OFF(tid), &v, 8); }
static inline void sk_evt_set_len(void *e, uint32_t v) { sk__evt_set(e, SK__EVT_OFF(len), &v, 4); }
static inline void sk_evt_set_type(void *e, uint16_t v) { sk__evt_set(e, SK__EVT_OFF(type), &v, 2); }
static inline void sk_evt_set_nparams(void *e, uint32_t v) { sk__evt_set(e, SK__EVT_OFF(nparams), &v, 4); }

/* The parameter lengths start right after the header. */
static inline const uint8_t *sk_evt_lens(const void *evt)
{
	return (const uint8_t *)evt + SK_EVT_HEADER_LEN;
}

/*
 * Plugin events (PPME_PLUGINEVENT_E): two parameters with 4-byte lengths,
 * the plugin id (uint32) and the payload, so the id sits at a fixed offset
 * and the payload starts at SK_EVT_PLUGIN_HDR_LEN. Async events
 * (PPME_ASYNCEVENT_E) carry three 4-byte lengths, then the plugin id.
 */
#define SK_EVT_PLUGIN_ID_OFF (SK_EVT_HEADER_LEN + 2 * 4)
#define SK_EVT_PLUGIN_HDR_LEN (SK_EVT_PLUGIN_ID_OFF + 4u)
#define SK_EVT_ASYNC_ID_OFF (SK_EVT_HEADER_LEN + 3 * 4)

/* The i-th 4-byte parameter length (large-payload and plugin events). */
static inline uint32_t sk_evt_get_len32(const void *e, uint32_t i) { uint32_t v; sk__evt_get(e, SK_EVT_HEADER_LEN + 4 * (size_t)i, &v, 4); return v; }
static inline void sk_evt_set_len32(void *e, uint32_t i, uint32_t v) { sk__evt_set(e, SK_EVT_HEADER_LEN + 4 * (size_t)i, &v, 4); }
static inline uint32_t sk_evt_get_plugin_id(const void *e) { uint32_t v; sk__evt_get(e, SK_EVT_PLUGIN_ID_OFF, &v, 4); return v; }
static inline void sk_evt_set_plugin_id(void *e, uint32_t v) { sk__evt_set(e, SK_EVT_PLUGIN_ID_OFF, &v, 4); }

/* The payload of a plugin event; its length is sk_evt_get_len32(evt, 1). */
static inline const uint8_t *sk_evt_plugin_payload(const void *evt)
{
	return (const uint8_t *)evt + SK_EVT_PLUGIN_HDR_LEN;
}

/*
 * Writes the header of a plugin event carrying a payload of plen bytes into
 * buf (room for SK_EVT_PLUGIN_HDR_LEN + plen): header, both lengths and the
 * plugin id; the caller copies the payload to buf + SK_EVT_PLUGIN_HDR_LEN.
 */
static inline void sk_evt_plugin_header(void *buf, uint64_t ts, uint32_t plugin_id, uint32_t plen)
{
	sk_evt_set_ts(buf, ts);
	sk_evt_set_tid(buf, UINT64_MAX);
	sk_evt_set_len(buf, SK_EVT_PLUGIN_HDR_LEN + plen);
	sk_evt_set_type(buf, PPME_PLUGINEVENT_E);
	sk_evt_set_nparams(buf, 2);
	sk_evt_set_len32(buf, 0, 4);
	sk_evt_set_len32(buf, 1, plen);
	sk_evt_set_plugin_id(buf, plugin_id);
}

/* Parameter types, upstream numbers (ppm_param_type). */
typedef enum sk_param_type {
	PT_NONE = 0,
	PT_INT8 = 1,
	PT_INT16 = 2,
	PT_INT32 = 3,
	PT_INT64 = 4,
	PT_UINT8 = 5,
	PT_UINT16 = 6,
	PT_UINT32 = 7,
	PT_UINT64 = 8,
	PT_CHARBUF = 9,      /* NUL-terminated string */
	PT_BYTEBUF = 10,     /* raw bytes */
	PT_ERRNO = 11,       /* int64, negative = -errno */
	PT_SOCKADDR = 12,    /* 1-byte family + address */
	PT_SOCKTUPLE = 13,   /* 1-byte family + src + dst */
	PT_FD = 14,          /* int64 */
	PT_PID = 15,         /* int64 */
	PT_FDLIST = 16,      /* uint16 count + count * (int64 fd + uint16 flags) */
	PT_FSPATH = 17,      /* path string */
	PT_SYSCALLID = 18,   /* uint16 */
	PT_SIGTYPE = 19,     /* uint8 */
	PT_RELTIME = 20,     /* uint64 ns */
	PT_ABSTIME = 21,     /* uint64 ns since epoch */
	PT_PORT = 22,        /* uint16 */
	PT_L4PROTO = 23,     /* uint8 */
	PT_SOCKFAMILY = 24,  /* uint8 */
	PT_BOOL = 25,        /* uint32 */
	PT_IPV4ADDR = 26,    /* 4 bytes */
	PT_DYN = 27,         /* 1-byte index + typed value */
	PT_FLAGS8 = 28,
	PT_FLAGS16 = 29,
	PT_FLAGS32 = 30,
	PT_UID = 31,         /* uint32 */
	PT_GID = 32,         /* uint32 */
	PT_DOUBLE = 33,
	PT_SIGSET = 34,      /* uint32 */
	PT_CHARBUFARRAY = 35,
	PT_CHARBUF_PAIR_ARRAY = 36,
	PT_IPV4NET = 37,
	PT_IPV6ADDR = 38,    /* 16 bytes */
	PT_IPV6NET = 39,
	PT_IPADDR = 40,
	PT_IPNET = 41,
	PT_MODE = 42,        /* uint32 file mode bits */
	PT_FSRELPATH = 43,   /* path relative to the dirfd parameter named by dirfd_idx */
	PT_ENUMFLAGS8 = 44,
	PT_ENUMFLAGS16 = 45,
	PT_ENUMFLAGS32 = 46,
	PT_MAX = 47
} sk_param_type_t;

/* Print formats (ppm_print_format). */
typedef enum sk_print_fmt {
	PF_NA = 0,
	PF_DEC = 1,
	PF_HEX = 2,
	PF_10_PADDED_DEC = 3,
	PF_ID = 4,
	PF_DIR = 5,
	PF_OCT = 6,
} sk_print_fmt_t;

/* Event categories (low bits of ppm_event_category). */
typedef enum sk_evt_category {
	SK_EC_UNKNOWN = 0,
	SK_EC_OTHER = 1,
	SK_EC_FILE = 2,
	SK_EC_NET = 3,
	SK_EC_IPC = 4,
	SK_EC_MEMORY = 5,
	SK_EC_PROCESS = 6,
	SK_EC_SLEEP = 7,
	SK_EC_SYSTEM = 8,
	SK_EC_SIGNAL = 9,
	SK_EC_USER = 10,
	SK_EC_TIME = 11,
	SK_EC_PROCESSING = 12,
	SK_EC_IO_READ = 32,
	SK_EC_IO_WRITE = 33,
	SK_EC_IO_OTHER = 34,
	SK_EC_WAIT = 64,
	SK_EC_SCHEDULER = 128,
	SK_EC_INTERNAL = 256,
} sk_evt_category_t;

/* Event flags (ppm_event_flags). */
#define SK_EF_NONE 0u
#define SK_EF_CREATES_FD (1u << 0)
#define SK_EF_DESTROYS_FD (1u << 1)
#define SK_EF_USES_FD (1u << 2)
#define SK_EF_READS_FROM_FD (1u << 3)
#define SK_EF_WRITES_TO_FD (1u << 4)
#define SK_EF_MODIFIES_STATE (1u << 5)
#define SK_EF_UNUSED (1u << 6)
#define SK_EF_WAITS (1u << 7)
#define SK_EF_SKIPPARSERESET (1u << 8)
#define SK_EF_OLD_VERSION (1u << 9)
#define SK_EF_DROP_SIMPLE_CONS (1u << 10)
#define SK_EF_LARGE_PAYLOAD (1u << 11)
/* Upstream spellings, for readers of the upstream docs. */
#define EF_UNUSED SK_EF_UNUSED
#define EF_OLD_VERSION SK_EF_OLD_VERSION
#define EF_LARGE_PAYLOAD SK_EF_LARGE_PAYLOAD

/* Symbolic names of a flags/enum parameter's values; array ends with name NULL. */
typedef struct sk_flag_name {
	const char *name;
	uint32_t value;
} sk_flag_name_t;

typedef struct sk_evt_param_info {
	const char *name;            /* e.g. "fd", "name", "res" */
	uint8_t type;                /* sk_param_type_t */
	uint8_t fmt;                 /* sk_print_fmt_t */
	int8_t dirfd_idx;            /* PT_FSRELPATH: index of its dirfd param; else -1 */
	const sk_flag_name_t *flags; /* value names for flag params, or NULL */
} sk_evt_param_info_t;

typedef struct sk_evt_info {
	const char *name;      /* syscall/event name, e.g. "open" ("NA" if unused) */
	uint16_t code;
	uint32_t category;     /* sk_evt_category_t */
	uint32_t flags;        /* SK_EF_* */
	uint32_t nparams;
	const sk_evt_param_info_t *params;
} sk_evt_info_t;

/* Row for code, or NULL when code >= SK_EVT_CODE_MAX. Unused codes return a
 * row with SK_EF_UNUSED set. */
const sk_evt_info_t *sk_evt_info(uint16_t code);

/* Writes up to cap codes whose name equals name (all versions, enter and
 * exit, unused rows excluded) and returns how many exist in total. */
size_t sk_evt_codes_by_name(const char *name, uint16_t *out, size_t cap);

/* Exit events have odd codes; meta events without a pair count as enter. */
bool sk_evt_is_exit(uint16_t code);

/* 'E' or 'X' semantics as a direction char for evt.dir ('>' enter, '<' exit). */
char sk_evt_dir_char(uint16_t code);

/* Size in bytes of each parameter length slot for code (2, or 4 when large). */
size_t sk_evt_lensize(uint16_t code);

/* Index of the parameter called name in code's row, or -1. */
int sk_evt_param_index(uint16_t code, const char *name);

/* Name of an upstream syscall code (the PT_SYSCALLID "ID" parameter of the
 * generic "syscall" events 0/1), e.g. "mprotect"; NULL if unknown. */
const char *sk_syscall_name(uint16_t ppm_sc);

/* Printable name of a parameter type ("PT_FD"), "PT_?" if unknown. */
const char *sk_param_type_name(uint8_t type);

/* A view of one parameter of an event. */
typedef struct sk_evt_param {
	const uint8_t *data;
	uint32_t len;
} sk_evt_param_t;

/*
 * Splits evt into its parameters: fills out[0..min(nparams, cap)) and
 * returns the event's nparams, or -EINVAL when the lengths do not fit in
 * evt->len (the event is then malformed and must be dropped).
 */
int sk_evt_params(const ss_plugin_event *evt, sk_evt_param_t *out, uint32_t cap);

/* One parameter by index; returns 0, -ENOENT (idx >= nparams) or -EINVAL. */
int sk_evt_param(const ss_plugin_event *evt, uint32_t idx, sk_evt_param_t *out);

/* Builds an event into buf (capacity cap): header, lengths, data.
 * Returns the total length, or -ENOSPC. ts/tid as given. */
int sk_evt_build(void *buf, size_t cap, uint64_t ts, uint64_t tid, uint16_t code,
	uint32_t nparams, const sk_evt_param_t *params);

#ifdef __cplusplus
}
#endif
#endif /* SAKER_EVENT_SCHEMA_H */
