// SPDX-License-Identifier: (MIT OR GPL-2.0-only)
/* Baselines of the syscall benchmark: one 32-byte record per syscall
 * exit, reserved and submitted into a ring buffer; nothing else. The floor
 * (mode "floor") wakes its reader in batches, as saker does. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "Dual MIT/GPL";

const volatile __u32 reader_tgid = 0;
const volatile __u32 no_wakeup = 0; /* 1: BPF_RB_NO_WAKEUP, reader polls */
/* > 0: batched wake-ups, saker's policy: BPF_RB_NO_WAKEUP except a forced
 * wake-up every wake_every records per CPU (the reader also polls) */
const volatile __u32 wake_every = 0;
__u64 drops = 0;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} wake_cnt SEC(".maps");

struct rec {
	__u64 ts;
	__u64 pid_tgid;
	__s64 nr;
	__s64 ret;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20);
} rb SEC(".maps");

SEC("tp_btf/sys_exit")
int BPF_PROG(min_exit, struct pt_regs *regs, long ret)
{
	__u64 pt = bpf_get_current_pid_tgid();
	struct rec *r;

	if ((pt >> 32) == reader_tgid)
		return 0;
	r = bpf_ringbuf_reserve(&rb, sizeof(*r), 0);
	if (!r) {
		__sync_fetch_and_add(&drops, 1);
		return 0;
	}
	r->ts = bpf_ktime_get_ns();
	r->pid_tgid = pt;
	r->nr = regs->orig_ax;
	r->ret = ret;
	if (wake_every) {
		__u32 z = 0, *c = bpf_map_lookup_elem(&wake_cnt, &z);
		__u64 fl = BPF_RB_NO_WAKEUP;

		if (c && ++*c >= wake_every) {
			*c = 0;
			fl = BPF_RB_FORCE_WAKEUP;
		}
		bpf_ringbuf_submit(r, fl);
		return 0;
	}
	bpf_ringbuf_submit(r, no_wakeup ? BPF_RB_NO_WAKEUP : 0);
	return 0;
}
