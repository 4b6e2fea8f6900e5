/* Unit test of the syscall plugin's "threads" state table as another plugin
 * sees it through the host: field list, typed lookups, reads (including
 * pidns_init_start_ts, which the container plugin uses) and refused writes.
 * Checks of sktest.h; exit 0 on success. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "statetable.h"

#include "../lib/sktest.h"

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
	REQUIRE(s);
	s->threads = sk_threads_new(16, 16, NULL);
	REQUIRE(s->threads);
	sk_thread_t *leader = sk_threads_add(s->threads, 100);
	sk_thread_t *thr = sk_threads_add(s->threads, 101);
	sk_thread_t *other = sk_threads_add(s->threads, 200);
	REQUIRE(leader && thr && other);
	leader->pid = 100;
	leader->pidns_init_start_ts = 1700000000123456789ull;
	thr->pid = 100;
	snprintf(leader->comm, sizeof(leader->comm), "%s", "nginx");

	ss_plugin_init_tables_input tin;
	memset(&tin, 0, sizeof(tin));
	tin.add_table = mock_add_table;
	char err[256];
	REQUIRE(sk_statetable_publish(s, &tin, err, sizeof(err)) == 0, "%s", err);
	CHECK(n_registered == 1);
	CHECK_STR(registered.name, "threads");
	CHECK(registered.key_type == SS_PLUGIN_ST_INT64);
	ss_plugin_table_t *t = registered.table;
	ss_plugin_table_fields_vtable_ext *fx = registered.fields_ext;
	ss_plugin_table_reader_vtable_ext *rx = registered.reader_ext;
	ss_plugin_table_writer_vtable_ext *wx = registered.writer_ext;
	REQUIRE(fx && rx && wx);

	/* Listed, uint64, writable as in libsinsp. */
	uint32_t n = 0;
	const ss_plugin_table_fieldinfo *fl = fx->list_table_fields(t, &n);
	bool listed = false;
	for (uint32_t i = 0; i < n; i++) {
		if (!strcmp(fl[i].name, "pidns_init_start_ts")) {
			listed = true;
			CHECK(fl[i].field_type == SS_PLUGIN_ST_UINT64);
			CHECK(!fl[i].read_only);
		}
	}
	CHECK(listed);
	ss_plugin_table_field_t *fp = fx->get_table_field(t, "pidns_init_start_ts", SS_PLUGIN_ST_UINT64);
	REQUIRE(fp);
	/* Same-width signedness is tolerated on lookup (the C++ SDK example reads
	 * tid as uint64); another width or kind is not. */
	CHECK(fx->get_table_field(t, "pidns_init_start_ts", SS_PLUGIN_ST_INT64) == fp);
	CHECK(!fx->get_table_field(t, "pidns_init_start_ts", SS_PLUGIN_ST_UINT32));
	CHECK(!fx->get_table_field(t, "pidns_init_start_ts", SS_PLUGIN_ST_STRING));
	ss_plugin_table_field_t *fc = fx->get_table_field(t, "comm", SS_PLUGIN_ST_STRING);
	REQUIRE(fc);

	ss_plugin_state_data key, out;
	key.s64 = 100;
	ss_plugin_table_entry_t *e = rx->get_table_entry(t, &key);
	REQUIRE(e);
	memset(&out, 0, sizeof(out));
	CHECK(rx->read_entry_field(t, e, fp, &out) == SS_PLUGIN_SUCCESS);
	CHECK(out.u64 == 1700000000123456789ull, "%llu", (unsigned long long)out.u64);
	/* out.str is only a string once the read succeeded */
	REQUIRE(rx->read_entry_field(t, e, fc, &out) == SS_PLUGIN_SUCCESS);
	CHECK_STR(out.str, "nginx");
	/* A thread of the process without its own value reads the leader's. */
	key.s64 = 101;
	e = rx->get_table_entry(t, &key);
	REQUIRE(e);
	CHECK(rx->read_entry_field(t, e, fp, &out) == SS_PLUGIN_SUCCESS);
	CHECK(out.u64 == 1700000000123456789ull, "%llu", (unsigned long long)out.u64);
	/* Unknown: 0. */
	key.s64 = 200;
	e = rx->get_table_entry(t, &key);
	REQUIRE(e);
	out.u64 = 42;
	CHECK(rx->read_entry_field(t, e, fp, &out) == SS_PLUGIN_SUCCESS);
	CHECK(out.u64 == 0, "%llu", (unsigned long long)out.u64);
	/* Writable; cwd and the sub-tables are read-only. */
	ss_plugin_state_data in;
	in.u64 = 5;
	CHECK(wx->write_entry_field(t, e, fp, &in) == SS_PLUGIN_SUCCESS);
	CHECK(other->pidns_init_start_ts == 5);
	ss_plugin_table_field_t *fcwd = fx->get_table_field(t, "cwd", SS_PLUGIN_ST_STRING);
	REQUIRE(fcwd);
	in.str = "/x";
	CHECK(wx->write_entry_field(t, e, fcwd, &in) == SS_PLUGIN_FAILURE);
	key.s64 = 999;
	CHECK(!rx->get_table_entry(t, &key));

	sk_statetable_free(s);
	sk_threads_free(s->threads);
	free(s);
	return sktest_report("syscall statetable");
}
