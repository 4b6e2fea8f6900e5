/* Unit test of the syscall plugin's "threads" state table as another plugin
 * sees it through the host: field list, typed lookups, reads (including
 * pidns_init_start_ts, which the container plugin uses) and refused writes.
 * Plain asserts; exit 0 on success. */
#undef NDEBUG
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "statetable.h"

static ss_plugin_table_input registered;
static int n_registered;

static ss_plugin_rc mock_add_table(ss_plugin_owner_t *o, const ss_plugin_table_input *in)
{
	(void)o;
	registered = *in;
	n_registered++;
	return SS_PLUGIN_SUCCESS;
}

int main(void)
{
	sk_sys_t *s = calloc(1, sizeof(*s));
	assert(s);
	s->threads = sk_threads_new(16, 16, NULL);
	assert(s->threads);
	sk_thread_t *leader = sk_threads_add(s->threads, 100);
	sk_thread_t *thr = sk_threads_add(s->threads, 101);
	sk_thread_t *other = sk_threads_add(s->threads, 200);
	assert(leader && thr && other);
	leader->pid = 100;
	leader->pidns_init_start_ts = 1700000000123456789ull;
	thr->pid = 100;
	snprintf(leader->comm, sizeof(leader->comm), "%s", "nginx");

	ss_plugin_init_tables_input tin;
	memset(&tin, 0, sizeof(tin));
	tin.add_table = mock_add_table;
	char err[256];
	assert(sk_statetable_publish(s, &tin, err, sizeof(err)) == 0);
	assert(n_registered == 1);
	assert(!strcmp(registered.name, "threads"));
	assert(registered.key_type == SS_PLUGIN_ST_INT64);
	ss_plugin_table_t *t = registered.table;
	ss_plugin_table_fields_vtable_ext *fx = registered.fields_ext;
	ss_plugin_table_reader_vtable_ext *rx = registered.reader_ext;
	ss_plugin_table_writer_vtable_ext *wx = registered.writer_ext;
	assert(fx && rx && wx);

	/* Listed, uint64, writable as in libsinsp. */
	uint32_t n = 0;
	const ss_plugin_table_fieldinfo *fl = fx->list_table_fields(t, &n);
	bool listed = false;
	for (uint32_t i = 0; i < n; i++) {
		if (!strcmp(fl[i].name, "pidns_init_start_ts")) {
			listed = true;
			assert(fl[i].field_type == SS_PLUGIN_ST_UINT64);
			assert(!fl[i].read_only);
		}
	}
	assert(listed);
	ss_plugin_table_field_t *fp = fx->get_table_field(t, "pidns_init_start_ts", SS_PLUGIN_ST_UINT64);
	assert(fp);
	/* Same-width signedness is tolerated on lookup (the C++ SDK example reads
	 * tid as uint64); another width or kind is not. */
	assert(fx->get_table_field(t, "pidns_init_start_ts", SS_PLUGIN_ST_INT64) == fp);
	assert(!fx->get_table_field(t, "pidns_init_start_ts", SS_PLUGIN_ST_UINT32));
	assert(!fx->get_table_field(t, "pidns_init_start_ts", SS_PLUGIN_ST_STRING));
	ss_plugin_table_field_t *fc = fx->get_table_field(t, "comm", SS_PLUGIN_ST_STRING);
	assert(fc);

	ss_plugin_state_data key, out;
	key.s64 = 100;
	ss_plugin_table_entry_t *e = rx->get_table_entry(t, &key);
	assert(e);
	memset(&out, 0, sizeof(out));
	assert(rx->read_entry_field(t, e, fp, &out) == SS_PLUGIN_SUCCESS);
	assert(out.u64 == 1700000000123456789ull);
	assert(rx->read_entry_field(t, e, fc, &out) == SS_PLUGIN_SUCCESS);
	assert(!strcmp(out.str, "nginx"));
	/* A thread of the process without its own value reads the leader's. */
	key.s64 = 101;
	e = rx->get_table_entry(t, &key);
	assert(e);
	assert(rx->read_entry_field(t, e, fp, &out) == SS_PLUGIN_SUCCESS);
	assert(out.u64 == 1700000000123456789ull);
	/* Unknown: 0. */
	key.s64 = 200;
	e = rx->get_table_entry(t, &key);
	assert(e);
	out.u64 = 42;
	assert(rx->read_entry_field(t, e, fp, &out) == SS_PLUGIN_SUCCESS);
	assert(out.u64 == 0);
	/* Writable; cwd and the sub-tables are read-only. */
	ss_plugin_state_data in;
	in.u64 = 5;
	assert(wx->write_entry_field(t, e, fp, &in) == SS_PLUGIN_SUCCESS);
	assert(other->pidns_init_start_ts == 5);
	ss_plugin_table_field_t *fcwd = fx->get_table_field(t, "cwd", SS_PLUGIN_ST_STRING);
	assert(fcwd);
	in.str = "/x";
	assert(wx->write_entry_field(t, e, fcwd, &in) == SS_PLUGIN_FAILURE);
	key.s64 = 999;
	assert(!rx->get_table_entry(t, &key));

	sk_statetable_free(s);
	sk_threads_free(s->threads);
	free(s);
	return 0;
}
