/* gh_config.c - init_config keys, defaults and limits. */
#include "gh_config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sk_plugin_sdk.h"

const char sk__gh_init_schema[] =
	"{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
	"\"secret\":{\"type\":\"string\"},"
	"\"secrets\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
	"\"secret_file\":{\"type\":\"string\"},"
	"\"sslCertificate\":{\"type\":\"string\"},"
	"\"sslKey\":{\"type\":\"string\"},"
	"\"sslClientCA\":{\"type\":\"string\"},"
	"\"max_body_bytes\":{\"type\":\"integer\",\"minimum\":1024},"
	"\"dedup_window\":{\"type\":\"integer\",\"minimum\":0},"
	"\"max_json_depth\":{\"type\":\"integer\",\"minimum\":2},"
	"\"queue_max_events\":{\"type\":\"integer\",\"minimum\":1},"
	"\"queue_max_bytes\":{\"type\":\"integer\",\"minimum\":0},"
	"\"batch_max_events\":{\"type\":\"integer\",\"minimum\":1},"
	"\"next_batch_timeout_ms\":{\"type\":\"integer\",\"minimum\":0},"
	"\"webhook_threads\":{\"type\":\"integer\",\"minimum\":1},"
	"\"webhook_max_connections\":{\"type\":\"integer\",\"minimum\":1},"
	"\"webhook_connection_timeout_sec\":{\"type\":\"integer\",\"minimum\":1},"
	"\"token\":{\"type\":\"string\"},"
	"\"token_file\":{\"type\":\"string\"},"
	"\"api_url\":{\"type\":\"string\"},"
	"\"repos\":{\"type\":[\"array\",\"string\"]},"
	"\"public_url\":{\"type\":\"string\"},"
	"\"api_timeout_ms\":{\"type\":\"integer\",\"minimum\":100},"
	"\"scan_secrets\":{\"type\":\"boolean\"},"
	"\"scan_workflows\":{\"type\":\"boolean\"},"
	"\"scan_max_bytes\":{\"type\":\"integer\",\"minimum\":1024}}}";

static void wipe_free(char *s)
{
	if (!s)
		return;
	explicit_bzero(s, strlen(s));
	free(s);
}

int gh_config_add_secret(gh_config_t *c, char *s, char *err, size_t errlen)
{
	if (!s)
		return -ENOMEM;
	if (c->nsecrets >= GH_MAX_SECRETS) {
		wipe_free(s);
		snprintf(err, errlen, "at most %d webhook secrets may be configured", GH_MAX_SECRETS);
		return -ENOSPC;
	}
	if (!*s) {
		free(s);
		snprintf(err, errlen, "a webhook secret must not be empty");
		return -EINVAL;
	}
	c->secrets[c->nsecrets++] = s;
	return 0;
}

/* Whole file (< 64 KiB) into a malloc'd string. */
static char *slurp(const char *path, const char *key, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *buf;
	size_t n;

	if (!f) {
		snprintf(err, errlen, "cannot read %s %s: %s", key, path, strerror(errno));
		return NULL;
	}
	buf = malloc(65536);
	n = buf ? fread(buf, 1, 65535, f) : 0;
	fclose(f);
	if (buf)
		buf[n] = '\0';
	else
		snprintf(err, errlen, "out of memory");
	return buf;
}

/* One secret per non-empty line that does not start with '#'. */
static int load_secret_file(gh_config_t *c, const char *path, char *err, size_t errlen)
{
	char *buf = slurp(path, "secret_file", err, errlen), *line, *save = NULL;
	size_t n, before = c->nsecrets;
	int rc = 0;

	if (!buf)
		return -EINVAL;
	for (line = strtok_r(buf, "\n", &save); line && rc == 0; line = strtok_r(NULL, "\n", &save)) {
		n = strlen(line);
		while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
			line[--n] = '\0';
		if (n && line[0] != '#')
			rc = gh_config_add_secret(c, strdup(line), err, errlen);
	}
	explicit_bzero(buf, 65536);
	free(buf);
	if (rc == 0 && c->nsecrets == before) {
		snprintf(err, errlen, "secret_file %s holds no secret", path);
		rc = -EINVAL;
	}
	return rc;
}

static int load_token(gh_config_t *c, const char *tok, const char *file, char *err, size_t errlen)
{
	const char *env = getenv("GITHUB_PLUGIN_TOKEN");
	char *buf, *line, *save = NULL, *last = NULL;

	if (tok && *tok)
		c->token = strdup(tok);
	else if (file && *file) {
		/* the last line that is not a comment, as upstream reads github.token */
		if (!(buf = slurp(file, "token_file", err, errlen)))
			return -EINVAL;
		for (line = strtok_r(buf, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save))
			if (*line && *line != '#')
				last = line;
		c->token = last ? strdup(last) : NULL;
		explicit_bzero(buf, 65536);
		free(buf);
		if (!last) {
			snprintf(err, errlen, "token_file %s holds no token", file);
			return -EINVAL;
		}
	} else if (env && *env) {
		c->token = strdup(env);
	} else {
		return 0;
	}
	return c->token ? 0 : -ENOMEM;
}

static int add_repo(gh_config_t *c, const char *s, size_t n)
{
	char **nv = realloc(c->repos, (c->nrepos + 1) * sizeof(char *));

	if (!nv)
		return -ENOMEM;
	c->repos = nv;
	if (!(nv[c->nrepos] = strndup(s, n)))
		return -ENOMEM;
	c->nrepos++;
	return 0;
}

static int load_repos(gh_config_t *c, json_t *j, char *err, size_t errlen)
{
	json_t *v = json_object_get(j, "repos"), *el;
	const char *s, *p, *q;
	size_t i, n;

	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v)) {
		/* "owner/a,owner/b" or "*" (the upstream open_params form) */
		s = json_string_value(v);
		for (p = s; *p; p = *q ? q + 1 : q) {
			q = strchr(p, ',');
			if (!q)
				q = p + strlen(p);
			while (p < q && *p == ' ')
				p++;
			n = (size_t)(q - p);
			while (n && p[n - 1] == ' ')
				n--;
			if (!n)
				continue;
			if (add_repo(c, p, n) < 0)
				return -ENOMEM;
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, el) {
			if (!json_is_string(el) || !*json_string_value(el)) {
				snprintf(err, errlen, "init config key 'repos': item %zu is not a "
					"non-empty string", i);
				return -EINVAL;
			}
			if (add_repo(c, json_string_value(el), strlen(json_string_value(el))) < 0)
				return -ENOMEM;
		}
	} else {
		snprintf(err, errlen, "init config key 'repos' must be a list or a string");
		return -EINVAL;
	}
	for (i = 0; i < c->nrepos; i++) {
		if ((strcmp(c->repos[i], "*") == 0 && c->nrepos > 1) ||
		    (strcmp(c->repos[i], "*") != 0 && (!(p = strchr(c->repos[i], '/')) ||
			p == c->repos[i] || !p[1] || strchr(p + 1, '/')))) {
			snprintf(err, errlen, "init config key 'repos': '%s' is not owner/repo (or a "
				"lone '*')", c->repos[i]);
			return -EINVAL;
		}
	}
	return 0;
}

static int load_secrets(gh_config_t *c, json_t *j, const char *one, const char *file, char *err,
	size_t errlen)
{
	json_t *v = json_object_get(j, "secrets"), *el;
	size_t i;
	int rc;

	if (one && *one && (rc = gh_config_add_secret(c, strdup(one), err, errlen)) < 0)
		return rc;
	if (v && !json_is_null(v)) {
		if (!json_is_array(v)) {
			snprintf(err, errlen, "init config key 'secrets' must be a list of strings");
			return -EINVAL;
		}
		json_array_foreach(v, i, el) {
			if (!json_is_string(el)) {
				snprintf(err, errlen, "init config key 'secrets': item %zu is not a string",
					i);
				return -EINVAL;
			}
			if ((rc = gh_config_add_secret(c, strdup(json_string_value(el)), err, errlen)) < 0)
				return rc;
		}
	}
	if (file && *file)
		return load_secret_file(c, file, err, errlen);
	return 0;
}

static char *dup_opt(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

int gh_config_load(gh_config_t *c, const char *text, char *err, size_t errlen)
{
	static const char *const known[] = { "secret", "secrets", "secret_file", "sslCertificate",
		"sslKey", "sslClientCA", "max_body_bytes", "dedup_window", "max_json_depth",
		"queue_max_events",
		"queue_max_bytes", "batch_max_events", "next_batch_timeout_ms", "webhook_threads",
		"webhook_max_connections", "webhook_connection_timeout_sec", "token", "token_file",
		"api_url", "repos", "public_url", "api_timeout_ms", "scan_secrets", "scan_workflows",
		"scan_max_bytes", NULL };
	const char *secret, *sfile, *cert, *key, *ca, *tok, *tfile, *api, *pub;
	json_t *j = NULL;
	size_t n;
	int rc;

	memset(c, 0, sizeof(*c));
	if ((rc = sk_sdk_config_parse(text, &j, err, errlen)) < 0)
		return rc;
	if ((rc = sk_sdk_config_check_keys(j, known, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "max_body_bytes", 25ULL << 20, 1024, 1ULL << 31,
		    &c->max_body_bytes, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "dedup_window", 65536, 0, 1ULL << 24, &c->dedup_window, err,
		    errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "max_json_depth", 128, 2, 4096, &c->max_json_depth, err,
		    errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "queue_max_events", 65536, 1, 1ULL << 30,
		    &c->queue_max_events, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "queue_max_bytes", 256ULL << 20, 0, 1ULL << 40,
		    &c->queue_max_bytes, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "batch_max_events", 512, 1, 1 << 20, &c->batch_max_events,
		    err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "next_batch_timeout_ms", 50, 0, 1000, &c->idle_timeout_ms,
		    err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhook_threads", 2, 1, 64, &c->webhook_threads, err,
		    errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhook_max_connections", 512, 1, 65536,
		    &c->webhook_max_conns, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "webhook_connection_timeout_sec", 30, 1, 3600,
		    &c->webhook_conn_timeout, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "api_timeout_ms", 10000, 100, 600000, &c->api_timeout_ms,
		    err, errlen)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "scan_max_bytes", 16ULL << 20, 1024, 1ULL << 30,
		    &c->scan_max_bytes, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "secret", NULL, &secret, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "secret_file", NULL, &sfile, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "sslCertificate", NULL, &cert, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "sslKey", NULL, &key, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "sslClientCA", NULL, &ca, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "token", NULL, &tok, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "token_file", NULL, &tfile, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "api_url", GH_DEFAULT_API_URL, &api, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_string(j, "public_url", NULL, &pub, err, errlen)) < 0 ||
	    (rc = load_secrets(c, j, secret, sfile, err, errlen)) < 0 ||
	    (rc = load_token(c, tok, tfile, err, errlen)) < 0 ||
	    (rc = load_repos(c, j, err, errlen)) < 0 ||
	    (rc = sk_sdk_config_bool(j, "scan_secrets", c->token != NULL, &c->scan_secrets, err,
		    errlen)) < 0 ||
	    (rc = sk_sdk_config_bool(j, "scan_workflows", c->token != NULL, &c->scan_workflows, err,
		    errlen)) < 0)
		goto out;
	if (strncmp(api, "http://", 7) != 0 && strncmp(api, "https://", 8) != 0) {
		snprintf(err, errlen, "init config key 'api_url' must be an http(s) URL: %s", api);
		rc = -EINVAL;
		goto out;
	}
	c->api_url = strdup(api);
	c->ssl_cert = dup_opt(cert);
	c->ssl_key = dup_opt(key);
	c->ssl_client_ca = dup_opt(ca);
	c->public_url = dup_opt(pub);
	if (!c->api_url) {
		rc = -ENOMEM;
		goto out;
	}
	n = strlen(c->api_url);
	while (n > 8 && c->api_url[n - 1] == '/')
		c->api_url[--n] = '\0';
	if (c->nrepos && (!c->token || !c->public_url)) {
		snprintf(err, errlen, "hook management ('repos') needs a token (token, token_file or "
			"GITHUB_PLUGIN_TOKEN) and 'public_url'");
		rc = -EINVAL;
		goto out;
	}
out:
	json_decref(j);
	return rc;
}

void gh_config_free(gh_config_t *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->nsecrets; i++)
		wipe_free(c->secrets[i]);
	wipe_free(c->token);
	for (i = 0; i < c->nrepos; i++)
		free(c->repos[i]);
	free(c->repos);
	free(c->api_url);
	free(c->public_url);
	free(c->ssl_cert);
	free(c->ssl_key);
	free(c->ssl_client_ca);
	memset(c, 0, sizeof(*c));
}
