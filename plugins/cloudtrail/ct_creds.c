/* ct_creds.c - container and instance-metadata credentials with refresh. */
#include "ct_creds.h"

#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "ct_split.h"
#include "sk_sdk_util.h"

/* Refresh this long before the expiry, as the AWS SDKs do. */
#define CT_CREDS_MARGIN_S 300

typedef struct hbuf {
	char p[65536];
	size_t n;
} hbuf_t;

static size_t on_data(char *p, size_t sz, size_t nm, void *ud)
{
	hbuf_t *b = ud;
	size_t n = sz * nm;

	if (b->n + n >= sizeof(b->p))
		return 0;
	memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
	return n;
}

/* One small HTTP exchange with the metadata endpoints: short timeouts, so a
 * host without them answers quickly. Returns the HTTP status or -EIO. */
static long http(const char *method, const char *url, const char *hdr1, const char *hdr2,
	hbuf_t *out)
{
	CURL *h = curl_easy_init();
	struct curl_slist *hl = NULL;
	long status = 0;
	CURLcode cc;

	if (!h)
		return -ENOMEM;
	out->n = 0;
	out->p[0] = '\0';
	if (hdr1)
		hl = curl_slist_append(hl, hdr1);
	if (hdr2)
		hl = curl_slist_append(hl, hdr2);
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hl);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	cc = curl_easy_perform(h);
	if (cc == CURLE_OK)
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(hl);
	curl_easy_cleanup(h);
	return cc == CURLE_OK ? status : -EIO;
}

static void wipe(char **s)
{
	if (*s) {
		explicit_bzero(*s, strlen(*s));
		free(*s);
		*s = NULL;
	}
}

/* {AccessKeyId, SecretAccessKey, Token, Expiration} (both endpoints). */
static int take_json(ct_creds_t *c, hbuf_t *b, char *err, size_t errlen)
{
	json_t *j = json_loads(b->p, 0, NULL);
	const char *ak = json_string_value(json_object_get(j, "AccessKeyId"));
	const char *sk = json_string_value(json_object_get(j, "SecretAccessKey"));
	const char *tok = json_string_value(json_object_get(j, "Token"));
	const char *exp = json_string_value(json_object_get(j, "Expiration"));
	uint64_t ns = 0;
	int rc = 0;

	if (!ak || !sk) {
		snprintf(err, errlen, "the credentials answer has no AccessKeyId/SecretAccessKey");
		rc = -EPROTO;
		goto out;
	}
	wipe(&c->ak);
	wipe(&c->sk);
	wipe(&c->tok);
	c->ak = strdup(ak);
	c->sk = strdup(sk);
	c->tok = tok ? strdup(tok) : NULL;
	if (!c->ak || !c->sk || (tok && !c->tok)) {
		snprintf(err, errlen, "out of memory");
		rc = -ENOMEM;
		goto out;
	}
	/* without an expiry, refresh every hour */
	c->expires = exp && sk_sdk_rfc3339_ns(exp, strlen(exp), &ns) == 0 ?
		(int64_t)(ns / 1000000000ULL) : (int64_t)time(NULL) + 3600;
out:
	explicit_bzero(b->p, b->n);
	json_decref(j);
	return rc;
}

static int fetch_ecs(ct_creds_t *c, char *err, size_t errlen)
{
	hbuf_t *b = malloc(sizeof(*b));
	char *hdr = NULL;
	long st;
	int rc;

	if (!b)
		return -ENOMEM;
	if (c->auth && asprintf(&hdr, "Authorization: %s", c->auth) < 0)
		hdr = NULL;
	st = http("GET", c->url, hdr, NULL, b);
	wipe(&hdr);
	if (st != 200) {
		snprintf(err, errlen, "container credentials endpoint %s: %s %ld", c->url,
			st < 0 ? "no answer" : "HTTP", st < 0 ? 0 : st);
		rc = -EIO;
	} else {
		rc = take_json(c, b, err, errlen);
	}
	free(b);
	return rc;
}

static int imds_token(const char *base, hbuf_t *b, char **hdr)
{
	char *url;
	long st;

	if (asprintf(&url, "%s/latest/api/token", base) < 0)
		return -ENOMEM;
	st = http("PUT", url, "X-aws-ec2-metadata-token-ttl-seconds: 21600", NULL, b);
	free(url);
	if (st != 200 || !b->n)
		return -EIO;
	return asprintf(hdr, "X-aws-ec2-metadata-token: %s", b->p) < 0 ? -ENOMEM : 0;
}

static int fetch_imds(ct_creds_t *c, char *err, size_t errlen)
{
	hbuf_t *b = malloc(sizeof(*b));
	char *hdr = NULL, *url = NULL, *nl;
	long st;
	int rc = -EIO;

	if (!b)
		return -ENOMEM;
	if (imds_token(c->url, b, &hdr) < 0) {
		snprintf(err, errlen, "no instance metadata service at %s", c->url);
		goto out;
	}
	if (!c->role) {
		if (asprintf(&url, "%s/latest/meta-data/iam/security-credentials/", c->url) < 0)
			goto out;
		st = http("GET", url, hdr, NULL, b);
		free(url);
		url = NULL;
		if (st != 200 || !b->n) {
			snprintf(err, errlen, "the instance has no IAM role (instance metadata "
				"answered %ld)", st);
			goto out;
		}
		if ((nl = strchr(b->p, '\n')))
			*nl = '\0';
		if (!(c->role = strdup(b->p)))
			goto out;
	}
	if (asprintf(&url, "%s/latest/meta-data/iam/security-credentials/%s", c->url, c->role) < 0) {
		url = NULL;
		goto out;
	}
	st = http("GET", url, hdr, NULL, b);
	if (st != 200) {
		snprintf(err, errlen, "instance role %s: credentials answered HTTP %ld", c->role, st);
		goto out;
	}
	rc = take_json(c, b, err, errlen);
out:
	wipe(&hdr);
	free(url);
	free(b);
	return rc;
}

static char *read_small_file(const char *path);

/* Text of <tag>…</tag> in an STS answer (malloc'd), or NULL. */
static char *xml_text(const char *doc, const char *tag)
{
	char open[64], close[64];
	const char *a, *b;

	snprintf(open, sizeof(open), "<%s>", tag);
	snprintf(close, sizeof(close), "</%s>", tag);
	if (!(a = strstr(doc, open)) || !(b = strstr(a, close)))
		return NULL;
	a += strlen(open);
	return strndup(a, (size_t)(b - a));
}

static int fetch_web(ct_creds_t *c, char *err, size_t errlen)
{
	hbuf_t *b = malloc(sizeof(*b));
	char *tok = read_small_file(c->token_file), *etok = NULL, *erole = NULL, *url = NULL;
	char *ak = NULL, *sk = NULL, *st = NULL, *exp = NULL;
	const char *ep = getenv("AWS_ENDPOINT_URL_STS");
	uint64_t ns = 0;
	CURL *h = curl_easy_init();
	long status;
	int rc = -EIO;

	if (!b || !h || !tok) {
		snprintf(err, errlen, "cannot read the web identity token %s", c->token_file);
		goto out;
	}
	etok = curl_easy_escape(h, tok, 0);
	erole = curl_easy_escape(h, c->role, 0);
	/* AssumeRoleWithWebIdentity is not signed: the token is the proof. */
	if (!etok || !erole ||
	    asprintf(&url, "%s/?Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=%s"
		     "&RoleSessionName=saker-cloudtrail&WebIdentityToken=%s",
		     ep && *ep ? ep : "", erole, etok) < 0) {
		url = NULL;
		goto out;
	}
	if (!(ep && *ep)) {
		char *full;

		if (asprintf(&full, "https://sts.%s.amazonaws.com%s", c->region, url) < 0)
			goto out;
		free(url);
		url = full;
	}
	status = http("GET", url, NULL, NULL, b);
	if (status != 200) {
		snprintf(err, errlen, "STS AssumeRoleWithWebIdentity for %s: %s %ld", c->role,
			status < 0 ? "no answer" : "HTTP", status < 0 ? 0 : status);
		goto out;
	}
	ak = xml_text(b->p, "AccessKeyId");
	sk = xml_text(b->p, "SecretAccessKey");
	st = xml_text(b->p, "SessionToken");
	exp = xml_text(b->p, "Expiration");
	if (!ak || !sk) {
		snprintf(err, errlen, "STS AssumeRoleWithWebIdentity: no credentials in the answer");
		goto out;
	}
	wipe(&c->ak);
	wipe(&c->sk);
	wipe(&c->tok);
	c->ak = ak;
	c->sk = sk;
	c->tok = st;
	ak = sk = st = NULL;
	c->expires = exp && sk_sdk_rfc3339_ns(exp, strlen(exp), &ns) == 0 ?
		(int64_t)(ns / 1000000000ULL) : (int64_t)time(NULL) + 3600;
	rc = 0;
out:
	if (b)
		explicit_bzero(b->p, b->n);
	wipe(&tok);
	wipe(&ak);
	wipe(&sk);
	wipe(&st);
	free(exp);
	if (etok) {
		explicit_bzero(etok, strlen(etok));
		curl_free(etok);
	}
	curl_free(erole);
	if (url) {
		explicit_bzero(url, strlen(url));
		free(url);
	}
	curl_easy_cleanup(h);
	free(b);
	return rc;
}

static int fetch(ct_creds_t *c, char *err, size_t errlen)
{
	switch (c->source) {
	case CT_CREDS_WEB:
		return fetch_web(c, err, errlen);
	case CT_CREDS_ECS:
		return fetch_ecs(c, err, errlen);
	default:
		return fetch_imds(c, err, errlen);
	}
}

static char *read_small_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[8192];
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	buf[n] = '\0';
	return strdup(buf);
}

static const char *imds_base(void)
{
	const char *e = getenv("AWS_EC2_METADATA_SERVICE_ENDPOINT");

	return e && *e ? e : "http://169.254.169.254";
}

int ct_creds_init(ct_creds_t *c, const char *region, char *err, size_t errlen)
{
	const char *wtok = getenv("AWS_WEB_IDENTITY_TOKEN_FILE");
	const char *wrole = getenv("AWS_ROLE_ARN");
	const char *full = getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI");
	const char *rel = getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
	const char *tokf = getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
	const char *tok = getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN");
	const char *off = getenv("AWS_EC2_METADATA_DISABLED");
	size_t l;
	int rc;

	memset(c, 0, sizeof(*c));
	pthread_mutex_init(&c->mu, NULL);
	if (wtok && *wtok && wrole && *wrole) {
		c->source = CT_CREDS_WEB;
		c->token_file = strdup(wtok);
		c->role = strdup(wrole);
		c->region = strdup(region);
		if (!c->token_file || !c->role || !c->region)
			return -ENOMEM;
	} else if ((full && *full) || (rel && *rel)) {
		c->source = CT_CREDS_ECS;
		if (full && *full)
			c->url = strdup(full);
		else if (asprintf(&c->url, "http://169.254.170.2%s", rel) < 0)
			c->url = NULL;
		c->auth = tokf && *tokf ? read_small_file(tokf) : tok && *tok ? strdup(tok) : NULL;
		if (!c->url)
			return -ENOMEM;
	} else if (!off || strcasecmp(off, "true") != 0) {
		c->source = CT_CREDS_IMDS;
		if (!(c->url = strdup(imds_base())))
			return -ENOMEM;
		if ((l = strlen(c->url)) && c->url[l - 1] == '/')
			c->url[l - 1] = '\0';
	} else {
		snprintf(err, errlen, "no container credentials endpoint and the instance metadata "
			"service is disabled");
		return -ENOENT;
	}
	rc = fetch(c, err, errlen);
	if (rc < 0 && c->source == CT_CREDS_IMDS)
		rc = -ENOENT;
	return rc;
}

void ct_creds_free(ct_creds_t *c)
{
	if (!c)
		return;
	wipe(&c->ak);
	wipe(&c->sk);
	wipe(&c->tok);
	wipe(&c->auth);
	free(c->url);
	free(c->role);
	free(c->token_file);
	free(c->region);
	pthread_mutex_destroy(&c->mu);
	memset(c, 0, sizeof(*c));
}

int ct_creds_get(ct_creds_t *c, char **userpwd, char **token, char *err, size_t errlen)
{
	int rc = 0;

	*userpwd = *token = NULL;
	pthread_mutex_lock(&c->mu);
	if ((int64_t)time(NULL) + CT_CREDS_MARGIN_S >= c->expires &&
	    (rc = fetch(c, err, errlen)) < 0 && (!c->ak || (int64_t)time(NULL) >= c->expires)) {
		pthread_mutex_unlock(&c->mu);
		return rc;
	}
	rc = 0; /* a failed early refresh keeps the still valid credentials */
	if (asprintf(userpwd, "%s:%s", c->ak, c->sk) < 0 ||
	    (c->tok && asprintf(token, "x-amz-security-token: %s", c->tok) < 0)) {
		*userpwd = NULL;
		*token = NULL;
		rc = -ENOMEM;
	}
	pthread_mutex_unlock(&c->mu);
	return rc;
}

char *ct_creds_imds_region(void)
{
	const char *off = getenv("AWS_EC2_METADATA_DISABLED");
	hbuf_t *b;
	char *hdr = NULL, *url = NULL, *region = NULL;

	if (off && strcasecmp(off, "true") == 0)
		return NULL;
	if (!(b = malloc(sizeof(*b))))
		return NULL;
	if (imds_token(imds_base(), b, &hdr) == 0 &&
	    asprintf(&url, "%s/latest/meta-data/placement/region", imds_base()) >= 0 &&
	    http("GET", url, hdr, NULL, b) == 200 && b->n)
		region = strdup(b->p);
	free(url);
	wipe(&hdr);
	free(b);
	return region;
}
