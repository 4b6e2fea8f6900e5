/* libFuzzer target: the rules YAML loader (YAML -> items -> compiled
 * ruleset), with small budgets so that an input cannot spend the run on
 * one legitimate but large expansion. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_host.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	const char *name = "fuzz.yaml";
	const char *contents = text;
	sk_rules_opts_t opts = { .matching = SK_MATCH_ALL };
	opts.limits.max_list_items = 4096;
	opts.limits.max_cond_nodes = 4096;
	opts.limits.max_cond_bytes = 1 << 18;
	opts.limits.max_yaml_nodes = 1 << 16;
	sk_ruleset_t *rs = NULL;
	sk_diags_t diags = { 0 };
	if (sk_ruleset_load_mem(&fh_host, &name, &contents, 1, &opts, &rs, &diags) == 0) {
		sk_ruleset_stats_t st;
		sk_ruleset_stats(rs, &st);
		uint16_t *types = NULL;
		size_t n = 0;
		bool all = false;
		if (sk_ruleset_event_types(rs, "syscall", &types, &n, &all) == 0)
			free(types);
	}
	char line[2048];
	for (size_t i = 0; i < diags.n; i++)
		sk_diag_format(&diags.v[i], line, sizeof(line));
	sk_ruleset_unref(rs);
	sk_diags_free(&diags);
	free(text);
	return 0;
}
