/* stdout, file, syslog and program outputs write the right lines; program
 * restarts; event data never reaches a shell; config errors name keys. */
#include "testutil.h"

#include <sys/stat.h>

static char g_dir[256];

static sk_outputs_t *outputs_from(uv_loop_t *loop, json_t *cfg)
{
	char err[256] = "";
	sk_outputs_t *o = NULL;
	if (!json_object_get(cfg, "stdout_output"))
		json_object_set_new(cfg, "stdout_output", json_pack("{s:b}", "enabled", 0));
	if (!json_object_get(cfg, "syslog_output"))
		json_object_set_new(cfg, "syslog_output", json_pack("{s:b}", "enabled", 0));
	int rc = sk_outputs_new(loop, cfg, "sink-host", &o, err, sizeof(err));
	CHECK(rc == 0 && o, "sk_outputs_new: %d %s", rc, err);
	json_decref(cfg);
	return o;
}

/* Lines of a file (without newlines); NULL-terminated, caller frees. */
static char **read_lines(const char *path, size_t *n)
{
	char **v = calloc(1024, sizeof(char *));
	*n = 0;
	FILE *f = fopen(path, "r");
	if (!f)
		return v;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while (*n < 1023 && (len = getline(&line, &cap, f)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		v[(*n)++] = strdup(line);
	}
	free(line);
	fclose(f);
	return v;
}

static void free_lines(char **v)
{
	for (size_t i = 0; v[i]; i++)
		free(v[i]);
	free(v);
}

static size_t count_lines(const char *path)
{
	size_t n;
	free_lines(read_lines(path, &n));
	return n;
}

static bool wait_lines(const char *path, size_t want, int timeout_ms)
{
	for (int i = 0; i < timeout_ms / 10; i++) {
		if (count_lines(path) >= want)
			return true;
		usleep(10000);
	}
	return count_lines(path) >= want;
}

static sk_alert_t *alert_n(int i, const char *output)
{
	char rule[32];
	snprintf(rule, sizeof(rule), "rule-%d", i);
	return make_alert(1600000000000000000ull + (uint64_t)i * 1000, rule, SK_PRIO_ERROR,
		output, "bash");
}

static void test_file_text(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	char path[300];
	snprintf(path, sizeof(path), "%s/events.txt", g_dir);
	sk_outputs_t *o = outputs_from(&loop, json_pack("{s:b, s:{s:b, s:s}}",
		"time_format_iso_8601", 1, "file_output", "enabled", 1, "filename", path));
	char *want[3];
	for (int i = 0; i < 3; i++) {
		sk_alert_t *a = alert_n(i, "file text line");
		sk_outputs_emit(o, a);
		want[i] = sk_alert_to_text(a, true);
		sk_alert_free(a);
	}
	size_t n;
	char **got = read_lines(path, &n);
	CHECK(n == 3, "file has %zu lines", n);
	for (size_t i = 0; i < 3 && i < n; i++)
		CHECK(!strcmp(got[i], want[i]), "line %zu: '%s' want '%s'", i, got[i], want[i]);
	CHECK(n && !strncmp(got[0], "2020-09-13T12:26:40.000000000+0000: Error file text line", 56),
		"first line %s", n ? got[0] : "-");
	free_lines(got);
	for (int i = 0; i < 3; i++)
		free(want[i]);
	sk_outputs_destroy(o);
	finish_loop(&loop);
}

static void test_file_json_keepalive_reopen(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	char path[300], rotated[320];
	snprintf(path, sizeof(path), "%s/events.json", g_dir);
	snprintf(rotated, sizeof(rotated), "%s.1", path);
	sk_outputs_t *o = outputs_from(&loop, json_pack("{s:b, s:b, s:{s:b, s:b, s:s}}",
		"json_output", 1, "buffered_outputs", 1, "file_output", "enabled", 1,
		"keep_alive", 1, "filename", path));
	for (int i = 0; i < 2; i++) {
		sk_alert_t *a = alert_n(i, "json to file");
		sk_outputs_emit(o, a);
		sk_alert_free(a);
	}
	sk_outputs_flush(o, 1000, NULL, NULL);
	run_for(&loop, 50);
	size_t n;
	char **got = read_lines(path, &n);
	CHECK(n == 2, "json file has %zu lines after flush", n);
	for (size_t i = 0; i < n; i++) {
		const char *why = falco_alert_invalid(got[i], true, true);
		CHECK(!why, "line %zu: %s", i, why);
	}
	free_lines(got);
	/* Rotation: rename, reopen, the next alert goes to a fresh file. */
	CHECK(rename(path, rotated) == 0, "rename");
	char err[256] = "";
	CHECK(sk_outputs_reopen(o, err, sizeof(err)) == 0, "reopen: %s", err);
	sk_alert_t *a = alert_n(9, "after rotation");
	sk_outputs_emit(o, a);
	sk_alert_free(a);
	sk_outputs_destroy(o); /* flushes the buffered stdio stream */
	finish_loop(&loop);
	CHECK(count_lines(path) == 1, "new file has %zu lines", count_lines(path));
	CHECK(count_lines(rotated) == 2, "rotated file has %zu lines", count_lines(rotated));
}

static void test_stdout_and_syslog(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	char path[300];
	snprintf(path, sizeof(path), "%s/stdout.txt", g_dir);
	fflush(stdout);
	int saved = dup(1);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 1);
	close(fd);
	int64_t sys0 = metric("saker_outputs_sent_total", "output=\"syslog\"");
	sk_outputs_t *o = outputs_from(&loop, json_pack("{s:b, s:b, s:{s:b}, s:{s:b}}",
		"json_output", 1, "json_include_tags_property", 0, "stdout_output", "enabled", 1,
		"syslog_output", "enabled", 1));
	sk_alert_t *a = alert_n(1, "to stdout");
	sk_outputs_emit(o, a);
	sk_alert_free(a);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	size_t n;
	char **got = read_lines(path, &n);
	CHECK(n == 1, "stdout got %zu lines", n);
	if (n) {
		const char *why = falco_alert_invalid(got[0], true, false);
		CHECK(!why, "stdout line: %s", why);
	}
	free_lines(got);
	CHECK(metric("saker_outputs_sent_total", "output=\"syslog\"") - sys0 == 1, "syslog sent");
	sk_outputs_destroy(o);
	finish_loop(&loop);
}

static void flushed_cb(void *ud)
{
	*(int *)ud = 1;
}

static void test_program_keepalive(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	char path[300], prog[400];
	snprintf(path, sizeof(path), "%s/prog_keep.txt", g_dir);
	snprintf(prog, sizeof(prog), "cat >> '%s'", path);
	int64_t sent0 = metric("saker_outputs_sent_total", "output=\"program\"");
	sk_outputs_t *o = outputs_from(&loop, json_pack("{s:{s:b, s:b, s:s}}", "program_output",
		"enabled", 1, "keep_alive", 1, "program", prog));
	char *want[5];
	for (int i = 0; i < 5; i++) {
		sk_alert_t *a = alert_n(i, "to program");
		sk_outputs_emit(o, a);
		want[i] = sk_alert_to_text(a, false);
		sk_alert_free(a);
	}
	int done = 0;
	sk_outputs_flush(o, 3000, flushed_cb, &done);
	for (int i = 0; i < 400 && !done; i++)
		uv_run(&loop, UV_RUN_ONCE);
	CHECK(done, "flush did not complete");
	CHECK(metric("saker_outputs_sent_total", "output=\"program\"") - sent0 == 5,
		"program sent %lld",
		(long long)(metric("saker_outputs_sent_total", "output=\"program\"") - sent0));
	sk_outputs_destroy(o);
	finish_loop(&loop);
	CHECK(wait_lines(path, 5, 5000), "program wrote %zu lines", count_lines(path));
	size_t n;
	char **got = read_lines(path, &n);
	for (size_t i = 0; i < 5 && i < n; i++)
		CHECK(!strcmp(got[i], want[i]), "line %zu '%s' want '%s'", i, got[i], want[i]);
	free_lines(got);
	for (int i = 0; i < 5; i++)
		free(want[i]);
}


static void test_program_per_alert_no_injection(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	char path[300], prog[400], marker[300], out[1200];
	snprintf(path, sizeof(path), "%s/prog_each.txt", g_dir);
	snprintf(marker, sizeof(marker), "%s/pwned", g_dir);
	snprintf(prog, sizeof(prog), "cat >> '%s'", path);
	sk_outputs_t *o = outputs_from(&loop, json_pack("{s:{s:b, s:s}}", "program_output",
		"enabled", 1, "program", prog));
	/* Hostile event data: must arrive verbatim on stdin, never be run. */
	snprintf(out, sizeof(out), "evil $(touch %s) `touch %s`; touch %s", marker, marker,
		marker);
	for (int i = 0; i < 3; i++) {
		sk_alert_t *a = alert_n(i, out);
		sk_outputs_emit(o, a);
		sk_alert_free(a);
	}
	int done = 0;
	sk_outputs_flush(o, 3000, flushed_cb, &done);
	for (int i = 0; i < 400 && !done; i++)
		uv_run(&loop, UV_RUN_ONCE);
	CHECK(wait_lines(path, 3, 5000), "per-alert program wrote %zu lines", count_lines(path));
	run_for(&loop, 100); /* reap children */
	size_t n;
	char **got = read_lines(path, &n);
	for (size_t i = 0; i < n; i++)
		CHECK(strstr(got[i], "evil $(touch ") != NULL, "line %zu altered: %s", i, got[i]);
	free_lines(got);
	struct stat st;
	CHECK(stat(marker, &st) != 0, "event data was executed by a shell");
	sk_outputs_destroy(o);
	finish_loop(&loop);
}

static void test_program_restart(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	char path[300], prog[400];
	snprintf(path, sizeof(path), "%s/prog_restart.txt", g_dir);
	snprintf(prog, sizeof(prog), "head -n 1 >> '%s'", path);
	int64_t r0 = metric("saker_outputs_program_restarts_total", "");
	sk_outputs_t *o = outputs_from(&loop, json_pack("{s:{s:b, s:b, s:s, s:i}}",
		"program_output", "enabled", 1, "keep_alive", 1, "program", prog,
		"restart_backoff_ms", 50));
	for (int i = 0; i < 3; i++) {
		sk_alert_t *a = alert_n(i, "one per child");
		sk_outputs_emit(o, a);
		sk_alert_free(a);
		run_for(&loop, 600);
	}
	CHECK(metric("saker_outputs_program_restarts_total", "") - r0 >= 2, "restarts %lld",
		(long long)(metric("saker_outputs_program_restarts_total", "") - r0));
	CHECK(wait_lines(path, 3, 3000), "restarted program wrote %zu of 3 lines",
		count_lines(path));
	sk_outputs_destroy(o);
	finish_loop(&loop);
}

/* A killed process whose new parent does not reap (no init in a
 * container) stays a zombie: dead all the same. */
static bool is_zombie(int pid)
{
	char path[64], buf[256];
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return true;
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	const char *rp = strrchr(buf, ')');
	return rp && rp[1] == ' ' && rp[2] == 'Z';
}

static void test_program_stuck_reader(void)
{
	/* A program that never reads: the pipe fills, then the bounded backlog;
	 * emit must stay fast and count drops instead of blocking. */
	uv_loop_t loop;
	uv_loop_init(&loop);
	int64_t qf0 = metric("saker_outputs_dropped_total",
		"output=\"program\",cause=\"queue_full\"");
	char prog[400], pidf[300];
	snprintf(pidf, sizeof(pidf), "%s/stuck.pid", g_dir);
	/* The shell forks sleep (it is not the last command): the kill at
	 * shutdown must reach the whole group. */
	snprintf(prog, sizeof(prog), "sleep 30 & echo $! > '%s'; wait", pidf);
	sk_outputs_t *o = outputs_from(&loop, json_pack("{s:{s:b, s:b, s:s, s:i, s:i}}",
		"program_output", "enabled", 1, "keep_alive", 1, "program", prog,
		"max_queue_bytes", 4096, "stop_timeout_ms", 200));
	char big[600];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	uint64_t t0 = uv_hrtime();
	for (int i = 0; i < 400; i++) { /* ~240 KB: far beyond a 64 KB pipe */
		sk_alert_t *a = alert_n(i, big);
		sk_outputs_emit(o, a);
		sk_alert_free(a);
		if (i % 50 == 0)
			uv_run(&loop, UV_RUN_NOWAIT);
	}
	uint64_t ms = (uv_hrtime() - t0) / 1000000;
	/* An emit that waited for the reader would wait for the program's end
	 * (30 s): the bound tells that apart with room for a loaded machine;
	 * the queue_full drops below are the direct evidence. */
	CHECK(ms < 20000, "emitting to a stuck program took %llu ms", (unsigned long long)ms);
	int64_t drops = metric("saker_outputs_dropped_total",
		"output=\"program\",cause=\"queue_full\"") - qf0;
	CHECK(drops > 0, "no queue_full drop with a stuck reader");
	CHECK(metric("saker_outputs_queue_depth", "output=\"program\"") <= 4096, "depth %lld",
		(long long)metric("saker_outputs_queue_depth", "output=\"program\""));
	t0 = uv_hrtime();
	sk_outputs_destroy(o);
	finish_loop(&loop);
	ms = (uv_hrtime() - t0) / 1000000;
	/* At least stop_timeout_ms; far less than the 30 s a shutdown waiting
	 * for the program's own end would take (room for a loaded machine). */
	CHECK(ms >= 150 && ms < 20000, "shutdown with a stuck program took %llu ms",
		(unsigned long long)ms);
	/* Nothing the program started may outlive the outputs. */
	FILE *f = fopen(pidf, "r");
	int pid = 0;
	if (f) {
		if (fscanf(f, "%d", &pid) != 1)
			pid = 0;
		fclose(f);
	}
	CHECK(pid > 0, "program never started");
	bool gone = false;
	for (int i = 0; i < 200 && pid > 0 && !gone; i++) {
		gone = kill(pid, 0) != 0 || is_zombie(pid);
		if (!gone)
			usleep(10000);
	}
	CHECK(gone, "grandchild %d still running after shutdown", pid);
	if (!gone && pid > 0)
		kill(pid, SIGKILL);
}

static void expect_error(json_t *cfg, const char *key)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	char err[256] = "";
	sk_outputs_t *o = NULL;
	int rc = sk_outputs_new(&loop, cfg, "h", &o, err, sizeof(err));
	CHECK(rc < 0 && !o, "%s accepted", key);
	CHECK(strstr(err, key) != NULL, "error '%s' does not name %s", err, key);
	json_decref(cfg);
	finish_loop(&loop);
}

static void test_config_errors(void)
{
	expect_error(json_pack("{s:{s:b, s:s}}", "file_output", "enabled", 1, "filename",
			     "/nonexistent-dir/x/events.txt"), "file_output.filename");
	expect_error(json_pack("{s:{s:b, s:i}}", "file_output", "enabled", 1, "keep_alive", 3),
		"file_output.keep_alive");
	expect_error(json_pack("{s:{s:b, s:s}}", "program_output", "enabled", 1, "program", ""),
		"program_output.program");
	expect_error(json_pack("{s:{s:b, s:s}}", "program_output", "enabled", 1, "keep_alive",
			     "sometimes"), "program_output.keep_alive");
	expect_error(json_pack("{s:{s:b, s:i}}", "program_output", "enabled", 1, "max_running", 0),
		"program_output.max_running");
	expect_error(json_pack("{s:s}", "json_output", "perhaps"), "json_output");
	expect_error(json_pack("{s:s}", "stdout_output", "yes"), "stdout_output");
	expect_error(json_pack("{s:{s:s}}", "syslog_output", "enabled", "x"),
		"syslog_output.enabled");
}

int main(void)
{
	snprintf(g_dir, sizeof(g_dir), "/tmp/sk_sinks_XXXXXX");
	if (!mkdtemp(g_dir)) {
		perror("mkdtemp");
		return 1;
	}
	setenv("TZ", "UTC", 1);
	tzset();
	test_config_errors();
	test_file_text();
	test_file_json_keepalive_reopen();
	test_stdout_and_syslog();
	test_program_keepalive();
	test_program_per_alert_no_injection();
	test_program_restart();
	test_program_stuck_reader();
	t_rm_dir(g_dir);
	return sktest_report("test_sinks");
}
