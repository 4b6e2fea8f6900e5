#!/usr/bin/env python3
"""Summarise bench_syscall output (stdin): ns per syscall, added ns over
(a), ratios of saker's added cost to the minimal baselines, drops."""
import re
import sys

rows = {}
progns = {}
for line in sys.stdin:
    m = re.match(r"mode=(\S+) .*ns_per_syscall_median=([0-9.]+) min=([0-9.]+) "
                 r"events_read=(\d+) drops=(\d+)(?: prog_ns_per_run=([0-9.]+))?", line)
    if m:
        rows[m.group(1)] = (float(m.group(2)), float(m.group(3)), m.group(4), m.group(5))
        if m.group(6):
            progns[m.group(1)] = float(m.group(6))
        print(line.rstrip())
if "none" not in rows:
    sys.exit("no baseline row")
a, ma = rows["none"][0], rows["none"][1]
names = {"minimal": "(b) minimal 32B rec, wake-up/record",
         "minimal_nw": "(b') minimal 32B rec, NO_WAKEUP+poll",
         "saker": "(c) saker live (all types)"}
print(f"{'(a) no BPF':38s} median {a:8.1f} ns/syscall                  min {ma:8.1f}")
for k in ("minimal", "minimal_nw", "saker"):
    if k in rows:
        v, m, ev, d = rows[k]
        print(f"{names[k]:38s} median {v:8.1f} (added {v - a:7.1f})   min {m:8.1f} "
              f"(added {m - ma:7.1f})   events {ev} drops {d}")


def ratio(x, y):
    return f"{x / y:.2f}" if y > 0 else "n/a"


if "saker" in rows:
    c, mc = rows["saker"][0], rows["saker"][1]
    for k in ("minimal", "minimal_nw"):
        if k in rows:
            b, mb = rows[k][0], rows[k][1]
            print(f"ratio added saker/{k:10s}: median {ratio(c - a, b - a)}  "
                  f"min {ratio(mc - ma, mb - ma)}  (target <= 1.5)")

if progns.get("minimal") and progns.get("saker"):
    print(f"kernel-side ns per program run (bpf_stats): minimal {progns['minimal']:.1f}  "
          f"minimal_nw {progns.get('minimal_nw', 0):.1f}  saker {progns['saker']:.1f}  "
          f"ratio saker/minimal {progns['saker'] / progns['minimal']:.2f}")
