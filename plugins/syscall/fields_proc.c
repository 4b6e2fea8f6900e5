/* fields_proc.c - proc.*, thread.*, user.* and group.* fields. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "render.h"

#define MAX_ANCESTORS 64

/* The process of a thread: its leader when known. */
static sk_thread_t *proc_of(sk_sys_t *s, sk_thread_t *th)
{
	return th ? sk_thread_leader(s->threads, th) : NULL;
}

/* The parent is the thread that created this one (its ptid), as sysdig shows it. */
static sk_thread_t *parent_of(sk_sys_t *s, sk_thread_t *th)
{
	return th ? sk_thread_parent(s->threads, th) : NULL;
}

/* Ancestors are walked from the main thread of the process, process by
 * process (sysdig's proc.aname/proc.apid), while proc.pname follows the
 * thread's own creator. */
static sk_thread_t *proc_parent(sk_sys_t *s, sk_thread_t *p)
{
	sk_thread_t *par = parent_of(s, proc_of(s, p));
	return par ? proc_of(s, par) : NULL;
}

/* The Nth ancestor; 0 is the process itself. */
static sk_thread_t *ancestor(sk_sys_t *s, sk_thread_t *th, uint64_t n)
{
	sk_thread_t *cur = proc_of(s, th);
	for (uint64_t i = 0; cur && i < n && i < MAX_ANCESTORS; i++)
		cur = proc_parent(s, cur);
	return n > MAX_ANCESTORS ? NULL : cur;
}

/* comm followed by the arguments, space separated. */
static void cmdline(const sk_thread_t *t, char *buf, size_t cap, bool with_comm)
{
	size_t o = 0;
	buf[0] = 0;
	if (with_comm) {
		int k = snprintf(buf, cap, "%s", t->comm);
		o = k > 0 && (size_t)k < cap ? (size_t)k : 0;
	}
	for (uint32_t i = 0; t->args && i < t->args_len && o + 1 < cap;) {
		const char *a = t->args + i;
		size_t l = strnlen(a, t->args_len - i);
		int k = snprintf(buf + o, cap - o, "%s%.*s", o ? " " : "", (int)l, a);
		if (k < 0 || (size_t)k >= cap - o)
			break;
		o += (size_t)k;
		i += (uint32_t)l + 1;
	}
}

static int str_or_none(sk_xctx_t *c, const char *v)
{
	if (!v)
		return 0;
	return sk_sdk_extract_str(&c->s->x, c->f, v, strlen(v));
}

/* One ancestor attribute, or all of them (index absent) as several values. */
static int ancestors(sk_xctx_t *c, uint32_t id)
{
	sk_sys_t *s = c->s;
	char *buf = s->sbuf[SK_SBUF_PROC];
	size_t cap = sizeof(s->sbuf[SK_SBUF_PROC]);
	if (c->f->arg_present) {
		sk_thread_t *a = ancestor(s, c->th, c->f->arg_index);
		if (!a)
			return 0;
		switch (id) {
		case F_PROC_ANAME: return str_or_none(c, a->comm);
		case F_PROC_AEXE: return str_or_none(c, a->exe ? a->exe : "");
		case F_PROC_AEXEPATH: return str_or_none(c, a->exepath ? a->exepath : "");
		case F_PROC_ACMDLINE: cmdline(a, buf, cap, true); return str_or_none(c, buf);
		case F_PROC_APID: return sk_sdk_extract_u64(&s->x, c->f, (uint64_t)a->pid);
		default: return -EINVAL;
		}
	}
	if (sk_sdk_extract_list_begin(&s->x) < 0)
		return -ENOMEM;
	sk_thread_t *a = proc_parent(s, c->th);
	for (int i = 0; a && i < MAX_ANCESTORS; i++, a = proc_parent(s, a)) {
		switch (id) {
		case F_PROC_ANAME: sk_sdk_extract_list_add_str(&s->x, a->comm, strlen(a->comm)); break;
		case F_PROC_AEXE: sk_sdk_extract_list_add_str(&s->x, a->exe ? a->exe : "", a->exe ? strlen(a->exe) : 0); break;
		case F_PROC_AEXEPATH: sk_sdk_extract_list_add_str(&s->x, a->exepath ? a->exepath : "", a->exepath ? strlen(a->exepath) : 0); break;
		case F_PROC_ACMDLINE: cmdline(a, buf, cap, true); sk_sdk_extract_list_add_str(&s->x, buf, strlen(buf)); break;
		case F_PROC_APID: sk_sdk_extract_list_add_u64(&s->x, (uint64_t)a->pid); break;
		default: break;
		}
	}
	return sk_sdk_extract_list_end(&s->x, c->f);
}

static int env_field(sk_xctx_t *c, const sk_thread_t *p)
{
	char *buf = c->s->sbuf[SK_SBUF_PROC];
	size_t cap = sizeof(c->s->sbuf[SK_SBUF_PROC]), o = 0;
	const char *key = c->f->arg_key;
	size_t klen = key ? strlen(key) : 0;
	buf[0] = 0;
	for (uint32_t i = 0; p->env && i < p->env_len;) {
		const char *e = p->env + i;
		size_t l = strnlen(e, p->env_len - i);
		if (key && klen) {
			if (l > klen && !strncmp(e, key, klen) && e[klen] == '=')
				return sk_sdk_extract_str(&c->s->x, c->f, e + klen + 1, l - klen - 1);
		} else {
			int k = snprintf(buf + o, cap - o, "%s%.*s", o ? " " : "", (int)l, e);
			if (k < 0 || (size_t)k >= cap - o)
				break;
			o += (size_t)k;
		}
		i += (uint32_t)l + 1;
	}
	if (key && klen)
		return 0;
	return sk_sdk_extract_str(&c->s->x, c->f, buf, o);
}

int sk_x_proc(sk_xctx_t *c, uint32_t id)
{
	sk_sys_t *s = c->s;
	ss_plugin_extract_field *f = c->f;
	char *buf = s->sbuf[SK_SBUF_PROC];
	size_t cap = sizeof(s->sbuf[SK_SBUF_PROC]);
	sk_thread_t *th = c->th;
	if (!th)
		return 0;
	sk_thread_t *p = proc_of(s, th);
	sk_thread_t *par;

	/* A thread never described reads comm and exe "<NA>" (sk_thread_t.na),
	 * one from the process list keeps its comm even when empty, as libsinsp. */
	switch (id) {
	case F_PROC_NAME: return str_or_none(c, th->comm);
	case F_PROC_EXE: return str_or_none(c, th->exe ? th->exe : "");
	case F_PROC_EXEPATH: return str_or_none(c, th->exepath ? th->exepath : "");
	case F_PROC_CMDLINE:
		cmdline(th, buf, cap, true);
		return str_or_none(c, buf);
	case F_PROC_ARGS:
		cmdline(th, buf, cap, false);
		return str_or_none(c, buf);
	case F_PROC_PNAME:
	case F_PROC_PEXE:
	case F_PROC_PEXEPATH:
	case F_PROC_PCMDLINE:
	case F_PROC_PPID:
	case F_PROC_PVPID:
		par = parent_of(s, th);
		if (id == F_PROC_PPID) /* the process's parent, from the main thread */
			return sk_sdk_extract_u64(&s->x, f, (uint64_t)p->ptid);
		if (!par)
			return 0;
		switch (id) {
		case F_PROC_PNAME: return str_or_none(c, par->comm);
		case F_PROC_PEXE: return str_or_none(c, par->exe ? par->exe : "");
		case F_PROC_PEXEPATH: return str_or_none(c, par->exepath ? par->exepath : "");
		case F_PROC_PCMDLINE: cmdline(par, buf, cap, true); return str_or_none(c, buf);
		default: return sk_sdk_extract_u64(&s->x, f, (uint64_t)par->vpid);
		}
	case F_PROC_ANAME:
	case F_PROC_AEXE:
	case F_PROC_AEXEPATH:
	case F_PROC_ACMDLINE:
	case F_PROC_APID:
		return ancestors(c, id);
	case F_PROC_PID: return sk_sdk_extract_u64(&s->x, f, (uint64_t)th->pid);
	case F_PROC_VPID: return sk_sdk_extract_u64(&s->x, f, (uint64_t)p->vpid);
	case F_PROC_SID: return sk_sdk_extract_u64(&s->x, f, (uint64_t)p->sid);
	case F_PROC_SNAME: {
		/* As libsinsp: the thread whose tid is the session id, else (the
		 * leader exited) the eldest ancestor of the process in the same
		 * session, possibly the process itself. */
		sk_thread_t *l = th->sid >= 0 ? sk_threads_peek(s->threads, th->sid) : NULL;
		if (l)
			return str_or_none(c, l->comm);
		sk_thread_t *a = p, *par;
		for (int i = 0; i < MAX_ANCESTORS && (par = parent_of(s, a)) && par->sid == p->sid; i++)
			a = par;
		return str_or_none(c, a->comm);
	}
	case F_PROC_VPGID: return sk_sdk_extract_u64(&s->x, f, (uint64_t)p->vpgid);
	case F_PROC_IS_VPGID_LEADER:
		if (p->vpid < 0 || p->vpgid < 0)
			return 0;
		return sk_sdk_extract_bool(&s->x, f, p->vpid == p->vpgid);
	case F_PROC_IS_SID_LEADER:
		return sk_sdk_extract_bool(&s->x, f, p->sid >= 0 && p->sid == p->pid);
	case F_PROC_TTY: return sk_sdk_extract_u64(&s->x, f, th->tty);
	case F_PROC_CWD: return str_or_none(c, th->cwd ? th->cwd : "");
	case F_PROC_ENV: return env_field(c, p);
	case F_PROC_DURATION: /* the thread's own clone time, as libsinsp */
		if (!th->clone_ts || c->v->ts < th->clone_ts)
			return 0;
		return sk_sdk_extract_u64(&s->x, f, c->v->ts - th->clone_ts);
	case F_PROC_IS_EXE_FROM_MEMFD: return sk_sdk_extract_bool(&s->x, f, th->exe_from_memfd);
	case F_PROC_IS_EXE_UPPER_LAYER: return sk_sdk_extract_bool(&s->x, f, th->exe_upper_layer);
	case F_PROC_IS_EXE_LOWER_LAYER: return sk_sdk_extract_bool(&s->x, f, th->exe_lower_layer);
	case F_PROC_IS_EXE_WRITABLE: return sk_sdk_extract_bool(&s->x, f, th->exe_writable);
	case F_PROC_EXE_INO: return th->exe_ino ? sk_sdk_extract_u64(&s->x, f, th->exe_ino) : 0;
	case F_PROC_EXE_INO_CTIME:
		return th->exe_ino_ctime ? sk_sdk_extract_u64(&s->x, f, th->exe_ino_ctime) : 0;
	case F_PROC_EXE_INO_MTIME:
		return th->exe_ino_mtime ? sk_sdk_extract_u64(&s->x, f, th->exe_ino_mtime) : 0;
	case F_PROC_EXE_INO_CTIME_DUR_PROC:
		if (!th->exe_ino_ctime || !p->clone_ts || p->clone_ts < th->exe_ino_ctime)
			return 0;
		return sk_sdk_extract_u64(&s->x, f, p->clone_ts - th->exe_ino_ctime);
	case F_PROC_EXE_INO_CTIME_DUR_PIDNS:
		if (!th->exe_ino_ctime || !p->pidns_init_start_ts ||
			th->exe_ino_ctime < p->pidns_init_start_ts)
			return 0;
		return sk_sdk_extract_u64(&s->x, f, th->exe_ino_ctime - p->pidns_init_start_ts);
	case F_PROC_PIDNS_INIT_START_TS:
		return p->pidns_init_start_ts ? sk_sdk_extract_u64(&s->x, f, p->pidns_init_start_ts) : 0;
	case F_PROC_CMDNARGS:
	case F_PROC_CMDLENARGS: {
		uint64_t n = 0, len = 0;
		for (uint32_t i = 0; th->args && i < th->args_len;) {
			size_t l = strnlen(th->args + i, th->args_len - i);
			n++;
			len += l;
			i += (uint32_t)l + 1;
		}
		return sk_sdk_extract_u64(&s->x, f, id == F_PROC_CMDNARGS ? n : len);
	}
	case F_PROC_FDOPENCOUNT:
		return sk_sdk_extract_u64(&s->x, f, sk_fdtab_count(sk_thread_fds(s->threads, th)));
	case F_PROC_FDLIMIT: return sk_sdk_extract_u64(&s->x, f, p->fdlimit);
	case F_THREAD_TID: return sk_sdk_extract_u64(&s->x, f, (uint64_t)th->tid);
	case F_THREAD_VTID: return sk_sdk_extract_u64(&s->x, f, (uint64_t)th->vtid);
	case F_THREAD_ISMAIN: return sk_sdk_extract_bool(&s->x, f, th->tid == th->pid);
	case F_THREAD_CAP_PERMITTED:
		sk_fmt_caps(buf, cap, th->cap_permitted);
		return str_or_none(c, buf);
	case F_THREAD_CAP_EFFECTIVE:
		sk_fmt_caps(buf, cap, th->cap_effective);
		return str_or_none(c, buf);
	case F_THREAD_CAP_INHERITABLE:
		sk_fmt_caps(buf, cap, th->cap_inheritable);
		return str_or_none(c, buf);
	case F_USER_UID: return sk_sdk_extract_u64(&s->x, f, th->uid);
	case F_USER_NAME:
	case F_USER_HOMEDIR:
	case F_USER_SHELL: {
		const sk_user_t *u = sk_users_user(s->users, th->uid);
		if (!u)
			return th->uid == 0 && id == F_USER_NAME ? str_or_none(c, "root") : 0;
		return str_or_none(c, id == F_USER_NAME ? u->name : id == F_USER_HOMEDIR ? u->home : u->shell);
	}
	case F_USER_LOGINUID:
		return sk_sdk_extract_u64(&s->x, f,
			th->loginuid == UINT32_MAX ? (uint64_t)-1 : (uint64_t)th->loginuid);
	case F_USER_LOGINNAME: {
		if (th->loginuid == UINT32_MAX)
			return 0;
		const sk_user_t *u = sk_users_user(s->users, th->loginuid);
		return u ? str_or_none(c, u->name) : 0;
	}
	case F_GROUP_GID: return sk_sdk_extract_u64(&s->x, f, th->gid);
	case F_GROUP_NAME: {
		const char *g = sk_users_group(s->users, th->gid);
		if (!g)
			return th->gid == 0 ? str_or_none(c, "root") : 0;
		return str_or_none(c, g);
	}
	default:
		return -EINVAL;
	}
}
