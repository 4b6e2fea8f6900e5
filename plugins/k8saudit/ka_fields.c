/* ka_fields.c - ka.* extraction: simple paths from the raw text, the rest from a tree. */
#include "ka_fields_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sk_sdk_util.h"

#define RO "requestObject"

void ka_extractor_init(ka_extractor_t *e)
{
	memset(e, 0, sizeof(*e));
	sk_sdk_extract_init(&e->x);
}

void ka_extractor_free(ka_extractor_t *e)
{
	if (!e)
		return;
	json_decref(e->root);
	sk_sdk_extract_free(&e->x);
	free(e->vals);
	memset(e, 0, sizeof(*e));
}

void ka_extract_begin(ka_extractor_t *e)
{
	sk_sdk_extract_reset(&e->x);
}

/* Only locates the payload and checks for an auditID; simple key paths are
 * then read straight from the text and the tree is built on demand. */
static void load_event(ka_extractor_t *e, const ss_plugin_event_input *ev)
{
	const uint8_t *pl;
	uint32_t len;
	sk_sdk_jval_t id;

	if (e->have && e->evtnum == ev->evtnum && e->evt == ev->evt && e->ts == ev->evt->ts &&
	    e->evtlen == ev->evt->len)
		return;
	json_decref(e->root);
	e->root = NULL;
	e->dom_tried = false;
	e->valid = false;
	e->have = true;
	e->evtnum = ev->evtnum;
	e->evt = ev->evt;
	e->ts = ev->evt->ts;
	e->evtlen = ev->evt->len;
	if (sk_sdk_event_payload(ev->evt, &pl, &len, NULL, NULL, 0) < 0 ||
	    sk_sdk_jscan_root((const char *)pl, len, &e->raw) < 0 || e->raw.t != SK_JT_OBJECT) {
		e->parse_errors++;
		return;
	}
	/* Events without an auditID are not audit events: no field has a value. */
	e->valid = sk_sdk_jscan_get(&e->raw, "auditID", 7, &id) == 0;
}

static bool load_dom(ka_extractor_t *e)
{
	if (!e->dom_tried) {
		e->dom_tried = true;
		e->root = json_loadb(e->raw.p, e->raw.n, 0, NULL);
		if (!e->root)
			e->parse_errors++;
	}
	return e->root != NULL;
}

static json_t *get_path(json_t *v, const char *const *path)
{
	size_t i;

	for (i = 0; v && i < 7 && path[i]; i++)
		v = json_is_object(v) ? json_object_get(v, path[i]) : NULL;
	return v;
}

static int push_val(ka_extractor_t *e, json_t *v)
{
	json_t **nv;
	size_t ncap;

	if (e->nvals == e->cap_vals) {
		ncap = e->cap_vals ? e->cap_vals * 2 : 32;
		nv = realloc(e->vals, ncap * sizeof(*nv));
		if (!nv)
			return -ENOMEM;
		e->vals = nv;
		e->cap_vals = ncap;
	}
	e->vals[e->nvals++] = v;
	return 0;
}

/* Walks `keys` from v; an array met before a key is expanded (every element,
 * or only element idx). A missing key inside an expanded element records a
 * NULL; a missing key on the direct path returns -ENOENT (no value). An
 * empty key stands for the element itself. */
static int values_rec(ka_extractor_t *e, json_t *v, int64_t idx, const char *const *keys,
	size_t nkeys)
{
	size_t i, j;
	int rc;

	for (i = 0; i < nkeys; i++) {
		if (json_is_array(v)) {
			if (idx < 0) {
				for (j = 0; j < json_array_size(v); j++) {
					rc = values_rec(e, json_array_get(v, j), idx, keys + i, nkeys - i);
					if (rc == -ENOENT)
						rc = push_val(e, NULL);
					if (rc < 0)
						return rc;
				}
				return 0;
			}
			v = json_array_get(v, (size_t)idx);
			if (!v)
				return -ENOENT;
		}
		if (keys[i][0])
			v = json_is_object(v) ? json_object_get(v, keys[i]) : NULL;
		if (!v)
			return -ENOENT;
	}
	return push_val(e, v);
}

static int collect(ka_extractor_t *e, int64_t idx, const char *const *path)
{
	size_t n = 0;

	while (n < 7 && path[n])
		n++;
	e->nvals = 0;
	return values_rec(e, e->root, idx, path, n);
}

static int add_text(ka_extractor_t *e, json_t *v)
{
	const char *t = sk_sdk_json_text(&e->x, v, NULL);

	return t ? sk_sdk_extract_list_add_str_ref(&e->x, t) : -ENOMEM;
}

static int set_text(ka_extractor_t *e, ss_plugin_extract_field *f, json_t *v)
{
	const char *t = sk_sdk_json_text(&e->x, v, NULL);

	return t ? sk_sdk_extract_str_ref(&e->x, f, t) : -ENOMEM;
}

/* Emits the collected values, skipping NULLs; strict mode voids the whole
 * field when any value is missing. */
static int emit_vals(ka_extractor_t *e, ss_plugin_extract_field *f, bool strict)
{
	size_t i;
	int rc;

	if (strict)
		for (i = 0; i < e->nvals; i++)
			if (!e->vals[i])
				return 0;
	sk_sdk_extract_list_begin(&e->x);
	for (i = 0; i < e->nvals; i++)
		if (e->vals[i] && (rc = add_text(e, e->vals[i])) < 0)
			return rc;
	return sk_sdk_extract_list_end(&e->x, f);
}

/* Query-string unescape ('+' is a space); -1 on a bad %-escape. */
static long unescape(const char *s, size_t n, char *out)
{
	size_t i, o = 0;
	int h, l;

	for (i = 0; i < n; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%') {
			if (i + 2 >= n || (h = sk_sdk_hexval((unsigned char)s[i + 1])) < 0 ||
				(l = sk_sdk_hexval((unsigned char)s[i + 2])) < 0)
				return -1;
			if (h == 0 && l == 0) {
				/* %00 stays as text: a NUL would cut the value short */
				memcpy(out + o, s + i, 3);
				o += 3;
			} else {
				out[o++] = (char)(h * 16 + l);
			}
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return (long)o;
}

static int kind_uri_param(ka_extractor_t *e, ss_plugin_extract_field *f)
{
	const char *s, *q, *end, *amp, *eq, *found = NULL;
	sk_sdk_jval_t u;
	char *kb, *vb;
	size_t n, fn = 0;
	long kl;

	if (!f->arg_key || sk_sdk_jscan_get(&e->raw, "requestURI", 10, &u) < 0 ||
	    u.t != SK_JT_STRING || !(s = sk_sdk_jscan_text(&e->x, &u, NULL)))
		return 0;
	q = strchr(s, '?');
	if (!q)
		return 0;
	q++;
	end = strchr(q, '#');
	if (!end)
		end = q + strlen(q);
	kb = sk_sdk_extract_alloc(&e->x, (size_t)(end - q) + 1);
	if (!kb)
		return -ENOMEM;
	while (q < end) {
		amp = memchr(q, '&', (size_t)(end - q));
		n = amp ? (size_t)(amp - q) : (size_t)(end - q);
		eq = memchr(q, '=', n);
		kl = unescape(q, eq ? (size_t)(eq - q) : n, kb);
		if (kl < 0)
			return 0; /* a malformed query voids the field, as upstream */
		if (!found && n > 0 && strcmp(kb, f->arg_key) == 0) {
			found = eq ? eq + 1 : q + n;
			fn = eq ? (size_t)(q + n - (eq + 1)) : 0;
		}
		q += n + (amp ? 1 : 0);
	}
	if (!found)
		return 0;
	vb = sk_sdk_extract_alloc(&e->x, fn + 1);
	if (!vb)
		return -ENOMEM;
	if (unescape(found, fn, vb) < 0)
		return 0;
	return sk_sdk_extract_str_ref(&e->x, f, vb);
}

static int kind_subjects(ka_extractor_t *e, const ka_row_t *r, ss_plugin_extract_field *f)
{
	json_t *subs = json_object_get(json_object_get(e->root, RO), "subjects"), *s;
	bool with_ns = r->path[0] != NULL;
	size_t i;
	int rc;

	if (!json_is_array(subs))
		return 0;
	sk_sdk_extract_list_begin(&e->x);
	json_array_foreach(subs, i, s) {
		json_t *kind = json_object_get(s, "kind"), *name = json_object_get(s, "name");
		const char *nt;

		if (!json_is_string(kind) || strcmp(json_string_value(kind), r->a) != 0 || !name)
			continue;
		nt = sk_sdk_json_text(&e->x, name, NULL);
		if (!nt)
			return -ENOMEM;
		if (with_ns) {
			json_t *ns = json_object_get(s, "namespace");
			const char *nst = ns ? sk_sdk_json_text(&e->x, ns, NULL) : "";
			size_t l1, l2;
			char *b;

			if (!nst)
				return -ENOMEM;
			l1 = strlen(nst);
			l2 = strlen(nt);
			b = sk_sdk_extract_alloc(&e->x, l1 + l2 + 2);
			if (!b)
				return -ENOMEM;
			memcpy(b, nst, l1);
			b[l1] = ':';
			memcpy(b + l1 + 1, nt, l2 + 1);
			nt = b;
		}
		if ((rc = sk_sdk_extract_list_add_str_ref(&e->x, nt)) < 0)
			return rc;
	}
	return sk_sdk_extract_list_end(&e->x, f);
}

static int collect_ctr(ka_extractor_t *e, int64_t idx, const char *ctr, const char *k1,
	const char *k2)
{
	const char *path[7] = { RO, "spec", ctr, k1, k2, NULL, NULL };

	return collect(e, idx, path);
}

/* repository = image up to the first ':' and then up to the first '@'. */
static const char *repo_of(ka_extractor_t *e, const char *img)
{
	size_t n = strcspn(img, ":");
	char *b;

	n = strcspn(img, "@") < n ? strcspn(img, "@") : n;
	b = sk_sdk_extract_alloc(&e->x, n + 1);
	if (!b)
		return NULL;
	memcpy(b, img, n);
	b[n] = '\0';
	return b;
}

static int kind_images(ka_extractor_t *e, const ka_row_t *r, int64_t idx,
	ss_plugin_extract_field *f, bool repo, bool first)
{
	const char *t;
	size_t i;
	int rc;

	rc = collect_ctr(e, first ? 0 : idx, r->a, "image", NULL);
	if (rc == -ENOENT || (rc == 0 && e->nvals == 0))
		return 0;
	if (rc < 0)
		return rc;
	for (i = 0; i < e->nvals; i++)
		if (!e->vals[i])
			return 0;
	if (!first)
		sk_sdk_extract_list_begin(&e->x);
	for (i = 0; i < e->nvals; i++) {
		t = sk_sdk_json_text(&e->x, e->vals[i], NULL);
		if (t && repo)
			t = repo_of(e, t);
		if (!t)
			return -ENOMEM;
		if (first)
			return sk_sdk_extract_str_ref(&e->x, f, t);
		if ((rc = sk_sdk_extract_list_add_str_ref(&e->x, t)) < 0)
			return rc;
	}
	return sk_sdk_extract_list_end(&e->x, f);
}

static int kind_any_priv(ka_extractor_t *e, ss_plugin_extract_field *f)
{
	size_t i;
	int rc = collect_ctr(e, -1, "containers", "securityContext", "privileged");

	if (rc == -ENOENT)
		return 0;
	if (rc < 0)
		return rc;
	for (i = 0; i < e->nvals; i++)
		if (e->vals[i] && json_is_true(e->vals[i]))
			return sk_sdk_extract_str_ref(&e->x, f, "true");
	return sk_sdk_extract_str_ref(&e->x, f, "false");
}

static int kind_host_ports(ka_extractor_t *e, const ka_row_t *r, int64_t idx,
	ss_plugin_extract_field *f)
{
	size_t i, j;
	json_t *p, *v;
	int rc = collect_ctr(e, idx, r->a, "ports", NULL);

	if (rc == -ENOENT)
		return 0;
	if (rc < 0)
		return rc;
	for (i = 0; i < e->nvals; i++)
		if (e->vals[i] && !json_is_array(e->vals[i]))
			return 0;
	sk_sdk_extract_list_begin(&e->x);
	for (i = 0; i < e->nvals; i++) {
		if (!e->vals[i])
			continue;
		json_array_foreach(e->vals[i], j, p) {
			v = json_object_get(p, "hostPort");
			if (!v)
				v = json_object_get(p, "containerPort");
			if (v && (rc = add_text(e, v)) < 0)
				return rc;
		}
	}
	return sk_sdk_extract_list_end(&e->x, f);
}

static int kind_eff(ka_extractor_t *e, const ka_row_t *r, int64_t idx, ss_plugin_extract_field *f)
{
	const char *pp[7] = { RO, "spec", "securityContext", r->path[0], NULL };
	json_t *pod = get_path(e->root, pp);
	const char *podv = "0";
	size_t i;
	int rc;

	if (pod && !(podv = sk_sdk_json_text(&e->x, pod, NULL)))
		return -ENOMEM;
	rc = collect_ctr(e, idx, r->a, "securityContext", r->path[0]);
	if (rc == -ENOENT) {
		/* containers without any securityContext still inherit the pod value */
		const char *cp[7] = { RO, "spec", r->a, "name", NULL };

		rc = collect(e, idx, cp);
		if (rc < 0)
			return rc == -ENOENT ? 0 : rc;
		for (i = 0; i < e->nvals; i++)
			e->vals[i] = NULL;
	}
	if (rc < 0)
		return rc;
	sk_sdk_extract_list_begin(&e->x);
	for (i = 0; i < e->nvals; i++) {
		rc = e->vals[i] ? add_text(e, e->vals[i]) : sk_sdk_extract_list_add_str_ref(&e->x, podv);
		if (rc < 0)
			return rc;
	}
	return sk_sdk_extract_list_end(&e->x, f);
}

/* collect(), then a list begun: 1 to fill it, 0 when the path is absent
 * (no value), a negative errno on failure. */
static int collect_list(ka_extractor_t *e, int64_t idx, const char *const *path)
{
	int rc = collect(e, idx, path);

	if (rc == -ENOENT)
		return 0;
	if (rc < 0)
		return rc;
	sk_sdk_extract_list_begin(&e->x);
	return 1;
}

static int kind_rules(ka_extractor_t *e, const ka_row_t *r, int64_t idx, ss_plugin_extract_field *f)
{
	const char *path[7] = { RO, "rules", r->a, NULL };
	size_t i, j;
	json_t *v;
	int rc = collect_list(e, idx, path);

	if (rc <= 0)
		return rc;
	for (i = 0; i < e->nvals; i++) {
		if (!json_is_array(e->vals[i]))
			continue;
		json_array_foreach(e->vals[i], j, v)
			if ((rc = add_text(e, v)) < 0)
				return rc;
	}
	return sk_sdk_extract_list_end(&e->x, f);
}

static int kind_vol_match(ka_extractor_t *e, const ka_row_t *r, ss_plugin_extract_field *f)
{
	const char *arg = f->arg_key, *t;
	size_t alen, i;
	bool prefix;
	int rc;

	if (!arg)
		return 0;
	rc = collect(e, -1, r->path);
	if (rc == -ENOENT)
		return 0;
	if (rc < 0)
		return rc;
	alen = strlen(arg);
	prefix = alen > 0 && arg[alen - 1] == '*';
	for (i = 0; i < e->nvals; i++) {
		if (!e->vals[i] || !(t = sk_sdk_json_text(&e->x, e->vals[i], NULL)))
			continue;
		if ((prefix && strncmp(t, arg, alen - 1) == 0) || strcmp(t, arg) == 0)
			return sk_sdk_extract_str_ref(&e->x, f, "true");
	}
	return sk_sdk_extract_str_ref(&e->x, f, "false");
}

static int kind_vol_type(ka_extractor_t *e, int64_t idx, ss_plugin_extract_field *f)
{
	static const char *const path[7] = { RO, "spec", "volumes", "", NULL };
	const char *key;
	size_t i;
	json_t *v;
	int rc = collect_list(e, idx, path);

	if (rc <= 0)
		return rc;
	for (i = 0; i < e->nvals; i++) {
		if (!json_is_object(e->vals[i]))
			continue;
		json_object_foreach(e->vals[i], key, v)
			if (strcmp(key, "name") != 0 &&
			    (rc = sk_sdk_extract_list_add_str_ref(&e->x, key)) < 0)
				return rc;
	}
	return sk_sdk_extract_list_end(&e->x, f);
}

static int raw_text(ka_extractor_t *e, const sk_sdk_jval_t *v, const char **out)
{
	*out = sk_sdk_jscan_text(&e->x, v, NULL);
	return *out ? 0 : -EINVAL;
}

/* Simple key paths straight from the text: most rule conditions only touch
 * these, so most events never get a tree. */
static int fast_keys(ka_extractor_t *e, const ka_row_t *r, bool is_list, ss_plugin_extract_field *f)
{
	sk_sdk_jval_t v, it = { 0 }, el;
	const char *t;
	int rc;

	if (sk_sdk_jscan_path(&e->raw, r->path, &v) < 0)
		return 0;
	if (!is_list)
		return raw_text(e, &v, &t) < 0 ? 0 : sk_sdk_extract_str_ref(&e->x, f, t);
	if (v.t != SK_JT_ARRAY)
		return 0;
	sk_sdk_extract_list_begin(&e->x);
	while ((rc = sk_sdk_jscan_next(&v, &it, &el)) == 1) {
		if (raw_text(e, &el, &t) < 0)
			return 0;
		if ((rc = sk_sdk_extract_list_add_str_ref(&e->x, t)) < 0)
			return rc;
	}
	return rc < 0 ? 0 : sk_sdk_extract_list_end(&e->x, f);
}

static int fast_pod_name(ka_extractor_t *e, ss_plugin_extract_field *f)
{
	sk_sdk_jval_t ref, res, sub, name;
	const char *t;

	if (sk_sdk_jscan_get(&e->raw, "objectRef", 9, &ref) < 0 ||
	    sk_sdk_jscan_get(&ref, "resource", 8, &res) < 0 || !sk_sdk_jscan_streq(&res, "pods") ||
	    sk_sdk_jscan_get(&ref, "name", 4, &name) < 0)
		return 0;
	if (sk_sdk_jscan_get(&ref, "subresource", 11, &sub) == 0 && !sk_sdk_jscan_streq(&sub, ""))
		return 0;
	return raw_text(e, &name, &t) < 0 ? 0 : sk_sdk_extract_str_ref(&e->x, f, t);
}

static int ka_extract_kind(ka_extractor_t *e, const ka_row_t *r, bool is_list, int64_t idx,
	ss_plugin_extract_field *f)
{
	static const char *const srcips[7] = { "sourceIPs", "", NULL };
	json_t *v, *el;
	size_t i;
	int rc;

	switch (r->kind) {
	case K_KEYS:
		return fast_keys(e, r, is_list, f);
	case K_POD_NAME:
		return fast_pod_name(e, f);
	case K_HAS_NAME:
		return sk_sdk_extract_str_ref(&e->x, f, "true");
	case K_URI_PARAM:
		return kind_uri_param(e, f);
	}
	if (!load_dom(e))
		return 0;
	switch (r->kind) {
	case K_KEYS:
		v = get_path(e->root, r->path);
		if (!v)
			return 0;
		if (!is_list)
			return set_text(e, f, v);
		if (!json_is_array(v))
			return 0;
		sk_sdk_extract_list_begin(&e->x);
		json_array_foreach(v, i, el)
			if ((rc = add_text(e, el)) < 0)
				return rc;
		return sk_sdk_extract_list_end(&e->x, f);
	case K_SUBJECTS:
		return kind_subjects(e, r, f);
	case K_VALUES:
	case K_SRCIPS:
		rc = collect(e, idx, r->kind == K_SRCIPS ? srcips : r->path);
		if (rc == -ENOENT)
			return 0;
		return rc < 0 ? rc : emit_vals(e, f, false);
	case K_IMAGES:
		return kind_images(e, r, idx, f, false, false);
	case K_REPOS:
		return kind_images(e, r, idx, f, true, false);
	case K_FIRST_IMG:
		return kind_images(e, r, idx, f, false, true);
	case K_FIRST_REPO:
		return kind_images(e, r, idx, f, true, true);
	case K_ANY_PRIV:
		return kind_any_priv(e, f);
	case K_HOST_PORTS:
		return kind_host_ports(e, r, idx, f);
	case K_EFF:
		return kind_eff(e, r, idx, f);
	case K_RULES:
		return kind_rules(e, r, idx, f);
	case K_VOL_MATCH:
		return kind_vol_match(e, r, f);
	case K_VOL_TYPE:
		return kind_vol_type(e, idx, f);
	}
	return -EINVAL;
}

int ka_extract(ka_extractor_t *e, const ss_plugin_event_input *ev, ss_plugin_extract_field *f)
{
	int64_t idx = (f->arg_present && f->arg_index != UINT64_MAX) ? (int64_t)f->arg_index : -1;
	const ka_row_t *r;

	sk_sdk_extract_none(f);
	if (f->field_id >= sk__ka_ndefs)
		return -EINVAL;
	load_event(e, ev);
	if (!e->valid)
		return 0;
	r = &sk__ka_defs[f->field_id].r;
	if (!(sk__ka_defs[f->field_id].f.arg & SK_SDK_ARG_INDEX))
		idx = -1;
	return ka_extract_kind(e, r, sk__ka_defs[f->field_id].f.is_list, idx, f);
}
