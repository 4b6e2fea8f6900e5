#!/usr/bin/env python3
"""okta rules with the real okta plugin through saker: the upstream
okta_rules.yaml and saker's own rules validate with 0 errors (saker -V); the
upstream fixture yields its documented detection and tolerant field values;
each of saker's own rules fires on its event and stays quiet on a near miss.
Events come from the fake System Log API in bounded mode (`until`), so saker
ends at the end of the query."""
import collections
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oklib  # noqa: E402
from oklib import FakeOkta, Saker, event  # noqa: E402

C = oklib.sktest.Checker(detail_max=800)
T0 = 1796000000.0


def validate(tmp):
    cfg = oklib.write(os.path.join(tmp, "validate.yaml"), json.dumps({
        "plugins": [{"name": "okta", "library_path": oklib.PLUGIN,
                     "init_config": {"organization": "acme", "api_token": "x"}}],
        "load_plugins": ["okta"]}))
    for files in ([oklib.UP_RULES], [oklib.OWN_RULES], [oklib.UP_RULES, oklib.OWN_RULES]):
        args = [oklib.SAKER, "-c", cfg]
        for f in files:
            args += ["-V", f]
        p = subprocess.run(args, capture_output=True, text=True, timeout=60)
        out = p.stdout + p.stderr
        names = [os.path.basename(f) for f in files]
        C.check("saker -V %s with the real plugin: exit 0, 0 errors" % names,
                p.returncode == 0 and "error" not in out.lower() and
                "LOAD_UNKNOWN_SOURCE" not in out and
                all(f + ": Ok" in out for f in files), out[-600:])


def bounded(port, since, until, **kw):
    c = {"organization": "acme", "base_url": "http://127.0.0.1:%d" % port,
         "api_token": oklib.TOKEN, "since": since, "until": until, "page_size": 50,
         "refresh_interval": 0, "idle_wait_ms": 50, "backoff_initial_ms": 100,
         "backoff_max_ms": 1000}
    c.update(kw)
    return c


def run_bounded(tmp, events, rules, tag, since, until):
    fake = FakeOkta(events, token=oklib.TOKEN).start()
    s = Saker(tmp, bounded(fake.port, since, until), rules, tag)
    try:
        rc = s.proc.wait(120)
    except subprocess.TimeoutExpired:
        rc = "still running after 120 s"
    s.stop()
    fake.stop()
    C.check("%s: saker ends by itself at the end of the bounded query" % tag, rc == 0,
            "rc=%r %s" % (rc, "".join(s.err)[-600:]))
    C.check("%s: token never printed" % tag, oklib.TOKEN not in s.output(), "")
    return s


FIELDS_RULE = """
- rule: Fixture fields
  desc: tolerant decoding of the fixture
  condition: okta.evt.type = "user.session.start"
  output: >
    f postal=%okta.client.geo.postalcode lat=%okta.client.geo.lat lon=%okta.client.geo.lon
    proxy=%okta.security.isproxy asn=%okta.security.asnumber step=%okta.authentication.step
    app=%okta.target.app.alternateid t0=%okta.targets.displayName[0] t1=%okta.targets.displayName[1]
    uri=%okta.requesturi org=%okta.org uuid=%okta.uuid
  priority: INFO
  source: okta
"""
ENABLE_GEO = """
- rule: Detecting unknown logins using geolocation
  enabled: true
"""


def fixture(tmp):
    path = os.path.join(oklib.UPSTREAM, "fixtures", "okta",
                        "okta_logs_response_user_session_start.json")
    with open(path) as f:
        events = json.load(f)
    rules = [oklib.UP_RULES, oklib.write(os.path.join(tmp, "geo.yaml"), ENABLE_GEO),
             oklib.write(os.path.join(tmp, "fields.yaml"), FIELDS_RULE)]
    s = run_bounded(tmp, events, rules, "fixture", "2024-08-13T15:58:00Z",
                    "2024-08-13T16:00:00Z")
    by = collections.Counter(a["rule"] for a in s.alerts)
    C.check("fixture: 'Detecting unknown logins using geolocation' x1 (enabled), NOTICE",
            by.get("Detecting unknown logins using geolocation") == 1 and
            all(a["priority"] == "Notice" for a in s.alerts if a["rule"].startswith("Detect")),
            str(s.alerts)[:600])
    f = next((a["output_fields"] for a in s.alerts if a["rule"] == "Fixture fields"), {})
    want = {"okta.client.geo.postalcode": "10013", "okta.client.geo.lat": "40.3157",
            "okta.client.geo.lon": "-74.01", "okta.security.isproxy": "false",
            "okta.security.asnumber": 394089, "okta.authentication.step": "0",
            "okta.target.app.alternateid": "Okta Admin Console",
            "okta.targets.displayName[0]": "Okta Verify",
            "okta.targets.displayName[1]": "Okta Admin Console",
            "okta.requesturi": "/idp/idx/authenticators/poll", "okta.org": "acme",
            "okta.uuid": "dc9fd3c0-598c-11ef-8478-2b7584bf8d5a"}
    bad = {k: (f.get(k), v) for k, v in want.items() if str(f.get(k)) != str(v)}
    C.check("fixture: numeric postalCode, boolean isProxy, lon read from 'lon'", not bad,
            "got/want %s" % bad)
    # without the override the only matching rule is disabled: no detection
    s = run_bounded(tmp, events, [oklib.UP_RULES], "fixture-default", "2024-08-13T15:58:00Z",
                    "2024-08-13T16:00:00Z")
    C.check("fixture: no detection with the upstream defaults", not s.alerts, str(s.alerts))


def own_rules(tmp):
    evs, want = [], []
    t = [T0]

    def add(etype, fire=None, dt=1.0, **kw):
        i = len(evs)
        t[0] += dt
        evs.append(event(i, t[0], etype, **kw))
        if fire:
            want.append((fire, evs[-1]["uuid"]))

    R = "Okta MFA factor reset or deactivated"
    add("user.mfa.factor.reset_all", R)
    add("user.mfa.factor.deactivate", R)
    add("user.mfa.factor.activate")                              # near miss
    add("user.mfa.factor.deactivate", result="FAILURE")          # near miss
    R = "Okta admin role granted"
    add("user.account.privilege.grant", R, targets=[{"id": "00ut", "type": "User",
        "alternateId": "bob@example.com", "displayName": "Bob"}])
    add("group.privilege.grant", R)
    add("user.account.privilege.revoke")                          # near miss
    R = "Okta policy changed"
    add("policy.lifecycle.update", R)
    add("application.policy.sign_on.rule.update", R)
    add("policy.evaluate_sign_on")                                # near miss
    R = "Okta impersonation session"
    add("user.session.impersonation.initiate", R)
    add("user.session.impersonation.end")                         # near miss
    R = "Okta repeated MFA failures"
    for k in range(5):                                            # 5th in 10 min fires
        add("user.authentication.auth_via_mfa", R if k == 4 else None, dt=30,
            actor_id="00ufailA", result="FAILURE")
    for k in range(4):                                            # near miss: only 4
        add("user.authentication.auth_via_mfa", dt=30, actor_id="00ufailB", result="FAILURE")
    add("user.authentication.auth_via_mfa", dt=30, actor_id="00ufailB")  # a success
    R = "Okta repeated MFA push denies"
    for k in range(3):
        add("user.mfa.okta_verify.deny_push", R if k == 2 else None, dt=20,
            actor_id="00udenyC", result="FAILURE")
    for k in range(3):                                            # near miss: spread out
        add("user.mfa.okta_verify.deny_push", dt=400, actor_id="00udenyD", result="FAILURE")
    R = "Okta sign-in from a new country"
    add("user.session.start", actor_id="00ugeoE", country="France")   # first: no history
    add("user.session.start", actor_id="00ugeoE", country="France")   # known country
    add("user.session.start", R, actor_id="00ugeoE", country="Germany")
    add("user.session.start", actor_id="00ugeoE", country="Germany")  # now known
    add("user.session.start", actor_id="00ugeoF", country="Brazil")   # near miss: first ever
    add("user.session.start", actor_id="00ugeoE", country="Spain", result="FAILURE")  # failed
    since = oklib.rfc3339(T0 - 1)
    until = oklib.rfc3339(t[0] + 10)
    s = run_bounded(tmp, evs, [oklib.OWN_RULES], "own rules", since, until)
    got = collections.Counter((a["rule"], a["output_fields"].get("okta.uuid")) for a in s.alerts)
    want_c = collections.Counter(want)
    C.check("own rules: each rule fires on its events and on no near miss", got == want_c,
            "missing=%s extra=%s" % (dict(want_c - got), dict(got - want_c)))
    C.check("own rules: every rule exercised",
            len({r for r, _ in want}) == 7 and {r for r, _ in got} == {r for r, _ in want}, "")


def main():
    oklib.need_binaries()
    if not os.path.exists(oklib.UP_RULES):
        oklib.skip("upstream okta_rules.yaml not found (SAKER_UPSTREAM=%r)" % oklib.UPSTREAM)
    with tempfile.TemporaryDirectory() as tmp:
        validate(tmp)
        fixture(tmp)
        own_rules(tmp)
    C.finish()


if __name__ == "__main__":
    main()
