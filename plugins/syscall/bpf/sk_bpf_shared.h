/*
 * sk_bpf_shared.h - definitions shared by the BPF programs and live.c.
 * Plain C, no kernel or libc headers: included from both sides.
 */
#ifndef SK_BPF_SHARED_H
#define SK_BPF_SHARED_H

#define SK_MAX_SYSCALLS 512   /* x86_64 syscall numbers below this */
#define SK_MAX_RINGS 256      /* outer ring map size */
#define SK_MAX_CPUS 4096      /* cpu -> ring map size */
#define SK_AUX_SIZE 65536     /* per-CPU scratch event buffer */
#define SK_EVT_MAX 16384      /* largest event written (bytes) */
#define SK_STR_MAX 4096       /* largest single string/bytebuf param */
#define SK_ARGS_MAX 4096      /* execve args/env bytes kept */
#define SK_PATH_DEPTH 32      /* dentry components walked for paths */
#define SK_HDR_LEN 26

/* Handlers the dispatcher tail-calls (index into the prog array). */
enum sk_handler {
	SK_H_NONE = 0,
	SK_H_OPEN, SK_H_OPENAT, SK_H_OPENAT2, SK_H_CREAT, SK_H_CLOSE,
	SK_H_EXEC_FAIL, SK_H_CLONE, SK_H_SOCKET, SK_H_CONNECT, SK_H_ACCEPT,
	SK_H_BIND, SK_H_LISTEN, SK_H_SENDTO, SK_H_RECVFROM, SK_H_SENDMSG,
	SK_H_RECVMSG, SK_H_DUP2, SK_H_DUP3, SK_H_ID1, SK_H_ID2,
	SK_H_ID3, SK_H_MOUNT, SK_H_CHMOD, SK_H_FCHMOD, SK_H_FCHMODAT, SK_H_AT_PATH,
	SK_H_PATH1, SK_H_PATH_U32, SK_H_FD1, SK_H_PATH2, SK_H_RENAMEAT, SK_H_LINKAT,
	SK_H_SYMLINKAT, SK_H_PTRACE, SK_H_SETNS, SK_H_UNSHARE, SK_H_BPF,
	SK_H_INIT_MODULE, SK_H_FINIT_MODULE, SK_H_USERFAULTFD, SK_H_PIPE,
	SK_H_SOCKETPAIR, SK_H_FCNTL,
	SK_H_ARGS, SK_H_IOV, SK_H_CAPSET, SK_H_PRCTL, SK_H_GENERIC, /* sk_args/io/misc.bpf.h */
	SK_H_COUNT
};

/* One row per syscall number: what to emit and whether it is wanted. */
struct sk_sc_entry {
	unsigned short evt;     /* exit event code */
	unsigned char handler;  /* enum sk_handler */
	unsigned char enabled;  /* 1: capture */
	unsigned char lifecycle;/* 1: never dropped by drop_failed */
	unsigned char pad[3];
};

/* Per-CPU counters (PERCPU_ARRAY, one entry). */
struct sk_cpu_counters {
	unsigned long long events;
	unsigned long long drops;       /* ring full */
	unsigned long long drops_other; /* oversize / no ring */
};

#endif /* SK_BPF_SHARED_H */
