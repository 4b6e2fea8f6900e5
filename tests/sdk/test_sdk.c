/* test_sdk.c - unit tests of the plugin SDK (plain asserts, one process). */
#include "sk_plugin_sdk.h"
#include "sk_field_types.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/sktest.h"

static void test_fields(void)
{
	static const sk_sdk_field_t ok[] = {
		{ .name = "t.a", .type = FTYPE_STRING, .desc = "a" },
		{ .name = "t.b", .type = FTYPE_UINT64, .is_list = true,
		  .arg = SK_SDK_ARG_INDEX, .desc = "b", .display = "B",
		  .add_output = true, .props = SK_SDK_PROP_HIDDEN },
		{ .name = "t.c", .type = FTYPE_BOOL, .arg = SK_SDK_ARG_KEY | SK_SDK_ARG_REQUIRED,
		  .desc = "c" },
	};
	static const sk_sdk_field_t bad[] = {
		{ .name = "t.bad", .type = FTYPE_STRING, .arg = SK_SDK_ARG_REQUIRED, .desc = "x" },
	};
	static const sk_sdk_field_t nodesc[] = { { .name = "t.nd", .type = FTYPE_STRING } };
	char err[256] = "";
	char *js = sk_sdk_fields_json(ok, 3, err, sizeof(err));
	json_t *arr, *b;

	CHECK(js != NULL);
	arr = json_loads(js, 0, NULL);
	CHECK(json_is_array(arr) && json_array_size(arr) == 3);
	CHECK_STR(json_string_value(json_object_get(json_array_get(arr, 0), "type")), "string");
	b = json_array_get(arr, 1);
	CHECK_STR(json_string_value(json_object_get(b, "type")), "uint64");
	CHECK(json_is_true(json_object_get(b, "isList")));
	CHECK(json_is_true(json_object_get(b, "addOutput")));
	CHECK(json_is_true(json_object_get(json_object_get(b, "arg"), "isIndex")));
	CHECK(json_is_false(json_object_get(json_object_get(b, "arg"), "isKey")));
	CHECK_STR(json_string_value(json_array_get(json_object_get(b, "properties"), 0)), "hidden");
	CHECK(json_is_true(json_object_get(json_object_get(json_array_get(arr, 2), "arg"),
		"isRequired")));
	CHECK(json_object_get(json_array_get(arr, 0), "arg") == NULL);
	json_decref(arr);
	free(js);
	CHECK(sk_sdk_field_find(ok, 3, "t.c") == 2);
	CHECK(sk_sdk_field_find(ok, 3, "t.z") == -1);

	CHECK(sk_sdk_fields_json(bad, 1, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "t.bad") != NULL);
	CHECK(sk_sdk_fields_json(nodesc, 1, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "t.nd") != NULL);

	/* int64 is the saker host's extension: SDK plugins may run in Falco */
	static const sk_sdk_field_t i64[] = {
		{ .name = "t.i", .type = (ss_plugin_field_type)SK_FTYPE_INT64, .desc = "i" },
	};
	CHECK(sk_sdk_fields_json(i64, 1, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "unknown type 4") != NULL);
}

static void test_ftypes(void)
{
	static const uint32_t all[] = { FTYPE_UINT64, FTYPE_STRING, FTYPE_RELTIME, FTYPE_ABSTIME,
		FTYPE_BOOL, FTYPE_IPADDR, FTYPE_IPNET, SK_FTYPE_INT64 };
	uint32_t t = 0;

	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		const char *n = sk_ftype_name(all[i]);
		CHECK(n != NULL && sk_ftype_parse(n, &t) == 0 && t == all[i]);
		CHECK(sk_ftype_is_abi(all[i]) == (all[i] != SK_FTYPE_INT64));
	}
	CHECK_STR(sk_ftype_name(FTYPE_RELTIME), "reltime");
	CHECK_STR(sk_ftype_name(SK_FTYPE_INT64), "int64");
	CHECK(sk_ftype_name(0) == NULL && !sk_ftype_is_abi(0));
	CHECK(sk_ftype_parse("int32", &t) == -ENOENT && sk_ftype_parse(NULL, &t) == -ENOENT);
}

static void test_util(void)
{
	uint8_t out[4];

	CHECK(sk_sdk_hexval('0') == 0 && sk_sdk_hexval('9') == 9 && sk_sdk_hexval('a') == 10);
	CHECK(sk_sdk_hexval('F') == 15 && sk_sdk_hexval('g') == -1 && sk_sdk_hexval('/') == -1);
	CHECK(sk_sdk_hexval(0xc3) == -1);
	CHECK(sk_sdk_hex_decode("00fFa5", 3, out) == 0);
	CHECK(out[0] == 0x00 && out[1] == 0xff && out[2] == 0xa5);
	CHECK(sk_sdk_hex_decode("0g", 1, out) == -EINVAL);
	CHECK(sk_sdk_hex_decode("g0", 1, out) == -EINVAL);
	CHECK(sk_sdk_hex_decode("", 0, out) == 0);

	uint64_t m0 = sk_sdk_now_ns(CLOCK_MONOTONIC), m1 = sk_sdk_now_ns(CLOCK_MONOTONIC);
	CHECK(m0 > 0 && m1 >= m0);
	/* the realtime clock is past 2020-01-01 */
	CHECK(sk_sdk_now_ns(CLOCK_REALTIME) > 1577836800ull * 1000000000ull);
}

static void test_rfc3339(void)
{
	uint64_t ns = 0;
	const char *t;

	CHECK(sk_sdk_rfc3339_ns("2014-03-06T21:22:54Z", 20, &ns) == 0 && ns == 1394140974000000000ULL,
		"plain Z time: %llu", (unsigned long long)ns);
	CHECK(sk_sdk_rfc3339_ns("2014-03-06T21:22:54.5Z", 22, &ns) == 0 &&
		ns == 1394140974500000000ULL, "fraction");
	CHECK(sk_sdk_rfc3339_ns("2014-03-06T23:22:54+02:00", 25, &ns) == 0 &&
		ns == 1394140974000000000ULL, "positive offset");
	CHECK(sk_sdk_rfc3339_ns("2014-03-06T19:22:54-02:00", 25, &ns) == 0 &&
		ns == 1394140974000000000ULL, "negative offset");
	CHECK(sk_sdk_rfc3339_ns("2014-03-06 21:22:54z", 20, &ns) == 0 && ns == 1394140974000000000ULL,
		"space separator and lower-case z");
	CHECK(sk_sdk_rfc3339_ns("2024-08-13T15:58:20.123456789123Z", 33, &ns) == 0 &&
		ns % 1000000000ULL == 123456789, "long fraction truncated: %llu", (unsigned long long)ns);
	CHECK(sk_sdk_rfc3339_ns("2024-02-29T00:00:00Z", 20, &ns) == 0 &&
		ns / 1000000000ULL == 1709164800, "leap day");
	CHECK(sk_sdk_rfc3339_ns("1970-01-01T00:00:00Z", 20, &ns) == 0 && ns == 0, "epoch");
	/* only n bytes are read: a valid prefix of a longer text */
	t = "2014-03-06T21:22:54Z\"}";
	CHECK(sk_sdk_rfc3339_ns(t, 20, &ns) == 0 && ns == 1394140974000000000ULL, "bounded by n");
	CHECK(sk_sdk_rfc3339_ns(t, 22, &ns) == -EINVAL, "trailing bytes refused");
	CHECK(sk_sdk_rfc3339_ns("2014-03-06T21:22:54", 19, &ns) == -EINVAL, "no zone");
	CHECK(sk_sdk_rfc3339_ns("2014-13-06T21:22:54Z", 20, &ns) == -EINVAL, "month 13");
	CHECK(sk_sdk_rfc3339_ns("2014-03-06T24:22:54Z", 20, &ns) == -EINVAL, "hour 24");
	CHECK(sk_sdk_rfc3339_ns("2014-03-06T21:22:54.Z", 21, &ns) == -EINVAL, "empty fraction");
	CHECK(sk_sdk_rfc3339_ns("2014-03-06T21:22:54+2:00", 24, &ns) == -EINVAL, "short offset");
	CHECK(sk_sdk_rfc3339_ns("2014-03-06T21:22:54+02:00", 24, &ns) == -EINVAL, "offset cut by n");
	CHECK(sk_sdk_rfc3339_ns("1969-12-31T23:59:59Z", 20, &ns) == -EINVAL, "before 1970");
	CHECK(sk_sdk_rfc3339_ns("1970-01-01T00:30:00+01:00", 25, &ns) == -EINVAL,
		"before the epoch through the offset");
	CHECK(sk_sdk_rfc3339_ns("garbage", 7, &ns) == -EINVAL, "garbage");
	CHECK(sk_sdk_rfc3339_ns(NULL, 0, &ns) == -EINVAL, "NULL");
}

static void test_batch(void)
{
	sk_sdk_batch_t b;
	ss_plugin_event **ev;
	const uint8_t *pl;
	uint32_t len, id;
	char big[10000];
	char err[128];
	int i;

	memset(big, 'x', sizeof(big));
	CHECK(sk_sdk_batch_init(&b, 4, 0) == 0);
	CHECK(sk_sdk_batch_events(&b) == NULL);
	CHECK(sk_sdk_batch_add(&b, 123, 7, "{\"a\":1}", 7) == 0);
	CHECK(sk_sdk_batch_add(&b, UINT64_MAX, 0, big, sizeof(big)) == 0); /* forces growth */
	CHECK(sk_sdk_batch_add(&b, 5, 1, "", 0) == 0);
	CHECK(sk_sdk_batch_add(&b, 6, 1, "z", 1) == 0);
	CHECK(sk_sdk_batch_full(&b));
	CHECK(sk_sdk_batch_add(&b, 6, 1, "z", 1) == -ENOSPC);
	ev = sk_sdk_batch_events(&b);
	CHECK(ev != NULL && b.count == 4);
	CHECK(ev[0]->ts == 123 && ev[0]->type == PPME_PLUGINEVENT_E && ev[0]->nparams == 2);
	CHECK(ev[0]->len == 38 + 7 && ev[0]->tid == UINT64_MAX);
	CHECK(SK_SDK_PLUGIN_EVENT_HDR == 38);
	CHECK(sk_sdk_event_payload(ev[0], &pl, &len, &id, err, sizeof(err)) == 0);
	CHECK(len == 7 && id == 7 && memcmp(pl, "{\"a\":1}", 7) == 0);
	CHECK(sk_sdk_event_payload(ev[1], &pl, &len, &id, err, sizeof(err)) == 0);
	CHECK(len == sizeof(big) && pl[9999] == 'x' && ev[1]->ts == UINT64_MAX);
	CHECK(((uintptr_t)ev[1] & 7) == 0);
	CHECK(sk_sdk_event_payload(ev[2], &pl, &len, &id, err, sizeof(err)) == 0 && len == 0);
	sk_sdk_batch_reset(&b);
	CHECK(b.count == 0 && sk_sdk_batch_events(&b) == NULL);
	for (i = 0; i < 3; i++)
		CHECK(sk_sdk_batch_add(&b, (uint64_t)i, 1, "ab", 2) == 0);
	ev = sk_sdk_batch_events(&b);
	CHECK(ev[2]->ts == 2);
	sk_sdk_batch_free(&b);
	sk_sdk_batch_free(NULL);

	/* byte cap: the first event always fits, later ones get ENOSPC */
	CHECK(sk_sdk_batch_init(&b, 10, 100) == 0);
	CHECK(sk_sdk_batch_add(&b, 1, 1, big, 200) == 0);
	CHECK(sk_sdk_batch_add(&b, 1, 1, "a", 1) == -ENOSPC);
	sk_sdk_batch_free(&b);

	{
		ss_plugin_event h = { .ts = 1, .tid = 1, .len = 26, .type = 3, .nparams = 0 };

		CHECK(sk_sdk_event_payload(&h, &pl, &len, &id, err, sizeof(err)) == -EINVAL);
		CHECK(strstr(err, "not a plugin event") != NULL);
	}
}

static void test_config(void)
{
	char err[256];
	json_t *c = NULL;
	const char *s;
	uint64_t u;
	bool b;
	static const char *const known[] = { "a", "n", "ns", "b", "bs", NULL };

	CHECK(sk_sdk_config_parse(NULL, &c, err, sizeof(err)) == 0 && json_is_object(c));
	json_decref(c);
	CHECK(sk_sdk_config_parse("  ", &c, err, sizeof(err)) == 0 && json_object_size(c) == 0);
	json_decref(c);
	CHECK(sk_sdk_config_parse("[1]", &c, err, sizeof(err)) == -EINVAL && c == NULL);
	CHECK(sk_sdk_config_parse("{bad", &c, err, sizeof(err)) == -EINVAL);
	CHECK(strstr(err, "not valid JSON") != NULL);
	CHECK(sk_sdk_config_parse("{\"a\":\"x\",\"n\":5,\"ns\":\"17\",\"b\":true,\"bs\":\"false\","
		"\"bad\":-1}", &c, err, sizeof(err)) == 0);
	CHECK(sk_sdk_config_string(c, "a", "d", &s, err, sizeof(err)) == 0);
	CHECK_STR(s, "x");
	CHECK(sk_sdk_config_string(c, "zz", "d", &s, err, sizeof(err)) == 0);
	CHECK_STR(s, "d");
	CHECK(sk_sdk_config_string(c, "n", "d", &s, err, sizeof(err)) == -EINVAL);
	CHECK(strstr(err, "'n'") != NULL);
	CHECK(sk_sdk_config_u64(c, "n", 1, 0, 10, &u, err, sizeof(err)) == 0 && u == 5);
	CHECK(sk_sdk_config_u64(c, "ns", 1, 0, 100, &u, err, sizeof(err)) == 0 && u == 17);
	CHECK(sk_sdk_config_u64(c, "zz", 9, 0, 100, &u, err, sizeof(err)) == 0 && u == 9);
	CHECK(sk_sdk_config_u64(c, "n", 1, 6, 10, &u, err, sizeof(err)) == -ERANGE);
	CHECK(strstr(err, "'n'") != NULL);
	CHECK(sk_sdk_config_u64(c, "bad", 1, 0, 10, &u, err, sizeof(err)) == -ERANGE);
	CHECK(sk_sdk_config_u64(c, "a", 1, 0, 10, &u, err, sizeof(err)) == -EINVAL);
	CHECK(sk_sdk_config_bool(c, "b", false, &b, err, sizeof(err)) == 0 && b);
	CHECK(sk_sdk_config_bool(c, "bs", true, &b, err, sizeof(err)) == 0 && !b);
	CHECK(sk_sdk_config_bool(c, "zz", true, &b, err, sizeof(err)) == 0 && b);
	CHECK(sk_sdk_config_bool(c, "n", true, &b, err, sizeof(err)) == -EINVAL);
	CHECK(sk_sdk_config_check_keys(c, known, err, sizeof(err)) == -EINVAL);
	CHECK(strstr(err, "'bad'") != NULL);
	json_decref(c);
}

static void test_extract(void)
{
	sk_sdk_extract_t x;
	ss_plugin_extract_field f[3];
	char longs[20000];
	const char *keep;
	int i;

	memset(longs, 'q', sizeof(longs));
	sk_sdk_extract_init(&x);
	for (i = 0; i < 50; i++) {
		memset(f, 0, sizeof(f));
		f[0].ftype = FTYPE_STRING;
		f[1].ftype = FTYPE_UINT64;
		f[2].ftype = FTYPE_STRING;
		sk_sdk_extract_reset(&x);
		CHECK(sk_sdk_extract_str(&x, &f[0], "hello world", 5) == 0);
		CHECK(f[0].res_len == 1);
		CHECK_STR(f[0].res.str[0], "hello");
		keep = f[0].res.str[0];
		CHECK(sk_sdk_extract_list_begin(&x) == 0);
		CHECK(sk_sdk_extract_list_add_u64(&x, 1) == 0);
		CHECK(sk_sdk_extract_list_add_u64(&x, 99) == 0);
		CHECK(sk_sdk_extract_list_end(&x, &f[1]) == 0);
		CHECK(f[1].res_len == 2 && f[1].res.u64[1] == 99);
		CHECK(sk_sdk_extract_list_begin(&x) == 0);
		CHECK(sk_sdk_extract_list_add_str(&x, longs, sizeof(longs)) == 0); /* new chunk */
		CHECK(sk_sdk_extract_list_add_str_ref(&x, "lit") == 0);
		CHECK(sk_sdk_extract_list_end(&x, &f[2]) == 0);
		CHECK(f[2].res_len == 2 && strlen(f[2].res.str[0]) == sizeof(longs));
		CHECK_STR(f[2].res.str[1], "lit");
		/* earlier results survive arena growth within the same call */
		CHECK(keep == f[0].res.str[0]);
		CHECK_STR(f[0].res.str[0], "hello");
	}
	memset(f, 0, sizeof(f));
	f[0].ftype = FTYPE_BOOL;
	sk_sdk_extract_reset(&x);
	CHECK(sk_sdk_extract_bool(&x, &f[0], true) == 0 && f[0].res.boolean[0] == 1);
	CHECK(sk_sdk_extract_list_begin(&x) == 0);
	CHECK(sk_sdk_extract_list_end(&x, &f[0]) == 0 && f[0].res_len == 0);
	CHECK(sk_sdk_extract_list_add_u64(&x, 1) == -EINVAL); /* no list open */
	CHECK(sk_sdk_extract_u64(&x, &f[1], 42) == 0 && f[1].res.u64[0] == 42);
	sk_sdk_extract_free(&x);
	sk_sdk_extract_free(NULL);
}

static void test_json(void)
{
	json_t *root = json_loads("{\"a\":{\"b/c\":[10,{\"d~e\":\"s\"}],\"t\":true,\"o\":{\"x\":1}},"
		"\"\":5}", 0, NULL);
	sk_sdk_extract_t x;
	size_t len;

	sk_sdk_extract_init(&x);
	CHECK(root != NULL);
	CHECK(sk_sdk_json_pointer(root, "") == root);
	CHECK(json_integer_value(sk_sdk_json_pointer(root, "/a/b~1c/0")) == 10);
	CHECK(json_integer_value(sk_sdk_json_pointer(root, "a/b~1c/0")) == 10);
	CHECK_STR(json_string_value(sk_sdk_json_pointer(root, "/a/b~1c/1/d~0e")), "s");
	CHECK(sk_sdk_json_pointer(root, "/a/b~1c/2") == NULL);
	CHECK(sk_sdk_json_pointer(root, "/a/b~1c/01") == NULL);
	CHECK(sk_sdk_json_pointer(root, "/a/b~2c") == NULL);
	CHECK(sk_sdk_json_pointer(root, "/nope/x") == NULL);
	CHECK(json_integer_value(sk_sdk_json_pointer(root, "/")) == 5);
	CHECK_STR(sk_sdk_json_text(&x, sk_sdk_json_pointer(root, "/a/t"), &len), "true");
	CHECK(len == 4);
	CHECK_STR(sk_sdk_json_text(&x, sk_sdk_json_pointer(root, "/a/o"), NULL), "{\"x\":1}");
	CHECK_STR(sk_sdk_json_text(&x, sk_sdk_json_pointer(root, "/a/b~1c/0"), NULL), "10");
	CHECK_STR(sk_sdk_json_text(&x, sk_sdk_json_pointer(root, "/a/b~1c/1/d~0e"), NULL), "s");
	json_decref(root);
	sk_sdk_extract_free(&x);
}

static void test_jscan(void)
{
	static const char doc[] =
		" { \"a\" : {\"b/c\":[10, {\"d~e\":\"s\"}], \"t\":true, \"o\":{ \"x\" : 1 } },"
		"\"esc\":\"q\\\"u\\u00e9\\ud83d\\ude00\\n\", \"k\\u0041\":\"keyesc\","
		"\"num\":-1.5e3, \"n\":null, \"f\":false, \"\":5, \"arr\":[ ] } ";
	static const char *const ptrs[] = { "", "/a", "/a/b~1c", "/a/b~1c/0", "/a/b~1c/1/d~0e",
		"a/t", "/a/o", "/esc", "/num", "/n", "/f", "/", "/arr", "/a/b~1c/2", "/a/b~1c/01",
		"/missing", "/a/t/x", "/kA", NULL };
	static const char *const bad[] = { "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "tru",
		"{\"a\":1}x", "[\"a\001\"]", "{,}", "[1 2]", "{\"a\":}", "-", "1e", NULL };
	static const char *const trunc[] = { "{", "[1,", "{\"a\":\"bc", "tru", "", "[[[", NULL };
	static const char *const good[] = { "0", "-0.5e-3", "\"\"", "[]", "{}", "[[],{}]", "null",
		" true ", "{\"a\":[1,{\"b\":null}]}", "\"\\ud83d\\ude00\"", NULL };
	sk_sdk_extract_t x;
	sk_sdk_jval_t root, v, it = { 0 }, k, el;
	json_t *jr = json_loads(doc, 0, NULL);
	char err[128], deep[300], compact[sizeof(doc)];
	size_t i, len, n;
	int rc, count;

	sk_sdk_extract_init(&x);
	CHECK(jr != NULL);
	CHECK(sk_sdk_jscan_validate(doc, strlen(doc), 64, err, sizeof(err)) == 0);
	CHECK(sk_sdk_jscan_root(doc, strlen(doc), &root) == 0 && root.t == SK_JT_OBJECT);
	/* every pointer gives the same value text as the jansson reference (except
	 * numbers and the whole document, whose raw text jscan keeps as sent) */
	for (i = 0; ptrs[i]; i++) {
		json_t *ref = sk_sdk_json_pointer(jr, ptrs[i]);
		const char *want = ref ? sk_sdk_json_text(&x, ref, NULL) : NULL;
		const char *got = NULL;

		if (sk_sdk_jscan_pointer(&root, ptrs[i], &v) == 0)
			got = sk_sdk_jscan_text(&x, &v, NULL);
		CHECK((want == NULL) == (got == NULL) && (!want || strcmp(want, got) == 0 ||
			!strcmp(ptrs[i], "/num") || ptrs[i][0] == '\0'),
			"pointer %s: jscan '%s' jansson '%s'", ptrs[i], got ? got : "(none)",
			want ? want : "(none)");
	}
	CHECK(sk_sdk_jscan_pointer(&root, "/num", &v) == 0 && v.t == SK_JT_NUMBER);
	CHECK_STR(sk_sdk_jscan_text(&x, &v, &len), "-1.5e3"); /* raw number text, as fastjson */
	CHECK(sk_sdk_jscan_pointer(&root, "/esc", &v) == 0);
	CHECK_STR(sk_sdk_jscan_text(&x, &v, NULL), "q\"u\xc3\xa9\xf0\x9f\x98\x80\n");
	CHECK(sk_sdk_jscan_streq(&v, "q\"u\xc3\xa9\xf0\x9f\x98\x80\n"));
	/* a \u0000 escape never cuts a value short (issue 14): kept as text */
	{
		static const char nul[] = "{\"u\":\"admin\\u0000evil\"}";
		sk_sdk_jval_t nr, nv;

		CHECK(sk_sdk_jscan_root(nul, strlen(nul), &nr) == 0);
		CHECK(sk_sdk_jscan_get(&nr, "u", 1, &nv) == 0);
		CHECK_STR(sk_sdk_jscan_text(&x, &nv, &len), "admin\\u0000evil");
		CHECK(len == 15);
		CHECK(!sk_sdk_jscan_streq(&nv, "admin"));
	}
	CHECK(sk_sdk_jscan_pointer(&root, "/a/o", &v) == 0);
	CHECK_STR(sk_sdk_jscan_text(&x, &v, NULL), "{\"x\":1}");
	{
		static const char *const path[] = { "a", "b/c", "1", "d~e", NULL };

		CHECK(sk_sdk_jscan_path(&root, path, &v) == 0 && sk_sdk_jscan_streq(&v, "s"));
	}
	/* iteration */
	count = 0;
	while ((rc = sk_sdk_jscan_next_member(&root, &it, &k, &el)) == 1)
		count++;
	CHECK(rc == 0 && count == 8);
	CHECK(sk_sdk_jscan_pointer(&root, "/arr", &v) == 0);
	memset(&it, 0, sizeof(it));
	CHECK(sk_sdk_jscan_next(&v, &it, &el) == 0);
	n = sk_sdk_jscan_compact(&root, compact);
	compact[n] = '\0';
	CHECK(strstr(compact, "{\"a\":{\"b/c\":[10,{\"d~e\":\"s\"}]") == compact);
	CHECK(strstr(compact, "\\ud83d") != NULL); /* escapes inside strings kept as is */
	/* validation */
	for (i = 0; good[i]; i++)
		CHECK(sk_sdk_jscan_validate(good[i], strlen(good[i]), 8, err, sizeof(err)) == 0,
			"valid '%s' rejected: %s", good[i], err);
	for (i = 0; bad[i]; i++)
		CHECK(sk_sdk_jscan_validate(bad[i], strlen(bad[i]), 8, err, sizeof(err)) != 0,
			"invalid '%s' accepted", bad[i]);
	for (i = 0; trunc[i]; i++)
		CHECK(sk_sdk_jscan_validate(trunc[i], strlen(trunc[i]), 8, err, sizeof(err)) == -EAGAIN,
			"truncated '%s' not reported as premature end", trunc[i]);
	memset(deep, '[', sizeof(deep));
	CHECK(sk_sdk_jscan_validate(deep, sizeof(deep), 100, err, sizeof(err)) == -EINVAL);
	CHECK(strstr(err, "nesting") != NULL);
	/* lookups in every truncation of the document stay in bounds */
	for (i = 0; i < strlen(doc); i++) {
		char *cut = malloc(i ? i : 1);

		memcpy(cut, doc, i);
		if (sk_sdk_jscan_root(cut, i, &root) == 0) {
			for (n = 0; ptrs[n]; n++)
				if (sk_sdk_jscan_pointer(&root, ptrs[n], &v) == 0)
					(void)sk_sdk_jscan_text(&x, &v, NULL);
		}
		if (i < strlen(doc) - 1) /* the document ends with one blank */
			CHECK(sk_sdk_jscan_validate(cut, i, 64, err, sizeof(err)) != 0);
		free(cut);
	}
	json_decref(jr);
	sk_sdk_extract_free(&x);
}

static void test_err(void)
{
	sk_sdk_err_t e;
	char small[4];

	sk_sdk_err_set(&e, "bad %s %d", "thing", 3);
	CHECK_STR(e.msg, "bad thing 3");
	sk_sdk_err_clear(&e);
	CHECK_STR(e.msg, "");
	sk_sdk_errf(small, sizeof(small), "abcdef");
	CHECK_STR(small, "abc");
	sk_sdk_errf(NULL, 0, "x");
}

static void test_buf(void)
{
	sk_sdk_buf_t b = { 0 }, c = { .max = 8 };
	char big[1000];
	size_t i;

	/* empty: a zero-byte append still leaves a terminated string */
	CHECK(sk_sdk_buf_append(&b, NULL, 0) == 0);
	CHECK(b.p != NULL && b.n == 0 && b.p[0] == '\0');
	CHECK(sk_sdk_buf_append(&b, "ab", 2) == 0 && sk_sdk_buf_str(&b, "cd") == 0);
	CHECK(b.n == 4 && strcmp(b.p, "abcd") == 0 && b.cap > b.n);
	/* growth across several reallocations keeps every byte */
	for (i = 0; i < sizeof(big); i++)
		big[i] = (char)('a' + i % 26);
	for (i = 0; i < 20; i++)
		CHECK(sk_sdk_buf_append(&b, big, sizeof(big)) == 0);
	CHECK(b.n == 4 + 20 * sizeof(big) && b.p[b.n] == '\0' && b.err == 0);
	CHECK(memcmp(b.p + 4 + 19 * sizeof(big), big, sizeof(big)) == 0);
	sk_sdk_buf_clear(&b);
	CHECK(b.n == 0 && b.p && b.p[0] == '\0');
	sk_sdk_buf_free(&b);
	CHECK(b.p == NULL && b.n == 0 && b.cap == 0 && b.err == 0);
	sk_sdk_buf_free(NULL);
	sk_sdk_buf_free(&b); /* twice is fine */

	/* cap: up to max bytes fit, one more fails, and the failure sticks */
	CHECK(sk_sdk_buf_append(&c, "12345678", 8) == 0 && c.n == 8 && c.cap <= 9);
	CHECK(sk_sdk_buf_append(&c, "9", 1) == -E2BIG && c.err == -E2BIG);
	CHECK(c.n == 8 && strcmp(c.p, "12345678") == 0);
	CHECK(sk_sdk_buf_append(&c, NULL, 0) == -E2BIG);
	sk_sdk_buf_clear(&c);
	CHECK(c.err == 0 && c.max == 8 && sk_sdk_buf_str(&c, "123456789") == -E2BIG);
	CHECK(c.n == 0 && c.p[0] == '\0');
	sk_sdk_buf_free(&c);
	CHECK(c.max == 0);

	/* the curl callback: bytes taken, 0 once over the cap */
	c.max = 5;
	CHECK(sk_sdk_buf_curl_write("abc", 1, 3, &c) == 3);
	CHECK(sk_sdk_buf_curl_write("def", 1, 3, &c) == 0 && c.err == -E2BIG);
	CHECK(c.n == 3 && strcmp(c.p, "abc") == 0);
	sk_sdk_buf_free(&c);
}

int main(void)
{
	test_err();
	test_buf();
	test_fields();
	test_ftypes();
	test_util();
	test_rfc3339();
	test_batch();
	test_config();
	test_extract();
	test_json();
	test_jscan();
	return sktest_report("sdk");
}
