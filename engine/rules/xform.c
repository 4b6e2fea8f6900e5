/*
 * xform.c - transformers applied at evaluation time (tolower, toupper, b64,
 * basename, len, join, concat, getopt). Results live in the evaluator's
 * per-event arena.
 */
#include "cond_int.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sk__rv_text(sk__vt_t vt, const sk__rv_t *v, char *buf, size_t len)
{
	switch (vt) {
	case SK__VT_STR:
		return v->p;
	case SK__VT_U64:
		snprintf(buf, len, "%" PRIu64, v->u);
		return buf;
	case SK__VT_I64:
		snprintf(buf, len, "%" PRId64, (int64_t)v->u);
		return buf;
	case SK__VT_BOOL:
		return v->u ? "true" : "false";
	case SK__VT_IP:
	case SK__VT_NET:
		if (sk__ip_format(&v->ip, buf, len))
			return "<NA>";
		return buf;
	case SK__VT_BUF: {
		size_t l = v->len < len - 1 ? v->len : len - 1;
		memcpy(buf, v->p, l);
		buf[l] = 0;
		return buf;
	}
	default:
		return "";
	}
}

static sk__rv_t *new_vals(sk__evctx_t *ec, uint32_t n)
{
	sk__rv_t *v = sk__evctx_alloc(ec, (n ? n : 1) * sizeof(*v));
	if (v)
		memset(v, 0, (n ? n : 1) * sizeof(*v));
	return v;
}

static char *new_str(sk__evctx_t *ec, const char *s, size_t l)
{
	char *d = sk__evctx_alloc(ec, l + 1);
	if (d) {
		memcpy(d, s, l);
		d[l] = 0;
	}
	return d;
}

static int b64val(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

static bool b64_decode(sk__evctx_t *ec, const char *s, uint32_t l, sk__rv_t *o)
{
	char *d = sk__evctx_alloc(ec, l + 1);
	if (!d)
		return false;
	uint32_t acc = 0, bits = 0, k = 0;
	for (uint32_t i = 0; i < l; i++) {
		if (s[i] == '=')
			break;
		int v = b64val((unsigned char)s[i]);
		if (v < 0)
			return false;
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			d[k++] = (char)((acc >> bits) & 0xff);
		}
	}
	d[k] = 0;
	o->p = d;
	o->len = k;
	return true;
}

/* Append the text of every value of operand a to a growing buffer. */
typedef struct gbuf {
	char *b;
	size_t n, cap;
} gbuf_t;

static bool gb_put(gbuf_t *g, const char *s, size_t l)
{
	if (g->n + l + 1 > g->cap) {
		size_t nc = g->cap ? g->cap * 2 : 128;
		while (nc < g->n + l + 1)
			nc *= 2;
		char *b = realloc(g->b, nc);
		if (!b)
			return false;
		g->b = b;
		g->cap = nc;
	}
	memcpy(g->b + g->n, s, l);
	g->n += l;
	g->b[g->n] = 0;
	return true;
}

static bool opnd_text_all(sk__evctx_t *ec, const sk__opnd_t *a, gbuf_t *g, const char *sep,
	bool *first)
{
	const sk__rv_t *v;
	uint32_t n;
	if (!sk__opnd_values(ec, a, &v, &n))
		return false;
	for (uint32_t i = 0; i < n; i++) {
		char buf[64];
		const char *t = sk__rv_text(a->vt, &v[i], buf, sizeof(buf));
		if (!*first && sep && !gb_put(g, sep, strlen(sep)))
			return false;
		*first = false;
		if (!gb_put(g, t, a->vt == SK__VT_BUF ? v[i].len : strlen(t)))
			return false;
	}
	return true;
}

/* getopt: find option `opt` in an argument vector ("-o v", "-ov",
 * "--opt=v", "--opt v"); a flag without value yields "". */
static bool do_getopt(sk__evctx_t *ec, const sk__opnd_t *o, sk__rv_t *out)
{
	const sk__rv_t *v;
	uint32_t n;
	if (!sk__opnd_values(ec, o->args[0], &v, &n) || o->args[0]->vt != SK__VT_STR)
		return false;
	/* one string (a command line) is split on blanks */
	char *line = NULL;
	const char **argv = NULL;
	uint32_t argc = 0;
	bool found = false;
	if (n == 1 && !o->args[0]->list) {
		line = strdup(v[0].p);
		argv = calloc(v[0].len / 2 + 2, sizeof(*argv));
		if (!line || !argv)
			goto out;
		for (char *save = NULL, *t = strtok_r(line, " \t", &save); t;
		     t = strtok_r(NULL, " \t", &save))
			argv[argc++] = t;
	} else {
		argv = calloc(n + 1, sizeof(*argv));
		if (!argv)
			goto out;
		for (uint32_t i = 0; i < n; i++)
			argv[argc++] = v[i].p;
	}
	const char *opt = o->xarg;
	size_t ol = strlen(opt);
	for (uint32_t i = 0; i < argc && !found; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		if (ol > 1 || (opt[0] == '-')) {
			const char *name = opt[0] == '-' ? opt : NULL;
			char lbuf[128];
			if (!name) {
				snprintf(lbuf, sizeof(lbuf), "--%s", opt);
				name = lbuf;
			}
			size_t nl = strlen(name);
			if (!strncmp(a, name, nl) && a[nl] == '=')
				val = a + nl + 1;
			else if (!strcmp(a, name))
				val = i + 1 < argc && argv[i + 1][0] != '-' ? argv[i + 1] : "";
		} else if (a[0] == '-' && a[1] != '-' && a[1]) {
			const char *p = strchr(a + 1, opt[0]);
			if (p && p == a + 1)
				val = p[1] ? p + 1 : (i + 1 < argc && argv[i + 1][0] != '-' ? argv[i + 1] : "");
		}
		if (val) {
			out->p = new_str(ec, val, strlen(val));
			out->len = (uint32_t)strlen(val);
			found = out->p != NULL;
		}
	}
out:
	free(line);
	free(argv);
	return found;
}

bool sk__xform_apply(sk__evctx_t *ec, const sk__opnd_t *o, const sk__rv_t **vout, uint32_t *nout)
{
	const sk__rv_t *v;
	uint32_t n;
	sk__rv_t *r;
	switch (o->xf) {
	case SK__XF_TOLOWER:
	case SK__XF_TOUPPER:
	case SK__XF_BASENAME:
	case SK__XF_B64:
		if (!sk__opnd_values(ec, o->args[0], &v, &n) || !(r = new_vals(ec, n)))
			return false;
		for (uint32_t i = 0; i < n; i++) {
			if (o->xf == SK__XF_B64) {
				if (!b64_decode(ec, v[i].p, v[i].len, &r[i]))
					return false;
				continue;
			}
			if (o->xf == SK__XF_BASENAME) {
				const char *s = memrchr(v[i].p, '/', v[i].len);
				s = s ? s + 1 : v[i].p;
				r[i].len = (uint32_t)(v[i].len - (uint32_t)(s - v[i].p));
				r[i].p = new_str(ec, s, r[i].len);
			} else {
				char *d = new_str(ec, v[i].p, v[i].len);
				if (!d)
					return false;
				for (uint32_t k = 0; k < v[i].len; k++)
					d[k] = (char)(o->xf == SK__XF_TOLOWER ? tolower((unsigned char)d[k])
									      : toupper((unsigned char)d[k]));
				r[i].p = d;
				r[i].len = v[i].len;
			}
			if (!r[i].p)
				return false;
		}
		*vout = r;
		*nout = n;
		return true;
	case SK__XF_LEN:
		if (!sk__opnd_values(ec, o->args[0], &v, &n) || !(r = new_vals(ec, 1)))
			return false;
		if (o->args[0]->list)
			r->u = n;
		else
			r->u = n ? v[0].len : 0;
		*vout = r;
		*nout = 1;
		return true;
	case SK__XF_JOIN:
	case SK__XF_CONCAT: {
		gbuf_t g = {0};
		bool first = true, ok = true;
		const char *sep = o->xf == SK__XF_JOIN ? o->args[0]->cv[0].p : NULL;
		for (size_t i = o->xf == SK__XF_JOIN ? 1 : 0; i < o->nargs && ok; i++)
			ok = opnd_text_all(ec, o->args[i], &g, sep, &first);
		r = ok ? new_vals(ec, 1) : NULL;
		if (r) {
			r->p = new_str(ec, g.b ? g.b : "", g.n);
			r->len = (uint32_t)g.n;
		}
		free(g.b);
		if (!r || !r->p)
			return false;
		*vout = r;
		*nout = 1;
		return true;
	}
	case SK__XF_GETOPT:
		if (!(r = new_vals(ec, 1)) || !do_getopt(ec, o, r))
			return false;
		*vout = r;
		*nout = 1;
		return true;
	default:
		return false;
	}
}
