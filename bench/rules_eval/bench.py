#!/usr/bin/env python3
"""bench.py - rule evaluation benchmark (issue 6), every figure measured in the
same run: saker replaying a large capture through the syscall plugin with the
upstream rules vs saker's no-rule pass vs Debian's sysdig evaluating the same
rules' expanded conditions, and a trivial-filter sysdig run.

    bench.py --saker BIN --syscall-plugin SO --container-plugin SO
             --upstream DIR --workdir DIR [--copies 800] [--runs 5]

Timing: each command runs --runs times on the large capture and on a
one-copy capture; the best (minimum) of each is kept and the per-event cost
is (t_large - t_one) / (events_large - events_one), so start-up (plugin
loading, rules compiling, process list) is not counted as evaluation.
Two clocks: CPU time of the child (user + sys, all threads, from
wait4/rusage) is the primary one, because the machine may be shared with
other jobs; wall time is printed beside it. events/s counts the events of the
capture file (enter and exit events alike) for every engine, so all engines
are measured against the same input.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True   # keep the source tree clean
sys.path.insert(0, HERE)
import expand_rules  # noqa: E402


def run_timed(cmd, stdout_path):
    """Runs cmd; returns (wall s, cpu s, exit code, stderr tail)."""
    with open(stdout_path, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, err = p.communicate(timeout=600)
        wall = time.perf_counter() - t0
    return wall, p.returncode, err.decode(errors="replace")[-2000:]


def measure(cmd, stdout_path, runs):
    best_wall, best_cpu = None, None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, rc, err = run_timed(cmd, stdout_path)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if rc != 0:
            raise RuntimeError(f"command failed (exit {rc}): {' '.join(cmd)}\n{err}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall = wall if best_wall is None else min(best_wall, wall)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return best_wall, best_cpu


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def scap_events(path):
    import scapmul
    with open(path, "rb") as f:
        data = f.read()
    return sum(1 for t, _ in scapmul.read_blocks(data, path) if t in scapmul.EVENT_BLOCKS)


def sysdig_accepts(flt, capture):
    p = subprocess.run(["sysdig", "-r", capture, flt], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=120)
    return p.returncode == 0, p.stderr.decode(errors="replace").strip()


def saker_config(path, a, capture, selectors=None):
    cfg = {
        "plugins": [
            {"name": "syscall", "library_path": a.syscall_plugin, "init_config": "",
             "open_params": json.dumps({"capture": capture})},
            {"name": "container", "library_path": a.container_plugin, "init_config": ""},
        ],
        "load_plugins": ["syscall", "container"],
        "stdout_output": {"enabled": True},
        "webserver": {"enabled": False},
        # replay delivers as fast as it reads: a queue large enough for every
        # alert, so no alert is dropped and none is left unformatted
        "saker": {"alert_queue_size": 4 * 1024 * 1024},
    }
    if selectors is not None:
        cfg["rules"] = selectors
    with open(path, "w") as f:
        json.dump(cfg, f, indent=1)   # JSON is YAML
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--saker", required=True)
    ap.add_argument("--syscall-plugin", required=True)
    ap.add_argument("--container-plugin", required=True)
    ap.add_argument("--upstream", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--capture", default="libs_curl_google.scap")
    ap.add_argument("--copies", type=int, default=800)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()

    wd = a.workdir
    os.makedirs(wd, exist_ok=True)
    src = os.path.join(a.upstream, "captures", a.capture)
    big = os.path.join(wd, f"big_{a.copies}.scap")
    one = os.path.join(wd, "one.scap")
    if not os.path.exists(big):
        subprocess.run([sys.executable, os.path.join(HERE, "scapmul.py"), "-n", str(a.copies), src, big],
                       check=True)
    subprocess.run([sys.executable, os.path.join(HERE, "scapmul.py"), "-n", "1", src, one], check=True)
    n_big, n_one = scap_events(big), scap_events(one)
    n = n_big - n_one

    rules_dir = os.path.join(a.upstream, "rules")
    stable = [os.path.join(rules_dir, "falco_rules.yaml")]
    three = stable + [os.path.join(rules_dir, f) for f in
                      ("falco-incubating_rules.yaml", "falco-sandbox_rules.yaml")]
    empty = os.path.join(wd, "empty_rules.yaml")
    with open(empty, "w") as f:
        f.write("- required_engine_version: 0.57.0\n")

    # Expanded conditions, kept when sysdig 0.29 accepts them.
    filters, kept_names = {}, {}
    for label, files in (("stable", stable), ("all3", three)):
        r = expand_rules.Rules()
        for p in files:
            r.load(p)
        conds = r.expand("syscall")
        kept, dropped = [], []
        for c in conds:
            ok, msg = sysdig_accepts(c["condition"], one)
            (kept if ok else dropped).append((c, msg))
        flt = " or ".join("(" + c["condition"] + ")" for c, _ in kept)
        ok, msg = sysdig_accepts(flt, one)
        if not ok:
            raise RuntimeError(f"sysdig rejects the OR'ed {label} filter: {msg}")
        with open(os.path.join(wd, f"sysdig_filter_{label}.txt"), "w") as f:
            f.write(flt + "\n")
        with open(os.path.join(wd, f"sysdig_dropped_{label}.txt"), "w") as f:
            for c, m in dropped:
                f.write(f"{c['rule']}\t{m.splitlines()[-1] if m else ''}\n")
        filters[label] = flt
        kept_names[label] = [c["rule"] for c, _ in kept]
        print(f"{label}: {len(conds)} enabled syscall rules, sysdig 0.29 accepts {len(kept)} "
              f"(rejected: {', '.join(c['rule'] for c, _ in dropped) or 'none'})", file=sys.stderr)

    def sel_only(names):
        return [{"disable": {"rule": "*"}}] + [{"enable": {"rule": nm}} for nm in names]

    cases = []   # (label, engine, cmd on big, cmd on one)

    def saker_case(label, rule_files, selectors=None):
        cb = saker_config(os.path.join(wd, f"saker_{len(cases)}_big.yaml"), a, big, selectors)
        co = saker_config(os.path.join(wd, f"saker_{len(cases)}_one.yaml"), a, one, selectors)
        rr = sum((["-r", p] for p in rule_files), [])
        cases.append((label, "saker", [a.saker, "-c", cb] + rr, [a.saker, "-c", co] + rr))

    def sysdig_case(label, flt):
        cases.append((label, "sysdig", ["sysdig", "-r", big, flt], ["sysdig", "-r", one, flt]))

    saker_case("saker, no rules", [empty])
    saker_case(f"saker, falco_rules.yaml ({len(expand_rules_count(stable))} rules)", stable)
    saker_case(f"saker, same {len(kept_names['stable'])} stable rules as sysdig", stable,
               sel_only(kept_names["stable"]))
    saker_case(f"saker, 3 syscall files ({len(expand_rules_count(three))} rules)", three)
    saker_case(f"saker, same {len(kept_names['all3'])} rules (3 files) as sysdig", three,
               sel_only(kept_names["all3"]))
    sysdig_case("sysdig -r, trivial filter evt.num=0", "evt.num=0")
    sysdig_case(f"sysdig -r, {len(kept_names['stable'])} stable rules OR'ed", filters["stable"])
    sysdig_case(f"sysdig -r, {len(kept_names['all3'])} rules (3 files) OR'ed", filters["all3"])

    res = {}
    for label, eng, cbig, cone in cases:
        out = os.path.join(wd, "out_" + str(len(res)) + ".txt")
        wb, cpb = measure(cbig, out, a.runs)
        matches = count_lines(out)
        wo, cpo = measure(cone, out + ".one", a.runs)
        cpu, wall = max(cpb - cpo, 1e-9), max(wb - wo, 1e-9)
        res[label] = dict(engine=eng, cpu=cpu, wall=wall, matches=matches,
                          cpu_total=cpb, wall_total=wb, startup_cpu=cpo)
        print(f"  measured: {label}", file=sys.stderr)

    base = res["saker, no rules"]
    print()
    print(f"capture: {a.capture} x {a.copies} = {n_big} events (timed: {n} = large minus one copy); "
          f"best of {a.runs} runs; CPU = user+sys of the process")
    hdr = f"{'run':<46} {'ev/s (CPU)':>12} {'ns/ev':>7} {'x no-rule':>9} {'ev/s (wall)':>12} {'ns/ev':>7} {'matches':>8}"
    print(hdr)
    print("-" * len(hdr))
    for label, r in res.items():
        print(f"{label:<46} {n / r['cpu']:>12,.0f} {r['cpu'] / n * 1e9:>7.1f} "
              f"{r['cpu'] / base['cpu']:>9.2f} {n / r['wall']:>12,.0f} {r['wall'] / n * 1e9:>7.1f} "
              f"{r['matches']:>8}")
    print()
    labels = list(res)
    s_st, s_st_same, s_3, s_3_same = labels[1], labels[2], labels[3], labels[4]
    d_triv, d_st, d_3 = labels[5], labels[6], labels[7]

    def ratio(x, y, key):
        return res[y][key] / res[x][key]
    print("ratios (CPU clock; wall clock in brackets):")
    for what, x, y in (
            ("saker stable rules vs saker no-rule (slowdown, target <= 1.5)", base_label(labels), s_st),
            ("saker 3 files vs saker no-rule (slowdown)", base_label(labels), s_3),
            ("saker stable rules vs sysdig same rules (speedup, target >= 3)", s_st, d_st),
            ("saker same-subset stable vs sysdig same rules (speedup)", s_st_same, d_st),
            ("saker 3 files vs sysdig 3 files' rules (speedup)", s_3, d_3),
            ("saker same-subset 3 files vs sysdig (speedup)", s_3_same, d_3),
            ("saker no-rule vs sysdig trivial filter (speedup)", base_label(labels), d_triv)):
        # time(y) / time(x): for "slowdown" lines y is the slower saker run,
        # for "speedup" lines y is sysdig (saker events/s over sysdig's)
        v, w = ratio(x, y, "cpu"), ratio(x, y, "wall")
        print(f"  {what:<66} {v:6.2f}x  [{w:.2f}x]")
    st = res[s_st]
    ok1 = st["cpu"] / base["cpu"] <= 1.5
    ok2 = res[d_st]["cpu"] / st["cpu"] >= 3.0
    print()
    print(f"issue-6 targets (CPU clock): within 1.5x of no-rule pass: {'MET' if ok1 else 'NOT MET'}; "
          f">= 3x sysdig events/s: {'MET' if ok2 else 'NOT MET'}")
    print()
    print("start-up, not counted above (one-copy run: load plugins, compile rules, read metadata):")
    for label, r in res.items():
        print(f"  {label:<46} {r['startup_cpu'] * 1e3:7.1f} ms CPU")
    return 0


def base_label(labels):
    return labels[0]


def expand_rules_count(files):
    r = expand_rules.Rules()
    for p in files:
        r.load(p)
    return r.expand("syscall")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        print(f"bench: {e}", file=sys.stderr)
        sys.exit(1)
