#!/usr/bin/env python3
"""End-to-end runtime behaviour of the saker host:
- JSON alerts match Falco's alert schema;
- an HTTP receiver gets every alert;
- with the receiver down saker keeps running, retries and counts drops;
- /healthz and /metrics answer while events flow;
- SIGHUP with an edited rules file changes which rules fire without
  restarting the source."""
import argparse
import http.server
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--saker", required=True)
ap.add_argument("--plugin", required=True)
args = ap.parse_args()

T = sktest.Checker()
check = T.check
free_port = sktest.free_port


RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$")
PRIOS = {"Emergency", "Alert", "Critical", "Error", "Warning", "Notice", "Informational", "Debug"}


def falco_schema_errors(a):
    """Falco's alert: hostname, output, output_fields, priority, rule, source, tags, time."""
    errs = []
    types = {"hostname": str, "output": str, "output_fields": dict, "priority": str,
             "rule": str, "source": str, "tags": list, "time": str}
    for k, t in types.items():
        if k not in a:
            errs.append(f"missing {k}")
        elif not isinstance(a[k], t):
            errs.append(f"{k} is {type(a[k]).__name__}")
    if isinstance(a.get("time"), str) and not RFC3339.match(a["time"]):
        errs.append(f"time {a['time']!r} not RFC3339 with ns")
    if a.get("priority") not in PRIOS:
        errs.append(f"priority {a.get('priority')!r}")
    for v in a.get("output_fields", {}).values():
        if not (v is None or isinstance(v, (str, int, bool, list))):
            errs.append(f"output field value {v!r}")
    if isinstance(a.get("tags"), list) and a["tags"] != sorted(a["tags"]):
        errs.append("tags not sorted")
    extra = set(a) - set(types)
    if extra:
        errs.append(f"unexpected keys {extra}")
    return errs


class Receiver:
    def __init__(self, port):
        self.alerts = []
        self.lock = threading.Lock()
        outer = self

        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n)
                with outer.lock:
                    outer.alerts.append((self.headers.get("Content-Type"), body))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *a):
                pass

        self.srv = http.server.ThreadingHTTPServer(("127.0.0.1", port), H)
        self.t = threading.Thread(target=self.srv.serve_forever, daemon=True)
        self.t.start()

    def stop(self):
        self.srv.shutdown()
        self.srv.server_close()


RULE_SECRET = """
- rule: Secret message
  desc: odd events
  condition: abitest.msg = secret
  output: "secret n=%abitest.n"
  priority: WARNING
  source: abitest
  tags: [b, a]
"""
RULE_HELLO = """
- rule: Hello message
  desc: even events
  condition: abitest.msg = hello
  output: "hello n=%abitest.n"
  priority: NOTICE
  source: abitest
"""


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def http_get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
        return r.status, r.read().decode()


def start_saker(tmp, open_params, http_port, web_port, rules, extra="", argv=()):
    cfg = os.path.join(tmp, "saker.yaml")
    sktest.write_saker_yaml(cfg, "abitest", args.plugin, open_params, web_port=web_port,
                            extra=f"""http_output:
  enabled: true
  url: http://127.0.0.1:{http_port}/
{extra}""")
    out = open(os.path.join(tmp, "stdout.txt"), "w")
    err = open(os.path.join(tmp, "stderr.txt"), "w")
    p = subprocess.Popen([args.saker, "-c", cfg, "-r", rules, *argv], stdout=out, stderr=err)
    return p, out, err


def wait_web(port, deadline=15):
    end = time.time() + deadline
    while time.time() < end:
        try:
            return http_get(port, "/healthz")
        except OSError:
            time.sleep(0.1)
    return None


with tempfile.TemporaryDirectory() as tmp:
    rules = os.path.join(tmp, "rules.yaml")

    # A. Finite run: every alert reaches the HTTP receiver and validates.
    write(rules, RULE_SECRET)
    hport, wport = free_port(), free_port()
    rx = Receiver(hport)
    p, o, e = start_saker(tmp, "200", hport, wport, rules)
    rc = p.wait(timeout=60)
    o.close(); e.close()
    check("finite run exits 0", rc == 0, open(os.path.join(tmp, "stderr.txt")).read()[-800:])
    bodies = [json.loads(b) for _, b in rx.alerts]
    check("receiver got every alert (100)", len(bodies) == 100, len(bodies))
    check("receiver content type is JSON",
          all(ct and ct.startswith("application/json") for ct, _ in rx.alerts), rx.alerts[:1])
    errs = [x for b in bodies for x in falco_schema_errors(b)]
    check("HTTP alerts match Falco's schema", not errs and bodies, errs[:5])
    stdout_alerts = [json.loads(l) for l in open(os.path.join(tmp, "stdout.txt")) if l.startswith("{")]
    errs = [x for b in stdout_alerts for x in falco_schema_errors(b)]
    check("stdout JSON alerts match Falco's schema", len(stdout_alerts) == 100 and not errs, errs[:5])
    rx.stop()

    # B. Receiver down: saker keeps running, /healthz and /metrics answer
    # while events flow, drops/retries are counted; SIGHUP reload switches rules.
    write(rules, RULE_SECRET)
    hport, wport = free_port(), free_port()
    p, o, e = start_saker(tmp, "1000000@200", hport, wport,
                          rules, argv=("-o", "http_output.max_queue=16"))
    hz = wait_web(wport)
    check("/healthz answers while events flow", hz is not None and hz[0] == 200 and "ok" in hz[1], hz)
    # Wait for what is checked (events counted, a failed delivery counted),
    # not for a fixed time: a loaded machine may take long to get there.
    def sample():
        st, metrics = http_get(wport, "/metrics")
        ev = [l for l in metrics.splitlines() if l.startswith("saker_events_total") and "abitest" in l]
        failed = [l for l in metrics.splitlines()
                  if not l.startswith("#") and "http" in l and re.search(r"(fail|retr|drop)", l)
                  and float(l.split()[-1]) > 0]
        return st, metrics, ev, failed

    end = time.time() + 60
    st, metrics, ev, failed = sample()
    while time.time() < end and p.poll() is None and not (
            st == 200 and ev and int(float(ev[0].split()[-1])) > 0 and failed
            and "Secret message" in metrics):
        time.sleep(0.2)
        st, metrics, ev, failed = sample()
    check("saker keeps running with receiver down", p.poll() is None, p.poll())
    check("/metrics answers", st == 200 and "# TYPE" in metrics, metrics[:300])
    check("/metrics counts events per source", ev and int(float(ev[0].split()[-1])) > 0, ev)
    check("/metrics counts HTTP failures, retries or drops", failed, [l for l in metrics.splitlines() if "http" in l][:10])
    per_rule = [l for l in metrics.splitlines() if l.startswith("saker_alerts_total") and "Secret message" in l]
    check("/metrics counts alerts per rule", per_rule, [l for l in metrics.splitlines() if "alert" in l][:10])

    # Receiver comes up: delivery resumes.
    rx = Receiver(hport)
    end = time.time() + 15
    while time.time() < end and not rx.alerts:
        time.sleep(0.2)
    check("delivery resumes when the receiver comes up", len(rx.alerts) > 0, len(rx.alerts))

    # SIGHUP: switch the rule; the source keeps counting (not restarted).
    def last_rule_and_n():
        with rx.lock:
            if not rx.alerts:
                return None, -1
            b = json.loads(rx.alerts[-1][1])
        return b["rule"], b["output_fields"].get("abitest.n")

    r0, n0 = last_rule_and_n()
    write(rules, RULE_HELLO)
    p.send_signal(signal.SIGHUP)
    end = time.time() + 15
    r1, n1 = r0, n0
    while time.time() < end:
        r1, n1 = last_rule_and_n()
        if r1 == "Hello message":
            break
        time.sleep(0.2)
    check("SIGHUP reload changes which rule fires", r0 == "Secret message" and r1 == "Hello message", (r0, r1))
    check("source not restarted across reload", n1 is not None and n0 is not None and n1 > n0, (n0, n1))
    check("saker still running after reload", p.poll() is None, p.poll())

    rc = sktest.terminate(p)
    o.close(); e.close()
    check("SIGTERM shuts down cleanly (exit 0)", rc == 0, (rc, open(os.path.join(tmp, "stderr.txt")).read()[-800:]))
    rx.stop()

T.finish()
