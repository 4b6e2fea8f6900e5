/* sk_sdk_extract.c - extraction result storage and JSON helpers. */
#include "sk_plugin_sdk.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct sk__chunk {
	struct sk__chunk *next;
	size_t used, cap;
	max_align_t data[];
};

#define SK_CHUNK_MIN 4096u

void sk_sdk_extract_init(sk_sdk_extract_t *x)
{
	memset(x, 0, sizeof(*x));
}

void sk_sdk_extract_free(sk_sdk_extract_t *x)
{
	struct sk__chunk *c, *n;

	if (!x)
		return;
	for (c = x->chunks; c; c = n) {
		n = c->next;
		free(c);
	}
	free(x->pend);
	memset(x, 0, sizeof(*x));
}

/* Keep only the biggest chunk (the head after growth), so steady state is a
 * single chunk that fits a whole request and never reallocates. */
void sk_sdk_extract_reset(sk_sdk_extract_t *x)
{
	struct sk__chunk *c, *n;

	if (x->chunks) {
		for (c = x->chunks->next; c; c = n) {
			n = c->next;
			free(c);
		}
		x->chunks->next = NULL;
		x->chunks->used = 0;
	}
	x->npend = 0;
	x->list_open = false;
}

void *sk_sdk_extract_alloc(sk_sdk_extract_t *x, size_t size)
{
	struct sk__chunk *c = x->chunks;
	size_t al = (size + 15u) & ~(size_t)15u, cap;
	void *p;

	if (!c || c->cap - c->used < al) {
		cap = SK_CHUNK_MIN;
		if (c && c->cap * 2 > cap)
			cap = c->cap * 2;
		while (cap < al)
			cap *= 2;
		c = malloc(sizeof(*c) + cap);
		if (!c)
			return NULL;
		c->cap = cap;
		c->used = 0;
		c->next = x->chunks;
		x->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += al;
	return p;
}

static char *arena_strdup(sk_sdk_extract_t *x, const char *s, size_t len)
{
	char *d = sk_sdk_extract_alloc(x, len + 1);

	if (!d)
		return NULL;
	if (len)
		memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

int sk_sdk_extract_str_ref(sk_sdk_extract_t *x, ss_plugin_extract_field *f, const char *s)
{
	const char **slot = sk_sdk_extract_alloc(x, sizeof(*slot));

	if (!slot)
		return -ENOMEM;
	*slot = s;
	f->res.str = slot;
	f->res_len = 1;
	return 0;
}

int sk_sdk_extract_str(sk_sdk_extract_t *x, ss_plugin_extract_field *f, const char *s, size_t len)
{
	char *d = arena_strdup(x, s, len);

	if (!d)
		return -ENOMEM;
	return sk_sdk_extract_str_ref(x, f, d);
}

int sk_sdk_extract_u64(sk_sdk_extract_t *x, ss_plugin_extract_field *f, uint64_t v)
{
	uint64_t *slot = sk_sdk_extract_alloc(x, sizeof(*slot));

	if (!slot)
		return -ENOMEM;
	*slot = v;
	f->res.u64 = slot;
	f->res_len = 1;
	return 0;
}

int sk_sdk_extract_bool(sk_sdk_extract_t *x, ss_plugin_extract_field *f, bool v)
{
	ss_plugin_bool *slot = sk_sdk_extract_alloc(x, sizeof(*slot));

	if (!slot)
		return -ENOMEM;
	*slot = v ? 1 : 0;
	f->res.boolean = slot;
	f->res_len = 1;
	return 0;
}

void sk_sdk_extract_none(ss_plugin_extract_field *f)
{
	f->res_len = 0;
	f->res.str = NULL;
}

int sk_sdk_extract_list_begin(sk_sdk_extract_t *x)
{
	x->npend = 0;
	x->list_open = true;
	return 0;
}

static int pend_push(sk_sdk_extract_t *x, uint64_t v)
{
	uint64_t *np;
	size_t ncap;

	if (!x->list_open)
		return -EINVAL;
	if (x->npend == x->cap_pend) {
		ncap = x->cap_pend ? x->cap_pend * 2 : 16;
		np = realloc(x->pend, ncap * sizeof(*np));
		if (!np)
			return -ENOMEM;
		x->pend = np;
		x->cap_pend = ncap;
	}
	x->pend[x->npend++] = v;
	return 0;
}

int sk_sdk_extract_list_add_str_ref(sk_sdk_extract_t *x, const char *s)
{
	return pend_push(x, (uint64_t)(uintptr_t)s);
}

int sk_sdk_extract_list_add_str(sk_sdk_extract_t *x, const char *s, size_t len)
{
	char *d = arena_strdup(x, s, len);

	if (!d)
		return -ENOMEM;
	return pend_push(x, (uint64_t)(uintptr_t)d);
}

int sk_sdk_extract_list_add_u64(sk_sdk_extract_t *x, uint64_t v)
{
	return pend_push(x, v);
}

int sk_sdk_extract_list_add_bool(sk_sdk_extract_t *x, bool v)
{
	return pend_push(x, v ? 1 : 0);
}

/* The pending values are copied out in the representation the field's
 * declared type needs, so one pending vector serves every type. */
int sk_sdk_extract_list_end(sk_sdk_extract_t *x, ss_plugin_extract_field *f)
{
	size_t i, n = x->npend;

	if (!x->list_open)
		return -EINVAL;
	x->list_open = false;
	x->npend = 0;
	if (n == 0) {
		sk_sdk_extract_none(f);
		return 0;
	}
	switch (f->ftype) {
	case FTYPE_STRING: {
		const char **a = sk_sdk_extract_alloc(x, n * sizeof(*a));

		if (!a)
			return -ENOMEM;
		for (i = 0; i < n; i++)
			a[i] = (const char *)(uintptr_t)x->pend[i];
		f->res.str = a;
		break;
	}
	case FTYPE_BOOL: {
		ss_plugin_bool *a = sk_sdk_extract_alloc(x, n * sizeof(*a));

		if (!a)
			return -ENOMEM;
		for (i = 0; i < n; i++)
			a[i] = (ss_plugin_bool)x->pend[i];
		f->res.boolean = a;
		break;
	}
	case FTYPE_UINT64:
	case FTYPE_RELTIME:
	case FTYPE_ABSTIME: {
		uint64_t *a = sk_sdk_extract_alloc(x, n * sizeof(*a));

		if (!a)
			return -ENOMEM;
		memcpy(a, x->pend, n * sizeof(*a));
		f->res.u64 = a;
		break;
	}
	default:
		return -ENOTSUP;
	}
	f->res_len = n;
	return 0;
}

/* ---- JSON ------------------------------------------------------------------ */

/* Decodes one reference token (up to '/' or end) into buf; returns its
 * length or -1 for an invalid '~' escape. */
static long ptr_token(const char *s, size_t n, char *buf)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != '~') {
			buf[o++] = s[i];
			continue;
		}
		if (i + 1 >= n || (s[i + 1] != '0' && s[i + 1] != '1'))
			return -1;
		buf[o++] = s[i + 1] == '0' ? '~' : '/';
		i++;
	}
	buf[o] = '\0';
	return (long)o;
}

json_t *sk_sdk_json_pointer(json_t *root, const char *ptr)
{
	char stackbuf[256], *buf = stackbuf;
	const char *p = ptr, *e;
	json_t *cur = root;
	size_t n;
	long tl;

	if (!ptr)
		return NULL;
	if (*p == '/')
		p++;
	else if (*p == '\0')
		return root;
	if (strlen(p) >= sizeof(stackbuf)) {
		buf = malloc(strlen(p) + 1);
		if (!buf)
			return NULL;
	}
	for (;;) {
		e = strchr(p, '/');
		n = e ? (size_t)(e - p) : strlen(p);
		tl = ptr_token(p, n, buf);
		if (tl < 0) {
			cur = NULL;
			break;
		}
		if (json_is_object(cur)) {
			cur = json_object_getn(cur, buf, (size_t)tl);
		} else if (json_is_array(cur)) {
			char *end;
			unsigned long long idx;

			if (tl == 0 || (tl > 1 && buf[0] == '0') || buf[0] < '0' || buf[0] > '9') {
				cur = NULL;
				break;
			}
			idx = strtoull(buf, &end, 10);
			cur = *end ? NULL : json_array_get(cur, (size_t)idx);
		} else {
			cur = NULL;
		}
		if (!cur || !e)
			break;
		p = e + 1;
	}
	if (buf != stackbuf)
		free(buf);
	return cur;
}

struct dump_ctx {
	sk_sdk_extract_t *x;
	char *buf;
	size_t len, cap;
	bool oom;
};

static int dump_cb(const char *s, size_t n, void *data)
{
	struct dump_ctx *d = data;
	char *nb;
	size_t ncap;

	if (d->len + n + 1 > d->cap) {
		ncap = d->cap ? d->cap * 2 : 256;
		while (ncap < d->len + n + 1)
			ncap *= 2;
		nb = sk_sdk_extract_alloc(d->x, ncap);
		if (!nb) {
			d->oom = true;
			return -1;
		}
		if (d->len)
			memcpy(nb, d->buf, d->len);
		d->buf = nb;
		d->cap = ncap;
	}
	memcpy(d->buf + d->len, s, n);
	d->len += n;
	d->buf[d->len] = '\0';
	return 0;
}

const char *sk_sdk_json_text(sk_sdk_extract_t *x, const json_t *v, size_t *len)
{
	struct dump_ctx d = { .x = x };

	if (json_is_string(v)) {
		if (len)
			*len = json_string_length(v);
		return json_string_value(v);
	}
	if (json_dump_callback(v, dump_cb, &d, JSON_COMPACT | JSON_ENCODE_ANY) != 0 || d.oom)
		return NULL;
	if (!d.buf)
		return NULL;
	if (len)
		*len = d.len;
	return d.buf;
}
