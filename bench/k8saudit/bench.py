#!/usr/bin/env python3
"""Sustained k8s audit throughput: webhook -> parse -> rules, through the real
saker binary with the k8saudit + json plugins.

Two runs in the same invocation, same event mix, same load generator:
  full      upstream k8s_audit_rules.yaml loaded (plus the sentinel rule)
  baseline  only the sentinel rule (one cheap ka.auditid check): saker accepts,
            parses and queues each body, builds the events and discards them
Each run: sender processes post pre-built EventList bodies (kube-apiserver
style batches) over keep-alive connections for --seconds, recording every
request's latency; then a sentinel event is posted and the run ends when its
alert appears. The queue is FIFO, so that alert proves every earlier event
went through the rules. A 503 (queue full) is retried after 5 ms, like
kube-apiserver's webhook backend retries. Reported: events/s (accepted events /
time until the sentinel alert), p50/p99 latency of every request (503s
included), the number of 503s, and full/baseline ratios.

Usage: bench.py --saker BIN --k8saudit SO --json SO --rules k8s_audit_rules.yaml
                [--seconds 10] [--senders 2] [--connections 4] [--batch 100]
Stdlib only; prints a table and one JSON line (prefix RESULT).
"""
import argparse
import http.client
import json
import multiprocessing as mp
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "lib"))
import sktest  # noqa: E402

USERS = ["system:serviceaccount:kube-system:replicaset-controller", "system:kube-scheduler",
         "system:node:worker-1", "minikube-user", "system:serviceaccount:default:app"]
# verb mix of a busy cluster: reads and status updates dominate
VERBS = (["get"] * 40 + ["list"] * 15 + ["watch"] * 15 + ["update"] * 15 + ["patch"] * 10 +
         ["create"] * 3 + ["delete"] * 2)
RESOURCES = ["pods", "configmaps", "deployments", "leases", "endpoints", "services", "nodes"]


def make_event(i):
    """A realistic audit event (~1.2 KB): mostly control-plane traffic, a few
    pod creations with a container spec, 1% exec sessions."""
    res = RESOURCES[i % len(RESOURCES)]
    verb = VERBS[(i * 37) % len(VERBS)]
    ev = {
        "kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Request",
        "auditID": "bench-%08d-4c1a-9f0e-%012d" % (i, i), "stage": "ResponseComplete",
        "requestURI": "/api/v1/namespaces/default/%s/obj-%d?timeout=30s" % (res, i % 97),
        "verb": verb, "user": {"username": USERS[i % len(USERS)],
                               "groups": ["system:authenticated", "system:masters"]},
        "sourceIPs": ["10.0.%d.%d" % (i % 250, (i * 7) % 250)],
        "userAgent": "kube-controller-manager/v1.29.2 (linux/amd64) kubernetes/4b8e819",
        "objectRef": {"resource": res, "namespace": "default", "name": "obj-%d" % (i % 97),
                      "apiVersion": "v1"},
        "responseStatus": {"metadata": {}, "code": 200},
        "requestReceivedTimestamp": "2024-06-01T10:00:00.000000Z",
        "stageTimestamp": "2024-06-01T10:00:%02d.%06dZ" % ((i // 1000000) % 60, i % 1000000),
        "annotations": {"authorization.k8s.io/decision": "allow",
                        "authorization.k8s.io/reason": "RBAC: allowed by ClusterRoleBinding"},
    }
    if i % 10 == 0:
        ev["verb"], ev["objectRef"]["resource"] = "create", "pods"
        ev["requestObject"] = {"kind": "Pod", "spec": {"containers": [
            {"name": "app", "image": "registry.example.com/team/app:1.%d" % (i % 9),
             "securityContext": {"runAsUser": 1000}}]}}
    if i % 100 == 1:
        ev["stage"], ev["verb"] = "ResponseStarted", "create"
        ev["objectRef"].update(resource="pods", subresource="exec")
        ev["requestURI"] = "/api/v1/namespaces/default/pods/obj-1/exec?command=sh"
    return ev


SENTINEL_RULE = """
- rule: Bench Sentinel
  desc: marks the end of a benchmark run
  condition: ka.auditid = "bench-sentinel"
  output: bench sentinel seen %ka.auditid
  priority: EMERGENCY
  source: k8s_audit
"""


def connect(port):
    """Keep-alive connection with TCP_NODELAY, as Go's net/http (kube-apiserver)
    uses; without it Nagle + delayed ACK add ~40 ms to every large POST."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.connect()
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def sender(port, bodies, nevents, seconds, out_q, start_evt):
    conn = connect(port)
    lat, accepted, rejected, k, st = [], 0, 0, 0, 200
    start_evt.wait()
    end = time.time() + seconds
    while time.time() < end:
        if st == 503:
            time.sleep(0.005)  # queue full: back off and resend, as kube-apiserver retries
        else:
            body = bodies[k % len(bodies)]
            k += 1
        t0 = time.perf_counter()
        try:
            conn.request("POST", "/k8s-audit", body=body,
                         headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            st = r.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = connect(port)
            st = 0
        lat.append(time.perf_counter() - t0)
        if st == 200:
            accepted += nevents
        else:
            rejected += 1
    conn.close()
    out_q.put((accepted, rejected, lat))


def sender_proc(port, bodies, nevents, seconds, conns, out_q, start_evt):
    q = queue.Queue()
    ths = [threading.Thread(target=sender, args=(port, bodies, nevents, seconds, q, start_evt))
           for _ in range(conns)]
    for t in ths:
        t.start()
    for t in ths:
        t.join()
    acc, rej, lat = 0, 0, []
    while not q.empty():
        a, r, l = q.get()
        acc, rej, lat = acc + a, rej + r, lat + l
    out_q.put((acc, rej, lat))


free_port = sktest.free_port


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def run(args, tmp, name, rules_files):
    port = free_port()
    cfg = os.path.join(tmp, name + ".yaml")
    init = {"queueMaxEvents": 200000, "webhookThreads": 2, "batchMaxEvents": 512}
    with open(cfg, "w") as f:
        json.dump({"plugins": [
            {"name": "k8saudit", "library_path": args.k8saudit, "init_config": init,
             "open_params": "http://127.0.0.1:%d/k8s-audit" % port},
            {"name": "json", "library_path": args.json, "init_config": {}}],
            "load_plugins": ["k8saudit", "json"], "rules_files": [], "json_output": True,
            "webserver": {"enabled": False}}, f)
    cmd = [args.saker, "-c", cfg]
    for r in rules_files:
        cmd += ["-r", r]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    alerts = {"n": 0, "sentinel": None}

    def reader():
        for line in proc.stdout:
            if "bench-sentinel" in line:
                alerts["sentinel"] = time.time()
            elif line.startswith("{"):
                alerts["n"] += 1

    rt = threading.Thread(target=reader, daemon=True)
    rt.start()
    if not sktest.wait_port(port, 10):
        proc.kill()
        raise SystemExit("saker did not open the webhook for run " + name)
    bodies = []
    for b in range(16):
        items = [make_event(b * args.batch + i) for i in range(args.batch)]
        bodies.append(json.dumps({"kind": "EventList", "apiVersion": "audit.k8s.io/v1",
                                  "items": items}).encode())
    out_q, start_evt = mp.Queue(), mp.Event()
    procs = [mp.Process(target=sender_proc, args=(port, bodies, args.batch, args.seconds,
                                                  args.connections, out_q, start_evt))
             for _ in range(args.senders)]
    for p in procs:
        p.start()
    time.sleep(0.3)
    t0 = time.time()
    start_evt.set()
    res = [out_q.get() for _ in procs]
    for p in procs:
        p.join()
    sentinel = json.dumps(dict(make_event(7), auditID="bench-sentinel"))
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("POST", "/k8s-audit", body=sentinel, headers={"Content-Type": "application/json"})
    c.getresponse().read()
    deadline = time.time() + 300
    while alerts["sentinel"] is None and time.time() < deadline:
        time.sleep(0.01)
    t_end = alerts["sentinel"] or time.time()
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    rt.join(timeout=5)
    acc = sum(r[0] for r in res)
    rej = sum(r[1] for r in res)
    lat = [x for r in res for x in r[2]]
    elapsed = t_end - t0
    return {"run": name, "events": acc, "rejected_requests": rej,
            "elapsed_s": round(elapsed, 3), "events_per_s": round(acc / elapsed, 1),
            "requests": len(lat), "p50_ms": round(pct(lat, 50) * 1000, 2),
            "p99_ms": round(pct(lat, 99) * 1000, 2), "alerts": alerts["n"],
            "sentinel_seen": alerts["sentinel"] is not None}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--saker", required=True)
    ap.add_argument("--k8saudit", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--rules", required=True, help="upstream k8s_audit_rules.yaml")
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--senders", type=int, default=2)
    ap.add_argument("--connections", type=int, default=4)
    ap.add_argument("--batch", type=int, default=100)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="saker-bench-") as tmp:
        sent = os.path.join(tmp, "sentinel.yaml")
        with open(sent, "w") as f:
            f.write(SENTINEL_RULE)
        base = run(args, tmp, "baseline", [sent])
        full = run(args, tmp, "full", [args.rules, sent])
    print("%-9s %10s %8s %9s %9s %8s %7s" % ("run", "events/s", "events", "p50 ms", "p99 ms",
                                            "alerts", "rej"))
    for r in (base, full):
        print("%-9s %10.0f %8d %9.2f %9.2f %8d %7d" % (
            r["run"], r["events_per_s"], r["events"], r["p50_ms"], r["p99_ms"], r["alerts"],
            r["rejected_requests"]))
    ratio = full["events_per_s"] / base["events_per_s"] if base["events_per_s"] else 0
    print("full/baseline throughput ratio: %.3f   p99 ratio: %.2f" % (
        ratio, full["p99_ms"] / base["p99_ms"] if base["p99_ms"] else 0))
    print("RESULT " + json.dumps({"baseline": base, "full": full,
                                  "throughput_ratio": round(ratio, 3),
                                  "batch_events": args.batch, "seconds": args.seconds,
                                  "cpus": os.cpu_count()}))
    ok = base["sentinel_seen"] and full["sentinel_seen"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
