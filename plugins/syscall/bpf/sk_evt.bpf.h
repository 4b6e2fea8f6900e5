/*
 * sk_evt.bpf.h - maps, per-CPU scratch and the scap event writer used by
 * every program. Included once, by saker.bpf.c.
 *
 * An event is built in a per-CPU scratch buffer: the 26-byte header, then
 * nparams uint16 lengths, then the parameter data; ev_submit copies it into
 * the ring of the CPU's group in one bpf_ringbuf_output (fixed-size events
 * reserve directly, see ev_submit_fixed).
 */
#ifndef SK_EVT_BPF_H
#define SK_EVT_BPF_H

#define SK_OFF_MASK (SK_EVT_MAX - 1)
#define SK_TMP_BASE 32768u /* temp area for paths, inside the scratch buffer */
#define SK_TMP_SIZE 4096u
#define SK_TMP_MASK (SK_TMP_SIZE - 1)
/* Scratch slot the write offset round-trips through (see ev_len). */
#define SK_OFF_SLOT (SK_TMP_BASE - 16u)

#define BPF_RB_NO_WAKEUP_ 1
#define BPF_RB_FORCE_WAKEUP_ 2

/* Set before load (rodata). */
const volatile __u32 sk_self_tgid = 0;
const volatile __u32 sk_ignore_tgid = 0;
const volatile __u32 sk_drop_failed = 0;
const volatile __u32 sk_wakeup_every = 64;
const volatile __u32 sk_snaplen = 80;
const volatile __u32 sk_ncgroups = 0;
const volatile __u64 sk_ring_bytes = 0;
/* Writable at run time through the mmapped .bss. */
__u64 sk_boot_to_epoch_ns = 0;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SK_MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, struct sk_sc_entry);
} sk_sc_table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sk_cpu_counters);
} sk_counters SEC(".maps");

struct sk_rb_inner {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 16);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, SK_MAX_RINGS);
	__type(key, __u32);
	__array(values, struct sk_rb_inner);
} sk_rings SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SK_MAX_CPUS);
	__type(key, __u32);
	__type(value, __u32);
} sk_cpu_ring SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u64);
	__type(value, __u8);
} sk_drop_cg SEC(".maps");

/* Scratch: one SK_AUX_SIZE buffer per CPU (ARRAY sized to the CPU count by
 * userspace; a PERCPU_ARRAY value cannot be this large). */
struct sk_aux {
	__u8 b[SK_AUX_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sk_aux);
} sk_aux_map SEC(".maps");

/* Per-CPU state carried from the dispatcher into the tail-called handler. */
struct sk_state {
	__u16 evt;
	__u8 busy;
	__u8 pad;
	__u32 wake_cnt;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sk_state);
} sk_state_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, SK_H_COUNT);
	__type(key, __u32);
	__type(value, __u32);
} sk_handlers SEC(".maps");

struct ev {
	__u8 *b;
	struct sk_state *st;
	__u32 off;
	__u32 idx;
	__u32 nparams;
	__u32 fixed; /* 1: written in place in a ring record (constant layout) */
};

static __always_inline struct sk_state *sk_state_get(void)
{
	__u32 z = 0;
	return bpf_map_lookup_elem(&sk_state_map, &z);
}

static __always_inline void sk_count_drop(int other)
{
	__u32 z = 0;
	struct sk_cpu_counters *c = bpf_map_lookup_elem(&sk_counters, &z);

	if (!c)
		return;
	if (other)
		c->drops_other++;
	else
		c->drops++;
}

static __always_inline void ev_abort(struct ev *e)
{
	if (e->st)
		e->st->busy = 0;
	sk_count_drop(1);
}

/* Starts event type `type` (0: the dispatcher's) with n parameters. */
static __always_inline int ev_begin(struct ev *e, __u16 type, __u32 n)
{
	__u32 cpu = bpf_get_smp_processor_id();
	__u64 ts, tid;

	e->st = sk_state_get();
	e->b = bpf_map_lookup_elem(&sk_aux_map, &cpu);
	if (!e->st || !e->b) {
		ev_abort(e);
		return 0;
	}
	if (!type)
		type = e->st->evt;
	n &= 63;
	e->nparams = n;
	e->idx = 0;
	e->fixed = 0;
	e->off = SK_HDR_LEN + 2 * n;
	ts = bpf_ktime_get_boot_ns() + sk_boot_to_epoch_ns;
	tid = bpf_get_current_pid_tgid() & 0xffffffffu;
	*(__u64 *)(e->b + 0) = ts;
	*(__u64 *)(e->b + 8) = tid;
	*(__u16 *)(e->b + 20) = type;
	*(__u16 *)(e->b + 22) = (__u16)n;
	*(__u16 *)(e->b + 24) = 0;
	return 1;
}

static __always_inline void ev_len(struct ev *e, __u32 len)
{
	__u32 i = e->idx & 63;

	*(__u16 *)(e->b + SK_HDR_LEN + 2 * i) = (__u16)len;
	e->idx++;
	e->off += len;
	/* A variable-length event's offset goes through scratch memory: the
	 * verifier then forgets its exact range, the states after each
	 * parameter compare equal and pruning keeps verification linear
	 * (without it the exec programs took ~460k instructions, seconds of
	 * start-up). Every write re-masks the offset, so nothing is lost. */
	if (!e->fixed) {
		volatile __u32 *slot = (volatile __u32 *)(e->b + SK_OFF_SLOT);

		*slot = e->off;
		e->off = *slot;
	}
}

/* Parameters sit at any byte offset. A memcpy there compiles to one
 * store per byte (alignment unknown); x86 takes unaligned stores and the
 * verifier allows them outside strict-alignment mode, so one store each. */
typedef __u64 __attribute__((may_alias)) sk_u64_ma;
typedef __u32 __attribute__((may_alias)) sk_u32_ma;
typedef __u16 __attribute__((may_alias)) sk_u16_ma;

static __always_inline void put_raw8(struct ev *e, __u64 v)
{
	__u32 o = e->off & SK_OFF_MASK;

	*(sk_u64_ma *)(e->b + o) = v;
	ev_len(e, 8);
}

static __always_inline void put_s64(struct ev *e, __s64 v) { put_raw8(e, (__u64)v); }
static __always_inline void put_u64(struct ev *e, __u64 v) { put_raw8(e, v); }

static __always_inline void put_u32(struct ev *e, __u32 v)
{
	__u32 o = e->off & SK_OFF_MASK;

	*(sk_u32_ma *)(e->b + o) = v;
	ev_len(e, 4);
}

static __always_inline void put_u16(struct ev *e, __u16 v)
{
	__u32 o = e->off & SK_OFF_MASK;

	*(sk_u16_ma *)(e->b + o) = v;
	ev_len(e, 2);
}

static __always_inline void put_u8(struct ev *e, __u8 v)
{
	__u32 o = e->off & SK_OFF_MASK;

	e->b[o] = v;
	ev_len(e, 1);
}

static __always_inline void put_empty(struct ev *e) { ev_len(e, 0); }

/* PT_DYN with index 0 (uint64), as ptrace's addr/data. */
static __always_inline void put_dyn_u64(struct ev *e, __u64 v)
{
	__u32 o = e->off & SK_OFF_MASK;

	e->b[o] = 0;
	*(sk_u64_ma *)(e->b + ((o + 1) & SK_OFF_MASK)) = v;
	ev_len(e, 9);
}

static __always_inline void put_ustr(struct ev *e, const void *uptr)
{
	__u32 o = e->off & SK_OFF_MASK;
	long n;

	if (!uptr || e->off >= SK_EVT_MAX) {
		put_empty(e);
		return;
	}
	n = bpf_probe_read_user_str(e->b + o, SK_STR_MAX, uptr);
	if (n <= 0) {
		put_empty(e);
		return;
	}
	ev_len(e, (__u32)n);
}

static __always_inline void put_kstr(struct ev *e, const void *kptr, __u32 max)
{
	__u32 o = e->off & SK_OFF_MASK;
	long n;

	if (!kptr || e->off >= SK_EVT_MAX) {
		put_empty(e);
		return;
	}
	n = bpf_probe_read_kernel_str(e->b + o, max & (SK_STR_MAX - 1), kptr);
	if (n <= 0) {
		put_empty(e);
		return;
	}
	ev_len(e, (__u32)n);
}

/* Copies up to `len` bytes of user memory (capped at snaplen) as a bytebuf. */
static __always_inline void put_ubuf(struct ev *e, const void *uptr, __s64 len)
{
	__u32 o = e->off & SK_OFF_MASK;
	__u32 n;

	if (!uptr || len <= 0 || e->off >= SK_EVT_MAX) {
		put_empty(e);
		return;
	}
	n = len > sk_snaplen ? sk_snaplen : (__u32)len;
	n &= SK_STR_MAX - 1;
	if (bpf_probe_read_user(e->b + o, n, uptr)) {
		put_empty(e);
		return;
	}
	ev_len(e, n);
}

/* Finishes the event and copies it into the CPU group's ring. */
static __always_inline void ev_submit(struct ev *e)
{
	__u32 cpu = bpf_get_smp_processor_id();
	__u32 *ri, len = e->off;
	__u64 flags = BPF_RB_NO_WAKEUP_;
	struct sk_cpu_counters *c;
	void *rb;
	__u32 z = 0;

	e->st->busy = 0;
	if (len > SK_EVT_MAX) { /* later writes may have wrapped: drop */
		sk_count_drop(1);
		return;
	}
	*(__u32 *)(e->b + 16) = len;
	ri = bpf_map_lookup_elem(&sk_cpu_ring, &cpu);
	if (!ri) {
		sk_count_drop(1);
		return;
	}
	rb = bpf_map_lookup_elem(&sk_rings, ri);
	if (!rb) {
		sk_count_drop(1);
		return;
	}
	/* batched wake-ups: the reader is woken every sk_wakeup_every events
	 * of this CPU and otherwise polls (poll_ms), so no event waits long */
	if (++e->st->wake_cnt >= sk_wakeup_every) {
		e->st->wake_cnt = 0;
		flags = BPF_RB_FORCE_WAKEUP_;
	}
	c = bpf_map_lookup_elem(&sk_counters, &z);
	/* the range check above may sit on another copy of len: keep the mask */
	barrier_var(len);
	if (bpf_ringbuf_output(rb, e->b, len & 0x7fff, flags)) {
		if (c)
			c->drops++;
		return;
	}
	if (c)
		c->events++;
}

/* Fixed-size events skip the scratch copy: the record is reserved in the
 * CPU group's ring and written in place (size must be a constant equal to
 * the final length: header + 2 * n + the parameters' sizes). */
static __always_inline void *sk_ring_of_cpu(void)
{
	__u32 cpu = bpf_get_smp_processor_id();
	__u32 *ri = bpf_map_lookup_elem(&sk_cpu_ring, &cpu);

	return ri ? bpf_map_lookup_elem(&sk_rings, ri) : NULL;
}

static __always_inline int ev_begin_fixed(struct ev *e, __u32 n, const __u32 size)
{
	void *rb = sk_ring_of_cpu();

	e->st = sk_state_get();
	if (!e->st || !rb) {
		ev_abort(e);
		return 0;
	}
	e->b = bpf_ringbuf_reserve(rb, size, 0);
	if (!e->b) {
		e->st->busy = 0;
		sk_count_drop(0);
		return 0;
	}
	n &= 63;
	e->nparams = n;
	e->idx = 0;
	e->fixed = 1;
	e->off = SK_HDR_LEN + 2 * n;
	*(__u64 *)(e->b + 0) = bpf_ktime_get_boot_ns() + sk_boot_to_epoch_ns;
	*(__u64 *)(e->b + 8) = bpf_get_current_pid_tgid() & 0xffffffffu;
	*(__u32 *)(e->b + 16) = size;
	*(__u16 *)(e->b + 20) = e->st->evt;
	*(__u16 *)(e->b + 22) = (__u16)n;
	*(__u16 *)(e->b + 24) = 0;
	return 1;
}

static __always_inline void ev_submit_fixed(struct ev *e)
{
	struct sk_cpu_counters *c;
	__u64 flags = BPF_RB_NO_WAKEUP_;
	__u32 z = 0;

	e->st->busy = 0;
	if (++e->st->wake_cnt >= sk_wakeup_every) {
		e->st->wake_cnt = 0;
		flags = BPF_RB_FORCE_WAKEUP_;
	}
	bpf_ringbuf_submit(e->b, flags);
	c = bpf_map_lookup_elem(&sk_counters, &z);
	if (c)
		c->events++;
}

#endif /* SK_EVT_BPF_H */
