#!/usr/bin/env python3
"""End-to-end tests through the real saker binary with the k8saudit and json
plugins: rules validation, the SOURCES.md detections for every k8s fixture
delivered from a file, over HTTP and over HTTPS, Falco JSON alert fields,
mTLS / bearer refusals, error statuses, and a concurrent-clients load test."""
import json
import os
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kalib  # noqa: E402
from kalib import post  # noqa: E402

T = kalib.Failures()
SAKER = os.environ.get("SAKER_BIN", "")
SRC = os.environ.get("SAKER_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
UP_RULES = os.path.join(kalib.UPSTREAM, "rules", "k8s_audit_rules.yaml")
OWN_RULES = os.path.join(SRC, "rules", "k8s_audit", "saker_k8s_rules.yaml")

ALLOW_NS = "- list: allowed_namespaces\n  items: [foo]\n  append: true\n"
ALLOW_USER = "- list: allowed_k8s_users\n  items: [some-user]\n  append: true\n"
NO_ACTIVITY = "- macro: consider_activity_events\n  condition: (not jevt.rawtime exists)\n"

# (fixture, extra rules snippets, {rule: count}, priority) from SOURCES.md 2.1
CASES = [
    ("create_nginx_pod_privileged.json", [], {"Create Privileged Pod": 1}, "Warning"),
    ("create_configmap_sensitive_values.json", [NO_ACTIVITY],
     {"Create/Modify Configmap With Private Credentials": 6}, "Warning"),
    ("some-user_creates_namespace_foo.json", [ALLOW_NS], {"Disallowed K8s User": 1}, "Warning"),
    ("some-user_creates_namespace_foo.json", [ALLOW_USER], {"Create Disallowed Namespace": 1},
     "Warning"),
    ("some-user_creates_namespace_foo.json", [ALLOW_NS, ALLOW_USER], {"K8s Namespace Created": 1},
     "Informational"),
    ("some-user_creates_namespace_foo.json", [ALLOW_NS, ALLOW_USER, NO_ACTIVITY], {}, None),
    ("some-user_creates_namespace_foo.json", [], {"Disallowed K8s User": 1}, "Warning"),
    ("attach_cluster_admin_role.json", [], {"Attach to cluster-admin Role": 1}, "Warning"),
    ("exec_pod.json", [], {"Attach/Exec Pod": 1}, "Notice"),
]

FALCO_KEYS = {"hostname", "output", "output_fields", "priority", "rule", "source", "tags", "time"}


_NCFG = [0]


def write_config(tmp, open_params, init_config=None):
    """saker.yaml (JSON is valid YAML) with k8saudit + json loaded."""
    _NCFG[0] += 1
    path = os.path.join(tmp, "saker-%d.yaml" % _NCFG[0])
    plugins = [{"name": "k8saudit", "library_path": kalib.KA_PLUGIN,
                "init_config": init_config or {}, "open_params": open_params},
               {"name": "json", "library_path": kalib.JSON_PLUGIN, "init_config": {}}]
    with open(path, "w") as f:
        json.dump({"plugins": plugins, "load_plugins": ["k8saudit", "json"],
                   "rules_files": [], "json_output": True,
                   "webserver": {"enabled": False},
                   # SIGTERM drains the webhook: every event answered 200 is
                   # still evaluated before exit. A generous deadline keeps
                   # that true on a loaded machine, so no test sleeps
                   # before stopping saker to let evaluation catch up.
                   "saker": {"flush_timeout_ms": 120000}}, f)
    return path


class Saker:
    def __init__(self, tmp, open_params, rules, init_config=None, extra_opts=()):
        self.cfg = write_config(tmp, open_params, init_config)
        args = [SAKER, "-c", self.cfg, "-o", "json_output=true"]
        for r in rules:
            args += ["-r", r]
        args += list(extra_opts)
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self.alerts = []
        self.stderr = ""

    def stop(self, timeout=180):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.wait(timeout)

    def wait(self, timeout=60):
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
        self.stderr = err
        for line in out.splitlines():
            line = line.strip()
            if line.startswith("{"):
                self.alerts.append(json.loads(line))
        return self


def counts(alerts):
    c = {}
    for a in alerts:
        c[a["rule"]] = c.get(a["rule"], 0) + 1
    return c


def write_rules(tmp, snippets, tag):
    paths = [UP_RULES]
    if snippets:
        p = os.path.join(tmp, "extra-%s.yaml" % tag)
        with open(p, "w") as f:
            f.write("\n".join(snippets))
        paths.append(p)
    return paths


def check_alerts(alerts, want, prio, what):
    T.eq(counts(alerts), want, what + ": alerts per rule")
    for a in alerts:
        T.check(FALCO_KEYS <= set(a), what + ": Falco JSON keys %s" % sorted(a))
        T.eq(a.get("source"), "k8s_audit", what + ": source")
        T.eq(a.get("priority"), prio, what + ": priority")
        T.check(isinstance(a.get("output_fields"), dict) and a.get("output", "") != "",
                what + ": output and output_fields")


def test_validate(tmp):
    for files in ([UP_RULES], [OWN_RULES], [UP_RULES, OWN_RULES]):
        cfg = write_config(tmp, "/dev/null")
        args = [SAKER, "-c", cfg]
        for f in files:
            args += ["-V", f]
        p = subprocess.run(args, capture_output=True, text=True, timeout=60)
        T.eq(p.returncode, 0, "saker -V %s exit (%s)" % (
            [os.path.basename(f) for f in files], (p.stdout + p.stderr).strip()[-400:]))
        T.check("rror" not in p.stdout, "no errors reported for %s" % files)


OUTPUTS = {}  # (mode, case index) -> sorted alert outputs


def test_file_cases(tmp):
    for i, (fx, snips, want, prio) in enumerate(CASES):
        s = Saker(tmp, os.path.join(kalib.FIXTURES, fx), write_rules(tmp, snips, "f%d" % i))
        s.wait()
        T.eq(s.proc.returncode, 0, "file %s exit (%s)" % (fx, s.stderr.strip()[-300:]))
        check_alerts(s.alerts, want, prio, "file %s case %d" % (fx, i))
        OUTPUTS[("file", i)] = sorted((a["rule"], a["output"], a["time"]) for a in s.alerts)


def webhook_cases(tmp, scheme, pki=None):
    init = {}
    ctx = None
    if scheme == "https":
        init = {"sslCertificate": pki["server.crt"], "sslKey": pki["server.key"]}
        ctx = kalib.client_ctx(pki)
    for i, (fx, snips, want, prio) in enumerate(CASES):
        port = kalib.free_port()
        s = Saker(tmp, "%s://127.0.0.1:%d/k8s-audit" % (scheme, port),
                  write_rules(tmp, snips, "%s%d" % (scheme, i)), init_config=init)
        try:
            if not T.check(kalib.wait_port(port), "%s webhook up for %s" % (scheme, fx)):
                continue
            lines = kalib.fixture_lines(fx)
            body = {"kind": "EventList", "apiVersion": "audit.k8s.io/v1", "items": lines}
            st, _ = post(port, json.dumps(body), tls=ctx)
            T.eq(st, 200, "%s post %s" % (scheme, fx))
        finally:
            s.stop()
        check_alerts(s.alerts, want, prio, "%s %s case %d" % (scheme, fx, i))
        got = sorted((a["rule"], a["output"], a["time"]) for a in s.alerts)
        if ("file", i) in OUTPUTS:
            T.eq(got, OUTPUTS[("file", i)], "%s alerts identical to the file run (%s case %d)"
                 % (scheme, fx, i))


def test_security_and_errors(tmp, pki):
    tok = os.path.join(tmp, "token")
    with open(tok, "w") as f:
        f.write("e2e-token\n")
    port = kalib.free_port()
    init = {"sslCertificate": pki["server.crt"], "sslKey": pki["server.key"],
            "sslClientCA": pki["ca.crt"], "webhookBearerTokenFile": tok}
    s = Saker(tmp, "https://127.0.0.1:%d/k8s-audit" % port, [UP_RULES], init_config=init)
    exec_body = json.dumps(kalib.fixture_lines("exec_pod.json")[0])
    good = kalib.client_ctx(pki, "client")
    auth = {"Authorization": "Bearer e2e-token"}
    try:
        T.check(kalib.wait_port(port), "mTLS webhook up")

        def attempt(ctx, headers, body=exec_body, **kw):
            try:
                return post(port, body, tls=ctx, headers=headers, **kw)[0]
            except Exception as e:  # a TLS-level refusal is a refusal too
                return "refused:" + type(e).__name__
        st = attempt(kalib.client_ctx(pki), auth)
        T.check(st == 403 or str(st).startswith("refused"), "mTLS: no client cert refused (%s)" % st)
        st = attempt(kalib.client_ctx(pki, "badclient"), auth)
        T.check(st == 403 or str(st).startswith("refused"), "mTLS: foreign cert refused (%s)" % st)
        T.eq(attempt(good, {"Authorization": "Bearer nope"}), 401, "bearer mismatch -> 401")
        T.eq(attempt(good, auth, body="{broken"), 400, "malformed JSON -> 400")
        T.eq(attempt(good, auth, body='{"kind": 0}'), 400, "{\"kind\": 0} -> 400")
        T.eq(attempt(good, auth, body=exec_body[:40]), 400, "truncated body -> 400")
        T.eq(attempt(good, auth, body=None, method="GET", ctype=None), 405, "GET -> 405")
        T.eq(attempt(good, auth, ctype="text/plain"), 415, "wrong content type -> 415")
        T.eq(attempt(good, auth), 200, "valid request still served")
    finally:
        s.stop()
    T.eq(counts(s.alerts), {"Attach/Exec Pod": 1}, "only the valid request alerted")
    T.check("e2e-token" not in s.stderr, "bearer token never logged")
    # 20 MB body over plain HTTP (size limit) then a valid request
    port = kalib.free_port()
    s = Saker(tmp, "http://127.0.0.1:%d/k8s-audit" % port, [UP_RULES])
    try:
        T.check(kalib.wait_port(port), "http webhook up")
        T.eq(kalib.post_raw_large(port, 20 * 1024 * 1024), 413, "20 MB body -> 413")
        T.eq(post(port, exec_body)[0], 200, "valid request after 413")
    finally:
        s.stop()
    T.eq(counts(s.alerts), {"Attach/Exec Pod": 1}, "alert after the 413")


def test_load(tmp):
    rules = os.path.join(tmp, "load.yaml")
    with open(rules, "w") as f:
        f.write("- rule: Load Test Pod Delete\n  desc: load test\n"
                "  condition: ka.verb = delete and ka.target.resource = pods\n"
                "  output: deleted %ka.auditid\n  priority: INFO\n  source: k8s_audit\n")
    port = kalib.free_port()
    s = Saker(tmp, "http://127.0.0.1:%d/k8s-audit" % port, [rules])
    matching, lock = [], threading.Lock()
    statuses = {}

    def client(c):
        for r in range(30):
            items = []
            for k in range(5):
                i = c * 100000 + r * 10 + k
                ev = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "auditID": "load-%d" % i,
                      "stage": "ResponseComplete", "verb": "delete" if k % 2 == 0 else "get",
                      "requestURI": "/api/v1/namespaces/default/pods/p%d" % i,
                      "user": {"username": "u%d" % c}, "objectRef": {"resource": "pods",
                                                                    "namespace": "default"},
                      "responseStatus": {"code": 200},
                      "stageTimestamp": "2024-05-06T07:08:09.%06dZ" % (i % 1000000)}
                items.append(ev)
            try:
                st, _ = post(port, json.dumps({"kind": "EventList", "items": items}))
            except OSError:
                st = "error"
            with lock:
                statuses[st] = statuses.get(st, 0) + 1
                if st == 200:
                    matching.extend(e["auditID"] for e in items if e["verb"] == "delete")

    try:
        T.check(kalib.wait_port(port), "load webhook up")
        ths = [threading.Thread(target=client, args=(c,)) for c in range(12)]
        for t in ths:
            t.start()
        for t in ths:
            t.join()
    finally:
        s.stop(timeout=180)
    got = sorted(a["output"].split("deleted ")[-1].strip() for a in s.alerts)
    T.check(statuses.get(200, 0) > 0, "load: requests answered 200: %r" % statuses)
    T.eq(len(got), len(matching), "load: alert count equals matching events answered 200")
    T.eq(got, sorted(matching), "load: each matching accepted event alerted exactly once")


def ev(i, verb, resource, user="alice", stage="ResponseComplete", sub=None, ns="default",
       name=None, code=200, decision="allow", req=None, groups=None, uri=None, extra=None):
    ref = {"resource": resource, "namespace": ns, "apiVersion": "v1"}
    if sub:
        ref["subresource"] = sub
    if name:
        ref["name"] = name
    e = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "auditID": "own-%d" % i,
         "stage": stage, "verb": verb, "requestURI": uri or "/api/v1/namespaces/%s/%s" % (ns, resource),
         "user": {"username": user, "groups": groups or ["system:authenticated"]},
         "sourceIPs": ["10.1.2.3"], "objectRef": ref, "responseStatus": {"code": code},
         "annotations": {"authorization.k8s.io/decision": decision},
         "stageTimestamp": "2024-03-04T05:06:%02d.000000Z" % (i % 60)}
    if req is not None:
        e["requestObject"] = req
    if extra:
        e.update(extra)
    return e


def pod(containers=None, **spec):
    s = {"containers": containers or [{"name": "c", "image": "busybox:1.36"}]}
    s.update(spec)
    return {"kind": "Pod", "spec": s}


def test_own_rules(tmp):
    """Each saker rule fires on its scenario and stays quiet on near misses."""
    E = [
        (ev(1, "create", "pods", sub="exec", stage="ResponseStarted", name="web-1",
            uri="/api/v1/namespaces/default/pods/web-1/exec?command=sh"), "Saker K8s Exec Or Attach Into Pod"),
        (ev(2, "create", "pods", sub="exec", name="web-1"), None),  # ResponseComplete of the same exec
        (ev(3, "create", "pods", sub="attach", stage="ResponseStarted", name="web-1"),
         "Saker K8s Exec Or Attach Into Pod"),
        (ev(4, "create", "pods", sub="portforward", stage="ResponseStarted", name="db-0"),
         "Saker K8s Port Forward To Pod"),
        (ev(5, "patch", "pods", sub="ephemeralcontainers", name="web-1"),
         "Saker K8s Ephemeral Debug Container Added"),
        (ev(6, "create", "pods", code=201, req=pod([{"name": "c", "image": "evil/miner:1",
                                                     "securityContext": {"privileged": True}}])),
         "Saker K8s Privileged Pod Created"),
        (ev(7, "create", "pods", code=201, req=pod(initContainers=[
            {"name": "i", "image": "x", "securityContext": {"privileged": True}}])),
         "Saker K8s Privileged Pod Created"),
        (ev(8, "create", "pods", code=201, req=pod([{"name": "c", "image": "busybox",
                                                     "securityContext": {"privileged": False}}])), None),
        (ev(9, "create", "pods", code=201, req=pod(volumes=[
            {"name": "sock", "hostPath": {"path": "/var/run/docker.sock"}}])),
         "Saker K8s Pod Mounts Sensitive Host Path"),
        (ev(10, "create", "pods", code=201, req=pod(volumes=[
            {"name": "data", "hostPath": {"path": "/data/app"}}])), None),
        (ev(11, "create", "pods", code=201, req=pod(hostPID=True)), "Saker K8s Pod Shares Host Namespaces"),
        (ev(12, "create", "pods", code=201, ns="kube-system", req=pod(hostNetwork=True),
            user="system:serviceaccount:kube-system:daemon-set-controller"), None),
        (ev(13, "create", "pods", code=201, ns="kube-system", req=pod()),
         "Saker K8s Workload In System Namespace By Non-System User"),
        (ev(14, "create", "clusterrolebindings", code=201, req={
            "roleRef": {"name": "cluster-admin"}, "subjects": [{"kind": "User", "name": "mallory"}]}),
         "Saker K8s Binding To Admin Role"),
        (ev(15, "create", "clusterrolebindings", code=201, req={
            "roleRef": {"name": "view"}, "subjects": [{"kind": "User", "name": "bob"}]}), None),
        (ev(16, "create", "clusterroles", code=201, req={
            "rules": [{"apiGroups": [""], "resources": ["*"], "verbs": ["get"]}]}),
         "Saker K8s Role With Wildcard Permissions"),
        (ev(17, "get", "secrets", name="db-password"), "Saker K8s Secret Read By Unexpected User"),
        (ev(18, "get", "secrets", name="db-password", code=403, decision="forbid"), None),
        (ev(19, "list", "secrets", user="system:serviceaccount:kube-system:generic-gc"), None),
        (ev(20, "create", "serviceaccounts", sub="token", name="default", code=201),
         "Saker K8s Service Account Token Requested By User"),
        (ev(21, "get", "namespaces", user="system:anonymous", groups=["system:unauthenticated"],
            uri="/api/v1/namespaces"), "Saker K8s Anonymous Request Allowed"),
        (ev(22, "get", "", user="system:anonymous", groups=["system:unauthenticated"],
            uri="/healthz"), None),
        (ev(23, "get", "nodes", extra={"impersonatedUser": {"username": "admin"}}),
         "Saker K8s Impersonation"),
        (ev(24, "create", "services", code=201, req={"spec": {"type": "NodePort",
                                                              "ports": [{"port": 80}]}}),
         "Saker K8s NodePort Or LoadBalancer Service Created"),
        (ev(25, "create", "services", code=201, req={"spec": {"type": "ClusterIP"}}), None),
    ]
    path = os.path.join(tmp, "own.jsonl")
    with open(path, "w") as f:
        for e, _ in E:
            f.write(json.dumps(e) + "\n")
    s = Saker(tmp, path, [OWN_RULES]).wait()
    T.eq(s.proc.returncode, 0, "own rules run exit (%s)" % s.stderr.strip()[-300:])
    by_id = counts(s.alerts)
    want = {}
    for _, r in E:
        if r:
            want[r] = want.get(r, 0) + 1
    T.eq(by_id, want, "saker_k8s_rules.yaml detections per rule")
    # and together with the upstream rules the file still loads and fires
    s = Saker(tmp, path, [UP_RULES, OWN_RULES], extra_opts=["-o", "rule_matching=all"]).wait()
    T.eq(s.proc.returncode, 0, "upstream + own rules together")
    got = counts(s.alerts)
    T.check(all(got.get(r, 0) == n for r, n in want.items()),
            "own rules fire alongside upstream rules: %r" % got)


def main():
    if not SAKER or not os.path.exists(SAKER):
        kalib.skip("saker binary not available (SAKER_BIN)")
    kalib.need_fixtures()
    if not os.path.exists(UP_RULES):
        kalib.skip("upstream k8s_audit_rules.yaml not found")
    with kalib.tempdir() as tmp:
        pki = kalib.make_pki(tmp)
        test_validate(tmp)
        test_file_cases(tmp)
        webhook_cases(tmp, "http")
        webhook_cases(tmp, "https", pki)
        test_security_and_errors(tmp, pki)
        test_load(tmp)
        test_own_rules(tmp)
    T.done()


if __name__ == "__main__":
    main()
