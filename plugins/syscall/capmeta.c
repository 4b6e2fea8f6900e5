/* capmeta.c - capture metadata (process, fd and user lists) imported into the
 * plugin's tables on replay, and the event types state tracking needs. */
#include <stdio.h>
#include <string.h>

#include "render.h"
#include "scap_read.h"
#include "source.h"

void sk__src_on_proc(void *ctx, const sk_scap_proc_t *p)
{
	sk_sys_t *s = ctx;
	sk_thread_t *t = sk_threads_add(s->threads, p->tid);
	if (!t)
		return;
	t->pid = p->pid;
	t->ptid = p->ptid;
	t->sid = p->sid;
	t->vpgid = p->vpgid;
	t->pgid = p->pgid;
	t->vtid = p->vtid;
	t->vpid = p->vpid;
	snprintf(t->comm, sizeof(t->comm), "%s", p->comm);
	sk_thread_set_str(&t->exe, p->exe);
	sk_thread_set_str(&t->exepath, p->exepath);
	sk_thread_set_buf(&t->args, &t->args_len, p->args, p->args_len);
	size_t cl = strlen(p->cwd);
	if (cl && p->cwd[cl - 1] != '/') {
		char buf[4200];
		snprintf(buf, sizeof(buf), "%s/", p->cwd);
		sk_thread_set_str(&t->cwd, buf);
	} else {
		sk_thread_set_str(&t->cwd, p->cwd);
	}
	sk_thread_set_buf(&t->env, &t->env_len, p->env, p->env_len);
	sk_thread_set_buf(&t->cgroups, &t->cgroups_len, p->cgroups, p->cgroups_len);
	sk_thread_set_str(&t->root, p->root);
	t->uid = t->euid = p->uid;
	t->gid = t->egid = p->gid;
	t->loginuid = p->loginuid;
	t->tty = p->tty;
	t->flags = p->flags;
	t->fdlimit = p->fdlimit;
	t->cap_inheritable = p->cap_inheritable;
	t->cap_permitted = p->cap_permitted;
	t->cap_effective = p->cap_effective;
	t->exe_ino = p->exe_ino;
	t->exe_ino_ctime = p->exe_ino_ctime;
	t->exe_ino_mtime = p->exe_ino_mtime;
	t->exe_writable = p->exe_writable;
	t->exe_upper_layer = p->exe_upper_layer;
	t->exe_lower_layer = p->exe_lower_layer;
	t->exe_from_memfd = p->exe_from_memfd;
	t->pidns_init_start_ts = p->pidns_init_start_ts;
}

void sk__src_on_fd(void *ctx, int64_t tid, const sk_scap_fd_t *fd)
{
	sk_sys_t *s = ctx;
	sk_thread_t *t = sk_threads_peek(s->threads, tid);
	if (!t)
		t = sk_threads_add(s->threads, tid);
	if (!t)
		return;
	sk_fdtab_t *tab = sk_thread_fds(s->threads, t);
	sk_fdinfo_t *f = sk_fdtab_put(tab, fd->fd);
	if (!f)
		return;
	f->ino = fd->ino;
	char name[300];
	switch (fd->type) {
	case SK_SCAP_FD_IPV4_SOCK:
	case SK_SCAP_FD_IPV6_SOCK: {
		bool v6 = fd->type == SK_SCAP_FD_IPV6_SOCK;
		char a[128], b[128];
		f->kind = v6 ? SK_FD_IPV6 : SK_FD_IPV4;
		f->is_v6 = v6;
		f->has_tuple = true;
		memcpy(f->cip, fd->sip, 16);
		memcpy(f->sip, fd->dip, 16);
		f->cport = fd->sport;
		f->sport = fd->dport;
		f->l4proto = fd->l4proto == 6 ? SK_L4_TCP : fd->l4proto == 17 ? SK_L4_UDP : SK_L4_NA;
		sk_fmt_ipport(a, sizeof(a), v6, f->cip, f->cport);
		sk_fmt_ipport(b, sizeof(b), v6, f->sip, f->sport);
		snprintf(name, sizeof(name), "%s->%s", a, b);
		sk_fdinfo_set_name(f, name);
		break;
	}
	case SK_SCAP_FD_IPV4_SERVSOCK:
	case SK_SCAP_FD_IPV6_SERVSOCK: {
		bool v6 = fd->type == SK_SCAP_FD_IPV6_SERVSOCK;
		f->kind = v6 ? SK_FD_IPV6 : SK_FD_IPV4;
		f->is_v6 = v6;
		f->is_server = true;
		memcpy(f->sip, fd->sip, 16);
		f->sport = fd->sport;
		f->l4proto = fd->l4proto == 6 ? SK_L4_TCP : fd->l4proto == 17 ? SK_L4_UDP : SK_L4_NA;
		sk_fmt_ipport(name, sizeof(name), v6, f->sip, f->sport);
		sk_fdinfo_set_name(f, name);
		break;
	}
	case SK_SCAP_FD_FILE_V2:
	case SK_SCAP_FD_FILE:
		f->kind = SK_FD_FILE;
		f->open_flags = fd->open_flags;
		f->dev = fd->dev;
		sk_fdinfo_set_name(f, fd->name);
		break;
	default:
		f->kind = fd->type;
		sk_fdinfo_set_name(f, fd->name);
		break;
	}
}

void sk__src_on_user(void *ctx, uint32_t uid, uint32_t gid, const char *name, const char *home,
	const char *shell)
{
	sk_sys_t *s = ctx;
	sk_users_add_user(s->users, uid, gid, name, home, shell);
}

void sk__src_on_group(void *ctx, uint32_t gid, const char *name)
{
	sk_sys_t *s = ctx;
	sk_users_add_group(s->users, gid, name);
}

const uint16_t *sk_src_state_types(uint32_t *n)
{
	static uint16_t types[256];
	static uint32_t count;
	if (!count) {
		static const char *const names[] = {"clone", "fork", "vfork", "clone3", "execve",
			"execveat", "procexit", "open", "openat", "openat2", "creat", "open_by_handle_at",
			"close", "dup", "dup2", "dup3", "fcntl", "socket", "socketpair", "connect",
			"accept", "accept4", "bind", "listen", "pipe", "pipe2", "eventfd", "eventfd2",
			"signalfd", "signalfd4", "epoll_create", "epoll_create1", "inotify_init",
			"inotify_init1", "timerfd_create", "userfaultfd", "memfd_create", "pidfd_open",
			"pidfd_getfd", "io_uring_setup", "chdir", "fchdir", "setuid", "setgid", "setresuid",
			"setresgid", "setreuid", "setregid", "capset", "sendto", "recvfrom", "sendmsg",
			"recvmsg", "bpf"};
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			uint16_t codes[32];
			size_t k = sk_evt_codes_by_name(names[i], codes, 32);
			for (size_t j = 0; j < k && j < 32 && count < 256; j++)
				if (sk_evt_is_exit(codes[j]) || !strcmp(names[i], "procexit"))
					types[count++] = codes[j];
		}
	}
	*n = count;
	return types;
}
