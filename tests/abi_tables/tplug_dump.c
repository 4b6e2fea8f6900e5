/*
 * tplug_dump.c - a parsing plugin written against the plugin ABI only (no
 * saker header but plugin_api.h): it reads the "threads" table the way a
 * third-party plugin does and writes, for one target thread, every field of
 * the table and of its sub-tables (args, env, cgroups, file_descriptors) as
 * one JSON line per parsed event of that thread (live: once, at the first
 * event of any thread). At init it exercises dynamic fields on the table and
 * on a sub-table and the entry lifecycle, and writes the results as a
 * "selftest" line.
 *
 * init_config: "<target tid> <output path> <mode>", mode "replay" or "live".
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_api.h"

#define EXPORT __attribute__((visibility("default")))

typedef struct st {
	char err[256];
	int64_t target;
	FILE *out;
	int live, dumped;
	const ss_plugin_init_tables_input *ti;
	ss_plugin_owner_t *owner;
	const char *(*owner_err)(ss_plugin_owner_t *o);
	ss_plugin_table_t *threads;
	ss_plugin_table_reader_vtable_ext *r;
	ss_plugin_table_writer_vtable_ext *w;
	ss_plugin_table_fields_vtable_ext *fx;
	/* every field of threads and of each sub-table kind */
	const ss_plugin_table_fieldinfo *tinfo;
	uint32_t ntinfo;
	ss_plugin_table_field_t *tf[64];
	ss_plugin_table_field_t *sub_field[4]; /* args env cgroups file_descriptors */
	const ss_plugin_table_fieldinfo *sinfo[4];
	uint32_t nsinfo[4];
	ss_plugin_table_field_t *sf[4][64];
	ss_plugin_table_field_t *dyn_count, *dyn_fdtag;
	ss_plugin_table_field_t *list_n[3]; /* "tdump_n" of args, env, cgroups */
	uint64_t events;
} st_t;

static const char *sub_names[4] = {"args", "env", "cgroups", "file_descriptors"};

EXPORT const char *plugin_get_required_api_version(void) { return "3.10.0"; }
EXPORT const char *plugin_get_version(void) { return "0.1.0"; }
EXPORT const char *plugin_get_name(void) { return "tdump"; }
EXPORT const char *plugin_get_description(void) { return "dumps the threads table"; }
EXPORT const char *plugin_get_contact(void) { return "tests"; }
EXPORT const char *plugin_get_last_error(ss_plugin_t *s) { return ((st_t *)s)->err; }
EXPORT const char *plugin_get_parse_event_sources(void) { return "[\"syscall\"]"; }

static void jstr(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void jval(FILE *f, ss_plugin_state_type t, const ss_plugin_state_data *v)
{
	switch (t) {
	case SS_PLUGIN_ST_INT8: fprintf(f, "%d", v->s8); break;
	case SS_PLUGIN_ST_INT16: fprintf(f, "%d", v->s16); break;
	case SS_PLUGIN_ST_INT32: fprintf(f, "%d", v->s32); break;
	case SS_PLUGIN_ST_INT64: fprintf(f, "%lld", (long long)v->s64); break;
	case SS_PLUGIN_ST_UINT8: fprintf(f, "%u", v->u8); break;
	case SS_PLUGIN_ST_UINT16: fprintf(f, "%u", v->u16); break;
	case SS_PLUGIN_ST_UINT32: fprintf(f, "%u", v->u32); break;
	case SS_PLUGIN_ST_UINT64: fprintf(f, "%llu", (unsigned long long)v->u64); break;
	case SS_PLUGIN_ST_BOOL: fputs(v->b ? "true" : "false", f); break;
	case SS_PLUGIN_ST_STRING: jstr(f, v->str); break;
	default: fputs("null", f); break;
	}
}

typedef struct sub_walk {
	st_t *s;
	ss_plugin_table_t *sub;
	int kind;
	int n;
} sub_walk_t;

static ss_plugin_bool sub_entry(ss_plugin_table_iterator_state_t *it, ss_plugin_table_entry_t *e)
{
	sub_walk_t *w = (sub_walk_t *)it;
	st_t *s = w->s;
	FILE *f = s->out;
	fputs(w->n++ ? "," : "", f);
	fputc('{', f);
	for (uint32_t i = 0; i < s->nsinfo[w->kind]; i++) {
		ss_plugin_state_data v;
		memset(&v, 0, sizeof(v));
		fprintf(f, "%s", i ? "," : "");
		jstr(f, s->sinfo[w->kind][i].name);
		fputc(':', f);
		if (s->r->read_entry_field(w->sub, e, s->sf[w->kind][i], &v) != SS_PLUGIN_SUCCESS)
			fputs("\"<read failed>\"", f);
		else
			jval(f, s->sinfo[w->kind][i].field_type, &v);
	}
	fputc('}', f);
	return 1;
}

static void dump(st_t *s, ss_plugin_table_entry_t *e, uint64_t evtnum, uint16_t type)
{
	FILE *f = s->out;
	fprintf(f, "{\"evtnum\":%llu,\"type\":%u,\"fields\":{", (unsigned long long)evtnum, type);
	int n = 0;
	for (uint32_t i = 0; i < s->ntinfo; i++) {
		if (s->tinfo[i].field_type == SS_PLUGIN_ST_TABLE)
			continue;
		ss_plugin_state_data v;
		memset(&v, 0, sizeof(v));
		fprintf(f, "%s", n++ ? "," : "");
		jstr(f, s->tinfo[i].name);
		fputc(':', f);
		if (s->r->read_entry_field(s->threads, e, s->tf[i], &v) != SS_PLUGIN_SUCCESS)
			fputs("\"<read failed>\"", f);
		else
			jval(f, s->tinfo[i].field_type, &v);
	}
	fputs("}", f);
	for (int k = 0; k < 4; k++) {
		ss_plugin_state_data v;
		memset(&v, 0, sizeof(v));
		fprintf(f, ",\"%s\":[", sub_names[k]);
		if (s->r->read_entry_field(s->threads, e, s->sub_field[k], &v) == SS_PLUGIN_SUCCESS &&
			v.table) {
			sub_walk_t w = {s, v.table, k, 0};
			s->r->iterate_entries(v.table, sub_entry, (ss_plugin_table_iterator_state_t *)&w);
			fprintf(f, "],\"%s_size\":%llu", sub_names[k],
				(unsigned long long)s->r->get_table_size(v.table));
		} else {
			fputs("]", f);
		}
	}
	fputs("}\n", f);
	fflush(f);
}

/* ---- init-time checks: dynamic fields and the entry lifecycle ---------- */

static void ck(st_t *s, int *first, const char *name, int ok)
{
	fprintf(s->out, "%s", *first ? "" : ",");
	*first = 0;
	jstr(s->out, name);
	fputs(ok ? ":true" : ":false", s->out);
}

static int read_str_eq(st_t *s, ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	ss_plugin_table_field_t *f, const char *want)
{
	ss_plugin_state_data v = {0};
	return e && f && s->r->read_entry_field(t, e, f, &v) == SS_PLUGIN_SUCCESS && v.str &&
		!strcmp(v.str, want);
}

static int read_u64_eq(st_t *s, ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	ss_plugin_table_field_t *f, uint64_t want)
{
	ss_plugin_state_data v = {0};
	return e && f && s->r->read_entry_field(t, e, f, &v) == SS_PLUGIN_SUCCESS && v.u64 == want;
}


/* args, env and cgroups of an entry (k = 0, 1, 2): dynamic fields, writes
 * and the entry lifecycle with libsinsp's dense index keys. */
static void list_selftest(st_t *s, int *first, ss_plugin_table_entry_t *owner, int k)
{
	char name[96];
	ss_plugin_state_data sv = {0}, v = {0};
	ss_plugin_table_t *L = NULL;
	if (owner && s->r->read_entry_field(s->threads, owner, s->sub_field[k], &sv) ==
		SS_PLUGIN_SUCCESS)
		L = sv.table;
#define LCK(what, cond)                                                          \
	do {                                                                     \
		snprintf(name, sizeof(name), "%s: %s", sub_names[k], what);      \
		ck(s, first, name, L && (cond));                                 \
	} while (0)
	LCK("sub-table of the entry", 1);
	if (!L)
		return;
	int pairs = k == 2;
	const char *vname = pairs ? "first" : "value";
	ss_plugin_table_field_t *fv = s->fx->get_table_field(L, vname, SS_PLUGIN_ST_STRING);
	ss_plugin_table_field_t *fs = pairs ? s->fx->get_table_field(L, "second", SS_PLUGIN_ST_STRING) : NULL;
	ss_plugin_table_field_t *tag = s->fx->add_table_field(L, "tdump_tag", SS_PLUGIN_ST_STRING);
	ss_plugin_table_field_t *cnt = s->fx->add_table_field(L, "tdump_n", SS_PLUGIN_ST_UINT64);
	LCK("dynamic fields added", tag && cnt && fv && (!pairs || fs));
	s->list_n[k] = cnt;
	LCK("same name and type returns the existing field",
		s->fx->add_table_field(L, "tdump_tag", SS_PLUGIN_ST_STRING) == tag);
	LCK("same name, other type refused", !s->fx->add_table_field(L, "tdump_tag", SS_PLUGIN_ST_INT64));
	LCK("built-in name with another type refused", !s->fx->add_table_field(L, vname, SS_PLUGIN_ST_UINT64));
	s->w->clear_table(L);
	LCK("cleared", s->r->get_table_size(L) == 0);
	/* key 0: value and dynamic fields written before add */
	ss_plugin_table_entry_t *e0 = s->w->create_table_entry(L);
	v.str = pairs ? "cpu" : "zero";
	int ok = e0 && s->w->write_entry_field(L, e0, fv, &v) == SS_PLUGIN_SUCCESS;
	v.str = "/zero";
	ok = ok && (!pairs || s->w->write_entry_field(L, e0, fs, &v) == SS_PLUGIN_SUCCESS);
	v.str = "tag0";
	ok = ok && s->w->write_entry_field(L, e0, tag, &v) == SS_PLUGIN_SUCCESS;
	v.u64 = 7;
	ok = ok && s->w->write_entry_field(L, e0, cnt, &v) == SS_PLUGIN_SUCCESS;
	ss_plugin_state_data k0 = {.u64 = 0}, k1 = {.u64 = 1}, k5 = {.u64 = 5};
	LCK("create and write a detached entry", ok);
	LCK("add at key 0", e0 && s->w->add_table_entry(L, &k0, e0) == e0);
	ss_plugin_table_entry_t *gap = s->w->create_table_entry(L);
	LCK("add past the end refused (keys are dense)", gap && !s->w->add_table_entry(L, &k5, gap));
	s->w->destroy_table_entry(L, gap);
	ss_plugin_table_entry_t *e1 = s->w->create_table_entry(L);
	v.str = pairs ? "memory" : "one";
	if (e1)
		s->w->write_entry_field(L, e1, fv, &v);
	LCK("append at key 1", e1 && s->w->add_table_entry(L, &k1, e1) == e1 &&
		s->r->get_table_size(L) == 2);
	ss_plugin_table_entry_t *g0 = s->r->get_table_entry(L, &k0);
	ss_plugin_table_entry_t *g1 = s->r->get_table_entry(L, &k1);
	LCK("values read back", read_str_eq(s, L, g0, fv, pairs ? "cpu" : "zero") &&
		read_str_eq(s, L, g1, fv, pairs ? "memory" : "one") &&
		(!pairs || read_str_eq(s, L, g0, fs, "/zero")));
	LCK("dynamic values read back", read_str_eq(s, L, g0, tag, "tag0") &&
		read_u64_eq(s, L, g0, cnt, 7) && read_str_eq(s, L, g1, tag, "") &&
		read_u64_eq(s, L, g1, cnt, 0));
	v.str = pairs ? "pids" : "zero-b";
	LCK("write on an entry of the table", g0 &&
		s->w->write_entry_field(L, g0, fv, &v) == SS_PLUGIN_SUCCESS &&
		read_str_eq(s, L, s->r->get_table_entry(L, &k0), fv, pairs ? "pids" : "zero-b") &&
		read_str_eq(s, L, s->r->get_table_entry(L, &k0), tag, "tag0"));
	LCK("erase key 0 moves key 1 down", s->w->erase_table_entry(L, &k0) == SS_PLUGIN_SUCCESS &&
		s->r->get_table_size(L) == 1 &&
		read_str_eq(s, L, s->r->get_table_entry(L, &k0), fv, pairs ? "memory" : "one") &&
		!s->r->get_table_entry(L, &k1));
	LCK("erase of a missing key fails", s->w->erase_table_entry(L, &k5) != SS_PLUGIN_SUCCESS);
	LCK("clear", s->w->clear_table(L) == SS_PLUGIN_SUCCESS && s->r->get_table_size(L) == 0);
#undef LCK
}

static void selftest(st_t *s)
{
	int first = 1;
	fputs("{\"selftest\":{", s->out);
	ss_plugin_table_t *T = s->threads;
	/* dynamic fields on the table */
	ss_plugin_table_field_t *a = s->fx->add_table_field(T, "tdump_u64", SS_PLUGIN_ST_UINT64);
	ck(s, &first, "add field", a != NULL);
	ck(s, &first, "same name and type returns the existing field",
		s->fx->add_table_field(T, "tdump_u64", SS_PLUGIN_ST_UINT64) == a);
	ck(s, &first, "same name, other type refused",
		s->fx->add_table_field(T, "tdump_u64", SS_PLUGIN_ST_STRING) == NULL);
	ck(s, &first, "built-in name with another type refused",
		s->fx->add_table_field(T, "comm", SS_PLUGIN_ST_UINT64) == NULL);
	const char *le = s->owner_err ? s->owner_err(s->owner) : NULL;
	ck(s, &first, "the owner's last error names the refused field", le && strstr(le, "comm"));
	ck(s, &first, "built-in name with its type returns the built-in",
		s->fx->add_table_field(T, "comm", SS_PLUGIN_ST_STRING) ==
		s->fx->get_table_field(T, "comm", SS_PLUGIN_ST_STRING));
	ck(s, &first, "table-typed dynamic field refused",
		s->fx->add_table_field(T, "tdump_tab", SS_PLUGIN_ST_TABLE) == NULL);
	ss_plugin_table_field_t *astr = s->fx->add_table_field(T, "tdump_str", SS_PLUGIN_ST_STRING);
	ss_plugin_table_field_t *ab = s->fx->add_table_field(T, "tdump_bool", SS_PLUGIN_ST_BOOL);
	ss_plugin_table_field_t *a8 = s->fx->add_table_field(T, "tdump_i8", SS_PLUGIN_ST_INT8);
	uint32_t nl = 0;
	const ss_plugin_table_fieldinfo *li = s->fx->list_table_fields(T, &nl);
	int listed = 0;
	for (uint32_t i = 0; li && i < nl; i++)
		listed += !strcmp(li[i].name, "tdump_u64") || !strcmp(li[i].name, "tdump_str");
	ck(s, &first, "dynamic fields listed", listed == 2);

	/* entry lifecycle */
	uint64_t size0 = s->r->get_table_size(T);
	ss_plugin_table_entry_t *ne = s->w->create_table_entry(T);
	ck(s, &first, "create entry", ne != NULL);
	ss_plugin_table_field_t *fcomm = s->fx->get_table_field(T, "comm", SS_PLUGIN_ST_STRING);
	ss_plugin_table_field_t *fpid = s->fx->get_table_field(T, "pid", SS_PLUGIN_ST_INT64);
	ss_plugin_state_data v = {.str = "lifecycle"};
	ck(s, &first, "write built-in on a new entry",
		ne && s->w->write_entry_field(T, ne, fcomm, &v) == SS_PLUGIN_SUCCESS);
	v.s64 = 999999;
	ck(s, &first, "write pid", ne && s->w->write_entry_field(T, ne, fpid, &v) == SS_PLUGIN_SUCCESS);
	v.u64 = 42;
	ck(s, &first, "write dynamic u64", ne && s->w->write_entry_field(T, ne, a, &v) == SS_PLUGIN_SUCCESS);
	v.str = "dyn string";
	ck(s, &first, "write dynamic string",
		ne && s->w->write_entry_field(T, ne, astr, &v) == SS_PLUGIN_SUCCESS);
	v.b = 1;
	ck(s, &first, "write dynamic bool", ne && s->w->write_entry_field(T, ne, ab, &v) == SS_PLUGIN_SUCCESS);
	v.s8 = -5;
	ck(s, &first, "write dynamic int8", ne && s->w->write_entry_field(T, ne, a8, &v) == SS_PLUGIN_SUCCESS);
	ss_plugin_state_data key = {.s64 = 999999};
	ss_plugin_table_entry_t *added = ne ? s->w->add_table_entry(T, &key, ne) : NULL;
	ck(s, &first, "add entry", added != NULL);
	ck(s, &first, "size grows by one", s->r->get_table_size(T) == size0 + 1);
	ss_plugin_table_entry_t *got = s->r->get_table_entry(T, &key);
	ck(s, &first, "get the added entry", got != NULL);
	ck(s, &first, "built-in read back", read_str_eq(s, T, got, fcomm, "lifecycle"));
	ck(s, &first, "dynamic u64 read back", read_u64_eq(s, T, got, a, 42));
	ck(s, &first, "dynamic string read back", read_str_eq(s, T, got, astr, "dyn string"));
	ss_plugin_state_data rv = {0};
	ck(s, &first, "dynamic bool and int8 read back", got &&
		s->r->read_entry_field(T, got, ab, &rv) == SS_PLUGIN_SUCCESS && rv.b == 1 &&
		s->r->read_entry_field(T, got, a8, &rv) == SS_PLUGIN_SUCCESS && rv.s8 == -5);
	ss_plugin_state_data tk = {.s64 = 1};
	ss_plugin_table_field_t *ftid = s->fx->get_table_field(T, "tid", SS_PLUGIN_ST_INT64);
	ck(s, &first, "tid reads the key", got && s->r->read_entry_field(T, got, ftid, &rv) ==
		SS_PLUGIN_SUCCESS && rv.s64 == 999999);
	(void)tk;

	/* a sub-table of the added entry: dynamic field + lifecycle */
	ss_plugin_table_field_t *ffd = s->sub_field[3];
	ss_plugin_state_data sv = {0};
	ss_plugin_table_t *fds = NULL;
	if (got && s->r->read_entry_field(T, got, ffd, &sv) == SS_PLUGIN_SUCCESS)
		fds = sv.table;
	ck(s, &first, "file_descriptors sub-table of the entry", fds != NULL);
	ss_plugin_table_field_t *fname = fds ? s->fx->get_table_field(fds, "name", SS_PLUGIN_ST_STRING) : NULL;
	ss_plugin_table_field_t *ftag = fds ? s->fx->add_table_field(fds, "tdump_fdtag", SS_PLUGIN_ST_STRING) : NULL;
	ck(s, &first, "dynamic field on the sub-table", ftag != NULL);
	ck(s, &first, "sub-table: built-in name with another type refused",
		fds && s->fx->add_table_field(fds, "name", SS_PLUGIN_ST_UINT64) == NULL);
	ss_plugin_table_entry_t *fe = fds ? s->w->create_table_entry(fds) : NULL;
	ck(s, &first, "create fd entry", fe != NULL);
	v.str = "/lifecycle/file";
	ck(s, &first, "write fd name", fe && s->w->write_entry_field(fds, fe, fname, &v) == SS_PLUGIN_SUCCESS);
	v.str = "tagged";
	ck(s, &first, "write fd dynamic field",
		fe && s->w->write_entry_field(fds, fe, ftag, &v) == SS_PLUGIN_SUCCESS);
	ss_plugin_state_data fk = {.s64 = 7};
	ss_plugin_table_entry_t *fadded = fe ? s->w->add_table_entry(fds, &fk, fe) : NULL;
	ck(s, &first, "add fd entry", fadded != NULL);
	ss_plugin_table_entry_t *fgot = fds ? s->r->get_table_entry(fds, &fk) : NULL;
	ck(s, &first, "fd entry read back", read_str_eq(s, fds, fgot, fname, "/lifecycle/file") &&
		read_str_eq(s, fds, fgot, ftag, "tagged"));
	ck(s, &first, "fd table size 1", fds && s->r->get_table_size(fds) == 1);
	ck(s, &first, "erase fd entry", fds && s->w->erase_table_entry(fds, &fk) == SS_PLUGIN_SUCCESS &&
		s->r->get_table_size(fds) == 0 && !s->r->get_table_entry(fds, &fk));
	fe = fds ? s->w->create_table_entry(fds) : NULL;
	if (fe)
		s->w->add_table_entry(fds, &fk, fe);
	ck(s, &first, "clear fd table", fds && s->w->clear_table(fds) == SS_PLUGIN_SUCCESS &&
		s->r->get_table_size(fds) == 0);
	fe = fds ? s->w->create_table_entry(fds) : NULL;
	if (fe)
		s->w->destroy_table_entry(fds, fe);

	for (int k = 0; k < 3; k++)
		list_selftest(s, &first, got, k);

	ck(s, &first, "erase entry", s->w->erase_table_entry(T, &key) == SS_PLUGIN_SUCCESS &&
		!s->r->get_table_entry(T, &key) && s->r->get_table_size(T) == size0);
	ck(s, &first, "erase of a missing entry fails", s->w->erase_table_entry(T, &key) != SS_PLUGIN_SUCCESS);
	/* re-added under the same key: a fresh entry, no stale dynamic value */
	ne = s->w->create_table_entry(T);
	got = ne ? s->w->add_table_entry(T, &key, ne) : NULL;
	ck(s, &first, "re-added entry starts without dynamic values",
		read_u64_eq(s, T, got, a, 0) && read_str_eq(s, T, got, astr, ""));
	s->w->erase_table_entry(T, &key);
	/* created and destroyed without being added */
	ne = s->w->create_table_entry(T);
	if (ne) {
		v.str = "never added";
		s->w->write_entry_field(T, ne, astr, &v);
		s->w->destroy_table_entry(T, ne);
	}
	ck(s, &first, "destroy of a detached entry", ne != NULL);
	s->dyn_count = a;
	s->dyn_fdtag = ftag;
	fputs("}}\n", s->out);
	fflush(s->out);
}

EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	st_t *s = calloc(1, sizeof(*s));
	*rc = SS_PLUGIN_FAILURE;
	if (!s)
		return NULL;
	char path[512] = "", mode[16] = "";
	long long tid = 0;
	if (!in->config || sscanf(in->config, "%lld %511s %15s", &tid, path, mode) != 3) {
		snprintf(s->err, sizeof(s->err), "config: '<tid> <path> <replay|live>'");
		return s;
	}
	s->target = tid;
	s->live = !strcmp(mode, "live");
	s->ti = in->tables;
	s->owner = in->owner;
	s->owner_err = in->get_owner_last_error;
	if (!in->tables || !(s->threads = in->tables->get_table(in->owner, "threads", SS_PLUGIN_ST_INT64))) {
		snprintf(s->err, sizeof(s->err), "no threads table");
		return s;
	}
	s->r = in->tables->reader_ext;
	s->w = in->tables->writer_ext;
	s->fx = in->tables->fields_ext;
	s->tinfo = s->fx->list_table_fields(s->threads, &s->ntinfo);
	if (!s->tinfo || s->ntinfo > 64) {
		snprintf(s->err, sizeof(s->err), "list_table_fields");
		return s;
	}
	for (uint32_t i = 0; i < s->ntinfo; i++) {
		s->tf[i] = s->fx->get_table_field(s->threads, s->tinfo[i].name, s->tinfo[i].field_type);
		if (!s->tf[i]) {
			snprintf(s->err, sizeof(s->err), "listed field %s not found", s->tinfo[i].name);
			return s;
		}
		for (int k = 0; k < 4; k++)
			if (!strcmp(s->tinfo[i].name, sub_names[k]))
				s->sub_field[k] = s->tf[i];
	}
	/* Sub-table fields: from the sub-table of a scratch entry, as the C++ SDK does. */
	ss_plugin_table_entry_t *e = s->w->create_table_entry(s->threads);
	for (int k = 0; k < 4; k++) {
		ss_plugin_state_data v = {0};
		if (!s->sub_field[k] || !e ||
			s->r->read_entry_field(s->threads, e, s->sub_field[k], &v) != SS_PLUGIN_SUCCESS) {
			snprintf(s->err, sizeof(s->err), "sub-table %s", sub_names[k]);
			return s;
		}
		s->sinfo[k] = s->fx->list_table_fields(v.table, &s->nsinfo[k]);
		for (uint32_t i = 0; s->sinfo[k] && i < s->nsinfo[k] && i < 64; i++)
			s->sf[k][i] = s->fx->get_table_field(v.table, s->sinfo[k][i].name,
				s->sinfo[k][i].field_type);
	}
	s->w->destroy_table_entry(s->threads, e);
	if (!(s->out = fopen(path, "w"))) {
		snprintf(s->err, sizeof(s->err), "cannot write %.200s", path);
		return s;
	}
	/* the field list, for the test */
	fputs("{\"threads_fields\":[", s->out);
	for (uint32_t i = 0; i < s->ntinfo; i++) {
		fprintf(s->out, "%s[", i ? "," : "");
		jstr(s->out, s->tinfo[i].name);
		fprintf(s->out, ",%d,%s]", (int)s->tinfo[i].field_type, s->tinfo[i].read_only ? "true" : "false");
	}
	fputs("],\"sub_fields\":{", s->out);
	for (int k = 0; k < 4; k++) {
		fprintf(s->out, "%s\"%s\":[", k ? "," : "", sub_names[k]);
		for (uint32_t i = 0; i < s->nsinfo[k]; i++) {
			fprintf(s->out, "%s[", i ? "," : "");
			jstr(s->out, s->sinfo[k][i].name);
			fprintf(s->out, ",%d]", (int)s->sinfo[k][i].field_type);
		}
		fputs("]", s->out);
	}
	fputs("}}\n", s->out);
	selftest(s);
	/* fields added by the self-test are listed from now on: refresh (the
	 * sub-table listing grew in place) */
	e = s->w->create_table_entry(s->threads);
	for (int k = 0; k < 4; k++) {
		ss_plugin_state_data sv = {0};
		if (!e || s->r->read_entry_field(s->threads, e, s->sub_field[k], &sv) != SS_PLUGIN_SUCCESS)
			continue;
		s->sinfo[k] = s->fx->list_table_fields(sv.table, &s->nsinfo[k]);
		for (uint32_t i = 0; s->sinfo[k] && i < s->nsinfo[k] && i < 64; i++)
			s->sf[k][i] = s->fx->get_table_field(sv.table, s->sinfo[k][i].name,
				s->sinfo[k][i].field_type);
	}
	if (e)
		s->w->destroy_table_entry(s->threads, e);
	s->tinfo = s->fx->list_table_fields(s->threads, &s->ntinfo);
	for (uint32_t i = 0; i < s->ntinfo && i < 64; i++)
		s->tf[i] = s->fx->get_table_field(s->threads, s->tinfo[i].name, s->tinfo[i].field_type);
	if (s->ntinfo > 64)
		s->ntinfo = 64;
	*rc = SS_PLUGIN_SUCCESS;
	return s;
}

EXPORT void plugin_destroy(ss_plugin_t *p)
{
	st_t *s = p;
	if (s && s->out)
		fclose(s->out);
	free(s);
}

/* Replay: append "TDUMP_ADDED=1" to the target process's env through the
 * table, once; the rules then see it in proc.env. */
static void mark_env(st_t *s, const ss_plugin_event_parse_input *in, int64_t tid)
{
	static const char mark[] = "TDUMP_ADDED=1";
	ss_plugin_state_data key = {.s64 = tid}, sv = {0}, v = {0};
	ss_plugin_table_entry_t *e = in->table_reader_ext->get_table_entry(s->threads, &key);
	if (!e || in->table_reader_ext->read_entry_field(s->threads, e, s->sub_field[1], &sv) !=
		SS_PLUGIN_SUCCESS || !sv.table)
		return;
	ss_plugin_table_t *env = sv.table;
	uint64_t n = in->table_reader_ext->get_table_size(env);
	ss_plugin_state_data last = {.u64 = n - 1};
	ss_plugin_table_entry_t *le = n ? in->table_reader_ext->get_table_entry(env, &last) : NULL;
	ss_plugin_table_field_t *fv = s->sf[1][0]; /* "value" */
	if (n && (!le || in->table_reader_ext->read_entry_field(env, le, fv, &v) != SS_PLUGIN_SUCCESS ||
		(v.str && !strcmp(v.str, mark))))
		return;
	ss_plugin_table_entry_t *ne = in->table_writer_ext->create_table_entry(env);
	ss_plugin_state_data nv = {.str = mark}, nk = {.u64 = n};
	if (!ne)
		return;
	if (in->table_writer_ext->write_entry_field(env, ne, fv, &nv) != SS_PLUGIN_SUCCESS ||
		!in->table_writer_ext->add_table_entry(env, &nk, ne))
		in->table_writer_ext->destroy_table_entry(env, ne);
}

EXPORT ss_plugin_rc plugin_parse_event(ss_plugin_t *p, const ss_plugin_event_input *ev,
	const ss_plugin_event_parse_input *in)
{
	st_t *s = p;
	s->events++;
	if (s->live ? s->dumped : (int64_t)ev->evt->tid != s->target)
		return SS_PLUGIN_SUCCESS;
	if (!s->live)
		mark_env(s, in, s->target);
	ss_plugin_state_data key = {.s64 = s->target};
	ss_plugin_table_entry_t *e = in->table_reader_ext->get_table_entry(s->threads, &key);
	if (!e)
		return SS_PLUGIN_SUCCESS;
	/* the dynamic field counts this plugin's events of the thread */
	ss_plugin_state_data v = {0};
	if (in->table_reader_ext->read_entry_field(s->threads, e, s->dyn_count, &v) == SS_PLUGIN_SUCCESS) {
		v.u64++;
		in->table_writer_ext->write_entry_field(s->threads, e, s->dyn_count, &v);
	}
	/* and a dynamic field of its first argument counts them too */
	ss_plugin_state_data sv = {0};
	if (in->table_reader_ext->read_entry_field(s->threads, e, s->sub_field[0], &sv) ==
		SS_PLUGIN_SUCCESS && sv.table) {
		ss_plugin_state_data k0 = {.u64 = 0};
		ss_plugin_table_entry_t *a0 = in->table_reader_ext->get_table_entry(sv.table, &k0);
		if (a0 && in->table_reader_ext->read_entry_field(sv.table, a0, s->list_n[0], &v) ==
			SS_PLUGIN_SUCCESS) {
			v.u64++;
			in->table_writer_ext->write_entry_field(sv.table, a0, s->list_n[0], &v);
		}
	}
	dump(s, e, ev->evtnum, ev->evt->type);
	s->dumped = 1;
	return SS_PLUGIN_SUCCESS;
}
