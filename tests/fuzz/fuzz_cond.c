/* libFuzzer target: the condition parser and compiler (and the printer
 * and event-type analysis of what compiled), as a rule condition would
 * reach them. The first byte picks the source. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_host.h"
#include "rules/cond.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
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
				.max_nodes = 4096 };
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
