/*
 * test_cond.c - condition language unit tests: every operator against every
 * field type on a fake event, parse and compile errors with positions,
 * macro expansion and list substitution, transformers, event-type sets,
 * output formatting and the per-event field cache.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cond.h"
#include "cond_int.h"
#include "fake.h"
#include "sk_event_schema.h"

#include "../lib/sktest.h"

static const fake_val_t ev1_vals[] = {
	{"evt.type", {"open"}},
	{"evt.num", {"42"}},
	{"evt.time", {"1700000000000000000"}},
	{"evt.rawres", {"-2"}},
	{"evt.arg[flags]", {"O_RDONLY|O_CLOEXEC"}},
	{"evt.arg[0]", {"3"}},
	{"evt.buffer", {"GET /index.html"}},
	{"proc.name", {"bash"}},
	{"proc.cmdline", {"bash -c ls /tmp"}},
	{"proc.pid", {"1234"}},
	{"proc.duration", {"5000000000"}},
	{"proc.aname", {"bash", "sshd", "systemd"}},
	{"proc.aname[1]", {"sshd"}},
	{"proc.aname[2]", {"systemd"}},
	{"proc.args", {"-c ls /tmp"}},
	{"proc.env[HOME]", {"/root"}},
	{"proc.argv", {"bash", "-c", "ls /tmp"}},
	{"fd.name", {"/var/run/docker.sock"}},
	{"fd.ip", {"10.1.2.3"}},
	{"fd.net", {"192.168.1.7"}},
	{"fd.sport", {"8080"}},
	{"user.name", {"Root"}},
	{"container.privileged", {"true"}},
	{"container.mount.dest[/var/run/docker.sock]", {"/var/run/docker.sock"}},
	{"ka.verbs", {"get", "list"}},
	{"ka.privs", {"false", "true"}},
	{"ka.codes", {"200", "404"}},
	{"json.value[/stage]", {"ResponseComplete"}},
	{"json.value[/b64]", {"YmFzaA=="}},
	{NULL, {NULL}},
};

/* ---- helpers ------------------------------------------------------------- */

static const struct {
	const char *name, *text;
} macros[] = {
	{"m_bash", "proc.name = bash"},
	{"m_both", "m_bash and proc.pid = 1234"},
	{"m_never", "(evt.num = 0)"},
	{"loop1", "loop2 or proc.name = x"},
	{"loop2", "proc.pid = 1 and loop1"},
	{"m_bad", "proc.name = x or\n  proc.nope = 1"},
	{"m_uses_bad", "proc.pid = 1 or m_bad"},
};
static sk__ast_t *macro_asts[sizeof(macros) / sizeof(macros[0])];

static const sk__ast_t *lookup_macro(void *ctx, const char *name)
{
	(void)ctx;
	for (size_t i = 0; i < sizeof(macros) / sizeof(macros[0]); i++)
		if (!strcmp(macros[i].name, name))
			return macro_asts[i];
	return NULL;
}

static const char *const l_shells[] = {"zsh", "bash"};
static const char *const l_nested[] = {"shells", "fish"};
static const char *const l_quoted[] = {"\"(systemd)\"", "'a b'"};
static const char *const l_empty[] = {NULL};

static int lookup_list(void *ctx, const char *name, const char *const **items, size_t *n)
{
	(void)ctx;
	if (!strcmp(name, "shells")) {
		*items = l_shells;
		*n = 2;
	} else if (!strcmp(name, "nested")) {
		*items = l_nested;
		*n = 2;
	} else if (!strcmp(name, "quoted")) {
		*items = l_quoted;
		*n = 2;
	} else if (!strcmp(name, "empty_list")) {
		*items = l_empty;
		*n = 0;
	} else {
		return -ENOENT;
	}
	return 0;
}

static sk__fieldtab_t *tab;

static sk__compile_env_t env_for(const char *source)
{
	sk__compile_env_t e = {
		.source = source, .host = &fake_host, .fields = tab, .ctx = NULL,
		.lookup_macro = lookup_macro, .lookup_list = lookup_list,
	};
	return e;
}

static uint16_t eval_type = 3; /* event code of the fake events */

/* -1 compile error, else the result */
static int eval_text(const char *cond, const fake_val_t *vals, unsigned *calls,
	sk__compile_err_t *ce)
{
	sk__compile_env_t env = env_for("syscall");
	sk__check_t *c = NULL;
	sk__compile_err_t local;
	if (!ce)
		ce = &local;
	if (sk__cond_compile_text(cond, &env, &c, ce))
		return -1;
	fake_event_t ev = {.vals = vals, .type = eval_type};
	ss_plugin_event_input in;
	fake_input(&ev, &in, NULL);
	bool r = false;
	int rc = sk__check_eval_once(c, &fake_extractor, &in, &r);
	sk__check_free(c);
	if (calls)
		*calls = ev.calls;
	return rc ? -2 : r;
}

#include "cond_rows.h"

static void test_ops(void)
{
	for (size_t i = 0; i < sizeof(op_rows) / sizeof(op_rows[0]); i++) {
		sk__compile_err_t ce;
		checks++;
		int got = eval_text(op_rows[i].cond, ev1_vals, NULL, &ce);
		if (got != op_rows[i].want) {
			if (got == -1)
				FAIL("[%s] compile error: %s (col %u)", op_rows[i].cond, ce.msg, ce.col);
			else
				FAIL("[%s] got %d, want %d", op_rows[i].cond, got, op_rows[i].want);
		}
	}
}

/* ---- errors ---------------------------------------------------------------- */

static const struct {
	const char *cond;
	const char *msg;
	uint32_t line, col;
	const char *macro;
} err_rows[] = {
	/* parse errors */
	{"", "filter input string is empty", 1, 1, NULL},
	{"   ", "filter input string is empty", 1, 1, NULL},
	{"proc.name = bash )", "unexpected token after 'bash', expecting 'or', 'and'", 1, 18, NULL},
	{"proc.name = bash and", "expected blank or '(' after 'and'", 1, 21, NULL},
	{"(proc.name = bash", "missing ')'", 1, 1, NULL},
	{"proc.name ~ x", "expected an operator", 1, 11, NULL},
	{"proc.pid > abc", "expected a number", 1, 12, NULL},
	{"proc.name = \"abc", "unterminated string", 1, 13, NULL},
	{"proc.name = \"a\\qb\"", "unsupported string escape sequence", 1, 15, NULL},
	{"proc.name in (a, b", "expected ',' or ')' in list", 1, 19, NULL},
	{"proc.name = bash and\n  proc.pid = x y", "unexpected token after 'x'", 2, 16, NULL},
	{"proc.name in a.b", "expected a list", 1, 14, NULL},
	{"proc.name contains", "expected an operator", 1, 11, NULL},
	{"proc.name = ", "expected a value", 1, 13, NULL},
	/* compile errors */
	{"proc.nam = x", "unknown field 'proc.nam'", 1, 1, NULL},
	{"proc.name = x and foo.bar = 1", "unknown field 'foo.bar'", 1, 19, NULL},
	{"proc.pid contains 1", "operator 'contains' is not supported by field 'proc.pid'", 1, 1, NULL},
	{"container.privileged = maybe", "'maybe' is not a valid boolean", 1, 24, NULL},
	{"proc.pid = abc", "'abc' is not a valid unsigned number", 1, 12, NULL},
	{"proc.pid in (1, x2)", "'x2' is not a valid unsigned number", 1, 17, NULL},
	{"ka.verbs = get", "only supports operators 'exists', 'in' and 'intersects'", 1, 1, NULL},
	{"fd.ip = 300.1.1.1", "not a valid IP address", 1, 9, NULL},
	{"proc.name regex '('", "invalid regular expression", 1, 17, NULL},
	{"evt.buffer bcontains xyz", "not a valid hex string", 1, 22, NULL},
	{"container.privileged contains x", "not supported", 1, 1, NULL},
	{"proc.name > 5", "operator '>' is not supported by field 'proc.name'", 1, 1, NULL},
	{"proc.name bcontains 41", "", 0, 0, NULL}, /* accepted: strings are bytes */
	{"proc.pid startswith oneof (1)", "not supported", 1, 1, NULL},
	{"undefined_macro and proc.name=x", "Undefined macro 'undefined_macro' used in filter.", 1, 1,
	 NULL},
	{"proc.name in (a) and\n  evt.arg = x", "field 'evt.arg' requires an argument", 2, 3, NULL},
	{"proc.name[1] = x", "field 'proc.name' does not take an argument", 1, 1, NULL},
	{"proc.aname[x] = y", "filter proc.aname[x] proc.aname has an invalid index argument not composed only by digits: x", 1, 1, NULL},
	{"proc.aname[01] = y", "filter proc.aname[01] proc.aname has an invalid index argument starting with 0: 01", 1, 1, NULL},
	{"proc.aname[99999999999999999999] = y", "invalid index argument not representable on 64 bit", 1, 1, NULL},
	{"loop1", "reference loop in macro 'loop1'", 1, 18, "loop2"},
	{"proc.pid = 1 or\n   m_uses_bad", "unknown field 'proc.nope'", 2, 3, "m_bad"},
	{"proc.name in shellz", "'shellz' is not a defined list", 1, 14, NULL},
	{"len(proc.name, proc.pid) = 1", "wrong number of arguments", 1, 1, NULL},
};

static void test_errors(void)
{
	char deep[4200];
	size_t k = 0;
	for (int i = 0; i < 1100; i++)
		deep[k++] = '(';
	strcpy(deep + k, "proc.name = x");
	k += strlen("proc.name = x");
	for (int i = 0; i < 1100; i++)
		deep[k++] = ')';
	deep[k] = 0;
	sk__compile_err_t ce;
	checks++;
	if (eval_text(deep, ev1_vals, NULL, &ce) != -1 || !strstr(ce.msg, "max depth"))
		FAIL("deep nesting not rejected: %s", ce.msg);
	for (size_t i = 0; i < sizeof(err_rows) / sizeof(err_rows[0]); i++) {
		checks++;
		memset(&ce, 0, sizeof(ce));
		int got = eval_text(err_rows[i].cond, ev1_vals, NULL, &ce);
		if (!err_rows[i].msg[0]) {
			if (got == -1)
				FAIL("[%s] unexpected error: %s", err_rows[i].cond, ce.msg);
			continue;
		}
		if (got != -1) {
			FAIL("[%s] compiled, want error '%s'", err_rows[i].cond, err_rows[i].msg);
			continue;
		}
		if (!strstr(ce.msg, err_rows[i].msg))
			FAIL("[%s] message '%s', want '%s'", err_rows[i].cond, ce.msg, err_rows[i].msg);
		if (ce.line != err_rows[i].line || ce.col != err_rows[i].col)
			FAIL("[%s] at %u:%u, want %u:%u (%s)", err_rows[i].cond, ce.line, ce.col,
				err_rows[i].line, err_rows[i].col, ce.msg);
		if (strcmp(ce.macro, err_rows[i].macro ? err_rows[i].macro : ""))
			FAIL("[%s] macro '%s', want '%s'", err_rows[i].cond, ce.macro,
				err_rows[i].macro ? err_rows[i].macro : "");
	}
	/* the outermost macro reference is reported too */
	checks++;
	eval_text("proc.pid = 1 or\n   m_uses_bad", ev1_vals, NULL, &ce);
	if (ce.ref_line != 2 || ce.ref_col != 4)
		FAIL("macro ref position %u:%u, want 2:4", ce.ref_line, ce.ref_col);
}

/* ---- parser round trip ------------------------------------------------------ */

static void test_print(void)
{
	static const struct {
		const char *in, *out;
	} rows[] = {
		{"a.b=1 and not c.d  in (x,'y z') or m", "a.b = 1 and not c.d in (x, \"y z\") or m"},
		{"not(a.b exists)", "not (a.b exists)"},
		{"a.b startswith oneof (x, y)", "a.b startswith oneof (x, y)"},
		{"a.b[2] = val(c.d)", "a.b[2] = val(c.d)"},
		{"tolower(a.b) = toupper(c.d)", "tolower(a.b) = toupper(c.d)"},
		{"a.b in my_list", "a.b in my_list"},
		{"a.b = x and (c.d = y or e.f = z)", "a.b = x and (c.d = y or e.f = z)"},
		{"a.b contains oneof and c.d exists", "a.b contains oneof and c.d exists"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		sk__ast_t *a = NULL;
		sk__parse_err_t pe;
		char buf[256];
		checks++;
		if (sk__cond_parse(rows[i].in, &a, &pe)) {
			FAIL("[%s] parse: %s", rows[i].in, pe.msg);
			continue;
		}
		sk__ast_print(a, buf, sizeof(buf));
		if (strcmp(buf, rows[i].out))
			FAIL("[%s] printed '%s', want '%s'", rows[i].in, buf, rows[i].out);
		sk__ast_t *c = sk__ast_clone(a);
		char buf2[256];
		sk__ast_print(c, buf2, sizeof(buf2));
		if (strcmp(buf, buf2))
			FAIL("[%s] clone printed '%s'", rows[i].in, buf2);
		sk__ast_free(c);
		sk__ast_free(a);
	}
	/* position of a node */
	sk__ast_t *a = NULL;
	sk__parse_err_t pe;
	checks++;
	if (sk__cond_parse("a.b = 1 and\n  c.d = 2", &a, &pe) || a->kind != SK__AST_AND ||
	    a->kids[1]->pos.line != 2 || a->kids[1]->pos.col != 3 || a->kids[1]->pos.off != 14)
		FAIL("node positions wrong");
	sk__ast_free(a);
}

/* ---- event types -------------------------------------------------------- */

static bool has_code(const uint16_t *t, size_t n, uint16_t c)
{
	for (size_t i = 0; i < n; i++)
		if (t[i] == c)
			return true;
	return false;
}

/* evt.type is decided by event code, except for generic events (codes 0/1:
 * syscalls without their own code, old captures), compared by name. */
static void test_evt_type_codes(void)
{
	static const fake_val_t madv[] = {{"evt.type", {"madvise"}}, {NULL, {NULL}}};
	static const fake_val_t open_named[] = {{"evt.type", {"open"}}, {NULL, {NULL}}};
	static const struct {
		uint16_t type;
		const fake_val_t *vals;
		const char *cond;
		int want;
	} rows[] = {
		{1, madv, "evt.type = madvise", 1},
		{1, madv, "evt.type in (open, madvise)", 1},
		{1, madv, "evt.type = mlock2x", 0},
		{1, madv, "evt.type != madvise", 0},
		{1, open_named, "evt.type = open", 1}, /* generic events compare by name */
		{0, open_named, "evt.type != open", 0},
		{3, open_named, "evt.type = open", 1},
		{3, madv, "evt.type = open", 1},      /* by code, whatever the name says */
		{2, open_named, "evt.type = open", 1},
		{5, open_named, "evt.type = open", 0},
		{5, open_named, "evt.type != open", 1},
	};
	uint16_t open_codes[8];
	size_t no = sk_evt_codes_by_name("open", open_codes, 8);
	checks++;
	if (no < 2 || open_codes[0] != 2 || open_codes[1] != 3) {
		FAIL("schema: open is not codes 2/3; adjust this test");
		return;
	}
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		checks++;
		eval_type = rows[i].type;
		int got = eval_text(rows[i].cond, rows[i].vals, NULL, NULL);
		if (got != rows[i].want)
			FAIL("[%s] on code %u: got %d, want %d", rows[i].cond, rows[i].type, got,
				rows[i].want);
	}
	eval_type = 3;
}

static void test_evttypes(void)
{
	uint16_t open_codes[16], openat_codes[16];
	size_t nopen = sk_evt_codes_by_name("open", open_codes, 16);
	size_t nopenat = sk_evt_codes_by_name("openat", openat_codes, 16);
	checks++;
	if (!nopen || !nopenat) {
		FAIL("schema has no open/openat codes");
		return;
	}
	static const struct {
		const char *cond, *source;
		int all;                  /* expect all */
		int has_open, has_openat; /* expect membership */
		int count;                /* exact count or -1 */
	} rows[] = {
		{"evt.type = open", "syscall", 0, 1, 0, -2},
		{"evt.type in (open, openat) and proc.name = x", "syscall", 0, 1, 1, -3},
		{"not evt.type = open", "syscall", 0, 0, 1, -1},
		{"proc.name = x", "syscall", 1, 1, 1, -1},
		{"evt.num = 0", "syscall", 0, 0, 0, 1},
		{"not evt.num = 0", "syscall", 1, 1, 1, -1},
		{"evt.type = open or proc.name = bash", "syscall", 1, 1, 1, -1},
		{"evt.type != open and evt.type != openat", "syscall", 0, 0, 0, -1},
		{"not (evt.type = open or proc.name = x)", "syscall", 0, 0, 1, -1},
		{"not (evt.type = open and proc.name = x)", "syscall", 1, 1, 1, -1},
		{"m_never", "syscall", 0, 0, 0, 1},
		{"ka.verbs exists", "k8s_audit", 0, 0, 0, 2},
		{"evt.type = madvise", "syscall", 0, 0, 0, 3}, /* generic 0, 1 + 402 */
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		sk__compile_env_t env = env_for(rows[i].source);
		sk__check_t *c = NULL;
		sk__compile_err_t ce;
		checks++;
		if (sk__cond_compile_text(rows[i].cond, &env, &c, &ce)) {
			FAIL("[%s] %s", rows[i].cond, ce.msg);
			continue;
		}
		uint16_t *t;
		size_t n;
		bool all;
		if (sk__check_event_types(c, rows[i].source, &t, &n, &all)) {
			FAIL("event types failed");
			sk__check_free(c);
			continue;
		}
		if ((int)all != rows[i].all)
			FAIL("[%s] all=%d", rows[i].cond, all);
		if (has_code(t, n, open_codes[0]) != (bool)rows[i].has_open)
			FAIL("[%s] open membership wrong", rows[i].cond);
		if (has_code(t, n, openat_codes[0]) != (bool)rows[i].has_openat)
			FAIL("[%s] openat membership wrong", rows[i].cond);
		if (!has_code(t, n, PPME_ASYNCEVENT_E))
			FAIL("[%s] no async code", rows[i].cond);
		if (rows[i].count == -2 && n != nopen + 1)
			FAIL("[%s] %zu codes, want %zu", rows[i].cond, n, nopen + 1);
		if (rows[i].count == -3 && n != nopen + nopenat + 1)
			FAIL("[%s] %zu codes", rows[i].cond, n);
		if (rows[i].count > 0 && n != (size_t)rows[i].count)
			FAIL("[%s] %zu codes, want %d", rows[i].cond, n, rows[i].count);
		if (!strcmp(rows[i].source, "k8s_audit") && !has_code(t, n, PPME_PLUGINEVENT_E))
			FAIL("[%s] plugin rule without 322", rows[i].cond);
		for (size_t k = 1; k < n; k++)
			if (t[k] <= t[k - 1])
				FAIL("[%s] codes not sorted", rows[i].cond);
		free(t);
		sk__check_free(c);
	}
}

/* ---- formatting ---------------------------------------------------------- */

static void test_format(void)
{
	static const struct {
		const char *fmt, *text, *json;
	} rows[] = {
		{"%proc.name ran %proc.cmdline", "bash ran bash -c ls /tmp",
		 "{\"proc.cmdline\": \"bash -c ls /tmp\", \"proc.name\": \"bash\"}"},
		{"start %2proc.name end", "start ba end", "{\"proc.name\": \"bash\"}"},
		{"%10proc.name|", "bash      |", "{\"proc.name\": \"bash\"}"},
		{"start%proc.nameand%proc.pidend", "startbashand1234end",
		 "{\"proc.name\": \"bash\", \"proc.pid\": 1234}"},
		{"p=%proc.pname", "p=<NA>", "{\"proc.pname\": null}"},
		{"%proc.aname[2] %evt.arg.flags %tolower(user.name)", "systemd O_RDONLY|O_CLOEXEC root",
		 "{\"evt.arg.flags\": \"O_RDONLY|O_CLOEXEC\", \"proc.aname[2]\": \"systemd\", "
		 "\"user.name\": \"Root\"}"},
		{"%container.privileged %fd.ip %evt.rawres %ka.verbs", "true 10.1.2.3 -2 (get,list)",
		 "{\"container.privileged\": true, \"evt.rawres\": -2, \"fd.ip\": \"10.1.2.3\", "
		 "\"ka.verbs\": [\"get\", \"list\"]}"},
		{"*%proc.name.", "bash.", "{\"proc.name\": \"bash\"}"},
		{"(%proc.name, %proc.name)", "(bash, bash)", "{\"proc.name\": \"bash\"}"},
		{"no fields", "no fields", "{}"},
		{"%json.value[/stage] %evt.arg[0]", "ResponseComplete 3",
		 "{\"evt.arg[0]\": \"3\", \"json.value[/stage]\": \"ResponseComplete\"}"},
		{"%len(ka.verbs)", "2", "{\"ka.verbs\": [\"get\", \"list\"]}"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		sk__compile_env_t env = env_for("syscall");
		sk__fmt_t *f = NULL;
		sk__compile_err_t ce;
		checks++;
		if (sk__fmt_compile(rows[i].fmt, &env, &f, &ce)) {
			FAIL("[%s] %s", rows[i].fmt, ce.msg);
			continue;
		}
		fake_event_t ev = {.vals = ev1_vals, .type = 3};
		ss_plugin_event_input in;
		fake_input(&ev, &in, NULL);
		char *text = NULL;
		json_t *j = NULL;
		if (sk__fmt_render_once(f, &fake_extractor, &in, &text, &j)) {
			FAIL("[%s] render failed", rows[i].fmt);
		} else {
			char *js = json_dumps(j, JSON_SORT_KEYS);
			if (strcmp(text, rows[i].text))
				FAIL("[%s] text '%s', want '%s'", rows[i].fmt, text, rows[i].text);
			if (strcmp(js, rows[i].json))
				FAIL("[%s] json %s, want %s", rows[i].fmt, js, rows[i].json);
			free(js);
		}
		free(text);
		json_decref(j);
		sk__fmt_free(f);
	}
	static const struct {
		const char *fmt, *msg;
		uint32_t col;
	} errs[] = {
		{"end %", "must be followed by a field", 5},
		{"x %(proc.name)", "must be followed by a field", 3},
		{"a %proc.nope b", "unknown field 'proc.nope'", 4},
		{"%tolower(proc.nope)", "unknown field 'proc.nope'", 10},
		{"%tolower(proc.name", "expected ',' or ')'", 19},
	};
	for (size_t i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		sk__compile_env_t env = env_for("syscall");
		sk__fmt_t *f = NULL;
		sk__compile_err_t ce;
		checks++;
		if (!sk__fmt_compile(errs[i].fmt, &env, &f, &ce)) {
			FAIL("[%s] compiled", errs[i].fmt);
			sk__fmt_free(f);
			continue;
		}
		if (!strstr(ce.msg, errs[i].msg) || ce.col != errs[i].col)
			FAIL("[%s] '%s' at col %u, want '%s' at %u", errs[i].fmt, ce.msg, ce.col,
				errs[i].msg, errs[i].col);
	}
	/* extra fields: only in output_fields; unknown ones skipped */
	sk__compile_env_t env = env_for("syscall");
	const char *extra[] = {"proc.pid", "nope.field", "proc.aname[1]"};
	sk__fmt_t *f = NULL;
	sk__compile_err_t ce;
	checks++;
	if (sk__fmt_compile_ex("x %proc.name", extra, 3, &env, &f, &ce)) {
		FAIL("extra: %s", ce.msg);
		return;
	}
	fake_event_t ev = {.vals = ev1_vals, .type = 3};
	ss_plugin_event_input in;
	fake_input(&ev, &in, NULL);
	char *text = NULL;
	json_t *j = NULL;
	if (sk__fmt_render_once(f, &fake_extractor, &in, &text, &j) == 0) {
		char *js = json_dumps(j, JSON_SORT_KEYS);
		if (strcmp(text, "x bash") ||
		    strcmp(js, "{\"proc.aname[1]\": \"sshd\", \"proc.name\": \"bash\", \"proc.pid\": 1234}"))
			FAIL("extra fields: '%s' %s", text, js);
		free(js);
	} else {
		FAIL("extra render failed");
	}
	free(text);
	json_decref(j);
	sk__fmt_free(f);
}

/* ---- cache ---------------------------------------------------------------- */

static void test_cache(void)
{
	unsigned calls = 0;
	checks++;
	int r = eval_text("proc.name = x or proc.name = y or proc.name startswith z or proc.name = bash",
		ev1_vals, &calls, NULL);
	if (r != 1 || calls != 1)
		FAIL("cache: result %d after %u extractions, want 1 after 1", r, calls);
	checks++;
	r = eval_text("proc.pname = x or proc.pname = y or proc.name = bash", ev1_vals, &calls, NULL);
	if (r != 1 || calls != 2)
		FAIL("cache of missing value: result %d after %u extractions", r, calls);
	/* the same field spelled two ways shares a slot */
	size_t before = sk__fieldtab_count(tab);
	checks++;
	eval_text("evt.arg.flags = x or evt.arg[flags] = y", ev1_vals, &calls, NULL);
	eval_text("evt.arg[flags] = z", ev1_vals, NULL, NULL);
	if (sk__fieldtab_count(tab) > before + 1 || calls != 1)
		FAIL("evt.arg.flags and evt.arg[flags] use different slots (%u calls)", calls);
}

/* ---- robustness: generated conditions (valid and mutated) never crash,
 * every rejection has a message, tree and program evaluation agree ------- */

static unsigned fz_seed = 7;

static unsigned fz(unsigned n)
{
	fz_seed = fz_seed * 1103515245u + 12345u;
	return (fz_seed >> 16) % n;
}

static void fz_put(char *buf, size_t cap, size_t *n, const char *t)
{
	size_t l = strlen(t);
	if (*n + l + 1 < cap) {
		memcpy(buf + *n, t, l);
		*n += l;
		buf[*n] = 0;
	}
}

static void fz_check(char *buf, size_t cap, size_t *n)
{
	static const char *lhs[] = {"proc.name", "proc.pid", "fd.ip", "fd.net", "ka.verbs",
		"evt.arg.flags", "evt.arg[0]", "proc.aname[2]", "proc.aname", "proc.pname",
		"container.privileged", "evt.rawres", "fd.name", "tolower(user.name)",
		"len(ka.verbs)", "evt.buffer", "proc.duration", "basename(fd.name)"};
	static const char *ops[] = {"=", "!=", "<", ">=", "in", "intersects", "pmatch", "contains",
		"icontains", "startswith", "endswith", "glob", "iglob", "regex", "bcontains",
		"startswith anyof", "= oneof", "exists"};
	static const char *vals[] = {"bash", "'q s'", "\"ba\\x73h\"", "1234", "-2", "0x10",
		"10.0.0.0/8", "10.1.2.3", "true", "(bash, zsh)", "(shells, 1234)", "()", "(/var, /etc)",
		"val(proc.name)", "tolower(proc.name)", "'b.*'", "474554", "(get)", "shells"};
	fz_put(buf, cap, n, lhs[fz(sizeof(lhs) / sizeof(lhs[0]))]);
	fz_put(buf, cap, n, " ");
	const char *op = ops[fz(sizeof(ops) / sizeof(ops[0]))];
	fz_put(buf, cap, n, op);
	if (strcmp(op, "exists")) {
		fz_put(buf, cap, n, " ");
		fz_put(buf, cap, n, vals[fz(sizeof(vals) / sizeof(vals[0]))]);
	}
}

static void fz_expr(char *buf, size_t cap, size_t *n, int depth)
{
	unsigned k = depth > 3 ? 0 : fz(7);
	switch (k) {
	case 0: case 1: case 2:
		fz_check(buf, cap, n);
		break;
	case 3:
		fz_put(buf, cap, n, fz(2) ? "m_bash" : "m_both");
		break;
	case 4:
		fz_put(buf, cap, n, "not ");
		fz_expr(buf, cap, n, depth + 1);
		break;
	case 5:
		fz_put(buf, cap, n, "(");
		fz_expr(buf, cap, n, depth + 1);
		fz_put(buf, cap, n, ")");
		break;
	default:
		fz_expr(buf, cap, n, depth + 1);
		fz_put(buf, cap, n, fz(2) ? " and " : " or ");
		fz_expr(buf, cap, n, depth + 1);
		break;
	}
}

static void test_fuzz(void)
{
	char buf[1024];
	int errors = 0, ok = 0;
	for (int i = 0; i < 6000; i++) {
		size_t n = 0;
		buf[0] = 0;
		fz_expr(buf, sizeof(buf), &n, 0);
		if (i % 3 == 1 && n > 2) {
			/* mutate: cut, or overwrite a byte with a special character */
			size_t at = fz((unsigned)n);
			if (fz(2))
				buf[at] = 0;
			else
				buf[at] = "()'\"[],=% \\"[fz(11)];
		}
		sk__compile_err_t ce;
		memset(&ce, 0, sizeof(ce));
		int r = eval_text(buf, ev1_vals, NULL, &ce);
		if (r == -1) {
			errors++;
			if (!ce.msg[0])
				FAIL("[%s] error without a message", buf);
		} else if (r == -2) {
			FAIL("[%s] tree and program disagree", buf);
		} else {
			ok++;
		}
		/* the same text as an output format */
		sk__compile_env_t env = env_for("syscall");
		sk__fmt_t *f = NULL;
		char fmt[1100];
		snprintf(fmt, sizeof(fmt), "%%%s x %%proc.name", buf);
		if (sk__fmt_compile(fmt, &env, &f, &ce) == 0) {
			fake_event_t ev = {.vals = ev1_vals, .type = 3};
			ss_plugin_event_input in;
			fake_input(&ev, &in, NULL);
			char *text = NULL;
			json_t *j = NULL;
			if (sk__fmt_render_once(f, &fake_extractor, &in, &text, &j) == 0) {
				free(text);
				json_decref(j);
			}
			sk__fmt_free(f);
		} else if (!ce.msg[0]) {
			FAIL("[%s] format error without a message", fmt);
		}
	}
	printf("fuzz: %d compiled, %d rejected\n", ok, errors);
	checks++;
	if (ok < 1000 || errors < 500)
		FAIL("fuzz: %d compiled, %d rejected: generator too narrow", ok, errors);
}

int main(void)
{
	tab = sk__fieldtab_new();
	for (size_t i = 0; i < sizeof(macros) / sizeof(macros[0]); i++) {
		sk__parse_err_t pe;
		if (sk__cond_parse(macros[i].text, &macro_asts[i], &pe)) {
			fprintf(stderr, "macro %s: %s\n", macros[i].name, pe.msg);
			return 1;
		}
	}
	test_ops();
	test_errors();
	test_print();
	test_evttypes();
	test_evt_type_codes();
	test_format();
	test_cache();
	test_fuzz();
	for (size_t i = 0; i < sizeof(macros) / sizeof(macros[0]); i++)
		sk__ast_free(macro_asts[i]);
	sk__fieldtab_unref(tab);
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
