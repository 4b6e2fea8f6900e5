/* fields_fd.c - fd.* fields. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "evclass.h"
#include "fields.h"
#include "ppm.h"
#include "render.h"

#define IP4_LEN 4
#define IP6_LEN 16

static const uint8_t ZERO_IP[IP6_LEN];

/* What the event says about its fd, gathered once per field. */
typedef struct fd_ctx {
	sk_xctx_t *c;
	char *buf;          /* the fd class's scratch buffer */
	size_t cap;
	int64_t fdnum;      /* valid when have_num */
	bool have_num;
	bool exit;
	bool uses_fd;       /* an exit event of a call that takes an fd */
	uint32_t cls;       /* SK_EVC_* of the event */
	sk_fdinfo_t *fd;    /* the table's entry, or NULL */
} fd_ctx_t;

static int str_val(sk_xctx_t *c, const char *v)
{
	return sk_sdk_extract_str(&c->s->x, c->f, v, strlen(v));
}

static int char_val(fd_ctx_t *x, char ch)
{
	x->buf[0] = ch;
	x->buf[1] = 0;
	return str_val(x->c, x->buf);
}

/* Sets n IP values (byte buffers of 4 or 16 bytes). */
static int ip_vals(sk_xctx_t *c, const uint8_t *const *ips, int n, bool v6)
{
	uint32_t len = v6 ? IP6_LEN : IP4_LEN;
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

static int ip_val(sk_xctx_t *c, const uint8_t *ip, bool v6)
{
	return ip_vals(c, &ip, 1, v6);
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

/* dir and base of a path as fd.directory / fd.filename show them: a name
 * without '/' has no directory, a file in "/" has "/" as its directory. */
static int path_part(sk_xctx_t *c, uint32_t id, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return id == F_FD_FILENAME ? str_val(c, path) : 0;
	if (id == F_FD_FILENAME)
		return str_val(c, slash + 1);
	size_t dl = (size_t)(slash - path);
	return sk_sdk_extract_str(&c->s->x, c->f, path, dl ? dl : 1);
}

/* fd.num: a failed fd-creating call and an fd-using event without its fd
 * report -1, as sysdig does. */
static int fd_num(fd_ctx_t *x)
{
	sk_xctx_t *c = x->c;
	if (x->have_num)
		return sk_sdk_extract_u64(&c->s->x, c->f, (uint64_t)(x->fdnum < 0 ? -1 : x->fdnum));
	return x->uses_fd && c->th ? sk_sdk_extract_u64(&c->s->x, c->f, (uint64_t)-1) : 0;
}

/* Enter events, as the classic engine shows them: fd.typechar is the kind
 * an fd-creating call will produce, or an unknown fd. */
static int fd_enter(fd_ctx_t *x, uint32_t id)
{
	if (id != F_FD_TYPECHAR)
		return 0;
	if (x->cls & SK_EVC_OPEN_NAMED)
		return char_val(x, 'f');
	if (x->cls & SK_EVC_SOCKET_CREATOR)
		return char_val(x, '4');
	if (x->cls & SK_EVC_PIPE_CREATOR)
		return char_val(x, 'p');
	if (x->have_num && x->fdnum >= 0 && x->c->th)
		return char_val(x, 'o');
	return 0;
}

/* Name of the file an open-family event named, for failed opens without an fd. */
static bool creator_name(fd_ctx_t *x)
{
	sk_evt_param_t p;
	const sk_evt_param_info_t *pi;
	if (!(x->cls & SK_EVC_OPEN_NAMED) || !sk_ev_param(x->c->v, "name", &p, &pi) || p.len == 0)
		return false;
	sk_render_param(x->c, pi, &p, true, x->buf, x->cap);
	return x->buf[0] != 0;
}

/* Exit events whose fd is not in the tables. */
static int fd_untracked(fd_ctx_t *x, uint32_t id)
{
	sk_xctx_t *c = x->c;
	bool named = (id == F_FD_NAME || id == F_FD_TYPECHAR || id == F_FD_DIRECTORY ||
		id == F_FD_FILENAME) && creator_name(x);
	if (named) {
		if (id == F_FD_NAME)
			return str_val(c, x->buf);
		if (id == F_FD_TYPECHAR)
			return str_val(c, "f");
		return path_part(c, id, x->buf);
	}
	/* An fd the tables never saw (opened before the capture): like sysdig,
	 * an unknown fd with an empty name; fd.type stays without value. */
	bool unseen = (x->have_num && x->fdnum >= 0) || (!x->have_num && x->uses_fd);
	if (!unseen || !c->th)
		return 0;
	if (id == F_FD_NAME)
		return str_val(c, "");
	if (id == F_FD_TYPECHAR)
		return str_val(c, "o");
	return 0;
}

/* A failed connect did not change the fd: fd.name shows the attempted
 * tuple. A non-blocking connect still in progress did set it. Returns 1
 * when it set nothing. */
static int fd_failed_connect_name(fd_ctx_t *x)
{
	int64_t res;
	sk_evt_param_t p;
	const sk_evt_param_info_t *pi;
	if (!(x->cls & SK_EVC_CONNECT) || !x->exit)
		return 1;
	if (!sk_ev_res(x->c->v, &res) || res >= 0 || res == -EINPROGRESS ||
		!sk_ev_param(x->c->v, "tuple", &p, &pi) || p.len <= 1)
		return 1;
	sk_render_param(x->c, pi, &p, false, x->buf, x->cap);
	return str_val(x->c, x->buf);
}

static int fd_openflags(fd_ctx_t *x)
{
	const sk_evt_info_t *oi = sk_evt_info(SK_PPME_SYSCALL_OPEN_X);
	int idx = sk_evt_param_index(SK_PPME_SYSCALL_OPEN_X, "flags");
	const sk_flag_name_t *names = oi && idx >= 0 ? oi->params[idx].flags : NULL;
	sk_fmt_flags(x->buf, x->cap, names, x->fd->open_flags, false);
	return str_val(x->c, x->buf);
}

static bool is_ip_socket(const sk_fdinfo_t *fd)
{
	return fd->kind == SK_FD_IPV4 || fd->kind == SK_FD_IPV6;
}

/* The fields that do not read the socket's addresses. Returns 1 for an
 * address field. */
static int fd_attr(fd_ctx_t *x, uint32_t id)
{
	sk_xctx_t *c = x->c;
	sk_sdk_extract_t *e = &c->s->x;
	const sk_fdinfo_t *fd = x->fd;
	bool sock = is_ip_socket(fd);
	switch (id) {
	case F_FD_TYPE: return str_val(c, sk_fd_typename(fd->kind));
	case F_FD_TYPECHAR: return char_val(x, sk_fd_typechar(fd->kind));
	case F_FD_NAME: return str_val(c, fd->name);
	case F_FD_NAMERAW: return str_val(c, fd->nameraw ? fd->nameraw : fd->name);
	case F_FD_DIRECTORY:
	case F_FD_FILENAME:
		if (fd->kind == SK_FD_DIRECTORY)
			return id == F_FD_DIRECTORY ? str_val(c, fd->name) : 0;
		return fd->kind == SK_FD_FILE ? path_part(c, id, fd->name) : 0;
	case F_FD_DEV: return sk_sdk_extract_u64(e, c->f, fd->dev);
	case F_FD_INO: return sk_sdk_extract_u64(e, c->f, fd->ino);
	case F_FD_OPENFLAGS: return fd_openflags(x);
	case F_FD_SOCKFAMILY:
		if (sock)
			return str_val(c, "ip");
		return fd->kind == SK_FD_UNIX ? str_val(c, "unix") : 0;
	case F_FD_L4PROTO: {
		/* Known once the socket has an address (bind/connect/accept/sendto). */
		const char *n = sock && (fd->has_tuple || fd->is_server) ? l4name(fd->l4proto) : NULL;
		return n ? str_val(c, n) : 0;
	}
	case F_FD_IS_SERVER: return sk_sdk_extract_bool(e, c->f, fd->is_server);
	case F_FD_CONNECTED: return sk_sdk_extract_bool(e, c->f, fd->connected);
	case F_FD_NAME_CHANGED: return sk_sdk_extract_bool(e, c->f, fd->name_changed);
	case F_FD_CIP_NAME:
	case F_FD_SIP_NAME:
	case F_FD_LIP_NAME:
	case F_FD_RIP_NAME:
		return sock ? str_val(c, "") : 0;
	default:
		return 1;
	}
}

/* libsinsp compares fd.ip, fd.net and fd.port of an IPv4 socket without
 * an address as 0.0.0.0 and 0 (its zeroed tuple), which rules can test. */
static int fd_addr_unset(fd_ctx_t *x, uint32_t id)
{
	if (x->fd->kind != SK_FD_IPV4)
		return 0;
	if (id == F_FD_IP || id == F_FD_NET)
		return ip_val(x->c, ZERO_IP, false);
	return id == F_FD_PORT ? sk_sdk_extract_u64(&x->c->s->x, x->c->f, 0) : 0;
}

/* IP and port fields of a socket with an address. */
static int fd_addr(fd_ctx_t *x, uint32_t id)
{
	sk_xctx_t *c = x->c;
	const sk_fdinfo_t *fd = x->fd;
	bool v6 = fd->kind == SK_FD_IPV6;
	bool tuple = fd->has_tuple;
	const uint8_t *lip = fd->is_server ? fd->sip : fd->cip;
	const uint8_t *rip = fd->is_server ? fd->cip : fd->sip;
	uint64_t lport = fd->is_server ? fd->sport : fd->cport;
	uint64_t rport = fd->is_server ? fd->cport : fd->sport;
	const uint8_t *ips[2] = {fd->cip, fd->sip};
	uint64_t ports[2] = {fd->cport, fd->sport};

	switch (id) {
	case F_FD_IP:
	case F_FD_NET:
		return tuple ? ip_vals(c, ips, 2, v6) : ip_val(c, fd->sip, v6);
	case F_FD_CIP:
	case F_FD_CNET:
		return tuple ? ip_val(c, fd->cip, v6) : 0;
	case F_FD_SIP:
	case F_FD_SNET:
		return ip_val(c, fd->sip, v6);
	case F_FD_LIP:
	case F_FD_LNET:
		return tuple || fd->is_server ? ip_val(c, lip, v6) : 0;
	case F_FD_RIP:
	case F_FD_RNET:
		return tuple ? ip_val(c, rip, v6) : 0;
	case F_FD_PORT:
		return tuple ? u64_vals(c, ports, 2) : u64_vals(c, &ports[1], 1);
	case F_FD_CPORT:
		return tuple ? u64_vals(c, &ports[0], 1) : 0;
	case F_FD_SPORT:
		return u64_vals(c, &ports[1], 1);
	case F_FD_LPORT:
		return tuple || fd->is_server ? u64_vals(c, &lport, 1) : 0;
	case F_FD_RPORT:
		return tuple ? u64_vals(c, &rport, 1) : 0;
	default:
		return -EINVAL;
	}
}

int sk_x_fd(sk_xctx_t *c, uint32_t id)
{
	sk_sys_t *s = c->s;
	fd_ctx_t x = {.c = c, .buf = s->sbuf[SK_SBUF_FD], .cap = sizeof(s->sbuf[SK_SBUF_FD])};
	x.fdnum = -1;
	x.have_num = sk_ev_fd(c->v, &x.fdnum);
	x.exit = sk_evt_is_exit(c->v->type);
	x.uses_fd = x.exit && (c->v->info->flags & SK_EF_USES_FD);
	x.cls = sk_evclass(c->v->type);
	x.fd = x.have_num ? sk_sys_event_fd(s, c->v, c->th, NULL) : NULL;

	if (id == F_FD_NUM)
		return fd_num(&x);
	if (!x.fd)
		return x.exit ? fd_untracked(&x, id) : fd_enter(&x, id);
	if (id == F_FD_NAME) {
		int rc = fd_failed_connect_name(&x);
		if (rc != 1)
			return rc;
	}
	int rc = fd_attr(&x, id);
	if (rc != 1)
		return rc;
	const sk_fdinfo_t *fd = x.fd;
	if (!is_ip_socket(fd))
		return 0;
	if (!fd->has_tuple && !memcmp(fd->sip, ZERO_IP, sizeof(ZERO_IP)) && !fd->sport)
		return fd_addr_unset(&x, id);
	return fd_addr(&x, id);
}
