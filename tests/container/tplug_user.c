/*
 * tplug_user.c - a test plugin that uses another plugin's "threads" table
 * only through the host: get_table + fields at init, the reader/writer
 * vtables of the parse and extract inputs afterwards.
 *   parse_event: writes container_id = "seen-<tid>" and a field it added
 *                itself ("tuser_note") on the event's thread.
 *   tuser.comm / tuser.cid / tuser.note: read back the thread's values.
 *   tuser.rows: rows counted by iterate_entries.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "plugin_api.h"

#define EXPORT __attribute__((visibility("default")))

typedef struct st {
	ss_plugin_table_t *t;
	ss_plugin_table_field_t *comm, *cid, *note;
	char err[256];
	const char *sres;
	uint64_t ures;
	char buf[64];
} st_t;

static st_t g;

EXPORT const char *plugin_get_required_api_version(void) { return "3.10.0"; }
EXPORT const char *plugin_get_version(void) { return "0.1.0"; }
EXPORT const char *plugin_get_name(void) { return "tuser"; }
EXPORT const char *plugin_get_description(void) { return "test table user"; }
EXPORT const char *plugin_get_contact(void) { return "tests"; }
EXPORT const char *plugin_get_last_error(ss_plugin_t *s) { return ((st_t *)s)->err; }
EXPORT const char *plugin_get_fields(void)
{
	return "[{\"name\":\"tuser.comm\",\"type\":\"string\",\"desc\":\"d\"},"
	       "{\"name\":\"tuser.cid\",\"type\":\"string\",\"desc\":\"d\"},"
	       "{\"name\":\"tuser.note\",\"type\":\"string\",\"desc\":\"d\"},"
	       "{\"name\":\"tuser.rows\",\"type\":\"uint64\",\"desc\":\"d\"}]";
}

EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	memset(&g, 0, sizeof(g));
	*rc = SS_PLUGIN_FAILURE;
	const ss_plugin_init_tables_input *ti = in->tables;
	if (!ti) {
		snprintf(g.err, sizeof(g.err), "no tables");
		return &g;
	}
	g.t = ti->get_table(in->owner, "threads", SS_PLUGIN_ST_INT64);
	if (!g.t) {
		snprintf(g.err, sizeof(g.err), "no threads table");
		return &g;
	}
	/* Deprecated inline fields vtable for one lookup, _ext for the rest. */
	g.comm = ti->fields.get_table_field(g.t, "comm", SS_PLUGIN_ST_STRING);
	g.cid = ti->fields_ext->add_table_field(g.t, "container_id", SS_PLUGIN_ST_STRING);
	g.note = ti->fields_ext->add_table_field(g.t, "tuser_note", SS_PLUGIN_ST_STRING);
	if (!g.comm || !g.cid || !g.note) {
		snprintf(g.err, sizeof(g.err), "missing fields");
		return &g;
	}
	if (strcmp(ti->reader_ext->get_table_name(g.t), "threads") != 0) {
		snprintf(g.err, sizeof(g.err), "bad table name");
		return &g;
	}
	*rc = SS_PLUGIN_SUCCESS;
	return &g;
}

EXPORT void plugin_destroy(ss_plugin_t *s) { (void)s; }

EXPORT ss_plugin_rc plugin_parse_event(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_event_parse_input *in)
{
	st_t *p = s;
	ss_plugin_state_data key = {.s64 = (int64_t)ev->evt->tid};
	ss_plugin_table_entry_t *e = in->table_reader_ext->get_table_entry(p->t, &key);
	if (!e) {
		snprintf(p->err, sizeof(p->err), "no thread %lld", (long long)key.s64);
		return SS_PLUGIN_FAILURE;
	}
	snprintf(p->buf, sizeof(p->buf), "seen-%lld", (long long)key.s64);
	ss_plugin_state_data v = {.str = p->buf};
	ss_plugin_rc rc = in->table_writer_ext->write_entry_field(p->t, e, p->cid, &v);
	v.str = "note";
	if (rc == SS_PLUGIN_SUCCESS)
		rc = in->table_writer.write_entry_field(p->t, e, p->note, &v); /* deprecated vtable */
	in->table_reader_ext->release_table_entry(p->t, e);
	return rc;
}

static ss_plugin_bool count_it(ss_plugin_table_iterator_state_t *s, ss_plugin_table_entry_t *e)
{
	(void)e;
	(*(uint64_t *)s)++;
	return 1;
}

EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	st_t *p = s;
	ss_plugin_extract_field *f = &in->fields[0];
	f->res_len = 0;
	if (f->field_id == 3) {
		p->ures = 0;
		if (!in->table_reader_ext->iterate_entries(p->t, count_it, &p->ures))
			return SS_PLUGIN_FAILURE;
		f->res.u64 = &p->ures;
		f->res_len = 1;
		return SS_PLUGIN_SUCCESS;
	}
	ss_plugin_state_data key = {.s64 = (int64_t)ev->evt->tid};
	ss_plugin_table_entry_t *e = in->table_reader_ext->get_table_entry(p->t, &key);
	if (!e)
		return SS_PLUGIN_SUCCESS;
	ss_plugin_table_field_t *fld = f->field_id == 0 ? p->comm : f->field_id == 1 ? p->cid : p->note;
	ss_plugin_state_data out;
	/* Deprecated reader for the read itself. */
	if (in->table_reader.read_entry_field(p->t, e, fld, &out) == SS_PLUGIN_SUCCESS) {
		p->sres = out.str;
		f->res.str = &p->sres;
		f->res_len = 1;
	}
	in->table_reader_ext->release_table_entry(p->t, e);
	return SS_PLUGIN_SUCCESS;
}
