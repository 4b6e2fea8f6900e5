/* okta_fields.c - okta.* extraction from the raw JSON text, MFA counters. */
#include "okta_fields_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define DENY_PUSH "user.mfa.okta_verify.deny_push"
#define AUTH_MFA "user.authentication.auth_via_mfa"

size_t ok_fields_count(void)
{
	return sk__ok_ndefs;
}

const sk_sdk_field_t *ok_fields_table(void)
{
	static sk_sdk_field_t rows[64];
	static bool done;
	size_t i;

	/* Built once at load (constructor) before any concurrent use. */
	if (!done) {
		for (i = 0; i < sk__ok_ndefs && i < 64; i++)
			rows[i] = sk__ok_defs[i].f;
		done = true;
	}
	return rows;
}

char *ok_fields_json(void)
{
	char err[256];

	return sk_sdk_fields_json(ok_fields_table(), sk__ok_ndefs, err, sizeof(err));
}

int ok_extractor_init(ok_extractor_t *e, const char *org, size_t per_key, size_t max_keys,
	uint64_t ttl_s)
{
	memset(e, 0, sizeof(*e));
	sk_sdk_extract_init(&e->x);
	e->org = org;
	return sk__ok_mfa_init(&e->mfa, per_key, max_keys, ttl_s * 1000000000ULL);
}

void ok_extractor_free(ok_extractor_t *e)
{
	if (!e)
		return;
	sk_sdk_extract_free(&e->x);
	sk__ok_mfa_free(&e->mfa);
	memset(e, 0, sizeof(*e));
}

void ok_extract_begin(ok_extractor_t *e)
{
	sk_sdk_extract_reset(&e->x);
}

static void load_event(ok_extractor_t *e, const ss_plugin_event_input *ev)
{
	const uint8_t *pl;
	uint32_t len;

	if (e->have && e->evtnum == ev->evtnum && e->evt == ev->evt && e->ts == ev->evt->ts)
		return;
	e->have = true;
	e->evtnum = ev->evtnum;
	e->evt = ev->evt;
	e->ts = ev->evt->ts;
	e->valid = sk_sdk_event_payload(ev->evt, &pl, &len, NULL, NULL, 0) == 0 &&
		   sk_sdk_jscan_root((const char *)pl, len, &e->root) == 0 &&
		   e->root.t == SK_JT_OBJECT;
	e->mfa_series = -1;
	memset(&e->etype, 0, sizeof(e->etype));
	if (!e->valid)
		e->parse_errors++;
	else if (sk_sdk_jscan_get(&e->root, "eventType", 9, &e->etype) < 0)
		memset(&e->etype, 0, sizeof(e->etype));
}

static bool get(const sk_sdk_jval_t *from, const char *const *path, sk_sdk_jval_t *out)
{
	const char *p[6];
	size_t i;

	for (i = 0; i < 5 && path[i]; i++)
		p[i] = path[i];
	p[i] = NULL;
	return sk_sdk_jscan_path(from, p, out) == 0;
}

static int set_text(ok_extractor_t *e, ss_plugin_extract_field *f, const sk_sdk_jval_t *v)
{
	const char *t = sk_sdk_jscan_text(&e->x, v, NULL);

	if (!t) /* a malformed escape: no value rather than garbage */
		return 0;
	return sk_sdk_extract_str_ref(&e->x, f, t);
}

static uint64_t to_u64(ok_extractor_t *e, const sk_sdk_jval_t *v)
{
	const char *t;
	char *end;
	double d;

	if (v->t != SK_JT_NUMBER && v->t != SK_JT_STRING)
		return 0;
	t = sk_sdk_jscan_text(&e->x, v, NULL);
	if (!t)
		return 0;
	d = strtod(t, &end);
	if (end == t || *end || d < 0 || d > 1.8e19)
		return 0;
	return (uint64_t)d;
}

/* Last element of target[] whose type is `type`. */
static bool find_target(ok_extractor_t *e, const char *type, sk_sdk_jval_t *out)
{
	sk_sdk_jval_t arr, it = { 0 }, el, ty;
	bool found = false;

	if (sk_sdk_jscan_get(&e->root, "target", 6, &arr) < 0 || arr.t != SK_JT_ARRAY)
		return false;
	while (sk_sdk_jscan_next(&arr, &it, &el) == 1) {
		if (el.t == SK_JT_OBJECT && sk_sdk_jscan_get(&el, "type", 4, &ty) == 0 &&
		    sk_sdk_jscan_streq(&ty, type)) {
			*out = el;
			found = true;
		}
	}
	return found;
}

/* Which MFA series the event belongs to: 1 failure, 2 deny, 0 none. */
static int mfa_kind(ok_extractor_t *e)
{
	sk_sdk_jval_t r;
	static const char *const res[] = { "outcome", "result", NULL };

	if (e->mfa_series >= 0)
		return e->mfa_series;
	e->mfa_series = 0;
	if (sk_sdk_jscan_streq(&e->etype, DENY_PUSH))
		e->mfa_series = 2;
	else if (sk_sdk_jscan_streq(&e->etype, AUTH_MFA) &&
		 sk_sdk_jscan_path(&e->root, res, &r) == 0 && sk_sdk_jscan_streq(&r, "FAILURE"))
		e->mfa_series = 1;
	return e->mfa_series;
}

/* "<eventType>:<actor.id>" in the extraction arena. */
static const char *mfa_key(ok_extractor_t *e, int kind, size_t *klen)
{
	static const char *const aid[] = { "actor", "id", NULL };
	const char *type = kind == 2 ? DENY_PUSH : AUTH_MFA;
	sk_sdk_jval_t v;
	const char *id = "";
	size_t tl = strlen(type), il = 0;
	char *k;

	if (sk_sdk_jscan_path(&e->root, aid, &v) == 0 && v.t == SK_JT_STRING) {
		id = sk_sdk_jscan_text(&e->x, &v, &il);
		if (!id)
			id = "", il = 0;
	}
	k = sk_sdk_extract_alloc(&e->x, tl + il + 2);
	if (!k)
		return NULL;
	memcpy(k, type, tl);
	k[tl] = ':';
	memcpy(k + tl + 1, id, il);
	k[tl + 1 + il] = '\0';
	*klen = tl + 1 + il;
	return k;
}

/* Countries live in the same table under "geo:<actor>" (any sign-in) and
 * "geo:<actor>:<country>". A user's first sign-in has no history: not new. */
static int record_country(ok_extractor_t *e, uint64_t ts)
{
	static const char *const aid[] = { "actor", "id", NULL };
	static const char *const ctry[] = { "client", "geographicalContext", "country", NULL };
	sk_sdk_jval_t a, c;
	const char *as, *cs;
	size_t al, cl, ul;
	char *k;
	bool known_user, known_ctry;
	int rc;

	if (!sk_sdk_jscan_streq(&e->etype, "user.session.start"))
		return 0;
	e->geo_new = 0;
	if (sk_sdk_jscan_path(&e->root, aid, &a) < 0 || a.t != SK_JT_STRING ||
	    sk_sdk_jscan_path(&e->root, ctry, &c) < 0 || c.t != SK_JT_STRING ||
	    !(as = sk_sdk_jscan_text(&e->x, &a, &al)) || !(cs = sk_sdk_jscan_text(&e->x, &c, &cl)) ||
	    !cl)
		return 0;
	k = sk_sdk_extract_alloc(&e->x, al + cl + 7);
	if (!k)
		return -ENOMEM;
	memcpy(k, "geo:", 4);
	memcpy(k + 4, as, al);
	ul = 4 + al;
	k[ul] = ':';
	memcpy(k + ul + 1, cs, cl);
	known_user = sk__ok_mfa_count(&e->mfa, k, ul, ts, 0) >= 0;
	known_ctry = sk__ok_mfa_count(&e->mfa, k, ul + 1 + cl, ts, 0) >= 0;
	e->geo_new = known_user && !known_ctry;
	if ((rc = sk__ok_mfa_record(&e->mfa, k, ul, ts)) < 0)
		return rc;
	return sk__ok_mfa_record(&e->mfa, k, ul + 1 + cl, ts);
}

int ok_record_event(ok_extractor_t *e, const ss_plugin_event_input *ev)
{
	const char *k;
	size_t kl;
	int kind, rc;

	load_event(e, ev);
	if (e->recorded_any && e->recorded_evtnum == ev->evtnum)
		return 0;
	e->recorded_any = true;
	e->recorded_evtnum = ev->evtnum;
	e->geo_new = -1;
	if (!e->valid)
		return 0;
	if ((rc = record_country(e, ev->evt->ts)) < 0)
		return rc;
	if (!(kind = mfa_kind(e)))
		return 0;
	k = mfa_key(e, kind, &kl);
	if (!k)
		return -ENOMEM;
	return sk__ok_mfa_record(&e->mfa, k, kl, ev->evt->ts);
}

static int extract_mfa(ok_extractor_t *e, const ss_plugin_event_input *ev,
	ss_plugin_extract_field *f, int want)
{
	const char *k;
	size_t kl;
	int64_t n;
	int rc;

	if ((rc = ok_record_event(e, ev)) < 0)
		return rc;
	if (mfa_kind(e) != want)
		return 0;
	k = mfa_key(e, want, &kl);
	if (!k)
		return -ENOMEM;
	n = sk__ok_mfa_count(&e->mfa, k, kl, ev->evt->ts, f->arg_index * 1000000000ULL);
	return n < 0 ? 0 : sk_sdk_extract_u64(&e->x, f, (uint64_t)n);
}

static int extract_app(ok_extractor_t *e, ss_plugin_extract_field *f, const ok_row_t *r)
{
	sk_sdk_jval_t v;
	const char *t, *seg;
	size_t n;

	if (!get(&e->root, r->path, &v) || v.t != SK_JT_STRING)
		return 0;
	t = sk_sdk_jscan_text(&e->x, &v, NULL);
	if (!t || strncmp(t, "/app/", 5) != 0)
		return 0;
	seg = t + 5;
	n = strcspn(seg, "/");
	return sk_sdk_extract_str(&e->x, f, seg, n);
}

int ok_extract(ok_extractor_t *e, const ss_plugin_event_input *ev, ss_plugin_extract_field *f)
{
	const ok_row_t *r;
	sk_sdk_jval_t v, el, it = { 0 }, arr, dn;
	uint64_t i;

	f->res_len = 0;
	if (f->field_id >= sk__ok_ndefs)
		return 0;
	r = &sk__ok_defs[f->field_id].r;
	if (r->kind == OK_K_ORG)
		return sk_sdk_extract_str_ref(&e->x, f, e->org ? e->org : "");
	load_event(e, ev);
	if (!e->valid)
		return 0;
	switch (r->kind) {
	case OK_K_STR:
	case OK_K_STR_OPT:
		if (r->path[0] && !r->path[1] && strcmp(r->path[0], "eventType") == 0) {
			if (e->etype.t == SK_JT_NONE || e->etype.t == SK_JT_NULL)
				return sk_sdk_extract_str_ref(&e->x, f, "");
			return set_text(e, f, &e->etype);
		}
		if (!get(&e->root, r->path, &v) || v.t == SK_JT_NULL)
			return r->kind == OK_K_STR ? sk_sdk_extract_str_ref(&e->x, f, "") : 0;
		return set_text(e, f, &v);
	case OK_K_NUMTXT:
		if (!get(&e->root, r->path, &v) || v.t == SK_JT_NULL)
			return sk_sdk_extract_str_ref(&e->x, f, "0");
		return set_text(e, f, &v);
	case OK_K_U64:
		return sk_sdk_extract_u64(&e->x, f,
			get(&e->root, r->path, &v) ? to_u64(e, &v) : 0);
	case OK_K_APP:
		return extract_app(e, f, r);
	case OK_K_TARGET:
		if (!find_target(e, r->a, &el) || sk_sdk_jscan_get(&el, r->path[0],
			strlen(r->path[0]), &v) < 0 || v.t == SK_JT_NULL)
			return 0;
		return set_text(e, f, &v);
	case OK_K_TARGETS:
		if (sk_sdk_jscan_get(&e->root, "target", 6, &arr) < 0 || arr.t != SK_JT_ARRAY)
			return 0;
		for (i = 0; sk_sdk_jscan_next(&arr, &it, &el) == 1; i++) {
			if (i < f->arg_index)
				continue;
			if (el.t != SK_JT_OBJECT || sk_sdk_jscan_get(&el, "displayName", 11, &dn) < 0 ||
			    dn.t == SK_JT_NULL)
				return 0;
			return set_text(e, f, &dn);
		}
		return 0;
	case OK_K_MFA_FAIL:
		return extract_mfa(e, ev, f, 1);
	case OK_K_MFA_DENY:
		return extract_mfa(e, ev, f, 2);
	case OK_K_NEWCTRY:
		if (ok_record_event(e, ev) < 0)
			return -ENOMEM;
		return e->geo_new < 0 ? 0 : sk_sdk_extract_str_ref(&e->x, f,
			e->geo_new ? "true" : "false");
	}
	return 0;
}
