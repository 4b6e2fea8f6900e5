/*
 * tplug_reg.c - a plugin asking for API 3.0.0 (written against plugin_api.h
 * only): it sources events on its own source (TREG_SOURCE, id TREG_ID;
 * open params = number of events), registers a table "counters" (key
 * uint64, field "n") with the 3.0 table input only, counts its events in it
 * through the host's 3.0 writer at parse time, and extracts the count
 * through the host's 3.0 reader. Built twice (two sources): each
 * registers "counters", which only works with one registry per source.
 * The bytes a 3.1 table input would add are poisoned: a host that reads
 * *_ext vtables from a 3.0 plugin crashes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_api.h"
#include "sk_event_schema.h"

#define EXPORT __attribute__((visibility("default")))

typedef struct counters {
	uint64_t n;
} counters_t;

typedef struct st {
	char err[256];
	counters_t row;
	ss_plugin_table_t *handle; /* our own table, through the host */
	ss_plugin_table_field_t *fn;
	char tables[256];          /* what list_tables showed at init */
	uint64_t outv;
	const char *outs;
} st_t;

typedef struct inst {
	uint64_t left, seq;
	uint8_t buf[64];
	ss_plugin_event *ev;
} inst_t;

EXPORT const char *plugin_get_required_api_version(void) { return "3.0.0"; }
EXPORT const char *plugin_get_version(void) { return "0.1.0"; }
EXPORT const char *plugin_get_name(void) { return "treg_" TREG_SOURCE; }
EXPORT const char *plugin_get_description(void) { return "3.0 table owner"; }
EXPORT const char *plugin_get_contact(void) { return "tests"; }
EXPORT const char *plugin_get_last_error(ss_plugin_t *s) { return ((st_t *)s)->err; }
EXPORT uint32_t plugin_get_id(void) { return TREG_ID; }
EXPORT const char *plugin_get_event_source(void) { return TREG_SOURCE; }
EXPORT const char *plugin_get_fields(void)
{
	return "[{\"name\":\"" TREG_SOURCE ".count\",\"type\":\"uint64\",\"desc\":\"events counted in the table\"},"
	       "{\"name\":\"" TREG_SOURCE ".tables\",\"type\":\"string\",\"desc\":\"tables listed at init\"}]";
}

/* the owner's vtables (3.0: no release/iterate) */
static const char *t_name(ss_plugin_table_t *t) { (void)t; return "counters"; }
static uint64_t t_size(ss_plugin_table_t *t) { (void)t; return 1; }
static ss_plugin_table_entry_t *t_get(ss_plugin_table_t *t, const ss_plugin_state_data *k)
{
	return k->u64 == 0 ? &((st_t *)t)->row : NULL;
}
static ss_plugin_rc t_read(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, ss_plugin_state_data *out)
{
	(void)t;
	if ((uintptr_t)f != 1)
		return SS_PLUGIN_FAILURE;
	out->u64 = ((counters_t *)e)->n;
	return SS_PLUGIN_SUCCESS;
}
static ss_plugin_rc t_write(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, const ss_plugin_state_data *in)
{
	(void)t;
	if ((uintptr_t)f != 1)
		return SS_PLUGIN_FAILURE;
	((counters_t *)e)->n = in->u64;
	return SS_PLUGIN_SUCCESS;
}
static ss_plugin_rc t_clear(ss_plugin_table_t *t) { ((st_t *)t)->row.n = 0; return SS_PLUGIN_SUCCESS; }
static ss_plugin_rc t_erase(ss_plugin_table_t *t, const ss_plugin_state_data *k)
{
	(void)t, (void)k;
	return SS_PLUGIN_FAILURE;
}
static ss_plugin_table_entry_t *t_create(ss_plugin_table_t *t) { (void)t; return NULL; }
static void t_destroy(ss_plugin_table_t *t, ss_plugin_table_entry_t *e) { (void)t, (void)e; }
static ss_plugin_table_entry_t *t_add(ss_plugin_table_t *t, const ss_plugin_state_data *k,
	ss_plugin_table_entry_t *e)
{
	(void)t, (void)k, (void)e;
	return NULL;
}
static const ss_plugin_table_fieldinfo g_info[] = {{"n", SS_PLUGIN_ST_UINT64, 0}};
static const ss_plugin_table_fieldinfo *t_list(ss_plugin_table_t *t, uint32_t *n)
{
	(void)t;
	*n = 1;
	return g_info;
}
static ss_plugin_table_field_t *t_getf(ss_plugin_table_t *t, const char *name, ss_plugin_state_type ty)
{
	(void)t;
	return !strcmp(name, "n") && ty == SS_PLUGIN_ST_UINT64 ? (void *)(uintptr_t)1 : NULL;
}

EXPORT ss_plugin_t *plugin_init(const ss_plugin_init_input *in, ss_plugin_rc *rc)
{
	st_t *s = calloc(1, sizeof(*s));
	*rc = SS_PLUGIN_FAILURE;
	if (!s)
		return NULL;
	if (!in->tables) {
		snprintf(s->err, sizeof(s->err), "no tables input");
		return s;
	}
	/* A 3.0 plugin's table input ends after `fields`; what follows is
	 * poison a host must not read. */
	ss_plugin_table_input ti;
	memset(&ti, 0, sizeof(ti));
	ti.name = "counters";
	ti.key_type = SS_PLUGIN_ST_UINT64;
	ti.table = s;
	ti.reader = (ss_plugin_table_reader_vtable){t_name, t_size, t_get, t_read};
	ti.writer = (ss_plugin_table_writer_vtable){t_clear, t_erase, t_create, t_destroy, t_add, t_write};
	ti.fields = (ss_plugin_table_fields_vtable){t_list, t_getf, t_getf};
	memset((char *)&ti + offsetof(ss_plugin_table_input, reader_ext), 0xA5,
		sizeof(ti) - offsetof(ss_plugin_table_input, reader_ext));
	if (in->tables->add_table(in->owner, &ti) != SS_PLUGIN_SUCCESS) {
		const char *le = in->get_owner_last_error ? in->get_owner_last_error(in->owner) : NULL;
		snprintf(s->err, sizeof(s->err), "add_table: %s", le ? le : "failed");
		return s;
	}
	/* Our own table, as another plugin sees it: through the host. */
	s->handle = in->tables->get_table(in->owner, "counters", SS_PLUGIN_ST_UINT64);
	s->fn = s->handle ? in->tables->fields.get_table_field(s->handle, "n", SS_PLUGIN_ST_UINT64) : NULL;
	if (!s->fn) {
		snprintf(s->err, sizeof(s->err), "own table not found through the host");
		return s;
	}
	uint32_t nt = 0;
	ss_plugin_table_info *ts = in->tables->list_tables(in->owner, &nt);
	for (uint32_t i = 0; ts && i < nt; i++)
		snprintf(s->tables + strlen(s->tables), sizeof(s->tables) - strlen(s->tables), "%s%s",
			i ? "," : "", ts[i].name);
	*rc = SS_PLUGIN_SUCCESS;
	return s;
}

EXPORT void plugin_destroy(ss_plugin_t *s) { free(s); }

EXPORT ss_instance_t *plugin_open(ss_plugin_t *s, const char *params, ss_plugin_rc *rc)
{
	(void)s;
	inst_t *i = calloc(1, sizeof(*i));
	*rc = i ? SS_PLUGIN_SUCCESS : SS_PLUGIN_FAILURE;
	if (i)
		i->left = params && params[0] ? strtoull(params, NULL, 10) : 3;
	return i;
}

EXPORT void plugin_close(ss_plugin_t *s, ss_instance_t *h) { (void)s; free(h); }

EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t *s, ss_instance_t *h, uint32_t *nevts,
	ss_plugin_event ***evts)
{
	(void)s;
	inst_t *i = h;
	*nevts = 0;
	if (!i->left)
		return SS_PLUGIN_EOF;
	i->left--;
	uint8_t *b = i->buf;
	memset(b, 0, sizeof(i->buf));
	sk_evt_plugin_header(b, UINT64_MAX, 0, 1);
	b[SK_EVT_PLUGIN_HDR_LEN] = 'x';
	i->ev = (ss_plugin_event *)b;
	*evts = &i->ev;
	*nevts = 1;
	return SS_PLUGIN_SUCCESS;
}

EXPORT ss_plugin_rc plugin_parse_event(ss_plugin_t *p, const ss_plugin_event_input *ev,
	const ss_plugin_event_parse_input *in)
{
	(void)ev;
	st_t *s = p;
	ss_plugin_state_data k = {.u64 = 0}, v = {0};
	ss_plugin_table_entry_t *e = in->table_reader.get_table_entry(s->handle, &k);
	if (!e || in->table_reader.read_entry_field(s->handle, e, s->fn, &v) != SS_PLUGIN_SUCCESS)
		return SS_PLUGIN_FAILURE;
	v.u64++;
	return in->table_writer.write_entry_field(s->handle, e, s->fn, &v);
}

EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t *p, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in)
{
	(void)ev;
	st_t *s = p;
	for (uint32_t f = 0; f < in->num_fields; f++) {
		ss_plugin_extract_field *x = &in->fields[f];
		if (x->field_id == 0) {
			ss_plugin_state_data k = {.u64 = 0}, v = {0};
			ss_plugin_table_entry_t *e = in->table_reader.get_table_entry(s->handle, &k);
			if (!e || in->table_reader.read_entry_field(s->handle, e, s->fn, &v) != SS_PLUGIN_SUCCESS)
				return SS_PLUGIN_FAILURE;
			s->outv = v.u64;
			x->res.u64 = &s->outv;
		} else {
			s->outs = s->tables;
			x->res.str = &s->outs;
		}
		x->res_len = 1;
	}
	return SS_PLUGIN_SUCCESS;
}
