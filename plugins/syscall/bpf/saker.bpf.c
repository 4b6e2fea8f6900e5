// SPDX-License-Identifier: (MIT OR GPL-2.0-only)
/*
 * saker.bpf.c - saker's live syscall capture (CO-RE).
 *
 * One dispatcher on tp_btf/sys_exit filters (own process, syscall table,
 * cgroup, failed exits) and tail-calls a per-syscall handler that writes a
 * complete scap exit event (upstream code and parameter layout). Successful
 * execve/execveat come from sched_process_exec (the new image is in place
 * there), thread exits from sched_process_exit.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>

#include "sk_bpf_shared.h"
#include "sk_bpf_events.h"
#include "sk_evt.bpf.h"
#include "sk_task.bpf.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

#define A0(r) ((r)->di)
#define A1(r) ((r)->si)
#define A2(r) ((r)->dx)
#define A3(r) ((r)->r10)
#define A4(r) ((r)->r8)
#define A5(r) ((r)->r9)

static __always_inline int sk_ignored(__u32 tgid)
{
	if (tgid == sk_self_tgid || (sk_ignore_tgid && tgid == sk_ignore_tgid))
		return 1;
	if (sk_ncgroups) {
		__u64 cg = bpf_get_current_cgroup_id();

		if (bpf_map_lookup_elem(&sk_drop_cg, &cg))
			return 1;
	}
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sk_sys_exit, struct pt_regs *regs, long ret)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	struct sk_sc_entry *sc;
	struct sk_state *st;
	__u32 nr;

	nr = (__u32)regs->orig_ax;
	if (nr >= SK_MAX_SYSCALLS)
		return 0;
	sc = bpf_map_lookup_elem(&sk_sc_table, &nr);
	if (!sc || !sc->enabled || !sc->handler)
		return 0;
	if (sk_ignored(tgid))
		return 0;
	if (sk_drop_failed && ret < 0 && !sc->lifecycle)
		return 0;
	st = sk_state_get();
	if (!st)
		return 0;
	if (st->busy) {
		sk_count_drop(1);
		return 0;
	}
	st->busy = 1;
	st->evt = sc->evt;
	bpf_tail_call(ctx, &sk_handlers, sc->handler);
	st->busy = 0;
	sk_count_drop(1);
	return 0;
}

#define HANDLER(name) \
	SEC("tp_btf/sys_exit") int BPF_PROG(name, struct pt_regs *regs, long ret)

/* ---- files ------------------------------------------------------------ */

HANDLER(sk_h_open)
{
	struct file *f = sk_fd_file(ret);
	struct ev e;

	if (!ev_begin(&e, 0, 6))
		return 0;
	put_s64(&e, ret);
	put_ustr(&e, (void *)A0(regs));
	put_u32(&e, sk_open_flags_to_ppm(A1(regs)) | sk_file_created(f));
	put_u32(&e, (__u32)A2(regs));
	put_file_dev_ino(&e, f);
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_openat)
{
	struct file *f = sk_fd_file(ret);
	struct ev e;

	if (!ev_begin(&e, 0, 7))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	put_ustr(&e, (void *)A1(regs));
	put_u32(&e, sk_open_flags_to_ppm(A2(regs)) | sk_file_created(f));
	put_u32(&e, (__u32)A3(regs));
	put_file_dev_ino(&e, f);
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_openat2)
{
	struct { __u64 flags, mode, resolve; } how = {};
	struct file *f = sk_fd_file(ret);
	struct ev e;

	bpf_probe_read_user(&how, sizeof(how), (void *)A2(regs));
	if (!ev_begin(&e, 0, 8))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	put_ustr(&e, (void *)A1(regs));
	put_u32(&e, sk_open_flags_to_ppm(how.flags) | sk_file_created(f));
	put_u32(&e, (__u32)how.mode);
	put_u32(&e, (__u32)how.resolve);
	put_file_dev_ino(&e, f);
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_creat)
{
	struct file *f = sk_fd_file(ret);
	struct ev e;

	if (!ev_begin(&e, 0, 6))
		return 0;
	put_s64(&e, ret);
	put_ustr(&e, (void *)A0(regs));
	put_u32(&e, (__u32)A1(regs));
	put_file_dev_ino(&e, f);
	put_u16(&e, 0);
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_close)
{
	struct ev e;

	if (!ev_begin_fixed(&e, 2, SK_HDR_LEN + 2 * 2 + 8 + 8))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	ev_submit_fixed(&e);
	return 0;
}

/* res, path(a0) */
HANDLER(sk_h_path1)
{
	struct ev e;

	if (!ev_begin(&e, 0, 2))
		return 0;
	put_s64(&e, ret);
	put_ustr(&e, (void *)A0(regs));
	ev_submit(&e);
	return 0;
}

/* res, path(a0), path(a1): rename, link, symlink */
HANDLER(sk_h_path2)
{
	struct ev e;

	if (!ev_begin(&e, 0, 3))
		return 0;
	put_s64(&e, ret);
	put_ustr(&e, (void *)A0(regs));
	put_ustr(&e, (void *)A1(regs));
	ev_submit(&e);
	return 0;
}

/* res, fd: fchdir and dup share the layout */
HANDLER(sk_h_fd1)
{
	struct ev e;

	if (!ev_begin(&e, 0, 2))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	ev_submit(&e);
	return 0;
}

/* res, path, mode or flags: mkdir, umount2 and memfd_create share the layout */
HANDLER(sk_h_path_u32)
{
	struct ev e;

	if (!ev_begin(&e, 0, 3))
		return 0;
	put_s64(&e, ret);
	put_ustr(&e, (void *)A0(regs));
	put_u32(&e, (__u32)A1(regs));
	ev_submit(&e);
	return 0;
}

/* res, dirfd, path, mode or flags: mkdirat and unlinkat share the layout */
HANDLER(sk_h_at_path)
{
	struct ev e;

	if (!ev_begin(&e, 0, 4))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	put_ustr(&e, (void *)A1(regs));
	put_u32(&e, (__u32)A2(regs));
	ev_submit(&e);
	return 0;
}

/* renameat (5 params), renameat2 and linkat (6: + flags) */
HANDLER(sk_h_renameat)
{
	struct ev e;
	__u32 n;

	if (!ev_begin(&e, 0, 6))
		return 0;
	n = e.st->evt == SKE_RENAMEAT_X ? 5 : 6;
	e.nparams = n;
	e.off = SK_HDR_LEN + 2 * n;
	*(__u16 *)(e.b + 22) = (__u16)n;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	put_ustr(&e, (void *)A1(regs));
	put_s64(&e, (__s32)A2(regs));
	put_ustr(&e, (void *)A3(regs));
	if (n == 6)
		put_u32(&e, (__u32)A4(regs));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_symlinkat)
{
	struct ev e;

	if (!ev_begin(&e, 0, 4))
		return 0;
	put_s64(&e, ret);
	put_ustr(&e, (void *)A0(regs));
	put_s64(&e, (__s32)A1(regs));
	put_ustr(&e, (void *)A2(regs));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_chmod)
{
	struct ev e;

	if (!ev_begin(&e, 0, 3))
		return 0;
	put_s64(&e, ret);
	put_ustr(&e, (void *)A0(regs));
	put_u32(&e, (__u32)A1(regs) & 07777);
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_fchmod)
{
	struct ev e;

	if (!ev_begin(&e, 0, 3))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	put_u32(&e, (__u32)A1(regs) & 07777);
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_fchmodat)
{
	struct ev e;

	if (!ev_begin(&e, 0, 4))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	put_ustr(&e, (void *)A1(regs));
	put_u32(&e, (__u32)A2(regs) & 07777);
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_mount)
{
	struct ev e;
	__u32 flags = (__u32)A3(regs);

	if ((flags & 0xffff0000u) == 0xC0ED0000u) /* MS_MGC_VAL magic */
		flags &= 0xffffu;
	if (!ev_begin(&e, 0, 5))
		return 0;
	put_s64(&e, ret);
	put_ustr(&e, (void *)A0(regs));
	put_ustr(&e, (void *)A1(regs));
	put_ustr(&e, (void *)A2(regs));
	put_u32(&e, flags);
	ev_submit(&e);
	return 0;
}

/* ---- fds ---------------------------------------------------------------- */

HANDLER(sk_h_dup2)
{
	struct ev e;

	if (!ev_begin(&e, 0, 3))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	put_s64(&e, (__s32)A1(regs));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_dup3)
{
	struct ev e;

	if (!ev_begin(&e, 0, 4))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	put_s64(&e, (__s32)A1(regs));
	put_u32(&e, sk_open_flags_to_ppm(A2(regs)) & (1u << 12));
	ev_submit(&e);
	return 0;
}

/* pipe (4 params) and pipe2 (5: + flags) */
HANDLER(sk_h_pipe)
{
	int fds[2] = {-1, -1};
	struct ev e;
	__u32 n;

	bpf_probe_read_user(fds, sizeof(fds), (void *)A0(regs));
	if (!ev_begin(&e, 0, 5))
		return 0;
	n = e.st->evt == SKE_PIPE_X ? 4 : 5;
	e.nparams = n;
	e.off = SK_HDR_LEN + 2 * n;
	*(__u16 *)(e.b + 22) = (__u16)n;
	put_s64(&e, ret);
	put_s64(&e, ret < 0 ? -1 : fds[0]);
	put_s64(&e, ret < 0 ? -1 : fds[1]);
	{
		struct file *f = ret < 0 ? NULL : sk_fd_file(fds[0]);

		put_u64(&e, f ? BPF_CORE_READ(f, f_inode, i_ino) : 0);
	}
	if (n == 5)
		put_u32(&e, sk_open_flags_to_ppm(A1(regs)) & ~3u);
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_userfaultfd)
{
	struct ev e;

	if (!ev_begin(&e, 0, 2))
		return 0;
	put_s64(&e, ret);
	put_u32(&e, sk_open_flags_to_ppm(A0(regs)) & ~3u);
	ev_submit(&e);
	return 0;
}

#include "sk_net.bpf.h"
#include "sk_proc.bpf.h"
#include "sk_args.bpf.h"
#include "sk_io.bpf.h"
#include "sk_misc.bpf.h"
