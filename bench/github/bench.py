#!/usr/bin/env python3
"""Signed GitHub deliveries/s through the github plugin's receiver
(HMAC-SHA256 verification, de-duplication) and the upstream github.yaml
rules, through the real saker binary.

Two runs in the same invocation, same deliveries, same load generator
(bench/github/ghload.c: keep-alive connections, one request in flight
each, pre-signed bodies, a unique X-GitHub-Delivery per request):
  verified    libgithub.so: every delivery's X-Hub-Signature-256 checked
  baseline    libgithub_noverify.so: the same plugin built with the check
              compiled out (bench only), everything else identical
Each run ends with a sentinel delivery; the run's time stops when its alert
appears (one FIFO queue: every earlier delivery went through the rules).
Reported: deliveries/s (accepted / time to the sentinel alert), p50/p99
request latency, verified/baseline, and saker's CPU time per delivery (from
/proc: less sensitive to other load on the machine than the wall-clock rate).

Usage: bench.py --saker BIN --plugin SO --noverify SO --ghload BIN --rules github.yaml
                [--fixtures DIR] [--seconds 10] [--connections 16] [--rounds 3]
  --rounds: alternating verified/baseline pairs; medians reported
Prints a table and one JSON line (prefix RESULT).
"""
import hashlib
import hmac
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "lib"))
import sktest  # noqa: E402

SECRET = "bench-webhook-secret"
SENTINEL_RULE = """
- rule: Bench Sentinel
  desc: marks the end of a benchmark run
  condition: github.type = bench_sentinel
  output: bench sentinel seen %github.user
  priority: EMERGENCY
  source: github
"""


def repo(i, private=True):
    return {"id": 1000 + i, "name": "svc-%d" % i, "full_name": "acme/svc-%d" % i,
            "private": private, "html_url": "https://github.com/acme/svc-%d" % i,
            "description": "service %d" % i, "owner": {"login": "acme", "id": 1, "type": "Organization"},
            "default_branch": "main", "visibility": "private" if private else "public"}


def mix(fixtures):
    """(event, body) pairs: mostly pushes, pull requests and issues (no
    rule), with the deliveries upstream rules match in between."""
    org, snd = {"login": "acme", "id": 1}, {"login": "dev", "id": 2}
    out = []
    for i in range(6):
        commits = [{"id": "%040x" % (i * 10 + k), "message": "change %d" % k,
                    "added": ["src/new_%d.go" % k], "modified": ["src/main.go", "README.md"],
                    "removed": [], "author": {"name": "Dev", "email": "dev@example.com"}}
                   for k in range(3)]
        out.append(("push", {"ref": "refs/heads/main", "before": "%040x" % i,
                             "after": "%040x" % (i + 1), "commits": commits,
                             "head_commit": commits[-1], "repository": repo(i),
                             "organization": org, "sender": snd, "pusher": {"name": "dev"}}))
        out.append(("pull_request", {"action": "opened", "number": i, "pull_request": {
            "title": "Fix %d" % i, "body": "x" * 800, "state": "open", "user": snd},
            "repository": repo(i), "organization": org, "sender": snd}))
        out.append(("issues", {"action": "opened", "issue": {"title": "Bug %d" % i,
                                                             "body": "y" * 600},
                               "repository": repo(i), "organization": org, "sender": snd}))
    out.append(("member", {"action": "added", "member": {"login": "eve"},
                           "changes": {"permission": {"to": "write"}}, "repository": repo(1),
                           "organization": org, "sender": snd}))
    out.append(("repository", {"action": "created", "repository": repo(2, False),
                               "organization": org, "sender": snd}))
    for name, ev in (("repository_publicized.payload.json", "repository"),
                     ("deploy_key_created.payload.json", "deploy_key")):
        p = os.path.join(fixtures, name)
        if os.path.exists(p):
            with open(p) as f:
                out.append((ev, json.load(f)))
    return out


def sign(body):
    return "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()


def run(args, tmp, name, plugin, files):
    port = sktest.free_port()
    cfg = os.path.join(tmp, name + ".yaml")
    with open(cfg, "w") as f:
        json.dump({"plugins": [{"name": "github", "library_path": plugin,
                                "init_config": {"secret": SECRET, "webhook_threads": 2,
                                                "batch_max_events": 512},
                                "open_params": "http://127.0.0.1:%d/github" % port}],
                   "load_plugins": ["github"], "rules_files": [], "json_output": True,
                   "webserver": {"enabled": False}}, f)
    srule = os.path.join(tmp, "sentinel.yaml")
    with open(srule, "w") as f:
        f.write(SENTINEL_RULE)
    proc = subprocess.Popen([args.saker, "-c", cfg, "-r", args.rules, "-r", srule],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    st = {"alerts": 0, "sentinel": None}
    done = threading.Event()

    def reader():
        for line in proc.stdout:
            if "bench sentinel seen" in line:
                st["sentinel"] = time.time()
                done.set()
            elif line.startswith("{"):
                st["alerts"] += 1

    threading.Thread(target=reader, daemon=True).start()
    if not sktest.wait_port(port, 30):
        proc.kill()
        raise SystemExit("saker did not open the webhook for run " + name)
    t0 = time.time()
    load = subprocess.run([args.ghload, str(port), str(args.seconds), str(args.connections),
                           SECRET] + files, capture_output=True, text=True, timeout=args.seconds + 120)
    res = json.loads(load.stdout.strip().splitlines()[-1])
    body = json.dumps({"sender": {"login": "bench"}}).encode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("POST", "/github", body=body, headers={
        "Content-Type": "application/json", "X-GitHub-Event": "bench_sentinel",
        "X-GitHub-Delivery": "sentinel-" + name, "X-Hub-Signature-256": sign(body)})
    conn.getresponse().read()
    conn.close()
    ok = done.wait(300)
    with open("/proc/%d/stat" % proc.pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    sktest.terminate(proc, 60)
    if not ok:
        raise SystemExit("run %s: sentinel alert never seen" % name)
    el = st["sentinel"] - t0
    res.update(name=name, rate=res["ok"] / el, wall=el, alerts=st["alerts"],
               cpu_us=cpu * 1e6 / max(res["ok"], 1))
    return res


def main():
    # --rounds: alternating verified/baseline pairs; medians reported
    args = sktest.parse_args("saker", "plugin", "noverify", "ghload", "rules", fixtures="",
                             seconds=10.0, connections=16, rounds=3)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, (ev, body) in enumerate(mix(args.fixtures)):
            p = os.path.join(tmp, "body-%02d.json" % i)
            with open(p, "w") as f:
                json.dump(body, f)
            files.append("%s:%s" % (ev, p))
        sizes = [os.path.getsize(x.split(":", 1)[1]) for x in files]
        print("deliveries: %d bodies, %d-%d bytes (mean %d)" % (
            len(files), min(sizes), max(sizes), sum(sizes) // len(sizes)))
        fulls, bases = [], []
        for r in range(args.rounds):
            fulls.append(run(args, tmp, "verified", args.plugin, files))
            bases.append(run(args, tmp, "baseline", args.noverify, files))
    print("%-10s %12s %9s %9s %8s %8s %8s %14s" % ("run", "deliveries/s", "p50 ms", "p99 ms",
                                                   "ok", "non-200", "alerts", "saker CPU us/d"))
    for r in [x for pair in zip(fulls, bases) for x in pair]:
        print("%-10s %12.0f %9.2f %9.2f %8d %8d %8d %14.1f" % (
            r["name"], r["rate"], r["p50_ms"], r["p99_ms"], r["ok"],
            r["other_status"] + r["errors"], r["alerts"], r["cpu_us"]))

    def med(rs, k):
        v = sorted(x[k] for x in rs)
        return v[len(v) // 2]
    ratios = sorted(f["rate"] / b["rate"] for f, b in zip(fulls, bases) if b["rate"])
    ratio = ratios[len(ratios) // 2] if ratios else 0
    rate = med(fulls, "rate")
    print("median verified %.0f/s (p99 %.2f ms), baseline %.0f/s (p99 %.2f ms); "
          "verified / baseline (median of pairs): %.3f" % (
              rate, med(fulls, "p99_ms"), med(bases, "rate"), med(bases, "p99_ms"), ratio))
    print("saker CPU per delivery: verified %.1f us, baseline %.1f us "
          "(deliveries per saker CPU-second: %.0f verified, %.0f baseline; the machine's load "
          "bounds the wall-clock rate)" % (med(fulls, "cpu_us"), med(bases, "cpu_us"),
                                           1e6 / med(fulls, "cpu_us"), 1e6 / med(bases, "cpu_us")))
    print("RESULT " + json.dumps({"verified_per_s": round(rate),
                                  "baseline_per_s": round(med(bases, "rate")),
                                  "ratio": round(ratio, 3), "p99_ms": round(med(fulls, "p99_ms"), 2),
                                  "baseline_p99_ms": round(med(bases, "p99_ms"), 2),
                                  "cpu_us_per_delivery": round(med(fulls, "cpu_us"), 1),
                                  "baseline_cpu_us_per_delivery": round(med(bases, "cpu_us"), 1),
                                  "best_verified_per_s": round(max(x["rate"] for x in fulls)),
                                  "verified_per_cpu_s": round(1e6 / med(fulls, "cpu_us")),
                                  "load_avg_1m": os.getloadavg()[0],
                                  "target_met": rate >= 20000}))


if __name__ == "__main__":
    main()
