"""Shared helpers for the okta tests (stdlib only): events, a saker runner
that reads alerts as they arrive, and the fake Okta API (fake_okta.py)."""
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
import sktest  # noqa: E402,F401
from fake_okta import FakeOkta  # noqa: E402,F401

SAKER = os.environ.get("SAKER_BIN", "")
PLUGIN = os.environ.get("OKTA_PLUGIN", "")
SRC = os.environ.get("SAKER_SOURCE_DIR", os.path.join(HERE, "..", ".."))
UPSTREAM = os.environ.get("SAKER_UPSTREAM") or os.environ.get("SAKER_UPSTREAM_DEFAULT", "")
UP_RULES = os.path.join(UPSTREAM, "rules", "okta_rules.yaml") if UPSTREAM else ""
OWN_RULES = os.path.join(SRC, "rules", "okta", "saker_okta_rules.yaml")
TOKEN = "00Tk-SECRET-9f8e7d6c5b4a3f2e1d0c"
SKIP = 77

CATCH_ALL = """
- rule: Okta event seen
  desc: every Okta event (test counter)
  condition: okta.uuid != ""
  output: "seen uuid=%okta.uuid name=%okta.actor.name"
  priority: DEBUG
  source: okta
"""


def skip(msg):
    print("SKIP: " + msg, flush=True)
    sys.exit(SKIP)


def need_binaries():
    if not SAKER or not os.path.exists(SAKER) or not PLUGIN or not os.path.exists(PLUGIN):
        skip("saker binary or okta plugin not built (SAKER_BIN=%r OKTA_PLUGIN=%r)" %
             (SAKER, PLUGIN))


def rfc3339(ts):
    d = datetime.fromtimestamp(ts, tz=timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def event(i, ts, etype, actor_id=None, result="SUCCESS", name=None, country="France",
          targets=None, extra=None):
    """A System Log event; actor.displayName is unique per event (user-<i>)."""
    e = {
        "uuid": "uuid-%06d" % i,
        "published": rfc3339(ts),
        "eventType": etype,
        "version": 0,
        "severity": "INFO",
        "legacyEventType": "core.legacy",
        "displayMessage": "event %d" % i,
        "actor": {"id": actor_id or "00u%06d" % i, "type": "User",
                  "alternateId": "u%d@example.com" % i, "displayName": name or "user-%d" % i},
        "client": {"userAgent": {"rawUserAgent": "Mozilla/5.0", "os": "Linux",
                                 "browser": "FIREFOX"},
                   "zone": None, "device": "Computer", "id": None, "ipAddress": "10.0.%d.%d" %
                   (i // 250 % 250, i % 250),
                   "geographicalContext": {"city": "Paris", "state": "IDF", "country": country,
                                           "postalCode": 75001,
                                           "geolocation": {"lat": 48.85, "lon": 2.35}}},
        "outcome": {"result": result, "reason": None},
        "securityContext": {"asNumber": 3215, "asOrg": "orange", "isp": "orange",
                            "domain": "orange.fr", "isProxy": False},
        "debugContext": {"debugData": {"requestUri": "/app/google/xyz/sso/saml"}},
        "authenticationContext": {"authenticationStep": 0, "externalSessionId": "idx1"},
        "transaction": {"type": "WEB", "id": "tx%d" % i},
        "target": targets if targets is not None else [],
    }
    if extra:
        e.update(extra)
    return e


def upstream_type_rules():
    """eventType -> rule name for the enabled `okta.evt.type = "X"` rules of
    the upstream file (a small block reader; the file is regular)."""
    out = {}
    with open(UP_RULES) as f:
        text = f.read()
    for block in re.split(r"\n(?=- )", text):
        m = re.match(r"- rule: (.+)", block)
        if not m or re.search(r"\n\s*enabled: false", block):
            continue
        c = re.search(r'condition: okta\.evt\.type = "([^"]+)"\s*$', block, re.M)
        if c:
            out[c.group(1)] = m.group(1).strip()
    return out


class MfaModel:
    """Reference model of countlast[N]: per key distinct timestamps, count of
    those newer than now - N (strictly)."""

    def __init__(self):
        self.keys = {}

    def record(self, key, ts_ns):
        lst = self.keys.setdefault(key, [])
        if ts_ns not in lst:
            lst.append(ts_ns)

    def count(self, key, ts_ns, window_s):
        return sum(1 for t in self.keys.get(key, []) if t > ts_ns - window_s * 10**9)


def ts_ns(e):
    d = datetime.fromisoformat(e["published"].replace("Z", "+00:00"))
    return int(d.timestamp()) * 10**9 + d.microsecond * 1000


def expected_upstream(events):
    """(rule, actor name) pairs the upstream rules must raise for events."""
    by_type = upstream_type_rules()
    model = MfaModel()
    out = []
    for e in events:
        t = e["eventType"]
        name = e["actor"]["displayName"]
        if t in by_type:
            out.append((by_type[t], name))
        kind = None
        if t == "user.mfa.okta_verify.deny_push":
            kind = "deny"
        elif t == "user.authentication.auth_via_mfa" and e["outcome"]["result"] == "FAILURE":
            kind = "fail"
        if kind:
            key = t + ":" + e["actor"]["id"]
            model.record(key, ts_ns(e))
            if model.count(key, ts_ns(e), 300) >= 3:
                out.append(("Too many failed MFA in last 5min" if kind == "fail" else
                            "Too many denied MFA Pushes in last 5min", name))
    return out


class Saker:
    """saker with the okta plugin; alerts (JSON lines) collected as they come."""

    def __init__(self, tmp, init_config, rules, tag, extra_cfg=None):
        self.cfg = os.path.join(tmp, "saker-%s.yaml" % tag)
        c = {"plugins": [{"name": "okta", "library_path": PLUGIN, "init_config": init_config,
                          "open_params": ""}],
             "load_plugins": ["okta"], "rules_files": [], "json_output": True,
             "rule_matching": "all", "webserver": {"enabled": False}}
        c.update(extra_cfg or {})
        with open(self.cfg, "w") as f:
            json.dump(c, f)
        args = [SAKER, "-c", self.cfg]
        for r in rules:
            args += ["-r", r]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self.alerts = []
        self.lines = []
        self.err = []
        self.cv = threading.Condition()
        self.t_out = threading.Thread(target=self._read, args=(self.proc.stdout, True),
                                      daemon=True)
        self.t_err = threading.Thread(target=self._read, args=(self.proc.stderr, False),
                                      daemon=True)
        self.t_out.start()
        self.t_err.start()

    def _read(self, stream, is_out):
        for line in stream:
            with self.cv:
                if is_out:
                    self.lines.append(line)
                    if line.startswith("{"):
                        try:
                            self.alerts.append(json.loads(line))
                        except ValueError:
                            pass
                else:
                    self.err.append(line)
                self.cv.notify_all()

    def wait_for(self, pred, timeout=120):
        end = time.time() + timeout
        with self.cv:
            while not pred(self):
                left = end - time.time()
                if left <= 0 or (self.proc.poll() is not None and not pred(self)):
                    return pred(self)
                self.cv.wait(min(left, 0.5))
            return True

    def seen(self, rule="Okta event seen"):
        return [a for a in self.alerts if a.get("rule") == rule]

    def stop(self, sig=signal.SIGTERM, timeout=60):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = "timeout"
        self.t_out.join(10)
        self.t_err.join(10)
        return rc

    def output(self):
        return "".join(self.lines) + "".join(self.err)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def wait_until(pred, timeout=60, step=0.05):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(step)
    return pred()


