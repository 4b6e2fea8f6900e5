/*
 * live_table.c - which syscall produces which exit event through which BPF
 * handler, as data: adding a syscall is one row (plus its handler).
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>

#include "live_table.h"
#include "bpf/sk_bpf_shared.h"
#include "bpf/sk_bpf_events.h"

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

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

static uint16_t supported[sizeof(sk__live_rows) / sizeof(sk__live_rows[0])];

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
