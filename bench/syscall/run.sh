#!/usr/bin/env bash
# Per-syscall cost of saker's live capture, measured in one run:
#   bare      no BPF
#   floor     a minimal BPF program writing one 32-byte record per syscall
#             exit into a ring buffer, batched wake-ups (saker's policy),
#             trivial reader (minimal.bpf.c)
#   saker_set saker's live capture (sk_live) at the rules' event set
#   saker     saker's live capture with every type it supports
# Prints ns per syscall, ns added over bare, the ratio of saker's added ns
# to the floor's (target <= 1.5) for each set, and drops.
# Needs root, clang, bpftool, libbpf. Usage: run.sh [iters] [rounds]
# Environment: SET=rules (default: the event types saker asks the source
# for with RULES, read from its debug log; needs a built saker in BUILD),
# SET=all (skip the rules' set), or SET=<codes> (comma-separated event
# codes); RULES (default: the repo's rules/ folder); BUILD (default build);
# MODES (default "none floor saker_set saker"; also minimal, minimal_nw).
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
cc -O2 -std=gnu11 -Wall -Wextra -D_GNU_SOURCE -I"$out" -I"$root/plugins/syscall" -I"$root/plugin_api" \
  -I"$root/plugin_api/sdk" \
  "$here/bench_syscall.c" "$root/plugins/syscall/live.c" "$root/plugins/syscall/live_table.c" \
  "$root/plugin_api/sdk/sk_sdk_util.c" \
  -o "$out/bench_syscall" -lbpf -lelf -lz

set_codes=""
want_set="${SET:-rules}"
build="${BUILD:-$root/build}"
if [ "$want_set" = rules ]; then
  rules="${RULES:-$root/rules}"
  if [ -x "$build/engine/cli/saker" ] && [ -f "$build/plugins/syscall/libsyscall.so" ]; then
    # the set the host hands the source before open (debug log), for RULES
    cfg="$out/types.yaml"
    printf 'plugins:\n  - name: syscall\n    library_path: %s\n    init_config: ""\n    open_params: ""\nload_plugins: [syscall]\nwebserver: {enabled: false}\nstdout_output: {enabled: false}\n' \
      "$build/plugins/syscall/libsyscall.so" > "$cfg"
    line=$(timeout 120 "$build/engine/cli/saker" -c "$cfg" -r "$rules" -o log_level=debug -M 1 2>&1 \
           | grep -m1 'event types for the rules and parsers' || true)
    set_codes="${line##*: }"
    [ "$set_codes" = all ] && set_codes=""
    echo "rules' event set ($rules; the state tracking's types are added): ${set_codes:-all}"
  else
    echo "no built saker in $build: the rules' set is skipped (BUILD=...)"
  fi
elif [ "$want_set" != all ]; then
  set_codes="$want_set"
fi
modes="${MODES:-none floor saker_set saker}"
if [ -z "$set_codes" ]; then modes="${modes/saker_set/}"; fi

# per-program kernel time (restored afterwards)
old_stats=$(sysctl -n kernel.bpf_stats_enabled 2>/dev/null || echo 0)
sysctl -qw kernel.bpf_stats_enabled=1 || true
trap 'sysctl -qw kernel.bpf_stats_enabled="$old_stats" || true' EXIT
echo "load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; the host may be shared)"
# shellcheck disable=SC2086
SAKER_BENCH_SET="$set_codes" "$out/bench_syscall" "$iters" "$rounds" $modes | python3 "$here/report.py"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
