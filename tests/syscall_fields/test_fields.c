/* Field tests on synthetic exit events fed to the real plugin (dlopen):
 * process lineage, exec attributes, path resolution, fds, sockets, users,
 * evt.* rendering and deferred close/exit handling. */
#undef NDEBUG
#include <dlfcn.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_api.h"
#include "sk_event_schema.h"
#include "../lib/sktest.h"

static ss_plugin_t *(*p_init)(const ss_plugin_init_input *, ss_plugin_rc *);
static void (*p_destroy)(ss_plugin_t *);
static ss_plugin_rc (*p_parse)(ss_plugin_t *, const ss_plugin_event_input *,
	const ss_plugin_event_parse_input *);
static ss_plugin_rc (*p_extract)(ss_plugin_t *, const ss_plugin_event_input *,
	const ss_plugin_field_extract_input *);
static const char *(*p_fields)(void);
static json_t *fields;
static ss_plugin_t *st;
static uint64_t evnum;
static uint8_t evbuf[8192];
static ss_plugin_event_input cur;

typedef struct kv {
	const char *name;
	const void *data;
	uint32_t len;
} kv_t;

static int64_t tmp_i64[64];
static uint32_t tmp_u32[64];
static int ni, nu;
#define I64(n, v) ((kv_t){n, (tmp_i64[ni] = (int64_t)(v), &tmp_i64[ni++]), 8})
#define U32(n, v) ((kv_t){n, (tmp_u32[nu] = (uint32_t)(v), &tmp_u32[nu++]), 4})
#define STR(n, s) ((kv_t){n, s, (uint32_t)strlen(s) + 1})
#define BUF(n, p, l) ((kv_t){n, p, l})

/* Builds an event of `code` with parameters in the row's order (by name),
 * parses it and makes it the current event. */
static void feed(uint16_t code, int64_t tid, const kv_t *kv, int n)
{
	const sk_evt_info_t *info = sk_evt_info(code);
	sk_evt_param_t p[SK_EVT_MAX_PARAMS];
	uint32_t np = 0;
	REQUIRE(info);
	for (uint32_t i = 0; i < info->nparams; i++) {
		p[i].data = NULL;
		p[i].len = 0;
		for (int k = 0; k < n; k++) {
			if (!strcmp(kv[k].name, info->params[i].name)) {
				p[i].data = kv[k].data;
				p[i].len = kv[k].len;
				np = i + 1;
			}
		}
	}
	int len = sk_evt_build(evbuf, sizeof(evbuf), 1000 + evnum, (uint64_t)tid, code, np, p);
	REQUIRE(len > 0);
	cur.evt = (const ss_plugin_event *)evbuf;
	cur.evtnum = ++evnum;
	cur.evtsrc = "syscall";
	ss_plugin_event_parse_input pi = {0};
	REQUIRE(p_parse(st, &cur, &pi) == SS_PLUGIN_SUCCESS);
	ni = nu = 0;
}

/* Whether the last val() call had a value (a literal "<NA>" is one). */
static bool present;

/* Value of a field on the current event, rendered like the dump harness. */
static const char *val(const char *spec)
{
	static char out[4096];
	char name[128], arg[128] = "";
	bool has_arg = false;
	if (!strncmp(spec, "evt.arg.", 8)) {
		snprintf(name, sizeof(name), "evt.arg");
		snprintf(arg, sizeof(arg), "%s", spec + 8);
		has_arg = true;
	} else if (strchr(spec, '[')) {
		const char *b = strchr(spec, '[');
		snprintf(name, sizeof(name), "%.*s", (int)(b - spec), spec);
		snprintf(arg, sizeof(arg), "%.*s", (int)strlen(b + 1) - 1, b + 1);
		has_arg = true;
	} else {
		snprintf(name, sizeof(name), "%s", spec);
	}
	size_t idx;
	json_t *f;
	int id = -1;
	const char *type = "string";
	json_array_foreach(fields, idx, f) {
		if (!strcmp(json_string_value(json_object_get(f, "name")), name)) {
			id = (int)idx;
			type = json_string_value(json_object_get(f, "type"));
		}
	}
	REQUIRE(id >= 0);
	ss_plugin_extract_field ef;
	memset(&ef, 0, sizeof(ef));
	ef.field_id = (uint32_t)id;
	ef.field = name;
	ef.ftype = !strcmp(type, "string") ? FTYPE_STRING : !strcmp(type, "bool") ? FTYPE_BOOL :
		!strcmp(type, "ipaddr") ? FTYPE_IPADDR : !strcmp(type, "ipnet") ? FTYPE_IPNET :
		!strcmp(type, "reltime") ? FTYPE_RELTIME : !strcmp(type, "abstime") ? FTYPE_ABSTIME :
		!strcmp(type, "int64") ? 4 : FTYPE_UINT64;
	ef.arg_present = has_arg;
	ef.arg_key = has_arg ? arg : NULL;
	ef.arg_index = has_arg ? strtoull(arg, NULL, 10) : UINT64_MAX;
	ss_plugin_field_extract_input xi = {.num_fields = 1, .fields = &ef};
	present = false;
	if (p_extract(st, &cur, &xi) != SS_PLUGIN_SUCCESS || ef.res_len == 0)
		return "<NA>";
	present = true;
	size_t o = 0;
	out[0] = 0;
	for (uint64_t v = 0; v < ef.res_len; v++) {
		if (v)
			o += (size_t)snprintf(out + o, sizeof(out) - o, ",");
		if (!strcmp(type, "string"))
			o += (size_t)snprintf(out + o, sizeof(out) - o, "%s", ef.res.str[v]);
		else if (!strcmp(type, "bool"))
			o += (size_t)snprintf(out + o, sizeof(out) - o, "%s", ef.res.boolean[v] ? "true" : "false");
		else if (!strcmp(type, "int64"))
			o += (size_t)snprintf(out + o, sizeof(out) - o, "%" PRId64, (int64_t)ef.res.u64[v]);
		else if (!strcmp(type, "ipaddr") || !strcmp(type, "ipnet"))
			for (uint32_t b = 0; b < ef.res.buf[v].len; b++)
				o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%u", b ? "." : "",
					((const uint8_t *)ef.res.buf[v].ptr)[b]);
		else
			o += (size_t)snprintf(out + o, sizeof(out) - o, "%" PRIu64, ef.res.u64[v]);
	}
	return out;
}

/* want NULL: no value at all. */
#define EXPECT_P(field, want) do { \
		const char *got_ = val(field); \
		CHECK((want) ? present && !strcmp(got_, (want) ? (want) : "") : !present, \
			"%s = %s'%s', want %s'%s'", field, present ? "" : "(none) ", got_, \
			(want) ? "" : "(none)", (want) ? (want) : ""); \
	} while (0)

#define EXPECT(field, want) do { \
		const char *got_ = val(field); \
		CHECK(strcmp(got_, want) == 0, "%s = '%s', want '%s'", field, got_, want); \
	} while (0)

static const char ARGS_BASH[] = "-c\0cat /etc/shadow";
static const char ARGS_CAT[] = "shadow";

int main(int argc, char **argv)
{
	REQUIRE(argc == 2);
	void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		fprintf(stderr, "dlopen: %s\n", dlerror());
		return 1;
	}
	p_init = dlsym(h, "plugin_init");
	p_destroy = dlsym(h, "plugin_destroy");
	p_parse = dlsym(h, "plugin_parse_event");
	p_extract = dlsym(h, "plugin_extract_fields");
	p_fields = dlsym(h, "plugin_get_fields");
	REQUIRE(p_init && p_destroy && p_parse && p_extract && p_fields);
	fields = json_loads(p_fields(), 0, NULL);
	REQUIRE(fields && json_array_size(fields) > 50);
	ss_plugin_rc rc;
	ss_plugin_init_input in = {.config = "{\"max_threads\": 64, \"max_fds\": 16}"};
	st = p_init(&in, &rc);
	REQUIRE(rc == SS_PLUGIN_SUCCESS);

	/* init (1) -> bash (100) */
	kv_t e1[] = {I64("res", 0), STR("exe", "/sbin/init"), BUF("args", "", 0), I64("tid", 1),
		I64("pid", 1), I64("ptid", 0), STR("cwd", "/"), STR("comm", "systemd"),
		STR("trusted_exepath", "/usr/lib/systemd/systemd"), U32("uid", 0)};
	feed(293, 1, e1, 10);
	EXPECT("proc.name", "systemd");
	EXPECT("proc.exepath", "/usr/lib/systemd/systemd");
	kv_t c1[] = {I64("res", 100), STR("exe", "/sbin/init"), I64("tid", 1), I64("pid", 1),
		I64("ptid", 0), STR("comm", "systemd"), U32("flags", 0)};
	feed(223, 1, c1, 7);
	EXPECT("evt.res", "SUCCESS");
	EXPECT("evt.rawres", "100");
	kv_t e2[] = {I64("res", 0), STR("exe", "bash"), BUF("args", ARGS_BASH, sizeof(ARGS_BASH)),
		I64("tid", 100), I64("pid", 100), I64("ptid", 1), STR("cwd", "/root"), STR("comm", "bash"),
		U32("tty", 34816), U32("loginuid", 1000), U32("flags", 4 /* EXE_FROM_MEMFD */),
		I64("cap_effective", (1ll << 21) | 1), I64("cap_permitted", (1ll << 21) | 1),
		STR("trusted_exepath", "/usr/bin/bash"), U32("uid", 0)};
	feed(293, 100, e2, 15);
	EXPECT("proc.name", "bash");
	EXPECT("proc.pname", "systemd");
	EXPECT("proc.cmdline", "bash -c cat /etc/shadow");
	EXPECT("proc.args", "-c cat /etc/shadow");
	EXPECT("proc.exe", "bash");
	EXPECT("proc.tty", "34816");
	EXPECT("proc.is_exe_from_memfd", "true");
	EXPECT("proc.is_exe_upper_layer", "false");
	EXPECT("thread.cap_effective", "CAP_CHOWN CAP_SYS_ADMIN");
	EXPECT("user.loginuid", "1000");
	EXPECT("proc.cwd", "/root/");
	EXPECT("evt.dir", "<");

	/* bash forks 200, which chdirs and execs cat */
	kv_t c2[] = {I64("res", 200), STR("exe", "bash"), BUF("args", ARGS_BASH, sizeof(ARGS_BASH)),
		I64("tid", 100), I64("pid", 100), I64("ptid", 1), STR("cwd", "/root"),
		STR("comm", "bash"), U32("flags", 0)};
	feed(223, 100, c2, 9);
	kv_t cd[] = {I64("res", 0), STR("path", "/etc")};
	feed(95, 200, cd, 2);
	EXPECT("proc.name", "bash");
	EXPECT("proc.pname", "bash");
	EXPECT("proc.cwd", "/etc/");
	kv_t e3[] = {I64("res", 0), STR("exe", "cat"), BUF("args", ARGS_CAT, sizeof(ARGS_CAT)),
		I64("tid", 200), I64("pid", 200), I64("ptid", 100), STR("cwd", "/etc"),
		STR("comm", "cat"), STR("trusted_exepath", "/usr/bin/cat"), U32("uid", 0)};
	feed(293, 200, e3, 10);
	EXPECT("proc.aname[0]", "cat");
	EXPECT("proc.aname[1]", "bash");
	EXPECT("proc.aname[2]", "systemd");
	EXPECT("proc.aname[3]", "<NA>");
	EXPECT("proc.aname", "bash,systemd");
	EXPECT("proc.pcmdline", "bash -c cat /etc/shadow");
	EXPECT("proc.pexepath", "/usr/bin/bash");
	EXPECT("proc.is_exe_from_memfd", "false");
	EXPECT("proc.duration", "2");

	/* openat relative to the cwd */
	kv_t o1[] = {I64("fd", 3), I64("dirfd", -100), STR("name", "shadow"),
		U32("flags", 1 /* O_RDONLY */), U32("mode", 0), U32("dev", 0x801), I64("ino", 77)};
	feed(307, 200, o1, 7);
	EXPECT("fd.name", "/etc/shadow");
	EXPECT("fd.directory", "/etc");
	EXPECT("fd.filename", "shadow");
	EXPECT("fd.typechar", "f");
	EXPECT("fd.type", "file");
	EXPECT("fd.num", "3");
	EXPECT("fd.nameraw", "shadow");
	EXPECT("evt.is_open_read", "true");
	EXPECT("evt.is_open_write", "false");
	EXPECT("evt.arg.name", "/etc/shadow");
	EXPECT("evt.arg.flags", "O_RDONLY");
	EXPECT("evt.arg[0]", "<f>/etc/shadow");
	EXPECT("evt.arg.fd", "<f>/etc/shadow");
	EXPECT("evt.res", "SUCCESS");
	EXPECT("evt.scap_type", "openat");
	EXPECT("user.uid", "0");
	EXPECT("user.name", "root");

	/* failed open: evt.res is the errno name; fd.name comes from the path */
	kv_t o2[] = {I64("fd", -2), I64("dirfd", -100), STR("name", "/nope"), U32("flags", 2 | 4 | 256),
		U32("mode", 0755)};
	feed(307, 200, o2, 5);
	EXPECT("evt.res", "ENOENT");
	EXPECT("evt.rawres", "-2");
	EXPECT("evt.failed", "true");
	EXPECT("fd.name", "/nope");
	EXPECT("evt.is_open_write", "true");
	EXPECT("evt.is_open_exec", "true");
	EXPECT("evt.arg.flags", "O_TRUNC|O_CREAT|O_WRONLY");
	EXPECT("evt.arg.mode", "0755");

	/* TCP client socket */
	kv_t s1[] = {I64("fd", 4), U32("domain", 2), U32("type", 1), U32("proto", 0)};
	feed(19, 200, s1, 4);
	EXPECT("fd.typechar", "4");
	/* No address yet: libsinsp compares fd.ip/fd.net/fd.port as 0.0.0.0 and 0
	 * (sysdig: `fd.net=0.0.0.0/32` holds), the other address fields have none. */
	EXPECT_P("fd.net", "0.0.0.0");
	EXPECT_P("fd.ip", "0.0.0.0");
	EXPECT_P("fd.port", "0");
	EXPECT_P("fd.cip", NULL);
	EXPECT_P("fd.snet", NULL);
	EXPECT_P("fd.sport", NULL);
	uint8_t tuple[13] = {2, 127, 0, 0, 1, 0x40, 0x9c, 127, 0, 0, 1, 0x90, 0x1f};
	kv_t cn[] = {I64("res", 0), BUF("tuple", tuple, sizeof(tuple)), I64("fd", 4)};
	feed(23, 200, cn, 3);
	EXPECT("fd.name", "127.0.0.1:40000->127.0.0.1:8080");
	EXPECT("fd.sport", "8080");
	EXPECT("fd.cport", "40000");
	EXPECT("fd.lport", "40000");
	EXPECT("fd.rport", "8080");
	EXPECT("fd.l4proto", "tcp");
	EXPECT("fd.sip", "127.0.0.1");
	EXPECT("fd.rip", "127.0.0.1");
	EXPECT("fd.port", "40000,8080");
	EXPECT("fd.is_server", "false");
	EXPECT("fd.connected", "true");
	EXPECT("fd.name_changed", "true");
	EXPECT("fd.sockfamily", "ip");
	EXPECT("evt.arg.tuple", "127.0.0.1:40000->127.0.0.1:8080");

	/* dup2 copies; close keeps the fd visible for its own event only */
	kv_t d2[] = {I64("res", 9), I64("oldfd", 3), I64("newfd", 9)};
	feed(363, 200, d2, 3);
	EXPECT("fd.name", "/etc/shadow");
	EXPECT("fd.num", "9");
	kv_t cl[] = {I64("res", 0), I64("fd", 3)};
	feed(5, 200, cl, 2);
	EXPECT("fd.name", "/etc/shadow");
	kv_t rd[] = {I64("res", 0), BUF("data", "", 0), I64("fd", 3), U32("size", 10)};
	feed(7, 200, rd, 4);
	EXPECT("fd.name", "");
	EXPECT("fd.typechar", "o");
	kv_t rd9[] = {I64("res", 4), BUF("data", "root", 4), I64("fd", 9), U32("size", 10)};
	feed(7, 200, rd9, 4);
	EXPECT("fd.name", "/etc/shadow");
	EXPECT("evt.buffer", "root");
	EXPECT("evt.arg.data", "root");

	/* setuid changes user.uid */
	kv_t su[] = {I64("res", 0), U32("uid", 33)};
	feed(199, 200, su, 2);
	EXPECT("user.uid", "33");
	EXPECT("evt.arg.uid", "33");

	/* process exit: visible for the procexit event, gone after the next one */
	kv_t px[] = {I64("status", 0)};
	uint16_t pcodes[8];
	size_t npc = sk_evt_codes_by_name("procexit", pcodes, 8);
	REQUIRE(npc >= 1);
	feed(pcodes[npc - 1], 200, px, 0);
	EXPECT("proc.name", "cat");
	kv_t rd2[] = {I64("res", 0), I64("fd", 0)};
	feed(5, 100, rd2, 2);
	EXPECT("proc.name", "bash");
	feed(5, 200, rd2, 2);
	EXPECT("proc.name", "<NA>");

	/* A tid never described (no process list entry, clone or exec): like
	 * libsinsp, comm and exe read "<NA>" (the upstream macro proc_name_exists
	 * tests for it), the parent is unknown, the uid is -1. */
	kv_t rdu[] = {I64("res", 0), BUF("data", "", 0), I64("fd", 3), U32("size", 10)};
	feed(7, 555, rdu, 4);
	EXPECT_P("proc.name", "<NA>");
	EXPECT_P("proc.exe", "<NA>");
	EXPECT_P("proc.cmdline", "<NA>");
	EXPECT_P("proc.aname[0]", "<NA>");
	EXPECT_P("proc.sname", "<NA>");
	EXPECT_P("proc.exepath", "");
	EXPECT_P("proc.args", "");
	EXPECT_P("proc.pname", NULL);
	EXPECT_P("proc.pcmdline", NULL);
	EXPECT_P("proc.duration", NULL);
	EXPECT_P("user.uid", "4294967295");
	/* An exec describes it. */
	kv_t eu[] = {I64("res", 0), STR("exe", "ping"), BUF("args", "", 0), I64("tid", 555),
		I64("pid", 555), I64("ptid", 100), STR("cwd", "/"), STR("comm", "ping"),
		STR("trusted_exepath", "/usr/bin/ping"), U32("uid", 0)};
	feed(293, 555, eu, 10);
	EXPECT_P("proc.name", "ping");
	EXPECT_P("proc.exe", "ping");
	EXPECT_P("proc.pname", "bash");
	/* No session leader known: the eldest ancestor in the same session (sid
	 * -1 here: bash, systemd), as libsinsp. */
	EXPECT_P("proc.sname", "systemd");
	/* An unknown caller of clone is described by its clone event. */
	kv_t cu[] = {I64("res", 560), STR("exe", "curl"), I64("tid", 557), I64("pid", 557),
		I64("ptid", 100), STR("comm", "curl"), U32("flags", 0)};
	feed(7, 557, rdu, 4);
	EXPECT_P("proc.name", "<NA>");
	feed(223, 557, cu, 7);
	EXPECT_P("proc.name", "curl");
	EXPECT_P("proc.exe", "curl");

	/* proc.duration of a thread comes from its own clone, not its process's
	 * (libs_curl_google.scap: 25396 ns at the child's clone return). */
	kv_t ct[] = {I64("res", 300), STR("exe", "bash"), I64("tid", 100), I64("pid", 100),
		I64("ptid", 1), STR("comm", "bash"), U32("flags", 1u << 13 /* CLONE_THREAD */)};
	feed(223, 100, ct, 7); /* ts 1000 + n */
	feed(7, 100, rdu, 4);   /* ts 1000 + n + 1 */
	kv_t cc[] = {I64("res", 0), STR("exe", "bash"), I64("tid", 300), I64("pid", 100),
		I64("ptid", 100), STR("comm", "bash"), U32("flags", 1u << 13)};
	feed(223, 300, cc, 7);  /* ts 1000 + n + 2 */
	EXPECT_P("thread.tid", "300");
	EXPECT_P("proc.pid", "100");
	EXPECT_P("proc.duration", "2");
	EXPECT_P("proc.name", "bash");

	/* Robustness: random parameters on every event code, then every field.
	 * Nothing may crash or read out of bounds (run under ASan in CI). */
	srand(12345);
	size_t nfields = json_array_size(fields);
	for (int iter = 0; iter < 10000; iter++) {
		uint16_t code = (uint16_t)(rand() % SK_EVT_CODE_MAX);
		const sk_evt_info_t *info = sk_evt_info(code);
		if (!info || (info->flags & SK_EF_UNUSED) || code == 322 || code == 402)
			continue;
		static uint8_t rnd[SK_EVT_MAX_PARAMS][64];
		sk_evt_param_t p[SK_EVT_MAX_PARAMS];
		uint32_t np = info->nparams ? (uint32_t)(rand() % (info->nparams + 1)) : 0;
		for (uint32_t i = 0; i < np; i++) {
			static const uint32_t lens[] = {0, 1, 2, 4, 8, 3, 13, 17, 37, 64};
			p[i].len = lens[rand() % 10];
			for (uint32_t b = 0; b < p[i].len; b++)
				rnd[i][b] = (uint8_t)(rand() % 4 ? rand() : 0);
			p[i].data = rnd[i];
		}
		int len = sk_evt_build(evbuf, sizeof(evbuf), (uint64_t)iter, (uint64_t)(rand() % 8 + 1),
			code, np, p);
		REQUIRE(len > 0);
		cur.evt = (const ss_plugin_event *)evbuf;
		cur.evtnum = ++evnum;
		ss_plugin_event_parse_input pi = {0};
		REQUIRE(p_parse(st, &cur, &pi) == SS_PLUGIN_SUCCESS);
		for (size_t k = 0; k < nfields; k++) {
			const char *fname = json_string_value(json_object_get(json_array_get(fields, k), "name"));
			char spec[160];
			if (!strcmp(fname, "evt.arg") || !strcmp(fname, "evt.rawarg"))
				snprintf(spec, sizeof(spec), "%s[%d]", fname, rand() % 8);
			else if (!strcmp(fname, "proc.env"))
				snprintf(spec, sizeof(spec), "%s", fname);
			else
				snprintf(spec, sizeof(spec), "%s", fname);
			(void)val(spec);
		}
	}

	p_destroy(st);
	json_decref(fields);
	dlclose(h);
	return sktest_report("syscall fields");
}
