#include "fake.h"

#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/sktest_host.h"

#define BYTEBUF 10

static const sk_field_info_t fields[] = {
	{"evt.type", "", FTYPE_STRING, 0, 0, 0},
	{"evt.num", "", FTYPE_UINT64, 0, 0, 1},
	{"evt.time", "", FTYPE_ABSTIME, 0, 0, 2},
	{"evt.rawres", "", SK_FTYPE_INT64, 0, 0, 3},
	{"evt.arg", "", FTYPE_STRING,
	 SK_FIELD_ARG_KEY | SK_FIELD_ARG_INDEX | SK_FIELD_ARG_REQUIRED, 0, 4},
	{"evt.buffer", "", BYTEBUF, 0, 0, 5},
	{"proc.name", "", FTYPE_STRING, 0, 1, 0},
	{"proc.pname", "", FTYPE_STRING, 0, 1, 1},
	{"proc.cmdline", "", FTYPE_STRING, 0, 1, 2},
	{"proc.pid", "", FTYPE_UINT64, 0, 1, 3},
	{"proc.duration", "", FTYPE_RELTIME, 0, 1, 4},
	{"proc.aname", "", FTYPE_STRING, SK_FIELD_ARG_INDEX, 1, 5},
	{"proc.args", "", FTYPE_STRING, 0, 1, 6},
	{"proc.env", "", FTYPE_STRING, SK_FIELD_ARG_KEY, 1, 7},
	{"proc.argv", "", FTYPE_STRING, SK_FIELD_IS_LIST, 1, 8},
	{"fd.name", "", FTYPE_STRING, 0, 1, 10},
	{"fd.ip", "", FTYPE_IPADDR, 0, 1, 11},
	{"fd.net", "", FTYPE_IPNET, 0, 1, 12},
	{"fd.sport", "", FTYPE_UINT64, 0, 1, 13},
	{"user.name", "", FTYPE_STRING, 0, 1, 14},
	{"container.privileged", "", FTYPE_BOOL, 0, 2, 0},
	{"container.mount.dest", "", FTYPE_STRING, SK_FIELD_ARG_KEY | SK_FIELD_ARG_REQUIRED, 2, 1},
	{"ka.verbs", "", FTYPE_STRING, SK_FIELD_IS_LIST, 3, 0},
	{"ka.privs", "", FTYPE_BOOL, SK_FIELD_IS_LIST, 3, 1},
	{"ka.codes", "", FTYPE_UINT64, SK_FIELD_IS_LIST, 3, 2},
	{"json.value", "", FTYPE_STRING, SK_FIELD_ARG_KEY | SK_FIELD_ARG_REQUIRED, 4, 0},
};

/* plugin sources only see evt.*, ka.* and json.* */
static bool visible(const char *source, const char *name)
{
	return strcmp(source, "syscall") == 0 || strncmp(name, "evt.", 4) == 0 ||
	       strncmp(name, "ka.", 3) == 0 || strncmp(name, "json.", 5) == 0;
}

static const sktest_source_t sources[] = {
	{ "syscall", SKTEST_FIELDS(fields) },
	{ "k8s_audit", SKTEST_FIELDS(fields) },
	{ NULL, NULL, 0 },
};

static const sktest_host_t desc = { sources, NULL, "1.0.0", visible };

const sk_rules_host_t fake_host = SKTEST_RULES_HOST(desc);

/* storage for converted results: valid until the next extraction of the
 * same event (the fake keeps a small ring) */
#define RING 64
static struct {
	const char *str[FAKE_MAXV];
	uint64_t u64[FAKE_MAXV];
	uint32_t b[FAKE_MAXV];
	ss_plugin_byte_buffer buf[FAKE_MAXV];
	uint8_t ip[FAKE_MAXV][16];
} ring[RING];
static unsigned ringpos;

static int extract(void *ctx, uint32_t extractor, const ss_plugin_event_input *in,
	ss_plugin_extract_field *f)
{
	(void)ctx;
	(void)extractor;
	fake_event_t *ev;
	memcpy(&ev, (const char *)in->evt + sizeof(ss_plugin_event), sizeof(ev));
	ev->calls++;
	char key[256];
	if (f->arg_present && f->arg_key)
		snprintf(key, sizeof(key), "%s[%s]", f->field, f->arg_key);
	else if (f->arg_present)
		snprintf(key, sizeof(key), "%s[%" PRIu64 "]", f->field, f->arg_index);
	else
		snprintf(key, sizeof(key), "%s", f->field);
	const fake_val_t *fv = NULL;
	for (const fake_val_t *p = ev->vals; p && p->key; p++)
		if (!strcmp(p->key, key))
			fv = p;
	f->res_len = 0;
	if (!fv)
		return 0;
	unsigned r = ringpos++ % RING;
	uint64_t n = 0;
	for (; n < FAKE_MAXV && fv->v[n]; n++) {
		const char *s = fv->v[n];
		switch (f->ftype) {
		case FTYPE_STRING:
			ring[r].str[n] = s;
			break;
		case FTYPE_UINT64:
		case FTYPE_RELTIME:
		case FTYPE_ABSTIME:
		case SK_FTYPE_INT64:
			ring[r].u64[n] = (uint64_t)strtoll(s, NULL, 0);
			if (f->ftype != SK_FTYPE_INT64)
				ring[r].u64[n] = strtoull(s, NULL, 0);
			break;
		case FTYPE_BOOL:
			ring[r].b[n] = !strcmp(s, "true");
			break;
		case FTYPE_IPADDR:
		case FTYPE_IPNET:
			if (inet_pton(AF_INET, s, ring[r].ip[n]) == 1) {
				ring[r].buf[n].len = 4;
			} else if (inet_pton(AF_INET6, s, ring[r].ip[n]) == 1) {
				ring[r].buf[n].len = 16;
			} else {
				return -EINVAL;
			}
			ring[r].buf[n].ptr = ring[r].ip[n];
			break;
		case BYTEBUF:
			ring[r].buf[n].ptr = s;
			ring[r].buf[n].len = (uint32_t)strlen(s);
			break;
		default:
			return -EINVAL;
		}
	}
	switch (f->ftype) {
	case FTYPE_STRING: f->res.str = ring[r].str; break;
	case FTYPE_BOOL: f->res.boolean = ring[r].b; break;
	case FTYPE_IPADDR:
	case FTYPE_IPNET:
	case BYTEBUF: f->res.buf = ring[r].buf; break;
	default: f->res.u64 = ring[r].u64; break;
	}
	f->res_len = n;
	return 0;
}

const sk_rules_extractor_t fake_extractor = {NULL, extract};

/* The event header is followed by a pointer to the fake event (the fake
 * extractor's way to find its values). */
static unsigned char evbuf[4][sizeof(ss_plugin_event) + sizeof(void *)];
static unsigned evpos;

void fake_input(fake_event_t *ev, ss_plugin_event_input *in, ss_plugin_event *hdr)
{
	(void)hdr;
	unsigned char *b = evbuf[evpos++ % 4];
	ss_plugin_event h = {1000, 1, sizeof(evbuf[0]), ev->type, 0};
	memcpy(b, &h, sizeof(h));
	memcpy(b + sizeof(h), &ev, sizeof(ev));
	ev->calls = 0;
	in->evt = (const ss_plugin_event *)b;
	in->evtnum = 1;
	in->evtsrc = "syscall";
}
