/* Unit tests: thread table and fd table bounds/eviction, users, renderers,
 * event schema walkers. Checks of sktest.h; exit 0 on success. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evclass.h"
#include "fdtab.h"
#include "ppm.h"
#include "render.h"
#include "scap_read.h"
#include "scap_write.h"
#include "sk_event_schema.h"
#include "threads.h"
#include "users.h"

#include "../lib/sktest.h"

static void test_threads_bounded(void)
{
	sk_threads_t *t = sk_threads_new(4, 16, NULL);
	REQUIRE(t);
	for (int64_t tid = 1; tid <= 4; tid++)
		CHECK(sk_threads_add(t, tid), "tid %lld", (long long)tid);
	CHECK(sk_threads_stats(t)->count == 4);
	/* Full: the LRU live entry (tid 1) goes, counted as a live eviction. */
	CHECK(sk_threads_add(t, 5));
	CHECK(sk_threads_stats(t)->count == 4);
	CHECK(sk_threads_stats(t)->evicted_live == 1);
	CHECK(!sk_threads_peek(t, 1));
	/* Touch 2 so it is recent; mark 3 dead: the next insert evicts the dead one. */
	CHECK(sk_threads_get(t, 2));
	sk_threads_mark_dead(t, 3);
	CHECK(sk_threads_add(t, 6));
	CHECK(sk_threads_stats(t)->evicted_dead == 1);
	CHECK(!sk_threads_peek(t, 3));
	CHECK(sk_threads_peek(t, 2));
	/* Dead entries are removed by reap. */
	sk_threads_mark_dead(t, 2);
	sk_threads_reap(t);
	CHECK(!sk_threads_peek(t, 2));
	CHECK(sk_threads_stats(t)->count == 3);
	sk_threads_free(t);
}

static bool never_alive(int64_t tid)
{
	(void)tid;
	return false;
}

static void test_threads_is_alive(void)
{
	sk_threads_t *t = sk_threads_new(2, 16, never_alive);
	REQUIRE(t);
	CHECK(sk_threads_add(t, 10));
	CHECK(sk_threads_add(t, 11));
	CHECK(sk_threads_add(t, 12));
	/* The liveness probe says the LRU entry is gone: a dead eviction. */
	CHECK(sk_threads_stats(t)->evicted_dead == 1);
	CHECK(sk_threads_stats(t)->evicted_live == 0);
	sk_threads_free(t);
}

static void test_fds_shared_and_bounded(void)
{
	sk_threads_t *t = sk_threads_new(16, 3, NULL);
	REQUIRE(t);
	sk_thread_t *leader = sk_threads_add(t, 100);
	sk_thread_t *thr = sk_threads_add(t, 101);
	leader = sk_threads_peek(t, 100);
	REQUIRE(leader && thr);
	thr->pid = 100;
	sk_fdtab_t *a = sk_thread_fds(t, leader), *b = sk_thread_fds(t, thr);
	REQUIRE(a && a == b); /* threads share the process's fds */
	for (int fd = 0; fd < 3; fd++) {
		sk_fdinfo_t *f = sk_fdtab_put(a, fd);
		REQUIRE(f, "fd %d", fd);
		f->kind = SK_FD_FILE;
		f->open_flags = fd == 1 ? SK_PPM_O_CLOEXEC : 0;
		CHECK(sk_fdinfo_set_name(f, "/etc/passwd") == 0);
	}
	CHECK(!sk_fdtab_put(a, 7)); /* bound */
	CHECK(sk_fdtab_dropped(a) == 1);
	CHECK(sk_threads_fd_dropped(t) == 1);
	CHECK(sk_fdtab_put(a, 2)); /* replacing an existing fd is not a drop */
	CHECK(sk_fdtab_dropped(a) == 1);
	sk_fdtab_t *c = sk_fdtab_clone(a);
	REQUIRE(c);
	CHECK(sk_fdtab_count(c) == 3, "%zu", sk_fdtab_count(c));
	const sk_fdinfo_t *f0 = sk_fdtab_get(c, 0);
	CHECK(f0);
	if (f0)
		CHECK_STR(f0->name, "/etc/passwd");
	sk_fdtab_close_cloexec(a);
	CHECK(sk_fdtab_count(a) == 2, "%zu", sk_fdtab_count(a));
	CHECK(!sk_fdtab_get(a, 1));
	CHECK(sk_fdtab_del(a, 0));
	CHECK(!sk_fdtab_del(a, 0)); /* already gone */
	sk_fdtab_free(c);
	CHECK(sk_fd_typechar(SK_FD_IPV4) == '4');
	CHECK(sk_fd_typechar(SK_FD_FILE) == 'f');
	CHECK_STR(sk_fd_typename(SK_FD_FIFO), "pipe");
	sk_threads_free(t);
}

static void test_users(void)
{
	const char *pw = "/tmp/sk_test_passwd", *gr = "/tmp/sk_test_group";
	FILE *f = fopen(pw, "w");
	REQUIRE(f, "%s", pw);
	fputs("root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www:/var/www:/usr/sbin/nologin\n", f);
	fclose(f);
	f = fopen(gr, "w");
	REQUIRE(f, "%s", gr);
	fputs("root:x:0:\nwww-data:x:33:\n", f);
	fclose(f);
	sk_users_t *u = sk_users_new(8);
	REQUIRE(u);
	CHECK(sk_users_load(u, pw, gr) == 4);
	CHECK(sk_users_dropped(u) == 0);
	const sk_user_t *www = sk_users_user(u, 33);
	CHECK(www);
	if (www) {
		CHECK_STR(www->name, "www-data");
		CHECK_STR(www->home, "/var/www");
	}
	CHECK_STR(sk_users_group(u, 0), "root");
	CHECK(!sk_users_user(u, 4242));
	sk_users_free(u);
	/* bounded: one user and one group fit, the others are counted */
	u = sk_users_new(1);
	REQUIRE(u);
	CHECK(sk_users_load(u, pw, gr) == 2);
	CHECK(sk_users_dropped(u) == 2);
	CHECK(sk_users_user(u, 0));
	CHECK(!sk_users_user(u, 33));
	sk_users_free(u);
	remove(pw);
	remove(gr);
}

static void test_render(void)
{
	char buf[256];
	sk_path_join(buf, sizeof(buf), "/home/a/", "../b/./c//d");
	CHECK_STR(buf, "/home/b/c/d");
	sk_path_join(buf, sizeof(buf), "/x", "/abs/../y");
	CHECK_STR(buf, "/y");
	sk_path_join(buf, sizeof(buf), "/", "../..");
	CHECK_STR(buf, "/");
	CHECK_STR(sk_errno_name(-2), "ENOENT");
	sk_fmt_caps(buf, sizeof(buf), (1ull << 21) | 1ull);
	CHECK_STR(buf, "CAP_CHOWN CAP_SYS_ADMIN");
	int idx = sk_evt_param_index(3, "flags");
	REQUIRE(idx >= 0);
	const sk_flag_name_t *names = sk_evt_info(3)->params[idx].flags;
	sk_fmt_flags(buf, sizeof(buf), names, SK_PPM_O_RDWR | SK_PPM_O_TRUNC | SK_PPM_O_CLOEXEC, false);
	CHECK_STR(buf, "O_TRUNC|O_RDWR|O_CLOEXEC");
	uint8_t ip[16] = {127, 0, 0, 1};
	sk_fmt_ipport(buf, sizeof(buf), false, ip, 8080);
	CHECK_STR(buf, "127.0.0.1:8080");
}

/* The accessors name the upstream layout: ts at 0, tid at 8, len at 16,
 * type at 20, nparams at 22; a plugin event's lengths at 26 and 30, its id
 * at 34 and its payload at 38. evt is sk_evt_build's plugin event
 * (ts 1, tid 42, id 999, payload "xyz"). */
static void test_header_accessors(uint8_t *evt, int len)
{
	uint64_t u64;
	uint32_t u32;
	uint16_t u16;
	memcpy(&u64, evt + 8, 8);
	CHECK(sk_evt_get_ts(evt) == 1);
	CHECK(sk_evt_get_tid(evt) == 42 && u64 == 42);
	memcpy(&u32, evt + 16, 4);
	CHECK(sk_evt_get_len(evt) == (uint32_t)len && u32 == (uint32_t)len);
	memcpy(&u16, evt + 20, 2);
	CHECK(sk_evt_get_type(evt) == PPME_PLUGINEVENT_E && u16 == PPME_PLUGINEVENT_E);
	memcpy(&u32, evt + 22, 4);
	CHECK(sk_evt_get_nparams(evt) == 2 && u32 == 2);
	CHECK(sk_evt_get_len32(evt, 0) == 4);
	CHECK(sk_evt_get_len32(evt, 1) == 3);
	memcpy(&u32, evt + 34, 4);
	CHECK(sk_evt_get_plugin_id(evt) == 999 && u32 == 999);
	CHECK(sk_evt_plugin_payload(evt) == evt + 38 && !memcmp(evt + 38, "xyz", 3));

	/* the header writers produce what sk_evt_build produces */
	uint8_t mine[64] = {0};
	sk_evt_plugin_header(mine, 1, 999, 3);
	sk_evt_set_tid(mine, 42);
	memcpy(mine + SK_EVT_PLUGIN_HDR_LEN, "xyz", 3);
	CHECK(!memcmp(mine, evt, (size_t)len));
	sk_evt_set_ts(mine, 7);
	sk_evt_set_plugin_id(mine, 5);
	memcpy(&u64, mine, 8);
	memcpy(&u32, mine + 34, 4);
	CHECK(u64 == 7 && u32 == 5);

	uint8_t built[64], async[64] = {0};
	uint32_t id = 77;
	sk_evt_param_t ap[3] = {{(const uint8_t *)&id, 4}, {(const uint8_t *)"ctr", 4},
		{(const uint8_t *)"d", 1}};
	int alen = sk_evt_build(built, sizeof(built), 9, UINT64_MAX, PPME_ASYNCEVENT_E, 3, ap);
	REQUIRE(alen == 26 + 12 + 4 + 4 + 1, "%d", alen);
	sk_evt_async_header(async, 9, 77, 4, 1);
	memcpy(async + SK_EVT_ASYNC_NAME_OFF, "ctr", 4);
	memcpy(async + SK_EVT_ASYNC_NAME_OFF + 4, "d", 1);
	CHECK(!memcmp(async, built, (size_t)alen));
}

static void test_schema(void)
{
	uint16_t codes[16];
	CHECK(sk_evt_codes_by_name("open", codes, 16) == 2 && codes[0] == 2 && codes[1] == 3);
	CHECK(sk_evt_codes_by_name("nosuchsyscall", codes, 16) == 0);
	CHECK(sk_evt_is_exit(3));
	CHECK(!sk_evt_is_exit(2));
	CHECK(!sk_evt_info(SK_EVT_CODE_MAX));
	/* event classes: every version of a call, enter and exit */
	uint16_t cc[16];
	size_t ncc = sk_evt_codes_by_name("openat", cc, 16);
	CHECK(ncc >= 2);
	for (size_t i = 0; i < ncc && i < 16; i++)
		CHECK(sk_evclass(cc[i]) == SK_EVC_OPEN_NAMED, "code %u", cc[i]);
	CHECK(sk_evclass(sk_evt_codes_by_name("creat", cc, 16) ? cc[0] : 0) ==
		(SK_EVC_OPEN_NAMED | SK_EVC_CREAT));
	CHECK(sk_evt_codes_by_name("socketpair", cc, 16) && sk_evclass(cc[0]) == SK_EVC_FD_PAIR);
	CHECK(sk_evt_codes_by_name("read", cc, 16) && sk_evclass(cc[0]) == 0);
	CHECK(sk_evclass(SK_EVT_CODE_MAX) == 0);
	/* every code has its row, at its index, with typed parameters */
	for (uint16_t c = 0; c < SK_EVT_CODE_MAX; c++) {
		const sk_evt_info_t *e = sk_evt_info(c);
		REQUIRE(e, "code %u", c);
		CHECK(e->name && e->code == c, "code %u", c);
		REQUIRE(e->nparams == 0 || e->params, "code %u", c);
		for (uint32_t i = 0; i < e->nparams; i++)
			CHECK(e->params[i].name && e->params[i].type > PT_NONE &&
				e->params[i].type < PT_MAX, "code %u param %u", c, i);
	}
	CHECK(sk_evt_lensize(322) == 4);
	CHECK(sk_evt_lensize(3) == 2);
	CHECK_STR(sk_syscall_name(139), "madvise");
	/* build -> walk round trip, small and large-payload layouts */
	uint8_t buf[512];
	int64_t fd = 5;
	sk_evt_param_t in[2] = {{(const uint8_t *)&fd, 8}, {(const uint8_t *)"/etc/shadow", 12}};
	int len = sk_evt_build(buf, sizeof(buf), 1, 42, 3, 2, in);
	REQUIRE(len == 26 + 4 + 8 + 12, "%d", len);
	sk_evt_param_t out[4];
	REQUIRE(sk_evt_params((const ss_plugin_event *)buf, out, 4) == 2);
	CHECK(out[1].len == 12, "%u", (unsigned)out[1].len);
	CHECK_STR((const char *)out[1].data, "/etc/shadow");
	uint32_t id = 999;
	sk_evt_param_t pin[2] = {{(const uint8_t *)&id, 4}, {(const uint8_t *)"xyz", 3}};
	len = sk_evt_build(buf, sizeof(buf), 1, 42, 322, 2, pin);
	REQUIRE(len == 26 + 8 + 4 + 3, "%d", len);
	CHECK(sk_evt_params((const ss_plugin_event *)buf, out, 4) == 2 && out[1].len == 3);
	test_header_accessors(buf, len);
	/* truncated length is rejected, not read past */
	sk_evt_set_len(buf, 30);
	CHECK(sk_evt_params((const ss_plugin_event *)buf, out, 4) < 0);
	CHECK(sk_evt_build(buf, 20, 1, 1, 3, 2, in) < 0);
}

typedef struct seen {
	int procs, fds;
	char comm[64];
	char fdname[64];
} seen_t;

static void on_proc(void *ctx, const sk_scap_proc_t *p)
{
	seen_t *s = ctx;
	s->procs++;
	snprintf(s->comm, sizeof(s->comm), "%s", p->comm);
}

static void on_fd(void *ctx, int64_t tid, const sk_scap_fd_t *f)
{
	seen_t *s = ctx;
	(void)tid;
	s->fds++;
	snprintf(s->fdname, sizeof(s->fdname), "%s", f->name);
}

/* Writer -> reader round trip, then truncated and garbage input. */
static void test_scap_roundtrip(void)
{
	const char *path = "/tmp/sk_test_rt.scap", *gzpath = "/tmp/sk_test_rt.scap.gz";
	char err[256];
	sk_threads_t *t = sk_threads_new(8, 8, NULL);
	REQUIRE(t);
	sk_thread_t *th = sk_threads_add(t, 42);
	REQUIRE(th);
	snprintf(th->comm, sizeof(th->comm), "nginx");
	sk_thread_set_str(&th->exe, "nginx");
	static const char args[] = "-g\0daemon off;";
	sk_thread_set_buf(&th->args, &th->args_len, args, sizeof(args));
	sk_thread_set_str(&th->cwd, "/");
	sk_fdinfo_t *f = sk_fdtab_put(sk_thread_fds(t, th), 7);
	REQUIRE(f);
	f->kind = SK_FD_FILE;
	sk_fdinfo_set_name(f, "/var/log/nginx.log");
	for (int z = 0; z < 2; z++) {
		const char *p = z ? gzpath : path;
		sk_scap_writer_t *w;
		REQUIRE(sk_scap_writer_open(p, &w, err, sizeof(err)) == 0, "%s: %s", p, err);
		CHECK(sk_scap_writer_header(w, t, NULL, err, sizeof(err)) == 0, "%s: %s", p, err);
		uint8_t buf[256];
		int64_t fd = 7;
		sk_evt_param_t in[2] = {{(const uint8_t *)&fd, 8}, {(const uint8_t *)"/x", 3}};
		for (int i = 0; i < 3; i++) {
			int len = sk_evt_build(buf, sizeof(buf), 100 + (uint64_t)i, 42, 3, 2, in);
			REQUIRE(len > 0, "%d", len);
			CHECK(sk_scap_writer_event_pair(w, (const ss_plugin_event *)buf, NULL, 0, err,
				sizeof(err)) == 0, "%s: %s", p, err);
		}
		CHECK(sk_scap_writer_events(w) == 6); /* each exit after its built enter */
		CHECK(sk_scap_writer_close(w) == 0, "%s", p);
		seen_t seen = {0};
		sk_scap_callbacks_t cb = {on_proc, on_fd, NULL, NULL};
		sk_scap_reader_t *r;
		REQUIRE(sk_scap_open(p, &cb, &seen, &r, err, sizeof(err)) == 0, "%s: %s", p, err);
		CHECK(seen.procs == 1, "%d", seen.procs);
		CHECK_STR(seen.comm, "nginx");
		CHECK(seen.fds == 1, "%d", seen.fds);
		CHECK_STR(seen.fdname, "/var/log/nginx.log");
		const ss_plugin_event *e;
		int n = 0, rc;
		while ((rc = sk_scap_next(r, &e, NULL, err, sizeof(err))) == 0) {
			CHECK(sk_evt_get_type(e) == (n % 2 ? 3 : 2), "%s event %d", p, n);
			n++;
		}
		CHECK(rc == 1 && n == 6, "%s: rc %d, %d events: %s", p, rc, n, rc < 0 ? err : "");
		sk_scap_close(r);
	}
	/* Truncated file: a clear error, no crash. */
	FILE *in = fopen(path, "rb");
	REQUIRE(in, "%s", path);
	static uint8_t data[1 << 16], mut[1 << 16];
	size_t len = fread(data, 1, sizeof(data), in);
	fclose(in);
	REQUIRE(len > 10, "%s: %zu bytes", path, len);
	/* Corrupted bytes anywhere: an error or a clean end, never a crash. */
	srand(7);
	for (int iter = 0; iter < 300; iter++) {
		memcpy(mut, data, len);
		for (int k = 0; k < 1 + iter % 4; k++)
			mut[(size_t)rand() % len] = (uint8_t)rand();
		FILE *o = fopen(path, "wb");
		REQUIRE(o, "%s", path);
		fwrite(mut, 1, len, o);
		fclose(o);
		sk_scap_reader_t *cr;
		seen_t cs = {0};
		sk_scap_callbacks_t ccb = {on_proc, on_fd, NULL, NULL};
		if (sk_scap_open(path, &ccb, &cs, &cr, err, sizeof(err)) < 0)
			continue;
		const ss_plugin_event *ce;
		int guard = 0;
		while (sk_scap_next(cr, &ce, NULL, err, sizeof(err)) == 0 && guard++ < 1000) {
			sk_evt_param_t pp[SK_EVT_MAX_PARAMS];
			(void)sk_evt_params(ce, pp, SK_EVT_MAX_PARAMS);
		}
		sk_scap_close(cr);
	}
	FILE *out = fopen(path, "wb");
	REQUIRE(out, "%s", path);
	fwrite(data, 1, len - 10, out);
	fclose(out);
	sk_scap_reader_t *r;
	REQUIRE(sk_scap_open(path, NULL, NULL, &r, err, sizeof(err)) == 0, "%s", err);
	const ss_plugin_event *e;
	int rc;
	while ((rc = sk_scap_next(r, &e, NULL, err, sizeof(err))) == 0)
		;
	CHECK(rc < 0 && strstr(err, "truncated"), "rc %d: %s", rc, err);
	sk_scap_close(r);
	/* Not a capture at all. */
	out = fopen(path, "wb");
	REQUIRE(out, "%s", path);
	fputs("hello, this is not a capture file at all\n", out);
	fclose(out);
	CHECK(sk_scap_open(path, NULL, NULL, &r, err, sizeof(err)) < 0);
	CHECK(strstr(err, path), "%s", err);
	CHECK(sk_scap_open("/nonexistent/x.scap", NULL, NULL, &r, err, sizeof(err)) < 0);
	remove(path);
	remove(gzpath);
	sk_threads_free(t);
}

int main(void)
{
	test_scap_roundtrip();
	test_threads_bounded();
	test_threads_is_alive();
	test_fds_shared_and_bounded();
	test_users();
	test_render();
	test_schema();
	return sktest_report("syscall tables");
}
