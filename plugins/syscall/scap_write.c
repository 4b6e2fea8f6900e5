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
	uint32_t len;
	memcpy(&len, (const uint8_t *)evt + 16, 4);
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

int sk_scap_writer_event_pair(sk_scap_writer_t *w, const ss_plugin_event *evt,
	const uint8_t *enter, uint16_t cpu, char *err, size_t errlen)
{
	static const uint8_t zero[8];
	uint16_t xt;
	memcpy(&xt, (const uint8_t *)evt + 20, 2);
	const sk_evt_info_t *xi = sk_evt_info(xt);
	const sk_evt_info_t *ei = xt ? sk_evt_info((uint16_t)(xt - 1)) : NULL;
	if (!xi || !sk_evt_is_exit(xt) || !ei || (ei->flags & SK_EF_UNUSED) ||
		strcmp(ei->name, xi->name) != 0)
		return sk_scap_writer_event(w, evt, cpu, err, errlen);
	if (enter) {
		uint16_t et;
		memcpy(&et, enter + 20, 2);
		if (et + 1 == xt) {
			int rc = sk_scap_writer_event(w, (const ss_plugin_event *)enter, cpu, err, errlen);
			return rc < 0 ? rc : sk_scap_writer_event(w, evt, cpu, err, errlen);
		}
	}
	sk_evt_param_t xp[SK_EVT_MAX_PARAMS], ep[SK_EVT_MAX_PARAMS];
	int xn = sk_evt_params(evt, xp, SK_EVT_MAX_PARAMS);
	if (xn < 0)
		return sk_scap_writer_event(w, evt, cpu, err, errlen);
	uint32_t n = ei->nparams > SK_EVT_MAX_PARAMS ? SK_EVT_MAX_PARAMS : ei->nparams;
	size_t total = 26 + 2 * (size_t)n;
	for (uint32_t i = 0; i < n; i++) {
		uint8_t t = ei->params[i].type;
		ep[i].data = zero;
		ep[i].len = fixed_size(t);
		if (t == PT_CHARBUF || t == PT_FSPATH || t == PT_FSRELPATH)
			ep[i].len = 1; /* "" rather than nothing, which old readers misread */
		for (int k = 0; k < xn && (uint32_t)k < xi->nparams; k++) {
			if (!strcmp(xi->params[k].name, ei->params[i].name) &&
				(fixed_size(t) == 0 || xp[k].len == fixed_size(t))) {
				ep[i] = xp[k];
				break;
			}
		}
		total += ep[i].len;
	}
	uint8_t *buf = malloc(total);
	if (!buf)
		return -ENOMEM;
	uint64_t ts, tid;
	memcpy(&ts, evt, 8);
	memcpy(&tid, (const uint8_t *)evt + 8, 8);
	int rc = sk_evt_build(buf, total, ts, tid, (uint16_t)(xt - 1), n, ep);
	if (rc > 0)
		rc = sk_scap_writer_event(w, (const ss_plugin_event *)buf, cpu, err, errlen);
	free(buf);
	return rc < 0 ? rc : sk_scap_writer_event(w, evt, cpu, err, errlen);
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
