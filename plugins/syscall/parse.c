/* parse.c - thread and fd state updates from exit events (see sys.h). */
#include <errno.h>
#include <pthread.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ppm.h"
#include "render.h"
#include "source.h"
#include "sys.h"

#define AT_FDCWD_VAL (-100)

sk_thread_t *sk_sys_thread(sk_sys_t *s, int64_t tid, bool create)
{
	sk_thread_t *th = sk_threads_get(s->threads, tid);
	if (th || !create)
		return th;
	/* Live: a thread born between the /proc scan and the attach, or whose
	 * clone was filtered: read it from /proc like the scan did. */
	if (sk_src_is_live(s->inst) && sk_proc_seed_one(s, s->cfg.proc_root, tid)) {
		th = sk_threads_peek(s->threads, tid);
		if (th && th->ptid > 0 && !sk_threads_peek(s->threads, th->ptid)) {
			int64_t ptid = th->ptid;
			sk_proc_seed_one(s, s->cfg.proc_root, ptid);
			th = sk_threads_peek(s->threads, tid);
		}
		if (th)
			return th;
	}
	th = sk_threads_add(s->threads, tid);
	if (th && !th->comm[0] && !th->exe && !th->clone_ts)
		sk_thread_mark_na(th);
	return th;
}

sk_fdinfo_t *sk_sys_event_fd(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th, int64_t *fdnum)
{
	int64_t fd;
	if (!th || !sk_ev_fd(v, &fd))
		return NULL;
	if (fdnum)
		*fdnum = fd;
	if (fd < 0)
		return NULL;
	sk_fdinfo_t *f = sk_fdtab_get(sk_thread_fds(s->threads, th), fd);
	int64_t res;
	/* Live, first sight of an fd the events never showed being made
	 * (inherited over a fork saker did not see): take it from /proc. Not
	 * for events that make or close it (the table has it, or it is gone)
	 * nor for a failed call on a bad fd. */
	if (!f && sk_src_is_live(s->inst) &&
		!(v->info->flags & (SK_EF_CREATES_FD | SK_EF_DESTROYS_FD)) &&
		!(sk_ev_res(v, &res) && res == -EBADF))
		f = sk_proc_seed_fd(s, s->cfg.proc_root, th, fd);
	return f;
}

void sk_sys_flush_pending(sk_sys_t *s)
{
	if (s->pend_close) {
		sk_thread_t *th = sk_threads_peek(s->threads, s->pend_close_tid);
		if (th)
			sk_fdtab_del(sk_thread_fds(s->threads, th), s->pend_close_fd);
		s->pend_close = false;
	}
	sk_threads_reap(s->threads);
}

/* Directory a *at() path is relative to, with the thread's cwd for AT_FDCWD. */
static const char *dirfd_base(sk_sys_t *s, sk_thread_t *th, int64_t dirfd)
{
	if (dirfd == AT_FDCWD_VAL || dirfd < 0)
		return th->cwd ? th->cwd : "/";
	sk_fdinfo_t *d = sk_fdtab_get(sk_thread_fds(s->threads, th), dirfd);
	return d && d->name[0] ? d->name : (th->cwd ? th->cwd : "/");
}

/* Absolute path of the named path parameter, resolved like the kernel would. */
static bool resolve_path(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th, const char *pname,
	char *out, size_t cap)
{
	sk_evt_param_t p;
	const sk_evt_param_info_t *pi;
	if (!sk_ev_param(v, pname, &p, &pi) || p.len == 0 || p.data[p.len - 1] != 0)
		return false;
	const char *path = (const char *)p.data;
	const char *base = th->cwd ? th->cwd : "/";
	if (pi->type == PT_FSRELPATH && pi->dirfd_idx >= 0) {
		const sk_evt_info_t *owner = v->info;
		int64_t dfd = AT_FDCWD_VAL;
		/* The dirfd index refers to the row the path came from. */
		if (pi < owner->params || pi >= owner->params + owner->nparams)
			owner = v->einfo;
		if (owner && (uint32_t)pi->dirfd_idx < owner->nparams)
			sk_ev_int(v, owner->params[pi->dirfd_idx].name, &dfd);
		base = dirfd_base(s, th, dfd);
	}
	if (!path[0])
		return false;
	sk_path_join(out, cap, base, path);
	return true;
}

static void set_fd_from_tuple(sk_fdinfo_t *f, const sk_socktuple_t *t, bool server_side)
{
	char a[128], b[128], name[300];
	bool v6 = t->family == SK_PPM_AF_INET6;
	if (t->family == SK_PPM_AF_UNIX) {
		f->kind = SK_FD_UNIX;
		snprintf(name, sizeof(name), "%" PRIx64 "->%" PRIx64 " %s", t->usrc, t->udst,
			t->path ? t->path : "");
		if (strcmp(name, f->name) != 0) {
			sk_fdinfo_set_name(f, name);
			f->name_changed = true;
		}
		return;
	}
	if (t->family != SK_PPM_AF_INET && !v6)
		return;
	static const uint8_t zero[16];
	sk_socktuple_t fixed = *t;
	/* An unbound source (0.0.0.0 / ::) is shown as the destination address,
	 * as sysdig does for loopback datagrams. */
	if (!memcmp(fixed.sip, zero, v6 ? 16 : 4))
		memcpy(fixed.sip, fixed.dip, 16);
	t = &fixed;
	f->kind = v6 ? SK_FD_IPV6 : SK_FD_IPV4;
	f->is_v6 = v6;
	f->has_tuple = true;
	/* The tuple is source->destination from the caller's view: on the
	 * accepting side the source is the server. */
	if (server_side) {
		memcpy(f->sip, t->sip, 16);
		f->sport = t->sport;
		memcpy(f->cip, t->dip, 16);
		f->cport = t->dport;
	} else {
		memcpy(f->cip, t->sip, 16);
		f->cport = t->sport;
		memcpy(f->sip, t->dip, 16);
		f->sport = t->dport;
	}
	f->is_server = server_side;
	sk_fmt_ipport(a, sizeof(a), v6, f->cip, f->cport);
	sk_fmt_ipport(b, sizeof(b), v6, f->sip, f->sport);
	snprintf(name, sizeof(name), "%s->%s", a, b);
	if (strcmp(name, f->name) != 0) {
		sk_fdinfo_set_name(f, name);
		f->name_changed = true;
	}
}

static sk_fdinfo_t *new_fd(sk_sys_t *s, sk_thread_t *th, int64_t fd, uint8_t kind)
{
	if (fd < 0)
		return NULL;
	sk_fdinfo_t *f = sk_fdtab_put(sk_thread_fds(s->threads, th), fd);
	if (f)
		f->kind = kind;
	return f;
}

static void parse_open(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th)
{
	int64_t fd, flags = 0, dev = 0, ino = 0;
	char path[4096];
	if (!sk_ev_res(v, &fd) || fd < 0)
		return;
	sk_ev_int(v, "flags", &flags);
	sk_ev_int(v, "dev", &dev);
	sk_ev_int(v, "ino", &ino);
	bool ok = resolve_path(s, v, th, "name", path, sizeof(path)) ||
		resolve_path(s, v, th, "path", path, sizeof(path));
	uint8_t kind = (flags & SK_PPM_O_DIRECTORY) ? SK_FD_DIRECTORY : SK_FD_FILE;
	sk_fdinfo_t *f = new_fd(s, th, fd, kind);
	if (!f)
		return;
	f->open_flags = (uint32_t)flags;
	f->dev = (uint32_t)dev;
	f->ino = (uint64_t)ino;
	if (ok)
		sk_fdinfo_set_name(f, path);
	const char *raw = sk_ev_str(v, "name");
	if (raw)
		sk_fdinfo_set_nameraw(f, raw);
}

static uint8_t l4_of(int64_t type, int64_t proto)
{
	if (proto == 6)
		return SK_L4_TCP;
	if (proto == 17)
		return SK_L4_UDP;
	if (proto == 1 || proto == 58)
		return SK_L4_ICMP;
	switch (type & 0xf) {
	case SK_SOCK_STREAM: return SK_L4_TCP;
	case SK_SOCK_DGRAM: return SK_L4_UDP;
	case SK_SOCK_RAW: return SK_L4_RAW;
	default: return SK_L4_NA;
	}
}

static void parse_socket(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th)
{
	int64_t fd, domain = 0, type = 0, proto = 0;
	if (!sk_ev_res(v, &fd) || fd < 0)
		return;
	sk_ev_int(v, "domain", &domain);
	sk_ev_int(v, "type", &type);
	sk_ev_int(v, "proto", &proto);
	uint8_t kind = SK_FD_UNKNOWN;
	switch (domain) {
	case SK_PPM_AF_INET: kind = SK_FD_IPV4; break;
	case SK_PPM_AF_INET6: kind = SK_FD_IPV6; break;
	case SK_PPM_AF_UNIX: kind = SK_FD_UNIX; break;
	case SK_PPM_AF_NETLINK: kind = SK_FD_NETLINK; break;
	default: kind = SK_FD_UNSUPPORTED; break;
	}
	sk_fdinfo_t *f = new_fd(s, th, fd, kind);
	if (!f)
		return;
	f->is_v6 = kind == SK_FD_IPV6;
	if (kind == SK_FD_IPV4 || kind == SK_FD_IPV6)
		f->l4proto = l4_of(type, proto);
}

/* connect, sendto/sendmsg and recvfrom/recvmsg carry the tuple. */
static void parse_tuple_event(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th, bool connect)
{
	sk_evt_param_t p;
	sk_socktuple_t t;
	int64_t res = 0;
	sk_fdinfo_t *f = sk_sys_event_fd(s, v, th, NULL);
	if (!f)
		return;
	bool failed = connect && sk_ev_res(v, &res) && res < 0 && res != -115 /* EINPROGRESS */;
	bool have_tuple = sk_ev_param(v, "tuple", &p, NULL) && sk_parse_socktuple(&p, &t);
	if (connect && !have_tuple && sk_ev_param(v, "addr", &p, NULL)) {
		/* No tuple (e.g. a unix connect that failed): the address names the fd. */
		sk_sockaddr_t a;
		if (sk_parse_sockaddr(&p, &a) && a.family == SK_PPM_AF_UNIX && a.path &&
			strcmp(a.path, f->name) != 0) {
			sk_fdinfo_set_name(f, a.path);
			f->name_changed = true;
		}
		if (!failed)
			f->connected = true;
		return;
	}
	/* A failed connect leaves the fd as it was; a connected socket keeps
	 * its tuple (a second connect on a datagram socket is not tracked). */
	if (failed || (connect && f->connected))
		return;
	if (have_tuple) {
		if (!connect && f->has_tuple)
			return;
		set_fd_from_tuple(f, &t, false);
	}
	if (connect && !failed)
		f->connected = true;
}

static void parse_accept(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th)
{
	int64_t fd;
	sk_evt_param_t p;
	sk_socktuple_t t;
	if (!sk_ev_res(v, &fd) || fd < 0)
		return;
	sk_fdinfo_t *f = new_fd(s, th, fd, SK_FD_UNKNOWN);
	if (!f)
		return;
	f->l4proto = SK_L4_TCP;
	f->connected = true;
	if (sk_ev_param(v, "tuple", &p, NULL) && sk_parse_socktuple(&p, &t))
		set_fd_from_tuple(f, &t, false);
	f->is_server = true;
	f->name_changed = false;
}

static void parse_bind(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th)
{
	int64_t res;
	sk_evt_param_t p;
	sk_sockaddr_t a;
	if (sk_ev_res(v, &res) && res < 0)
		return;
	sk_fdinfo_t *f = sk_sys_event_fd(s, v, th, NULL);
	if (!f || !sk_ev_param(v, "addr", &p, NULL) || !sk_parse_sockaddr(&p, &a))
		return;
	if (a.family == SK_PPM_AF_UNIX) {
		if (a.path)
			sk_fdinfo_set_name(f, a.path);
		return;
	}
	memcpy(f->sip, a.ip, 16);
	f->sport = a.port;
	/* Binding to port 0 (an ephemeral client port) does not make a server. */
	f->is_server = a.port != 0;
	if (!f->has_tuple) {
		char name[128];
		sk_fmt_ipport(name, sizeof(name), a.family == SK_PPM_AF_INET6, a.ip, a.port);
		sk_fdinfo_set_name(f, name);
	}
}

static void parse_dup(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th)
{
	int64_t nfd, ofd;
	if (!sk_ev_res(v, &nfd) || nfd < 0)
		return;
	if (!sk_ev_int(v, "oldfd", &ofd) && !sk_ev_int(v, "fd", &ofd))
		return;
	sk_fdtab_t *tab = sk_thread_fds(s->threads, th);
	sk_fdinfo_t *src = sk_fdtab_get(tab, ofd);
	if (!src || nfd == ofd)
		return;
	sk_fdinfo_t *d = sk_fdtab_put(tab, nfd);
	src = sk_fdtab_get(tab, ofd); /* put may not move entries, but re-fetch for safety */
	if (d && src)
		sk_fdinfo_copy(d, src);
	if (d)
		d->open_flags &= ~SK_PPM_O_CLOEXEC;
}

static void parse_pipe(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th, uint8_t kind)
{
	int64_t res, fd1, fd2, ino = 0;
	if (sk_ev_res(v, &res) && res < 0)
		return;
	if (!sk_ev_int(v, "fd1", &fd1) || !sk_ev_int(v, "fd2", &fd2))
		return;
	sk_ev_int(v, "ino", &ino);
	sk_fdinfo_t *a = new_fd(s, th, fd1, kind), *b;
	if (a)
		a->ino = (uint64_t)ino;
	b = new_fd(s, th, fd2, kind);
	if (b)
		b->ino = (uint64_t)ino;
}

static void simple_fd(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th, uint8_t kind,
	const char *name)
{
	int64_t fd;
	if (!sk_ev_res(v, &fd) || fd < 0)
		return;
	sk_fdinfo_t *f = new_fd(s, th, fd, kind);
	if (f && name)
		sk_fdinfo_set_name(f, name);
}

static void copy_args(sk_thread_t *th, const sk_evview_t *v)
{
	sk_evt_param_t p;
	if (sk_ev_param(v, "args", &p, NULL))
		sk_thread_set_buf(&th->args, &th->args_len, (const char *)p.data, p.len);
	if (sk_ev_param(v, "env", &p, NULL))
		sk_thread_set_buf(&th->env, &th->env_len, (const char *)p.data, p.len);
	if (sk_ev_param(v, "cgroups", &p, NULL))
		sk_thread_set_buf(&th->cgroups, &th->cgroups_len, (const char *)p.data, p.len);
}

static void copy_comm(sk_thread_t *th, const sk_evview_t *v)
{
	const char *comm = sk_ev_str(v, "comm");
	if (comm) {
		snprintf(th->comm, sizeof(th->comm), "%s", comm);
		th->na = false;
	}
}

static void set_cwd(sk_thread_t *th, const char *cwd)
{
	char buf[4096];
	size_t n = strlen(cwd);
	if (n && cwd[n - 1] != '/') {
		snprintf(buf, sizeof(buf), "%s/", cwd);
		sk_thread_set_str(&th->cwd, buf);
	} else {
		sk_thread_set_str(&th->cwd, cwd);
	}
}

static void parse_clone(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *caller)
{
	int64_t res, flags = 0, pid, ptid, vtid = -1, vpid = -1, uid, gid;
	if (!sk_ev_res(v, &res) || res < 0)
		return;
	sk_ev_int(v, "flags", &flags);
	bool is_thread = (flags & SK_PPM_CL_CLONE_THREAD) != 0;
	int64_t child_tid;
	if (res == 0) {
		child_tid = v->tid;
		if (sk_ev_int(v, "pid", &pid) == false)
			pid = child_tid;
	} else {
		child_tid = res;
		pid = is_thread ? caller->pid : child_tid;
	}
	if (!sk_ev_int(v, "ptid", &ptid))
		ptid = -1;
	if (res > 0)
		ptid = caller->tid;
	if (res > 0 && (caller->na || !caller->comm[0])) {
		/* The caller was unknown: its clone event describes it. */
		const char *exe = sk_ev_str(v, "exe"), *cwd = sk_ev_str(v, "cwd");
		copy_comm(caller, v);
		copy_args(caller, v);
		if (exe)
			sk_thread_set_str(&caller->exe, exe);
		if (cwd && cwd[0])
			set_cwd(caller, cwd);
		int64_t val;
		if (sk_ev_int(v, "pid", &val) && val > 0)
			caller->pid = val;
		if (sk_ev_int(v, "ptid", &val) && val > 0)
			caller->ptid = val;
		if (sk_ev_int(v, "uid", &val))
			caller->uid = caller->euid = (uint32_t)val;
		if (sk_ev_int(v, "gid", &val))
			caller->gid = caller->egid = (uint32_t)val;
	}
	sk_thread_t *child = sk_threads_peek(s->threads, child_tid);
	bool fresh = !child || child->na || (child->clone_ts == 0 && !child->exe);
	int64_t caller_tid = caller->tid;
	if (!fresh && res == 0) {
		/* The parent's side already created the child; add what only the
		 * child's side knows. */
		if (sk_ev_int(v, "vtid", &vtid))
			child->vtid = vtid;
		if (sk_ev_int(v, "vpid", &vpid))
			child->vpid = vpid;
		return;
	}
	if (!child)
		child = sk_threads_add(s->threads, child_tid);
	if (!child)
		return;
	/* The add may have evicted the caller. */
	caller = res > 0 ? sk_threads_peek(s->threads, caller_tid) : NULL;
	sk_thread_t *parent = caller ? caller : sk_threads_peek(s->threads, ptid);
	child->pid = pid;
	if (fresh && parent && parent != child)
		sk_thread_inherit(child, parent);
	child->ptid = ptid;
	if (res == 0) {
		if (sk_ev_int(v, "vtid", &vtid))
			child->vtid = vtid;
		if (sk_ev_int(v, "vpid", &vpid))
			child->vpid = vpid;
	} else {
		child->vtid = child->vpid = -1;
	}
	const char *exe = sk_ev_str(v, "exe");
	if (exe && fresh)
		sk_thread_set_str(&child->exe, exe);
	if (fresh || res == 0) {
		copy_comm(child, v);
		copy_args(child, v);
		const char *cwd = sk_ev_str(v, "cwd");
		if (cwd && cwd[0])
			set_cwd(child, cwd);
		if (sk_ev_int(v, "uid", &uid))
			child->uid = child->euid = (uint32_t)uid;
		if (sk_ev_int(v, "gid", &gid))
			child->gid = child->egid = (uint32_t)gid;
	}
	child->flags = (uint32_t)flags;
	if (fresh)
		child->clone_ts = v->ts;
	child->dead = false;
	/* A new process gets a copy of the parent's fds, unless it shares them. */
	if (!is_thread && fresh && parent && parent != child && !child->fds) {
		sk_thread_t *pl = sk_thread_leader(s->threads, parent);
		if (!(flags & SK_PPM_CL_CLONE_FILES) || pl != child)
			child->fds = sk_fdtab_clone(pl->fds);
	}
}

static void parse_execve(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th)
{
	int64_t res, val;
	if (!sk_ev_res(v, &res) || res < 0)
		return;
	const char *exe = sk_ev_str(v, "exe");
	if (exe)
		sk_thread_set_str(&th->exe, exe);
	const char *tex = sk_ev_str(v, "trusted_exepath");
	sk_thread_set_str(&th->exepath, tex ? tex : "");
	copy_comm(th, v);
	copy_args(th, v);
	const char *cwd = sk_ev_str(v, "cwd");
	if (cwd && cwd[0])
		set_cwd(th, cwd);
	if (sk_ev_int(v, "pid", &val) && val > 0)
		th->pid = val;
	if (sk_ev_int(v, "ptid", &val) && val > 0)
		th->ptid = val;
	if (sk_ev_int(v, "tty", &val))
		th->tty = (uint32_t)val;
	if (sk_ev_int(v, "pgid", &val))
		th->vpgid = val;
	if (sk_ev_int(v, "loginuid", &val))
		th->loginuid = (uint32_t)val;
	if (sk_ev_int(v, "uid", &val))
		th->uid = th->euid = (uint32_t)val;
	if (sk_ev_int(v, "fdlimit", &val))
		th->fdlimit = (uint64_t)val;
	th->exe_writable = th->exe_upper_layer = th->exe_from_memfd = th->exe_lower_layer = false;
	if (sk_ev_int(v, "flags", &val)) {
		th->exe_writable = (val & SK_PPM_EXE_WRITABLE) != 0;
		th->exe_upper_layer = (val & SK_PPM_EXE_UPPER_LAYER) != 0;
		th->exe_from_memfd = (val & SK_PPM_EXE_FROM_MEMFD) != 0;
		th->exe_lower_layer = (val & SK_PPM_EXE_LOWER_LAYER) != 0;
	}
	if (sk_ev_int(v, "cap_inheritable", &val))
		th->cap_inheritable = (uint64_t)val;
	if (sk_ev_int(v, "cap_permitted", &val))
		th->cap_permitted = (uint64_t)val;
	if (sk_ev_int(v, "cap_effective", &val))
		th->cap_effective = (uint64_t)val;
	if (sk_ev_int(v, "exe_ino", &val))
		th->exe_ino = (uint64_t)val;
	if (sk_ev_int(v, "exe_ino_ctime", &val))
		th->exe_ino_ctime = (uint64_t)val;
	if (sk_ev_int(v, "exe_ino_mtime", &val))
		th->exe_ino_mtime = (uint64_t)val;
	sk_fdtab_close_cloexec(sk_thread_fds(s->threads, th));
}

static void parse_setid(sk_thread_t *th, const sk_evview_t *v, bool user)
{
	int64_t res, val;
	if (sk_ev_res(v, &res) && res < 0)
		return;
	const char *n = v->info->name;
	if (user) {
		if ((!strcmp(n, "setresuid") || !strcmp(n, "setreuid")) && sk_ev_int(v, "euid", &val)) {
			if (val != -1 && (uint32_t)val != UINT32_MAX)
				th->uid = th->euid = (uint32_t)val;
		} else if (sk_ev_int(v, "uid", &val)) {
			th->uid = th->euid = (uint32_t)val;
		}
	} else {
		if ((!strcmp(n, "setresgid") || !strcmp(n, "setregid")) && sk_ev_int(v, "egid", &val)) {
			if (val != -1 && (uint32_t)val != UINT32_MAX)
				th->gid = th->egid = (uint32_t)val;
		} else if (sk_ev_int(v, "gid", &val)) {
			th->gid = th->egid = (uint32_t)val;
		}
	}
}

static void save_enter(sk_thread_t *th, const ss_plugin_event *evt)
{
	uint32_t len = sk_evt_get_len(evt);
	if (len > 65536 + 4096)
		return;
	if (th->enter_cap < len) {
		uint8_t *n = realloc(th->enter, len);
		if (!n)
			return;
		th->enter = n;
		th->enter_cap = len;
	}
	memcpy(th->enter, evt, len);
	th->enter_len = len;
}

enum parse_kind {
	K_NONE = 0, K_PROCEXIT, K_CLONE, K_EXECVE, K_OPEN, K_SOCKET, K_CONNECT, K_SENDRECV,
	K_ACCEPT, K_BIND, K_LISTEN, K_CLOSE, K_DUP, K_FCNTL, K_PIPE, K_SOCKETPAIR, K_EVENTFD,
	K_SIGNALFD, K_EPOLL, K_INOTIFY, K_TIMERFD, K_UFFD, K_IOURING, K_PIDFD, K_BPF, K_MEMFD,
	K_CHDIR, K_FCHDIR, K_SETUID, K_SETGID, K_CAPSET,
};

static const struct {
	const char *name;
	uint8_t kind;
} kind_names[] = {
	{"procexit", K_PROCEXIT}, {"clone", K_CLONE}, {"fork", K_CLONE}, {"vfork", K_CLONE},
	{"clone3", K_CLONE}, {"execve", K_EXECVE}, {"execveat", K_EXECVE}, {"open", K_OPEN},
	{"openat", K_OPEN}, {"openat2", K_OPEN}, {"creat", K_OPEN}, {"open_by_handle_at", K_OPEN},
	{"socket", K_SOCKET}, {"connect", K_CONNECT}, {"sendto", K_SENDRECV},
	{"sendmsg", K_SENDRECV}, {"recvfrom", K_SENDRECV}, {"recvmsg", K_SENDRECV},
	{"accept", K_ACCEPT}, {"accept4", K_ACCEPT}, {"bind", K_BIND}, {"listen", K_LISTEN},
	{"close", K_CLOSE}, {"dup", K_DUP}, {"dup2", K_DUP}, {"dup3", K_DUP}, {"fcntl", K_FCNTL},
	{"pipe", K_PIPE}, {"pipe2", K_PIPE}, {"socketpair", K_SOCKETPAIR}, {"eventfd", K_EVENTFD},
	{"eventfd2", K_EVENTFD}, {"signalfd", K_SIGNALFD}, {"signalfd4", K_SIGNALFD},
	{"epoll_create", K_EPOLL}, {"epoll_create1", K_EPOLL}, {"inotify_init", K_INOTIFY},
	{"inotify_init1", K_INOTIFY}, {"timerfd_create", K_TIMERFD}, {"userfaultfd", K_UFFD},
	{"io_uring_setup", K_IOURING}, {"pidfd_open", K_PIDFD}, {"pidfd_getfd", K_PIDFD},
	{"bpf", K_BPF}, {"memfd_create", K_MEMFD}, {"chdir", K_CHDIR}, {"fchdir", K_FCHDIR},
	{"setuid", K_SETUID}, {"setresuid", K_SETUID}, {"setreuid", K_SETUID},
	{"setgid", K_SETGID}, {"setresgid", K_SETGID}, {"setregid", K_SETGID},
	{"capset", K_CAPSET},
};

/* What each event code does to the state, by name, built once. */
static uint8_t g_kind[SK_EVT_CODE_MAX];
static pthread_once_t g_kind_once = PTHREAD_ONCE_INIT;

static void build_kinds(void)
{
	for (uint16_t c = 0; c < SK_EVT_CODE_MAX; c++) {
		const sk_evt_info_t *i = sk_evt_info(c);
		if (!i || (i->flags & SK_EF_UNUSED))
			continue;
		for (size_t k = 0; k < sizeof(kind_names) / sizeof(kind_names[0]); k++)
			if (!strcmp(i->name, kind_names[k].name))
				g_kind[c] = kind_names[k].kind;
	}
}

int sk_sys_parse(sk_sys_t *s, const ss_plugin_event *evt)
{
	sk_evview_t v;
	int64_t val;
	char path[4096];

	pthread_once(&g_kind_once, build_kinds);
	sk_sys_flush_pending(s);
	uint16_t type;
	int64_t tid;
	type = sk_evt_get_type(evt);
	tid = sk_evt_get_tid(evt);
	const sk_evt_info_t *info = sk_evt_info(type);
	if (!info || (info->flags & SK_EF_UNUSED))
		return 0;
	if (tid < 0)
		return 0;
	/* libsinsp creates no thread for the procinfo event of an unknown tid
	 * (no value rather than "<NA>"). */
	bool exit = sk_evt_is_exit(type);
	uint8_t kind = g_kind[type];
	sk_thread_t *th = NULL;
	/* The child's side of a clone met before the parent's (a vfork parent
	 * returns only after the child's exec): the child is built from its
	 * parent as it was at the clone (parse_clone), never from /proc, which
	 * shows it later, maybe after its exec and without the fds it had. */
	if (exit && kind == K_CLONE && !sk_threads_peek(s->threads, tid) &&
		sk_evview_init(&v, evt, NULL) == 0 && sk_ev_res(&v, &val) && val == 0)
		th = sk_threads_add(s->threads, tid);
	if (!th)
		th = sk_sys_thread(s, tid, strcmp(info->name, "procinfo") != 0);
	if (!th)
		return 0;
	if (!exit) {
		const sk_evt_info_t *x = sk_evt_info((uint16_t)(type + 1));
		if (x && !(x->flags & SK_EF_UNUSED))
			save_enter(th, evt);
		if (kind == K_PROCEXIT)
			sk_threads_mark_dead(s->threads, tid);
		s->n_parsed++;
		return 0;
	}
	s->n_parsed++;
	if (kind == K_NONE) {
		/* most events (I/O, memory, ...) change no state; live, an fd
		 * met for the first time is looked up now, so every field of
		 * this event (evt.args too) sees it */
		if ((info->flags & SK_EF_USES_FD) && sk_src_is_live(s->inst) &&
			sk_evview_init(&v, evt, NULL) == 0)
			(void)sk_sys_event_fd(s, &v, th, NULL);
		return 0;
	}
	const uint8_t *enter = sk_src_enter_of(s->inst, evt);
	if (!enter && th->enter_len)
		enter = th->enter;
	if (sk_evview_init(&v, evt, enter) < 0) {
		s->n_malformed++;
		return -EINVAL;
	}
	switch (kind) {
	case K_CLONE: parse_clone(s, &v, th); break;
	case K_EXECVE: parse_execve(s, &v, th); break;
	case K_OPEN: parse_open(s, &v, th); break;
	case K_SOCKET: parse_socket(s, &v, th); break;
	case K_CONNECT: parse_tuple_event(s, &v, th, true); break;
	case K_SENDRECV: parse_tuple_event(s, &v, th, false); break;
	case K_ACCEPT: parse_accept(s, &v, th); break;
	case K_BIND: parse_bind(s, &v, th); break;
	case K_LISTEN: {
		sk_fdinfo_t *f = sk_sys_event_fd(s, &v, th, NULL);
		if (f)
			f->is_server = true;
		break;
	}
	case K_CLOSE:
		if (sk_ev_int(&v, "fd", &val) && (!sk_ev_res(&v, &tid) || tid >= 0)) {
			s->pend_close = true;
			s->pend_close_tid = th->tid;
			s->pend_close_fd = val;
		}
		break;
	case K_DUP: parse_dup(s, &v, th); break;
	case K_FCNTL: {
		int64_t cmd;
		/* F_DUPFD and F_DUPFD_CLOEXEC (driver codes 1 and 26; 2 is F_GETFD)
		 * create a copy. */
		if (sk_ev_int(&v, "cmd", &cmd) && (cmd == 1 || cmd == 26))
			parse_dup(s, &v, th);
		break;
	}
	case K_PIPE: parse_pipe(s, &v, th, SK_FD_FIFO); break;
	case K_SOCKETPAIR: parse_pipe(s, &v, th, SK_FD_UNIX); break;
	case K_EVENTFD: simple_fd(s, &v, th, SK_FD_EVENT, NULL); break;
	case K_SIGNALFD: simple_fd(s, &v, th, SK_FD_SIGNALFD, NULL); break;
	case K_EPOLL: simple_fd(s, &v, th, SK_FD_EVENTPOLL, NULL); break;
	case K_INOTIFY: simple_fd(s, &v, th, SK_FD_INOTIFY, NULL); break;
	case K_TIMERFD: simple_fd(s, &v, th, SK_FD_TIMERFD, NULL); break;
	case K_UFFD: simple_fd(s, &v, th, SK_FD_USERFAULTFD, NULL); break;
	case K_IOURING: simple_fd(s, &v, th, SK_FD_IOURING, NULL); break;
	case K_PIDFD: simple_fd(s, &v, th, SK_FD_PIDFD, NULL); break;
	case K_BPF:
		if (sk_ev_int(&v, "fd", &val) && val >= 0)
			simple_fd(s, &v, th, SK_FD_BPF, NULL);
		break;
	case K_MEMFD: {
		const char *nm = sk_ev_str(&v, "name");
		snprintf(path, sizeof(path), "memfd:%s", nm ? nm : "");
		simple_fd(s, &v, th, SK_FD_MEMFD, path);
		break;
	}
	case K_CHDIR:
		if (sk_ev_res(&v, &val) && val >= 0 && resolve_path(s, &v, th, "path", path, sizeof(path)))
			set_cwd(th, path);
		break;
	case K_FCHDIR: {
		sk_fdinfo_t *f = sk_sys_event_fd(s, &v, th, NULL);
		if (sk_ev_res(&v, &val) && val >= 0 && f && f->name[0])
			set_cwd(th, f->name);
		break;
	}
	case K_SETUID: parse_setid(th, &v, true); break;
	case K_SETGID: parse_setid(th, &v, false); break;
	case K_CAPSET:
		if (sk_ev_res(&v, &val) && val >= 0) {
			if (sk_ev_int(&v, "cap_inheritable", &val))
				th->cap_inheritable = (uint64_t)val;
			if (sk_ev_int(&v, "cap_permitted", &val))
				th->cap_permitted = (uint64_t)val;
			if (sk_ev_int(&v, "cap_effective", &val))
				th->cap_effective = (uint64_t)val;
		}
		break;
	default:
		break;
	}
	return 0;
}
