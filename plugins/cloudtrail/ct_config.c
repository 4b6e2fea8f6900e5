/* ct_config.c - init_config keys, defaults and s3Interval. */
#include "ct_config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ct_split.h"
#include "sk_plugin_sdk.h"

const char sk__ct_init_schema[] =
	"{\"type\":\"object\",\"properties\":{"
	"\"s3DownloadConcurrency\":{\"type\":\"integer\",\"minimum\":1},"
	"\"s3Interval\":{\"type\":\"string\"},"
	"\"sqsDelete\":{\"type\":\"boolean\"},"
	"\"useAsync\":{\"type\":\"boolean\"},"
	"\"useS3SNS\":{\"type\":\"boolean\"},"
	"\"s3AccountList\":{\"type\":\"string\"},"
	"\"sqsOwnerAccount\":{\"type\":\"string\"},"
	"\"aws\":{\"type\":\"object\",\"properties\":{"
	"\"profile\":{\"type\":\"string\"},\"region\":{\"type\":\"string\"},"
	"\"config\":{\"type\":\"string\"},\"credentials\":{\"type\":\"string\"}}},"
	"\"endpoint\":{\"type\":\"string\"},"
	"\"checkpoint_file\":{\"type\":\"string\"},"
	"\"follow\":{\"type\":\"boolean\"},"
	"\"followIntervalMs\":{\"type\":\"integer\",\"minimum\":10},"
	"\"maxRecordSize\":{\"type\":\"integer\",\"minimum\":1024},"
	"\"maxObjectSize\":{\"type\":\"integer\",\"minimum\":1024},"
	"\"batchMaxEvents\":{\"type\":\"integer\",\"minimum\":1},"
	"\"queueMaxObjects\":{\"type\":\"integer\",\"minimum\":1},"
	"\"queueMaxBytes\":{\"type\":\"integer\",\"minimum\":0},"
	"\"dedupWindow\":{\"type\":\"integer\",\"minimum\":0},"
	"\"checkpointIntervalMs\":{\"type\":\"integer\",\"minimum\":0},"
	"\"sqsWaitSeconds\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":20},"
	"\"maxRetries\":{\"type\":\"integer\",\"minimum\":0},"
	"\"requestTimeoutMs\":{\"type\":\"integer\",\"minimum\":100}}}";

static int dup_opt(const char *v, char **out)
{
	*out = NULL;
	if (!v || !*v)
		return 0;
	*out = strdup(v);
	return *out ? 0 : -ENOMEM;
}

int ct_config_load(ct_config_t *c, const char *text, char *e, size_t el)
{
	static const char *const known[] = { "s3DownloadConcurrency", "s3Interval", "sqsDelete",
		"useAsync", "useS3SNS", "s3AccountList", "sqsOwnerAccount", "aws", "endpoint",
		"checkpoint_file", "follow", "followIntervalMs", "maxRecordSize", "maxObjectSize",
		"batchMaxEvents", "queueMaxObjects", "queueMaxBytes", "dedupWindow",
		"checkpointIntervalMs",
		"sqsWaitSeconds", "maxRetries", "requestTimeoutMs", NULL };
	static const char *const aws_known[] = { "profile", "region", "config", "credentials",
		NULL };
	const char *interval, *accts, *owner, *ep, *ck, *prof, *reg, *acfg, *acred;
	json_t *j = NULL, *aws;
	bool use_async;
	int rc;

	memset(c, 0, sizeof(*c));
	if ((rc = sk_sdk_config_parse(text, &j, e, el)) < 0)
		return rc;
	aws = json_object_get(j, "aws");
	if (aws && !json_is_object(aws) && !json_is_null(aws)) {
		snprintf(e, el, "init config key 'aws' must be an object");
		rc = -EINVAL;
		goto out;
	}
	if ((rc = sk_sdk_config_check_keys(j, known, e, el)) < 0 ||
	    (aws && json_is_object(aws) && (rc = sk_sdk_config_check_keys(aws, aws_known, e, el)) < 0) ||
	    (rc = sk_sdk_config_u64(j, "s3DownloadConcurrency", 32, 1, 1024, &c->s3_concurrency, e,
		    el)) < 0 ||
	    (rc = sk_sdk_config_string(j, "s3Interval", "", &interval, e, el)) < 0 ||
	    (rc = sk_sdk_config_bool(j, "sqsDelete", true, &c->sqs_delete, e, el)) < 0 ||
	    (rc = sk_sdk_config_bool(j, "useAsync", true, &use_async, e, el)) < 0 ||
	    (rc = sk_sdk_config_bool(j, "useS3SNS", false, &c->use_s3_sns, e, el)) < 0 ||
	    (rc = sk_sdk_config_string(j, "s3AccountList", "", &accts, e, el)) < 0 ||
	    (rc = sk_sdk_config_string(j, "sqsOwnerAccount", "", &owner, e, el)) < 0 ||
	    (rc = sk_sdk_config_string(j, "endpoint", "", &ep, e, el)) < 0 ||
	    (rc = sk_sdk_config_string(j, "checkpoint_file", "", &ck, e, el)) < 0 ||
	    (rc = sk_sdk_config_bool(j, "follow", false, &c->follow, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "followIntervalMs", 60000, 10, 86400000ULL,
		    &c->follow_interval_ms, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "maxRecordSize", 512 * 1024, 1024, 64ULL << 20,
		    &c->max_record_size, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "maxObjectSize", 256ULL << 20, 1024, 4ULL << 30,
		    &c->max_object_size, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "batchMaxEvents", 512, 1, 1 << 20, &c->batch_max_events, e,
		    el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "queueMaxObjects", 16, 1, 65536, &c->queue_max_objects, e,
		    el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "queueMaxBytes", 256ULL << 20, 0, 1ULL << 40,
		    &c->queue_max_bytes, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "dedupWindow", 100000, 0, 1ULL << 26, &c->dedup_window, e,
		    el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "checkpointIntervalMs", 1000, 0, 3600000,
		    &c->checkpoint_interval_ms, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "sqsWaitSeconds", 20, 0, 20, &c->sqs_wait_s, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "maxRetries", 5, 0, 100, &c->retries, e, el)) < 0 ||
	    (rc = sk_sdk_config_u64(j, "requestTimeoutMs", 60000, 100, 3600000, &c->timeout_ms, e,
		    el)) < 0)
		goto out;
	if (aws && json_is_object(aws) &&
	    ((rc = sk_sdk_config_string(aws, "profile", "", &prof, e, el)) < 0 ||
	     (rc = sk_sdk_config_string(aws, "region", "", &reg, e, el)) < 0 ||
	     (rc = sk_sdk_config_string(aws, "config", "", &acfg, e, el)) < 0 ||
	     (rc = sk_sdk_config_string(aws, "credentials", "", &acred, e, el)) < 0))
		goto out;
	if (!aws || !json_is_object(aws))
		prof = reg = acfg = acred = "";
	if (ct_interval_parse(interval, (int64_t)time(NULL), &c->interval_start,
		    &c->interval_end) < 0) {
		snprintf(e, el, "init config key 's3Interval': cannot parse \"%s\" (use e.g. 5d, "
			"2021-03-30T18:07:17Z, 5d-2d, T1-T2, T-5d)", interval);
		rc = -EINVAL;
		goto out;
	}
	if (dup_opt(interval, &c->s3_interval) < 0 || dup_opt(accts, &c->s3_account_list) < 0 ||
	    dup_opt(owner, &c->sqs_owner_account) < 0 || dup_opt(ep, &c->endpoint) < 0 ||
	    dup_opt(ck, &c->checkpoint_file) < 0 || dup_opt(prof, &c->aws.profile) < 0 ||
	    dup_opt(reg, &c->aws.region) < 0 || dup_opt(acfg, &c->aws.config) < 0 ||
	    dup_opt(acred, &c->aws.credentials) < 0) {
		snprintf(e, el, "out of memory");
		rc = -ENOMEM;
	}
out:
	json_decref(j);
	return rc;
}

void ct_config_free(ct_config_t *c)
{
	if (!c)
		return;
	free(c->s3_interval);
	free(c->s3_account_list);
	free(c->sqs_owner_account);
	free(c->endpoint);
	free(c->checkpoint_file);
	free(c->aws.profile);
	free(c->aws.region);
	free(c->aws.config);
	free(c->aws.credentials);
	memset(c, 0, sizeof(*c));
}

static int parse_duration(const char *s, size_t n, int64_t *secs)
{
	int64_t total = 0;
	size_t i = 0;

	if (!n)
		return -EINVAL;
	while (i < n) {
		int64_t v = 0, mul;
		size_t st = i;

		while (i < n && s[i] >= '0' && s[i] <= '9' && v < (INT64_C(1) << 40))
			v = v * 10 + (s[i++] - '0');
		if (i == st || i >= n)
			return -EINVAL;
		switch (s[i++]) {
		case 's': mul = 1; break;
		case 'm': mul = 60; break;
		case 'h': mul = 3600; break;
		case 'd': mul = 86400; break;
		case 'w': mul = 7 * 86400; break;
		default: return -EINVAL;
		}
		total += v * mul;
	}
	*secs = total;
	return 0;
}

/* A point: a duration ago or an RFC 3339 time. */
static int parse_point(const char *s, size_t n, int64_t now, int64_t *t)
{
	uint64_t ns;
	int64_t d;

	if (parse_duration(s, n, &d) == 0) {
		*t = now - d;
		return 0;
	}
	if (sk_sdk_rfc3339_ns(s, n, &ns) == 0) {
		*t = (int64_t)(ns / 1000000000ULL);
		return 0;
	}
	return -EINVAL;
}

int ct_interval_parse(const char *s, int64_t now, int64_t *start, int64_t *end)
{
	size_t n = s ? strlen(s) : 0, i;

	*start = 0;
	*end = INT64_MAX;
	if (!n)
		return 0;
	if (parse_point(s, n, now, start) == 0)
		return 0;
	/* RFC 3339 times hold dashes: try every dash as the separator. */
	for (i = 1; i + 1 < n; i++) {
		if (s[i] != '-')
			continue;
		if (parse_point(s, i, now, start) == 0 &&
		    parse_point(s + i + 1, n - i - 1, now, end) == 0 && *start <= *end)
			return 0;
	}
	*start = 0;
	*end = INT64_MAX;
	return -EINVAL;
}

int ct_key_time(const char *key, int64_t *t)
{
	const char *p = strstr(key, "_CloudTrail_");
	char buf[24];
	uint64_t ns;

	if (!p || !(p = strchr(p + 12, '_')))
		return -ENOENT;
	p++;
	/* YYYYMMDDTHHmmZ */
	if (strlen(p) < 14 || p[8] != 'T' || p[13] != 'Z')
		return -ENOENT;
	snprintf(buf, sizeof(buf), "%.4s-%.2s-%.2sT%.2s:%.2s:00Z", p, p + 4, p + 6, p + 9, p + 11);
	if (sk_sdk_rfc3339_ns(buf, strlen(buf), &ns) < 0)
		return -ENOENT;
	*t = (int64_t)(ns / 1000000000ULL);
	return 0;
}
