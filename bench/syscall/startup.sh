#!/usr/bin/env bash
# Start-up of the live capture: time from exec of saker to its
# "capture started" log line (BPF programs loaded and attached, /proc
# scanned: events from then on are delivered), median over N runs (target
# <= 1 s), against the same-run baseline of exec -> "Dry run" (config,
# plugins and rules loaded, no capture). Prints the load average too: the
# host may be shared.
# Usage: sudo bench/syscall/startup.sh [build_dir=build] [runs=10]
# Environment: RULES (default: the repo's rules/ folder).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
runs="${2:-10}"
if [ "$(id -u)" != 0 ]; then echo "SKIP: the live capture needs root (BPF)"; exit 77; fi
saker="$build/engine/cli/saker"
plugin="$build/plugins/syscall/libsyscall.so"
[ -x "$saker" ] && [ -f "$plugin" ] || { echo "build saker first (missing $saker or $plugin)"; exit 1; }
exec python3 - "$saker" "$plugin" "${RULES:-$root/rules}" "$runs" <<'EOF'
import os, re, signal, statistics, subprocess, sys, tempfile, time

saker, plugin, rules, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
tmp = tempfile.mkdtemp(prefix="sk-startup-")
cfg = os.path.join(tmp, "saker.yaml")
with open(cfg, "w") as f:
    f.write(f"""plugins:
  - name: syscall
    library_path: {plugin}
    init_config: ""
    open_params: ""
load_plugins: [syscall]
rules_files: [{rules}]
stdout_output: {{enabled: false}}
webserver: {{enabled: false}}
""")


TICK = os.sysconf("SC_CLK_TCK")


def cpu_s(pid):
    """CPU seconds (user + system, all threads) the process used so far."""
    with open(f"/proc/{pid}/stat") as f:
        st = f.read().rsplit(")", 1)[1].split()
    return (int(st[11]) + int(st[12])) / TICK


def timed(args, pattern, kill):
    """Seconds from exec to the first stderr/stdout line matching pattern,
    and the CPU seconds saker had used by then (independent of the load)."""
    t0 = time.monotonic()
    p = subprocess.Popen([saker, "-c", cfg] + args, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True, bufsize=1)
    dt, line, cpu = None, "", 0.0
    for line in p.stdout:
        if re.search(pattern, line):
            dt = time.monotonic() - t0
            try:
                cpu = cpu_s(p.pid)
            except OSError:
                pass
            break
    if kill:
        p.send_signal(signal.SIGTERM)
    for _ in p.stdout:
        pass
    p.wait()
    if dt is None:
        sys.exit(f"no line matching {pattern!r}; saker exited {p.returncode}")
    return dt, line.strip(), cpu


print(f"load before: {open('/proc/loadavg').read().split()[:3]} (1/5/15 min)")
cap, dry, loads, scans, cpus = [], [], [], [], []
for i in range(runs):
    d, _, _ = timed(["--dry-run"], r"^Dry run", False)
    dry.append(d)
    c, line, cpu = timed([], r"\[syscall\] capture started", True)
    cap.append(c)
    cpus.append(cpu)
    m = re.search(r"load (\d+) ms, /proc scan (\d+) ms", line)
    if m:
        loads.append(int(m.group(1)))
        scans.append(int(m.group(2)))
    print(f"run {i + 1:2d}: exec -> capture started {c:.3f} s (CPU {cpu:.2f} s)  "
          f"dry run {d:.3f} s  {line[line.find('capture'):]}")
mc, md = statistics.median(cap), statistics.median(dry)
print(f"median exec -> 'capture started': {mc:.3f} s over {runs} runs "
      f"(min {min(cap):.3f}, max {max(cap):.3f}; target <= 1 s: {'met' if mc <= 1.0 else 'NOT met'})")
print(f"  saker's CPU time (user+system) up to that line: median {statistics.median(cpus):.2f} s "
      f"(what the wall time tends to on an idle machine)")
if loads:
    print(f"  of which BPF load+attach median {statistics.median(loads):.0f} ms, "
          f"/proc scan median {statistics.median(scans):.0f} ms")
print(f"baseline exec -> dry run (config + rules, no capture): median {md:.3f} s; "
      f"ratio {mc / md:.1f}")
print(f"load after: {open('/proc/loadavg').read().split()[:3]}")
EOF
