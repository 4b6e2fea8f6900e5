/* render.c - value formats of the syscall fields (see render.h). */
#include "render.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

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
