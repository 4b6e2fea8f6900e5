/* scap_read.c - libscap capture reader (see scap_read.h). */
#include "scap_read.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "sk_event_schema.h"

#define MAX_BLOCK (64u * 1024u * 1024u)

struct sk_scap_reader {
	gzFile gz;
	uint64_t file_size;
	uint16_t version;
	sk_scap_machine_t machine;
	uint8_t *blk;       /* current block body */
	size_t blk_cap;
	uint8_t *evbuf;     /* converted event */
	size_t evbuf_cap;
	bool have_pending;  /* a block header read ahead during open */
	uint32_t pend_type, pend_len;
	uint64_t skipped;
	uint8_t *il;        /* interface list block body, kept for writers */
	size_t il_len;
	uint32_t il_type;
};

typedef struct cur {
	const uint8_t *p;
	size_t n;
	bool bad;
} cur_t;

static void take(cur_t *c, void *dst, size_t sz)
{
	if (c->bad || c->n < sz) {
		c->bad = true;
		memset(dst, 0, sz);
		return;
	}
	memcpy(dst, c->p, sz);
	c->p += sz;
	c->n -= sz;
}

static uint8_t u8(cur_t *c) { uint8_t v; take(c, &v, 1); return v; }
static uint16_t u16(cur_t *c) { uint16_t v; take(c, &v, 2); return v; }
static uint32_t u32(cur_t *c) { uint32_t v; take(c, &v, 4); return v; }
static uint64_t u64(cur_t *c) { uint64_t v; take(c, &v, 8); return v; }

/* Strings are stored with a uint16 length and no terminator; copy them into
 * the scratch area with a NUL added. */
typedef struct scratch {
	char *buf;
	size_t cap, used;
} scratch_t;

static const char *str16(cur_t *c, scratch_t *s, uint32_t *len_out)
{
	uint16_t l = u16(c);
	if (c->bad || c->n < l || s->used + l + 2 > s->cap) {
		c->bad = true;
		if (len_out)
			*len_out = 0;
		return "";
	}
	char *d = s->buf + s->used;
	memcpy(d, c->p, l);
	d[l] = 0;
	d[l + 1] = 0;
	c->p += l;
	c->n -= l;
	s->used += (size_t)l + 2;
	if (len_out)
		*len_out = l;
	return d;
}

static int read_exact(sk_scap_reader_t *r, void *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		int k = gzread(r->gz, (uint8_t *)buf + got, (unsigned)(n - got));
		if (k <= 0)
			return got == 0 && k == 0 ? 1 : -EIO;
		got += (size_t)k;
	}
	return 0;
}

static int ensure(uint8_t **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return 0;
	size_t nc = *cap ? *cap : 65536;
	while (nc < need)
		nc *= 2;
	uint8_t *nb = realloc(*buf, nc);
	if (!nb)
		return -ENOMEM;
	*buf = nb;
	*cap = nc;
	return 0;
}

/* Reads a block header; 1 at a clean end of file. */
static int read_bh(sk_scap_reader_t *r, uint32_t *type, uint32_t *len, char *err, size_t errlen)
{
	uint32_t bh[2];
	if (r->have_pending) {
		r->have_pending = false;
		*type = r->pend_type;
		*len = r->pend_len;
		return 0;
	}
	int rc = read_exact(r, bh, sizeof(bh));
	if (rc == 1)
		return 1;
	if (rc < 0) {
		snprintf(err, errlen, "capture truncated inside a block header");
		return -EIO;
	}
	if (bh[1] < 12 || bh[1] > MAX_BLOCK || (bh[1] & 3u)) {
		snprintf(err, errlen, "corrupted capture: block 0x%x has length %u", bh[0], bh[1]);
		return -EINVAL;
	}
	*type = bh[0];
	*len = bh[1];
	return 0;
}

/* Reads the body and trailer of a block whose header was read. */
static int read_body(sk_scap_reader_t *r, uint32_t type, uint32_t len, size_t *body_len, char *err,
	size_t errlen)
{
	size_t body = (size_t)len - 12;
	uint32_t trailer;
	if (ensure(&r->blk, &r->blk_cap, body + 1) < 0) {
		snprintf(err, errlen, "out of memory reading a %zu-byte block", body);
		return -ENOMEM;
	}
	if (read_exact(r, r->blk, body) != 0 || read_exact(r, &trailer, 4) != 0) {
		snprintf(err, errlen, "capture truncated inside block 0x%x", type);
		return -EIO;
	}
	if (trailer != len) {
		snprintf(err, errlen, "corrupted capture: block 0x%x length %u, trailer %u", type, len,
			trailer);
		return -EINVAL;
	}
	*body_len = body;
	return 0;
}

static bool pl_has(uint32_t type, uint32_t since)
{
	static const uint32_t order[] = {SK_SCAP_PL_V1, SK_SCAP_PL_V2, SK_SCAP_PL_V3, SK_SCAP_PL_V4,
		SK_SCAP_PL_V5, SK_SCAP_PL_V6, SK_SCAP_PL_V7, SK_SCAP_PL_V8, SK_SCAP_PL_V9};
	int vt = 0, vs = 0;
	for (int i = 0; i < 9; i++) {
		if (order[i] == type)
			vt = i + 1;
		if (order[i] == since)
			vs = i + 1;
	}
	return vt >= vs;
}

static int parse_proclist(const uint8_t *b, size_t n, uint32_t type, const sk_scap_callbacks_t *cb,
	void *ctx, char *err, size_t errlen)
{
	scratch_t s = {.cap = n * 2 + 64};
	s.buf = malloc(s.cap);
	if (!s.buf) {
		snprintf(err, errlen, "out of memory reading the process list");
		return -ENOMEM;
	}
	cur_t c = {b, n, false};
	while (c.n >= 4 && !c.bad) {
		sk_scap_proc_t p;
		memset(&p, 0, sizeof(p));
		p.sid = p.vpgid = p.pgid = p.vtid = p.vpid = -1;
		p.loginuid = UINT32_MAX;
		s.used = 0;
		uint32_t sub_len = 0;
		const uint8_t *start = c.p;
		if (type == SK_SCAP_PL_V9)
			sub_len = u32(&c);
		p.tid = (int64_t)u64(&c);
		p.pid = (int64_t)u64(&c);
		p.ptid = (int64_t)u64(&c);
		if (pl_has(type, SK_SCAP_PL_V6))
			p.sid = (int64_t)u64(&c);
		if (pl_has(type, SK_SCAP_PL_V8))
			p.vpgid = (int64_t)u64(&c);
		p.comm = str16(&c, &s, NULL);
		p.exe = str16(&c, &s, NULL);
		p.exepath = pl_has(type, SK_SCAP_PL_V7) ? str16(&c, &s, NULL) : "";
		p.args = str16(&c, &s, &p.args_len);
		p.cwd = str16(&c, &s, NULL);
		p.fdlimit = u64(&c);
		p.flags = u32(&c);
		p.uid = u32(&c);
		p.gid = u32(&c);
		p.root = "";
		p.env = "";
		p.cgroups = "";
		if (type != SK_SCAP_PL_V1) {
			p.vmsize_kb = u32(&c);
			p.vmrss_kb = u32(&c);
			p.vmswap_kb = u32(&c);
			p.pfmajor = u64(&c);
			p.pfminor = u64(&c);
			if (pl_has(type, SK_SCAP_PL_V3))
				p.env = str16(&c, &s, &p.env_len);
			if (pl_has(type, SK_SCAP_PL_V4)) {
				p.vtid = (int64_t)u64(&c);
				p.vpid = (int64_t)u64(&c);
				p.cgroups = str16(&c, &s, &p.cgroups_len);
				if (pl_has(type, SK_SCAP_PL_V5))
					p.root = str16(&c, &s, NULL);
			}
		}
		size_t rd = (size_t)(c.p - start);
		if (sub_len) {
			/* Fields appended after v9 are present only if sub_len covers them;
			 * libs 0.10 inserted pidns_init_start_ts and tty before loginuid. */
			bool pre_0_10 = sub_len - rd <= 29;
#define HAVE(sz) (!c.bad && rd + (sz) <= sub_len)
#define RD(dst, fn, sz) do { if (HAVE(sz)) { dst = fn(&c); rd += (sz); } } while (0)
			if (!pre_0_10) {
				RD(p.pidns_init_start_ts, u64, 8);
				RD(p.tty, u32, 4);
			}
			RD(p.loginuid, u32, 4);
			RD(p.exe_writable, u8, 1);
			RD(p.cap_inheritable, u64, 8);
			RD(p.cap_permitted, u64, 8);
			RD(p.cap_effective, u64, 8);
			RD(p.exe_upper_layer, u8, 1);
			RD(p.exe_ino, u64, 8);
			RD(p.exe_ino_ctime, u64, 8);
			RD(p.exe_ino_mtime, u64, 8);
			RD(p.exe_from_memfd, u8, 1);
			RD(p.exe_lower_layer, u8, 1);
			if (HAVE(8)) {
				p.pgid = (int64_t)u64(&c);
				rd += 8;
			}
#undef RD
#undef HAVE
			if (rd > sub_len || (size_t)(c.p - start) > sub_len) {
				c.bad = true;
			} else {
				size_t skip = sub_len - (size_t)(c.p - start);
				if (skip > c.n)
					c.bad = true;
				else {
					c.p += skip;
					c.n -= skip;
				}
			}
		}
		if (c.bad)
			break;
		if (cb && cb->on_proc)
			cb->on_proc(ctx, &p);
	}
	free(s.buf);
	if (c.bad) {
		snprintf(err, errlen, "corrupted capture: process list block 0x%x", type);
		return -EINVAL;
	}
	return 0;
}

static int parse_fdlist(const uint8_t *b, size_t n, uint32_t type, const sk_scap_callbacks_t *cb,
	void *ctx, char *err, size_t errlen)
{
	char *name = malloc(65536 + 2);
	if (!name)
		return -ENOMEM;
	scratch_t s = {.buf = name, .cap = 65536 + 2};
	cur_t c = {b, n, false};
	int64_t tid = (int64_t)u64(&c);
	while (c.n >= 4 && !c.bad) {
		sk_scap_fd_t f;
		memset(&f, 0, sizeof(f));
		f.name = "";
		s.used = 0;
		const uint8_t *start = c.p;
		uint32_t sub_len = type == SK_SCAP_FDL_V2 ? u32(&c) : 0;
		f.fd = (int64_t)u64(&c);
		f.ino = u64(&c);
		f.type = u8(&c);
		switch (f.type) {
		case SK_SCAP_FD_IPV4_SOCK:
			take(&c, f.sip, 4);
			take(&c, f.dip, 4);
			f.sport = u16(&c);
			f.dport = u16(&c);
			f.l4proto = u8(&c);
			break;
		case SK_SCAP_FD_IPV4_SERVSOCK:
			take(&c, f.sip, 4);
			f.sport = u16(&c);
			f.l4proto = u8(&c);
			break;
		case SK_SCAP_FD_IPV6_SOCK:
			take(&c, f.sip, 16);
			take(&c, f.dip, 16);
			f.sport = u16(&c);
			f.dport = u16(&c);
			f.l4proto = u8(&c);
			break;
		case SK_SCAP_FD_IPV6_SERVSOCK:
			take(&c, f.sip, 16);
			f.sport = u16(&c);
			f.l4proto = u8(&c);
			break;
		case SK_SCAP_FD_UNIX_SOCK:
			f.unix_src = u64(&c);
			f.unix_dst = u64(&c);
			f.name = str16(&c, &s, NULL);
			break;
		case SK_SCAP_FD_FILE_V2:
			f.open_flags = u32(&c);
			f.name = str16(&c, &s, NULL);
			if (sub_len && (size_t)(c.p - start) + 4 <= sub_len)
				f.dev = u32(&c);
			break;
		case SK_SCAP_FD_UNKNOWN:
			break;
		default:
			f.name = str16(&c, &s, NULL);
			break;
		}
		if (sub_len && !c.bad) {
			size_t rd = (size_t)(c.p - start);
			if (rd > sub_len || sub_len - rd > c.n) {
				c.bad = true;
			} else {
				c.p += sub_len - rd;
				c.n -= sub_len - rd;
			}
		}
		if (c.bad)
			break;
		if (cb && cb->on_fd)
			cb->on_fd(ctx, tid, &f);
	}
	free(name);
	if (c.bad) {
		snprintf(err, errlen, "corrupted capture: fd list block 0x%x", type);
		return -EINVAL;
	}
	return 0;
}

static int parse_userlist(const uint8_t *b, size_t n, uint32_t type, const sk_scap_callbacks_t *cb,
	void *ctx, char *err, size_t errlen)
{
	scratch_t s = {.cap = n + 64};
	s.buf = malloc(s.cap);
	if (!s.buf)
		return -ENOMEM;
	cur_t c = {b, n, false};
	while (c.n >= 4 && !c.bad) {
		s.used = 0;
		const uint8_t *start = c.p;
		uint32_t sub_len = type == SK_SCAP_UL_V2 ? u32(&c) : 0;
		uint8_t kind = u8(&c);
		if (kind == 0) { /* user */
			uint32_t uid = u32(&c), gid = u32(&c);
			const char *nm = str16(&c, &s, NULL);
			const char *home = str16(&c, &s, NULL);
			const char *shell = str16(&c, &s, NULL);
			if (!c.bad && cb && cb->on_user)
				cb->on_user(ctx, uid, gid, nm, home, shell);
		} else {
			uint32_t gid = u32(&c);
			const char *nm = str16(&c, &s, NULL);
			if (!c.bad && cb && cb->on_group)
				cb->on_group(ctx, gid, nm);
		}
		if (sub_len && !c.bad) {
			size_t rd = (size_t)(c.p - start);
			if (rd > sub_len || sub_len - rd > c.n)
				c.bad = true;
			else {
				c.p += sub_len - rd;
				c.n -= sub_len - rd;
			}
		}
	}
	free(s.buf);
	if (c.bad) {
		snprintf(err, errlen, "corrupted capture: user list block 0x%x", type);
		return -EINVAL;
	}
	return 0;
}

static bool is_event_block(uint32_t t)
{
	return t == SK_SCAP_EV_V1 || t == SK_SCAP_EV_V2 || t == SK_SCAP_EV_V2_LARGE ||
		t == SK_SCAP_EVF_V1 || t == SK_SCAP_EVF_V2 || t == SK_SCAP_EVF_V2_LARGE ||
		t == 0x8010ABCDu;
}

static int handle_meta(sk_scap_reader_t *r, uint32_t type, const uint8_t *b, size_t n,
	const sk_scap_callbacks_t *cb, void *ctx, char *err, size_t errlen)
{
	switch (type) {
	case SK_SCAP_MI_BLOCK:
	case 0x8002ABCDu: {
		cur_t c = {b, n, false};
		r->machine.num_cpus = u32(&c);
		r->machine.memory_size_bytes = u64(&c);
		r->machine.max_pid = u64(&c);
		take(&c, r->machine.hostname, 128);
		r->machine.hostname[128] = 0;
		return 0;
	}
	case SK_SCAP_PL_V1: case SK_SCAP_PL_V2: case SK_SCAP_PL_V3: case SK_SCAP_PL_V4:
	case SK_SCAP_PL_V5: case SK_SCAP_PL_V6: case SK_SCAP_PL_V7: case SK_SCAP_PL_V8:
	case SK_SCAP_PL_V9:
		return parse_proclist(b, n, type, cb, ctx, err, errlen);
	case 0x8000ABCDu:
		return parse_proclist(b, n, SK_SCAP_PL_V1, cb, ctx, err, errlen);
	case 0x8013ABCDu:
		return parse_proclist(b, n, SK_SCAP_PL_V2, cb, ctx, err, errlen);
	case 0x8014ABCDu:
		return parse_proclist(b, n, SK_SCAP_PL_V3, cb, ctx, err, errlen);
	case SK_SCAP_FDL_V1: case SK_SCAP_FDL_V2: case 0x8001ABCDu:
		return parse_fdlist(b, n, type == SK_SCAP_FDL_V2 ? type : SK_SCAP_FDL_V1, cb, ctx, err,
			errlen);
	case SK_SCAP_UL_V1: case SK_SCAP_UL_V2: case 0x8012ABCDu:
		return parse_userlist(b, n, type == SK_SCAP_UL_V2 ? type : SK_SCAP_UL_V1, cb, ctx, err,
			errlen);
	case SK_SCAP_IL_V1: case SK_SCAP_IL_V2: case 0x8011ABCDu: {
		uint8_t *copy = malloc(n ? n : 1);
		if (!copy)
			return -ENOMEM;
		memcpy(copy, b, n);
		free(r->il);
		r->il = copy;
		r->il_len = n;
		r->il_type = type == 0x8011ABCDu ? SK_SCAP_IL_V1 : type;
		return 0;
	}
	default:
		return 0; /* unknown blocks carry nothing we use */
	}
}

int sk_scap_open(const char *path, const sk_scap_callbacks_t *cb, void *ctx,
	sk_scap_reader_t **out, char *err, size_t errlen)
{
	struct stat st;
	sk_scap_reader_t *r = calloc(1, sizeof(*r));
	int rc;
	uint32_t type, len;
	size_t body;

	*out = NULL;
	if (!r)
		return -ENOMEM;
	if (stat(path, &st) != 0) {
		rc = -errno;
		snprintf(err, errlen, "cannot open capture %s: %s", path, strerror(errno));
		goto fail;
	}
	r->file_size = (uint64_t)st.st_size;
	r->gz = gzopen(path, "rb");
	if (!r->gz) {
		rc = -EIO;
		snprintf(err, errlen, "cannot open capture %s", path);
		goto fail;
	}
	gzbuffer(r->gz, 256 * 1024);
	rc = read_bh(r, &type, &len, err, errlen);
	if (rc != 0 || type != SK_SCAP_SHB_BLOCK) {
		if (rc >= 0)
			snprintf(err, errlen, "%s is not a scap capture (no section header)", path);
		rc = rc < 0 ? rc : -EINVAL;
		goto fail;
	}
	if ((rc = read_body(r, type, len, &body, err, errlen)) < 0)
		goto fail;
	{
		cur_t c = {r->blk, body, false};
		uint32_t magic = u32(&c);
		uint16_t major = u16(&c), minor = u16(&c);
		if (c.bad || magic != SK_SCAP_SHB_MAGIC) {
			snprintf(err, errlen, "%s: bad section header magic", path);
			rc = -EINVAL;
			goto fail;
		}
		if (major > 1) {
			snprintf(err, errlen, "%s: capture format %u.%u is newer than supported 1.x", path,
				major, minor);
			rc = -ENOTSUP;
			goto fail;
		}
		r->version = (uint16_t)(major << 8 | minor);
	}
	for (;;) {
		rc = read_bh(r, &type, &len, err, errlen);
		if (rc == 1)
			break; /* no events at all: an empty capture is still valid */
		if (rc < 0)
			goto fail;
		if (is_event_block(type)) {
			r->have_pending = true;
			r->pend_type = type;
			r->pend_len = len;
			break;
		}
		if ((rc = read_body(r, type, len, &body, err, errlen)) < 0)
			goto fail;
		if ((rc = handle_meta(r, type, r->blk, body, cb, ctx, err, errlen)) < 0)
			goto fail;
	}
	*out = r;
	return 0;
fail:
	if (!strstr(err, path)) {
		char tmp[512];
		snprintf(tmp, sizeof(tmp), "%s", err);
		snprintf(err, errlen, "%s: %s", path, tmp);
	}
	sk_scap_close(r);
	return rc;
}

/* v1 events have a 22-byte header without nparams; find the count whose
 * lengths add up to len. */
#define V1_HEADER_LEN (SK_EVT_HEADER_LEN - 4)

static int convert_v1(sk_scap_reader_t *r, const uint8_t *ev, size_t avail, char *err,
	size_t errlen)
{
	uint32_t len;
	uint16_t type;
	if (avail < V1_HEADER_LEN)
		goto bad;
	len = sk_evt_get_len(ev);
	type = sk_evt_get_type(ev);
	if (len < V1_HEADER_LEN || len > avail)
		goto bad;
	const sk_evt_info_t *info = sk_evt_info(type);
	uint32_t maxp = info ? info->nparams : 0;
	size_t plen = len - V1_HEADER_LEN;
	const uint8_t *lens = ev + V1_HEADER_LEN;
	for (int64_t np = maxp; np >= 0; np--) {
		size_t need = (size_t)np * 2;
		if (need > plen)
			continue;
		size_t sum = need;
		for (int64_t i = 0; i < np; i++) {
			uint16_t l;
			memcpy(&l, lens + i * 2, 2);
			sum += l;
		}
		if (sum != plen)
			continue;
		if (ensure(&r->evbuf, &r->evbuf_cap, (size_t)len + 4) < 0)
			return -ENOMEM;
		sk_evt_set_ts(r->evbuf, sk_evt_get_ts(ev));
		sk_evt_set_tid(r->evbuf, sk_evt_get_tid(ev));
		sk_evt_set_len(r->evbuf, len + 4);
		sk_evt_set_type(r->evbuf, type);
		sk_evt_set_nparams(r->evbuf, (uint32_t)np);
		memcpy(r->evbuf + SK_EVT_HEADER_LEN, lens, plen);
		return 0;
	}
bad:
	snprintf(err, errlen, "corrupted capture: cannot convert a version-1 event");
	return -EINVAL;
}

int sk_scap_next(sk_scap_reader_t *r, const ss_plugin_event **evt, uint16_t *cpuid, char *err,
	size_t errlen)
{
	uint32_t type, len;
	size_t body;
	int rc;

	for (;;) {
		rc = read_bh(r, &type, &len, err, errlen);
		if (rc != 0)
			return rc;
		if ((rc = read_body(r, type, len, &body, err, errlen)) < 0)
			return rc;
		if (!is_event_block(type))
			continue; /* a late metadata block: nothing to replay */
		bool flags = type == SK_SCAP_EVF_V1 || type == SK_SCAP_EVF_V2 ||
			type == SK_SCAP_EVF_V2_LARGE;
		bool v2 = type == SK_SCAP_EV_V2 || type == SK_SCAP_EVF_V2 ||
			type == SK_SCAP_EV_V2_LARGE || type == SK_SCAP_EVF_V2_LARGE;
		size_t off = 2 + (flags ? 4 : 0);
		if (body < off + (v2 ? SK_EVT_HEADER_LEN : V1_HEADER_LEN)) {
			snprintf(err, errlen, "corrupted capture: event block too short");
			return -EINVAL;
		}
		uint16_t etype = sk_evt_get_type(r->blk + off);
		if (cpuid)
			memcpy(cpuid, r->blk, 2);
		if (etype >= SK_EVT_CODE_MAX) {
			r->skipped++;
			continue;
		}
		if (v2) {
			uint32_t elen = sk_evt_get_len(r->blk + off);
			if (elen < SK_EVT_HEADER_LEN || elen > body - off) {
				snprintf(err, errlen, "corrupted capture: event length %u", elen);
				return -EINVAL;
			}
			*evt = (const ss_plugin_event *)(r->blk + off);
			return 0;
		}
		if ((rc = convert_v1(r, r->blk + off, body - off, err, errlen)) < 0)
			return rc;
		*evt = (const ss_plugin_event *)r->evbuf;
		return 0;
	}
}

const sk_scap_machine_t *sk_scap_machine(const sk_scap_reader_t *r)
{
	return &r->machine;
}

uint16_t sk_scap_version(const sk_scap_reader_t *r)
{
	return r->version;
}

uint64_t sk_scap_skipped(const sk_scap_reader_t *r)
{
	return r->skipped;
}

const uint8_t *sk_scap_iflist(const sk_scap_reader_t *r, uint32_t *type, size_t *len)
{
	*type = r->il_type;
	*len = r->il_len;
	return r->il;
}

uint32_t sk_scap_progress(const sk_scap_reader_t *r)
{
	if (!r->gz || r->file_size == 0)
		return 0;
	z_off_t o = gzoffset(r->gz);
	if (o < 0)
		return 0;
	uint64_t pct = (uint64_t)o * 10000u / r->file_size;
	return pct > 10000 ? 10000 : (uint32_t)pct;
}

void sk_scap_close(sk_scap_reader_t *r)
{
	if (!r)
		return;
	if (r->gz)
		gzclose(r->gz);
	free(r->blk);
	free(r->evbuf);
	free(r->il);
	free(r);
}
