#!/usr/bin/env python3
"""okta plugin end to end through saker against the fake System Log API:
2,500 events over pages with next links (several events in the same second
at every page boundary), a 429 with a reset time and a 500 on the way:
every event evaluated exactly once, the upstream alerts exactly those of the
matching events; restart on the checkpoint reads nothing again; SIGKILL in
the middle of the stream and restart skips nothing."""
import collections
import json
import os
import re
import signal
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oklib  # noqa: E402
from oklib import FakeOkta, Saker, event  # noqa: E402

C = oklib.sktest.Checker(detail_max=600)
T0 = 1796000000.0  # 2026-11-30, whole second


def make_events(n, first=0, t0=T0):
    """7 events per second, so every 100-event page boundary falls inside a
    second; a sprinkling of types the upstream rules match; MFA series."""
    evs = []
    for i in range(first, first + n):
        ts = t0 + i // 7
        kind = i % 40
        actor, result = None, "SUCCESS"
        etype = ["user.session.start", "user.authentication.sso", "policy.lifecycle.update",
                 "user.session.end"][i % 4]
        if kind == 5:
            etype = "user.account.lock"
        elif kind == 11:
            etype = "system.api_token.create"
        elif kind == 17 and i % 3 == 0:
            etype = "user.session.impersonation.initiate"
        elif kind == 23:
            etype = "user.mfa.factor.deactivate"
        elif kind == 29:
            etype = "user.account.privilege.grant"
        if i in (500, 510, 520, 530):        # 4 failures within 5 min: 3rd, 4th fire
            etype, actor, result = "user.authentication.auth_via_mfa", "00umfa1", "FAILURE"
        if i == 515:                          # a success in between does not count
            etype, actor = "user.authentication.auth_via_mfa", "00umfa1"
        if i in (100, 2400, 2450):            # near miss: spread over > 5 min
            etype, actor, result = "user.authentication.auth_via_mfa", "00umfa2", "FAILURE"
        if i in (800, 808, 816):              # 3 push denies: the 3rd fires
            etype, actor, result = "user.mfa.okta_verify.deny_push", "00udeny", "FAILURE"
        if i in (1500, 1508):                 # 2 denies only: near miss
            etype, actor, result = "user.mfa.okta_verify.deny_push", "00udeny2", "FAILURE"
        evs.append(event(i, ts, etype, actor_id=actor, result=result))
    return evs


def init_config(port, ckpt, **kw):
    c = {"organization": "acme", "base_url": "http://127.0.0.1:%d" % port,
         "api_token": oklib.TOKEN, "since": oklib.rfc3339(T0 - 5), "page_size": 100,
         "refresh_interval": 0, "idle_wait_ms": 100, "backoff_initial_ms": 100,
         "backoff_max_ms": 5000, "auth_retry_ms": 300, "checkpoint_file": ckpt}
    c.update(kw)
    return c


def read_metrics(port):
    """saker_plugin_okta_* values from /metrics, keyed without the prefix."""
    try:
        body = urllib.request.urlopen("http://127.0.0.1:%d/metrics" % port, timeout=5).read()
    except OSError:
        return {}
    out = {}
    for line in body.decode().splitlines():
        m = re.match(r"saker_plugin_(okta_\w+)\{[^}]*\} (\S+)", line)
        if m:
            out[m.group(1)] = int(float(m.group(2)))
    return out


def alert_pairs(alerts):
    return collections.Counter((a["rule"], a.get("output_fields", {}).get("okta.actor.name"))
                               for a in alerts if a.get("rule") != "Okta event seen")


def uuids(s):
    return [a["output_fields"]["okta.uuid"] for a in s.seen()]


def test_stream_and_restart(tmp, rules):
    events = make_events(2500)
    fake = FakeOkta(events, token=oklib.TOKEN).start()
    fake.faults = {3: "429", 8: "500"}
    ckpt = os.path.join(tmp, "ckpt-stream.json")
    wport = oklib.sktest.free_port()
    web = {"webserver": {"enabled": True, "listen_address": "127.0.0.1", "listen_port": wport,
                         "prometheus_metrics_enabled": True}, "metrics": {"enabled": True}}
    s = Saker(tmp, init_config(fake.port, ckpt), rules, "stream", extra_cfg=web)
    ok = s.wait_for(lambda s: len(s.seen()) >= 2500, 180)
    C.check("stream: 2500 events seen", ok, "%d seen; stderr: %s" % (len(s.seen()),
                                                                     "".join(s.err)[-1500:]))
    # a few polls of the (empty) tail prove nothing more arrives
    n0 = len(fake.requests)
    oklib.wait_until(lambda: len(fake.requests) >= n0 + 3, 30)
    m = {}

    def metrics_done():
        m.clear()
        m.update(read_metrics(wport))
        return m.get("okta_events_emitted") == 2500

    # plugin metrics are exported every few seconds
    C.check("stream: metrics: 2500 events emitted", oklib.wait_until(metrics_done, 40, 0.5),
            str(m))
    C.check("stream: metrics count the 429, the 500, the retries and the requests",
            m.get("okta_http_rate_limited") == 1 and m.get("okta_http_server_errors") == 1 and
            m.get("okta_http_retries", 0) >= 2 and m.get("okta_http_requests", 0) >= 27 and
            "okta_lag_ms" in m and m.get("okta_checkpoint_writes", 0) >= 25, str(m))
    rc = s.stop()
    C.check("stream: clean exit on SIGTERM", rc == 0, "rc=%r" % rc)
    u = uuids(s)
    dup = [k for k, v in collections.Counter(u).items() if v > 1]
    C.check("stream: every event evaluated exactly once", len(u) == 2500 and not dup and
            set(u) == {e["uuid"] for e in events}, "n=%d dups=%s" % (len(u), dup[:5]))
    want = collections.Counter(oklib.expected_upstream(events))
    got = alert_pairs(s.alerts)
    C.check("stream: upstream alerts are exactly those of the matching events",
            got == want, "missing=%s extra=%s" % (dict(want - got), dict(got - want)))
    C.check("stream: MFA rules fired (2 failures, 1 deny)",
            sum(v for (r, _), v in got.items() if r.startswith("Too many")) == 3,
            str({k: v for k, v in got.items() if k[0].startswith("Too many")}))
    st = [r["status"] for r in fake.requests]
    C.check("stream: the 429 and the 500 were served", 429 in st and 500 in st, str(st[:12]))
    r429 = next(r for r in fake.requests if r["status"] == 429)
    after = [r for r in fake.requests if r["n"] == r429["n"] + 1]
    C.check("stream: the request after the 429 waited for X-Rate-Limit-Reset",
            after and after[0]["t"] >= r429["reset"] - 0.05,
            "reset=%s next=%s" % (r429["reset"], after[0]["t"] if after else None))
    C.check("stream: the failed requests were retried with the same cursor",
            all(fake.requests[r["n"]]["path"] == r["path"] for r in fake.requests
                if r["status"] in (429, 500) and r["n"] < len(fake.requests)), "")
    C.check("stream: pages follow the next links (after cursors)",
            sum(1 for r in fake.requests if r["after"]) >= 25, "")
    C.check("stream: rate-limit wait logged", "rate limited by Okta (HTTP 429)" in s.output(),
            "".join(s.err)[-800:])
    with open(ckpt) as f:
        ck = json.load(f)
    C.check("stream: checkpoint at the end of the stream",
            "after=c2500" in ck.get("cursor", ""), str(ck))

    # restart on the checkpoint: 60 new events, nothing old
    more = make_events(60, first=2500)
    fake.add_events(more)
    nreq = len(fake.requests)
    s2 = Saker(tmp, init_config(fake.port, ckpt), rules, "restart")
    ok = s2.wait_for(lambda s: len(s.seen()) >= 60, 120)
    n0 = len(fake.requests)
    oklib.wait_until(lambda: len(fake.requests) >= n0 + 3, 30)
    rc = s2.stop()
    u2 = uuids(s2)
    C.check("restart: only the 60 new events, nothing re-read",
            ok and sorted(u2) == sorted(e["uuid"] for e in more),
            "n=%d first=%s" % (len(u2), u2[:3]))
    first = fake.requests[nreq]
    C.check("restart: the first request resumes from the checkpoint cursor",
            first["after"] == "c2500" and not first["since"], str(first))
    C.check("restart: clean exit", rc == 0, "rc=%r" % rc)
    C.check("token never printed (stream, restart)",
            oklib.TOKEN not in s.output() + s2.output(), "token found in output")
    fake.stop()


def test_sigkill(tmp, rules):
    events = make_events(2500)
    fake = FakeOkta(events, token=oklib.TOKEN).start()
    fake.hold_after = 1300
    ckpt = os.path.join(tmp, "ckpt-kill.json")
    cfg = init_config(fake.port, ckpt, batch_max_events=40)
    s = Saker(tmp, cfg, rules, "kill1")
    held = fake.held.wait(120)
    ok = s.wait_for(lambda s: len(s.seen()) >= 1300, 60)
    C.check("sigkill: stream reached the held page", held and ok, "%d seen" % len(s.seen()))
    s.stop(signal.SIGKILL)
    with open(ckpt) as f:
        ck = json.load(f)
    # The checkpoint trails what was handed out by at most the batch in
    # flight: resume position (page start + delivered) within one page of 1300.
    m = re.search(r"after=c(\d+)", ck["cursor"])
    at = int(m.group(1)) + ck["delivered"] if m else -1
    C.check("sigkill: checkpoint within one page behind what was handed out, not beyond",
            1200 <= at <= 1300, str(ck))
    fake.release.set()
    fake.hold_after = None
    s2 = Saker(tmp, cfg, rules, "kill2")
    s2.wait_for(lambda s: len(s.seen()) >= 1200, 120)
    n0 = len(fake.requests)
    oklib.wait_until(lambda: len(fake.requests) >= n0 + 3, 30)
    s2.stop()
    u1, u2 = uuids(s), uuids(s2)
    allu = {e["uuid"] for e in events}
    C.check("sigkill: nothing skipped after the restart", set(u1) | set(u2) == allu,
            "missing %d" % len(allu - (set(u1) | set(u2))))
    rep = len(set(u1) & set(u2))
    C.check("sigkill: at most one page repeated", rep <= 100, "%d repeated" % rep)
    C.check("sigkill: each run delivers an event once", len(u1) == len(set(u1)) and
            len(u2) == len(set(u2)), "")
    fake.stop()


def main():
    oklib.need_binaries()
    if not os.path.exists(oklib.UP_RULES):
        oklib.skip("upstream okta_rules.yaml not found (SAKER_UPSTREAM=%r)" % oklib.UPSTREAM)
    with tempfile.TemporaryDirectory() as tmp:
        rules = [oklib.UP_RULES, oklib.write(os.path.join(tmp, "all.yaml"), oklib.CATCH_ALL)]
        t = time.time()
        test_stream_and_restart(tmp, rules)
        print("stream+restart: %.1f s" % (time.time() - t), flush=True)
        t = time.time()
        test_sigkill(tmp, rules)
        print("sigkill: %.1f s" % (time.time() - t), flush=True)
    C.finish()


if __name__ == "__main__":
    main()
