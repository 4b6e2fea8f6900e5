/* spawn_threads.c - keeps N live threads for the RSS benchmark
 * (bench/syscall/rss_threads.sh).
 *
 * usage: spawn_threads <nthreads> [procs]
 * Spreads nthreads over `procs` processes (default 1), each thread with a
 * small stack blocked in read() on a pipe. Prints "ready <n>" once every
 * thread runs, then holds them until stdin reaches EOF (or SIGTERM), so the
 * caller controls their lifetime with no timing guesswork. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int hold[2];

static void *sleeper(void *arg)
{
	char c;

	(void)arg;
	while (read(hold[0], &c, 1) < 0 && errno == EINTR)
		;
	return NULL;
}

/* One process: starts n threads, reports on fd rep, then blocks. */
static int run_proc(long n, int rep)
{
	pthread_attr_t a;
	long ok = 0;
	size_t stack = 16384;

	if (pipe(hold) != 0)
		return 1;
	pthread_attr_init(&a);
	if (stack < (size_t)PTHREAD_STACK_MIN)
		stack = (size_t)PTHREAD_STACK_MIN;
	pthread_attr_setstacksize(&a, stack);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	for (long i = 0; i < n; i++) {
		pthread_t t;
		int rc = pthread_create(&t, &a, sleeper, NULL);

		if (rc) {
			fprintf(stderr, "spawn_threads: thread %ld: %s\n", i, strerror(rc));
			break;
		}
		ok++;
	}
	pthread_attr_destroy(&a);
	if (write(rep, &ok, sizeof(ok)) != (ssize_t)sizeof(ok))
		return 1;
	pause(); /* the parent kills us */
	return 0;
}

int main(int argc, char **argv)
{
	long n, procs = 1, total = 0;
	int rep[2];
	pid_t *kids;
	char c;

	if (argc < 2 || (n = strtol(argv[1], NULL, 10)) <= 0) {
		fprintf(stderr, "usage: spawn_threads <nthreads> [procs]\n");
		return 2;
	}
	if (argc > 2)
		procs = strtol(argv[2], NULL, 10);
	if (procs < 1 || procs > n)
		procs = 1;
	if (pipe(rep) != 0)
		return 1;
	kids = calloc((size_t)procs, sizeof(*kids));
	if (!kids)
		return 1;
	for (long p = 0; p < procs; p++) {
		long share = n / procs + (p < n % procs ? 1 : 0);

		kids[p] = fork();
		if (kids[p] < 0) {
			perror("spawn_threads: fork");
			procs = p;
			break;
		}
		if (kids[p] == 0) {
			close(rep[0]);
			_exit(run_proc(share, rep[1]));
		}
	}
	close(rep[1]);
	for (long p = 0; p < procs; p++) {
		long got;

		if (read(rep[0], &got, sizeof(got)) != (ssize_t)sizeof(got))
			break;
		total += got;
	}
	printf("ready %ld\n", total);
	fflush(stdout);
	while (read(0, &c, 1) > 0)
		;
	for (long p = 0; p < procs; p++) {
		kill(kids[p], SIGKILL);
		waitpid(kids[p], NULL, 0);
	}
	free(kids);
	return total == n ? 0 : 1;
}
