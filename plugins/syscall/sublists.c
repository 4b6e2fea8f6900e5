/* sublists.c - args/env/cgroups entries mirrored from a thread's strings
 * (see sublists.h). */
#include "sublists.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

sk_lentry_t *sk_lentry_new(void)
{
	sk_lentry_t *e = calloc(1, sizeof(*e));
	if (e)
		e->detached = true;
	return e;
}

void sk_lentry_free(sk_lentry_t *e)
{
	if (!e)
		return;
	free(e->a);
	free(e->b);
	sk_dynvals_free(e->dyn);
	free(e);
}

static void drop_entries(sk_sublist_t *l)
{
	for (uint32_t i = 0; i < l->n; i++)
		sk_lentry_free(l->v[i]);
	l->n = 0;
}

void sk_sublist_free(sk_sublist_t *l)
{
	if (!l)
		return;
	drop_entries(l);
	free(l->v);
	free(l->snap);
	free(l);
}

static int room(sk_sublist_t *l)
{
	if (l->n < l->cap)
		return 0;
	if (l->n >= SK_SUBLIST_MAX_ENTRIES)
		return -E2BIG;
	uint32_t nc = l->cap ? l->cap * 2 : 8;
	if (nc > SK_SUBLIST_MAX_ENTRIES)
		nc = SK_SUBLIST_MAX_ENTRIES;
	sk_lentry_t **v = realloc(l->v, nc * sizeof(*v));
	if (!v)
		return -ENOMEM;
	l->v = v;
	l->cap = nc;
	return 0;
}

static int snapshot(sk_sublist_t *l, const char *buf, uint32_t len)
{
	char *s = malloc((size_t)len + 1);
	if (!s)
		return -ENOMEM;
	if (len)
		memcpy(s, buf, len);
	s[len] = 0;
	free(l->snap);
	l->snap = s;
	l->snap_len = len;
	return 0;
}

/* "subsys=path", or "name=systemd=/x" for a named hierarchy (the path
 * starts at the "=/"). */
static int split_pair(sk_lentry_t *e, const char *s)
{
	const char *eq = strstr(s, "=/");
	if (!eq)
		eq = strchr(s, '=');
	size_t n = eq ? (size_t)(eq - s) : strlen(s);
	e->a = strndup(s, n);
	e->b = strdup(eq ? eq + 1 : "");
	return e->a && e->b ? 0 : -ENOMEM;
}

static int rebuild(sk_sublist_t *l, const char *buf, uint32_t len, bool pairs)
{
	drop_entries(l);
	for (uint32_t off = 0; buf && off < len;) {
		size_t sl = strnlen(buf + off, len - off);
		if (sl == 0 && off + 1 >= len)
			break; /* trailing NUL */
		int rc = room(l);
		if (rc == -E2BIG)
			break; /* the rest is not mirrored (counted nowhere: strings stay whole) */
		sk_lentry_t *e = rc ? NULL : calloc(1, sizeof(*e));
		if (!e || (pairs ? split_pair(e, buf + off) : !(e->a = strndup(buf + off, sl)))) {
			sk_lentry_free(e);
			drop_entries(l);
			return -ENOMEM;
		}
		l->v[l->n++] = e;
		off += (uint32_t)sl + 1;
	}
	return snapshot(l, buf, len);
}

bool sk_sublist_current(const sk_sublist_t *l, const char *buf, uint32_t len)
{
	if (!buf)
		len = 0;
	return l && l->snap && l->snap_len == len && (!len || !memcmp(l->snap, buf, len));
}

int sk_sublist_sync(sk_sublist_t **lp, const char *buf, uint32_t len, bool pairs)
{
	sk_sublist_t *l = *lp;
	if (!buf)
		len = 0;
	if (sk_sublist_current(l, buf, len))
		return 0;
	if (!l && !(l = *lp = calloc(1, sizeof(*l))))
		return -ENOMEM;
	return rebuild(l, buf, len, pairs);
}

int sk_sublist_store(sk_sublist_t *l, char **buf, uint32_t *len, bool pairs)
{
	size_t total = 0;
	for (uint32_t i = 0; i < l->n; i++)
		total += strlen(l->v[i]->a) + 1 +
			(pairs ? (l->v[i]->b ? strlen(l->v[i]->b) : 0) + 1 : 0);
	if (total > UINT32_MAX - 1)
		return -E2BIG;
	char *out = malloc(total + 1);
	if (!out)
		return -ENOMEM;
	size_t o = 0;
	for (uint32_t i = 0; i < l->n; i++) {
		size_t la = strlen(l->v[i]->a);
		memcpy(out + o, l->v[i]->a, la);
		o += la;
		if (pairs) {
			const char *b = l->v[i]->b ? l->v[i]->b : "";
			size_t lb = strlen(b);
			out[o++] = '=';
			memcpy(out + o, b, lb);
			o += lb;
		}
		out[o++] = 0;
	}
	out[o] = 0;
	if (snapshot(l, out, (uint32_t)o)) {
		free(out);
		return -ENOMEM;
	}
	free(*buf);
	*buf = out;
	*len = (uint32_t)o;
	return 0;
}

sk_lentry_t *sk_sublist_add(sk_sublist_t *l, uint64_t key, sk_lentry_t *e)
{
	if (!e || !e->detached || key > l->n)
		return NULL;
	/* An entry added without its value written reads "" (libsinsp's
	 * default-constructed string). */
	if (!e->a && !(e->a = strdup("")))
		return NULL;
	if (key == l->n) {
		if (room(l))
			return NULL;
		l->n++;
	} else {
		sk_lentry_free(l->v[key]);
	}
	e->detached = false;
	l->v[key] = e;
	return e;
}

bool sk_sublist_erase(sk_sublist_t *l, uint64_t key)
{
	if (key >= l->n)
		return false;
	sk_lentry_free(l->v[key]);
	memmove(&l->v[key], &l->v[key + 1], (l->n - key - 1) * sizeof(l->v[0]));
	l->n--;
	return true;
}

void sk_sublist_clear(sk_sublist_t *l)
{
	drop_entries(l);
}
