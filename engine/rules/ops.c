/*
 * ops.c - comparison operators on typed values, IP/CIDR helpers, constant
 * string hash sets (big `in` lists) and the path-prefix table of pmatch.
 */
#include "cond_int.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- IP addresses ---------------------------------------------------- */

int sk__ip_parse(const char *s, bool allow_net, sk__ip_t *out)
{
	char buf[64];
	const char *slash = strchr(s, '/');
	size_t l = slash ? (size_t)(slash - s) : strlen(s);
	if (l == 0 || l >= sizeof(buf) || (slash && !allow_net))
		return -EINVAL;
	memcpy(buf, s, l);
	buf[l] = 0;
	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, buf, out->a) == 1) {
		out->fam = 4;
		out->prefix = 32;
	} else if (inet_pton(AF_INET6, buf, out->a) == 1) {
		out->fam = 6;
		out->prefix = 128;
	} else {
		return -EINVAL;
	}
	if (slash) {
		char *end;
		unsigned long p = strtoul(slash + 1, &end, 10);
		if (!slash[1] || *end || p > (out->fam == 4 ? 32u : 128u))
			return -EINVAL;
		out->prefix = (uint8_t)p;
	}
	return 0;
}

bool sk__ip_in_net(const sk__ip_t *addr, const sk__ip_t *net)
{
	if (addr->fam != net->fam)
		return false;
	unsigned full = net->prefix / 8, rem = net->prefix % 8;
	if (memcmp(addr->a, net->a, full))
		return false;
	if (rem) {
		uint8_t m = (uint8_t)(0xff << (8 - rem));
		if ((addr->a[full] & m) != (net->a[full] & m))
			return false;
	}
	return true;
}

bool sk__ip_eq(const sk__ip_t *a, const sk__ip_t *b)
{
	unsigned full = b->fam == 4 ? 32 : 128;
	if (b->prefix < full)
		return sk__ip_in_net(a, b);
	return a->fam == b->fam && memcmp(a->a, b->a, a->fam == 4 ? 4 : 16) == 0;
}

int sk__ip_format(const sk__ip_t *ip, char *buf, size_t len)
{
	if (!inet_ntop(ip->fam == 4 ? AF_INET : AF_INET6, ip->a, buf, (socklen_t)len))
		return -EINVAL;
	return 0;
}

/* ---- scalar comparisons ------------------------------------------------ */

static bool mem_icontains(const char *h, size_t hl, const char *n, size_t nl)
{
	if (nl == 0)
		return true;
	for (size_t i = 0; i + nl <= hl; i++)
		if (strncasecmp(h + i, n, nl) == 0)
			return true;
	return false;
}

static int bytes_cmp(const sk__rv_t *l, const sk__rv_t *r)
{
	size_t m = l->len < r->len ? l->len : r->len;
	int c = memcmp(l->p, r->p, m);
	if (c)
		return c;
	return l->len < r->len ? -1 : l->len > r->len;
}

bool sk__cmp(sk__op_t op, sk__vt_t vt, const sk__rv_t *l, const sk__rv_t *r,
	const sk__cnode_t *c, pcre2_match_data *md)
{
	switch (vt) {
	case SK__VT_STR:
	case SK__VT_BUF:
		switch (op) {
		case SK__OP_EQ:
		case SK__OP_IN:
		case SK__OP_INTERSECTS:
			return l->len == r->len && memcmp(l->p, r->p, l->len) == 0;
		case SK__OP_NE:
			return !(l->len == r->len && memcmp(l->p, r->p, l->len) == 0);
		case SK__OP_LT: return bytes_cmp(l, r) < 0;
		case SK__OP_LE: return bytes_cmp(l, r) <= 0;
		case SK__OP_GT: return bytes_cmp(l, r) > 0;
		case SK__OP_GE: return bytes_cmp(l, r) >= 0;
		case SK__OP_CONTAINS:
		case SK__OP_BCONTAINS:
			return r->len == 0 || memmem(l->p, l->len, r->p, r->len) != NULL;
		case SK__OP_ICONTAINS:
			return mem_icontains(l->p, l->len, r->p, r->len);
		case SK__OP_STARTSWITH:
		case SK__OP_BSTARTSWITH:
			return l->len >= r->len && memcmp(l->p, r->p, r->len) == 0;
		case SK__OP_ENDSWITH:
			return l->len >= r->len && memcmp(l->p + l->len - r->len, r->p, r->len) == 0;
		case SK__OP_GLOB:
			return vt == SK__VT_STR && fnmatch(r->p, l->p, 0) == 0;
		case SK__OP_IGLOB:
			return vt == SK__VT_STR && fnmatch(r->p, l->p, FNM_CASEFOLD) == 0;
		case SK__OP_REGEX:
			return c && c->re && md &&
			       pcre2_match(c->re, (PCRE2_SPTR)l->p, l->len, 0, 0, md, NULL) >= 0;
		default:
			return false;
		}
	case SK__VT_U64:
	case SK__VT_I64: {
		bool s = vt == SK__VT_I64;
		int64_t a = (int64_t)l->u, b = (int64_t)r->u;
		switch (op) {
		case SK__OP_EQ:
		case SK__OP_IN:
		case SK__OP_INTERSECTS: return l->u == r->u;
		case SK__OP_NE: return l->u != r->u;
		case SK__OP_LT: return s ? a < b : l->u < r->u;
		case SK__OP_LE: return s ? a <= b : l->u <= r->u;
		case SK__OP_GT: return s ? a > b : l->u > r->u;
		case SK__OP_GE: return s ? a >= b : l->u >= r->u;
		default: return false;
		}
	}
	case SK__VT_BOOL:
		if (op == SK__OP_NE)
			return (l->u != 0) != (r->u != 0);
		return (l->u != 0) == (r->u != 0);
	case SK__VT_IP:
	case SK__VT_NET:
		if (op == SK__OP_NE)
			return !sk__ip_eq(&l->ip, &r->ip);
		return sk__ip_eq(&l->ip, &r->ip);
	default:
		return false;
	}
}

/* ---- string hash set ----------------------------------------------------- */

static uint32_t hash_bytes(const char *p, uint32_t len)
{
	uint32_t h = 2166136261u;
	for (uint32_t i = 0; i < len; i++) {
		h ^= (uint8_t)p[i];
		h *= 16777619u;
	}
	return h;
}

sk__strset_t *sk__strset_new(const sk__rv_t *v, size_t n)
{
	sk__strset_t *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	size_t cap = 16;
	while (cap < n * 2 + 1)
		cap *= 2;
	s->slots = calloc(cap, sizeof(*s->slots));
	if (!s->slots) {
		free(s);
		return NULL;
	}
	s->mask = (uint32_t)(cap - 1);
	for (size_t i = 0; i < n; i++) {
		if (!v[i].p)
			continue;
		uint32_t h = hash_bytes(v[i].p, v[i].len) & s->mask;
		while (s->slots[h]) {
			if (s->slots[h]->len == v[i].len && !memcmp(s->slots[h]->p, v[i].p, v[i].len))
				break;
			h = (h + 1) & s->mask;
		}
		s->slots[h] = &v[i];
	}
	return s;
}

void sk__strset_free(sk__strset_t *s)
{
	if (!s)
		return;
	free(s->slots);
	free(s);
}

bool sk__strset_has(const sk__strset_t *s, const char *p, uint32_t len)
{
	uint32_t h = hash_bytes(p, len) & s->mask;
	while (s->slots[h]) {
		if (s->slots[h]->len == len && !memcmp(s->slots[h]->p, p, len))
			return true;
		h = (h + 1) & s->mask;
	}
	return false;
}

/* ---- pmatch ----------------------------------------------------------- */

static bool has_glob(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/* "/a//b/" -> "/a/b" (components joined, each preceded by '/'). */
static char *canon_path(const char *p, size_t len)
{
	char *o = malloc(len + 2);
	if (!o)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && p[i] == '/')
			i++;
		if (i >= len)
			break;
		o[k++] = '/';
		while (i < len && p[i] != '/')
			o[k++] = p[i++];
	}
	o[k] = 0;
	return o;
}

int sk__pmatch_build(sk__cnode_t *c)
{
	c->pmsetv = calloc(c->ncv ? c->ncv : 1, sizeof(*c->pmsetv));
	c->pm = calloc(c->ncv ? c->ncv : 1, sizeof(*c->pm));
	if (!c->pmsetv || !c->pm)
		return -ENOMEM;
	for (size_t i = 0; i < c->ncv; i++) {
		const char *pat = c->cv[i].p;
		if (!has_glob(pat)) {
			char *cp = canon_path(pat, strlen(pat));
			if (!cp)
				return -ENOMEM;
			c->pmsetv[i].p = cp;
			c->pmsetv[i].len = (uint32_t)strlen(cp);
			continue;
		}
		sk__pm_pat_t *pp = &c->pm[c->npm++];
		pp->wild = true;
		const char *s = pat;
		while (*s) {
			while (*s == '/')
				s++;
			if (!*s)
				break;
			const char *e = strchr(s, '/');
			size_t l = e ? (size_t)(e - s) : strlen(s);
			char **v = realloc(pp->comp, (pp->ncomp + 1) * sizeof(*v));
			if (!v)
				return -ENOMEM;
			pp->comp = v;
			if (!(v[pp->ncomp] = strndup(s, l)))
				return -ENOMEM;
			pp->ncomp++;
			s += l;
		}
	}
	c->pmset = sk__strset_new(c->pmsetv, c->ncv);
	return c->pmset ? 0 : -ENOMEM;
}

bool sk__pmatch(const sk__cnode_t *c, const char *path, uint32_t len)
{
	char stackbuf[512];
	char *heap = NULL;
	const char *p = path;
	size_t plen = len;
	/* canonical form, so every component prefix is a prefix of the string */
	bool canon = len > 0 && path[0] == '/' && !memmem(path, len, "//", 2) && path[len - 1] != '/';
	if (!canon) {
		if (len + 2 <= sizeof(stackbuf)) {
			size_t k = 0;
			for (size_t i = 0; i < len;) {
				while (i < len && path[i] == '/')
					i++;
				if (i >= len)
					break;
				stackbuf[k++] = '/';
				while (i < len && path[i] != '/')
					stackbuf[k++] = path[i++];
			}
			stackbuf[k] = 0;
			p = stackbuf;
			plen = k;
		} else {
			heap = canon_path(path, len);
			if (!heap)
				return false;
			p = heap;
			plen = strlen(heap);
		}
	}
	bool hit = sk__strset_has(c->pmset, "", 0); /* pattern "/" */
	for (size_t i = 1; i <= plen && !hit; i++)
		if (i == plen || p[i] == '/')
			hit = sk__strset_has(c->pmset, p, (uint32_t)i);
	for (size_t k = 0; k < c->npm && !hit; k++) {
		const sk__pm_pat_t *pp = &c->pm[k];
		size_t at = 0, ci = 0;
		bool ok = true;
		while (ci < pp->ncomp && ok) {
			if (at >= plen) {
				ok = false;
				break;
			}
			size_t s = at + 1, e = s;
			while (e < plen && p[e] != '/')
				e++;
			char comp[256];
			size_t l = e - s < sizeof(comp) - 1 ? e - s : sizeof(comp) - 1;
			memcpy(comp, p + s, l);
			comp[l] = 0;
			ok = fnmatch(pp->comp[ci], comp, 0) == 0;
			ci++;
			at = e;
		}
		hit = ok && ci == pp->ncomp && pp->ncomp > 0;
	}
	free(heap);
	return hit;
}

/* ---- sorted numbers and prefix tables ---------------------------------- */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int sk__numset_build(sk__cnode_t *c)
{
	c->nums = malloc((c->ncv ? c->ncv : 1) * sizeof(*c->nums));
	if (!c->nums)
		return -ENOMEM;
	for (size_t i = 0; i < c->ncv; i++)
		c->nums[i] = c->cv[i].u;
	qsort(c->nums, c->ncv, sizeof(*c->nums), cmp_u64);
	size_t k = 0;
	for (size_t i = 0; i < c->ncv; i++)
		if (!k || c->nums[k - 1] != c->nums[i])
			c->nums[k++] = c->nums[i];
	c->nnums = k;
	return 0;
}

bool sk__numset_has(const sk__cnode_t *c, uint64_t v)
{
	return bsearch(&v, c->nums, c->nnums, sizeof(v), cmp_u64) != NULL;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

int sk__prefix_build(sk__cnode_t *c)
{
	c->pfx = sk__strset_new(c->cv, c->ncv);
	c->pfxlen = malloc((c->ncv ? c->ncv : 1) * sizeof(*c->pfxlen));
	if (!c->pfx || !c->pfxlen)
		return -ENOMEM;
	for (size_t i = 0; i < c->ncv; i++)
		c->pfxlen[i] = c->cv[i].len;
	qsort(c->pfxlen, c->ncv, sizeof(*c->pfxlen), cmp_u32);
	size_t k = 0;
	for (size_t i = 0; i < c->ncv; i++)
		if (!k || c->pfxlen[k - 1] != c->pfxlen[i])
			c->pfxlen[k++] = c->pfxlen[i];
	c->npfxlen = k;
	size_t d = 0;
	for (uint32_t i = 0; i <= c->pfx->mask; i++)
		d += c->pfx->slots[i] != NULL;
	c->npfxdistinct = d;
	return 0;
}

uint32_t sk__prefix_hits(const sk__cnode_t *c, const char *s, uint32_t len)
{
	uint32_t hits = 0;
	for (size_t i = 0; i < c->npfxlen && c->pfxlen[i] <= len; i++)
		hits += sk__strset_has(c->pfx, s, c->pfxlen[i]);
	return hits;
}
