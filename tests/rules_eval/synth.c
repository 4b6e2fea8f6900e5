#include "synth.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sk_event_schema.h"

#define BYTEBUF 10
#define MAXF SYNTH_MAXF

typedef struct ftype_row {
	const char *name;
	uint32_t ftype, flags;
} ftype_row_t;

/* Non-string fields and argument-taking fields (everything else in the
 * known classes is a plain string). */
static const ftype_row_t typed[] = {
	{"evt.num", FTYPE_UINT64, 0}, {"evt.time", FTYPE_ABSTIME, 0},
	{"evt.rawres", SK_FTYPE_INT64, 0}, {"evt.buffer", BYTEBUF, 0},
	{"evt.is_open_read", FTYPE_BOOL, 0}, {"evt.is_open_write", FTYPE_BOOL, 0},
	{"evt.is_open_exec", FTYPE_BOOL, 0},
	{"evt.arg", FTYPE_STRING, SK_FIELD_ARG_KEY | SK_FIELD_ARG_INDEX | SK_FIELD_ARG_REQUIRED},
	{"evt.rawarg", FTYPE_STRING, SK_FIELD_ARG_KEY | SK_FIELD_ARG_INDEX | SK_FIELD_ARG_REQUIRED},
	{"proc.pid", FTYPE_UINT64, 0}, {"proc.ppid", FTYPE_UINT64, 0}, {"proc.vpid", FTYPE_UINT64, 0},
	{"proc.duration", FTYPE_RELTIME, 0}, {"proc.tty", FTYPE_UINT64, 0},
	{"proc.is_exe_from_memfd", FTYPE_BOOL, 0}, {"proc.is_exe_upper_layer", FTYPE_BOOL, 0},
	{"proc.is_vpgid_leader", FTYPE_BOOL, 0}, {"proc.exe_ino.ctime", FTYPE_ABSTIME, 0},
	{"proc.exe_ino.mtime", FTYPE_ABSTIME, 0},
	{"proc.exe_ino.ctime_duration_proc_start", FTYPE_RELTIME, 0},
	{"proc.aname", FTYPE_STRING, SK_FIELD_ARG_INDEX}, {"proc.aexe", FTYPE_STRING, SK_FIELD_ARG_INDEX},
	{"proc.aexepath", FTYPE_STRING, SK_FIELD_ARG_INDEX},
	{"proc.acmdline", FTYPE_STRING, SK_FIELD_ARG_INDEX},
	{"proc.apid", FTYPE_UINT64, SK_FIELD_ARG_INDEX}, {"proc.env", FTYPE_STRING, SK_FIELD_ARG_KEY},
	{"user.uid", FTYPE_UINT64, 0}, {"user.loginuid", SK_FTYPE_INT64, 0},
	{"group.gid", FTYPE_UINT64, 0}, {"fd.num", SK_FTYPE_INT64, 0},
	{"fd.sport", FTYPE_UINT64, 0}, {"fd.dport", FTYPE_UINT64, 0}, {"fd.lport", FTYPE_UINT64, 0},
	{"fd.rport", FTYPE_UINT64, 0}, {"fd.port", FTYPE_UINT64, 0},
	{"fd.connected", FTYPE_BOOL, 0}, {"fd.name_changed", FTYPE_BOOL, 0},
	{"fd.ip", FTYPE_IPADDR, 0}, {"fd.sip", FTYPE_IPADDR, 0}, {"fd.cip", FTYPE_IPADDR, 0},
	{"fd.rip", FTYPE_IPADDR, 0}, {"fd.lip", FTYPE_IPADDR, 0},
	{"fd.net", FTYPE_IPNET, 0}, {"fd.snet", FTYPE_IPNET, 0}, {"fd.cnet", FTYPE_IPNET, 0},
	{"fd.rnet", FTYPE_IPNET, 0}, {"fd.lnet", FTYPE_IPNET, 0},
	{"container.privileged", FTYPE_BOOL, 0}, {"container.start_ts", FTYPE_ABSTIME, 0},
	{"container.mount.dest", FTYPE_STRING, SK_FIELD_ARG_KEY | SK_FIELD_ARG_REQUIRED},
	{"thread.cgroup", FTYPE_STRING, SK_FIELD_ARG_KEY},
};
static const char *classes[] = {"evt.", "proc.", "thread.", "fd.", "user.", "group.",
				"container.", "k8s."};

static sk_field_info_t cat[MAXF];
static char *catnames[MAXF];
static size_t ncat;

static int find_field(void *ctx, const char *source, const char *name,
	const sk_field_info_t **out)
{
	(void)ctx;
	if (strcmp(source, "syscall"))
		return -ENOENT;
	for (size_t i = 0; i < ncat; i++)
		if (!strcmp(cat[i].name, name)) {
			*out = &cat[i];
			return 0;
		}
	const ftype_row_t *row = NULL;
	for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++)
		if (!strcmp(typed[i].name, name))
			row = &typed[i];
	bool ok = row != NULL;
	for (size_t i = 0; !ok && i < sizeof(classes) / sizeof(classes[0]); i++)
		ok = !strncmp(name, classes[i], strlen(classes[i]));
	/* dotted names like evt.arg.flags resolve through evt.arg's key */
	if (!ok || ncat == MAXF || (!row && (!strncmp(name, "evt.arg.", 8) ||
					     !strncmp(name, "evt.rawarg.", 11))))
		return -ENOENT;
	catnames[ncat] = strdup(name);
	cat[ncat] = (sk_field_info_t){catnames[ncat], "", row ? row->ftype : FTYPE_STRING,
				      row ? row->flags : 0, 0, (uint32_t)ncat};
	*out = &cat[ncat++];
	return 0;
}

static bool source_known(void *ctx, const char *s)
{
	(void)ctx;
	return !strcmp(s, "syscall");
}

static const char *plugin_version(void *ctx, const char *n)
{
	(void)ctx;
	(void)n;
	return "0.4.0";
}

const sk_rules_host_t synth_host = {NULL, find_field, source_known, plugin_version, NULL};

/* ---- synthetic events ------------------------------------------------------ */

uint64_t synth_extractions;

int synth_set(synth_event_t *e, const char *name, const char *v)
{
	const sk_field_info_t *fi;
	if (find_field(NULL, "syscall", name, &fi))
		return -1;
	e->str[fi->field_id] = v;
	return 0;
}

static int extract(void *ctx, uint32_t extractor, const ss_plugin_event_input *in,
	ss_plugin_extract_field *f)
{
	static const char *sv[1];
	static uint64_t uv[1];
	static uint32_t bv[1];
	static uint8_t ip[4] = {10, 0, 0, 1};
	static ss_plugin_byte_buffer bb[1];
	(void)ctx;
	(void)extractor;
	synth_extractions++;
	const synth_event_t *e = (const synth_event_t *)in->evt;
	const char *s = f->field_id < MAXF ? e->str[f->field_id] : NULL;
	f->res_len = 1;
	switch (f->ftype) {
	case FTYPE_STRING:
		sv[0] = s ? s : "x";
		f->res.str = sv;
		break;
	case FTYPE_BOOL:
		bv[0] = s && !strcmp(s, "true");
		f->res.boolean = bv;
		break;
	case FTYPE_IPADDR:
	case FTYPE_IPNET:
		bb[0].ptr = ip;
		bb[0].len = 4;
		f->res.buf = bb;
		break;
	case BYTEBUF:
		bb[0].ptr = s ? s : "";
		bb[0].len = s ? (uint32_t)strlen(s) : 0;
		f->res.buf = bb;
		break;
	default:
		if (!strcmp(f->field, "evt.num"))
			uv[0] = in->evtnum + 1;
		else
			uv[0] = s ? strtoull(s, NULL, 0) : 1000;
		f->res.u64 = uv;
		break;
	}
	return 0;
}

const sk_rules_extractor_t synth_extractor = {NULL, extract};

uint16_t synth_code(const char *name)
{
	uint16_t c[16];
	size_t n = sk_evt_codes_by_name(name, c, 16);
	for (size_t i = 0; i < n && i < 16; i++)
		if (sk_evt_is_exit(c[i]))
			return c[i];
	return n ? c[0] : 0;
}

void synth_free(void)
{
	for (size_t i = 0; i < ncat; i++)
		free(catnames[i]);
	ncat = 0;
}

void synth_print_errors(const sk_diags_t *d)
{
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].level != SK_DIAG_ERROR)
			continue;
		char buf[1024];
		sk_diag_format(&d->v[i], buf, sizeof(buf));
		fprintf(stderr, "%s\n", buf);
	}
}
