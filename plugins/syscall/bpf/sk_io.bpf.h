/*
 * sk_io.bpf.h - vectored I/O exit handlers: readv, writev, preadv, pwritev,
 * process_vm_readv, process_vm_writev. Included once, by saker.bpf.c, after
 * sk_net.bpf.h (struct sk_uiovec).
 *
 * The iovec array is walked with bpf_loop (at most UIO_MAXIOV entries):
 * "size" is the sum of the iov_len fields, "data" the first snaplen bytes
 * the syscall moved, gathered across the buffers in order.
 */
#ifndef SK_IO_BPF_H
#define SK_IO_BPF_H

#define SK_UIO_MAXIOV 1024

struct sk_iov_ctx {
	struct ev e;
	__u64 iov;
	__u64 cnt;
	__u64 size;
	__u32 data_off;
	__u32 copied;
	__u32 want;
};

static long sk_iov_step(__u32 i, void *ctx)
{
	struct sk_iov_ctx *c = ctx;
	struct sk_uiovec v = {};
	__u32 n, o;

	if (i >= c->cnt)
		return 1;
	if (bpf_probe_read_user(&v, sizeof(v), (void *)(c->iov + (__u64)i * sizeof(v))))
		return 1;
	c->size += v.len;
	if (c->copied < c->want) {
		n = c->want - c->copied;
		if (v.len < n)
			n = (__u32)v.len;
		o = (c->data_off + c->copied) & SK_OFF_MASK;
		n &= SK_STR_MAX - 1;
		if (n && !bpf_probe_read_user(c->e.b + o, n, v.base))
			c->copied += n;
		else
			c->want = c->copied;
	}
	return 0;
}

/* Walks the iovecs into the data parameter being written (the next one). */
static __always_inline void sk_iov_data(struct sk_iov_ctx *c, __u64 iov, __u64 cnt, long valid)
{
	c->iov = iov;
	c->cnt = cnt > SK_UIO_MAXIOV ? SK_UIO_MAXIOV : cnt;
	c->size = 0;
	c->copied = 0;
	c->data_off = c->e.off;
	c->want = valid > 0 ? (valid > sk_snaplen ? sk_snaplen : (__u32)valid) : 0;
	if (!iov || c->e.off >= SK_EVT_MAX) {
		c->cnt = 0;
		c->want = 0;
	}
	bpf_loop(SK_UIO_MAXIOV, sk_iov_step, c, 0);
	ev_len(&c->e, c->copied);
}

HANDLER(sk_h_iov)
{
	struct sk_iov_ctx c = {};
	__u32 size_off = 0;
	__u16 evt;
	int rd, pvm;

	if (!ev_begin(&c.e, 0, 5))
		return 0;
	evt = c.e.st->evt;
	pvm = evt == SKE_PROCESS_VM_READV_X || evt == SKE_PROCESS_VM_WRITEV_X;
	rd = evt == SKE_READV_X || evt == SKE_PREADV_X || evt == SKE_PROCESS_VM_READV_X;
	c.e.nparams = pvm ? 3 : (evt == SKE_READV_X || evt == SKE_WRITEV_X) ? 4 : 5;
	c.e.off = SK_HDR_LEN + 2 * c.e.nparams;
	*(__u16 *)(c.e.b + 22) = (__u16)c.e.nparams;
	put_s64(&c.e, ret);
	if (pvm) {
		put_s64(&c.e, (__s32)A0(regs));
		/* the local side: what was read into it, or written from it */
		sk_iov_data(&c, A1(regs), A2(regs), ret);
		ev_submit(&c.e);
		return 0;
	}
	if (rd) {
		size_off = c.e.off;
		put_u32(&c.e, 0);
	}
	/* the write side shows the data offered even when the call failed */
	sk_iov_data(&c, A1(regs), A2(regs), rd ? ret : (ret > 0 ? ret : sk_snaplen));
	if (rd)
		*(__u32 *)(c.e.b + (size_off & SK_OFF_MASK)) = (__u32)c.size;
	put_s64(&c.e, (__s32)A0(regs));
	if (!rd)
		put_u32(&c.e, (__u32)c.size);
	if (evt == SKE_PREADV_X || evt == SKE_PWRITEV_X)
		put_u64(&c.e, A3(regs));
	ev_submit(&c.e);
	return 0;
}

#endif /* SK_IO_BPF_H */
