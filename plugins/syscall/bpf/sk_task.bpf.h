/*
 * sk_task.bpf.h - reading kernel state for event parameters: files from
 * fds, paths (a d_path approximation walking dentries and mounts), cgroup
 * paths, sockets and user sockaddrs. Included once, by saker.bpf.c.
 */
#ifndef SK_TASK_BPF_H
#define SK_TASK_BPF_H

#define SK_AF_UNIX 1
#define SK_AF_INET 2
#define SK_AF_INET6 10
#define SK_FMODE_CREATED 0x100000u

extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym;

struct kernfs_node___old {
	struct kernfs_node *parent;
} __attribute__((preserve_access_index));

static __always_inline struct file *sk_fd_file(__s64 fd)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct fdtable *fdt;
	struct file **fds;
	struct file *f = NULL;

	if (fd < 0)
		return NULL;
	fdt = t->files->fdt;
	if (!fdt || fd >= fdt->max_fds)
		return NULL;
	fds = fdt->fd;
	bpf_probe_read_kernel(&f, sizeof(f), (void *)((unsigned long)fds + fd * sizeof(void *)));
	if (!f)
		return NULL;
	/* a BTF pointer again: fields load directly instead of through helpers */
	return bpf_rdonly_cast(f, bpf_core_type_id_kernel(struct file));
}

static __always_inline __u32 sk_encode_dev(__u32 kdev)
{
	__u32 major = kdev >> 20, minor = kdev & 0xfffff;

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

/* dev (uint32) and ino (uint64) of a file (NULL: zeros). */
static __always_inline void put_file_dev_ino(struct ev *e, struct file *f)
{
	__u32 dev = 0;
	__u64 ino = 0;

	if (f) {
		struct inode *in = f->f_inode;

		ino = in->i_ino;
		dev = sk_encode_dev(in->i_sb->s_dev);
	}
	put_u32(e, dev);
	put_u64(e, ino);
}

static __always_inline __u32 sk_file_created(struct file *f)
{
	if (f && (f->f_mode & SK_FMODE_CREATED))
		return SK_PPM_O_F_CREATED;
	return 0;
}

struct sk_walk {
	__u8 *tmp;
	struct mount *mnt;
	struct dentry *d;
	struct dentry *mnt_root;
	struct kernfs_node *kn;
};

/* The write position lives in map memory, not on the stack: the verifier
 * then does not track its exact range and the loop's states converge. */
static __always_inline __u32 *sk_walk_pos(struct sk_walk *w)
{
	return (__u32 *)(w->tmp - 8);
}

/* One path component per call (bpf_loop keeps verification linear). */
static long sk_path_step(__u32 i, void *ctx)
{
	struct sk_walk *w = ctx;
	struct dentry *parent, *d = w->d;
	const unsigned char *name;
	__u32 len, pos = *sk_walk_pos(w);

	if (!d)
		return 1;
	if (d == w->mnt_root) {
		struct mount *m = w->mnt;
		struct mount *pm = BPF_CORE_READ(m, mnt_parent);

		if (!pm || pm == m)
			return 1;
		w->d = BPF_CORE_READ(m, mnt_mountpoint);
		w->mnt = pm;
		w->mnt_root = BPF_CORE_READ(pm, mnt.mnt_root);
		return 0;
	}
	parent = BPF_CORE_READ(d, d_parent);
	len = BPF_CORE_READ(d, d_name.len) & 255;
	name = BPF_CORE_READ(d, d_name.name);
	if (!parent || parent == d) {
		/* a pseudo file (memfd, anon inode) is its own root: d_path
		 * shows "/<name> (deleted)" for it once unlinked */
		if (i != 0 || pos != SK_TMP_SIZE - 1 || !len)
			return 1;
		if (BPF_CORE_READ(d, d_inode, __i_nlink) == 0) {
			pos -= 10;
			__builtin_memcpy(w->tmp + (pos & SK_TMP_MASK), " (deleted)", 10);
		}
		parent = d;
	}
	if (pos < len + 1 || pos >= SK_TMP_SIZE)
		return 1;
	pos -= len;
	bpf_probe_read_kernel(w->tmp + (pos & SK_TMP_MASK), len, name);
	pos -= 1;
	w->tmp[pos & SK_TMP_MASK] = '/';
	*sk_walk_pos(w) = pos;
	w->d = parent;
	return parent == d; /* a pseudo root ends the walk */
}

/* Writes the absolute path of (mnt, dentry) into the temp area, walking up
 * at most SK_PATH_DEPTH components (a d_path approximation); returns the
 * start position there (the path ends at SK_TMP_SIZE - 1 with a NUL). */
static __always_inline __u32 sk_walk_path(struct ev *e, struct vfsmount *vm, struct dentry *d)
{
	struct sk_walk w = {};
	__u32 pos;

	w.tmp = e->b + SK_TMP_BASE;
	/* walked as scalars: container_of on a BTF pointer is refused */
	w.mnt = (struct mount *)((unsigned long)vm - bpf_core_field_offset(struct mount, mnt));
	w.mnt_root = vm ? BPF_CORE_READ(vm, mnt_root) : NULL;
	w.d = d;
	*sk_walk_pos(&w) = SK_TMP_SIZE - 1;
	w.tmp[SK_TMP_SIZE - 1] = 0;
	bpf_loop(SK_PATH_DEPTH, sk_path_step, &w, 0);
	pos = *sk_walk_pos(&w);
	if (pos == SK_TMP_SIZE - 1) {
		pos -= 1;
		w.tmp[pos & SK_TMP_MASK] = '/';
	}
	return pos;
}

/* Copies the temp area from pos (NUL-terminated at its end) as a param. */
static __always_inline void put_tmp(struct ev *e, __u32 pos)
{
	__u32 o = e->off & SK_OFF_MASK;
	__u32 n = SK_TMP_SIZE - pos;

	if (pos >= SK_TMP_SIZE || e->off >= SK_EVT_MAX || n > SK_TMP_SIZE) {
		put_empty(e);
		return;
	}
	n &= SK_TMP_SIZE - 1;
	if (bpf_probe_read_kernel(e->b + o, n, e->b + SK_TMP_BASE + (pos & SK_TMP_MASK))) {
		put_empty(e);
		return;
	}
	ev_len(e, n);
}

static __always_inline void put_kpath(struct ev *e, const struct path *p)
{
	if (!p) {
		put_empty(e);
		return;
	}
	put_tmp(e, sk_walk_path(e, p->mnt, p->dentry));
}

static long sk_cg_step(__u32 i, void *ctx)
{
	struct sk_walk *w = ctx;
	struct kernfs_node *parent, *kn = w->kn;
	const char *name;
	__u32 pos = *sk_walk_pos(w);
	long n;

	if (!kn)
		return 1;
	if (bpf_core_field_exists(kn->__parent))
		parent = BPF_CORE_READ(kn, __parent);
	else
		parent = BPF_CORE_READ((struct kernfs_node___old *)kn, parent);
	if (!parent)
		return 1; /* the root's name is not part of the path */
	name = BPF_CORE_READ(kn, name);
	if (pos < 257 || pos >= SK_TMP_SIZE)
		return 1;
	/* measure into the free space below pos, then place it right before pos */
	n = bpf_probe_read_kernel_str(w->tmp + ((pos - 256) & SK_TMP_MASK), 256, name);
	if (n <= 1)
		return 1;
	pos -= (__u32)(n - 1);
	bpf_probe_read_kernel(w->tmp + (pos & SK_TMP_MASK), (n - 1) & 255, name);
	pos -= 1;
	w->tmp[pos & SK_TMP_MASK] = '/';
	*sk_walk_pos(w) = pos;
	w->kn = parent;
	return 0;
}

/* Unified (v2) cgroup path of the task into the temp area. */
static __always_inline __u32 sk_walk_cgroup(struct ev *e, struct task_struct *t)
{
	struct sk_walk w = {};
	__u32 pos;

	w.tmp = e->b + SK_TMP_BASE;
	w.kn = BPF_CORE_READ(t, cgroups, dfl_cgrp, kn);
	*sk_walk_pos(&w) = SK_TMP_SIZE - 1;
	w.tmp[SK_TMP_SIZE - 1] = 0;
	bpf_loop(SK_PATH_DEPTH, sk_cg_step, &w, 0);
	pos = *sk_walk_pos(&w);
	if (pos == SK_TMP_SIZE - 1) {
		pos -= 1;
		w.tmp[pos & SK_TMP_MASK] = '/';
	}
	return pos;
}

/* "cgroups" bytebuf: subsystem=path entries, each NUL-terminated. With the
 * unified hierarchy every controller shares the one path. */
static __always_inline void put_cgroups(struct ev *e, struct task_struct *t)
{
	static const char ctl[4][8] = {"cpuset=", "cpu=", "memory=", "pids="};
	static const __u32 ctl_len[4] = {7, 4, 7, 5};
	__u32 pos = sk_walk_cgroup(e, t);
	__u32 start = e->off, n = SK_TMP_SIZE - pos;
	int i;

	if (pos >= SK_TMP_SIZE || n > 1023 || e->off >= SK_EVT_MAX - 4200) {
		put_empty(e);
		return;
	}
	n &= 1023;
#pragma unroll
	for (i = 0; i < 4; i++) {
		__u32 o = e->off & SK_OFF_MASK;

		__builtin_memcpy(e->b + o, ctl[i], 8);
		e->off += ctl_len[i];
		o = e->off & SK_OFF_MASK;
		bpf_probe_read_kernel(e->b + o, n, e->b + SK_TMP_BASE + (pos & SK_TMP_MASK));
		e->off += n;
	}
	n = e->off - start;
	e->off = start;
	ev_len(e, n);
}

/* Socket tuple of the socket behind fd (PT_SOCKTUPLE). inbound: the peer is
 * the source (accept); otherwise the local end is (connect, sendto). */
static __always_inline void put_tuple_fd(struct ev *e, __s64 fd, int inbound)
{
	struct file *f = sk_fd_file(fd);
	__u32 o = e->off & SK_OFF_MASK;
	struct socket *sock;
	struct sock *sk;
	__u16 fam;

	if (!f) {
		put_empty(e);
		return;
	}
	sock = BPF_CORE_READ(f, private_data);
	sk = sock ? BPF_CORE_READ(sock, sk) : NULL;
	if (!sk) {
		put_empty(e);
		return;
	}
	fam = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (fam == SK_AF_INET) {
		__u32 la = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u32 ra = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		__u16 lp = BPF_CORE_READ(sk, __sk_common.skc_num);
		__u16 rp = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));

		e->b[o] = SK_AF_INET;
		if (inbound) {
			__builtin_memcpy(e->b + ((o + 1) & SK_OFF_MASK), &ra, 4);
			__builtin_memcpy(e->b + ((o + 5) & SK_OFF_MASK), &rp, 2);
			__builtin_memcpy(e->b + ((o + 7) & SK_OFF_MASK), &la, 4);
			__builtin_memcpy(e->b + ((o + 11) & SK_OFF_MASK), &lp, 2);
		} else {
			__builtin_memcpy(e->b + ((o + 1) & SK_OFF_MASK), &la, 4);
			__builtin_memcpy(e->b + ((o + 5) & SK_OFF_MASK), &lp, 2);
			__builtin_memcpy(e->b + ((o + 7) & SK_OFF_MASK), &ra, 4);
			__builtin_memcpy(e->b + ((o + 11) & SK_OFF_MASK), &rp, 2);
		}
		ev_len(e, 13);
	} else if (fam == SK_AF_INET6) {
		struct in6_addr la = BPF_CORE_READ(sk, __sk_common.skc_v6_rcv_saddr);
		struct in6_addr ra = BPF_CORE_READ(sk, __sk_common.skc_v6_daddr);
		__u16 lp = BPF_CORE_READ(sk, __sk_common.skc_num);
		__u16 rp = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));

		e->b[o] = SK_AF_INET6;
		if (inbound) {
			__builtin_memcpy(e->b + ((o + 1) & SK_OFF_MASK), &ra, 16);
			__builtin_memcpy(e->b + ((o + 17) & SK_OFF_MASK), &rp, 2);
			__builtin_memcpy(e->b + ((o + 19) & SK_OFF_MASK), &la, 16);
			__builtin_memcpy(e->b + ((o + 35) & SK_OFF_MASK), &lp, 2);
		} else {
			__builtin_memcpy(e->b + ((o + 1) & SK_OFF_MASK), &la, 16);
			__builtin_memcpy(e->b + ((o + 17) & SK_OFF_MASK), &lp, 2);
			__builtin_memcpy(e->b + ((o + 19) & SK_OFF_MASK), &ra, 16);
			__builtin_memcpy(e->b + ((o + 35) & SK_OFF_MASK), &rp, 2);
		}
		ev_len(e, 37);
	} else if (fam == SK_AF_UNIX) {
		struct unix_sock *us = (struct unix_sock *)sk;
		struct sock *peer = BPF_CORE_READ(us, peer);
		struct unix_address *ua = BPF_CORE_READ(us, addr);
		__u64 src = (__u64)sk, dst = (__u64)peer;
		long n = 0;

		if ((!ua || BPF_CORE_READ(ua, len) <= 2) && peer)
			ua = BPF_CORE_READ((struct unix_sock *)peer, addr);
		e->b[o] = SK_AF_UNIX;
		__builtin_memcpy(e->b + ((o + 1) & SK_OFF_MASK), &src, 8);
		__builtin_memcpy(e->b + ((o + 9) & SK_OFF_MASK), &dst, 8);
		if (ua)
			n = bpf_probe_read_kernel_str(e->b + ((o + 17) & SK_OFF_MASK), 108,
						      &ua->name[0].sun_path);
		if (n <= 0) {
			e->b[(o + 17) & SK_OFF_MASK] = 0;
			n = 1;
		}
		ev_len(e, 17 + (__u32)(n & 127));
	} else {
		put_empty(e);
	}
}

/* PT_SOCKADDR from a user sockaddr pointer. */
static __always_inline void put_usockaddr(struct ev *e, const void *uaddr, __s64 alen)
{
	__u32 o = e->off & SK_OFF_MASK;
	__u16 fam = 0;

	if (!uaddr || alen < 2 || bpf_probe_read_user(&fam, 2, uaddr)) {
		put_empty(e);
		return;
	}
	if (fam == SK_AF_INET && alen >= 8) {
		struct { __u16 f; __u16 port; __u32 a; } in = {};
		__u16 port;

		bpf_probe_read_user(&in, sizeof(in), uaddr);
		port = bpf_ntohs(in.port);
		e->b[o] = SK_AF_INET;
		__builtin_memcpy(e->b + ((o + 1) & SK_OFF_MASK), &in.a, 4);
		__builtin_memcpy(e->b + ((o + 5) & SK_OFF_MASK), &port, 2);
		ev_len(e, 7);
	} else if (fam == SK_AF_INET6 && alen >= 24) {
		struct { __u16 f; __u16 port; __u32 flow; __u8 a[16]; } in6 = {};
		__u16 port;

		bpf_probe_read_user(&in6, sizeof(in6), uaddr);
		port = bpf_ntohs(in6.port);
		e->b[o] = SK_AF_INET6;
		__builtin_memcpy(e->b + ((o + 1) & SK_OFF_MASK), in6.a, 16);
		__builtin_memcpy(e->b + ((o + 17) & SK_OFF_MASK), &port, 2);
		ev_len(e, 19);
	} else if (fam == SK_AF_UNIX) {
		long n = bpf_probe_read_user_str(e->b + ((o + 1) & SK_OFF_MASK), 108,
						 (const char *)uaddr + 2);

		e->b[o] = SK_AF_UNIX;
		if (n <= 0) {
			e->b[(o + 1) & SK_OFF_MASK] = 0;
			n = 1;
		}
		ev_len(e, 1 + (__u32)(n & 127));
	} else {
		put_empty(e);
	}
}

static __always_inline __u32 sk_task_vpid_of(struct pid *p)
{
	unsigned int level;
	struct upid up = {};

	if (!p)
		return 0;
	level = p->level;
	bpf_probe_read_kernel(&up, sizeof(up), &p->numbers[level & 31]);
	return up.nr;
}

#endif /* SK_TASK_BPF_H */
