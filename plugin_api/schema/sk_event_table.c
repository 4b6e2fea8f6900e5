/*
 * sk_event_table.c - saker's event schema as data: one row per event code.
 *
 * Source of truth: the upstream scap event schema, falcosecurity/libs
 * driver/ppm_events_public.h (codes, parameter types, flag values) and
 * driver/event_table.c (names, categories, flags, parameter lists), at the
 * commit named in ../shared/reference/plugin-abi.md. The facts are carried
 * over, written as saker's own rows; the table is maintained by hand, and
 * the captures replayed against sysdig (ctest -R syscall_replay) check it.
 *
 * Adding an event code (upstream appended one):
 *  1. raise SK_EVT_CODE_MAX in sk_event_schema.h to upstream PPM_EVENT_MAX;
 *  2. if a parameter has value names, add an fl_* array (NULL-terminated)
 *     above, or reuse the one upstream shares;
 *  3. add the parameter array p<code>[]: {name, PT_* type, PF_* format,
 *     index of the dirfd parameter for a PT_FSRELPATH or -1, fl_* or NULL};
 *  4. add the row [code] = {name, code, SK_EC_* category, SK_EF_* flags,
 *     number of parameters, p<code>} (an enter event has the even code, its
 *     exit event the next odd one; an older layout of a call keeps its own
 *     code with SK_EF_OLD_VERSION; an unused code is {"NA", code,
 *     SK_EC_UNKNOWN, SK_EF_UNUSED, 0, NULL});
 *  5. a new parameter type also needs its PT_* constant (schema header),
 *     its name in type_names (sk_event_schema.c) and its decoding and
 *     rendering in the syscall plugin (evview.c, render.c); live capture of
 *     the new event is the BPF side's (plugins/syscall/README.md).
 * The rows are indexed by code, so a duplicate is a compile warning
 * (-Woverride-init) and the syscall_tables test checks that no code is
 * left without a row.
 */
#include "sk_event_schema.h"

static const sk_flag_name_t fl_file_flags[] = {
	{"O_LARGEFILE", 2048u},
	{"O_DIRECTORY", 1024u},
	{"O_DIRECT", 512u},
	{"O_TRUNC", 256u},
	{"O_SYNC", 128u},
	{"O_NONBLOCK", 64u},
	{"O_EXCL", 32u},
	{"O_DSYNC", 16u},
	{"O_APPEND", 8u},
	{"O_CREAT", 4u},
	{"O_RDWR", 3u},
	{"O_WRONLY", 2u},
	{"O_RDONLY", 1u},
	{"O_CLOEXEC", 4096u},
	{"O_NONE", 0u},
	{"O_TMPFILE", 8192u},
	{NULL, 0},
};
static const sk_flag_name_t fl_clone_flags[] = {
	{"CLONE_FILES", 1u},
	{"CLONE_FS", 2u},
	{"CLONE_IO", 4u},
	{"CLONE_NEWIPC", 8u},
	{"CLONE_NEWNET", 16u},
	{"CLONE_NEWNS", 32u},
	{"CLONE_NEWPID", 64u},
	{"CLONE_NEWUTS", 128u},
	{"CLONE_PARENT", 256u},
	{"CLONE_PARENT_SETTID", 512u},
	{"CLONE_PTRACE", 1024u},
	{"CLONE_SIGHAND", 2048u},
	{"CLONE_SYSVSEM", 4096u},
	{"CLONE_THREAD", 8192u},
	{"CLONE_UNTRACED", 16384u},
	{"CLONE_VM", 32768u},
	{"CLONE_INVERTED", 65536u},
	{"NAME_CHANGED", 131072u},
	{"CLOSED", 262144u},
	{"CLONE_NEWUSER", 1048576u},
	{"CLONE_CHILD_CLEARTID", 8388608u},
	{"CLONE_CHILD_SETTID", 16777216u},
	{"CLONE_SETTLS", 33554432u},
	{"CLONE_STOPPED", 67108864u},
	{"CLONE_VFORK", 134217728u},
	{"CLONE_NEWCGROUP", 268435456u},
	{NULL, 0},
};
static const sk_flag_name_t fl_socket_families[] = {
	{"AF_NFC", 39u},
	{"AF_ALG", 38u},
	{"AF_CAIF", 37u},
	{"AF_IEEE802154", 36u},
	{"AF_PHONET", 35u},
	{"AF_ISDN", 34u},
	{"AF_RXRPC", 33u},
	{"AF_IUCV", 32u},
	{"AF_BLUETOOTH", 31u},
	{"AF_TIPC", 30u},
	{"AF_CAN", 29u},
	{"AF_LLC", 26u},
	{"AF_WANPIPE", 25u},
	{"AF_PPPOX", 24u},
	{"AF_IRDA", 23u},
	{"AF_SNA", 22u},
	{"AF_RDS", 21u},
	{"AF_ATMSVC", 20u},
	{"AF_ECONET", 19u},
	{"AF_ASH", 18u},
	{"AF_PACKET", 17u},
	{"AF_ROUTE", 16u},
	{"AF_NETLINK", 16u},
	{"AF_KEY", 15u},
	{"AF_SECURITY", 14u},
	{"AF_NETBEUI", 13u},
	{"AF_DECnet", 12u},
	{"AF_ROSE", 11u},
	{"AF_INET6", 10u},
	{"AF_X25", 9u},
	{"AF_ATMPVC", 8u},
	{"AF_BRIDGE", 7u},
	{"AF_NETROM", 6u},
	{"AF_APPLETALK", 5u},
	{"AF_IPX", 4u},
	{"AF_AX25", 3u},
	{"AF_INET", 2u},
	{"AF_LOCAL", 1u},
	{"AF_UNIX", 1u},
	{"AF_UNSPEC", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_shutdown_how[] = {
	{"SHUT_RDWR", 2u},
	{"SHUT_WR", 1u},
	{"SHUT_RD", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_sockopt_levels[] = {
	{"SOL_SOCKET", 1u},
	{"SOL_TCP", 2u},
	{"UNKNOWN", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_sockopt_options[] = {
	{"SO_COOKIE", 53u},
	{"SO_MEMINFO", 52u},
	{"SO_PEERGROUPS", 51u},
	{"SO_ATTACH_BPF", 50u},
	{"SO_INCOMING_CPU", 49u},
	{"SO_BPF_EXTENSIONS", 48u},
	{"SO_MAX_PACING_RATE", 47u},
	{"SO_BUSY_POLL", 46u},
	{"SO_SELECT_ERR_QUEUE", 45u},
	{"SO_LOCK_FILTER", 44u},
	{"SO_NOFCS", 43u},
	{"SO_PEEK_OFF", 42u},
	{"SO_WIFI_STATUS", 41u},
	{"SO_RXQ_OVFL", 40u},
	{"SO_DOMAIN", 39u},
	{"SO_PROTOCOL", 38u},
	{"SO_TIMESTAMPING", 37u},
	{"SO_MARK", 36u},
	{"SO_TIMESTAMPNS", 35u},
	{"SO_PASSSEC", 34u},
	{"SO_PEERSEC", 31u},
	{"SO_ACCEPTCONN", 30u},
	{"SO_TIMESTAMP", 29u},
	{"SO_PEERNAME", 28u},
	{"SO_DETACH_FILTER", 27u},
	{"SO_ATTACH_FILTER", 26u},
	{"SO_BINDTODEVICE", 25u},
	{"SO_SECURITY_ENCRYPTION_NETWORK", 24u},
	{"SO_SECURITY_ENCRYPTION_TRANSPORT", 23u},
	{"SO_SECURITY_AUTHENTICATION", 22u},
	{"SO_SNDTIMEO", 21u},
	{"SO_RCVTIMEO", 20u},
	{"SO_SNDLOWAT", 19u},
	{"SO_RCVLOWAT", 18u},
	{"SO_PEERCRED", 17u},
	{"SO_PASSCRED", 16u},
	{"SO_REUSEPORT", 15u},
	{"SO_BSDCOMPAT", 14u},
	{"SO_LINGER", 13u},
	{"SO_PRIORITY", 12u},
	{"SO_NO_CHECK", 11u},
	{"SO_OOBINLINE", 10u},
	{"SO_KEEPALIVE", 9u},
	{"SO_RCVBUFFORCE", 33u},
	{"SO_SNDBUFFORCE", 32u},
	{"SO_RCVBUF", 8u},
	{"SO_SNDBUF", 7u},
	{"SO_BROADCAST", 6u},
	{"SO_DONTROUTE", 5u},
	{"SO_ERROR", 4u},
	{"SO_TYPE", 3u},
	{"SO_REUSEADDR", 2u},
	{"SO_DEBUG", 1u},
	{"UNKNOWN", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_futex_operations[] = {
	{"FUTEX_CLOCK_REALTIME", 256u},
	{"FUTEX_PRIVATE_FLAG", 128u},
	{"FUTEX_CMP_REQUEUE_PI", 12u},
	{"FUTEX_WAIT_REQUEUE_PI", 11u},
	{"FUTEX_WAKE_BITSET", 10u},
	{"FUTEX_WAIT_BITSET", 9u},
	{"FUTEX_TRYLOCK_PI", 8u},
	{"FUTEX_UNLOCK_PI", 7u},
	{"FUTEX_LOCK_PI", 6u},
	{"FUTEX_WAKE_OP", 5u},
	{"FUTEX_CMP_REQUEUE", 4u},
	{"FUTEX_REQUEUE", 3u},
	{"FUTEX_FD", 2u},
	{"FUTEX_WAKE", 1u},
	{"FUTEX_WAIT", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_lseek_whence[] = {
	{"SEEK_END", 2u},
	{"SEEK_CUR", 1u},
	{"SEEK_SET", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_rlimit_resources[] = {
	{"RLIMIT_UNKNOWN", 255u},
	{"RLIMIT_RTTIME", 15u},
	{"RLIMIT_RTPRIO", 14u},
	{"RLIMIT_NICE", 13u},
	{"RLIMIT_MSGQUEUE", 12u},
	{"RLIMIT_SIGPENDING", 11u},
	{"RLIMIT_LOCKS", 10u},
	{"RLIMIT_AS", 9u},
	{"RLIMIT_MEMLOCK", 8u},
	{"RLIMIT_NOFILE", 7u},
	{"RLIMIT_NPROC", 6u},
	{"RLIMIT_RSS", 5u},
	{"RLIMIT_CORE", 4u},
	{"RLIMIT_STACK", 3u},
	{"RLIMIT_DATA", 2u},
	{"RLIMIT_FSIZE", 1u},
	{"RLIMIT_CPU", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_fcntl_commands[] = {
	{"F_GETPIPE_SZ", 29u},
	{"F_SETPIPE_SZ", 28u},
	{"F_NOTIFY", 27u},
	{"F_DUPFD_CLOEXEC", 26u},
	{"F_CANCELLK", 25u},
	{"F_GETLEASE", 24u},
	{"F_SETLEASE", 23u},
	{"F_GETOWN_EX", 22u},
	{"F_SETOWN_EX", 21u},
	{"F_SETLKW64", 19u},
	{"F_SETLK64", 18u},
	{"F_GETLK64", 17u},
	{"F_GETSIG", 15u},
	{"F_SETSIG", 13u},
	{"F_GETOWN", 12u},
	{"F_SETOWN", 10u},
	{"F_SETLKW", 9u},
	{"F_SETLK", 8u},
	{"F_GETLK", 6u},
	{"F_SETFL", 5u},
	{"F_GETFL", 4u},
	{"F_SETFD", 3u},
	{"F_GETFD", 2u},
	{"F_DUPFD", 1u},
	{"F_OFD_GETLK", 30u},
	{"F_OFD_SETLK", 31u},
	{"F_OFD_SETLKW", 32u},
	{"UNKNOWN", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_prot_flags[] = {
	{"PROT_READ", 1u},
	{"PROT_WRITE", 2u},
	{"PROT_EXEC", 4u},
	{"PROT_SEM", 8u},
	{"PROT_GROWSDOWN", 16u},
	{"PROT_GROWSUP", 32u},
	{"PROT_SAO", 64u},
	{"PROT_NONE", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_mmap_flags[] = {
	{"MAP_SHARED", 1u},
	{"MAP_PRIVATE", 2u},
	{"MAP_FIXED", 4u},
	{"MAP_ANONYMOUS", 8u},
	{"MAP_32BIT", 16u},
	{"MAP_RENAME", 32u},
	{"MAP_NORESERVE", 64u},
	{"MAP_POPULATE", 128u},
	{"MAP_NONBLOCK", 256u},
	{"MAP_GROWSDOWN", 512u},
	{"MAP_DENYWRITE", 1024u},
	{"MAP_EXECUTABLE", 2048u},
	{"MAP_INHERIT", 4096u},
	{"MAP_FILE", 8192u},
	{"MAP_LOCKED", 16384u},
	{NULL, 0},
};
static const sk_flag_name_t fl_splice_flags[] = {
	{"SPLICE_F_MOVE", 1u},
	{"SPLICE_F_NONBLOCK", 2u},
	{"SPLICE_F_MORE", 4u},
	{"SPLICE_F_GIFT", 8u},
	{NULL, 0},
};
static const sk_flag_name_t fl_ptrace_requests[] = {
	{"PTRACE_SINGLEBLOCK", 38u},
	{"PTRACE_SYSEMU_SINGLESTEP", 37u},
	{"PTRACE_SYSEMU", 36u},
	{"PTRACE_ARCH_PRCTL", 35u},
	{"PTRACE_SET_THREAD_AREA", 34u},
	{"PTRACE_GET_THREAD_AREA", 33u},
	{"PTRACE_OLDSETOPTIONS", 32u},
	{"PTRACE_SETFPXREGS", 31u},
	{"PTRACE_GETFPXREGS", 30u},
	{"PTRACE_SETFPREGS", 29u},
	{"PTRACE_GETFPREGS", 28u},
	{"PTRACE_SETREGS", 27u},
	{"PTRACE_GETREGS", 26u},
	{"PTRACE_SETSIGMASK", 25u},
	{"PTRACE_GETSIGMASK", 24u},
	{"PTRACE_PEEKSIGINFO", 23u},
	{"PTRACE_LISTEN", 22u},
	{"PTRACE_INTERRUPT", 21u},
	{"PTRACE_SEIZE", 20u},
	{"PTRACE_SETREGSET", 19u},
	{"PTRACE_GETREGSET", 18u},
	{"PTRACE_SETSIGINFO", 17u},
	{"PTRACE_GETSIGINFO", 16u},
	{"PTRACE_GETEVENTMSG", 15u},
	{"PTRACE_SETOPTIONS", 14u},
	{"PTRACE_SYSCALL", 13u},
	{"PTRACE_DETACH", 12u},
	{"PTRACE_ATTACH", 11u},
	{"PTRACE_SINGLESTEP", 10u},
	{"PTRACE_KILL", 9u},
	{"PTRACE_CONT", 8u},
	{"PTRACE_POKEUSR", 7u},
	{"PTRACE_POKEDATA", 6u},
	{"PTRACE_POKETEXT", 5u},
	{"PTRACE_PEEKUSR", 4u},
	{"PTRACE_PEEKDATA", 3u},
	{"PTRACE_PEEKTEXT", 2u},
	{"PTRACE_TRACEME", 1u},
	{"PTRACE_UNKNOWN", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_quotactl_cmds[] = {
	{"Q_QUOTAON", 1u},
	{"Q_QUOTAOFF", 2u},
	{"Q_GETFMT", 4u},
	{"Q_GETINFO", 8u},
	{"Q_SETINFO", 16u},
	{"Q_GETQUOTA", 32u},
	{"Q_SETQUOTA", 64u},
	{"Q_SYNC", 128u},
	{"Q_XQUOTAON", 256u},
	{"Q_XQUOTAOFF", 512u},
	{"Q_XGETQUOTA", 1024u},
	{"Q_XSETQLIM", 2048u},
	{"Q_XGETQSTAT", 4096u},
	{"Q_XQUOTARM", 8192u},
	{"Q_XQUOTASYNC", 16384u},
	{NULL, 0},
};
static const sk_flag_name_t fl_quotactl_types[] = {
	{"USRQUOTA", 1u},
	{"GRPQUOTA", 2u},
	{NULL, 0},
};
static const sk_flag_name_t fl_quotactl_quota_fmts[] = {
	{"QFMT_NOT_USED", 1u},
	{"QFMT_VFS_OLD", 2u},
	{"QFMT_VFS_V0", 4u},
	{"QFMT_VFS_V1", 8u},
	{NULL, 0},
};
static const sk_flag_name_t fl_quotactl_dqi_flags[] = {
	{"DQF_NONE", 1u},
	{"V1_DQF_RSQUASH", 2u},
	{NULL, 0},
};
static const sk_flag_name_t fl_flock_flags[] = {
	{"LOCK_SH", 1u},
	{"LOCK_EX", 2u},
	{"LOCK_NB", 4u},
	{"LOCK_UN", 8u},
	{"LOCK_NONE", 0u},
	{NULL, 0},
};
static const sk_flag_name_t fl_semop_flags[] = {
	{"IPC_NOWAIT", 1u},
	{"SEM_UNDO", 2u},
	{NULL, 0},
};
static const sk_flag_name_t fl_semctl_commands[] = {
	{"IPC_STAT", 1u},
	{"IPC_SET", 2u},
	{"IPC_RMID", 4u},
	{"IPC_INFO", 8u},
	{"SEM_INFO", 16u},
	{"SEM_STAT", 32u},
	{"GETALL", 64u},
	{"GETNCNT", 128u},
	{"GETPID", 256u},
	{"GETVAL", 512u},
	{"GETZCNT", 1024u},
	{"SETALL", 2048u},
	{"SETVAL", 4096u},
	{NULL, 0},
};
static const sk_flag_name_t fl_mount_flags[] = {
	{"RDONLY", 1u},
	{"NOSUID", 2u},
	{"NODEV", 4u},
	{"NOEXEC", 8u},
	{"SYNCHRONOUS", 16u},
	{"REMOUNT", 32u},
	{"MANDLOCK", 64u},
	{"DIRSYNC", 128u},
	{"NOATIME", 1024u},
	{"NODIRATIME", 2048u},
	{"BIND", 4096u},
	{"MOVE", 8192u},
	{"REC", 16384u},
	{"SILENT", 32768u},
	{"POSIXACL", 65536u},
	{"UNBINDABLE", 131072u},
	{"PRIVATE", 262144u},
	{"SLAVE", 524288u},
	{"SHARED", 1048576u},
	{"RELATIME", 2097152u},
	{"KERNMOUNT", 4194304u},
	{"I_VERSION", 8388608u},
	{"STRICTATIME", 16777216u},
	{"LAZYTIME", 33554432u},
	{"NOSEC", 268435456u},
	{"BORN", 536870912u},
	{"ACTIVE", 1073741824u},
	{"NOUSER", 2147483648u},
	{NULL, 0},
};
static const sk_flag_name_t fl_umount_flags[] = {
	{"FORCE", 1u},
	{"DETACH", 2u},
	{"EXPIRE", 4u},
	{"NOFOLLOW", 8u},
	{NULL, 0},
};
static const sk_flag_name_t fl_semget_flags[] = {
	{"IPC_EXCL", 16384u},
	{"IPC_CREAT", 8192u},
	{NULL, 0},
};
static const sk_flag_name_t fl_access_flags[] = {
	{"F_OK", 0u},
	{"R_OK", 4u},
	{"W_OK", 2u},
	{"X_OK", 1u},
	{NULL, 0},
};
static const sk_flag_name_t fl_pf_flags[] = {
	{"PROTECTION_VIOLATION", 1u},
	{"PAGE_NOT_PRESENT", 2u},
	{"WRITE_ACCESS", 4u},
	{"READ_ACCESS", 8u},
	{"USER_FAULT", 16u},
	{"SUPERVISOR_FAULT", 32u},
	{"RESERVED_PAGE", 64u},
	{"INSTRUCTION_FETCH", 128u},
	{NULL, 0},
};
static const sk_flag_name_t fl_execve_flags[] = {
	{"EXE_WRITABLE", 1u},
	{NULL, 0},
};
static const sk_flag_name_t fl_unlinkat_flags[] = {
	{"AT_REMOVEDIR", 512u},
	{NULL, 0},
};
static const sk_flag_name_t fl_linkat_flags[] = {
	{"AT_SYMLINK_FOLLOW", 1024u},
	{"AT_EMPTY_PATH", 4096u},
	{NULL, 0},
};
static const sk_flag_name_t fl_chmod_mode[] = {
	{"S_IXOTH", 1u},
	{"S_IWOTH", 2u},
	{"S_IROTH", 4u},
	{"S_IXGRP", 8u},
	{"S_IWGRP", 16u},
	{"S_IRGRP", 32u},
	{"S_IXUSR", 64u},
	{"S_IWUSR", 128u},
	{"S_IRUSR", 256u},
	{"S_ISVTX", 512u},
	{"S_ISGID", 1024u},
	{"S_ISUID", 2048u},
	{NULL, 0},
};
static const sk_flag_name_t fl_renameat2_flags[] = {
	{"RENAME_NOREPLACE", 1u},
	{"RENAME_EXCHANGE", 2u},
	{"RENAME_WHITEOUT", 4u},
	{NULL, 0},
};
static const sk_flag_name_t fl_openat2_flags[] = {
	{"RESOLVE_BENEATH", 1u},
	{"RESOLVE_IN_ROOT", 2u},
	{"RESOLVE_NO_MAGICLINKS", 4u},
	{"RESOLVE_NO_SYMLINKS", 8u},
	{"RESOLVE_NO_XDEV", 16u},
	{"RESOLVE_CACHED", 32u},
	{NULL, 0},
};
static const sk_flag_name_t fl_execveat_flags[] = {
	{"AT_EMPTY_PATH", 1u},
	{"AT_SYMLINK_NOFOLLOW", 2u},
	{NULL, 0},
};

static const sk_evt_param_info_t p0[] = {
	{"ID", PT_SYSCALLID, PF_DEC, -1, NULL},
	{"nativeID", PT_UINT16, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p1[] = {
	{"ID", PT_SYSCALLID, PF_DEC, -1, NULL},
	{"nativeID", PT_UINT16, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p2[] = {
	{"name", PT_FSPATH, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
	{"mode", PT_UINT32, PF_OCT, -1, NULL},
};
static const sk_evt_param_info_t p3[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"name", PT_FSPATH, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
	{"mode", PT_UINT32, PF_OCT, -1, NULL},
	{"dev", PT_UINT32, PF_HEX, -1, NULL},
	{"ino", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p4[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p5[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p6[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p7[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p8[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p9[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p10[] = {
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p11[] = {
	{"res", PT_UINT64, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p13[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p15[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p18[] = {
	{"domain", PT_FLAGS32, PF_DEC, -1, fl_socket_families},
	{"type", PT_UINT32, PF_DEC, -1, NULL},
	{"proto", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p19[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"domain", PT_FLAGS32, PF_DEC, -1, fl_socket_families},
	{"type", PT_UINT32, PF_DEC, -1, NULL},
	{"proto", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p20[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p21[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"addr", PT_SOCKADDR, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p22[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"addr", PT_SOCKADDR, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p23[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"addr", PT_SOCKADDR, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p24[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"backlog", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p25[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"backlog", PT_INT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p27[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
	{"queuepct", PT_UINT8, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p28[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p29[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p30[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p31[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p32[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p33[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p34[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p35[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p36[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"how", PT_FLAGS8, PF_HEX, -1, fl_shutdown_how},
};
static const sk_evt_param_info_t p37[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"how", PT_FLAGS8, PF_HEX, -1, fl_shutdown_how},
};
static const sk_evt_param_info_t p42[] = {
	{"domain", PT_FLAGS32, PF_DEC, -1, fl_socket_families},
	{"type", PT_UINT32, PF_DEC, -1, NULL},
	{"proto", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p43[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd1", PT_FD, PF_DEC, -1, NULL},
	{"fd2", PT_FD, PF_DEC, -1, NULL},
	{"source", PT_UINT64, PF_HEX, -1, NULL},
	{"peer", PT_UINT64, PF_HEX, -1, NULL},
	{"domain", PT_FLAGS32, PF_DEC, -1, fl_socket_families},
	{"type", PT_UINT32, PF_DEC, -1, NULL},
	{"proto", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p45[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"level", PT_FLAGS8, PF_DEC, -1, fl_sockopt_levels},
	{"optname", PT_FLAGS8, PF_DEC, -1, fl_sockopt_options},
	{"val", PT_DYN, PF_DEC, -1, NULL},
	{"optlen", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p47[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"level", PT_FLAGS8, PF_DEC, -1, fl_sockopt_levels},
	{"optname", PT_FLAGS8, PF_DEC, -1, fl_sockopt_options},
	{"val", PT_DYN, PF_DEC, -1, NULL},
	{"optlen", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p48[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p49[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p52[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p53[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
	{"msgcontrol", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p56[] = {
	{"flags", PT_INT32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p57[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
	{"queuepct", PT_UINT8, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p58[] = {
	{"name", PT_FSPATH, PF_NA, -1, NULL},
	{"mode", PT_UINT32, PF_OCT, -1, NULL},
};
static const sk_evt_param_info_t p59[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"name", PT_FSPATH, PF_NA, -1, NULL},
	{"mode", PT_UINT32, PF_OCT, -1, NULL},
	{"dev", PT_UINT32, PF_HEX, -1, NULL},
	{"ino", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p61[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd1", PT_FD, PF_DEC, -1, NULL},
	{"fd2", PT_FD, PF_DEC, -1, NULL},
	{"ino", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p62[] = {
	{"initval", PT_UINT64, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p63[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"initval", PT_UINT64, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p64[] = {
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"op", PT_FLAGS16, PF_HEX, -1, fl_futex_operations},
	{"val", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p65[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"op", PT_FLAGS16, PF_HEX, -1, fl_futex_operations},
	{"val", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p67[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p69[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p70[] = {
	{"fd", PT_FD, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p71[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p73[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p75[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p76[] = {
	{"fd", PT_FD, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p77[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p78[] = {
	{"maxevents", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p79[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"maxevents", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p80[] = {
	{"fds", PT_FDLIST, PF_DEC, -1, NULL},
	{"timeout", PT_INT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p81[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fds", PT_FDLIST, PF_DEC, -1, NULL},
	{"timeout", PT_INT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p83[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p85[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p86[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"offset", PT_UINT64, PF_DEC, -1, NULL},
	{"whence", PT_FLAGS8, PF_DEC, -1, fl_lseek_whence},
};
static const sk_evt_param_info_t p87[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"offset", PT_UINT64, PF_DEC, -1, NULL},
	{"whence", PT_FLAGS8, PF_DEC, -1, fl_lseek_whence},
};
static const sk_evt_param_info_t p88[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"offset", PT_UINT64, PF_DEC, -1, NULL},
	{"whence", PT_FLAGS8, PF_DEC, -1, fl_lseek_whence},
};
static const sk_evt_param_info_t p89[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p90[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"request", PT_UINT64, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p91[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p93[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p95[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p96[] = {
	{"fd", PT_FD, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p97[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p98[] = {
	{"path", PT_FSPATH, PF_NA, -1, NULL},
	{"mode", PT_UINT32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p99[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p100[] = {
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p101[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p102[] = {
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
	{"mode", PT_UINT32, PF_OCT, -1, NULL},
};
static const sk_evt_param_info_t p103[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p104[] = {
	{"oldpath", PT_FSPATH, PF_NA, -1, NULL},
	{"newpath", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p105[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p106[] = {
	{"olddir", PT_FD, PF_DEC, -1, NULL},
	{"oldpath", PT_CHARBUF, PF_NA, -1, NULL},
	{"newdir", PT_FD, PF_DEC, -1, NULL},
	{"newpath", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p107[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p108[] = {
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p109[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p110[] = {
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p111[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p112[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"pos", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p113[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"pos", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p114[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"pos", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p115[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"pos", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p116[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p117[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p118[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p119[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p120[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"pos", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p121[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"pos", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p122[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"pos", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p123[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT32, PF_DEC, -1, NULL},
	{"pos", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p124[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p125[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p126[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"mask", PT_UINT32, PF_HEX, -1, NULL},
	{"flags", PT_FLAGS8, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p127[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"mask", PT_UINT32, PF_HEX, -1, NULL},
	{"flags", PT_FLAGS8, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p128[] = {
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"sig", PT_SIGTYPE, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p129[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"sig", PT_SIGTYPE, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p130[] = {
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"sig", PT_SIGTYPE, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p131[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"sig", PT_SIGTYPE, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p132[] = {
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"sig", PT_SIGTYPE, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p133[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"sig", PT_SIGTYPE, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p134[] = {
	{"interval", PT_RELTIME, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p135[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"interval", PT_RELTIME, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p136[] = {
	{"clockid", PT_UINT8, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS8, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p137[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"clockid", PT_UINT8, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS8, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p138[] = {
	{"flags", PT_FLAGS8, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p139[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS8, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p140[] = {
	{"resource", PT_FLAGS8, PF_DEC, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p141[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"cur", PT_INT64, PF_DEC, -1, NULL},
	{"max", PT_INT64, PF_DEC, -1, NULL},
	{"resource", PT_FLAGS8, PF_DEC, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p142[] = {
	{"resource", PT_FLAGS8, PF_DEC, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p143[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"cur", PT_INT64, PF_DEC, -1, NULL},
	{"max", PT_INT64, PF_DEC, -1, NULL},
	{"resource", PT_FLAGS8, PF_DEC, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p144[] = {
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"resource", PT_FLAGS8, PF_DEC, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p145[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"newcur", PT_INT64, PF_DEC, -1, NULL},
	{"newmax", PT_INT64, PF_DEC, -1, NULL},
	{"oldcur", PT_INT64, PF_DEC, -1, NULL},
	{"oldmax", PT_INT64, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"resource", PT_FLAGS8, PF_DEC, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p146[] = {
	{"next", PT_PID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p148[] = {
	{"ratio", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p149[] = {
	{"ratio", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p150[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"cmd", PT_FLAGS8, PF_DEC, -1, fl_fcntl_commands},
};
static const sk_evt_param_info_t p151[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"cmd", PT_FLAGS8, PF_DEC, -1, fl_fcntl_commands},
};
static const sk_evt_param_info_t p152[] = {
	{"next", PT_PID, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p155[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p157[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p158[] = {
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p159[] = {
	{"res", PT_UINT64, PF_HEX, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p160[] = {
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"length", PT_UINT64, PF_DEC, -1, NULL},
	{"prot", PT_FLAGS32, PF_HEX, -1, fl_prot_flags},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_mmap_flags},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"offset", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p161[] = {
	{"res", PT_UINT64, PF_HEX, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"length", PT_UINT64, PF_DEC, -1, NULL},
	{"prot", PT_FLAGS32, PF_HEX, -1, fl_prot_flags},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_mmap_flags},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"offset", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p162[] = {
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"length", PT_UINT64, PF_DEC, -1, NULL},
	{"prot", PT_FLAGS32, PF_HEX, -1, fl_prot_flags},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_mmap_flags},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"pgoffset", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p163[] = {
	{"res", PT_UINT64, PF_HEX, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p164[] = {
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"length", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p165[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"length", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p166[] = {
	{"fd_in", PT_FD, PF_DEC, -1, NULL},
	{"fd_out", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT64, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_splice_flags},
};
static const sk_evt_param_info_t p167[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd_in", PT_FD, PF_DEC, -1, NULL},
	{"fd_out", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT64, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_splice_flags},
};
static const sk_evt_param_info_t p168[] = {
	{"request", PT_FLAGS16, PF_DEC, -1, fl_ptrace_requests},
	{"pid", PT_PID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p169[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"addr", PT_DYN, PF_HEX, -1, NULL},
	{"data", PT_DYN, PF_HEX, -1, NULL},
	{"request", PT_FLAGS16, PF_DEC, -1, fl_ptrace_requests},
	{"pid", PT_PID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p170[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"request", PT_UINT64, PF_HEX, -1, NULL},
	{"argument", PT_UINT64, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p171[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"request", PT_UINT64, PF_HEX, -1, NULL},
	{"argument", PT_UINT64, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p173[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"env", PT_BYTEBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p175[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"oldpath", PT_FSPATH, PF_NA, -1, NULL},
	{"newpath", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p177[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"olddirfd", PT_FD, PF_DEC, -1, NULL},
	{"oldpath", PT_FSRELPATH, PF_NA, 1, NULL},
	{"newdirfd", PT_FD, PF_DEC, -1, NULL},
	{"newpath", PT_FSRELPATH, PF_NA, 3, NULL},
};
static const sk_evt_param_info_t p179[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"target", PT_CHARBUF, PF_NA, -1, NULL},
	{"linkpath", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p181[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"target", PT_CHARBUF, PF_NA, -1, NULL},
	{"linkdirfd", PT_FD, PF_DEC, -1, NULL},
	{"linkpath", PT_FSRELPATH, PF_NA, 2, NULL},
};
static const sk_evt_param_info_t p183[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p185[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p186[] = {
	{"status", PT_ERRNO, PF_DEC, -1, NULL},
	{"ret", PT_ERRNO, PF_DEC, -1, NULL},
	{"sig", PT_SIGTYPE, PF_DEC, -1, NULL},
	{"core", PT_UINT8, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p188[] = {
	{"out_fd", PT_FD, PF_DEC, -1, NULL},
	{"in_fd", PT_FD, PF_DEC, -1, NULL},
	{"offset", PT_UINT64, PF_DEC, -1, NULL},
	{"size", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p189[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"offset", PT_UINT64, PF_DEC, -1, NULL},
	{"out_fd", PT_FD, PF_DEC, -1, NULL},
	{"in_fd", PT_FD, PF_DEC, -1, NULL},
	{"size", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p190[] = {
	{"cmd", PT_FLAGS16, PF_DEC, -1, fl_quotactl_cmds},
	{"type", PT_FLAGS8, PF_DEC, -1, fl_quotactl_types},
	{"id", PT_UINT32, PF_DEC, -1, NULL},
	{"quota_fmt", PT_FLAGS8, PF_DEC, -1, fl_quotactl_quota_fmts},
};
static const sk_evt_param_info_t p191[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"special", PT_CHARBUF, PF_NA, -1, NULL},
	{"quotafilepath", PT_CHARBUF, PF_NA, -1, NULL},
	{"dqb_bhardlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"dqb_bsoftlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"dqb_curspace", PT_UINT64, PF_DEC, -1, NULL},
	{"dqb_ihardlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"dqb_isoftlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"dqb_btime", PT_RELTIME, PF_DEC, -1, NULL},
	{"dqb_itime", PT_RELTIME, PF_DEC, -1, NULL},
	{"dqi_bgrace", PT_RELTIME, PF_DEC, -1, NULL},
	{"dqi_igrace", PT_RELTIME, PF_DEC, -1, NULL},
	{"dqi_flags", PT_FLAGS8, PF_DEC, -1, fl_quotactl_dqi_flags},
	{"quota_fmt_out", PT_FLAGS8, PF_DEC, -1, fl_quotactl_quota_fmts},
};
static const sk_evt_param_info_t p192[] = {
	{"ruid", PT_UID, PF_DEC, -1, NULL},
	{"euid", PT_UID, PF_DEC, -1, NULL},
	{"suid", PT_UID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p193[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"ruid", PT_UID, PF_DEC, -1, NULL},
	{"euid", PT_UID, PF_DEC, -1, NULL},
	{"suid", PT_UID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p194[] = {
	{"rgid", PT_GID, PF_DEC, -1, NULL},
	{"egid", PT_GID, PF_DEC, -1, NULL},
	{"sgid", PT_GID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p195[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"rgid", PT_GID, PF_DEC, -1, NULL},
	{"egid", PT_GID, PF_DEC, -1, NULL},
	{"sgid", PT_GID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p196[] = {
	{"event_type", PT_UINT32, PF_DEC, -1, NULL},
	{"event_data", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p198[] = {
	{"uid", PT_UID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p199[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"uid", PT_UID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p200[] = {
	{"gid", PT_GID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p201[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"gid", PT_GID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p203[] = {
	{"uid", PT_UID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p205[] = {
	{"euid", PT_UID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p207[] = {
	{"gid", PT_GID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p209[] = {
	{"egid", PT_GID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p211[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"ruid", PT_UID, PF_DEC, -1, NULL},
	{"euid", PT_UID, PF_DEC, -1, NULL},
	{"suid", PT_UID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p213[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"rgid", PT_GID, PF_DEC, -1, NULL},
	{"egid", PT_GID, PF_DEC, -1, NULL},
	{"sgid", PT_GID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p215[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"env", PT_BYTEBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p217[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p219[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p221[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p223[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"cgroups", PT_BYTEBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
	{"vtid", PT_PID, PF_DEC, -1, NULL},
	{"vpid", PT_PID, PF_DEC, -1, NULL},
	{"pidns_init_start_ts", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p225[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"cgroups", PT_BYTEBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
	{"vtid", PT_PID, PF_DEC, -1, NULL},
	{"vpid", PT_PID, PF_DEC, -1, NULL},
	{"pidns_init_start_ts", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p227[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"cgroups", PT_BYTEBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
	{"vtid", PT_PID, PF_DEC, -1, NULL},
	{"vpid", PT_PID, PF_DEC, -1, NULL},
	{"pidns_init_start_ts", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p228[] = {
	{"id", PT_CHARBUF, PF_NA, -1, NULL},
	{"type", PT_UINT32, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
	{"image", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p231[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"cgroups", PT_BYTEBUF, PF_NA, -1, NULL},
	{"env", PT_BYTEBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p232[] = {
	{"spid", PT_PID, PF_DEC, -1, NULL},
	{"dpid", PT_PID, PF_DEC, -1, NULL},
	{"sig", PT_SIGTYPE, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p234[] = {
	{"cpu_usr", PT_UINT64, PF_DEC, -1, NULL},
	{"cpu_sys", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p236[] = {
	{"fd", PT_FD, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p237[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p238[] = {
	{"fd", PT_FD, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p239[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p240[] = {
	{"fd", PT_FD, PF_NA, -1, NULL},
	{"nstype", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
};
static const sk_evt_param_info_t p241[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"nstype", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
};
static const sk_evt_param_info_t p242[] = {
	{"fd", PT_FD, PF_NA, -1, NULL},
	{"operation", PT_FLAGS32, PF_HEX, -1, fl_flock_flags},
};
static const sk_evt_param_info_t p243[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_NA, -1, NULL},
	{"operation", PT_FLAGS32, PF_HEX, -1, fl_flock_flags},
};
static const sk_evt_param_info_t p244[] = {
	{"cpu", PT_UINT32, PF_DEC, -1, NULL},
	{"action", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p247[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
	{"queuepct", PT_UINT8, PF_DEC, -1, NULL},
	{"queuelen", PT_UINT32, PF_DEC, -1, NULL},
	{"queuemax", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p248[] = {
	{"flags", PT_INT32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p249[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
	{"queuepct", PT_UINT8, PF_DEC, -1, NULL},
	{"queuelen", PT_UINT32, PF_DEC, -1, NULL},
	{"queuemax", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p250[] = {
	{"semid", PT_INT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p251[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"nsops", PT_UINT32, PF_DEC, -1, NULL},
	{"sem_num_0", PT_UINT16, PF_DEC, -1, NULL},
	{"sem_op_0", PT_INT16, PF_DEC, -1, NULL},
	{"sem_flg_0", PT_FLAGS16, PF_HEX, -1, fl_semop_flags},
	{"sem_num_1", PT_UINT16, PF_DEC, -1, NULL},
	{"sem_op_1", PT_INT16, PF_DEC, -1, NULL},
	{"sem_flg_1", PT_FLAGS16, PF_HEX, -1, fl_semop_flags},
};
static const sk_evt_param_info_t p252[] = {
	{"semid", PT_INT32, PF_DEC, -1, NULL},
	{"semnum", PT_INT32, PF_DEC, -1, NULL},
	{"cmd", PT_FLAGS16, PF_HEX, -1, fl_semctl_commands},
	{"val", PT_INT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p253[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p254[] = {
	{"fds", PT_FDLIST, PF_DEC, -1, NULL},
	{"timeout", PT_RELTIME, PF_DEC, -1, NULL},
	{"sigmask", PT_SIGSET, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p255[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fds", PT_FDLIST, PF_DEC, -1, NULL},
	{"timeout", PT_RELTIME, PF_DEC, -1, NULL},
	{"sigmask", PT_SIGSET, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p256[] = {
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_mount_flags},
};
static const sk_evt_param_info_t p257[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"dev", PT_CHARBUF, PF_NA, -1, NULL},
	{"dir", PT_FSPATH, PF_NA, -1, NULL},
	{"type", PT_CHARBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_mount_flags},
};
static const sk_evt_param_info_t p258[] = {
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_umount_flags},
};
static const sk_evt_param_info_t p259[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"name", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p260[] = {
	{"json", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p262[] = {
	{"key", PT_INT32, PF_HEX, -1, NULL},
	{"nsems", PT_INT32, PF_DEC, -1, NULL},
	{"semflg", PT_FLAGS32, PF_HEX, -1, fl_semget_flags},
};
static const sk_evt_param_info_t p263[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"key", PT_INT32, PF_HEX, -1, NULL},
	{"nsems", PT_INT32, PF_DEC, -1, NULL},
	{"semflg", PT_FLAGS32, PF_HEX, -1, fl_semget_flags},
};
static const sk_evt_param_info_t p264[] = {
	{"mode", PT_FLAGS32, PF_HEX, -1, fl_access_flags},
};
static const sk_evt_param_info_t p265[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"name", PT_FSPATH, PF_NA, -1, NULL},
	{"mode", PT_FLAGS32, PF_HEX, -1, fl_access_flags},
};
static const sk_evt_param_info_t p267[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p268[] = {
	{"id", PT_INT64, PF_DEC, -1, NULL},
	{"tags", PT_CHARBUFARRAY, PF_NA, -1, NULL},
	{"args", PT_CHARBUF_PAIR_ARRAY, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p269[] = {
	{"id", PT_INT64, PF_DEC, -1, NULL},
	{"tags", PT_CHARBUFARRAY, PF_NA, -1, NULL},
	{"args", PT_CHARBUF_PAIR_ARRAY, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p270[] = {
	{"json", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p272[] = {
	{"json", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p275[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p276[] = {
	{"mode", PT_UINT32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p277[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p279[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p280[] = {
	{"id", PT_CHARBUF, PF_DEC, -1, NULL},
	{"desc", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p283[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"cgroups", PT_BYTEBUF, PF_NA, -1, NULL},
	{"env", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tty", PT_INT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p284[] = {
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
};
static const sk_evt_param_info_t p285[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
};
static const sk_evt_param_info_t p286[] = {
	{"source", PT_CHARBUF, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
	{"description", PT_CHARBUF, PF_NA, -1, NULL},
	{"scope", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p288[] = {
	{"filename", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p289[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"cgroups", PT_BYTEBUF, PF_NA, -1, NULL},
	{"env", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tty", PT_INT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p290[] = {
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"ip", PT_UINT64, PF_HEX, -1, NULL},
	{"error", PT_FLAGS32, PF_HEX, -1, fl_pf_flags},
};
static const sk_evt_param_info_t p292[] = {
	{"filename", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p293[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"cgroups", PT_BYTEBUF, PF_NA, -1, NULL},
	{"env", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tty", PT_UINT32, PF_DEC, -1, NULL},
	{"pgid", PT_PID, PF_DEC, -1, NULL},
	{"loginuid", PT_UID, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_execve_flags},
	{"cap_inheritable", PT_UINT64, PF_HEX, -1, NULL},
	{"cap_permitted", PT_UINT64, PF_HEX, -1, NULL},
	{"cap_effective", PT_UINT64, PF_HEX, -1, NULL},
	{"exe_ino", PT_UINT64, PF_DEC, -1, NULL},
	{"exe_ino_ctime", PT_ABSTIME, PF_DEC, -1, NULL},
	{"exe_ino_mtime", PT_ABSTIME, PF_DEC, -1, NULL},
	{"uid", PT_UID, PF_DEC, -1, NULL},
	{"trusted_exepath", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p294[] = {
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"pgid", PT_PID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p295[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"pgid", PT_PID, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p296[] = {
	{"cmd", PT_INT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p297[] = {
	{"res_or_fd", PT_DYN, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p298[] = {
	{"op", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p299[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"op", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p301[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p303[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"name", PT_FSRELPATH, PF_NA, 1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_unlinkat_flags},
};
static const sk_evt_param_info_t p305[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"path", PT_FSRELPATH, PF_NA, 1, NULL},
	{"mode", PT_UINT32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p306[] = {
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"name", PT_FSRELPATH, PF_NA, 0, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
	{"mode", PT_UINT32, PF_OCT, -1, NULL},
};
static const sk_evt_param_info_t p307[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"name", PT_FSRELPATH, PF_NA, 1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
	{"mode", PT_UINT32, PF_OCT, -1, NULL},
	{"dev", PT_UINT32, PF_HEX, -1, NULL},
	{"ino", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p309[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"oldpath", PT_FSPATH, PF_NA, -1, NULL},
	{"newpath", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p311[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"olddir", PT_FD, PF_DEC, -1, NULL},
	{"oldpath", PT_FSRELPATH, PF_NA, 1, NULL},
	{"newdir", PT_FD, PF_DEC, -1, NULL},
	{"newpath", PT_FSRELPATH, PF_NA, 3, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_linkat_flags},
};
static const sk_evt_param_info_t p313[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"filename", PT_FSRELPATH, PF_NA, 1, NULL},
	{"mode", PT_MODE, PF_OCT, -1, fl_chmod_mode},
};
static const sk_evt_param_info_t p315[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"filename", PT_FSPATH, PF_NA, -1, NULL},
	{"mode", PT_MODE, PF_OCT, -1, fl_chmod_mode},
};
static const sk_evt_param_info_t p317[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"mode", PT_MODE, PF_OCT, -1, fl_chmod_mode},
};
static const sk_evt_param_info_t p319[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"olddirfd", PT_FD, PF_DEC, -1, NULL},
	{"oldpath", PT_FSRELPATH, PF_NA, 1, NULL},
	{"newdirfd", PT_FD, PF_DEC, -1, NULL},
	{"newpath", PT_FSRELPATH, PF_NA, 3, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_renameat2_flags},
};
static const sk_evt_param_info_t p321[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
};
static const sk_evt_param_info_t p322[] = {
	{"plugin ID", PT_UINT32, PF_DEC, -1, NULL},
	{"event_data", PT_BYTEBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p324[] = {
	{"json", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p326[] = {
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"name", PT_FSRELPATH, PF_NA, 1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
	{"mode", PT_UINT32, PF_OCT, -1, NULL},
	{"resolve", PT_FLAGS32, PF_HEX, -1, fl_openat2_flags},
};
static const sk_evt_param_info_t p327[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"name", PT_FSRELPATH, PF_NA, 1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
	{"mode", PT_UINT32, PF_OCT, -1, NULL},
	{"resolve", PT_FLAGS32, PF_HEX, -1, fl_openat2_flags},
};
static const sk_evt_param_info_t p328[] = {
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"length", PT_UINT64, PF_DEC, -1, NULL},
	{"prot", PT_FLAGS32, PF_HEX, -1, fl_prot_flags},
};
static const sk_evt_param_info_t p329[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"length", PT_UINT64, PF_DEC, -1, NULL},
	{"prot", PT_FLAGS32, PF_HEX, -1, fl_prot_flags},
};
static const sk_evt_param_info_t p330[] = {
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"pathname", PT_FSRELPATH, PF_NA, 0, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_execveat_flags},
};
static const sk_evt_param_info_t p331[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"cgroups", PT_BYTEBUF, PF_NA, -1, NULL},
	{"env", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tty", PT_UINT32, PF_DEC, -1, NULL},
	{"pgid", PT_PID, PF_DEC, -1, NULL},
	{"loginuid", PT_UID, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_execve_flags},
	{"cap_inheritable", PT_UINT64, PF_HEX, -1, NULL},
	{"cap_permitted", PT_UINT64, PF_HEX, -1, NULL},
	{"cap_effective", PT_UINT64, PF_HEX, -1, NULL},
	{"exe_ino", PT_UINT64, PF_DEC, -1, NULL},
	{"exe_ino_ctime", PT_ABSTIME, PF_DEC, -1, NULL},
	{"exe_ino_mtime", PT_ABSTIME, PF_DEC, -1, NULL},
	{"uid", PT_UID, PF_DEC, -1, NULL},
	{"trusted_exepath", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p332[] = {
	{"fdin", PT_FD, PF_DEC, -1, NULL},
	{"offin", PT_UINT64, PF_DEC, -1, NULL},
	{"len", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p333[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fdout", PT_FD, PF_DEC, -1, NULL},
	{"offout", PT_UINT64, PF_DEC, -1, NULL},
	{"fdin", PT_FD, PF_DEC, -1, NULL},
	{"offin", PT_UINT64, PF_DEC, -1, NULL},
	{"len", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p335[] = {
	{"res", PT_PID, PF_DEC, -1, NULL},
	{"exe", PT_CHARBUF, PF_NA, -1, NULL},
	{"args", PT_BYTEBUF, PF_NA, -1, NULL},
	{"tid", PT_PID, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"ptid", PT_PID, PF_DEC, -1, NULL},
	{"cwd", PT_CHARBUF, PF_NA, -1, NULL},
	{"fdlimit", PT_INT64, PF_DEC, -1, NULL},
	{"pgft_maj", PT_UINT64, PF_DEC, -1, NULL},
	{"pgft_min", PT_UINT64, PF_DEC, -1, NULL},
	{"vm_size", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_rss", PT_UINT32, PF_DEC, -1, NULL},
	{"vm_swap", PT_UINT32, PF_DEC, -1, NULL},
	{"comm", PT_CHARBUF, PF_NA, -1, NULL},
	{"cgroups", PT_BYTEBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_clone_flags},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
	{"vtid", PT_PID, PF_DEC, -1, NULL},
	{"vpid", PT_PID, PF_DEC, -1, NULL},
	{"pidns_init_start_ts", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p337[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"mountfd", PT_FD, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p339[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"entries", PT_UINT32, PF_DEC, -1, NULL},
	{"sq_entries", PT_UINT32, PF_DEC, -1, NULL},
	{"cq_entries", PT_UINT32, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
	{"sq_thread_cpu", PT_UINT32, PF_DEC, -1, NULL},
	{"sq_thread_idle", PT_UINT32, PF_DEC, -1, NULL},
	{"features", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p341[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"to_submit", PT_UINT32, PF_DEC, -1, NULL},
	{"min_complete", PT_UINT32, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
	{"sig", PT_SIGSET, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p343[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"opcode", PT_ENUMFLAGS16, PF_DEC, -1, NULL},
	{"arg", PT_UINT64, PF_HEX, -1, NULL},
	{"nr_args", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p345[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"len", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p347[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"len", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p349[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p351[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p353[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"cap_inheritable", PT_UINT64, PF_HEX, -1, NULL},
	{"cap_permitted", PT_UINT64, PF_HEX, -1, NULL},
	{"cap_effective", PT_UINT64, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p354[] = {
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
	{"home", PT_CHARBUF, PF_NA, -1, NULL},
	{"shell", PT_CHARBUF, PF_NA, -1, NULL},
	{"container_id", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p356[] = {
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
	{"home", PT_CHARBUF, PF_NA, -1, NULL},
	{"shell", PT_CHARBUF, PF_NA, -1, NULL},
	{"container_id", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p358[] = {
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
	{"container_id", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p360[] = {
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
	{"container_id", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p362[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p363[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"oldfd", PT_FD, PF_DEC, -1, NULL},
	{"newfd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p364[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p365[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"oldfd", PT_FD, PF_DEC, -1, NULL},
	{"newfd", PT_FD, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
};
static const sk_evt_param_info_t p366[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p367[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"oldfd", PT_FD, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p368[] = {
	{"cmd", PT_INT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p369[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"cmd", PT_INT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p371[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"addr", PT_UINT64, PF_HEX, -1, NULL},
	{"len", PT_UINT64, PF_DEC, -1, NULL},
	{"flags", PT_UINT32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p373[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"cmd", PT_ENUMFLAGS32, PF_DEC, -1, NULL},
	{"key", PT_CHARBUF, PF_NA, -1, NULL},
	{"value_bytebuf", PT_BYTEBUF, PF_NA, -1, NULL},
	{"value_charbuf", PT_CHARBUF, PF_NA, -1, NULL},
	{"aux", PT_INT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p374[] = {
	{"size", PT_INT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p375[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"size", PT_INT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p376[] = {
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p377[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p379[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p381[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p383[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p385[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"pathname", PT_FSRELPATH, PF_NA, 1, NULL},
	{"uid", PT_UINT32, PF_DEC, -1, NULL},
	{"gid", PT_UINT32, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p387[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"name", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p388[] = {
	{"flags", PT_INT32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p389[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"tuple", PT_SOCKTUPLE, PF_NA, -1, NULL},
	{"queuepct", PT_UINT8, PF_DEC, -1, NULL},
	{"queuelen", PT_UINT32, PF_DEC, -1, NULL},
	{"queuemax", PT_UINT32, PF_DEC, -1, NULL},
	{"flags", PT_INT32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p390[] = {
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_umount_flags},
};
static const sk_evt_param_info_t p391[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"name", PT_FSPATH, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p393[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd1", PT_FD, PF_DEC, -1, NULL},
	{"fd2", PT_FD, PF_DEC, -1, NULL},
	{"ino", PT_UINT64, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, fl_file_flags},
};
static const sk_evt_param_info_t p395[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS16, PF_HEX, -1, fl_file_flags},
};
static const sk_evt_param_info_t p396[] = {
	{"initval", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p397[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS16, PF_HEX, -1, fl_file_flags},
	{"initval", PT_UINT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p398[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"mask", PT_UINT32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p399[] = {
	{"res", PT_FD, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS16, PF_HEX, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"mask", PT_UINT32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p401[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"option", PT_ENUMFLAGS32, PF_DEC, -1, NULL},
	{"arg2_str", PT_CHARBUF, PF_NA, -1, NULL},
	{"arg2_int", PT_INT64, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p402[] = {
	{"plugin_id", PT_UINT32, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p405[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p407[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"pid_fd", PT_FD, PF_DEC, -1, NULL},
	{"target_fd", PT_FD, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p409[] = {
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p411[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"img", PT_BYTEBUF, PF_NA, -1, NULL},
	{"length", PT_UINT64, PF_DEC, -1, NULL},
	{"uargs", PT_CHARBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p413[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"fd", PT_FD, PF_DEC, -1, NULL},
	{"uargs", PT_CHARBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p415[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"path", PT_FSPATH, PF_NA, -1, NULL},
	{"mode", PT_MODE, PF_OCT, -1, NULL},
	{"dev", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p417[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"path", PT_FSRELPATH, PF_NA, 1, NULL},
	{"mode", PT_MODE, PF_OCT, -1, NULL},
	{"dev", PT_UINT32, PF_DEC, -1, NULL},
};
static const sk_evt_param_info_t p419[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"dirfd", PT_FD, PF_DEC, -1, NULL},
	{"path", PT_FSRELPATH, PF_NA, 1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};
static const sk_evt_param_info_t p421[] = {
	{"res", PT_INT64, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p423[] = {
	{"res", PT_INT64, PF_DEC, -1, NULL},
	{"pid", PT_PID, PF_DEC, -1, NULL},
	{"data", PT_BYTEBUF, PF_NA, -1, NULL},
};
static const sk_evt_param_info_t p425[] = {
	{"res", PT_ERRNO, PF_DEC, -1, NULL},
	{"name", PT_CHARBUF, PF_NA, -1, NULL},
	{"flags", PT_FLAGS32, PF_HEX, -1, NULL},
};

const sk_evt_info_t sk__evt_table[SK_EVT_CODE_MAX] = {
	[0] = {"syscall", 0, SK_EC_OTHER, SK_EF_NONE, 2, p0},
	[1] = {"syscall", 1, SK_EC_OTHER, SK_EF_NONE, 2, p1},
	[2] = {"open", 2, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 3, p2},
	[3] = {"open", 3, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 6, p3},
	[4] = {"close", 4, SK_EC_IO_OTHER, SK_EF_DESTROYS_FD | SK_EF_USES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 1, p4},
	[5] = {"close", 5, SK_EC_IO_OTHER, SK_EF_DESTROYS_FD | SK_EF_USES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 2, p5},
	[6] = {"read", 6, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_DROP_SIMPLE_CONS, 2, p6},
	[7] = {"read", 7, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_DROP_SIMPLE_CONS, 4, p7},
	[8] = {"write", 8, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_DROP_SIMPLE_CONS, 2, p8},
	[9] = {"write", 9, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_DROP_SIMPLE_CONS, 4, p9},
	[10] = {"brk", 10, SK_EC_MEMORY, SK_EF_OLD_VERSION, 1, p10},
	[11] = {"brk", 11, SK_EC_MEMORY, SK_EF_OLD_VERSION, 1, p11},
	[12] = {"execve", 12, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[13] = {"execve", 13, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 8, p13},
	[14] = {"clone", 14, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[15] = {"clone", 15, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 11, p15},
	[16] = {"procexit", 16, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[17] = {"NA1", 17, SK_EC_PROCESS, SK_EF_UNUSED, 0, NULL},
	[18] = {"socket", 18, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 3, p18},
	[19] = {"socket", 19, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 4, p19},
	[20] = {"bind", 20, SK_EC_NET, SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 1, p20},
	[21] = {"bind", 21, SK_EC_NET, SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 3, p21},
	[22] = {"connect", 22, SK_EC_NET, SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 2, p22},
	[23] = {"connect", 23, SK_EC_NET, SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 4, p23},
	[24] = {"listen", 24, SK_EC_NET, SK_EF_USES_FD, 2, p24},
	[25] = {"listen", 25, SK_EC_NET, SK_EF_USES_FD, 3, p25},
	[26] = {"accept", 26, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[27] = {"accept", 27, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 3, p27},
	[28] = {"send", 28, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_DROP_SIMPLE_CONS, 2, p28},
	[29] = {"send", 29, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_DROP_SIMPLE_CONS, 2, p29},
	[30] = {"sendto", 30, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_MODIFIES_STATE, 3, p30},
	[31] = {"sendto", 31, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_MODIFIES_STATE, 5, p31},
	[32] = {"recv", 32, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_DROP_SIMPLE_CONS, 2, p32},
	[33] = {"recv", 33, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_DROP_SIMPLE_CONS, 2, p33},
	[34] = {"recvfrom", 34, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_MODIFIES_STATE, 2, p34},
	[35] = {"recvfrom", 35, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_MODIFIES_STATE, 5, p35},
	[36] = {"shutdown", 36, SK_EC_NET, SK_EF_USES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 2, p36},
	[37] = {"shutdown", 37, SK_EC_NET, SK_EF_USES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 3, p37},
	[38] = {"getsockname", 38, SK_EC_NET, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[39] = {"getsockname", 39, SK_EC_NET, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[40] = {"getpeername", 40, SK_EC_NET, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[41] = {"getpeername", 41, SK_EC_NET, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[42] = {"socketpair", 42, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 3, p42},
	[43] = {"socketpair", 43, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 8, p43},
	[44] = {"setsockopt", 44, SK_EC_NET, SK_EF_NONE, 0, NULL},
	[45] = {"setsockopt", 45, SK_EC_NET, SK_EF_USES_FD, 6, p45},
	[46] = {"getsockopt", 46, SK_EC_NET, SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[47] = {"getsockopt", 47, SK_EC_NET, SK_EF_USES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 6, p47},
	[48] = {"sendmsg", 48, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_MODIFIES_STATE, 3, p48},
	[49] = {"sendmsg", 49, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_MODIFIES_STATE, 5, p49},
	[50] = {"sendmmsg", 50, SK_EC_IO_WRITE, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[51] = {"sendmmsg", 51, SK_EC_IO_WRITE, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[52] = {"recvmsg", 52, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_MODIFIES_STATE, 1, p52},
	[53] = {"recvmsg", 53, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_MODIFIES_STATE, 6, p53},
	[54] = {"recvmmsg", 54, SK_EC_IO_READ, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[55] = {"recvmmsg", 55, SK_EC_IO_READ, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[56] = {"accept", 56, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 1, p56},
	[57] = {"accept", 57, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 3, p57},
	[58] = {"creat", 58, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 2, p58},
	[59] = {"creat", 59, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 5, p59},
	[60] = {"pipe", 60, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 0, NULL},
	[61] = {"pipe", 61, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 4, p61},
	[62] = {"eventfd", 62, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 2, p62},
	[63] = {"eventfd", 63, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 3, p63},
	[64] = {"futex", 64, SK_EC_IPC, SK_EF_DROP_SIMPLE_CONS, 3, p64},
	[65] = {"futex", 65, SK_EC_IPC, SK_EF_DROP_SIMPLE_CONS, 4, p65},
	[66] = {"stat", 66, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[67] = {"stat", 67, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 2, p67},
	[68] = {"lstat", 68, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[69] = {"lstat", 69, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 2, p69},
	[70] = {"fstat", 70, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 1, p70},
	[71] = {"fstat", 71, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 2, p71},
	[72] = {"stat64", 72, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[73] = {"stat64", 73, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 2, p73},
	[74] = {"lstat64", 74, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[75] = {"lstat64", 75, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 2, p75},
	[76] = {"fstat64", 76, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 1, p76},
	[77] = {"fstat64", 77, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 1, p77},
	[78] = {"epoll_wait", 78, SK_EC_WAIT, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 1, p78},
	[79] = {"epoll_wait", 79, SK_EC_WAIT, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 2, p79},
	[80] = {"poll", 80, SK_EC_WAIT, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 2, p80},
	[81] = {"poll", 81, SK_EC_WAIT, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 3, p81},
	[82] = {"select", 82, SK_EC_WAIT, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[83] = {"select", 83, SK_EC_WAIT, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 1, p83},
	[84] = {"select", 84, SK_EC_WAIT, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[85] = {"select", 85, SK_EC_WAIT, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 1, p85},
	[86] = {"lseek", 86, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 3, p86},
	[87] = {"lseek", 87, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 4, p87},
	[88] = {"llseek", 88, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 3, p88},
	[89] = {"llseek", 89, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 1, p89},
	[90] = {"ioctl", 90, SK_EC_IO_OTHER, SK_EF_USES_FD | SK_EF_OLD_VERSION, 2, p90},
	[91] = {"ioctl", 91, SK_EC_IO_OTHER, SK_EF_USES_FD | SK_EF_OLD_VERSION, 1, p91},
	[92] = {"getcwd", 92, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[93] = {"getcwd", 93, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 2, p93},
	[94] = {"chdir", 94, SK_EC_FILE, SK_EF_MODIFIES_STATE, 0, NULL},
	[95] = {"chdir", 95, SK_EC_FILE, SK_EF_MODIFIES_STATE, 2, p95},
	[96] = {"fchdir", 96, SK_EC_FILE, SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 1, p96},
	[97] = {"fchdir", 97, SK_EC_FILE, SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 2, p97},
	[98] = {"mkdir", 98, SK_EC_FILE, SK_EF_NONE, 2, p98},
	[99] = {"mkdir", 99, SK_EC_FILE, SK_EF_NONE, 1, p99},
	[100] = {"rmdir", 100, SK_EC_FILE, SK_EF_NONE, 1, p100},
	[101] = {"rmdir", 101, SK_EC_FILE, SK_EF_NONE, 1, p101},
	[102] = {"openat", 102, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 4, p102},
	[103] = {"openat", 103, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 1, p103},
	[104] = {"link", 104, SK_EC_FILE, SK_EF_OLD_VERSION, 2, p104},
	[105] = {"link", 105, SK_EC_FILE, SK_EF_OLD_VERSION, 1, p105},
	[106] = {"linkat", 106, SK_EC_FILE, SK_EF_OLD_VERSION, 4, p106},
	[107] = {"linkat", 107, SK_EC_FILE, SK_EF_OLD_VERSION, 1, p107},
	[108] = {"unlink", 108, SK_EC_FILE, SK_EF_OLD_VERSION, 1, p108},
	[109] = {"unlink", 109, SK_EC_FILE, SK_EF_OLD_VERSION, 1, p109},
	[110] = {"unlinkat", 110, SK_EC_FILE, SK_EF_OLD_VERSION, 2, p110},
	[111] = {"unlinkat", 111, SK_EC_FILE, SK_EF_OLD_VERSION, 1, p111},
	[112] = {"pread", 112, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_DROP_SIMPLE_CONS, 3, p112},
	[113] = {"pread", 113, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_DROP_SIMPLE_CONS, 5, p113},
	[114] = {"pwrite", 114, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_DROP_SIMPLE_CONS, 3, p114},
	[115] = {"pwrite", 115, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_DROP_SIMPLE_CONS, 5, p115},
	[116] = {"readv", 116, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_DROP_SIMPLE_CONS, 1, p116},
	[117] = {"readv", 117, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_DROP_SIMPLE_CONS, 4, p117},
	[118] = {"writev", 118, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_DROP_SIMPLE_CONS, 2, p118},
	[119] = {"writev", 119, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_DROP_SIMPLE_CONS, 4, p119},
	[120] = {"preadv", 120, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_DROP_SIMPLE_CONS, 2, p120},
	[121] = {"preadv", 121, SK_EC_IO_READ, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_DROP_SIMPLE_CONS, 5, p121},
	[122] = {"pwritev", 122, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_DROP_SIMPLE_CONS, 3, p122},
	[123] = {"pwritev", 123, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_WRITES_TO_FD | SK_EF_DROP_SIMPLE_CONS, 5, p123},
	[124] = {"dup", 124, SK_EC_IO_OTHER, SK_EF_CREATES_FD | SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 1, p124},
	[125] = {"dup", 125, SK_EC_IO_OTHER, SK_EF_CREATES_FD | SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 1, p125},
	[126] = {"signalfd", 126, SK_EC_SIGNAL, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 3, p126},
	[127] = {"signalfd", 127, SK_EC_SIGNAL, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 4, p127},
	[128] = {"kill", 128, SK_EC_SIGNAL, SK_EF_NONE, 2, p128},
	[129] = {"kill", 129, SK_EC_SIGNAL, SK_EF_NONE, 3, p129},
	[130] = {"tkill", 130, SK_EC_SIGNAL, SK_EF_NONE, 2, p130},
	[131] = {"tkill", 131, SK_EC_SIGNAL, SK_EF_NONE, 3, p131},
	[132] = {"tgkill", 132, SK_EC_SIGNAL, SK_EF_NONE, 3, p132},
	[133] = {"tgkill", 133, SK_EC_SIGNAL, SK_EF_NONE, 4, p133},
	[134] = {"nanosleep", 134, SK_EC_SLEEP, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 1, p134},
	[135] = {"nanosleep", 135, SK_EC_SLEEP, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 2, p135},
	[136] = {"timerfd_create", 136, SK_EC_TIME, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 2, p136},
	[137] = {"timerfd_create", 137, SK_EC_TIME, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 3, p137},
	[138] = {"inotify_init", 138, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 1, p138},
	[139] = {"inotify_init", 139, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 2, p139},
	[140] = {"getrlimit", 140, SK_EC_PROCESS, SK_EF_DROP_SIMPLE_CONS, 1, p140},
	[141] = {"getrlimit", 141, SK_EC_PROCESS, SK_EF_DROP_SIMPLE_CONS, 4, p141},
	[142] = {"setrlimit", 142, SK_EC_PROCESS, SK_EF_DROP_SIMPLE_CONS, 1, p142},
	[143] = {"setrlimit", 143, SK_EC_PROCESS, SK_EF_DROP_SIMPLE_CONS, 4, p143},
	[144] = {"prlimit", 144, SK_EC_PROCESS, SK_EF_NONE, 2, p144},
	[145] = {"prlimit", 145, SK_EC_PROCESS, SK_EF_NONE, 7, p145},
	[146] = {"switch", 146, SK_EC_SCHEDULER, SK_EF_SKIPPARSERESET | SK_EF_OLD_VERSION | SK_EF_DROP_SIMPLE_CONS, 1, p146},
	[147] = {"NA2", 147, SK_EC_SCHEDULER, SK_EF_UNUSED | SK_EF_SKIPPARSERESET | SK_EF_OLD_VERSION, 0, NULL},
	[148] = {"drop", 148, SK_EC_INTERNAL, SK_EF_SKIPPARSERESET, 1, p148},
	[149] = {"drop", 149, SK_EC_INTERNAL, SK_EF_SKIPPARSERESET, 1, p149},
	[150] = {"fcntl", 150, SK_EC_IO_OTHER, SK_EF_USES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 2, p150},
	[151] = {"fcntl", 151, SK_EC_IO_OTHER, SK_EF_USES_FD | SK_EF_MODIFIES_STATE | SK_EF_DROP_SIMPLE_CONS, 3, p151},
	[152] = {"switch", 152, SK_EC_SCHEDULER, SK_EF_DROP_SIMPLE_CONS, 6, p152},
	[153] = {"NA2", 153, SK_EC_SCHEDULER, SK_EF_UNUSED, 0, NULL},
	[154] = {"execve", 154, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[155] = {"execve", 155, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 13, p155},
	[156] = {"clone", 156, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[157] = {"clone", 157, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 16, p157},
	[158] = {"brk", 158, SK_EC_MEMORY, SK_EF_DROP_SIMPLE_CONS, 1, p158},
	[159] = {"brk", 159, SK_EC_MEMORY, SK_EF_DROP_SIMPLE_CONS, 5, p159},
	[160] = {"mmap", 160, SK_EC_MEMORY, SK_EF_DROP_SIMPLE_CONS, 6, p160},
	[161] = {"mmap", 161, SK_EC_MEMORY, SK_EF_DROP_SIMPLE_CONS, 10, p161},
	[162] = {"mmap2", 162, SK_EC_MEMORY, SK_EF_DROP_SIMPLE_CONS, 6, p162},
	[163] = {"mmap2", 163, SK_EC_MEMORY, SK_EF_DROP_SIMPLE_CONS, 4, p163},
	[164] = {"munmap", 164, SK_EC_MEMORY, SK_EF_DROP_SIMPLE_CONS, 2, p164},
	[165] = {"munmap", 165, SK_EC_MEMORY, SK_EF_DROP_SIMPLE_CONS, 6, p165},
	[166] = {"splice", 166, SK_EC_IO_OTHER, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 4, p166},
	[167] = {"splice", 167, SK_EC_IO_OTHER, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 5, p167},
	[168] = {"ptrace", 168, SK_EC_PROCESS, SK_EF_NONE, 2, p168},
	[169] = {"ptrace", 169, SK_EC_PROCESS, SK_EF_NONE, 5, p169},
	[170] = {"ioctl", 170, SK_EC_IO_OTHER, SK_EF_USES_FD, 3, p170},
	[171] = {"ioctl", 171, SK_EC_IO_OTHER, SK_EF_USES_FD, 4, p171},
	[172] = {"execve", 172, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[173] = {"execve", 173, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 14, p173},
	[174] = {"rename", 174, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[175] = {"rename", 175, SK_EC_FILE, SK_EF_NONE, 3, p175},
	[176] = {"renameat", 176, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[177] = {"renameat", 177, SK_EC_FILE, SK_EF_NONE, 5, p177},
	[178] = {"symlink", 178, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[179] = {"symlink", 179, SK_EC_FILE, SK_EF_NONE, 3, p179},
	[180] = {"symlinkat", 180, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[181] = {"symlinkat", 181, SK_EC_FILE, SK_EF_NONE, 4, p181},
	[182] = {"fork", 182, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[183] = {"fork", 183, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 16, p183},
	[184] = {"vfork", 184, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[185] = {"vfork", 185, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 16, p185},
	[186] = {"procexit", 186, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 4, p186},
	[187] = {"NA1", 187, SK_EC_PROCESS, SK_EF_UNUSED, 0, NULL},
	[188] = {"sendfile", 188, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 4, p188},
	[189] = {"sendfile", 189, SK_EC_IO_WRITE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 5, p189},
	[190] = {"quotactl", 190, SK_EC_USER, SK_EF_NONE, 4, p190},
	[191] = {"quotactl", 191, SK_EC_USER, SK_EF_NONE, 14, p191},
	[192] = {"setresuid", 192, SK_EC_USER, SK_EF_MODIFIES_STATE, 3, p192},
	[193] = {"setresuid", 193, SK_EC_USER, SK_EF_MODIFIES_STATE, 4, p193},
	[194] = {"setresgid", 194, SK_EC_USER, SK_EF_MODIFIES_STATE, 3, p194},
	[195] = {"setresgid", 195, SK_EC_USER, SK_EF_MODIFIES_STATE, 4, p195},
	[196] = {"sysdigevent", 196, SK_EC_INTERNAL, SK_EF_SKIPPARSERESET, 2, p196},
	[197] = {"sysdigevent", 197, SK_EC_INTERNAL, SK_EF_UNUSED, 0, NULL},
	[198] = {"setuid", 198, SK_EC_USER, SK_EF_MODIFIES_STATE, 1, p198},
	[199] = {"setuid", 199, SK_EC_USER, SK_EF_MODIFIES_STATE, 2, p199},
	[200] = {"setgid", 200, SK_EC_USER, SK_EF_MODIFIES_STATE, 1, p200},
	[201] = {"setgid", 201, SK_EC_USER, SK_EF_MODIFIES_STATE, 2, p201},
	[202] = {"getuid", 202, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[203] = {"getuid", 203, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 1, p203},
	[204] = {"geteuid", 204, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[205] = {"geteuid", 205, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 1, p205},
	[206] = {"getgid", 206, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[207] = {"getgid", 207, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 1, p207},
	[208] = {"getegid", 208, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[209] = {"getegid", 209, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 1, p209},
	[210] = {"getresuid", 210, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[211] = {"getresuid", 211, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 4, p211},
	[212] = {"getresgid", 212, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 0, NULL},
	[213] = {"getresgid", 213, SK_EC_USER, SK_EF_DROP_SIMPLE_CONS, 4, p213},
	[214] = {"execve", 214, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[215] = {"execve", 215, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 15, p215},
	[216] = {"clone", 216, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[217] = {"clone", 217, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 17, p217},
	[218] = {"fork", 218, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[219] = {"fork", 219, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 17, p219},
	[220] = {"vfork", 220, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[221] = {"vfork", 221, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 17, p221},
	[222] = {"clone", 222, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 0, NULL},
	[223] = {"clone", 223, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 21, p223},
	[224] = {"fork", 224, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 0, NULL},
	[225] = {"fork", 225, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 21, p225},
	[226] = {"vfork", 226, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 0, NULL},
	[227] = {"vfork", 227, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 21, p227},
	[228] = {"container", 228, SK_EC_INTERNAL, SK_EF_MODIFIES_STATE | SK_EF_SKIPPARSERESET | SK_EF_OLD_VERSION, 4, p228},
	[229] = {"container", 229, SK_EC_INTERNAL, SK_EF_UNUSED | SK_EF_OLD_VERSION, 0, NULL},
	[230] = {"execve", 230, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 0, NULL},
	[231] = {"execve", 231, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 16, p231},
	[232] = {"signaldeliver", 232, SK_EC_SIGNAL, SK_EF_DROP_SIMPLE_CONS, 3, p232},
	[233] = {"signaldeliver", 233, SK_EC_SIGNAL, SK_EF_UNUSED, 0, NULL},
	[234] = {"procinfo", 234, SK_EC_INTERNAL, SK_EF_SKIPPARSERESET | SK_EF_DROP_SIMPLE_CONS, 2, p234},
	[235] = {"NA2", 235, SK_EC_INTERNAL, SK_EF_UNUSED, 0, NULL},
	[236] = {"getdents", 236, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 1, p236},
	[237] = {"getdents", 237, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 2, p237},
	[238] = {"getdents64", 238, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 1, p238},
	[239] = {"getdents64", 239, SK_EC_FILE, SK_EF_USES_FD | SK_EF_DROP_SIMPLE_CONS, 2, p239},
	[240] = {"setns", 240, SK_EC_PROCESS, SK_EF_USES_FD, 2, p240},
	[241] = {"setns", 241, SK_EC_PROCESS, SK_EF_USES_FD, 3, p241},
	[242] = {"flock", 242, SK_EC_FILE, SK_EF_USES_FD, 2, p242},
	[243] = {"flock", 243, SK_EC_FILE, SK_EF_USES_FD, 3, p243},
	[244] = {"cpu_hotplug", 244, SK_EC_SYSTEM, SK_EF_MODIFIES_STATE | SK_EF_SKIPPARSERESET, 2, p244},
	[245] = {"NA2", 245, SK_EC_SYSTEM, SK_EF_UNUSED, 0, NULL},
	[246] = {"accept", 246, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 0, NULL},
	[247] = {"accept", 247, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 5, p247},
	[248] = {"accept", 248, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 1, p248},
	[249] = {"accept", 249, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 5, p249},
	[250] = {"semop", 250, SK_EC_PROCESS, SK_EF_DROP_SIMPLE_CONS, 1, p250},
	[251] = {"semop", 251, SK_EC_PROCESS, SK_EF_DROP_SIMPLE_CONS, 8, p251},
	[252] = {"semctl", 252, SK_EC_PROCESS, SK_EF_DROP_SIMPLE_CONS, 4, p252},
	[253] = {"semctl", 253, SK_EC_PROCESS, SK_EF_DROP_SIMPLE_CONS, 1, p253},
	[254] = {"ppoll", 254, SK_EC_WAIT, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 3, p254},
	[255] = {"ppoll", 255, SK_EC_WAIT, SK_EF_WAITS | SK_EF_DROP_SIMPLE_CONS, 4, p255},
	[256] = {"mount", 256, SK_EC_FILE, SK_EF_MODIFIES_STATE, 1, p256},
	[257] = {"mount", 257, SK_EC_FILE, SK_EF_MODIFIES_STATE, 5, p257},
	[258] = {"umount", 258, SK_EC_FILE, SK_EF_MODIFIES_STATE, 1, p258},
	[259] = {"umount", 259, SK_EC_FILE, SK_EF_MODIFIES_STATE, 2, p259},
	[260] = {"k8s", 260, SK_EC_INTERNAL, SK_EF_MODIFIES_STATE | SK_EF_SKIPPARSERESET, 1, p260},
	[261] = {"NA3", 261, SK_EC_SYSTEM, SK_EF_UNUSED, 0, NULL},
	[262] = {"semget", 262, SK_EC_PROCESS, SK_EF_DROP_SIMPLE_CONS, 3, p262},
	[263] = {"semget", 263, SK_EC_PROCESS, SK_EF_DROP_SIMPLE_CONS, 4, p263},
	[264] = {"access", 264, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 1, p264},
	[265] = {"access", 265, SK_EC_FILE, SK_EF_DROP_SIMPLE_CONS, 3, p265},
	[266] = {"chroot", 266, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 0, NULL},
	[267] = {"chroot", 267, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 2, p267},
	[268] = {"tracer", 268, SK_EC_OTHER, SK_EF_NONE, 3, p268},
	[269] = {"tracer", 269, SK_EC_OTHER, SK_EF_NONE, 3, p269},
	[270] = {"mesos", 270, SK_EC_INTERNAL, SK_EF_MODIFIES_STATE | SK_EF_SKIPPARSERESET, 1, p270},
	[271] = {"NA4", 271, SK_EC_SYSTEM, SK_EF_UNUSED, 0, NULL},
	[272] = {"container", 272, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 1, p272},
	[273] = {"container", 273, SK_EC_PROCESS, SK_EF_UNUSED, 0, NULL},
	[274] = {"setsid", 274, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 0, NULL},
	[275] = {"setsid", 275, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 1, p275},
	[276] = {"mkdir", 276, SK_EC_FILE, SK_EF_NONE, 1, p276},
	[277] = {"mkdir", 277, SK_EC_FILE, SK_EF_NONE, 2, p277},
	[278] = {"rmdir", 278, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[279] = {"rmdir", 279, SK_EC_FILE, SK_EF_NONE, 2, p279},
	[280] = {"notification", 280, SK_EC_OTHER, SK_EF_SKIPPARSERESET, 2, p280},
	[281] = {"NA4", 281, SK_EC_SYSTEM, SK_EF_UNUSED, 0, NULL},
	[282] = {"execve", 282, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 0, NULL},
	[283] = {"execve", 283, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 17, p283},
	[284] = {"unshare", 284, SK_EC_PROCESS, SK_EF_NONE, 1, p284},
	[285] = {"unshare", 285, SK_EC_PROCESS, SK_EF_NONE, 2, p285},
	[286] = {"infra", 286, SK_EC_INTERNAL, SK_EF_SKIPPARSERESET, 4, p286},
	[287] = {"NA4", 287, SK_EC_SYSTEM, SK_EF_UNUSED, 0, NULL},
	[288] = {"execve", 288, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 1, p288},
	[289] = {"execve", 289, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_OLD_VERSION, 17, p289},
	[290] = {"page_fault", 290, SK_EC_OTHER, SK_EF_SKIPPARSERESET | SK_EF_DROP_SIMPLE_CONS, 3, p290},
	[291] = {"NA5", 291, SK_EC_OTHER, SK_EF_UNUSED, 0, NULL},
	[292] = {"execve", 292, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 1, p292},
	[293] = {"execve", 293, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 28, p293},
	[294] = {"setpgid", 294, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 2, p294},
	[295] = {"setpgid", 295, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 3, p295},
	[296] = {"bpf", 296, SK_EC_OTHER, SK_EF_CREATES_FD, 1, p296},
	[297] = {"bpf", 297, SK_EC_OTHER, SK_EF_CREATES_FD, 1, p297},
	[298] = {"seccomp", 298, SK_EC_OTHER, SK_EF_NONE, 1, p298},
	[299] = {"seccomp", 299, SK_EC_OTHER, SK_EF_NONE, 2, p299},
	[300] = {"unlink", 300, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[301] = {"unlink", 301, SK_EC_FILE, SK_EF_NONE, 2, p301},
	[302] = {"unlinkat", 302, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[303] = {"unlinkat", 303, SK_EC_FILE, SK_EF_NONE, 4, p303},
	[304] = {"mkdirat", 304, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[305] = {"mkdirat", 305, SK_EC_FILE, SK_EF_NONE, 4, p305},
	[306] = {"openat", 306, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 4, p306},
	[307] = {"openat", 307, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 7, p307},
	[308] = {"link", 308, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[309] = {"link", 309, SK_EC_FILE, SK_EF_NONE, 3, p309},
	[310] = {"linkat", 310, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[311] = {"linkat", 311, SK_EC_FILE, SK_EF_NONE, 6, p311},
	[312] = {"fchmodat", 312, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[313] = {"fchmodat", 313, SK_EC_FILE, SK_EF_NONE, 4, p313},
	[314] = {"chmod", 314, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[315] = {"chmod", 315, SK_EC_FILE, SK_EF_NONE, 3, p315},
	[316] = {"fchmod", 316, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[317] = {"fchmod", 317, SK_EC_FILE, SK_EF_NONE, 3, p317},
	[318] = {"renameat2", 318, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[319] = {"renameat2", 319, SK_EC_FILE, SK_EF_NONE, 6, p319},
	[320] = {"userfaultfd", 320, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 0, NULL},
	[321] = {"userfaultfd", 321, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 2, p321},
	[322] = {"pluginevent", 322, SK_EC_OTHER, SK_EF_LARGE_PAYLOAD, 2, p322},
	[323] = {"pluginevent", 323, SK_EC_OTHER, SK_EF_UNUSED, 0, NULL},
	[324] = {"container", 324, SK_EC_PROCESS, SK_EF_MODIFIES_STATE | SK_EF_LARGE_PAYLOAD, 1, p324},
	[325] = {"container", 325, SK_EC_PROCESS, SK_EF_UNUSED, 0, NULL},
	[326] = {"openat2", 326, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 5, p326},
	[327] = {"openat2", 327, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 6, p327},
	[328] = {"mprotect", 328, SK_EC_MEMORY, SK_EF_DROP_SIMPLE_CONS, 3, p328},
	[329] = {"mprotect", 329, SK_EC_MEMORY, SK_EF_DROP_SIMPLE_CONS, 4, p329},
	[330] = {"execveat", 330, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 3, p330},
	[331] = {"execveat", 331, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 28, p331},
	[332] = {"copy_file_range", 332, SK_EC_FILE, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_WRITES_TO_FD, 3, p332},
	[333] = {"copy_file_range", 333, SK_EC_FILE, SK_EF_USES_FD | SK_EF_READS_FROM_FD | SK_EF_WRITES_TO_FD, 6, p333},
	[334] = {"clone3", 334, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 0, NULL},
	[335] = {"clone3", 335, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 21, p335},
	[336] = {"open_by_handle_at", 336, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 0, NULL},
	[337] = {"open_by_handle_at", 337, SK_EC_FILE, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 4, p337},
	[338] = {"io_uring_setup", 338, SK_EC_IO_OTHER, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 0, NULL},
	[339] = {"io_uring_setup", 339, SK_EC_IO_OTHER, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 8, p339},
	[340] = {"io_uring_enter", 340, SK_EC_IO_OTHER, SK_EF_NONE, 0, NULL},
	[341] = {"io_uring_enter", 341, SK_EC_IO_OTHER, SK_EF_USES_FD, 6, p341},
	[342] = {"io_uring_register", 342, SK_EC_IO_OTHER, SK_EF_NONE, 0, NULL},
	[343] = {"io_uring_register", 343, SK_EC_IO_OTHER, SK_EF_USES_FD, 5, p343},
	[344] = {"mlock", 344, SK_EC_MEMORY, SK_EF_NONE, 0, NULL},
	[345] = {"mlock", 345, SK_EC_MEMORY, SK_EF_NONE, 3, p345},
	[346] = {"munlock", 346, SK_EC_MEMORY, SK_EF_NONE, 0, NULL},
	[347] = {"munlock", 347, SK_EC_MEMORY, SK_EF_NONE, 3, p347},
	[348] = {"mlockall", 348, SK_EC_MEMORY, SK_EF_NONE, 0, NULL},
	[349] = {"mlockall", 349, SK_EC_MEMORY, SK_EF_NONE, 2, p349},
	[350] = {"munlockall", 350, SK_EC_MEMORY, SK_EF_NONE, 0, NULL},
	[351] = {"munlockall", 351, SK_EC_MEMORY, SK_EF_NONE, 1, p351},
	[352] = {"capset", 352, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 0, NULL},
	[353] = {"capset", 353, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 4, p353},
	[354] = {"useradded", 354, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 6, p354},
	[355] = {"NA", 355, SK_EC_UNKNOWN, SK_EF_UNUSED, 0, NULL},
	[356] = {"userdeleted", 356, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 6, p356},
	[357] = {"NA", 357, SK_EC_UNKNOWN, SK_EF_UNUSED, 0, NULL},
	[358] = {"groupadded", 358, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 3, p358},
	[359] = {"NA", 359, SK_EC_UNKNOWN, SK_EF_UNUSED, 0, NULL},
	[360] = {"groupdeleted", 360, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 3, p360},
	[361] = {"NA", 361, SK_EC_UNKNOWN, SK_EF_UNUSED, 0, NULL},
	[362] = {"dup2", 362, SK_EC_IO_OTHER, SK_EF_CREATES_FD | SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 1, p362},
	[363] = {"dup2", 363, SK_EC_IO_OTHER, SK_EF_CREATES_FD | SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 3, p363},
	[364] = {"dup3", 364, SK_EC_IO_OTHER, SK_EF_CREATES_FD | SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 1, p364},
	[365] = {"dup3", 365, SK_EC_IO_OTHER, SK_EF_CREATES_FD | SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 4, p365},
	[366] = {"dup", 366, SK_EC_IO_OTHER, SK_EF_CREATES_FD | SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 1, p366},
	[367] = {"dup", 367, SK_EC_IO_OTHER, SK_EF_CREATES_FD | SK_EF_USES_FD | SK_EF_MODIFIES_STATE, 2, p367},
	[368] = {"bpf", 368, SK_EC_OTHER, SK_EF_CREATES_FD, 1, p368},
	[369] = {"bpf", 369, SK_EC_OTHER, SK_EF_CREATES_FD, 2, p369},
	[370] = {"mlock2", 370, SK_EC_MEMORY, SK_EF_NONE, 0, NULL},
	[371] = {"mlock2", 371, SK_EC_MEMORY, SK_EF_NONE, 4, p371},
	[372] = {"fsconfig", 372, SK_EC_SYSTEM, SK_EF_NONE, 0, NULL},
	[373] = {"fsconfig", 373, SK_EC_SYSTEM, SK_EF_USES_FD, 7, p373},
	[374] = {"epoll_create", 374, SK_EC_WAIT, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 1, p374},
	[375] = {"epoll_create", 375, SK_EC_WAIT, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 2, p375},
	[376] = {"epoll_create1", 376, SK_EC_WAIT, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 1, p376},
	[377] = {"epoll_create1", 377, SK_EC_WAIT, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 2, p377},
	[378] = {"chown", 378, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[379] = {"chown", 379, SK_EC_FILE, SK_EF_NONE, 4, p379},
	[380] = {"lchown", 380, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[381] = {"lchown", 381, SK_EC_FILE, SK_EF_NONE, 4, p381},
	[382] = {"fchown", 382, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[383] = {"fchown", 383, SK_EC_FILE, SK_EF_USES_FD, 4, p383},
	[384] = {"fchownat", 384, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[385] = {"fchownat", 385, SK_EC_FILE, SK_EF_NONE, 6, p385},
	[386] = {"umount", 386, SK_EC_FILE, SK_EF_MODIFIES_STATE, 0, NULL},
	[387] = {"umount", 387, SK_EC_FILE, SK_EF_MODIFIES_STATE, 2, p387},
	[388] = {"accept4", 388, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 1, p388},
	[389] = {"accept4", 389, SK_EC_NET, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 6, p389},
	[390] = {"umount2", 390, SK_EC_FILE, SK_EF_MODIFIES_STATE, 1, p390},
	[391] = {"umount2", 391, SK_EC_FILE, SK_EF_MODIFIES_STATE, 2, p391},
	[392] = {"pipe2", 392, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 0, NULL},
	[393] = {"pipe2", 393, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 5, p393},
	[394] = {"inotify_init1", 394, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 0, NULL},
	[395] = {"inotify_init1", 395, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 2, p395},
	[396] = {"eventfd2", 396, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 1, p396},
	[397] = {"eventfd2", 397, SK_EC_IPC, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 3, p397},
	[398] = {"signalfd4", 398, SK_EC_SIGNAL, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 2, p398},
	[399] = {"signalfd4", 399, SK_EC_SIGNAL, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 4, p399},
	[400] = {"prctl", 400, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 0, NULL},
	[401] = {"prctl", 401, SK_EC_PROCESS, SK_EF_MODIFIES_STATE, 4, p401},
	[402] = {"asyncevent", 402, SK_EC_OTHER, SK_EF_LARGE_PAYLOAD, 3, p402},
	[403] = {"NA", 403, SK_EC_UNKNOWN, SK_EF_UNUSED, 0, NULL},
	[404] = {"memfd_create", 404, SK_EC_MEMORY, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 0, NULL},
	[405] = {"memfd_create", 405, SK_EC_MEMORY, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 3, p405},
	[406] = {"pidfd_getfd", 406, SK_EC_PROCESS, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 0, NULL},
	[407] = {"pidfd_getfd", 407, SK_EC_PROCESS, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 4, p407},
	[408] = {"pidfd_open", 408, SK_EC_PROCESS, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 0, NULL},
	[409] = {"pidfd_open", 409, SK_EC_PROCESS, SK_EF_CREATES_FD | SK_EF_MODIFIES_STATE, 3, p409},
	[410] = {"init_module", 410, SK_EC_OTHER, SK_EF_NONE, 0, NULL},
	[411] = {"init_module", 411, SK_EC_OTHER, SK_EF_NONE, 4, p411},
	[412] = {"finit_module", 412, SK_EC_OTHER, SK_EF_NONE, 0, NULL},
	[413] = {"finit_module", 413, SK_EC_OTHER, SK_EF_USES_FD | SK_EF_READS_FROM_FD, 4, p413},
	[414] = {"mknod", 414, SK_EC_OTHER, SK_EF_NONE, 0, NULL},
	[415] = {"mknod", 415, SK_EC_OTHER, SK_EF_NONE, 4, p415},
	[416] = {"mknodat", 416, SK_EC_OTHER, SK_EF_NONE, 0, NULL},
	[417] = {"mknodat", 417, SK_EC_OTHER, SK_EF_USES_FD, 5, p417},
	[418] = {"newfstatat", 418, SK_EC_FILE, SK_EF_NONE, 0, NULL},
	[419] = {"newfstatat", 419, SK_EC_FILE, SK_EF_USES_FD, 4, p419},
	[420] = {"process_vm_readv", 420, SK_EC_PROCESS, SK_EF_NONE, 0, NULL},
	[421] = {"process_vm_readv", 421, SK_EC_PROCESS, SK_EF_NONE, 3, p421},
	[422] = {"process_vm_writev", 422, SK_EC_PROCESS, SK_EF_NONE, 0, NULL},
	[423] = {"process_vm_writev", 423, SK_EC_PROCESS, SK_EF_NONE, 3, p423},
	[424] = {"delete_module", 424, SK_EC_OTHER, SK_EF_NONE, 0, NULL},
	[425] = {"delete_module", 425, SK_EC_OTHER, SK_EF_NONE, 3, p425},
};
