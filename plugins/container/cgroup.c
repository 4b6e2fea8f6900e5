/* cgroup.c - container id and runtime type from cgroup paths. */
#include "cgroup.h"

#include <string.h>

#define HEX_ID_LEN 64

typedef struct span {
	const char *p;
	size_t n;
} span_t;

static int is_hex_id(const char *p, size_t n)
{
	if (n != HEX_ID_LEN)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return 0;
	}
	return 1;
}

static int starts(span_t s, const char *pfx)
{
	size_t n = strlen(pfx);
	return s.n >= n && memcmp(s.p, pfx, n) == 0;
}

static int eq(span_t s, const char *lit)
{
	return s.n == strlen(lit) && memcmp(s.p, lit, s.n) == 0;
}

/* "<prefix><64 hex>" optionally followed by ".scope". */
static int prefixed_id(span_t c, const char *prefix, span_t *id)
{
	size_t pl = strlen(prefix);
	if (c.n < pl || memcmp(c.p, prefix, pl) != 0)
		return 0;
	span_t rest = {c.p + pl, c.n - pl};
	if (rest.n > 6 && memcmp(rest.p + rest.n - 6, ".scope", 6) == 0)
		rest.n -= 6;
	if (!is_hex_id(rest.p, rest.n))
		return 0;
	*id = rest;
	return 1;
}

/* One row per "<prefix><id>[.scope]" component form. Order matters only
 * where prefixes overlap (cri-containerd- before any shorter form). */
static const struct {
	const char *prefix;
	sk_ctr_type_t type;
} k_prefixed[] = {
	{"docker-", SK_CTR_DOCKER},
	{"libpod-", SK_CTR_PODMAN},
	{"crio-", SK_CTR_CRIO},
	{"cri-containerd-", SK_CTR_CONTAINERD},
	{"nerdctl-", SK_CTR_CONTAINERD},
};

static void set_ref(sk_ctr_ref_t *out, sk_ctr_type_t t, span_t id)
{
	size_t n = id.n < SK_CTR_ID_MAX - 1 ? id.n : SK_CTR_ID_MAX - 1;
	out->type = t;
	memcpy(out->full_id, id.p, n);
	out->full_id[n] = '\0';
}

#define MAX_COMPONENTS 64

static int match_path(span_t path, sk_ctr_ref_t *out)
{
	span_t comp[MAX_COMPONENTS];
	size_t nc = 0;
	size_t i = 0;
	while (i < path.n && nc < MAX_COMPONENTS) {
		while (i < path.n && path.p[i] == '/')
			i++;
		size_t st = i;
		while (i < path.n && path.p[i] != '/')
			i++;
		if (i > st) {
			comp[nc].p = path.p + st;
			comp[nc].n = i - st;
			nc++;
		}
	}
	for (size_t k = nc; k-- > 0;) {
		span_t c = comp[k], id;
		for (size_t r = 0; r < sizeof(k_prefixed) / sizeof(k_prefixed[0]); r++) {
			if (prefixed_id(c, k_prefixed[r].prefix, &id)) {
				set_ref(out, k_prefixed[r].type, id);
				return 1;
			}
		}
		if (is_hex_id(c.p, c.n)) {
			/* A bare id: its ancestors tell the runtime. */
			sk_ctr_type_t t = SK_CTR_CONTAINERD; /* /<namespace>/<id> */
			for (size_t a = 0; a < k; a++) {
				if (eq(comp[a], "docker")) {
					t = SK_CTR_DOCKER;
					break;
				}
				if (eq(comp[a], "libpod_parent")) {
					t = SK_CTR_PODMAN;
					break;
				}
				if (starts(comp[a], "kubepods")) {
					t = SK_CTR_CRI;
					break;
				}
			}
			set_ref(out, t, c);
			return 1;
		}
		if (starts(c, "lxc.payload.") && c.n > 12) {
			span_t name = {c.p + 12, c.n - 12};
			set_ref(out, SK_CTR_LXC, name);
			return 1;
		}
		if (k > 0 && (eq(comp[k - 1], "lxc") || eq(comp[k - 1], "lxc.payload")) &&
		    k == nc - 1) {
			set_ref(out, SK_CTR_LXC, c);
			return 1;
		}
	}
	return 0;
}

/* The path part of one item: "N:controllers:path", "controller=path" or a
 * bare path. */
static span_t item_path(span_t item)
{
	const char *c1 = memchr(item.p, ':', item.n);
	if (c1) {
		int digits = c1 > item.p;
		for (const char *q = item.p; q < c1; q++)
			digits &= (*q >= '0' && *q <= '9');
		const char *c2 = digits ? memchr(c1 + 1, ':', item.n - (size_t)(c1 + 1 - item.p)) : NULL;
		if (c2) {
			span_t s = {c2 + 1, item.n - (size_t)(c2 + 1 - item.p)};
			return s;
		}
	}
	const char *slash = memchr(item.p, '/', item.n);
	const char *eqs = memchr(item.p, '=', item.n);
	if (eqs && (!slash || eqs < slash)) {
		span_t s = {eqs + 1, item.n - (size_t)(eqs + 1 - item.p)};
		return s;
	}
	return item;
}

int sk_ctr_from_cgroups(const char *text, size_t len, sk_ctr_ref_t *out)
{
	out->type = SK_CTR_HOST;
	out->full_id[0] = '\0';
	if (!text)
		return 0;
	size_t i = 0;
	while (i < len && text[i]) {
		size_t st = i;
		while (i < len && text[i] && text[i] != '\n' && text[i] != ' ')
			i++;
		span_t item = {text + st, i - st};
		if (item.n > 0 && match_path(item_path(item), out))
			return 1;
		if (i < len && text[i])
			i++;
	}
	out->type = SK_CTR_HOST;
	out->full_id[0] = '\0';
	return 0;
}

const char *sk_ctr_type_name(sk_ctr_type_t t)
{
	switch (t) {
	case SK_CTR_DOCKER: return "docker";
	case SK_CTR_PODMAN: return "podman";
	case SK_CTR_CRIO: return "cri-o";
	case SK_CTR_CONTAINERD: return "containerd";
	case SK_CTR_CRI: return "cri";
	case SK_CTR_LXC: return "lxc";
	case SK_CTR_HOST: break;
	}
	return "";
}

void sk_ctr_short_id(const sk_ctr_ref_t *r, char *out)
{
	if (r->type == SK_CTR_HOST || !r->full_id[0]) {
		memcpy(out, "host", 5);
		return;
	}
	size_t n = strlen(r->full_id);
	if (r->type != SK_CTR_LXC && n > SK_CTR_SHORT_ID_LEN)
		n = SK_CTR_SHORT_ID_LEN;
	memcpy(out, r->full_id, n);
	out[n] = '\0';
}
