#!/usr/bin/env python3
"""Hostile rules files through `saker -V` (issue 14, defects 6 and 9): list
and macro doubling, 100k-term and/or chains, a 1M-item list, 20k
exceptions, 200 KB of nested '[' / '{' and an alias bomb. Each must either
load or fail with an error naming file:line:col and the item, using at most
2 s of CPU and 200 MB of memory (scaled under sanitizers). CPU time, not
wall time, so a loaded machine does not make the test flaky."""
import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sktest  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--saker", required=True)
ap.add_argument("--plugin", required=True)
ap.add_argument("--scale", type=float, default=1.0)
args = ap.parse_args()

T = sktest.Checker(detail_max=600)
CPU_S = 2.0 * args.scale
RSS_MB = 200 * (4 if args.scale > 1 else 1)

# name, generator (bombs.py), regex an error line must match (None: must load)
CASES = [
    ("list doubling", "list_doubling", r":\d+:\d+: error: list 'l\d+': List expands to more than"),
    ("macro doubling (macro_exp_22)", "macro_doubling",
     r":\d+:\d+: error: rule 'r': condition expands to more than \d+ nodes.*in macro 'm\d+'"),
    ("100k-term and chain", "and100k", r":\d+:\d+: error: rule 'r': "),
    ("100k-term or chain", "or100k", r":\d+:\d+: error: rule 'r': "),
    ("20k-term or chain", "or20k", None),
    ("1M-item list", "list1m", r":\d+:\d+: error: .*(too large|List expands)"),
    ("20k exceptions", "exc20k", None),
    ("200 KB of '['", "nest_seq", r":1:\d+: error: YAML nesting deeper than \d+ levels"),
    ("200 KB of '{a: '", "nest_map", r":1:\d+: error: YAML nesting deeper than \d+ levels"),
    ("2000 indented block maps", "nest_block", r":\d+:\d+: error: YAML nesting deeper than \d+ levels"),
    ("alias bomb", "alias_bomb", r":\d+:\d+: error: YAML document too large"),
    ("output of 50k fields", "output50k", None),
    ("output of 50k transformers", "output_xform50k", None),
]
# The same nesting as saker.yaml (-c): configuration parser.
CONFIG_CASES = [
    ("config: 200 KB of '['", "nest_seq", r":1:\d+: YAML nesting too deep"),
    ("config: 200 KB of '{a: '", "nest_map", r":1:\d+: YAML nesting too deep"),
]



def run_measured(argv, out_path, timeout):
    """Run argv with stdout+stderr to out_path; (exit status, cpu seconds,
    max RSS in MB) from wait4 on that very child."""
    with open(out_path, "w") as out:
        pid = os.posix_spawn(argv[0], argv, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, out.fileno(), 1),
                                           (os.POSIX_SPAWN_DUP2, out.fileno(), 2)])
    killer = threading.Timer(timeout, lambda: os.kill(pid, signal.SIGKILL))
    killer.start()
    _, status, ru = os.wait4(pid, 0)
    killer.cancel()
    return (os.waitstatus_to_exitcode(status), ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0)


with tempfile.TemporaryDirectory() as tmp:
    cfg = os.path.join(tmp, "saker.yaml")
    with open(cfg, "w") as f:
        f.write(f"plugins:\n  - name: abitest\n    library_path: {args.plugin}\n"
                "load_plugins: [abitest]\n")
    gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bombs.py")
    for name, kind, want in CASES:
        path = os.path.join(tmp, "bomb.yaml")
        subprocess.run([sys.executable, gen, kind, path], check=True)
        out_path = os.path.join(tmp, "out.txt")
        rc, cpu, rss = run_measured([os.path.abspath(args.saker), "-c", cfg, "-V", path], out_path,
                                    120 * args.scale)
        out = open(out_path, errors="replace").read()
        if want is None:
            T.check(f"{name}: loads", rc == 0 and "bomb.yaml: Ok" in out, (rc, out[-400:]))
        else:
            errs = [l for l in out.splitlines() if " error: " in l]
            T.check(f"{name}: clear error (file:line:col, item)",
                    rc == 1 and errs and all("bomb.yaml:" in l for l in errs) and
                    re.search(want, errs[0]), (rc, out[-400:]))
        T.check(f"{name}: {cpu:.2f} s CPU <= {CPU_S:g} s", cpu <= CPU_S, cpu)
        T.check(f"{name}: max RSS {rss:.0f} MB <= {RSS_MB} MB", rss <= RSS_MB, rss)
    for name, kind, want in CONFIG_CASES:
        path = os.path.join(tmp, "bomb.yaml")
        subprocess.run([sys.executable, gen, kind, path], check=True)
        out_path = os.path.join(tmp, "out.txt")
        rc, cpu, rss = run_measured([os.path.abspath(args.saker), "-c", path, "--dry-run"],
                                    out_path, 120 * args.scale)
        out = open(out_path, errors="replace").read()
        T.check(f"{name}: clear error (file:line:col)", rc == 1 and re.search(want, out),
                (rc, out[-400:]))
        T.check(f"{name}: {cpu:.2f} s CPU <= {CPU_S:g} s", cpu <= CPU_S, cpu)

T.finish()
