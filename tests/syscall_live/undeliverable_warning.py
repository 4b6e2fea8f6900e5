#!/usr/bin/env python3
"""A rule naming an event type the live syscall source cannot deliver loads
with a warning (LOAD_UNDELIVERABLE_EVTTYPE) at the name's file:line:col and
the rule's name, not an error; names it delivers (own events, generic
syscalls) and replay configurations raise none. Runs `saker -V` (no BPF
needed)."""
import os
import subprocess
import sys
import tempfile

RULES = """\
- macro: never_types
  condition: evt.type in (switch, page_fault)
- rule: sk undeliverable
  desc: test
  condition: (evt.type in (open, umount, quotactl) or never_types) and proc.name = foo
  output: "x %proc.name"
  priority: WARNING
- rule: sk deliverable
  desc: test
  condition: evt.type in (kill, prctl, getppid, mprotect, read, procexit) and proc.name = foo
  output: "x %proc.name"
  priority: WARNING
"""


def run(saker, plugin, rules, extra):
    env = dict(os.environ, SAKER_SYSCALL_PLUGIN=plugin)
    p = subprocess.run([saker, "-V", rules] + extra, capture_output=True, text=True, env=env,
                       timeout=120)
    return p.returncode, p.stdout + p.stderr


def main():
    saker, plugin, capture = sys.argv[1], sys.argv[2], sys.argv[3]
    d = tempfile.mkdtemp(prefix="saker-undeliv-")
    rules = os.path.join(d, "rules.yaml")
    with open(rules, "w") as f:
        f.write(RULES)
    rc, out = run(saker, plugin, rules, [])
    print(out)
    fails = []
    if rc != 0:
        fails.append(f"validation failed (rc {rc}): warnings must not be errors")
    want = [(5, 34, "umount"), (5, 42, "quotactl"), (2, 27, "switch"), (2, 35, "page_fault")]
    for line, col, name in want:
        tag = f"{rules}:{line}:{col}: warning: rule 'sk undeliverable':"
        if not any(tag in ln and f"'{name}'" in ln and "LOAD_UNDELIVERABLE_EVTTYPE" in ln
                   for ln in out.splitlines()):
            fails.append(f"no warning for '{name}' at {line}:{col}")
    n = out.count("LOAD_UNDELIVERABLE_EVTTYPE")
    if n != len(want):
        fails.append(f"{n} undeliverable warnings, want {len(want)}")
    # a replay delivers whatever its capture holds: no such warning
    rc, out = run(saker, plugin, rules, ["-o", "plugins[0].open_params=" + capture])
    if "LOAD_UNDELIVERABLE_EVTTYPE" in out:
        fails.append("warning given for a replay configuration:\n" + out)
    for f in fails:
        print("FAIL", f)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
