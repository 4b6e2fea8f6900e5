/*
 * benchsrc: a source plugin that emits pre-built type-322 events as fast as
 * the host asks for them, to measure the host's cost per event.
 * open params: the number of events (default 10,000,000).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_api.h"
#include "sk_event_schema.h"

#define BATCH 512
#define PAYLOAD "{\"bench\":true,\"user\":\"alice\",\"verb\":\"get\"}"

typedef struct bench_inst {
	uint64_t left;
	ss_plugin_event *evts[BATCH];
	unsigned char *mem;
} bench_inst_t;

static char g_err[64];

const char *plugin_get_required_api_version(void) { return "3.11.0"; }
const char *plugin_get_version(void) { return "0.1.0"; }
const char *plugin_get_name(void) { return "benchsrc"; }
const char *plugin_get_description(void) { return "emits pre-built events for benchmarks"; }
const char *plugin_get_contact(void) { return "saker bench"; }
uint32_t plugin_get_id(void) { return 990; }
const char *plugin_get_event_source(void) { return "bench"; }
const char *plugin_get_last_error(ss_plugin_t *s) { (void)s; return g_err; }

ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	(void)in;
	*rc = SS_PLUGIN_SUCCESS;
	return (ss_plugin_t *)g_err; /* no state needed; any non-NULL handle */
}

void plugin_destroy(ss_plugin_t *s) { (void)s; }

ss_instance_t *plugin_open(ss_plugin_t *s, const char *params, ss_plugin_rc *rc)
{
	(void)s;
	bench_inst_t *h = calloc(1, sizeof(*h));
	size_t plen = sizeof(PAYLOAD) - 1, elen = SK_EVT_PLUGIN_HDR_LEN + plen;
	if (!h || !(h->mem = calloc(BATCH, elen))) {
		free(h);
		*rc = SS_PLUGIN_FAILURE;
		return NULL;
	}
	h->left = (params && *params) ? strtoull(params, NULL, 10) : 10000000ull;
	for (int i = 0; i < BATCH; i++) {
		unsigned char *b = h->mem + (size_t)i * elen;
		sk_evt_plugin_header(b, 1700000000000000000ull + (uint64_t)i, 990, (uint32_t)plen);
		memcpy(b + SK_EVT_PLUGIN_HDR_LEN, PAYLOAD, plen);
		h->evts[i] = (ss_plugin_event *)b;
	}
	*rc = SS_PLUGIN_SUCCESS;
	return h;
}

void plugin_close(ss_plugin_t *s, ss_instance_t *hv)
{
	(void)s;
	bench_inst_t *h = hv;
	if (h)
		free(h->mem);
	free(h);
}

ss_plugin_rc plugin_next_batch(ss_plugin_t *s, ss_instance_t *hv, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	(void)s;
	bench_inst_t *h = hv;
	if (h->left == 0) {
		*nevts = 0;
		return SS_PLUGIN_EOF;
	}
	uint32_t n = h->left < BATCH ? (uint32_t)h->left : BATCH;
	h->left -= n;
	*nevts = n;
	*evts = h->evts;
	return SS_PLUGIN_SUCCESS;
}
