/*
 * fields.h - the syscall plugin's field table (one row per field, the row
 * index is the field id) and the extractors of each field class.
 * Threading: one sk_sys_t per thread (see sys.h).
 */
#ifndef SK_SYSCALL_FIELDS_H
#define SK_SYSCALL_FIELDS_H

#include <stdbool.h>
#include <stdint.h>

#include "sk_field_types.h"
#include "sys.h"

enum sk_field_id {
	/* evt */
	F_EVT_ARG, F_EVT_RAWARG, F_EVT_ARGS, F_EVT_RES, F_EVT_RAWRES, F_EVT_DIR, F_EVT_FAILED,
	F_EVT_IS_OPEN_READ, F_EVT_IS_OPEN_WRITE, F_EVT_IS_OPEN_EXEC, F_EVT_BUFFER, F_EVT_BUFLEN,
	F_EVT_CATEGORY, F_EVT_IS_IO, F_EVT_IS_IO_READ, F_EVT_IS_IO_WRITE, F_EVT_SCAP_TYPE,
	/* proc */
	F_PROC_NAME, F_PROC_PNAME, F_PROC_ANAME, F_PROC_EXE, F_PROC_PEXE, F_PROC_AEXE,
	F_PROC_EXEPATH, F_PROC_PEXEPATH, F_PROC_AEXEPATH, F_PROC_CMDLINE, F_PROC_PCMDLINE,
	F_PROC_ACMDLINE, F_PROC_ARGS, F_PROC_PID, F_PROC_PPID, F_PROC_APID, F_PROC_VPID,
	F_PROC_PVPID, F_PROC_SID, F_PROC_SNAME, F_PROC_VPGID, F_PROC_IS_VPGID_LEADER,
	F_PROC_IS_SID_LEADER, F_PROC_TTY, F_PROC_CWD, F_PROC_ENV, F_PROC_DURATION,
	F_PROC_IS_EXE_FROM_MEMFD, F_PROC_IS_EXE_UPPER_LAYER, F_PROC_IS_EXE_LOWER_LAYER,
	F_PROC_IS_EXE_WRITABLE, F_PROC_EXE_INO, F_PROC_EXE_INO_CTIME, F_PROC_EXE_INO_MTIME,
	F_PROC_EXE_INO_CTIME_DUR_PROC, F_PROC_EXE_INO_CTIME_DUR_PIDNS, F_PROC_PIDNS_INIT_START_TS,
	F_PROC_CMDNARGS, F_PROC_CMDLENARGS, F_PROC_FDOPENCOUNT, F_PROC_FDLIMIT,
	/* thread */
	F_THREAD_TID, F_THREAD_VTID, F_THREAD_ISMAIN, F_THREAD_CAP_PERMITTED,
	F_THREAD_CAP_EFFECTIVE, F_THREAD_CAP_INHERITABLE,
	/* user, group */
	F_USER_UID, F_USER_NAME, F_USER_HOMEDIR, F_USER_SHELL, F_USER_LOGINUID, F_USER_LOGINNAME,
	F_GROUP_GID, F_GROUP_NAME,
	/* fd */
	F_FD_NUM, F_FD_TYPE, F_FD_TYPECHAR, F_FD_NAME, F_FD_DIRECTORY, F_FD_FILENAME, F_FD_NAMERAW,
	F_FD_IP, F_FD_CIP, F_FD_SIP, F_FD_LIP, F_FD_RIP, F_FD_PORT, F_FD_CPORT, F_FD_SPORT,
	F_FD_LPORT, F_FD_RPORT, F_FD_L4PROTO, F_FD_SOCKFAMILY, F_FD_IS_SERVER, F_FD_CONNECTED,
	F_FD_NAME_CHANGED, F_FD_NET, F_FD_CNET, F_FD_SNET, F_FD_LNET, F_FD_RNET, F_FD_CIP_NAME,
	F_FD_SIP_NAME, F_FD_LIP_NAME, F_FD_RIP_NAME, F_FD_DEV, F_FD_INO, F_FD_OPENFLAGS,
	F_COUNT
};

typedef struct sk_field_row {
	const char *name;
	uint32_t type;  /* FTYPE_* or SK_FTYPE_INT64 */
	bool is_list;
	unsigned arg;   /* SK_SDK_ARG_* */
	const char *desc;
} sk_field_row_t;

extern const sk_field_row_t sk_fields[F_COUNT];

/* Per-request context passed to the class extractors. */
typedef struct sk_xctx {
	sk_sys_t *s;
	const sk_evview_t *v;
	sk_thread_t *th;          /* may be NULL */
	ss_plugin_extract_field *f;
} sk_xctx_t;

/* Each returns 0 (value set or none set) or a negative errno. */
int sk_x_evt(sk_xctx_t *c, uint32_t id);
int sk_x_proc(sk_xctx_t *c, uint32_t id);
int sk_x_fd(sk_xctx_t *c, uint32_t id);

#endif
