#!/usr/bin/env bash
# Per-syscall cost of saker's live capture, measured in one run:
#   (a) no BPF, (b) a minimal BPF program writing a 32-byte record per
#   syscall exit into a ring buffer drained by a trivial reader, (c) saker's
#   live capture (sk_live: every supported type, zero-copy reader), and
#   optionally (d) the saker binary with rules (SAKER_BIN=... RULES=...).
# Prints ns per syscall, ns added over (a), the ratio (c)/(b) and drops.
# Needs root, clang, bpftool, libbpf. Usage: run.sh [iters] [rounds]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
iters="${1:-200000}"
rounds="${2:-5}"
out="${BENCH_OUT:-$(mktemp -d /tmp/saker-bench-XXXXXX)}"

if [ "$(id -u)" != 0 ]; then echo "bench needs root (BPF)"; exit 77; fi

bpf="$root/plugins/syscall/bpf"
bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$out/vmlinux.h"
clang -g -O2 -target bpf -D__TARGET_ARCH_x86 -I"$out" -c "$here/minimal.bpf.c" -o "$out/minimal.bpf.o"
bpftool gen skeleton "$out/minimal.bpf.o" name minimal_bpf > "$out/minimal.skel.h"
clang -g -O2 -target bpf -D__TARGET_ARCH_x86 -I"$out" -I"$bpf" -c "$bpf/saker.bpf.c" -o "$out/saker.bpf.o"
bpftool gen skeleton "$out/saker.bpf.o" name saker_bpf > "$out/saker.skel.h"
cc -O2 -std=gnu11 -Wall -Wextra -D_GNU_SOURCE -I"$out" -I"$root/plugins/syscall" -I"$root/plugin_api" -I"$root/plugin_api/sdk" "$root/plugin_api/sdk/sk_sdk_util.c" \
  "$here/bench_syscall.c" "$root/plugins/syscall/live.c" "$root/plugins/syscall/live_table.c" \
  -o "$out/bench_syscall" -lbpf -lelf -lz

# per-program kernel time (restored afterwards)
old_stats=$(sysctl -n kernel.bpf_stats_enabled 2>/dev/null || echo 0)
sysctl -qw kernel.bpf_stats_enabled=1 || true
trap 'sysctl -qw kernel.bpf_stats_enabled="$old_stats" || true' EXIT
"$out/bench_syscall" "$iters" "$rounds" none minimal minimal_nw saker | python3 "$here/report.py"
