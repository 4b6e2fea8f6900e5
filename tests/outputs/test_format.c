/* Alert rendering: Falco's JSON alert (exact bytes for the upstream oracle),
 * the text line, the json_include_* switches, the schema checker itself. */
#include "testutil.h"

#define TS 1470327477881781397ull /* cat_write.scap oracle */

static sk_alert_t *oracle_alert(void)
{
	sk_alert_t *a = make_alert(TS, "open_from_cat", SK_PRIO_WARNING,
		"An open was seen (command=cat /dev/null)", "cat /dev/null");
	for (size_t i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	a->ntags = 0;
	return a;
}

static void test_oracle_json(void)
{
	sk_alert_t *a = oracle_alert();
	sk_alert_fmt_t f;
	sk_alert_format_defaults(&f);
	f.iso8601 = true;
	char *j = sk_alert_to_json_ex(a, "h1", &f);
	const char *want =
		"{\"hostname\":\"h1\",\"output\":\"2016-08-04T16:17:57.881781397+0000: Warning An "
		"open was seen (command=cat /dev/null)\",\"output_fields\":{\"evt.time.iso8601\":"
		"1470327477881781397,\"proc.cmdline\":\"cat /dev/null\"},\"priority\":\"Warning\","
		"\"rule\":\"open_from_cat\",\"source\":\"syscall\",\"tags\":[],\"time\":"
		"\"2016-08-04T16:17:57.881781397Z\"}";
	CHECK(j && strcmp(j, want) == 0, "got %s", j ? j : "(null)");
	const char *why = falco_alert_invalid(j, true, true);
	CHECK(!why, "schema: %s", why);
	free(j);
	sk_alert_free(a);
}

static void test_default_json(void)
{
	/* TZ=UTC (set in main) makes %evt.time deterministic. */
	sk_alert_t *a = make_alert(TS, "r", SK_PRIO_INFORMATIONAL, "hello", "x");
	char *j = sk_alert_to_json(a, "host", true, true);
	json_t *o = json_loads(j, 0, NULL);
	CHECK(o, "not json: %s", j);
	CHECK(!strcmp(json_string_value(json_object_get(o, "output")),
		      "16:17:57.881781397: Informational hello"),
		"output %s", json_string_value(json_object_get(o, "output")));
	CHECK(json_integer_value(json_object_get(json_object_get(o, "output_fields"),
		      "evt.time")) == (json_int_t)TS, "evt.time field");
	CHECK(!strcmp(json_string_value(json_object_get(o, "priority")), "Informational"),
		"priority");
	json_t *tags = json_object_get(o, "tags");
	CHECK(json_array_size(tags) == 2 &&
		      !strcmp(json_string_value(json_array_get(tags, 0)), "filesystem"), "tags");
	CHECK(!falco_alert_invalid(j, true, true), "schema: %s", falco_alert_invalid(j, true, true));
	json_decref(o);
	free(j);

	/* json_include_output_property / json_include_tags_property off. */
	j = sk_alert_to_json(a, "host", false, false);
	CHECK(!falco_alert_invalid(j, false, false), "schema: %s",
		falco_alert_invalid(j, false, false));
	CHECK(!strstr(j, "\"output\"") && !strstr(j, "\"tags\""), "keys still there: %s", j);
	free(j);

	/* message and output_fields switches. */
	sk_alert_fmt_t f;
	sk_alert_format_defaults(&f);
	f.include_message = true;
	f.include_output_fields = false;
	j = sk_alert_to_json_ex(a, "host", &f);
	o = json_loads(j, 0, NULL);
	CHECK(!strcmp(json_string_value(json_object_get(o, "message")), "hello"), "message");
	CHECK(!json_object_get(o, "output_fields"), "output_fields present");
	json_decref(o);
	free(j);
	sk_alert_free(a);
}

static void test_text(void)
{
	sk_alert_t *a = make_alert(TS, "r", SK_PRIO_CRITICAL, "x\ny\tz\x01", "c");
	char *t = sk_alert_to_text(a, false);
	CHECK(!strcmp(t, "16:17:57.881781397: Critical x\\ny\\tz\\u0001"), "text %s", t);
	free(t);
	t = sk_alert_to_text(a, true);
	CHECK(!strcmp(t, "2016-08-04T16:17:57.881781397+0000: Critical x\\ny\\tz\\u0001"),
		"iso text %s", t);
	free(t);
	/* Nanoseconds are zero-padded. */
	a->ts_ns = 1000000005ull;
	t = sk_alert_to_text(a, true);
	CHECK(!strncmp(t, "1970-01-01T00:00:01.000000005+0000: ", 36), "padding %s", t);
	free(t);
	sk_alert_free(a);
}

static void test_bad_utf8(void)
{
	sk_alert_t *a = make_alert(TS, "r\xff", SK_PRIO_ERROR, "bad \xc3\x28 \xe2\x82\xac ok",
		"cmd");
	char *j = sk_alert_to_json(a, "h", true, true);
	CHECK(j != NULL, "invalid UTF-8 must not fail rendering");
	if (j) {
		CHECK(!falco_alert_invalid(j, true, true), "schema: %s",
			falco_alert_invalid(j, true, true));
		json_t *o = json_loads(j, 0, NULL);
		CHECK(!strcmp(json_string_value(json_object_get(o, "rule")), "r\xef\xbf\xbd"),
			"rule %s", json_string_value(json_object_get(o, "rule")));
		CHECK(strstr(json_string_value(json_object_get(o, "output")),
			      "bad \xef\xbf\xbd( \xe2\x82\xac ok") != NULL, "output");
		json_decref(o);
	}
	free(j);
	sk_alert_free(a);
}

static void test_checker_rejects(void)
{
	/* The checker must catch what falcosidekick rejects. */
	CHECK(falco_alert_invalid("not json", true, true), "accepts non-JSON");
	CHECK(falco_alert_invalid("{\"hostname\":\"h\",\"output\":\"00:00:00.000000000: Warning x\","
		      "\"output_fields\":{},\"priority\":\"Warning\",\"rule\":\"r\",\"source\":"
		      "\"syscall\",\"tags\":[],\"time\":\"2016-08-04T16:17:57.881781397Z\"}", true, true),
		"accepts empty output_fields");
	CHECK(falco_alert_invalid("{\"hostname\":\"h\",\"output\":\"00:00:00.000000000: Warning x\","
		      "\"output_fields\":{\"a\":1},\"priority\":\"Warning\",\"rule\":\"\",\"source\":"
		      "\"syscall\",\"tags\":[],\"time\":\"2016-08-04T16:17:57.881781397Z\"}", true, true),
		"accepts empty rule");
	CHECK(falco_alert_invalid("{\"hostname\":\"h\",\"output\":\"00:00:00.000000000: Warning x\","
		      "\"output_fields\":{\"a\":1},\"priority\":\"Warning\",\"rule\":\"r\",\"source\":"
		      "\"syscall\",\"tags\":[],\"time\":\"2016-08-04 16:17:57Z\"}", true, true),
		"accepts bad time");
	CHECK(falco_alert_invalid("{\"hostname\":\"h\",\"output\":\"00:00:00.000000000: Warning x\","
		      "\"output_fields\":{\"a\":1},\"rule\":\"r\",\"source\":"
		      "\"syscall\",\"tags\":[],\"time\":\"2016-08-04T16:17:57.881781397Z\"}", true, true),
		"accepts missing priority");
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	test_oracle_json();
	test_default_json();
	test_text();
	test_bad_utf8();
	test_checker_rejects();
	return sktest_report("test_format");
}
