/* ct_aws.c - credentials, region and SigV4 requests with retries. */
#include "ct_aws.h"

#include <errno.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void wipe_free(char *s)
{
	if (s) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}

void ct_aws_free(ct_aws_t *a)
{
	if (!a)
		return;
	wipe_free(a->access_key);
	wipe_free(a->secret_key);
	wipe_free(a->session_token);
	if (a->dynamic)
		ct_creds_free(&a->dyn);
	free(a->region);
	free(a->endpoint);
	memset(a, 0, sizeof(*a));
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Value of key in [section] of an INI file (malloc'd), or NULL. */
static char *ini_get(const char *path, const char *section, const char *key)
{
	FILE *f = fopen(path, "r");
	char line[4096], *val = NULL;
	bool in = false;

	if (!f)
		return NULL;
	while (!val && fgets(line, sizeof(line), f)) {
		char *l = trim(line), *eq;

		if (!*l || *l == '#' || *l == ';')
			continue;
		if (*l == '[') {
			char *end = strchr(l, ']');

			if (end) {
				*end = '\0';
				in = strcmp(trim(l + 1), section) == 0;
			}
			continue;
		}
		if (!in || !(eq = strchr(l, '=')))
			continue;
		*eq = '\0';
		if (strcmp(trim(l), key) == 0)
			val = strdup(trim(eq + 1));
	}
	explicit_bzero(line, sizeof(line));
	fclose(f);
	return val;
}

static char *home_path(const char *rel)
{
	const char *h = getenv("HOME");
	char *p;

	if (!h || asprintf(&p, "%s/%s", h, rel) < 0)
		return NULL;
	return p;
}

static char *env_dup(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? strdup(v) : NULL;
}

int ct_aws_init(ct_aws_t *a, const ct_config_t *cfg, ct_counters_t *c, const ct_logger_t *log,
	atomic_bool *stop, char *err, size_t errlen)
{
	const char *profile = cfg->aws.profile ? cfg->aws.profile :
			      getenv("AWS_PROFILE") && *getenv("AWS_PROFILE") ? getenv("AWS_PROFILE") :
									       "default";
	char *cred_file = cfg->aws.credentials ? strdup(cfg->aws.credentials) :
			  env_dup("AWS_SHARED_CREDENTIALS_FILE");
	char *conf_file = cfg->aws.config ? strdup(cfg->aws.config) : env_dup("AWS_CONFIG_FILE");
	char *conf_section = NULL;
	size_t l;

	if (!cred_file)
		cred_file = home_path(".aws/credentials");
	if (!conf_file)
		conf_file = home_path(".aws/config");
	memset(a, 0, sizeof(*a));
	a->cfg = cfg;
	a->c = c;
	a->log = log;
	a->stop = stop;
	if (asprintf(&conf_section, strcmp(profile, "default") ? "profile %s" : "%s", profile) < 0)
		conf_section = NULL;
	/* An explicitly configured profile wins over the environment. */
	if (!cfg->aws.profile) {
		a->access_key = env_dup("AWS_ACCESS_KEY_ID");
		a->secret_key = env_dup("AWS_SECRET_ACCESS_KEY");
		a->session_token = env_dup("AWS_SESSION_TOKEN");
	}
	if ((!a->access_key || !a->secret_key) && cred_file) {
		wipe_free(a->access_key);
		wipe_free(a->secret_key);
		wipe_free(a->session_token);
		a->access_key = ini_get(cred_file, profile, "aws_access_key_id");
		a->secret_key = ini_get(cred_file, profile, "aws_secret_access_key");
		a->session_token = ini_get(cred_file, profile, "aws_session_token");
	}
	if ((!a->access_key || !a->secret_key) && conf_file && conf_section) {
		wipe_free(a->access_key);
		wipe_free(a->secret_key);
		wipe_free(a->session_token);
		a->access_key = ini_get(conf_file, conf_section, "aws_access_key_id");
		a->secret_key = ini_get(conf_file, conf_section, "aws_secret_access_key");
		a->session_token = ini_get(conf_file, conf_section, "aws_session_token");
	}
	a->region = cfg->aws.region ? strdup(cfg->aws.region) : env_dup("AWS_REGION");
	if (!a->region)
		a->region = env_dup("AWS_DEFAULT_REGION");
	if (!a->region && conf_file && conf_section)
		a->region = ini_get(conf_file, conf_section, "region");
	if (!a->region && !cfg->endpoint)
		a->region = ct_creds_imds_region();
	if (!a->region)
		a->region = strdup("us-east-1");
	if (cfg->endpoint) {
		a->endpoint = strdup(cfg->endpoint);
		if (a->endpoint && (l = strlen(a->endpoint)) && a->endpoint[l - 1] == '/')
			a->endpoint[l - 1] = '\0';
	}
	free(cred_file);
	free(conf_file);
	free(conf_section);
	if (!a->region || (cfg->endpoint && !a->endpoint)) {
		snprintf(err, errlen, "out of memory");
		ct_aws_free(a);
		return -ENOMEM;
	}
	if (!a->access_key || !a->secret_key) {
		char why[256] = "";
		int rc;

		wipe_free(a->access_key);
		wipe_free(a->secret_key);
		wipe_free(a->session_token);
		a->access_key = a->secret_key = a->session_token = NULL;
		rc = ct_creds_init(&a->dyn, a->region, why, sizeof(why));
		if (rc == 0) {
			a->dynamic = true;
			sk_sdk_logf(log, SS_PLUGIN_LOG_SEV_INFO, "using %s credentials",
				a->dyn.source == CT_CREDS_WEB ? "web identity" :
				a->dyn.source == CT_CREDS_ECS ? "container" : "instance role");
			return 0;
		}
		ct_creds_free(&a->dyn);
		if (rc == -ENOENT)
			snprintf(err, errlen, "no AWS credentials: set AWS_ACCESS_KEY_ID and "
				"AWS_SECRET_ACCESS_KEY, give a profile (aws.profile, AWS_PROFILE) "
				"with aws_access_key_id and aws_secret_access_key in the shared "
				"credentials or config file, or run with a container or instance "
				"role (%s)", why);
		else
			snprintf(err, errlen, "AWS credentials: %s", why);
		ct_aws_free(a);
		return rc == -ENOENT ? -EACCES : rc;
	}
	return 0;
}

char *ct_uri_encode(const char *s, bool keep_slash)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = malloc(strlen(s) * 3 + 1), *o = out;

	if (!out)
		return NULL;
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    ch == '-' || ch == '_' || ch == '.' || ch == '~' || (keep_slash && ch == '/')) {
			*o++ = (char)ch;
		} else {
			*o++ = '%';
			*o++ = hex[ch >> 4];
			*o++ = hex[ch & 15];
		}
	}
	*o = '\0';
	return out;
}

static int on_progress(void *ud, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d)
{
	atomic_bool *stop = ud;

	(void)a, (void)b, (void)c, (void)d;
	return stop && atomic_load(stop) ? 1 : 0;
}

static void sha256_hex(const void *p, size_t n, char out[65])
{
	unsigned char md[SHA256_DIGEST_LENGTH];
	int i;

	SHA256(p, n, md);
	for (i = 0; i < SHA256_DIGEST_LENGTH; i++)
		sprintf(out + i * 2, "%02x", md[i]);
}

static bool retryable(long status, const sk_sdk_buf_t *b)
{
	if (status == 429 || status >= 500)
		return true;
	return status == 400 && b->p && (strstr(b->p, "Throttling") || strstr(b->p, "RequestThrottled"));
}

/* Sleep for the backoff, waking early when the owner stops. */
static void backoff(ct_aws_t *a, unsigned attempt)
{
	uint64_t ms = 100ULL << (attempt < 6 ? attempt : 6);
	uint64_t slept = 0;

	ms = ms > 5000 ? 5000 : ms;
	ms += (uint64_t)rand() % (ms / 2 + 1);
	while (slept < ms && !(a->stop && atomic_load(a->stop))) {
		struct timespec ts = { 0, 20 * 1000000L };

		nanosleep(&ts, NULL);
		slept += 20;
	}
}

int ct_aws_send(ct_aws_t *a, CURL *h, const ct_req_t *r, long *status, sk_sdk_buf_t *out, char *err,
	size_t errlen)
{
	char sigv4[128], hash[65], hdr[160];
	char *userpwd = NULL, *token = NULL;
	struct curl_slist *hl = NULL;
	unsigned attempt;
	CURLcode cc = CURLE_OK;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	/* max_response counts the terminating NUL (see ct_aws.h) */
	out->max = r->max_response > 1 ? r->max_response - 1 : 1;
	if (a->dynamic) {
		if ((rc = ct_creds_get(&a->dyn, &userpwd, &token, err, errlen)) < 0) {
			ct_count(a->c, CT_C_AWS_ERRORS, 1);
			return rc;
		}
	} else if (asprintf(&userpwd, "%s:%s", a->access_key, a->secret_key) < 0 ||
		   (a->session_token &&
		    asprintf(&token, "x-amz-security-token: %s", a->session_token) < 0)) {
		wipe_free(userpwd);
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	snprintf(sigv4, sizeof(sigv4), "aws:amz:%s:%s", a->region, r->service);
	sha256_hex(r->body ? r->body : "", r->body_len, hash);
	snprintf(hdr, sizeof(hdr), "x-amz-content-sha256: %s", hash);
	hl = curl_slist_append(hl, hdr);
	if (r->content_type) {
		snprintf(hdr, sizeof(hdr), "Content-Type: %s", r->content_type);
		hl = curl_slist_append(hl, hdr);
	}
	if (r->target) {
		snprintf(hdr, sizeof(hdr), "X-Amz-Target: %s", r->target);
		hl = curl_slist_append(hl, hdr);
	}
	if (token)
		hl = curl_slist_append(hl, token);
	hl = curl_slist_append(hl, "Expect:");
	for (attempt = 0;; attempt++) {
		curl_easy_reset(h);
		curl_easy_setopt(h, CURLOPT_URL, r->url);
		curl_easy_setopt(h, CURLOPT_AWS_SIGV4, sigv4);
		curl_easy_setopt(h, CURLOPT_USERPWD, userpwd);
		curl_easy_setopt(h, CURLOPT_HTTPHEADER, hl);
		curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sk_sdk_buf_curl_write);
		curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
		curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)a->cfg->timeout_ms);
		curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
		curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
		curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
		curl_easy_setopt(h, CURLOPT_XFERINFODATA, a->stop);
		curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
		if (strcmp(r->method, "POST") == 0) {
			curl_easy_setopt(h, CURLOPT_POST, 1L);
			curl_easy_setopt(h, CURLOPT_POSTFIELDS, r->body ? r->body : "");
			curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)r->body_len);
		}
		sk_sdk_buf_clear(out);
		ct_count(a->c, CT_C_AWS_REQUESTS, 1);
		cc = curl_easy_perform(h);
		*status = 0;
		if (cc == CURLE_OK)
			curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
		if (a->stop && atomic_load(a->stop)) {
			snprintf(err, errlen, "stopped");
			rc = -ECANCELED;
			break;
		}
		if (cc == CURLE_WRITE_ERROR && out->err == -E2BIG) {
			snprintf(err, errlen, "%s %s: response over %zu bytes", r->method, r->url,
				r->max_response);
			rc = -EFBIG;
			break;
		}
		if (cc == CURLE_OK && !retryable(*status, out))
			break;
		if (attempt >= a->cfg->retries) {
			if (cc != CURLE_OK) {
				snprintf(err, errlen, "%s %s: %s (after %u attempts)", r->method, r->url,
					curl_easy_strerror(cc), attempt + 1);
				rc = -EIO;
			}
			break;
		}
		ct_count(a->c, CT_C_AWS_RETRIES, 1);
		sk_sdk_logf(a->log, SS_PLUGIN_LOG_SEV_DEBUG, "retrying %s %s (%s)", r->method, r->url,
			cc != CURLE_OK ? curl_easy_strerror(cc) : "throttled or server error");
		backoff(a, attempt);
	}
	wipe_free(userpwd);
	wipe_free(token);
	curl_slist_free_all(hl);
	if (rc < 0 || *status >= 300)
		ct_count(a->c, CT_C_AWS_ERRORS, 1);
	if (rc < 0)
		sk_sdk_buf_free(out);
	return rc;
}
