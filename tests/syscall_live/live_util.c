#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "live_util.h"

void lu_require_bpf(const char *test)
{
	char err[256] = "";

	if (geteuid() != 0) {
		fprintf(stderr, "!!!!! SKIP %s: not root; live eBPF tests need root (CI runs them as root)\n",
			test);
		exit(SKIP_RC);
	}
	if (sk_live_probe(err, sizeof(err)) != 0) {
		fprintf(stderr, "!!!!! SKIP %s: BPF unavailable: %s\n", test, err);
		exit(SKIP_RC);
	}
}

int lu_param(const ss_plugin_event *ev, uint32_t i, const uint8_t **p, uint16_t *len)
{
	const uint8_t *base = (const uint8_t *)ev;
	const uint8_t *lens = base + sizeof(ss_plugin_event);
	const uint8_t *data = lens + 2 * ev->nparams;
	uint32_t k, off = 0;
	uint16_t l;

	if (i >= ev->nparams)
		return -1;
	for (k = 0; k < i; k++) {
		memcpy(&l, lens + 2 * k, 2);
		off += l;
	}
	memcpy(&l, lens + 2 * i, 2);
	if ((size_t)(data - base) + off + l > ev->len)
		return -1;
	*p = data + off;
	*len = l;
	return 0;
}

int64_t lu_s64(const ss_plugin_event *ev, uint32_t i)
{
	const uint8_t *p;
	uint16_t l;
	int64_t v = 0;

	if (lu_param(ev, i, &p, &l) == 0 && l == 8)
		memcpy(&v, p, 8);
	return v;
}

uint32_t lu_u32(const ss_plugin_event *ev, uint32_t i)
{
	const uint8_t *p;
	uint16_t l;
	uint32_t v = 0;

	if (lu_param(ev, i, &p, &l) == 0 && l == 4)
		memcpy(&v, p, 4);
	return v;
}

const char *lu_str(const ss_plugin_event *ev, uint32_t i)
{
	const uint8_t *p;
	uint16_t l;

	if (lu_param(ev, i, &p, &l) == 0 && l > 0 && p[l - 1] == 0)
		return (const char *)p;
	return "";
}
