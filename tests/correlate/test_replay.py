#!/usr/bin/env python3
"""End to end, replay: two file sources with authored event times (a
timeline of console logins standing for CloudTrail, and a Kubernetes audit
log) give exactly the expected correlated alerts, identical over 20 runs,
whatever the two source threads' timing."""
import datetime
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from sktest import Checker  # noqa: E402

SAKER = os.environ.get("SAKER_BIN")
TL = os.environ.get("TL_PLUGIN")
KA = os.environ.get("KA_PLUGIN")
JS = os.environ.get("JSON_PLUGIN")
RUNS = 20
T0 = 1700000000 * 10**9
S = 10**9

CORR = """
- correlation: Console login without MFA then cluster-admin binding
  desc: a console login without MFA, then a cluster-admin binding by the same person
  kind: sequence
  within: 60s
  steps:
    - condition: tl.f[event] = ConsoleLogin and tl.f[mfa] = No and tl.f[outcome] = Success
      source: timeline
      by: tl.f[user]
    - condition: >
        ka.verb = create and ka.target.resource = clusterrolebindings
        and ka.req.binding.role = cluster-admin
      source: k8s_audit
      by: ka.user.name
  output: "login without MFA then cluster-admin binding (user=%key[0] ip=%steps[0].tl.f[ip] binding=%steps[1].ka.target.name)"
  priority: CRITICAL
  tags: [cloud, k8s]
- correlation: Console brute force
  desc: failed console logins from one address
  kind: count
  threshold: 3
  within: 60s
  steps:
    - condition: tl.f[event] = ConsoleLogin and tl.f[outcome] = Failure
      source: timeline
      by: tl.f[ip]
  output: "console brute force from %key[0] (last user=%steps[0].tl.f[user])"
  priority: WARNING
"""


def iso(ns):
    d = datetime.datetime.fromtimestamp(ns // S, datetime.timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + ".%06dZ" % ((ns % S) // 1000)


def login(ts, user, mfa="No", outcome="Success", ip="10.0.0.1"):
    return {"ts": ts, "event": "ConsoleLogin", "user": user, "mfa": mfa, "outcome": outcome,
            "ip": ip}


def binding(i, ts, user, role="cluster-admin", name=None):
    return {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "auditID": "b-%d" % i,
            "stage": "ResponseComplete", "verb": "create",
            "requestURI": "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
            "user": {"username": user, "groups": ["system:authenticated"]},
            "sourceIPs": ["10.1.2.3"],
            "objectRef": {"resource": "clusterrolebindings", "apiGroup": "rbac.authorization.k8s.io",
                          "apiVersion": "v1", "name": name or ("crb-" + user)},
            "responseStatus": {"code": 201},
            "requestObject": {"kind": "ClusterRoleBinding",
                              "roleRef": {"kind": "ClusterRole", "name": role,
                                          "apiGroup": "rbac.authorization.k8s.io"},
                              "subjects": [{"kind": "User", "name": user}]},
            "stageTimestamp": iso(ts)}


def noise_k8s(i, ts):
    return {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "auditID": "n-%d" % i,
            "stage": "ResponseComplete", "verb": "get", "requestURI": "/api/v1/namespaces/default/pods",
            "user": {"username": "system:kube-scheduler", "groups": []}, "sourceIPs": ["10.0.0.2"],
            "objectRef": {"resource": "pods", "namespace": "default", "apiVersion": "v1"},
            "responseStatus": {"code": 200}, "stageTimestamp": iso(ts)}


def write_inputs(tmp):
    tl = [{"ts": T0 + i * 10**7, "event": "Noise", "user": "svc"} for i in range(9000)]
    tl += [
        login(T0 + 1 * S, "x1", outcome="Failure", ip="10.9.9.9"),
        login(T0 + 2 * S, "x2", outcome="Failure", ip="10.9.9.9"),
        login(T0 + 3 * S, "x3", outcome="Failure", ip="10.9.9.9"),   # brute force: 3 in 60 s
        login(T0 + 4 * S, "x4", outcome="Failure", ip="10.9.9.9"),   # a new window starts
        login(T0 + 6 * S, "y1", outcome="Failure", ip="10.8.8.8"),
        login(T0 + 7 * S, "y2", outcome="Failure", ip="10.8.8.8"),   # only two
        login(T0 + 5 * S, "bob", ip="10.0.0.5"),                     # binding 65 s later
        login(T0 + 10 * S, "alice", ip="10.0.0.7"),                  # binding 30 s later
        login(T0 + 12 * S, "dave", mfa="Yes"),                       # with MFA
        login(T0 + 30 * S, "carol"),                                 # binding came first
        login(T0 + 45 * S, "erin", ip="10.0.0.9"),                   # binding 5 s later, written late
    ]
    tl.sort(key=lambda e: e["ts"])
    k8s = [(T0 + i * 3 * 10**7, noise_k8s(i, T0 + i * 3 * 10**7)) for i in range(3000)]
    k8s += [(T0 + 70 * S, binding(1, T0 + 70 * S, "bob")),
            (T0 + 40 * S, binding(2, T0 + 40 * S, "alice")),
            (T0 + 15 * S, binding(3, T0 + 15 * S, "dave")),
            (T0 + 20 * S, binding(4, T0 + 20 * S, "carol")),
            (T0 + 41 * S, binding(5, T0 + 41 * S, "alice", role="view"))]
    k8s.sort(key=lambda p: p[0])
    # erin's binding is written 1.5 s after its time (within the 2 s lateness)
    late = binding(6, T0 + 50 * S, "erin")
    pos = next(i for i, p in enumerate(k8s) if p[0] > T0 + 51500 * 10**6)
    k8s.insert(pos, (T0 + 50 * S, late))
    tlp, kap = os.path.join(tmp, "timeline.jsonl"), os.path.join(tmp, "audit.jsonl")
    with open(tlp, "w") as f:
        for e in tl:
            f.write(json.dumps(e) + "\n")
    with open(kap, "w") as f:
        for _, e in k8s:
            f.write(json.dumps(e) + "\n")
    return tlp, kap


def run(tmp, cfg, corr):
    p = subprocess.run([SAKER, "-c", cfg, "-r", corr], capture_output=True, text=True,
                       timeout=300)
    alerts = []
    for line in p.stdout.splitlines():
        if line.startswith("{"):
            a = json.loads(line)
            if a.get("source") == "correlation":
                alerts.append(a)
    return p.returncode, alerts, p.stderr


def main():
    if not (SAKER and TL and KA and JS):
        print("SKIP: SAKER_BIN, TL_PLUGIN, KA_PLUGIN and JSON_PLUGIN are required")
        return 77
    T = Checker(detail_max=2000)
    with tempfile.TemporaryDirectory() as tmp:
        tlp, kap = write_inputs(tmp)
        corr = os.path.join(tmp, "corr.yaml")
        with open(corr, "w") as f:
            f.write(CORR)
        cfg = os.path.join(tmp, "saker.yaml")
        with open(cfg, "w") as f:
            json.dump({"plugins": [
                {"name": "k8saudit", "library_path": KA, "init_config": {}, "open_params": kap},
                {"name": "json", "library_path": JS, "init_config": {}},
                {"name": "timeline", "library_path": TL, "init_config": {}, "open_params": tlp}],
                "load_plugins": ["k8saudit", "json", "timeline"], "rules_files": [],
                "json_output": True, "webserver": {"enabled": False},
                "correlation": {"idle_timeout_ms": 600000, "lateness_ms": 2000}}, f)
        v = subprocess.run([SAKER, "-c", cfg, "-V", corr], capture_output=True, text=True)
        T.check("saker -V accepts the correlations", v.returncode == 0, v.stdout + v.stderr)
        want = [
            ("Console brute force", None,
             "console brute force from 10.9.9.9 (last user=x3)"),
            ("Console login without MFA then cluster-admin binding", None,
             "login without MFA then cluster-admin binding (user=alice ip=10.0.0.7 binding=crb-alice)"),
            ("Console login without MFA then cluster-admin binding", None,
             "login without MFA then cluster-admin binding (user=erin ip=10.0.0.9 binding=crb-erin)"),
        ]
        first = None
        for i in range(RUNS):
            rc, alerts, err = run(tmp, cfg, corr)
            if i == 0:
                T.check("saker exits 0", rc == 0, err[-2000:])
                # "output" is "<time>: <Priority> <text>", as for rule alerts
                got = [(a["rule"], a["output"].split(" ", 2)[2]) for a in alerts]
                T.check("exactly the expected correlated alerts",
                        got == [(w[0], w[2]) for w in want], got)
                if alerts:
                    a = alerts[1] if len(alerts) > 1 else alerts[0]
                    T.check("alert shape: priority, source, tags",
                            a["priority"] == "Critical" and a["source"] == "correlation"
                            and a.get("tags") == ["cloud", "k8s"], a)
                    st = a.get("steps", [])
                    T.check("steps name both events",
                            len(st) == 2 and st[0]["source"] == "timeline"
                            and st[1]["source"] == "k8s_audit"
                            and st[0]["time"] == iso(T0 + 10 * S)[:-1] + "000Z"
                            and st[1]["fields"].get("ka.user.name") == "alice", st)
                    T.check("output_fields carry the tokens",
                            a["output_fields"].get("key[0]") == "alice"
                            and a["output_fields"].get("steps[0].tl.f[ip]") == "10.0.0.7",
                            a["output_fields"])
                    T.check("alert time is the last step's", a["time"] == iso(T0 + 40 * S)[:-1] + "000Z",
                            a["time"])
                first = [json.dumps(x, sort_keys=True) for x in alerts]
                continue
            same = [json.dumps(x, sort_keys=True) for x in alerts] == first
            if not same:
                T.check("run %d identical to run 1" % (i + 1), False,
                        [(a["rule"], a["output"]) for a in alerts])
                break
        else:
            T.check("%d runs give identical correlated alerts" % RUNS, True)
    T.finish()


if __name__ == "__main__":
    sys.exit(main())
