/*
 * sk_bpf_events.h - the upstream scap event codes the BPF side emits (exit
 * events) and the flag conversions to the scap (PPM_*) encodings. Values are
 * facts of the upstream event schema (falcosecurity/libs ppm_events_public.h).
 * Pure C with no includes: used by the BPF programs and by userspace.
 */
#ifndef SK_BPF_EVENTS_H
#define SK_BPF_EVENTS_H

#define SKE_OPEN_X 3
#define SKE_CLOSE_X 5
#define SKE_SOCKET_X 19
#define SKE_BIND_X 21
#define SKE_CONNECT_X 23
#define SKE_LISTEN_X 25
#define SKE_SENDTO_X 31
#define SKE_RECVFROM_X 35
#define SKE_SOCKETPAIR_X 43
#define SKE_SENDMSG_X 49
#define SKE_RECVMSG_X 53
#define SKE_CREAT_X 59
#define SKE_PIPE_X 61
#define SKE_CHDIR_X 95
#define SKE_FCHDIR_X 97
#define SKE_PTRACE_X 169
#define SKE_RENAME_X 175
#define SKE_RENAMEAT_X 177
#define SKE_SYMLINK_X 179
#define SKE_SYMLINKAT_X 181
#define SKE_PROCEXIT_1_E 186
#define SKE_SETRESUID_X 193
#define SKE_SETRESGID_X 195
#define SKE_SETUID_X 199
#define SKE_SETGID_X 201
#define SKE_CLONE_20_X 223
#define SKE_FORK_20_X 225
#define SKE_VFORK_20_X 227
#define SKE_SETNS_X 241
#define SKE_ACCEPT_5_X 247
#define SKE_MOUNT_X 257
#define SKE_MKDIR_2_X 277
#define SKE_RMDIR_2_X 279
#define SKE_UNSHARE_X 285
#define SKE_EXECVE_19_X 293
#define SKE_UNLINK_2_X 301
#define SKE_UNLINKAT_2_X 303
#define SKE_MKDIRAT_X 305
#define SKE_OPENAT_2_X 307
#define SKE_LINK_2_X 309
#define SKE_LINKAT_2_X 311
#define SKE_FCHMODAT_X 313
#define SKE_CHMOD_X 315
#define SKE_FCHMOD_X 317
#define SKE_RENAMEAT2_X 319
#define SKE_USERFAULTFD_X 321
#define SKE_OPENAT2_X 327
#define SKE_EXECVEAT_X 331
#define SKE_CLONE3_X 335
#define SKE_DUP2_X 363
#define SKE_DUP3_X 365
#define SKE_DUP_1_X 367
#define SKE_BPF_2_X 369
#define SKE_ACCEPT4_6_X 389
#define SKE_UMOUNT2_X 391
#define SKE_PIPE2_X 393
#define SKE_MEMFD_CREATE_X 405
#define SKE_INIT_MODULE_X 411
#define SKE_FINIT_MODULE_X 413

/* Exit events of sk_args/io/misc.bpf.h (full parameter layouts: the exit
 * row's parameters followed by the enter row's, as current drivers emit). */
#define SKE_GENERIC_X 1
#define SKE_READ_X 7
#define SKE_WRITE_X 9
#define SKE_SHUTDOWN_X 37
#define SKE_GETSOCKNAME_X 39
#define SKE_GETPEERNAME_X 41
#define SKE_SENDMMSG_X 51
#define SKE_RECVMMSG_X 55
#define SKE_EVENTFD_X 63
#define SKE_FUTEX_X 65
#define SKE_STAT_X 67
#define SKE_LSTAT_X 69
#define SKE_FSTAT_X 71
#define SKE_EPOLL_WAIT_X 79
#define SKE_POLL_X 81
#define SKE_SELECT_X 83
#define SKE_LSEEK_X 87
#define SKE_GETCWD_X 93
#define SKE_PREAD_X 113
#define SKE_PWRITE_X 115
#define SKE_READV_X 117
#define SKE_WRITEV_X 119
#define SKE_PREADV_X 121
#define SKE_PWRITEV_X 123
#define SKE_SIGNALFD_X 127
#define SKE_KILL_X 129
#define SKE_TKILL_X 131
#define SKE_TGKILL_X 133
#define SKE_NANOSLEEP_X 135
#define SKE_TIMERFD_CREATE_X 137
#define SKE_INOTIFY_INIT_X 139
#define SKE_GETRLIMIT_X 141
#define SKE_SETRLIMIT_X 143
#define SKE_PRLIMIT_X 145
#define SKE_FCNTL_X 151
#define SKE_BRK_4_X 159
#define SKE_MMAP_X 161
#define SKE_MUNMAP_X 165
#define SKE_SPLICE_X 167
#define SKE_IOCTL_3_X 171
#define SKE_SENDFILE_X 189
#define SKE_GETUID_X 203
#define SKE_GETEUID_X 205
#define SKE_GETGID_X 207
#define SKE_GETEGID_X 209
#define SKE_GETRESUID_X 211
#define SKE_GETRESGID_X 213
#define SKE_GETDENTS_X 237
#define SKE_GETDENTS64_X 239
#define SKE_FLOCK_X 243
#define SKE_SEMGET_X 263
#define SKE_PPOLL_X 255
#define SKE_ACCESS_X 265
#define SKE_CHROOT_X 267
#define SKE_SETSID_X 275
#define SKE_SETPGID_X 295
#define SKE_SECCOMP_X 299
#define SKE_MPROTECT_X 329
#define SKE_COPY_FILE_RANGE_X 333
#define SKE_IO_URING_SETUP_X 339
#define SKE_IO_URING_ENTER_X 341
#define SKE_IO_URING_REGISTER_X 343
#define SKE_MLOCK_X 345
#define SKE_MUNLOCK_X 347
#define SKE_MLOCKALL_X 349
#define SKE_MUNLOCKALL_X 351
#define SKE_CAPSET_X 353
#define SKE_MLOCK2_X 371
#define SKE_EPOLL_CREATE_X 375
#define SKE_EPOLL_CREATE1_X 377
#define SKE_CHOWN_X 379
#define SKE_LCHOWN_X 381
#define SKE_FCHOWN_X 383
#define SKE_FCHOWNAT_X 385
#define SKE_INOTIFY_INIT1_X 395
#define SKE_EVENTFD2_X 397
#define SKE_SIGNALFD4_X 399
#define SKE_PRCTL_X 401
#define SKE_PIDFD_GETFD_X 407
#define SKE_PIDFD_OPEN_X 409
#define SKE_MKNOD_X 415
#define SKE_MKNODAT_X 417
#define SKE_NEWFSTATAT_X 419
#define SKE_PROCESS_VM_READV_X 421
#define SKE_PROCESS_VM_WRITEV_X 423
#define SKE_DELETE_MODULE_X 425

/* execve "flags" parameter (PPM_EXE_*) */
#define SK_PPM_EXE_WRITABLE (1u << 0)
#define SK_PPM_EXE_UPPER_LAYER (1u << 1)
#define SK_PPM_EXE_FROM_MEMFD (1u << 2)
#define SK_PPM_EXE_LOWER_LAYER (1u << 3)

#define SK_PPM_O_F_CREATED (1u << 14)
#define SK_PPM_CL_CHILD_IN_PIDNS (1u << 29)

/* open(2) flags (x86_64 values) -> PPM_O_* */
static inline unsigned int sk_open_flags_to_ppm(unsigned int f)
{
	unsigned int r = 0;
	unsigned int acc = f & 3u;

	if (acc == 0)
		r |= 1u << 0;
	else if (acc == 1)
		r |= 1u << 1;
	else if (acc == 2)
		r |= (1u << 0) | (1u << 1);
	if (f & 0100u) r |= 1u << 2;        /* O_CREAT */
	if (f & 02000u) r |= 1u << 3;       /* O_APPEND */
	if (f & 010000u) r |= 1u << 4;      /* O_DSYNC */
	if (f & 0200u) r |= 1u << 5;        /* O_EXCL */
	if (f & 04000u) r |= 1u << 6;       /* O_NONBLOCK */
	if (f & 04000000u) r |= 1u << 7;    /* __O_SYNC */
	if (f & 01000u) r |= 1u << 8;       /* O_TRUNC */
	if (f & 040000u) r |= 1u << 9;      /* O_DIRECT */
	if (f & 0200000u) r |= 1u << 10;    /* O_DIRECTORY */
	if (f & 0100000u) r |= 1u << 11;    /* O_LARGEFILE */
	if (f & 02000000u) r |= 1u << 12;   /* O_CLOEXEC */
	if (f & 020000000u) r |= 1u << 13;  /* __O_TMPFILE */
	return r;
}

/* clone/unshare/setns flags -> PPM_CL_* */
static inline unsigned int sk_clone_flags_to_ppm(unsigned long long f)
{
	unsigned int r = 0;

	if (f & 0x400ull) r |= 1u << 0;        /* CLONE_FILES */
	if (f & 0x200ull) r |= 1u << 1;        /* CLONE_FS */
	if (f & 0x80000000ull) r |= 1u << 2;   /* CLONE_IO */
	if (f & 0x08000000ull) r |= 1u << 3;   /* CLONE_NEWIPC */
	if (f & 0x40000000ull) r |= 1u << 4;   /* CLONE_NEWNET */
	if (f & 0x00020000ull) r |= 1u << 5;   /* CLONE_NEWNS */
	if (f & 0x20000000ull) r |= 1u << 6;   /* CLONE_NEWPID */
	if (f & 0x04000000ull) r |= 1u << 7;   /* CLONE_NEWUTS */
	if (f & 0x8000ull) r |= 1u << 8;       /* CLONE_PARENT */
	if (f & 0x00100000ull) r |= 1u << 9;   /* CLONE_PARENT_SETTID */
	if (f & 0x2000ull) r |= 1u << 10;      /* CLONE_PTRACE */
	if (f & 0x800ull) r |= 1u << 11;       /* CLONE_SIGHAND */
	if (f & 0x00040000ull) r |= 1u << 12;  /* CLONE_SYSVSEM */
	if (f & 0x00010000ull) r |= 1u << 13;  /* CLONE_THREAD */
	if (f & 0x00800000ull) r |= 1u << 14;  /* CLONE_UNTRACED */
	if (f & 0x100ull) r |= 1u << 15;       /* CLONE_VM */
	if (f & 0x10000000ull) r |= 1u << 20;  /* CLONE_NEWUSER */
	if (f & 0x00200000ull) r |= 1u << 23;  /* CLONE_CHILD_CLEARTID */
	if (f & 0x01000000ull) r |= 1u << 24;  /* CLONE_CHILD_SETTID */
	if (f & 0x00080000ull) r |= 1u << 25;  /* CLONE_SETTLS */
	if (f & 0x4000ull) r |= 1u << 27;      /* CLONE_VFORK */
	if (f & 0x02000000ull) r |= 1u << 28;  /* CLONE_NEWCGROUP */
	return r;
}

/* ptrace request -> PPM_PTRACE_* */
static inline unsigned short sk_ptrace_req_to_ppm(unsigned long long q)
{
	switch (q) {
	case 0: return 1;   /* TRACEME */
	case 1: return 2;   /* PEEKTEXT */
	case 2: return 3;   /* PEEKDATA */
	case 3: return 4;   /* PEEKUSR */
	case 4: return 5;   /* POKETEXT */
	case 5: return 6;   /* POKEDATA */
	case 6: return 7;   /* POKEUSR */
	case 7: return 8;   /* CONT */
	case 8: return 9;   /* KILL */
	case 9: return 10;  /* SINGLESTEP */
	case 12: return 26; /* GETREGS */
	case 13: return 27; /* SETREGS */
	case 14: return 28; /* GETFPREGS */
	case 15: return 29; /* SETFPREGS */
	case 16: return 11; /* ATTACH */
	case 17: return 12; /* DETACH */
	case 18: return 30; /* GETFPXREGS */
	case 19: return 31; /* SETFPXREGS */
	case 21: return 32; /* OLDSETOPTIONS */
	case 24: return 13; /* SYSCALL */
	case 25: return 33; /* GET_THREAD_AREA */
	case 26: return 34; /* SET_THREAD_AREA */
	case 30: return 35; /* ARCH_PRCTL */
	case 31: return 36; /* SYSEMU */
	case 32: return 37; /* SYSEMU_SINGLESTEP */
	case 33: return 38; /* SINGLEBLOCK */
	case 0x4200: return 14; /* SETOPTIONS */
	case 0x4201: return 15; /* GETEVENTMSG */
	case 0x4202: return 16; /* GETSIGINFO */
	case 0x4203: return 17; /* SETSIGINFO */
	case 0x4204: return 18; /* GETREGSET */
	case 0x4205: return 19; /* SETREGSET */
	case 0x4206: return 20; /* SEIZE */
	case 0x4207: return 21; /* INTERRUPT */
	case 0x4208: return 22; /* LISTEN */
	case 0x4209: return 23; /* PEEKSIGINFO */
	case 0x420a: return 24; /* GETSIGMASK */
	case 0x420b: return 25; /* SETSIGMASK */
	default: return 0;
	}
}

#endif /* SK_BPF_EVENTS_H */
