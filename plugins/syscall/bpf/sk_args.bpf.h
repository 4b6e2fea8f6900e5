/*
 * sk_args.bpf.h - the table-driven exit handler (sk_h_args) and the generic
 * event (sk_h_generic). Included once, by saker.bpf.c, after sk_proc.bpf.h.
 *
 * sk_h_args writes the parameters its syscall's sk_sc_args row lists (see
 * sk_bpf_args.h), one bpf_loop step per parameter, so the verifier checks
 * the step once instead of every combination of kinds.
 */
#ifndef SK_ARGS_BPF_H
#define SK_ARGS_BPF_H

#include "sk_bpf_args.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SK_MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, struct sk_sc_args);
} sk_sc_args SEC(".maps");

/* mmap/mprotect prot -> PPM_PROT_* (READ, WRITE, EXEC, SEM keep their bits) */
static __always_inline __u32 sk_prot_to_ppm(__u64 p)
{
	__u32 r = (__u32)p & 0xfu;

	if (p & 0x01000000ull) r |= 1u << 4; /* PROT_GROWSDOWN */
	if (p & 0x02000000ull) r |= 1u << 5; /* PROT_GROWSUP */
	return r;
}

/* mmap flags -> PPM_MAP_* */
static __always_inline __u32 sk_mmap_flags_to_ppm(__u64 f)
{
	__u32 r = 0;

	if (f & 0x01ull) r |= 1u << 0;     /* MAP_SHARED */
	if (f & 0x02ull) r |= 1u << 1;     /* MAP_PRIVATE */
	if (f & 0x10ull) r |= 1u << 2;     /* MAP_FIXED */
	if (f & 0x20ull) r |= 1u << 3;     /* MAP_ANONYMOUS */
	if (f & 0x40ull) r |= 1u << 4;     /* MAP_32BIT */
	if (f & 0x4000ull) r |= 1u << 6;   /* MAP_NORESERVE */
	if (f & 0x8000ull) r |= 1u << 7;   /* MAP_POPULATE */
	if (f & 0x10000ull) r |= 1u << 8;  /* MAP_NONBLOCK */
	if (f & 0x100ull) r |= 1u << 9;    /* MAP_GROWSDOWN */
	if (f & 0x800ull) r |= 1u << 10;   /* MAP_DENYWRITE */
	if (f & 0x1000ull) r |= 1u << 11;  /* MAP_EXECUTABLE */
	if (f & 0x2000ull) r |= 1u << 14;  /* MAP_LOCKED */
	return r;
}

/* fcntl command -> PPM_FCNTL_* (0: unknown) */
static __always_inline __u8 sk_fcntl_cmd_to_ppm(__u64 c)
{
	switch (c) {
	case 0: return 1;     /* F_DUPFD */
	case 1: return 2;     /* F_GETFD */
	case 2: return 3;     /* F_SETFD */
	case 3: return 4;     /* F_GETFL */
	case 4: return 5;     /* F_SETFL */
	case 5: return 6;     /* F_GETLK */
	case 6: return 8;     /* F_SETLK */
	case 7: return 9;     /* F_SETLKW */
	case 8: return 10;    /* F_SETOWN */
	case 9: return 12;    /* F_GETOWN */
	case 10: return 13;   /* F_SETSIG */
	case 11: return 15;   /* F_GETSIG */
	case 15: return 21;   /* F_SETOWN_EX */
	case 16: return 22;   /* F_GETOWN_EX */
	case 36: return 30;   /* F_OFD_GETLK */
	case 37: return 31;   /* F_OFD_SETLK */
	case 38: return 32;   /* F_OFD_SETLKW */
	case 1024: return 23; /* F_SETLEASE */
	case 1025: return 24; /* F_GETLEASE */
	case 1026: return 27; /* F_NOTIFY */
	case 1029: return 25; /* F_CANCELLK */
	case 1030: return 26; /* F_DUPFD_CLOEXEC */
	case 1031: return 28; /* F_SETPIPE_SZ */
	case 1032: return 29; /* F_GETPIPE_SZ */
	default: return 0;
	}
}

/* vm_size, vm_rss, vm_swap of the current task in KiB (as clone/execve) */
static __always_inline __u32 sk_task_vm(int which)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct mm_struct *mm = t->mm;

	if (!mm)
		return 0;
	if (which == 0)
		return (__u32)(mm->total_vm << 2);
	if (which == 1)
		return (__u32)((sk_rss_pages(mm, 0) + sk_rss_pages(mm, 1) + sk_rss_pages(mm, 3)) << 2);
	return (__u32)(sk_rss_pages(mm, 2) << 2);
}

struct sk_args_ctx {
	struct ev e;
	struct sk_sc_args *a;
	__u64 arg[8];
	long ret;
};

static long sk_args_step(__u32 i, void *ctx)
{
	struct sk_args_ctx *c = ctx;
	struct ev *e = &c->e;
	__u16 p;
	__u64 v, aux;

	if (i >= SK_ARGS_NMAX)
		return 1;
	p = c->a->p[i];
	if (!SK_P_KIND(p))
		return 1;
	v = c->arg[SK_P_ARG(p) & 7];
	aux = c->arg[SK_P_AUX(p) & 7];
	switch (SK_P_KIND(p)) {
	case SK_A_RES:
		put_s64(e, c->ret);
		break;
	case SK_A_RES32:
		put_u32(e, (__u32)c->ret);
		break;
	case SK_A_S32:
		put_s64(e, (__s32)v);
		break;
	case SK_A_U64:
		put_u64(e, v);
		break;
	case SK_A_U32:
		put_u32(e, (__u32)v);
		break;
	case SK_A_I32:
		put_u32(e, (__u32)(__s32)v);
		break;
	case SK_A_U16:
		put_u16(e, (__u16)v);
		break;
	case SK_A_U8:
		put_u8(e, (__u8)v);
		break;
	case SK_A_USTR:
		put_ustr(e, (void *)v);
		break;
	case SK_A_USTR_OK:
		if (c->ret >= 0)
			put_ustr(e, (void *)v);
		else
			put_empty(e);
		break;
	case SK_A_BUF_RES:
		put_ubuf(e, (void *)v, c->ret > 0 ? c->ret : 0);
		break;
	case SK_A_BUF_LEN:
		put_ubuf(e, (void *)v, c->ret > 0 ? c->ret : (__s64)aux);
		break;
	case SK_A_PROT:
		put_u32(e, sk_prot_to_ppm(v));
		break;
	case SK_A_MMAP_FLAGS:
		put_u32(e, sk_mmap_flags_to_ppm(v));
		break;
	case SK_A_FCNTL_CMD:
		put_u8(e, sk_fcntl_cmd_to_ppm(v));
		break;
	case SK_A_OPEN_FLAGS:
		put_u32(e, sk_open_flags_to_ppm((__u32)v));
		break;
	case SK_A_VM_SIZE:
		put_u32(e, sk_task_vm(0));
		break;
	case SK_A_VM_RSS:
		put_u32(e, sk_task_vm(1));
		break;
	case SK_A_VM_SWAP:
		put_u32(e, sk_task_vm(2));
		break;
	case SK_A_U32_AT: {
		__u32 w = 0;

		if (!v || c->ret < 0 || bpf_probe_read_user(&w, 4, (void *)(v + 4 * SK_P_AUX(p))))
			put_empty(e);
		else
			put_u32(e, w);
		break;
	}
	case SK_A_U64_AT: {
		__u64 w = 0;

		if (!v || c->ret < 0 || bpf_probe_read_user(&w, 8, (void *)(v + 8 * SK_P_AUX(p))))
			put_empty(e);
		else
			put_u64(e, w);
		break;
	}
	default:
		put_empty(e);
		break;
	}
	return 0;
}

HANDLER(sk_h_args)
{
	__u32 nr = (__u32)regs->orig_ax;
	struct sk_args_ctx c = {};

	c.a = bpf_map_lookup_elem(&sk_sc_args, &nr);
	if (!c.a) {
		struct sk_state *st = sk_state_get();

		if (st)
			st->busy = 0;
		return 0;
	}
	c.ret = ret;
	c.arg[0] = A0(regs);
	c.arg[1] = A1(regs);
	c.arg[2] = A2(regs);
	c.arg[3] = A3(regs);
	c.arg[4] = A4(regs);
	c.arg[5] = A5(regs);
	if (!ev_begin(&c.e, 0, c.a->n))
		return 0;
	bpf_loop(SK_ARGS_NMAX, sk_args_step, &c, 0);
	if (c.e.idx != c.e.nparams) { /* a row longer than its count: drop */
		ev_abort(&c.e);
		return 0;
	}
	ev_submit(&c.e);
	return 0;
}

/* The generic exit event: ID (upstream syscall code), nativeID. */
HANDLER(sk_h_generic)
{
	__u32 nr = (__u32)regs->orig_ax;
	struct sk_sc_args *a = bpf_map_lookup_elem(&sk_sc_args, &nr);
	struct ev e;

	if (!ev_begin(&e, 1, 2))
		return 0;
	put_u16(&e, a ? a->ppm_sc : 0);
	put_u16(&e, (__u16)nr);
	ev_submit(&e);
	return 0;
}

#endif /* SK_ARGS_BPF_H */
