#!/usr/bin/env python3
"""End-to-end tests of the saker binary with the host test plugins
(tests/host/tp_plugin.c variants): alerts from a finite source, evt.* and
plugin field values, loader/init/open/event errors (exit 1, one line),
introspection flags, -V, -o overrides, -M, SIGTERM and SIGHUP reload."""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--saker", required=True)
ap.add_argument("--plugins", required=True)
ap.add_argument("--source-dir", required=True)
ap.add_argument("--container", default="", help="the container plugin built in this tree")
args = ap.parse_args()

T = sktest.Checker(detail_max=1500)
check = T.check


def lib(name):
    return os.path.join(args.plugins, f"lib{name}.so")


TMP = tempfile.mkdtemp(prefix="saker_host_e2e_")


def write(name, text):
    p = os.path.join(TMP, name)
    with open(p, "w") as f:
        f.write(text)
    return p


NCFG = [0]


def config(plugins, extra=""):
    NCFG[0] += 1
    text = "plugins:\n"
    for name, variant, open_params, init in plugins:
        text += f"  - name: {name}\n    library_path: {lib(variant)}\n"
        text += f"    open_params: \"{open_params}\"\n"
        if init:
            text += f"    init_config: {init}\n"
    text += "webserver:\n  enabled: false\nsyslog_output:\n  enabled: false\n" + extra
    return write(f"saker{NCFG[0]}.yaml", text)


def run(argv, timeout=60):
    p = subprocess.run([args.saker] + argv, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def run_until_alerts(argv, n, timeout=60):
    """Runs saker until n JSON alerts were printed (or timeout seconds),
    then stops it with SIGTERM: the run lasts as long as the machine needs,
    never a fixed -M that a loaded machine can outrun."""
    p = subprocess.Popen([args.saker] + argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    err = []
    t = threading.Thread(target=lambda: err.append(p.stderr.read()), daemon=True)
    t.start()
    lines = []
    killer = threading.Timer(timeout, p.kill)
    killer.start()
    try:
        while len(alerts("\n".join(lines))) < n:
            line = p.stdout.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
    finally:
        killer.cancel()
    rc = sktest.terminate(p)
    lines += p.stdout.read().splitlines()
    t.join(30)
    return rc, "\n".join(lines), "".join(err)


alerts = sktest.json_alerts


RULE_SECRET = """
- rule: Secret
  desc: odd events
  condition: tp.msg = secret
  output: "secret n=%tp.n neg=%tp.neg words=%tp.words num=%evt.num src=%evt.source type=%evt.type pn=%evt.pluginname pi=%evt.plugininfo iso=%evt.time.iso8601 raw=%evt.rawtime"
  priority: WARNING
  source: tpsrc
  tags: [b, a]
"""
RULE_HELLO = """
- rule: Hello
  desc: even events
  condition: tp.msg = hello
  output: "hello n=%tp.n"
  priority: NOTICE
  source: tpsrc
"""

# ---- 1. finite run, field values ------------------------------------------
rules = write("secret.yaml", RULE_SECRET)
cfg = config([("tp", "tp", "20", None)], "json_output: true\n")
rc, out, err = run(["-c", cfg, "-r", rules])
a = alerts(out)
check("finite source run exits 0", rc == 0, err)
check("10 of 20 events alert", len(a) == 10, (len(a), out[-500:], err[-500:]))
if a:
    ns = sorted(x["output_fields"].get("tp.n") for x in a)
    check("tp.n values are the odd indexes", ns == list(range(1, 20, 2)), ns)
    first = [x for x in a if x["output_fields"].get("tp.n") == 1]
    f = first[0]["output_fields"] if first else {}
    check("int64 field value", f.get("tp.neg") == -1, f)
    check("list field value", "alpha" in str(f.get("tp.words")) and "beta" in str(f.get("tp.words")), f)
    check("evt.num is stamped per event", f.get("evt.num") == 2, f)
    check("evt.source", f.get("evt.source") == "tpsrc", f)
    check("evt.type of a plugin event", f.get("evt.type") == "pluginevent", f)
    check("evt.pluginname", f.get("evt.pluginname") == "tp", f)
    check("evt.plugininfo from event_to_string", f.get("evt.plugininfo") == "payload n=1", f)
    check("evt.time.iso8601 text", "2016-08-04T16:17:57.881781398+0000" in first[0]["output"], first[0]["output"])
    check("evt.rawtime", f.get("evt.rawtime") == 1470327477881781398, f)
    check("alert source/rule/priority", first[0]["source"] == "tpsrc" and first[0]["rule"] == "Secret"
          and first[0]["priority"] == "Warning", first[0])

# ts == UINT64_MAX is stamped with the current time (event 0 is even: use a catch-all rule)
rules_all = write("all.yaml", """
- rule: Any
  desc: every event
  condition: tp.n = 0
  output: "zero raw=%evt.rawtime"
  priority: INFO
  source: tpsrc
""")
t0 = time.time_ns()
rc, out, err = run(["-c", cfg, "-r", rules_all])
a = alerts(out)
raw = a[0]["output_fields"].get("evt.rawtime") if a else None
check("ts UINT64_MAX replaced by the current time", isinstance(raw, int) and abs(raw - t0) < 60 * 10**9, (raw, t0, err[-300:]))

# ---- 2. extractor + parser plugin on the same source ------------------------
rules_x = write("x.yaml", """
- rule: Tpx three
  desc: field from the second plugin
  condition: tpx.n = 3
  output: "tpx n=%tpx.n"
  priority: ERROR
  source: tpsrc
""")
cfg_x = config([("tp", "tp", "8", None), ("tpx", "tp_x", "", "{a: 1}")], "json_output: true\n")
rc, out, err = run(["-c", cfg_x, "-r", rules_x])
a = alerts(out)
check("extractor plugin field routes to its own state", rc == 0 and len(a) == 1 and a[0]["output_fields"].get("tpx.n") == 3, (rc, out[-400:], err[-400:]))
check("init_config map reaches the plugin as JSON", '{"a":1}' in err, err[-400:])

# ---- 3. syscall-source plugin (id 0, no source) ----------------------------
rules_sys = write("sys.yaml", """
- rule: Sys any
  desc: any syscall event
  condition: evt.num > 0
  output: "sys type=%evt.type n=%tp.n raw=%evt.rawtime"
  priority: INFO
  source: syscall
""")
cfg_sys = config([("tpsys", "tp_sys", "3", None)], "json_output: true\n")
rc, out, err = run(["-c", cfg_sys, "-r", rules_sys])
a = alerts(out)
check("syscall source from a plugin with id 0 and no source", rc == 0 and len(a) == 3, (rc, out[-400:], err[-400:]))
if a:
    check("evt.type named from the event schema", a[0]["output_fields"].get("evt.type") == "open", a[0])
    check("syscall events keep their ts", a[0]["output_fields"].get("evt.rawtime", 1470327477881781397) == 1470327477881781397, a[0])

cfg_sys_empty = config([("tpsys", "tp_sys", "", None)])
rc, out, err = run(["-c", cfg_sys_empty, "-r", rules_sys, "-o", "engine.kind=replay", "-o", "engine.replay.capture_file=/x/c.scap"])
check("engine.kind=replay feeds the capture to the syscall source", rc == 1 and "bad open params '{\"capture\":\"/x/c.scap\"}'" in err, err[-400:])
rc, out, err = run(["-c", cfg_sys, "-r", rules_sys, "-o", "engine.kind=replay"])
check("engine.kind=replay without a file", rc == 1 and "invalid value for 'engine.replay.capture_file'" in err, err[-300:])
rc, out, err = run(["-c", cfg_sys, "-r", rules_sys, "-o", "engine.kind=warp"])
check("invalid engine.kind", rc == 1 and "invalid value for 'engine.kind'" in err, err[-300:])

# ---- 3b. two sources at once; a shared extractor gets one state per source --
rules_two = write("two.yaml", """
- rule: Tpx on tpsrc
  desc: x
  condition: tpx.n = 2
  output: "a n=%tpx.n"
  priority: INFO
  source: tpsrc
- rule: Tpx on syscall
  desc: y
  condition: tpx.n = 2
  output: "b n=%tpx.n"
  priority: INFO
  source: syscall
""")
cfg_two = config([("tp", "tp", "6", None), ("tpsys", "tp_sys", "4", None), ("tpx", "tp_x", "", "{k: two}")], "json_output: true\n")
rc, out, err = run(["-c", cfg_two, "-r", rules_two])
a = alerts(out)
check("two sources run in parallel and both end", rc == 0 and sorted(x["source"] for x in a) == ["syscall", "tpsrc"], (rc, a, err[-400:]))
check("a plugin used by two sources is initialised once per source", err.count('[tpx] {"k":"two"}') == 2, err[-600:])

rc, out, err = run(["-c", cfg_two, "-r", rules_two, "--disable-source", "syscall"])
a = alerts(out)
check("--disable-source skips a source", rc == 0 and [x["source"] for x in a] == ["tpsrc"], (rc, a, err[-300:]))
rc, out, err = run(["-c", cfg_two, "-r", rules_two, "--enable-source", "syscall"])
a = alerts(out)
check("--enable-source opens only that source", rc == 0 and [x["source"] for x in a] == ["syscall"], (rc, a, err[-300:]))
rc, out, err = run(["-c", cfg_two, "-r", rules_two, "--enable-source", "nosuch"])
check("--enable-source of an unknown source", rc == 1 and "Attempted enabling an unknown event source: nosuch" in err, err[-300:])
rc, out, err = run(["-c", cfg_two, "-r", rules_two, "--disable-source", "syscall", "--disable-source", "tpsrc"])
check("disabling every source", rc == 1 and "Must enable at least one event source" in err, err[-300:])
rc, out, err = run(["-c", cfg_two, "--enable-source", "a", "--disable-source", "b"])
check("--enable-source with --disable-source", rc == 1 and "cannot be used together" in err, err[-300:])

# ---- 4. load / init / open / event errors ----------------------------------
cases = [
    ("tp_api_major", "", r"plugin required API version '10000000\.0\.0' not compatible with the framework's API version '3\.12\.0': major versions disagree"),
    ("tp_no_contact", "", r"required symbol not implemented: 'get_contact'"),
    ("tp_partial", "", r"broken plugin capabilities: must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch' \(event sourcing\)"),
    ("tp_reserved", "", r"plugin can't implement the reserved event source 'syscall'"),
    ("tp_init_fail", "", r"cannot initialize plugin .*could not initialize plugin: boom"),
    ("tp", "bad", r"plugin 'p': cannot open plugin .*libtp\.so: bad open params 'bad'"),
]
for variant, op, pattern in cases:
    c = config([("p", variant, op, None)])
    rc, out, err = run(["-c", c, "-r", rules])
    lines = [l for l in err.splitlines() if l.startswith("Error: ")]
    check(f"{variant}: exit 1 with one error line", rc == 1 and len(lines) == 1 and re.search(pattern, lines[0])
          and "plugin 'p'" in lines[0], (rc, err[-600:]))
c = write("missing.yaml", "plugins:\n  - name: gone\n    library_path: /nonexistent/libgone.so\nwebserver: {enabled: false}\n")
rc, out, err = run(["-c", c, "-r", rules])
check("missing library: Falco's message", rc == 1 and re.search(r"plugin 'gone': cannot load plugin /nonexistent/libgone\.so: can't load plugin dynamic library: .*No such file or directory", err), err)
c = config([("tp", "tp", "", None), ("tpo", "tp_overlap", "", None)])
rc, out, err = run(["-c", c, "-r", rules])
check("field overlap", rc == 1 and "Plugin 'tpo' supports extraction of field 'tp.n' that is overlapping for source 'tpsrc'" in err, err)
c = config([("tp", "tp", "", None), ("tpu", "tp_unused", "", None)])
rc, out, err = run(["-c", c, "-r", rules])
check("unused extractor", rc == 1 and "Plugin 'tpu' is loaded but unused as not compatible with any known event source" in err, err)
c = config([("tp", "tp_badid", "4", None)])
rc, out, err = run(["-c", c, "-r", rules])
check("bad plugin id in an event stops with exit 1", rc == 1 and "unexpected plugin ID in plugin event: plugin='tp', expected_id=999, actual_id=12345" in err, (rc, err[-500:]))

# ---- 4b. saker_set_event_types and async events ----------------------------
cfg_t = config([("tp", "tp_types", "4", None)], "json_output: true\n")
rc, out, err = run(["-c", cfg_t, "-r", rules])
check("saker_set_event_types receives the rules' types (322)", rc == 0 and "set_event_types n=" in err and "has322=1" in err, err[-500:])
rules_async = write("async.yaml", """
- rule: Async seen
  desc: async events from tpa
  condition: evt.asynctype = tpasync
  output: "async type=%evt.type is_async=%evt.is_async"
  priority: INFO
  source: tpsrc
""")
cfg_a = config([("tp", "tp", "inf", None), ("tpa", "tp_async", "", None)], "json_output: true\n")
rc, out, err = run_until_alerts(["-c", cfg_a, "-r", rules_async], 5)
a = alerts(out)
check("async events reach the rules of their source", rc == 0 and len(a) == 5 and a[0]["output_fields"].get("evt.type") == "tpasync", (rc, len(a), out[-300:], err[-500:]))
check("undeclared async event name and a tid on a plugin source rejected",
      "async rejected 2" in err, err[-500:])

cfg_c = config([("tp", "tp", "inf", None), ("tpc", "tp_capture", "", None)], "json_output: true\n")
rc, out, err = run(["-c", cfg_c, "-r", rules, "-M", "1"], timeout=30)
check("capture listening: routines run on host threads, stopped at close", rc == 0 and "capture closed: short=5 long_ran=1" in err, (rc, err[-500:]))

# ---- 5. introspection, validation, flags ------------------------------------
cfg = config([("tp", "tp", "20", None), ("tpx", "tp_x", "", None)])
rc, out, err = run(["-c", cfg, "--list-plugins"])
check("--list-plugins", rc == 0 and re.search(r"2 Plugins Loaded.*Name: tp\n.*Version: 1\.2\.3.*Event Sourcing \(ID=999, source='tpsrc'\).*Name: tpx.*Field Extraction.*Event Parsing", out, re.S), out)
rc, out, err = run(["-c", cfg, "--plugin-info", "tp"])
check("--plugin-info", rc == 0 and "Name: tp" in out and "Required API version: 3.11.0" in out and "Event source: tpsrc (ID=999)" in out, out)
rc, out, err = run(["-c", cfg, "--plugin-info", "nope"])
check("--plugin-info of a plugin not loaded", rc == 1 and "plugin 'nope' is not loaded" in err, err)
rc, out, err = run(["-c", cfg, "--list"])
check("--list shows plugin and evt fields with types", rc == 0 and re.search(r"tp\.n\s+uint64\s+event index", out) and re.search(r"tpx\.n\s+uint64", out) and re.search(r"evt\.num\s+uint64", out) and "tp.hidden" not in out, out[:800])
rc, out, err = run(["-c", cfg, "--list", "tpsrc"])
check("--list <source>", rc == 0 and "Event Source: tpsrc" in out, out[:300])
rc, out, err = run(["-c", cfg, "--list", "nosuch"])
check("--list unknown source fails", rc == 1 and "unknown event source 'nosuch'" in err, err)
rc, out, err = run(["--version"])
check("--version", rc == 0 and "saker version:" in out and "Plugin API: 3.12.0" in out, out)
rc, out, err = run(["--help"])
check("--help", rc == 0 and "Usage: saker" in out and "--list-plugins" in out, out[:200])
rc, out, err = run(["--bogus"])
check("unknown flag", rc == 1 and "unknown option '--bogus'" in err, err)
rc, out, err = run(["-c"])
check("missing flag argument", rc == 1 and "requires an argument" in err, err)
rc, out, err = run(["-c", cfg, "-V", rules])
check("-V on a valid file", rc == 0 and "secret.yaml: Ok" in out, (rc, out, err))
bad = write("bad.yaml", "- rule: Broken\n  desc: x\n  condition: tp.msg = = secret\n  output: x\n  priority: INFO\n  source: tpsrc\n")
rc, out, err = run(["-c", cfg, "-V", bad])
check("-V on a broken file: exit 1, file:line:col", rc == 1 and re.search(r"bad\.yaml:\d+:\d+: .*error", out), (rc, out, err))
rc, out, err = run(["-c", cfg, "-r", rules, "--dry-run"])
check("--dry-run processes nothing", rc == 0 and "Dry run" in out and "secret" not in out, (rc, out, err))
rc, out, err = run(["-c", cfg, "-r", rules, "-o", "priority=loud"])
check("invalid -o value names the key", rc == 1 and "invalid value for 'priority'" in err, err)
rc, out, err = run(["-c", cfg, "-r", rules, "-o", "json_output=true", "-o", "plugins[0].open_params=4"])
check("-o list index override (open_params=4 -> 2 alerts)", rc == 0 and len(alerts(out)) == 2, (rc, out[-300:], err[-300:]))
rc, out, err = run(["-c", cfg, "-r", rules, "-o", "json_output=true", "-o", "priority=error"])
check("-o priority filters rules", rc == 0 and len(alerts(out)) == 0, (rc, out[-300:]))
rc, out, err = run(["-c", cfg, "-r", rules, "-o", "load_plugins=[tp]", "-o", "bogus_key=1"])
check("unknown key warns, load_plugins via -o", rc == 0 and "unknown configuration key 'bogus_key'" in err, err[-300:])
bad_yaml = write("broken.yaml", "plugins: [\n")
rc, out, err = run(["-c", bad_yaml])
check("malformed YAML config: clear error", rc == 1 and re.search(r"broken\.yaml:\d+:\d+: invalid YAML", err), err)
rdir = os.path.join(TMP, "rdir")
os.makedirs(rdir, exist_ok=True)
with open(os.path.join(rdir, "b.yaml"), "w") as f:
    f.write(RULE_HELLO)
with open(os.path.join(rdir, "a.yml"), "w") as f:
    f.write(RULE_SECRET)
with open(os.path.join(rdir, "ignored.txt"), "w") as f:
    f.write("not rules")
rc, out, err = run(["-c", cfg, "-r", rdir, "-o", "json_output=true", "-o", "rule_matching=all"])
check("-r directory loads .yml/.yaml files", rc == 0 and len(alerts(out)) == 20, (rc, len(alerts(out)), err[-300:]))

cfg_q = config([("tp", "tp", "20000", None)], "json_output: true\n")
rc, out, err = run(["-c", cfg_q, "-r", rules, "-o", "saker.alert_queue_size=1", "-o", "saker.alert_queue_block_ms=0"])
n = len(alerts(out))
check("a full alert queue drops (block_ms=0)", rc == 0 and 0 < n < 10000, (rc, n))
rc, out, err = run(["-c", cfg_q, "-r", rules, "-o", "saker.alert_queue_size=1", "-o", "saker.alert_queue_block_ms=2000"])
n = len(alerts(out))
check("a full alert queue applies backpressure (no drops)", rc == 0 and n == 10000, (rc, n))

# The shipped file names plugins by their path in ./build; point them at this tree's.
shipped = ["-c", os.path.join(args.source_dir, "saker.yaml"), "--dry-run",
           "-o", f"plugins[0].library_path={lib('tp_sys')}", "-o", f"rules_files=[{rules_sys}]"]
if args.container:
    shipped += ["-o", f"plugins[1].library_path={args.container}"]
else:
    shipped += ["-o", "load_plugins=[syscall]"]
rc, out, err = run(shipped)
check("the repo's saker.yaml is valid and fully known", rc == 0 and "Dry run" in out and "unknown configuration key" not in err, (rc, err[-500:]))

# ---- 6. -M, SIGTERM, SIGHUP --------------------------------------------------
cfg_inf = config([("tp", "tp", "inf", None)], "json_output: true\n")
t = time.time()
rc, out, err = run(["-c", cfg_inf, "-r", rules, "-M", "1"], timeout=30)
check("-M stops an endless source", rc == 0 and time.time() - t < 15 and len(alerts(out)) > 0, (rc, time.time() - t, err[-300:]))

cfg_block = config([("tp", "tp_block", "inf", None)], "json_output: true\nsaker: {flush_timeout_ms: 500}\n")
t = time.time()
rc, out, err = run(["-c", cfg_block, "-r", rules, "-M", "1"], timeout=30)
check("a source blocked in next_batch is abandoned at exit", rc == 0 and time.time() - t < 10 and "did not stop in time" in err and len(alerts(out)) == 2,
      (rc, time.time() - t, len(alerts(out)), err[-400:]))

# web server + Prometheus metrics while an endless source runs
wport = sktest.free_port()
# (appended after config()'s "webserver: enabled: false", which it overrides)
cfg_web = config([("tp", "tp", "inf", None)], sktest.webserver_yaml(wport))
p = subprocess.Popen([args.saker, "-c", cfg_web, "-r", rules], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
got = {}


def emitted(metrics):
    """Events were emitted: then /versions is read too."""
    if not re.search(r'^saker_plugin_events_emitted\{[^}]*\} [1-9]', metrics, re.M):
        return False
    got["versions"] = sktest.http_get(wport, "/versions")
    return True


# Generous deadlines: a loaded machine (CI, parallel tests) may take long
# to start saker; the loop ends as soon as the metrics are there.
metrics = sktest.poll_http(wport, "/metrics", emitted, 60, 0.3)
versions = got.get("versions", "")
rc = sktest.terminate(p)
perr = p.stderr.read()


def metric(name, labels_sub=""):
    for line in metrics.splitlines():
        if line.startswith(name) and labels_sub in line:
            return float(line.split()[-1])
    return None


check("metrics: events per source", (metric("saker_events_total", 'source="tpsrc"') or 0) > 0, metrics[:1500])
check("metrics: alerts per rule and priority", (metric("saker_alerts_total", 'rule="Secret",priority="Warning"') or 0) > 0, metrics[:1500])
check("metrics: rule evaluation time", (metric("saker_rule_eval_ns_total", 'source="tpsrc"') or 0) > 0, metrics[:1500])
check("metrics: queue depth and drops exported", metric("saker_alert_queue_depth") is not None and metric("saker_drops_total", 'alert_queue_full') is not None, metrics[:1500])
check("metrics: plugin_get_metrics exported", (metric("saker_plugin_events_emitted", 'plugin="tp"') or 0) > 0, metrics[:1500])
check("metrics: a double plugin metric is not truncated", metric("saker_plugin_load_ratio", 'plugin="tp"') == 0.625, metrics[:1500])
try:
    vj = json.loads(versions)
except ValueError:
    vj = {}
check("/versions lists saker and plugin versions", vj.get("plugin_api_version") == "3.12.0" and {"name": "tp", "version": "1.2.3"} in vj.get("plugins", []), versions)
check("web run stops cleanly", rc == 0, (rc, perr[-400:]))

live_rules = write("live.yaml", RULE_SECRET)
outp = open(os.path.join(TMP, "live.out"), "w")
errp = open(os.path.join(TMP, "live.err"), "w")
p = subprocess.Popen([args.saker, "-c", cfg_inf, "-r", live_rules], stdout=outp, stderr=errp)


def live_alerts():
    with open(os.path.join(TMP, "live.out")) as f:
        return alerts(f.read())


end = time.time() + 60
while time.time() < end and not live_alerts():
    time.sleep(0.1)
before = live_alerts()
write("live.yaml", RULE_HELLO)
p.send_signal(signal.SIGHUP)
end = time.time() + 60
switched = False
while time.time() < end:
    a = live_alerts()
    if a and a[-1]["rule"] == "Hello":
        switched = True
        break
    time.sleep(0.1)
a = live_alerts()
check("SIGHUP switches rules without restarting the source", switched and before and
      a[-1]["output_fields"].get("tp.n", -1) > before[-1]["output_fields"].get("tp.n", 0), (len(before), a[-1:] if a else None))
write("live.yaml", "- rule: [broken\n")
p.send_signal(signal.SIGHUP)
# The reload's end is in the log; check the process after it, not after a
# fixed sleep (which a loaded machine can outrun).
end = time.time() + 60
reload_failed = False
while time.time() < end and p.poll() is None and not reload_failed:
    with open(os.path.join(TMP, "live.err")) as f:
        reload_failed = "reload failed" in f.read()
    time.sleep(0.1)
check("a failed reload is reported", reload_failed, p.poll())
check("a failed reload keeps running", p.poll() is None, p.poll())
rc = sktest.terminate(p)
outp.close()
errp.close()
err = open(os.path.join(TMP, "live.err")).read()
check("SIGTERM: clean exit 0", rc == 0, (rc, err[-500:]))
check("failed reload logged", "reload failed" in err, err[-500:])

T.finish()
