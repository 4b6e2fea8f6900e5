/* config.c - the `correlation:` section of saker.yaml. */
#include "correlate.h"

#include <stdio.h>

#include "../config/config.h"

int sk_correlator_config(const json_t *root, sk_correlator_opts_t *o, uint64_t *tick_ms,
	uint64_t *progress_ms, char *err, size_t errlen)
{
	static const struct {
		const char *key;
		uint64_t def, min, max;
	} keys[] = {
		{ "correlation.lateness_ms", 2000, 0, 3600000 },
		{ "correlation.idle_timeout_ms", 5000, 1, 3600000 },
		{ "correlation.max_keys", 1000000, 1, 1000000000 },
		{ "correlation.max_keys_per_correlation", 100000, 1, 1000000000 },
		{ "correlation.max_pending", 100000, 1, 1000000000 },
		{ "correlation.expire_interval_ms", 1000, 10, 3600000 },
		{ "correlation.progress_interval_ms", 100, 1, 60000 },
	};
	uint64_t v[sizeof(keys) / sizeof(keys[0])];
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		int rc = sk_config_u64(root, keys[i].key, keys[i].def, keys[i].max, &v[i], err, errlen);
		if (rc)
			return rc;
		if (v[i] < keys[i].min) {
			snprintf(err, errlen, "invalid value for '%s': must be at least %llu", keys[i].key,
				(unsigned long long)keys[i].min);
			return -22;
		}
	}
	/* lateness 0 is meaningful (strict order), so it is not left to the defaults */
	o->lateness_ns = v[0] * 1000000ull;
	o->idle_timeout_ms = v[1];
	o->max_keys = (size_t)v[2];
	o->max_keys_per_corr = (size_t)v[3];
	o->max_pending = (size_t)v[4];
	*tick_ms = v[5];
	*progress_ms = v[6];
	if (!o->lateness_ns)
		o->lateness_ns = 1; /* the defaults treat 0 as unset */
	return 0;
}
