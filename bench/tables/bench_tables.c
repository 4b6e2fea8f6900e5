/*
 * bench_tables.c - cost of reading three "threads" fields (pid, comm, uid)
 * per event through the host's table vtables (engine/host/tables.c
 * forwarding to the syscall plugin's table), against reading the same
 * fields directly from the plugin's thread table, in the same run.
 *
 * usage: bench_tables [events] [threads]; prints ns/event for both and the
 * ratio (target <= 2.0).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sk_sdk_util.h"
#include "statetable.h"
#include "statetable_int.h"
#include "tables.h"

static int g_owner, g_user;

int main(int argc, char **argv)
{
	uint64_t nev = argc > 1 ? strtoull(argv[1], NULL, 10) : 20000000ull;
	uint32_t nth = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 2000;
	sk_sys_t *s = calloc(1, sizeof(*s));
	if (!s || !(s->threads = sk_threads_new(nth * 2, 64, NULL)))
		return 1;
	s->owner = &g_owner;
	for (uint32_t i = 0; i < nth; i++) {
		sk_thread_t *t = sk_threads_add(s->threads, 1000 + i);
		t->pid = 1000 + i - i % 4;
		t->uid = i % 100;
		snprintf(t->comm, sizeof(t->comm), "proc%u", i);
	}
	const ss_plugin_init_tables_input *tin = sk_tables_init_input();
	char err[256];
	if (sk_statetable_publish(s, tin, err, sizeof(err))) {
		fprintf(stderr, "publish: %s\n", err);
		return 1;
	}
	ss_plugin_table_t *h = tin->get_table(&g_user, "threads", SS_PLUGIN_ST_INT64);
	ss_plugin_table_fields_vtable_ext *fx = tin->fields_ext;
	ss_plugin_table_reader_vtable_ext *rx = sk_tables_reader_ext();
	ss_plugin_table_field_t *fpid = fx->get_table_field(h, "pid", SS_PLUGIN_ST_INT64);
	ss_plugin_table_field_t *fcomm = fx->get_table_field(h, "comm", SS_PLUGIN_ST_STRING);
	ss_plugin_table_field_t *fuid = fx->get_table_field(h, "uid", SS_PLUGIN_ST_UINT32);
	if (!h || !fpid || !fcomm || !fuid) {
		fprintf(stderr, "table or fields missing\n");
		return 1;
	}
	/* Event tids: a fixed pseudo-random walk over the threads. */
	uint32_t *tids = malloc(4096 * sizeof(*tids));
	uint32_t x = 12345;
	for (int i = 0; i < 4096; i++) {
		x = x * 1103515245u + 12345u;
		tids[i] = 1000 + (x >> 8) % nth;
	}
	/* The owner's vtables, as registered (what the host forwards to). */
	ss_plugin_table_t *ot = s->table;
	sk_table_t *otb = s->table;
	ss_plugin_table_reader_vtable_ext *orx = &otb->reader;
	ss_plugin_table_field_t *opid = otb->fields.get_table_field(ot, "pid", SS_PLUGIN_ST_INT64);
	ss_plugin_table_field_t *ocomm = otb->fields.get_table_field(ot, "comm", SS_PLUGIN_ST_STRING);
	ss_plugin_table_field_t *ouid = otb->fields.get_table_field(ot, "uid", SS_PLUGIN_ST_UINT32);
	volatile uint64_t sink = 0;
	double best_direct = 1e18, best_host = 1e18, best_owner = 1e18;
	for (int round = 0; round < 5; round++) {
		uint64_t t0 = sk_sdk_now_ns(CLOCK_MONOTONIC), acc = 0;
		for (uint64_t i = 0; i < nev; i++) {
			const sk_thread_t *t = sk_threads_peek(s->threads, tids[i & 4095]);
			acc += (uint64_t)t->pid + t->uid + (uint8_t)t->comm[0];
		}
		uint64_t t1 = sk_sdk_now_ns(CLOCK_MONOTONIC);
		sink += acc;
		acc = 0;
		for (uint64_t i = 0; i < nev; i++) {
			ss_plugin_state_data key = {.s64 = tids[i & 4095]}, a, b, c;
			ss_plugin_table_entry_t *e = rx->get_table_entry(h, &key);
			rx->read_entry_field(h, e, fpid, &a);
			rx->read_entry_field(h, e, fcomm, &b);
			rx->read_entry_field(h, e, fuid, &c);
			acc += (uint64_t)a.s64 + c.u32 + (uint8_t)b.str[0];
		}
		uint64_t t2 = sk_sdk_now_ns(CLOCK_MONOTONIC);
		sink += acc;
		acc = 0;
		for (uint64_t i = 0; i < nev; i++) {
			ss_plugin_state_data key = {.s64 = tids[i & 4095]}, a, b, c;
			ss_plugin_table_entry_t *e = orx->get_table_entry(ot, &key);
			orx->read_entry_field(ot, e, opid, &a);
			orx->read_entry_field(ot, e, ocomm, &b);
			orx->read_entry_field(ot, e, ouid, &c);
			acc += (uint64_t)a.s64 + c.u32 + (uint8_t)b.str[0];
		}
		uint64_t t3 = sk_sdk_now_ns(CLOCK_MONOTONIC);
		sink += acc;
		double d = (double)(t1 - t0) / (double)nev, hh = (double)(t2 - t1) / (double)nev;
		double o = (double)(t3 - t2) / (double)nev;
		if (d < best_direct)
			best_direct = d;
		if (hh < best_host)
			best_host = hh;
		if (o < best_owner)
			best_owner = o;
	}
	double ratio = best_host / best_owner;
	printf("threads=%u events=%llu (best of 5 rounds)\n", nth, (unsigned long long)nev);
	printf("structs read in place (scale):        %.1f ns/event\n", best_direct);
	printf("owner's vtables called directly:      %.1f ns/event\n", best_owner);
	printf("through the host table vtables:       %.1f ns/event\n", best_host);
	printf("ratio host/in-place: %.2f\n", best_host / best_direct);
	printf("ratio host/owner-direct: %.2f (target <= 2.00) %s\n", ratio, ratio <= 2.0 ? "OK" : "OVER");
	sk_statetable_free(s);
	sk_threads_free(s->threads);
	free(s);
	free(tids);
	sk_tables_reset();
	return (int)(sink & 0) + (ratio <= 2.0 ? 0 : 3);
}
