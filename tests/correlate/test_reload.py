#!/usr/bin/env python3
"""SIGHUP keeps the state of correlations whose definition did not change:
a first step is applied (the open-keys gauge on /metrics shows it), saker
reloads, the second step arrives: one correlated alert. With the
correlation's window changed before the reload, the state starts empty:
no alert. Events come from a Kubernetes audit file that saker follows."""
import datetime
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from sktest import Checker, free_port, terminate, wait_port  # noqa: E402

SAKER = os.environ.get("SAKER_BIN")
KA = os.environ.get("KA_PLUGIN")
JS = os.environ.get("JSON_PLUGIN")

RULES = """
- rule: reload test exec
  desc: shows that the first step's event was read
  condition: ka.verb = create and ka.target.subresource = exec
  output: exec by %ka.user.name
  priority: NOTICE
  source: k8s_audit
- correlation: Exec then secret read
  kind: sequence
  within: WINDOW
  steps:
    - condition: ka.verb = create and ka.target.subresource = exec
      source: k8s_audit
      by: ka.user.name
    - condition: ka.verb = get and ka.target.resource = secrets
      source: k8s_audit
      by: ka.user.name
  output: "exec then secret read by %key[0]"
  priority: CRITICAL
"""


def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event(i, verb, resource, user, sub=None):
    ref = {"resource": resource, "namespace": "default", "name": "x%d" % i, "apiVersion": "v1"}
    if sub:
        ref["subresource"] = sub
    return {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "auditID": "r-%d" % i,
            "stage": "ResponseComplete", "verb": verb, "requestURI": "/api/v1/x",
            "user": {"username": user, "groups": []}, "sourceIPs": ["10.0.0.1"],
            "objectRef": ref, "responseStatus": {"code": 200}, "stageTimestamp": now_iso()}


def metric(port, name):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d/metrics" % port, timeout=5) as r:
            for line in r.read().decode().splitlines():
                if line.startswith(name + " ") or line.startswith(name + "{"):
                    return float(line.rsplit(" ", 1)[1])
    except OSError:
        return None
    return None


def scenario(T, tmp, changed):
    tag = "changed" if changed else "unchanged"
    rules = os.path.join(tmp, "rules-%s.yaml" % tag)
    with open(rules, "w") as f:
        f.write(RULES.replace("WINDOW", "1h"))
    audit = os.path.join(tmp, "audit-%s.jsonl" % tag)
    open(audit, "w").close()
    port = free_port()
    cfg = os.path.join(tmp, "saker-%s.yaml" % tag)
    with open(cfg, "w") as f:
        json.dump({"plugins": [
            {"name": "k8saudit", "library_path": KA, "init_config": {}, "open_params": "file://" + audit},
            {"name": "json", "library_path": JS, "init_config": {}}],
            "load_plugins": ["k8saudit", "json"], "rules_files": [rules], "json_output": True,
            "webserver": {"enabled": True, "listen_address": "127.0.0.1", "listen_port": port,
                          "prometheus_metrics_enabled": True},
            "metrics": {"enabled": True},
            "correlation": {"idle_timeout_ms": 500, "lateness_ms": 200,
                            "expire_interval_ms": 100}}, f)
    out_path = os.path.join(tmp, "out-%s.txt" % tag)
    outf = open(out_path, "w")
    # The test stops saker (SIGTERM); -M only ends a run whose test was
    # killed, after the ctest timeout (300 s): the waits below may add up
    # to more than a short fixed run on a loaded machine.
    p = subprocess.Popen([SAKER, "-c", cfg, "-M", "320"], stdout=outf, stderr=subprocess.STDOUT)

    def lines():
        with open(out_path) as f:
            return f.read()

    def wait(pred, limit):
        end = time.time() + limit
        while time.time() < end and p.poll() is None:
            if pred():
                return True
            time.sleep(0.1)
        return pred()

    try:
        T.check("%s: web server up" % tag, wait_port(port, 30))
        with open(audit, "a") as f:
            f.write(json.dumps(event(1, "create", "pods", "mallory", sub="exec")) + "\n")
        T.check("%s: first step's event read" % tag,
                wait(lambda: "exec by mallory" in lines(), 30), lines()[-2000:])
        T.check("%s: first step applied (open keys = 1)" % tag,
                wait(lambda: metric(port, "saker_correlation_open_keys") == 1, 30),
                metric(port, "saker_correlation_open_keys"))
        if changed:
            with open(rules, "w") as f:
                f.write(RULES.replace("WINDOW", "2h"))
        p.send_signal(signal.SIGHUP)
        T.check("%s: reloaded" % tag, wait(lambda: "reload done" in lines(), 30),
                lines()[-2000:])
        T.check("%s: open keys after reload" % tag,
                wait(lambda: metric(port, "saker_correlation_open_keys") == (0 if changed else 1),
                     30), metric(port, "saker_correlation_open_keys"))
        with open(audit, "a") as f:
            f.write(json.dumps(event(2, "get", "secrets", "mallory")) + "\n")
        if not changed:
            T.check("unchanged: the match completes across the reload",
                    wait(lambda: "exec then secret read by mallory" in lines(), 30),
                    lines()[-2000:])
        else:
            # the second step is applied (hits counted) and nothing fires
            wait(lambda: (metric(port, "saker_correlation_hits_total") or 0) >= 2, 30)
            time.sleep(1.5)
            T.check("changed: the state started empty, no alert",
                    "exec then secret read" not in lines(), lines()[-2000:])
    finally:
        rc = terminate(p, 30)
        outf.close()
    T.check("%s: exit 0" % tag, rc == 0, rc)


def main():
    if not (SAKER and KA and JS):
        print("SKIP: SAKER_BIN, KA_PLUGIN and JSON_PLUGIN are required")
        return 77
    T = Checker(detail_max=2000)
    with tempfile.TemporaryDirectory() as tmp:
        scenario(T, tmp, changed=False)
        scenario(T, tmp, changed=True)
    T.finish()


if __name__ == "__main__":
    sys.exit(main())
