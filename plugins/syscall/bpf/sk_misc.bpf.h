/*
 * sk_misc.bpf.h - exit handlers whose parameters depend on more than the
 * argument registers: capset (the credentials after the call) and prctl
 * (arg2 read as a string or an int by option). Included once, by
 * saker.bpf.c.
 */
#ifndef SK_MISC_BPF_H
#define SK_MISC_BPF_H

#define SK_PR_SET_NAME 15
#define SK_PR_GET_NAME 16
#define SK_PR_GET_CHILD_SUBREAPER 37

/* res, cap_inheritable, cap_permitted, cap_effective (as set) */
HANDLER(sk_h_capset)
{
	struct task_struct *t = bpf_get_current_task_btf();
	const struct cred *cr = t->cred;
	struct ev e;

	if (!ev_begin(&e, 0, 4))
		return 0;
	put_s64(&e, ret);
	put_u64(&e, cr->cap_inheritable.val);
	put_u64(&e, cr->cap_permitted.val);
	put_u64(&e, cr->cap_effective.val);
	ev_submit(&e);
	return 0;
}

/* res, option, arg2_str (PR_SET_NAME / PR_GET_NAME), arg2_int */
HANDLER(sk_h_prctl)
{
	__u64 opt = A0(regs), a2 = A1(regs);
	__s64 ival = 0;
	int is_name = opt == SK_PR_SET_NAME || opt == SK_PR_GET_NAME;
	struct ev e;

	if (opt == SK_PR_GET_CHILD_SUBREAPER) {
		__s32 v = 0;

		if (ret == 0 && a2)
			bpf_probe_read_user(&v, sizeof(v), (void *)a2);
		ival = v;
	} else if (!is_name) {
		ival = (__s64)a2;
	}
	if (!ev_begin(&e, 0, 4))
		return 0;
	put_s64(&e, ret);
	put_u32(&e, (__u32)opt);
	if (is_name && (opt == SK_PR_SET_NAME || ret == 0))
		put_ustr(&e, (void *)a2);
	else
		put_empty(&e);
	put_s64(&e, ival);
	ev_submit(&e);
	return 0;
}

#endif /* SK_MISC_BPF_H */
