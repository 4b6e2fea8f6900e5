/*
 * dynfields.h - fields other plugins add to the syscall plugin's state
 * tables (add_table_field), and their per-entry values.
 *
 * A set (one per table kind) holds the definitions: at most
 * SK_DYN_FIELDS_MAX per table, any non-table state type. An entry holds its
 * values in an sk_dynvals_t allocated on first write and sized to the
 * fields written so far; string values are copied (at most SK_DYN_STR_MAX
 * bytes each, longer writes are refused). Unwritten values read as zero / "".
 *
 * Ownership: a set owns its names; an entry owns its values and frees them
 * with sk_dynvals_free() when the entry goes. Threading: none (the plugin's
 * parse/extract thread).
 */
#ifndef SK_SYSCALL_DYNFIELDS_H
#define SK_SYSCALL_DYNFIELDS_H

#include <stdbool.h>
#include <stdint.h>

#include "plugin_api.h"

#define SK_DYN_FIELDS_MAX 64
#define SK_DYN_STR_MAX 4096

typedef struct sk_dynset {
	uint32_t n;
	char *names[SK_DYN_FIELDS_MAX];
	ss_plugin_state_type types[SK_DYN_FIELDS_MAX];
	/* static + dynamic field infos for list_table_fields; the array never
	 * moves (room for SK_DYN_FIELDS_MAX), so listings stay valid */
	ss_plugin_table_fieldinfo *infos;
	uint32_t ninfos;
} sk_dynset_t;

typedef struct sk_dynval {
	bool is_str;
	ss_plugin_state_data d;
} sk_dynval_t;

typedef struct sk_dynvals {
	uint32_t n;
	sk_dynval_t v[];
} sk_dynvals_t;

/* Index of `name` in s, or -1. */
int sk_dynset_find(const sk_dynset_t *s, const char *name);
/* Adds a field (statics: the table's built-in fields, for the listing).
 * Returns its index or -ENOSPC / -EINVAL (table type) / -ENOMEM. */
int sk_dynset_add(sk_dynset_t *s, const char *name, ss_plugin_state_type type,
	const ss_plugin_table_fieldinfo *statics, uint32_t nstatics);
/* The listing: statics followed by the dynamic fields. */
const ss_plugin_table_fieldinfo *sk_dynset_list(sk_dynset_t *s,
	const ss_plugin_table_fieldinfo *statics, uint32_t nstatics, uint32_t *n);
void sk_dynset_clear(sk_dynset_t *s);

void sk_dynvals_read(const sk_dynvals_t *v, uint32_t idx, ss_plugin_state_type type,
	ss_plugin_state_data *out);
/* 0, or -ENOMEM / -E2BIG (string too long). */
int sk_dynvals_write(sk_dynvals_t **v, uint32_t idx, ss_plugin_state_type type,
	const ss_plugin_state_data *in);
void sk_dynvals_free(sk_dynvals_t *v); /* NULL-safe */

#endif
