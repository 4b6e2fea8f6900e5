#!/usr/bin/env python3
"""Async events and extraction results as libsinsp rules them, with tasync.c
(a plugin written against plugin_api.h only):

  async_rules  on a plugin source: async events reach the rules
               (evt.type = <async name>); timestamps more than 10 s ahead are
               dropped and counted; a tid other than -1 is refused and
               counted; a non-list field returning two values is refused for
               that extraction and counted, a list field and a field declared
               "saker.any_of" are not
  dump_state   a replay writing a capture file: the async plugin's dump_state
               goes into the file (not to the rules), no async handler is
               installed while replaying; replaying the written file brings
               the dumped events back; get_async_events may return []
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

args = sktest.parse_args("saker", "syscall", "plugins", "upstream", "case")
up = sktest.upstream(args.upstream)

T = sktest.Checker(detail_max=1500)
check = T.check


def lib(name):
    return os.path.join(args.plugins, f"lib{name}.so")


def write_config(tmp, name, plugins, extra=""):
    cfg = os.path.join(tmp, name + ".yaml")
    with open(cfg, "w") as f:
        f.write(sktest.plugins_yaml(*[(pname, path, "", op) for pname, path, op in plugins])
                + "json_output: true\nstdout_output:\n  enabled: true\nsyslog_output:\n"
                "  enabled: false\n" + extra)
    return cfg


def write_rules(tmp, name, text):
    path = os.path.join(tmp, name + "_rules.yaml")
    with open(path, "w") as f:
        f.write(text)
    return path


def metric_value(text, name, labels_sub):
    for line in text.splitlines():
        if line.startswith(name + "{") and labels_sub in line:
            try:
                return float(line.rsplit(" ", 1)[1])
            except ValueError:
                return None
    return None


with tempfile.TemporaryDirectory() as tmp:
    if args.case == "async_rules":
        port = sktest.free_port()
        cfg = write_config(tmp, "async", [("tasync", lib("tasync_src"), "")],
                           sktest.webserver_yaml(port))
        rules = write_rules(tmp, "async", """
- rule: Async seen
  desc: async events of tasync
  condition: evt.type = tasync_evt
  output: "async %evt.asynctype"
  priority: INFO
  source: tasync
- rule: Two values
  desc: a non-list field that returned two values
  condition: evt.type = pluginevent and tasync.two = b
  output: "two %tasync.two"
  priority: INFO
  source: tasync
- rule: Any of
  desc: a saker.any_of field (any value may match)
  condition: evt.type = pluginevent and tasync.anyof = b
  output: "anyof %tasync.list"
  priority: INFO
  source: tasync
""")
        p = subprocess.Popen([args.saker, "-c", cfg, "-r", rules], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        lines = []
        reader = threading.Thread(target=lambda: lines.extend(iter(p.stdout.readline, "")),
                                  daemon=True)
        reader.start()
        want = {
            ("saker_drops_total", 'cause="async_future_ts",source="tasync"'): 2,
            ("saker_plugin_errors_total", 'source="tasync",op="async"'): 1,
        }

        def done(text):
            for (n, l), v in want.items():
                if metric_value(text, n, l) != v:
                    return False
            ext = metric_value(text, "saker_plugin_errors_total", 'source="tasync",op="extract"')
            if ext is None or ext < 3:
                return False
            seen = [a for a in sktest.json_alerts("".join(list(lines)))
                    if a.get("rule") == "Async seen"]
            return len(seen) >= 4

        metrics = sktest.poll_http(port, "/metrics", done, 90, 0.2, p)
        rc = sktest.terminate(p)
        err = p.stderr.read()
        reader.join(10)
        alerts = sktest.json_alerts("".join(lines))
        labels = {m.group(0) for m in re.finditer(r'^saker_\w+\{[^}]*tasync[^}]*\} \S+', metrics, re.M)}
        check("saker ran until stopped", rc == 0, (rc, err[-800:]))
        check("timestamps > 10 s ahead dropped and counted (2)",
              metric_value(metrics, "saker_drops_total", 'cause="async_future_ts",source="tasync"') == 2,
              sorted(labels))
        check("a tid other than -1 on a plugin source refused and counted",
              metric_value(metrics, "saker_plugin_errors_total", 'source="tasync",op="async"') == 1,
              sorted(labels))
        asyncs = [a for a in alerts if a["rule"] == "Async seen"]
        check("the 3 current and the 2 s-ahead async events reach the rules (4 alerts)",
              len(asyncs) == 4 and all(a["output_fields"].get("evt.asynctype") == "tasync_evt"
                                       for a in asyncs), (len(asyncs), asyncs[:2], err[-600:]))
        two = [a for a in alerts if a["rule"] == "Two values"]
        check("a non-list field returning two values is refused (no alert)", not two, two[:2])
        check("the refusal is counted in saker_plugin_errors_total{op=extract}",
              (metric_value(metrics, "saker_plugin_errors_total", 'source="tasync",op="extract"') or 0) >= 3,
              sorted(labels))
        check("the refusal is logged once with the field name",
              err.count("non-list field tasync.two") == 1, err[-800:])
        anyof = [a for a in alerts if a["rule"] == "Any of"]
        check("a saker.any_of field matches on any of its values; a list field renders both",
              anyof and anyof[0]["output_fields"].get("tasync.list") in (["a", "b"], "(a,b)"),
              anyof[:1])

    elif args.case == "dump_state":
        cap = os.path.join(up, "captures", "falco-0.35.0_open-multiple-files.scap")
        if not os.path.exists(cap):
            print(f"SKIP: capture {cap} not found (set SAKER_UPSTREAM)")
            sys.exit(77)
        outcap = os.path.join(tmp, "out.scap")
        rules = write_rules(tmp, "dump", """
- rule: Dumped state
  desc: the state tasync_only dumped into a capture
  condition: evt.type = tasync_state
  output: "state %evt.asynctype"
  priority: INFO
- rule: Opens
  desc: open events of the capture
  condition: evt.type in (open, openat) and evt.dir = <
  output: "open %fd.name"
  priority: INFO
""")
        cfg = write_config(tmp, "write", [
            ("syscall", args.syscall, json.dumps({"capture": cap, "write": outcap})),
            ("tasync_only", lib("tasync_only"), None)])
        p = subprocess.run([args.saker, "-c", cfg, "-r", rules], capture_output=True, text=True,
                           timeout=120)
        alerts = sktest.json_alerts(p.stdout)
        check("replay writing a capture exits 0", p.returncode == 0, p.stderr[-800:])
        check("dump_state was called when the capture file opened",
              "tasync: dumping state" in p.stderr, p.stderr[-800:])
        check("no async handler while replaying a capture",
              "handler installed" not in p.stderr, p.stderr[-800:])
        check("dumped state goes to the file, not to the rules",
              not [a for a in alerts if a["rule"] == "Dumped state"], alerts[:2])
        opens = len([a for a in alerts if a["rule"] == "Opens"])
        check("the replay itself alerts", opens > 0, p.stderr[-400:])

        cfg2 = write_config(tmp, "read", [
            ("syscall", args.syscall, json.dumps({"capture": outcap})),
            ("tasync_only", lib("tasync_only"), None)])
        p2 = subprocess.run([args.saker, "-c", cfg2, "-r", rules], capture_output=True, text=True,
                            timeout=120)
        alerts2 = sktest.json_alerts(p2.stdout)
        st = [a for a in alerts2 if a["rule"] == "Dumped state"]
        check("replaying the written capture exits 0", p2.returncode == 0, p2.stderr[-800:])
        check("the written capture holds the 2 dumped events",
              len(st) == 2 and all(a["output_fields"].get("evt.asynctype") == "tasync_state" for a in st),
              (len(st), st[:2], p2.stderr[-400:]))
        check("and the same open events as the original",
              len([a for a in alerts2 if a["rule"] == "Opens"]) == opens,
              (opens, len(alerts2)))

        cfg3 = write_config(tmp, "empty", [
            ("syscall", args.syscall, json.dumps({"capture": cap})),
            ("tasync_empty", lib("tasync_empty"), None)])
        p3 = subprocess.run([args.saker, "-c", cfg3, "-r", rules], capture_output=True, text=True,
                            timeout=120)
        check("an async plugin whose get_async_events returns [] loads and runs",
              p3.returncode == 0, p3.stderr[-800:])
    else:
        print(f"unknown case {args.case}")
        sys.exit(2)
T.finish()
