/*
 * sk_plugin_sdk.h - a small C SDK for saker / Falco plugin authors.
 *
 * Pieces every plugin written against plugin_api.h needs, so that a plugin
 * is mostly its own logic:
 *
 *   - sk_sdk_err_t        a last-error buffer for plugin_get_last_error
 *   - sk_sdk_field_t      a field table (data, one row per field) rendered
 *                         to the plugin_get_fields JSON
 *   - sk_sdk_batch_t      type-322 plugin events built into a reusable,
 *                         growable buffer, plus the pointer array that
 *                         plugin_next_batch hands to the host
 *   - sk_sdk_event_*      reading a type-322 event's plugin id and payload
 *   - sk_sdk_config_*     init_config text -> JSON object with typed getters
 *                         whose errors name the key
 *   - sk_sdk_extract_t    answering extract requests: string/u64/bool
 *                         values and lists, with storage owned by the
 *                         plugin until its next extract_fields call
 *   - sk_sdk_json_*       JSON pointer lookup and "value as text" rendering
 *                         shared by the JSON-payload plugins
 *
 * Conventions: functions returning int return 0 or a negative errno value
 * and, when given one, fill an error buffer (char *err, size_t errlen) with
 * a single line naming the culprit. Destroy/free functions accept NULL.
 *
 * Ownership: every object here is owned by the caller (normally embedded in
 * the plugin state or instance). Memory handed to the host (fields JSON,
 * batch events, extraction results) stays owned by the object and valid
 * until the next call that resets or mutates that same object, which maps
 * directly onto the ABI rule "valid until the next call of the same
 * function on the same state/instance".
 *
 * Threading: no object has internal locking. Use one object from one thread
 * at a time; the host calls extract_fields on a state from one thread at a
 * time and next_batch on an instance from one thread at a time, so keeping
 * one sk_sdk_extract_t per state and one sk_sdk_batch_t per instance is
 * enough. Distinct objects may be used concurrently. The functions keep no
 * global state (sk_sdk_fields_json is pure).
 *
 * Link: static library `sk_plugin_sdk` (PIC, links jansson).
 */
#ifndef SK_PLUGIN_SDK_H
#define SK_PLUGIN_SDK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <jansson.h>

#include "plugin_api.h"
#include "sk_event_schema.h"
#include "sk_sdk_util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Mark the plugin_* entry points; plugins build with hidden visibility so
 * that only the ABI symbols are exported from the .so. */
#define SK_PLUGIN_EXPORT __attribute__((visibility("default")))

/* ---- last error -------------------------------------------------------- */

typedef struct sk_sdk_err {
	char msg[PLUGIN_MAX_ERRLEN];
} sk_sdk_err_t;

/* printf-style; truncates to PLUGIN_MAX_ERRLEN - 1 bytes. Returns e->msg. */
const char *sk_sdk_err_set(sk_sdk_err_t *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sk_sdk_err_clear(sk_sdk_err_t *e);

/* sk_sdk_errf (bounded snprintf into err, errlen) is in sk_sdk_util.h. */

/* Wipes a secret string (token, password) before freeing it. Accepts NULL. */
void sk_sdk_free_secret(char *s);

/* ---- field table --------------------------------------------------------- */

enum {
	SK_SDK_ARG_NONE = 0,
	SK_SDK_ARG_INDEX = 1 << 0,    /* numeric [N] accepted */
	SK_SDK_ARG_KEY = 1 << 1,      /* string [key] accepted */
	SK_SDK_ARG_REQUIRED = 1 << 2, /* an argument must be given (needs INDEX or KEY) */
};

enum {
	SK_SDK_PROP_NONE = 0,
	SK_SDK_PROP_HIDDEN = 1 << 0,
	SK_SDK_PROP_INFO = 1 << 1,
	SK_SDK_PROP_CONVERSATION = 1 << 2,
};

/* One row of a plugin's field table. The row index is the field_id the host
 * passes to extract_fields. display may be NULL. */
typedef struct sk_sdk_field {
	const char *name;
	ss_plugin_field_type type; /* FTYPE_STRING, FTYPE_UINT64, FTYPE_BOOL, ... */
	bool is_list;
	unsigned arg;              /* SK_SDK_ARG_* flags */
	const char *desc;
	const char *display;
	bool add_output;
	unsigned props;            /* SK_SDK_PROP_* flags */
} sk_sdk_field_t;

/* Render the table as the plugin_get_fields JSON array. Returns a malloc'd
 * NUL-terminated string the caller owns (free()), or NULL with err filled
 * (bad row: empty name/desc, unknown type, REQUIRED without INDEX/KEY). */
char *sk_sdk_fields_json(const sk_sdk_field_t *fields, size_t n, char *err, size_t errlen);

/* Index of the field named `name`, or -1. Linear; meant for set-up code. */
int sk_sdk_field_find(const sk_sdk_field_t *fields, size_t n, const char *name);

/* ---- plugin events (type 322) ------------------------------------------ */

/* Bytes in front of a type-322 payload: 26-byte header + 2 x u32 lengths +
 * u32 plugin id (== PLUGIN_EVENT_PAYLOAD_OFFSET). */
#define SK_SDK_PLUGIN_EVENT_HDR SK_EVT_PLUGIN_HDR_LEN

/* A batch of type-322 events in one growable buffer. Reuse it across
 * next_batch calls: sk_sdk_batch_reset() then add events, then hand
 * sk_sdk_batch_events() to the host. Events and the pointer array stay valid
 * until the next reset/add/free on this batch. */
typedef struct sk_sdk_batch {
	uint8_t *buf;             /* events back to back, 8-byte aligned starts */
	size_t len, cap;
	size_t *offs;             /* offset of each event in buf */
	ss_plugin_event **ptrs;   /* filled by sk_sdk_batch_events() */
	uint32_t count;           /* events in the batch */
	uint32_t max_events;      /* capacity limit for one batch */
	size_t max_bytes;         /* 0 = no byte limit */
} sk_sdk_batch_t;

/* max_events >= 1; max_bytes caps the buffer (0: unlimited). */
int sk_sdk_batch_init(sk_sdk_batch_t *b, uint32_t max_events, size_t max_bytes);
void sk_sdk_batch_free(sk_sdk_batch_t *b);
void sk_sdk_batch_reset(sk_sdk_batch_t *b);
/* Append one event (payload copied). ts == UINT64_MAX lets the host stamp
 * it. plugin_id 0 lets the host fill its own id. Returns -ENOSPC when the
 * batch holds max_events or would exceed max_bytes (batch unchanged),
 * -EMSGSIZE for a payload over UINT32_MAX - 38, -ENOMEM. */
int sk_sdk_batch_add(sk_sdk_batch_t *b, uint64_t ts, uint32_t plugin_id,
	const void *payload, size_t len);
/* True when no more events fit by count. */
bool sk_sdk_batch_full(const sk_sdk_batch_t *b);
/* Pointer array for plugin_next_batch (*evts); NULL when empty. */
ss_plugin_event **sk_sdk_batch_events(sk_sdk_batch_t *b);

/* Write one type-322 event into dst (dst_cap >= 38 + len). Returns the
 * event size or a negative errno. */
ssize_t sk_sdk_event_write(void *dst, size_t dst_cap, uint64_t ts, uint32_t plugin_id,
	const void *payload, size_t len);

/* Validate a type-322 event and return its payload and plugin id. Returns
 * -EINVAL (wrong type/nparams/lengths) with err filled. */
int sk_sdk_event_payload(const ss_plugin_event *evt, const uint8_t **payload, uint32_t *len,
	uint32_t *plugin_id, char *err, size_t errlen);

/* ---- init config -------------------------------------------------------- */

/* Parse init_config text: NULL, "" or all-blank -> empty object. Anything
 * else must be a JSON object. *out is a new reference (json_decref). */
int sk_sdk_config_parse(const char *text, json_t **out, char *err, size_t errlen);

/* Typed getters: an absent key or JSON null yields the default. A present
 * key of the wrong type, or out of [min, max], is an error naming the key.
 * Numbers may be given as JSON integers or as decimal strings ("8765");
 * bools as true/false or "true"/"false". *out for strings points into cfg. */
int sk_sdk_config_string(const json_t *cfg, const char *key, const char *def,
	const char **out, char *err, size_t errlen);
int sk_sdk_config_u64(const json_t *cfg, const char *key, uint64_t def, uint64_t min,
	uint64_t max, uint64_t *out, char *err, size_t errlen);
int sk_sdk_config_bool(const json_t *cfg, const char *key, bool def, bool *out,
	char *err, size_t errlen);
/* Error naming the first key of cfg not in the NULL-terminated `known`
 * list (catches typos); 0 when all keys are known. */
int sk_sdk_config_check_keys(const json_t *cfg, const char *const *known,
	char *err, size_t errlen);

/* ---- extraction results ------------------------------------------------- */

/* Result storage for one plugin state. Reset it at the start of every
 * extract_fields call; results set afterwards stay valid until the next
 * reset (i.e. the next extract_fields call), as the ABI requires. Memory
 * grows in chunks and is reused: steady state allocates nothing. */
typedef struct sk_sdk_extract {
	struct sk__chunk *chunks; /* bump arena; first chunk kept across resets */
	uint64_t *pend;           /* list being built (string pointers or values) */
	size_t npend, cap_pend;
	bool list_open;
} sk_sdk_extract_t;

void sk_sdk_extract_init(sk_sdk_extract_t *x);
void sk_sdk_extract_free(sk_sdk_extract_t *x);
void sk_sdk_extract_reset(sk_sdk_extract_t *x);

/* Single values. _str copies (len bytes; NUL appended). _str_ref stores the
 * pointer as is: the string must stay valid until the next extract_fields
 * (e.g. it lives in the plugin's per-event cache). Each sets res_len = 1. */
int sk_sdk_extract_str(sk_sdk_extract_t *x, ss_plugin_extract_field *f, const char *s, size_t len);
int sk_sdk_extract_str_ref(sk_sdk_extract_t *x, ss_plugin_extract_field *f, const char *s);
int sk_sdk_extract_u64(sk_sdk_extract_t *x, ss_plugin_extract_field *f, uint64_t v);
int sk_sdk_extract_bool(sk_sdk_extract_t *x, ss_plugin_extract_field *f, bool v);
/* No value (res_len = 0): every comparison on the field is false. */
void sk_sdk_extract_none(ss_plugin_extract_field *f);

/* Lists: begin, add values of the field's type, end (sets res and res_len;
 * an empty list gives res_len = 0). One list at a time per object. */
int sk_sdk_extract_list_begin(sk_sdk_extract_t *x);
int sk_sdk_extract_list_add_str(sk_sdk_extract_t *x, const char *s, size_t len);
int sk_sdk_extract_list_add_str_ref(sk_sdk_extract_t *x, const char *s);
int sk_sdk_extract_list_add_u64(sk_sdk_extract_t *x, uint64_t v);
int sk_sdk_extract_list_add_bool(sk_sdk_extract_t *x, bool v);
int sk_sdk_extract_list_end(sk_sdk_extract_t *x, ss_plugin_extract_field *f);

/* Scratch memory from the same arena (valid until the next reset). */
void *sk_sdk_extract_alloc(sk_sdk_extract_t *x, size_t size);

/* ---- JSON helpers --------------------------------------------------------- */

/* RFC 6901 lookup. A leading '/' is optional; "" is the whole document;
 * "~1" -> '/', "~0" -> '~'; array elements by decimal index. NULL when the
 * path does not exist. Borrowed reference. */
json_t *sk_sdk_json_pointer(json_t *root, const char *ptr);

/* Text of a JSON value as the Go plugins render it: a string as its raw
 * bytes, anything else as compact JSON text (true, 201, {"a":1}). Returns a
 * pointer valid until the next reset of x, or NULL on allocation failure.
 * *len receives the length when non-NULL. */
const char *sk_sdk_json_text(sk_sdk_extract_t *x, const json_t *v, size_t *len);

/* ---- raw JSON scanning (no DOM) --------------------------------------------
 *
 * Reads single values out of JSON text without building a tree: a lookup
 * skips over everything not on the path, so asking for a few fields of a
 * document costs a fraction of a full parse. The input must stay valid while
 * slices point into it. Malformed input never reads out of bounds; lookups
 * in it may fail (-EINVAL) or find nothing (-ENOENT). Use
 * sk_sdk_jscan_validate() when the text is untrusted and must be rejected.
 */

typedef enum sk_sdk_jtype {
	SK_JT_NONE = 0,
	SK_JT_STRING,
	SK_JT_NUMBER,
	SK_JT_OBJECT,
	SK_JT_ARRAY,
	SK_JT_TRUE,
	SK_JT_FALSE,
	SK_JT_NULL,
} sk_sdk_jtype_t;

/* A value's raw text: p..p+n (strings include their quotes). */
typedef struct sk_sdk_jval {
	const char *p;
	size_t n;
	sk_sdk_jtype_t t;
} sk_sdk_jval_t;

/* The whole document (leading/trailing blanks skipped). */
int sk_sdk_jscan_root(const char *buf, size_t len, sk_sdk_jval_t *out);
/* Member `key` (raw bytes, not escaped) of object v; array element when v
 * is an array and key is a decimal index. 0, -ENOENT or -EINVAL. */
int sk_sdk_jscan_get(const sk_sdk_jval_t *v, const char *key, size_t keylen, sk_sdk_jval_t *out);
/* Walk a NULL-terminated key path from v. */
int sk_sdk_jscan_path(const sk_sdk_jval_t *v, const char *const *path, sk_sdk_jval_t *out);
/* RFC 6901 pointer from v (leading '/' optional, "" = v itself). */
int sk_sdk_jscan_pointer(const sk_sdk_jval_t *v, const char *ptr, sk_sdk_jval_t *out);
/* Iterate the elements of array v: *it starts as {0}; returns 1 with *el
 * set, 0 at the end, -EINVAL on malformed text. */
int sk_sdk_jscan_next(const sk_sdk_jval_t *v, sk_sdk_jval_t *it, sk_sdk_jval_t *el);
/* Iterate members of object v the same way, also returning the raw key
 * (without quotes, still escaped). */
int sk_sdk_jscan_next_member(const sk_sdk_jval_t *v, sk_sdk_jval_t *it, sk_sdk_jval_t *key,
	sk_sdk_jval_t *val);
/* Text of v as the Go plugins render it (string unescaped, anything else
 * as compact JSON text), NUL-terminated in x's arena. A \u0000 escape is
 * kept as those six characters, so the value is never cut short. NULL on allocation
 * failure or a malformed string escape. */
const char *sk_sdk_jscan_text(sk_sdk_extract_t *x, const sk_sdk_jval_t *v, size_t *len);
/* True when string value v equals s (after unescaping). */
bool sk_sdk_jscan_streq(const sk_sdk_jval_t *v, const char *s);
/* Copy v compactly (blanks outside strings removed) into dst (capacity >=
 * v->n). Returns the bytes written. */
size_t sk_sdk_jscan_compact(const sk_sdk_jval_t *v, char *dst);
/* For single-pass scanners of their own over text already validated: the
 * first non-blank at or after p (or e), and the end of the value that
 * starts at p (just past it; NULL when it runs past e). */
const char *sk_sdk_jscan_ws(const char *p, const char *e);
const char *sk_sdk_jscan_skip(const char *p, const char *e);
/* Strict RFC 8259 validation of one JSON value with blanks around it and a
 * nesting limit. 0 when valid; -EINVAL with err (byte offset and reason);
 * -EAGAIN when the text is a valid prefix that ends too early. */
int sk_sdk_jscan_validate(const char *buf, size_t len, unsigned max_depth, char *err,
	size_t errlen);

#ifdef __cplusplus
}
#endif
#endif /* SK_PLUGIN_SDK_H */
