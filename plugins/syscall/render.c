/* render.c - value formats of the syscall fields (see render.h). */
#include "render.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "fdtab.h"
#include "fields.h"
#include "ppm.h"

bool sk_parse_sockaddr(const sk_evt_param_t *p, sk_sockaddr_t *out)
{
	memset(out, 0, sizeof(*out));
	if (p->len < 1)
		return false;
	out->family = p->data[0];
	switch (out->family) {
	case SK_PPM_AF_INET:
		if (p->len < 7)
			return false;
		memcpy(out->ip, p->data + 1, 4);
		memcpy(&out->port, p->data + 5, 2);
		return true;
	case SK_PPM_AF_INET6:
		if (p->len < 19)
			return false;
		memcpy(out->ip, p->data + 1, 16);
		memcpy(&out->port, p->data + 17, 2);
		return true;
	case SK_PPM_AF_UNIX:
		if (p->len < 2 || p->data[p->len - 1] != 0)
			return false;
		out->path = (const char *)p->data + 1;
		return true;
	default:
		return false;
	}
}

bool sk_parse_socktuple(const sk_evt_param_t *p, sk_socktuple_t *out)
{
	memset(out, 0, sizeof(*out));
	if (p->len < 1)
		return false;
	out->family = p->data[0];
	switch (out->family) {
	case SK_PPM_AF_INET:
		if (p->len < 13)
			return false;
		memcpy(out->sip, p->data + 1, 4);
		memcpy(&out->sport, p->data + 5, 2);
		memcpy(out->dip, p->data + 7, 4);
		memcpy(&out->dport, p->data + 11, 2);
		return true;
	case SK_PPM_AF_INET6:
		if (p->len < 37)
			return false;
		memcpy(out->sip, p->data + 1, 16);
		memcpy(&out->sport, p->data + 17, 2);
		memcpy(out->dip, p->data + 19, 16);
		memcpy(&out->dport, p->data + 35, 2);
		return true;
	case SK_PPM_AF_UNIX:
		if (p->len < 18)
			return false;
		memcpy(&out->usrc, p->data + 1, 8);
		memcpy(&out->udst, p->data + 9, 8);
		out->path = p->len > 17 && p->data[p->len - 1] == 0 ? (const char *)p->data + 17 : "";
		return true;
	default:
		return false;
	}
}

void sk_fmt_ip(char *buf, size_t cap, bool v6, const uint8_t *ip)
{
	if (!inet_ntop(v6 ? AF_INET6 : AF_INET, ip, buf, (socklen_t)cap))
		snprintf(buf, cap, "?");
}

void sk_fmt_ipport(char *buf, size_t cap, bool v6, const uint8_t *ip, uint16_t port)
{
	char a[64];
	sk_fmt_ip(a, sizeof(a), v6, ip);
	snprintf(buf, cap, "%s:%u", a, port);
}

void sk_fmt_flags(char *buf, size_t cap, const sk_flag_name_t *names, uint32_t val, bool is_enum)
{
	size_t used = 0;
	buf[0] = 0;
	if (!names) {
		snprintf(buf, cap, "%u", val);
		return;
	}
	if (is_enum) {
		for (const sk_flag_name_t *n = names; n->name; n++) {
			if (n->value == val) {
				snprintf(buf, cap, "%s", n->name);
				return;
			}
		}
		snprintf(buf, cap, "%u", val);
		return;
	}
	uint32_t rest = val;
	for (const sk_flag_name_t *n = names; n->name; n++) {
		bool hit = n->value == 0 ? val == 0 : (rest & n->value) == n->value;
		if (!hit)
			continue;
		int k = snprintf(buf + used, cap - used, "%s%s", used ? "|" : "", n->name);
		if (k < 0 || (size_t)k >= cap - used)
			return;
		used += (size_t)k;
		rest &= ~n->value;
	}
}

const char *sk_errno_name(int64_t err)
{
	if (err < 0)
		err = -err;
	if (err == 0 || err > 4095)
		return NULL;
	return strerrorname_np((int)err);
}

const char *sk_signal_name(int sig)
{
	static const char *const names[] = {NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL",
		"SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
		"SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP",
		"SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM",
		"SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};
	if (sig <= 0 || sig >= (int)(sizeof(names) / sizeof(names[0])))
		return NULL;
	return names[sig];
}

void sk_fmt_caps(char *buf, size_t cap, uint64_t caps)
{
	static const char *const names[] = {"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH",
		"CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP",
		"CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
		"CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO",
		"CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
		"CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD",
		"CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
		"CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
		"CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE"};
	size_t used = 0;
	buf[0] = 0;
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(caps & (1ull << i)))
			continue;
		int k = snprintf(buf + used, cap - used, "%s%s", used ? " " : "", names[i]);
		if (k < 0 || (size_t)k >= cap - used)
			return;
		used += (size_t)k;
	}
}

void sk_path_join(char *buf, size_t cap, const char *base, const char *rel)
{
	char tmp[8192];
	size_t n = 0;
	if (!rel)
		rel = "";
	if (rel[0] == '/' || !base || !base[0])
		snprintf(tmp, sizeof(tmp), "%s", rel);
	else
		snprintf(tmp, sizeof(tmp), "%s/%s", base, rel);
	/* Normalise component by component into buf. */
	if (cap == 0)
		return;
	buf[0] = 0;
	const char *p = tmp;
	bool abs = tmp[0] == '/';
	if (abs && cap > 1) {
		buf[n++] = '/';
		buf[n] = 0;
	}
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *e = strchr(p, '/');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == 1 && p[0] == '.') {
			/* skip */
		} else if (len == 2 && p[0] == '.' && p[1] == '.') {
			if (n > (abs ? 1u : 0u)) {
				while (n > 0 && buf[n - 1] == '/')
					n--;
				while (n > 0 && buf[n - 1] != '/')
					n--;
				while (n > (abs ? 1u : 0u) && buf[n - 1] == '/')
					n--;
				if (n == 0 && abs)
					n = 1;
				buf[n] = 0;
			}
		} else {
			if (n > 0 && buf[n - 1] != '/' && n + 1 < cap)
				buf[n++] = '/';
			if (n + len >= cap)
				len = cap - n - 1;
			memcpy(buf + n, p, len);
			n += len;
			buf[n] = 0;
		}
		p += len;
	}
	if (n == 0 && cap > 1 && !abs) {
		buf[0] = 0;
	}
}

/* Parameter rendering (sk_render_param), one helper per group of types. */

#define FDLIST_COUNT_LEN 2      /* uint16 count */
#define FDLIST_ENTRY_LEN 10     /* int64 fd + uint16 flags */
#define DYN_INDEX_LEN 1         /* PT_DYN: 1-byte index before the value */
#define PATH_TEXT_MAX 4096

static bool is_path_type(uint8_t t)
{
	return t == PT_FSPATH || t == PT_FSRELPATH;
}

/* The directory a relative path of pi is relative to: its dirfd's name,
 * or the thread's cwd (AT_FDCWD, or a dirfd the tables do not know). */
static const char *relpath_base(sk_xctx_t *c, const sk_evt_param_info_t *pi)
{
	const char *base = c->th->cwd ? c->th->cwd : "/";
	if (pi->type != PT_FSRELPATH || pi->dirfd_idx < 0)
		return base;
	/* pi's row: the event's own, or the paired enter event's. */
	const sk_evt_info_t *own = c->v->info;
	if (pi < own->params || pi >= own->params + own->nparams)
		own = c->v->einfo;
	int64_t dfd = SK_PPM_AT_FDCWD;
	if (own && (uint32_t)pi->dirfd_idx < own->nparams)
		sk_ev_int(c->v, own->params[pi->dirfd_idx].name, &dfd);
	if (dfd == SK_PPM_AT_FDCWD || dfd < 0)
		return base;
	sk_fdinfo_t *d = sk_fdtab_get(sk_thread_fds(c->s->threads, c->th), dfd);
	return d && d->name[0] ? d->name : base;
}

static void render_string(sk_xctx_t *c, const sk_evt_param_info_t *pi, const sk_evt_param_t *p,
	bool resolved, char *buf, size_t cap)
{
	if (p->len == 0)
		return;
	const char *str = (const char *)p->data;
	size_t l = strnlen(str, p->len);
	if (!resolved || !is_path_type(pi->type) || !c->th || !l || str[0] == '/') {
		snprintf(buf, cap, "%.*s", (int)l, str);
		return;
	}
	char raw[PATH_TEXT_MAX];
	snprintf(raw, sizeof(raw), "%.*s", (int)l, str);
	sk_path_join(buf, cap, relpath_base(c, pi), raw);
}

/* Printable bytes as they are, the others as '.'. */
static void render_bytes(const sk_evt_param_t *p, char *buf, size_t cap)
{
	size_t o = 0;
	for (uint32_t i = 0; i < p->len && o + 1 < cap; i++) {
		uint8_t ch = p->data[i];
		buf[o++] = (ch >= 32 && ch < 127) ? (char)ch : '.';
	}
	buf[o] = 0;
}

static void render_sockaddr(const sk_evt_param_t *p, char *buf, size_t cap)
{
	sk_sockaddr_t a;
	if (!sk_parse_sockaddr(p, &a))
		return;
	if (a.family == SK_PPM_AF_UNIX)
		snprintf(buf, cap, "%s", a.path ? a.path : "");
	else
		sk_fmt_ipport(buf, cap, a.family == SK_PPM_AF_INET6, a.ip, a.port);
}

static void render_socktuple(const sk_evt_param_t *p, char *buf, size_t cap)
{
	sk_socktuple_t t;
	char a[128], b[128];
	if (!sk_parse_socktuple(p, &t))
		return;
	if (t.family == SK_PPM_AF_UNIX) {
		snprintf(buf, cap, "%" PRIx64 "->%" PRIx64 " %s", t.usrc, t.udst, t.path ? t.path : "");
		return;
	}
	bool v6 = t.family == SK_PPM_AF_INET6;
	sk_fmt_ipport(a, sizeof(a), v6, t.sip, t.sport);
	sk_fmt_ipport(b, sizeof(b), v6, t.dip, t.dport);
	snprintf(buf, cap, "%s->%s", a, b);
}

/* "fd:flags fd:flags ..." */
static void render_fdlist(const sk_evt_param_t *p, char *buf, size_t cap)
{
	uint16_t cnt = 0;
	if (p->len >= FDLIST_COUNT_LEN)
		memcpy(&cnt, p->data, FDLIST_COUNT_LEN);
	size_t o = 0;
	for (uint16_t i = 0; i < cnt && FDLIST_COUNT_LEN + (size_t)(i + 1) * FDLIST_ENTRY_LEN <= p->len;
		i++) {
		const uint8_t *e = p->data + FDLIST_COUNT_LEN + (size_t)i * FDLIST_ENTRY_LEN;
		int64_t fd;
		uint16_t fl;
		memcpy(&fd, e, sizeof(fd));
		memcpy(&fl, e + sizeof(fd), sizeof(fl));
		int k = snprintf(buf + o, cap - o, "%s%" PRId64 ":%u", o ? " " : "", fd, fl);
		if (k < 0 || (size_t)k >= cap - o)
			break;
		o += (size_t)k;
	}
}

/* The types that are not plain integers. Returns false for an integer type. */
static bool render_structured(sk_xctx_t *c, const sk_evt_param_info_t *pi,
	const sk_evt_param_t *p, bool resolved, char *buf, size_t cap)
{
	switch (pi->type) {
	case PT_CHARBUF:
	case PT_FSPATH:
	case PT_FSRELPATH:
		render_string(c, pi, p, resolved, buf, cap);
		return true;
	case PT_BYTEBUF:
		render_bytes(p, buf, cap);
		return true;
	case PT_SOCKADDR:
		render_sockaddr(p, buf, cap);
		return true;
	case PT_SOCKTUPLE:
		render_socktuple(p, buf, cap);
		return true;
	case PT_SYSCALLID: {
		int64_t iv = sk_param_int(p, pi->type);
		const char *nm = sk_syscall_name((uint16_t)iv);
		if (nm)
			snprintf(buf, cap, "%s", nm);
		else
			snprintf(buf, cap, "%" PRId64, iv);
		return true;
	}
	case PT_DYN:
		if (p->len > DYN_INDEX_LEN) {
			sk_evt_param_t inner = {p->data + DYN_INDEX_LEN, p->len - DYN_INDEX_LEN};
			snprintf(buf, cap, "%" PRId64, sk_param_int(&inner, PT_INT64));
		}
		return true;
	case PT_FDLIST:
		render_fdlist(p, buf, cap);
		return true;
	case PT_IPV4ADDR:
		if (p->len == 4)
			sk_fmt_ip(buf, cap, false, p->data);
		return true;
	case PT_IPV6ADDR:
		if (p->len == 16)
			sk_fmt_ip(buf, cap, true, p->data);
		return true;
	default:
		return false;
	}
}

static bool put_name(char *buf, size_t cap, const char *name)
{
	if (!name)
		return false;
	snprintf(buf, cap, "%s", name);
	return true;
}

/* An integer by what it means: flag and enum names, errno and signal
 * names, the fd's type and name, user and group names. False when there
 * is no name for it. */
static bool render_resolved_int(sk_xctx_t *c, const sk_evt_param_info_t *pi, int64_t iv,
	char *buf, size_t cap)
{
	switch (pi->type) {
	case PT_FLAGS8: case PT_FLAGS16: case PT_FLAGS32: case PT_MODE:
	case PT_ENUMFLAGS8: case PT_ENUMFLAGS16: case PT_ENUMFLAGS32: {
		if (!pi->flags)
			return false;
		bool is_enum = pi->type == PT_ENUMFLAGS8 || pi->type == PT_ENUMFLAGS16 ||
			pi->type == PT_ENUMFLAGS32;
		sk_fmt_flags(buf, cap, pi->flags, (uint32_t)iv, is_enum);
		return true;
	}
	case PT_ERRNO:
		return iv < 0 && put_name(buf, cap, sk_errno_name(iv));
	case PT_FD: {
		if (iv < 0 || !c->th)
			return false;
		sk_fdinfo_t *f = sk_fdtab_get(sk_thread_fds(c->s->threads, c->th), iv);
		if (f)
			snprintf(buf, cap, "<%c>%s", sk_fd_typechar(f->kind), f->name);
		return f != NULL;
	}
	case PT_UID: {
		const sk_user_t *u = sk_users_user(c->s->users, (uint32_t)iv);
		return u && put_name(buf, cap, u->name);
	}
	case PT_GID:
		return put_name(buf, cap, sk_users_group(c->s->users, (uint32_t)iv));
	case PT_SIGTYPE:
		return put_name(buf, cap, sk_signal_name((int)iv));
	default:
		return false;
	}
}

/* An integer as a number, in the parameter's print format. */
static void render_number(const sk_evt_param_info_t *pi, int64_t iv, char *buf, size_t cap)
{
	switch (pi->fmt) {
	case PF_HEX:
		snprintf(buf, cap, "%" PRIX64, (uint64_t)iv);
		break;
	case PF_OCT:
		/* octal with C's leading 0, except for 0 itself */
		snprintf(buf, cap, "%s%" PRIo64, iv ? "0" : "", (uint64_t)iv);
		break;
	default:
		if (pi->type == PT_UINT64 || pi->type == PT_UINT32 || pi->type == PT_UINT16 ||
			pi->type == PT_UINT8)
			snprintf(buf, cap, "%" PRIu64, (uint64_t)iv);
		else
			snprintf(buf, cap, "%" PRId64, iv);
		break;
	}
}

void sk_render_param(sk_xctx_t *c, const sk_evt_param_info_t *pi, const sk_evt_param_t *p,
	bool resolved, char *buf, size_t cap)
{
	buf[0] = 0;
	if (render_structured(c, pi, p, resolved, buf, cap))
		return;
	if (p->len != 1 && p->len != 2 && p->len != 4 && p->len != 8)
		return;
	int64_t iv = sk_param_int(p, pi->type);
	if (resolved && render_resolved_int(c, pi, iv, buf, cap))
		return;
	render_number(pi, iv, buf, cap);
}
