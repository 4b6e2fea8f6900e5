/*
 * field.h - a field as the host's catalogue declares it: name, type, flags
 * and the extractor that owns it. The rules compiler resolves field
 * references to these; the built-in evt.* extractor and the plugins'
 * get_fields tables are turned into them.
 *
 * Entries are immutable once published; their strings are owned by whoever
 * built the table (the host's catalogue, or a static table) and outlive
 * every compiled ruleset that points at them.
 */
#ifndef SK_UTIL_FIELD_H
#define SK_UTIL_FIELD_H

#include <stdint.h>

enum {
	SK_FIELD_IS_LIST = 1u << 0,
	SK_FIELD_ARG_REQUIRED = 1u << 1,
	SK_FIELD_ARG_INDEX = 1u << 2,
	SK_FIELD_ARG_KEY = 1u << 3,
	SK_FIELD_ADD_OUTPUT = 1u << 4,
	SK_FIELD_HIDDEN = 1u << 5,
	/* Property "saker.any_of": a filter field that may yield several
	 * candidate values, a comparison holding when it holds for any of them
	 * (libsinsp's proc.aname without index: every ancestor; fd.ip: client
	 * and server). The only non-list fields that may return several. */
	SK_FIELD_ANY_OF = 1u << 6,
};

typedef struct sk_field_info {
	const char *name;     /* e.g. "ka.user.name" */
	const char *desc;
	uint32_t ftype;       /* FTYPE_* or SK_FTYPE_INT64 */
	uint32_t flags;       /* SK_FIELD_* */
	uint32_t extractor;   /* host's index of the extractor owning the field */
	uint32_t field_id;    /* index handed back to that extractor */
} sk_field_info_t;

#endif
