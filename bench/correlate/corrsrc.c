/*
 * corrsrc: the correlation benchmark's source. Emits pre-built type-322
 * events, one event time per microsecond, cycling through CYCLE payloads
 * of which 1 in 100 has a kind a correlation step matches (k00..k19, in
 * turn) and the rest kind "noise"; users spread over 5000 names. Fields
 * cb.kind, cb.user, cb.ip (fixed
 * width payload, trailing blanks trimmed).
 * open params: the number of events (default 10,000,000).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_api.h"
#include "sk_event_schema.h"

#define BATCH 512
#define CYCLE 20000
#define PLEN 32 /* kind[8] user[8] ip[16] */

typedef struct inst {
	uint64_t left, next, ts;
	unsigned char *mem;
	ss_plugin_event *evts[BATCH];
} inst_t;

typedef struct state {
	char err[64];
	char val[3][17];
	const char *ptr[3];
} state_t;

const char *plugin_get_required_api_version(void) { return "3.11.0"; }
const char *plugin_get_version(void) { return "0.1.0"; }
const char *plugin_get_name(void) { return "corrsrc"; }
const char *plugin_get_description(void) { return "correlation benchmark source"; }
const char *plugin_get_contact(void) { return "saker bench"; }
uint32_t plugin_get_id(void) { return 991; }
const char *plugin_get_event_source(void) { return "corrbench"; }
const char *plugin_get_fields(void)
{
	return "[{\"name\":\"cb.kind\",\"type\":\"string\",\"desc\":\"event kind\"},"
	       "{\"name\":\"cb.user\",\"type\":\"string\",\"desc\":\"user\"},"
	       "{\"name\":\"cb.ip\",\"type\":\"string\",\"desc\":\"address\"}]";
}
const char *plugin_get_last_error(ss_plugin_t *s) { return ((state_t *)s)->err; }

ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	(void)in;
	state_t *s = calloc(1, sizeof(*s));
	*rc = s ? SS_PLUGIN_SUCCESS : SS_PLUGIN_FAILURE;
	return s;
}

void plugin_destroy(ss_plugin_t *s) { free(s); }

ss_instance_t *plugin_open(ss_plugin_t *s, const char *params, ss_plugin_rc *rc)
{
	(void)s;
	size_t elen = SK_EVT_PLUGIN_HDR_LEN + PLEN;
	inst_t *h = calloc(1, sizeof(*h));
	if (!h || !(h->mem = calloc(CYCLE, elen))) {
		free(h);
		*rc = SS_PLUGIN_FAILURE;
		return NULL;
	}
	h->left = params && *params ? strtoull(params, NULL, 10) : 10000000ull;
	h->ts = 1700000000000000000ull;
	for (uint32_t i = 0; i < CYCLE; i++) {
		unsigned char *b = h->mem + (size_t)i * elen;
		sk_evt_plugin_header(b, 0, 991, PLEN);
		char p[PLEN + 1], kind[9];
		if (i % 100 == 0)
			snprintf(kind, sizeof(kind), "k%02u", (i / 100) % 20);
		else
			snprintf(kind, sizeof(kind), "noise");
		snprintf(p, sizeof(p), "%-8s%-8s%-16s", kind, "", "");
		char user[9], ip[17];
		/* keys spread over 5000 users: correlated alerts stay rare */
		snprintf(user, sizeof(user), "u%04u", (uint32_t)((i * 2654435761u) % 5000u));
		snprintf(ip, sizeof(ip), "10.0.%u.%u", (i / 250) % 250, i % 250);
		memcpy(p + 8, user, strlen(user));
		memcpy(p + 16, ip, strlen(ip));
		memcpy(b + SK_EVT_PLUGIN_HDR_LEN, p, PLEN);
	}
	*rc = SS_PLUGIN_SUCCESS;
	return h;
}

void plugin_close(ss_plugin_t *s, ss_instance_t *hv)
{
	(void)s;
	inst_t *h = hv;
	if (h)
		free(h->mem);
	free(h);
}

ss_plugin_rc plugin_next_batch(ss_plugin_t *s, ss_instance_t *hv, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	(void)s;
	inst_t *h = hv;
	size_t elen = SK_EVT_PLUGIN_HDR_LEN + PLEN;
	uint32_t n = 0;
	while (n < BATCH && h->left) {
		ss_plugin_event *e = (ss_plugin_event *)(h->mem + (size_t)h->next * elen);
		e->ts = h->ts;
		h->ts += 1000;
		h->evts[n++] = e;
		h->left--;
		h->next = (h->next + 1) % CYCLE;
	}
	*nevts = n;
	*evts = h->evts;
	return n ? SS_PLUGIN_SUCCESS : SS_PLUGIN_EOF;
}

ss_plugin_rc plugin_extract_fields(ss_plugin_t *sv, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	state_t *s = sv;
	const char *p = (const char *)sk_evt_plugin_payload(ev->evt);
	static const int off[3] = { 0, 8, 16 }, len[3] = { 8, 8, 16 };
	for (uint32_t i = 0; i < in->num_fields; i++) {
		ss_plugin_extract_field *f = &in->fields[i];
		uint32_t id = f->field_id;
		f->res_len = 0;
		if (id > 2 || ev->evt->len < SK_EVT_PLUGIN_HDR_LEN + PLEN)
			continue;
		int l = len[id];
		while (l && p[off[id] + l - 1] == ' ')
			l--;
		memcpy(s->val[id], p + off[id], (size_t)l);
		s->val[id][l] = '\0';
		s->ptr[id] = s->val[id];
		f->res.str = &s->ptr[id];
		f->res_len = 1;
	}
	return SS_PLUGIN_SUCCESS;
}
