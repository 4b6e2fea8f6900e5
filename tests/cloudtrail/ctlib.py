"""Shared helpers for the cloudtrail tests (stdlib only): realistic record
builders, log file writers, the plugin harness and saker runners."""
import copy
import gzip
import json
import os
import subprocess
import sys
import threading
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

HARNESS = os.environ.get("CT_HARNESS", "")
CT_PLUGIN = os.environ.get("CT_PLUGIN", "")
JSON_PLUGIN = os.environ.get("JSON_PLUGIN", "")
SAKER = os.environ.get("SAKER_BIN", "")
SRC = os.environ.get("SAKER_SOURCE_DIR",
                     os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
UPSTREAM = os.environ.get("SAKER_UPSTREAM") or os.environ.get("SAKER_UPSTREAM_DEFAULT", "")
FIXTURES = os.path.join(UPSTREAM, "fixtures", "cloudtrail") if UPSTREAM else ""
UP_RULES = os.path.join(UPSTREAM, "rules", "aws_cloudtrail_rules.yaml") if UPSTREAM else ""
OWN_RULES = os.path.join(SRC, "rules", "cloudtrail", "saker_cloudtrail_rules.yaml")
SKIP = 77


def skip(msg):
    print("SKIP: " + msg, flush=True)
    sys.exit(SKIP)


def need(cond, msg):
    if not cond:
        skip(msg)


SANITIZER_REPORTS = []


def note_sanitizer(what, stderr):
    """Remember sanitizer reports from a child (a sanitizer build's tests check
    that none appeared)."""
    if "Sanitizer" in stderr or "runtime error:" in stderr:
        SANITIZER_REPORTS.append("%s: %s" % (what, stderr[-1500:]))


class Checker(sktest.Checker):
    def finish(self):
        self.check("no sanitizer reports from the children", not SANITIZER_REPORTS,
                   SANITIZER_REPORTS[:1])
        super().finish()


BASE = {
    "eventVersion": "1.08",
    "userIdentity": {
        "type": "IAMUser",
        "principalId": "AIDAJ45Q7YFFAREXAMPLE",
        "arn": "arn:aws:iam::123456789012:user/alice",
        "accountId": "123456789012",
        "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
        "userName": "alice",
        "sessionContext": {"attributes": {"creationDate": "2023-05-02T08:00:00Z",
                                          "mfaAuthenticated": "true"}},
    },
    "eventTime": "2023-05-02T09:14:05Z",
    "eventSource": "ec2.amazonaws.com",
    "eventName": "DescribeInstances",
    "awsRegion": "eu-west-1",
    "sourceIPAddress": "198.51.100.23",
    "userAgent": "aws-cli/2.11.2 Python/3.11.2 Linux/6.1.0 exe/x86_64.debian.12",
    "requestParameters": None,
    "responseElements": None,
    "requestID": "c0f2b1a4-6d3e-4e4f-9b0a-2f4e8d7c6b5a",
    "eventID": "5b0c9c3e-7f0d-4c1e-9a51-8e2b7b3d1f00",
    "readOnly": True,
    "eventType": "AwsApiCall",
    "managementEvent": True,
    "recipientAccountId": "123456789012",
    "eventCategory": "Management",
    "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                   "clientProvidedHostHeader": "ec2.eu-west-1.amazonaws.com"},
}


def record(name, source="ec2.amazonaws.com", **kw):
    """A realistic CloudTrail record; keyword arguments replace top-level keys
    (userIdentity is merged when given as a dict with "merge": True)."""
    r = copy.deepcopy(BASE)
    r["eventName"] = name
    r["eventSource"] = source
    r["eventID"] = str(uuid.uuid4())
    r["requestID"] = str(uuid.uuid4())
    for k, v in kw.items():
        if k == "user_merge":
            r["userIdentity"].update(v)
        else:
            r[k] = v
    return r


ROOT = {"type": "Root", "principalId": "123456789012", "arn": "arn:aws:iam::123456789012:root",
        "accountId": "123456789012", "accessKeyId": ""}


def write_log(path, records, gz=False, raw=None):
    """A CloudTrail log file {"Records": [...]} (or raw bytes), optionally gzipped."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = raw if raw is not None else json.dumps({"Records": records}).encode()
    if gz:
        data = gzip.compress(data)
    with open(path, "wb") as f:
        f.write(data)
    return path


def log_name(i, region="eu-west-1", stamp="20230502T0915Z", acct="123456789012"):
    return "%s_CloudTrail_%s_%s_%08x.json.gz" % (acct, region, stamp, i)


class Harness:
    """Runs the test harness over the cloudtrail plugin; .events/.end/.stderr
    after .wait()."""

    def __init__(self, open_params, fields=(), config=None, idle_ms=400, max_events=None,
                 extractors=(), env=None):
        args = [HARNESS, "run", "--source", CT_PLUGIN, "--open", open_params,
                "--config", json.dumps(config or {}), "--idle-ms", str(idle_ms)]
        for e in extractors:
            args += ["--extractor", e]
        for f in fields:
            args += ["--field", f]
        if max_events is not None:
            args += ["--max-events", str(max_events)]
        self.args = args
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=env)
        self._err = []
        self._errt = threading.Thread(target=lambda: self._err.append(self.proc.stderr.read()),
                                      daemon=True)
        self._errt.start()
        self.events = []
        self.end = None
        self.first = None
        self.lines = []
        self._outt = threading.Thread(target=self._read, daemon=True)
        self._outt.start()

    def _read(self):
        for line in self.proc.stdout:
            try:
                d = json.loads(line)
            except ValueError:
                continue
            self.lines.append(d)
            if self.first is None:
                self.first = d
            if "n" in d:
                self.events.append(d)
            elif "end" in d:
                self.end = d

    def wait(self, timeout=120):
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._outt.join(timeout=30)
        self._errt.join(timeout=30)
        self.stderr = "".join(self._err)
        note_sanitizer(" ".join(self.args[:6]), self.stderr)
        return self

    def stop(self):
        """SIGTERM: the harness drains and closes the plugin."""
        sktest.terminate(self.proc)
        return self.wait()

    def metric(self, name):
        return (self.end or {}).get("metrics", {}).get(name)

    def values(self, field):
        out = []
        for e in self.events:
            v = e["f"].get(field)
            out.append(v[0] if isinstance(v, list) and len(v) == 1 else v)
        return out


def run(open_params, fields=(), config=None, **kw):
    return Harness(open_params, fields, config, **kw).wait()


_NCFG = [0]


def saker_config(tmp, open_params, init_config=None, extra=None):
    _NCFG[0] += 1
    path = os.path.join(tmp, "saker-%d.yaml" % _NCFG[0])
    plugins = [{"name": "cloudtrail", "library_path": CT_PLUGIN,
                "init_config": init_config or {}, "open_params": open_params},
               {"name": "json", "library_path": JSON_PLUGIN, "init_config": {}}]
    cfg = {"plugins": plugins, "load_plugins": ["cloudtrail", "json"], "rules_files": [],
           "json_output": True, "webserver": {"enabled": False}}
    cfg.update(extra or {})
    with open(path, "w") as f:
        json.dump(cfg, f)
    return path


def saker_run(tmp, open_params, rules, init_config=None, extra_args=(), timeout=120,
              extra=None):
    """Runs saker to the end of the source: (alerts, stderr, exit code)."""
    args = [SAKER, "-c", saker_config(tmp, open_params, init_config, extra)]
    for r in rules:
        args += ["-r", r]
    args += list(extra_args)
    p = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    note_sanitizer("saker " + open_params, p.stderr)
    return sktest.json_alerts(p.stdout), p.stderr, p.returncode


def counts(alerts):
    c = {}
    for a in alerts:
        c[a["rule"]] = c.get(a["rule"], 0) + 1
    return c
