/*
 * fdtab.h - per-process file descriptor table of the syscall plugin.
 *
 * A bounded hash map fd -> sk_fdinfo_t. When the table is full a new fd is
 * not tracked and the drop is counted (the caller exports the counter).
 * Ownership: entries and their names belong to the table; pointers returned
 * by lookups stay valid until the entry is removed or the table destroyed.
 * Threading: not thread-safe; used from the plugin's parse/extract thread.
 */
#ifndef SK_SYSCALL_FDTAB_H
#define SK_SYSCALL_FDTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dynfields.h"

/* fd kinds, numbered like the capture format's fd types. */
enum sk_fd_kind {
	SK_FD_UNKNOWN = 0,
	SK_FD_FILE = 1,
	SK_FD_DIRECTORY = 2,
	SK_FD_IPV4 = 3,
	SK_FD_IPV6 = 4,
	SK_FD_FIFO = 7,
	SK_FD_UNIX = 8,
	SK_FD_EVENT = 9,
	SK_FD_UNSUPPORTED = 10,
	SK_FD_SIGNALFD = 11,
	SK_FD_EVENTPOLL = 12,
	SK_FD_INOTIFY = 13,
	SK_FD_TIMERFD = 14,
	SK_FD_NETLINK = 15,
	SK_FD_BPF = 17,
	SK_FD_USERFAULTFD = 18,
	SK_FD_IOURING = 19,
	SK_FD_MEMFD = 20,
	SK_FD_PIDFD = 21,
};

enum sk_l4 { SK_L4_NA = 0, SK_L4_TCP = 1, SK_L4_UDP = 2, SK_L4_ICMP = 3, SK_L4_RAW = 4 };

typedef struct sk_fdinfo {
	int64_t fd;
	uint8_t kind;          /* enum sk_fd_kind */
	uint8_t l4proto;       /* enum sk_l4 */
	bool is_server;        /* bound/listening or accepted: local side is the server */
	bool connected;
	bool name_changed;     /* set by the event that changed the name */
	bool has_tuple;        /* cip/sip/cport/sport are meaningful */
	bool is_v6;
	uint8_t cip[16], sip[16]; /* client and server addresses (v4 in the first 4) */
	uint16_t cport, sport;
	uint32_t open_flags;
	uint32_t dev;
	uint64_t ino;
	char *name;            /* never NULL once stored */
	char *nameraw;         /* name as the syscall gave it (before resolution), or NULL */
	char *oldname;         /* written through the state table only, or NULL */
	uint32_t mount_id;
	uint32_t flags;        /* written through the state table (libsinsp fdinfo flags) */
	sk_dynvals_t *dyn;     /* fields added by other plugins */
	bool detached;         /* created through the table API, in no table yet */
	struct sk_fdinfo *next; /* hash chain (internal) */
} sk_fdinfo_t;

typedef struct sk_fdtab sk_fdtab_t;

sk_fdtab_t *sk_fdtab_new(uint32_t max_fds);
void sk_fdtab_free(sk_fdtab_t *t);
sk_fdtab_t *sk_fdtab_clone(const sk_fdtab_t *t);

sk_fdinfo_t *sk_fdtab_get(sk_fdtab_t *t, int64_t fd);
/* Inserts or replaces fd; returns the entry (zeroed except fd, name "") or
 * NULL when the table is full (the drop is counted). */
sk_fdinfo_t *sk_fdtab_put(sk_fdtab_t *t, int64_t fd);
bool sk_fdtab_del(sk_fdtab_t *t, int64_t fd);
void sk_fdtab_clear(sk_fdtab_t *t);

/* An entry outside any table (create_table_entry); attach inserts it under
 * fd (replacing an existing entry; the table owns it then) or returns NULL
 * when the table is full (the entry stays the caller's). */
sk_fdinfo_t *sk_fdinfo_new_detached(void);
void sk_fdinfo_free_detached(sk_fdinfo_t *f); /* NULL-safe */
sk_fdinfo_t *sk_fdtab_attach(sk_fdtab_t *t, int64_t fd, sk_fdinfo_t *f);
/* Removes every fd with the close-on-exec flag (O_CLOEXEC in open_flags). */
void sk_fdtab_close_cloexec(sk_fdtab_t *t);
size_t sk_fdtab_count(const sk_fdtab_t *t);
uint64_t sk_fdtab_dropped(const sk_fdtab_t *t);

/* Replaces the entry's name (copied; NULL means ""). */
int sk_fdinfo_set_name(sk_fdinfo_t *f, const char *name);
int sk_fdinfo_set_nameraw(sk_fdinfo_t *f, const char *name);
/* Copies everything but fd and the chain link from src. */
int sk_fdinfo_copy(sk_fdinfo_t *dst, const sk_fdinfo_t *src);

/* Falco's one-character type ('f', 'd', '4', '6', 'u', 'p', ...). */
char sk_fd_typechar(uint8_t kind);
/* Falco's type name ("file", "ipv4", ...). */
const char *sk_fd_typename(uint8_t kind);

/* Iterates every entry; stop early by returning false. */
void sk_fdtab_foreach(sk_fdtab_t *t, bool (*fn)(void *ctx, sk_fdinfo_t *f), void *ctx);

#endif
