#!/usr/bin/env bash
# rss_threads.sh - saker's memory with N live threads tracked (issue target:
# RSS <= 64 MB with 10,000 live threads).
#
# usage (root): bench/syscall/rss_threads.sh [build_dir] [threads] [procs]
#   build_dir  default /work/main/build (saker, libsyscall.so, spawn_threads
#              are taken from it; spawn_threads is compiled into a temp dir
#              when the build has none)
#   threads    default 10000; procs: processes sharing them (default 4)
# env: SAKER, SYSCALL_PLUGIN, RULES, HELPER override the paths;
#      RSS_TARGET_MB (64); RSS_ENFORCE=1 makes an RSS above the target fail.
#
# Runs saker live (syscall plugin, saker's own syscall rules, web server on a
# free 127.0.0.1 port with Prometheus metrics), measures its idle VmRSS once
# the plugin reports metrics, starts the threads, waits until the plugin's
# saker_plugin_syscall_threads gauge has grown by the thread count, then
# reads VmRSS/VmHWM from /proc again and prints both against the target.
# Exit: 0 ok, 1 failure, 77 not root / no BTF.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${1:-$repo/build}
nthreads=${2:-10000}
nprocs=${3:-4}
target_mb=${RSS_TARGET_MB:-64}
saker=${SAKER:-$build/engine/cli/saker}
plugin=${SYSCALL_PLUGIN:-$build/plugins/syscall/libsyscall.so}
rules=${RULES:-$repo/rules/saker_syscall_rules.yaml}
helper=${HELPER:-}

if [ "$(id -u)" != 0 ]; then
	echo "!!!!! SKIP rss_threads: not root (live capture needs root + BPF)"
	exit 77
fi
if [ ! -r /sys/kernel/btf/vmlinux ]; then
	echo "!!!!! SKIP rss_threads: no kernel BTF"
	exit 77
fi
for f in "$saker" "$plugin" "$rules"; do
	[ -e "$f" ] || { echo "rss_threads: missing $f"; exit 1; }
done

tmp=$(mktemp -d /tmp/saker-rss.XXXXXX)
spid=""
cleanup() {
	exec 3>&- 2>/dev/null
	[ -n "$spid" ] && kill "$spid" 2>/dev/null && wait "$spid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

if [ -z "$helper" ]; then
	if [ -x "$build/tests/syscall_live/spawn_threads" ]; then
		helper=$build/tests/syscall_live/spawn_threads
	else
		helper=$tmp/spawn_threads
		cc -O2 -pthread -o "$helper" "$here/spawn_threads.c" || exit 1
	fi
fi

port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cat > "$tmp/saker.yaml" <<EOF
rules_files: [$rules]
plugins:
  - name: syscall
    library_path: $plugin
    init_config: ""
    open_params: ""
load_plugins: [syscall]
priority: debug
stdout_output:
  enabled: false
file_output:
  enabled: true
  filename: $tmp/alerts.txt
webserver:
  enabled: true
  listen_address: 127.0.0.1
  listen_port: $port
  prometheus_metrics_enabled: true
metrics:
  enabled: true
log_level: warning
EOF

"$saker" -c "$tmp/saker.yaml" > "$tmp/saker.out" 2> "$tmp/saker.err" &
spid=$!

metric() { # value of a syscall plugin metric, or empty
	curl -s --max-time 5 "http://127.0.0.1:$port/metrics" 2>/dev/null |
		awk -v n="saker_plugin_$1" '$1 ~ "^"n"\\{" { v=$2 } END { if (v != "") printf "%d", v }'
}
status_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$spid/status"; }
alive() { kill -0 "$spid" 2>/dev/null; }

# Idle baseline: once the plugin metrics are exported (every 5 s), and one
# more period so the first batches and the /proc seed are behind us.
t0=""
for _ in $(seq 1 60); do
	alive || { echo "rss_threads: saker exited:"; tail -20 "$tmp/saker.err"; exit 1; }
	t0=$(metric syscall_threads)
	[ -n "$t0" ] && break
	sleep 1
done
[ -n "$t0" ] || { echo "rss_threads: no saker_plugin_syscall_threads metric after 60 s"; exit 1; }
sleep 6
t0=$(metric syscall_threads)
idle_rss=$(status_kb VmRSS)
idle_hwm=$(status_kb VmHWM)

mkfifo "$tmp/hold"
"$helper" "$nthreads" "$nprocs" < "$tmp/hold" > "$tmp/helper.out" &
hpid=$!
exec 3> "$tmp/hold"
for _ in $(seq 1 120); do
	grep -q '^ready' "$tmp/helper.out" 2>/dev/null && break
	kill -0 "$hpid" 2>/dev/null || break
	sleep 0.5
done
ready=$(awk '/^ready/ { print $2 }' "$tmp/helper.out")
if [ "$ready" != "$nthreads" ]; then
	echo "rss_threads: helper started ${ready:-0} of $nthreads threads"
	exit 1
fi

# Tracked: the gauge grew by the thread count. The gauge counts every
# thread on the host, and other processes (a parallel test suite) may end
# hundreds of threads meanwhile: 10% slack, still far from the ~0 growth of
# threads that are not tracked. The metric is refreshed every 5 s.
want=$((t0 + nthreads - nthreads / 10))
tracked=""
for _ in $(seq 1 60); do
	alive || { echo "rss_threads: saker exited:"; tail -20 "$tmp/saker.err"; exit 1; }
	tracked=$(metric syscall_threads)
	[ -n "$tracked" ] && [ "$tracked" -ge "$want" ] && break
	sleep 1
done
live_rss=$(status_kb VmRSS)
live_hwm=$(status_kb VmHWM)
evicted=$(metric syscall_threads_evicted_live_total)
kdrops=$(metric syscall_kernel_drops_total)
exec 3>&-

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
per_thread=$(awk -v a="$idle_rss" -v b="$live_rss" -v n="$nthreads" 'BEGIN { printf "%d", (b - a) * 1024 / n }')
echo "threads spawned:            $nthreads (in $nprocs processes)"
echo "plugin threads tracked:     idle $t0 -> $tracked (want >= $want)"
echo "saker VmRSS idle:           $(mb "$idle_rss") MB (VmHWM $(mb "$idle_hwm") MB)"
echo "saker VmRSS with threads:   $(mb "$live_rss") MB (VmHWM $(mb "$live_hwm") MB)"
echo "added:                      $(mb $((live_rss - idle_rss))) MB, ~$per_thread bytes per thread"
echo "live evictions:             ${evicted:-?}, kernel drops: ${kdrops:-?}"
echo "target:                     VmRSS <= $target_mb MB"
rc=0
if [ -z "$tracked" ] || [ "$tracked" -lt "$want" ]; then
	echo "FAIL: the plugin did not report the threads as tracked"
	rc=1
fi
if [ "$live_rss" -gt $((target_mb * 1024)) ]; then
	echo "RSS target NOT met"
	[ "${RSS_ENFORCE:-0}" = 1 ] && rc=1
else
	echo "RSS target met"
fi
exit $rc
