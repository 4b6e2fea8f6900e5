/* Loader, registry, field catalogue and evt.* unit tests (plain asserts). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evt_fields.h"
#include "plugin.h"
#include "plugin_schema.h"
#include "registry.h"
#include "sk_event_schema.h"

#include "../lib/sktest.h"

static char *lib(const char *name)
{
	static char buf[8][1024];
	static int k;
	char *b = buf[k++ % 8];
	snprintf(b, 1024, "%s/lib%s.so", TP_DIR, name);
	return b;
}

static void expect_load_error(const char *variant, const char *expected)
{
	char err[2048] = "";
	sk_plugin_t *p = NULL;
	int rc = sk_plugin_load(lib(variant), &p, err, sizeof(err));
	CHECK(rc < 0 && p == NULL, "%s: load should fail", variant);
	CHECK(strcmp(err, expected) == 0, "%s: error\n  got:  '%s'\n  want: '%s'", variant, err,
		expected);
	sk_plugin_free(p);
}

static void test_refusals(void)
{
	expect_load_error("tp_api_major",
		"plugin required API version '10000000.0.0' not compatible with the framework's API "
		"version '3.12.0': major versions disagree");
	expect_load_error("tp_api_minor",
		"plugin required API version '3.99.0' not compatible with the framework's API version "
		"'3.12.0': framework's minor is less than the requested one");
	expect_load_error("tp_api_patch",
		"plugin required API version '3.12.1' not compatible with the framework's API version "
		"'3.12.0': framework's patch is less than the requested one");
	expect_load_error("tp_api_bad", "plugin provided an invalid required API version: 'three'");
	expect_load_error("tp_no_contact", "required symbol not implemented: 'get_contact'");
	expect_load_error("tp_partial",
		"broken plugin capabilities: must implement all of 'plugin_open', 'plugin_close', and "
		"'plugin_next_batch' (event sourcing)");
	expect_load_error("tp_id_no_src",
		"broken plugin capabilities: must implement both 'plugin_get_id' and "
		"'plugin_get_event_source' or neither (event sourcing)");
	expect_load_error("tp_reserved", "plugin can't implement the reserved event source 'syscall'");
	expect_load_error("tp_extract_no_fields",
		"broken plugin capabilities: must implement both 'plugin_get_fields' and "
		"'plugin_extract_fields' (field extraction)");
	expect_load_error("tp_async_broken",
		"broken plugin capabilities: must implement both 'plugin_get_async_events' and "
		"'plugin_set_async_event_handler' (async events)");
	expect_load_error("tp_bad_version", "plugin provided an invalid version string: '1.x'");
	expect_load_error("tp_nocaps", "plugin does not implement any capability");
	expect_load_error("tp_bad_fields", "error in plugin tp: invalid field type float");
	expect_load_error("tp_fake_syscall",
		"broken plugin capabilities: must implement both 'plugin_get_id' and "
		"'plugin_get_event_source' or neither (event sourcing)");

	char err[2048] = "";
	sk_plugin_t *p = NULL;
	int rc = sk_plugin_load("/nonexistent/libnope.so", &p, err, sizeof(err));
	CHECK(rc < 0 && strstr(err, "can't load plugin dynamic library: ") == err &&
			strstr(err, "No such file or directory"),
		"dlopen error: '%s'", err);
}

static void test_good_plugin(void)
{
	char err[2048] = "";
	sk_plugin_t *p = NULL;
	int rc = sk_plugin_load(lib("tp"), &p, err, sizeof(err));
	CHECK(rc == 0 && p, "tp loads: %s", err);
	if (!p)
		return;
	CHECK(p->caps == (CAP_SOURCING | CAP_EXTRACTION), "caps %x", p->caps);
	CHECK(p->id == 999 && strcmp(p->source, "tpsrc") == 0 && !p->syscall_source, "id/source");
	CHECK(strcmp(p->name, "tp") == 0 && strcmp(p->version, "1.2.3") == 0, "name/version");
	CHECK(p->nfields == 5, "nfields %zu", p->nfields);
	CHECK(p->fields[0].ftype == FTYPE_UINT64 && p->fields[0].flags == 0, "tp.n (null properties)");
	CHECK(p->fields[2].ftype == SK_FTYPE_INT64, "int64 accepted");
	CHECK(p->fields[3].flags & SK_FIELD_IS_LIST, "isList");
	CHECK(p->fields[4].flags & SK_FIELD_HIDDEN, "hidden");
	CHECK(p->extract_sources.n == 1 && strcmp(p->extract_sources.v[0], "tpsrc") == 0,
		"own source joins an empty extract set");
	CHECK(p->set_event_types == NULL, "no saker extension");
	sk_plugin_free(p);

	rc = sk_plugin_load(lib("tp_api_old"), &p, err, sizeof(err));
	CHECK(rc == 0, "3.0.0 plugin loads: %s", err);
	sk_plugin_free(p);

	rc = sk_plugin_load(lib("tp_own_syscall"), &p, err, sizeof(err));
	CHECK(rc == 0 && p && p->syscall_source && strcmp(p->source, "syscall") == 0,
		"saker's own syscall plugin (id 0, source 'syscall') loads: %s", err);
	sk_plugin_free(p);

	rc = sk_plugin_load(lib("tp_types"), &p, err, sizeof(err));
	CHECK(rc == 0 && p && p->set_event_types != NULL, "saker_set_event_types resolved: %s", err);
	sk_plugin_free(p);

	rc = sk_plugin_load(lib("tp_async"), &p, err, sizeof(err));
	CHECK(rc == 0 && p && p->caps == CAP_ASYNC && p->nasync_events == 1 &&
			strcmp(p->async_events[0], "tpasync") == 0 && p->async_sources.n == 0,
		"async-only plugin: %s", err);
	sk_plugin_free(p);

	rc = sk_plugin_load(lib("tp_capture"), &p, err, sizeof(err));
	CHECK(rc == 0 && p && p->caps == CAP_CAPTURE_LISTENING, "capture listener: %s", err);
	sk_plugin_free(p);

	rc = sk_plugin_load(lib("tp_sys"), &p, err, sizeof(err));
	CHECK(rc == 0 && p, "syscall-source plugin loads: %s", err);
	if (p) {
		CHECK(p->syscall_source && strcmp(p->source, "syscall") == 0, "id 0 + no source = syscall");
		CHECK(p->caps == (CAP_SOURCING | CAP_EXTRACTION | CAP_PARSING), "caps %x", p->caps);
		sk_plugin_free(p);
	}
}

static void test_registry(void)
{
	char err[2048] = "";
	sk_registry_t *r = NULL;
	sk_config_plugin_t cfg[3] = {
		{"tp", lib("tp"), "", "5"},
		{"tpx", lib("tp_x"), "{\"a\":1}", ""},
		{"tpsys", lib("tp_sys"), "", ""},
	};
	int rc = sk_registry_load(cfg, 3, &r, err, sizeof(err));
	CHECK(rc == 0 && r, "registry loads: %s", err);
	if (!r)
		return;
	CHECK(sk_registry_check_used(r, err, sizeof(err)) == 0, "all used: %s", err);
	const sk_field_info_t *f = NULL;
	CHECK(r->host.find_field(r->host.ctx, "tpsrc", "tpx.n", &f) == 0 && f->extractor == 2 &&
			f->field_id == 0,
		"tpx.n found for tpsrc");
	CHECK(r->host.find_field(r->host.ctx, "tpsrc", "tp.msg", &f) == 0 && f->extractor == 1 &&
			f->field_id == 1,
		"tp.msg found for tpsrc");
	CHECK(r->host.find_field(r->host.ctx, "syscall", "tp.msg", &f) == 0 && f->extractor == 3,
		"tp.msg on syscall comes from tpsys, not tp");
	CHECK(r->host.find_field(r->host.ctx, "syscall", "tpx.n", &f) == 0 && f->extractor == 2,
		"every-source extractor usable on syscall");
	CHECK(r->host.find_field(r->host.ctx, "syscall", "evt.num", &f) == 0 && f->extractor == 0,
		"evt.num built in");
	CHECK(r->host.find_field(r->host.ctx, "tpsrc", "nope.x", &f) == -ENOENT, "unknown field");
	CHECK(r->host.source_known(r->host.ctx, "tpsrc") && r->host.source_known(r->host.ctx, "syscall") &&
			!r->host.source_known(r->host.ctx, "k8s_audit"),
		"source_known");
	const char *v = r->host.plugin_version(r->host.ctx, "tp");
	CHECK(v && strcmp(v, "1.2.3") == 0, "plugin_version");
	CHECK(r->host.plugin_version(r->host.ctx, "nope") == NULL, "plugin_version unknown");
	CHECK(sk_registry_find(r, "tpx") == r->plugins[1], "find by name");
	CHECK(r->plugins[0]->extract_types && !r->plugins[0]->extract_types->all &&
			sk_typeset_has(r->plugins[0]->extract_types, 322) &&
			!sk_typeset_has(r->plugins[0]->extract_types, 3),
		"extract types default to {322} for non-syscall sets");
	CHECK(r->plugins[1]->extract_types->all, "an every-source extractor gets every type");
	CHECK(r->plugins[2]->extract_types->all, "syscall-compatible extractor gets every type");
	sk_registry_free(r);

	/* Overlap (Falco's message) */
	sk_config_plugin_t ov[2] = {{"tp", lib("tp"), "", ""}, {"tpo", lib("tp_overlap"), "", ""}};
	rc = sk_registry_load(ov, 2, &r, err, sizeof(err));
	CHECK(rc < 0 && strcmp(err, "Plugin 'tpo' supports extraction of field 'tp.n' that is "
				    "overlapping for source 'tpsrc'") == 0,
		"overlap: '%s'", err);

	sk_config_plugin_t un[2] = {{"tp", lib("tp"), "", ""}, {"tpu", lib("tp_unused"), "", ""}};
	rc = sk_registry_load(un, 2, &r, err, sizeof(err));
	CHECK(rc == 0, "unused loads: %s", err);
	if (rc == 0) {
		rc = sk_registry_check_used(r, err, sizeof(err));
		CHECK(rc < 0 && strcmp(err, "Plugin 'tpu' is loaded but unused as not compatible with "
					    "any known event source") == 0,
			"unused: '%s'", err);
		sk_registry_free(r);
	}

	/* An empty init_config reaches the plugin as "" (libsinsp passes it unchanged). */
	sk_config_plugin_t bad[1] = {{"myinit", lib("tp_init_fail"), "", ""}};
	rc = sk_registry_load(bad, 1, &r, err, sizeof(err));
	char want[2048];
	snprintf(want, sizeof(want),
		"plugin 'myinit': cannot initialize plugin %s: could not initialize plugin: boom: config was ",
		lib("tp_init_fail"));
	CHECK(rc < 0 && strcmp(err, want) == 0, "init failure\n  got:  '%s'\n  want: '%s'", err, want);

	sk_config_plugin_t cf[1] = {{"tp", lib("tp"), "{\"fail\":true}", ""}};
	rc = sk_registry_load(cf, 1, &r, err, sizeof(err));
	CHECK(rc < 0 && strstr(err, "config asked to fail: {\"fail\":true}"), "init_config passed: '%s'",
		err);

	sk_config_plugin_t sc[1] = {{"ts", lib("tp_schema"), "plain", ""}};
	rc = sk_registry_load(sc, 1, &r, err, sizeof(err));
	snprintf(want, sizeof(want), "plugin 'ts': cannot initialize plugin %s: init config is not a valid json",
		lib("tp_schema"));
	CHECK(rc < 0 && strcmp(err, want) == 0, "schema: config not JSON: '%s'", err);
	sk_config_plugin_t sc2[1] = {{"ts", lib("tp_schema"), "", ""}};
	rc = sk_registry_load(sc2, 1, &r, err, sizeof(err));
	CHECK(rc == 0, "schema: empty config becomes {}: '%s'", err);
	if (rc == 0)
		sk_registry_free(r);
	sk_config_plugin_t sc4[1] = {{"ts", lib("tp_schema"), "{\"k\": 5}", ""}};
	rc = sk_registry_load(sc4, 1, &r, err, sizeof(err));
	CHECK(rc < 0 && strstr(err, ": error in plugin tp init config: In <root> [k], Value type not "
				    "permitted by 'type' constraint."),
		"schema type error: '%s'", err);
	sk_config_plugin_t sc3[1] = {{"tsb", lib("tp_schema_bad"), "", ""}};
	rc = sk_registry_load(sc3, 1, &r, err, sizeof(err));
	CHECK(rc < 0 && strstr(err, ": get_init_schema did not return a json object"), "bad schema: '%s'", err);

	sk_config_plugin_t nf[1] = {{"gone", "/nonexistent/x.so", "", ""}};
	rc = sk_registry_load(nf, 1, &r, err, sizeof(err));
	CHECK(rc < 0 && strstr(err, "plugin 'gone': cannot load plugin /nonexistent/x.so: can't load "
				    "plugin dynamic library: ") == err,
		"missing library: '%s'", err);
}

static void test_fields_json(void)
{
	static const struct {
		const char *json, *err;
	} cases[] = {
		{NULL, "error in plugin t: get_fields returned a null string"},
		{"", "error in plugin t: get_fields returned an invalid JSON"},
		{"{", "error in plugin t: get_fields returned an invalid JSON"},
		{"{\"name\":\"a\"}", "error in plugin t: get_fields returned an invalid JSON"},
		{"[]", "error in plugin t: plugins with extraction capability must export at least one field"},
		{"[1]", "error in plugin t: get_fields returned an invalid JSON"},
		{"[{\"name\":\"a\",\"desc\":\"d\"}]", "error in plugin t: field JSON entry has no type"},
		{"[{\"type\":\"string\",\"desc\":\"d\"}]", "error in plugin t: field JSON entry has no name"},
		{"[{\"name\":\"\",\"type\":\"string\",\"desc\":\"d\"}]", "error in plugin t: field JSON entry has no name"},
		{"[{\"name\":\"a\",\"type\":\"string\"}]", "error in plugin t: field JSON entry has no desc"},
		{"[{\"name\":\"a\",\"type\":7,\"desc\":\"d\"}]", "error in plugin t: field JSON entry has no type"},
		{"[{\"name\":\"a\",\"type\":\"int32\",\"desc\":\"d\"}]", "error in plugin t: invalid field type int32"},
		{"[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\",\"isList\":1}]",
			"error in plugin t: field a isList property is not boolean "},
		{"[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\",\"addOutput\":\"y\"}]",
			"error in plugin t: field a addOutput property is not boolean "},
		{"[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\",\"properties\":\"hidden\"}]",
			"error in plugin t: field a properties property is not array "},
		{"[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\",\"properties\":[1]}]",
			"error in plugin t: field a properties value is not string "},
		{"[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\",\"arg\":{\"isRequired\":1}}]",
			"error in plugin t: field a isRequired property is not boolean"},
		{"[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\",\"arg\":{\"isIndex\":\"x\"}}]",
			"error in plugin t: field a isIndex property is not boolean"},
		{"[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\",\"arg\":{\"isKey\":[]}}]",
			"error in plugin t: field a isKey property is not boolean"},
		{"[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\",\"arg\":{\"isRequired\":true}}]",
			"error in plugin t: field a arg has isRequired true, but none of isKey nor isIndex is true"},
		{"[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\"},{\"name\":\"b\"}]",
			"error in plugin t: field JSON entry has no type"},
		{"[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\"}] trailing",
			"error in plugin t: get_fields returned an invalid JSON"},
		{"\xff\xfe[", "error in plugin t: get_fields returned an invalid JSON"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sk_plugin_t p = {.name = "t"};
		char err[1024] = "";
		int rc = sk_plugin_parse_fields(&p, cases[i].json, err, sizeof(err));
		CHECK(rc < 0 && strcmp(err, cases[i].err) == 0, "fields case %zu\n  got:  '%s'\n  want: '%s'",
			i, err, cases[i].err);
		CHECK(p.fields == NULL, "fields case %zu leaves no table", i);
	}
	/* Accepted: nulls as absent, ignored unknown properties, every type. */
	sk_plugin_t p = {.name = "t"};
	char err[1024] = "";
	const char *ok = "[{\"name\":\"a\",\"type\":\"string\",\"desc\":\"d\",\"display\":null,"
			 "\"isList\":null,\"arg\":null,\"properties\":[\"info\",\"conversation\",\"x\"]},"
			 "{\"name\":\"b\",\"type\":\"ipnet\",\"desc\":\"d\",\"addOutput\":true,"
			 "\"arg\":{\"isRequired\":true,\"isKey\":true}}]";
	int rc = sk_plugin_parse_fields(&p, ok, err, sizeof(err));
	CHECK(rc == 0 && p.nfields == 2, "valid fields: %s", err);
	if (rc == 0) {
		CHECK(p.fields[1].flags == (SK_FIELD_ADD_OUTPUT | SK_FIELD_ARG_REQUIRED | SK_FIELD_ARG_KEY),
			"flags %x", p.fields[1].flags);
		CHECK(p.fields[1].ftype == FTYPE_IPNET && p.fields[1].field_id == 1, "type/id");
		for (size_t i = 0; i < p.nfields; i++) {
			free((char *)p.fields[i].name);
			free((char *)p.fields[i].desc);
		}
		free(p.fields);
	}

	static const char *bad_sources[] = {"{", "{}", "[1]", "\"syscall\"", "[\"a\",null]"};
	for (size_t i = 0; i < sizeof(bad_sources) / sizeof(bad_sources[0]); i++) {
		sk_srcset_t s;
		rc = sk_plugin_parse_sources("t", "get_extract_event_sources", bad_sources[i], &s, err,
			sizeof(err));
		CHECK(rc < 0 && strcmp(err, "error in plugin t: 'get_extract_event_sources' did not "
					    "return a json array") == 0,
			"sources case %zu: '%s'", i, err);
	}
	sk_srcset_t s;
	rc = sk_plugin_parse_sources("t", "x", "[\"a\",\"\",\"b\"]", &s, err, sizeof(err));
	CHECK(rc == 0 && s.n == 2 && strcmp(s.v[1], "b") == 0, "empty names dropped");
	sk_srcset_clear(&s);
	rc = sk_plugin_parse_sources("t", "x", "", &s, err, sizeof(err));
	CHECK(rc == 0 && s.n == 0 && sk_srcset_has(&s, "anything"), "empty = every source");
}

static const char *xs(const ss_plugin_extract_field *f)
{
	return f->res_len ? f->res.str[0] : NULL;
}

static void test_evt_fields(void)
{
	unsigned char b[64] = {0};
	ss_plugin_event *e = (ss_plugin_event *)b;
	e->ts = 1470327477881781397ull;
	e->tid = UINT64_MAX;
	e->len = 42;
	e->type = PPME_PLUGINEVENT_E;
	e->nparams = 2;
	ss_plugin_event_input in = {.evt = e, .evtnum = 17, .evtsrc = "tpsrc"};
	sk_evt_ctx_t ctx = {.hostname = "h1"};
	ss_plugin_extract_field f[SK_EVT_F_COUNT];
	memset(f, 0, sizeof(f));
	for (uint32_t i = 0; i < SK_EVT_F_COUNT; i++) {
		f[i].field_id = i;
		CHECK(sk_evt_extract(&ctx, &in, &f[i]) == 0, "extract %u", i);
	}
	/* Every value of one event stays valid together. */
	CHECK(f[SK_EVT_F_NUM].res_len == 1 && f[SK_EVT_F_NUM].res.u64[0] == 17, "evt.num");
	CHECK(xs(&f[SK_EVT_F_TIME_ISO8601]) &&
			strcmp(xs(&f[SK_EVT_F_TIME_ISO8601]), "2016-08-04T16:17:57.881781397+0000") == 0,
		"iso8601 '%s'", xs(&f[SK_EVT_F_TIME_ISO8601]));
	CHECK(f[SK_EVT_F_RAWTIME].res.u64[0] == 1470327477881781397ull, "rawtime");
	CHECK(f[SK_EVT_F_RAWTIME_S].res.u64[0] == 1470327477ull, "rawtime.s");
	CHECK(f[SK_EVT_F_RAWTIME_NS].res.u64[0] == 881781397ull, "rawtime.ns");
	CHECK(xs(&f[SK_EVT_F_TIME]) && strlen(xs(&f[SK_EVT_F_TIME])) == 18 &&
			strcmp(xs(&f[SK_EVT_F_TIME]) + 8, ".881781397") == 0,
		"evt.time '%s'", xs(&f[SK_EVT_F_TIME]));
	CHECK(xs(&f[SK_EVT_F_TIME_S]) && strlen(xs(&f[SK_EVT_F_TIME_S])) == 8, "evt.time.s");
	CHECK(xs(&f[SK_EVT_F_DATETIME]) && strlen(xs(&f[SK_EVT_F_DATETIME])) == 29, "evt.datetime '%s'",
		xs(&f[SK_EVT_F_DATETIME]));
	CHECK(xs(&f[SK_EVT_F_DATETIME_S]) && strlen(xs(&f[SK_EVT_F_DATETIME_S])) == 19, "evt.datetime.s");
	CHECK(xs(&f[SK_EVT_F_SOURCE]) && strcmp(xs(&f[SK_EVT_F_SOURCE]), "tpsrc") == 0, "evt.source");
	CHECK(xs(&f[SK_EVT_F_TYPE]) && strcmp(xs(&f[SK_EVT_F_TYPE]), "pluginevent") == 0, "evt.type");
	CHECK(f[SK_EVT_F_IS_ASYNC].res_len == 1 && f[SK_EVT_F_IS_ASYNC].res.u32[0] == 0, "is_async");
	CHECK(f[SK_EVT_F_ASYNCTYPE].res_len == 0, "asynctype absent");
	CHECK(f[SK_EVT_F_PLUGINNAME].res_len == 0, "pluginname absent without callback");
	CHECK(xs(&f[SK_EVT_F_HOSTNAME]) && strcmp(xs(&f[SK_EVT_F_HOSTNAME]), "h1") == 0, "hostname");

	/* An async event: name is param 1. */
	memset(b, 0, sizeof(b));
	const char *name = "container";
	uint32_t l1 = (uint32_t)strlen(name) + 1;
	sk_evt_async_header(b, 1, 5, l1, 0);
	memcpy(b + SK_EVT_ASYNC_NAME_OFF, name, l1);
	f[0].field_id = SK_EVT_F_ASYNCTYPE;
	sk_evt_extract(&ctx, &in, &f[0]);
	CHECK(xs(&f[0]) && strcmp(xs(&f[0]), "container") == 0, "asynctype");
	f[1].field_id = SK_EVT_F_IS_ASYNC;
	sk_evt_extract(&ctx, &in, &f[1]);
	CHECK(f[1].res.u32[0] == 1, "is_async on 402");
	f[2].field_id = SK_EVT_F_TYPE;
	sk_evt_extract(&ctx, &in, &f[2]);
	CHECK(xs(&f[2]) && strcmp(xs(&f[2]), "container") == 0, "evt.type of 402");
	e->len = 44; /* truncated name: no value, no crash */
	sk_evt_extract(&ctx, &in, &f[0]);
	CHECK(f[0].res_len == 0, "truncated async name");
	f[0].field_id = SK_EVT_F_COUNT;
	CHECK(sk_evt_extract(&ctx, &in, &f[0]) == -EINVAL, "bad field id");
}

static void test_fields_fuzz(void)
{
	static const char seed[] =
		"[{\"name\":\"a.b\",\"type\":\"string\",\"desc\":\"d\",\"isList\":false,"
		"\"arg\":{\"isRequired\":true,\"isIndex\":true,\"isKey\":false},\"properties\":[\"hidden\"]},"
		"{\"name\":\"c\",\"type\":\"uint64\",\"desc\":\"e\",\"addOutput\":true}]";
	static const char alphabet[] = "{}[]:,\"\\tfn0 x-";
	uint32_t rnd = 777;
	size_t ok = 0;
	for (int it = 0; it < 4000; it++) {
		char buf[sizeof(seed)];
		memcpy(buf, seed, sizeof(seed));
		for (int e = 0; e < 1 + it % 3; e++) {
			rnd = rnd * 1103515245u + 12345u;
			size_t pos = (rnd >> 8) % (sizeof(seed) - 1);
			rnd = rnd * 1103515245u + 12345u;
			buf[pos] = alphabet[(rnd >> 8) % (sizeof(alphabet) - 1)];
		}
		sk_plugin_t p = {.name = "f"};
		char err[1024] = "";
		if (sk_plugin_parse_fields(&p, buf, err, sizeof(err)) == 0) {
			ok++;
			for (size_t i = 0; i < p.nfields; i++) {
				free((char *)p.fields[i].name);
				free((char *)p.fields[i].desc);
			}
			free(p.fields);
		} else {
			CHECK(strncmp(err, "error in plugin f: ", 19) == 0, "fuzz %d: '%s'", it, err);
		}
	}
	CHECK(ok > 0 && ok < 4000, "fields fuzz exercised both outcomes (%zu ok)", ok);
}

static void test_schema(void)
{
	static const struct {
		const char *schema, *config, *err;
	} cases[] = {
		{"{\"type\":\"object\",\"required\":[\"a\"]}", "{}", "In <root>, Missing required property 'a'."},
		{"{\"properties\":{\"a\":{\"type\":\"integer\",\"minimum\":1}}}", "{\"a\":0}",
			"In <root> [a], Expected number greater than or equal to 1."},
		{"{\"properties\":{\"a\":{\"type\":\"integer\",\"maximum\":4}}}", "{\"a\":9}",
			"In <root> [a], Expected number less than or equal to 4."},
		{"{\"properties\":{\"a\":{\"enum\":[\"x\",\"y\"]}}}", "{\"a\":\"z\"}",
			"In <root> [a], Failed to match against any enum values."},
		{"{\"properties\":{},\"additionalProperties\":false}", "{\"b\":1}",
			"In <root>, Object contains a property that could not be validated using 'properties' or "
			"'additionalProperties' constraints: 'b'."},
		{"{\"properties\":{\"l\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}",
			"{\"l\":[\"a\",2]}", "In <root> [l] [1], Value type not permitted by 'type' constraint."},
		{"{\"type\":[\"object\",\"null\"]}", "3", "In <root>, Value type not permitted by 'type' constraint."},
		/* Go-SDK shape: $ref into definitions, pattern, minLength */
		{"{\"$ref\":\"#/definitions/Cfg\",\"definitions\":{\"Cfg\":{\"type\":\"object\","
			"\"properties\":{\"url\":{\"type\":\"string\",\"pattern\":\"^https?://\"}}}}}",
			"{\"url\":\"ftp://x\"}",
			"In <root> [url], Failed to match regex specified by 'pattern' constraint: '^https?://'."},
		{"{\"$ref\":\"#/$defs/C\",\"$defs\":{\"C\":{\"properties\":{\"n\":{\"minLength\":3}}}}}",
			"{\"n\":\"\u00e9\u00e9\"}", "In <root> [n], String should be no fewer than 3 characters in length."},
		{"{\"properties\":{\"n\":{\"maxLength\":2}}}", "{\"n\":\"abc\"}",
			"In <root> [n], String should be no more than 2 characters in length."},
		{"{\"$ref\":\"#/definitions/Missing\"}", "{}", "In <root>, Unresolvable schema reference '#/definitions/Missing'."},
		{"{\"properties\":{\"a\":{\"$ref\":\"#/definitions/Pos\"}},\"definitions\":{\"Pos\":"
			"{\"type\":\"integer\",\"exclusiveMinimum\":0}}}", "{\"a\":0}",
			"In <root> [a], Expected number greater than 0."},
		{"{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "true",
			"In <root>, Failed to validate against any child schemas allowed by anyOf constraint."},
		{"{\"properties\":{\"l\":{\"minItems\":2}}}", "{\"l\":[1]}",
			"In <root> [l], Array should contain no fewer than 2 elements."},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		json_t *s = json_loads(cases[i].schema, 0, NULL), *c = json_loads(cases[i].config, JSON_DECODE_ANY, NULL);
		char err[512] = "";
		int rc = sk_plugin_schema_validate(s, c, err, sizeof(err));
		CHECK(rc < 0 && strcmp(err, cases[i].err) == 0, "schema case %zu\n  got:  '%s'\n  want: '%s'", i, err,
			cases[i].err);
		json_decref(s);
		json_decref(c);
	}
	json_t *s = json_loads("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"number\"},"
			       "\"o\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"boolean\"}}},"
			       "\"required\":[\"n\"],\"unknownKeyword\":1}", 0, NULL);
	json_t *c = json_loads("{\"n\":1.5,\"o\":{\"x\":true},\"extra\":[1]}", 0, NULL);
	char err[512] = "";
	CHECK(sk_plugin_schema_validate(s, c, err, sizeof(err)) == 0, "valid config: %s", err);
	json_decref(s);
	json_decref(c);
	/* A Go-SDK schema (invopop/jsonschema shape) accepting a valid config. */
	s = json_loads("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"$ref\":\"#/definitions/PluginConfig\","
		"\"definitions\":{\"PluginConfig\":{\"properties\":{\"sslCertificate\":{\"type\":\"string\","
		"\"minLength\":1,\"pattern\":\"\\\\.pem$\"},\"maxEventSize\":{\"type\":\"integer\",\"minimum\":1}},"
		"\"additionalProperties\":true,\"type\":\"object\"}}}", 0, NULL);
	c = json_loads("{\"sslCertificate\":\"/etc/x.pem\",\"maxEventSize\":262144,\"other\":1}", 0, NULL);
	CHECK(s && sk_plugin_schema_validate(s, c, err, sizeof(err)) == 0, "Go-SDK schema: %s", err);
	json_decref(c);
	c = json_loads("{\"sslCertificate\":\"/etc/x.crt\"}", 0, NULL);
	CHECK(s && sk_plugin_schema_validate(s, c, err, sizeof(err)) < 0 && strstr(err, "pattern"),
		"Go-SDK schema pattern refused: %s", err);
	json_decref(s);
	json_decref(c);
}

int main(void)
{
	test_schema();
	test_fields_fuzz();
	test_refusals();
	test_good_plugin();
	test_registry();
	test_fields_json();
	test_evt_fields();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
