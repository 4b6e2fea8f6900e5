/* okta_config.c - init_config keys, token sources, RFC 3339 times. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "okta.h"
#include "sk_plugin_sdk.h"

/* Reads the first line of a secret file; the error names the file only. */
static char *read_secret(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char buf[4096];
	size_t n;
	char *s;

	if (!f) {
		sk_sdk_errf(err, errlen, "cannot read api_token_file %s: %s", path, strerror(errno));
		return NULL;
	}
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';
	n = strlen(buf);
	while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
		buf[--n] = '\0';
	if (n == 0) {
		sk_sdk_errf(err, errlen, "api_token_file %s is empty", path);
		return NULL;
	}
	s = strdup(buf);
	explicit_bzero(buf, sizeof(buf));
	if (!s)
		sk_sdk_errf(err, errlen, "out of memory");
	return s;
}

static bool loopback_host(const char *url)
{
	const char *h = strstr(url, "://") + 3;
	static const char *const names[] = { "127.", "localhost:", "localhost/", "[::1]" };
	size_t i;

	if (strcmp(h, "localhost") == 0)
		return true;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strncmp(h, names[i], strlen(names[i])) == 0)
			return true;
	return false;
}

/* Builds base_url (no trailing '/') and the organization label. */
static int set_base(ok_config_t *c, const char *org, const char *base, char *err, size_t errlen)
{
	size_t n;
	const char *h, *e;

	if (org && *org) {
		if (strspn(org, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") !=
		    strlen(org)) {
			sk_sdk_errf(err, errlen, "init config key 'organization' must be a host label "
				"(letters, digits, '-', '.'), e.g. \"mycompany\"");
			return -EINVAL;
		}
		if (!(c->organization = strdup(org)))
			return -ENOMEM;
	}
	if (base && *base) {
		if (strncmp(base, "https://", 8) != 0 && strncmp(base, "http://", 7) != 0) {
			sk_sdk_errf(err, errlen, "init config key 'base_url' must start with https://");
			return -EINVAL;
		}
		if (strncmp(base, "http://", 7) == 0 && !loopback_host(base)) {
			sk_sdk_errf(err, errlen, "init config key 'base_url' must use https:// (plain "
				"http:// is accepted for loopback hosts only)");
			return -EINVAL;
		}
		if (!(c->base_url = strdup(base)))
			return -ENOMEM;
	} else if (c->organization) {
		if (asprintf(&c->base_url, "https://%s.okta.com", c->organization) < 0) {
			c->base_url = NULL;
			return -ENOMEM;
		}
	} else {
		sk_sdk_errf(err, errlen, "init config needs 'organization' (https://<organization>"
			".okta.com) or 'base_url'");
		return -EINVAL;
	}
	n = strlen(c->base_url);
	while (n > 8 && c->base_url[n - 1] == '/')
		c->base_url[--n] = '\0';
	if (c->organization) {
		c->org_label = strdup(c->organization);
	} else {
		h = strstr(c->base_url, "://") + 3;
		e = h + strcspn(h, ":/");
		c->org_label = strndup(h, (size_t)(e - h));
	}
	return c->org_label ? 0 : -ENOMEM;
}

static int get_time(const json_t *j, const char *key, int64_t def, int64_t *out, char *err,
	size_t errlen)
{
	const char *s;
	uint64_t ns;
	int rc = sk_sdk_config_string(j, key, NULL, &s, err, errlen);

	if (rc < 0)
		return rc;
	if (!s || !*s) {
		*out = def;
		return 0;
	}
	if (sk_sdk_rfc3339_ns(s, strlen(s), &ns) < 0) {
		sk_sdk_errf(err, errlen, "init config key '%s' must be an RFC 3339 time such as "
			"2024-08-13T15:58:20Z (got \"%.64s\")", key, s);
		return -EINVAL;
	}
	*out = (int64_t)ns;
	return 0;
}

static int dup_opt(const char *s, char **out)
{
	*out = NULL;
	if (!s || !*s)
		return 0;
	*out = strdup(s);
	return *out ? 0 : -ENOMEM;
}

int sk__ok_config_load(ok_config_t *c, const char *text, char *err, size_t errlen)
{
	static const char *const known[] = { "organization", "api_token", "api_token_file",
		"base_url", "refresh_interval", "since", "until", "checkpoint_file", "page_size",
		"batch_max_events", "prefetch_pages", "cache_expiration", "cache_usermaxsize",
		"cache_maxkeys",
		"useAsync", "request_timeout_ms", "connect_timeout_ms", "backoff_initial_ms",
		"backoff_max_ms", "auth_retry_ms", "rate_limit_low_pct", "max_response_bytes",
		"idle_wait_ms", "ca_file", "tls_verify", NULL };
	const char *org, *tok, *tokf, *base, *ckpt, *ca, *env;
	struct timespec now;
	json_t *j = NULL;
	bool use_async;
	int rc;

	memset(c, 0, sizeof(*c));
	clock_gettime(CLOCK_REALTIME, &now);
	rc = sk_sdk_config_parse(text, &j, err, errlen);
	if (rc < 0)
		return rc;
	if ((rc = sk_sdk_config_check_keys(j, known, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "organization", NULL, &org, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "api_token", NULL, &tok, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "api_token_file", NULL, &tokf, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "base_url", NULL, &base, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "checkpoint_file", NULL, &ckpt, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "ca_file", NULL, &ca, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "refresh_interval", 10, 0, 86400, &c->refresh_interval,
		    err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "page_size", 1000, 1, 1000, &c->page_size, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "batch_max_events", 1000, 1, 1 << 20, &c->batch_max_events,
		    err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "prefetch_pages", 1, 1, 16, &c->prefetch_pages, err,
		    errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "cache_expiration", 84600, 1, 1ULL << 32,
		    &c->cache_expiration, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "cache_usermaxsize", 200, 1, 1 << 20, &c->cache_usermaxsize,
		    err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "cache_maxkeys", 10000, 1, 1 << 24, &c->cache_maxkeys, err,
		    errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "request_timeout_ms", 30000, 100, 3600000,
		    &c->request_timeout_ms, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "connect_timeout_ms", 10000, 100, 3600000,
		    &c->connect_timeout_ms, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "backoff_initial_ms", 1000, 1, 3600000,
		    &c->backoff_initial_ms, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "backoff_max_ms", 120000, 1, 86400000, &c->backoff_max_ms,
		    err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "auth_retry_ms", 300000, 1, 86400000, &c->auth_retry_ms,
		    err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "rate_limit_low_pct", 10, 0, 100, &c->rate_limit_low_pct,
		    err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "max_response_bytes", 64ULL << 20, 4096, 1ULL << 32,
		    &c->max_response_bytes, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "idle_wait_ms", 200, 1, 10000, &c->idle_wait_ms, err,
		    errlen)) < 0 ||
	    (rc = sk_sdk_config_bool(j, "useAsync", false, &use_async, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_bool(j, "tls_verify", true, &c->tls_verify, err, errlen)) < 0 ||
	    (rc = get_time(j, "since", ((int64_t)now.tv_sec - 30) * 1000000000LL, &c->since_ns,
		    err, errlen)) < 0 ||
	    (rc = get_time(j, "until", 0, &c->until_ns, err, errlen)) < 0)
		goto out;
	if (c->until_ns && c->until_ns <= c->since_ns) {
		sk_sdk_errf(err, errlen, "init config key 'until' must be later than 'since'");
		rc = -EINVAL;
		goto out;
	}
	if (c->backoff_initial_ms > c->backoff_max_ms) {
		sk_sdk_errf(err, errlen, "init config key 'backoff_initial_ms' must not exceed "
			"'backoff_max_ms'");
		rc = -EINVAL;
		goto out;
	}
	if ((rc = set_base(c, org, base, err, errlen)) < 0 ||
	    (rc = dup_opt(ckpt, &c->checkpoint_file)) < 0 || (rc = dup_opt(ca, &c->ca_file)) < 0)
		goto out;
	if (tok && *tok && tokf && *tokf) {
		sk_sdk_errf(err, errlen, "init config: set only one of 'api_token' and "
			"'api_token_file'");
		rc = -EINVAL;
		goto out;
	}
	env = getenv("OKTA_API_TOKEN");
	if (tok && *tok)
		c->api_token = strdup(tok);
	else if (tokf && *tokf)
		c->api_token = read_secret(tokf, err, errlen);
	else if (env && *env)
		c->api_token = strdup(env);
	else {
		sk_sdk_errf(err, errlen, "no Okta API token: set 'api_token', 'api_token_file' or "
			"the environment variable OKTA_API_TOKEN");
		rc = -EINVAL;
		goto out;
	}
	if (!c->api_token) {
		rc = tokf && *tokf ? -EINVAL : -ENOMEM;
		goto out;
	}
	if (strpbrk(c->api_token, "\r\n")) {
		sk_sdk_errf(err, errlen, "the Okta API token contains a line break");
		rc = -EINVAL;
	}
out:
	json_decref(j);
	if (rc < 0)
		sk__ok_config_free(c);
	return rc;
}

void sk__ok_config_free(ok_config_t *c)
{
	if (!c)
		return;
	free(c->organization);
	free(c->base_url);
	free(c->org_label);
	free(c->checkpoint_file);
	free(c->ca_file);
	sk_sdk_free_secret(c->api_token);
	memset(c, 0, sizeof(*c));
}
