/* Config tests: YAML -> JSON typing, -o overrides, typed keys; tables of
 * malformed inputs that must each give a clear error and never crash. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "util/log.h"

#include "../lib/sktest.h"

static json_t *yaml(const char *text)
{
	json_t *j = NULL;
	char err[512];
	if (sk_config_parse_yaml(text, strlen(text), "t.yaml", &j, err, sizeof(err)))
		fprintf(stderr, "unexpected YAML error: %s\n", err);
	return j;
}

static bool json_is(const json_t *j, const char *expected_json)
{
	json_t *e = json_loads(expected_json, JSON_DECODE_ANY, NULL);
	bool eq = e && json_equal((json_t *)j, e);
	if (!eq) {
		char *s = j ? json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
		fprintf(stderr, "  got %s, want %s\n", s ? s : "NULL", expected_json);
		free(s);
	}
	json_decref(e);
	return eq;
}

static void test_yaml_typing(void)
{
	static const struct {
		const char *yaml, *json;
	} cases[] = {
		{"a: 1\nb: -2\nc: 0x10\nd: 0o17\n", "{\"a\":1,\"b\":-2,\"c\":16,\"d\":15}"},
		{"a: true\nb: False\nc: yes\nd: off\n", "{\"a\":true,\"b\":false,\"c\":true,\"d\":false}"},
		{"a: ~\nb: null\nc:\n", "{\"a\":null,\"b\":null,\"c\":null}"},
		{"a: 1.5\nb: 1.2.3\nc: \"1\"\nd: 'true'\n", "{\"a\":1.5,\"b\":\"1.2.3\",\"c\":\"1\",\"d\":\"true\"}"},
		{"l: [a, 1, {x: y}]\n", "{\"l\":[\"a\",1,{\"x\":\"y\"}]}"},
		{"base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n", "{\"base\":{\"x\":1,\"y\":2},\"d\":{\"x\":1,\"y\":3}}"},
		{"a: &v hello\nb: *v\n", "{\"a\":\"hello\",\"b\":\"hello\"}"},
		{"", "{}"},
		{"# only a comment\n", "{}"},
		{"url: http://h:80/x\n", "{\"url\":\"http://h:80/x\"}"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		json_t *j = yaml(cases[i].yaml);
		CHECK(j && json_is(j, cases[i].json), "yaml case %zu", i);
		json_decref(j);
	}
}

static void test_yaml_errors(void)
{
	static const char *bad[] = {
		"a: [1, 2\n",
		"a: {b: 1\n",
		"a: 'unterminated\n",
		"a:\n\t- tab\n",
		"- a\nb: c\n",
		"a: *nope\n",
		"a: b: c\n",
		"? [x]\n: y\n",
		"<<: 5\n",
		"\"\\xZZ\": 1\n",
		/* alias expansion bomb */
		"a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
		"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
		"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
		"g: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		json_t *j = NULL;
		char err[512] = "";
		int rc = sk_config_parse_yaml(bad[i], strlen(bad[i]), "bad.yaml", &j, err, sizeof(err));
		CHECK(rc < 0 && !j && strncmp(err, "bad.yaml:", 9) == 0, "bad yaml %zu: rc=%d err='%s'", i,
			rc, err);
		json_decref(j);
	}
	/* Deep nesting is refused, not a stack overflow. */
	char deep[2000];
	size_t k = 0;
	for (int i = 0; i < 600; i++)
		deep[k++] = '[';
	deep[k] = '\0';
	json_t *j = NULL;
	char err[512] = "";
	CHECK(sk_config_parse_yaml(deep, k, "deep.yaml", &j, err, sizeof(err)) < 0, "deep nesting");
	json_decref(j);

	/* A file whose top level is not a map. */
	const char *path = "/tmp/saker_test_config_list.yaml";
	FILE *f = fopen(path, "w");
	if (f) {
		fputs("- a\n- b\n", f);
		fclose(f);
		CHECK(sk_config_load_file(path, SK_CONFIG_MAX_FILE_DEFAULT, &j, err, sizeof(err)) < 0 && strstr(err, "must be a YAML mapping"),
			"list at top level: %s", err);
		remove(path);
	}
	CHECK(sk_config_load_file("/nonexistent/saker.yaml", SK_CONFIG_MAX_FILE_DEFAULT, &j, err, sizeof(err)) < 0 &&
			strstr(err, "cannot open configuration file /nonexistent/saker.yaml"),
		"missing file: %s", err);
}

static void test_overrides(void)
{
	static const struct {
		const char *base, *kv, *json;
	} ok[] = {
		{"{}", "a=1", "{\"a\":1}"},
		{"{}", "a.b.c=x", "{\"a\":{\"b\":{\"c\":\"x\"}}}"},
		{"{\"a\":{\"b\":1,\"k\":2}}", "a.b=2", "{\"a\":{\"b\":2,\"k\":2}}"},
		{"{}", "x=[a,b]", "{\"x\":[\"a\",\"b\"]}"},
		{"{}", "x={a: 1}", "{\"x\":{\"a\":1}}"},
		{"{}", "x=", "{\"x\":\"\"}"},
		{"{}", "x=a: b", "{\"x\":\"a: b\"}"},
		{"{}", "x=a=b", "{\"x\":\"a=b\"}"},
		{"{}", "x=true", "{\"x\":true}"},
		{"{}", "a\\.b=1", "{\"a.b\":1}"},
		{"{\"plugins\":[{\"name\":\"p\",\"open_params\":\"\"}]}", "plugins[0].open_params=5",
			"{\"plugins\":[{\"name\":\"p\",\"open_params\":5}]}"},
		{"{\"plugins\":[{\"name\":\"p\"}]}", "plugins[1].name=q",
			"{\"plugins\":[{\"name\":\"p\"},{\"name\":\"q\"}]}"},
		{"{}", "l[0]=z", "{\"l\":[\"z\"]}"},
		{"{}", "m[0][0]=1", "{\"m\":[[1]]}"},
		{"{\"a\":5}", "a.b=1", "{\"a\":{\"b\":1}}"},
		{"{}", "x='quoted: yes'", "{\"x\":\"quoted: yes\"}"},
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		json_t *root = json_loads(ok[i].base, 0, NULL);
		char err[512] = "";
		int rc = sk_config_apply_override(root, ok[i].kv, err, sizeof(err));
		CHECK(rc == 0 && json_is(root, ok[i].json), "override %zu '%s': %s", i, ok[i].kv, err);
		json_decref(root);
	}
	static const struct {
		const char *base, *kv, *err;
	} bad[] = {
		{"{}", "noequals", "invalid option 'noequals': expected <key>=<value>"},
		{"{}", "=1", "invalid option '=1': expected <key>=<value>"},
		{"{}", "a..b=1", "invalid option key 'a..b'"},
		{"{}", ".a=1", "invalid option key '.a'"},
		{"{}", "a.=1", "invalid option key 'a.'"},
		{"{}", "a[x]=1", "invalid option key 'a[x]'"},
		{"{}", "a[1=1", "invalid option key 'a[1'"},
		{"{}", "a[0]b=1", "invalid option key 'a[0]b'"},
		{"{}", "a[99999999999]=1", "invalid option key 'a[99999999999]'"},
		{"{}", "[0]=1", "invalid option key '[0]'"},
		{"{\"l\":[]}", "l[2]=1", "invalid option 'l[2]': index 2 out of range (list has 0 entries)"},
		{"{\"l\":[1]}", "l[3].x=1", "invalid option 'l[3].x': index 3 out of range (list has 1 entries)"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		json_t *root = json_loads(bad[i].base, 0, NULL);
		char err[512] = "";
		int rc = sk_config_apply_override(root, bad[i].kv, err, sizeof(err));
		CHECK(rc < 0 && strcmp(err, bad[i].err) == 0, "bad override %zu '%s'\n  got:  '%s'\n  want: '%s'",
			i, bad[i].kv, err, bad[i].err);
		json_decref(root);
	}
}

static void test_host_keys(void)
{
	json_t *root = yaml("rules_files: [a.yaml, /r]\n"
			    "plugins:\n"
			    "  - name: p1\n    library_path: /l/p1.so\n    init_config: {x: 1, y: [a]}\n"
			    "    open_params: 'o'\n"
			    "  - name: p2\n    library_path: /l/p2.so\n    init_config: plain\n"
			    "  - name: p3\n    library_path: /l/p3.so\n"
			    "load_plugins: [p3, p1]\n"
			    "priority: warning\nrule_matching: all\nlog_level: debug\n"
			    "rules:\n  - disable: {rule: 'A*'}\n  - enable: {tag: t1}\n"
			    "saker: {alert_queue_size: 8}\n");
	sk_config_t c;
	char err[512] = "";
	int rc = sk_config_read(root, &c, err, sizeof(err));
	CHECK(rc == 0, "read: %s", err);
	if (rc == 0) {
		CHECK(c.nrules_files == 2 && strcmp(c.rules_files[1], "/r") == 0, "rules_files");
		CHECK(c.nplugins == 2 && strcmp(c.plugins[0].name, "p1") == 0 &&
				strcmp(c.plugins[1].name, "p3") == 0,
			"load_plugins selects in plugins order");
		CHECK(strcmp(c.plugins[0].init_config, "{\"x\":1,\"y\":[\"a\"]}") == 0, "map init_config -> JSON '%s'",
			c.plugins[0].init_config);
		CHECK(strcmp(c.plugins[0].open_params, "o") == 0 && strcmp(c.plugins[1].init_config, "") == 0,
			"open_params / empty init_config");
		CHECK(c.priority == SK_PRIO_WARNING && c.match_all && c.log_level == 7, "scalars");
		CHECK(c.nselectors == 2 && strcmp(c.selectors[0], "disable:A*") == 0 &&
				strcmp(c.selectors[1], "enable_tag:t1") == 0,
			"selectors");
		CHECK(c.alert_queue_size == 8 && c.idle_sleep_us == 1000 && c.flush_timeout_ms == 5000,
			"saker keys");
		sk_config_clear(&c);
	}
	json_decref(root);

	root = yaml("plugins:\n  - name: p\n    library_path: /x\n    init_config: plain\n    open_params: 7\n");
	rc = sk_config_read(root, &c, err, sizeof(err));
	CHECK(rc == 0 && c.nplugins == 1 && strcmp(c.plugins[0].init_config, "plain") == 0 &&
			strcmp(c.plugins[0].open_params, "7") == 0,
		"absent load_plugins loads every plugin, scalars as text");
	sk_config_clear(&c);
	json_decref(root);

	static const struct {
		const char *yaml, *err;
	} bad[] = {
		{"priority: loud\n", "invalid value for 'priority': 'loud' is not a priority"},
		{"priority: [x]\n", "invalid value for 'priority': expected a string"},
		{"rule_matching: some\n", "invalid value for 'rule_matching': 'some' (expected first or all)"},
		{"log_level: chatty\n", "invalid value for 'log_level'"},
		{"rules_files: 5\n", "invalid value for 'rules_files'"},
		{"rules_files: [a, 5]\n", "invalid value for 'rules_files'"},
		{"plugins: {a: 1}\n", "invalid value for 'plugins': expected a list"},
		{"plugins: [5]\n", "invalid value for 'plugins[0]': expected a map"},
		{"plugins: [{library_path: /x}]\n", "invalid value for 'plugins[0].name'"},
		{"plugins: [{name: a}]\n", "invalid value for 'plugins[0].library_path'"},
		{"plugins: [{name: a, library_path: /x, open_params: [1]}]\n",
			"invalid value for 'plugins[0].open_params'"},
		{"plugins: [{name: a, library_path: /x}, {name: a, library_path: /y}]\n",
			"invalid value for 'plugins[1].name': duplicate plugin name 'a'"},
		{"plugins: [{name: a, library_path: /x}]\nload_plugins: [b]\n",
			"Cannot load plugin 'b': plugin config not found for given name"},
		{"load_plugins: a\n", "invalid value for 'load_plugins'"},
		{"load_plugins: [1]\n", "invalid value for 'load_plugins[0]'"},
		{"rules: [{enable: {}}]\n", "invalid value for 'rules'"},
		{"rules: [{maybe: {rule: x}}]\n", "invalid value for 'rules'"},
		{"saker: 3\n", "invalid value for 'saker': expected a map"},
		{"saker: {alert_queue_size: 0}\n", "invalid value for 'saker.alert_queue_size': must be at least 1"},
		{"saker: {alert_queue_size: -4}\n", "invalid value for 'saker.alert_queue_size'"},
		{"saker: {alert_queue_size: big}\n", "invalid value for 'saker.alert_queue_size'"},
		{"saker: {idle_sleep_us: 99999999}\n", "invalid value for 'saker.idle_sleep_us'"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		root = yaml(bad[i].yaml);
		err[0] = '\0';
		rc = root ? sk_config_read(root, &c, err, sizeof(err)) : -1;
		CHECK(rc < 0 && strncmp(err, bad[i].err, strlen(bad[i].err)) == 0,
			"bad key %zu\n  got:  '%s'\n  want: '%s...'", i, err, bad[i].err);
		json_decref(root);
	}

	root = sk_config_defaults("/lib/sys.so", "/rules");
	rc = sk_config_read(root, &c, err, sizeof(err));
	CHECK(rc == 0 && c.nplugins == 1 && strcmp(c.plugins[0].library_path, "/lib/sys.so") == 0 &&
			c.nrules_files == 1 && strcmp(c.rules_files[0], "/rules") == 0,
		"defaults: %s", err);
	CHECK(sk_config_warn_unknown(root) == 0, "defaults have only known keys");
	sk_config_clear(&c);
	json_decref(root);
	root = yaml("bogus_key: 1\nstdout_output: {enabled: true}\n");
	CHECK(sk_config_warn_unknown(root) == 1, "unknown key warned");
	bool b;
	uint64_t u;
	const char *s;
	CHECK(sk_config_bool(root, "stdout_output.enabled", false, &b, err, sizeof(err)) == 0 && b, "bool");
	CHECK(sk_config_bool(root, "bogus_key", false, &b, err, sizeof(err)) < 0 &&
			strcmp(err, "invalid value for 'bogus_key': expected true or false") == 0,
		"bool error");
	CHECK(sk_config_u64(root, "missing.x", 7, 10, &u, err, sizeof(err)) == 0 && u == 7, "u64 default");
	CHECK(sk_config_string(root, "bogus_key", "d", &s, err, sizeof(err)) < 0, "string error");
	json_decref(root);
}

/* Deterministic mutation fuzzing: every input must parse or fail with a
 * message; nothing may crash or leak (run under ASan). */
static void test_fuzz(void)
{
	static const char seed[] =
		"rules_files: [a.yaml]\nplugins:\n  - name: p\n    library_path: /x.so\n"
		"    init_config: {a: [1, 2], b: &x {c: d}}\n    open_params: \"o\"\n"
		"load_plugins: [p]\npriority: warning\nsaker: {alert_queue_size: 4, <<: *x}\n";
	static const char alphabet[] = "{}[]:,-&*!|>'\"#%@`\n\t ?<=.\\a1~";
	uint32_t rnd = 12345;
	size_t failed = 0;
	sk_log_set_level(SK_LOG_ERROR); /* mutated keys warn by the thousand */
	for (int it = 0; it < 3000; it++) {
		char buf[sizeof(seed) + 16];
		memcpy(buf, seed, sizeof(seed));
		size_t len = sizeof(seed) - 1;
		int edits = 1 + it % 4;
		for (int e = 0; e < edits; e++) {
			rnd = rnd * 1103515245u + 12345u;
			size_t pos = (rnd >> 8) % len;
			rnd = rnd * 1103515245u + 12345u;
			buf[pos] = alphabet[(rnd >> 8) % (sizeof(alphabet) - 1)];
		}
		json_t *j = NULL;
		char err[512] = "";
		int rc = sk_config_parse_yaml(buf, len, "fuzz.yaml", &j, err, sizeof(err));
		if (rc) {
			failed++;
			CHECK(err[0] && !j, "fuzz %d: failure without message", it);
			continue;
		}
		if (json_is_object(j)) {
			sk_config_t c;
			if (sk_config_read(j, &c, err, sizeof(err)) == 0)
				sk_config_clear(&c);
			else
				CHECK(strstr(err, "invalid value for") || strstr(err, "Cannot load plugin"),
					"fuzz %d: unclear config error '%s'", it, err);
		}
		json_decref(j);
		/* the same bytes as an override */
		json_t *root = json_object();
		char kv[600];
		snprintf(kv, sizeof(kv), "%.*s", (int)(len < 500 ? len : 500), buf);
		for (char *q = kv; *q; q++)
			if (*q == '\n')
				*q = (it & 1) ? '=' : ' ';
		if (sk_config_apply_override(root, kv, err, sizeof(err)) != 0)
			CHECK(strstr(err, "invalid option"), "fuzz %d: unclear override error '%s'", it, err);
		json_decref(root);
	}
	CHECK(failed > 0 && failed < 3000, "fuzz exercised both outcomes (%zu failures)", failed);
	sk_log_set_level(SK_LOG_INFO);
}

int main(void)
{
	test_fuzz();
	test_yaml_typing();
	test_yaml_errors();
	test_overrides();
	test_host_keys();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
