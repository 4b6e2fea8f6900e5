#!/usr/bin/env python3
"""saker with its own syscall plugin replaying an upstream capture through
Falco's replay switch (-o engine.kind=replay ...), checked against the
falcosecurity/testing cat_write oracle (exit events only: 4 of the 8
upstream lines, see shared/upstream/SOURCES.md)."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--saker", required=True)
ap.add_argument("--syscall", required=True)
ap.add_argument("--upstream", required=True)
args = ap.parse_args()

up = os.environ.get("SAKER_UPSTREAM", args.upstream)
cap = os.path.join(up, "captures", "falco-0.35.0_cat_write.scap")
if not os.path.exists(cap):
    print(f"SKIP: upstream capture {cap} not found (set SAKER_UPSTREAM)")
    sys.exit(77)

with tempfile.TemporaryDirectory() as tmp:
    rules = os.path.join(tmp, "cat.yaml")
    with open(rules, "w") as f:
        f.write(sktest.CAT_RULES)
    env = dict(os.environ, SAKER_SYSCALL_PLUGIN=args.syscall, SAKER_RULES_DIR=tmp)
    p = subprocess.run([args.saker, "-r", rules, "-o", "engine.kind=replay",
                        "-o", f"engine.replay.capture_file={cap}", "-o", "time_format_iso_8601=true",
                        "-o", "json_output=true", "-o", "webserver.enabled=false",
                        "-o", "syslog_output.enabled=false"],
                       capture_output=True, text=True, timeout=60, env=env)
    alerts = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
    want_ns = [881785348, 881799840, 882008208, 882054739]
    want = [f"2016-08-04T16:17:57.{ns}+0000: Warning An open was seen (command=cat /dev/null)" for ns in want_ns]
    got = [a["output"] for a in alerts]
    ok = p.returncode == 0 and got == want and all(
        a["output_fields"] == {"evt.time.iso8601": 1470327477000000000 + ns, "proc.cmdline": "cat /dev/null"}
        and a["time"] == f"2016-08-04T16:17:57.{ns}Z" and a["source"] == "syscall"
        for a, ns in zip(alerts, want_ns))
    if not ok:
        print("FAIL cat_write replay")
        print("rc", p.returncode)
        print("got", got)
        print("stderr", p.stderr[-1500:])
        sys.exit(1)
    print("ok   cat_write replay matches the oracle (4 exit-event alerts)")

    # evt.type of generic events names the syscall in their ID parameter.
    cap2 = os.path.join(up, "captures", "falco-0.35.0_syscall.scap")
    with open(rules, "w") as f:
        f.write("""
- rule: generic madvise
  desc: generic syscall events carrying madvise
  condition: evt.scap_type = madvise
  output: "type=%evt.type"
  priority: INFO
""")
    p = subprocess.run([args.saker, "-r", rules, "-o", "engine.kind=replay",
                        "-o", f"engine.replay.capture_file={cap2}", "-o", "json_output=true",
                        "-o", "webserver.enabled=false", "-o", "syslog_output.enabled=false"],
                       capture_output=True, text=True, timeout=60, env=env)
    types = [json.loads(l)["output_fields"].get("evt.type") for l in p.stdout.splitlines() if l.startswith("{")]
    if p.returncode != 0 or types != ["madvise", "madvise"]:
        print("FAIL generic evt.type", p.returncode, types, p.stderr[-800:])
        sys.exit(1)
    print("ok   evt.type of generic events is the syscall name (madvise x2)")
