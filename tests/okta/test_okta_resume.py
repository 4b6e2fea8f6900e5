#!/usr/bin/env python3
"""okta plugin resume points through a minimal C host (harness.c) that can
die with _exit() in the middle of a page, as SIGKILL would: the restart
skips nothing and repeats at most the events of the last batch (the uuid
check skips the rest); a checkpoint whose page changed delivers the whole
page again with a warning; polling pages without a next link are re-polled
without repeating what was delivered, and so are pages whose next link
points back at the same request."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oklib  # noqa: E402
from oklib import FakeOkta, event  # noqa: E402

C = oklib.sktest.Checker(detail_max=800)
HARNESS = os.environ.get("OKTA_HARNESS", "")
T0 = 1796000000.0


def evs(n, first=0):
    return [event(i, T0 + i // 7, "user.session.start") for i in range(first, first + n)]


def harness(cfg, *extra, wait=True):
    args = [HARNESS, oklib.PLUGIN, json.dumps(cfg)] + [str(x) for x in extra]
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if not wait:
        return p
    out, err = p.communicate(timeout=120)
    return p.returncode, out.split(), err


def cfg(port, ckpt, until=True, **kw):
    c = {"organization": "acme", "base_url": "http://127.0.0.1:%d" % port,
         "api_token": oklib.TOKEN, "since": oklib.rfc3339(T0 - 5), "page_size": 100,
         "batch_max_events": 30, "refresh_interval": 0, "idle_wait_ms": 50,
         "backoff_initial_ms": 100, "backoff_max_ms": 1000, "checkpoint_file": ckpt}
    if until:
        c["until"] = oklib.rfc3339(T0 + 3600)
    c.update(kw)
    return c


def test_mid_page(tmp):
    events = evs(400)
    allu = [e["uuid"] for e in events]
    fake = FakeOkta(events, token=oklib.TOKEN).start()
    ckpt = os.path.join(tmp, "mid.json")
    rc, u1, err = harness(cfg(fake.port, ckpt), "--die-after", 160)
    C.check("mid-page: first run died after 160 events", rc == 0 and u1 == allu[:160],
            "rc=%s n=%d %s" % (rc, len(u1), err[-400:]))
    with open(ckpt) as f:
        ck = json.load(f)
    C.check("mid-page: checkpoint = page cursor + events delivered + last uuid",
            "after=c100" in ck["cursor"] and ck["delivered"] == 30 and
            ck["last_uuid"] == "uuid-000129", str(ck))
    nreq = len(fake.requests)
    rc, u2, err = harness(cfg(fake.port, ckpt))
    C.check("mid-page: restart ends at the end of the bounded query", rc == 0, err[-400:])
    C.check("mid-page: nothing skipped", set(u1) | set(u2) == set(allu),
            "missing %s" % sorted(set(allu) - set(u1) - set(u2))[:5])
    C.check("mid-page: only the last batch repeated (30 <= one page)",
            u2 == allu[130:], "first=%s n=%d" % (u2[:2], len(u2)))
    C.check("mid-page: the restart re-fetched the page of the checkpoint",
            fake.requests[nreq]["after"] == "c100", str(fake.requests[nreq]))

    # the page changed under the checkpoint: deliver all of it again
    ck["last_uuid"] = "uuid-gone"
    with open(ckpt, "w") as f:
        json.dump(ck, f)
    rc, u3, err = harness(cfg(fake.port, ckpt))
    C.check("changed page: the whole page is delivered again, with a warning",
            u3 == allu[100:] and "resume point not found" in err, "n=%d %s" % (len(u3),
                                                                       err[-300:]))
    C.check("token never printed (harness)", oklib.TOKEN not in err, "")
    fake.stop()


def test_no_next_link(tmp, mode):
    fake = FakeOkta(evs(50), token=oklib.TOKEN).start()
    fake.no_next = mode == "no next link"
    fake.self_next = mode == "next link to itself"
    ckpt = os.path.join(tmp, "nonext-%d.json" % len(mode))
    p = harness(cfg(fake.port, ckpt, until=False), "--die-after", 80, "--max-seconds", 60,
                wait=False)
    ok = oklib.wait_until(lambda: sum(r.get("events", 0) for r in fake.requests) >= 50 and
                          len(fake.requests) >= 3, 60)
    fake.add_events(evs(30, first=50))
    out, err = p.communicate(timeout=90)
    u = out.split()
    C.check("%s: the same request is polled again and only new events come" % mode,
            ok and u == ["uuid-%06d" % i for i in range(80)], "n=%d %s" % (len(u), err[-300:]))
    C.check("%s: every poll used the first request" % mode,
            all(r["after"] is None for r in fake.requests), "")
    fake.stop()


def main():
    oklib.need_binaries()
    if not HARNESS or not os.path.exists(HARNESS):
        oklib.skip("okta_harness not built (OKTA_HARNESS=%r)" % HARNESS)
    with tempfile.TemporaryDirectory() as tmp:
        test_mid_page(tmp)
        test_no_next_link(tmp, "no next link")
        test_no_next_link(tmp, "next link to itself")
    C.finish()


if __name__ == "__main__":
    main()
