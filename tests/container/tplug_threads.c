/*
 * tplug_threads.c - a test plugin that owns a "threads" table (key int64
 * tid) the way the syscall plugin does: fields tid, pid, comm, cgroups (a
 * sub-table keyed by index with string fields first = subsystem, second =
 * path, as libsinsp's), pidns_init_start_ts, plus string fields other
 * plugins add (container_id is added by the container plugin).
 * The test host seeds rows through the extra symbol tthreads_set().
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_api.h"

#define EXPORT __attribute__((visibility("default")))
#define MAXROWS 256
#define MAXF 12
#define STRLEN 1024

enum { F_TID, F_PID, F_COMM, F_CGROUPS, F_PIDNS, F_FIXED };

#define TBL_MAGIC 0x7AB1E000u
#define CG_MAGIC 0xC6C6C600u
#define MAXCG 8

struct row;
typedef struct cgsub {
	uint32_t magic; /* CG_MAGIC: the vtables dispatch on it */
	struct row *r;
} cgsub_t;

typedef struct cgent {
	char first[64], second[512];
} cgent_t;

typedef struct row {
	int used;
	int64_t tid;
	int64_t pid;
	uint64_t pidns;
	char s[MAXF][STRLEN]; /* string fields by field index */
	cgsub_t cg;
	cgent_t cgs[MAXCG];
	int ncg;
} row_t;

typedef struct tbl {
	uint32_t magic; /* TBL_MAGIC */
	row_t rows[MAXROWS];
	ss_plugin_table_fieldinfo info[MAXF];
	char names[MAXF][64];
	uint32_t nfields;
	uint64_t released, acquired;
} tbl_t;

static tbl_t g_tbl;
static char g_err[256];

EXPORT const char *plugin_get_required_api_version(void) { return "3.10.0"; }
EXPORT const char *plugin_get_version(void) { return "0.1.0"; }
EXPORT const char *plugin_get_name(void) { return "tthreads"; }
EXPORT const char *plugin_get_description(void) { return "test threads table owner"; }
EXPORT const char *plugin_get_contact(void) { return "tests"; }
EXPORT const char *plugin_get_last_error(ss_plugin_t *s) { (void)s; return g_err; }
EXPORT const char *plugin_get_fields(void) { return "[{\"name\":\"tthreads.n\",\"type\":\"uint64\",\"desc\":\"rows\"}]"; }

static row_t *find(tbl_t *t, int64_t tid)
{
	for (int i = 0; i < MAXROWS; i++)
		if (t->rows[i].used && t->rows[i].tid == tid)
			return &t->rows[i];
	return NULL;
}

static int is_cg(ss_plugin_table_t *t)
{
	return *(uint32_t *)t == CG_MAGIC;
}

static const char *t_name(ss_plugin_table_t *t) { return is_cg(t) ? "cgroups" : "threads"; }
static uint64_t t_size(ss_plugin_table_t *t)
{
	if (is_cg(t))
		return (uint64_t)((cgsub_t *)t)->r->ncg;
	uint64_t n = 0;
	for (int i = 0; i < MAXROWS; i++)
		n += ((tbl_t *)t)->rows[i].used ? 1 : 0;
	return n;
}
static ss_plugin_table_entry_t *t_get(ss_plugin_table_t *t, const ss_plugin_state_data *k)
{
	if (is_cg(t)) {
		row_t *cr = ((cgsub_t *)t)->r;
		return k->u64 < (uint64_t)cr->ncg ? &cr->cgs[k->u64] : NULL;
	}
	row_t *r = find(t, k->s64);
	if (r)
		((tbl_t *)t)->acquired++;
	return r;
}
static void t_release(ss_plugin_table_t *t, ss_plugin_table_entry_t *e)
{
	(void)e;
	if (!is_cg(t))
		((tbl_t *)t)->released++;
}
static ss_plugin_bool t_iter(ss_plugin_table_t *t, ss_plugin_table_iterator_func_t it,
	ss_plugin_table_iterator_state_t *s)
{
	if (is_cg(t)) {
		row_t *cr = ((cgsub_t *)t)->r;
		for (int i = 0; i < cr->ncg; i++)
			if (!it(s, &cr->cgs[i]))
				return 0;
		return 1;
	}
	for (int i = 0; i < MAXROWS; i++)
		if (((tbl_t *)t)->rows[i].used && !it(s, &((tbl_t *)t)->rows[i]))
			return 0;
	return 1;
}
static ss_plugin_rc t_read(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, ss_plugin_state_data *out)
{
	if (is_cg(t)) {
		cgent_t *c = e;
		if ((uintptr_t)f == 1)
			out->str = c->first;
		else if ((uintptr_t)f == 2)
			out->str = c->second;
		else
			return SS_PLUGIN_FAILURE;
		return SS_PLUGIN_SUCCESS;
	}
	row_t *r = e;
	uintptr_t fi = (uintptr_t)f - 1;
	if (fi >= ((tbl_t *)t)->nfields)
		return SS_PLUGIN_FAILURE;
	switch (fi) {
	case F_CGROUPS:
		r->cg.magic = CG_MAGIC;
		r->cg.r = r;
		out->table = &r->cg;
		break;
	case F_TID: out->s64 = r->tid; break;
	case F_PID: out->s64 = r->pid; break;
	case F_PIDNS: out->u64 = r->pidns; break;
	default: out->str = r->s[fi]; break;
	}
	return SS_PLUGIN_SUCCESS;
}
static ss_plugin_rc t_write(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, const ss_plugin_state_data *in)
{
	if (is_cg(t))
		return SS_PLUGIN_FAILURE;
	row_t *r = e;
	uintptr_t fi = (uintptr_t)f - 1;
	tbl_t *tb = t;
	if (fi >= tb->nfields || tb->info[fi].read_only)
		return SS_PLUGIN_FAILURE;
	switch (fi) {
	case F_PID: r->pid = in->s64; break;
	case F_PIDNS: r->pidns = in->u64; break;
	default: snprintf(r->s[fi], STRLEN, "%s", in->str ? in->str : ""); break;
	}
	return SS_PLUGIN_SUCCESS;
}
static ss_plugin_rc t_clear(ss_plugin_table_t *t)
{
	if (is_cg(t))
		return SS_PLUGIN_FAILURE;
	memset(((tbl_t *)t)->rows, 0, sizeof(((tbl_t *)t)->rows));
	return SS_PLUGIN_SUCCESS;
}
static ss_plugin_rc t_erase(ss_plugin_table_t *t, const ss_plugin_state_data *k)
{
	if (is_cg(t))
		return SS_PLUGIN_FAILURE;
	row_t *r = find(t, k->s64);
	if (!r)
		return SS_PLUGIN_FAILURE;
	r->used = 0;
	return SS_PLUGIN_SUCCESS;
}
static ss_plugin_table_entry_t *t_create(ss_plugin_table_t *t)
{
	return is_cg(t) ? NULL : calloc(1, sizeof(row_t));
}
static void t_destroy(ss_plugin_table_t *t, ss_plugin_table_entry_t *e)
{
	if (!is_cg(t))
		free(e);
}
static ss_plugin_table_entry_t *t_add(ss_plugin_table_t *t, const ss_plugin_state_data *k,
	ss_plugin_table_entry_t *e)
{
	if (is_cg(t))
		return NULL;
	tbl_t *tb = t;
	row_t *r = find(tb, k->s64);
	for (int i = 0; !r && i < MAXROWS; i++)
		if (!tb->rows[i].used)
			r = &tb->rows[i];
	if (!r)
		return NULL;
	*r = *(row_t *)e;
	r->used = 1;
	r->tid = k->s64;
	free(e);
	return r;
}
static const ss_plugin_table_fieldinfo cg_info[] = {
	{"first", SS_PLUGIN_ST_STRING, 0},
	{"second", SS_PLUGIN_ST_STRING, 0},
};

static const ss_plugin_table_fieldinfo *t_list(ss_plugin_table_t *t, uint32_t *n)
{
	if (is_cg(t)) {
		*n = 2;
		return cg_info;
	}
	*n = ((tbl_t *)t)->nfields;
	return ((tbl_t *)t)->info;
}
static ss_plugin_table_field_t *t_getf(ss_plugin_table_t *t, const char *name,
	ss_plugin_state_type ty)
{
	if (is_cg(t)) {
		if (ty != SS_PLUGIN_ST_STRING)
			return NULL;
		return !strcmp(name, "first") ? (void *)(uintptr_t)1 :
			!strcmp(name, "second") ? (void *)(uintptr_t)2 : NULL;
	}
	tbl_t *tb = t;
	for (uint32_t i = 0; i < tb->nfields; i++)
		if (strcmp(tb->info[i].name, name) == 0)
			return tb->info[i].field_type == ty ? (void *)(uintptr_t)(i + 1) : NULL;
	return NULL;
}
static ss_plugin_table_field_t *t_addf(ss_plugin_table_t *t, const char *name,
	ss_plugin_state_type ty)
{
	if (is_cg(t))
		return NULL;
	tbl_t *tb = t;
	ss_plugin_table_field_t *f = t_getf(t, name, ty);
	if (f || ty != SS_PLUGIN_ST_STRING || tb->nfields >= MAXF)
		return f;
	snprintf(tb->names[tb->nfields], 64, "%s", name);
	tb->info[tb->nfields] = (ss_plugin_table_fieldinfo){tb->names[tb->nfields], ty, 0};
	return (void *)(uintptr_t)(++tb->nfields);
}

static ss_plugin_table_reader_vtable_ext g_rx = {t_name, t_size, t_get, t_read, t_release, t_iter};
static ss_plugin_table_writer_vtable_ext g_wx = {t_clear, t_erase, t_create, t_destroy, t_add, t_write};
static ss_plugin_table_fields_vtable_ext g_fx = {t_list, t_getf, t_addf};

static void def(uint32_t i, const char *n, ss_plugin_state_type t, int ro)
{
	snprintf(g_tbl.names[i], 64, "%s", n);
	g_tbl.info[i] = (ss_plugin_table_fieldinfo){g_tbl.names[i], t, (ss_plugin_bool)ro};
}

EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	memset(&g_tbl, 0, sizeof(g_tbl));
	def(F_TID, "tid", SS_PLUGIN_ST_INT64, 1);
	def(F_PID, "pid", SS_PLUGIN_ST_INT64, 0);
	def(F_COMM, "comm", SS_PLUGIN_ST_STRING, 0);
	def(F_CGROUPS, "cgroups", SS_PLUGIN_ST_TABLE, 1);
	def(F_PIDNS, "pidns_init_start_ts", SS_PLUGIN_ST_UINT64, 0);
	g_tbl.nfields = F_FIXED;
	g_tbl.magic = TBL_MAGIC;
	*rc = SS_PLUGIN_FAILURE;
	if (!in->tables) {
		snprintf(g_err, sizeof(g_err), "no tables input");
		return &g_tbl;
	}
	ss_plugin_table_input ti;
	memset(&ti, 0, sizeof(ti));
	ti.name = "threads";
	ti.key_type = SS_PLUGIN_ST_INT64;
	ti.table = &g_tbl;
	/* Only the _ext vtables: the host must use them. */
	ti.reader_ext = &g_rx;
	ti.writer_ext = &g_wx;
	ti.fields_ext = &g_fx;
	if (in->tables->add_table(in->owner, &ti) != SS_PLUGIN_SUCCESS) {
		snprintf(g_err, sizeof(g_err), "add_table failed");
		return &g_tbl;
	}
	*rc = SS_PLUGIN_SUCCESS;
	return &g_tbl;
}

EXPORT void plugin_destroy(ss_plugin_t *s) { (void)s; }

EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *e,
	const ss_plugin_field_extract_input *in)
{
	static uint64_t v;
	(void)e;
	v = t_size(s);
	in->fields[0].res.u64 = &v;
	in->fields[0].res_len = 1;
	return SS_PLUGIN_SUCCESS;
}

/* ---- test-only symbols ---- */
EXPORT int tthreads_set(int64_t tid, int64_t pid, const char *comm, const char *cgroups,
	uint64_t pidns)
{
	row_t *r = find(&g_tbl, tid);
	for (int i = 0; !r && i < MAXROWS; i++)
		if (!g_tbl.rows[i].used)
			r = &g_tbl.rows[i];
	if (!r)
		return -1;
	memset(r, 0, sizeof(*r));
	r->used = 1;
	r->tid = tid;
	r->pid = pid;
	r->pidns = pidns;
	snprintf(r->s[F_COMM], STRLEN, "%s", comm ? comm : "");
	/* "N:subsystem:path" lines, as /proc/<pid>/cgroup. */
	for (const char *l = cgroups; l && *l && r->ncg < MAXCG;) {
		const char *nl = strchr(l, '\n');
		size_t n = nl ? (size_t)(nl - l) : strlen(l);
		const char *c1 = memchr(l, ':', n);
		const char *c2 = c1 ? memchr(c1 + 1, ':', n - (size_t)(c1 + 1 - l)) : NULL;
		if (c2) {
			cgent_t *c = &r->cgs[r->ncg++];
			snprintf(c->first, sizeof(c->first), "%.*s", (int)(c2 - c1 - 1), c1 + 1);
			snprintf(c->second, sizeof(c->second), "%.*s", (int)(n - (size_t)(c2 + 1 - l)),
				c2 + 1);
		}
		l = nl ? nl + 1 : NULL;
	}
	return 0;
}

EXPORT const char *tthreads_str(int64_t tid, const char *field)
{
	row_t *r = find(&g_tbl, tid);
	for (uint32_t i = 0; r && i < g_tbl.nfields; i++)
		if (strcmp(g_tbl.info[i].name, field) == 0 && g_tbl.info[i].field_type == SS_PLUGIN_ST_STRING)
			return r->s[i];
	return NULL;
}

EXPORT void tthreads_refs(uint64_t *acquired, uint64_t *released)
{
	*acquired = g_tbl.acquired;
	*released = g_tbl.released;
}
