/* Live open order: the capture must be running before /proc is scanned, so
 * a process that starts while the scan runs is not missed, and events of
 * threads the scan already saw must parse cleanly.
 *
 * The plugin (dlopen) is opened live with proc_root pointing to a fake tree
 * whose first file the scan reads (self/net/tcp) is a FIFO: the scan blocks
 * there until this test opens the FIFO for writing. While it is blocked,
 * child C (already running, listed in the fake tree as a symlink to its
 * /proc entry) opens a marker file and forks G, which executes a marker
 * binary. Then the scan is released. Expected: G's execve event is delivered
 * (so the capture was open during the scan) with proc.name = G's marker,
 * proc.pname = C's comm (C known from the seed), and C's open event has
 * fd.name = the marker file and proc.name = C's comm.
 * usage: test_live_seed <libsyscall.so>; exit 77 when not root / no BTF.
 * Checks of sktest.h; once child C runs, failures go through FAIL and the
 * cleanup (C killed, fixture removed) rather than REQUIRE's exit. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "plugin_api.h"
#include "sk_event_schema.h"

#include "../lib/sktest.h"

static ss_plugin_t *(*p_init)(const ss_plugin_init_input *, ss_plugin_rc *);
static void (*p_destroy)(ss_plugin_t *);
static ss_instance_t *(*p_open)(ss_plugin_t *, const char *, ss_plugin_rc *);
static void (*p_close)(ss_plugin_t *, ss_instance_t *);
static ss_plugin_rc (*p_next)(ss_plugin_t *, ss_instance_t *, uint32_t *, ss_plugin_event ***);
static ss_plugin_rc (*p_parse)(ss_plugin_t *, const ss_plugin_event_input *,
	const ss_plugin_event_parse_input *);
static ss_plugin_rc (*p_extract)(ss_plugin_t *, const ss_plugin_event_input *,
	const ss_plugin_field_extract_input *);
static const char *(*p_fields)(void);
static const char *(*p_lasterr)(ss_plugin_t *);

static json_t *fields;
static char fifo[800];
static int go_pipe[2], done_pipe[2];
static volatile int gate_ok;

static int field_id(const char *name)
{
	size_t i;
	json_t *f;

	json_array_foreach(fields, i, f)
		if (!strcmp(json_string_value(json_object_get(f, "name")), name))
			return (int)i;
	return -1;
}

/* String field of ev (after parse), or "<NA>". */
static const char *str_field(ss_plugin_t *st, const ss_plugin_event_input *ev, const char *name,
	char *out, size_t len)
{
	ss_plugin_extract_field ef;

	memset(&ef, 0, sizeof(ef));
	ef.field_id = (uint32_t)field_id(name);
	ef.field = name;
	ef.ftype = FTYPE_STRING;
	ef.arg_index = UINT64_MAX;
	ss_plugin_field_extract_input xi = {.num_fields = 1, .fields = &ef};
	if (p_extract(st, ev, &xi) != SS_PLUGIN_SUCCESS || ef.res_len == 0)
		snprintf(out, len, "<NA>");
	else
		snprintf(out, len, "%s", ef.res.str[0]);
	return out;
}

/* Opens the FIFO for writing (returns once the scan opened it for reading),
 * lets child C act, waits until it is done, then releases the scan. */
static void *gate(void *arg)
{
	char c = 'g';
	int fd = open(fifo, O_WRONLY | O_CLOEXEC);

	(void)arg;
	if (fd < 0)
		return NULL;
	gate_ok = 1;
	if (write(go_pipe[1], &c, 1) == 1)
		(void)!read(done_pipe[0], &c, 1);
	close(fd);
	return NULL;
}

static void child_c(const char *gpath, const char *gname, const char *cfile)
{
	char c;

	close(go_pipe[1]);
	close(done_pipe[0]);
	if (read(go_pipe[0], &c, 1) != 1)
		_exit(1);
	int fd = open(cfile, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
	pid_t g = fork();
	if (g == 0) {
		char *av[] = {(char *)gname, NULL}, *ev[] = {NULL};
		execve(gpath, av, ev);
		_exit(127);
	}
	if (g > 0)
		waitpid(g, NULL, 0);
	(void)!write(done_pipe[1], "d", 1);
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	char dir[] = "/tmp/sk-seed-XXXXXX", proot[600], path[700], gpath[700], cfile[700];
	char gname[16], ccomm[32] = "", buf[4096];

	if (argc < 2) {
		fprintf(stderr, "usage: test_live_seed <libsyscall.so>\n");
		return 2;
	}
	if (geteuid() != 0 || access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		printf("!!!!! SKIP syscall_live_seed_order: needs root and kernel BTF (CI has both)\n");
		return 77;
	}
	alarm(120);
	void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	REQUIRE(h, "dlopen: %s", dlerror());
	p_init = dlsym(h, "plugin_init");
	p_destroy = dlsym(h, "plugin_destroy");
	p_open = dlsym(h, "plugin_open");
	p_close = dlsym(h, "plugin_close");
	p_next = dlsym(h, "plugin_next_batch");
	p_parse = dlsym(h, "plugin_parse_event");
	p_extract = dlsym(h, "plugin_extract_fields");
	p_fields = dlsym(h, "plugin_get_fields");
	p_lasterr = dlsym(h, "plugin_get_last_error");
	REQUIRE(p_init && p_destroy && p_open && p_close && p_next && p_parse && p_extract &&
		p_fields && p_lasterr, "missing plugin symbols");
	fields = json_loads(p_fields(), 0, NULL);
	REQUIRE(fields, "plugin_get_fields: not JSON");
	REQUIRE(field_id("proc.name") >= 0 && field_id("proc.pname") >= 0 && field_id("fd.name") >= 0,
		"plugin_get_fields: fields missing");

	/* fake proc tree: self/net/tcp is the gate FIFO, C is a symlink */
	REQUIRE(mkdtemp(dir), "mkdtemp: %s", strerror(errno));
	srand((unsigned)(getpid() ^ time(NULL)));
	snprintf(gname, sizeof(gname), "skg%06x", (unsigned)rand() & 0xffffff);
	snprintf(gpath, sizeof(gpath), "%s/%s", dir, gname);
	snprintf(cfile, sizeof(cfile), "%s/%s-cfile", dir, gname);
	snprintf(proot, sizeof(proot), "%s/proc", dir);
	snprintf(path, sizeof(path), "%s/self/net", proot);
	mkdir(proot, 0700);
	snprintf(buf, sizeof(buf), "%s/self", proot);
	mkdir(buf, 0700);
	mkdir(path, 0700);
	snprintf(fifo, sizeof(fifo), "%s/tcp", path);
	REQUIRE(mkfifo(fifo, 0600) == 0, "fixture: mkfifo %s: %s", fifo, strerror(errno));
	REQUIRE(symlink("/bin/true", gpath) == 0, "fixture: symlink %s: %s", gpath, strerror(errno));
	REQUIRE(pipe(go_pipe) == 0 && pipe(done_pipe) == 0, "pipe: %s", strerror(errno));
	pid_t c = fork();
	REQUIRE(c >= 0, "fork: %s", strerror(errno));
	if (c == 0)
		child_c(gpath, gname, cfile);
	close(go_pipe[0]);
	close(done_pipe[1]);
	snprintf(path, sizeof(path), "%s/%d", proot, (int)c);
	snprintf(buf, sizeof(buf), "/proc/%d", (int)c);
	if (symlink(buf, path) != 0) {
		FAIL("fixture: symlink %s: %s", path, strerror(errno));
		goto out;
	}
	snprintf(buf, sizeof(buf), "/proc/%d/comm", (int)c);
	FILE *fp = fopen(buf, "r");
	if (!fp || !fgets(ccomm, sizeof(ccomm), fp)) {
		FAIL("cannot read %s", buf);
		if (fp)
			fclose(fp);
		goto out;
	}
	fclose(fp);
	ccomm[strcspn(ccomm, "\n")] = 0;

	pthread_t gt;
	if (pthread_create(&gt, NULL, gate, NULL) != 0) {
		FAIL("pthread_create failed");
		goto out;
	}
	char cfg[1024];
	snprintf(cfg, sizeof(cfg), "{\"proc_root\": \"%s\"}", proot);
	ss_plugin_init_input in = {.config = cfg};
	ss_plugin_rc prc;
	ss_plugin_t *st = p_init(&in, &prc);
	if (prc != SS_PLUGIN_SUCCESS) {
		FAIL("plugin_init: %s", st ? p_lasterr(st) : "?");
		goto out;
	}
	ss_instance_t *inst = p_open(st, "live", &prc);
	/* A scan that never read the FIFO would leave the gate thread blocked. */
	int unblock = gate_ok ? -1 : open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	pthread_join(gt, NULL);
	if (unblock >= 0)
		close(unblock);
	if (!inst || prc != SS_PLUGIN_SUCCESS) {
		FAIL("plugin_open: %s", p_lasterr(st));
		p_destroy(st);
		goto out;
	}
	if (!gate_ok) {
		FAIL("the /proc scan never opened the gate FIFO");
		goto close;
	}

	bool seen_exec = false, seen_open = false, exec_ok = false, open_ok = false;
	uint64_t num = 0;
	struct timespec t0, now;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - t0.tv_sec > 10 || (seen_exec && seen_open))
			break;
		uint32_t n = 0;
		ss_plugin_event **evts = NULL;
		ss_plugin_rc r = p_next(st, inst, &n, &evts);
		if (r == SS_PLUGIN_TIMEOUT)
			continue;
		if (r != SS_PLUGIN_SUCCESS) {
			FAIL("next_batch: %s", p_lasterr(st));
			goto close;
		}
		for (uint32_t i = 0; i < n; i++) {
			ss_plugin_event_input ev = {.evt = evts[i], .evtnum = ++num, .evtsrc = "syscall"};
			ss_plugin_event_parse_input pi = {0};
			const sk_evt_info_t *info = sk_evt_info(evts[i]->type);
			char a[256], b[256], d[512];

			p_parse(st, &ev, &pi);
			if (!info || !sk_evt_is_exit(evts[i]->type))
				continue;
			if (!strcmp(info->name, "execve") && !seen_exec &&
			    !strcmp(str_field(st, &ev, "proc.name", a, sizeof(a)), gname)) {
				seen_exec = true;
				str_field(st, &ev, "proc.pname", b, sizeof(b));
				printf("G execve: proc.name=%s proc.pname=%s (want %s, %s)\n", a, b, gname, ccomm);
				exec_ok = !strcmp(b, ccomm);
			}
			if ((int64_t)evts[i]->tid == (int64_t)c && !seen_open &&
			    (!strcmp(info->name, "openat") || !strcmp(info->name, "open")) &&
			    !strcmp(str_field(st, &ev, "fd.name", d, sizeof(d)), cfile)) {
				seen_open = true;
				str_field(st, &ev, "proc.name", a, sizeof(a));
				printf("C open: fd.name=%s proc.name=%s (want %s)\n", d, a, ccomm);
				open_ok = !strcmp(a, ccomm);
			}
		}
	}
	CHECK(seen_exec, "G's execve (started during the /proc scan) was not captured");
	CHECK(seen_open, "C's open during the /proc scan was not captured");
	if (seen_exec)
		CHECK(exec_ok, "G's parent (seeded C) not resolved: proc.pname is not %s", ccomm);
	if (seen_open)
		CHECK(open_ok, "seeded C's name wrong on its open event: proc.name is not %s", ccomm);
close:
	p_close(st, inst);
	p_destroy(st);
out:
	kill(c, SIGKILL);
	waitpid(c, NULL, 0);
	unlink(fifo);
	unlink(gpath);
	unlink(cfile);
	unlink(path);
	snprintf(buf, sizeof(buf), "%s/%d", proot, (int)c);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s/self/net", proot);
	rmdir(buf);
	snprintf(buf, sizeof(buf), "%s/self", proot);
	rmdir(buf);
	rmdir(proot);
	rmdir(dir);
	json_decref(fields);
	return sktest_report("syscall_live_seed_order");
}
