/* saker.rules_limits: the rules engine's expansion budgets, as configured. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../util/log.h"

static const struct {
	const char *key;
	size_t off;
	uint64_t max;
} limit_keys[] = {
	{"max_list_items", offsetof(sk_config_rules_limits_t, max_list_items), 1ull << 32},
	{"max_condition_nodes", offsetof(sk_config_rules_limits_t, max_cond_nodes), 1ull << 32},
	{"max_condition_bytes", offsetof(sk_config_rules_limits_t, max_cond_bytes), 1ull << 32},
	{"max_yaml_depth", offsetof(sk_config_rules_limits_t, max_yaml_depth), 1u << 16},
	{"max_yaml_nodes", offsetof(sk_config_rules_limits_t, max_yaml_nodes), 1ull << 32},
};

int sk_config_rules_limits(const json_t *root, sk_config_rules_limits_t *out, char *err,
	size_t errlen)
{
	memset(out, 0, sizeof(*out));
	const json_t *m = sk_config_get(root, "saker.rules_limits");
	if (!m || json_is_null(m))
		return 0;
	if (!json_is_object(m)) {
		snprintf(err, errlen, "invalid value for 'saker.rules_limits': expected a map");
		return -EINVAL;
	}
	size_t n = sizeof(limit_keys) / sizeof(limit_keys[0]);
	for (size_t i = 0; i < n; i++) {
		char path[96];
		snprintf(path, sizeof(path), "saker.rules_limits.%s", limit_keys[i].key);
		int rc = sk_config_u64(root, path, 0, limit_keys[i].max,
			(uint64_t *)((char *)out + limit_keys[i].off), err, errlen);
		if (rc)
			return rc;
	}
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)m, k, v) {
		bool known = false;
		for (size_t i = 0; i < n; i++)
			known = known || strcmp(limit_keys[i].key, k) == 0;
		if (!known)
			sk_log(SK_LOG_WARNING, "config",
				"unknown configuration key 'saker.rules_limits.%s' ignored", k);
	}
	return 0;
}
