/* sk_event_schema.c - lookups and parameter walkers over the event table. */
#include "sk_event_schema.h"

#include <errno.h>
#include <string.h>

extern const sk_evt_info_t sk__evt_table[SK_EVT_CODE_MAX];

const sk_evt_info_t *sk_evt_info(uint16_t code)
{
	if (code >= SK_EVT_CODE_MAX)
		return NULL;
	return &sk__evt_table[code];
}

size_t sk_evt_codes_by_name(const char *name, uint16_t *out, size_t cap)
{
	size_t n = 0;

	if (!name)
		return 0;
	for (uint16_t c = 0; c < SK_EVT_CODE_MAX; c++) {
		const sk_evt_info_t *e = &sk__evt_table[c];
		if ((e->flags & SK_EF_UNUSED) || strcmp(e->name, name) != 0)
			continue;
		if (out && n < cap)
			out[n] = c;
		n++;
	}
	return n;
}

bool sk_evt_is_exit(uint16_t code)
{
	return (code & 1u) != 0;
}

char sk_evt_dir_char(uint16_t code)
{
	return sk_evt_is_exit(code) ? '<' : '>';
}

size_t sk_evt_lensize(uint16_t code)
{
	const sk_evt_info_t *e = sk_evt_info(code);
	return (e && (e->flags & SK_EF_LARGE_PAYLOAD)) ? 4 : 2;
}

int sk_evt_param_index(uint16_t code, const char *name)
{
	const sk_evt_info_t *e = sk_evt_info(code);

	if (!e || !name)
		return -1;
	for (uint32_t i = 0; i < e->nparams; i++)
		if (strcmp(e->params[i].name, name) == 0)
			return (int)i;
	return -1;
}

static const char *const type_names[PT_MAX] = {
	"PT_NONE", "PT_INT8", "PT_INT16", "PT_INT32", "PT_INT64", "PT_UINT8", "PT_UINT16",
	"PT_UINT32", "PT_UINT64", "PT_CHARBUF", "PT_BYTEBUF", "PT_ERRNO", "PT_SOCKADDR",
	"PT_SOCKTUPLE", "PT_FD", "PT_PID", "PT_FDLIST", "PT_FSPATH", "PT_SYSCALLID",
	"PT_SIGTYPE", "PT_RELTIME", "PT_ABSTIME", "PT_PORT", "PT_L4PROTO", "PT_SOCKFAMILY",
	"PT_BOOL", "PT_IPV4ADDR", "PT_DYN", "PT_FLAGS8", "PT_FLAGS16", "PT_FLAGS32", "PT_UID",
	"PT_GID", "PT_DOUBLE", "PT_SIGSET", "PT_CHARBUFARRAY", "PT_CHARBUF_PAIR_ARRAY",
	"PT_IPV4NET", "PT_IPV6ADDR", "PT_IPV6NET", "PT_IPADDR", "PT_IPNET", "PT_MODE",
	"PT_FSRELPATH", "PT_ENUMFLAGS8", "PT_ENUMFLAGS16", "PT_ENUMFLAGS32",
};

const char *sk_param_type_name(uint8_t type)
{
	return type < PT_MAX ? type_names[type] : "PT_?";
}

static uint32_t read_len(const uint8_t *p, size_t lensize)
{
	if (lensize == 4) {
		uint32_t v;
		memcpy(&v, p, 4);
		return v;
	}
	uint16_t v;
	memcpy(&v, p, 2);
	return v;
}

int sk_evt_params(const ss_plugin_event *evt, sk_evt_param_t *out, uint32_t cap)
{
	const uint8_t *base = (const uint8_t *)evt;
	uint32_t len, nparams;
	uint16_t type;

	/* The header is packed; read its fields by copy, never through pointers. */
	memcpy(&len, base + 16, 4);
	memcpy(&type, base + 20, 2);
	memcpy(&nparams, base + 22, 4);
	if (len < SK_EVT_HEADER_LEN || nparams > 0xffff)
		return -EINVAL;
	size_t lensize = sk_evt_lensize(type);
	size_t off = SK_EVT_HEADER_LEN + lensize * (size_t)nparams;
	if (off > len)
		return -EINVAL;
	const uint8_t *lens = base + SK_EVT_HEADER_LEN;
	for (uint32_t i = 0; i < nparams; i++) {
		uint32_t pl = read_len(lens + lensize * i, lensize);
		if (pl > len - off)
			return -EINVAL;
		if (out && i < cap) {
			out[i].data = base + off;
			out[i].len = pl;
		}
		off += pl;
	}
	return (int)nparams;
}

int sk_evt_param(const ss_plugin_event *evt, uint32_t idx, sk_evt_param_t *out)
{
	sk_evt_param_t tmp[SK_EVT_MAX_PARAMS];
	int n = sk_evt_params(evt, tmp, SK_EVT_MAX_PARAMS);

	if (n < 0)
		return n;
	if (idx >= (uint32_t)n || idx >= SK_EVT_MAX_PARAMS)
		return -ENOENT;
	*out = tmp[idx];
	return 0;
}

int sk_evt_build(void *buf, size_t cap, uint64_t ts, uint64_t tid, uint16_t code,
	uint32_t nparams, const sk_evt_param_t *params)
{
	size_t lensize = sk_evt_lensize(code);
	size_t total = SK_EVT_HEADER_LEN + lensize * (size_t)nparams;
	uint8_t *p = buf;

	for (uint32_t i = 0; i < nparams; i++) {
		if (lensize == 2 && params[i].len > 0xffff)
			return -EINVAL;
		total += params[i].len;
	}
	if (total > cap || total > UINT32_MAX)
		return -ENOSPC;
	uint32_t len32 = (uint32_t)total;
	memcpy(p, &ts, 8);
	memcpy(p + 8, &tid, 8);
	memcpy(p + 16, &len32, 4);
	memcpy(p + 20, &code, 2);
	memcpy(p + 22, &nparams, 4);
	size_t off = SK_EVT_HEADER_LEN;
	for (uint32_t i = 0; i < nparams; i++) {
		if (lensize == 4) {
			memcpy(p + off, &params[i].len, 4);
		} else {
			uint16_t l = (uint16_t)params[i].len;
			memcpy(p + off, &l, 2);
		}
		off += lensize;
	}
	for (uint32_t i = 0; i < nparams; i++) {
		if (params[i].len)
			memcpy(p + off, params[i].data, params[i].len);
		off += params[i].len;
	}
	return (int)total;
}
