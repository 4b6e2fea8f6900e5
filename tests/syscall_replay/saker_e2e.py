#!/usr/bin/env python3
"""End-to-end: the saker binary with the syscall plugin replaying upstream
captures raises the alerts SOURCES.md names.

- cat_write + open_from_cat, exit semantics (default): one alert per open
  syscall, at the exit events' times (4 of the classic oracle's 8 lines).
- cat_write + open_from_cat with {"all_events": true}: the classic oracle's
  8 lines exactly (enter and exit events both match).
- syscall.scap + detect_madvise/detect_open (evt.dir=<): 2 + 2.
- connect_localhost + "Localhost connect" (fd.net in 127.0.0.1/24): >= 1.

usage: saker_e2e.py SAKER PLUGIN CAPTURES_DIR WORKDIR
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

CAT_RULES = sktest.CAT_RULES
SYSCALL_RULES = """
- rule: detect_madvise
  desc: Detect any call to madvise
  condition: evt.type=madvise and evt.dir=<
  output: A madvise syscall was seen (command=%proc.cmdline)
  priority: INFO
- rule: detect_open
  desc: Detect any call to open
  condition: evt.type=open and evt.dir=< and fd.name=/dev/null
  output: An open syscall was seen (command=%proc.cmdline)
  priority: INFO
"""
CONNECT_RULES = """
- rule: Localhost connect
  desc: Detect any connect to localhost network, using fd.net and the in operator
  condition: evt.type=connect and fd.net in ("127.0.0.1/24")
  output: Program connected to localhost network (program=%proc.name name=%fd.name)
  priority: INFO
"""
ORACLE_NS = [881781397, 881785348, 881796705, 881799840, 882003104, 882008208, 882045694,
             882054739]


def run(saker, plugin, work, name, rules, open_params):
    rpath = os.path.join(work, name + ".rules.yaml")
    cpath = os.path.join(work, name + ".saker.yaml")
    with open(rpath, "w") as f:
        f.write(rules)
    with open(cpath, "w") as f:
        f.write("plugins:\n  - name: syscall\n    library_path: %s\n    init_config: \"\"\n"
                "    open_params: '%s'\nload_plugins: [syscall]\ntime_format_iso_8601: true\n"
                "webserver:\n  enabled: false\nstdout_output:\n  enabled: true\n"
                % (plugin, json.dumps(open_params)))
    r = subprocess.run([saker, "-c", cpath, "-r", rpath], capture_output=True, timeout=120)
    out = r.stdout.decode(errors="replace").splitlines()
    if r.returncode != 0:
        print("%s: saker exited %d: %s" % (name, r.returncode, r.stderr.decode(errors="replace")))
    return r.returncode, [l for l in out if ": " in l and "[saker]" not in l]


def main():
    saker, plugin, capdir, work = sys.argv[1:5]
    if not os.path.isdir(capdir):
        print("SKIP: captures not found at %s" % capdir)
        return 77
    os.makedirs(work, exist_ok=True)
    fails = []
    cat = os.path.join(capdir, "falco-0.35.0_cat_write.scap")

    rc, lines = run(saker, plugin, work, "cat_exit", CAT_RULES, {"capture": cat})
    want = ["2016-08-04T16:17:57.%09d+0000: Warning An open was seen (command=cat /dev/null)" % ns
            for ns in ORACLE_NS[1::2]]
    if rc or lines != want:
        fails.append("cat_write exit semantics: got %r, want %r" % (lines, want))

    rc, lines = run(saker, plugin, work, "cat_all", CAT_RULES, {"capture": cat, "all_events": True})
    want = ["2016-08-04T16:17:57.%09d+0000: Warning An open was seen (command=cat /dev/null)" % ns
            for ns in ORACLE_NS]
    if rc or lines != want:
        fails.append("cat_write classic (all events): got %r, want %r" % (lines, want))

    rc, lines = run(saker, plugin, work, "syscalls", SYSCALL_RULES,
                    {"capture": os.path.join(capdir, "falco-0.35.0_syscall.scap")})
    mad = [l for l in lines if "A madvise syscall was seen" in l]
    opn = [l for l in lines if "An open syscall was seen" in l]
    if rc or len(mad) != 2 or len(opn) != 2:
        fails.append("syscall.scap: %d madvise, %d open alerts (want 2 and 2): %r"
                     % (len(mad), len(opn), lines))

    rc, lines = run(saker, plugin, work, "connect", CONNECT_RULES,
                    {"capture": os.path.join(capdir, "falco-0.35.0_connect_localhost.scap")})
    hits = [l for l in lines if "Program connected to localhost network" in l
            and "name=127.0.0.1:" in l]
    if rc or not hits:
        fails.append("connect_localhost: no 'Localhost connect' alert: %r" % lines)

    for f in fails:
        print("FAIL:", f)
    print("saker e2e: %d of 4 cases passed" % (4 - len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
