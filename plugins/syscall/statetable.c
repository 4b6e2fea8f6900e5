/* statetable.c - the "threads" state table (see statetable.h). */
#include "statetable.h"
#include "statetable_int.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a built-in field maps onto sk_thread_t. */
enum how { H_I64, H_U32, H_U64, H_BOOL, H_STR, H_COMM, H_SUB, H_PIDNS, H_FDLIMIT, H_CWD,
	H_TID };

typedef struct tdef {
	ss_plugin_table_fieldinfo info;
	uint8_t how;
	uint16_t off; /* member offset, or the sub-table kind for H_SUB */
} tdef_t;

#define F(name, type, ro, how, member) {{name, type, ro}, how, offsetof(sk_thread_t, member)}
#define SUB(name, kind) {{name, SS_PLUGIN_ST_TABLE, 1}, H_SUB, kind}

/* libsinsp's threads table: names, types, order and read-only flags. */
static const tdef_t tdefs[] = {
	F("tid", SS_PLUGIN_ST_INT64, 0, H_TID, tid),
	F("pid", SS_PLUGIN_ST_INT64, 0, H_I64, pid),
	F("ptid", SS_PLUGIN_ST_INT64, 0, H_I64, ptid),
	F("reaper_tid", SS_PLUGIN_ST_INT64, 0, H_I64, reaper_tid),
	F("sid", SS_PLUGIN_ST_INT64, 0, H_I64, sid),
	F("comm", SS_PLUGIN_ST_STRING, 0, H_COMM, comm),
	F("exe", SS_PLUGIN_ST_STRING, 0, H_STR, exe),
	F("exe_path", SS_PLUGIN_ST_STRING, 0, H_STR, exepath),
	F("exe_writable", SS_PLUGIN_ST_BOOL, 0, H_BOOL, exe_writable),
	F("exe_upper_layer", SS_PLUGIN_ST_BOOL, 0, H_BOOL, exe_upper_layer),
	F("exe_lower_layer", SS_PLUGIN_ST_BOOL, 0, H_BOOL, exe_lower_layer),
	F("exe_from_memfd", SS_PLUGIN_ST_BOOL, 0, H_BOOL, exe_from_memfd),
	SUB("args", SK_TK_ARGS),
	SUB("env", SK_TK_ENV),
	SUB("cgroups", SK_TK_CGROUPS),
	F("flags", SS_PLUGIN_ST_UINT32, 0, H_U32, flags),
	F("fd_limit", SS_PLUGIN_ST_INT64, 0, H_FDLIMIT, fdlimit),
	F("uid", SS_PLUGIN_ST_UINT32, 0, H_U32, uid),
	F("gid", SS_PLUGIN_ST_UINT32, 0, H_U32, gid),
	F("loginuid", SS_PLUGIN_ST_UINT32, 0, H_U32, loginuid),
	F("exe_ino", SS_PLUGIN_ST_UINT64, 0, H_U64, exe_ino),
	F("exe_ino_ctime", SS_PLUGIN_ST_UINT64, 0, H_U64, exe_ino_ctime),
	F("exe_ino_mtime", SS_PLUGIN_ST_UINT64, 0, H_U64, exe_ino_mtime),
	F("vtid", SS_PLUGIN_ST_INT64, 0, H_I64, vtid),
	F("vpid", SS_PLUGIN_ST_INT64, 0, H_I64, vpid),
	F("vpgid", SS_PLUGIN_ST_INT64, 0, H_I64, vpgid),
	F("pgid", SS_PLUGIN_ST_INT64, 0, H_I64, pgid),
	F("pidns_init_start_ts", SS_PLUGIN_ST_UINT64, 0, H_PIDNS, pidns_init_start_ts),
	F("root", SS_PLUGIN_ST_STRING, 0, H_STR, root),
	F("tty", SS_PLUGIN_ST_UINT32, 0, H_U32, tty),
	SUB("file_descriptors", SK_TK_FDS),
	F("cwd", SS_PLUGIN_ST_STRING, 1, H_CWD, cwd),
};
#define NTDEFS (sizeof(tdefs) / sizeof(tdefs[0]))

static ss_plugin_table_fieldinfo g_tinfos[NTDEFS];

static const ss_plugin_table_fieldinfo *statics_of(uint32_t kind, uint32_t *n)
{
	if (kind == SK_TK_THREADS) {
		if (!g_tinfos[0].name)
			for (size_t i = 0; i < NTDEFS; i++)
				g_tinfos[i] = tdefs[i].info;
		*n = NTDEFS;
		return g_tinfos;
	}
	return sk__sub_fields(kind, n);
}

static sk_table_t *table_of(ss_plugin_table_t *t)
{
	uint32_t kind = *(uint32_t *)t;
	return kind == SK_TK_THREADS ? (sk_table_t *)t : ((sk_subtab_t *)t)->table;
}

#define MEMBER(th, d, type) ((type *)((char *)(th) + (d)->off))

/* A process attribute an undescribed thread reads from its leader. */
static const sk_thread_t *leader_if(sk_table_t *tb, const sk_thread_t *th, bool own)
{
	if (own || th->pid == th->tid || th->detached)
		return th;
	const sk_thread_t *l = sk_threads_peek(tb->s->threads, th->pid);
	return l ? l : th;
}

static ss_plugin_rc read_thread(sk_table_t *tb, sk_thread_t *th, uintptr_t f,
	ss_plugin_state_data *out)
{
	if (f >= SK_TF_DYN) {
		uint32_t d = (uint32_t)(f - SK_TF_DYN);
		if (d >= tb->dyn[SK_TK_THREADS].n)
			return SS_PLUGIN_FAILURE;
		sk_dynvals_read(th->dyn, d, tb->dyn[SK_TK_THREADS].types[d], out);
		return SS_PLUGIN_SUCCESS;
	}
	if (f == 0 || f > NTDEFS)
		return SS_PLUGIN_FAILURE;
	const tdef_t *d = &tdefs[f - 1];
	switch (d->how) {
	case H_TID:
	case H_I64: out->s64 = *MEMBER(th, d, int64_t); break;
	case H_U32: out->u32 = *MEMBER(th, d, uint32_t); break;
	case H_U64: out->u64 = *MEMBER(th, d, uint64_t); break;
	case H_BOOL: out->b = *MEMBER(th, d, bool) ? 1 : 0; break;
	case H_FDLIMIT: out->s64 = (int64_t)th->fdlimit; break;
	case H_COMM: out->str = th->comm; break;
	case H_STR: {
		const char *v = *MEMBER(th, d, char *);
		out->str = v ? v : "";
		break;
	}
	case H_CWD: {
		const sk_thread_t *l = leader_if(tb, th, th->cwd != NULL);
		out->str = l->cwd ? l->cwd : "";
		break;
	}
	case H_PIDNS:
		out->u64 = leader_if(tb, th, th->pidns_init_start_ts != 0)->pidns_init_start_ts;
		break;
	case H_SUB:
		out->table = sk__sub_of(tb, th, d->off);
		break;
	default: return SS_PLUGIN_FAILURE;
	}
	return SS_PLUGIN_SUCCESS;
}

static ss_plugin_rc write_thread(sk_table_t *tb, sk_thread_t *th, uintptr_t f,
	const ss_plugin_state_data *in)
{
	if (f >= SK_TF_DYN) {
		uint32_t d = (uint32_t)(f - SK_TF_DYN);
		if (d >= tb->dyn[SK_TK_THREADS].n)
			return SS_PLUGIN_FAILURE;
		return sk_dynvals_write(&th->dyn, d, tb->dyn[SK_TK_THREADS].types[d], in) ?
			SS_PLUGIN_FAILURE : SS_PLUGIN_SUCCESS;
	}
	if (f == 0 || f > NTDEFS || tdefs[f - 1].info.read_only)
		return SS_PLUGIN_FAILURE;
	const tdef_t *d = &tdefs[f - 1];
	switch (d->how) {
	case H_TID:
		/* The key of an entry in the table: change it through erase + add. */
		if (!th->detached)
			return SS_PLUGIN_FAILURE;
		th->tid = in->s64;
		break;
	case H_I64: *MEMBER(th, d, int64_t) = in->s64; break;
	case H_U32: *MEMBER(th, d, uint32_t) = in->u32; break;
	case H_U64:
	case H_PIDNS: *MEMBER(th, d, uint64_t) = in->u64; break;
	case H_BOOL: *MEMBER(th, d, bool) = in->b != 0; break;
	case H_FDLIMIT: th->fdlimit = (uint64_t)in->s64; break;
	case H_COMM: snprintf(th->comm, sizeof(th->comm), "%s", in->str ? in->str : ""); break;
	case H_STR:
		if (sk_thread_set_str(MEMBER(th, d, char *), in->str) < 0)
			return SS_PLUGIN_FAILURE;
		break;
	default: return SS_PLUGIN_FAILURE;
	}
	return SS_PLUGIN_SUCCESS;
}

/* ---- vtables (dispatch on the table kind) ------------------------------ */

static const char *t_name(ss_plugin_table_t *t)
{
	static const char *names[SK_TK_COUNT] = {"threads", "args", "env", "cgroups",
		"file_descriptors"};
	uint32_t k = *(uint32_t *)t;
	return k < SK_TK_COUNT ? names[k] : NULL;
}

static uint64_t t_size(ss_plugin_table_t *t)
{
	if (*(uint32_t *)t != SK_TK_THREADS)
		return sk__sub_size(t);
	return sk_threads_stats(((sk_table_t *)t)->s->threads)->count;
}

static ss_plugin_table_entry_t *t_get(ss_plugin_table_t *t, const ss_plugin_state_data *key)
{
	if (*(uint32_t *)t != SK_TK_THREADS)
		return sk__sub_get(t, key);
	return sk_threads_peek(((sk_table_t *)t)->s->threads, key->s64);
}

static ss_plugin_rc t_read(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, ss_plugin_state_data *out)
{
	if (*(uint32_t *)t != SK_TK_THREADS)
		return sk__sub_read(t, e, (uintptr_t)f, out);
	return read_thread(t, e, (uintptr_t)f, out);
}

static ss_plugin_rc t_write(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, const ss_plugin_state_data *in)
{
	if (*(uint32_t *)t != SK_TK_THREADS)
		return sk__sub_write(t, e, (uintptr_t)f, in);
	return write_thread(t, e, (uintptr_t)f, in);
}

static void t_release(ss_plugin_table_t *t, ss_plugin_table_entry_t *e)
{
	(void)t;
	(void)e;
}

typedef struct it_ctx {
	ss_plugin_table_iterator_func_t fn;
	ss_plugin_table_iterator_state_t *st;
	bool ok;
} it_ctx_t;

static bool it_cb(void *ctx, sk_thread_t *th)
{
	it_ctx_t *c = ctx;
	c->ok = c->fn(c->st, th) != 0;
	return c->ok;
}

static ss_plugin_bool t_iterate(ss_plugin_table_t *t, ss_plugin_table_iterator_func_t it,
	ss_plugin_table_iterator_state_t *s)
{
	if (*(uint32_t *)t != SK_TK_THREADS)
		return sk__sub_iterate(t, it, s);
	it_ctx_t c = {it, s, true};
	sk_threads_foreach(((sk_table_t *)t)->s->threads, it_cb, &c);
	return c.ok;
}

static ss_plugin_rc t_clear(ss_plugin_table_t *t)
{
	if (*(uint32_t *)t != SK_TK_THREADS)
		return sk__sub_clear(t);
	sk_threads_clear(((sk_table_t *)t)->s->threads);
	return SS_PLUGIN_SUCCESS;
}

static ss_plugin_rc t_erase(ss_plugin_table_t *t, const ss_plugin_state_data *key)
{
	if (*(uint32_t *)t != SK_TK_THREADS)
		return sk__sub_erase(t, key);
	return sk_threads_remove(((sk_table_t *)t)->s->threads, key->s64) ? SS_PLUGIN_SUCCESS :
		SS_PLUGIN_FAILURE;
}

static ss_plugin_table_entry_t *t_create(ss_plugin_table_t *t)
{
	if (*(uint32_t *)t != SK_TK_THREADS)
		return sk__sub_create(t);
	return sk_thread_new_detached();
}

static void t_destroy(ss_plugin_table_t *t, ss_plugin_table_entry_t *e)
{
	if (*(uint32_t *)t != SK_TK_THREADS) {
		sk__sub_destroy(t, e);
		return;
	}
	/* Entries in the table are the table's: only detached ones go. */
	sk_thread_t *th = e;
	if (th && th->detached)
		sk_thread_free_detached(th);
}

static ss_plugin_table_entry_t *t_add(ss_plugin_table_t *t, const ss_plugin_state_data *key,
	ss_plugin_table_entry_t *e)
{
	if (*(uint32_t *)t != SK_TK_THREADS)
		return sk__sub_add(t, key, e);
	sk_thread_t *th = e;
	if (!th || !th->detached)
		return NULL;
	return sk_threads_attach(((sk_table_t *)t)->s->threads, key->s64, th);
}

static const ss_plugin_table_fieldinfo *f_list(ss_plugin_table_t *t, uint32_t *n)
{
	uint32_t kind = *(uint32_t *)t, ns = 0;
	const ss_plugin_table_fieldinfo *st = statics_of(kind, &ns);
	return sk_dynset_list(&table_of(t)->dyn[kind], st, ns, n);
}

/* Built-in index + 1, SK_TF_DYN + dynamic index, 0 when absent; *clash set
 * when the name exists with another type. */
static uintptr_t find_field(ss_plugin_table_t *t, const char *name, ss_plugin_state_type type,
	bool lenient, bool *clash)
{
	uint32_t kind = *(uint32_t *)t, ns = 0;
	const ss_plugin_table_fieldinfo *st = statics_of(kind, &ns);
	*clash = false;
	for (uint32_t i = 0; i < ns; i++) {
		if (strcmp(st[i].name, name))
			continue;
		if (st[i].field_type == type || (lenient && sk__type_compatible(st[i].field_type, type)))
			return i + 1;
		*clash = true;
		return 0;
	}
	sk_dynset_t *ds = &table_of(t)->dyn[kind];
	int d = sk_dynset_find(ds, name);
	if (d < 0)
		return 0;
	if (ds->types[d] == type)
		return SK_TF_DYN + (uintptr_t)d;
	*clash = true;
	return 0;
}

static ss_plugin_table_field_t *f_get(ss_plugin_table_t *t, const char *name,
	ss_plugin_state_type type)
{
	bool clash;
	return (ss_plugin_table_field_t *)find_field(t, name, type, true, &clash);
}

static ss_plugin_table_field_t *f_add(ss_plugin_table_t *t, const char *name,
	ss_plugin_state_type type)
{
	bool clash;
	uintptr_t f = find_field(t, name, type, false, &clash);
	if (f || clash)
		return (ss_plugin_table_field_t *)f; /* existing one, or NULL on a type clash */
	uint32_t kind = *(uint32_t *)t, ns = 0;
	const ss_plugin_table_fieldinfo *st = statics_of(kind, &ns);
	int d = sk_dynset_add(&table_of(t)->dyn[kind], name, type, st, ns);
	return d < 0 ? NULL : (ss_plugin_table_field_t *)(SK_TF_DYN + (uintptr_t)d);
}

int sk_statetable_publish(sk_sys_t *s, const ss_plugin_init_tables_input *tin, char *err,
	size_t errlen)
{
	if (!tin || !tin->add_table)
		return -ENOTSUP;
	sk_table_t *tb = calloc(1, sizeof(*tb));
	if (!tb)
		return -ENOMEM;
	tb->kind = SK_TK_THREADS;
	tb->s = s;
	tb->reader = (ss_plugin_table_reader_vtable_ext){t_name, t_size, t_get, t_read, t_release,
		t_iterate};
	tb->writer = (ss_plugin_table_writer_vtable_ext){t_clear, t_erase, t_create, t_destroy,
		t_add, t_write};
	tb->fields = (ss_plugin_table_fields_vtable_ext){f_list, f_get, f_add};
	ss_plugin_table_input in;
	memset(&in, 0, sizeof(in));
	in.name = "threads";
	in.key_type = SS_PLUGIN_ST_INT64;
	in.table = tb;
	in.reader = (ss_plugin_table_reader_vtable){t_name, t_size, t_get, t_read};
	in.writer = (ss_plugin_table_writer_vtable){t_clear, t_erase, t_create, t_destroy, t_add,
		t_write};
	in.fields = (ss_plugin_table_fields_vtable){f_list, f_get, f_add};
	in.reader_ext = &tb->reader;
	in.writer_ext = &tb->writer;
	in.fields_ext = &tb->fields;
	if (tin->add_table(s->owner, &in) != SS_PLUGIN_SUCCESS) {
		snprintf(err, errlen, "syscall: the host refused the 'threads' table");
		free(tb);
		return -EIO;
	}
	s->table = tb;
	return 0;
}

void sk_statetable_free(sk_sys_t *s)
{
	sk_table_t *tb = s->table;
	if (!tb)
		return;
	for (int k = 0; k < SK_TK_COUNT; k++)
		sk_dynset_clear(&tb->dyn[k]);
	free(tb);
	s->table = NULL;
}
