/*
 * scap_read.h - reader of libscap capture files (.scap, gzip or plain).
 *
 * Reads the section header, machine info, interface/user lists, process
 * list (block versions 1..9) and fd list blocks (v1, v2), then the event
 * blocks (EV/EVF, v1 and v2, large). Version-1 events (24-byte header,
 * no nparams) are converted to the 26-byte header; their nparams is
 * derived from the lengths, as the file format requires.
 *
 * Ownership: the reader owns the event buffer; an event returned by
 * sk_scap_next stays valid until the next call or sk_scap_close.
 * Callback arguments are valid only during the callback.
 * Threading: one reader is used by one thread at a time.
 */
#ifndef SK_SYSCALL_SCAP_READ_H
#define SK_SYSCALL_SCAP_READ_H

#include <stddef.h>
#include <stdint.h>

#include "plugin_api.h"

#define SK_SCAP_SHB_BLOCK 0x0A0D0D0Au
#define SK_SCAP_SHB_MAGIC 0x1A2B3C4Du
#define SK_SCAP_MI_BLOCK 0x201u
#define SK_SCAP_PL_V1 0x202u
#define SK_SCAP_FDL_V1 0x203u
#define SK_SCAP_EV_V1 0x204u
#define SK_SCAP_IL_V1 0x205u
#define SK_SCAP_UL_V1 0x206u
#define SK_SCAP_PL_V2 0x207u
#define SK_SCAP_EVF_V1 0x208u
#define SK_SCAP_PL_V3 0x209u
#define SK_SCAP_PL_V4 0x210u
#define SK_SCAP_PL_V5 0x211u
#define SK_SCAP_PL_V6 0x212u
#define SK_SCAP_PL_V7 0x213u
#define SK_SCAP_PL_V8 0x214u
#define SK_SCAP_PL_V9 0x215u
#define SK_SCAP_EV_V2 0x216u
#define SK_SCAP_EVF_V2 0x217u
#define SK_SCAP_FDL_V2 0x218u
#define SK_SCAP_IL_V2 0x219u
#define SK_SCAP_UL_V2 0x220u
#define SK_SCAP_EV_V2_LARGE 0x221u
#define SK_SCAP_EVF_V2_LARGE 0x222u

/* fd types as stored in fd list blocks (scap_fd_type). */
enum sk_scap_fd_type {
	SK_SCAP_FD_UNKNOWN = 0,
	SK_SCAP_FD_FILE = 1,
	SK_SCAP_FD_DIRECTORY = 2,
	SK_SCAP_FD_IPV4_SOCK = 3,
	SK_SCAP_FD_IPV6_SOCK = 4,
	SK_SCAP_FD_IPV4_SERVSOCK = 5,
	SK_SCAP_FD_IPV6_SERVSOCK = 6,
	SK_SCAP_FD_FIFO = 7,
	SK_SCAP_FD_UNIX_SOCK = 8,
	SK_SCAP_FD_EVENT = 9,
	SK_SCAP_FD_UNSUPPORTED = 10,
	SK_SCAP_FD_SIGNALFD = 11,
	SK_SCAP_FD_EVENTPOLL = 12,
	SK_SCAP_FD_INOTIFY = 13,
	SK_SCAP_FD_TIMERFD = 14,
	SK_SCAP_FD_NETLINK = 15,
	SK_SCAP_FD_FILE_V2 = 16,
	SK_SCAP_FD_BPF = 17,
	SK_SCAP_FD_USERFAULTFD = 18,
	SK_SCAP_FD_IOURING = 19,
	SK_SCAP_FD_MEMFD = 20,
	SK_SCAP_FD_PIDFD = 21,
};

/* One process list entry; strings are NUL-terminated, byte lists carry lengths. */
typedef struct sk_scap_proc {
	int64_t tid, pid, ptid, sid, vpgid, pgid, vtid, vpid;
	const char *comm, *exe, *exepath, *cwd, *root;
	const char *args; uint32_t args_len;       /* NUL-separated */
	const char *env; uint32_t env_len;         /* NUL-separated */
	const char *cgroups; uint32_t cgroups_len; /* NUL-separated "subsys=path" */
	uint64_t fdlimit, pfmajor, pfminor;
	uint32_t flags, uid, gid, vmsize_kb, vmrss_kb, vmswap_kb;
	uint64_t pidns_init_start_ts;
	uint32_t tty, loginuid;
	uint8_t exe_writable, exe_upper_layer, exe_lower_layer, exe_from_memfd;
	uint64_t cap_inheritable, cap_permitted, cap_effective;
	uint64_t exe_ino, exe_ino_ctime, exe_ino_mtime;
} sk_scap_proc_t;

typedef struct sk_scap_fd {
	int64_t fd;
	uint64_t ino;
	uint8_t type;             /* enum sk_scap_fd_type */
	uint8_t l4proto;          /* sockets */
	uint8_t sip[16], dip[16]; /* v4 in the first 4 bytes */
	uint16_t sport, dport;
	uint64_t unix_src, unix_dst;
	uint32_t open_flags, dev;
	const char *name;         /* file name, unix path, or "" */
} sk_scap_fd_t;

typedef struct sk_scap_machine {
	uint32_t num_cpus;
	uint64_t memory_size_bytes;
	uint64_t max_pid;
	char hostname[129];
} sk_scap_machine_t;

typedef struct sk_scap_callbacks {
	void (*on_proc)(void *ctx, const sk_scap_proc_t *p);
	void (*on_fd)(void *ctx, int64_t tid, const sk_scap_fd_t *fd);
	void (*on_user)(void *ctx, uint32_t uid, uint32_t gid, const char *name, const char *home,
		const char *shell);
	void (*on_group)(void *ctx, uint32_t gid, const char *name);
} sk_scap_callbacks_t;

typedef struct sk_scap_reader sk_scap_reader_t;

/* Opens path and reads every metadata block before the first event, firing
 * the callbacks. Returns 0 or a negative errno with err filled. */
int sk_scap_open(const char *path, const sk_scap_callbacks_t *cb, void *ctx,
	sk_scap_reader_t **out, char *err, size_t errlen);

/* Next event: 0 and *evt set, 1 at end of file, negative errno on error.
 * Event codes beyond the schema are skipped (counted in *skipped). */
int sk_scap_next(sk_scap_reader_t *r, const ss_plugin_event **evt, uint16_t *cpuid, char *err,
	size_t errlen);

const sk_scap_machine_t *sk_scap_machine(const sk_scap_reader_t *r);
uint16_t sk_scap_version(const sk_scap_reader_t *r); /* major << 8 | minor */
uint64_t sk_scap_skipped(const sk_scap_reader_t *r);
/* The interface list block of the capture as read (body without header and
 * trailer), or NULL; *type receives its block type. */
const uint8_t *sk_scap_iflist(const sk_scap_reader_t *r, uint32_t *type, size_t *len);
/* Progress in hundredths of a percent of the compressed input. */
uint32_t sk_scap_progress(const sk_scap_reader_t *r);

void sk_scap_close(sk_scap_reader_t *r);

#endif
