/*
 * statetable_int.h - internals shared by statetable.c (the "threads" table)
 * and subtables.c (its args, env, cgroups and file_descriptors sub-tables;
 * the list ones keep their entries with sublists.c).
 *
 * Every table pointer the plugin hands out starts with a uint32_t kind:
 * the threads table is an sk_table_t, a sub-table is the sk_subtab_t
 * embedded in its thread. Field pointers are small integers: built-in field
 * i is i + 1, dynamic field d is SK_TF_DYN + d, per table kind.
 */
#ifndef SK_SYSCALL_STATETABLE_INT_H
#define SK_SYSCALL_STATETABLE_INT_H

#include "dynfields.h"
#include "sys.h"

enum sk_table_kind { SK_TK_THREADS = 0, SK_TK_ARGS, SK_TK_ENV, SK_TK_CGROUPS, SK_TK_FDS,
	SK_TK_COUNT };

#define SK_TF_DYN 0x1000

typedef struct sk_table {
	uint32_t kind; /* SK_TK_THREADS; first member */
	sk_sys_t *s;
	sk_dynset_t dyn[SK_TK_COUNT];
	ss_plugin_table_reader_vtable_ext reader;
	ss_plugin_table_writer_vtable_ext writer;
	ss_plugin_table_fields_vtable_ext fields;
} sk_table_t;

/* Built-in fields of a sub-table kind. */
const ss_plugin_table_fieldinfo *sk__sub_fields(uint32_t kind, uint32_t *n);

/* The sub-table view of a thread (kind SK_TK_ARGS..SK_TK_FDS). */
ss_plugin_table_t *sk__sub_of(sk_table_t *tb, sk_thread_t *th, uint32_t kind);

/* Sub-table operations (t is an sk_subtab_t). */
uint64_t sk__sub_size(sk_subtab_t *st);
ss_plugin_table_entry_t *sk__sub_get(sk_subtab_t *st, const ss_plugin_state_data *key);
ss_plugin_rc sk__sub_read(sk_subtab_t *st, ss_plugin_table_entry_t *e, uintptr_t f,
	ss_plugin_state_data *out);
ss_plugin_rc sk__sub_write(sk_subtab_t *st, ss_plugin_table_entry_t *e, uintptr_t f,
	const ss_plugin_state_data *in);
ss_plugin_bool sk__sub_iterate(sk_subtab_t *st, ss_plugin_table_iterator_func_t it,
	ss_plugin_table_iterator_state_t *s);
ss_plugin_rc sk__sub_clear(sk_subtab_t *st);
ss_plugin_rc sk__sub_erase(sk_subtab_t *st, const ss_plugin_state_data *key);
ss_plugin_table_entry_t *sk__sub_create(sk_subtab_t *st);
void sk__sub_destroy(sk_subtab_t *st, ss_plugin_table_entry_t *e);
ss_plugin_table_entry_t *sk__sub_add(sk_subtab_t *st, const ss_plugin_state_data *key,
	ss_plugin_table_entry_t *e);

/* Same-width integers of the other signedness match on lookup: the C++
 * SDK's own example reads "tid" as uint64. */
static inline bool sk__type_compatible(ss_plugin_state_type have, ss_plugin_state_type want)
{
	if (have == want)
		return true;
	switch (have) {
	case SS_PLUGIN_ST_INT64: return want == SS_PLUGIN_ST_UINT64;
	case SS_PLUGIN_ST_UINT64: return want == SS_PLUGIN_ST_INT64;
	case SS_PLUGIN_ST_INT32: return want == SS_PLUGIN_ST_UINT32;
	case SS_PLUGIN_ST_UINT32: return want == SS_PLUGIN_ST_INT32;
	default: return false;
	}
}

#endif
