#!/usr/bin/env python3
"""okta plugin error handling through saker against the fake System Log API:
wrong token (401), wrong organization (404), invalid JSON and a truncated
body each give a clear message and a retry, never a crash, and the token is
never printed; after invalid JSON / truncation the events still arrive once."""
import collections
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oklib  # noqa: E402
from oklib import FakeOkta, Saker, event  # noqa: E402

C = oklib.sktest.Checker(detail_max=800)
T0 = 1796000000.0
WRONG = "00Tk-WRONG-0123456789abcdefABCDEF"


def events(n=30):
    return [event(i, T0 + i // 3, "user.session.start") for i in range(n)]


def cfg(port, token=oklib.TOKEN, path=""):
    return {"organization": "acme", "base_url": "http://127.0.0.1:%d%s" % (port, path),
            "api_token": token, "since": oklib.rfc3339(T0 - 5), "page_size": 10,
            "refresh_interval": 0, "idle_wait_ms": 50, "backoff_initial_ms": 100,
            "backoff_max_ms": 1000, "auth_retry_ms": 200}


def run_refused(tmp, rules, name, token, path, status, words):
    fake = FakeOkta(events(), token=oklib.TOKEN).start()
    s = Saker(tmp, cfg(fake.port, token, path), rules, name)
    retried = oklib.wait_until(lambda: sum(1 for r in fake.requests if r["status"] == status)
                               >= 3, 60)
    alive = s.proc.poll() is None
    rc = s.stop()
    out = s.output()
    C.check("%s: refused requests retried (HTTP %d x3)" % (name, status), retried,
            str([r["status"] for r in fake.requests]))
    C.check("%s: saker still running while retrying, clean exit" % name, alive and rc == 0,
            "alive=%s rc=%r stderr=%s" % (alive, rc, "".join(s.err)[-600:]))
    C.check("%s: clear message naming the organization" % name,
            all(w in out for w in words) and "'acme'" in out, out[-800:])
    C.check("%s: no event, no alert" % name, not s.alerts, str(s.alerts[:2]))
    C.check("%s: token never printed" % name, token not in out and oklib.TOKEN not in out,
            "token in output")
    fake.stop()


def run_recovers(tmp, rules, name, fault, words):
    evs = events()
    fake = FakeOkta(evs, token=oklib.TOKEN).start()
    fake.faults = {1: fault, 2: fault, 4: fault}
    s = Saker(tmp, cfg(fake.port), rules, name)
    ok = s.wait_for(lambda s: len(s.seen()) >= len(evs), 60)
    n0 = len(fake.requests)
    oklib.wait_until(lambda: len(fake.requests) >= n0 + 3, 30)
    rc = s.stop()
    out = s.output()
    u = [a["output_fields"]["okta.uuid"] for a in s.seen()]
    C.check("%s: all events after the retries, each once" % name,
            ok and sorted(u) == sorted(e["uuid"] for e in evs) and
            max(collections.Counter(u).values()) == 1, "n=%d" % len(u))
    C.check("%s: the bad responses were retried" % name,
            [r["status"] for r in fake.requests][:2] == [fault, fault],
            str([r["status"] for r in fake.requests][:6]))
    C.check("%s: clear message" % name, all(w in out for w in words), out[-800:])
    C.check("%s: clean exit" % name, rc == 0, "rc=%r" % rc)
    C.check("%s: token never printed" % name, oklib.TOKEN not in out, "token in output")
    fake.stop()


def bad_checkpoint_dir(tmp, rules):
    c = cfg(1, oklib.TOKEN)
    c["checkpoint_file"] = os.path.join(tmp, "no", "such", "dir", "ck.json")
    s = Saker(tmp, c, rules, "badckpt")
    try:
        rc = s.proc.wait(60)
    except subprocess.TimeoutExpired:
        rc = "still running"
    s.stop()
    out = s.output()
    C.check("checkpoint directory missing: saker refuses to start, naming the file",
            rc not in (0, "timeout") and "checkpoint_file" in out and "not writable" in out,
            "rc=%r %s" % (rc, out[-500:]))
    C.check("checkpoint directory missing: token never printed", oklib.TOKEN not in out, "")


def main():
    oklib.need_binaries()
    with tempfile.TemporaryDirectory() as tmp:
        rules = [oklib.write(os.path.join(tmp, "all.yaml"), oklib.CATCH_ALL)]
        run_refused(tmp, rules, "wrong token", WRONG, "", 401,
                    ["HTTP 401", "API token was refused", "Invalid token provided", "retrying"])
        run_refused(tmp, rules, "wrong organization", oklib.TOKEN, "/wrongorg", 404,
                    ["HTTP 404", "check organization or base_url", "retrying"])
        run_recovers(tmp, rules, "invalid JSON", "badjson",
                     ["invalid JSON in the System Log response from 'acme'", "retrying"])
        bad_checkpoint_dir(tmp, rules)
        run_recovers(tmp, rules, "truncated body", "truncated",
                     ["request to the System Log of 'acme' failed", "retrying"])
    C.finish()


if __name__ == "__main__":
    main()
