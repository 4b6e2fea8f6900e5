/*
 * sk_net.bpf.h - socket syscall handlers. Included once, by saker.bpf.c.
 */
#ifndef SK_NET_BPF_H
#define SK_NET_BPF_H

HANDLER(sk_h_socket)
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

HANDLER(sk_h_socketpair)
{
	int fds[2] = {-1, -1};
	struct ev e;
	__u64 src = 0, peer = 0;

	bpf_probe_read_user(fds, sizeof(fds), (void *)A3(regs));
	if (ret >= 0) {
		struct file *f = sk_fd_file(fds[0]);
		struct socket *s = f ? BPF_CORE_READ(f, private_data) : NULL;
		struct sock *sk = s ? BPF_CORE_READ(s, sk) : NULL;

		src = (__u64)sk;
		if (sk)
			peer = (__u64)BPF_CORE_READ((struct unix_sock *)sk, peer);
	}
	if (!ev_begin(&e, 0, 8))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, ret < 0 ? -1 : fds[0]);
	put_s64(&e, ret < 0 ? -1 : fds[1]);
	put_u64(&e, src);
	put_u64(&e, peer);
	put_u32(&e, (__u32)A0(regs));
	put_u32(&e, (__u32)A1(regs));
	put_u32(&e, (__u32)A2(regs));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_connect)
{
	struct ev e;
	__s64 fd = (__s32)A0(regs);

	if (!ev_begin(&e, 0, 4))
		return 0;
	put_s64(&e, ret);
	if (ret == 0 || ret == -115 /* EINPROGRESS */)
		put_tuple_fd(&e, fd, 0);
	else
		put_empty(&e);
	put_s64(&e, fd);
	put_usockaddr(&e, (void *)A1(regs), (__s64)A2(regs));
	ev_submit(&e);
	return 0;
}

/* accept (5 params) and accept4 (6: + flags) */
HANDLER(sk_h_accept)
{
	__u32 qlen = 0, qmax = 0;
	struct ev e;
	__u32 n;
	__u8 pct = 0;

	{
		struct file *lf = sk_fd_file((__s32)A0(regs));
		struct socket *ls = lf ? BPF_CORE_READ(lf, private_data) : NULL;
		struct sock *lsk = ls ? BPF_CORE_READ(ls, sk) : NULL;

		if (lsk) {
			qlen = BPF_CORE_READ(lsk, sk_ack_backlog);
			qmax = BPF_CORE_READ(lsk, sk_max_ack_backlog);
			if (qmax)
				pct = (__u8)((qlen * 100) / qmax);
		}
	}
	if (!ev_begin(&e, 0, 6))
		return 0;
	n = e.st->evt == SKE_ACCEPT_5_X ? 5 : 6;
	e.nparams = n;
	e.off = SK_HDR_LEN + 2 * n;
	*(__u16 *)(e.b + 22) = (__u16)n;
	put_s64(&e, ret);
	if (ret >= 0)
		put_tuple_fd(&e, ret, 1);
	else
		put_empty(&e);
	put_u8(&e, pct);
	put_u32(&e, qlen);
	put_u32(&e, qmax);
	if (n == 6)
		put_u32(&e, (__u32)A3(regs));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_bind)
{
	struct ev e;

	if (!ev_begin(&e, 0, 3))
		return 0;
	put_s64(&e, ret);
	put_usockaddr(&e, (void *)A1(regs), (__s64)A2(regs));
	put_s64(&e, (__s32)A0(regs));
	ev_submit(&e);
	return 0;
}

HANDLER(sk_h_listen)
{
	struct ev e;

	if (!ev_begin(&e, 0, 3))
		return 0;
	put_s64(&e, ret);
	put_s64(&e, (__s32)A0(regs));
	put_u32(&e, (__u32)A1(regs));
	ev_submit(&e);
	return 0;
}

/* res, data, fd, size, tuple */
HANDLER(sk_h_sendto)
{
	__s64 fd = (__s32)A0(regs);
	struct ev e;

	if (!ev_begin(&e, 0, 5))
		return 0;
	put_s64(&e, ret);
	put_ubuf(&e, (void *)A1(regs), ret > 0 ? ret : 0);
	put_s64(&e, fd);
	put_u32(&e, (__u32)A2(regs));
	if (ret >= 0)
		put_tuple_fd(&e, fd, 0);
	else
		put_empty(&e);
	ev_submit(&e);
	return 0;
}

/* res, data, tuple, fd, size */
HANDLER(sk_h_recvfrom)
{
	__s64 fd = (__s32)A0(regs);
	struct ev e;

	if (!ev_begin(&e, 0, 5))
		return 0;
	put_s64(&e, ret);
	put_ubuf(&e, (void *)A1(regs), ret > 0 ? ret : 0);
	if (ret >= 0)
		put_tuple_fd(&e, fd, 1);
	else
		put_empty(&e);
	put_s64(&e, fd);
	put_u32(&e, (__u32)A2(regs));
	ev_submit(&e);
	return 0;
}

struct sk_umsghdr {
	void *name;
	int namelen;
	void *iov;
	__u64 iovlen;
	void *control;
	__u64 controllen;
	unsigned int flags;
};

struct sk_uiovec {
	void *base;
	__u64 len;
};

/* res, data, fd, size, tuple */
HANDLER(sk_h_sendmsg)
{
	__s64 fd = (__s32)A0(regs);
	struct sk_umsghdr mh = {};
	struct sk_uiovec iov = {};
	struct ev e;

	bpf_probe_read_user(&mh, sizeof(mh), (void *)A1(regs));
	if (mh.iov && mh.iovlen)
		bpf_probe_read_user(&iov, sizeof(iov), mh.iov);
	if (!ev_begin(&e, 0, 5))
		return 0;
	put_s64(&e, ret);
	put_ubuf(&e, iov.base, ret > 0 ? (ret < (__s64)iov.len ? ret : (__s64)iov.len) : 0);
	put_s64(&e, fd);
	put_u32(&e, (__u32)iov.len);
	if (ret >= 0)
		put_tuple_fd(&e, fd, 0);
	else
		put_empty(&e);
	ev_submit(&e);
	return 0;
}

/* res, size, data, tuple, msgcontrol, fd */
HANDLER(sk_h_recvmsg)
{
	__s64 fd = (__s32)A0(regs);
	struct sk_umsghdr mh = {};
	struct sk_uiovec iov = {};
	struct ev e;

	bpf_probe_read_user(&mh, sizeof(mh), (void *)A1(regs));
	if (mh.iov && mh.iovlen)
		bpf_probe_read_user(&iov, sizeof(iov), mh.iov);
	if (!ev_begin(&e, 0, 6))
		return 0;
	put_s64(&e, ret);
	put_u32(&e, ret > 0 ? (__u32)ret : 0);
	put_ubuf(&e, iov.base, ret > 0 ? (ret < (__s64)iov.len ? ret : (__s64)iov.len) : 0);
	if (ret >= 0)
		put_tuple_fd(&e, fd, 1);
	else
		put_empty(&e);
	put_empty(&e);
	put_s64(&e, fd);
	ev_submit(&e);
	return 0;
}

#endif /* SK_NET_BPF_H */
