#!/usr/bin/env python3
"""Overflow end to end: the real saker binary runs the syscall plugin live
with a tiny ring buffer (init_config ring_bytes), the web server on a free
127.0.0.1 port with Prometheus metrics, and a rules file of this test. An
open/close storm pinned to every usable CPU overflows the ring; the test then
checks that /metrics shows per-CPU event counters > 0 and drop counters > 0
whose sum equals the plugin's total kernel drops, that saker is still running,
and that it still raises the alert for a marker open after the storm.
Skips (77) when not root or without kernel BTF."""
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

RING_BYTES = 8192
STORM_S = 3.0
MAX_STORM_CPUS = 16

STORM_CODE = r"""
import os, sys, time
os.sched_setaffinity(0, {int(sys.argv[1])})
end = time.monotonic() + float(sys.argv[2])
n = 0
while True:
    for _ in range(2000):
        os.close(os.open("/dev/null", os.O_RDONLY))
    n += 2000
    if time.monotonic() >= end:
        break
print(n)
"""


def log(*a):
    print(*a, flush=True)


def scrape(port):
    text = sktest.http_get(port, "/metrics", timeout=5)
    vals = {}
    for line in text.splitlines():
        m = re.match(r'^(saker_plugin_syscall_[A-Za-z0-9_]+)\{([^}]*)\}\s+(\S+)$', line)
        if m and 'plugin="syscall"' in m.group(2):
            vals[m.group(1)] = float(m.group(3))
    return vals


def per_cpu(vals, kind):
    out = {}
    for k, v in vals.items():
        m = re.match(r"^saker_plugin_syscall_cpu(\d+)_%s_total$" % kind, k)
        if m:
            out[int(m.group(1))] = int(v)
    return out


def touch_until_alert(s, path, mark, tries):
    """Opens path until saker alerts for it; True when the alert came."""
    for _ in range(tries):
        if s.p.poll() is not None:
            return False
        with open(path, "w") as f:
            f.write("x")
        for a in s.alerts(0.5):
            if mark in a.get("output", "") and path in a.get("output", ""):
                return True
    return False


def main():
    args = sktest.parse_args("saker", "plugin")
    skip = sktest.skip_unless_live_bpf("syscall_live_overflow_e2e")
    if skip is not None:
        return skip

    mark = "saker-ovf-" + secrets.token_hex(4)
    tmp = tempfile.mkdtemp(prefix=mark + "-")
    rules = os.path.join(tmp, "rules.yaml")
    with open(rules, "w") as f:
        f.write(f"""- rule: Overflow Marker Open {mark}
  desc: open of this test's marker files
  condition: evt.type in (open, openat, openat2) and fd.name contains "{mark}"
  output: marker open (mark={mark} file=%fd.name proc=%proc.name pid=%proc.pid)
  priority: WARNING
""")
    port = sktest.free_port()
    cfg = os.path.join(tmp, "saker.yaml")
    with open(cfg, "w") as f:
        f.write(f"""rules_files: [{rules}]
plugins:
  - name: syscall
    library_path: {args.plugin}
    init_config: {{ring_bytes: {RING_BYTES}}}
    open_params: ""
load_plugins: [syscall]
priority: debug
json_output: true
stdout_output:
  enabled: true
{sktest.webserver_yaml(port)}log_level: info
""")
    argv = [args.saker, "-c", cfg]
    log("running:", " ".join(argv))
    s = sktest.SakerProc(argv)
    try:
        if not touch_until_alert(s, os.path.join(tmp, mark + "-ready"), mark, 120):
            log("FAIL: saker did not become ready; stderr:\n" + "\n".join(s.err[-30:]))
            return 1
        log("saker is live")

        cpus = sorted(os.sched_getaffinity(0))[:MAX_STORM_CPUS]
        before = scrape(port)
        drops0 = before.get("saker_plugin_syscall_kernel_drops_total", 0)
        log(f"storm: {len(cpus)} workers pinned to CPUs {cpus}, {STORM_S}s, ring {RING_BYTES} bytes")
        workers = [subprocess.Popen([sys.executable, "-c", STORM_CODE, str(c), str(STORM_S)],
                                    stdout=subprocess.PIPE, text=True) for c in cpus]
        opens = 0
        for w in workers:
            out, _ = w.communicate(timeout=STORM_S + 60)
            opens += int(out.strip() or 0)
        log(f"storm done: {opens} open/close pairs")
        if s.p.poll() is not None:
            log(f"FAIL: saker exited during the storm (rc {s.p.returncode}); stderr:\n"
                + "\n".join(s.err[-30:]))
            return 1

        # Plugin metrics are re-exported every 5 s: wait for a snapshot taken
        # after the storm whose per-CPU drops add up to the total.
        ok, last, why = False, {}, "no scrape"
        end = time.monotonic() + 30
        while time.monotonic() < end and not ok:
            time.sleep(1)
            last = scrape(port)
            ev, dr = per_cpu(last, "events"), per_cpu(last, "drops")
            total = last.get("saker_plugin_syscall_kernel_drops_total")
            if total is None or not ev or not dr:
                why = "per-CPU or total drop metrics missing"
                continue
            if total <= drops0:
                why = f"kernel drops did not grow ({drops0} -> {total})"
                continue
            if sum(dr.values()) != int(total):
                why = f"per-CPU drops sum {sum(dr.values())} != total {int(total)}"
                continue
            missing = [c for c in cpus if ev.get(c, 0) <= 0 or dr.get(c, 0) <= 0]
            if missing:
                why = f"storm CPUs without events/drops: {missing} (events {ev}, drops {dr})"
                continue
            ok = True
        if not ok:
            log("FAIL: " + why)
            return 1
        ev, dr = per_cpu(last, "events"), per_cpu(last, "drops")
        log("per-CPU events:", ev)
        log("per-CPU drops: ", dr)
        log("kernel events total %d, kernel drops total %d, delivered %d" % (
            last.get("saker_plugin_syscall_kernel_events_total", 0),
            last.get("saker_plugin_syscall_kernel_drops_total", 0),
            last.get("saker_plugin_syscall_events_delivered_total", 0)))
        if s.p.poll() is not None:
            log("FAIL: saker is not running after the storm")
            return 1
        after = os.path.join(tmp, mark + "-after-storm")
        if not touch_until_alert(s, after, mark, 20):
            log("FAIL: no alert for the marker open after the storm; stderr:\n"
                + "\n".join(s.err[-30:]))
            return 1
        log("alert raised for the marker after the storm; saker still running")
        if s.p.poll() is not None:
            log("FAIL: saker exited")
            return 1
    finally:
        rc = s.stop(15)
        for name in os.listdir(tmp):
            os.unlink(os.path.join(tmp, name))
        os.rmdir(tmp)
    if rc is not None and rc < 0:
        log(f"FAIL: saker died from signal {-rc} at shutdown")
        return 1
    log("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
