#!/usr/bin/env python3
"""End-to-end: the real saker binary replays cat_write.scap and sends its
alerts to stdout, file_output and http_output (a stdlib receiver playing
falcosidekick). Every sink must carry the same alerts, each one Falco's
JSON alert as falcosidekick accepts it.

Usage: test_e2e.py --saker BIN --syscall-plugin LIB --receiver receiver.py
Skips (77) when the upstream capture is absent.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

SKIP = 77
TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$")
OUT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}\+0000: Warning ")
PRIOS = {"Emergency", "Alert", "Critical", "Error", "Warning", "Notice", "Informational", "Debug"}
KEYS = {"hostname", "output", "output_fields", "priority", "rule", "source", "tags", "time"}

RULES = """
- rule: open_from_cat
  desc: an open by cat
  condition: evt.type in (open, openat) and proc.name = cat
  output: An open was seen (command=%proc.cmdline)
  priority: WARNING
  tags: [filesystem, e2e]
"""


def sidekick_accepts(obj):
    """falcosidekick's checks plus Falco's schema; returns a reason or None."""
    if not isinstance(obj, dict):
        return "not an object"
    if set(obj) != KEYS:
        return "keys %s" % sorted(obj)
    if obj["priority"] not in PRIOS:
        return "priority %r" % obj["priority"]
    if not isinstance(obj["rule"], str) or not obj["rule"]:
        return "empty rule"
    if not isinstance(obj["time"], str) or not TIME_RE.match(obj["time"]):
        return "time %r" % obj["time"]
    if not isinstance(obj["output_fields"], dict) or not obj["output_fields"]:
        return "empty output_fields"
    if not isinstance(obj["tags"], list) or not all(isinstance(t, str) for t in obj["tags"]):
        return "tags"
    if not isinstance(obj["output"], str) or not OUT_RE.match(obj["output"]):
        return "output %r" % obj["output"]
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--saker", required=True)
    ap.add_argument("--syscall-plugin", required=True)
    ap.add_argument("--receiver", required=True)
    args = ap.parse_args()
    upstream = os.environ.get("SAKER_UPSTREAM", os.environ.get("SAKER_UPSTREAM_DEFAULT", ""))
    cap = os.path.join(upstream, "captures", "falco-0.35.0_cat_write.scap")
    if not os.path.exists(cap):
        print("SKIP: upstream capture %s not found (set SAKER_UPSTREAM)" % cap)
        return SKIP

    with tempfile.TemporaryDirectory(prefix="sk_e2e_") as d:
        rules = os.path.join(d, "rules.yaml")
        with open(rules, "w") as f:
            f.write(RULES)
        recv_out = os.path.join(d, "recv.jsonl")
        events = os.path.join(d, "events.json")
        recv = subprocess.Popen([sys.executable, args.receiver, "--port", "0", "--out", recv_out],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            port = int(recv.stdout.readline().split()[1])
            env = dict(os.environ, SAKER_SYSCALL_PLUGIN=args.syscall_plugin,
                       SAKER_HOSTNAME="e2e-host")
            cmd = [args.saker, "-r", rules,
                   "-o", "plugins[0].open_params='%s'" % json.dumps({"capture": cap}),
                   "-o", "json_output=true", "-o", "time_format_iso_8601=true",
                   "-o", "syslog_output.enabled=false", "-o", "webserver.enabled=false",
                   "-o", "file_output.enabled=true", "-o", "file_output.filename=%s" % events,
                   "-o", "http_output.enabled=true",
                   "-o", "http_output.url=http://127.0.0.1:%d/" % port]
            p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
            if p.returncode != 0:
                print("saker failed (%d):\n%s" % (p.returncode, p.stderr))
                return 1
            stdout_alerts = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
            with open(events) as f:
                file_alerts = [json.loads(l) for l in f if l.strip()]
            deadline = time.time() + 10
            http_alerts = []
            while time.time() < deadline:
                if os.path.exists(recv_out):
                    with open(recv_out) as f:
                        recs = [json.loads(l) for l in f if l.strip()]
                    http_alerts = [json.loads(r["body"]) for r in recs]
                    if len(http_alerts) >= len(stdout_alerts):
                        break
                time.sleep(0.1)
        finally:
            recv.stdin.close()
            recv.terminate()
            recv.wait(10)

    failures = []
    if not stdout_alerts:
        failures.append("no alert on stdout")
    for name, alerts in (("stdout", stdout_alerts), ("file", file_alerts), ("http", http_alerts)):
        for a in alerts:
            why = sidekick_accepts(a)
            if why:
                failures.append("%s: %s: %s" % (name, why, json.dumps(a)))
    key = lambda a: (a["time"], a["rule"])
    if sorted(map(key, stdout_alerts)) != sorted(map(key, file_alerts)):
        failures.append("file alerts differ from stdout (%d vs %d)"
                        % (len(file_alerts), len(stdout_alerts)))
    if sorted(map(key, stdout_alerts)) != sorted(map(key, http_alerts)):
        failures.append("http alerts differ from stdout (%d vs %d)"
                        % (len(http_alerts), len(stdout_alerts)))
    for a in stdout_alerts:
        if a["hostname"] != "e2e-host" or a["rule"] != "open_from_cat" or a["source"] != "syscall":
            failures.append("unexpected alert %s" % json.dumps(a))
        if a["output_fields"].get("proc.cmdline") != "cat /dev/null" or \
                "evt.time.iso8601" not in a["output_fields"]:
            failures.append("output_fields %s" % json.dumps(a["output_fields"]))
        if a["tags"] != ["e2e", "filesystem"]:
            failures.append("tags %s" % a["tags"])
        if not a["output"].endswith("Warning An open was seen (command=cat /dev/null)"):
            failures.append("output %s" % a["output"])
    for f in failures:
        print("FAIL", f)
    if not failures:
        print("e2e outputs: %d alerts identical on stdout, file and http" % len(stdout_alerts))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
