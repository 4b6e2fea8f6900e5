/*
 * test_tables.c - the host's state-table registry (engine/host/tables.c)
 * with two real plugins: tthreads owns "threads", tuser reads and writes
 * it only through the host vtables.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_api.h"
#include "tables.h"

#include "../lib/sktest.h"

typedef struct lib {
	void *h;
	ss_plugin_t *(*init)(const ss_plugin_init_input *, ss_plugin_rc *);
	const char *(*last_error)(ss_plugin_t *);
	ss_plugin_rc (*parse)(ss_plugin_t *, const ss_plugin_event_input *,
		const ss_plugin_event_parse_input *);
	ss_plugin_rc (*extract)(ss_plugin_t *, const ss_plugin_event_input *,
		const ss_plugin_field_extract_input *);
} lib_t;

static int load(const char *path, lib_t *l)
{
	l->h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!l->h) {
		fprintf(stderr, "dlopen %s: %s\n", path, dlerror());
		return -1;
	}
	*(void **)&l->init = dlsym(l->h, "plugin_init");
	*(void **)&l->last_error = dlsym(l->h, "plugin_get_last_error");
	*(void **)&l->parse = dlsym(l->h, "plugin_parse_event");
	*(void **)&l->extract = dlsym(l->h, "plugin_extract_fields");
	return l->init ? 0 : -1;
}

static const char *owner_err(ss_plugin_owner_t *o)
{
	(void)o;
	return sk_tables_last_error();
}

static int g_owner_a, g_owner_b; /* distinct owner identities */

static const char *extract_str(lib_t *l, ss_plugin_t *s, ss_plugin_event *evt, uint32_t fid)
{
	ss_plugin_extract_field f;
	memset(&f, 0, sizeof(f));
	f.field_id = fid;
	f.ftype = FTYPE_STRING;
	f.arg_index = UINT64_MAX;
	ss_plugin_field_extract_input in;
	memset(&in, 0, sizeof(in));
	in.owner = &g_owner_b;
	in.get_owner_last_error = owner_err;
	in.num_fields = 1;
	in.fields = &f;
	in.table_reader = sk_tables_reader();
	in.table_reader_ext = sk_tables_reader_ext();
	ss_plugin_event_input ev = {.evt = evt, .evtnum = 1, .evtsrc = "syscall"};
	if (l->extract(s, &ev, &in) != SS_PLUGIN_SUCCESS || f.res_len != 1)
		return NULL;
	return f.res.str[0];
}

static uint64_t extract_u64(lib_t *l, ss_plugin_t *s, ss_plugin_event *evt, uint32_t fid)
{
	ss_plugin_extract_field f;
	memset(&f, 0, sizeof(f));
	f.field_id = fid;
	f.ftype = FTYPE_UINT64;
	ss_plugin_field_extract_input in;
	memset(&in, 0, sizeof(in));
	in.num_fields = 1;
	in.fields = &f;
	in.table_reader = sk_tables_reader();
	in.table_reader_ext = sk_tables_reader_ext();
	ss_plugin_event_input ev = {.evt = evt, .evtnum = 1, .evtsrc = "syscall"};
	if (l->extract(s, &ev, &in) != SS_PLUGIN_SUCCESS || f.res_len != 1)
		return UINT64_MAX;
	return f.res.u64[0];
}

/* A second, minimal table registered straight from the test. */
static const char *mini_name(ss_plugin_table_t *t) { (void)t; return "mini"; }
static uint64_t mini_size(ss_plugin_table_t *t) { (void)t; return 7; }
static ss_plugin_table_entry_t *mini_get(ss_plugin_table_t *t, const ss_plugin_state_data *k)
{
	(void)k;
	return t;
}
static ss_plugin_rc mini_read(ss_plugin_table_t *t, ss_plugin_table_entry_t *e,
	const ss_plugin_table_field_t *f, ss_plugin_state_data *o)
{
	(void)t; (void)e; (void)f;
	o->u64 = 42;
	return SS_PLUGIN_SUCCESS;
}
static ss_plugin_table_field_t *mini_field(ss_plugin_table_t *t, const char *n,
	ss_plugin_state_type ty)
{
	(void)n; (void)ty;
	return t;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s libtthreads.so libtuser.so\n", argv[0]);
		return 2;
	}
	lib_t owner, user;
	if (load(argv[1], &owner) || load(argv[2], &user))
		return 1;
	int (*tset)(int64_t, int64_t, const char *, const char *, uint64_t);
	const char *(*tstr)(int64_t, const char *);
	*(void **)&tset = dlsym(owner.h, "tthreads_set");
	*(void **)&tstr = dlsym(owner.h, "tthreads_str");
	CHECK(tset && tstr, "test symbols missing");
	if (!tset || !tstr)
		return 1;

	sk_tables_reset();
	const ss_plugin_init_tables_input *tin = sk_tables_init_input();
	CHECK(tin->reader_ext == sk_tables_reader_ext() && tin->writer_ext == sk_tables_writer_ext() &&
		tin->fields_ext == sk_tables_fields_ext(), "init input vtables");

	/* A user initialised before the owner finds nothing. */
	ss_plugin_init_input ui = {.config = "", .owner = &g_owner_b,
		.get_owner_last_error = owner_err, .tables = tin};
	ss_plugin_rc rc;
	ss_plugin_t *us = user.init(&ui, &rc);
	CHECK(rc == SS_PLUGIN_FAILURE, "user init must fail without the table");
	CHECK(sk_tables_last_error() && strstr(sk_tables_last_error(), "not registered"),
		"error text: %s", sk_tables_last_error() ? sk_tables_last_error() : "(null)");

	ss_plugin_init_input oi = {.config = "", .owner = &g_owner_a,
		.get_owner_last_error = owner_err, .tables = tin};
	ss_plugin_t *os = owner.init(&oi, &rc);
	CHECK(rc == SS_PLUGIN_SUCCESS, "owner init: %s", owner.last_error(os));
	CHECK(sk_tables_count() == 1, "one table");

	us = user.init(&ui, &rc);
	CHECK(rc == SS_PLUGIN_SUCCESS, "user init: %s", user.last_error(us));

	/* list_tables */
	uint32_t nt = 0;
	ss_plugin_table_info *infos = tin->list_tables(&g_owner_b, &nt);
	CHECK(nt == 1 && infos && strcmp(infos[0].name, "threads") == 0 &&
		infos[0].key_type == SS_PLUGIN_ST_INT64, "list_tables");

	/* get_table: wrong key type, unknown name, duplicate registration */
	CHECK(!tin->get_table(&g_owner_b, "threads", SS_PLUGIN_ST_UINT64), "key type mismatch");
	CHECK(strstr(sk_tables_last_error(), "key type"), "mismatch error: %s", sk_tables_last_error());
	CHECK(!tin->get_table(&g_owner_b, "nope", SS_PLUGIN_ST_INT64), "unknown table");
	ss_plugin_table_t *h = tin->get_table(&g_owner_b, "threads", SS_PLUGIN_ST_INT64);
	CHECK(h != NULL, "get_table");
	ss_plugin_table_input dup;
	memset(&dup, 0, sizeof(dup));
	dup.name = "threads";
	dup.key_type = SS_PLUGIN_ST_INT64;
	dup.table = &dup;
	dup.reader.get_table_size = mini_size;
	dup.reader.get_table_entry = mini_get;
	dup.reader.read_entry_field = mini_read;
	dup.fields.get_table_field = mini_field;
	CHECK(tin->add_table(&g_owner_b, &dup) == SS_PLUGIN_FAILURE, "duplicate name rejected");
	CHECK(strstr(sk_tables_last_error(), "already registered"), "dup error");
	dup.name = "";
	CHECK(tin->add_table(&g_owner_b, &dup) == SS_PLUGIN_FAILURE, "empty name rejected");
	dup.name = "bad";
	dup.key_type = SS_PLUGIN_ST_TABLE;
	CHECK(tin->add_table(&g_owner_b, &dup) == SS_PLUGIN_FAILURE, "table key rejected");
	dup.key_type = SS_PLUGIN_ST_UINT64;
	dup.reader.read_entry_field = NULL;
	CHECK(tin->add_table(&g_owner_b, &dup) == SS_PLUGIN_FAILURE, "incomplete reader rejected");

	/* A table given with only the deprecated inline vtables works and is
	 * read-only through the host. */
	dup.name = "mini";
	dup.reader.get_table_name = mini_name;
	dup.reader.read_entry_field = mini_read;
	CHECK(tin->add_table(&g_owner_b, &dup) == SS_PLUGIN_SUCCESS, "mini: %s", sk_tables_last_error());
	ss_plugin_table_t *mh = tin->get_table(&g_owner_a, "mini", SS_PLUGIN_ST_UINT64);
	ss_plugin_table_reader_vtable_ext *rx = sk_tables_reader_ext();
	ss_plugin_table_writer_vtable_ext *wx = sk_tables_writer_ext();
	CHECK(mh && rx->get_table_size(mh) == 7, "mini size via host");
	ss_plugin_state_data k = {.u64 = 1}, v;
	ss_plugin_table_entry_t *me = rx->get_table_entry(mh, &k);
	ss_plugin_table_field_t *mf = sk_tables_fields_ext()->get_table_field(mh, "x", SS_PLUGIN_ST_UINT64);
	CHECK(me && mf && rx->read_entry_field(mh, me, mf, &v) == SS_PLUGIN_SUCCESS && v.u64 == 42,
		"mini read via host");
	rx->release_table_entry(mh, me); /* owner has none: no-op */
	CHECK(wx->write_entry_field(mh, me, mf, &v) == SS_PLUGIN_FAILURE, "read-only write fails");
	CHECK(strstr(sk_tables_last_error(), "does not support"), "ro error: %s", sk_tables_last_error());
	CHECK(!rx->iterate_entries(mh, NULL, NULL), "iterate without fn");
	CHECK(sk_tables_count() == 2, "two tables");

	/* Bogus handles never reach an owner. */
	int junk[32] = {0};
	CHECK(rx->get_table_size(junk) == (uint64_t)-1, "bogus handle size");
	CHECK(rx->get_table_name(NULL) == NULL, "NULL handle name");
	CHECK(strstr(sk_tables_last_error(), "not a table handle"), "bogus handle error");

	/* Rows seeded by the owner, written by the user through the host. */
	tset(100, 100, "bash", "0::/\n", 0);
	tset(101, 100, "sleep", "0::/docker/abc\n", 0);
	ss_plugin_event evt = {.ts = 1, .tid = 101, .len = 26, .type = 293, .nparams = 0};
	ss_plugin_event_parse_input pin;
	memset(&pin, 0, sizeof(pin));
	pin.owner = &g_owner_b;
	pin.get_owner_last_error = owner_err;
	pin.table_reader = sk_tables_reader();
	pin.table_writer = sk_tables_writer();
	pin.table_reader_ext = sk_tables_reader_ext();
	pin.table_writer_ext = sk_tables_writer_ext();
	ss_plugin_event_input ev = {.evt = &evt, .evtnum = 1, .evtsrc = "syscall"};
	CHECK(user.parse(us, &ev, &pin) == SS_PLUGIN_SUCCESS, "parse: %s", user.last_error(us));
	CHECK(tstr(101, "container_id") && strcmp(tstr(101, "container_id"), "seen-101") == 0,
		"owner sees the user's write: %s", tstr(101, "container_id"));
	CHECK(tstr(101, "tuser_note") && strcmp(tstr(101, "tuser_note"), "note") == 0,
		"field added by the user exists in the owner");
	const char *s = extract_str(&user, us, &evt, 0);
	CHECK(s && strcmp(s, "sleep") == 0, "comm via host reader: %s", s ? s : "(none)");
	s = extract_str(&user, us, &evt, 1);
	CHECK(s && strcmp(s, "seen-101") == 0, "cid read back");
	CHECK(extract_u64(&user, us, &evt, 3) == 2, "iterate via host");
	uint64_t acq = 0, rel = 0;
	void (*refs)(uint64_t *, uint64_t *);
	*(void **)&refs = dlsym(owner.h, "tthreads_refs");
	refs(&acq, &rel);
	CHECK(acq > 0 && acq == rel, "every entry released (%llu/%llu)", (unsigned long long)acq,
		(unsigned long long)rel);

	/* Writer: create/add/erase through the host. */
	ss_plugin_table_entry_t *ne = wx->create_table_entry(h);
	ss_plugin_state_data nk = {.s64 = 555};
	CHECK(ne && wx->add_table_entry(h, &nk, ne) != NULL, "add entry via host");
	CHECK(rx->get_table_size(h) == 3, "size 3");
	CHECK(wx->erase_table_entry(h, &nk) == SS_PLUGIN_SUCCESS && rx->get_table_size(h) == 2, "erase");
	uint32_t nf = 0;
	const ss_plugin_table_fieldinfo *fi = sk_tables_fields_ext()->list_table_fields(h, &nf);
	CHECK(fi && nf == 7, "7 fields listed (5 + container_id + tuser_note), got %u", nf);

	/* Unpublishing the owner kills its handles safely. */
	sk_tables_remove_owner(&g_owner_a);
	CHECK(sk_tables_count() == 1, "one left");
	CHECK(rx->get_table_size(h) == (uint64_t)-1, "dead handle");
	CHECK(strstr(sk_tables_last_error(), "no longer registered"), "dead error");
	CHECK(user.parse(us, &ev, &pin) == SS_PLUGIN_FAILURE, "user parse fails cleanly");
	CHECK(!tin->get_table(&g_owner_b, "threads", SS_PLUGIN_ST_INT64), "gone from lookup");

	/* Register and unpublish far more tables than there are slots. */
	int owners[3 * SK_TABLES_MAX];
	dup.name = "cycled";
	for (int i = 0; i < 3 * SK_TABLES_MAX; i++) {
		ss_plugin_rc arc = tin->add_table(&owners[i], &dup);
		CHECK(arc == SS_PLUGIN_SUCCESS, "cycle %d: %s", i, sk_tables_last_error());
		ss_plugin_table_t *ch = tin->get_table(&g_owner_a, "cycled", SS_PLUGIN_ST_UINT64);
		CHECK(ch && rx->get_table_size(ch) == 7, "cycle %d: usable", i);
		sk_tables_remove_owner(&owners[i]);
		CHECK(!tin->get_table(&g_owner_a, "cycled", SS_PLUGIN_ST_UINT64), "cycle %d: gone", i);
	}
	/* The live limit still holds. */
	static char names[SK_TABLES_MAX + 1][16];
	int added = 0;
	for (int i = 0; i <= SK_TABLES_MAX; i++) {
		snprintf(names[i], sizeof(names[i]), "t%d", i);
		dup.name = names[i];
		added += tin->add_table(&g_owner_a, &dup) == SS_PLUGIN_SUCCESS;
	}
	CHECK(added == SK_TABLES_MAX - 1, "live limit: %d added next to 'mini'", added);
	CHECK(strstr(sk_tables_last_error(), "too many tables"), "limit error: %s",
		sk_tables_last_error());

	sk_tables_reset();
	CHECK(sk_tables_count() == 0, "reset");
	printf("tables: %d failures\n", failures);
	return failures ? 1 : 0;
}
