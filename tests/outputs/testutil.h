/*
 * testutil.h - shared helpers of the outputs tests (checks: sktest.h): loop driving,
 * alert building, the Falco alert schema checker and the Python receiver.
 */
#ifndef SK_TEST_OUTPUTS_UTIL_H
#define SK_TEST_OUTPUTS_UTIL_H

#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <jansson.h>
#include <uv.h>

#include "outputs.h"
#include "../lib/sktest.h"
#include "../../engine/util/metrics.h"

/* ---- loop driving ---------------------------------------------------- */

static inline void t_tick(uv_timer_t *t)
{
	(void)t;
}

/* Run the loop until pred(ud) or timeout_ms; returns pred's last value. */
static inline bool run_until(uv_loop_t *loop, bool (*pred)(void *), void *ud, uint64_t timeout_ms)
{
	uv_timer_t tick;
	uv_timer_init(loop, &tick);
	uv_timer_start(&tick, t_tick, 5, 5);
	uint64_t end = uv_now(loop) + timeout_ms;
	bool ok = pred ? pred(ud) : false;
	while (!ok && uv_now(loop) < end) {
		uv_run(loop, UV_RUN_ONCE);
		ok = pred ? pred(ud) : false;
	}
	uv_close((uv_handle_t *)&tick, NULL);
	uv_run(loop, UV_RUN_NOWAIT);
	return ok;
}

static inline void run_for(uv_loop_t *loop, uint64_t ms)
{
	run_until(loop, NULL, NULL, ms);
}

/* Release handles closed by destroy/stop, then close the loop. */
static inline void finish_loop(uv_loop_t *loop)
{
	uv_run(loop, UV_RUN_DEFAULT);
	int rc = uv_loop_close(loop);
	CHECK(rc == 0, "uv_loop_close: %s (handles leaked)", uv_strerror(rc));
}

/* ---- alerts ---------------------------------------------------------- */

static inline sk_alert_t *make_alert(uint64_t ts_ns, const char *rule, sk_priority_t prio,
	const char *output, const char *cmdline)
{
	sk_alert_t *a = calloc(1, sizeof(*a));
	a->ts_ns = ts_ns;
	a->rule = strdup(rule);
	a->priority = prio;
	a->source = strdup("syscall");
	a->output = strdup(output);
	a->output_fields = json_object();
	json_object_set_new(a->output_fields, "proc.cmdline", json_string(cmdline));
	a->ntags = 2;
	a->tags = calloc(2, sizeof(char *));
	a->tags[0] = strdup("filesystem");
	a->tags[1] = strdup("mitre_persistence");
	return a;
}

/* ---- Falco alert schema (+ falcosidekick's acceptance rules) ---------- */

static inline bool match_re(const char *re, const char *s)
{
	regex_t r;
	if (regcomp(&r, re, REG_EXTENDED | REG_NOSUB))
		return false;
	bool ok = regexec(&r, s, 0, NULL, 0) == 0;
	regfree(&r);
	return ok;
}

/* Returns NULL when text is a valid Falco JSON alert, else why not.
 * want_output / want_tags: whether those optional keys must be present. */
static inline const char *falco_alert_invalid(const char *text, bool want_output, bool want_tags)
{
	static char why[256];
	json_error_t je;
	json_t *o = json_loads(text, 0, &je);
	if (!o)
		return "not JSON";
	const char *res = NULL;
	static const char *const prios[] = { "Emergency", "Alert", "Critical", "Error",
		"Warning", "Notice", "Informational", "Debug" };
	const char *k;
	json_t *v;
	if (!json_is_object(o)) {
		res = "not an object";
		goto out;
	}
	json_object_foreach(o, k, v) {
		if (strcmp(k, "hostname") && strcmp(k, "output") && strcmp(k, "output_fields") &&
		    strcmp(k, "priority") && strcmp(k, "rule") && strcmp(k, "source") &&
		    strcmp(k, "tags") && strcmp(k, "time") && strcmp(k, "message")) {
			snprintf(why, sizeof(why), "unexpected key %s", k);
			res = why;
			goto out;
		}
	}
#define REQ(key, test)                                              \
	do {                                                        \
		v = json_object_get(o, key);                        \
		if (!v || !(test)) {                                \
			snprintf(why, sizeof(why), "key %s missing or of wrong type", key); \
			res = why;                                  \
			goto out;                                   \
		}                                                   \
	} while (0)
	REQ("hostname", json_is_string(v));
	REQ("source", json_is_string(v) && json_string_length(v) > 0);
	REQ("rule", json_is_string(v) && json_string_length(v) > 0); /* sidekick: rule non-empty */
	REQ("priority", json_is_string(v));
	bool pok = false;
	for (int i = 0; i < 8; i++)
		pok |= strcmp(json_string_value(v), prios[i]) == 0;
	if (!pok) {
		res = "priority is not one of Falco's names";
		goto out;
	}
	REQ("time", json_is_string(v));
	if (!match_re("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{9}Z$",
		    json_string_value(v)) ||
	    strncmp(json_string_value(v), "0001-01-01", 10) == 0 /* sidekick: time zero */) {
		res = "time is not RFC3339 UTC with nanoseconds";
		goto out;
	}
	/* sidekick rejects empty output_fields */
	REQ("output_fields", json_is_object(v) && json_object_size(v) > 0);
	json_t *fv;
	json_object_foreach(v, k, fv) {
		if (!(json_is_string(fv) || json_is_number(fv) || json_is_boolean(fv) ||
			json_is_null(fv) || json_is_array(fv))) {
			snprintf(why, sizeof(why), "output_fields.%s has an invalid type", k);
			res = why;
			goto out;
		}
	}
	if (want_output) {
		REQ("output", json_is_string(v));
		const char *pri = json_string_value(json_object_get(o, "priority"));
		char re[128];
		snprintf(re, sizeof(re), "^[0-9T:. +-]+: %s ", pri);
		if (!match_re(re, json_string_value(v))) {
			res = "output lacks the '<time>: <Priority> ' prefix";
			goto out;
		}
	} else if (json_object_get(o, "output")) {
		res = "output present though disabled";
		goto out;
	}
	if (want_tags) {
		REQ("tags", json_is_array(v));
		size_t i;
		json_t *t;
		json_array_foreach(v, i, t) {
			if (!json_is_string(t)) {
				res = "tags holds a non-string";
				goto out;
			}
		}
	} else if (json_object_get(o, "tags")) {
		res = "tags present though disabled";
		goto out;
	}
#undef REQ
out:
	json_decref(o);
	return res;
}

/* ---- the Python receiver ---------------------------------------------- */

typedef struct receiver {
	pid_t pid;
	int in_fd; /* its stdin: closing it makes it exit */
	unsigned port;
	char out[512];
} receiver_t;

/* args: extra command-line arguments (e.g. "--delay", "1.5"), NULL-terminated. */
static inline int receiver_start(receiver_t *r, const char *script, unsigned port, const char *out,
	const char *const *extra)
{
	int in[2], outp[2];
	if (pipe2(in, O_CLOEXEC) || pipe2(outp, O_CLOEXEC))
		return -errno;
	snprintf(r->out, sizeof(r->out), "%s", out);
	char portbuf[16];
	snprintf(portbuf, sizeof(portbuf), "%u", port);
	const char *argv[32] = { "python3", script, "--port", portbuf, "--out", out };
	int n = 6;
	for (; extra && *extra && n < 30; extra++)
		argv[n++] = *extra;
	argv[n] = NULL;
	pid_t pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(outp[1], 1);
		execvp("python3", (char *const *)argv);
		_exit(127);
	}
	close(in[0]);
	close(outp[1]);
	r->pid = pid;
	r->in_fd = in[1];
	char line[64] = { 0 };
	size_t k = 0;
	while (k < sizeof(line) - 1) {
		ssize_t g = read(outp[0], line + k, 1);
		if (g <= 0)
			break;
		if (line[k] == '\n')
			break;
		k++;
	}
	close(outp[0]);
	if (sscanf(line, "PORT %u", &r->port) != 1) {
		fprintf(stderr, "receiver did not start: '%s'\n", line);
		return -EIO;
	}
	return 0;
}

static inline void receiver_stop(receiver_t *r)
{
	if (r->pid <= 0)
		return;
	close(r->in_fd);
	kill(r->pid, SIGTERM);
	waitpid(r->pid, NULL, 0);
	r->pid = 0;
}

/* Records the receiver wrote so far (one JSON object a line). */
static inline json_t *receiver_records(const receiver_t *r)
{
	json_t *arr = json_array();
	FILE *f = fopen(r->out, "r");
	if (!f)
		return arr;
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, f) > 0) {
		json_t *rec = json_loads(line, 0, NULL);
		if (rec)
			json_array_append_new(arr, rec);
	}
	free(line);
	fclose(f);
	return arr;
}

static inline size_t receiver_count(const receiver_t *r)
{
	json_t *a = receiver_records(r);
	size_t n = json_array_size(a);
	json_decref(a);
	return n;
}

/* A free TCP port on 127.0.0.1 (bound then released). */
static inline unsigned free_port(void)
{
	uv_loop_t loop;
	uv_loop_init(&loop);
	uv_tcp_t t;
	uv_tcp_init(&loop, &t);
	struct sockaddr_in a;
	uv_ip4_addr("127.0.0.1", 0, &a);
	uv_tcp_bind(&t, (struct sockaddr *)&a, 0);
	struct sockaddr_storage ss;
	int len = sizeof(ss);
	uv_tcp_getsockname(&t, (struct sockaddr *)&ss, &len);
	unsigned port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	uv_close((uv_handle_t *)&t, NULL);
	uv_run(&loop, UV_RUN_DEFAULT);
	uv_loop_close(&loop);
	return port;
}

static inline int64_t metric(const char *name, const char *labels)
{
	int64_t v = sk_metrics_lookup(name, labels);
	return v < 0 ? 0 : v;
}

/* ---- end of a test program ------------------------------------------ */

static inline void t_rm_dir(const char *dir)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

#endif
