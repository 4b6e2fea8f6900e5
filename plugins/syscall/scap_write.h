/*
 * scap_write.h - writer of libscap capture files that sysdig and Falco read:
 * section header (1.2), machine info, process list (v9 entries with
 * lengths), fd lists (v2), user list (v2), then event blocks (v2).
 * A path ending in ".gz" is gzip-compressed, anything else is plain.
 *
 * Ownership: the writer owns its file; inputs are copied.
 * Threading: one writer per thread. Errors: negative errno + err text.
 */
#ifndef SK_SYSCALL_SCAP_WRITE_H
#define SK_SYSCALL_SCAP_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "plugin_api.h"
#include "threads.h"
#include "users.h"

typedef struct sk_scap_writer sk_scap_writer_t;

int sk_scap_writer_open(const char *path, sk_scap_writer_t **out, char *err, size_t errlen);
/* Machine info, the process list and fd lists of every thread in t, and the
 * users/groups known (uids/gids used by the threads). Call once, before events. */
int sk_scap_writer_header(sk_scap_writer_t *w, sk_threads_t *t, sk_users_t *u, char *err,
	size_t errlen);
int sk_scap_writer_event(sk_scap_writer_t *w, const ss_plugin_event *evt, uint16_t cpu,
	char *err, size_t errlen);
/* Writes an exit event preceded by its enter event: the given one when its
 * code pairs with the exit, else one built from the exit's parameters (by
 * name; absent numbers as zero). Readers that take fds and paths from enter
 * events (sysdig 0.29 and older Falco) then see complete pairs. Events that
 * are not exits are written alone. For those 2022 readers it also downgrades
 * exit codes newer than their table to the older event of the syscall, and
 * for a child whose own clone exit comes before its parent's, adds the
 * parent-side clone pair before it and flags the parent's exit (see
 * scap_write.c). */
int sk_scap_writer_event_pair(sk_scap_writer_t *w, const ss_plugin_event *evt,
	const uint8_t *enter, uint16_t cpu, char *err, size_t errlen);
/* Writes a block of the given type with body as its content (padded). */
int sk_scap_writer_raw_block(sk_scap_writer_t *w, uint32_t type, const uint8_t *body, size_t len);
uint64_t sk_scap_writer_events(const sk_scap_writer_t *w);
/* Flushes and closes; returns the first error seen, if any. NULL accepted. */
int sk_scap_writer_close(sk_scap_writer_t *w);

#endif
