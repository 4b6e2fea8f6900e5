/*
 * A source + extractor plugin written only from the Falco plugin API 3.x
 * facts: it includes no saker header and declares the few ABI types it
 * needs itself, so loading it proves binary compatibility.
 *
 * Build-time variants (compile definitions) produce the broken plugins the
 * loader must refuse:
 *   ABI_REQ_VERSION="x.y.z"  the API version the plugin requires
 *   ABI_NO_CONTACT           plugin_get_contact is missing
 *   ABI_PARTIAL_SOURCING     plugin_next_batch is missing
 *   ABI_ID_WITHOUT_SOURCE    an id but an empty event source
 *   ABI_NAME="..."           plugin name (default "abitest")
 *   ABI_CAPTURE_CLOSE_ONLY   plugin_capture_close without plugin_capture_open
 *                            (libsinsp: no capture-listening capability, not
 *                            a broken plugin)
 *
 * open params: "<count>" or "<count>@<rate>" (events per second; the
 * plugin answers TIMEOUT while ahead of schedule). Default 10. Event n
 * carries the payload "n=<n>;msg=<hello|secret>;tags=a,b".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef ABI_REQ_VERSION
#define ABI_REQ_VERSION "3.11.0"
#endif
#ifndef ABI_NAME
#define ABI_NAME "abitest"
#endif

typedef int32_t rc_t; /* ss_plugin_rc: a 4-byte enum */
enum { RC_SUCCESS = 0, RC_FAILURE = 1, RC_TIMEOUT = -1, RC_EOF = 2 };

#pragma pack(push, 1)
struct evt_hdr {
	uint64_t ts;
	uint64_t tid;
	uint32_t len;
	uint16_t type;
	uint32_t nparams;
};
#pragma pack(pop)

/* A plugin event (322): the header, two 4-byte lengths, the plugin id, the
 * payload. */
enum {
	EVT_HDR_LEN = sizeof(struct evt_hdr),
	EVT_LEN0_OFF = EVT_HDR_LEN,
	EVT_LEN1_OFF = EVT_HDR_LEN + 4,
	EVT_ID_OFF = EVT_HDR_LEN + 8,
	EVT_PAYLOAD_OFF = EVT_HDR_LEN + 12,
};

struct evt_input {
	const struct evt_hdr *evt;
	uint64_t evtnum;
	const char *evtsrc;
};

struct init_input {
	const char *config;
	void *owner;
	const char *(*get_owner_last_error)(void *o);
	const void *tables;
	void (*log_fn)(void *o, const char *component, const char *msg, int sev);
};

struct extract_field {
	union {
		const char **str;
		uint64_t *u64;
	} res;
	uint64_t res_len;
	uint32_t field_id;
	const char *field;
	const char *arg_key;
	uint64_t arg_index;
	uint32_t arg_present;
	uint32_t ftype;
	uint32_t flist;
};

struct extract_input {
	void *owner;
	const char *(*get_owner_last_error)(void *o);
	uint32_t num_fields;
	struct extract_field *fields;
	/* the rest (table readers, value offsets) is not used here */
};

_Static_assert(sizeof(struct evt_hdr) == 26, "header");
_Static_assert(sizeof(struct extract_field) == 64, "extract field");

#define PLUGIN_ID 999
#define MAX_BATCH 64
#define PAYLOAD_MAX 96

struct state {
	char lasterr[256];
	int verbose;
	/* extraction results live until the next extract call */
	uint64_t u64;
	const char *strs[5];
	char strbuf[5][64];
};

struct instance {
	uint64_t total, next;
	uint64_t rate, start_ns;
	struct evt_hdr *evts[MAX_BATCH];
	unsigned char buf[MAX_BATCH][EVT_PAYLOAD_OFF + PAYLOAD_MAX];
};

const char *plugin_get_required_api_version(void) { return ABI_REQ_VERSION; }
const char *plugin_get_version(void) { return "1.2.3"; }
const char *plugin_get_name(void) { return ABI_NAME; }
const char *plugin_get_description(void) { return "ABI-only test plugin"; }
#ifndef ABI_NO_CONTACT
const char *plugin_get_contact(void) { return "saker tests"; }
#endif

void *plugin_init(const struct init_input *in, rc_t *rc)
{
	struct state *s = calloc(1, sizeof(*s));
	if (!s) {
		*rc = RC_FAILURE;
		return NULL;
	}
	if (in->config && strstr(in->config, "\"fail\"")) {
		snprintf(s->lasterr, sizeof(s->lasterr), "init config asks to fail");
		*rc = RC_FAILURE;
		return s;
	}
	/* Upstream SDKs dereference log_fn; the host must never hand NULL. */
	if (in->log_fn)
		in->log_fn(in->owner, NULL, "abitest initialised", 6);
	*rc = RC_SUCCESS;
	return s;
}

void plugin_destroy(void *s) { free(s); }

const char *plugin_get_last_error(void *s) { return ((struct state *)s)->lasterr; }

#ifdef ABI_ID_WITHOUT_SOURCE
uint32_t plugin_get_id(void) { return PLUGIN_ID; }
const char *plugin_get_event_source(void) { return ""; }
#else
uint32_t plugin_get_id(void) { return PLUGIN_ID; }
const char *plugin_get_event_source(void) { return "abitest"; }
#endif

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void *plugin_open(void *s, const char *params, rc_t *rc)
{
	(void)s;
	struct instance *h = calloc(1, sizeof(*h));
	if (!h) {
		*rc = RC_FAILURE;
		return NULL;
	}
	h->total = 10;
	if (params && *params) {
		char *end;
		h->total = strtoull(params, &end, 10);
		if (*end == '@')
			h->rate = strtoull(end + 1, NULL, 10);
	}
	h->start_ns = now_ns();
	for (int i = 0; i < MAX_BATCH; i++)
		h->evts[i] = (struct evt_hdr *)h->buf[i];
	*rc = RC_SUCCESS;
	return h;
}

void plugin_close(void *s, void *h)
{
	(void)s;
	free(h);
}

#ifndef ABI_PARTIAL_SOURCING
rc_t plugin_next_batch(void *s, void *hv, uint32_t *nevts, struct evt_hdr ***evts)
{
	(void)s;
	struct instance *h = hv;
	uint32_t n = 0;
	uint64_t limit = h->total;
	if (h->rate) {
		uint64_t due = (now_ns() - h->start_ns) * h->rate / 1000000000ull + 1;
		if (due < limit)
			limit = due;
		if (h->next >= limit && h->next < h->total) {
			struct timespec ts = { 0, 5 * 1000 * 1000 };
			nanosleep(&ts, NULL);
			*nevts = 0;
			*evts = h->evts;
			return RC_TIMEOUT;
		}
	}
	while (n < MAX_BATCH && h->next < limit) {
		unsigned char *b = h->buf[n];
		char payload[PAYLOAD_MAX];
		int plen = snprintf(payload, sizeof(payload), "n=%llu;msg=%s;tags=a,b",
			(unsigned long long)h->next, (h->next % 2) ? "secret" : "hello");
		struct evt_hdr hdr = {
			.ts = UINT64_MAX, /* let the host stamp it */
			.tid = UINT64_MAX,
			.len = (uint32_t)(EVT_PAYLOAD_OFF + plen),
			.type = 322,
			.nparams = 2,
		};
		uint32_t l0 = 4, l1 = (uint32_t)plen, id = 0; /* id 0: the host fills it */
		memcpy(b, &hdr, EVT_HDR_LEN);
		memcpy(b + EVT_LEN0_OFF, &l0, 4);
		memcpy(b + EVT_LEN1_OFF, &l1, 4);
		memcpy(b + EVT_ID_OFF, &id, 4);
		memcpy(b + EVT_PAYLOAD_OFF, payload, (size_t)plen);
		n++;
		h->next++;
	}
	*nevts = n;
	*evts = h->evts;
	if (n == 0)
		return RC_EOF;
	return RC_SUCCESS;
}
#endif

const char *plugin_get_fields(void)
{
	return "["
	       "{\"type\":\"uint64\",\"name\":\"abitest.n\",\"desc\":\"the event counter\"},"
	       "{\"type\":\"string\",\"name\":\"abitest.msg\",\"desc\":\"the message\","
	       "\"display\":\"Message\",\"addOutput\":true},"
	       "{\"type\":\"string\",\"name\":\"abitest.tags\",\"desc\":\"the tags\",\"isList\":true},"
	       "{\"type\":\"string\",\"name\":\"abitest.kv\",\"desc\":\"a value by key\","
	       "\"arg\":{\"isRequired\":true,\"isKey\":true}},"
	       "{\"type\":\"string\",\"name\":\"abitest.idx\",\"desc\":\"what the host passed as argument\","
	       "\"arg\":{\"isIndex\":true}}"
	       "]";
}

/* Payload "n=..;msg=..;tags=.." -> value of key, copied into out. */
static int payload_get(const struct evt_hdr *e, const char *key, char *out, size_t outlen)
{
	const unsigned char *p = (const unsigned char *)e;
	uint32_t plen;
	memcpy(&plen, p + EVT_LEN1_OFF, 4);
	const char *data = (const char *)(p + EVT_PAYLOAD_OFF);
	size_t klen = strlen(key);
	size_t i = 0;
	while (i < plen) {
		size_t j = i;
		while (j < plen && data[j] != ';')
			j++;
		if (j - i > klen && memcmp(data + i, key, klen) == 0 && data[i + klen] == '=') {
			size_t vlen = j - i - klen - 1;
			if (vlen >= outlen)
				vlen = outlen - 1;
			memcpy(out, data + i + klen + 1, vlen);
			out[vlen] = '\0';
			return 0;
		}
		i = j + 1;
	}
	return -1;
}

rc_t plugin_extract_fields(void *sv, const struct evt_input *ev, const struct extract_input *in)
{
	struct state *s = sv;
	for (uint32_t i = 0; i < in->num_fields; i++) {
		struct extract_field *f = &in->fields[i];
		f->res_len = 0;
		if (ev->evt->type != 322)
			continue;
		switch (f->field_id) {
		case 0:
			if (payload_get(ev->evt, "n", s->strbuf[0], sizeof(s->strbuf[0])) == 0) {
				s->u64 = strtoull(s->strbuf[0], NULL, 10);
				f->res.u64 = &s->u64;
				f->res_len = 1;
			}
			break;
		case 1:
			if (payload_get(ev->evt, "msg", s->strbuf[1], sizeof(s->strbuf[1])) == 0) {
				s->strs[0] = s->strbuf[1];
				f->res.str = &s->strs[0];
				f->res_len = 1;
			}
			break;
		case 2:
			if (payload_get(ev->evt, "tags", s->strbuf[2], sizeof(s->strbuf[2])) == 0) {
				char *comma = strchr(s->strbuf[2], ',');
				s->strs[1] = s->strbuf[2];
				f->res_len = 1;
				if (comma) {
					*comma = '\0';
					s->strs[2] = comma + 1;
					f->res_len = 2;
				}
				f->res.str = &s->strs[1];
			}
			break;
		case 3:
			if (f->arg_key && payload_get(ev->evt, f->arg_key, s->strbuf[3],
					      sizeof(s->strbuf[3])) == 0) {
				s->strs[3] = s->strbuf[3];
				f->res.str = &s->strs[3];
				f->res_len = 1;
			}
			break;
		case 4:
			/* The host's argument fields for an index-only field: arg_key is
			 * NULL, arg_index UINT64_MAX without an index. */
			snprintf(s->strbuf[4], sizeof(s->strbuf[4]), "key=%s index=%llu present=%u",
				f->arg_key ? f->arg_key : "NULL", (unsigned long long)f->arg_index,
				(unsigned)f->arg_present);
			s->strs[4] = s->strbuf[4];
			f->res.str = &s->strs[4];
			f->res_len = 1;
			break;
		default:
			snprintf(s->lasterr, sizeof(s->lasterr), "unknown field id %u", f->field_id);
			return RC_FAILURE;
		}
	}
	return RC_SUCCESS;
}

#ifdef ABI_CAPTURE_CLOSE_ONLY
/* Never called: without plugin_capture_open there is no capability. */
int32_t plugin_capture_close(void *s, const void *in)
{
	(void)s, (void)in;
	abort();
}
#endif
