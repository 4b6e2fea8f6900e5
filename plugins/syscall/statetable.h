/*
 * statetable.h - the "threads" state table the syscall plugin publishes
 * through the host's add_table (Falco plugin API state tables), shaped as
 * libsinsp's: key int64 tid; the built-in fields of threadinfo.cpp with
 * their types and read-only flags; sub-tables args, env, cgroups (views of
 * the thread's strings) and file_descriptors (the process's fd table, with
 * fdinfo.cpp's fields); dynamic fields on threads and file_descriptors
 * (dynfields.h); entry create/destroy/add/erase/clear. docs/state-tables.md
 * has the full list.
 * Ownership: the table lives in the plugin state; strings read stay valid
 * until the entry changes (cgroups' "first" until the next read on the
 * table). Threading: the source worker only.
 */
#ifndef SK_SYSCALL_STATETABLE_H
#define SK_SYSCALL_STATETABLE_H

#include "sys.h"

/* Publishes the table; 0, or a negative errno (the host has no tables). */
int sk_statetable_publish(sk_sys_t *s, const ss_plugin_init_tables_input *tin, char *err,
	size_t errlen);
void sk_statetable_free(sk_sys_t *s);

#endif
