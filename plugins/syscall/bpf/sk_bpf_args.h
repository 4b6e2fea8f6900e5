/*
 * sk_bpf_args.h - the parameter program of the table-driven exit handler
 * (sk_h_args) and of the generic event, shared by the BPF side and
 * live_table.c. Plain C, no includes.
 *
 * A syscall whose exit event is built from its return value, its argument
 * registers and a few task values needs no handler of its own: its row in
 * live_table.c lists, per event parameter, one SK_P(kind, arg, aux) code,
 * and sk_h_args writes the parameters in that order.
 */
#ifndef SK_BPF_ARGS_H
#define SK_BPF_ARGS_H

#define SK_ARGS_NMAX 10 /* parameters of the largest table-driven event (mmap) */

/* What one parameter is made of. "arg" is the syscall argument register
 * (0..5); "aux" a second argument (a length) where the kind says so. */
enum sk_arg_kind {
	SK_A_END = 0,
	SK_A_RES,        /* return value, int64 */
	SK_A_S32,        /* int argument widened to int64 (fd, pid) */
	SK_A_U64,        /* argument as uint64 */
	SK_A_U32,        /* low 32 bits */
	SK_A_U16,
	SK_A_U8,         /* low 8 bits (signal numbers) */
	SK_A_I32,        /* int32 (4 bytes) */
	SK_A_USTR,       /* NUL-terminated user string */
	SK_A_USTR_OK,    /* user string written by the syscall: only on success */
	SK_A_BUF_RES,    /* user bytes at arg, res bytes valid (read side), snaplen */
	SK_A_BUF_LEN,    /* user bytes at arg: res bytes when > 0, else arg aux (write side) */
	SK_A_PROT,       /* mmap/mprotect prot -> PPM_PROT_* */
	SK_A_MMAP_FLAGS, /* mmap flags -> PPM_MAP_* */
	SK_A_FCNTL_CMD,  /* fcntl command -> PPM_FCNTL_* (uint8) */
	SK_A_OPEN_FLAGS, /* O_* -> PPM_O_* (uint32) */
	SK_A_VM_SIZE,    /* current task: total_vm in KiB (uint32) */
	SK_A_VM_RSS,     /* resident KiB (uint32) */
	SK_A_VM_SWAP,    /* swapped KiB (uint32) */
	SK_A_EMPTY,      /* a parameter no source fills (length 0) */
	SK_A_RES32,      /* return value as uint32 (getuid...) */
	SK_A_U32_AT,     /* uint32 number aux of the user array at arg, after the call */
	SK_A_U64_AT,     /* uint64 number aux of the user array at arg, after the call */
	SK_A_KIND_COUNT
};

#define SK_P(kind, arg, aux) ((unsigned short)((kind) | ((arg) << 8) | ((aux) << 12)))
#define SK_P_KIND(p) ((p) & 0xff)
#define SK_P_ARG(p) (((p) >> 8) & 0xf)
#define SK_P_AUX(p) (((p) >> 12) & 0xf)

/* One row of the sk_sc_args map (key: syscall number). */
struct sk_sc_args {
	unsigned short p[SK_ARGS_NMAX]; /* SK_P codes, SK_A_END-terminated */
	unsigned short ppm_sc;          /* generic event: upstream syscall code */
	unsigned short n;               /* number of parameters */
};

#endif /* SK_BPF_ARGS_H */
