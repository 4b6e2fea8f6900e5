/* gh_delivery.c - one webhook request: checks, ping, de-dup, scans, queue. */
#include "gh_delivery.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "sk_plugin_sdk.h"

#define JSON_CT "application/json"
#define FORM_CT "application/x-www-form-urlencoded"

int gh_receiver_init(gh_receiver_t *r, const gh_config_t *cfg, gh_counters_t *c, sk_sdk_queue_t *q,
	gh_api_t *api, const gh_scan_t *scan)
{
	memset(r, 0, sizeof(*r));
	r->cfg = cfg;
	r->c = c;
	r->q = q;
	r->api = api;
	r->scan = scan;
#ifdef GH_BENCH_NO_VERIFY
	r->verify = false;
#else
	r->verify = true;
#endif
	if (gh_verifier_init(&r->verifier, cfg->secrets, cfg->nsecrets) < 0)
		return -ENOMEM;
	if (gh_dedup_init(&r->dedup, (size_t)cfg->dedup_window) < 0) {
		gh_verifier_free(&r->verifier);
		return -ENOMEM;
	}
	return 0;
}

void gh_receiver_destroy(gh_receiver_t *r)
{
	if (!r)
		return;
	gh_dedup_destroy(&r->dedup);
	gh_verifier_free(&r->verifier);
}

static bool ctype_is(const char *ct, const char *want)
{
	size_t n = strlen(want);

	return ct && strncasecmp(ct, want, n) == 0 && (ct[n] == '\0' || ct[n] == ';' ||
		ct[n] == ' ');
}

unsigned gh_receiver_precheck(gh_receiver_t *r, const char *method, const gh_headers_t *h,
	long long content_length, const char **msg)
{
	if (strcmp(method, "POST") != 0) {
		gh_count(r->c, GH_C_REQ_METHOD, 1);
		*msg = "method not allowed: GitHub deliveries are POST\n";
		return 405;
	}
	if (!ctype_is(h->content_type, JSON_CT) && !ctype_is(h->content_type, FORM_CT)) {
		gh_count(r->c, GH_C_REQ_CTYPE, 1);
		*msg = "unsupported content type: application/json or "
		       "application/x-www-form-urlencoded expected\n";
		return 415;
	}
	if (content_length >= 0 && (unsigned long long)content_length > r->cfg->max_body_bytes) {
		gh_count(r->c, GH_C_REQ_TOO_LARGE, 1);
		*msg = "request body larger than max_body_bytes\n";
		return 413;
	}
	if (r->verify && !h->signature) {
		gh_count(r->c, GH_C_REQ_UNSIGNED, 1);
		*msg = "missing X-Hub-Signature-256\n";
		return 401;
	}
	return 0;
}

int gh_form_payload(const char *body, size_t len, char **out, size_t *outlen)
{
	const char *p = body, *end = body + len, *v = NULL, *ve;
	char *o;
	size_t n = 0;
	int hi, lo;

	while (p < end) {
		if ((size_t)(end - p) >= 8 && memcmp(p, "payload=", 8) == 0) {
			v = p + 8;
			break;
		}
		p = memchr(p, '&', (size_t)(end - p));
		if (!p)
			break;
		p++;
	}
	if (!v)
		return -EINVAL;
	ve = memchr(v, '&', (size_t)(end - v));
	if (!ve)
		ve = end;
	o = malloc((size_t)(ve - v) + 1);
	if (!o)
		return -ENOMEM;
	for (p = v; p < ve; p++) {
		if (*p == '+') {
			o[n++] = ' ';
		} else if (*p == '%') {
			if (ve - p < 3 || (hi = sk_sdk_hexval((unsigned char)p[1])) < 0 ||
			    (lo = sk_sdk_hexval((unsigned char)p[2])) < 0) {
				free(o);
				return -EINVAL;
			}
			o[n++] = (char)(hi << 4 | lo);
			p += 2;
		} else {
			o[n++] = *p;
		}
	}
	o[n] = '\0';
	*out = o;
	*outlen = n;
	return 0;
}

static bool event_name_ok(const char *s)
{
	size_t n = 0;

	if (!s)
		return false;
	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '_' ||
			    s[n] == '-' || s[n] == '.'))
			return false;
	return n > 0 && n <= 64;
}

static bool delivery_ok(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (s[n] <= ' ' || s[n] > '~')
			return false;
	return n > 0 && n <= GH_DELIVERY_ID_MAX;
}

/* String member at path, unescaped into dst; false when absent or unusable. */
static bool str_at(const sk_sdk_jval_t *root, const char *const *path, char *dst, size_t cap)
{
	sk_sdk_jval_t v;
	sk_sdk_extract_t x;
	const char *s;
	size_t n;
	bool ok = false;

	if (sk_sdk_jscan_path(root, path, &v) < 0 || v.t != SK_JT_STRING || v.n >= cap)
		return false;
	sk_sdk_extract_init(&x);
	s = sk_sdk_jscan_text(&x, &v, &n);
	if (s && n < cap && !memchr(s, '\0', n)) {
		memcpy(dst, s, n + 1);
		ok = true;
	}
	sk_sdk_extract_free(&x);
	return ok;
}

static bool sha_ok(const char *s, bool *zero)
{
	size_t n;

	*zero = true;
	for (n = 0; s[n]; n++) {
		if (sk_sdk_hexval((unsigned char)s[n]) < 0)
			return false;
		*zero &= s[n] == '0';
	}
	return n >= 7 && n <= 64;
}

static void scan_push(gh_receiver_t *r, const sk_sdk_jval_t *root, sk_sdk_buf_t *extra)
{
	char fn[256], before[72], after[72], err[256];
	sk_sdk_buf_t path = { 0 }, resp = { 0 };
	bool z1, z2;
	long st;
	int n;

	if (!str_at(root, (const char *const[]){ "repository", "full_name", NULL }, fn, sizeof(fn)) ||
	    !str_at(root, (const char *const[]){ "before", NULL }, before, sizeof(before)) ||
	    !str_at(root, (const char *const[]){ "after", NULL }, after, sizeof(after)) ||
	    !sha_ok(before, &z1) || !sha_ok(after, &z2) || z1 || z2)
		return;
	sk_sdk_buf_str(&path, "/repos/");
	gh_api_path_escape(&path, fn);
	gh_buf_printf(&path, "/compare/%s...%s", before, after);
	if (path.err || gh_api_call(r->api, "GET", path.p, NULL, NULL, &st, &resp, err,
		    sizeof(err)) < 0)
		goto out;
	if (resp.err == -E2BIG) {
		gh_count(r->c, GH_C_SCAN_TRUNCATED, 1);
		goto out;
	}
	sk_sdk_buf_str(extra, ",");
	n = gh_scan_compare(r->scan, resp.p ? resp.p : "", resp.n, extra);
	if (n > 0)
		gh_count(r->c, GH_C_SECRETS_FOUND, (uint64_t)n);
out:
	/* the diff may hold the very secrets found: wipe it */
	if (resp.p)
		explicit_bzero(resp.p, resp.cap);
	sk_sdk_buf_free(&resp);
	sk_sdk_buf_free(&path);
}

static void scan_workflow(gh_receiver_t *r, const sk_sdk_jval_t *root, sk_sdk_buf_t *extra)
{
	char fn[256], wpath[512], sha[72], action[32], err[256];
	sk_sdk_buf_t path = { 0 }, resp = { 0 };
	bool z;
	long st;
	int n;

	if (!str_at(root, (const char *const[]){ "action", NULL }, action, sizeof(action)) ||
	    strcmp(action, "requested") != 0 ||
	    !str_at(root, (const char *const[]){ "repository", "full_name", NULL }, fn, sizeof(fn)) ||
	    !str_at(root, (const char *const[]){ "workflow", "path", NULL }, wpath, sizeof(wpath)))
		return;
	sk_sdk_buf_str(&path, "/repos/");
	gh_api_path_escape(&path, fn);
	sk_sdk_buf_str(&path, "/contents/");
	gh_api_path_escape(&path, wpath);
	if (str_at(root, (const char *const[]){ "workflow_run", "head_sha", NULL }, sha, sizeof(sha)) &&
	    sha_ok(sha, &z))
		gh_buf_printf(&path, "?ref=%s", sha);
	if (path.err || gh_api_call(r->api, "GET", path.p, NULL, "application/vnd.github.raw+json",
		    &st, &resp, err, sizeof(err)) < 0)
		goto out;
	if (resp.err == -E2BIG)
		gh_count(r->c, GH_C_SCAN_TRUNCATED, 1);
	sk_sdk_buf_str(extra, ",");
	n = gh_scan_workflow(r->scan, resp.p ? resp.p : "", resp.n, extra);
	if (n > 0)
		gh_count(r->c, GH_C_MINERS_FOUND, (uint64_t)n);
out:
	sk_sdk_buf_free(&resp);
	sk_sdk_buf_free(&path);
}

/* {"webhook_type":"<ev>"<extra>, <members of the body>} */
static sk_sdk_qitem_t *build_event(const char *ev, const sk_sdk_buf_t *extra, const sk_sdk_jval_t *root)
{
	const char *p = root->p + 1, *end = root->p + root->n;
	size_t evn = strlen(ev), elen = extra->n, rest, len;
	sk_sdk_qitem_t *it;
	char *o;

	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	rest = (size_t)(end - p);  /* "...}" or just "}" */
	len = 17 + evn + 1 + elen + (*p == '}' ? 0 : 1) + rest;
	it = sk_sdk_qitem_new(sk_sdk_now_ns(CLOCK_REALTIME), NULL, len);
	if (!it)
		return NULL;
	o = it->data;
	memcpy(o, "{\"webhook_type\":\"", 17);
	o += 17;
	memcpy(o, ev, evn);
	o += evn;
	*o++ = '"';
	if (elen) {
		memcpy(o, extra->p, elen);
		o += elen;
	}
	if (*p != '}')
		*o++ = ',';
	memcpy(o, p, rest);
	o += rest;
	sk_sdk_qitem_trim(it, (size_t)(o - it->data));
	return it;
}

static unsigned answer(char *msg, size_t msglen, unsigned st, const char *text)
{
	snprintf(msg, msglen, "%s\n", text);
	return st;
}

unsigned gh_receiver_handle(gh_receiver_t *r, const gh_headers_t *h, const char *body,
	size_t len, char *msg, size_t msglen)
{
	enum gh_sig_result sig;
	const char *json = body;
	char *form = NULL, verr[160] = "";
	size_t jlen = len;
	sk_sdk_jval_t root;
	sk_sdk_buf_t extra = { 0 };
	sk_sdk_qitem_t *it;
	bool dedup = false;
	unsigned st;

	gh_count(r->c, GH_C_BYTES, len);
	if (len > r->cfg->max_body_bytes) {
		gh_count(r->c, GH_C_REQ_TOO_LARGE, 1);
		return answer(msg, msglen, 413, "request body larger than max_body_bytes");
	}
	if (r->verify) {
		sig = gh_verifier_check(&r->verifier, h->signature, body, len);
		if (sig != GH_SIG_OK) {
			gh_count(r->c, sig == GH_SIG_MISSING ? GH_C_REQ_UNSIGNED : GH_C_REQ_BAD_SIG, 1);
			return answer(msg, msglen, 401, sig == GH_SIG_MISSING ?
				"missing X-Hub-Signature-256" : "signature does not match");
		}
	}
	if (!event_name_ok(h->event)) {
		st = answer(msg, msglen, 400, "missing or invalid X-GitHub-Event");
		goto bad;
	}
	if (ctype_is(h->content_type, FORM_CT)) {
		if (gh_form_payload(body, len, &form, &jlen) < 0) {
			st = answer(msg, msglen, 400, "form body without a valid payload= field");
			goto bad;
		}
		json = form;
	}
	if (sk_sdk_jscan_validate(json, jlen, (unsigned)r->cfg->max_json_depth, verr,
		    sizeof(verr)) < 0 ||
	    sk_sdk_jscan_root(json, jlen, &root) < 0 || root.t != SK_JT_OBJECT) {
		snprintf(msg, msglen, "body is not a JSON object%s%s\n", verr[0] ? ": " : "", verr);
		st = 400;
		goto bad;
	}
	if (strcmp(h->event, "ping") == 0) {
		gh_count(r->c, GH_C_REQ_PING, 1);
		st = answer(msg, msglen, 200, "pong");
		goto out;
	}
	if (h->delivery) {
		if (!delivery_ok(h->delivery)) {
			st = answer(msg, msglen, 400, "invalid X-GitHub-Delivery");
			goto bad;
		}
		if (gh_dedup_check_add(&r->dedup, h->delivery)) {
			gh_count(r->c, GH_C_REQ_DUPLICATE, 1);
			st = answer(msg, msglen, 200, "duplicate delivery ignored");
			goto out;
		}
		dedup = true;
	}
	if (r->api && r->scan) {
		if (r->cfg->scan_secrets && strcmp(h->event, "push") == 0)
			scan_push(r, &root, &extra);
		else if (r->cfg->scan_workflows && strcmp(h->event, "workflow_run") == 0)
			scan_workflow(r, &root, &extra);
	}
	it = extra.err ? NULL : build_event(h->event, &extra, &root);
	if (!it || sk_sdk_queue_push1(r->q, &it->node, 0) < 0) {
		free(it);
		if (dedup)
			gh_dedup_forget(&r->dedup, h->delivery);
		gh_count(r->c, GH_C_REQ_QUEUE_FULL, 1);
		st = answer(msg, msglen, 503, "event queue full, retry later");
		goto out;
	}
	gh_count(r->c, GH_C_REQ_OK, 1);
	st = answer(msg, msglen, 200, "accepted");
	goto out;
bad:
	gh_count(r->c, GH_C_REQ_MALFORMED, 1);
out:
	sk_sdk_buf_free(&extra);
	free(form);
	return st;
}
