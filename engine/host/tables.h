/*
 * tables.h - host-mediated state tables (Falco plugin API "state tables").
 *
 * Tables are owned by plugins. A plugin publishes one with the add_table()
 * callback of the ss_plugin_init_tables_input the host gives it at init
 * (sk_tables_init_input()); other plugins find it with list_tables() /
 * get_table(). get_table() returns a host handle, never the owner's table
 * pointer: every call made through the host vtables below (reader, writer,
 * fields) is forwarded to the owner's own vtables with the owner's table
 * pointer, as libsinsp does for plugin-owned tables. Entry and field
 * pointers are the owner's and pass through unchanged.
 *
 * The registry is process-global: one per saker process, shared by every
 * plugin state. Name + key type identify a table; names are unique.
 *
 * Host usage:
 *   init input:     in.tables = sk_tables_init_input() (plugins with
 *                   extraction or parsing capability; NULL otherwise)
 *   extract input:  table_reader = sk_tables_reader();
 *                   table_reader_ext = sk_tables_reader_ext()
 *   parse input:    table_reader/_writer = sk_tables_reader()/_writer();
 *                   table_reader_ext/_writer_ext = sk_tables_*_ext()
 *   capture listen: table_reader_ext / table_writer_ext likewise
 *   owner callbacks: the `owner` argument of list/get/add is only recorded
 *                   (to drop an owner's tables with sk_tables_remove_owner);
 *                   the host's own owner pointers work unchanged.
 *   errors:         sk_tables_last_error() (per calling thread) can back the
 *                   host's get_owner_last_error.
 *
 * Threading: registration (add_table), list_tables and get_table take a
 * mutex and may be called from any thread; in practice they run in
 * plugin_init on the main thread. The forwarding vtables take no lock: a
 * handle is immutable once registered, and the call runs under the
 * owner's own rules. In saker every plugin that shares a table (the
 * syscall plugin owns "threads"; the container plugin parses and extracts
 * on the same source) is called from that source's single worker thread,
 * so the owner sees no concurrent access. A plugin that reads another's
 * table from its own background thread must not do so (the ABI does not
 * allow it) and is not protected by the host.
 *
 * Lifetime: handles live until sk_tables_reset() (tests, process exit).
 * sk_tables_remove_owner() unpublishes an owner's tables before its
 * destroy(); handles already given out then fail every call instead of
 * reaching freed memory (until their slot is recycled, which happens only
 * after SK_TABLES_MAX registrations in the process).
 *
 * Limits: at most SK_TABLES_MAX live tables. Sub-table values (ST_TABLE fields)
 * are passed through as the owner's raw pointer and are not wrapped.
 */
#ifndef SAKER_HOST_TABLES_H
#define SAKER_HOST_TABLES_H

#include "plugin_api.h"

#define SK_TABLES_MAX 64
#define SK_TABLES_NAME_MAX 128

const ss_plugin_init_tables_input *sk_tables_init_input(void);
ss_plugin_table_reader_vtable_ext *sk_tables_reader_ext(void);
ss_plugin_table_writer_vtable_ext *sk_tables_writer_ext(void);
ss_plugin_table_fields_vtable_ext *sk_tables_fields_ext(void);
ss_plugin_table_reader_vtable sk_tables_reader(void);
ss_plugin_table_writer_vtable sk_tables_writer(void);

/* Number of registered (live) tables. */
uint32_t sk_tables_count(void);

/* Last error of a table call made on the calling thread, or NULL. */
const char *sk_tables_last_error(void);

/* Unpublish every table registered by `owner` (call before its destroy). */
void sk_tables_remove_owner(ss_plugin_owner_t *owner);

/* Drop every table and handle (tests; process exit). Not thread-safe with
 * concurrent table use. */
void sk_tables_reset(void);

#endif /* SAKER_HOST_TABLES_H */
