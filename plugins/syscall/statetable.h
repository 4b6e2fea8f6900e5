/*
 * statetable.h - the "threads" state table the syscall plugin publishes
 * through the host's add_table (Falco plugin API state tables), shaped as
 * libsinsp's: key int64 tid; the built-in fields of threadinfo.cpp with
 * their types and read-only flags; sub-tables args, env, cgroups (entries
 * mirrored from the thread's strings and written back to them, sublists.h)
 * and file_descriptors (the process's fd table, with fdinfo.cpp's fields);
 * dynamic fields on threads and on every sub-table (dynfields.h); entry
 * create/destroy/add/erase/clear on all of them. docs/state-tables.md has
 * the full list.
 * Ownership: the table lives in the plugin state; strings read stay valid
 * until the entry changes. Threading: the source worker only.
 */
#ifndef SK_SYSCALL_STATETABLE_H
#define SK_SYSCALL_STATETABLE_H

#include "sys.h"

/* Publishes the table; 0, or a negative errno (the host has no tables). */
int sk_statetable_publish(sk_sys_t *s, const ss_plugin_init_tables_input *tin, char *err,
	size_t errlen);
void sk_statetable_free(sk_sys_t *s);

#endif
