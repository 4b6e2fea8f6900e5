/*
 * source.h - the event source of the syscall plugin: replay of a .scap
 * capture or live capture through eBPF (live.h), optionally writing every
 * delivered event to a capture file.
 *
 * Exit semantics: on replay, enter events are not delivered; each exit event
 * is completed with the parameters of its enter event (same thread, code
 * one less) and older event versions are upgraded to the current code of the
 * same syscall, so consumers see self-contained exit events as a current
 * driver produces them. Enter-only events (procexit, container, ...) are
 * delivered as they are; internal "procinfo" events are not. With the open
 * parameter "all_events": true every event of the file is delivered
 * unchanged, in file order (the classic behaviour; evt.num then equals the
 * event's position in the file, as in sysdig).
 *
 * Ownership: events of a batch stay valid until the next next_batch or
 * close. Threading: one instance per thread.
 */
#ifndef SK_SYSCALL_SOURCE_H
#define SK_SYSCALL_SOURCE_H

#include "sys.h"

/* open_params: "" / "live" / {"live": true, "write": path, ...} /
 * "/x.scap" / {"capture": path, "write": path, "all_events": bool}. */
/* true when params open live capture (valid params, not a replay). */
bool sk_src_params_live(const char *params);
int sk_src_open(sk_sys_t *s, const char *params, sk_sys_inst_t **out, char *err, size_t errlen);
/* SS_PLUGIN_SUCCESS with *n >= 1, SS_PLUGIN_TIMEOUT, SS_PLUGIN_EOF or FAILURE. */
ss_plugin_rc sk_src_next(sk_sys_t *s, sk_sys_inst_t *in, uint32_t *n, ss_plugin_event ***evts);
void sk_src_close(sk_sys_t *s, sk_sys_inst_t *in);
/* saker_capture_write: writes evt (an event the host hands over: dumped
 * plugin state, async events) to the instance's capture file; evt NULL asks
 * whether there is one (SUCCESS) or not (NOT_SUPPORTED). */
ss_plugin_rc sk_src_capture_write(sk_sys_t *s, sk_sys_inst_t *in, const ss_plugin_event *evt);
uint32_t sk_src_progress(sk_sys_inst_t *in);
/* The event types the host's rules need (state types are added here). in
 * NULL (before open): kept for the next open, whose live capture then
 * loads only the BPF programs they need. */
int sk_src_set_types(sk_sys_t *s, sk_sys_inst_t *in, const uint16_t *types, uint32_t n,
	char *err, size_t errlen);
/* Metrics of the plugin and the open instance (live: per-CPU events and
 * drops too). The array is owned by s or in and valid until the next call. */
ss_plugin_metric *sk_src_metrics(sk_sys_t *s, sk_sys_inst_t *in, uint32_t *n);

/* The PPME codes the state tracking needs (exit codes of every version of
 * clone/fork/vfork/clone3/execve/execveat/procexit, the open family, close, dup, socket
 * calls/setuid family/chdir...). Static storage. */
const uint16_t *sk_src_state_types(uint32_t *n);

/* The enter event paired with a replayed exit event of the current batch
 * (kept for parameters the exit's row does not carry), or NULL. */
const uint8_t *sk_src_enter_of(sk_sys_inst_t *in, const ss_plugin_event *evt);

/* capmeta.c: scap reader callbacks filling the tables from a capture. */
struct sk_scap_proc;
struct sk_scap_fd;
void sk__src_on_proc(void *ctx, const struct sk_scap_proc *p);
void sk__src_on_fd(void *ctx, int64_t tid, const struct sk_scap_fd *fd);
void sk__src_on_user(void *ctx, uint32_t uid, uint32_t gid, const char *name, const char *home,
	const char *shell);
void sk__src_on_group(void *ctx, uint32_t gid, const char *name);

/* proc_seed.c: seeds the thread table from a proc tree (live). */
int sk_proc_seed(sk_sys_t *s, const char *proc_root, char *err, size_t errlen);
/* Seeds one thread (live: a thread first seen in an event); false if gone. */
bool sk_proc_seed_one(sk_sys_t *s, const char *proc_root, int64_t tid);
/* Live: the entry for fd of t's process read from /proc (an fd inherited
 * over a fork saker did not see), added to its table; NULL if /proc has
 * no such fd. */
struct sk_fdinfo *sk_proc_seed_fd(sk_sys_t *s, const char *proc_root, struct sk_thread *t,
	int64_t fd);
/* true when the open instance is a live capture. */
bool sk_src_is_live(const sk_sys_inst_t *in);

#endif
