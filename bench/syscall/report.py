#!/usr/bin/env python3
"""Summarise bench_syscall output (stdin): ns per syscall, added ns over
bare, ratios of saker's added cost to the floor (and other baselines), drops."""
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
         "floor": "floor: 32B rec, batched wake-ups",
         "saker_set": "saker live, the rules' event set",
         "saker": "saker live, every supported type"}
print(f"{'bare (no BPF)':38s} median {a:8.1f} ns/syscall                  min {ma:8.1f}")
for k in ("minimal", "minimal_nw", "floor", "saker_set", "saker"):
    if k in rows:
        v, m, ev, d = rows[k]
        print(f"{names[k]:38s} median {v:8.1f} (added {v - a:7.1f})   min {m:8.1f} "
              f"(added {m - ma:7.1f})   events {ev} drops {d}")


def ratio(x, y):
    return f"{x / y:.2f}" if y > 0 else "n/a"


for s in ("saker_set", "saker"):
    if s not in rows:
        continue
    c, mc = rows[s][0], rows[s][1]
    for k in ("floor", "minimal", "minimal_nw"):
        if k in rows:
            b, mb = rows[k][0], rows[k][1]
            tgt = "  (target <= 1.5)" if k == "floor" else ""
            print(f"ratio added {s}/{k}: median {ratio(c - a, b - a)}  "
                  f"min {ratio(mc - ma, mb - ma)}  drops {rows[s][3]}{tgt}")

base = "floor" if "floor" in progns else "minimal"
for s in ("saker_set", "saker"):
    if progns.get(base) and progns.get(s):
        print(f"kernel-side ns per program run (bpf_stats): {base} {progns[base]:.1f}  "
              f"{s} {progns[s]:.1f}  ratio {progns[s] / progns[base]:.2f}")
