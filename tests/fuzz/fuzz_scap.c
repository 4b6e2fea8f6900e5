/* libFuzzer target: the .scap reader (plain or gzip), through a memfd so
 * that the reader opens a path as in production. Every event is read. */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "scap_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_proc(void *ctx, const sk_scap_proc_t *p)
{
	(void)ctx;
	(void)p;
}

static void on_fd(void *ctx, int64_t tid, const sk_scap_fd_t *fd)
{
	(void)ctx;
	(void)tid;
	(void)fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	if (fd < 0 && (fd = memfd_create("fuzz.scap", 0)) < 0)
		return 0;
	if (ftruncate(fd, 0) || pwrite(fd, data, size, 0) != (ssize_t)size)
		return 0;
	char path[64], err[256];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	sk_scap_callbacks_t cb = { .on_proc = on_proc, .on_fd = on_fd };
	sk_scap_reader_t *r = NULL;
	if (sk_scap_open(path, &cb, NULL, &r, err, sizeof(err)) == 0) {
		const ss_plugin_event *ev;
		uint16_t cpu;
		/* bounded: a crafted file cannot keep one input running forever */
		for (int i = 0; i < 100000 && sk_scap_next(r, &ev, &cpu, err, sizeof(err)) == 0; i++)
			;
		sk_scap_machine(r);
		sk_scap_close(r);
	}
	return 0;
}
