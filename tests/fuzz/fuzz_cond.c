/* libFuzzer target: the condition parser and compiler (macros and named
 * lists included; and the printer and event-type analysis of what
 * compiled), as a rule condition would reach them. The first byte picks
 * the source. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_host.h"
#include "rules/cond.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Identifiers starting with 'm' are macros (one of them refers to itself,
 * one to another macro), names starting with 'l' are lists, so the
 * expansion paths and their loop and budget checks are reached too. */
static sk__ast_t *g_macro, *g_self, *g_nested;

static const sk__ast_t *lookup_macro(void *ctx, const char *name)
{
	(void)ctx;
	if (name[0] != 'm')
		return NULL;
	if (!strcmp(name, "mself"))
		return g_self;
	return !strcmp(name, "mnest") ? g_nested : g_macro;
}

static int lookup_list(void *ctx, const char *name, const char *const **items, size_t *n)
{
	static const char *const v[] = { "a", "\"b c\"", "lnest", "10" };
	static const char *const nest[] = { "x", "lnest" };
	(void)ctx;
	if (name[0] != 'l')
		return -ENOENT;
	*items = !strcmp(name, "lnest") ? nest : v;
	*n = !strcmp(name, "lnest") ? 2 : 4;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (!g_macro) {
		sk__parse_err_t e;
		if (sk__cond_parse("proc.name in (la, b) or fd.num > 3", &g_macro, &e) ||
			sk__cond_parse("mself and proc.pid = 1", &g_self, &e) ||
			sk__cond_parse("not mx and (mx or evt.type = open)", &g_nested, &e))
			abort();
	}
	const char *source = data[0] & 1 ? "k8s_audit" : "syscall";
	char *text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	sk__ast_t *ast = NULL;
	sk__parse_err_t pe;
	if (sk__cond_parse(text, &ast, &pe) == 0) {
		char buf[512];
		sk__ast_print(ast, buf, sizeof(buf));
		sk__ast_t *copy = sk__ast_clone(ast);
		sk__ast_free(copy);
		sk__fieldtab_t *tab = sk__fieldtab_new();
		if (tab) {
			sk__compile_env_t env = { .source = source, .host = &fh_host, .fields = tab,
				.lookup_macro = lookup_macro, .lookup_list = lookup_list, .max_nodes = 4096 };
			sk__check_t *chk = NULL;
			sk__compile_err_t ce;
			if (sk__cond_compile(ast, &env, &chk, &ce) == 0) {
				uint16_t *types = NULL;
				size_t n = 0;
				bool all = false;
				if (sk__check_event_types(chk, source, &types, &n, &all) == 0)
					free(types);
			}
			sk__check_free(chk);
			sk__fmt_t *fmt = NULL;
			if (sk__fmt_compile(text, &env, &fmt, &ce) == 0)
				sk__fmt_free(fmt);
			sk__fieldtab_unref(tab);
		}
	}
	sk__ast_free(ast);
	free(text);
	return 0;
}
