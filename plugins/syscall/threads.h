/*
 * threads.h - the syscall plugin's thread table.
 *
 * A bounded hash map tid -> sk_thread_t with an LRU order. Threads of one
 * process share the fd table of the process leader (tid == pid); a thread
 * whose leader is unknown keeps its own. When the table is full, inserting
 * evicts a dead entry if one is found near the LRU tail (counted as
 * evicted_dead), else the least recently used entry (evicted_live).
 * Exited threads are marked dead and removed at the next sk_threads_reap().
 *
 * Ownership: the table owns entries, their strings and fd tables. Pointers
 * stay valid until the entry is removed (reap, eviction, clear, free).
 * Threading: not thread-safe; one parse/extract thread uses it.
 */
#ifndef SK_SYSCALL_THREADS_H
#define SK_SYSCALL_THREADS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dynfields.h"
#include "fdtab.h"
#include "sublists.h"

#define SK_COMM_LEN 64
#define SK_THREAD_SUBTABLES 4

struct sk_thread;
/* A sub-table view of one thread (args, env, cgroups, file_descriptors),
 * handed to other plugins as a table pointer by the state table. */
typedef struct sk_subtab {
	uint32_t kind;          /* first member: the table code dispatches on it */
	struct sk_thread *th;
	void *table;            /* the owning state table */
} sk_subtab_t;

typedef struct sk_thread {
	int64_t tid, pid, ptid, sid, vpgid, pgid, vtid, vpid, reaper_tid;
	char comm[SK_COMM_LEN];
	char *exe;              /* argv[0] as executed */
	char *exepath;          /* resolved executable path */
	char *args; uint32_t args_len;       /* NUL-separated arguments (without argv[0]) */
	char *cwd;              /* with a trailing '/' */
	char *env; uint32_t env_len;         /* NUL-separated */
	char *cgroups; uint32_t cgroups_len; /* NUL-separated "subsys=path" */
	char *root;
	uint32_t uid, gid, euid, egid, loginuid, tty, flags;
	uint64_t cap_inheritable, cap_permitted, cap_effective;
	uint64_t exe_ino, exe_ino_ctime, exe_ino_mtime, clone_ts, pidns_init_start_ts;
	uint64_t fdlimit;
	bool exe_writable, exe_upper_layer, exe_lower_layer, exe_from_memfd;
	bool dead;
	/* Created for a tid met in an event but never described (no process list
	 * entry, clone or /proc): like libsinsp, comm and exe read "<NA>" until
	 * a clone or execve describes it (sk_thread_mark_na). */
	bool na;
	sk_dynvals_t *dyn;      /* fields added by other plugins */
	sk_subtab_t sub[SK_THREAD_SUBTABLES];
	/* args, env, cgroups as entries, once reached through the state table */
	sk_sublist_t *lists[3];
	bool detached;          /* created through the table API, not in the table yet */
	sk_fdtab_t *fds;        /* own table (leaders and orphans); use sk_thread_fds() */
	uint8_t *enter;         /* last enter event of this thread (copy), for old captures */
	uint32_t enter_len, enter_cap;
	/* internal */
	struct sk_thread *hnext, *lru_prev, *lru_next, *dead_next;
} sk_thread_t;

typedef struct sk_threads_stats {
	uint64_t count;
	uint64_t added;
	uint64_t removed;
	uint64_t evicted_dead;
	uint64_t evicted_live;
	uint64_t alloc_failed;
} sk_threads_stats_t;

typedef struct sk_threads sk_threads_t;

/* is_alive (optional) tells whether a tid still exists (live capture). */
sk_threads_t *sk_threads_new(uint32_t max_threads, uint32_t max_fds_per_proc,
	bool (*is_alive)(int64_t tid));
void sk_threads_free(sk_threads_t *t);
void sk_threads_clear(sk_threads_t *t);

/* Lookup without changing the LRU order. */
sk_thread_t *sk_threads_peek(sk_threads_t *t, int64_t tid);
/* Lookup and mark most recently used. */
sk_thread_t *sk_threads_get(sk_threads_t *t, int64_t tid);
/* Creates an empty entry (or returns the existing one); NULL on failure. */
sk_thread_t *sk_threads_add(sk_threads_t *t, int64_t tid);
bool sk_threads_remove(sk_threads_t *t, int64_t tid);

/* An entry outside the table (libsinsp's create_table_entry), with the
 * defaults of a new thread; free it with sk_thread_free_detached unless it
 * is attached. */
sk_thread_t *sk_thread_new_detached(void);
void sk_thread_free_detached(sk_thread_t *th); /* NULL-safe */
/* Inserts a detached entry under tid (its tid is set), replacing an existing
 * one; the table owns it afterwards. Returns it, or NULL (table full and
 * nothing to evict; the entry stays the caller's). */
sk_thread_t *sk_threads_attach(sk_threads_t *t, int64_t tid, sk_thread_t *th);
/* Marks tid dead; it is removed at the next reap. */
void sk_threads_mark_dead(sk_threads_t *t, int64_t tid);
void sk_threads_reap(sk_threads_t *t);

/* The fd table the thread uses (its process leader's, or its own); created on demand. */
sk_fdtab_t *sk_thread_fds(sk_threads_t *t, sk_thread_t *th);
/* The parent thread (ptid), or NULL. */
sk_thread_t *sk_thread_parent(sk_threads_t *t, const sk_thread_t *th);
/* The process leader (pid), or th itself. */
sk_thread_t *sk_thread_leader(sk_threads_t *t, sk_thread_t *th);

/* Copies the process-wide attributes of src (exe, args, cwd, env, uid, ...)
 * into dst, as a fork/clone child inherits them. */
int sk_thread_inherit(sk_thread_t *dst, const sk_thread_t *src);

/* Makes th an undescribed thread (see sk_thread_t.na); 0 or -1 (no memory). */
int sk_thread_mark_na(sk_thread_t *th);

int sk_thread_set_str(char **dst, const char *src);
int sk_thread_set_buf(char **dst, uint32_t *dlen, const char *src, uint32_t len);

const sk_threads_stats_t *sk_threads_stats(const sk_threads_t *t);
uint64_t sk_threads_fd_dropped(const sk_threads_t *t);
uint32_t sk_threads_max(const sk_threads_t *t);

/* Iterates all entries; stop early by returning false. */
void sk_threads_foreach(sk_threads_t *t, bool (*fn)(void *ctx, sk_thread_t *th), void *ctx);

#endif
