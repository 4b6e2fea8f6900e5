/* statetable.c - the "threads" state table (see statetable.h). */
#include "statetable.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TF_TID = 1, TF_PID, TF_PTID, TF_COMM, TF_EXE, TF_EXEPATH, TF_CGROUPS, TF_CONTAINER_ID,
	TF_PIDNS_INIT_START_TS };

static const ss_plugin_table_fieldinfo tfields[] = {
	{"tid", SS_PLUGIN_ST_INT64, 1},
	{"pid", SS_PLUGIN_ST_INT64, 1},
	{"ptid", SS_PLUGIN_ST_INT64, 1},
	{"comm", SS_PLUGIN_ST_STRING, 1},
	{"exe", SS_PLUGIN_ST_STRING, 1},
	{"exepath", SS_PLUGIN_ST_STRING, 1},
	{"cgroups", SS_PLUGIN_ST_STRING, 1},
	{"container_id", SS_PLUGIN_ST_STRING, 0},
	{"pidns_init_start_ts", SS_PLUGIN_ST_UINT64, 1},
};
#define NTF (sizeof(tfields) / sizeof(tfields[0]))

typedef struct sk_table {
	sk_sys_t *s;
	char scratch[8192];
	ss_plugin_table_reader_vtable_ext reader;
	ss_plugin_table_writer_vtable_ext writer;
	ss_plugin_table_fields_vtable_ext fields;
} sk_table_t;

static const char *t_name(ss_plugin_table_t *t)
{
	(void)t;
	return "threads";
}

static uint64_t t_size(ss_plugin_table_t *t)
{
	return sk_threads_stats(((sk_table_t *)t)->s->threads)->count;
}

static ss_plugin_table_entry_t *t_get(ss_plugin_table_t *t, const ss_plugin_state_data *key)
{
	return sk_threads_peek(((sk_table_t *)t)->s->threads, key->s64);
}

static ss_plugin_rc t_read(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, ss_plugin_state_data *out)
{
	sk_table_t *tb = t;
	sk_thread_t *th = e;
	switch ((int)(intptr_t)f) {
	case TF_TID: out->s64 = th->tid; break;
	case TF_PID: out->s64 = th->pid; break;
	case TF_PTID: out->s64 = th->ptid; break;
	case TF_COMM: out->str = th->comm; break;
	case TF_EXE: out->str = th->exe ? th->exe : ""; break;
	case TF_EXEPATH: out->str = th->exepath ? th->exepath : ""; break;
	case TF_CGROUPS: {
		if (!th->cgroups_len && th->pid != th->tid) {
			sk_thread_t *l = sk_threads_peek(tb->s->threads, th->pid);
			if (l)
				th = l;
		}
		uint32_t n = th->cgroups_len < sizeof(tb->scratch) - 1 ? th->cgroups_len :
			(uint32_t)sizeof(tb->scratch) - 1;
		if (th->cgroups)
			memcpy(tb->scratch, th->cgroups, n);
		while (n > 0 && tb->scratch[n - 1] == 0)
			n--;
		for (uint32_t i = 0; i < n; i++)
			if (tb->scratch[i] == 0)
				tb->scratch[i] = '\n';
		tb->scratch[n] = 0;
		out->str = tb->scratch;
		break;
	}
	case TF_CONTAINER_ID: out->str = th->container_id; break;
	case TF_PIDNS_INIT_START_TS: {
		/* A process attribute: a thread without it reads its leader's. */
		const sk_thread_t *src = th;
		if (!th->pidns_init_start_ts && th->pid != th->tid) {
			const sk_thread_t *l = sk_threads_peek(tb->s->threads, th->pid);
			if (l)
				src = l;
		}
		out->u64 = src->pidns_init_start_ts;
		break;
	}
	default: return SS_PLUGIN_FAILURE;
	}
	return SS_PLUGIN_SUCCESS;
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
	it_ctx_t c = {it, s, true};
	sk_threads_foreach(((sk_table_t *)t)->s->threads, it_cb, &c);
	return c.ok;
}

static ss_plugin_rc t_clear(ss_plugin_table_t *t)
{
	(void)t;
	return SS_PLUGIN_FAILURE;
}

static ss_plugin_rc t_erase(ss_plugin_table_t *t, const ss_plugin_state_data *key)
{
	(void)t;
	(void)key;
	return SS_PLUGIN_FAILURE;
}

static ss_plugin_table_entry_t *t_create(ss_plugin_table_t *t)
{
	(void)t;
	return NULL;
}

static void t_destroy(ss_plugin_table_t *t, ss_plugin_table_entry_t *e)
{
	(void)t;
	(void)e;
}

static ss_plugin_table_entry_t *t_add(ss_plugin_table_t *t, const ss_plugin_state_data *key,
	ss_plugin_table_entry_t *e)
{
	(void)t;
	(void)key;
	(void)e;
	return NULL;
}

static ss_plugin_rc t_write(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, const ss_plugin_state_data *in)
{
	(void)t;
	sk_thread_t *th = e;
	if ((int)(intptr_t)f != TF_CONTAINER_ID || !in->str)
		return SS_PLUGIN_FAILURE;
	snprintf(th->container_id, sizeof(th->container_id), "%s", in->str);
	return SS_PLUGIN_SUCCESS;
}

static const ss_plugin_table_fieldinfo *f_list(ss_plugin_table_t *t, uint32_t *n)
{
	(void)t;
	*n = NTF;
	return tfields;
}

static ss_plugin_table_field_t *f_get(ss_plugin_table_t *t, const char *name,
	ss_plugin_state_type type)
{
	(void)t;
	for (size_t i = 0; i < NTF; i++)
		if (!strcmp(tfields[i].name, name) && tfields[i].field_type == type)
			return (ss_plugin_table_field_t *)(intptr_t)(i + 1);
	return NULL;
}

int sk_statetable_publish(sk_sys_t *s, const ss_plugin_init_tables_input *tin, char *err,
	size_t errlen)
{
	if (!tin || !tin->add_table)
		return -ENOTSUP;
	sk_table_t *tb = calloc(1, sizeof(*tb));
	if (!tb)
		return -ENOMEM;
	tb->s = s;
	tb->reader = (ss_plugin_table_reader_vtable_ext){t_name, t_size, t_get, t_read, t_release,
		t_iterate};
	tb->writer = (ss_plugin_table_writer_vtable_ext){t_clear, t_erase, t_create, t_destroy,
		t_add, t_write};
	tb->fields = (ss_plugin_table_fields_vtable_ext){f_list, f_get, f_get};
	ss_plugin_table_input in;
	memset(&in, 0, sizeof(in));
	in.name = "threads";
	in.key_type = SS_PLUGIN_ST_INT64;
	in.table = tb;
	in.reader = (ss_plugin_table_reader_vtable){t_name, t_size, t_get, t_read};
	in.writer = (ss_plugin_table_writer_vtable){t_clear, t_erase, t_create, t_destroy, t_add,
		t_write};
	in.fields = (ss_plugin_table_fields_vtable){f_list, f_get, f_get};
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
	free(s->table);
	s->table = NULL;
}
