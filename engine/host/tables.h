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
 * Registries: one per event source, as Falco has one inspector per source.
 * The host binds each owner (plugin state) to its source with
 * sk_tables_bind_owner() before plugin_init; list/get/add then see only that
 * source's tables, so a table owner initialised for two sources registers
 * twice without a clash. Unbound owners use a default registry. Name + key
 * type identify a table; names are unique within a registry.
 *
 * API minor: add_table reads the *_ext vtables only from owners bound with
 * minor >= 1 (3.0 plugins' table input ends before them).
 *
 * Sub-tables: a field read with type SS_PLUGIN_ST_TABLE (obtained through
 * get/add_table_field with that type) yields a host pointer that carries the
 * parent's handle; calls on it reach the owner's vtables with the owner's
 * sub-table pointer, so an owner's vtables must serve its sub-tables too.
 * One level of nesting. A table-typed field itself is read-only through the
 * host; the sub-table's entries are read and written like any table's.
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
 * Limits: at most SK_TABLES_MAX live tables in the process, SK_TABLES_REGS_MAX
 * registries, SK_TABLES_SUBFIELDS_MAX sub-table fields per table.
 */
#ifndef SAKER_HOST_TABLES_H
#define SAKER_HOST_TABLES_H

#include "plugin_api.h"

#define SK_TABLES_MAX 64
#define SK_TABLES_NAME_MAX 128
#define SK_TABLES_REGS_MAX 64
#define SK_TABLES_SUBFIELDS_MAX 16

#include <stdbool.h>

/* Binds owner to the registry of `source` (created on first use; NULL or ""
 * is the default registry) with the plugin's required API minor. 0, or
 * -ENOMEM / -ENOSPC. The binding is dropped by sk_tables_remove_owner(). */
int sk_tables_bind_owner(ss_plugin_owner_t *owner, const char *source, uint32_t api_minor);

/* Bracket an owner's plugin_init on the calling thread: end returns true when
 * a table or field lookup failed meanwhile (the init may succeed once
 * another plugin has registered what was missing). */
void sk_tables_begin_init(ss_plugin_owner_t *owner);
bool sk_tables_end_init(ss_plugin_owner_t *owner);

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

/* Unpublish every table registered by `owner` and drop its binding (call
 * before its destroy). */
void sk_tables_remove_owner(ss_plugin_owner_t *owner);

/* Drop every table and handle (tests; process exit). Not thread-safe with
 * concurrent table use. */
void sk_tables_reset(void);

#endif /* SAKER_HOST_TABLES_H */
