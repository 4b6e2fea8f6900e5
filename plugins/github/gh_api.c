/* gh_api.c - GitHub REST calls over libcurl. */
#include "gh_api.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <jansson.h>

static pthread_once_t g_curl_once = PTHREAD_ONCE_INIT;

static void curl_once(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

int gh_api_init(gh_api_t *a, const char *base, const char *token, uint64_t timeout_ms,
	size_t max_resp, gh_counters_t *c)
{
	memset(a, 0, sizeof(*a));
	pthread_once(&g_curl_once, curl_once);
	a->base = base;
	a->token = token;
	a->timeout_ms = (long)timeout_ms;
	a->max_resp = max_resp;
	a->c = c;
	return pthread_mutex_init(&a->mu, NULL) ? -ENOMEM : 0;
}

void gh_api_destroy(gh_api_t *a)
{
	if (!a || !a->c)
		return;
	pthread_mutex_destroy(&a->mu);
	a->c = NULL;
}

uint64_t gh_api_last_error(gh_api_t *a, char *out, size_t outlen)
{
	uint64_t n;

	pthread_mutex_lock(&a->mu);
	snprintf(out, outlen, "%s", a->last_err);
	n = a->nerr;
	pthread_mutex_unlock(&a->mu);
	return n;
}

void gh_api_path_escape(sk_sdk_buf_t *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char enc[3] = { '%', 0, 0 };
	unsigned char c;

	for (; *s; s++) {
		c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-._~/", c)) {
			sk_sdk_buf_append(out, s, 1);
		} else {
			enc[1] = hex[c >> 4];
			enc[2] = hex[c & 15];
			sk_sdk_buf_append(out, enc, 3);
		}
	}
}

static size_t on_data(char *p, size_t sz, size_t n, void *ud)
{
	sk_sdk_buf_t *b = ud;

	/* past the limit the rest is discarded but the transfer completes */
	return sk_sdk_buf_append(b, p, sz * n) == -ENOMEM ? 0 : sz * n;
}

static void fail(gh_api_t *a, char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void fail(gh_api_t *a, char *err, size_t errlen, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(err, errlen, "%s", msg);
	gh_count(a->c, GH_C_API_ERRORS, 1);
	pthread_mutex_lock(&a->mu);
	snprintf(a->last_err, sizeof(a->last_err), "%s", msg);
	a->nerr++;
	pthread_mutex_unlock(&a->mu);
}

int gh_api_call(gh_api_t *a, const char *method, const char *path, const char *body,
	const char *accept, long *status, sk_sdk_buf_t *resp, char *err, size_t errlen)
{
	struct curl_slist *h = NULL;
	char auth[512], accept_h[128], url[2048];
	CURL *c;
	CURLcode cc;
	json_t *j;
	const char *m;
	int rc = 0;

	*status = 0;
	if (snprintf(url, sizeof(url), "%s%s", a->base, path) >= (int)sizeof(url)) {
		fail(a, err, errlen, "%s %s: URL too long", method, path);
		return -EINVAL;
	}
	c = curl_easy_init();
	if (!c)
		return -ENOMEM;
	gh_count(a->c, GH_C_API_CALLS, 1);
	snprintf(accept_h, sizeof(accept_h), "Accept: %s", accept ? accept : "application/vnd.github+json");
	h = curl_slist_append(h, accept_h);
	h = curl_slist_append(h, "X-GitHub-Api-Version: 2022-11-28");
	if (body)
		h = curl_slist_append(h, "Content-Type: application/json");
	if (a->token && *a->token) {
		snprintf(auth, sizeof(auth), "Authorization: Bearer %s", a->token);
		h = curl_slist_append(h, auth);
		explicit_bzero(auth, sizeof(auth));
	}
	resp->max = a->max_resp;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "saker-github-plugin/" GH_PLUGIN_VERSION);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, a->timeout_ms);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, resp);
	if (body)
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	cc = curl_easy_perform(c);
	if (cc != CURLE_OK) {
		fail(a, err, errlen, "%s %s: %s", method, path, curl_easy_strerror(cc));
		rc = -EIO;
		goto out;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	if (*status < 200 || *status > 299) {
		j = resp->p ? json_loadb(resp->p, resp->n, 0, NULL) : NULL;
		m = j ? json_string_value(json_object_get(j, "message")) : NULL;
		fail(a, err, errlen, "%s %s: status %ld%s%.120s%s", method, path, *status,
			m ? " (" : "", m ? m : "", m ? ")" : "");
		json_decref(j);
		rc = -EIO;
	}
out:
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return rc;
}

static int hooks_add(gh_hooks_t *h, const char *repo, long long id)
{
	gh_hook_t *nv = realloc(h->v, (h->n + 1) * sizeof(*nv));

	if (!nv)
		return -ENOMEM;
	h->v = nv;
	if (!(nv[h->n].repo = strdup(repo)))
		return -ENOMEM;
	nv[h->n++].id = id;
	return 0;
}

/* Every non-archived repository the token administers (the "*" form). */
static int list_admin_repos(gh_api_t *a, char ***out, size_t *nout, char *err, size_t errlen)
{
	char path[96], **v = NULL, **nv;
	size_t n = 0, i, got;
	json_t *arr, *r, *perm;
	const char *fn;
	sk_sdk_buf_t b = { 0 };
	long st;
	int rc = 0, page;

	for (page = 1; rc == 0 && page <= 1000; page++) {
		snprintf(path, sizeof(path), "/user/repos?per_page=100&page=%d", page);
		memset(&b, 0, sizeof(b));
		rc = gh_api_call(a, "GET", path, NULL, NULL, &st, &b, err, errlen);
		arr = rc == 0 && b.p ? json_loadb(b.p, b.n, 0, NULL) : NULL;
		sk_sdk_buf_free(&b);
		if (rc < 0)
			break;
		if (!json_is_array(arr)) {
			json_decref(arr);
			snprintf(err, errlen, "GET /user/repos: response is not a JSON array");
			rc = -EIO;
			break;
		}
		got = json_array_size(arr);
		json_array_foreach(arr, i, r) {
			perm = json_object_get(r, "permissions");
			fn = json_string_value(json_object_get(r, "full_name"));
			if (!fn || json_is_true(json_object_get(r, "archived")) ||
			    !json_is_true(json_object_get(perm, "admin")))
				continue;
			nv = realloc(v, (n + 1) * sizeof(*v));
			if (!nv || !(nv[n] = strdup(fn))) {
				v = nv ? nv : v;
				rc = -ENOMEM;
				break;
			}
			v = nv;
			n++;
		}
		json_decref(arr);
		if (got < 100)
			break;
	}
	if (rc < 0) {
		for (i = 0; i < n; i++)
			free(v[i]);
		free(v);
		return rc;
	}
	*out = v;
	*nout = n;
	return 0;
}

static void delete_hooks_to(gh_api_t *a, const char *repo, const char *url)
{
	sk_sdk_buf_t b = { 0 }, p = { 0 };
	json_t *arr, *hk;
	char err[256], tail[32];
	size_t i;
	long st;

	sk_sdk_buf_str(&p, "/repos/");
	gh_api_path_escape(&p, repo);
	sk_sdk_buf_str(&p, "/hooks");
	if (p.err || gh_api_call(a, "GET", p.p, NULL, NULL, &st, &b, err, sizeof(err)) < 0)
		goto out;
	arr = b.p ? json_loadb(b.p, b.n, 0, NULL) : NULL;
	json_array_foreach(arr, i, hk) {
		const char *u = json_string_value(json_object_get(json_object_get(hk, "config"), "url"));
		json_int_t id = json_integer_value(json_object_get(hk, "id"));
		sk_sdk_buf_t dp = { 0 }, r = { 0 };

		if (!u || strcmp(u, url) != 0 || id <= 0)
			continue;
		sk_sdk_buf_append(&dp, p.p, p.n);
		snprintf(tail, sizeof(tail), "/%lld", (long long)id);
		sk_sdk_buf_str(&dp, tail);
		if (!dp.err && gh_api_call(a, "DELETE", dp.p, NULL, NULL, &st, &r, err,
			    sizeof(err)) == 0)
			gh_count(a->c, GH_C_HOOKS_DELETED, 1);
		sk_sdk_buf_free(&r);
		sk_sdk_buf_free(&dp);
	}
	json_decref(arr);
out:
	sk_sdk_buf_free(&b);
	sk_sdk_buf_free(&p);
}

static int create_hook(gh_api_t *a, const char *repo, const char *url, const char *secret,
	long long *id, char *err, size_t errlen)
{
	sk_sdk_buf_t b = { 0 }, p = { 0 };
	json_t *req, *res;
	char *body;
	long st;
	int rc;

	req = json_pack("{s:s, s:b, s:[s], s:{s:s, s:s, s:s, s:s}}", "name", "web", "active", 1,
		"events", "*", "config", "url", url, "content_type", "json", "secret", secret,
		"insecure_ssl", "0");
	body = req ? json_dumps(req, JSON_COMPACT) : NULL;
	json_decref(req);
	sk_sdk_buf_str(&p, "/repos/");
	gh_api_path_escape(&p, repo);
	sk_sdk_buf_str(&p, "/hooks");
	if (!body || p.err) {
		rc = -ENOMEM;
		goto out;
	}
	rc = gh_api_call(a, "POST", p.p, body, NULL, &st, &b, err, errlen);
	if (rc == 0) {
		res = b.p ? json_loadb(b.p, b.n, 0, NULL) : NULL;
		*id = (long long)json_integer_value(json_object_get(res, "id"));
		json_decref(res);
		if (*id <= 0) {
			snprintf(err, errlen, "POST %s: response has no hook id", p.p);
			rc = -EIO;
		}
	}
out:
	if (body) {
		explicit_bzero(body, strlen(body));
		free(body);
	}
	sk_sdk_buf_free(&b);
	sk_sdk_buf_free(&p);
	return rc;
}

int gh_hooks_install(gh_api_t *a, char *const *repos, size_t nrepos, const char *url,
	const char *secret, gh_hooks_t *out, char *err, size_t errlen)
{
	char **all = NULL;
	char *const *list = repos;
	size_t n = nrepos, i;
	long long id;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (nrepos == 1 && strcmp(repos[0], "*") == 0) {
		if ((rc = list_admin_repos(a, &all, &n, err, errlen)) < 0)
			return rc;
		list = all;
	}
	for (i = 0; i < n && rc == 0; i++) {
		delete_hooks_to(a, list[i], url);
		rc = create_hook(a, list[i], url, secret, &id, err, errlen);
		if (rc == 0) {
			gh_count(a->c, GH_C_HOOKS_CREATED, 1);
			rc = hooks_add(out, list[i], id);
		}
	}
	for (i = 0; all && i < n; i++)
		free(all[i]);
	free(all);
	if (rc < 0)
		gh_hooks_remove(a, out);
	return rc;
}

void gh_hooks_remove(gh_api_t *a, gh_hooks_t *h)
{
	sk_sdk_buf_t p, r;
	char err[256], tail[32];
	size_t i;
	long st;

	for (i = 0; i < h->n; i++) {
		memset(&p, 0, sizeof(p));
		memset(&r, 0, sizeof(r));
		sk_sdk_buf_str(&p, "/repos/");
		gh_api_path_escape(&p, h->v[i].repo);
		snprintf(tail, sizeof(tail), "/hooks/%lld", h->v[i].id);
		sk_sdk_buf_str(&p, tail);
		if (!p.err && gh_api_call(a, "DELETE", p.p, NULL, NULL, &st, &r, err,
			    sizeof(err)) == 0)
			gh_count(a->c, GH_C_HOOKS_DELETED, 1);
		sk_sdk_buf_free(&p);
		sk_sdk_buf_free(&r);
		free(h->v[i].repo);
	}
	free(h->v);
	memset(h, 0, sizeof(*h));
}
