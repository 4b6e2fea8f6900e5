/* loader_text.c - texts that remember their YAML origin, Falco's value
 * quoting and textual list substitution. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "loader_int.h"

void sk__text_free(sk__text_t *t)
{
	if (!t)
		return;
	free(t->s);
	free(t->pieces);
	memset(t, 0, sizeof(*t));
}

static int add_piece(sk__text_t *t, const sk__src_t *src, const sk__ynode_t *n)
{
	if (sk__grow(&t->pieces, t->npieces, sizeof(*t->pieces)))
		return -ENOMEM;
	sk__piece_t *p = &t->pieces[t->npieces++];
	p->text_off = t->len;
	p->src = src;
	p->style = n->style;
	p->src_off = n->off;
	p->line = n->line;
	p->col = n->col;
	p->fixed = false;
	return 0;
}

int sk__text_mark(sk__text_t *t, const sk__src_t *src, uint32_t line, uint32_t col)
{
	sk__ynode_t n = { .line = line, .col = col };
	if (add_piece(t, src, &n))
		return -ENOMEM;
	t->pieces[t->npieces - 1].fixed = true;
	return 0;
}

int sk__text_append_raw(sk__text_t *t, const char *s, size_t len)
{
	char *ns = realloc(t->s, t->len + len + 1);
	if (!ns)
		return -ENOMEM;
	memcpy(ns + t->len, s, len);
	t->s = ns;
	t->len += len;
	t->s[t->len] = '\0';
	return 0;
}

int sk__text_set_scalar(sk__text_t *t, const sk__src_t *src, const sk__ynode_t *n)
{
	sk__text_free(t);
	return sk__text_append_scalar(t, NULL, src, n);
}

int sk__text_append_scalar(sk__text_t *t, const char *sep, const sk__src_t *src,
	const sk__ynode_t *n)
{
	if (sep && sk__text_append_raw(t, sep, strlen(sep)))
		return -ENOMEM;
	if (add_piece(t, src, n))
		return -ENOMEM;
	const char *s = n->s ? n->s : "";
	return sk__text_append_raw(t, s, strlen(s));
}

int sk__text_copy(sk__text_t *dst, const sk__text_t *src)
{
	memset(dst, 0, sizeof(*dst));
	if (src->s && !(dst->s = strdup(src->s)))
		return -ENOMEM;
	dst->len = src->len;
	if (src->npieces) {
		dst->pieces = malloc(sk__grow_cap(src->npieces) * sizeof(*dst->pieces));
		if (!dst->pieces) {
			sk__text_free(dst);
			return -ENOMEM;
		}
		memcpy(dst->pieces, src->pieces, src->npieces * sizeof(*dst->pieces));
		dst->npieces = src->npieces;
	}
	return 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The non-blank characters of a scalar's value appear in its source in the
 * same order for plain and block scalars (and, escapes aside, for quoted
 * ones): count them to find where a value offset sits in the file. */
void sk__text_locate(const sk__text_t *t, size_t off, const char **file, uint32_t *line,
	uint32_t *col)
{
	*file = NULL;
	*line = *col = 0;
	if (!t || !t->npieces)
		return;
	const sk__piece_t *p = &t->pieces[0];
	for (size_t i = 1; i < t->npieces; i++)
		if (t->pieces[i].text_off <= off)
			p = &t->pieces[i];
	*line = p->line;
	*col = p->col;
	if (!p->src)
		return;
	*file = p->src->name;
	if (p->fixed)
		return;
	if (off > t->len)
		off = t->len;
	size_t m = 0;
	for (size_t i = p->text_off; i < off; i++)
		m += !is_blank(t->s[i]);

	const char *b = p->src->buf;
	size_t len = p->src->len, s = p->src_off;
	if (p->style == SK_YS_SQUOTED || p->style == SK_YS_DQUOTED) {
		s++;
	} else if (p->style == SK_YS_LITERAL || p->style == SK_YS_FOLDED) {
		while (s < len && b[s] != '\n')
			s++;
	}
	size_t seen = 0;
	while (s < len) {
		if (!is_blank(b[s])) {
			if (seen == m)
				break;
			seen++;
		}
		s++;
	}
	if (s >= len)
		s = len ? len - 1 : 0;
	uint32_t l = p->line;
	size_t ls = p->src_off;
	/* line start of the node itself */
	while (ls > 0 && b[ls - 1] != '\n')
		ls--;
	for (size_t i = p->src_off; i < s; i++)
		if (b[i] == '\n') {
			l++;
			ls = i + 1;
		}
	*line = l;
	uint32_t c = 1;
	for (size_t i = ls; i < s; i++)
		if (((unsigned char)b[i] & 0xC0) != 0x80)
			c++;
	*col = c;
}

char *sk__quote_value(const char *s)
{
	if (strchr(s, ' ') && s[0] != '"' && s[0] != '\'') {
		size_t l = strlen(s);
		char *r = malloc(l + 3);
		if (!r)
			return NULL;
		r[0] = '"';
		memcpy(r + 1, s, l);
		r[l + 1] = '"';
		r[l + 2] = '\0';
		return r;
	}
	return strdup(s);
}

static bool is_delim(char c)
{
	return is_blank(c) || c == '(' || c == ')' || c == ',' || c == '=';
}

typedef struct sbuf {
	char *s;
	size_t *map;
	size_t len, cap;
	bool oom;
} sbuf_t;

static void sb_put(sbuf_t *b, const char *s, size_t n, const size_t *map, size_t fixed)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t nc = b->cap ? b->cap : 64;
		while (nc < b->len + n + 1)
			nc *= 2;
		char *ns = realloc(b->s, nc);
		if (ns)
			b->s = ns;
		size_t *nm = realloc(b->map, nc * sizeof(size_t));
		if (nm)
			b->map = nm;
		if (!ns || !nm) {
			b->oom = true;
			return;
		}
		b->cap = nc;
	}
	memcpy(b->s + b->len, s, n);
	for (size_t i = 0; i < n; i++)
		b->map[b->len + i] = map ? map[i] : fixed;
	b->len += n;
	b->s[b->len] = '\0';
}

/* One pass for one list over (cur, curmap), building the result in one
 * buffer: rebuilding the whole text at every occurrence was quadratic.
 * The result is the same as replacing occurrences one at a time, left to
 * right, resuming after each replacement. */
static int subst_one(char **cur, size_t **curmap, size_t *curlen, const sk__listdef_t *l,
	bool *used, size_t max)
{
	size_t nlen = strlen(l->name);
	if (nlen == 0 || !strstr(*cur, l->name))
		return 0;
	/* replacement text (items were quoted when the list was expanded) */
	sbuf_t sub = { 0 };
	for (size_t i = 0; i < l->nitems && sub.len <= max; i++) {
		if (i)
			sb_put(&sub, ", ", 2, NULL, 0);
		sb_put(&sub, l->items[i], strlen(l->items[i]), NULL, 0);
	}
	if (sub.oom)
		goto oom;
	if (sub.len > max)
		goto big;
	const char *sb = sub.s ? sub.s : "";
	const char *c = *cur;
	const size_t *cm = *curmap;
	size_t len = *curlen, pos = 0, start = 0;
	sbuf_t nb = { 0 };
	bool hit_any = false;
	const char *hit;
	while ((hit = strstr(c + start, l->name)) != NULL) {
		size_t b = (size_t)(hit - c), e = b + nlen;
		/* the character before the hit in the text as rewritten so far */
		bool prev_delim = b > pos ? is_delim(c[b - 1]) : nb.len ? is_delim(nb.s[nb.len - 1]) : true;
		if (!(prev_delim && (e >= len || is_delim(c[e])))) {
			start = b + 1;
			continue;
		}
		size_t origin = cm[b];
		sb_put(&nb, c + pos, b - pos, cm + pos, 0);
		while (nb.len > 0 && is_blank(nb.s[nb.len - 1]))
			nb.len--;
		while (e < len && is_blank(c[e]))
			e++;
		if (sub.len == 0) {
			if (nb.len > 0 && nb.s[nb.len - 1] == ',')
				nb.len--;
			else if (e < len && c[e] == ',')
				e++;
		}
		if (nb.len > 0)
			sb_put(&nb, " ", 1, NULL, origin);
		sb_put(&nb, sb, sub.len, NULL, origin);
		sb_put(&nb, " ", 1, NULL, origin);
		if (nb.oom)
			goto oom_nb;
		if (nb.len > max) {
			free(nb.s);
			free(nb.map);
			goto big;
		}
		hit_any = true;
		pos = start = e;
		if (start >= len)
			break;
	}
	if (!hit_any) {
		free(sub.s);
		free(sub.map);
		return 0;
	}
	sb_put(&nb, c + pos, len - pos, cm + pos, 0);
	/* keep the end-of-text mapping entry */
	sb_put(&nb, "", 0, NULL, 0);
	if (nb.oom)
		goto oom_nb;
	nb.map[nb.len] = cm[len];
	free(*cur);
	free(*curmap);
	*cur = nb.s;
	*curmap = nb.map;
	*curlen = nb.len;
	*used = true;
	free(sub.s);
	free(sub.map);
	return nb.len > max ? -E2BIG : 0;
oom_nb:
	free(nb.s);
	free(nb.map);
oom:
	free(sub.s);
	free(sub.map);
	return -ENOMEM;
big:
	free(sub.s);
	free(sub.map);
	return -E2BIG;
}

char *sk__subst_lists(const char *in, const sk__listdef_t *lists, size_t nlists, bool *used,
	size_t max, bool *too_big, size_t **map, size_t *outlen)
{
	size_t len = strlen(in);
	char *cur = strdup(in);
	size_t *cmap = malloc((len + 1) * sizeof(size_t));
	if (too_big)
		*too_big = false;
	if (!cur || !cmap) {
		free(cur);
		free(cmap);
		return NULL;
	}
	for (size_t i = 0; i <= len; i++)
		cmap[i] = i;
	for (size_t i = 0; i < nlists; i++) {
		bool u = false;
		int rc = subst_one(&cur, &cmap, &len, &lists[i], &u, max ? max : (size_t)-1);
		if (rc) {
			if (rc == -E2BIG && too_big)
				*too_big = true;
			free(cur);
			free(cmap);
			return NULL;
		}
		if (u && used)
			used[i] = true;
	}
	if (map)
		*map = cmap;
	else
		free(cmap);
	if (outlen)
		*outlen = len;
	return cur;
}

/* ---- name index --------------------------------------------------------- */

static uint64_t name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static size_t find_slot(const sk__nameidx_t *h, const char *key)
{
	size_t i = (size_t)name_hash(key) & (h->cap - 1);
	while (h->keys[i] && strcmp(h->keys[i], key))
		i = (i + 1) & (h->cap - 1);
	return i;
}

int sk__nameidx_put(sk__nameidx_t *h, const char *key, size_t val)
{
	if ((h->n + 1) * 2 > h->cap) {
		sk__nameidx_t g = { 0 };
		g.cap = h->cap ? h->cap * 2 : 16;
		g.keys = calloc(g.cap, sizeof(*g.keys));
		g.vals = calloc(g.cap, sizeof(*g.vals));
		if (!g.keys || !g.vals) {
			free(g.keys);
			free(g.vals);
			return -ENOMEM;
		}
		for (size_t i = 0; i < h->cap; i++) {
			if (!h->keys[i])
				continue;
			size_t s = find_slot(&g, h->keys[i]);
			g.keys[s] = h->keys[i];
			g.vals[s] = h->vals[i];
		}
		g.n = h->n;
		sk__nameidx_free(h);
		*h = g;
	}
	size_t s = find_slot(h, key);
	if (!h->keys[s])
		h->n++;
	h->keys[s] = key;
	h->vals[s] = val;
	return 0;
}

bool sk__nameidx_get(const sk__nameidx_t *h, const char *key, size_t *val)
{
	if (!h->cap)
		return false;
	size_t s = find_slot(h, key);
	if (!h->keys[s])
		return false;
	*val = h->vals[s];
	return true;
}

void sk__nameidx_free(sk__nameidx_t *h)
{
	if (!h)
		return;
	free(h->keys);
	free(h->vals);
	memset(h, 0, sizeof(*h));
}
