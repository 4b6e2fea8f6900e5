/*
 * live.c - userspace side of the live capture: loads the CO-RE skeleton,
 * creates one ring buffer per group of CPUs, programs the in-kernel filter
 * and hands ring records out zero-copy, merged across rings by timestamp.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/mman.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "live.h"
#include "live_table.h"
#include "sk_sdk_util.h"
#include "bpf/sk_bpf_shared.h"
#include "saker.skel.h"

#define RB_BUSY_BIT (1u << 31)
#define RB_DISCARD_BIT (1u << 30)
#define RB_HDR_SZ 8u

typedef struct sk_ring {
	int fd;
	uint64_t *cons_pos;   /* mmapped consumer page (rw) */
	uint8_t *prod;        /* mmapped producer page + data (ro) */
	uint8_t *data;
	size_t size;
	uint64_t cur;         /* next record to read */
} sk_ring_t;

struct sk_live {
	struct saker_bpf *skel;
	/* objects loaded later for handlers the first load left out (see
	 * load_missing); they share every map of skel */
	struct saker_bpf *extra[SK_H_COUNT];
	uint32_t nextra;
	uint8_t loaded[SK_H_COUNT]; /* handler programs loaded, any object */
	uint32_t nprogs;            /* programs loaded, all objects */
	struct bpf_link *links[3];
	sk_ring_t *rings;
	uint32_t nrings;
	uint32_t ncpus;
	int epfd;
	size_t ring_bytes;
	size_t page;
	unsigned poll_ms;
	uint64_t delivered;
	sk_live_cpu_stats_t *cpu_stats;
	struct sk_cpu_counters *raw_stats;
	const ss_plugin_event **heads;
};

static int libbpf_quiet(enum libbpf_print_level lvl, const char *fmt, va_list ap)
{
	if (lvl == LIBBPF_DEBUG || !getenv("SAKER_BPF_DEBUG"))
		return 0;
	return vfprintf(stderr, fmt, ap);
}

int sk_live_probe(char *err, size_t errlen)
{
	int fd;

	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		sk_sdk_errf(err, errlen, "kernel BTF (/sys/kernel/btf/vmlinux) is not available");
		return -ENOTSUP;
	}
	fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "sk_probe", 0, 0, 4096, NULL);
	if (fd < 0) {
		int e = errno;

		sk_sdk_errf(err, errlen, "cannot create a BPF ring buffer (%s): need root or "
		       "CAP_BPF+CAP_PERFMON and kernel >= 5.8", strerror(e));
		return -e;
	}
	close(fd);
	return 0;
}

static size_t round_pow2(size_t v, size_t min)
{
	size_t r = min;

	while (r < v && r < ((size_t)1 << 30))
		r <<= 1;
	return r;
}

static int fill_table(sk_live_t *l, const uint16_t *types, size_t n, char *err, size_t errlen)
{
	int fd = bpf_map__fd(l->skel->maps.sk_sc_table);
	int afd = bpf_map__fd(l->skel->maps.sk_sc_args);
	uint32_t key;

	for (key = 0; key < SK_MAX_SYSCALLS; key++) {
		struct sk_sc_entry v;
		struct sk_sc_args a;

		sk__live_entry(key, types, n, &v, &a);
		/* the parameter program first: an entry is never enabled
		 * before its program is in place */
		if (bpf_map_update_elem(afd, &key, &a, BPF_ANY) != 0 ||
		    bpf_map_update_elem(fd, &key, &v, BPF_ANY) != 0) {
			int e = errno;

			sk_sdk_errf(err, errlen, "updating the syscall filter map: %s", strerror(e));
			return -e;
		}
	}
	return 0;
}

static struct bpf_program *handler_prog(struct saker_bpf *s, int h)
{
	switch (h) {
	case SK_H_OPEN: return s->progs.sk_h_open;
	case SK_H_OPENAT: return s->progs.sk_h_openat;
	case SK_H_OPENAT2: return s->progs.sk_h_openat2;
	case SK_H_CREAT: return s->progs.sk_h_creat;
	case SK_H_CLOSE: return s->progs.sk_h_close;
	case SK_H_EXEC_FAIL: return s->progs.sk_h_exec_fail;
	case SK_H_CLONE: return s->progs.sk_h_clone;
	case SK_H_SOCKET: return s->progs.sk_h_socket;
	case SK_H_CONNECT: return s->progs.sk_h_connect;
	case SK_H_ACCEPT: return s->progs.sk_h_accept;
	case SK_H_BIND: return s->progs.sk_h_bind;
	case SK_H_LISTEN: return s->progs.sk_h_listen;
	case SK_H_SENDTO: return s->progs.sk_h_sendto;
	case SK_H_RECVFROM: return s->progs.sk_h_recvfrom;
	case SK_H_SENDMSG: return s->progs.sk_h_sendmsg;
	case SK_H_RECVMSG: return s->progs.sk_h_recvmsg;
	case SK_H_DUP2: return s->progs.sk_h_dup2;
	case SK_H_DUP3: return s->progs.sk_h_dup3;
	case SK_H_ID1: return s->progs.sk_h_id1;
	case SK_H_ID3: return s->progs.sk_h_id3;
	case SK_H_MOUNT: return s->progs.sk_h_mount;
	case SK_H_CHMOD: return s->progs.sk_h_chmod;
	case SK_H_FCHMOD: return s->progs.sk_h_fchmod;
	case SK_H_FCHMODAT: return s->progs.sk_h_fchmodat;
	case SK_H_AT_PATH: return s->progs.sk_h_at_path;
	case SK_H_PATH1: return s->progs.sk_h_path1;
	case SK_H_PATH2: return s->progs.sk_h_path2;
	case SK_H_RENAMEAT: return s->progs.sk_h_renameat;
	case SK_H_SYMLINKAT: return s->progs.sk_h_symlinkat;
	case SK_H_PTRACE: return s->progs.sk_h_ptrace;
	case SK_H_SETNS: return s->progs.sk_h_setns;
	case SK_H_UNSHARE: return s->progs.sk_h_unshare;
	case SK_H_BPF: return s->progs.sk_h_bpf;
	case SK_H_INIT_MODULE: return s->progs.sk_h_init_module;
	case SK_H_FINIT_MODULE: return s->progs.sk_h_finit_module;
	case SK_H_USERFAULTFD: return s->progs.sk_h_userfaultfd;
	case SK_H_PIPE: return s->progs.sk_h_pipe;
	case SK_H_SOCKETPAIR: return s->progs.sk_h_socketpair;
	case SK_H_FD1: return s->progs.sk_h_fd1;
	case SK_H_PATH_U32: return s->progs.sk_h_path_u32;
	case SK_H_ARGS: return s->progs.sk_h_args;
	case SK_H_IOV: return s->progs.sk_h_iov;
	case SK_H_CAPSET: return s->progs.sk_h_capset;
	case SK_H_PRCTL: return s->progs.sk_h_prctl;
	case SK_H_GENERIC: return s->progs.sk_h_generic;
	default: return NULL;
	}
}

/* Handlers the kernel table's enabled entries need for types (NULL: all):
 * own rows, table-driven rows and the generic event alike. */
static void needed_handlers(const uint16_t *types, size_t n, uint8_t need[SK_H_COUNT])
{
	uint32_t nr;

	memset(need, 0, SK_H_COUNT);
	for (nr = 0; nr < SK_MAX_SYSCALLS; nr++) {
		struct sk_sc_entry v;
		struct sk_sc_args a;

		sk__live_entry(nr, types, n, &v, &a);
		if (v.enabled && v.handler > 0 && v.handler < SK_H_COUNT)
			need[v.handler] = 1;
	}
}

/* Only the wanted handlers are verified (the verifier is most of the
 * start-up time); the entry programs always load. */
static void set_autoload(struct saker_bpf *s, const uint8_t want[SK_H_COUNT], int entries)
{
	struct bpf_program *p;
	int i;

	bpf_object__for_each_program(p, s->obj)
		bpf_program__set_autoload(p, entries);
	for (i = 1; i < SK_H_COUNT; i++) {
		p = handler_prog(s, i);
		if (p)
			bpf_program__set_autoload(p, want[i] != 0);
	}
}

/* Puts the loaded handlers of s into the shared prog array. */
static int register_handlers(sk_live_t *l, struct saker_bpf *s, char *err, size_t errlen)
{
	int pfd = bpf_map__fd(l->skel->maps.sk_handlers);
	struct bpf_program *p;
	int i;

	bpf_object__for_each_program(p, s->obj)
		if (bpf_program__fd(p) >= 0)
			l->nprogs++;
	for (i = 1; i < SK_H_COUNT; i++) {
		int fd;
		uint32_t key = (uint32_t)i;

		p = handler_prog(s, i);
		fd = p ? bpf_program__fd(p) : -1;
		if (fd < 0)
			continue;
		if (bpf_map_update_elem(pfd, &key, &fd, BPF_ANY) != 0) {
			int e = errno;

			sk_sdk_errf(err, errlen, "registering handler %d: %s", i, strerror(e));
			return -e;
		}
		l->loaded[i] = 1;
	}
	return 0;
}

/* Loads, in a second object sharing every map with the first, the
 * handlers `need` asks for that are not loaded yet (rules reloaded with
 * new event types). Nothing to do: 0 at once. */
static int load_missing(sk_live_t *l, const uint8_t need[SK_H_COUNT], char *err, size_t errlen)
{
	uint8_t want[SK_H_COUNT] = {0};
	struct saker_bpf *x;
	struct bpf_map *m;
	int i, rc, any = 0;

	for (i = 1; i < SK_H_COUNT; i++)
		if (need[i] && !l->loaded[i] && handler_prog(l->skel, i))
			want[i] = any = 1;
	if (!any)
		return 0;
	if (l->nextra >= SK_H_COUNT) {
		sk_sdk_errf(err, errlen, "too many BPF program loads");
		return -ENOSPC;
	}
	x = saker_bpf__open();
	if (!x) {
		rc = -errno;
		sk_sdk_errf(err, errlen, "opening the BPF object: %s", strerror(-rc));
		return rc;
	}
	bpf_object__for_each_map(m, x->obj) {
		struct bpf_map *om = bpf_object__find_map_by_name(l->skel->obj, bpf_map__name(m));

		if (!om || bpf_map__reuse_fd(m, bpf_map__fd(om)) != 0) {
			rc = -errno;
			sk_sdk_errf(err, errlen, "sharing map %s: %s", bpf_map__name(m), strerror(-rc));
			goto fail;
		}
	}
	set_autoload(x, want, 0);
	rc = saker_bpf__load(x);
	if (rc) {
		sk_sdk_errf(err, errlen, "loading the BPF programs: %s (set SAKER_BPF_DEBUG=1 for the "
		       "verifier log)", strerror(-rc));
		goto fail;
	}
	rc = register_handlers(l, x, err, errlen);
	if (rc)
		goto fail;
	l->extra[l->nextra++] = x;
	return 0;
fail:
	saker_bpf__destroy(x);
	return rc < 0 ? rc : -EINVAL;
}

static int setup_rings(sk_live_t *l, char *err, size_t errlen)
{
	int outer = bpf_map__fd(l->skel->maps.sk_rings);
	int cpumap = bpf_map__fd(l->skel->maps.sk_cpu_ring);
	uint32_t i, cpr = l->ncpus / l->nrings + (l->ncpus % l->nrings ? 1 : 0);

	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (l->epfd < 0)
		return -errno;
	for (i = 0; i < l->nrings; i++) {
		sk_ring_t *r = &l->rings[i];
		struct epoll_event ev = {.events = EPOLLIN, .data.u32 = i};
		void *p;

		r->fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "sk_ring", 0, 0, (uint32_t)l->ring_bytes, NULL);
		if (r->fd < 0) {
			int e = errno;

			sk_sdk_errf(err, errlen, "creating ring buffer %u (%zu bytes): %s", i, l->ring_bytes,
			       strerror(e));
			return -e;
		}
		if (bpf_map_update_elem(outer, &i, &r->fd, BPF_ANY) != 0) {
			int e = errno;

			sk_sdk_errf(err, errlen, "registering ring buffer %u: %s", i, strerror(e));
			return -e;
		}
		p = mmap(NULL, l->page, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, 0);
		if (p == MAP_FAILED)
			return -errno;
		r->cons_pos = p;
		p = mmap(NULL, l->page + 2 * l->ring_bytes, PROT_READ, MAP_SHARED, r->fd, (off_t)l->page);
		if (p == MAP_FAILED)
			return -errno;
		r->prod = p;
		r->data = (uint8_t *)p + l->page;
		r->size = l->ring_bytes;
		r->cur = __atomic_load_n(r->cons_pos, __ATOMIC_ACQUIRE);
		if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, r->fd, &ev) != 0)
			return -errno;
	}
	for (i = 0; i < l->ncpus && i < SK_MAX_CPUS; i++) {
		uint32_t ring = cpr ? i / cpr : 0;

		if (ring >= l->nrings)
			ring = l->nrings - 1;
		if (bpf_map_update_elem(cpumap, &i, &ring, BPF_ANY) != 0)
			return -errno;
	}
	return 0;
}

int sk_live_open(const sk_live_opts_t *opts, sk_live_t **out, char *err, size_t errlen)
{
	static const sk_live_opts_t defaults;
	struct saker_bpf *s = NULL;
	sk_live_t *l;
	int rc, i;
	unsigned cpr;

	if (!out)
		return -EINVAL;
	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->ndrop_cgroups > SK_LIVE_MAX_DROP_CGROUPS) {
		sk_sdk_errf(err, errlen, "drop_cgroups: %zu entries, at most %u", opts->ndrop_cgroups,
		       SK_LIVE_MAX_DROP_CGROUPS);
		return -EINVAL;
	}
	rc = sk_live_probe(err, errlen);
	if (rc)
		return rc;
	libbpf_set_print(libbpf_quiet);
	l = calloc(1, sizeof(*l));
	if (!l)
		return -ENOMEM;
	l->epfd = -1;
	l->page = (size_t)sysconf(_SC_PAGESIZE);
	rc = libbpf_num_possible_cpus();
	if (rc <= 0) {
		sk_sdk_errf(err, errlen, "cannot count possible CPUs");
		rc = -EINVAL;
		goto fail;
	}
	l->ncpus = (uint32_t)rc;
	l->ring_bytes = round_pow2(opts->ring_bytes ? opts->ring_bytes : SK_LIVE_DEFAULT_RING_BYTES,
				   l->page);
	cpr = opts->cpus_per_ring ? opts->cpus_per_ring : l->ncpus;
	l->nrings = (l->ncpus + cpr - 1) / cpr;
	if (l->nrings > SK_MAX_RINGS)
		l->nrings = SK_MAX_RINGS;
	l->poll_ms = opts->poll_ms ? opts->poll_ms : SK_LIVE_DEFAULT_POLL_MS;
	l->rings = calloc(l->nrings, sizeof(*l->rings));
	l->heads = calloc(l->nrings, sizeof(*l->heads));
	l->cpu_stats = calloc(l->ncpus, sizeof(*l->cpu_stats));
	l->raw_stats = calloc(l->ncpus, sizeof(*l->raw_stats));
	if (!l->rings || !l->heads || !l->cpu_stats || !l->raw_stats) {
		rc = -ENOMEM;
		goto fail;
	}
	for (i = 0; i < (int)l->nrings; i++)
		l->rings[i].fd = -1;

	s = saker_bpf__open();
	if (!s) {
		rc = -errno;
		sk_sdk_errf(err, errlen, "opening the BPF object: %s", strerror(-rc));
		goto fail;
	}
	l->skel = s;
	s->rodata->sk_self_tgid = (uint32_t)getpid();
	s->rodata->sk_ignore_tgid = opts->ignore_tgid;
	s->rodata->sk_drop_failed = opts->drop_failed ? 1 : 0;
	s->rodata->sk_wakeup_every = opts->wakeup_every ? opts->wakeup_every : SK_LIVE_DEFAULT_WAKEUP_EVERY;
	s->rodata->sk_snaplen = opts->snaplen ? opts->snaplen : SK_LIVE_DEFAULT_SNAPLEN;
	if (s->rodata->sk_snaplen > SK_STR_MAX - 1)
		s->rodata->sk_snaplen = SK_STR_MAX - 1;
	s->rodata->sk_ncgroups = (uint32_t)opts->ndrop_cgroups;
	s->rodata->sk_ring_bytes = l->ring_bytes;
	bpf_map__set_max_entries(s->maps.sk_aux_map, l->ncpus);
	bpf_map__set_max_entries(s->maps.sk_rings, l->nrings);
	{
		uint8_t need[SK_H_COUNT];

		needed_handlers(opts->types, opts->ntypes, need);
		set_autoload(s, need, 1);
	}
	rc = saker_bpf__load(s);
	if (rc) {
		sk_sdk_errf(err, errlen, "loading the BPF programs: %s (set SAKER_BPF_DEBUG=1 for the "
		       "verifier log)", strerror(-rc));
		goto fail;
	}
	s->bss->sk_boot_to_epoch_ns = sk_sdk_now_ns(CLOCK_REALTIME) - sk_sdk_now_ns(CLOCK_BOOTTIME);
	rc = setup_rings(l, err, errlen);
	if (rc) {
		if (err && !err[0])
			sk_sdk_errf(err, errlen, "setting up ring buffers: %s", strerror(-rc));
		goto fail;
	}
	rc = register_handlers(l, s, err, errlen);
	if (rc)
		goto fail;
	for (i = 0; i < (int)opts->ndrop_cgroups; i++) {
		uint8_t one = 1;

		if (bpf_map_update_elem(bpf_map__fd(s->maps.sk_drop_cg), &opts->drop_cgroups[i], &one,
					BPF_ANY) != 0) {
			rc = -errno;
			sk_sdk_errf(err, errlen, "drop_cgroups[%d]: %s", i, strerror(-rc));
			goto fail;
		}
	}
	rc = fill_table(l, opts->types, opts->ntypes, err, errlen);
	if (rc)
		goto fail;
	{
		struct bpf_program *att[3] = {s->progs.sk_sys_exit, s->progs.sk_sched_exec,
					      s->progs.sk_sched_exit};

		for (i = 0; i < 3; i++) {
			l->links[i] = bpf_program__attach(att[i]);
			if (!l->links[i]) {
				rc = -errno;
				sk_sdk_errf(err, errlen, "attaching %s: %s", bpf_program__name(att[i]),
				       strerror(-rc));
				goto fail;
			}
		}
	}
	*out = l;
	return 0;
fail:
	sk_live_close(l);
	return rc < 0 ? rc : -EINVAL;
}

int sk_live_set_types(sk_live_t *l, const uint16_t *types, size_t n, char *err, size_t errlen)
{
	uint8_t need[SK_H_COUNT];
	int rc;

	if (!l)
		return -EINVAL;
	/* handlers first: a row enabled before its handler is in the prog
	 * array would count its events as drops */
	needed_handlers(types, n, need);
	rc = load_missing(l, need, err, errlen);
	if (rc)
		return rc;
	return fill_table(l, types, n, err, errlen);
}

void sk_live_info(const sk_live_t *l, sk_live_info_t *info)
{
	memset(info, 0, sizeof(*info));
	if (!l)
		return;
	info->nprogs = l->nprogs;
	info->ncpus = l->ncpus;
	info->nrings = l->nrings;
	info->ring_bytes = l->ring_bytes;
}

/* Head record of ring r, or NULL when none is complete. */
static const ss_plugin_event *ring_peek(sk_live_t *l, sk_ring_t *r)
{
	uint64_t prod = __atomic_load_n((uint64_t *)r->prod, __ATOMIC_ACQUIRE);

	while (r->cur < prod) {
		uint8_t *hdr = r->data + (r->cur & (r->size - 1));
		uint32_t len = __atomic_load_n((uint32_t *)hdr, __ATOMIC_ACQUIRE);
		uint32_t real = len & ~(RB_BUSY_BIT | RB_DISCARD_BIT);
		const ss_plugin_event *ev = (const ss_plugin_event *)(hdr + RB_HDR_SZ);

		if (len & RB_BUSY_BIT)
			return NULL;
		if (!(len & RB_DISCARD_BIT) && real >= sizeof(ss_plugin_event) && ev->len == real)
			return ev;
		/* discarded or malformed: skip it */
		r->cur += (real + RB_HDR_SZ + 7) & ~7ull;
		(void)l;
	}
	return NULL;
}

static void ring_advance(sk_ring_t *r, const ss_plugin_event *ev)
{
	r->cur += (ev->len + RB_HDR_SZ + 7) & ~7ull;
}

static uint32_t collect(sk_live_t *l, const ss_plugin_event **evts, uint32_t max)
{
	uint32_t n = 0, i;

	for (i = 0; i < l->nrings; i++)
		l->heads[i] = ring_peek(l, &l->rings[i]);
	while (n < max) {
		int best = -1;

		for (i = 0; i < l->nrings; i++)
			if (l->heads[i] && (best < 0 || l->heads[i]->ts < l->heads[best]->ts))
				best = (int)i;
		if (best < 0)
			break;
		evts[n++] = l->heads[best];
		ring_advance(&l->rings[best], l->heads[best]);
		l->heads[best] = ring_peek(l, &l->rings[best]);
	}
	return n;
}

int sk_live_next(sk_live_t *l, const ss_plugin_event **evts, uint32_t max, int timeout_ms)
{
	uint64_t deadline = 0;
	uint32_t i, n;

	if (!l || !evts || !max)
		return -EINVAL;
	/* release what the previous call handed out */
	for (i = 0; i < l->nrings; i++)
		__atomic_store_n(l->rings[i].cons_pos, l->rings[i].cur, __ATOMIC_RELEASE);
	if (timeout_ms > 0)
		deadline = sk_sdk_now_ns(CLOCK_MONOTONIC) + (uint64_t)timeout_ms * 1000000ull;
	for (;;) {
		struct epoll_event evs[8];
		int wait;

		n = collect(l, evts, max);
		if (n) {
			l->delivered += n;
			return (int)n;
		}
		if (timeout_ms == 0)
			return 0;
		wait = (int)l->poll_ms;
		if (timeout_ms > 0) {
			uint64_t now = sk_sdk_now_ns(CLOCK_MONOTONIC);

			if (now >= deadline)
				return 0;
			if ((deadline - now) / 1000000ull < (uint64_t)wait)
				wait = (int)((deadline - now) / 1000000ull) + 1;
		}
		if (epoll_wait(l->epfd, evs, 8, wait) < 0 && errno != EINTR)
			return -errno;
	}
}

int sk_live_stats(sk_live_t *l, sk_live_stats_t *st)
{
	uint32_t z = 0, i;

	if (!l || !st)
		return -EINVAL;
	memset(st, 0, sizeof(*st));
	if (bpf_map_lookup_elem(bpf_map__fd(l->skel->maps.sk_counters), &z, l->raw_stats) != 0)
		return -errno;
	for (i = 0; i < l->ncpus; i++) {
		l->cpu_stats[i].events = l->raw_stats[i].events;
		l->cpu_stats[i].drops = l->raw_stats[i].drops;
		l->cpu_stats[i].drops_other = l->raw_stats[i].drops_other;
		st->events += l->raw_stats[i].events;
		st->drops += l->raw_stats[i].drops + l->raw_stats[i].drops_other;
	}
	{
		struct bpf_program *att[3] = {l->skel->progs.sk_sys_exit, l->skel->progs.sk_sched_exec,
					      l->skel->progs.sk_sched_exit};

		for (i = 0; i < 3; i++) {
			struct bpf_prog_info info;
			__u32 len = sizeof(info);

			memset(&info, 0, sizeof(info));
			if (bpf_obj_get_info_by_fd(bpf_program__fd(att[i]), &info, &len) == 0) {
				st->prog_run_ns += info.run_time_ns;
				st->prog_run_cnt += info.run_cnt;
			}
		}
	}
	st->ncpus = l->ncpus;
	st->nrings = l->nrings;
	st->delivered = l->delivered;
	st->cpu = l->cpu_stats;
	return 0;
}

void sk_live_close(sk_live_t *l)
{
	uint32_t i;

	if (!l)
		return;
	for (i = 0; i < 3; i++)
		bpf_link__destroy(l->links[i]);
	if (l->rings) {
		for (i = 0; i < l->nrings; i++) {
			sk_ring_t *r = &l->rings[i];

			if (r->cons_pos)
				munmap(r->cons_pos, l->page);
			if (r->prod)
				munmap(r->prod, l->page + 2 * l->ring_bytes);
			if (r->fd >= 0)
				close(r->fd);
		}
	}
	if (l->epfd >= 0)
		close(l->epfd);
	for (i = 0; i < l->nextra; i++)
		saker_bpf__destroy(l->extra[i]);
	saker_bpf__destroy(l->skel);
	free(l->rings);
	free(l->heads);
	free(l->cpu_stats);
	free(l->raw_stats);
	free(l);
}
