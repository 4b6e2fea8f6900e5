/*
 * sys.h - internal state of the syscall plugin shared by its modules
 * (plugin entry points, parsing, field extraction, sources).
 * Threading: one sk_sys_t is used by one thread at a time (plugin API rule).
 */
#ifndef SK_SYSCALL_SYS_H
#define SK_SYSCALL_SYS_H

#include <stdbool.h>
#include <stdint.h>

#include "evview.h"
#include "plugin_api.h"
#include "sk_plugin_sdk.h"
#include "threads.h"
#include "users.h"

typedef struct sk_sys_cfg {
	uint32_t max_threads;      /* thread table bound */
	uint32_t max_fds;          /* fds tracked per process */
	uint32_t max_users;        /* user + group entries */
	uint32_t batch_size;       /* events per next_batch */
	uint32_t ring_bytes;       /* live: ring buffer bytes (0: default) */
	uint32_t cpus_per_ring;    /* live */
	uint32_t snaplen;          /* live */
	bool drop_failed;          /* live: drop failed syscall exits in the kernel */
	bool seed_proc;            /* live: seed the tables from /proc */
	char proc_root[256];       /* "/proc" (tests may point elsewhere) */
} sk_sys_cfg_t;

typedef struct sk_sys_inst sk_sys_inst_t;

/* String scratch of one extraction, one buffer per field class so that a
 * class's helper never overwrites text another class is still building. */
enum sk_sbuf {
	SK_SBUF_EVT,   /* evt.* (fields.c), the progress text (plugin.c) */
	SK_SBUF_PROC,  /* proc.*, thread.*, user.*, group.* (fields_proc.c) */
	SK_SBUF_FD,    /* fd.* (fields_fd.c) */
	SK_SBUF_COUNT
};
#define SK_SBUF_LEN 8192

typedef struct sk_sys {
	ss_plugin_owner_t *owner;
	ss_plugin_log_fn_t log_fn;
	sk_sys_cfg_t cfg;
	sk_threads_t *threads;
	sk_users_t *users;
	char lasterr[PLUGIN_MAX_ERRLEN];
	/* deferred removals, applied at the next parse (extraction of the
	 * closing event still sees the fd) */
	bool pend_close;
	int64_t pend_close_tid, pend_close_fd;
	/* extraction */
	sk_sdk_extract_t x;
	char *fields_json;
	const ss_plugin_event *view_evt;
	uint64_t view_num;
	sk_evview_t view;
	bool view_ok;
	char sbuf[SK_SBUF_COUNT][SK_SBUF_LEN]; /* see enum sk_sbuf */
	/* counters */
	uint64_t n_parsed, n_malformed, n_extract_fail;
	sk_sys_inst_t *inst;       /* the open capture, if any */
	ss_plugin_metric metrics[24];
	uint16_t *state_types;
	uint32_t n_state_types;
	/* event types the host named before open (saker_set_event_types with
	 * no instance): the live capture loads only what they need */
	uint16_t *pre_types;
	uint32_t n_pre_types;
	bool has_pre_types;
	/* state table export */
	void *table;
} sk_sys_t;

/* parse.c */
int sk_sys_parse(sk_sys_t *s, const ss_plugin_event *evt);
/* Applies deferred removals (also called before replay/teardown). */
void sk_sys_flush_pending(sk_sys_t *s);
/* Thread of the event's tid, creating a minimal entry if unknown. */
sk_thread_t *sk_sys_thread(sk_sys_t *s, int64_t tid, bool create);
/* The fd entry the event refers to, or NULL. */
sk_fdinfo_t *sk_sys_event_fd(sk_sys_t *s, const sk_evview_t *v, sk_thread_t *th, int64_t *fdnum);

/* fields.c */
const char *sk_sys_fields_json(sk_sys_t *s);
ss_plugin_rc sk_sys_extract(sk_sys_t *s, const ss_plugin_event_input *ev,
	const ss_plugin_field_extract_input *in);
/* Decodes evt into s->view (cached per event number). */
bool sk_sys_view(sk_sys_t *s, const ss_plugin_event *evt, uint64_t evtnum);

#endif
