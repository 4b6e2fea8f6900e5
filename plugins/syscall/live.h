/*
 * live.h - live syscall capture through eBPF (the kernel side of the
 * syscall plugin).
 *
 * The BPF programs (plugins/syscall/bpf/) write complete scap EXIT events
 * (the 26-byte ss_plugin_event header, nparams uint16_t lengths, then the
 * parameter data, upstream event codes and parameter layouts) straight into
 * BPF ring buffers; sk_live_next hands those records out without copying.
 *
 * Ownership: an sk_live_t owns its BPF skeleton, maps, rings and memory.
 * Events returned by sk_live_next point into the ring buffers and stay valid
 * until the next sk_live_next/sk_live_set_types/sk_live_close on the same
 * instance (the ring space is released only then).
 *
 * Threading: one sk_live_t is used by one thread at a time (the source
 * worker). Distinct instances are independent (no global state), but each
 * instance attaches its own programs, so every instance costs its own share
 * of per-syscall overhead.
 *
 * Errors: functions return 0 (or a count) on success and a negative errno on
 * failure, filling err (when non-NULL) with one line naming the cause.
 */
#ifndef SAKER_SYSCALL_LIVE_H
#define SAKER_SYSCALL_LIVE_H

#include <stddef.h>
#include <stdint.h>

#include "plugin_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sk_live sk_live_t;

#define SK_LIVE_DEFAULT_RING_BYTES (8u << 20)
#define SK_LIVE_DEFAULT_CPUS_PER_RING 2u
#define SK_LIVE_DEFAULT_WAKEUP_EVERY 64u
#define SK_LIVE_DEFAULT_POLL_MS 10u
#define SK_LIVE_DEFAULT_SNAPLEN 80u
#define SK_LIVE_MAX_DROP_CGROUPS 64u

typedef struct sk_live_opts {
	/* Bytes per ring buffer; rounded up to a power of two >= the page size.
	 * 0: SK_LIVE_DEFAULT_RING_BYTES. */
	size_t ring_bytes;
	/* CPUs sharing one ring (CPU c writes to ring c / cpus_per_ring).
	 * 0: one ring for all CPUs. Falco's default is 2. */
	unsigned cpus_per_ring;
	/* Event types (PPME_* codes; enter or exit code of a syscall both
	 * select it) to capture. NULL/0: every supported type. Types the thread
	 * and fd state needs are NOT added implicitly: the caller passes the
	 * union (see sk_live_state_types). */
	const uint16_t *types;
	size_t ntypes;
	/* Drop, in the kernel, events of tasks whose cgroup v2 id is listed
	 * (e.g. saker's own cgroup). At most SK_LIVE_MAX_DROP_CGROUPS. */
	const uint64_t *drop_cgroups;
	size_t ndrop_cgroups;
	/* Ignore this process too (besides the calling process, which is always
	 * ignored): 0 for none. Used by tests. */
	uint32_t ignore_tgid;
	/* The kernel forces a reader wake-up every N events per CPU; in between
	 * events are committed with BPF_RB_NO_WAKEUP. 0: default. The reader also
	 * polls every poll_ms, so latency stays bounded for sparse events. */
	uint32_t wakeup_every;
	uint32_t poll_ms;
	/* Maximum bytes of I/O data (read/write/send/recv buffers) copied per
	 * event. 0: default. */
	uint32_t snaplen;
	/* Drop failed syscall exits (res < 0) in the kernel, as Falco's
	 * drop_failed_exit. Process lifecycle events are never dropped. */
	int drop_failed;
} sk_live_opts_t;

/* Per-ring / per-CPU counters (cumulative since open). */
typedef struct sk_live_cpu_stats {
	uint64_t events;      /* events written into a ring by this CPU */
	uint64_t drops;       /* events lost because the ring was full */
	uint64_t drops_other; /* events lost for other reasons (oversize, read fault) */
} sk_live_cpu_stats_t;

typedef struct sk_live_stats {
	uint32_t ncpus;              /* possible CPUs, entries in cpu[] */
	uint32_t nrings;
	uint64_t events;             /* sum over CPUs */
	uint64_t drops;              /* sum of drops + drops_other */
	uint64_t delivered;          /* events handed out by sk_live_next */
	const sk_live_cpu_stats_t *cpu; /* owned by l; valid until the next sk_live_stats */
	/* Kernel time spent in saker's programs (all attached programs, tail
	 * calls included) and their run count; both stay 0 unless the
	 * kernel.bpf_stats_enabled sysctl is 1. */
	uint64_t prog_run_ns;
	uint64_t prog_run_cnt;
} sk_live_stats_t;

/* 0 when live capture can work here (root or CAP_BPF+CAP_PERFMON, BTF,
 * ring buffers); else a negative errno and a reason in err. */
int sk_live_probe(char *err, size_t errlen);

/* Loads and attaches the BPF programs. opts may be NULL (all defaults). */
int sk_live_open(const sk_live_opts_t *opts, sk_live_t **out, char *err, size_t errlen);

/* Replaces the set of captured event types (same meaning as opts->types).
 * Takes effect for the next syscalls; events already in the rings stay.
 * sk_live_open loads only the handler programs its opts->types need (the
 * verifier is most of the start-up time); handlers a new set needs are
 * loaded here, in a second BPF object sharing the maps (a few ms each). */
int sk_live_set_types(sk_live_t *l, const uint16_t *types, size_t n, char *err, size_t errlen);

typedef struct sk_live_info {
	uint32_t nprogs;   /* BPF programs loaded (entry programs and handlers) */
	uint32_t ncpus;    /* possible CPUs */
	uint32_t nrings;
	size_t ring_bytes; /* bytes per ring */
} sk_live_info_t;

/* What the open capture loaded (for the "capture started" log line). */
void sk_live_info(const sk_live_t *l, sk_live_info_t *info);

/* Waits up to timeout_ms (0: do not wait, <0: wait forever) for events and
 * returns up to max complete events in evts (>= 1), 0 on timeout, or a
 * negative errno. The events stay valid until the next call (see above). */
int sk_live_next(sk_live_t *l, const ss_plugin_event **evts, uint32_t max, int timeout_ms);

/* Fills st with cumulative counters read from the kernel's per-CPU maps. */
int sk_live_stats(sk_live_t *l, sk_live_stats_t *st);

/* Event types (exit codes) captured by the BPF side: lists every type the
 * kernel side can produce. Static storage. */
const uint16_t *sk_live_supported_types(size_t *n);

/* Event types the thread and fd state tracking needs (clone, execve,
 * procexit, close, dup, socket calls, setuid family, chdir, ...), to add
 * to the types the rules need, as Falco's base_syscalls. Static storage. */
const uint16_t *sk_live_state_types(size_t *n);

/* Detaches the programs and frees everything; NULL is accepted. */
void sk_live_close(sk_live_t *l);

#ifdef __cplusplus
}
#endif
#endif /* SAKER_SYSCALL_LIVE_H */
