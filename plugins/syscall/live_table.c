/*
 * live_table.c - which syscall produces which exit event through which BPF
 * handler, as data: adding a syscall is one row (plus its handler).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>

#include "live_table.h"
#include "bpf/sk_bpf_shared.h"
#include "bpf/sk_bpf_events.h"

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

/* Parameter programs of SK_H_ARGS rows (sk_bpf_args.h). */
#define RES SK_P(SK_A_RES, 0, 0)
#define RES32 SK_P(SK_A_RES32, 0, 0)
#define S32(a) SK_P(SK_A_S32, a, 0)
#define I32(a) SK_P(SK_A_I32, a, 0)
#define U64(a) SK_P(SK_A_U64, a, 0)
#define U32(a) SK_P(SK_A_U32, a, 0)
#define U16(a) SK_P(SK_A_U16, a, 0)
#define U8(a) SK_P(SK_A_U8, a, 0)
#define USTR(a) SK_P(SK_A_USTR, a, 0)
#define USTR_OK(a) SK_P(SK_A_USTR_OK, a, 0)
#define BUF_RES(a) SK_P(SK_A_BUF_RES, a, 0)
#define BUF_LEN(a, len) SK_P(SK_A_BUF_LEN, a, len)
#define PROT(a) SK_P(SK_A_PROT, a, 0)
#define MMAPF(a) SK_P(SK_A_MMAP_FLAGS, a, 0)
#define FCNTL(a) SK_P(SK_A_FCNTL_CMD, a, 0)
#define OPENF(a) SK_P(SK_A_OPEN_FLAGS, a, 0)
#define U32_AT(a, i) SK_P(SK_A_U32_AT, a, i)
#define U64_AT(a, i) SK_P(SK_A_U64_AT, a, i)
#define VM SK_P(SK_A_VM_SIZE, 0, 0), SK_P(SK_A_VM_RSS, 0, 0), SK_P(SK_A_VM_SWAP, 0, 0)
#define EMPTY SK_P(SK_A_EMPTY, 0, 0) /* a flags value saker does not convert yet */

/* aliases: older upstream codes (enter and exit) of the same event name, so
 * a host passing any version's code selects the syscall. */
const sk_live_row_t sk__live_rows[] = {
	{SYS_open, SKE_OPEN_X, SK_H_OPEN, 0, {2, 3}},
	{SYS_openat, SKE_OPENAT_2_X, SK_H_OPENAT, 0, {102, 103, 306, 307}},
	{SYS_openat2, SKE_OPENAT2_X, SK_H_OPENAT2, 0, {326, 327}},
	{SYS_creat, SKE_CREAT_X, SK_H_CREAT, 0, {58, 59}},
	{SYS_close, SKE_CLOSE_X, SK_H_CLOSE, 0, {4, 5}},
	{SYS_execve, SKE_EXECVE_19_X, SK_H_EXEC_FAIL, 1,
	 {12, 13, 154, 155, 172, 173, 214, 215, 230, 231, 282, 283, 288, 289, 292, 293}},
	{SYS_execveat, SKE_EXECVEAT_X, SK_H_EXEC_FAIL, 1, {330, 331}},
	{SYS_clone, SKE_CLONE_20_X, SK_H_CLONE, 1, {14, 15, 156, 157, 216, 217, 222, 223}},
	{SYS_clone3, SKE_CLONE3_X, SK_H_CLONE, 1, {334, 335}},
	{SYS_fork, SKE_FORK_20_X, SK_H_CLONE, 1, {182, 183, 218, 219, 224, 225}},
	{SYS_vfork, SKE_VFORK_20_X, SK_H_CLONE, 1, {184, 185, 220, 221, 226, 227}},
	{SK_MAX_SYSCALLS - 1, SKE_PROCEXIT_1_E, SK_H_NONE, 1, {16, 186}},
	{SYS_socket, SKE_SOCKET_X, SK_H_SOCKET, 0, {18, 19}},
	{SYS_socketpair, SKE_SOCKETPAIR_X, SK_H_SOCKETPAIR, 0, {42, 43}},
	{SYS_connect, SKE_CONNECT_X, SK_H_CONNECT, 0, {22, 23}},
	{SYS_accept, SKE_ACCEPT_5_X, SK_H_ACCEPT, 0, {26, 27, 246, 247}},
	{SYS_accept4, SKE_ACCEPT4_6_X, SK_H_ACCEPT, 0, {56, 57, 248, 249, 388, 389}},
	{SYS_bind, SKE_BIND_X, SK_H_BIND, 0, {20, 21}},
	{SYS_listen, SKE_LISTEN_X, SK_H_LISTEN, 0, {24, 25}},
	{SYS_sendto, SKE_SENDTO_X, SK_H_SENDTO, 0, {30, 31}},
	{SYS_recvfrom, SKE_RECVFROM_X, SK_H_RECVFROM, 0, {34, 35}},
	{SYS_sendmsg, SKE_SENDMSG_X, SK_H_SENDMSG, 0, {48, 49}},
	{SYS_recvmsg, SKE_RECVMSG_X, SK_H_RECVMSG, 0, {52, 53}},
	{SYS_dup, SKE_DUP_1_X, SK_H_FD1, 0, {124, 125, 366, 367}},
	{SYS_dup2, SKE_DUP2_X, SK_H_DUP2, 0, {362, 363}},
	{SYS_dup3, SKE_DUP3_X, SK_H_DUP3, 0, {364, 365}},
	{SYS_pipe, SKE_PIPE_X, SK_H_PIPE, 0, {60, 61}},
	{SYS_pipe2, SKE_PIPE2_X, SK_H_PIPE, 0, {392, 393}},
	{SYS_memfd_create, SKE_MEMFD_CREATE_X, SK_H_PATH_U32, 0, {404, 405}},
	{SYS_userfaultfd, SKE_USERFAULTFD_X, SK_H_USERFAULTFD, 0, {320, 321}},
	{SYS_setuid, SKE_SETUID_X, SK_H_ID1, 0, {198, 199}},
	{SYS_setgid, SKE_SETGID_X, SK_H_ID1, 0, {200, 201}},
	{SYS_setresuid, SKE_SETRESUID_X, SK_H_ID3, 0, {192, 193}},
	{SYS_setresgid, SKE_SETRESGID_X, SK_H_ID3, 0, {194, 195}},
	{SYS_chdir, SKE_CHDIR_X, SK_H_PATH1, 0, {94, 95}},
	{SYS_fchdir, SKE_FCHDIR_X, SK_H_FD1, 0, {96, 97}},
	{SYS_mount, SKE_MOUNT_X, SK_H_MOUNT, 0, {256, 257}},
	{SYS_umount2, SKE_UMOUNT2_X, SK_H_PATH_U32, 0, {258, 259, 386, 387, 390, 391}},
	{SYS_chmod, SKE_CHMOD_X, SK_H_CHMOD, 0, {314, 315}},
	{SYS_fchmod, SKE_FCHMOD_X, SK_H_FCHMOD, 0, {316, 317}},
	{SYS_fchmodat, SKE_FCHMODAT_X, SK_H_FCHMODAT, 0, {312, 313}},
	{SYS_fchmodat2, SKE_FCHMODAT_X, SK_H_FCHMODAT, 0, {312, 313}},
	{SYS_mkdir, SKE_MKDIR_2_X, SK_H_PATH_U32, 0, {98, 99, 276, 277}},
	{SYS_mkdirat, SKE_MKDIRAT_X, SK_H_AT_PATH, 0, {304, 305}},
	{SYS_rmdir, SKE_RMDIR_2_X, SK_H_PATH1, 0, {100, 101, 278, 279}},
	{SYS_unlink, SKE_UNLINK_2_X, SK_H_PATH1, 0, {108, 109, 300, 301}},
	{SYS_unlinkat, SKE_UNLINKAT_2_X, SK_H_AT_PATH, 0, {110, 111, 302, 303}},
	{SYS_rename, SKE_RENAME_X, SK_H_PATH2, 0, {174, 175}},
	{SYS_renameat, SKE_RENAMEAT_X, SK_H_RENAMEAT, 0, {176, 177}},
	{SYS_renameat2, SKE_RENAMEAT2_X, SK_H_RENAMEAT, 0, {318, 319}},
	{SYS_link, SKE_LINK_2_X, SK_H_PATH2, 0, {104, 105, 308, 309}},
	{SYS_linkat, SKE_LINKAT_2_X, SK_H_RENAMEAT, 0, {106, 107, 310, 311}},
	{SYS_symlink, SKE_SYMLINK_X, SK_H_PATH2, 0, {178, 179}},
	{SYS_symlinkat, SKE_SYMLINKAT_X, SK_H_SYMLINKAT, 0, {180, 181}},
	{SYS_ptrace, SKE_PTRACE_X, SK_H_PTRACE, 0, {168, 169}},
	{SYS_setns, SKE_SETNS_X, SK_H_SETNS, 0, {240, 241}},
	{SYS_unshare, SKE_UNSHARE_X, SK_H_UNSHARE, 0, {284, 285}},
	{SYS_bpf, SKE_BPF_2_X, SK_H_BPF, 0, {296, 297, 368, 369}},
	{SYS_init_module, SKE_INIT_MODULE_X, SK_H_INIT_MODULE, 0, {410, 411}},
	{SYS_finit_module, SKE_FINIT_MODULE_X, SK_H_FINIT_MODULE, 0, {412, 413}},
};
const size_t sk__live_nrows = sizeof(sk__live_rows) / sizeof(sk__live_rows[0]);

/* Full exit events of the other syscalls with a code of their own: the
 * exit row's parameters followed by the enter row's (the layout of current
 * drivers, which deliver exit events only). EMPTY marks a parameter whose
 * flags saker does not convert to the upstream encoding yet. */
const sk_live_xrow_t sk__live_xrows[] = {
	{SYS_read, SKE_READ_X, SK_H_ARGS, {RES, BUF_RES(1), S32(0), U32(2)}},
	{SYS_write, SKE_WRITE_X, SK_H_ARGS, {RES, BUF_LEN(1, 2), S32(0), U32(2)}},
	{SYS_pread64, SKE_PREAD_X, SK_H_ARGS,
	 {RES, BUF_RES(1), S32(0), U32(2), U64(3)}},
	{SYS_pwrite64, SKE_PWRITE_X, SK_H_ARGS,
	 {RES, BUF_LEN(1, 2), S32(0), U32(2), U64(3)}},
	{SYS_readv, SKE_READV_X, SK_H_IOV, {0}},
	{SYS_writev, SKE_WRITEV_X, SK_H_IOV, {0}},
	{SYS_preadv, SKE_PREADV_X, SK_H_IOV, {0}},
	{SYS_pwritev, SKE_PWRITEV_X, SK_H_IOV, {0}},
	{SYS_process_vm_readv, SKE_PROCESS_VM_READV_X, SK_H_IOV, {0}},
	{SYS_process_vm_writev, SKE_PROCESS_VM_WRITEV_X, SK_H_IOV, {0}},
	{SYS_kill, SKE_KILL_X, SK_H_ARGS, {RES, S32(0), U8(1)}},
	{SYS_tkill, SKE_TKILL_X, SK_H_ARGS, {RES, S32(0), U8(1)}},
	{SYS_tgkill, SKE_TGKILL_X, SK_H_ARGS, {RES, S32(0), S32(1), U8(2)}},
	{SYS_prctl, SKE_PRCTL_X, SK_H_PRCTL, {0}},
	{SYS_capset, SKE_CAPSET_X, SK_H_CAPSET, {0}},
	{SYS_mprotect, SKE_MPROTECT_X, SK_H_ARGS, {RES, U64(0), U64(1), PROT(2)}},
	{SYS_mmap, SKE_MMAP_X, SK_H_ARGS,
	 {RES, VM, U64(0), U64(1), PROT(2), MMAPF(3), S32(4), U64(5)}},
	{SYS_munmap, SKE_MUNMAP_X, SK_H_ARGS, {RES, VM, U64(0), U64(1)}},
	{SYS_brk, SKE_BRK_4_X, SK_H_ARGS, {RES, VM, U64(0)}},
	{SYS_io_uring_setup, SKE_IO_URING_SETUP_X, SK_H_ARGS,
	 {RES, U32(0), U32_AT(1, 0), U32_AT(1, 1), U32_AT(1, 2), U32_AT(1, 3), U32_AT(1, 4),
	  U32_AT(1, 5)}},
	{SYS_io_uring_enter, SKE_IO_URING_ENTER_X, SK_H_ARGS,
	 {RES, S32(0), U32(1), U32(2), U32(3), EMPTY}},
	{SYS_io_uring_register, SKE_IO_URING_REGISTER_X, SK_H_ARGS,
	 {RES, S32(0), U16(1), U64(2), U32(3)}},
	{SYS_fcntl, SKE_FCNTL_X, SK_H_ARGS, {RES, S32(0), FCNTL(1)}},
	{SYS_ioctl, SKE_IOCTL_3_X, SK_H_ARGS, {RES, S32(0), U64(1), U64(2)}},
	{SYS_shutdown, SKE_SHUTDOWN_X, SK_H_ARGS, {RES, S32(0), U8(1)}},
	{SYS_getsockname, SKE_GETSOCKNAME_X, SK_H_ARGS, {0}},
	{SYS_getpeername, SKE_GETPEERNAME_X, SK_H_ARGS, {0}},
	{SYS_sendmmsg, SKE_SENDMMSG_X, SK_H_ARGS, {0}},
	{SYS_recvmmsg, SKE_RECVMMSG_X, SK_H_ARGS, {0}},
	{SYS_stat, SKE_STAT_X, SK_H_ARGS, {RES, USTR(0)}},
	{SYS_lstat, SKE_LSTAT_X, SK_H_ARGS, {RES, USTR(0)}},
	{SYS_fstat, SKE_FSTAT_X, SK_H_ARGS, {RES, S32(0)}},
	{SYS_newfstatat, SKE_NEWFSTATAT_X, SK_H_ARGS, {RES, S32(0), USTR(1), EMPTY}},
	{SYS_access, SKE_ACCESS_X, SK_H_ARGS, {RES, USTR(0), U32(1)}},
	{SYS_lseek, SKE_LSEEK_X, SK_H_ARGS, {RES, S32(0), U64(1), U8(2)}},
	{SYS_getcwd, SKE_GETCWD_X, SK_H_ARGS, {RES, USTR_OK(0)}},
	{SYS_getdents, SKE_GETDENTS_X, SK_H_ARGS, {RES, S32(0)}},
	{SYS_getdents64, SKE_GETDENTS64_X, SK_H_ARGS, {RES, S32(0)}},
	{SYS_flock, SKE_FLOCK_X, SK_H_ARGS, {RES, S32(0), U32(1)}},
	{SYS_chown, SKE_CHOWN_X, SK_H_ARGS, {RES, USTR(0), U32(1), U32(2)}},
	{SYS_lchown, SKE_LCHOWN_X, SK_H_ARGS, {RES, USTR(0), U32(1), U32(2)}},
	{SYS_fchown, SKE_FCHOWN_X, SK_H_ARGS, {RES, S32(0), U32(1), U32(2)}},
	{SYS_fchownat, SKE_FCHOWNAT_X, SK_H_ARGS,
	 {RES, S32(0), USTR(1), U32(2), U32(3), EMPTY}},
	{SYS_mknod, SKE_MKNOD_X, SK_H_ARGS, {RES, USTR(0), U32(1), U32(2)}},
	{SYS_mknodat, SKE_MKNODAT_X, SK_H_ARGS, {RES, S32(0), USTR(1), U32(2), U32(3)}},
	{SYS_chroot, SKE_CHROOT_X, SK_H_ARGS, {RES, USTR(0)}},
	{SYS_splice, SKE_SPLICE_X, SK_H_ARGS, {RES, S32(0), S32(2), U64(4), U32(5)}},
	{SYS_sendfile, SKE_SENDFILE_X, SK_H_ARGS,
	 {RES, U64_AT(2, 0), S32(0), S32(1), U64(3)}},
	{SYS_copy_file_range, SKE_COPY_FILE_RANGE_X, SK_H_ARGS,
	 {RES, S32(2), U64_AT(3, 0), S32(0), U64_AT(1, 0), U64(4)}},
	{SYS_getrlimit, SKE_GETRLIMIT_X, SK_H_ARGS,
	 {RES, U64_AT(1, 0), U64_AT(1, 1), U8(0)}},
	{SYS_setrlimit, SKE_SETRLIMIT_X, SK_H_ARGS,
	 {RES, U64_AT(1, 0), U64_AT(1, 1), U8(0)}},
	{SYS_prlimit64, SKE_PRLIMIT_X, SK_H_ARGS,
	 {RES, U64_AT(2, 0), U64_AT(2, 1), U64_AT(3, 0), U64_AT(3, 1), S32(0), U8(1)}},
	{SYS_getuid, SKE_GETUID_X, SK_H_ARGS, {RES32}},
	{SYS_geteuid, SKE_GETEUID_X, SK_H_ARGS, {RES32}},
	{SYS_getgid, SKE_GETGID_X, SK_H_ARGS, {RES32}},
	{SYS_getegid, SKE_GETEGID_X, SK_H_ARGS, {RES32}},
	{SYS_getresuid, SKE_GETRESUID_X, SK_H_ARGS,
	 {RES, U32_AT(0, 0), U32_AT(1, 0), U32_AT(2, 0)}},
	{SYS_getresgid, SKE_GETRESGID_X, SK_H_ARGS,
	 {RES, U32_AT(0, 0), U32_AT(1, 0), U32_AT(2, 0)}},
	{SYS_setpgid, SKE_SETPGID_X, SK_H_ARGS, {RES, S32(0), S32(1)}},
	{SYS_setsid, SKE_SETSID_X, SK_H_ARGS, {RES}},
	{SYS_seccomp, SKE_SECCOMP_X, SK_H_ARGS, {RES, U64(0)}},
	{SYS_futex, SKE_FUTEX_X, SK_H_ARGS, {RES, U64(0), U16(1), U64(2)}},
	{SYS_nanosleep, SKE_NANOSLEEP_X, SK_H_ARGS, {RES, EMPTY}},
	{SYS_poll, SKE_POLL_X, SK_H_ARGS, {RES, EMPTY, S32(2)}},
	{SYS_ppoll, SKE_PPOLL_X, SK_H_ARGS, {RES, EMPTY, EMPTY, EMPTY}},
	{SYS_select, SKE_SELECT_X, SK_H_ARGS, {RES}},
	{SYS_epoll_wait, SKE_EPOLL_WAIT_X, SK_H_ARGS, {RES, S32(2)}},
	{SYS_epoll_create, SKE_EPOLL_CREATE_X, SK_H_ARGS, {RES, I32(0)}},
	{SYS_epoll_create1, SKE_EPOLL_CREATE1_X, SK_H_ARGS, {RES, EMPTY}},
	{SYS_eventfd, SKE_EVENTFD_X, SK_H_ARGS, {RES, U64(0), EMPTY}},
	{SYS_eventfd2, SKE_EVENTFD2_X, SK_H_ARGS, {RES, EMPTY, U64(0)}},
	{SYS_signalfd, SKE_SIGNALFD_X, SK_H_ARGS, {RES, S32(0), EMPTY, EMPTY}},
	{SYS_signalfd4, SKE_SIGNALFD4_X, SK_H_ARGS, {RES, EMPTY, S32(0), EMPTY}},
	{SYS_timerfd_create, SKE_TIMERFD_CREATE_X, SK_H_ARGS, {RES, U8(0), EMPTY}},
	{SYS_inotify_init, SKE_INOTIFY_INIT_X, SK_H_ARGS, {RES, EMPTY}},
	{SYS_inotify_init1, SKE_INOTIFY_INIT1_X, SK_H_ARGS, {RES, EMPTY}},
	{SYS_mlock, SKE_MLOCK_X, SK_H_ARGS, {RES, U64(0), U64(1)}},
	{SYS_munlock, SKE_MUNLOCK_X, SK_H_ARGS, {RES, U64(0), U64(1)}},
	{SYS_mlock2, SKE_MLOCK2_X, SK_H_ARGS, {RES, U64(0), U64(1), U32(2)}},
	{SYS_mlockall, SKE_MLOCKALL_X, SK_H_ARGS, {RES, U32(0)}},
	{SYS_munlockall, SKE_MUNLOCKALL_X, SK_H_ARGS, {RES}},
	{SYS_semget, SKE_SEMGET_X, SK_H_ARGS, {RES, I32(0), I32(1), EMPTY}},
	{SYS_pidfd_open, SKE_PIDFD_OPEN_X, SK_H_ARGS, {RES, S32(0), EMPTY}},
	{SYS_pidfd_getfd, SKE_PIDFD_GETFD_X, SK_H_ARGS, {RES, S32(0), S32(1), U32(2)}},
	{SYS_delete_module, SKE_DELETE_MODULE_X, SK_H_ARGS, {RES, USTR(0), EMPTY}},
};
const size_t sk__live_nxrows = sizeof(sk__live_xrows) / sizeof(sk__live_xrows[0]);

/* Exit codes the thread/fd state needs (Falco's base_syscalls idea). */
static const uint16_t state_types[] = {
	SKE_CLONE_20_X, SKE_CLONE3_X, SKE_FORK_20_X, SKE_VFORK_20_X, SKE_EXECVE_19_X,
	SKE_EXECVEAT_X, SKE_PROCEXIT_1_E, SKE_CLOSE_X, SKE_OPEN_X, SKE_OPENAT_2_X,
	SKE_OPENAT2_X, SKE_CREAT_X, SKE_DUP_1_X, SKE_DUP2_X, SKE_DUP3_X, SKE_SOCKET_X,
	SKE_SOCKETPAIR_X, SKE_CONNECT_X, SKE_ACCEPT_5_X, SKE_ACCEPT4_6_X, SKE_BIND_X,
	SKE_PIPE_X, SKE_PIPE2_X, SKE_MEMFD_CREATE_X, SKE_USERFAULTFD_X, SKE_BPF_2_X,
	SKE_CHDIR_X, SKE_FCHDIR_X, SKE_SETUID_X, SKE_SETGID_X, SKE_SETRESUID_X,
	SKE_SETRESGID_X,
};

static uint16_t supported[sizeof(sk__live_rows) / sizeof(sk__live_rows[0]) +
			  sizeof(sk__live_xrows) / sizeof(sk__live_xrows[0]) + 1];

const uint16_t *sk_live_supported_types(size_t *n)
{
	size_t i, k = 0, j;

	for (i = 0; i < sk__live_nrows; i++) {
		for (j = 0; j < k; j++)
			if (supported[j] == sk__live_rows[i].evt)
				break;
		if (j == k)
			supported[k++] = sk__live_rows[i].evt;
	}
	for (i = 0; i < sk__live_nxrows; i++)
		supported[k++] = sk__live_xrows[i].evt;
	supported[k++] = SKE_GENERIC_X;
	*n = k;
	return supported;
}

const uint16_t *sk_live_state_types(size_t *n)
{
	*n = sizeof(state_types) / sizeof(state_types[0]);
	return state_types;
}

int sk__live_row_selected(const sk_live_row_t *r, const uint16_t *types, size_t n)
{
	size_t i, j;

	if (!types || !n)
		return 1;
	for (i = 0; i < n; i++) {
		if (types[i] == r->evt || types[i] + 1 == r->evt)
			return 1;
		for (j = 0; j < SK_LIVE_MAX_ALIASES && r->aliases[j]; j++)
			if (types[i] == r->aliases[j])
				return 1;
	}
	return 0;
}

static const sk_live_row_t *row_of(uint32_t nr)
{
	size_t i;

	for (i = 0; i < sk__live_nrows; i++)
		if (sk__live_rows[i].nr == nr)
			return &sk__live_rows[i];
	return NULL;
}

static int code_selected(uint16_t evt, const uint16_t *types, size_t n)
{
	size_t i;

	if (!types || !n)
		return 1;
	for (i = 0; i < n; i++)
		if (types[i] == evt || types[i] + 1 == evt)
			return 1;
	return 0;
}

void sk__live_entry(uint32_t nr, const uint16_t *types, size_t n, struct sk_sc_entry *ent,
	struct sk_sc_args *args)
{
	const sk_live_row_t *r = row_of(nr);
	size_t i;

	memset(ent, 0, sizeof(*ent));
	memset(args, 0, sizeof(*args));
	if (r) {
		ent->evt = r->evt;
		ent->handler = r->handler;
		ent->lifecycle = r->lifecycle;
		ent->enabled = (uint8_t)sk__live_row_selected(r, types, n);
		return;
	}
	for (i = 0; i < sk__live_nxrows; i++) {
		const sk_live_xrow_t *x = &sk__live_xrows[i];
		size_t k;

		if (x->nr != nr)
			continue;
		ent->evt = x->evt;
		ent->handler = x->handler;
		ent->enabled = (uint8_t)code_selected(x->evt, types, n);
		for (k = 0; k < SK_ARGS_NMAX && x->args[k]; k++)
			args->p[k] = x->args[k];
		args->n = (unsigned short)k;
		return;
	}
	for (i = 0; i < sk__live_ngeneric; i++) {
		if (sk__live_generic[i].nr != nr)
			continue;
		ent->evt = SKE_GENERIC_X;
		ent->handler = SK_H_GENERIC;
		ent->enabled = (uint8_t)code_selected(SKE_GENERIC_X, types, n);
		args->ppm_sc = sk__live_generic[i].ppm_sc;
		return;
	}
}
