/* fields.c - field table, JSON, dispatch and the evt.* fields (see fields.h). */
#include "fields.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evclass.h"
#include "ppm.h"
#include "render.h"
#include "source.h"

/* The category bits of an event row (the rest are upstream's extra flags). */
#define CATEGORY_MASK 0x1ffu
/* S_IXUSR | S_IXGRP | S_IXOTH in an open's mode. */
#define EXEC_MODE_BITS 0111

#define S FTYPE_STRING
#define U FTYPE_UINT64
#define B FTYPE_BOOL
#define I SK_FTYPE_INT64
#define RT FTYPE_RELTIME
#define AT FTYPE_ABSTIME
#define IP FTYPE_IPADDR
#define NET FTYPE_IPNET
#define IDX SK_SDK_ARG_INDEX
#define KEY SK_SDK_ARG_KEY
#define REQ SK_SDK_ARG_REQUIRED

const sk_field_row_t sk_fields[F_COUNT] = {
	[F_EVT_ARG] = {"evt.arg", S, false, KEY | IDX | REQ, "One argument of the event by name (evt.arg.fd) or index (evt.arg[0]), rendered as text with fds, flags, errors and users resolved."},
	[F_EVT_RAWARG] = {"evt.rawarg", I, false, KEY | IDX | REQ, "One numeric argument of the event by name or index, unrendered."},
	[F_EVT_ARGS] = {"evt.args", S, false, 0, "All the event arguments as name=value pairs."},
	[F_EVT_RES] = {"evt.res", S, false, 0, "The return value of the event: SUCCESS or the errno name (e.g. ENOENT)."},
	[F_EVT_RAWRES] = {"evt.rawres", I, false, 0, "The return value of the event as a number."},
	[F_EVT_DIR] = {"evt.dir", S, false, 0, "Event direction: '>' enter, '<' exit."},
	[F_EVT_FAILED] = {"evt.failed", B, false, 0, "true for events that returned an error."},
	[F_EVT_IS_OPEN_READ] = {"evt.is_open_read", B, false, 0, "true for open/openat/openat2/open_by_handle_at events where the path was opened for reading."},
	[F_EVT_IS_OPEN_WRITE] = {"evt.is_open_write", B, false, 0, "true for open-family events where the path was opened for writing."},
	[F_EVT_IS_OPEN_EXEC] = {"evt.is_open_exec", B, false, 0, "true for open-family events where a file is created with execute permissions."},
	[F_EVT_BUFFER] = {"evt.buffer", S, false, 0, "The binary data buffer of I/O events (read, write, send, recv...)."},
	[F_EVT_BUFLEN] = {"evt.buflen", U, false, 0, "The length of the binary data buffer of I/O events."},
	[F_EVT_CATEGORY] = {"evt.category", S, false, 0, "The event category (file, net, process, ...)."},
	[F_EVT_IS_IO] = {"evt.is_io", B, false, 0, "true for events that read or write to an fd."},
	[F_EVT_IS_IO_READ] = {"evt.is_io_read", B, false, 0, "true for events that read from an fd."},
	[F_EVT_IS_IO_WRITE] = {"evt.is_io_write", B, false, 0, "true for events that write to an fd."},
	[F_EVT_SCAP_TYPE] = {"evt.scap_type", S, false, 0, "The syscall name of the event; for generic events the real syscall (e.g. mprotect)."},
	[F_PROC_NAME] = {"proc.name", S, false, 0, "Name of the executable generating the event (the comm)."},
	[F_PROC_PNAME] = {"proc.pname", S, false, 0, "Name of the parent of the process generating the event."},
	[F_PROC_ANAME] = {"proc.aname", S, false, IDX, "Name of an ancestor: proc.aname[1] is the parent, proc.aname[0] the process; without index every ancestor."},
	[F_PROC_EXE] = {"proc.exe", S, false, 0, "The first command-line argument (argv[0])."},
	[F_PROC_PEXE] = {"proc.pexe", S, false, 0, "argv[0] of the parent process."},
	[F_PROC_AEXE] = {"proc.aexe", S, false, IDX, "argv[0] of an ancestor (index as proc.aname)."},
	[F_PROC_EXEPATH] = {"proc.exepath", S, false, 0, "Full path of the executable."},
	[F_PROC_PEXEPATH] = {"proc.pexepath", S, false, 0, "Full path of the parent's executable."},
	[F_PROC_AEXEPATH] = {"proc.aexepath", S, false, IDX, "Full executable path of an ancestor (index as proc.aname)."},
	[F_PROC_CMDLINE] = {"proc.cmdline", S, false, 0, "Name plus arguments of the process."},
	[F_PROC_PCMDLINE] = {"proc.pcmdline", S, false, 0, "Name plus arguments of the parent."},
	[F_PROC_ACMDLINE] = {"proc.acmdline", S, false, IDX, "Name plus arguments of an ancestor."},
	[F_PROC_ARGS] = {"proc.args", S, false, 0, "The arguments of the process, space separated."},
	[F_PROC_PID] = {"proc.pid", I, false, 0, "Id of the process."},
	[F_PROC_PPID] = {"proc.ppid", I, false, 0, "Id of the parent process."},
	[F_PROC_APID] = {"proc.apid", I, false, IDX, "Id of an ancestor process."},
	[F_PROC_VPID] = {"proc.vpid", I, false, 0, "Id of the process in its pid namespace."},
	[F_PROC_PVPID] = {"proc.pvpid", I, false, 0, "Id of the parent in its pid namespace."},
	[F_PROC_SID] = {"proc.sid", I, false, 0, "Session id of the process."},
	[F_PROC_SNAME] = {"proc.sname", S, false, 0, "Name of the session leader."},
	[F_PROC_VPGID] = {"proc.vpgid", I, false, 0, "Process group id as seen from the pid namespace."},
	[F_PROC_IS_VPGID_LEADER] = {"proc.is_vpgid_leader", B, false, 0, "true if the process is its process group leader (vpid == vpgid)."},
	[F_PROC_IS_SID_LEADER] = {"proc.is_sid_leader", B, false, 0, "true if the process is its session leader."},
	[F_PROC_TTY] = {"proc.tty", U, false, 0, "Controlling terminal of the process, 0 for none."},
	[F_PROC_CWD] = {"proc.cwd", S, false, 0, "Current working directory."},
	[F_PROC_ENV] = {"proc.env", S, false, KEY, "Environment of the process, or one variable with proc.env[NAME]."},
	[F_PROC_DURATION] = {"proc.duration", RT, false, 0, "Nanoseconds since the process started."},
	[F_PROC_IS_EXE_FROM_MEMFD] = {"proc.is_exe_from_memfd", B, false, 0, "true if the executable is a memfd."},
	[F_PROC_IS_EXE_UPPER_LAYER] = {"proc.is_exe_upper_layer", B, false, 0, "true if the executable lives in the upper layer of an overlayfs."},
	[F_PROC_IS_EXE_LOWER_LAYER] = {"proc.is_exe_lower_layer", B, false, 0, "true if the executable lives in a lower layer of an overlayfs."},
	[F_PROC_IS_EXE_WRITABLE] = {"proc.is_exe_writable", B, false, 0, "true if the executable is writable by the process's user."},
	[F_PROC_EXE_INO] = {"proc.exe_ino", U, false, 0, "Inode number of the executable."},
	[F_PROC_EXE_INO_CTIME] = {"proc.exe_ino.ctime", AT, false, 0, "Last status change time of the executable."},
	[F_PROC_EXE_INO_MTIME] = {"proc.exe_ino.mtime", AT, false, 0, "Last modification time of the executable."},
	[F_PROC_EXE_INO_CTIME_DUR_PROC] = {"proc.exe_ino.ctime_duration_proc_start", RT, false, 0, "Nanoseconds between the executable's status change and the process start."},
	[F_PROC_EXE_INO_CTIME_DUR_PIDNS] = {"proc.exe_ino.ctime_duration_pidns_start", RT, false, 0, "Nanoseconds between the pid namespace start and the executable's status change."},
	[F_PROC_PIDNS_INIT_START_TS] = {"proc.pidns_init_start_ts", U, false, 0, "Start time of the init process of the pid namespace."},
	[F_PROC_CMDNARGS] = {"proc.cmdnargs", U, false, 0, "Number of command line arguments."},
	[F_PROC_CMDLENARGS] = {"proc.cmdlenargs", U, false, 0, "Total length of the command line arguments, without spaces."},
	[F_PROC_FDOPENCOUNT] = {"proc.fdopencount", U, false, 0, "Number of open fds of the process."},
	[F_PROC_FDLIMIT] = {"proc.fdlimit", I, false, 0, "Maximum number of fds the process can open."},
	[F_THREAD_TID] = {"thread.tid", I, false, 0, "Id of the thread."},
	[F_THREAD_VTID] = {"thread.vtid", I, false, 0, "Id of the thread in its pid namespace."},
	[F_THREAD_ISMAIN] = {"thread.ismain", B, false, 0, "true if the thread is the main thread of its process."},
	[F_THREAD_CAP_PERMITTED] = {"thread.cap_permitted", S, false, 0, "Permitted capabilities, space separated."},
	[F_THREAD_CAP_EFFECTIVE] = {"thread.cap_effective", S, false, 0, "Effective capabilities, space separated."},
	[F_THREAD_CAP_INHERITABLE] = {"thread.cap_inheritable", S, false, 0, "Inheritable capabilities, space separated."},
	[F_USER_UID] = {"user.uid", U, false, 0, "User id."},
	[F_USER_NAME] = {"user.name", S, false, 0, "User name."},
	[F_USER_HOMEDIR] = {"user.homedir", S, false, 0, "Home directory of the user."},
	[F_USER_SHELL] = {"user.shell", S, false, 0, "Shell of the user."},
	[F_USER_LOGINUID] = {"user.loginuid", I, false, 0, "Audit user id (auid); -1 when unset."},
	[F_USER_LOGINNAME] = {"user.loginname", S, false, 0, "Name of the audit user."},
	[F_GROUP_GID] = {"group.gid", U, false, 0, "Group id."},
	[F_GROUP_NAME] = {"group.name", S, false, 0, "Group name."},
	[F_FD_NUM] = {"fd.num", I, false, 0, "The fd number."},
	[F_FD_TYPE] = {"fd.type", S, false, 0, "Type of the fd: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, inotify, timerfd, netlink, bpf, userfaultfd, io_uring, memfd, pidfd."},
	[F_FD_TYPECHAR] = {"fd.typechar", S, false, 0, "Type of the fd as one character (f, d, 4, 6, u, p, ...)."},
	[F_FD_NAME] = {"fd.name", S, false, 0, "Full name of the fd: absolute path, or connection tuple."},
	[F_FD_DIRECTORY] = {"fd.directory", S, false, 0, "Directory of a file fd."},
	[F_FD_FILENAME] = {"fd.filename", S, false, 0, "File name of a file fd, without the directory."},
	[F_FD_NAMERAW] = {"fd.nameraw", S, false, 0, "Name of the fd as the syscall gave it (unresolved)."},
	[F_FD_IP] = {"fd.ip", IP, false, 0, "Client or server IP address (matches either)."},
	[F_FD_CIP] = {"fd.cip", IP, false, 0, "Client IP address."},
	[F_FD_SIP] = {"fd.sip", IP, false, 0, "Server IP address."},
	[F_FD_LIP] = {"fd.lip", IP, false, 0, "Local IP address."},
	[F_FD_RIP] = {"fd.rip", IP, false, 0, "Remote IP address."},
	[F_FD_PORT] = {"fd.port", U, false, 0, "Client or server port (matches either)."},
	[F_FD_CPORT] = {"fd.cport", U, false, 0, "Client port."},
	[F_FD_SPORT] = {"fd.sport", U, false, 0, "Server port."},
	[F_FD_LPORT] = {"fd.lport", U, false, 0, "Local port."},
	[F_FD_RPORT] = {"fd.rport", U, false, 0, "Remote port."},
	[F_FD_L4PROTO] = {"fd.l4proto", S, false, 0, "IP protocol of a socket: tcp, udp, icmp or raw."},
	[F_FD_SOCKFAMILY] = {"fd.sockfamily", S, false, 0, "Socket family: ip or unix."},
	[F_FD_IS_SERVER] = {"fd.is_server", B, false, 0, "true if the process owning the fd is the server side."},
	[F_FD_CONNECTED] = {"fd.connected", B, false, 0, "true if the socket is connected."},
	[F_FD_NAME_CHANGED] = {"fd.name_changed", B, false, 0, "true when the event changed the fd name (e.g. connect)."},
	[F_FD_NET] = {"fd.net", NET, false, 0, "Client or server IP network (matches either)."},
	[F_FD_CNET] = {"fd.cnet", NET, false, 0, "Client IP network."},
	[F_FD_SNET] = {"fd.snet", NET, false, 0, "Server IP network."},
	[F_FD_LNET] = {"fd.lnet", NET, false, 0, "Local IP network."},
	[F_FD_RNET] = {"fd.rnet", NET, false, 0, "Remote IP network."},
	[F_FD_CIP_NAME] = {"fd.cip.name", S, false, 0, "Domain name of the client IP (empty: not resolved)."},
	[F_FD_SIP_NAME] = {"fd.sip.name", S, false, 0, "Domain name of the server IP (empty: not resolved)."},
	[F_FD_LIP_NAME] = {"fd.lip.name", S, false, 0, "Domain name of the local IP (empty: not resolved)."},
	[F_FD_RIP_NAME] = {"fd.rip.name", S, false, 0, "Domain name of the remote IP (empty: not resolved)."},
	[F_FD_DEV] = {"fd.dev", U, false, 0, "Device number of the file."},
	[F_FD_INO] = {"fd.ino", U, false, 0, "Inode number of the file."},
	[F_FD_OPENFLAGS] = {"fd.openflags", S, false, 0, "Flags the file was opened with."},
};

const char *sk_sys_fields_json(sk_sys_t *s)
{
	if (s && s->fields_json)
		return s->fields_json;
	size_t cap = 65536, used = 0;
	char *buf = malloc(cap);
	if (!buf)
		return NULL;
	used += (size_t)snprintf(buf, cap, "[");
	for (unsigned i = 0; i < F_COUNT; i++) {
		const sk_field_row_t *r = &sk_fields[i];
		char arg[128] = "";
		if (r->arg)
			snprintf(arg, sizeof(arg), ",\"arg\":{\"isRequired\":%s,\"isIndex\":%s,\"isKey\":%s}",
				(r->arg & REQ) ? "true" : "false", (r->arg & IDX) ? "true" : "false",
				(r->arg & KEY) ? "true" : "false");
		for (;;) {
			int k = snprintf(buf + used, cap - used,
				"%s{\"name\":\"%s\",\"type\":\"%s\",\"isList\":%s%s,\"desc\":\"%s\"}",
				i ? "," : "", r->name, sk_ftype_name(r->type), r->is_list ? "true" : "false", arg,
				r->desc);
			if (k > 0 && (size_t)k < cap - used) {
				used += (size_t)k;
				break;
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
	}
	if (used + 2 > cap) {
		char *nb = realloc(buf, cap + 2);
		if (!nb) {
			free(buf);
			return NULL;
		}
		buf = nb;
	}
	buf[used++] = ']';
	buf[used] = 0;
	if (s)
		s->fields_json = buf;
	return buf;
}

bool sk_sys_view(sk_sys_t *s, const ss_plugin_event *evt, uint64_t evtnum)
{
	if (s->view_evt == evt && s->view_num == evtnum)
		return s->view_ok;
	int64_t tid;
	uint16_t type;
	tid = sk_evt_get_tid(evt);
	type = sk_evt_get_type(evt);
	sk_thread_t *th = sk_evt_is_exit(type) ? sk_threads_peek(s->threads, tid) : NULL;
	const uint8_t *enter = sk_src_enter_of(s->inst, evt);
	if (!enter && th && th->enter_len)
		enter = th->enter;
	s->view_evt = evt;
	s->view_num = evtnum;
	s->view_ok = sk_evview_init(&s->view, evt, enter) == 0;
	return s->view_ok;
}

static const char *category_name(uint32_t cat)
{
	switch (cat & CATEGORY_MASK) {
	case SK_EC_OTHER: return "other";
	case SK_EC_FILE: return "file";
	case SK_EC_NET: return "net";
	case SK_EC_IPC: return "IPC";
	case SK_EC_MEMORY: return "memory";
	case SK_EC_PROCESS: return "process";
	case SK_EC_SLEEP: return "sleep";
	case SK_EC_SYSTEM: return "system";
	case SK_EC_SIGNAL: return "signal";
	case SK_EC_USER: return "user";
	case SK_EC_TIME: return "time";
	case SK_EC_IO_READ:
	case SK_EC_IO_WRITE:
	case SK_EC_IO_OTHER: return "I/O";
	case SK_EC_WAIT: return "wait";
	case SK_EC_SCHEDULER: return "scheduler";
	case SK_EC_INTERNAL: return "internal";
	default: return "unknown";
	}
}


static const sk_evt_param_t *data_param(const sk_evview_t *v, sk_evt_param_t *tmp)
{
	const sk_evt_param_info_t *pi;
	if (!(v->info->flags & (SK_EF_READS_FROM_FD | SK_EF_WRITES_TO_FD)))
		return NULL;
	if (sk_ev_param(v, "data", tmp, &pi) && pi->type == PT_BYTEBUF)
		return tmp;
	return NULL;
}

int sk_x_evt(sk_xctx_t *c, uint32_t id)
{
	sk_sys_t *s = c->s;
	const sk_evview_t *v = c->v;
	ss_plugin_extract_field *f = c->f;
	sk_evt_param_t p;
	const sk_evt_param_info_t *pi;
	int64_t iv;
	char *buf = s->sbuf[SK_SBUF_EVT];
	size_t cap = sizeof(s->sbuf[SK_SBUF_EVT]);

	switch (id) {
	case F_EVT_ARG:
	case F_EVT_RAWARG: {
		bool ok;
		if (f->arg_key && f->arg_key[0] && (f->arg_key[0] < '0' || f->arg_key[0] > '9'))
			ok = sk_ev_param(v, f->arg_key, &p, &pi);
		else if (f->arg_present)
			ok = sk_ev_param_at(v, (uint32_t)(f->arg_key ? strtoull(f->arg_key, NULL, 10) :
				f->arg_index), &p, &pi);
		else
			ok = false;
		if (!ok)
			return 0;
		if (id == F_EVT_RAWARG) {
			if (p.len != 1 && p.len != 2 && p.len != 4 && p.len != 8)
				return 0;
			if (pi->type == PT_CHARBUF || pi->type == PT_BYTEBUF || pi->type == PT_FSPATH ||
				pi->type == PT_FSRELPATH || pi->type == PT_SOCKADDR || pi->type == PT_SOCKTUPLE)
				return 0;
			return sk_sdk_extract_u64(&s->x, f, (uint64_t)sk_param_int(&p, pi->type));
		}
		if (p.len == 0 && pi->type != PT_CHARBUF && pi->type != PT_BYTEBUF)
			return 0;
		sk_render_param(c, pi, &p, true, buf, cap);
		return sk_sdk_extract_str(&s->x, f, buf, strlen(buf));
	}
	case F_EVT_ARGS: {
		size_t o = 0;
		char val[2048], res[2048];
		buf[0] = 0;
		uint32_t lim = (uint32_t)v->n < v->info->nparams ? (uint32_t)v->n : v->info->nparams;
		for (uint32_t i = 0; i < lim; i++) {
			pi = &v->info->params[i];
			sk_render_param(c, pi, &v->p[i], false, val, sizeof(val));
			sk_render_param(c, pi, &v->p[i], true, res, sizeof(res));
			int k;
			if (strcmp(val, res) != 0 && pi->type != PT_FSPATH && pi->type != PT_FSRELPATH)
				k = snprintf(buf + o, cap - o, "%s%s=%s(%s)", o ? " " : "", pi->name, val, res);
			else
				k = snprintf(buf + o, cap - o, "%s%s=%s", o ? " " : "", pi->name, res);
			if (k < 0 || (size_t)k >= cap - o)
				break;
			o += (size_t)k;
		}
		return sk_sdk_extract_str(&s->x, f, buf, strlen(buf));
	}
	case F_EVT_RES:
		if (!sk_ev_res(v, &iv))
			return 0;
		if (iv >= 0)
			return sk_sdk_extract_str_ref(&s->x, f, "SUCCESS");
		if (sk_errno_name(iv))
			return sk_sdk_extract_str_ref(&s->x, f, sk_errno_name(iv));
		snprintf(buf, cap, "%" PRId64, iv);
		return sk_sdk_extract_str(&s->x, f, buf, strlen(buf));
	case F_EVT_RAWRES:
		if (!sk_ev_res(v, &iv))
			return 0;
		return sk_sdk_extract_u64(&s->x, f, (uint64_t)iv);
	case F_EVT_FAILED:
		return sk_sdk_extract_bool(&s->x, f, sk_ev_res(v, &iv) && iv < 0);
	case F_EVT_DIR:
		return sk_sdk_extract_str_ref(&s->x, f, sk_evt_is_exit(v->type) ? "<" : ">");
	case F_EVT_IS_OPEN_READ:
	case F_EVT_IS_OPEN_WRITE:
	case F_EVT_IS_OPEN_EXEC: {
		int64_t flags = 0, mode = 0;
		bool r = false;
		uint32_t cls = sk_evclass(v->type);
		if ((cls & SK_EVC_OPEN_FAMILY) && sk_evt_is_exit(v->type) &&
			sk_ev_int(v, "flags", &flags)) {
			if (id == F_EVT_IS_OPEN_READ)
				r = (flags & SK_PPM_O_RDONLY) != 0;
			else if (id == F_EVT_IS_OPEN_WRITE)
				r = (flags & SK_PPM_O_WRONLY) != 0;
			else
				r = (flags & (SK_PPM_O_CREAT | SK_PPM_O_TMPFILE)) && sk_ev_int(v, "mode", &mode) &&
					(mode & EXEC_MODE_BITS);
		}
		if ((cls & SK_EVC_CREAT) && id == F_EVT_IS_OPEN_WRITE)
			r = true;
		return sk_sdk_extract_bool(&s->x, f, r);
	}
	case F_EVT_BUFFER:
	case F_EVT_BUFLEN: {
		const sk_evt_param_t *d = data_param(v, &p);
		if (!d)
			return 0;
		if (id == F_EVT_BUFLEN)
			return sk_sdk_extract_u64(&s->x, f, d->len);
		return sk_sdk_extract_str(&s->x, f, (const char *)d->data, d->len);
	}
	case F_EVT_CATEGORY:
		return sk_sdk_extract_str_ref(&s->x, f, category_name(v->info->category));
	case F_EVT_IS_IO:
		return sk_sdk_extract_bool(&s->x, f,
			(v->info->flags & (SK_EF_READS_FROM_FD | SK_EF_WRITES_TO_FD)) != 0);
	case F_EVT_IS_IO_READ:
		return sk_sdk_extract_bool(&s->x, f, (v->info->flags & SK_EF_READS_FROM_FD) != 0);
	case F_EVT_IS_IO_WRITE:
		return sk_sdk_extract_bool(&s->x, f, (v->info->flags & SK_EF_WRITES_TO_FD) != 0);
	case F_EVT_SCAP_TYPE:
		if ((v->type == SK_PPME_GENERIC_E || v->type == SK_PPME_GENERIC_X) && v->n >= 1 &&
			v->p[0].len == sizeof(uint16_t)) {
			uint16_t sc;
			memcpy(&sc, v->p[0].data, sizeof(sc));
			const char *nm = sk_syscall_name(sc);
			if (nm)
				return sk_sdk_extract_str_ref(&s->x, f, nm);
		}
		return sk_sdk_extract_str_ref(&s->x, f, v->info->name);
	default:
		return -EINVAL;
	}
}

ss_plugin_rc sk_sys_extract(sk_sys_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	sk_sdk_extract_reset(&s->x);
	if (!sk_sys_view(s, ev->evt, ev->evtnum)) {
		for (uint32_t i = 0; i < in->num_fields; i++)
			in->fields[i].res_len = 0;
		return SS_PLUGIN_SUCCESS;
	}
	sk_xctx_t c = {.s = s, .v = &s->view};
	c.th = s->view.tid >= 0 ? sk_threads_peek(s->threads, s->view.tid) : NULL;
	for (uint32_t i = 0; i < in->num_fields; i++) {
		ss_plugin_extract_field *f = &in->fields[i];
		uint32_t id = f->field_id;
		int rc;
		f->res_len = 0;
		c.f = f;
		if (id >= F_COUNT) {
			snprintf(s->lasterr, sizeof(s->lasterr), "unknown field id %u", id);
			return SS_PLUGIN_FAILURE;
		}
		if (id <= F_EVT_SCAP_TYPE)
			rc = sk_x_evt(&c, id);
		else if (id < F_FD_NUM)
			rc = sk_x_proc(&c, id);
		else
			rc = sk_x_fd(&c, id);
		if (rc < 0) {
			s->n_extract_fail++;
			f->res_len = 0;
		}
	}
	return SS_PLUGIN_SUCCESS;
}
