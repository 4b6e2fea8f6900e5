/* subtables.c - the sub-tables of a thread: args, env, cgroups (key =
 * index; entries kept by sublists.c from the thread's strings) and
 * file_descriptors (the process's fd table, key = fd). Field names and
 * types are libsinsp's. */
#include "statetable_int.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ss_plugin_table_fieldinfo args_fields[] = {
	{"value", SS_PLUGIN_ST_STRING, 0},
};
static const ss_plugin_table_fieldinfo cgroups_fields[] = {
	{"first", SS_PLUGIN_ST_STRING, 0},
	{"second", SS_PLUGIN_ST_STRING, 0},
};

/* How an fd field maps onto sk_fdinfo_t. */
enum fhow { FH_TYPE, FH_U32, FH_U64, FH_STR, FH_PID, FH_FD, FH_FLAGS, FH_IP4, FH_PORT,
	FH_L4, FH_IP6LO, FH_IP6HI, FH_SRV4, FH_SRVPORT, FH_SRVL4, FH_SRV6LO, FH_SRV6HI, FH_ZERO64 };

typedef struct fdef {
	ss_plugin_table_fieldinfo info;
	uint8_t how;
	uint8_t side; /* 0 client (src), 1 server (dst) */
	uint16_t off;
	uint8_t v6;   /* the field belongs to an IPv6 socket */
} fdef_t;

#define FO(name, type, how, member) {{name, type, 0}, how, 0, offsetof(sk_fdinfo_t, member), 0}
#define FS(name, type, how, side, v6) {{name, type, 0}, how, side, 0, v6}

static const fdef_t fdefs[] = {
	FS("type", SS_PLUGIN_ST_UINT8, FH_TYPE, 0, 0),
	FO("open_flags", SS_PLUGIN_ST_UINT32, FH_U32, open_flags),
	FO("name", SS_PLUGIN_ST_STRING, FH_STR, name),
	FO("name_raw", SS_PLUGIN_ST_STRING, FH_STR, nameraw),
	FO("old_name", SS_PLUGIN_ST_STRING, FH_STR, oldname),
	FS("flags", SS_PLUGIN_ST_UINT32, FH_FLAGS, 0, 0),
	FO("dev", SS_PLUGIN_ST_UINT32, FH_U32, dev),
	FO("mount_id", SS_PLUGIN_ST_UINT32, FH_U32, mount_id),
	FO("ino", SS_PLUGIN_ST_UINT64, FH_U64, ino),
	FS("pid", SS_PLUGIN_ST_INT64, FH_PID, 0, 0),
	FS("fd", SS_PLUGIN_ST_INT64, FH_FD, 0, 0),
	FS("socket_ipv4_src_ip", SS_PLUGIN_ST_UINT32, FH_IP4, 0, 0),
	FS("socket_ipv4_dest_dip", SS_PLUGIN_ST_UINT32, FH_IP4, 1, 0),
	FS("socket_ipv4_src_port", SS_PLUGIN_ST_UINT16, FH_PORT, 0, 0),
	FS("socket_ipv4_dst_port", SS_PLUGIN_ST_UINT16, FH_PORT, 1, 0),
	FS("socket_ipv4_l4_proto", SS_PLUGIN_ST_UINT8, FH_L4, 0, 0),
	FS("socket_ipv6_src_ip_low", SS_PLUGIN_ST_UINT64, FH_IP6LO, 0, 1),
	FS("socket_ipv6_src_ip_high", SS_PLUGIN_ST_UINT64, FH_IP6HI, 0, 1),
	FS("socket_ipv6_dest_ip_low", SS_PLUGIN_ST_UINT64, FH_IP6LO, 1, 1),
	FS("socket_ipv6_dest_ip_high", SS_PLUGIN_ST_UINT64, FH_IP6HI, 1, 1),
	FS("socket_ipv6_src_port", SS_PLUGIN_ST_UINT16, FH_PORT, 0, 1),
	FS("socket_ipv6_dst_port", SS_PLUGIN_ST_UINT16, FH_PORT, 1, 1),
	FS("socket_ipv6_l4_proto", SS_PLUGIN_ST_UINT8, FH_L4, 0, 1),
	FS("socket_ipv4_server_ip", SS_PLUGIN_ST_UINT32, FH_SRV4, 1, 0),
	FS("socket_ipv4_server_port", SS_PLUGIN_ST_UINT16, FH_SRVPORT, 1, 0),
	FS("socket_ipv4_server_l4_proto", SS_PLUGIN_ST_UINT8, FH_SRVL4, 1, 0),
	FS("socket_ipv6_server_ip_low", SS_PLUGIN_ST_UINT64, FH_SRV6LO, 1, 1),
	FS("socket_ipv6_server_ip_high", SS_PLUGIN_ST_UINT64, FH_SRV6HI, 1, 1),
	FS("socket_ipv6_server_port", SS_PLUGIN_ST_UINT16, FH_SRVPORT, 1, 1),
	FS("socket_ipv6_server_l4_proto", SS_PLUGIN_ST_UINT8, FH_SRVL4, 1, 1),
	FS("socket_unix_src", SS_PLUGIN_ST_UINT64, FH_ZERO64, 0, 0),
	FS("socket_unix_dest", SS_PLUGIN_ST_UINT64, FH_ZERO64, 1, 0),
};
#define NFDEFS (sizeof(fdefs) / sizeof(fdefs[0]))
static ss_plugin_table_fieldinfo g_finfos[NFDEFS];

/* libsinsp fdinfo flags saker derives from its own state. */
#define FDF_ROLE_CLIENT (1u << 2)
#define FDF_ROLE_SERVER (1u << 3)

const ss_plugin_table_fieldinfo *sk__sub_fields(uint32_t kind, uint32_t *n)
{
	switch (kind) {
	case SK_TK_ARGS:
	case SK_TK_ENV:
		*n = 1;
		return args_fields;
	case SK_TK_CGROUPS:
		*n = 2;
		return cgroups_fields;
	case SK_TK_FDS:
		if (!g_finfos[0].name)
			for (size_t i = 0; i < NFDEFS; i++)
				g_finfos[i] = fdefs[i].info;
		*n = NFDEFS;
		return g_finfos;
	default:
		*n = 0;
		return NULL;
	}
}

ss_plugin_table_t *sk__sub_of(sk_table_t *tb, sk_thread_t *th, uint32_t kind)
{
	sk_subtab_t *st = &th->sub[kind - 1];
	st->kind = kind;
	st->th = th;
	st->table = tb;
	return st;
}

static sk_table_t *tb_of(sk_subtab_t *st)
{
	return st->table;
}

/* The thread whose strings back a list sub-table: env and cgroups are
 * process attributes (the leader's when the thread has none). */
static sk_thread_t *list_owner(sk_subtab_t *st)
{
	sk_thread_t *th = st->th;
	if (st->kind != SK_TK_ARGS && th->pid != th->tid && !th->detached) {
		bool own = st->kind == SK_TK_ENV ? th->env_len != 0 : th->cgroups_len != 0;
		if (!own) {
			sk_thread_t *l = sk_threads_peek(tb_of(st)->s->threads, th->pid);
			if (l)
				th = l;
		}
	}
	return th;
}

static void list_strs(sk_thread_t *th, uint32_t kind, char ***buf, uint32_t **len)
{
	switch (kind) {
	case SK_TK_ARGS: *buf = &th->args; *len = &th->args_len; break;
	case SK_TK_ENV: *buf = &th->env; *len = &th->env_len; break;
	default: *buf = &th->cgroups; *len = &th->cgroups_len; break;
	}
}

/* The entries of a list sub-table in step with its strings (NULL: no memory). */
static sk_sublist_t *list_of(sk_subtab_t *st, sk_thread_t **ownerp)
{
	sk_thread_t *o = list_owner(st);
	char **buf;
	uint32_t *len;
	list_strs(o, st->kind, &buf, &len);
	sk_sublist_t **lp = &o->lists[st->kind - SK_TK_ARGS];
	if (sk_sublist_sync(lp, *buf, *len, st->kind == SK_TK_CGROUPS) < 0)
		return NULL;
	if (ownerp)
		*ownerp = o;
	return *lp;
}

/* After a change through the table: the strings follow the entries. */
static ss_plugin_rc list_store(sk_subtab_t *st, sk_thread_t *o, sk_sublist_t *l)
{
	char **buf;
	uint32_t *len;
	list_strs(o, st->kind, &buf, &len);
	return sk_sublist_store(l, buf, len, st->kind == SK_TK_CGROUPS) < 0 ? SS_PLUGIN_FAILURE :
		SS_PLUGIN_SUCCESS;
}

static sk_fdtab_t *fds_of(sk_subtab_t *st, bool create)
{
	sk_thread_t *th = st->th;
	if (th->detached)
		return create ? (th->fds ? th->fds : (th->fds = sk_fdtab_new(tb_of(st)->s->cfg.max_fds))) : th->fds;
	sk_threads_t *ts = tb_of(st)->s->threads;
	if (!create) {
		sk_thread_t *l = sk_thread_leader(ts, th);
		return l->fds;
	}
	return sk_thread_fds(ts, th);
}

uint64_t sk__sub_size(sk_subtab_t *st)
{
	if (st->kind == SK_TK_FDS)
		return sk_fdtab_count(fds_of(st, false));
	sk_sublist_t *l = list_of(st, NULL);
	return l ? l->n : 0;
}

ss_plugin_table_entry_t *sk__sub_get(sk_subtab_t *st, const ss_plugin_state_data *key)
{
	if (st->kind == SK_TK_FDS)
		return sk_fdtab_get(fds_of(st, false), key->s64);
	sk_sublist_t *l = list_of(st, NULL);
	return l && key->u64 < l->n ? l->v[key->u64] : NULL;
}

static uint64_t ip6_half(const uint8_t *a, int hi)
{
	uint64_t v;
	memcpy(&v, a + (hi ? 8 : 0), 8);
	return v;
}

static ss_plugin_rc read_fd(sk_subtab_t *st, const sk_fdinfo_t *f, uintptr_t fid,
	ss_plugin_state_data *out)
{
	sk_table_t *tb = tb_of(st);
	if (fid >= SK_TF_DYN) {
		uint32_t d = (uint32_t)(fid - SK_TF_DYN);
		if (d >= tb->dyn[SK_TK_FDS].n)
			return SS_PLUGIN_FAILURE;
		sk_dynvals_read(f->dyn, d, tb->dyn[SK_TK_FDS].types[d], out);
		return SS_PLUGIN_SUCCESS;
	}
	if (fid == 0 || fid > NFDEFS)
		return SS_PLUGIN_FAILURE;
	const fdef_t *d = &fdefs[fid - 1];
	bool v6 = f->kind == SK_FD_IPV6;
	bool tuple = f->has_tuple && (f->kind == SK_FD_IPV4 || v6) && d->v6 == v6;
	bool server = !f->has_tuple && f->is_server && (f->kind == SK_FD_IPV4 || v6) && d->v6 == v6;
	memset(out, 0, sizeof(*out));
	switch (d->how) {
	case FH_TYPE: out->u8 = f->kind; break;
	case FH_U32: out->u32 = *(const uint32_t *)((const char *)f + d->off); break;
	case FH_U64: out->u64 = *(const uint64_t *)((const char *)f + d->off); break;
	case FH_STR: {
		const char *s = *(char *const *)((const char *)f + d->off);
		out->str = s ? s : "";
		break;
	}
	case FH_PID: out->s64 = st->th->pid; break;
	case FH_FD: out->s64 = f->fd; break;
	case FH_FLAGS:
		out->u32 = f->flags | (f->kind == SK_FD_IPV4 || v6 ?
			(f->is_server ? FDF_ROLE_SERVER : f->connected ? FDF_ROLE_CLIENT : 0) : 0);
		break;
	case FH_IP4: if (tuple) memcpy(&out->u32, d->side ? f->sip : f->cip, 4); break;
	case FH_PORT: if (tuple) out->u16 = d->side ? f->sport : f->cport; break;
	case FH_L4: if (tuple) out->u8 = f->l4proto; break;
	case FH_IP6LO: if (tuple) out->u64 = ip6_half(d->side ? f->sip : f->cip, 0); break;
	case FH_IP6HI: if (tuple) out->u64 = ip6_half(d->side ? f->sip : f->cip, 1); break;
	case FH_SRV4: if (server) memcpy(&out->u32, f->sip, 4); break;
	case FH_SRVPORT: if (server) out->u16 = f->sport; break;
	case FH_SRVL4: if (server) out->u8 = f->l4proto; break;
	case FH_SRV6LO: if (server) out->u64 = ip6_half(f->sip, 0); break;
	case FH_SRV6HI: if (server) out->u64 = ip6_half(f->sip, 1); break;
	case FH_ZERO64: break;
	default: return SS_PLUGIN_FAILURE;
	}
	return SS_PLUGIN_SUCCESS;
}

static ss_plugin_rc write_fd(sk_subtab_t *st, sk_fdinfo_t *f, uintptr_t fid,
	const ss_plugin_state_data *in)
{
	sk_table_t *tb = tb_of(st);
	if (fid >= SK_TF_DYN) {
		uint32_t d = (uint32_t)(fid - SK_TF_DYN);
		if (d >= tb->dyn[SK_TK_FDS].n)
			return SS_PLUGIN_FAILURE;
		return sk_dynvals_write(&f->dyn, d, tb->dyn[SK_TK_FDS].types[d], in) ?
			SS_PLUGIN_FAILURE : SS_PLUGIN_SUCCESS;
	}
	if (fid == 0 || fid > NFDEFS)
		return SS_PLUGIN_FAILURE;
	const fdef_t *d = &fdefs[fid - 1];
	switch (d->how) {
	case FH_TYPE: f->kind = in->u8; break;
	case FH_U32: *(uint32_t *)((char *)f + d->off) = in->u32; break;
	case FH_U64: *(uint64_t *)((char *)f + d->off) = in->u64; break;
	case FH_FLAGS: f->flags = in->u32; break;
	case FH_STR: {
		char **dst = (char **)((char *)f + d->off);
		char *n = strdup(in->str ? in->str : "");
		if (!n)
			return SS_PLUGIN_FAILURE;
		free(*dst);
		*dst = n;
		break;
	}
	case FH_IP4: memcpy(d->side ? f->sip : f->cip, &in->u32, 4); f->has_tuple = true; break;
	case FH_PORT: *(d->side ? &f->sport : &f->cport) = in->u16; f->has_tuple = true; break;
	case FH_L4: case FH_SRVL4: f->l4proto = in->u8; break;
	case FH_SRV4: memcpy(f->sip, &in->u32, 4); f->is_server = true; break;
	case FH_SRVPORT: f->sport = in->u16; f->is_server = true; break;
	case FH_FD:
		/* The key of an entry in a table: change it through erase + add. */
		if (!f->detached)
			return SS_PLUGIN_FAILURE;
		f->fd = in->s64;
		break;
	default:
		/* pid is the owning process's; the 128-bit and unix endpoint fields
		 * are not stored by saker's fd table. */
		return SS_PLUGIN_FAILURE;
	}
	return SS_PLUGIN_SUCCESS;
}

/* Dynamic field d of a sub-table kind, or -1. */
static int dyn_index(sk_subtab_t *st, uintptr_t f)
{
	if (f < SK_TF_DYN || f - SK_TF_DYN >= tb_of(st)->dyn[st->kind].n)
		return -1;
	return (int)(f - SK_TF_DYN);
}

static ss_plugin_rc read_list(sk_subtab_t *st, const sk_lentry_t *e, uintptr_t f,
	ss_plugin_state_data *out)
{
	int d = dyn_index(st, f);
	if (d >= 0) {
		sk_dynvals_read(e->dyn, (uint32_t)d, tb_of(st)->dyn[st->kind].types[d], out);
		return SS_PLUGIN_SUCCESS;
	}
	if (f == 1)
		out->str = e->a ? e->a : "";
	else if (f == 2 && st->kind == SK_TK_CGROUPS)
		out->str = e->b ? e->b : "";
	else
		return SS_PLUGIN_FAILURE;
	return SS_PLUGIN_SUCCESS;
}

static bool list_has(const sk_sublist_t *l, const sk_lentry_t *e)
{
	for (uint32_t i = 0; l && i < l->n; i++)
		if (l->v[i] == e)
			return true;
	return false;
}

static ss_plugin_rc write_list(sk_subtab_t *st, sk_lentry_t *e, uintptr_t f,
	const ss_plugin_state_data *in)
{
	int d = dyn_index(st, f);
	if (d >= 0)
		return sk_dynvals_write(&e->dyn, (uint32_t)d, tb_of(st)->dyn[st->kind].types[d], in) ?
			SS_PLUGIN_FAILURE : SS_PLUGIN_SUCCESS;
	if (f != 1 && !(f == 2 && st->kind == SK_TK_CGROUPS))
		return SS_PLUGIN_FAILURE;
	const char *v = in->str ? in->str : "";
	if (strlen(v) > SK_DYN_STR_MAX)
		return SS_PLUGIN_FAILURE;
	sk_thread_t *o = NULL;
	sk_sublist_t *l = NULL;
	if (!e->detached) {
		/* Only an entry of the list as it is now: after an execve replaced
		 * the strings, an older entry must not write them back. */
		char **buf;
		uint32_t *len;
		o = list_owner(st);
		list_strs(o, st->kind, &buf, &len);
		l = o->lists[st->kind - SK_TK_ARGS];
		if (!sk_sublist_current(l, *buf, *len) || !list_has(l, e))
			return SS_PLUGIN_FAILURE;
	}
	char *n = strdup(v);
	if (!n)
		return SS_PLUGIN_FAILURE;
	char **dst = f == 1 ? &e->a : &e->b;
	free(*dst);
	*dst = n;
	return l ? list_store(st, o, l) : SS_PLUGIN_SUCCESS;
}

ss_plugin_rc sk__sub_read(sk_subtab_t *st, ss_plugin_table_entry_t *e, uintptr_t f,
	ss_plugin_state_data *out)
{
	if (st->kind == SK_TK_FDS)
		return read_fd(st, e, f, out);
	return read_list(st, e, f, out);
}

ss_plugin_rc sk__sub_write(sk_subtab_t *st, ss_plugin_table_entry_t *e, uintptr_t f,
	const ss_plugin_state_data *in)
{
	if (st->kind == SK_TK_FDS)
		return write_fd(st, e, f, in);
	return write_list(st, e, f, in);
}

typedef struct it_ctx {
	ss_plugin_table_iterator_func_t fn;
	ss_plugin_table_iterator_state_t *s;
	bool ok;
} it_ctx_t;

static bool it_fd(void *ctx, sk_fdinfo_t *f)
{
	it_ctx_t *c = ctx;
	return (c->ok = c->fn(c->s, f) != 0);
}

ss_plugin_bool sk__sub_iterate(sk_subtab_t *st, ss_plugin_table_iterator_func_t it,
	ss_plugin_table_iterator_state_t *s)
{
	it_ctx_t c = {it, s, true};
	if (st->kind == SK_TK_FDS) {
		sk_fdtab_t *t = fds_of(st, false);
		if (t)
			sk_fdtab_foreach(t, it_fd, &c);
		return c.ok;
	}
	sk_sublist_t *l = list_of(st, NULL);
	for (uint32_t i = 0; l && i < l->n && c.ok; i++)
		c.ok = it(s, l->v[i]) != 0;
	return c.ok;
}

ss_plugin_rc sk__sub_clear(sk_subtab_t *st)
{
	if (st->kind == SK_TK_FDS) {
		sk_fdtab_clear(fds_of(st, false));
		return SS_PLUGIN_SUCCESS;
	}
	sk_thread_t *o;
	sk_sublist_t *l = list_of(st, &o);
	if (!l)
		return SS_PLUGIN_FAILURE;
	sk_sublist_clear(l);
	return list_store(st, o, l);
}

ss_plugin_rc sk__sub_erase(sk_subtab_t *st, const ss_plugin_state_data *key)
{
	if (st->kind == SK_TK_FDS)
		return sk_fdtab_del(fds_of(st, false), key->s64) ? SS_PLUGIN_SUCCESS :
			SS_PLUGIN_FAILURE;
	sk_thread_t *o;
	sk_sublist_t *l = list_of(st, &o);
	if (!l || !sk_sublist_erase(l, key->u64))
		return SS_PLUGIN_FAILURE;
	return list_store(st, o, l);
}

ss_plugin_table_entry_t *sk__sub_create(sk_subtab_t *st)
{
	if (st->kind == SK_TK_FDS)
		return sk_fdinfo_new_detached();
	return sk_lentry_new();
}

void sk__sub_destroy(sk_subtab_t *st, ss_plugin_table_entry_t *e)
{
	/* Only entries that never joined a table: theirs belong to the table. */
	if (st->kind == SK_TK_FDS) {
		sk_fdinfo_t *f = e;
		if (f && f->detached)
			sk_fdinfo_free_detached(f);
		return;
	}
	sk_lentry_t *le = e;
	if (le && le->detached)
		sk_lentry_free(le);
}

ss_plugin_table_entry_t *sk__sub_add(sk_subtab_t *st, const ss_plugin_state_data *key,
	ss_plugin_table_entry_t *e)
{
	if (st->kind == SK_TK_FDS) {
		if (!e || !((sk_fdinfo_t *)e)->detached)
			return NULL;
		return sk_fdtab_attach(fds_of(st, true), key->s64, e);
	}
	sk_thread_t *o;
	sk_sublist_t *l = list_of(st, &o);
	if (!l || !sk_sublist_add(l, key->u64, e))
		return NULL;
	/* Under memory pressure the strings may lag behind the entries until
	 * the next change; the entry is the list's either way. */
	list_store(st, o, l);
	return e;
}
