#!/usr/bin/env python3
"""Okta System Log throughput: events/s from a local fake Okta API
(tests/okta/fake_okta.py) through the okta plugin (HTTP, paging, decoding),
field extraction and the upstream okta_rules.yaml in saker, compared with
parsing the same events with jansson alone (bench/okta/jsonparse.c), measured
in the same run.

usage: bench.py --saker build/engine/cli/saker --okta build/plugins/okta/libokta.so
                --jsonparse build/bench/okta/okta_jsonparse
                --rules ../shared/upstream/rules/okta_rules.yaml [--events 100000] [--runs 3]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "okta"))
import oklib  # noqa: E402

T0 = 1796000000.0
TYPES = ["user.session.start", "user.authentication.sso", "policy.evaluate_sign_on",
         "user.authentication.auth_via_mfa", "app.oauth2.token.grant", "user.session.end",
         "user.authentication.verify", "system.push.send_factor_verify_push"]


def make(n):
    """n events, 50 per second; 1 in 500 matches an enabled upstream rule."""
    out = []
    for i in range(n):
        t = TYPES[i % len(TYPES)]
        if i % 500 == 7:
            t = "user.account.lock"
        out.append(oklib.event(i, T0 + i / 50.0, t,
                               targets=[{"id": "0oa%d" % i, "type": "AppInstance",
                                         "alternateId": "Google Workspace",
                                         "displayName": "Google Workspace"}]))
    return out


def run_saker(a, tmp, port, n):
    cfg = {"organization": "bench", "base_url": "http://127.0.0.1:%d" % port,
           "api_token": "bench-token", "since": oklib.rfc3339(T0 - 1),
           "until": oklib.rfc3339(T0 + n / 50.0 + 10), "page_size": 1000,
           "batch_max_events": 1000, "refresh_interval": 0}
    path = os.path.join(tmp, "saker.json")
    with open(path, "w") as f:
        json.dump({"plugins": [{"name": "okta", "library_path": a.okta, "init_config": cfg,
                                "open_params": ""}],
                   "load_plugins": ["okta"], "rules_files": [], "json_output": True,
                   "webserver": {"enabled": False}}, f)
    t0 = time.time()
    p = subprocess.run([a.saker, "-c", path, "-r", a.rules], capture_output=True, text=True,
                       timeout=600)
    dt = time.time() - t0
    alerts = sum(1 for line in p.stdout.splitlines() if line.startswith("{"))
    if p.returncode != 0:
        sys.exit("saker failed: %s" % p.stderr[-2000:])
    return dt, alerts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--saker", required=True)
    ap.add_argument("--okta", required=True)
    ap.add_argument("--jsonparse", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    evs = make(a.events)
    want = sum(1 for e in evs if e["eventType"] == "user.account.lock")
    with tempfile.TemporaryDirectory() as tmp:
        evfile = os.path.join(tmp, "events.json")
        with open(evfile, "w") as f:
            json.dump(evs, f)
        nd = os.path.join(tmp, "events.ndjson")
        with open(nd, "w") as f:
            for e in evs:
                f.write(json.dumps(e, separators=(",", ":")) + "\n")
        fake = subprocess.Popen([sys.executable, os.path.join(HERE, "..", "..", "tests", "okta",
                                                              "fake_okta.py"),
                                 "--events", evfile, "--token", "bench-token"],
                                stdout=subprocess.PIPE, text=True)
        line = fake.stdout.readline()
        if not line.startswith("PORT "):
            sys.exit("fake Okta did not start")
        port = int(line.split()[1])
        try:
            best_s, best_j = None, None
            for r in range(a.runs):
                dt, alerts = run_saker(a, tmp, port, a.events)
                if alerts != want and os.path.basename(a.rules) == "okta_rules.yaml":
                    sys.exit("run %d: %d alerts, expected %d" % (r, alerts, want))
                rate = a.events / dt
                jp = json.loads(subprocess.run([a.jsonparse, nd], capture_output=True,
                                               text=True, check=True).stdout)
                print("run %d: saker %.0f events/s (%.2f s, %d alerts); jansson parse alone "
                      "%.0f events/s" % (r + 1, rate, dt, alerts, jp["events_per_s"]))
                best_s = max(best_s or 0, rate)
                best_j = max(best_j or 0, jp["events_per_s"])
        finally:
            fake.terminate()
            fake.wait(10)
    print(json.dumps({"events": a.events, "saker_events_per_s": round(best_s),
                      "json_parse_events_per_s": round(best_j),
                      "ratio_saker_to_json_parse": round(best_s / best_j, 3),
                      "target_events_per_s": 50000,
                      "target_met": best_s >= 50000}))


if __name__ == "__main__":
    main()
