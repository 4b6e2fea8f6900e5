/*
 * bench_syscall.c - per-syscall cost of saker's live capture.
 *
 * A child pinned to one CPU runs an openat("/dev/null")+close loop while the
 * parent, pinned to another CPU, drains whatever capture is active:
 *   none      no BPF at all (baseline a)
 *   minimal   one 32-byte record per syscall exit, reserve+submit (default
 *             wake-up: the reader is woken whenever it had caught up),
 *             trivial reader (baseline b)
 *   minimal_nw  the same with BPF_RB_NO_WAKEUP, reader polling every 10 ms
 *             (baseline b')
 *   floor     the same with batched wake-ups, saker's policy: forced every
 *             64 records per CPU, NO_WAKEUP otherwise, reader polling every
 *             10 ms (the floor issue #13 measures saker against)
 *   saker     saker's live capture (sk_live), every supported event type,
 *             events handed out zero-copy and touched by the reader (c)
 *   saker_set the same with the event types in SAKER_BENCH_SET (codes,
 *             comma-separated: e.g. the rules' set run.sh computes)
 * Modes are interleaved round by round (the host may be shared and noisy);
 * prints the median and minimum ns per syscall per mode, and drops.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "live.h"
#include "minimal.skel.h"

#define MAX_ROUNDS 64
#define MAX_MODES 8

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void pin(int cpu)
{
	cpu_set_t s;

	CPU_ZERO(&s);
	CPU_SET(cpu, &s);
	sched_setaffinity(0, sizeof(s), &s);
}

/* Forks the loop child; returns its pid and a pipe carrying its result. */
static pid_t start_loop(int cpu, long iters, int *res_fd)
{
	int p[2];
	pid_t c;

	if (pipe(p))
		return -1;
	c = fork();
	if (c == 0) {
		uint64_t t0, t1, d;
		long i;

		close(p[0]);
		pin(cpu);
		for (i = 0; i < iters / 10; i++) /* warm up */
			close((int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY));
		t0 = now_ns();
		for (i = 0; i < iters; i++)
			close((int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY));
		t1 = now_ns();
		d = t1 - t0;
		if (write(p[1], &d, 8) != 8)
			_exit(1);
		_exit(0);
	}
	close(p[1]);
	*res_fd = p[0];
	return c;
}

static int rb_count(void *ctx, void *data, size_t len)
{
	(void)data;
	(void)len;
	(*(uint64_t *)ctx)++;
	return 0;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

struct result {
	const char *mode;
	double ns[MAX_ROUNDS];
	uint64_t seen, drops;
	uint64_t prog_ns, prog_cnt; /* kernel.bpf_stats_enabled accounting */
};

static int run_round(struct result *res, int r, long iters, int loop_cpu)
{
	const char *mode = res->mode;
	struct minimal_bpf *mb = NULL;
	struct ring_buffer *rb = NULL;
	sk_live_t *l = NULL;
	char err[256] = "";
	uint64_t elapsed = 0;
	int fd = -1, rc = 0;
	pid_t c;

	if (!strncmp(mode, "minimal", 7) || !strcmp(mode, "floor")) {
		mb = minimal_bpf__open();
		if (!mb)
			return -1;
		mb->rodata->reader_tgid = (uint32_t)getpid();
		mb->rodata->no_wakeup = !strcmp(mode, "minimal_nw");
		mb->rodata->wake_every = !strcmp(mode, "floor") ? 64 : 0;
		if (minimal_bpf__load(mb) || minimal_bpf__attach(mb)) {
			fprintf(stderr, "minimal: load/attach failed\n");
			minimal_bpf__destroy(mb);
			return -1;
		}
		rb = ring_buffer__new(bpf_map__fd(mb->maps.rb), rb_count, &res->seen, NULL);
		if (!rb)
			return -1;
	} else if (!strcmp(mode, "saker") || !strcmp(mode, "saker_set")) {
		static uint16_t types[1024];
		/* e.g. "5,307": only these */
		const char *tl = getenv(!strcmp(mode, "saker") ? "SAKER_BENCH_TYPES" : "SAKER_BENCH_SET");
		sk_live_opts_t o = {0};

		o.ring_bytes = 8u << 20;
		o.cpus_per_ring = 2;
		if (!strcmp(mode, "saker_set") && !(tl && *tl)) {
			fprintf(stderr, "saker_set: SAKER_BENCH_SET (event codes) is not set\n");
			return -1;
		}
		if (tl && *tl) {
			char *end;

			while (*tl && o.ntypes < 1024) {
				types[o.ntypes++] = (uint16_t)strtoul(tl, &end, 10);
				tl = *end ? end + 1 : end;
			}
			if (!strcmp(mode, "saker_set")) {
				/* as the plugin does: the rules' set plus the state tracking's */
				size_t ns, i;
				const uint16_t *st = sk_live_state_types(&ns);

				for (i = 0; i < ns && o.ntypes < 1024; i++)
					types[o.ntypes++] = st[i];
			}
			o.types = types;
		}
		if (sk_live_open(&o, &l, err, sizeof(err))) {
			fprintf(stderr, "saker: %s\n", err);
			return -1;
		}
	} else if (strcmp(mode, "none")) {
		fprintf(stderr, "unknown mode %s\n", mode);
		return -1;
	}
	c = start_loop(loop_cpu, iters, &fd);
	if (c < 0)
		return -1;
	for (;;) {
		int done = waitpid(c, NULL, WNOHANG) == c;

		if (rb) {
			ring_buffer__poll(rb, 10);
		} else if (l) {
			const ss_plugin_event *evs[512];
			int n, k;

			while ((n = sk_live_next(l, evs, 512, 10)) > 0)
				for (k = 0; k < n; k++)
					res->seen += evs[k]->type != 0;
			if (n < 0) {
				rc = -1;
				break;
			}
		} else {
			usleep(10000);
		}
		if (done)
			break;
	}
	if (read(fd, &elapsed, 8) != 8)
		rc = -1;
	close(fd);
	res->ns[r] = (double)elapsed / (double)(2 * iters);
	if (rb) {
		struct bpf_prog_info info;
		__u32 len = sizeof(info);

		ring_buffer__consume(rb);
		res->drops += mb->bss->drops;
		memset(&info, 0, sizeof(info));
		if (bpf_obj_get_info_by_fd(bpf_program__fd(mb->progs.min_exit), &info, &len) == 0) {
			res->prog_ns += info.run_time_ns;
			res->prog_cnt += info.run_cnt;
		}
	}
	if (l) {
		sk_live_stats_t st;

		sk_live_stats(l, &st);
		res->drops += st.drops;
		res->prog_ns += st.prog_run_ns;
		res->prog_cnt += st.prog_run_cnt;
	}
	ring_buffer__free(rb);
	minimal_bpf__destroy(mb);
	sk_live_close(l);
	return rc;
}

int main(int argc, char **argv)
{
	long iters = argc > 1 ? atol(argv[1]) : 200000;
	int rounds = argc > 2 ? atoi(argv[2]) : 5;
	int loop_cpu = 0, reader_cpu = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 1 : 0;
	struct result res[MAX_MODES];
	int nmodes = 0, r, m;

	if (rounds > MAX_ROUNDS)
		rounds = MAX_ROUNDS;
	if (rounds < 1)
		rounds = 1;
	memset(res, 0, sizeof(res));
	for (m = 3; m < argc && nmodes < MAX_MODES; m++)
		res[nmodes++].mode = argv[m];
	if (!nmodes) {
		res[nmodes++].mode = "none";
		res[nmodes++].mode = "minimal";
		res[nmodes++].mode = "minimal_nw";
		res[nmodes++].mode = "saker";
	}
	pin(reader_cpu);
	for (r = 0; r < rounds; r++)
		for (m = 0; m < nmodes; m++)
			if (run_round(&res[m], r, iters, loop_cpu))
				return 3;
	for (m = 0; m < nmodes; m++) {
		qsort(res[m].ns, (size_t)rounds, sizeof(double), cmp_d);
		printf("mode=%s iters=%ld rounds=%d ns_per_syscall_median=%.1f min=%.1f events_read=%llu drops=%llu "
		       "prog_ns_per_run=%.1f prog_runs=%llu\n",
		       res[m].mode, iters, rounds, res[m].ns[rounds / 2], res[m].ns[0],
		       (unsigned long long)res[m].seen, (unsigned long long)res[m].drops,
		       res[m].prog_cnt ? (double)res[m].prog_ns / (double)res[m].prog_cnt : 0.0,
		       (unsigned long long)res[m].prog_cnt);
	}
	return 0;
}
