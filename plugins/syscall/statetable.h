/*
 * statetable.h - the "threads" state table the syscall plugin publishes
 * through the host's add_table (Falco plugin API state tables).
 *
 * Key: int64 tid. Fields: tid (int64), pid (int64), ptid (int64), comm,
 * exe, exepath, cgroups (string; "subsys=path" entries joined by '\n'),
 * container_id (string, writable by other plugins; at most 79 bytes),
 * pidns_init_start_ts (uint64, read-only: start time in ns since the epoch of
 * the init process of the thread's pid namespace, the process leader's when
 * the thread has none; 0 when unknown).
 * Entries are the plugin's threads; they cannot be created or erased by
 * other plugins (writes other than container_id fail).
 * Ownership: the table lives in the plugin state; strings read stay valid
 * until the next read on the table. Threading: the source worker only.
 */
#ifndef SK_SYSCALL_STATETABLE_H
#define SK_SYSCALL_STATETABLE_H

#include "sys.h"

/* Publishes the table; 0, or a negative errno (the host has no tables). */
int sk_statetable_publish(sk_sys_t *s, const ss_plugin_init_tables_input *tin, char *err,
	size_t errlen);
void sk_statetable_free(sk_sys_t *s);

#endif
