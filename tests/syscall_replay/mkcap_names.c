/*
 * mkcap_names - writes a small capture (saker's writer) whose process list has
 * a thread with an empty comm and exe (as /proc shows some kernel threads),
 * a named thread, and events of both plus of a tid absent from the list.
 * compare_presence.py then checks saker against sysdig on it: libsinsp keeps
 * the empty name as a present value, and names the unlisted thread "<NA>".
 *
 * usage: mkcap_names OUT.scap
 */
#include <stdio.h>
#include <string.h>

#include "scap_write.h"
#include "sk_event_schema.h"
#include "threads.h"
#include "users.h"

static int add(sk_threads_t *t, int64_t tid, const char *comm, const char *exe)
{
	sk_thread_t *th = sk_threads_add(t, tid);
	if (!th)
		return -1;
	th->pid = tid;
	th->ptid = 1;
	th->sid = th->vpgid = th->pgid = tid;
	th->vtid = th->vpid = tid;
	th->uid = th->gid = th->euid = th->egid = 0;
	snprintf(th->comm, sizeof(th->comm), "%s", comm);
	if (sk_thread_set_str(&th->exe, exe) < 0 || sk_thread_set_str(&th->exepath, exe) < 0 ||
		sk_thread_set_str(&th->cwd, "/") < 0)
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	char err[256];
	if (argc != 2) {
		fprintf(stderr, "usage: %s OUT.scap\n", argv[0]);
		return 2;
	}
	sk_threads_t *t = sk_threads_new(16, 16, NULL);
	if (!t || add(t, 1, "systemd", "/sbin/init") < 0 || add(t, 42, "", "") < 0 ||
		add(t, 43, "worker", "/usr/bin/worker") < 0) {
		fprintf(stderr, "out of memory\n");
		return 1;
	}
	/* A user list, so that user.name reads it like sysdig. */
	sk_users_t *u = sk_users_new(16);
	if (!u || sk_users_add_user(u, 0, 0, "root", "/root", "/bin/bash") < 0 ||
		sk_users_add_group(u, 0, "root") < 0) {
		fprintf(stderr, "out of memory\n");
		return 1;
	}
	sk_scap_writer_t *w;
	if (sk_scap_writer_open(argv[1], &w, err, sizeof(err)) < 0 ||
		sk_scap_writer_header(w, t, u, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	uint16_t codes[8];
	size_t n = sk_evt_codes_by_name("close", codes, 8);
	uint16_t close_x = 0;
	for (size_t i = 0; i < n; i++)
		if (sk_evt_is_exit(codes[i]))
			close_x = codes[i];
	static const int64_t tids[] = {42, 43, 77, 42};
	uint8_t buf[256];
	int64_t res = -9; /* EBADF: no fd needed in the tables */
	sk_evt_param_t p[1] = {{(const uint8_t *)&res, 8}};
	for (size_t i = 0; i < sizeof(tids) / sizeof(tids[0]); i++) {
		int len = sk_evt_build(buf, sizeof(buf), 1000000000ull + i, (uint64_t)tids[i], close_x, 1, p);
		if (len < 0 || sk_scap_writer_event_pair(w, (const ss_plugin_event *)buf, NULL, 0, err,
				sizeof(err)) < 0) {
			fprintf(stderr, "event: %s\n", len < 0 ? "build failed" : err);
			return 1;
		}
	}
	int rc = sk_scap_writer_close(w);
	sk_threads_free(t);
	sk_users_free(u);
	return rc < 0 ? 1 : 0;
}
