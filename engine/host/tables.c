/*
 * tables.c - host-mediated state tables: a registry of plugin-owned tables
 * and forwarding vtables. See tables.h for the contract.
 */
#include "tables.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

typedef struct sk_table_handle {
	atomic_int alive;
	ss_plugin_owner_t *owner;
	char name[SK_TABLES_NAME_MAX];
	ss_plugin_state_type key_type;
	ss_plugin_table_t *table; /* the owner's pointer */
	/* The owner's vtables, normalised to the _ext shapes at add time so
	 * the forwarding code has one path. */
	ss_plugin_table_reader_vtable_ext reader;
	ss_plugin_table_writer_vtable_ext writer;
	ss_plugin_table_fields_vtable_ext fields;
} sk_table_handle;

/* Handles live in a fixed array so they never move and a pointer can be
 * validated by a range check without taking the lock. The slot of a removed
 * table is reused only once every slot has been used, so a stale handle
 * aliases a new table only after SK_TABLES_MAX registrations. */
static sk_table_handle g_handles[SK_TABLES_MAX];
static uint32_t g_nhandles;
static ss_plugin_table_info g_infos[SK_TABLES_MAX];
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static _Thread_local char tl_err[256];
static _Thread_local int tl_has_err;

static void set_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void set_err(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tl_err, sizeof(tl_err), fmt, ap);
	va_end(ap);
	tl_has_err = 1;
}

const char *sk_tables_last_error(void)
{
	return tl_has_err ? tl_err : NULL;
}

static int key_type_ok(ss_plugin_state_type t)
{
	switch (t) {
	case SS_PLUGIN_ST_INT8: case SS_PLUGIN_ST_INT16:
	case SS_PLUGIN_ST_INT32: case SS_PLUGIN_ST_INT64:
	case SS_PLUGIN_ST_UINT8: case SS_PLUGIN_ST_UINT16:
	case SS_PLUGIN_ST_UINT32: case SS_PLUGIN_ST_UINT64:
	case SS_PLUGIN_ST_STRING: case SS_PLUGIN_ST_BOOL:
		return 1;
	default:
		return 0;
	}
}

/* Returns the live handle behind t, or NULL (error set). */
static sk_table_handle *handle_of(ss_plugin_table_t *t)
{
	sk_table_handle *h = t;
	if (h < &g_handles[0] || h >= &g_handles[SK_TABLES_MAX] ||
	    (size_t)((char *)h - (char *)g_handles) % sizeof(*h) != 0) {
		set_err("not a table handle obtained from get_table");
		return NULL;
	}
	if (!atomic_load_explicit(&h->alive, memory_order_acquire)) {
		set_err("table '%s' is no longer registered", h->name);
		return NULL;
	}
	return h;
}

/* ---- reader ------------------------------------------------------------ */

static const char *h_get_table_name(ss_plugin_table_t *t)
{
	sk_table_handle *h = handle_of(t);
	return h ? h->name : NULL;
}

static uint64_t h_get_table_size(ss_plugin_table_t *t)
{
	sk_table_handle *h = handle_of(t);
	if (!h)
		return (uint64_t)-1;
	return h->reader.get_table_size(h->table);
}

static ss_plugin_table_entry_t *h_get_table_entry(ss_plugin_table_t *t,
	const ss_plugin_state_data *key)
{
	sk_table_handle *h = handle_of(t);
	if (!h || !key) {
		if (h)
			set_err("table '%s': NULL key", h->name);
		return NULL;
	}
	return h->reader.get_table_entry(h->table, key);
}

static ss_plugin_rc h_read_entry_field(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, ss_plugin_state_data *out)
{
	sk_table_handle *h = handle_of(t);
	if (!h)
		return SS_PLUGIN_FAILURE;
	if (!e || !f || !out) {
		set_err("table '%s': read_entry_field with NULL entry/field/out", h->name);
		return SS_PLUGIN_FAILURE;
	}
	return h->reader.read_entry_field(h->table, e, f, out);
}

static void h_release_table_entry(ss_plugin_table_t *t, ss_plugin_table_entry_t *e)
{
	sk_table_handle *h = handle_of(t);
	if (h && e && h->reader.release_table_entry)
		h->reader.release_table_entry(h->table, e);
}

static ss_plugin_bool h_iterate_entries(ss_plugin_table_t *t, ss_plugin_table_iterator_func_t it,
	ss_plugin_table_iterator_state_t *s)
{
	sk_table_handle *h = handle_of(t);
	if (!h || !it)
		return 0;
	if (!h->reader.iterate_entries) {
		set_err("table '%s' does not support iteration", h->name);
		return 0;
	}
	return h->reader.iterate_entries(h->table, it, s);
}

/* ---- writer ------------------------------------------------------------ */

#define NEED_WRITER(h, fn, failval)                                           \
	do {                                                                  \
		if (!(h))                                                     \
			return failval;                                       \
		if (!(h)->writer.fn) {                                        \
			set_err("table '%s' does not support " #fn, (h)->name); \
			return failval;                                       \
		}                                                             \
	} while (0)

static ss_plugin_rc h_clear_table(ss_plugin_table_t *t)
{
	sk_table_handle *h = handle_of(t);
	NEED_WRITER(h, clear_table, SS_PLUGIN_FAILURE);
	return h->writer.clear_table(h->table);
}

static ss_plugin_rc h_erase_table_entry(ss_plugin_table_t *t, const ss_plugin_state_data *key)
{
	sk_table_handle *h = handle_of(t);
	NEED_WRITER(h, erase_table_entry, SS_PLUGIN_FAILURE);
	if (!key)
		return SS_PLUGIN_FAILURE;
	return h->writer.erase_table_entry(h->table, key);
}

static ss_plugin_table_entry_t *h_create_table_entry(ss_plugin_table_t *t)
{
	sk_table_handle *h = handle_of(t);
	NEED_WRITER(h, create_table_entry, NULL);
	return h->writer.create_table_entry(h->table);
}

static void h_destroy_table_entry(ss_plugin_table_t *t, ss_plugin_table_entry_t *e)
{
	sk_table_handle *h = handle_of(t);
	if (h && e && h->writer.destroy_table_entry)
		h->writer.destroy_table_entry(h->table, e);
}

static ss_plugin_table_entry_t *h_add_table_entry(ss_plugin_table_t *t,
	const ss_plugin_state_data *key, ss_plugin_table_entry_t *e)
{
	sk_table_handle *h = handle_of(t);
	NEED_WRITER(h, add_table_entry, NULL);
	if (!key || !e)
		return NULL;
	return h->writer.add_table_entry(h->table, key, e);
}

static ss_plugin_rc h_write_entry_field(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, const ss_plugin_state_data *in)
{
	sk_table_handle *h = handle_of(t);
	NEED_WRITER(h, write_entry_field, SS_PLUGIN_FAILURE);
	if (!e || !f || !in) {
		set_err("table '%s': write_entry_field with NULL entry/field/in", h->name);
		return SS_PLUGIN_FAILURE;
	}
	return h->writer.write_entry_field(h->table, e, f, in);
}

/* ---- fields ------------------------------------------------------------ */

static const ss_plugin_table_fieldinfo *h_list_table_fields(ss_plugin_table_t *t, uint32_t *n)
{
	sk_table_handle *h = handle_of(t);
	if (!h || !n)
		return NULL;
	if (!h->fields.list_table_fields) {
		set_err("table '%s' does not list its fields", h->name);
		return NULL;
	}
	return h->fields.list_table_fields(h->table, n);
}

static ss_plugin_table_field_t *h_get_table_field(ss_plugin_table_t *t, const char *name,
	ss_plugin_state_type type)
{
	sk_table_handle *h = handle_of(t);
	if (!h || !name)
		return NULL;
	ss_plugin_table_field_t *f = h->fields.get_table_field(h->table, name, type);
	if (!f)
		set_err("table '%s' has no field '%s' of type %d", h->name, name, (int)type);
	return f;
}

static ss_plugin_table_field_t *h_add_table_field(ss_plugin_table_t *t, const char *name,
	ss_plugin_state_type type)
{
	sk_table_handle *h = handle_of(t);
	if (!h || !name)
		return NULL;
	if (!h->fields.add_table_field) {
		set_err("table '%s' does not accept new fields", h->name);
		return NULL;
	}
	ss_plugin_table_field_t *f = h->fields.add_table_field(h->table, name, type);
	if (!f)
		set_err("table '%s' refused field '%s' of type %d", h->name, name, (int)type);
	return f;
}

/* ---- registry callbacks ----------------------------------------------- */

static ss_plugin_table_info *r_list_tables(ss_plugin_owner_t *o, uint32_t *ntables)
{
	(void)o;
	if (!ntables)
		return NULL;
	pthread_mutex_lock(&g_lock);
	uint32_t n = 0;
	for (uint32_t i = 0; i < g_nhandles; i++) {
		if (!atomic_load(&g_handles[i].alive))
			continue;
		g_infos[n].name = g_handles[i].name;
		g_infos[n].key_type = g_handles[i].key_type;
		n++;
	}
	pthread_mutex_unlock(&g_lock);
	*ntables = n;
	return g_infos;
}

static ss_plugin_table_t *r_get_table(ss_plugin_owner_t *o, const char *name,
	ss_plugin_state_type key_type)
{
	(void)o;
	if (!name) {
		set_err("get_table: NULL name");
		return NULL;
	}
	sk_table_handle *found = NULL;
	pthread_mutex_lock(&g_lock);
	for (uint32_t i = 0; i < g_nhandles; i++) {
		if (atomic_load(&g_handles[i].alive) && strcmp(g_handles[i].name, name) == 0) {
			found = &g_handles[i];
			break;
		}
	}
	pthread_mutex_unlock(&g_lock);
	if (!found) {
		set_err("table '%s' is not registered", name);
		return NULL;
	}
	if (found->key_type != key_type) {
		set_err("table '%s' has key type %d, requested %d", name,
			(int)found->key_type, (int)key_type);
		return NULL;
	}
	return found;
}

static ss_plugin_rc r_add_table(ss_plugin_owner_t *o, const ss_plugin_table_input *in)
{
	if (!in || !in->name || !in->name[0]) {
		set_err("add_table: missing table input or name");
		return SS_PLUGIN_FAILURE;
	}
	if (strlen(in->name) >= SK_TABLES_NAME_MAX) {
		set_err("add_table: table name '%.40s...' longer than %d bytes", in->name,
			SK_TABLES_NAME_MAX - 1);
		return SS_PLUGIN_FAILURE;
	}
	if (!in->table) {
		set_err("add_table '%s': NULL table pointer", in->name);
		return SS_PLUGIN_FAILURE;
	}
	if (!key_type_ok(in->key_type)) {
		set_err("add_table '%s': unsupported key type %d", in->name, (int)in->key_type);
		return SS_PLUGIN_FAILURE;
	}

	sk_table_handle tmp;
	memset(&tmp, 0, sizeof(tmp));
	if (in->reader_ext) {
		tmp.reader = *in->reader_ext;
	} else {
		tmp.reader.get_table_name = in->reader.get_table_name;
		tmp.reader.get_table_size = in->reader.get_table_size;
		tmp.reader.get_table_entry = in->reader.get_table_entry;
		tmp.reader.read_entry_field = in->reader.read_entry_field;
	}
	if (in->writer_ext) {
		tmp.writer = *in->writer_ext;
	} else {
		tmp.writer.clear_table = in->writer.clear_table;
		tmp.writer.erase_table_entry = in->writer.erase_table_entry;
		tmp.writer.create_table_entry = in->writer.create_table_entry;
		tmp.writer.destroy_table_entry = in->writer.destroy_table_entry;
		tmp.writer.add_table_entry = in->writer.add_table_entry;
		tmp.writer.write_entry_field = in->writer.write_entry_field;
	}
	if (in->fields_ext) {
		tmp.fields = *in->fields_ext;
	} else {
		tmp.fields.list_table_fields = in->fields.list_table_fields;
		tmp.fields.get_table_field = in->fields.get_table_field;
		tmp.fields.add_table_field = in->fields.add_table_field;
	}
	if (!tmp.reader.get_table_size || !tmp.reader.get_table_entry ||
	    !tmp.reader.read_entry_field || !tmp.fields.get_table_field) {
		set_err("add_table '%s': reader vtable (get_table_size, get_table_entry, "
			"read_entry_field) and fields get_table_field are required", in->name);
		return SS_PLUGIN_FAILURE;
	}

	ss_plugin_rc rc = SS_PLUGIN_FAILURE;
	pthread_mutex_lock(&g_lock);
	for (uint32_t i = 0; i < g_nhandles; i++) {
		if (atomic_load(&g_handles[i].alive) && strcmp(g_handles[i].name, in->name) == 0) {
			set_err("add_table: table '%s' is already registered", in->name);
			goto out;
		}
	}
	sk_table_handle *h = NULL;
	if (g_nhandles < SK_TABLES_MAX) {
		h = &g_handles[g_nhandles++];
	} else {
		/* Every slot used once: recycle one of a removed table. */
		for (uint32_t i = 0; i < SK_TABLES_MAX && !h; i++)
			if (!atomic_load(&g_handles[i].alive))
				h = &g_handles[i];
	}
	if (!h) {
		set_err("add_table '%s': too many tables (max %d)", in->name, SK_TABLES_MAX);
		goto out;
	}
	h->owner = o;
	snprintf(h->name, sizeof(h->name), "%s", in->name);
	h->key_type = in->key_type;
	h->table = in->table;
	h->reader = tmp.reader;
	h->writer = tmp.writer;
	h->fields = tmp.fields;
	atomic_store_explicit(&h->alive, 1, memory_order_release);
	rc = SS_PLUGIN_SUCCESS;
out:
	pthread_mutex_unlock(&g_lock);
	return rc;
}

/* ---- public ------------------------------------------------------------ */

static ss_plugin_table_reader_vtable_ext g_reader_ext = {
	.get_table_name = h_get_table_name,
	.get_table_size = h_get_table_size,
	.get_table_entry = h_get_table_entry,
	.read_entry_field = h_read_entry_field,
	.release_table_entry = h_release_table_entry,
	.iterate_entries = h_iterate_entries,
};

static ss_plugin_table_writer_vtable_ext g_writer_ext = {
	.clear_table = h_clear_table,
	.erase_table_entry = h_erase_table_entry,
	.create_table_entry = h_create_table_entry,
	.destroy_table_entry = h_destroy_table_entry,
	.add_table_entry = h_add_table_entry,
	.write_entry_field = h_write_entry_field,
};

static ss_plugin_table_fields_vtable_ext g_fields_ext = {
	.list_table_fields = h_list_table_fields,
	.get_table_field = h_get_table_field,
	.add_table_field = h_add_table_field,
};

static const ss_plugin_init_tables_input g_init = {
	.list_tables = r_list_tables,
	.get_table = r_get_table,
	.add_table = r_add_table,
	.fields = {
		.list_table_fields = h_list_table_fields,
		.get_table_field = h_get_table_field,
		.add_table_field = h_add_table_field,
	},
	.fields_ext = &g_fields_ext,
	.reader_ext = &g_reader_ext,
	.writer_ext = &g_writer_ext,
};

const ss_plugin_init_tables_input *sk_tables_init_input(void)
{
	return &g_init;
}

ss_plugin_table_reader_vtable_ext *sk_tables_reader_ext(void)
{
	return &g_reader_ext;
}

ss_plugin_table_writer_vtable_ext *sk_tables_writer_ext(void)
{
	return &g_writer_ext;
}

ss_plugin_table_fields_vtable_ext *sk_tables_fields_ext(void)
{
	return &g_fields_ext;
}

ss_plugin_table_reader_vtable sk_tables_reader(void)
{
	ss_plugin_table_reader_vtable v = {
		.get_table_name = h_get_table_name,
		.get_table_size = h_get_table_size,
		.get_table_entry = h_get_table_entry,
		.read_entry_field = h_read_entry_field,
	};
	return v;
}

ss_plugin_table_writer_vtable sk_tables_writer(void)
{
	ss_plugin_table_writer_vtable v = {
		.clear_table = h_clear_table,
		.erase_table_entry = h_erase_table_entry,
		.create_table_entry = h_create_table_entry,
		.destroy_table_entry = h_destroy_table_entry,
		.add_table_entry = h_add_table_entry,
		.write_entry_field = h_write_entry_field,
	};
	return v;
}

uint32_t sk_tables_count(void)
{
	uint32_t n = 0;
	pthread_mutex_lock(&g_lock);
	for (uint32_t i = 0; i < g_nhandles; i++)
		n += atomic_load(&g_handles[i].alive) ? 1u : 0u;
	pthread_mutex_unlock(&g_lock);
	return n;
}

void sk_tables_remove_owner(ss_plugin_owner_t *owner)
{
	pthread_mutex_lock(&g_lock);
	for (uint32_t i = 0; i < g_nhandles; i++)
		if (g_handles[i].owner == owner)
			atomic_store(&g_handles[i].alive, 0);
	pthread_mutex_unlock(&g_lock);
}

void sk_tables_reset(void)
{
	pthread_mutex_lock(&g_lock);
	memset(g_handles, 0, sizeof(g_handles));
	memset(g_infos, 0, sizeof(g_infos));
	g_nhandles = 0;
	pthread_mutex_unlock(&g_lock);
	tl_has_err = 0;
}
