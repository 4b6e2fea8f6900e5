/* gh_scan.c - secret and miner patterns (tables as data) over PCRE2. */
#include "gh_scan.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>

struct gh_re {
	pcre2_code *re;
};

typedef struct secret_rule {
	const char *desc;       /* github.diff.committed_secrets.desc */
	const char *type;
	const char *platform;
	const char *re;
} secret_rule_t;

#define Q "[\"']?"
#define SEP "\\s*(?::|=>|=)\\s*"
#define AWS "(?:aws|AWS|Aws)?_?"

/* Well-known credential formats (AWS, GitHub, Slack, Google, ...). */
static const secret_rule_t secret_rules[] = {
	{ "aws_access_key", "key", "AWS", "(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)"
	  "[A-Z0-9]{16}" },
	{ "aws_secret_key", "key", "AWS", Q AWS "(?:secret|SECRET|Secret)?_?(?:access|ACCESS|Access)?"
	  "_?(?:key|KEY|Key)" Q SEP Q "[A-Za-z0-9/+=]{40}" Q },
	{ "aws_mws_key", "key", "AWS", "amzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
	  "[0-9a-f]{12}" },
	{ "github_personal_access_token", "key", "Github", "ghp_[0-9a-zA-Z]{36}" },
	{ "github_fine_grained_token", "key", "Github", "github_pat_[0-9a-zA-Z_]{82}" },
	{ "github_oauth_access_token", "key", "Github", "gho_[0-9a-zA-Z]{36}" },
	{ "github_app_token", "key", "Github", "(?:ghu|ghs)_[0-9a-zA-Z]{36}" },
	{ "github_refresh_token", "key", "Github", "ghr_[0-9a-zA-Z]{76}" },
	{ "slack", "key", "Slack", "xox[baprs]-[0-9a-zA-Z-]{10,72}" },
	{ "slack_webhook", "key", "Slack", "https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]{8,12}/"
	  "B[A-Za-z0-9_]{8,12}/[A-Za-z0-9_]{24}" },
	{ "asymmetric_private_key", "key", "AsymmetricPrivateKey", "-----BEGIN (?:(?:EC|PGP|DSA|RSA|"
	  "OPENSSH|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----" },
	{ "google_api_key", "key", "Google", "AIza[0-9A-Za-z_-]{35}" },
	{ "google_gcp_service_account", "key", "Google", "\"type\"\\s*:\\s*\"service_account\"" },
	{ "heroku_api_key", "key", "Heroku", "(?i:heroku).{0,20}[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
	  "[0-9a-f]{4}-[0-9a-f]{12}" },
	{ "mailchimp_api_key", "key", "Mailchimp", "(?i:mailchimp|mc).{0,20}[0-9a-f]{32}-us[0-9]{1,2}" },
	{ "mailgun_api_key", "key", "Mailgun", "key-[0-9a-z]{32}" },
	{ "paypal_braintree_access_token", "key", "Paypal", "access_token\\$production\\$[0-9a-z]{16}"
	  "\\$[0-9a-f]{32}" },
	{ "stripe_api_key", "key", "Stripe", "[sr]k_live_[0-9a-zA-Z]{24,99}" },
	{ "sendgrid_api_key", "key", "SendGrid", "SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}" },
	{ "square_access_token", "key", "Square", "sq0atp-[0-9A-Za-z_-]{22}" },
	{ "square_oauth_secret", "key", "Square", "sq0csp-[0-9A-Za-z_-]{43}" },
	{ "twilio_api_key", "key", "Twilio", "SK[0-9a-f]{32}(?![0-9a-zA-Z])" },
	{ "dynatrace_token", "key", "Dynatrace", "dt0[a-zA-Z][0-9]{2}\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}" },
	{ "shopify_token", "key", "Shopify", "shp(?:ss|at|ca|pa)_[a-fA-F0-9]{32}" },
	{ "pypi_upload_token", "key", "PyPI", "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}" },
	{ "npm_access_token", "key", "npm", "npm_[A-Za-z0-9]{36}" },
	{ "gitlab_personal_access_token", "key", "GitLab", "glpat-[0-9A-Za-z_-]{20}" },
};

/* Words that mark a mining job in a workflow (tools, pools, protocols). */
static const char *const miner_words[] = {
	"xmrig", "ccminer", "t-rex", "stratum", "hashrate", "cryptonight",
	"gminer", "gpuminer", "cpuminer", "nanominer", "nicehash", "xmr-stak", "nbminer",
	"srbminer", "hiveos", "ethermine", "kryptex", "2miners", "betterhash", "minerstat",
	"raveos", "f2pool", "unmineable", "minergate", "cryptotab", "lolminer", "phoenixminer",
	"nanopool", "supportxmr", "moneroocean",
};

#define NSECRET (sizeof(secret_rules) / sizeof(secret_rules[0]))
#define NMINER (sizeof(miner_words) / sizeof(miner_words[0]))

static int compile(struct gh_re *out, const char *pat, uint32_t opts, char *err, size_t errlen)
{
	int ec;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[128];

	out->re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts, &ec, &off, NULL);
	if (!out->re) {
		pcre2_get_error_message(ec, msg, sizeof(msg));
		snprintf(err, errlen, "scan pattern %s: %s at %zu", pat, (char *)msg, (size_t)off);
		return -EINVAL;
	}
	pcre2_jit_compile(out->re, PCRE2_JIT_COMPLETE);
	return 0;
}

int gh_scan_init(gh_scan_t *s, char *err, size_t errlen)
{
	char pat[128];
	size_t i;
	int rc;

	memset(s, 0, sizeof(*s));
	s->secrets = calloc(NSECRET, sizeof(*s->secrets));
	s->miners = calloc(NMINER, sizeof(*s->miners));
	if (!s->secrets || !s->miners) {
		gh_scan_free(s);
		return -ENOMEM;
	}
	s->nsecrets = NSECRET;
	s->nminers = NMINER;
	for (i = 0; i < NSECRET; i++)
		if ((rc = compile(&s->secrets[i], secret_rules[i].re, 0, err, errlen)) < 0)
			goto fail;
	for (i = 0; i < NMINER; i++) {
		/* whole words only: "pool" in "spool" or "threadpool" is no miner */
		snprintf(pat, sizeof(pat), "(?<![A-Za-z0-9_])%s(?![A-Za-z0-9_])", miner_words[i]);
		if ((rc = compile(&s->miners[i], pat, PCRE2_CASELESS, err, errlen)) < 0)
			goto fail;
	}
	return 0;
fail:
	gh_scan_free(s);
	return rc;
}

void gh_scan_free(gh_scan_t *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; s->secrets && i < s->nsecrets; i++)
		pcre2_code_free(s->secrets[i].re);
	for (i = 0; s->miners && i < s->nminers; i++)
		pcre2_code_free(s->miners[i].re);
	free(s->secrets);
	free(s->miners);
	memset(s, 0, sizeof(*s));
}

void gh_scan_mask(const char *secret, size_t len, char out[9])
{
	size_t k = len < 4 ? len : 4;

	memcpy(out, secret, k);
	memcpy(out + k, "****", 5);
}

/* First secret rule matching the line; its match span in so and eo. */
static int match_secret(const gh_scan_t *s, pcre2_match_data *md, const char *line, size_t n,
	size_t *so, size_t *eo)
{
	PCRE2_SIZE *ov;
	size_t i;

	for (i = 0; i < s->nsecrets; i++) {
		if (pcre2_match(s->secrets[i].re, (PCRE2_SPTR)line, n, 0, 0, md, NULL) > 0) {
			ov = pcre2_get_ovector_pointer(md);
			*so = ov[0];
			*eo = ov[1];
			return (int)i;
		}
	}
	return -1;
}

static int scan_patch(const gh_scan_t *s, pcre2_match_data *md, const char *name,
	const char *patch, sk_sdk_buf_t *out, bool *first_file)
{
	const char *p = patch, *nl, *h;
	unsigned long line = 0;
	size_t n, so, eo;
	bool open = false;
	char masked[9];
	int k, found = 0;

	for (; *p; p = *nl ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		n = (size_t)(nl - p);
		if (n && p[n - 1] == '\r')
			n--;
		if (n >= 2 && p[0] == '@' && p[1] == '@') {
			/* "@@ -a,b +c,d @@": added lines count from c */
			h = memchr(p, '+', n);
			line = h ? strtoul(h + 1, NULL, 10) : 0;
			continue;
		}
		if (p[0] == '-' || p[0] == '\\')
			continue;
		if (p[0] == '+' && (k = match_secret(s, md, p + 1, n - 1, &so, &eo)) >= 0) {
			if (!open) {
				sk_sdk_buf_str(out, *first_file ? "{\"name\":" : ",{\"name\":");
				gh_buf_json_str(out, name, strlen(name));
				sk_sdk_buf_str(out, ",\"matches\":[");
				*first_file = false;
				open = true;
			} else {
				sk_sdk_buf_str(out, ",");
			}
			gh_scan_mask(p + 1 + so, eo - so, masked);
			gh_buf_printf(out, "{\"line\":%lu,\"type\":\"%s\",\"desc\":\"%s\","
				"\"platform\":\"%s\",\"masked\":", line, secret_rules[k].type,
				secret_rules[k].desc, secret_rules[k].platform);
			gh_buf_json_str(out, masked, strlen(masked));
			sk_sdk_buf_str(out, "}");
			found++;
		}
		line++;
	}
	if (open)
		sk_sdk_buf_str(out, "]}");
	return found;
}

int gh_scan_compare(const gh_scan_t *s, const char *json, size_t len, sk_sdk_buf_t *out)
{
	json_t *root, *files, *f, *name, *patch;
	pcre2_match_data *md;
	bool first = true;
	size_t i;
	int total = 0;

	root = json_loadb(json, len, 0, NULL);
	files = root ? json_object_get(root, "files") : NULL;
	if (!json_is_array(files)) {
		json_decref(root);
		return -EINVAL;
	}
	md = pcre2_match_data_create(4, NULL);
	if (!md) {
		json_decref(root);
		return -ENOMEM;
	}
	sk_sdk_buf_str(out, "\"files\":[");
	json_array_foreach(files, i, f) {
		name = json_object_get(f, "filename");
		patch = json_object_get(f, "patch");
		if (json_is_string(name) && json_is_string(patch))
			total += scan_patch(s, md, json_string_value(name), json_string_value(patch), out,
				&first);
	}
	sk_sdk_buf_str(out, "]");
	pcre2_match_data_free(md);
	json_decref(root);
	return out->err ? out->err : total;
}

int gh_scan_workflow(const gh_scan_t *s, const char *text, size_t len, sk_sdk_buf_t *out)
{
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	const char *p = text, *end = text + len, *nl;
	unsigned long line = 1;
	size_t i;
	int found = 0;

	if (!md)
		return -ENOMEM;
	sk_sdk_buf_str(out, "\"workflow_miner_detections\":{\"matches\":[");
	for (; p < end; p = nl + 1, line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		for (i = 0; i < s->nminers; i++) {
			if (pcre2_match(s->miners[i].re, (PCRE2_SPTR)p, (size_t)(nl - p), 0, 0, md,
				    NULL) <= 0)
				continue;
			gh_buf_printf(out, "%s{\"line\":%lu,\"type\":", found ? "," : "", line);
			/* the type is the word itself, without regex escapes */
			gh_buf_json_str(out, miner_words[i], strcspn(miner_words[i], "\\"));
			sk_sdk_buf_str(out, "}");
			found++;
		}
	}
	sk_sdk_buf_str(out, "]}");
	pcre2_match_data_free(md);
	return out->err ? out->err : found;
}
