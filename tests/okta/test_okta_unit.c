/*
 * test_okta_unit.c - unit tests of the okta plugin's parts, linked from its
 * sources: RFC 3339 times, init_config (token sources, errors that never
 * show the token), the MFA history table, page decoding, checkpoint files
 * and field extraction.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "okta.h"
#include "okta_ckpt.h"
#include "okta_fields.h"
#include "okta_mfa.h"
#include "okta_page.h"
#include "sktest.h"

static int load(ok_config_t *c, const char *text, char *err, size_t n)
{
	memset(err, 0, n);
	return sk__ok_config_load(c, text, err, n);
}

static void test_config(void)
{
	char err[1024], path[] = "/tmp/okta-unit-tokXXXXXX";
	char text[512];
	ok_config_t c;
	int fd;

	CHECK(load(&c, "{\"organization\":\"acme\",\"api_token\":\"SEKRET-1\"}", err,
		sizeof(err)) == 0 && strcmp(c.base_url, "https://acme.okta.com") == 0 &&
		strcmp(c.org_label, "acme") == 0 && c.page_size == 1000 &&
		c.refresh_interval == 10 && c.cache_expiration == 84600, "defaults: %s", err);
	sk__ok_config_free(&c);
	CHECK(load(&c, "{\"base_url\":\"https://login.example.com/okta/\",\"api_token\":\"t\"}",
		err, sizeof(err)) == 0 && strcmp(c.base_url, "https://login.example.com/okta") == 0 &&
		strcmp(c.org_label, "login.example.com") == 0, "custom domain: %s", err);
	sk__ok_config_free(&c);
	CHECK(load(&c, "{\"api_token\":\"t\"}", err, sizeof(err)) == -EINVAL &&
		strstr(err, "organization"), "no org: %s", err);
	CHECK(load(&c, "{\"base_url\":\"http://evil.example.com\",\"api_token\":\"t\"}", err,
		sizeof(err)) == -EINVAL && strstr(err, "https"), "plain http refused: %s", err);
	CHECK(load(&c, "{\"organization\":\"acme\",\"api_token\":\"SEKRET-2\",\"page_size\":\"x\"}",
		err, sizeof(err)) == -EINVAL && strstr(err, "page_size") && !strstr(err, "SEKRET"),
		"bad key names the key, not the token: %s", err);
	CHECK(load(&c, "{\"organization\":\"acme\",\"api_token\":\"SEKRET-3\",\"tokn\":1}", err,
		sizeof(err)) == -EINVAL && strstr(err, "tokn") && !strstr(err, "SEKRET"),
		"unknown key: %s", err);
	CHECK(load(&c, "{\"organization\":\"acme\",\"api_token\":\"SEKRET-4\",\"since\":\"yesterday\"}",
		err, sizeof(err)) == -EINVAL && strstr(err, "since") && !strstr(err, "SEKRET"),
		"bad since: %s", err);
	fd = mkstemp(path);
	CHECK(fd >= 0 && write(fd, "FILETOKEN-5\n", 12) == 12, "token file");
	close(fd);
	snprintf(text, sizeof(text), "{\"organization\":\"acme\",\"api_token_file\":\"%s\"}", path);
	CHECK(load(&c, text, err, sizeof(err)) == 0 && strcmp(c.api_token, "FILETOKEN-5") == 0,
		"token from file: %s", err);
	sk__ok_config_free(&c);
	snprintf(text, sizeof(text), "{\"organization\":\"acme\",\"api_token\":\"a\","
		"\"api_token_file\":\"%s\"}", path);
	CHECK(load(&c, text, err, sizeof(err)) == -EINVAL && strstr(err, "only one"),
		"both token keys: %s", err);
	unlink(path);
	setenv("OKTA_API_TOKEN", "ENVTOKEN-6", 1);
	CHECK(load(&c, "{\"organization\":\"acme\"}", err, sizeof(err)) == 0 &&
		strcmp(c.api_token, "ENVTOKEN-6") == 0, "token from env: %s", err);
	sk__ok_config_free(&c);
	unsetenv("OKTA_API_TOKEN");
	CHECK(load(&c, "{\"organization\":\"acme\"}", err, sizeof(err)) == -EINVAL &&
		strstr(err, "OKTA_API_TOKEN"), "no token: %s", err);
}

#define S 1000000000ULL

static void test_mfa(void)
{
	ok_mfa_t m;
	int i;

	CHECK(sk__ok_mfa_init(&m, 3, 2, 100 * S) == 0, "init");
	sk__ok_mfa_record(&m, "a", 1, 10 * S);
	sk__ok_mfa_record(&m, "a", 1, 10 * S); /* same timestamp: once */
	sk__ok_mfa_record(&m, "a", 1, 20 * S);
	CHECK(sk__ok_mfa_count(&m, "a", 1, 20 * S, 300 * S) == 2, "dedupe");
	CHECK(sk__ok_mfa_count(&m, "a", 1, 20 * S, 10 * S) == 1, "window is strict");
	for (i = 3; i < 8; i++)
		sk__ok_mfa_record(&m, "a", 1, (uint64_t)i * 10 * S);
	CHECK(sk__ok_mfa_count(&m, "a", 1, 70 * S, 1000 * S) == 3, "per-key cap keeps 3");
	CHECK(sk__ok_mfa_count(&m, "a", 1, 70 * S, 25 * S) == 3 &&
		sk__ok_mfa_count(&m, "a", 1, 70 * S, 15 * S) == 2, "the newest 3 are kept");
	CHECK(sk__ok_mfa_count(&m, "a", 1, 171 * S, 1000 * S) == -1, "expired after ttl");
	CHECK(sk__ok_mfa_count(&m, "zz", 2, 70 * S, 1000 * S) == -1, "unknown key");
	sk__ok_mfa_record(&m, "b", 1, 80 * S);
	sk__ok_mfa_record(&m, "c", 1, 81 * S); /* evicts a, the least recently updated */
	CHECK(m.evicted == 1 && sk__ok_mfa_count(&m, "a", 1, 81 * S, 1000 * S) == -1 &&
		sk__ok_mfa_count(&m, "b", 1, 81 * S, 1000 * S) == 1, "LRU eviction");
	for (i = 0; i < 2000; i++) {
		char k[16];

		snprintf(k, sizeof(k), "k%d", i);
		sk__ok_mfa_record(&m, k, strlen(k), 100 * S);
	}
	CHECK(m.nkeys == 2 && m.evicted == 2001, "bounded: %zu keys, %llu evicted", m.nkeys,
		(unsigned long long)m.evicted);
	sk__ok_mfa_free(&m);
	/* a ring that grows past its first size keeps order and the cap */
	CHECK(sk__ok_mfa_init(&m, 10, 4, 1000 * S) == 0, "init 10");
	for (i = 1; i <= 25; i++)
		sk__ok_mfa_record(&m, "g", 1, (uint64_t)i * S);
	CHECK(sk__ok_mfa_count(&m, "g", 1, 25 * S, 1000 * S) == 10 &&
		sk__ok_mfa_count(&m, "g", 1, 25 * S, 5 * S) == 5, "grown ring");
	sk__ok_mfa_free(&m);
	sk__ok_mfa_free(NULL);
}

static void test_page(void)
{
	char err[256];
	ok_page_t pg = { 0 };
	const char *ok = "[{\"uuid\":\"u1\",\"published\":\"2024-08-13T15:58:20.353Z\"},"
			 " 5, {\"uuid\":\"u2\"}]";
	const char *trunc = "[{\"uuid\":\"u1\",\"published\":\"2024";

	CHECK(sk__ok_page_decode(&pg, ok, strlen(ok), err, sizeof(err)) == 0 && pg.n == 2 &&
		pg.not_objects == 1 && pg.ev[0].ts == 1723564700353000000LL && pg.ev[1].ts == -1 &&
		sk__ok_page_uuid_is(&pg, 1, "u2") && !sk__ok_page_uuid_is(&pg, 1, "u1"),
		"decode: %s", err);
	CHECK(sk__ok_page_decode(&pg, "[]", 2, err, sizeof(err)) == 0 && pg.n == 0, "empty");
	CHECK(sk__ok_page_decode(&pg, trunc, strlen(trunc), err, sizeof(err)) == -EAGAIN,
		"truncated: %s", err);
	CHECK(sk__ok_page_decode(&pg, "[{\"a\": oops}]", 13, err, sizeof(err)) == -EINVAL,
		"invalid");
	CHECK(sk__ok_page_decode(&pg, "{\"errorCode\":\"E1\"}", 18, err, sizeof(err)) == -EINVAL &&
		strstr(err, "array"), "object body: %s", err);
	sk__ok_page_free(&pg);
}

static void test_ckpt(void)
{
	char dir[] = "/tmp/okta-unit-ckXXXXXX", path[256], tmp[300], err[512];
	ok_ckpt_t c = { "https://x.okta.com", "/api/v1/logs?after=c1", 3, "u3" }, r;
	FILE *f;

	CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	snprintf(path, sizeof(path), "%s/ck.json", dir);
	CHECK(sk__ok_ckpt_load(path, &r, err, sizeof(err)) == -ENOENT, "absent");
	CHECK(sk__ok_ckpt_save(path, &c, err, sizeof(err)) == 0, "save: %s", err);
	CHECK(sk__ok_ckpt_load(path, &r, err, sizeof(err)) == 0 && r.delivered == 3 &&
		strcmp(r.cursor, c.cursor) == 0 && strcmp(r.last_uuid, "u3") == 0 &&
		strcmp(r.base_url, c.base_url) == 0, "round trip: %s", err);
	sk__ok_ckpt_free(&r);
	snprintf(tmp, sizeof(tmp), "%s.tmp.%d", path, (int)getpid());
	CHECK(access(tmp, F_OK) != 0, "no temporary file left");
	f = fopen(path, "w");
	fputs("{\"cursor\":", f);
	fclose(f);
	CHECK(sk__ok_ckpt_load(path, &r, err, sizeof(err)) == -EINVAL && strstr(err, path),
		"corrupt: %s", err);
	unlink(path);
	rmdir(dir);
}

/* A type-322 event around payload p. */
static ss_plugin_event *mkevt(const char *p, uint64_t ts)
{
	size_t n = strlen(p);
	ss_plugin_event *e = calloc(1, SK_SDK_PLUGIN_EVENT_HDR + n + 8);

	sk_sdk_event_write(e, SK_SDK_PLUGIN_EVENT_HDR + n + 8, ts, 7, p, n);
	return e;
}

static const char *str_of(ok_extractor_t *x, ss_plugin_event *e, uint64_t num, const char *name,
	uint64_t arg)
{
	ss_plugin_event_input in = { e, num, "okta" };
	ss_plugin_extract_field f = { 0 };
	int id = sk_sdk_field_find(ok_fields_table(), ok_fields_count(), name);

	f.field_id = (uint32_t)id;
	f.field = name;
	f.arg_index = arg;
	f.arg_present = arg != UINT64_MAX;
	f.ftype = ok_fields_table()[id].type;
	ok_extract_begin(x);
	if (id < 0 || ok_extract(x, &in, &f) < 0 || f.res_len == 0)
		return NULL;
	if (f.ftype == FTYPE_UINT64) {
		static char buf[32];

		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)f.res.u64[0]);
		return buf;
	}
	return f.res.str[0];
}

static void eq(int line, ok_extractor_t *x, ss_plugin_event *e, uint64_t n, const char *name,
	uint64_t arg, const char *want)
{
	const char *got = str_of(x, e, n, name, arg);
	bool same = want == NULL ? got == NULL : (got && strcmp(got, want) == 0);

	CHECK(same, "line %d %s: got %s, want %s", line, name, got ? got : "(none)",
		want ? want : "(none)");
}

#define EQ(...) eq(__LINE__, __VA_ARGS__)

static void test_fields(void)
{
	ok_extractor_t x;
	const char *ev1 = "{\"uuid\":\"u1\",\"eventType\":\"user.session.start\","
		"\"actor\":{\"id\":\"a1\",\"displayName\":\"Al\"},\"client\":{\"zone\":null,"
		"\"geographicalContext\":{\"country\":\"France\",\"postalCode\":75001,"
		"\"geolocation\":{\"lat\":48.85,\"lon\":2.35}}},\"securityContext\":{\"asNumber\":"
		"\"3215\",\"isProxy\":true},\"debugContext\":{\"debugData\":{\"requestUri\":"
		"\"/app/google/x/sso\"}},\"target\":[{\"type\":\"User\",\"displayName\":\"Bo\","
		"\"alternateId\":\"bo@x\"},{\"type\":\"AppInstance\",\"alternateId\":\"G\","
		"\"displayName\":\"Gapp\"}]}";
	const char *fail = "{\"uuid\":\"u%d\",\"eventType\":\"user.authentication.auth_via_mfa\","
		"\"outcome\":{\"result\":\"FAILURE\"},\"actor\":{\"id\":\"a1\"}}";
	ss_plugin_event *e = mkevt(ev1, 1000 * S), *f[4];
	char buf[256];
	int i;

	CHECK(ok_fields_count() == 56, "56 fields (54 upstream + 2)");
	CHECK(ok_extractor_init(&x, "acme", 200, 100, 84600) == 0, "init");
	EQ(&x, e, 1, "okta.evt.type", UINT64_MAX, "user.session.start");
	EQ(&x, e, 1, "okta.client.geo.postalcode", UINT64_MAX, "75001");
	EQ(&x, e, 1, "okta.client.geo.lon", UINT64_MAX, "2.35");
	EQ(&x, e, 1, "okta.security.isproxy", UINT64_MAX, "true");
	EQ(&x, e, 1, "okta.security.asnumber", UINT64_MAX, "3215");
	EQ(&x, e, 1, "okta.client.zone", UINT64_MAX, "");
	EQ(&x, e, 1, "okta.message", UINT64_MAX, "");
	EQ(&x, e, 1, "okta.authentication.step", UINT64_MAX, "0");
	EQ(&x, e, 1, "okta.app", UINT64_MAX, "google");
	EQ(&x, e, 1, "okta.org", UINT64_MAX, "acme");
	EQ(&x, e, 1, "okta.target.user.name", UINT64_MAX, "Bo");
	EQ(&x, e, 1, "okta.target.group.name", UINT64_MAX, NULL);
	EQ(&x, e, 1, "okta.target.app.alternateid", UINT64_MAX, "G");
	EQ(&x, e, 1, "okta.targets.displayName", 1, "Gapp");
	EQ(&x, e, 1, "okta.targets.displayName", 5, NULL);
	EQ(&x, e, 1, "okta.mfa.failure.countlast", 300, NULL);
	EQ(&x, e, 1, "okta.client.geo.newcountry", UINT64_MAX, "false");
	for (i = 0; i < 4; i++) {
		snprintf(buf, sizeof(buf), fail, i);
		f[i] = mkevt(buf, (1000 + 100 * (uint64_t)i) * S);
	}
	EQ(&x, f[0], 2, "okta.mfa.failure.countlast", 300, "1");
	EQ(&x, f[0], 2, "okta.mfa.deny.countlast", 300, NULL);
	EQ(&x, f[1], 3, "okta.mfa.failure.countlast", 300, "2");
	EQ(&x, f[2], 4, "okta.mfa.failure.countlast", 300, "3");
	EQ(&x, f[3], 5, "okta.mfa.failure.countlast", 300, "3"); /* the first left the window */
	EQ(&x, f[3], 5, "okta.mfa.failure.countlast", 50, "1");
	CHECK(ok_record_event(&x, &(ss_plugin_event_input){ f[3], 5, "okta" }) == 0,
		"recording twice is a no-op");
	EQ(&x, f[3], 5, "okta.mfa.failure.countlast", 1000, "4");
	ok_extractor_free(&x);
	ok_extractor_free(NULL);
	free(e);
	for (i = 0; i < 4; i++)
		free(f[i]);
}

int main(void)
{
	test_config();
	test_mfa();
	test_page();
	test_ckpt();
	test_fields();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
