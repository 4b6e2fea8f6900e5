/*
 * sk_proc.bpf.h - process lifecycle (clone family, execve/execveat,
 * procexit) and credential/namespace handlers. Included once, by
 * saker.bpf.c.
 */
#ifndef SK_PROC_BPF_H
#define SK_PROC_BPF_H

#define SK_SC_EXECVE 59
#define SK_SC_EXECVEAT 322
#define SK_SC_CLONE 56
#define SK_SC_CLONE3 435
#define SK_SC_VFORK 58
#define SK_SC_PROCEXIT (SK_MAX_SYSCALLS - 1) /* table slot for procexit */

/* Raw user bytes [p, p+len) capped at max, as one param. */
static __always_inline void put_ublock(struct ev *e, unsigned long p, long len)
{
	__u32 o = e->off & SK_OFF_MASK;
	__u32 n;

	if (!p || len <= 0 || e->off >= SK_EVT_MAX) {
		put_empty(e);
		return;
	}
	n = len > SK_ARGS_MAX - 1 ? SK_ARGS_MAX - 1 : (__u32)len;
	n &= SK_ARGS_MAX - 1;
	if (bpf_probe_read_user(e->b + o, n, (void *)p)) {
		put_empty(e);
		return;
	}
	ev_len(e, n);
}

/* exe (argv[0]) and args (argv[1..], NUL-separated) from the task's mm. */
static __always_inline void put_exe_args(struct ev *e, struct mm_struct *mm)
{
	unsigned long as = 0, ae = 0;
	long n0;
	__u32 o = e->off & SK_OFF_MASK;

	if (mm) {
		as = mm->arg_start;
		ae = mm->arg_end;
	}
	if (!as || ae <= as || e->off >= SK_EVT_MAX) {
		put_empty(e);
		put_empty(e);
		return;
	}
	n0 = bpf_probe_read_user_str(e->b + o, SK_STR_MAX, (void *)as);
	if (n0 <= 0) {
		put_empty(e);
		put_empty(e);
		return;
	}
	ev_len(e, (__u32)n0);
	put_ublock(e, as + n0, (long)(ae - as) - n0);
}

static __always_inline __u64 sk_rss_pages(struct mm_struct *mm, int i)
{
	__s64 v = mm->rss_stat[i & 3].count;

	return v > 0 ? (__u64)v : 0;
}

/* fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap, comm */
static __always_inline void put_task_mem(struct ev *e, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	put_u64(e, t->signal->rlim[7].rlim_cur); /* RLIMIT_NOFILE */
	put_u64(e, t->maj_flt);
	put_u64(e, t->min_flt);
	if (mm) {
		put_u32(e, (__u32)(mm->total_vm << 2));
		put_u32(e, (__u32)((sk_rss_pages(mm, 0) + sk_rss_pages(mm, 1) + sk_rss_pages(mm, 3)) << 2));
		put_u32(e, (__u32)(sk_rss_pages(mm, 2) << 2));
	} else {
		put_u32(e, 0);
		put_u32(e, 0);
		put_u32(e, 0);
	}
	put_kstr(e, t->comm, 16);
}

static __always_inline __s64 sk_pid_nr0(struct pid *p)
{
	return p ? p->numbers[0].nr : 0;
}

static __always_inline __u64 sk_pidns_start(struct task_struct *t)
{
	struct pid *p = t->thread_pid;
	struct upid up = {};
	struct pid_namespace *ns;
	struct task_struct *reaper;

	if (!p)
		return 0;
	bpf_probe_read_kernel(&up, sizeof(up), &p->numbers[p->level & 31]);
	ns = up.ns;
	if (!ns)
		return 0;
	reaper = BPF_CORE_READ(ns, child_reaper);
	return reaper ? BPF_CORE_READ(reaper, start_time) : 0;
}

HANDLER(sk_h_clone)
{
	struct task_struct *t = bpf_get_current_task_btf();
	__u64 flags = 0;
	struct ev e;
	__u32 nr = (__u32)regs->orig_ax;
	__u32 pflags;

	if (nr == SK_SC_CLONE)
		flags = A0(regs);
	else if (nr == SK_SC_CLONE3)
		bpf_probe_read_user(&flags, sizeof(flags), (void *)A0(regs));
	else if (nr == SK_SC_VFORK)
		flags = 0x100 | 0x4000;
	pflags = sk_clone_flags_to_ppm(flags);
	if (t->thread_pid && t->thread_pid->level > 0)
		pflags |= SK_PPM_CL_CHILD_IN_PIDNS;
	if (!ev_begin(&e, 0, 21))
		return 0;
	put_s64(&e, ret);
	put_exe_args(&e, t->mm);
	put_s64(&e, t->pid);
	put_s64(&e, t->tgid);
	put_s64(&e, t->real_parent->pid);
	put_kpath(&e, &t->fs->pwd);
	put_task_mem(&e, t);
	put_cgroups(&e, t);
	put_u32(&e, pflags);
	put_u32(&e, t->cred->euid.val);
	put_u32(&e, t->cred->egid.val);
	put_s64(&e, sk_task_vpid_of(t->thread_pid));
	put_s64(&e, sk_task_vpid_of(t->group_leader->thread_pid));
	put_u64(&e, sk_pidns_start(t));
	ev_submit(&e);
	return 0;
}

/* Older kernels keep inode times as timespec64 (renamed to __i_ctime in
 * 6.6, split into _sec/_nsec in 6.11): CO-RE picks what exists. */
struct inode___ts_old {
	struct timespec64 i_ctime;
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));

struct inode___ts_mid {
	struct timespec64 __i_ctime;
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));

static __always_inline __u64 sk_inode_ctime(struct inode *in)
{
	if (!in)
		return 0;
	if (bpf_core_field_exists(in->i_ctime_sec))
		/* multigrain timestamps keep a flag in the top bit of the nsec field */
		return (__u64)BPF_CORE_READ(in, i_ctime_sec) * 1000000000ull +
		       (BPF_CORE_READ(in, i_ctime_nsec) & 0x3fffffffu);
	if (bpf_core_field_exists(((struct inode___ts_mid *)in)->__i_ctime)) {
		struct timespec64 ts = BPF_CORE_READ((struct inode___ts_mid *)in, __i_ctime);

		return (__u64)ts.tv_sec * 1000000000ull + ts.tv_nsec;
	} else {
		struct timespec64 ts = BPF_CORE_READ((struct inode___ts_old *)in, i_ctime);

		return (__u64)ts.tv_sec * 1000000000ull + ts.tv_nsec;
	}
}

static __always_inline __u64 sk_inode_mtime(struct inode *in)
{
	if (!in)
		return 0;
	if (bpf_core_field_exists(in->i_mtime_sec))
		return (__u64)BPF_CORE_READ(in, i_mtime_sec) * 1000000000ull +
		       (BPF_CORE_READ(in, i_mtime_nsec) & 0x3fffffffu);
	{
		struct timespec64 ts = BPF_CORE_READ((struct inode___ts_old *)in, i_mtime);

		return (__u64)ts.tv_sec * 1000000000ull + ts.tv_nsec;
	}
}

static __always_inline __u32 sk_tty_of(struct task_struct *t)
{
	struct tty_struct *tty = t->signal->tty;
	__u32 major, minor;

	if (!tty)
		return 0;
	major = BPF_CORE_READ(tty, driver, major);
	minor = BPF_CORE_READ(tty, driver, minor_start) + BPF_CORE_READ(tty, index);
	return sk_encode_dev((major << 20) | minor);
}

static __always_inline __u32 sk_exe_flags(struct file *exe, __u32 euid)
{
	__u32 fl = 0;
	char name[8] = {};
	struct inode *in;
	__u16 mode;

	if (!exe)
		return 0;
	bpf_probe_read_kernel_str(name, sizeof(name), exe->f_path.dentry->d_name.name);
	if (name[0] == 'm' && name[1] == 'e' && name[2] == 'm' && name[3] == 'f' &&
	    name[4] == 'd' && name[5] == ':')
		fl |= SK_PPM_EXE_FROM_MEMFD;
	in = exe->f_inode;
	mode = in->i_mode;
	if ((mode & 0002) || (euid == 0 && (mode & 0222)) ||
	    ((mode & 0200) && in->i_uid.val == euid))
		fl |= SK_PPM_EXE_WRITABLE;
	return fl;
}

static __always_inline struct file *sk_exe_of(struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	return mm ? mm->exe_file : NULL;
}

/* The execve/execveat exit event from the current task. success: the new
 * image is in place (sched_process_exec); filename is a kernel string then,
 * else a user pointer. Task pointers that may be NULL are read again where
 * they are used rather than kept across the path walks: a NULL-or-not
 * pointer alive there doubles the states the verifier explores. */
static __always_inline void sk_emit_exec(struct ev *e, struct task_struct *t, __s64 res,
					 const void *filename, int kfilename, __u32 nparams)
{
	put_s64(e, res);
	put_exe_args(e, t->mm);
	put_s64(e, t->pid);
	put_s64(e, t->tgid);
	put_s64(e, t->real_parent->pid);
	put_kpath(e, &t->fs->pwd);
	put_task_mem(e, t);
	put_cgroups(e, t);
	{
		struct mm_struct *mm = t->mm;

		if (mm)
			put_ublock(e, mm->env_start, (long)(mm->env_end - mm->env_start));
		else
			put_empty(e);
	}
	put_u32(e, sk_tty_of(t));
	put_s64(e, sk_task_vpid_of(t->signal->pids[2])); /* PIDTYPE_PGID */
	put_u32(e, bpf_core_field_exists(t->loginuid) ? BPF_CORE_READ(t, loginuid.val) : 0xffffffffu);
	{
		struct file *exe = sk_exe_of(t);
		struct inode *in = exe ? exe->f_inode : NULL;
		const struct cred *cr = t->cred;

		put_u32(e, sk_exe_flags(exe, cr->euid.val));
		put_u64(e, cr->cap_inheritable.val);
		put_u64(e, cr->cap_permitted.val);
		put_u64(e, cr->cap_effective.val);
		put_u64(e, in ? in->i_ino : 0);
		put_u64(e, sk_inode_ctime(in));
		put_u64(e, sk_inode_mtime(in));
		put_u32(e, cr->euid.val);
	}
	{
		struct file *exe = sk_exe_of(t);

		if (exe)
			put_kpath(e, &exe->f_path);
		else
			put_empty(e);
	}
	put_s64(e, sk_pid_nr0(t->signal->pids[2]));
	put_u32(e, t->cred->egid.val);
	if (nparams == 31) {
		if (kfilename)
			put_kstr(e, filename, SK_STR_MAX - 1);
		else
			put_ustr(e, filename);
	}
}

/* Failed execve/execveat (the image did not change). */
HANDLER(sk_h_exec_fail)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct ev e;
	int at;

	if (ret >= 0) { /* success is emitted from sched_process_exec */
		struct sk_state *st = sk_state_get();

		if (st)
			st->busy = 0;
		return 0;
	}
	if (!ev_begin(&e, 0, 31))
		return 0;
	at = e.st->evt == SKE_EXECVEAT_X;
	if (at) {
		e.nparams = 30;
		e.off = SK_HDR_LEN + 2 * 30;
		*(__u16 *)(e.b + 22) = 30;
	}
	sk_emit_exec(&e, t, ret, (void *)A0(regs), 0, at ? 30 : 31);
	ev_submit(&e);
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(sk_sched_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(t);
	struct sk_sc_entry *sc;
	struct sk_state *st;
	struct ev e;
	__u32 nr = SK_SC_EXECVE, n = 31;

	if (regs && BPF_CORE_READ(regs, orig_ax) == SK_SC_EXECVEAT) {
		nr = SK_SC_EXECVEAT;
		n = 30;
	}
	sc = bpf_map_lookup_elem(&sk_sc_table, &nr);
	if (!sc || !sc->enabled)
		return 0;
	if (sk_ignored(bpf_get_current_pid_tgid() >> 32))
		return 0;
	st = sk_state_get();
	if (!st || st->busy) {
		sk_count_drop(1);
		return 0;
	}
	if (!ev_begin(&e, nr == SK_SC_EXECVEAT ? SKE_EXECVEAT_X : SKE_EXECVE_19_X, n))
		return 0;
	sk_emit_exec(&e, t, 0, BPF_CORE_READ(bprm, filename), 1, n);
	ev_submit(&e);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sk_sched_exit, struct task_struct *p)
{
	__u32 nr = SK_SC_PROCEXIT;
	struct sk_sc_entry *sc = bpf_map_lookup_elem(&sk_sc_table, &nr);
	struct task_struct *t = bpf_get_current_task_btf();
	struct sk_state *st;
	struct ev e;
	int code;

	if (!sc || !sc->enabled)
		return 0;
	if (sk_ignored(bpf_get_current_pid_tgid() >> 32))
		return 0;
	st = sk_state_get();
	if (!st || st->busy) {
		sk_count_drop(1);
		return 0;
	}
	code = t->exit_code;
	if (!ev_begin(&e, SKE_PROCEXIT_1_E, 5))
		return 0;
	put_s64(&e, code);
	put_s64(&e, (code >> 8) & 0xff);
	put_u8(&e, code & 0x7f);
	put_u8(&e, (code & 0x80) ? 1 : 0);
	put_s64(&e, 0);
	ev_submit(&e);
	return 0;
}

/* res, id: setuid/setgid */
HANDLER(sk_h_id1)
{
	struct ev e;

	if (!ev_begin(&e, 0, 2))
		return 0;
	put_s64(&e, ret);
	put_u32(&e, (__u32)A0(regs));
	ev_submit(&e);
	return 0;
}

/* res, r, e, s: setresuid/setresgid */
HANDLER(sk_h_id3)
{
	struct ev e;

	if (!ev_begin(&e, 0, 4))
		return 0;
	put_s64(&e, ret);
	put_u32(&e, (__u32)A0(regs));
	put_u32(&e, (__u32)A1(regs));
	put_u32(&e, (__u32)A2(regs));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_ptrace)
{
	struct ev e;

	if (!ev_begin(&e, 0, 5))
		return 0;
	put_s64(&e, ret);
	put_dyn_u64(&e, A2(regs));
	put_dyn_u64(&e, A3(regs));
	put_u16(&e, sk_ptrace_req_to_ppm(A0(regs)));
	put_s64(&e, (__s32)A1(regs));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_setns)
{
	struct ev e;

	if (!ev_begin(&e, 0, 3))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	put_u32(&e, sk_clone_flags_to_ppm(A1(regs)));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_unshare)
{
	struct ev e;

	if (!ev_begin(&e, 0, 2))
		return 0;
	put_s64(&e, ret);
	put_u32(&e, sk_clone_flags_to_ppm(A0(regs)));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_bpf)
{
	struct ev e;

	if (!ev_begin(&e, 0, 2))
		return 0;
	put_s64(&e, ret);
	put_u32(&e, (__u32)A0(regs));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_init_module)
{
	struct ev e;

	if (!ev_begin(&e, 0, 4))
		return 0;
	put_s64(&e, ret);
	put_ubuf(&e, (void *)A0(regs), (__s64)A1(regs));
	put_u64(&e, A1(regs));
	put_ustr(&e, (void *)A2(regs));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_finit_module)
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

#endif /* SK_PROC_BPF_H */
