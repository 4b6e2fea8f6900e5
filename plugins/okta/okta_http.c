/* okta_http.c - GET with libcurl, bounded body, Link and rate-limit headers. */
#include "okta_http.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "sk_plugin_sdk.h"

static bool hname(const char *line, size_t n, const char *name, const char **val, size_t *vlen)
{
	size_t k = strlen(name);

	if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
		return false;
	line += k + 1;
	n -= k + 1;
	while (n && (*line == ' ' || *line == '\t'))
		line++, n--;
	while (n && (line[n - 1] == '\r' || line[n - 1] == '\n' || line[n - 1] == ' '))
		n--;
	*val = line;
	*vlen = n;
	return true;
}

static int64_t num(const char *v, size_t n)
{
	char buf[32];
	char *end;
	long long x;

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, v, n);
	buf[n] = '\0';
	x = strtoll(buf, &end, 10);
	return (*end || x < 0) ? -1 : x;
}

/* Keeps the path and query of a link; an absolute URL loses its origin. */
static char *link_path(const char *u, size_t n)
{
	const char *s = memmem(u, n, "://", 3);
	const char *p;

	if (s) {
		p = memchr(s + 3, '/', n - (size_t)(s + 3 - u));
		if (!p)
			return NULL;
		n -= (size_t)(p - u);
		u = p;
	}
	if (n == 0 || u[0] != '/')
		return NULL;
	return strndup(u, n);
}

/* Link: <url>; rel="next", <url>; rel="self" (possibly several headers). */
static void parse_link(ok_http_resp_t *r, const char *v, size_t n)
{
	const char *end = v + n, *lt, *gt, *stop;

	while (v < end) {
		lt = memchr(v, '<', (size_t)(end - v));
		if (!lt)
			return;
		gt = memchr(lt, '>', (size_t)(end - lt));
		if (!gt)
			return;
		stop = memchr(gt, ',', (size_t)(end - gt));
		if (!stop)
			stop = end;
		if ((memmem(gt, (size_t)(stop - gt), "rel=\"next\"", 10) ||
		     memmem(gt, (size_t)(stop - gt), "rel=next", 8)) && !r->next)
			r->next = link_path(lt + 1, (size_t)(gt - lt - 1));
		v = stop + 1;
	}
}

static size_t on_header(char *p, size_t sz, size_t nm, void *ud)
{
	ok_http_resp_t *r = ud;
	size_t n = sz * nm, vl;
	const char *v;
	int64_t x;
	char buf[128];

	/* A new status line (e.g. after 100 Continue) starts a new header set. */
	if (n >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		free(r->next);
		r->next = NULL;
		r->has_rl = false;
		r->rl_reset = r->date = 0;
		return n;
	}
	if (hname(p, n, "link", &v, &vl)) {
		parse_link(r, v, vl);
	} else if (hname(p, n, "x-rate-limit-limit", &v, &vl)) {
		if ((x = num(v, vl)) >= 0)
			r->rl_limit = (uint64_t)x, r->has_rl = true;
	} else if (hname(p, n, "x-rate-limit-remaining", &v, &vl)) {
		if ((x = num(v, vl)) >= 0)
			r->rl_remaining = (uint64_t)x, r->has_rl = true;
	} else if (hname(p, n, "x-rate-limit-reset", &v, &vl)) {
		if ((x = num(v, vl)) >= 0)
			r->rl_reset = x;
	} else if (hname(p, n, "date", &v, &vl) && vl < sizeof(buf)) {
		memcpy(buf, v, vl);
		buf[vl] = '\0';
		x = (int64_t)curl_getdate(buf, NULL);
		if (x > 0)
			r->date = x;
	}
	return n;
}

static int on_progress(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	const ok_http_t *h = ud;

	(void)dt;
	(void)dn;
	(void)ut;
	(void)un;
	return h->abort && atomic_load(h->abort) ? 1 : 0;
}

static char *origin_of(const char *base)
{
	const char *h = strstr(base, "://") + 3;
	size_t n = (size_t)(h - base) + strcspn(h, "/");

	return strndup(base, n);
}

char *sk__ok_http_base_path(const ok_config_t *cfg, const char *suffix)
{
	const char *h = strstr(cfg->base_url, "://") + 3;
	const char *p = h + strcspn(h, "/");
	char *out;

	if (asprintf(&out, "%s%s", p, suffix) < 0)
		return NULL;
	return out;
}

int sk__ok_http_init(ok_http_t *h, const ok_config_t *cfg, char *err, size_t errlen)
{
	char *auth = NULL;
	CURL *c;
	int rc = -ENOMEM;

	memset(h, 0, sizeof(*h));
	h->cfg = cfg;
	if (!(h->origin = origin_of(cfg->base_url)))
		goto fail;
	c = h->curl = curl_easy_init();
	if (!c)
		goto fail;
	if (asprintf(&auth, "Authorization: SSWS %s", cfg->api_token) < 0) {
		auth = NULL;
		goto fail;
	}
	h->hdrs = curl_slist_append(NULL, auth);
	explicit_bzero(auth, strlen(auth));
	free(auth);
	if (!h->hdrs || !curl_slist_append(h->hdrs, "Accept: application/json") ||
	    !curl_slist_append(h->hdrs, "User-Agent: saker-okta/" OK_PLUGIN_VERSION))
		goto fail;
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h->hdrs);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)cfg->request_timeout_ms);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)cfg->connect_timeout_ms);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sk_sdk_buf_curl_write);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, h);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, cfg->tls_verify ? 1L : 0L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, cfg->tls_verify ? 2L : 0L);
	if (cfg->ca_file)
		curl_easy_setopt(c, CURLOPT_CAINFO, cfg->ca_file);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	return 0;
fail:
	sk_sdk_errf(err, errlen, "cannot set up the HTTP client: %s", strerror(-rc));
	sk__ok_http_free(h);
	return rc;
}

void sk__ok_http_free(ok_http_t *h)
{
	if (!h)
		return;
	if (h->curl)
		curl_easy_cleanup(h->curl);
	if (h->hdrs) {
		/* the first header holds the token */
		explicit_bzero(h->hdrs->data, strlen(h->hdrs->data));
		curl_slist_free_all(h->hdrs);
	}
	free(h->origin);
	free(h->url);
	memset(h, 0, sizeof(*h));
}

void sk__ok_http_resp_reset(ok_http_resp_t *r)
{
	r->status = 0;
	r->curl_rc = 0;
	r->error[0] = '\0';
	sk_sdk_buf_clear(&r->body);
	free(r->next);
	r->next = NULL;
	r->has_rl = false;
	r->rl_limit = r->rl_remaining = 0;
	r->rl_reset = r->date = 0;
}

void sk__ok_http_resp_free(ok_http_resp_t *r)
{
	if (!r)
		return;
	sk_sdk_buf_free(&r->body);
	free(r->next);
	memset(r, 0, sizeof(*r));
}

int sk__ok_http_get(ok_http_t *h, const char *path_query, ok_http_resp_t *r)
{
	char ebuf[CURL_ERROR_SIZE] = "";
	CURLcode cc;
	long st = 0;

	sk__ok_http_resp_reset(r);
	r->body.max = (size_t)h->cfg->max_response_bytes;
	free(h->url);
	if (asprintf(&h->url, "%s%s", h->origin, path_query) < 0) {
		h->url = NULL;
		return -ENOMEM;
	}
	curl_easy_setopt(h->curl, CURLOPT_URL, h->url);
	curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(h->curl, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(h->curl, CURLOPT_ERRORBUFFER, ebuf);
	cc = curl_easy_perform(h->curl);
	curl_easy_setopt(h->curl, CURLOPT_ERRORBUFFER, NULL);
	curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &st);
	r->curl_rc = (int)cc;
	if (cc != CURLE_OK) {
		if (r->body.err == -E2BIG)
			snprintf(r->error, sizeof(r->error), "response body larger than "
				"max_response_bytes (%zu)", r->body.max);
		else
			snprintf(r->error, sizeof(r->error), "%s", ebuf[0] ? ebuf :
				curl_easy_strerror(cc));
		r->status = st;
		return -EIO;
	}
	r->status = st;
	/* an empty body is still a string */
	return sk_sdk_buf_append(&r->body, "", 0);
}
