/*
 * sublists.h - the args, env and cgroups sub-tables of a thread as tables of
 * entries, as libsinsp's (vector-backed: key = index, dense). A thread keeps
 * its lists as NUL-separated strings (what field extraction reads); the
 * first time a plugin reaches one of them through the table API, the
 * strings are mirrored as entries that can carry dynamic field values and
 * be written. The mirror follows the strings (an execve replaces them: the
 * entries, with their dynamic values, are rebuilt), and every change made
 * through the table API is written back to the strings, so proc.args,
 * proc.env and the container plugin see it.
 *
 * Limits: SK_SUBLIST_MAX_ENTRIES entries per list, values of at most
 * SK_DYN_STR_MAX bytes; larger additions or writes are refused.
 *
 * Ownership: a thread owns its sk_sublist_t (sk_sublist_free when the thread
 * goes); a list owns its attached entries; a detached entry (created, not
 * yet added) is the creator's until added or destroyed. Threading: none
 * (the syscall source's worker).
 */
#ifndef SK_SYSCALL_SUBLISTS_H
#define SK_SYSCALL_SUBLISTS_H

#include <stdbool.h>
#include <stdint.h>

#include "dynfields.h"

#define SK_SUBLIST_MAX_ENTRIES 4096

typedef struct sk_lentry {
	char *a;          /* value (args, env) or first (cgroups); never NULL once attached */
	char *b;          /* second (cgroups), else NULL */
	sk_dynvals_t *dyn;
	bool detached;
} sk_lentry_t;

typedef struct sk_sublist {
	uint32_t n, cap;
	sk_lentry_t **v;
	char *snap;       /* copy of the strings the entries mirror */
	uint32_t snap_len;
} sk_sublist_t;

void sk_sublist_free(sk_sublist_t *l); /* NULL-safe */

sk_lentry_t *sk_lentry_new(void);
void sk_lentry_free(sk_lentry_t *e); /* NULL-safe */

/* Whether l mirrors the strings buf/len as they are now. */
bool sk_sublist_current(const sk_sublist_t *l, const char *buf, uint32_t len);

/* Brings *lp (created when NULL) in step with the strings buf/len: rebuilt
 * when they changed since the last sync or store. pairs: cgroups entries
 * ("first=second"). 0 or -ENOMEM. */
int sk_sublist_sync(sk_sublist_t **lp, const char *buf, uint32_t len, bool pairs);

/* Writes the entries back as strings into *buf / *len (replaced) and takes
 * the new snapshot. 0 or -ENOMEM / -E2BIG. */
int sk_sublist_store(sk_sublist_t *l, char **buf, uint32_t *len, bool pairs);

/* Entry operations (libsinsp's vector semantics). add: key < n replaces the
 * entry at key, key == n appends, key > n is refused; returns e (now the
 * list's) or NULL. erase: removes key, later entries move down one. */
sk_lentry_t *sk_sublist_add(sk_sublist_t *l, uint64_t key, sk_lentry_t *e);
bool sk_sublist_erase(sk_sublist_t *l, uint64_t key);
void sk_sublist_clear(sk_sublist_t *l);

#endif
