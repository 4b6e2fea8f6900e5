#!/usr/bin/env python3
"""Rule oracles on upstream captures through the saker binary and the syscall
plugin (shared/upstream/SOURCES.md 3.1): cat_write with the testing repo's
`open_from_cat` rule, connect_localhost with `fd.net in ("127.0.0.1/24")`.

saker delivers exit events only (as current Falco does), so cat_write yields
the 4 exit-side alerts of the classic 8 (enter+exit) oracle.

usage: e2e_captures.py SAKER SYSCALL_PLUGIN UPSTREAM_DIR  ($SAKER_UPSTREAM wins if set)
exit 0 ok, 1 failure, 77 when the captures are missing.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

RULES = sktest.CAT_RULES + """- rule: Localhost connect
  desc: in operator with netmasks
  condition: evt.type=connect and fd.net in ("127.0.0.1/24")
  output: "Localhost connect (name=%fd.name)"
  priority: INFO
  tags: [net, a]
"""


def run(saker, plugin, cap, rules, tmp):
    cfg = os.path.join(tmp, "saker.yaml")
    with open(cfg, "w") as f:
        f.write("plugins:\n  - name: syscall\n    library_path: %s\n    open_params: '%s'\n"
                "load_plugins: [syscall]\njson_output: true\ntime_format_iso_8601: true\n"
                "webserver:\n  enabled: false\n"
                % (plugin, json.dumps({"capture": cap})))
    out = subprocess.run([saker, "-c", cfg, "-r", rules], capture_output=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError("saker failed: %s" % out.stderr.decode(errors="replace"))
    alerts = []
    for line in out.stdout.decode(errors="replace").splitlines():
        line = line.strip()
        if line.startswith("{"):
            alerts.append(json.loads(line))
    return alerts


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    saker, plugin, up = sys.argv[1:]
    up = os.environ.get("SAKER_UPSTREAM") or up
    caps = {n: os.path.join(up, "captures", "falco-0.35.0_%s.scap" % n)
            for n in ("cat_write", "connect_localhost")}
    for c in caps.values():
        if not os.path.exists(c):
            print("SKIP: %s missing (set SAKER_UPSTREAM)" % c)
            return 77
    fails = []
    with tempfile.TemporaryDirectory() as tmp:
        rules = os.path.join(tmp, "rules.yaml")
        with open(rules, "w") as f:
            f.write(RULES)
        a = run(saker, plugin, caps["cat_write"], rules, tmp)
        want_ns = ["881785348", "881799840", "882008208", "882054739"]
        got = [x for x in a if x.get("rule") == "open_from_cat"]
        if len(got) != 4 or len(a) != 4:
            fails.append("cat_write: %d alerts (%d open_from_cat), want 4" % (len(a), len(got)))
        for x, ns in zip(got, want_ns):
            want = ("2016-08-04T16:17:57.%s+0000: Warning An open was seen "
                    "(command=cat /dev/null)" % ns)
            if x.get("output") != want:
                fails.append("cat_write output %r, want %r" % (x.get("output"), want))
            if x.get("priority") != "Warning" or x.get("source") != "syscall":
                fails.append("cat_write priority/source %r/%r" % (x.get("priority"), x.get("source")))
            of = x.get("output_fields", {})
            if of.get("proc.cmdline") != "cat /dev/null":
                fails.append("cat_write output_fields %r" % of)
        b = run(saker, plugin, caps["connect_localhost"], rules, tmp)
        lc = [x for x in b if x.get("rule") == "Localhost connect"]
        if not lc:
            fails.append("connect_localhost: no 'Localhost connect' alert (%d alerts)" % len(b))
        for x in lc:
            if x.get("priority") != "Informational" or x.get("tags") != ["a", "net"]:
                fails.append("connect_localhost alert %r" % x)
            if "127.0.0.1" not in x.get("output_fields", {}).get("fd.name", ""):
                fails.append("connect_localhost fd.name %r" % x.get("output_fields"))
    for f in fails:
        print("FAIL", f)
    print("%d failures" % len(fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
