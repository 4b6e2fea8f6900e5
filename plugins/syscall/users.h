/*
 * users.h - user and group names for user.* and group.* fields.
 *
 * Filled from a capture's user list on replay, or from /etc/passwd and
 * /etc/group (read once and cached; re-read at most every refresh period
 * when a lookup misses) for live capture. Bounded; extra entries are
 * counted as dropped.
 * Ownership: returned strings belong to the table and stay valid until the
 * next add/load/free. Threading: not thread-safe.
 */
#ifndef SK_SYSCALL_USERS_H
#define SK_SYSCALL_USERS_H

#include <stdint.h>

typedef struct sk_users sk_users_t;

typedef struct sk_user {
	uint32_t uid, gid;
	char *name, *home, *shell;
} sk_user_t;

sk_users_t *sk_users_new(uint32_t max_entries);
void sk_users_free(sk_users_t *u);
int sk_users_add_user(sk_users_t *u, uint32_t uid, uint32_t gid, const char *name,
	const char *home, const char *shell);
int sk_users_add_group(sk_users_t *u, uint32_t gid, const char *name);
/* Loads passwd/group files (paths may be NULL for the defaults). Returns
 * the number of entries read or a negative errno. */
int sk_users_load(sk_users_t *u, const char *passwd, const char *group);
/* Enables re-reading the files on a miss, at most every min_interval_ns. */
void sk_users_set_refresh(sk_users_t *u, uint64_t min_interval_ns);
const sk_user_t *sk_users_user(sk_users_t *u, uint32_t uid);
const char *sk_users_group(sk_users_t *u, uint32_t gid);
uint64_t sk_users_dropped(const sk_users_t *u);

#endif
