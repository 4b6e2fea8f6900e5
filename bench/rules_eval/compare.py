#!/usr/bin/env python3
"""compare.py - semantic cross-check of saker against sysdig on the upstream
captures: every macro of a rules file becomes a rule of its own (condition =
the macro, run alone), so checks that never fire as whole rules on these small captures
(spawned_process, open_read, proc_name_exists, ...) are compared too. For
each capture sysdig can read, prints the macros that fire in both engines,
only in saker and only in sysdig (among the macros sysdig accepts).
A diagnostic, not a test: differences are reported, exit status 0 unless a
tool fails.

    SAKER_YAML2JSON=<build>/bench/rules_eval/sk_yaml2json \
    compare.py SAKER SYSCALL_SO CONTAINER_SO UPSTREAM_DIR [RULES_FILE]
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import expand_rules  # noqa: E402


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    saker, sys_so, ctr_so, up = sys.argv[1:5]
    rules = sys.argv[5] if len(sys.argv) > 5 else os.path.join(up, "rules", "falco_rules.yaml")
    base = expand_rules.Rules()
    base.load(rules)
    with tempfile.TemporaryDirectory() as tmp:
        mfile = os.path.join(tmp, "macros_as_rules.yaml")
        with open(mfile, "w") as f:
            f.write(open(rules).read() + "\n")
            for m in base.macros:
                f.write(f"- rule: m_{m}\n  desc: macro {m}\n  condition: {m}\n  output: x\n"
                        f"  priority: debug\n  warn_evttypes: false\n")
        r = expand_rules.Rules()
        r.load(mfile)
        conds = [c for c in r.expand("syscall") if c["rule"].startswith("m_")]
        caps = sorted(os.path.join(up, "captures", c) for c in os.listdir(os.path.join(up, "captures"))
                      if c.endswith(".scap"))
        readable = [c for c in caps if subprocess.run(["sysdig", "-r", c, "evt.num=0"],
                                                       capture_output=True).returncode == 0]
        for c in sorted(set(caps) - set(readable)):
            print(f"{os.path.basename(c)}: sysdig cannot read it, skipped")
        acc = [c for c in conds if subprocess.run(["sysdig", "-r", readable[0], c["condition"]],
                                                  capture_output=True).returncode == 0]
        print(f"{len(conds)} macros, sysdig 0.29 accepts {len(acc)}")
        names = {c["rule"] for c in acc}
        total_diff = 0
        for cap in readable:
            want = {c["rule"] for c in acc if subprocess.run(
                ["sysdig", "-r", cap, c["condition"]], capture_output=True, text=True).stdout.strip()}
            # one saker run per macro: with rule_matching: all, rules that
            # match any event type are only tried when no rule indexed under
            # the event's type matched, so running them together would hide
            # matches
            got = set()
            for c in acc:
                cfg = os.path.join(tmp, "saker.yaml")
                with open(cfg, "w") as f:
                    f.write(f"plugins:\n  - name: syscall\n    library_path: {sys_so}\n"
                            f"    open_params: '{json.dumps({'capture': cap})}'\n"
                            f"  - name: container\n    library_path: {ctr_so}\n"
                            "load_plugins: [syscall, container]\nwebserver: {enabled: false}\n"
                            "json_output: true\nrule_matching: all\n"
                            f"rules:\n  - disable: {{rule: '*'}}\n  - enable: {{rule: {c['rule']}}}\n")
                p = subprocess.run([saker, "-c", cfg, "-r", mfile], capture_output=True, text=True, timeout=120)
                if p.returncode != 0:
                    print(f"{os.path.basename(cap)}: saker failed: {p.stderr.strip()[-500:]}")
                    return 1
                if any(line.startswith("{") for line in p.stdout.splitlines()):
                    got.add(c["rule"])
            got &= names
            only_s, only_d = sorted(got - want), sorted(want - got)
            total_diff += len(only_s) + len(only_d)
            print(f"{os.path.basename(cap):40} both {len(got & want):3}  only saker {only_s}  "
                  f"only sysdig {only_d}")
        print(f"{total_diff} difference(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
