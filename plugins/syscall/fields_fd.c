/* fields_fd.c - fd.* fields. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "ppm.h"
#include "render.h"

static const uint8_t ZERO16[16];

static int str_val(sk_xctx_t *c, const char *v)
{
	return sk_sdk_extract_str(&c->s->x, c->f, v, strlen(v));
}

/* Sets n IP values (byte buffers of 4 or 16 bytes). */
static int ip_vals(sk_xctx_t *c, const uint8_t *const *ips, int n, bool v6)
{
	uint32_t len = v6 ? 16 : 4;
	ss_plugin_byte_buffer *bb = sk_sdk_extract_alloc(&c->s->x, sizeof(*bb) * (size_t)n);
	uint8_t *data = sk_sdk_extract_alloc(&c->s->x, (size_t)len * (size_t)n);
	if (!bb || !data)
		return -ENOMEM;
	for (int i = 0; i < n; i++) {
		memcpy(data + (size_t)i * len, ips[i], len);
		bb[i].len = len;
		bb[i].ptr = data + (size_t)i * len;
	}
	c->f->res.buf = bb;
	c->f->res_len = (uint64_t)n;
	return 0;
}

static int u64_vals(sk_xctx_t *c, const uint64_t *v, int n)
{
	if (n == 1)
		return sk_sdk_extract_u64(&c->s->x, c->f, v[0]);
	if (sk_sdk_extract_list_begin(&c->s->x) < 0)
		return -ENOMEM;
	for (int i = 0; i < n; i++)
		sk_sdk_extract_list_add_u64(&c->s->x, v[i]);
	return sk_sdk_extract_list_end(&c->s->x, c->f);
}

/* Name of the file an open-family event named, for failed opens without an fd. */
static bool creator_name(sk_xctx_t *c, char *buf, size_t cap)
{
	const char *n = c->v->info->name;
	if (strcmp(n, "open") && strcmp(n, "openat") && strcmp(n, "openat2") && strcmp(n, "creat"))
		return false;
	sk_evt_param_t p;
	const sk_evt_param_info_t *pi;
	if (!sk_ev_param(c->v, "name", &p, &pi) || p.len == 0)
		return false;
	sk_render_param(c, pi, &p, true, buf, cap);
	return buf[0] != 0;
}

static const char *l4name(uint8_t l4)
{
	switch (l4) {
	case SK_L4_TCP: return "tcp";
	case SK_L4_UDP: return "udp";
	case SK_L4_ICMP: return "icmp";
	case SK_L4_RAW: return "raw";
	default: return NULL;
	}
}

int sk_x_fd(sk_xctx_t *c, uint32_t id)
{
	sk_sys_t *s = c->s;
	ss_plugin_extract_field *f = c->f;
	char *buf = s->sbuf[2];
	size_t cap = sizeof(s->sbuf[2]);
	int64_t fdnum = -1;
	bool have_num = sk_ev_fd(c->v, &fdnum);
	sk_fdinfo_t *fd = have_num ? sk_sys_event_fd(s, c->v, c->th, NULL) : NULL;

	if (id == F_FD_NUM) {
		/* A failed fd-creating call and an fd-using event without its fd
		 * report -1, as sysdig does. */
		bool uses = (c->v->info->flags & SK_EF_USES_FD) && sk_evt_is_exit(c->v->type);
		if (have_num)
			return sk_sdk_extract_u64(&s->x, f, (uint64_t)(fdnum < 0 ? -1 : fdnum));
		return uses && c->th ? sk_sdk_extract_u64(&s->x, f, (uint64_t)-1) : 0;
	}
	if (!fd && !sk_evt_is_exit(c->v->type)) {
		/* Enter events, as the classic engine shows them: the kind an
		 * fd-creating call will produce, or an unknown fd. */
		const char *n = c->v->info->name;
		char tc = 0;
		if (!strcmp(n, "open") || !strcmp(n, "openat") || !strcmp(n, "openat2") ||
			!strcmp(n, "creat"))
			tc = 'f';
		else if (!strcmp(n, "socket") || !strcmp(n, "accept") || !strcmp(n, "accept4"))
			tc = '4';
		else if (!strcmp(n, "pipe") || !strcmp(n, "pipe2"))
			tc = 'p';
		else if (have_num && fdnum >= 0 && c->th)
			tc = 'o';
		if (id == F_FD_TYPECHAR && tc) {
			buf[0] = tc;
			buf[1] = 0;
			return str_val(c, buf);
		}
		return 0;
	}
	if (!fd) {
		if (id == F_FD_NAME && creator_name(c, buf, cap))
			return str_val(c, buf);
		if (id == F_FD_TYPECHAR && creator_name(c, buf, cap))
			return str_val(c, "f");
		if ((id == F_FD_DIRECTORY || id == F_FD_FILENAME) && creator_name(c, buf, cap)) {
			char *slash = strrchr(buf, '/');
			if (!slash)
				return id == F_FD_FILENAME ? str_val(c, buf) : 0;
			if (id == F_FD_FILENAME)
				return str_val(c, slash + 1);
			*slash = 0;
			return str_val(c, buf[0] ? buf : "/");
		}
		/* An fd the tables never saw (opened before the capture): like
		 * sysdig, an unknown fd with an empty name. */
		bool uses = (c->v->info->flags & SK_EF_USES_FD) && sk_evt_is_exit(c->v->type);
		if (((have_num && fdnum >= 0) || (!have_num && uses)) && c->th) {
			if (id == F_FD_NAME)
				return str_val(c, "");
			if (id == F_FD_TYPECHAR)
				return str_val(c, "o");
			/* fd.type stays without value, as sysdig shows it */
		}
		return 0;
	}
	bool sock = fd->kind == SK_FD_IPV4 || fd->kind == SK_FD_IPV6;
	bool v6 = fd->kind == SK_FD_IPV6;
	const uint8_t *lip = fd->is_server ? fd->sip : fd->cip;
	const uint8_t *rip = fd->is_server ? fd->cip : fd->sip;
	uint16_t lport = fd->is_server ? fd->sport : fd->cport;
	uint16_t rport = fd->is_server ? fd->cport : fd->sport;

	if (id == F_FD_NAME && !strcmp(c->v->info->name, "connect") && sk_evt_is_exit(c->v->type)) {
		/* A failed connect did not change the fd; show the attempted tuple. */
		int64_t res;
		sk_evt_param_t p;
		const sk_evt_param_info_t *pi;
		if (sk_ev_res(c->v, &res) && res < 0 && res != -115 &&
			sk_ev_param(c->v, "tuple", &p, &pi) && p.len > 1) {
			sk_render_param(c, pi, &p, false, buf, cap);
			return str_val(c, buf);
		}
	}
	switch (id) {
	case F_FD_TYPE: return str_val(c, sk_fd_typename(fd->kind));
	case F_FD_TYPECHAR: buf[0] = sk_fd_typechar(fd->kind); buf[1] = 0; return str_val(c, buf);
	case F_FD_NAME: return str_val(c, fd->name);
	case F_FD_NAMERAW: return str_val(c, fd->nameraw ? fd->nameraw : fd->name);
	case F_FD_DIRECTORY:
	case F_FD_FILENAME: {
		if (fd->kind != SK_FD_FILE && fd->kind != SK_FD_DIRECTORY)
			return 0;
		if (fd->kind == SK_FD_DIRECTORY)
			return id == F_FD_DIRECTORY ? str_val(c, fd->name) : 0;
		const char *slash = strrchr(fd->name, '/');
		if (!slash)
			return id == F_FD_FILENAME ? str_val(c, fd->name) : 0;
		if (id == F_FD_FILENAME)
			return str_val(c, slash + 1);
		size_t dl = (size_t)(slash - fd->name);
		if (dl == 0)
			dl = 1;
		return sk_sdk_extract_str(&s->x, f, fd->name, dl);
	}
	case F_FD_DEV: return sk_sdk_extract_u64(&s->x, f, fd->dev);
	case F_FD_INO: return sk_sdk_extract_u64(&s->x, f, fd->ino);
	case F_FD_OPENFLAGS: {
		const sk_evt_info_t *oi = sk_evt_info(3); /* open exit: its flags names */
		const sk_flag_name_t *names = NULL;
		int idx = sk_evt_param_index(3, "flags");
		if (oi && idx >= 0)
			names = oi->params[idx].flags;
		sk_fmt_flags(buf, cap, names, fd->open_flags, false);
		return str_val(c, buf);
	}
	case F_FD_SOCKFAMILY:
		if (sock)
			return str_val(c, "ip");
		if (fd->kind == SK_FD_UNIX)
			return str_val(c, "unix");
		return 0;
	case F_FD_L4PROTO: {
		/* Known once the socket has an address (bind/connect/accept/sendto). */
		const char *n = sock && (fd->has_tuple || fd->is_server) ? l4name(fd->l4proto) : NULL;
		return n ? str_val(c, n) : 0;
	}
	case F_FD_IS_SERVER: return sk_sdk_extract_bool(&s->x, f, fd->is_server);
	case F_FD_CONNECTED: return sk_sdk_extract_bool(&s->x, f, fd->connected);
	case F_FD_NAME_CHANGED: return sk_sdk_extract_bool(&s->x, f, fd->name_changed);
	case F_FD_CIP_NAME:
	case F_FD_SIP_NAME:
	case F_FD_LIP_NAME:
	case F_FD_RIP_NAME:
		return sock ? str_val(c, "") : 0;
	default:
		break;
	}
	/* Address fields: only for sockets with an address, except that libsinsp
	 * compares fd.ip, fd.net and fd.port of an IPv4 socket without one as
	 * 0.0.0.0 and 0 (its zeroed tuple), which rules can test. */
	if (!sock || (!fd->has_tuple && !memcmp(fd->sip, ZERO16, 16) && !fd->sport)) {
		if (!sock || fd->kind != SK_FD_IPV4)
			return 0;
		if (id == F_FD_IP || id == F_FD_NET) {
			const uint8_t *zero[1] = {ZERO16};
			return ip_vals(c, zero, 1, false);
		}
		return id == F_FD_PORT ? sk_sdk_extract_u64(&s->x, f, 0) : 0;
	}
	const uint8_t *ips[2];
	uint64_t ports[2];
	switch (id) {
	case F_FD_IP:
	case F_FD_NET:
		if (!fd->has_tuple) {
			ips[0] = fd->sip;
			return ip_vals(c, ips, 1, v6);
		}
		ips[0] = fd->cip;
		ips[1] = fd->sip;
		return ip_vals(c, ips, 2, v6);
	case F_FD_CIP:
	case F_FD_CNET:
		if (!fd->has_tuple)
			return 0;
		ips[0] = fd->cip;
		return ip_vals(c, ips, 1, v6);
	case F_FD_SIP:
	case F_FD_SNET:
		ips[0] = fd->sip;
		return ip_vals(c, ips, 1, v6);
	case F_FD_LIP:
	case F_FD_LNET:
		if (!fd->has_tuple && !fd->is_server)
			return 0;
		ips[0] = lip;
		return ip_vals(c, ips, 1, v6);
	case F_FD_RIP:
	case F_FD_RNET:
		if (!fd->has_tuple)
			return 0;
		ips[0] = rip;
		return ip_vals(c, ips, 1, v6);
	case F_FD_PORT:
		if (!fd->has_tuple) {
			ports[0] = fd->sport;
			return u64_vals(c, ports, 1);
		}
		ports[0] = fd->cport;
		ports[1] = fd->sport;
		return u64_vals(c, ports, 2);
	case F_FD_CPORT:
		return fd->has_tuple ? sk_sdk_extract_u64(&s->x, f, fd->cport) : 0;
	case F_FD_SPORT:
		return sk_sdk_extract_u64(&s->x, f, fd->sport);
	case F_FD_LPORT:
		return (fd->has_tuple || fd->is_server) ? sk_sdk_extract_u64(&s->x, f, lport) : 0;
	case F_FD_RPORT:
		return fd->has_tuple ? sk_sdk_extract_u64(&s->x, f, rport) : 0;
	default:
		return -EINVAL;
	}
}
