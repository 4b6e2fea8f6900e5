/* scap_write.c - libscap capture writer (see scap_write.h). */
#include "scap_write.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "fdtab.h"
#include "scap_read.h"
#include "sk_event_schema.h"

struct sk_scap_writer {
	gzFile gz;
	uint64_t events;
	int err;
	uint8_t *buf;     /* block under construction */
	size_t len, cap;
	/* tids whose own (child-side) clone exit was written, until the
	 * parent's arrives: see write_clone_exit */
	int64_t kids[1024];
	unsigned nkids;
	/* children whose parent-side clone exit was written first */
	int64_t parented[1024];
	unsigned nparented;
};

static int grow(sk_scap_writer_t *w, size_t add)
{
	if (w->len + add <= w->cap)
		return 0;
	size_t nc = w->cap ? w->cap : 65536;
	while (nc < w->len + add)
		nc *= 2;
	uint8_t *n = realloc(w->buf, nc);
	if (!n)
		return -ENOMEM;
	w->buf = n;
	w->cap = nc;
	return 0;
}

static void put(sk_scap_writer_t *w, const void *p, size_t n)
{
	if (w->err || grow(w, n) < 0) {
		w->err = w->err ? w->err : -ENOMEM;
		return;
	}
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

static void put8(sk_scap_writer_t *w, uint8_t v) { put(w, &v, 1); }
static void put16(sk_scap_writer_t *w, uint16_t v) { put(w, &v, 2); }
static void put32(sk_scap_writer_t *w, uint32_t v) { put(w, &v, 4); }
static void put64(sk_scap_writer_t *w, uint64_t v) { put(w, &v, 8); }

static void putstr(sk_scap_writer_t *w, const char *s, size_t n)
{
	if (n > 65535)
		n = 65535;
	put16(w, (uint16_t)n);
	put(w, s, n);
}

/* Readers reject strings of SCAP_MAX_PATH_SIZE (1024) bytes or more and
 * argument/env/cgroup lists over 4096: longer values are cut. */
#define MAX_PATH_STR 1023
#define MAX_LIST 4096

static void putcstr(sk_scap_writer_t *w, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	putstr(w, s ? s : "", n > MAX_PATH_STR ? MAX_PATH_STR : n);
}

/* A NUL-separated list, cut at an entry boundary to fit MAX_LIST. */
static void putlist(sk_scap_writer_t *w, const char *s, size_t n)
{
	if (!s)
		n = 0;
	if (n > MAX_LIST) {
		size_t cut = MAX_LIST;
		while (cut > 0 && s[cut - 1] != 0)
			cut--;
		n = cut;
	}
	putstr(w, s ? s : "", n);
}

/* Starts a block: reserves the 8-byte header. */
static void begin(sk_scap_writer_t *w)
{
	w->len = 0;
	put32(w, 0);
	put32(w, 0);
}

/* Pads, fills the header and the trailer, writes the block out. */
static int finish(sk_scap_writer_t *w, uint32_t type)
{
	static const uint8_t zero[4];
	size_t pad = (4 - (w->len & 3)) & 3;
	put(w, zero, pad);
	uint32_t total = (uint32_t)(w->len + 4);
	put32(w, total);
	if (w->err)
		return w->err;
	memcpy(w->buf, &type, 4);
	memcpy(w->buf + 4, &total, 4);
	if (gzwrite(w->gz, w->buf, (unsigned)w->len) != (int)w->len) {
		w->err = -EIO;
		return w->err;
	}
	return 0;
}

int sk_scap_writer_open(const char *path, sk_scap_writer_t **out, char *err, size_t errlen)
{
	size_t n = strlen(path);
	bool gz = n > 3 && !strcmp(path + n - 3, ".gz");
	sk_scap_writer_t *w = calloc(1, sizeof(*w));
	*out = NULL;
	if (!w)
		return -ENOMEM;
	w->gz = gzopen(path, gz ? "wb6" : "wbT");
	if (!w->gz) {
		snprintf(err, errlen, "cannot create capture file %s: %s", path,
			errno ? strerror(errno) : "gzopen failed");
		free(w);
		return -EIO;
	}
	begin(w);
	put32(w, SK_SCAP_SHB_MAGIC);
	put16(w, 1);
	put16(w, 2);
	put64(w, UINT64_MAX);
	if (finish(w, SK_SCAP_SHB_BLOCK) < 0) {
		snprintf(err, errlen, "cannot write capture file %s", path);
		sk_scap_writer_close(w);
		return -EIO;
	}
	*out = w;
	return 0;
}

static void proc_entry(sk_scap_writer_t *w, const sk_thread_t *t)
{
	size_t start = w->len;
	put32(w, 0); /* entry length, patched below */
	put64(w, (uint64_t)t->tid);
	put64(w, (uint64_t)t->pid);
	put64(w, (uint64_t)t->ptid);
	put64(w, (uint64_t)t->sid);
	put64(w, (uint64_t)t->vpgid);
	putcstr(w, t->comm);
	putcstr(w, t->exe);
	putcstr(w, t->exepath);
	putlist(w, t->args, t->args_len);
	putcstr(w, t->cwd);
	put64(w, t->fdlimit);
	put32(w, t->flags);
	put32(w, t->uid);
	put32(w, t->gid);
	put32(w, 0); /* vmsize_kb */
	put32(w, 0); /* vmrss_kb */
	put32(w, 0); /* vmswap_kb */
	put64(w, 0); /* pfmajor */
	put64(w, 0); /* pfminor */
	putlist(w, t->env, t->env_len);
	put64(w, (uint64_t)t->vtid);
	put64(w, (uint64_t)t->vpid);
	putlist(w, t->cgroups, t->cgroups_len);
	putcstr(w, t->root ? t->root : "/");
	/* The pre-0.10 tail (29 bytes) is understood by old and new readers. */
	put32(w, t->loginuid);
	put8(w, t->exe_writable);
	put64(w, t->cap_inheritable);
	put64(w, t->cap_permitted);
	put64(w, t->cap_effective);
	if (!w->err) {
		uint32_t l = (uint32_t)(w->len - start);
		memcpy(w->buf + start, &l, 4);
	}
}

static bool write_proc(void *ctx, sk_thread_t *t)
{
	if (t->dead)
		return true;
	proc_entry(ctx, t);
	return ((sk_scap_writer_t *)ctx)->err == 0;
}

typedef struct fdl_ctx {
	sk_scap_writer_t *w;
} fdl_ctx_t;

static bool write_fd(void *ctx, sk_fdinfo_t *f)
{
	sk_scap_writer_t *w = ctx;
	size_t start = w->len;
	put32(w, 0);
	put64(w, (uint64_t)f->fd);
	put64(w, f->ino);
	switch (f->kind) {
	case SK_FD_IPV4:
	case SK_FD_IPV6: {
		bool v6 = f->kind == SK_FD_IPV6;
		uint8_t l4 = f->l4proto == SK_L4_TCP ? 6 : f->l4proto == SK_L4_UDP ? 17 : 0;
		if (f->is_server && !f->has_tuple) {
			put8(w, v6 ? SK_SCAP_FD_IPV6_SERVSOCK : SK_SCAP_FD_IPV4_SERVSOCK);
			put(w, f->sip, v6 ? 16 : 4);
			put16(w, f->sport);
			put8(w, l4);
		} else {
			put8(w, v6 ? SK_SCAP_FD_IPV6_SOCK : SK_SCAP_FD_IPV4_SOCK);
			put(w, f->cip, v6 ? 16 : 4);
			put(w, f->sip, v6 ? 16 : 4);
			put16(w, f->cport);
			put16(w, f->sport);
			put8(w, l4);
		}
		break;
	}
	case SK_FD_UNIX:
		put8(w, SK_SCAP_FD_UNIX_SOCK);
		put64(w, 0);
		put64(w, 0);
		putcstr(w, f->name);
		break;
	case SK_FD_FILE:
		put8(w, SK_SCAP_FD_FILE_V2);
		put32(w, f->open_flags);
		putcstr(w, f->name);
		put32(w, f->dev);
		break;
	default:
		/* Types newer than the 2022 readers (bpf, memfd, pidfd, ...) and
		 * unknown ones are written as "unsupported", which every reader skips. */
		put8(w, f->kind > 0 && f->kind <= SK_SCAP_FD_NETLINK ? f->kind : SK_SCAP_FD_UNSUPPORTED);
		putcstr(w, f->name);
		break;
	}
	if (!w->err) {
		uint32_t l = (uint32_t)(w->len - start);
		memcpy(w->buf + start, &l, 4);
	}
	return w->err == 0;
}

typedef struct fdlist_ctx {
	sk_scap_writer_t *w;
	sk_threads_t *t;
} fdlist_ctx_t;

static bool write_fdlist(void *ctx, sk_thread_t *th)
{
	fdlist_ctx_t *c = ctx;
	if (th->dead || !th->fds || sk_fdtab_count(th->fds) == 0)
		return true;
	begin(c->w);
	put64(c->w, (uint64_t)th->tid);
	sk_fdtab_foreach(th->fds, write_fd, c->w);
	return finish(c->w, SK_SCAP_FDL_V2) == 0;
}

typedef struct ids_ctx {
	sk_scap_writer_t *w;
	sk_users_t *u;
	uint32_t seen[512];
	unsigned n;
	bool groups;
} ids_ctx_t;

static bool write_ids(void *ctx, sk_thread_t *th)
{
	ids_ctx_t *c = ctx;
	uint32_t id = c->groups ? th->gid : th->uid;
	for (unsigned i = 0; i < c->n; i++)
		if (c->seen[i] == id)
			return true;
	if (c->n >= sizeof(c->seen) / sizeof(c->seen[0]))
		return false;
	c->seen[c->n++] = id;
	sk_scap_writer_t *w = c->w;
	size_t start = w->len;
	if (c->groups) {
		const char *g = sk_users_group(c->u, id);
		if (!g)
			return true;
		put32(w, 0);
		put8(w, 1);
		put32(w, id);
		putcstr(w, g);
	} else {
		const sk_user_t *u = sk_users_user(c->u, id);
		if (!u)
			return true;
		put32(w, 0);
		put8(w, 0);
		put32(w, u->uid);
		put32(w, u->gid);
		putcstr(w, u->name);
		putcstr(w, u->home);
		putcstr(w, u->shell);
	}
	if (!w->err) {
		uint32_t l = (uint32_t)(w->len - start);
		memcpy(w->buf + start, &l, 4);
	}
	return true;
}

int sk_scap_writer_header(sk_scap_writer_t *w, sk_threads_t *t, sk_users_t *u, char *err,
	size_t errlen)
{
	char host[129] = "";
	gethostname(host, sizeof(host) - 1);
	begin(w);
	put32(w, (uint32_t)sysconf(_SC_NPROCESSORS_CONF));
	put64(w, (uint64_t)sysconf(_SC_PHYS_PAGES) * (uint64_t)sysconf(_SC_PAGESIZE));
	put64(w, 4194304);
	char hn[128] = {0};
	memcpy(hn, host, strnlen(host, 127));
	put(w, hn, 128);
	for (int i = 0; i < 4; i++)
		put64(w, 0);
	finish(w, SK_SCAP_MI_BLOCK);
	if (u) {
		ids_ctx_t *c = calloc(1, sizeof(*c));
		if (c) {
			c->w = w;
			c->u = u;
			begin(w);
			sk_threads_foreach(t, write_ids, c);
			c->n = 0;
			c->groups = true;
			sk_threads_foreach(t, write_ids, c);
			if (w->len > 8)
				finish(w, SK_SCAP_UL_V2);
			free(c);
		}
	}
	begin(w);
	sk_threads_foreach(t, write_proc, w);
	finish(w, SK_SCAP_PL_V9);
	fdlist_ctx_t fc = {w, t};
	sk_threads_foreach(t, write_fdlist, &fc);
	if (w->err) {
		snprintf(err, errlen, "cannot write the capture header: %s", strerror(-w->err));
		return w->err;
	}
	return 0;
}

int sk_scap_writer_event(sk_scap_writer_t *w, const ss_plugin_event *evt, uint16_t cpu,
	char *err, size_t errlen)
{
	uint32_t len = sk_evt_get_len(evt);
	begin(w);
	put16(w, cpu);
	put(w, evt, len);
	if (finish(w, len + 14 > 65535 ? SK_SCAP_EV_V2_LARGE : SK_SCAP_EV_V2) < 0) {
		snprintf(err, errlen, "cannot write an event to the capture file");
		return w->err;
	}
	w->events++;
	return 0;
}

static uint32_t fixed_size(uint8_t type)
{
	switch (type) {
	case PT_INT8: case PT_UINT8: case PT_FLAGS8: case PT_ENUMFLAGS8: case PT_SIGTYPE:
	case PT_L4PROTO: case PT_SOCKFAMILY:
		return 1;
	case PT_INT16: case PT_UINT16: case PT_FLAGS16: case PT_ENUMFLAGS16: case PT_SYSCALLID:
	case PT_PORT:
		return 2;
	case PT_INT32: case PT_UINT32: case PT_FLAGS32: case PT_ENUMFLAGS32: case PT_UID:
	case PT_GID: case PT_MODE: case PT_BOOL: case PT_SIGSET: case PT_IPV4ADDR:
		return 4;
	case PT_INT64: case PT_UINT64: case PT_ERRNO: case PT_FD: case PT_PID: case PT_RELTIME:
	case PT_ABSTIME: case PT_DOUBLE:
		return 8;
	default:
		return 0;
	}
}

/* Parameters of one event, looked up by name when building another. */
typedef struct pool {
	const sk_evt_info_t *info;
	sk_evt_param_t p[SK_EVT_MAX_PARAMS];
	int n;
} pool_t;

static void pool_load(pool_t *pl, const void *evt)
{
	uint16_t code = sk_evt_get_type(evt);
	pl->info = sk_evt_info(code);
	pl->n = pl->info ? sk_evt_params(evt, pl->p, SK_EVT_MAX_PARAMS) : -1;
	if (pl->n < 0)
		pl->n = 0;
}

static bool pool_find(const pool_t *pl, const char *name, uint8_t type, sk_evt_param_t *out)
{
	for (int k = 0; pl && k < pl->n && (uint32_t)k < pl->info->nparams; k++) {
		if (!strcmp(pl->info->params[k].name, name) &&
			(fixed_size(type) == 0 || pl->p[k].len == fixed_size(type))) {
			*out = pl->p[k];
			return true;
		}
	}
	return false;
}

/* Enter parameters an exit does not carry under the same name. The path an
 * execve ran is known from the exit only as the kernel's resolved
 * trusted_exepath; readers that derive the executable path from the enter
 * event (sysdig 0.29) then get the same path as current readers. */
typedef struct alias_row {
	uint16_t code;
	const char *to, *from;
} alias_row_t;

static const alias_row_t alias_rows[] = {
	{292, "filename", "trusted_exepath"},
	{330, "pathname", "trusted_exepath"},
};

static const char *alias_of(uint16_t code, const char *to)
{
	for (size_t i = 0; i < sizeof(alias_rows) / sizeof(alias_rows[0]); i++)
		if (alias_rows[i].code == code && !strcmp(alias_rows[i].to, to))
			return alias_rows[i].from;
	return NULL;
}

/* Writes event `code` of thread tid at ts with its parameters taken by name
 * from the pools in order (a parameter named `to` also from one named
 * `from`); absent numbers are zero, absent strings "" (old readers misread an
 * empty parameter). Parameters of a variable-typed kind (PT_DYN) that no pool
 * has are written as absent. */
static int write_built(sk_scap_writer_t *w, uint16_t code, uint64_t ts, uint64_t tid,
	const pool_t *const *pools, int npools, const char *from, const char *to, uint16_t cpu,
	char *err, size_t errlen)
{
	static const uint8_t zero[8];
	const sk_evt_info_t *ti = sk_evt_info(code);
	sk_evt_param_t ep[SK_EVT_MAX_PARAMS];
	if (!ti)
		return -EINVAL;
	uint32_t n = ti->nparams > SK_EVT_MAX_PARAMS ? SK_EVT_MAX_PARAMS : ti->nparams;
	size_t total = 26 + 2 * (size_t)n;
	for (uint32_t i = 0; i < n; i++) {
		uint8_t t = ti->params[i].type;
		const char *nm = ti->params[i].name;
		ep[i].data = zero;
		ep[i].len = fixed_size(t);
		if (t == PT_CHARBUF || t == PT_FSPATH || t == PT_FSRELPATH)
			ep[i].len = 1;
		bool found = false;
		for (int k = 0; k < npools && !found; k++)
			found = pool_find(pools[k], nm, t, &ep[i]);
		if (!found && to && !strcmp(nm, to))
			for (int k = 0; k < npools && !found; k++)
				found = pool_find(pools[k], from, t, &ep[i]);
		const char *al = found ? NULL : alias_of(code, nm);
		for (int k = 0; al && k < npools && !found; k++)
			found = pool_find(pools[k], al, t, &ep[i]);
		total += ep[i].len;
	}
	uint8_t *buf = malloc(total);
	if (!buf)
		return -ENOMEM;
	int rc = sk_evt_build(buf, total, ts, tid, code, n, ep);
	if (rc > 0)
		rc = sk_scap_writer_event(w, (const ss_plugin_event *)buf, cpu, err, errlen);
	free(buf);
	return rc;
}

/* Exit codes newer than the event table of 2022 readers (Debian's sysdig
 * 0.29 knows codes below 336 and skips the others), written as the older
 * event those readers parse for the same syscall: dup2/dup3 and the newer dup
 * as "dup" (enter fd = oldfd, exit res: the new fd, which is how those readers
 * learned dup2 and dup3), accept4 as accept (5 params), pipe2 as pipe,
 * umount2 as umount. memfd_create, (f)init_module and bpf (its old exit has a
 * variable-typed result) have no older form those readers track and are
 * written unchanged. */
typedef struct down_row {
	uint16_t x, old_x;
	const char *from, *to;
} down_row_t;

static const down_row_t down_rows[] = {
	{363, 125, "oldfd", "fd"},
	{365, 125, "oldfd", "fd"},
	{367, 125, "oldfd", "fd"},
	{389, 249, NULL, NULL},
	{393, 61, NULL, NULL},
	{391, 259, NULL, NULL},
};

static const down_row_t *down_of(uint16_t xt)
{
	for (size_t i = 0; i < sizeof(down_rows) / sizeof(down_rows[0]); i++)
		if (down_rows[i].x == xt)
			return &down_rows[i];
	return NULL;
}

/* 2022 readers (sysdig 0.29) build a new thread only from the parent's
 * clone exit and ignore the child's (outside pid namespaces). Live, the
 * parent's exit is often read after the child already ran (vfork, or a child
 * scheduled first); those readers then know nothing of the child for its
 * first events and, when the parent's exit comes, overwrite the child's state
 * (after its execve) with the parent's. So when a child's own clone exit
 * comes before its parent's, the writer puts just before it the parent-side
 * clone pair those readers need (see write_parent_side), and marks the real
 * parent-side exit, written later, PPM_CL_CHILD_IN_PIDNS, the flag with which
 * those readers leave the child as it is (the flag's name is not rendered by
 * them). The added pair is the only event in the file saker did not deliver.
 * Children are remembered in bounded lists: one pushed out costs its parent's
 * exit the flag (those readers then rebuild the child from it), nothing else. */
#define CL_CHILD_IN_PIDNS (1u << 29)

static bool is_clone_exit(uint16_t code)
{
	return code == 219 || code == 223 || code == 227 || code == 335;
}

/* A copy of evt with the 4- or 8-byte parameter p replaced by v. */
static int write_patched(sk_scap_writer_t *w, const ss_plugin_event *evt, const sk_evt_param_t *p,
	uint64_t v, int64_t tid, uint16_t cpu, char *err, size_t errlen)
{
	uint32_t len = sk_evt_get_len(evt);
	uint8_t *copy = malloc(len);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, evt, len);
	size_t off = (size_t)(p->data - (const uint8_t *)evt);
	if (p->len == 4) {
		uint32_t v32 = (uint32_t)v;
		memcpy(copy + off, &v32, 4);
	} else {
		memcpy(copy + off, &v, 8);
	}
	sk_evt_set_tid(copy, (uint64_t)tid);
	int rc = sk_scap_writer_event(w, (const ss_plugin_event *)copy, cpu, err, errlen);
	free(copy);
	return rc;
}

/* The parent-side form of a child's clone exit: the event of the creator,
 * res = the child, and the creator's tid, pid, vtid and vpid parameters
 * (those readers check them). The creator is the ptid for a new process and,
 * for a new thread, the process's main thread (the thread that called clone
 * is not in the child's event; those readers make the same choice). */
static int write_parent_side(sk_scap_writer_t *w, const ss_plugin_event *evt, const pool_t *xp,
	int64_t child, int64_t creator, uint16_t cpu, char *err, size_t errlen)
{
	sk_evt_param_t r, t, p, vt, vp;
	uint32_t len;
	if (!pool_find(xp, "res", PT_PID, &r) || !pool_find(xp, "tid", PT_PID, &t) ||
		!pool_find(xp, "pid", PT_PID, &p) || !pool_find(xp, "vtid", PT_PID, &vt) ||
		!pool_find(xp, "vpid", PT_PID, &vp))
		return 0;
	int64_t pid;
	memcpy(&pid, p.data, 8);
	if (creator != pid)
		pid = creator;
	len = sk_evt_get_len(evt);
	uint8_t *copy = malloc(len);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, evt, len);
	sk_evt_set_tid(copy, (uint64_t)creator);
	memcpy(copy + (r.data - (const uint8_t *)evt), &child, 8);
	memcpy(copy + (t.data - (const uint8_t *)evt), &creator, 8);
	memcpy(copy + (p.data - (const uint8_t *)evt), &pid, 8);
	memcpy(copy + (vt.data - (const uint8_t *)evt), &creator, 8);
	memcpy(copy + (vp.data - (const uint8_t *)evt), &pid, 8);
	int rc = sk_scap_writer_event(w, (const ss_plugin_event *)copy, cpu, err, errlen);
	free(copy);
	return rc;
}

static bool kid_take(int64_t *list, unsigned count, unsigned cap, int64_t tid)
{
	unsigned n = count < cap ? count : cap;
	for (unsigned i = 0; tid > 0 && i < n; i++) {
		if (list[i] == tid) {
			list[i] = 0;
			return true;
		}
	}
	return false;
}

/* Before a child's own clone exit: the parent-side pair, unless the parent's
 * exit was already written or the child is in another pid namespace (its
 * vtid differs: those readers build such a child from its own exit). */
static int write_clone_pre(sk_scap_writer_t *w, const ss_plugin_event *evt, const pool_t *xp,
	uint16_t cpu, char *err, size_t errlen)
{
	sk_evt_param_t r, pt, p, vt, f;
	int64_t res, tid, ptid, pid, vtid;
	uint32_t flags;
	uint64_t ts;
	uint16_t code;
	ts = sk_evt_get_ts(evt);
	tid = sk_evt_get_tid(evt);
	code = sk_evt_get_type(evt);
	if (!pool_find(xp, "res", PT_PID, &r) || !pool_find(xp, "ptid", PT_PID, &pt) ||
		!pool_find(xp, "pid", PT_PID, &p) || !pool_find(xp, "vtid", PT_PID, &vt) ||
		!pool_find(xp, "flags", PT_FLAGS32, &f))
		return 0;
	memcpy(&res, r.data, 8);
	memcpy(&ptid, pt.data, 8);
	memcpy(&pid, p.data, 8);
	memcpy(&vtid, vt.data, 8);
	memcpy(&flags, f.data, 4);
	int64_t creator = (flags & (1u << 13)) ? pid : ptid; /* CLONE_THREAD */
	unsigned cap = sizeof(w->kids) / sizeof(w->kids[0]);
	if (res != 0 || creator <= 0 || creator == tid || vtid != tid ||
		kid_take(w->parented, w->nparented, cap, tid))
		return 0;
	int rc = write_built(w, (uint16_t)(code - 1), ts, (uint64_t)creator, NULL, 0, NULL, NULL,
		cpu, err, errlen);
	if (rc >= 0)
		rc = write_parent_side(w, evt, xp, tid, creator, cpu, err, errlen);
	if (rc >= 0)
		w->kids[w->nkids++ % cap] = tid;
	return rc;
}

/* The clone exit itself, flagged when it is the parent's of a child whose
 * pair write_clone_pre wrote. */
static int write_clone_exit(sk_scap_writer_t *w, const ss_plugin_event *evt, const pool_t *xp,
	uint16_t cpu, char *err, size_t errlen)
{
	sk_evt_param_t f, r;
	int64_t res, tid;
	uint32_t flags;
	tid = sk_evt_get_tid(evt);
	if (!pool_find(xp, "flags", PT_FLAGS32, &f) || !pool_find(xp, "res", PT_PID, &r))
		return sk_scap_writer_event(w, evt, cpu, err, errlen);
	memcpy(&res, r.data, 8);
	memcpy(&flags, f.data, 4);
	unsigned cap = sizeof(w->kids) / sizeof(w->kids[0]);
	if (res > 0 && kid_take(w->kids, w->nkids, cap, res))
		return write_patched(w, evt, &f, flags | CL_CHILD_IN_PIDNS, tid, cpu, err, errlen);
	if (res > 0)
		w->parented[w->nparented++ % cap] = res;
	return sk_scap_writer_event(w, evt, cpu, err, errlen);
}

int sk_scap_writer_event_pair(sk_scap_writer_t *w, const ss_plugin_event *evt,
	const uint8_t *enter, uint16_t cpu, char *err, size_t errlen)
{
	uint16_t xt, et = 0;
	xt = sk_evt_get_type(evt);
	if (enter)
		et = sk_evt_get_type(enter);
	const sk_evt_info_t *xi = sk_evt_info(xt);
	const sk_evt_info_t *ei = xt ? sk_evt_info((uint16_t)(xt - 1)) : NULL;
	if (!xi || !sk_evt_is_exit(xt) || !ei || (ei->flags & SK_EF_UNUSED) ||
		strcmp(ei->name, xi->name) != 0)
		return sk_scap_writer_event(w, evt, cpu, err, errlen);
	uint64_t ts, tid;
	ts = sk_evt_get_ts(evt);
	tid = sk_evt_get_tid(evt);
	const down_row_t *d = down_of(xt);
	pool_t *xp = calloc(2, sizeof(*xp));
	if (!xp)
		return -ENOMEM;
	pool_t *ep = &xp[1];
	pool_load(xp, evt);
	if (enter && et + 1 == xt)
		pool_load(ep, enter);
	const pool_t *enter_first[2] = {ep, xp}, *exit_first[2] = {xp, ep};
	int rc;
	if (d) {
		rc = write_built(w, (uint16_t)(d->old_x - 1), ts, tid, enter_first, 2, d->from,
			d->to, cpu, err, errlen);
		if (rc >= 0)
			rc = write_built(w, d->old_x, ts, tid, exit_first, 2, NULL, NULL, cpu, err,
				errlen);
	} else {
		rc = is_clone_exit(xt) ? write_clone_pre(w, evt, xp, cpu, err, errlen) : 0;
		if (rc >= 0 && enter && et + 1 == xt)
			rc = sk_scap_writer_event(w, (const ss_plugin_event *)enter, cpu, err, errlen);
		else if (rc >= 0)
			rc = write_built(w, (uint16_t)(xt - 1), ts, tid, exit_first, 1, NULL, NULL,
				cpu, err, errlen);
		if (rc >= 0)
			rc = is_clone_exit(xt) ? write_clone_exit(w, evt, xp, cpu, err, errlen) :
				sk_scap_writer_event(w, evt, cpu, err, errlen);
	}
	free(xp);
	return rc < 0 ? rc : 0;
}

int sk_scap_writer_raw_block(sk_scap_writer_t *w, uint32_t type, const uint8_t *body, size_t len)
{
	begin(w);
	put(w, body, len);
	return finish(w, type);
}

uint64_t sk_scap_writer_events(const sk_scap_writer_t *w)
{
	return w->events;
}

int sk_scap_writer_close(sk_scap_writer_t *w)
{
	if (!w)
		return 0;
	int rc = w->err;
	if (w->gz && gzclose(w->gz) != Z_OK && !rc)
		rc = -EIO;
	free(w->buf);
	free(w);
	return rc;
}
