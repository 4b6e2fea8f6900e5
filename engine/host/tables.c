/*
 * tables.c - host-mediated state tables: a registry of plugin-owned tables
 * and forwarding vtables. See tables.h for the contract.
 */
#include "tables.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
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
	uint32_t reg;                       /* registry (event source) index */
	uint32_t ntfields;                  /* sub-table fields seen so far */
	ss_plugin_table_field_t *tfields[SK_TABLES_SUBFIELDS_MAX];
} sk_table_handle;

/* What the registry knows of an owner (sk_tables_bind_owner). */
typedef struct sk_owner_bind {
	ss_plugin_owner_t *owner;
	uint32_t reg;
	uint32_t api_minor;
	bool missed; /* a lookup failed during its init */
} sk_owner_bind;

/* Handles live in a fixed array so they never move and a pointer can be
 * validated by a range check without taking the lock. The slot of a removed
 * table is reused only once every slot has been used, so a stale handle
 * aliases a new table only after SK_TABLES_MAX registrations. */
static sk_table_handle g_handles[SK_TABLES_MAX];
static uint32_t g_nhandles;
static ss_plugin_table_info g_infos[SK_TABLES_MAX];
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
/* Registry names (event sources); index 0 is the default registry "". */
static char g_regs[SK_TABLES_REGS_MAX][SK_TABLES_NAME_MAX];
static uint32_t g_nregs = 1;
static sk_owner_bind *g_binds;
static size_t g_nbinds, g_capbinds;

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

/* Sub-table pointers are handed out tagged with their parent's handle slot
 * in the top 16 bits (user-space pointers on x86_64 and aarch64 leave them
 * zero), so they need no allocation and stay valid as long as the owner's
 * sub-table does. Plugins treat table pointers as opaque. */
#define SUB_SHIFT 48
#define SUB_MASK ((UINT64_C(1) << SUB_SHIFT) - 1)

typedef struct table_ref {
	sk_table_handle *h;
	ss_plugin_table_t *raw; /* the owner's table or sub-table pointer */
	bool sub;
} table_ref;

static int resolve_slow(ss_plugin_table_t *t, table_ref *r);

/* Resolves t to its live handle; 0, or -1 with the error set. The common
 * case (a live top-level handle) stays inline: it is on every table call. */
static inline __attribute__((always_inline)) int resolve(ss_plugin_table_t *t, table_ref *r)
{
	size_t off = (size_t)((char *)t - (char *)g_handles);
	if (__builtin_expect(off < sizeof(g_handles) && off % sizeof(sk_table_handle) == 0, 1)) {
		sk_table_handle *h = t;
		if (__builtin_expect(atomic_load_explicit(&h->alive, memory_order_acquire), 1)) {
			r->h = h;
			r->raw = h->table;
			r->sub = false;
			return 0;
		}
	}
	return resolve_slow(t, r);
}

static int resolve_slow(ss_plugin_table_t *t, table_ref *r)
{
	uint64_t v = (uint64_t)(uintptr_t)t;
	uint64_t tag = v >> SUB_SHIFT;
	sk_table_handle *h;
	if (tag) {
		if (tag > SK_TABLES_MAX) {
			set_err("not a table handle obtained from get_table");
			return -1;
		}
		h = &g_handles[tag - 1];
		r->raw = (ss_plugin_table_t *)(uintptr_t)(v & SUB_MASK);
		r->sub = true;
	} else {
		h = t;
		if (h < &g_handles[0] || h >= &g_handles[SK_TABLES_MAX] ||
		    (size_t)((char *)h - (char *)g_handles) % sizeof(*h) != 0) {
			set_err("not a table handle obtained from get_table");
			return -1;
		}
		r->raw = NULL;
		r->sub = false;
	}
	if (!atomic_load_explicit(&h->alive, memory_order_acquire)) {
		set_err("table '%s' is no longer registered", h->name);
		return -1;
	}
	if (!r->sub)
		r->raw = h->table;
	r->h = h;
	return 0;
}

static bool is_tfield(const sk_table_handle *h, const ss_plugin_table_field_t *f)
{
	for (uint32_t i = 0; i < h->ntfields; i++)
		if (h->tfields[i] == f)
			return true;
	return false;
}

static void note_tfield(sk_table_handle *h, ss_plugin_table_field_t *f)
{
	if (is_tfield(h, f))
		return;
	if (h->ntfields < SK_TABLES_SUBFIELDS_MAX)
		h->tfields[h->ntfields++] = f;
}

static ss_plugin_table_t *wrap_sub(const sk_table_handle *h, ss_plugin_table_t *raw)
{
	uint64_t v = (uint64_t)(uintptr_t)raw;
	if (!raw || (v >> SUB_SHIFT)) {
		set_err("table '%s': sub-table pointer cannot be wrapped", h->name);
		return NULL;
	}
	uint64_t slot = (uint64_t)(h - g_handles) + 1;
	return (ss_plugin_table_t *)(uintptr_t)(v | (slot << SUB_SHIFT));
}

/* ---- reader ------------------------------------------------------------ */

static const char *h_get_table_name(ss_plugin_table_t *t)
{
	table_ref r;
	if (resolve(t, &r))
		return NULL;
	if (!r.sub)
		return r.h->name;
	return r.h->reader.get_table_name ? r.h->reader.get_table_name(r.raw) : r.h->name;
}

static uint64_t h_get_table_size(ss_plugin_table_t *t)
{
	table_ref r;
	if (resolve(t, &r))
		return (uint64_t)-1;
	return r.h->reader.get_table_size(r.raw);
}

static ss_plugin_table_entry_t *h_get_table_entry(ss_plugin_table_t *t,
	const ss_plugin_state_data *key)
{
	table_ref r;
	if (resolve(t, &r))
		return NULL;
	if (!key) {
		set_err("table '%s': NULL key", r.h->name);
		return NULL;
	}
	ss_plugin_table_entry_t *e = r.h->reader.get_table_entry(r.raw, key);
	if (!e)
		set_err("table '%s': no entry for the key", r.h->name);
	return e;
}

static ss_plugin_rc h_read_entry_field(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, ss_plugin_state_data *out)
{
	table_ref r;
	if (resolve(t, &r))
		return SS_PLUGIN_FAILURE;
	if (__builtin_expect(!e || !f || !out, 0)) {
		set_err("table '%s': read_entry_field with NULL entry/field/out", r.h->name);
		return SS_PLUGIN_FAILURE;
	}
	/* No sub-table field to wrap: a tail call to the owner. */
	if (__builtin_expect(r.h->ntfields == 0 || r.sub, 1))
		return r.h->reader.read_entry_field(r.raw, e, f, out);
	ss_plugin_rc rc = r.h->reader.read_entry_field(r.raw, e, f, out);
	if (rc == SS_PLUGIN_SUCCESS && is_tfield(r.h, f)) {
		out->table = wrap_sub(r.h, out->table);
		if (!out->table)
			return SS_PLUGIN_FAILURE;
	}
	return rc;
}

static void h_release_table_entry(ss_plugin_table_t *t, ss_plugin_table_entry_t *e)
{
	table_ref r;
	if (!resolve(t, &r) && e && r.h->reader.release_table_entry)
		r.h->reader.release_table_entry(r.raw, e);
}

static ss_plugin_bool h_iterate_entries(ss_plugin_table_t *t, ss_plugin_table_iterator_func_t it,
	ss_plugin_table_iterator_state_t *s)
{
	table_ref r;
	if (resolve(t, &r) || !it)
		return 0;
	if (!r.h->reader.iterate_entries) {
		set_err("table '%s' does not support iteration", r.h->name);
		return 0;
	}
	return r.h->reader.iterate_entries(r.raw, it, s);
}

/* ---- writer ------------------------------------------------------------ */

#define NEED_WRITER(t, r, fn, failval)                                          \
	do {                                                                    \
		if (resolve((t), &(r)))                                         \
			return failval;                                         \
		tl_has_err = 0;                                                 \
		if (!(r).h->writer.fn) {                                        \
			set_err("table '%s' does not support " #fn, (r).h->name); \
			return failval;                                         \
		}                                                               \
	} while (0)

static ss_plugin_rc h_clear_table(ss_plugin_table_t *t)
{
	table_ref r;
	NEED_WRITER(t, r, clear_table, SS_PLUGIN_FAILURE);
	return r.h->writer.clear_table(r.raw);
}

static ss_plugin_rc h_erase_table_entry(ss_plugin_table_t *t, const ss_plugin_state_data *key)
{
	table_ref r;
	NEED_WRITER(t, r, erase_table_entry, SS_PLUGIN_FAILURE);
	if (!key) {
		set_err("table '%s': erase with NULL key", r.h->name);
		return SS_PLUGIN_FAILURE;
	}
	ss_plugin_rc rc = r.h->writer.erase_table_entry(r.raw, key);
	if (rc != SS_PLUGIN_SUCCESS)
		set_err("table '%s': no entry to erase", r.h->name);
	return rc;
}

static ss_plugin_table_entry_t *h_create_table_entry(ss_plugin_table_t *t)
{
	table_ref r;
	NEED_WRITER(t, r, create_table_entry, NULL);
	ss_plugin_table_entry_t *e = r.h->writer.create_table_entry(r.raw);
	if (!e)
		set_err("table '%s': cannot create an entry", r.h->name);
	return e;
}

static void h_destroy_table_entry(ss_plugin_table_t *t, ss_plugin_table_entry_t *e)
{
	table_ref r;
	if (!resolve(t, &r) && e && r.h->writer.destroy_table_entry)
		r.h->writer.destroy_table_entry(r.raw, e);
}

static ss_plugin_table_entry_t *h_add_table_entry(ss_plugin_table_t *t,
	const ss_plugin_state_data *key, ss_plugin_table_entry_t *e)
{
	table_ref r;
	NEED_WRITER(t, r, add_table_entry, NULL);
	if (!key || !e) {
		set_err("table '%s': add_table_entry with NULL key/entry", r.h->name);
		return NULL;
	}
	ss_plugin_table_entry_t *res = r.h->writer.add_table_entry(r.raw, key, e);
	if (!res)
		set_err("table '%s': cannot add the entry", r.h->name);
	return res;
}

static ss_plugin_rc h_write_entry_field(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, const ss_plugin_state_data *in)
{
	table_ref r;
	NEED_WRITER(t, r, write_entry_field, SS_PLUGIN_FAILURE);
	if (!e || !f || !in) {
		set_err("table '%s': write_entry_field with NULL entry/field/in", r.h->name);
		return SS_PLUGIN_FAILURE;
	}
	if (!r.sub && is_tfield(r.h, f)) {
		set_err("table '%s': a sub-table field is read-only", r.h->name);
		return SS_PLUGIN_FAILURE;
	}
	ss_plugin_rc rc = r.h->writer.write_entry_field(r.raw, e, f, in);
	if (rc != SS_PLUGIN_SUCCESS && !tl_has_err)
		set_err("table '%s': field write refused (read-only field or bad value)", r.h->name);
	return rc;
}

/* ---- fields ------------------------------------------------------------ */

static const ss_plugin_table_fieldinfo *h_list_table_fields(ss_plugin_table_t *t, uint32_t *n)
{
	table_ref r;
	if (resolve(t, &r) || !n)
		return NULL;
	if (!r.h->fields.list_table_fields) {
		set_err("table '%s' does not list its fields", r.h->name);
		return NULL;
	}
	return r.h->fields.list_table_fields(r.raw, n);
}

static void note_miss(void);

static ss_plugin_table_field_t *h_get_table_field(ss_plugin_table_t *t, const char *name,
	ss_plugin_state_type type)
{
	table_ref r;
	if (resolve(t, &r) || !name)
		return NULL;
	tl_has_err = 0;
	ss_plugin_table_field_t *f = r.h->fields.get_table_field(r.raw, name, type);
	if (!f) {
		set_err("table '%s' has no field '%s' of type %d", r.h->name, name, (int)type);
		note_miss();
	} else if (type == SS_PLUGIN_ST_TABLE && !r.sub) {
		note_tfield(r.h, f);
	}
	return f;
}

static ss_plugin_table_field_t *h_add_table_field(ss_plugin_table_t *t, const char *name,
	ss_plugin_state_type type)
{
	table_ref r;
	if (resolve(t, &r) || !name)
		return NULL;
	tl_has_err = 0;
	if (!r.h->fields.add_table_field) {
		set_err("table '%s' does not accept new fields", r.h->name);
		return NULL;
	}
	ss_plugin_table_field_t *f = r.h->fields.add_table_field(r.raw, name, type);
	if (!f)
		set_err("table '%s' refused field '%s' of type %d", r.h->name, name, (int)type);
	else if (type == SS_PLUGIN_ST_TABLE && !r.sub)
		note_tfield(r.h, f);
	return f;
}

/* ---- owners ------------------------------------------------------------ */

/* Caller holds g_lock. */
static sk_owner_bind *bind_of(ss_plugin_owner_t *o)
{
	for (size_t i = 0; i < g_nbinds; i++)
		if (g_binds[i].owner == o)
			return &g_binds[i];
	return NULL;
}

/* Registry index and API minor of an owner (unbound: default, 12). */
static void owner_info(ss_plugin_owner_t *o, uint32_t *reg, uint32_t *minor)
{
	pthread_mutex_lock(&g_lock);
	sk_owner_bind *b = bind_of(o);
	*reg = b ? b->reg : 0;
	*minor = b ? b->api_minor : PLUGIN_API_VERSION_MINOR;
	pthread_mutex_unlock(&g_lock);
}

static _Thread_local ss_plugin_owner_t *tl_owner;

static void note_miss(void)
{
	pthread_mutex_lock(&g_lock);
	sk_owner_bind *b = tl_owner ? bind_of(tl_owner) : NULL;
	if (b)
		b->missed = true;
	pthread_mutex_unlock(&g_lock);
}

int sk_tables_bind_owner(ss_plugin_owner_t *o, const char *source, uint32_t api_minor)
{
	int rc = 0;
	pthread_mutex_lock(&g_lock);
	uint32_t reg = 0;
	const char *src = source ? source : "";
	for (reg = 0; reg < g_nregs; reg++)
		if (!strcmp(g_regs[reg], src))
			break;
	if (reg == g_nregs) {
		if (g_nregs == SK_TABLES_REGS_MAX || strlen(src) >= SK_TABLES_NAME_MAX) {
			rc = -ENOSPC;
			goto out;
		}
		snprintf(g_regs[g_nregs++], SK_TABLES_NAME_MAX, "%s", src);
	}
	sk_owner_bind *b = bind_of(o);
	if (!b) {
		if (g_nbinds == g_capbinds) {
			size_t nc = g_capbinds ? g_capbinds * 2 : 16;
			sk_owner_bind *nb = realloc(g_binds, nc * sizeof(*nb));
			if (!nb) {
				rc = -ENOMEM;
				goto out;
			}
			g_binds = nb;
			g_capbinds = nc;
		}
		b = &g_binds[g_nbinds++];
	}
	*b = (sk_owner_bind){.owner = o, .reg = reg, .api_minor = api_minor};
out:
	pthread_mutex_unlock(&g_lock);
	return rc;
}

void sk_tables_begin_init(ss_plugin_owner_t *o)
{
	tl_owner = o;
	tl_has_err = 0;
	pthread_mutex_lock(&g_lock);
	sk_owner_bind *b = bind_of(o);
	if (b)
		b->missed = false;
	pthread_mutex_unlock(&g_lock);
}

bool sk_tables_end_init(ss_plugin_owner_t *o)
{
	tl_owner = NULL;
	pthread_mutex_lock(&g_lock);
	sk_owner_bind *b = bind_of(o);
	bool missed = b && b->missed;
	pthread_mutex_unlock(&g_lock);
	return missed;
}

/* ---- registry callbacks ----------------------------------------------- */

static ss_plugin_table_info *r_list_tables(ss_plugin_owner_t *o, uint32_t *ntables)
{
	if (!ntables)
		return NULL;
	uint32_t reg, minor;
	owner_info(o, &reg, &minor);
	(void)minor;
	/* g_infos is shared: the answer stays valid until the next list_tables,
	 * which in saker only runs on the main thread during init. */
	pthread_mutex_lock(&g_lock);
	uint32_t n = 0;
	for (uint32_t i = 0; i < g_nhandles; i++) {
		if (!atomic_load(&g_handles[i].alive) || g_handles[i].reg != reg)
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
	tl_has_err = 0;
	if (!name) {
		set_err("get_table: NULL name");
		return NULL;
	}
	uint32_t reg, minor;
	owner_info(o, &reg, &minor);
	sk_table_handle *found = NULL;
	pthread_mutex_lock(&g_lock);
	for (uint32_t i = 0; i < g_nhandles; i++) {
		if (atomic_load(&g_handles[i].alive) && g_handles[i].reg == reg &&
		    strcmp(g_handles[i].name, name) == 0) {
			found = &g_handles[i];
			break;
		}
	}
	pthread_mutex_unlock(&g_lock);
	if (!found) {
		set_err("table '%s' is not registered", name);
		note_miss();
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
	tl_has_err = 0;
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
	uint32_t reg, minor;
	owner_info(o, &reg, &minor);
	/* The *_ext members arrived with API 3.1: a 3.0 plugin's struct ends
	 * before them, so they must not even be read. */
	bool ext = minor >= 1;

	sk_table_handle tmp;
	memset(&tmp, 0, sizeof(tmp));
	if (ext && in->reader_ext) {
		tmp.reader = *in->reader_ext;
	} else {
		tmp.reader.get_table_name = in->reader.get_table_name;
		tmp.reader.get_table_size = in->reader.get_table_size;
		tmp.reader.get_table_entry = in->reader.get_table_entry;
		tmp.reader.read_entry_field = in->reader.read_entry_field;
	}
	if (ext && in->writer_ext) {
		tmp.writer = *in->writer_ext;
	} else {
		tmp.writer.clear_table = in->writer.clear_table;
		tmp.writer.erase_table_entry = in->writer.erase_table_entry;
		tmp.writer.create_table_entry = in->writer.create_table_entry;
		tmp.writer.destroy_table_entry = in->writer.destroy_table_entry;
		tmp.writer.add_table_entry = in->writer.add_table_entry;
		tmp.writer.write_entry_field = in->writer.write_entry_field;
	}
	if (ext && in->fields_ext) {
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
		if (atomic_load(&g_handles[i].alive) && g_handles[i].reg == reg &&
		    strcmp(g_handles[i].name, in->name) == 0) {
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
	h->reg = reg;
	h->ntfields = 0;
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
	for (size_t i = 0; i < g_nbinds; i++) {
		if (g_binds[i].owner == owner) {
			g_binds[i] = g_binds[--g_nbinds];
			break;
		}
	}
	pthread_mutex_unlock(&g_lock);
}

void sk_tables_reset(void)
{
	pthread_mutex_lock(&g_lock);
	memset(g_handles, 0, sizeof(g_handles));
	memset(g_infos, 0, sizeof(g_infos));
	g_nhandles = 0;
	free(g_binds);
	g_binds = NULL;
	g_nbinds = g_capbinds = 0;
	memset(g_regs, 0, sizeof(g_regs));
	g_nregs = 1;
	pthread_mutex_unlock(&g_lock);
	tl_has_err = 0;
}
