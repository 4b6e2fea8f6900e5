/* sk_sdk_jscan.c - DOM-free JSON lookups and a strict validator. */
#include "sk_plugin_sdk.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	return p;
}

/* p at the opening quote; returns just past the closing quote or NULL. */
static const char *skip_string(const char *p, const char *e)
{
	const char *q;
	size_t bs;

	p++;
	for (;;) {
		q = memchr(p, '"', (size_t)(e - p));
		if (!q)
			return NULL;
		for (bs = 0; q - bs > p && q[-1 - (ptrdiff_t)bs] == '\\'; bs++)
			;
		if (bs % 2 == 0)
			return q + 1;
		p = q + 1;
	}
}

/* Returns just past the value starting at p (not validated), or NULL. */
static const char *skip_value(const char *p, const char *e)
{
	size_t depth = 0;

	if (p >= e)
		return NULL;
	if (*p == '"')
		return skip_string(p, e);
	if (*p != '{' && *p != '[') {
		while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' &&
		       *p != '\r' && *p != '\t' && *p != ':')
			p++;
		return p;
	}
	while (p < e) {
		switch (*p) {
		case '"':
			p = skip_string(p, e);
			if (!p)
				return NULL;
			continue;
		case '{':
		case '[':
			depth++;
			break;
		case '}':
		case ']':
			if (--depth == 0)
				return p + 1;
			break;
		}
		p++;
	}
	return NULL;
}

const char *sk_sdk_jscan_ws(const char *p, const char *e)
{
	return ws(p, e);
}

const char *sk_sdk_jscan_skip(const char *p, const char *e)
{
	return skip_value(p, e);
}

static sk_sdk_jtype_t type_of(char c)
{
	switch (c) {
	case '"': return SK_JT_STRING;
	case '{': return SK_JT_OBJECT;
	case '[': return SK_JT_ARRAY;
	case 't': return SK_JT_TRUE;
	case 'f': return SK_JT_FALSE;
	case 'n': return SK_JT_NULL;
	}
	return (c == '-' || (c >= '0' && c <= '9')) ? SK_JT_NUMBER : SK_JT_NONE;
}

static int make_val(const char *p, const char *e, sk_sdk_jval_t *out)
{
	const char *end = skip_value(p, e);

	if (!end || end == p)
		return -EINVAL;
	out->p = p;
	out->n = (size_t)(end - p);
	out->t = type_of(*p);
	return out->t == SK_JT_NONE ? -EINVAL : 0;
}

int sk_sdk_jscan_root(const char *buf, size_t len, sk_sdk_jval_t *out)
{
	const char *e = buf + len, *p = ws(buf, e);

	return make_val(p, e, out);
}

static int next_in(const sk_sdk_jval_t *v, char open, sk_sdk_jval_t *it, sk_sdk_jval_t *key,
	sk_sdk_jval_t *el)
{
	const char *e = v->p + v->n, *p;
	char close = open == '{' ? '}' : ']';

	if (v->n < 2 || v->p[0] != open)
		return -EINVAL;
	if (!it->p) {
		p = ws(v->p + 1, e);
		if (p < e && *p == close)
			return 0;
	} else {
		p = ws(it->p + it->n, e);
		if (p >= e)
			return -EINVAL;
		if (*p == close)
			return 0;
		if (*p != ',')
			return -EINVAL;
		p = ws(p + 1, e);
	}
	if (key) {
		const char *ke;

		if (p >= e || *p != '"' || !(ke = skip_string(p, e)))
			return -EINVAL;
		key->p = p + 1;
		key->n = (size_t)(ke - p - 2);
		key->t = SK_JT_STRING;
		p = ws(ke, e);
		if (p >= e || *p != ':')
			return -EINVAL;
		p = ws(p + 1, e);
	}
	if (make_val(p, e, el) < 0)
		return -EINVAL;
	*it = *el;
	return 1;
}

int sk_sdk_jscan_next(const sk_sdk_jval_t *v, sk_sdk_jval_t *it, sk_sdk_jval_t *el)
{
	return next_in(v, '[', it, NULL, el);
}

int sk_sdk_jscan_next_member(const sk_sdk_jval_t *v, sk_sdk_jval_t *it, sk_sdk_jval_t *key,
	sk_sdk_jval_t *val)
{
	return next_in(v, '{', it, key, val);
}

static long hex4(const char *p, const char *e)
{
	long v = 0;
	int i, h;

	if (e - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if ((h = sk_sdk_hexval((unsigned char)p[i])) < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

static size_t put_utf8(char *o, unsigned long cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Unescape the content of a string (without quotes) into o (capacity >= n).
 * Returns the length or -1. Escapes never grow the text. */
static long unescape(const char *s, size_t n, char *o)
{
	const char *e = s + n;
	size_t k = 0;
	long cp, lo;

	while (s < e) {
		if (*s != '\\') {
			o[k++] = *s++;
			continue;
		}
		if (++s >= e)
			return -1;
		switch (*s) {
		case '"': o[k++] = '"'; break;
		case '\\': o[k++] = '\\'; break;
		case '/': o[k++] = '/'; break;
		case 'b': o[k++] = '\b'; break;
		case 'f': o[k++] = '\f'; break;
		case 'n': o[k++] = '\n'; break;
		case 'r': o[k++] = '\r'; break;
		case 't': o[k++] = '\t'; break;
		case 'u':
			if ((cp = hex4(s + 1, e)) < 0)
				return -1;
			s += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && e - s > 6 && s[1] == '\\' && s[2] == 'u' &&
			    (lo = hex4(s + 3, e)) >= 0xDC00 && lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				s += 6;
			}
			if (cp == 0) {
				/* values leave as C strings: a decoded NUL would cut
				 * "admin\u0000evil" to "admin" (a rule bypass), so the
				 * escape stays as text, same length */
				memcpy(o + k, "\\u0000", 6);
				k += 6;
			} else {
				k += put_utf8(o + k, (unsigned long)cp);
			}
			break;
		default:
			return -1;
		}
		s++;
	}
	return (long)k;
}

static bool key_eq(const sk_sdk_jval_t *k, const char *key, size_t keylen)
{
	char buf[256];
	long n;

	if (!memchr(k->p, '\\', k->n))
		return k->n == keylen && memcmp(k->p, key, keylen) == 0;
	if (k->n > sizeof(buf))
		return false;
	n = unescape(k->p, k->n, buf);
	return n >= 0 && (size_t)n == keylen && memcmp(buf, key, keylen) == 0;
}

int sk_sdk_jscan_get(const sk_sdk_jval_t *v, const char *key, size_t keylen, sk_sdk_jval_t *out)
{
	sk_sdk_jval_t it = { 0 }, k, val;
	int rc;

	if (v->t == SK_JT_OBJECT) {
		while ((rc = sk_sdk_jscan_next_member(v, &it, &k, &val)) == 1)
			if (key_eq(&k, key, keylen)) {
				*out = val;
				return 0;
			}
		return rc < 0 ? rc : -ENOENT;
	}
	if (v->t == SK_JT_ARRAY) {
		size_t idx = 0, i;

		if (keylen == 0 || (keylen > 1 && key[0] == '0') || keylen > 18)
			return -ENOENT;
		for (i = 0; i < keylen; i++) {
			if (key[i] < '0' || key[i] > '9')
				return -ENOENT;
			idx = idx * 10 + (size_t)(key[i] - '0');
		}
		for (i = 0; (rc = sk_sdk_jscan_next(v, &it, &val)) == 1; i++)
			if (i == idx) {
				*out = val;
				return 0;
			}
		return rc < 0 ? rc : -ENOENT;
	}
	return -ENOENT;
}

int sk_sdk_jscan_path(const sk_sdk_jval_t *v, const char *const *path, sk_sdk_jval_t *out)
{
	sk_sdk_jval_t cur = *v;
	int rc;

	for (; *path; path++)
		if ((rc = sk_sdk_jscan_get(&cur, *path, strlen(*path), &cur)) < 0)
			return rc;
	*out = cur;
	return 0;
}

int sk_sdk_jscan_pointer(const sk_sdk_jval_t *v, const char *ptr, sk_sdk_jval_t *out)
{
	sk_sdk_jval_t cur = *v;
	char buf[512];
	const char *p = ptr, *slash;
	size_t n, i, o;
	int rc;

	if (*p == '/')
		p++;
	else if (*p == '\0') {
		*out = cur;
		return 0;
	}
	for (;;) {
		slash = strchr(p, '/');
		n = slash ? (size_t)(slash - p) : strlen(p);
		if (n >= sizeof(buf))
			return -ENOENT;
		for (i = 0, o = 0; i < n; i++) {
			if (p[i] != '~') {
				buf[o++] = p[i];
				continue;
			}
			if (i + 1 >= n || (p[i + 1] != '0' && p[i + 1] != '1'))
				return -ENOENT;
			buf[o++] = p[++i] == '0' ? '~' : '/';
		}
		if ((rc = sk_sdk_jscan_get(&cur, buf, o, &cur)) < 0)
			return rc;
		if (!slash)
			break;
		p = slash + 1;
	}
	*out = cur;
	return 0;
}

size_t sk_sdk_jscan_compact(const sk_sdk_jval_t *v, char *dst)
{
	const char *p = v->p, *e = v->p + v->n, *q;
	size_t k = 0;

	while (p < e) {
		if (*p == '"') {
			q = skip_string(p, e);
			if (!q)
				q = e;
			memcpy(dst + k, p, (size_t)(q - p));
			k += (size_t)(q - p);
			p = q;
		} else if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') {
			p++;
		} else {
			dst[k++] = *p++;
		}
	}
	return k;
}

const char *sk_sdk_jscan_text(sk_sdk_extract_t *x, const sk_sdk_jval_t *v, size_t *len)
{
	char *o = sk_sdk_extract_alloc(x, v->n + 1);
	long n;

	if (!o)
		return NULL;
	if (v->t == SK_JT_STRING) {
		n = unescape(v->p + 1, v->n - 2, o);
		if (n < 0)
			return NULL;
	} else {
		n = (long)sk_sdk_jscan_compact(v, o);
	}
	o[n] = '\0';
	if (len)
		*len = (size_t)n;
	return o;
}

bool sk_sdk_jscan_streq(const sk_sdk_jval_t *v, const char *s)
{
	size_t n = strlen(s);

	if (v->t != SK_JT_STRING)
		return false;
	if (!memchr(v->p + 1, '\\', v->n - 2))
		return v->n - 2 == n && memcmp(v->p + 1, s, n) == 0;
	return key_eq(&(sk_sdk_jval_t){ v->p + 1, v->n - 2, SK_JT_STRING }, s, n);
}

/* ---- strict validator ------------------------------------------------------ */

typedef struct vctx {
	const char *b, *p, *e;
	unsigned depth, max_depth;
	const char *why;
	bool eof;
} vctx_t;

static int vfail(vctx_t *c, const char *why)
{
	c->why = why;
	if (c->p >= c->e)
		c->eof = true;
	return -1;
}

static int v_value(vctx_t *c);

static int v_string(vctx_t *c)
{
	unsigned char ch;

	c->p++;
	while (c->p < c->e) {
		ch = (unsigned char)*c->p;
		if (ch == '"') {
			c->p++;
			return 0;
		}
		if (ch < 0x20)
			return vfail(c, "control character in string");
		if (ch == '\\') {
			if (++c->p >= c->e)
				return vfail(c, "unterminated string");
			switch (*c->p) {
			case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
				break;
			case 'u':
				if (c->e - c->p < 5)
					return vfail(c, "unterminated string");
				if (hex4(c->p + 1, c->e) < 0)
					return vfail(c, "bad \\u escape");
				c->p += 4;
				break;
			default:
				return vfail(c, "bad escape");
			}
		}
		c->p++;
	}
	return vfail(c, "unterminated string");
}

static int v_number(vctx_t *c)
{
	const char *s = c->p;

	if (c->p < c->e && *c->p == '-')
		c->p++;
	if (c->p >= c->e)
		return vfail(c, "bad number");
	if (*c->p == '0')
		c->p++;
	else if (*c->p >= '1' && *c->p <= '9')
		while (c->p < c->e && *c->p >= '0' && *c->p <= '9')
			c->p++;
	else
		return vfail(c, "bad number");
	if (c->p < c->e && *c->p == '.') {
		c->p++;
		if (c->p >= c->e || *c->p < '0' || *c->p > '9')
			return vfail(c, "bad number");
		while (c->p < c->e && *c->p >= '0' && *c->p <= '9')
			c->p++;
	}
	if (c->p < c->e && (*c->p == 'e' || *c->p == 'E')) {
		c->p++;
		if (c->p < c->e && (*c->p == '+' || *c->p == '-'))
			c->p++;
		if (c->p >= c->e || *c->p < '0' || *c->p > '9')
			return vfail(c, "bad number");
		while (c->p < c->e && *c->p >= '0' && *c->p <= '9')
			c->p++;
	}
	return c->p > s ? 0 : vfail(c, "bad number");
}

static int v_lit(vctx_t *c, const char *lit)
{
	size_t n = strlen(lit), have = (size_t)(c->e - c->p);

	if (have < n) {
		if (memcmp(c->p, lit, have) == 0) {
			c->p = c->e;
			return vfail(c, "truncated literal");
		}
		return vfail(c, "invalid literal");
	}
	if (memcmp(c->p, lit, n) != 0)
		return vfail(c, "invalid literal");
	c->p += n;
	return 0;
}

static int v_container(vctx_t *c, char close)
{
	bool first = true;

	if (++c->depth > c->max_depth)
		return vfail(c, "nesting too deep");
	c->p++;
	for (;;) {
		c->p = ws(c->p, c->e);
		if (c->p >= c->e)
			return vfail(c, "unterminated object or array");
		if (*c->p == close && first) {
			c->p++;
			break;
		}
		if (close == '}') {
			if (*c->p != '"')
				return vfail(c, "object key expected");
			if (v_string(c) < 0)
				return -1;
			c->p = ws(c->p, c->e);
			if (c->p >= c->e || *c->p != ':')
				return vfail(c, "':' expected");
			c->p = ws(c->p + 1, c->e);
		}
		if (v_value(c) < 0)
			return -1;
		first = false;
		c->p = ws(c->p, c->e);
		if (c->p >= c->e)
			return vfail(c, "unterminated object or array");
		if (*c->p == ',') {
			c->p++;
			c->p = ws(c->p, c->e);
			if (c->p < c->e && *c->p == close)
				return vfail(c, "trailing comma");
			continue;
		}
		if (*c->p == close) {
			c->p++;
			break;
		}
		return vfail(c, close == '}' ? "',' or '}' expected" : "',' or ']' expected");
	}
	c->depth--;
	return 0;
}

static int v_value(vctx_t *c)
{
	if (c->p >= c->e)
		return vfail(c, "value expected");
	switch (*c->p) {
	case '{': return v_container(c, '}');
	case '[': return v_container(c, ']');
	case '"': return v_string(c);
	case 't': return v_lit(c, "true");
	case 'f': return v_lit(c, "false");
	case 'n': return v_lit(c, "null");
	}
	return v_number(c);
}

int sk_sdk_jscan_validate(const char *buf, size_t len, unsigned max_depth, char *err,
	size_t errlen)
{
	vctx_t c = { .b = buf, .p = buf, .e = buf + len, .max_depth = max_depth };

	c.p = ws(c.p, c.e);
	if (c.p >= c.e) {
		sk_sdk_errf(err, errlen, "empty document");
		return -EAGAIN;
	}
	if (v_value(&c) < 0) {
		sk_sdk_errf(err, errlen, "%s at byte %zu", c.why, (size_t)(c.p - c.b));
		return c.eof ? -EAGAIN : -EINVAL;
	}
	c.p = ws(c.p, c.e);
	if (c.p != c.e) {
		sk_sdk_errf(err, errlen, "unexpected data after the JSON value at byte %zu",
			(size_t)(c.p - c.b));
		return -EINVAL;
	}
	return 0;
}
