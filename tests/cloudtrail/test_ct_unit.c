/*
 * test_ct_unit.c - unit tests of the cloudtrail plugin's pure parts:
 * timestamps, s3Interval, key times, record splitting and classification,
 * gzip decoding, the eventID window and the checkpoint file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "ct_ckpt.h"
#include "ct_config.h"
#include "ct_object.h"
#include "ct_split.h"
#include "sktest.h"

static void test_interval(void)
{
	int64_t s, e, now = 1700000000;

	CHECK(ct_interval_parse("", now, &s, &e) == 0 && s == 0 && e == INT64_MAX, "empty");
	CHECK(ct_interval_parse("5d", now, &s, &e) == 0 && s == now - 5 * 86400 && e == INT64_MAX,
		"5d");
	CHECK(ct_interval_parse("1d12h", now, &s, &e) == 0 && s == now - 36 * 3600, "1d12h");
	CHECK(ct_interval_parse("2021-03-30T18:07:17Z", now, &s, &e) == 0 && s == 1617127637 &&
		e == INT64_MAX, "time");
	CHECK(ct_interval_parse("5d-2d", now, &s, &e) == 0 && s == now - 5 * 86400 &&
		e == now - 2 * 86400, "5d-2d");
	CHECK(ct_interval_parse("2021-03-30T18:07:17Z-2021-03-31T00:00:00Z", now, &s, &e) == 0 &&
		s == 1617127637 && e == 1617148800, "T1-T2");
	CHECK(ct_interval_parse("2021-03-30T18:07:17Z-5d", now, &s, &e) == 0 && s == 1617127637 &&
		e == now - 5 * 86400, "T-5d");
	CHECK(ct_interval_parse("yesterday", now, &s, &e) < 0, "garbage refused");
	CHECK(ct_interval_parse("2d-5d", now, &s, &e) < 0, "reversed range refused");
	CHECK(ct_key_time("AWSLogs/1/CloudTrail/us-east-1/2021/03/30/"
			  "1_CloudTrail_us-east-1_20210330T1805Z_abc.json.gz", &s) == 0 &&
		s == 1617127500, "key time %lld", (long long)s);
	CHECK(ct_key_time("other/file.json", &s) == -ENOENT, "key without time");
}

static int split_all(const char *doc, ct_rec_status_t *st, size_t max, size_t *n)
{
	ct_split_t sp;
	ct_record_t r;
	char err[256];

	*n = 0;
	if (ct_split_begin(&sp, doc, strlen(doc), 4096, err, sizeof(err)) < 0)
		return -1;
	while (*n < max && ct_split_next(&sp, &r) == 1)
		st[(*n)++] = r.status;
	return 0;
}

static void test_split(void)
{
	const char *doc = "{\"Records\":[{\"eventTime\":\"2020-01-01T00:00:00Z\",\"eventType\":"
			  "\"AwsApiCall\",\"eventID\":\"a\",\"x\":\"}{\\\"\"},"
			  "{\"eventType\":\"AwsApiCall\"},"
			  "{\"eventTime\":\"2020-01-01T00:00:00Z\"},"
			  "{\"eventTime\":\"2020-01-01T00:00:00Z\",\"eventType\":\"AwsCloudTrailInsight\"},"
			  "7,"
			  "{\"eventTime\":\"bad\",\"eventType\":\"AwsApiCall\"}]}";
	ct_rec_status_t st[8];
	ct_split_t sp;
	ct_record_t r;
	char err[256];
	size_t n;

	CHECK(split_all(doc, st, 8, &n) == 0 && n == 6, "six elements: %zu", n);
	CHECK(st[0] == CT_REC_OK && st[1] == CT_REC_NO_TIME && st[2] == CT_REC_NO_TYPE &&
		st[3] == CT_REC_INSIGHT && st[4] == CT_REC_NOT_OBJECT && st[5] == CT_REC_NO_TIME,
		"statuses %d %d %d %d %d %d", st[0], st[1], st[2], st[3], st[4], st[5]);
	CHECK(ct_split_begin(&sp, doc, strlen(doc), 4096, err, sizeof(err)) == 0 &&
		ct_split_next(&sp, &r) == 1 && r.n == strlen("{\"eventTime\":\"2020-01-01T00:00:00Z\","
			"\"eventType\":\"AwsApiCall\",\"eventID\":\"a\",\"x\":\"}{\\\"\"}") &&
		r.p[0] == '{' && r.idlen == 1 && r.id[0] == 'a', "original bytes kept");
	CHECK(ct_split_begin(&sp, "{\"Records\":[{\"a\":1}", 18, 4096, err, sizeof(err)) < 0 &&
		strstr(err, "truncated"), "truncated: %s", err);
	CHECK(ct_split_begin(&sp, "{\"Records\":[}", 13, 4096, err, sizeof(err)) < 0 &&
		strstr(err, "invalid JSON"), "invalid: %s", err);
	CHECK(ct_split_begin(&sp, "{\"records\":[]}", 14, 4096, err, sizeof(err)) < 0 &&
		strstr(err, "Records"), "no Records: %s", err);
	CHECK(ct_split_begin(&sp, "[1]", 3, 4096, err, sizeof(err)) < 0, "array document");
}

static void test_gzip(void)
{
	const char *text = "{\"Records\":[]}";
	unsigned char gz[256], two[512];
	char *out = NULL, err[256];
	size_t outlen = 0, gl;
	z_stream z;

	memset(&z, 0, sizeof(z));
	deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (unsigned char *)text;
	z.avail_in = (uInt)strlen(text);
	z.next_out = gz;
	z.avail_out = sizeof(gz);
	deflate(&z, Z_FINISH);
	gl = sizeof(gz) - z.avail_out;
	deflateEnd(&z);
	CHECK(ct_decode(gz, gl, 1 << 20, &out, &outlen, err, sizeof(err)) == 0 &&
		outlen == strlen(text) && memcmp(out, text, outlen) == 0, "gunzip");
	free(out);
	memcpy(two, gz, gl);
	memcpy(two + gl, gz, gl);
	CHECK(ct_decode(two, gl * 2, 1 << 20, &out, &outlen, err, sizeof(err)) == 0 &&
		outlen == 2 * strlen(text), "two members: %zu", outlen);
	free(out);
	out = NULL;
	CHECK(ct_decode(gz, gl - 9, 1 << 20, &out, &outlen, err, sizeof(err)) == -EINVAL &&
		strstr(err, "truncated") && !out, "truncated gzip: %s", err);
	CHECK(ct_decode(gz, gl, 4, &out, &outlen, err, sizeof(err)) == -EFBIG, "over the limit");
	gz[12] ^= 0xff;
	CHECK(ct_decode(gz, gl, 1 << 20, &out, &outlen, err, sizeof(err)) < 0, "corrupt: %s", err);
	CHECK(ct_decode("{}", 2, 16, &out, &outlen, err, sizeof(err)) == 0 && outlen == 2,
		"plain copy");
	free(out);
}

static void test_dedup(void)
{
	ct_dedup_t d;
	char id[32];
	int i, dup = 0;

	CHECK(ct_dedup_init(&d, 100) == 0, "init");
	for (i = 0; i < 100; i++) {
		snprintf(id, sizeof(id), "id-%d", i);
		dup += ct_dedup_check_add(&d, id, strlen(id));
	}
	CHECK(dup == 0 && d.count == 100, "100 new");
	CHECK(ct_dedup_check_add(&d, "id-0", 4) == 1 && ct_dedup_check_add(&d, "id-99", 5) == 1,
		"seen");
	for (i = 100; i < 150; i++) {
		snprintf(id, sizeof(id), "id-%d", i);
		ct_dedup_check_add(&d, id, strlen(id));
	}
	CHECK(d.count == 100, "bounded: %zu", d.count);
	CHECK(ct_dedup_check_add(&d, "id-60", 5) == 1, "recent kept");
	CHECK(ct_dedup_check_add(&d, "id-10", 5) == 0, "oldest evicted");
	for (i = 0; i < 100000; i++) {
		snprintf(id, sizeof(id), "churn-%d", i);
		if (ct_dedup_check_add(&d, id, strlen(id)) != 0)
			FAIL("churn %d reported as duplicate", i);
	}
	CHECK(d.count == 100, "still bounded after churn");
	ct_dedup_free(&d);
	ct_dedup_free(NULL);
}

static void test_ckpt(void)
{
	char path[] = "/tmp/ct_unit_ckpt_XXXXXX", err[256];
	ct_ckpt_t c;
	int fd = mkstemp(path);

	close(fd);
	unlink(path);
	CHECK(ct_ckpt_open(&c, path, "s3://b/p", 10, err, sizeof(err)) == 0, "open: %s", err);
	CHECK(!ct_ckpt_is_done(&c, "s3://b/p/x.json.gz"), "empty");
	ct_ckpt_mark_done(&c, "s3://b/p/x.json.gz");
	CHECK(ct_ckpt_seen(&c, "e1", 2) == 0 && ct_ckpt_seen(&c, "e1", 2) == 1, "window");
	CHECK(ct_ckpt_flush(&c, true, 0, err, sizeof(err)) == 0, "flush: %s", err);
	ct_ckpt_close(&c);
	CHECK(ct_ckpt_open(&c, path, "s3://b/p", 10, err, sizeof(err)) == 0, "reopen");
	CHECK(ct_ckpt_is_done(&c, "s3://b/p/x.json.gz") && ct_ckpt_done_count(&c) == 1, "done kept");
	CHECK(ct_ckpt_seen(&c, "e1", 2) == 1, "window kept");
	ct_ckpt_close(&c);
	CHECK(ct_ckpt_open(&c, path, "/other", 10, err, sizeof(err)) == 0 &&
		!ct_ckpt_is_done(&c, "s3://b/p/x.json.gz") && ct_ckpt_seen(&c, "e1", 2) == 0,
		"other source starts empty");
	ct_ckpt_mark_done(&c, "/other/f.json");
	ct_ckpt_flush(&c, true, 0, err, sizeof(err));
	ct_ckpt_close(&c);
	CHECK(ct_ckpt_open(&c, path, "s3://b/p", 10, err, sizeof(err)) == 0 &&
		ct_ckpt_is_done(&c, "s3://b/p/x.json.gz"), "first source kept beside the other");
	ct_ckpt_close(&c);
	fd = open(path, O_WRONLY | O_TRUNC);
	CHECK(write(fd, "{oops", 5) == 5, "corrupt");
	close(fd);
	CHECK(ct_ckpt_open(&c, path, "s3://b/p", 10, err, sizeof(err)) == -EINVAL &&
		strstr(err, "not a saker checkpoint"), "corrupt refused: %s", err);
	unlink(path);
	CHECK(access(path, F_OK) < 0, "cleaned");
}

/* The provider -> source hand-over (the queue itself: tests/sdk/test_queue.c). */
static void test_queue(void)
{
	sk_sdk_queue_t q;
	ct_object_t *a = ct_object_new("a"), *b = ct_object_new("b"), *c = ct_object_new("c");
	ct_object_t *it = NULL;

	if (!a || !b || !c) {
		FAIL("out of memory");
		return;
	}
	a->len = 60;
	b->len = 40;
	c->len = 500;
	CHECK(sk_sdk_queue_init(&q, 4, 100) == 0, "queue init");
	CHECK(ct_object_push(&q, a) == 0 && ct_object_push(&q, b) == 0, "fits 100 bytes");
	CHECK(ct_object_pop(&q, &it, 0) == 1 && it == a && sk_sdk_queue_bytes(&q) == 40,
		"FIFO, bytes released");
	CHECK(ct_object_pop(&q, &it, 10) == 1 && it == b, "order kept");
	CHECK(ct_object_push(&q, c) == 0, "an oversized object passes an empty queue");
	CHECK(ct_object_pop(&q, &it, 0) == 1 && it == c && ct_object_pop(&q, &it, 20) == 0,
		"timeout when empty");
	CHECK(ct_object_push(&q, a) == 0, "queued again");
	sk_sdk_queue_close(&q);
	CHECK(ct_object_push(&q, b) == -EPIPE, "closed");
	CHECK(ct_object_pop(&q, &it, 10) == 1 && it == a && ct_object_pop(&q, &it, 10) == -ENODATA,
		"drained after close");
	sk_sdk_queue_destroy(&q, ct_object_free_node);
	ct_object_free(a);
	ct_object_free(b);
	ct_object_free(c);
}

int main(void)
{
	test_interval();
	test_split();
	test_gzip();
	test_dedup();
	test_ckpt();
	test_queue();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
