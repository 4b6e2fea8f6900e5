/* sk_event_table.c - saker's event schema as data: one row per event code.
 * Codes, names, categories, flags and parameter layouts follow the upstream
 * scap event schema (facts); rows are ordered by code. */
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
	{"ID", 18, 1, -1, NULL},
	{"nativeID", 6, 1, -1, NULL},
};
static const sk_evt_param_info_t p1[] = {
	{"ID", 18, 1, -1, NULL},
	{"nativeID", 6, 1, -1, NULL},
};
static const sk_evt_param_info_t p2[] = {
	{"name", 17, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
	{"mode", 7, 6, -1, NULL},
};
static const sk_evt_param_info_t p3[] = {
	{"fd", 14, 1, -1, NULL},
	{"name", 17, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
	{"mode", 7, 6, -1, NULL},
	{"dev", 7, 2, -1, NULL},
	{"ino", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p4[] = {
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p5[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p6[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p7[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p8[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p9[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p10[] = {
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p11[] = {
	{"res", 8, 2, -1, NULL},
};
static const sk_evt_param_info_t p13[] = {
	{"res", 11, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p15[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p18[] = {
	{"domain", 30, 1, -1, fl_socket_families},
	{"type", 7, 1, -1, NULL},
	{"proto", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p19[] = {
	{"fd", 14, 1, -1, NULL},
	{"domain", 30, 1, -1, fl_socket_families},
	{"type", 7, 1, -1, NULL},
	{"proto", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p20[] = {
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p21[] = {
	{"res", 11, 1, -1, NULL},
	{"addr", 12, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p22[] = {
	{"fd", 14, 1, -1, NULL},
	{"addr", 12, 0, -1, NULL},
};
static const sk_evt_param_info_t p23[] = {
	{"res", 11, 1, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"addr", 12, 0, -1, NULL},
};
static const sk_evt_param_info_t p24[] = {
	{"fd", 14, 1, -1, NULL},
	{"backlog", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p25[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"backlog", 3, 1, -1, NULL},
};
static const sk_evt_param_info_t p27[] = {
	{"fd", 14, 1, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
	{"queuepct", 5, 1, -1, NULL},
};
static const sk_evt_param_info_t p28[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p29[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
};
static const sk_evt_param_info_t p30[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
};
static const sk_evt_param_info_t p31[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
};
static const sk_evt_param_info_t p32[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p33[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
};
static const sk_evt_param_info_t p34[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p35[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p36[] = {
	{"fd", 14, 1, -1, NULL},
	{"how", 28, 2, -1, fl_shutdown_how},
};
static const sk_evt_param_info_t p37[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"how", 28, 2, -1, fl_shutdown_how},
};
static const sk_evt_param_info_t p42[] = {
	{"domain", 30, 1, -1, fl_socket_families},
	{"type", 7, 1, -1, NULL},
	{"proto", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p43[] = {
	{"res", 11, 1, -1, NULL},
	{"fd1", 14, 1, -1, NULL},
	{"fd2", 14, 1, -1, NULL},
	{"source", 8, 2, -1, NULL},
	{"peer", 8, 2, -1, NULL},
	{"domain", 30, 1, -1, fl_socket_families},
	{"type", 7, 1, -1, NULL},
	{"proto", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p45[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"level", 28, 1, -1, fl_sockopt_levels},
	{"optname", 28, 1, -1, fl_sockopt_options},
	{"val", 27, 1, -1, NULL},
	{"optlen", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p47[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"level", 28, 1, -1, fl_sockopt_levels},
	{"optname", 28, 1, -1, fl_sockopt_options},
	{"val", 27, 1, -1, NULL},
	{"optlen", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p48[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
};
static const sk_evt_param_info_t p49[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
};
static const sk_evt_param_info_t p52[] = {
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p53[] = {
	{"res", 11, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
	{"msgcontrol", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p56[] = {
	{"flags", 3, 2, -1, NULL},
};
static const sk_evt_param_info_t p57[] = {
	{"fd", 14, 1, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
	{"queuepct", 5, 1, -1, NULL},
};
static const sk_evt_param_info_t p58[] = {
	{"name", 17, 0, -1, NULL},
	{"mode", 7, 6, -1, NULL},
};
static const sk_evt_param_info_t p59[] = {
	{"fd", 14, 1, -1, NULL},
	{"name", 17, 0, -1, NULL},
	{"mode", 7, 6, -1, NULL},
	{"dev", 7, 2, -1, NULL},
	{"ino", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p61[] = {
	{"res", 11, 1, -1, NULL},
	{"fd1", 14, 1, -1, NULL},
	{"fd2", 14, 1, -1, NULL},
	{"ino", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p62[] = {
	{"initval", 8, 1, -1, NULL},
	{"flags", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p63[] = {
	{"res", 14, 1, -1, NULL},
	{"initval", 8, 1, -1, NULL},
	{"flags", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p64[] = {
	{"addr", 8, 2, -1, NULL},
	{"op", 29, 2, -1, fl_futex_operations},
	{"val", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p65[] = {
	{"res", 11, 1, -1, NULL},
	{"addr", 8, 2, -1, NULL},
	{"op", 29, 2, -1, fl_futex_operations},
	{"val", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p67[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p69[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p70[] = {
	{"fd", 14, 0, -1, NULL},
};
static const sk_evt_param_info_t p71[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p73[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p75[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p76[] = {
	{"fd", 14, 0, -1, NULL},
};
static const sk_evt_param_info_t p77[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p78[] = {
	{"maxevents", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p79[] = {
	{"res", 11, 1, -1, NULL},
	{"maxevents", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p80[] = {
	{"fds", 16, 1, -1, NULL},
	{"timeout", 4, 1, -1, NULL},
};
static const sk_evt_param_info_t p81[] = {
	{"res", 11, 1, -1, NULL},
	{"fds", 16, 1, -1, NULL},
	{"timeout", 4, 1, -1, NULL},
};
static const sk_evt_param_info_t p83[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p85[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p86[] = {
	{"fd", 14, 1, -1, NULL},
	{"offset", 8, 1, -1, NULL},
	{"whence", 28, 1, -1, fl_lseek_whence},
};
static const sk_evt_param_info_t p87[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"offset", 8, 1, -1, NULL},
	{"whence", 28, 1, -1, fl_lseek_whence},
};
static const sk_evt_param_info_t p88[] = {
	{"fd", 14, 1, -1, NULL},
	{"offset", 8, 1, -1, NULL},
	{"whence", 28, 1, -1, fl_lseek_whence},
};
static const sk_evt_param_info_t p89[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p90[] = {
	{"fd", 14, 1, -1, NULL},
	{"request", 8, 2, -1, NULL},
};
static const sk_evt_param_info_t p91[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p93[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p95[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p96[] = {
	{"fd", 14, 0, -1, NULL},
};
static const sk_evt_param_info_t p97[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p98[] = {
	{"path", 17, 0, -1, NULL},
	{"mode", 7, 2, -1, NULL},
};
static const sk_evt_param_info_t p99[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p100[] = {
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p101[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p102[] = {
	{"dirfd", 14, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
	{"mode", 7, 6, -1, NULL},
};
static const sk_evt_param_info_t p103[] = {
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p104[] = {
	{"oldpath", 17, 0, -1, NULL},
	{"newpath", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p105[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p106[] = {
	{"olddir", 14, 1, -1, NULL},
	{"oldpath", 9, 0, -1, NULL},
	{"newdir", 14, 1, -1, NULL},
	{"newpath", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p107[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p108[] = {
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p109[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p110[] = {
	{"dirfd", 14, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p111[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p112[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"pos", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p113[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"pos", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p114[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"pos", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p115[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"pos", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p116[] = {
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p117[] = {
	{"res", 11, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p118[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p119[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p120[] = {
	{"fd", 14, 1, -1, NULL},
	{"pos", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p121[] = {
	{"res", 11, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"pos", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p122[] = {
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"pos", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p123[] = {
	{"res", 11, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"size", 7, 1, -1, NULL},
	{"pos", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p124[] = {
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p125[] = {
	{"res", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p126[] = {
	{"fd", 14, 1, -1, NULL},
	{"mask", 7, 2, -1, NULL},
	{"flags", 28, 2, -1, NULL},
};
static const sk_evt_param_info_t p127[] = {
	{"res", 14, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"mask", 7, 2, -1, NULL},
	{"flags", 28, 2, -1, NULL},
};
static const sk_evt_param_info_t p128[] = {
	{"pid", 15, 1, -1, NULL},
	{"sig", 19, 1, -1, NULL},
};
static const sk_evt_param_info_t p129[] = {
	{"res", 11, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"sig", 19, 1, -1, NULL},
};
static const sk_evt_param_info_t p130[] = {
	{"tid", 15, 1, -1, NULL},
	{"sig", 19, 1, -1, NULL},
};
static const sk_evt_param_info_t p131[] = {
	{"res", 11, 1, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"sig", 19, 1, -1, NULL},
};
static const sk_evt_param_info_t p132[] = {
	{"pid", 15, 1, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"sig", 19, 1, -1, NULL},
};
static const sk_evt_param_info_t p133[] = {
	{"res", 11, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"sig", 19, 1, -1, NULL},
};
static const sk_evt_param_info_t p134[] = {
	{"interval", 20, 1, -1, NULL},
};
static const sk_evt_param_info_t p135[] = {
	{"res", 11, 1, -1, NULL},
	{"interval", 20, 1, -1, NULL},
};
static const sk_evt_param_info_t p136[] = {
	{"clockid", 5, 1, -1, NULL},
	{"flags", 28, 2, -1, NULL},
};
static const sk_evt_param_info_t p137[] = {
	{"res", 14, 1, -1, NULL},
	{"clockid", 5, 1, -1, NULL},
	{"flags", 28, 2, -1, NULL},
};
static const sk_evt_param_info_t p138[] = {
	{"flags", 28, 2, -1, NULL},
};
static const sk_evt_param_info_t p139[] = {
	{"res", 14, 1, -1, NULL},
	{"flags", 28, 2, -1, NULL},
};
static const sk_evt_param_info_t p140[] = {
	{"resource", 28, 1, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p141[] = {
	{"res", 11, 1, -1, NULL},
	{"cur", 4, 1, -1, NULL},
	{"max", 4, 1, -1, NULL},
	{"resource", 28, 1, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p142[] = {
	{"resource", 28, 1, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p143[] = {
	{"res", 11, 1, -1, NULL},
	{"cur", 4, 1, -1, NULL},
	{"max", 4, 1, -1, NULL},
	{"resource", 28, 1, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p144[] = {
	{"pid", 15, 1, -1, NULL},
	{"resource", 28, 1, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p145[] = {
	{"res", 11, 1, -1, NULL},
	{"newcur", 4, 1, -1, NULL},
	{"newmax", 4, 1, -1, NULL},
	{"oldcur", 4, 1, -1, NULL},
	{"oldmax", 4, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"resource", 28, 1, -1, fl_rlimit_resources},
};
static const sk_evt_param_info_t p146[] = {
	{"next", 15, 1, -1, NULL},
};
static const sk_evt_param_info_t p148[] = {
	{"ratio", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p149[] = {
	{"ratio", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p150[] = {
	{"fd", 14, 1, -1, NULL},
	{"cmd", 28, 1, -1, fl_fcntl_commands},
};
static const sk_evt_param_info_t p151[] = {
	{"res", 14, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"cmd", 28, 1, -1, fl_fcntl_commands},
};
static const sk_evt_param_info_t p152[] = {
	{"next", 15, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p155[] = {
	{"res", 11, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 8, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p157[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p158[] = {
	{"addr", 8, 2, -1, NULL},
};
static const sk_evt_param_info_t p159[] = {
	{"res", 8, 2, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"addr", 8, 2, -1, NULL},
};
static const sk_evt_param_info_t p160[] = {
	{"addr", 8, 2, -1, NULL},
	{"length", 8, 1, -1, NULL},
	{"prot", 30, 2, -1, fl_prot_flags},
	{"flags", 30, 2, -1, fl_mmap_flags},
	{"fd", 14, 1, -1, NULL},
	{"offset", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p161[] = {
	{"res", 8, 2, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"addr", 8, 2, -1, NULL},
	{"length", 8, 1, -1, NULL},
	{"prot", 30, 2, -1, fl_prot_flags},
	{"flags", 30, 2, -1, fl_mmap_flags},
	{"fd", 14, 1, -1, NULL},
	{"offset", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p162[] = {
	{"addr", 8, 2, -1, NULL},
	{"length", 8, 1, -1, NULL},
	{"prot", 30, 2, -1, fl_prot_flags},
	{"flags", 30, 2, -1, fl_mmap_flags},
	{"fd", 14, 1, -1, NULL},
	{"pgoffset", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p163[] = {
	{"res", 8, 2, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p164[] = {
	{"addr", 8, 2, -1, NULL},
	{"length", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p165[] = {
	{"res", 11, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"addr", 8, 2, -1, NULL},
	{"length", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p166[] = {
	{"fd_in", 14, 1, -1, NULL},
	{"fd_out", 14, 1, -1, NULL},
	{"size", 8, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_splice_flags},
};
static const sk_evt_param_info_t p167[] = {
	{"res", 11, 1, -1, NULL},
	{"fd_in", 14, 1, -1, NULL},
	{"fd_out", 14, 1, -1, NULL},
	{"size", 8, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_splice_flags},
};
static const sk_evt_param_info_t p168[] = {
	{"request", 29, 1, -1, fl_ptrace_requests},
	{"pid", 15, 1, -1, NULL},
};
static const sk_evt_param_info_t p169[] = {
	{"res", 11, 1, -1, NULL},
	{"addr", 27, 2, -1, NULL},
	{"data", 27, 2, -1, NULL},
	{"request", 29, 1, -1, fl_ptrace_requests},
	{"pid", 15, 1, -1, NULL},
};
static const sk_evt_param_info_t p170[] = {
	{"fd", 14, 1, -1, NULL},
	{"request", 8, 2, -1, NULL},
	{"argument", 8, 2, -1, NULL},
};
static const sk_evt_param_info_t p171[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"request", 8, 2, -1, NULL},
	{"argument", 8, 2, -1, NULL},
};
static const sk_evt_param_info_t p173[] = {
	{"res", 11, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 8, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"env", 10, 0, -1, NULL},
};
static const sk_evt_param_info_t p175[] = {
	{"res", 11, 1, -1, NULL},
	{"oldpath", 17, 0, -1, NULL},
	{"newpath", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p177[] = {
	{"res", 11, 1, -1, NULL},
	{"olddirfd", 14, 1, -1, NULL},
	{"oldpath", 43, 0, 1, NULL},
	{"newdirfd", 14, 1, -1, NULL},
	{"newpath", 43, 0, 3, NULL},
};
static const sk_evt_param_info_t p179[] = {
	{"res", 11, 1, -1, NULL},
	{"target", 9, 0, -1, NULL},
	{"linkpath", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p181[] = {
	{"res", 11, 1, -1, NULL},
	{"target", 9, 0, -1, NULL},
	{"linkdirfd", 14, 1, -1, NULL},
	{"linkpath", 43, 0, 2, NULL},
};
static const sk_evt_param_info_t p183[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p185[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p186[] = {
	{"status", 11, 1, -1, NULL},
	{"ret", 11, 1, -1, NULL},
	{"sig", 19, 1, -1, NULL},
	{"core", 5, 1, -1, NULL},
};
static const sk_evt_param_info_t p188[] = {
	{"out_fd", 14, 1, -1, NULL},
	{"in_fd", 14, 1, -1, NULL},
	{"offset", 8, 1, -1, NULL},
	{"size", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p189[] = {
	{"res", 11, 1, -1, NULL},
	{"offset", 8, 1, -1, NULL},
	{"out_fd", 14, 1, -1, NULL},
	{"in_fd", 14, 1, -1, NULL},
	{"size", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p190[] = {
	{"cmd", 29, 1, -1, fl_quotactl_cmds},
	{"type", 28, 1, -1, fl_quotactl_types},
	{"id", 7, 1, -1, NULL},
	{"quota_fmt", 28, 1, -1, fl_quotactl_quota_fmts},
};
static const sk_evt_param_info_t p191[] = {
	{"res", 11, 1, -1, NULL},
	{"special", 9, 0, -1, NULL},
	{"quotafilepath", 9, 0, -1, NULL},
	{"dqb_bhardlimit", 8, 1, -1, NULL},
	{"dqb_bsoftlimit", 8, 1, -1, NULL},
	{"dqb_curspace", 8, 1, -1, NULL},
	{"dqb_ihardlimit", 8, 1, -1, NULL},
	{"dqb_isoftlimit", 8, 1, -1, NULL},
	{"dqb_btime", 20, 1, -1, NULL},
	{"dqb_itime", 20, 1, -1, NULL},
	{"dqi_bgrace", 20, 1, -1, NULL},
	{"dqi_igrace", 20, 1, -1, NULL},
	{"dqi_flags", 28, 1, -1, fl_quotactl_dqi_flags},
	{"quota_fmt_out", 28, 1, -1, fl_quotactl_quota_fmts},
};
static const sk_evt_param_info_t p192[] = {
	{"ruid", 31, 1, -1, NULL},
	{"euid", 31, 1, -1, NULL},
	{"suid", 31, 1, -1, NULL},
};
static const sk_evt_param_info_t p193[] = {
	{"res", 11, 1, -1, NULL},
	{"ruid", 31, 1, -1, NULL},
	{"euid", 31, 1, -1, NULL},
	{"suid", 31, 1, -1, NULL},
};
static const sk_evt_param_info_t p194[] = {
	{"rgid", 32, 1, -1, NULL},
	{"egid", 32, 1, -1, NULL},
	{"sgid", 32, 1, -1, NULL},
};
static const sk_evt_param_info_t p195[] = {
	{"res", 11, 1, -1, NULL},
	{"rgid", 32, 1, -1, NULL},
	{"egid", 32, 1, -1, NULL},
	{"sgid", 32, 1, -1, NULL},
};
static const sk_evt_param_info_t p196[] = {
	{"event_type", 7, 1, -1, NULL},
	{"event_data", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p198[] = {
	{"uid", 31, 1, -1, NULL},
};
static const sk_evt_param_info_t p199[] = {
	{"res", 11, 1, -1, NULL},
	{"uid", 31, 1, -1, NULL},
};
static const sk_evt_param_info_t p200[] = {
	{"gid", 32, 1, -1, NULL},
};
static const sk_evt_param_info_t p201[] = {
	{"res", 11, 1, -1, NULL},
	{"gid", 32, 1, -1, NULL},
};
static const sk_evt_param_info_t p203[] = {
	{"uid", 31, 1, -1, NULL},
};
static const sk_evt_param_info_t p205[] = {
	{"euid", 31, 1, -1, NULL},
};
static const sk_evt_param_info_t p207[] = {
	{"gid", 32, 1, -1, NULL},
};
static const sk_evt_param_info_t p209[] = {
	{"egid", 32, 1, -1, NULL},
};
static const sk_evt_param_info_t p211[] = {
	{"res", 11, 1, -1, NULL},
	{"ruid", 31, 1, -1, NULL},
	{"euid", 31, 1, -1, NULL},
	{"suid", 31, 1, -1, NULL},
};
static const sk_evt_param_info_t p213[] = {
	{"res", 11, 1, -1, NULL},
	{"rgid", 32, 1, -1, NULL},
	{"egid", 32, 1, -1, NULL},
	{"sgid", 32, 1, -1, NULL},
};
static const sk_evt_param_info_t p215[] = {
	{"res", 11, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 8, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"env", 10, 0, -1, NULL},
};
static const sk_evt_param_info_t p217[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p219[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p221[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p223[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"cgroups", 10, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
	{"vtid", 15, 1, -1, NULL},
	{"vpid", 15, 1, -1, NULL},
	{"pidns_init_start_ts", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p225[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"cgroups", 10, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
	{"vtid", 15, 1, -1, NULL},
	{"vpid", 15, 1, -1, NULL},
	{"pidns_init_start_ts", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p227[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"cgroups", 10, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
	{"vtid", 15, 1, -1, NULL},
	{"vpid", 15, 1, -1, NULL},
	{"pidns_init_start_ts", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p228[] = {
	{"id", 9, 0, -1, NULL},
	{"type", 7, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
	{"image", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p231[] = {
	{"res", 11, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 8, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"cgroups", 10, 0, -1, NULL},
	{"env", 10, 0, -1, NULL},
};
static const sk_evt_param_info_t p232[] = {
	{"spid", 15, 1, -1, NULL},
	{"dpid", 15, 1, -1, NULL},
	{"sig", 19, 1, -1, NULL},
};
static const sk_evt_param_info_t p234[] = {
	{"cpu_usr", 8, 1, -1, NULL},
	{"cpu_sys", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p236[] = {
	{"fd", 14, 0, -1, NULL},
};
static const sk_evt_param_info_t p237[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 0, -1, NULL},
};
static const sk_evt_param_info_t p238[] = {
	{"fd", 14, 0, -1, NULL},
};
static const sk_evt_param_info_t p239[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 0, -1, NULL},
};
static const sk_evt_param_info_t p240[] = {
	{"fd", 14, 0, -1, NULL},
	{"nstype", 30, 2, -1, fl_clone_flags},
};
static const sk_evt_param_info_t p241[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"nstype", 30, 2, -1, fl_clone_flags},
};
static const sk_evt_param_info_t p242[] = {
	{"fd", 14, 0, -1, NULL},
	{"operation", 30, 2, -1, fl_flock_flags},
};
static const sk_evt_param_info_t p243[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 0, -1, NULL},
	{"operation", 30, 2, -1, fl_flock_flags},
};
static const sk_evt_param_info_t p244[] = {
	{"cpu", 7, 1, -1, NULL},
	{"action", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p247[] = {
	{"fd", 14, 1, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
	{"queuepct", 5, 1, -1, NULL},
	{"queuelen", 7, 1, -1, NULL},
	{"queuemax", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p248[] = {
	{"flags", 3, 2, -1, NULL},
};
static const sk_evt_param_info_t p249[] = {
	{"fd", 14, 1, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
	{"queuepct", 5, 1, -1, NULL},
	{"queuelen", 7, 1, -1, NULL},
	{"queuemax", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p250[] = {
	{"semid", 3, 1, -1, NULL},
};
static const sk_evt_param_info_t p251[] = {
	{"res", 11, 1, -1, NULL},
	{"nsops", 7, 1, -1, NULL},
	{"sem_num_0", 6, 1, -1, NULL},
	{"sem_op_0", 2, 1, -1, NULL},
	{"sem_flg_0", 29, 2, -1, fl_semop_flags},
	{"sem_num_1", 6, 1, -1, NULL},
	{"sem_op_1", 2, 1, -1, NULL},
	{"sem_flg_1", 29, 2, -1, fl_semop_flags},
};
static const sk_evt_param_info_t p252[] = {
	{"semid", 3, 1, -1, NULL},
	{"semnum", 3, 1, -1, NULL},
	{"cmd", 29, 2, -1, fl_semctl_commands},
	{"val", 3, 1, -1, NULL},
};
static const sk_evt_param_info_t p253[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p254[] = {
	{"fds", 16, 1, -1, NULL},
	{"timeout", 20, 1, -1, NULL},
	{"sigmask", 34, 1, -1, NULL},
};
static const sk_evt_param_info_t p255[] = {
	{"res", 11, 1, -1, NULL},
	{"fds", 16, 1, -1, NULL},
	{"timeout", 20, 1, -1, NULL},
	{"sigmask", 34, 1, -1, NULL},
};
static const sk_evt_param_info_t p256[] = {
	{"flags", 30, 2, -1, fl_mount_flags},
};
static const sk_evt_param_info_t p257[] = {
	{"res", 11, 1, -1, NULL},
	{"dev", 9, 0, -1, NULL},
	{"dir", 17, 0, -1, NULL},
	{"type", 9, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_mount_flags},
};
static const sk_evt_param_info_t p258[] = {
	{"flags", 30, 2, -1, fl_umount_flags},
};
static const sk_evt_param_info_t p259[] = {
	{"res", 11, 1, -1, NULL},
	{"name", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p260[] = {
	{"json", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p262[] = {
	{"key", 3, 2, -1, NULL},
	{"nsems", 3, 1, -1, NULL},
	{"semflg", 30, 2, -1, fl_semget_flags},
};
static const sk_evt_param_info_t p263[] = {
	{"res", 11, 1, -1, NULL},
	{"key", 3, 2, -1, NULL},
	{"nsems", 3, 1, -1, NULL},
	{"semflg", 30, 2, -1, fl_semget_flags},
};
static const sk_evt_param_info_t p264[] = {
	{"mode", 30, 2, -1, fl_access_flags},
};
static const sk_evt_param_info_t p265[] = {
	{"res", 11, 1, -1, NULL},
	{"name", 17, 0, -1, NULL},
	{"mode", 30, 2, -1, fl_access_flags},
};
static const sk_evt_param_info_t p267[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p268[] = {
	{"id", 4, 1, -1, NULL},
	{"tags", 35, 0, -1, NULL},
	{"args", 36, 0, -1, NULL},
};
static const sk_evt_param_info_t p269[] = {
	{"id", 4, 1, -1, NULL},
	{"tags", 35, 0, -1, NULL},
	{"args", 36, 0, -1, NULL},
};
static const sk_evt_param_info_t p270[] = {
	{"json", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p272[] = {
	{"json", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p275[] = {
	{"res", 15, 1, -1, NULL},
};
static const sk_evt_param_info_t p276[] = {
	{"mode", 7, 2, -1, NULL},
};
static const sk_evt_param_info_t p277[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p279[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p280[] = {
	{"id", 9, 1, -1, NULL},
	{"desc", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p283[] = {
	{"res", 11, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 8, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"cgroups", 10, 0, -1, NULL},
	{"env", 10, 0, -1, NULL},
	{"tty", 3, 1, -1, NULL},
};
static const sk_evt_param_info_t p284[] = {
	{"flags", 30, 2, -1, fl_clone_flags},
};
static const sk_evt_param_info_t p285[] = {
	{"res", 11, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
};
static const sk_evt_param_info_t p286[] = {
	{"source", 9, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
	{"description", 9, 0, -1, NULL},
	{"scope", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p288[] = {
	{"filename", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p289[] = {
	{"res", 11, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 8, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"cgroups", 10, 0, -1, NULL},
	{"env", 10, 0, -1, NULL},
	{"tty", 3, 1, -1, NULL},
};
static const sk_evt_param_info_t p290[] = {
	{"addr", 8, 2, -1, NULL},
	{"ip", 8, 2, -1, NULL},
	{"error", 30, 2, -1, fl_pf_flags},
};
static const sk_evt_param_info_t p292[] = {
	{"filename", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p293[] = {
	{"res", 11, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 8, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"cgroups", 10, 0, -1, NULL},
	{"env", 10, 0, -1, NULL},
	{"tty", 7, 1, -1, NULL},
	{"pgid", 15, 1, -1, NULL},
	{"loginuid", 31, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_execve_flags},
	{"cap_inheritable", 8, 2, -1, NULL},
	{"cap_permitted", 8, 2, -1, NULL},
	{"cap_effective", 8, 2, -1, NULL},
	{"exe_ino", 8, 1, -1, NULL},
	{"exe_ino_ctime", 21, 1, -1, NULL},
	{"exe_ino_mtime", 21, 1, -1, NULL},
	{"uid", 31, 1, -1, NULL},
	{"trusted_exepath", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p294[] = {
	{"pid", 15, 1, -1, NULL},
	{"pgid", 15, 1, -1, NULL},
};
static const sk_evt_param_info_t p295[] = {
	{"res", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"pgid", 15, 1, -1, NULL},
};
static const sk_evt_param_info_t p296[] = {
	{"cmd", 4, 1, -1, NULL},
};
static const sk_evt_param_info_t p297[] = {
	{"res_or_fd", 27, 1, -1, NULL},
};
static const sk_evt_param_info_t p298[] = {
	{"op", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p299[] = {
	{"res", 11, 1, -1, NULL},
	{"op", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p301[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p303[] = {
	{"res", 11, 1, -1, NULL},
	{"dirfd", 14, 1, -1, NULL},
	{"name", 43, 0, 1, NULL},
	{"flags", 30, 2, -1, fl_unlinkat_flags},
};
static const sk_evt_param_info_t p305[] = {
	{"res", 11, 1, -1, NULL},
	{"dirfd", 14, 1, -1, NULL},
	{"path", 43, 0, 1, NULL},
	{"mode", 7, 2, -1, NULL},
};
static const sk_evt_param_info_t p306[] = {
	{"dirfd", 14, 1, -1, NULL},
	{"name", 43, 0, 0, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
	{"mode", 7, 6, -1, NULL},
};
static const sk_evt_param_info_t p307[] = {
	{"fd", 14, 1, -1, NULL},
	{"dirfd", 14, 1, -1, NULL},
	{"name", 43, 0, 1, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
	{"mode", 7, 6, -1, NULL},
	{"dev", 7, 2, -1, NULL},
	{"ino", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p309[] = {
	{"res", 11, 1, -1, NULL},
	{"oldpath", 17, 0, -1, NULL},
	{"newpath", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p311[] = {
	{"res", 11, 1, -1, NULL},
	{"olddir", 14, 1, -1, NULL},
	{"oldpath", 43, 0, 1, NULL},
	{"newdir", 14, 1, -1, NULL},
	{"newpath", 43, 0, 3, NULL},
	{"flags", 30, 2, -1, fl_linkat_flags},
};
static const sk_evt_param_info_t p313[] = {
	{"res", 11, 1, -1, NULL},
	{"dirfd", 14, 1, -1, NULL},
	{"filename", 43, 0, 1, NULL},
	{"mode", 42, 6, -1, fl_chmod_mode},
};
static const sk_evt_param_info_t p315[] = {
	{"res", 11, 1, -1, NULL},
	{"filename", 17, 0, -1, NULL},
	{"mode", 42, 6, -1, fl_chmod_mode},
};
static const sk_evt_param_info_t p317[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"mode", 42, 6, -1, fl_chmod_mode},
};
static const sk_evt_param_info_t p319[] = {
	{"res", 11, 1, -1, NULL},
	{"olddirfd", 14, 1, -1, NULL},
	{"oldpath", 43, 0, 1, NULL},
	{"newdirfd", 14, 1, -1, NULL},
	{"newpath", 43, 0, 3, NULL},
	{"flags", 30, 2, -1, fl_renameat2_flags},
};
static const sk_evt_param_info_t p321[] = {
	{"res", 11, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
};
static const sk_evt_param_info_t p322[] = {
	{"plugin ID", 7, 1, -1, NULL},
	{"event_data", 10, 0, -1, NULL},
};
static const sk_evt_param_info_t p324[] = {
	{"json", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p326[] = {
	{"dirfd", 14, 1, -1, NULL},
	{"name", 43, 0, 1, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
	{"mode", 7, 6, -1, NULL},
	{"resolve", 30, 2, -1, fl_openat2_flags},
};
static const sk_evt_param_info_t p327[] = {
	{"fd", 14, 1, -1, NULL},
	{"dirfd", 14, 1, -1, NULL},
	{"name", 43, 0, 1, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
	{"mode", 7, 6, -1, NULL},
	{"resolve", 30, 2, -1, fl_openat2_flags},
};
static const sk_evt_param_info_t p328[] = {
	{"addr", 8, 2, -1, NULL},
	{"length", 8, 1, -1, NULL},
	{"prot", 30, 2, -1, fl_prot_flags},
};
static const sk_evt_param_info_t p329[] = {
	{"res", 11, 1, -1, NULL},
	{"addr", 8, 2, -1, NULL},
	{"length", 8, 1, -1, NULL},
	{"prot", 30, 2, -1, fl_prot_flags},
};
static const sk_evt_param_info_t p330[] = {
	{"dirfd", 14, 1, -1, NULL},
	{"pathname", 43, 0, 0, NULL},
	{"flags", 30, 2, -1, fl_execveat_flags},
};
static const sk_evt_param_info_t p331[] = {
	{"res", 11, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 8, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"cgroups", 10, 0, -1, NULL},
	{"env", 10, 0, -1, NULL},
	{"tty", 7, 1, -1, NULL},
	{"pgid", 15, 1, -1, NULL},
	{"loginuid", 31, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_execve_flags},
	{"cap_inheritable", 8, 2, -1, NULL},
	{"cap_permitted", 8, 2, -1, NULL},
	{"cap_effective", 8, 2, -1, NULL},
	{"exe_ino", 8, 1, -1, NULL},
	{"exe_ino_ctime", 21, 1, -1, NULL},
	{"exe_ino_mtime", 21, 1, -1, NULL},
	{"uid", 31, 1, -1, NULL},
	{"trusted_exepath", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p332[] = {
	{"fdin", 14, 1, -1, NULL},
	{"offin", 8, 1, -1, NULL},
	{"len", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p333[] = {
	{"res", 11, 1, -1, NULL},
	{"fdout", 14, 1, -1, NULL},
	{"offout", 8, 1, -1, NULL},
	{"fdin", 14, 1, -1, NULL},
	{"offin", 8, 1, -1, NULL},
	{"len", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p335[] = {
	{"res", 15, 1, -1, NULL},
	{"exe", 9, 0, -1, NULL},
	{"args", 10, 0, -1, NULL},
	{"tid", 15, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"ptid", 15, 1, -1, NULL},
	{"cwd", 9, 0, -1, NULL},
	{"fdlimit", 4, 1, -1, NULL},
	{"pgft_maj", 8, 1, -1, NULL},
	{"pgft_min", 8, 1, -1, NULL},
	{"vm_size", 7, 1, -1, NULL},
	{"vm_rss", 7, 1, -1, NULL},
	{"vm_swap", 7, 1, -1, NULL},
	{"comm", 9, 0, -1, NULL},
	{"cgroups", 10, 0, -1, NULL},
	{"flags", 30, 2, -1, fl_clone_flags},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
	{"vtid", 15, 1, -1, NULL},
	{"vpid", 15, 1, -1, NULL},
	{"pidns_init_start_ts", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p337[] = {
	{"fd", 14, 1, -1, NULL},
	{"mountfd", 14, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
	{"path", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p339[] = {
	{"res", 11, 1, -1, NULL},
	{"entries", 7, 1, -1, NULL},
	{"sq_entries", 7, 1, -1, NULL},
	{"cq_entries", 7, 1, -1, NULL},
	{"flags", 30, 2, -1, NULL},
	{"sq_thread_cpu", 7, 1, -1, NULL},
	{"sq_thread_idle", 7, 1, -1, NULL},
	{"features", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p341[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"to_submit", 7, 1, -1, NULL},
	{"min_complete", 7, 1, -1, NULL},
	{"flags", 30, 2, -1, NULL},
	{"sig", 34, 1, -1, NULL},
};
static const sk_evt_param_info_t p343[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"opcode", 45, 1, -1, NULL},
	{"arg", 8, 2, -1, NULL},
	{"nr_args", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p345[] = {
	{"res", 11, 1, -1, NULL},
	{"addr", 8, 2, -1, NULL},
	{"len", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p347[] = {
	{"res", 11, 1, -1, NULL},
	{"addr", 8, 2, -1, NULL},
	{"len", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p349[] = {
	{"res", 11, 1, -1, NULL},
	{"flags", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p351[] = {
	{"res", 11, 1, -1, NULL},
};
static const sk_evt_param_info_t p353[] = {
	{"res", 11, 1, -1, NULL},
	{"cap_inheritable", 8, 2, -1, NULL},
	{"cap_permitted", 8, 2, -1, NULL},
	{"cap_effective", 8, 2, -1, NULL},
};
static const sk_evt_param_info_t p354[] = {
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
	{"home", 9, 0, -1, NULL},
	{"shell", 9, 0, -1, NULL},
	{"container_id", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p356[] = {
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
	{"home", 9, 0, -1, NULL},
	{"shell", 9, 0, -1, NULL},
	{"container_id", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p358[] = {
	{"gid", 7, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
	{"container_id", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p360[] = {
	{"gid", 7, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
	{"container_id", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p362[] = {
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p363[] = {
	{"res", 14, 1, -1, NULL},
	{"oldfd", 14, 1, -1, NULL},
	{"newfd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p364[] = {
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p365[] = {
	{"res", 14, 1, -1, NULL},
	{"oldfd", 14, 1, -1, NULL},
	{"newfd", 14, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
};
static const sk_evt_param_info_t p366[] = {
	{"fd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p367[] = {
	{"res", 14, 1, -1, NULL},
	{"oldfd", 14, 1, -1, NULL},
};
static const sk_evt_param_info_t p368[] = {
	{"cmd", 4, 1, -1, NULL},
};
static const sk_evt_param_info_t p369[] = {
	{"fd", 14, 1, -1, NULL},
	{"cmd", 3, 1, -1, NULL},
};
static const sk_evt_param_info_t p371[] = {
	{"res", 11, 1, -1, NULL},
	{"addr", 8, 2, -1, NULL},
	{"len", 8, 1, -1, NULL},
	{"flags", 7, 2, -1, NULL},
};
static const sk_evt_param_info_t p373[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"cmd", 46, 1, -1, NULL},
	{"key", 9, 0, -1, NULL},
	{"value_bytebuf", 10, 0, -1, NULL},
	{"value_charbuf", 9, 0, -1, NULL},
	{"aux", 3, 1, -1, NULL},
};
static const sk_evt_param_info_t p374[] = {
	{"size", 3, 1, -1, NULL},
};
static const sk_evt_param_info_t p375[] = {
	{"res", 11, 1, -1, NULL},
	{"size", 3, 1, -1, NULL},
};
static const sk_evt_param_info_t p376[] = {
	{"flags", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p377[] = {
	{"res", 11, 1, -1, NULL},
	{"flags", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p379[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p381[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p383[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p385[] = {
	{"res", 11, 1, -1, NULL},
	{"dirfd", 14, 1, -1, NULL},
	{"pathname", 43, 0, 1, NULL},
	{"uid", 7, 1, -1, NULL},
	{"gid", 7, 1, -1, NULL},
	{"flags", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p387[] = {
	{"res", 11, 1, -1, NULL},
	{"name", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p388[] = {
	{"flags", 3, 2, -1, NULL},
};
static const sk_evt_param_info_t p389[] = {
	{"fd", 14, 1, -1, NULL},
	{"tuple", 13, 0, -1, NULL},
	{"queuepct", 5, 1, -1, NULL},
	{"queuelen", 7, 1, -1, NULL},
	{"queuemax", 7, 1, -1, NULL},
	{"flags", 3, 2, -1, NULL},
};
static const sk_evt_param_info_t p390[] = {
	{"flags", 30, 2, -1, fl_umount_flags},
};
static const sk_evt_param_info_t p391[] = {
	{"res", 11, 1, -1, NULL},
	{"name", 17, 0, -1, NULL},
};
static const sk_evt_param_info_t p393[] = {
	{"res", 11, 1, -1, NULL},
	{"fd1", 14, 1, -1, NULL},
	{"fd2", 14, 1, -1, NULL},
	{"ino", 8, 1, -1, NULL},
	{"flags", 30, 2, -1, fl_file_flags},
};
static const sk_evt_param_info_t p395[] = {
	{"res", 14, 1, -1, NULL},
	{"flags", 29, 2, -1, fl_file_flags},
};
static const sk_evt_param_info_t p396[] = {
	{"initval", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p397[] = {
	{"res", 14, 1, -1, NULL},
	{"flags", 29, 2, -1, fl_file_flags},
	{"initval", 8, 1, -1, NULL},
};
static const sk_evt_param_info_t p398[] = {
	{"fd", 14, 1, -1, NULL},
	{"mask", 7, 2, -1, NULL},
};
static const sk_evt_param_info_t p399[] = {
	{"res", 14, 1, -1, NULL},
	{"flags", 29, 2, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"mask", 7, 2, -1, NULL},
};
static const sk_evt_param_info_t p401[] = {
	{"res", 11, 1, -1, NULL},
	{"option", 46, 1, -1, NULL},
	{"arg2_str", 9, 0, -1, NULL},
	{"arg2_int", 4, 1, -1, NULL},
};
static const sk_evt_param_info_t p402[] = {
	{"plugin_id", 7, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
	{"data", 10, 0, -1, NULL},
};
static const sk_evt_param_info_t p405[] = {
	{"fd", 14, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
	{"flags", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p407[] = {
	{"fd", 14, 1, -1, NULL},
	{"pid_fd", 14, 1, -1, NULL},
	{"target_fd", 14, 1, -1, NULL},
	{"flags", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p409[] = {
	{"fd", 14, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"flags", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p411[] = {
	{"res", 11, 1, -1, NULL},
	{"img", 10, 0, -1, NULL},
	{"length", 8, 1, -1, NULL},
	{"uargs", 9, 0, -1, NULL},
};
static const sk_evt_param_info_t p413[] = {
	{"res", 11, 1, -1, NULL},
	{"fd", 14, 1, -1, NULL},
	{"uargs", 9, 0, -1, NULL},
	{"flags", 30, 1, -1, NULL},
};
static const sk_evt_param_info_t p415[] = {
	{"res", 11, 1, -1, NULL},
	{"path", 17, 0, -1, NULL},
	{"mode", 42, 6, -1, NULL},
	{"dev", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p417[] = {
	{"res", 11, 1, -1, NULL},
	{"dirfd", 14, 1, -1, NULL},
	{"path", 43, 0, 1, NULL},
	{"mode", 42, 6, -1, NULL},
	{"dev", 7, 1, -1, NULL},
};
static const sk_evt_param_info_t p419[] = {
	{"res", 11, 1, -1, NULL},
	{"dirfd", 14, 1, -1, NULL},
	{"path", 43, 0, 1, NULL},
	{"flags", 30, 2, -1, NULL},
};
static const sk_evt_param_info_t p421[] = {
	{"res", 4, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
};
static const sk_evt_param_info_t p423[] = {
	{"res", 4, 1, -1, NULL},
	{"pid", 15, 1, -1, NULL},
	{"data", 10, 0, -1, NULL},
};
static const sk_evt_param_info_t p425[] = {
	{"res", 11, 1, -1, NULL},
	{"name", 9, 0, -1, NULL},
	{"flags", 30, 2, -1, NULL},
};

const sk_evt_info_t sk__evt_table[SK_EVT_CODE_MAX] = {
	{"syscall", 0, 1, 0x0, 2, p0},
	{"syscall", 1, 1, 0x0, 2, p1},
	{"open", 2, 2, 0x21, 3, p2},
	{"open", 3, 2, 0x21, 6, p3},
	{"close", 4, 34, 0x426, 1, p4},
	{"close", 5, 34, 0x426, 2, p5},
	{"read", 6, 32, 0x40c, 2, p6},
	{"read", 7, 32, 0x40c, 4, p7},
	{"write", 8, 33, 0x414, 2, p8},
	{"write", 9, 33, 0x414, 4, p9},
	{"brk", 10, 5, 0x200, 1, p10},
	{"brk", 11, 5, 0x200, 1, p11},
	{"execve", 12, 6, 0x220, 0, NULL},
	{"execve", 13, 6, 0x220, 8, p13},
	{"clone", 14, 6, 0x220, 0, NULL},
	{"clone", 15, 6, 0x220, 11, p15},
	{"procexit", 16, 6, 0x220, 0, NULL},
	{"NA1", 17, 6, 0x40, 0, NULL},
	{"socket", 18, 3, 0x21, 3, p18},
	{"socket", 19, 3, 0x21, 4, p19},
	{"bind", 20, 3, 0x24, 1, p20},
	{"bind", 21, 3, 0x24, 3, p21},
	{"connect", 22, 3, 0x24, 2, p22},
	{"connect", 23, 3, 0x24, 4, p23},
	{"listen", 24, 3, 0x4, 2, p24},
	{"listen", 25, 3, 0x4, 3, p25},
	{"accept", 26, 3, 0x221, 0, NULL},
	{"accept", 27, 3, 0x221, 3, p27},
	{"send", 28, 33, 0x414, 2, p28},
	{"send", 29, 33, 0x414, 2, p29},
	{"sendto", 30, 33, 0x34, 3, p30},
	{"sendto", 31, 33, 0x34, 5, p31},
	{"recv", 32, 32, 0x40c, 2, p32},
	{"recv", 33, 32, 0x40c, 2, p33},
	{"recvfrom", 34, 32, 0x2c, 2, p34},
	{"recvfrom", 35, 32, 0x2c, 5, p35},
	{"shutdown", 36, 3, 0x424, 2, p36},
	{"shutdown", 37, 3, 0x424, 3, p37},
	{"getsockname", 38, 3, 0x400, 0, NULL},
	{"getsockname", 39, 3, 0x400, 0, NULL},
	{"getpeername", 40, 3, 0x400, 0, NULL},
	{"getpeername", 41, 3, 0x400, 0, NULL},
	{"socketpair", 42, 4, 0x21, 3, p42},
	{"socketpair", 43, 4, 0x21, 8, p43},
	{"setsockopt", 44, 3, 0x0, 0, NULL},
	{"setsockopt", 45, 3, 0x4, 6, p45},
	{"getsockopt", 46, 3, 0x420, 0, NULL},
	{"getsockopt", 47, 3, 0x424, 6, p47},
	{"sendmsg", 48, 33, 0x34, 3, p48},
	{"sendmsg", 49, 33, 0x34, 5, p49},
	{"sendmmsg", 50, 33, 0x400, 0, NULL},
	{"sendmmsg", 51, 33, 0x400, 0, NULL},
	{"recvmsg", 52, 32, 0x2c, 1, p52},
	{"recvmsg", 53, 32, 0x2c, 6, p53},
	{"recvmmsg", 54, 32, 0x400, 0, NULL},
	{"recvmmsg", 55, 32, 0x400, 0, NULL},
	{"accept", 56, 3, 0x221, 1, p56},
	{"accept", 57, 3, 0x221, 3, p57},
	{"creat", 58, 2, 0x21, 2, p58},
	{"creat", 59, 2, 0x21, 5, p59},
	{"pipe", 60, 4, 0x21, 0, NULL},
	{"pipe", 61, 4, 0x21, 4, p61},
	{"eventfd", 62, 4, 0x421, 2, p62},
	{"eventfd", 63, 4, 0x421, 3, p63},
	{"futex", 64, 4, 0x400, 3, p64},
	{"futex", 65, 4, 0x400, 4, p65},
	{"stat", 66, 2, 0x400, 0, NULL},
	{"stat", 67, 2, 0x400, 2, p67},
	{"lstat", 68, 2, 0x400, 0, NULL},
	{"lstat", 69, 2, 0x400, 2, p69},
	{"fstat", 70, 2, 0x404, 1, p70},
	{"fstat", 71, 2, 0x404, 2, p71},
	{"stat64", 72, 2, 0x400, 0, NULL},
	{"stat64", 73, 2, 0x400, 2, p73},
	{"lstat64", 74, 2, 0x400, 0, NULL},
	{"lstat64", 75, 2, 0x400, 2, p75},
	{"fstat64", 76, 2, 0x404, 1, p76},
	{"fstat64", 77, 2, 0x404, 1, p77},
	{"epoll_wait", 78, 64, 0x480, 1, p78},
	{"epoll_wait", 79, 64, 0x480, 2, p79},
	{"poll", 80, 64, 0x480, 2, p80},
	{"poll", 81, 64, 0x480, 3, p81},
	{"select", 82, 64, 0x480, 0, NULL},
	{"select", 83, 64, 0x480, 1, p83},
	{"select", 84, 64, 0x480, 0, NULL},
	{"select", 85, 64, 0x480, 1, p85},
	{"lseek", 86, 2, 0x404, 3, p86},
	{"lseek", 87, 2, 0x404, 4, p87},
	{"llseek", 88, 2, 0x404, 3, p88},
	{"llseek", 89, 2, 0x404, 1, p89},
	{"ioctl", 90, 34, 0x204, 2, p90},
	{"ioctl", 91, 34, 0x204, 1, p91},
	{"getcwd", 92, 2, 0x400, 0, NULL},
	{"getcwd", 93, 2, 0x400, 2, p93},
	{"chdir", 94, 2, 0x20, 0, NULL},
	{"chdir", 95, 2, 0x20, 2, p95},
	{"fchdir", 96, 2, 0x24, 1, p96},
	{"fchdir", 97, 2, 0x24, 2, p97},
	{"mkdir", 98, 2, 0x0, 2, p98},
	{"mkdir", 99, 2, 0x0, 1, p99},
	{"rmdir", 100, 2, 0x0, 1, p100},
	{"rmdir", 101, 2, 0x0, 1, p101},
	{"openat", 102, 2, 0x221, 4, p102},
	{"openat", 103, 2, 0x221, 1, p103},
	{"link", 104, 2, 0x200, 2, p104},
	{"link", 105, 2, 0x200, 1, p105},
	{"linkat", 106, 2, 0x200, 4, p106},
	{"linkat", 107, 2, 0x200, 1, p107},
	{"unlink", 108, 2, 0x200, 1, p108},
	{"unlink", 109, 2, 0x200, 1, p109},
	{"unlinkat", 110, 2, 0x200, 2, p110},
	{"unlinkat", 111, 2, 0x200, 1, p111},
	{"pread", 112, 32, 0x40c, 3, p112},
	{"pread", 113, 32, 0x40c, 5, p113},
	{"pwrite", 114, 33, 0x414, 3, p114},
	{"pwrite", 115, 33, 0x414, 5, p115},
	{"readv", 116, 32, 0x40c, 1, p116},
	{"readv", 117, 32, 0x40c, 4, p117},
	{"writev", 118, 33, 0x414, 2, p118},
	{"writev", 119, 33, 0x414, 4, p119},
	{"preadv", 120, 32, 0x40c, 2, p120},
	{"preadv", 121, 32, 0x40c, 5, p121},
	{"pwritev", 122, 33, 0x414, 3, p122},
	{"pwritev", 123, 33, 0x414, 5, p123},
	{"dup", 124, 34, 0x25, 1, p124},
	{"dup", 125, 34, 0x25, 1, p125},
	{"signalfd", 126, 9, 0x21, 3, p126},
	{"signalfd", 127, 9, 0x21, 4, p127},
	{"kill", 128, 9, 0x0, 2, p128},
	{"kill", 129, 9, 0x0, 3, p129},
	{"tkill", 130, 9, 0x0, 2, p130},
	{"tkill", 131, 9, 0x0, 3, p131},
	{"tgkill", 132, 9, 0x0, 3, p132},
	{"tgkill", 133, 9, 0x0, 4, p133},
	{"nanosleep", 134, 7, 0x480, 1, p134},
	{"nanosleep", 135, 7, 0x480, 2, p135},
	{"timerfd_create", 136, 11, 0x421, 2, p136},
	{"timerfd_create", 137, 11, 0x421, 3, p137},
	{"inotify_init", 138, 4, 0x21, 1, p138},
	{"inotify_init", 139, 4, 0x21, 2, p139},
	{"getrlimit", 140, 6, 0x400, 1, p140},
	{"getrlimit", 141, 6, 0x400, 4, p141},
	{"setrlimit", 142, 6, 0x400, 1, p142},
	{"setrlimit", 143, 6, 0x400, 4, p143},
	{"prlimit", 144, 6, 0x0, 2, p144},
	{"prlimit", 145, 6, 0x0, 7, p145},
	{"switch", 146, 128, 0x700, 1, p146},
	{"NA2", 147, 128, 0x340, 0, NULL},
	{"drop", 148, 256, 0x100, 1, p148},
	{"drop", 149, 256, 0x100, 1, p149},
	{"fcntl", 150, 34, 0x424, 2, p150},
	{"fcntl", 151, 34, 0x424, 3, p151},
	{"switch", 152, 128, 0x400, 6, p152},
	{"NA2", 153, 128, 0x40, 0, NULL},
	{"execve", 154, 6, 0x220, 0, NULL},
	{"execve", 155, 6, 0x220, 13, p155},
	{"clone", 156, 6, 0x220, 0, NULL},
	{"clone", 157, 6, 0x220, 16, p157},
	{"brk", 158, 5, 0x400, 1, p158},
	{"brk", 159, 5, 0x400, 5, p159},
	{"mmap", 160, 5, 0x400, 6, p160},
	{"mmap", 161, 5, 0x400, 10, p161},
	{"mmap2", 162, 5, 0x400, 6, p162},
	{"mmap2", 163, 5, 0x400, 4, p163},
	{"munmap", 164, 5, 0x400, 2, p164},
	{"munmap", 165, 5, 0x400, 6, p165},
	{"splice", 166, 34, 0x404, 4, p166},
	{"splice", 167, 34, 0x404, 5, p167},
	{"ptrace", 168, 6, 0x0, 2, p168},
	{"ptrace", 169, 6, 0x0, 5, p169},
	{"ioctl", 170, 34, 0x4, 3, p170},
	{"ioctl", 171, 34, 0x4, 4, p171},
	{"execve", 172, 6, 0x220, 0, NULL},
	{"execve", 173, 6, 0x220, 14, p173},
	{"rename", 174, 2, 0x0, 0, NULL},
	{"rename", 175, 2, 0x0, 3, p175},
	{"renameat", 176, 2, 0x0, 0, NULL},
	{"renameat", 177, 2, 0x0, 5, p177},
	{"symlink", 178, 2, 0x0, 0, NULL},
	{"symlink", 179, 2, 0x0, 3, p179},
	{"symlinkat", 180, 2, 0x0, 0, NULL},
	{"symlinkat", 181, 2, 0x0, 4, p181},
	{"fork", 182, 6, 0x220, 0, NULL},
	{"fork", 183, 6, 0x220, 16, p183},
	{"vfork", 184, 6, 0x220, 0, NULL},
	{"vfork", 185, 6, 0x220, 16, p185},
	{"procexit", 186, 6, 0x20, 4, p186},
	{"NA1", 187, 6, 0x40, 0, NULL},
	{"sendfile", 188, 33, 0x404, 4, p188},
	{"sendfile", 189, 33, 0x404, 5, p189},
	{"quotactl", 190, 10, 0x0, 4, p190},
	{"quotactl", 191, 10, 0x0, 14, p191},
	{"setresuid", 192, 10, 0x20, 3, p192},
	{"setresuid", 193, 10, 0x20, 4, p193},
	{"setresgid", 194, 10, 0x20, 3, p194},
	{"setresgid", 195, 10, 0x20, 4, p195},
	{"sysdigevent", 196, 256, 0x100, 2, p196},
	{"sysdigevent", 197, 256, 0x40, 0, NULL},
	{"setuid", 198, 10, 0x20, 1, p198},
	{"setuid", 199, 10, 0x20, 2, p199},
	{"setgid", 200, 10, 0x20, 1, p200},
	{"setgid", 201, 10, 0x20, 2, p201},
	{"getuid", 202, 10, 0x400, 0, NULL},
	{"getuid", 203, 10, 0x400, 1, p203},
	{"geteuid", 204, 10, 0x400, 0, NULL},
	{"geteuid", 205, 10, 0x400, 1, p205},
	{"getgid", 206, 10, 0x400, 0, NULL},
	{"getgid", 207, 10, 0x400, 1, p207},
	{"getegid", 208, 10, 0x400, 0, NULL},
	{"getegid", 209, 10, 0x400, 1, p209},
	{"getresuid", 210, 10, 0x400, 0, NULL},
	{"getresuid", 211, 10, 0x400, 4, p211},
	{"getresgid", 212, 10, 0x400, 0, NULL},
	{"getresgid", 213, 10, 0x400, 4, p213},
	{"execve", 214, 6, 0x220, 0, NULL},
	{"execve", 215, 6, 0x220, 15, p215},
	{"clone", 216, 6, 0x220, 0, NULL},
	{"clone", 217, 6, 0x220, 17, p217},
	{"fork", 218, 6, 0x220, 0, NULL},
	{"fork", 219, 6, 0x220, 17, p219},
	{"vfork", 220, 6, 0x220, 0, NULL},
	{"vfork", 221, 6, 0x220, 17, p221},
	{"clone", 222, 6, 0x20, 0, NULL},
	{"clone", 223, 6, 0x20, 21, p223},
	{"fork", 224, 6, 0x20, 0, NULL},
	{"fork", 225, 6, 0x20, 21, p225},
	{"vfork", 226, 6, 0x20, 0, NULL},
	{"vfork", 227, 6, 0x20, 21, p227},
	{"container", 228, 256, 0x320, 4, p228},
	{"container", 229, 256, 0x240, 0, NULL},
	{"execve", 230, 6, 0x20, 0, NULL},
	{"execve", 231, 6, 0x20, 16, p231},
	{"signaldeliver", 232, 9, 0x400, 3, p232},
	{"signaldeliver", 233, 9, 0x40, 0, NULL},
	{"procinfo", 234, 256, 0x500, 2, p234},
	{"NA2", 235, 256, 0x40, 0, NULL},
	{"getdents", 236, 2, 0x404, 1, p236},
	{"getdents", 237, 2, 0x404, 2, p237},
	{"getdents64", 238, 2, 0x404, 1, p238},
	{"getdents64", 239, 2, 0x404, 2, p239},
	{"setns", 240, 6, 0x4, 2, p240},
	{"setns", 241, 6, 0x4, 3, p241},
	{"flock", 242, 2, 0x4, 2, p242},
	{"flock", 243, 2, 0x4, 3, p243},
	{"cpu_hotplug", 244, 8, 0x120, 2, p244},
	{"NA2", 245, 8, 0x40, 0, NULL},
	{"accept", 246, 3, 0x21, 0, NULL},
	{"accept", 247, 3, 0x21, 5, p247},
	{"accept", 248, 3, 0x21, 1, p248},
	{"accept", 249, 3, 0x21, 5, p249},
	{"semop", 250, 6, 0x400, 1, p250},
	{"semop", 251, 6, 0x400, 8, p251},
	{"semctl", 252, 6, 0x400, 4, p252},
	{"semctl", 253, 6, 0x400, 1, p253},
	{"ppoll", 254, 64, 0x480, 3, p254},
	{"ppoll", 255, 64, 0x480, 4, p255},
	{"mount", 256, 2, 0x20, 1, p256},
	{"mount", 257, 2, 0x20, 5, p257},
	{"umount", 258, 2, 0x20, 1, p258},
	{"umount", 259, 2, 0x20, 2, p259},
	{"k8s", 260, 256, 0x120, 1, p260},
	{"NA3", 261, 8, 0x40, 0, NULL},
	{"semget", 262, 6, 0x400, 3, p262},
	{"semget", 263, 6, 0x400, 4, p263},
	{"access", 264, 2, 0x400, 1, p264},
	{"access", 265, 2, 0x400, 3, p265},
	{"chroot", 266, 6, 0x20, 0, NULL},
	{"chroot", 267, 6, 0x20, 2, p267},
	{"tracer", 268, 1, 0x0, 3, p268},
	{"tracer", 269, 1, 0x0, 3, p269},
	{"mesos", 270, 256, 0x120, 1, p270},
	{"NA4", 271, 8, 0x40, 0, NULL},
	{"container", 272, 6, 0x20, 1, p272},
	{"container", 273, 6, 0x40, 0, NULL},
	{"setsid", 274, 6, 0x20, 0, NULL},
	{"setsid", 275, 6, 0x20, 1, p275},
	{"mkdir", 276, 2, 0x0, 1, p276},
	{"mkdir", 277, 2, 0x0, 2, p277},
	{"rmdir", 278, 2, 0x0, 0, NULL},
	{"rmdir", 279, 2, 0x0, 2, p279},
	{"notification", 280, 1, 0x100, 2, p280},
	{"NA4", 281, 8, 0x40, 0, NULL},
	{"execve", 282, 6, 0x220, 0, NULL},
	{"execve", 283, 6, 0x220, 17, p283},
	{"unshare", 284, 6, 0x0, 1, p284},
	{"unshare", 285, 6, 0x0, 2, p285},
	{"infra", 286, 256, 0x100, 4, p286},
	{"NA4", 287, 8, 0x40, 0, NULL},
	{"execve", 288, 6, 0x220, 1, p288},
	{"execve", 289, 6, 0x220, 17, p289},
	{"page_fault", 290, 1, 0x500, 3, p290},
	{"NA5", 291, 1, 0x40, 0, NULL},
	{"execve", 292, 6, 0x20, 1, p292},
	{"execve", 293, 6, 0x20, 28, p293},
	{"setpgid", 294, 6, 0x20, 2, p294},
	{"setpgid", 295, 6, 0x20, 3, p295},
	{"bpf", 296, 1, 0x1, 1, p296},
	{"bpf", 297, 1, 0x1, 1, p297},
	{"seccomp", 298, 1, 0x0, 1, p298},
	{"seccomp", 299, 1, 0x0, 2, p299},
	{"unlink", 300, 2, 0x0, 0, NULL},
	{"unlink", 301, 2, 0x0, 2, p301},
	{"unlinkat", 302, 2, 0x0, 0, NULL},
	{"unlinkat", 303, 2, 0x0, 4, p303},
	{"mkdirat", 304, 2, 0x0, 0, NULL},
	{"mkdirat", 305, 2, 0x0, 4, p305},
	{"openat", 306, 2, 0x21, 4, p306},
	{"openat", 307, 2, 0x21, 7, p307},
	{"link", 308, 2, 0x0, 0, NULL},
	{"link", 309, 2, 0x0, 3, p309},
	{"linkat", 310, 2, 0x0, 0, NULL},
	{"linkat", 311, 2, 0x0, 6, p311},
	{"fchmodat", 312, 2, 0x0, 0, NULL},
	{"fchmodat", 313, 2, 0x0, 4, p313},
	{"chmod", 314, 2, 0x0, 0, NULL},
	{"chmod", 315, 2, 0x0, 3, p315},
	{"fchmod", 316, 2, 0x0, 0, NULL},
	{"fchmod", 317, 2, 0x0, 3, p317},
	{"renameat2", 318, 2, 0x0, 0, NULL},
	{"renameat2", 319, 2, 0x0, 6, p319},
	{"userfaultfd", 320, 2, 0x21, 0, NULL},
	{"userfaultfd", 321, 2, 0x21, 2, p321},
	{"pluginevent", 322, 1, 0x800, 2, p322},
	{"pluginevent", 323, 1, 0x40, 0, NULL},
	{"container", 324, 6, 0x820, 1, p324},
	{"container", 325, 6, 0x40, 0, NULL},
	{"openat2", 326, 2, 0x21, 5, p326},
	{"openat2", 327, 2, 0x21, 6, p327},
	{"mprotect", 328, 5, 0x400, 3, p328},
	{"mprotect", 329, 5, 0x400, 4, p329},
	{"execveat", 330, 6, 0x20, 3, p330},
	{"execveat", 331, 6, 0x20, 28, p331},
	{"copy_file_range", 332, 2, 0x1c, 3, p332},
	{"copy_file_range", 333, 2, 0x1c, 6, p333},
	{"clone3", 334, 6, 0x20, 0, NULL},
	{"clone3", 335, 6, 0x20, 21, p335},
	{"open_by_handle_at", 336, 2, 0x21, 0, NULL},
	{"open_by_handle_at", 337, 2, 0x21, 4, p337},
	{"io_uring_setup", 338, 34, 0x21, 0, NULL},
	{"io_uring_setup", 339, 34, 0x21, 8, p339},
	{"io_uring_enter", 340, 34, 0x0, 0, NULL},
	{"io_uring_enter", 341, 34, 0x4, 6, p341},
	{"io_uring_register", 342, 34, 0x0, 0, NULL},
	{"io_uring_register", 343, 34, 0x4, 5, p343},
	{"mlock", 344, 5, 0x0, 0, NULL},
	{"mlock", 345, 5, 0x0, 3, p345},
	{"munlock", 346, 5, 0x0, 0, NULL},
	{"munlock", 347, 5, 0x0, 3, p347},
	{"mlockall", 348, 5, 0x0, 0, NULL},
	{"mlockall", 349, 5, 0x0, 2, p349},
	{"munlockall", 350, 5, 0x0, 0, NULL},
	{"munlockall", 351, 5, 0x0, 1, p351},
	{"capset", 352, 6, 0x20, 0, NULL},
	{"capset", 353, 6, 0x20, 4, p353},
	{"useradded", 354, 6, 0x20, 6, p354},
	{"NA", 355, 0, 0x40, 0, NULL},
	{"userdeleted", 356, 6, 0x20, 6, p356},
	{"NA", 357, 0, 0x40, 0, NULL},
	{"groupadded", 358, 6, 0x20, 3, p358},
	{"NA", 359, 0, 0x40, 0, NULL},
	{"groupdeleted", 360, 6, 0x20, 3, p360},
	{"NA", 361, 0, 0x40, 0, NULL},
	{"dup2", 362, 34, 0x25, 1, p362},
	{"dup2", 363, 34, 0x25, 3, p363},
	{"dup3", 364, 34, 0x25, 1, p364},
	{"dup3", 365, 34, 0x25, 4, p365},
	{"dup", 366, 34, 0x25, 1, p366},
	{"dup", 367, 34, 0x25, 2, p367},
	{"bpf", 368, 1, 0x1, 1, p368},
	{"bpf", 369, 1, 0x1, 2, p369},
	{"mlock2", 370, 5, 0x0, 0, NULL},
	{"mlock2", 371, 5, 0x0, 4, p371},
	{"fsconfig", 372, 8, 0x0, 0, NULL},
	{"fsconfig", 373, 8, 0x4, 7, p373},
	{"epoll_create", 374, 64, 0x21, 1, p374},
	{"epoll_create", 375, 64, 0x21, 2, p375},
	{"epoll_create1", 376, 64, 0x21, 1, p376},
	{"epoll_create1", 377, 64, 0x21, 2, p377},
	{"chown", 378, 2, 0x0, 0, NULL},
	{"chown", 379, 2, 0x0, 4, p379},
	{"lchown", 380, 2, 0x0, 0, NULL},
	{"lchown", 381, 2, 0x0, 4, p381},
	{"fchown", 382, 2, 0x0, 0, NULL},
	{"fchown", 383, 2, 0x4, 4, p383},
	{"fchownat", 384, 2, 0x0, 0, NULL},
	{"fchownat", 385, 2, 0x0, 6, p385},
	{"umount", 386, 2, 0x20, 0, NULL},
	{"umount", 387, 2, 0x20, 2, p387},
	{"accept4", 388, 3, 0x21, 1, p388},
	{"accept4", 389, 3, 0x21, 6, p389},
	{"umount2", 390, 2, 0x20, 1, p390},
	{"umount2", 391, 2, 0x20, 2, p391},
	{"pipe2", 392, 4, 0x21, 0, NULL},
	{"pipe2", 393, 4, 0x21, 5, p393},
	{"inotify_init1", 394, 4, 0x21, 0, NULL},
	{"inotify_init1", 395, 4, 0x21, 2, p395},
	{"eventfd2", 396, 4, 0x21, 1, p396},
	{"eventfd2", 397, 4, 0x21, 3, p397},
	{"signalfd4", 398, 9, 0x21, 2, p398},
	{"signalfd4", 399, 9, 0x21, 4, p399},
	{"prctl", 400, 6, 0x20, 0, NULL},
	{"prctl", 401, 6, 0x20, 4, p401},
	{"asyncevent", 402, 1, 0x800, 3, p402},
	{"NA", 403, 0, 0x40, 0, NULL},
	{"memfd_create", 404, 5, 0x21, 0, NULL},
	{"memfd_create", 405, 5, 0x21, 3, p405},
	{"pidfd_getfd", 406, 6, 0x21, 0, NULL},
	{"pidfd_getfd", 407, 6, 0x21, 4, p407},
	{"pidfd_open", 408, 6, 0x21, 0, NULL},
	{"pidfd_open", 409, 6, 0x21, 3, p409},
	{"init_module", 410, 1, 0x0, 0, NULL},
	{"init_module", 411, 1, 0x0, 4, p411},
	{"finit_module", 412, 1, 0x0, 0, NULL},
	{"finit_module", 413, 1, 0xc, 4, p413},
	{"mknod", 414, 1, 0x0, 0, NULL},
	{"mknod", 415, 1, 0x0, 4, p415},
	{"mknodat", 416, 1, 0x0, 0, NULL},
	{"mknodat", 417, 1, 0x4, 5, p417},
	{"newfstatat", 418, 2, 0x0, 0, NULL},
	{"newfstatat", 419, 2, 0x4, 4, p419},
	{"process_vm_readv", 420, 6, 0x0, 0, NULL},
	{"process_vm_readv", 421, 6, 0x0, 3, p421},
	{"process_vm_writev", 422, 6, 0x0, 0, NULL},
	{"process_vm_writev", 423, 6, 0x0, 3, p423},
	{"delete_module", 424, 1, 0x0, 0, NULL},
	{"delete_module", 425, 1, 0x0, 3, p425},
};
