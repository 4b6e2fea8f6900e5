/* Unit tests of the github plugin's core: signature checks and rotation,
 * the delivery-id window, form decoding, the receiver's answers, secret and
 * miner scanning with masking, and github.* extraction on the fixtures. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/sktest.h"
#include "gh_delivery.h"
#include "gh_fields.h"
#include "gh_scan.h"
#include "gh_verify.h"

#define AWS_KEY "AKIAQWERTYUIOPASDFGH"

static void test_signature(void)
{
	/* the example in GitHub's "Validating webhook deliveries" page */
	const char *body = "Hello, World!";
	char *one[] = { "It's a Secret to Everybody" };
	char *two[] = { "old-secret", "It's a Secret to Everybody" };
	char *other[] = { "another secret" };
	const char *want = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
	char sig[72];

	gh_sign(one[0], body, strlen(body), sig);
	CHECK(strcmp(sig, want) == 0, "gh_sign: %s", sig);
	CHECK(gh_verify_signature(want, body, 13, one, 1) == GH_SIG_OK, "known vector verifies");
	CHECK(gh_verify_signature(want, body, 13, two, 2) == GH_SIG_OK, "second of two secrets");
	CHECK(gh_verify_signature(want, body, 13, other, 1) == GH_SIG_MISMATCH, "other secret");
	CHECK(gh_verify_signature(want, body, 12, one, 1) == GH_SIG_MISMATCH, "changed body");
	CHECK(gh_verify_signature(NULL, body, 13, one, 1) == GH_SIG_MISSING, "no header");
	CHECK(gh_verify_signature("sha1=757107ea", body, 13, one, 1) == GH_SIG_MALFORMED, "sha1");
	CHECK(gh_verify_signature("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c"
		"8b043e17", body, 13, one, 1) == GH_SIG_MALFORMED, "non-hex");
	CHECK(gh_verify_signature("sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C"
		"8B043E17", body, 13, one, 1) == GH_SIG_OK, "upper-case hex");
	{
		gh_verifier_t v;
		int i;

		CHECK(gh_verifier_init(&v, two, 2) == 0, "verifier init");
		for (i = 0; i < 3; i++) /* the keyed contexts are reused, not consumed */
			CHECK(gh_verifier_check(&v, want, body, 13) == GH_SIG_OK, "verifier: 2nd secret");
		CHECK(gh_verifier_check(&v, want, body, 12) == GH_SIG_MISMATCH, "verifier: changed");
		CHECK(gh_verifier_check(&v, NULL, body, 13) == GH_SIG_MISSING, "verifier: none");
		CHECK(gh_verifier_check(&v, "sha256=00", body, 13) == GH_SIG_MALFORMED, "verifier: short");
		gh_verifier_free(&v);
		CHECK(gh_verifier_init(&v, other, 1) == 0 &&
			gh_verifier_check(&v, want, body, 13) == GH_SIG_MISMATCH, "verifier: other");
		gh_verifier_free(&v);
	}
}

static void test_dedup(void)
{
	gh_dedup_t d;
	char id[32];
	int i;

	CHECK(gh_dedup_init(&d, 4) == 0, "init");
	CHECK(!gh_dedup_check_add(&d, "a"), "a new");
	CHECK(gh_dedup_check_add(&d, "a"), "a again");
	for (i = 0; i < 4; i++) {
		snprintf(id, sizeof(id), "id-%d", i);
		CHECK(!gh_dedup_check_add(&d, id), "%s new", id);
	}
	CHECK(!gh_dedup_check_add(&d, "a"), "a evicted from a window of 4");
	CHECK(gh_dedup_check_add(&d, "id-3"), "id-3 still in the window");
	gh_dedup_forget(&d, "id-3");
	CHECK(!gh_dedup_check_add(&d, "id-3"), "id-3 forgotten");
	for (i = 0; i < 1000; i++) {
		snprintf(id, sizeof(id), "x-%d", i);
		gh_dedup_check_add(&d, id);
	}
	CHECK(gh_dedup_check_add(&d, "x-999") && !gh_dedup_check_add(&d, "x-1"), "steady state");
	gh_dedup_destroy(&d);
	CHECK(gh_dedup_init(&d, 0) == 0 && !gh_dedup_check_add(&d, "a") &&
		!gh_dedup_check_add(&d, "a"), "window 0 disables");
	gh_dedup_destroy(&d);
}

static void test_form(void)
{
	const char *b = "foo=1&payload=%7B%22a%22%3A+%22b%26c%22%7D&x=y";
	char *out = NULL;
	size_t n;

	CHECK(gh_form_payload(b, strlen(b), &out, &n) == 0 && out &&
		strcmp(out, "{\"a\": \"b&c\"}") == 0, "decoded: %s", out ? out : "-");
	free(out);
	CHECK(gh_form_payload("payload=%zz", 11, &out, &n) == -EINVAL, "bad escape");
	CHECK(gh_form_payload("nopayload=1", 11, &out, &n) == -EINVAL, "no payload field");
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b;

	if (!f)
		return NULL;
	b = malloc(1 << 20);
	*len = b ? fread(b, 1, (1 << 20) - 1, f) : 0;
	fclose(f);
	if (b)
		b[*len] = '\0';
	return b;
}

static ss_plugin_event *mkevt(const char *payload, size_t len)
{
	ss_plugin_event *e = malloc(SK_SDK_PLUGIN_EVENT_HDR + len + 8);

	sk_sdk_event_write(e, SK_SDK_PLUGIN_EVENT_HDR + len + 8, 1, 8, payload, len);
	return e;
}

/* Value of field `name` for payload (NULL = no value). */
static const char *field_arg(gh_extractor_t *x, const char *payload, const char *name,
	const char *key)
{
	static char val[2048];
	ss_plugin_event *e = mkevt(payload, strlen(payload));
	ss_plugin_event_input in = { .evt = e, .evtnum = 1, .evtsrc = "github" };
	ss_plugin_extract_field f = { 0 };
	size_t i;
	const char *r = NULL;

	for (i = 0; i < sk__gh_ndefs; i++)
		if (strcmp(sk__gh_defs[i].f.name, name) == 0)
			break;
	CHECK(i < sk__gh_ndefs, "field %s exists", name);
	f.field_id = (uint32_t)i;
	f.field = name;
	f.ftype = FTYPE_STRING;
	f.arg_key = key;
	f.arg_present = key != NULL;
	gh_extract_begin(x);
	if (gh_extract(x, &in, &f) == 0 && f.res_len == 1) {
		snprintf(val, sizeof(val), "%s", f.res.str[0]);
		r = val;
	}
	free(e);
	return r;
}

static const char *field(gh_extractor_t *x, const char *payload, const char *name)
{
	return field_arg(x, payload, name, NULL);
}

#define FEQ(payload, name, want)                                                   \
	do {                                                                       \
		const char *_v = field(&x, payload, name);                         \
		CHECK((want) ? _v && strcmp(_v, (want) ? (want) : "") == 0 : !_v, \
			"%s: got %s, want %s", name, _v ? _v : "(none)",            \
			(want) ? (const char *)(want) : "(none)");                \
	} while (0)

static void test_fields(const char *fixtures)
{
	gh_extractor_t x;
	char path[1024], *body, *pl;
	size_t len;
	const char *push = "{\"webhook_type\":\"push\",\"files\":[{\"name\":\"a.env\",\"matches\":["
		"{\"line\":3,\"type\":\"key\",\"desc\":\"aws_access_key\",\"platform\":\"AWS\"},"
		"{\"line\":9,\"type\":\"key\",\"desc\":\"slack\",\"platform\":\"Slack\"}]},"
		"{\"name\":\"b\",\"matches\":[]},{\"name\":\"c/d.py\",\"matches\":[{\"line\":1,"
		"\"desc\":\"google_api_key\"}]}],\"head_commit\":{\"id\":\"abc\"},"
		"\"repository\":{\"html_url\":\"https://github.com/o/r\",\"private\":true},"
		"\"commits\":[{\"added\":[\"x\",\"y\"],\"removed\":[]},{\"added\":[\"z\"]}]}";
	const char *wf = "{\"webhook_type\":\"workflow_run\",\"workflow\":{\"path\":\".github/"
		"workflows/ci.yml\"},\"workflow_miner_detections\":{\"matches\":[{\"line\":1,\"type\":"
		"\"xmrig\"},{\"line\":2,\"type\":\"stratum\"},{\"line\":3,\"type\":\"xmrig\"}]}}";

	gh_extractor_init(&x);
	FEQ(push, "github.type", "push");
	FEQ(push, "github.action", "");
	FEQ(push, "github.repo.public", "false");
	FEQ(push, "github.repo.name", "o/r");
	FEQ(push, "github.webhook.id", "0");
	FEQ(push, "github.commit.added", "x,y,z");
	FEQ(push, "github.commit.removed", "");
	FEQ(push, "github.diff.has_secrets", "true");
	FEQ(push, "github.diff.committed_secrets.desc", "aws_access_key,slack,google_api_key");
	FEQ(push, "github.diff.committed_secrets.files", "a.env,a.env,c/d.py");
	FEQ(push, "github.diff.committed_secrets.lines", "3,9,1");
	FEQ(push, "github.diff.committed_secrets.links", "https://github.com/o/r/blob/abc/a.env#L3,"
		"https://github.com/o/r/blob/abc/a.env#L9,https://github.com/o/r/blob/abc/c/d.py#L1");
	FEQ(push, "github.workflow.has_miners", NULL);
	FEQ("{\"webhook_type\":\"push\",\"files\":[]}", "github.diff.has_secrets", "false");
	FEQ("{\"webhook_type\":\"push\"}", "github.diff.has_secrets", NULL);
	FEQ(wf, "github.workflow.has_miners", "true");
	FEQ(wf, "github.workflow.miners.type", "xmrig,stratum");
	FEQ(wf, "github.workflow.filename", ".github/workflows/ci.yml");
	FEQ("{\"webhook_type\":\"workflow_run\",\"workflow_miner_detections\":{\"matches\":[]}}",
		"github.workflow.has_miners", "false");
	FEQ("{\"hook\":{\"id\":109948940,\"type\":\"Repository\"}}", "github.webhook.id", "109948940");
	FEQ("{\"hook\":{\"id\":109948940,\"type\":\"Repository\"}}", "github.webhook.type",
		"Repository");
	FEQ("not json", "github.type", NULL);
	{
		const char *bp = "{\"rule\":{\"admin_enforced\":false,\"n\":2,\"name\":\"ma\\\"in\"}}";
		const char *v;

		v = field_arg(&x, bp, "github.value", "/rule/admin_enforced");
		CHECK(v && strcmp(v, "false") == 0, "github.value bool: %s", v ? v : "-");
		v = field_arg(&x, bp, "github.value", "/rule/name");
		CHECK(v && strcmp(v, "ma\"in") == 0, "github.value string: %s", v ? v : "-");
		v = field_arg(&x, bp, "github.value", "/rule");
		CHECK(v && strcmp(v, "{\"admin_enforced\":false,\"n\":2,\"name\":\"ma\\\"in\"}") == 0,
			"github.value object: %s", v ? v : "-");
		CHECK(!field_arg(&x, bp, "github.value", "/nope"), "github.value absent");
	}

	snprintf(path, sizeof(path), "%s/repository_publicized.payload.json", fixtures);
	if ((body = slurp(path, &len))) {
		pl = malloc(len + 64);
		snprintf(pl, len + 64, "{\"webhook_type\":\"repository\",%s", strchr(body, '{') + 1);
		FEQ(pl, "github.type", "repository");
		FEQ(pl, "github.action", "publicized");
		FEQ(pl, "github.repo.public", "true");
		FEQ(pl, "github.repo.url", "https://github.com/Codertocat/Hello-World");
		FEQ(pl, "github.repo.name", "Codertocat/Hello-World");
		FEQ(pl, "github.owner", "Codertocat");
		FEQ(pl, "github.user", "Codertocat");
		FEQ(pl, "github.org", "");
		FEQ(pl, "github.diff.has_secrets", NULL);
		free(pl);
		free(body);
	} else {
		printf("note: fixtures not found in %s, fixture checks skipped\n", fixtures);
	}
	gh_extractor_free(&x);
}

static void test_scan(void)
{
	gh_scan_t s;
	sk_sdk_buf_t out = { 0 };
	char err[256], masked[9];
	const char *cmp = "{\"files\":[{\"filename\":\"config/prod.env\",\"patch\":\"@@ -1,2 +10,4 @@"
		"\\n context\\n-old=1\\n+AWS_KEY=" AWS_KEY "\\n+fine=2\\n+token=ghp_"
		"abcdefghijklmnopqrstuvwxyz0123456789\\n\"},{\"filename\":\"README\",\"patch\":\"+hello"
		"\"}]}";
	const char *wf = "name: ci\non: push\njobs:\n  b:\n    steps:\n      - run: ./xmrig -o "
		"stratum+tcp://pool.example:3333\n      - run: make -j threadpool spool\n";

	CHECK(gh_scan_init(&s, err, sizeof(err)) == 0, "scan init: %s", err);
	CHECK(gh_scan_compare(&s, cmp, strlen(cmp), &out) == 2, "two secrets: %s", out.p);
	CHECK(out.p && strstr(out.p, "\"line\":11,\"type\":\"key\",\"desc\":\"aws_access_key\""),
		"AWS key on new line 11: %s", out.p);
	CHECK(out.p && strstr(out.p, "\"line\":13") &&
		strstr(out.p, "github_personal_access_token"), "token on line 13");
	CHECK(out.p && strstr(out.p, "\"masked\":\"AKIA****\""), "masked form");
	CHECK(out.p && !strstr(out.p, AWS_KEY) && !strstr(out.p, "QWERTY"),
		"the key itself never leaves the scanner");
	CHECK(out.p && !strstr(out.p, "README"), "files without secrets left out");
	sk_sdk_buf_free(&out);
	CHECK(gh_scan_compare(&s, "[1]", 3, &out) == -EINVAL, "not a compare response");
	sk_sdk_buf_free(&out);
	CHECK(gh_scan_workflow(&s, wf, strlen(wf), &out) == 2, "xmrig + stratum: %s", out.p);
	CHECK(out.p && strstr(out.p, "{\"line\":6,\"type\":\"xmrig\"}"), "xmrig line 6");
	sk_sdk_buf_free(&out);
	gh_scan_mask("ab", 2, masked);
	CHECK(strcmp(masked, "ab****") == 0, "short mask");
	gh_scan_free(&s);
}

/* The one item a handled delivery queued, or NULL. */
static sk_sdk_qitem_t *pop_one(sk_sdk_queue_t *q)
{
	sk_sdk_qchain_t c = { 0 };

	if (sk_sdk_queue_pop(q, &c, 8, 0) == 0 && c.n == 1)
		return sk_sdk_qitem_of(c.head);
	sk_sdk_qchain_free(&c, NULL);
	return NULL;
}

static void test_receiver(void)
{
	gh_config_t cfg = { 0 };
	gh_counters_t c = { 0 };
	sk_sdk_queue_t q;
	gh_receiver_t r;
	sk_sdk_qitem_t *it = NULL;
	char sig[72], msg[256];
	const char *body = "{\"action\":\"created\",\"sender\":{\"login\":\"u\"}}";
	const char *form = "payload=%7B%22action%22%3A%22created%22%7D";
	gh_headers_t h = { "application/json", sig, "deploy_key", "d-1" };
	const char *m;

	cfg.secrets[0] = "s1";
	cfg.secrets[1] = "s2";
	cfg.nsecrets = 2;
	cfg.max_body_bytes = 4096;
	cfg.dedup_window = 16;
	cfg.max_json_depth = 8;
	CHECK(sk_sdk_queue_init(&q, 4, 0) == 0, "queue");
	CHECK(gh_receiver_init(&r, &cfg, &c, &q, NULL, NULL) == 0, "receiver");
	gh_sign("s2", body, strlen(body), sig);
	CHECK(gh_receiver_handle(&r, &h, body, strlen(body), msg, sizeof(msg)) == 200, "ok: %s", msg);
	CHECK((it = pop_one(&q)) != NULL &&
		strncmp(it->data, "{\"webhook_type\":\"deploy_key\",\"action\"", 37) == 0,
		"payload: %s", it ? it->data : "-");
	free(it);
	CHECK(gh_receiver_handle(&r, &h, body, strlen(body), msg, sizeof(msg)) == 200 &&
		sk_sdk_queue_depth(&q) == 0 && c.v[GH_C_REQ_DUPLICATE] == 1, "duplicate: no event");
	h.delivery = "d-2";
	gh_sign("s3", body, strlen(body), sig);
	CHECK(gh_receiver_handle(&r, &h, body, strlen(body), msg, sizeof(msg)) == 401 &&
		c.v[GH_C_REQ_BAD_SIG] == 1, "other secret: 401");
	h.signature = NULL;
	CHECK(gh_receiver_precheck(&r, "POST", &h, 10, &m) == 401 &&
		gh_receiver_handle(&r, &h, body, strlen(body), msg, sizeof(msg)) == 401, "unsigned");
	h.signature = sig;
	CHECK(gh_receiver_precheck(&r, "GET", &h, 0, &m) == 405, "GET");
	h.content_type = "text/plain";
	CHECK(gh_receiver_precheck(&r, "POST", &h, 10, &m) == 415, "text/plain");
	h.content_type = "application/json; charset=utf-8";
	CHECK(gh_receiver_precheck(&r, "POST", &h, 5000, &m) == 413, "too large");
	CHECK(gh_receiver_precheck(&r, "POST", &h, 50, &m) == 0, "json with charset");
	gh_sign("s1", "{broken", 7, sig);
	CHECK(gh_receiver_handle(&r, &h, "{broken", 7, msg, sizeof(msg)) == 400, "garbage: 400");
	gh_sign("s1", "{\"a\":[[[[[[[[1]]]]]]]]}", 23, sig);
	CHECK(gh_receiver_handle(&r, &h, "{\"a\":[[[[[[[[1]]]]]]]]}", 23, msg, sizeof(msg)) == 400,
		"nesting past max_json_depth: 400 (%s)", msg);
	gh_sign("s1", "[1]", 3, sig);
	CHECK(gh_receiver_handle(&r, &h, "[1]", 3, msg, sizeof(msg)) == 400, "array: 400");
	h.event = "ping";
	gh_sign("s1", "{}", 2, sig);
	CHECK(gh_receiver_handle(&r, &h, "{}", 2, msg, sizeof(msg)) == 200 && sk_sdk_queue_depth(&q) == 0
		&& c.v[GH_C_REQ_PING] == 1, "ping: 200, no event");
	h.event = "bad event\"";
	CHECK(gh_receiver_handle(&r, &h, "{}", 2, msg, sizeof(msg)) == 400, "bad event header");
	h.event = "deploy_key";
	h.content_type = "application/x-www-form-urlencoded";
	h.delivery = "d-3";
	gh_sign("s1", form, strlen(form), sig);
	CHECK(gh_receiver_handle(&r, &h, form, strlen(form), msg, sizeof(msg)) == 200, "form ok");
	CHECK((it = pop_one(&q)) != NULL &&
		strcmp(it->data, "{\"webhook_type\":\"deploy_key\",\"action\":\"created\"}") == 0,
		"form payload: %s", it ? it->data : "-");
	free(it);
	h.delivery = "d-4";
	gh_sign("s1", "{ }", 3, sig);
	h.content_type = "application/json";
	CHECK(gh_receiver_handle(&r, &h, "{ }", 3, msg, sizeof(msg)) == 200 &&
		(it = pop_one(&q)) != NULL && strcmp(it->data,
		"{\"webhook_type\":\"deploy_key\"}") == 0, "empty object");
	free(it);
	gh_receiver_destroy(&r);
	sk_sdk_queue_destroy(&q, NULL);
}

int main(int argc, char **argv)
{
	test_signature();
	test_dedup();
	test_form();
	test_fields(argc > 1 ? argv[1] : ".");
	test_scan();
	test_receiver();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
