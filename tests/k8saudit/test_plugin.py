#!/usr/bin/env python3
"""k8saudit plugin tests through the C harness host (no saker binary needed):
field table, file / directory / file:// sources, the webhook (HTTP, HTTPS,
mTLS, bearer token, error statuses, queue-full 503, concurrent clients)."""
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kalib  # noqa: E402
from kalib import Harness, post, run_file  # noqa: E402

T = kalib.Failures()

BASE = """ka.auditid ka.stage ka.auth.decision ka.auth.reason ka.auth.openshift.decision
ka.validations.admission.policy.failure ka.security.pod.violations ka.auth.openshift.username
ka.user.name ka.user.groups ka.impuser.name ka.verb ka.uri ka.uri.param ka.target.name
ka.target.namespace ka.target.resource ka.target.subresource ka.target.pod.name
ka.req.binding.subjects ka.req.binding.subjects.user_names
ka.req.binding.subjects.serviceaccount_names ka.req.binding.subjects.serviceaccount_ns_names
ka.req.binding.subjects.group_names ka.req.binding.role ka.req.binding.subject.has_name
ka.req.configmap.name ka.req.configmap.obj ka.req.pod.containers.args
ka.req.pod.containers.command ka.req.pod.containers.name ka.req.pod.containers.image
ka.req.container.image ka.req.pod.containers.image.repository ka.req.container.image.repository
ka.req.pod.host_ipc ka.req.pod.host_network ka.req.container.host_network ka.req.pod.host_pid
ka.req.pod.containers.host_port ka.req.pod.containers.privileged ka.req.container.privileged
ka.req.pod.containers.allow_privilege_escalation ka.req.pod.containers.read_only_fs
ka.req.pod.run_as_user ka.req.pod.containers.run_as_user ka.req.pod.containers.eff_run_as_user
ka.req.pod.run_as_group ka.req.pod.containers.run_as_group ka.req.pod.containers.eff_run_as_group
ka.req.pod.containers.proc_mount ka.req.role.rules ka.req.role.rules.apiGroups
ka.req.role.rules.nonResourceURLs ka.req.role.rules.verbs ka.req.role.rules.resources
ka.req.pod.fs_group ka.req.pod.supplemental_groups ka.req.pod.containers.add_capabilities
ka.req.service.type ka.req.service.ports ka.req.pod.volumes.hostpath ka.req.volume.hostpath
ka.req.pod.volumes.flexvolume_driver ka.req.pod.volumes.volume_type ka.resp.name
ka.response.code ka.response.reason ka.useragent ka.sourceips ka.cluster.name""".split()
CTR = ["name", "image", "image.repository", "command", "args", "privileged",
       "allow_privilege_escalation", "read_only_fs", "run_as_user", "eff_run_as_user",
       "run_as_group", "eff_run_as_group", "proc_mount", "add_capabilities"]
EXPECTED = set(BASE) | {"ka.req.pod.initContainers." + x for x in CTR + ["host_port"]} | {
    "ka.req.pod.ephemeralContainers." + x for x in CTR}


def vtuple(v):
    return tuple(int(x) for x in v.split("."))


def test_fields():
    out = subprocess.run([kalib.HARNESS, "fields", kalib.KA_PLUGIN], capture_output=True,
                         text=True, check=True).stdout
    d = json.loads(out)
    T.eq(d["name"], "k8saudit", "plugin name")
    T.eq(d["source"], "k8s_audit", "event source")
    T.eq(d["id"], 1, "plugin id")
    T.check(vtuple(d["version"]) >= (0, 18, 0), "version >= 0.18.0: " + d["version"])
    names = [f["name"] for f in d["fields"]]
    T.eq(len(names), 100, "field count")
    T.eq(set(names), EXPECTED, "field names")
    T.check(all(f["type"] == "string" for f in d["fields"]), "every ka.* field is a string")
    T.eq(sum(1 for f in d["fields"] if f.get("isList")), 61, "list fields")
    T.eq(sum(1 for f in d["fields"] if f.get("arg", {}).get("isIndex")), 53, "index fields")
    req = sorted(f["name"] for f in d["fields"] if f.get("arg", {}).get("isRequired"))
    T.eq(req, ["ka.req.binding.subject.has_name", "ka.req.volume.hostpath", "ka.uri.param"],
         "required-key fields")
    j = json.loads(subprocess.run([kalib.HARNESS, "fields", kalib.JSON_PLUGIN],
                                  capture_output=True, text=True, check=True).stdout)
    T.eq(j["name"], "json", "json plugin name")
    T.check(vtuple(j["version"]) >= (0, 7, 0), "json version >= 0.7.0")
    T.eq(sorted(f["name"] for f in j["fields"]),
         sorted(["json.value", "json.obj", "json.rawtime", "jevt.value", "jevt.obj",
                 "jevt.rawtime"]), "json fields")


FIELDS = ["ka.user.name", "ka.verb", "ka.target.resource", "ka.target.subresource",
          "ka.req.pod.containers.privileged", "ka.req.container.privileged",
          "ka.req.pod.containers.image.repository", "ka.response.code", "ka.uri.param[command]",
          "ka.req.binding.role", "ka.req.binding.subjects", "ka.req.configmap.obj",
          "ka.target.name", "ka.target.namespace", "jevt.value[/stage]", "jevt.rawtime",
          "ka.auth.decision", "ka.sourceips[0]", "ka.req.pod.containers.eff_run_as_user",
          "ka.req.pod.volumes.volume_type", "ka.req.volume.hostpath[/var/run/docker.sock]"]


def by_fixture(fields=FIELDS):
    res = {}
    for name in sorted(os.listdir(kalib.FIXTURES)):
        h = run_file(os.path.join(kalib.FIXTURES, name), fields)
        T.eq(h.rc, 0, "harness exit for " + name + " " + h.stderr)
        T.eq((h.end or {}).get("end"), "eof", "file source ends with EOF: " + name)
        res[name] = h.events
    return res


def test_file_values(files):
    T.eq({k: len(v) for k, v in files.items()}, {
        "attach_cluster_admin_role.json": 1, "create_configmap_sensitive_values.json": 6,
        "create_nginx_pod_privileged.json": 1, "exec_pod.json": 1,
        "some-user_creates_namespace_foo.json": 1}, "events per fixture")
    ev = files["exec_pod.json"][0]["f"]
    T.eq(ev["ka.target.subresource"], ["exec"], "exec subresource")
    T.eq(ev["ka.uri.param[command]"], ["bash"], "uri param command")
    T.eq(ev["ka.response.code"], ["101"], "numeric response code rendered as text")
    T.eq(ev["jevt.value[/stage]"], ["ResponseStarted"], "json pointer /stage")
    T.eq(ev["ka.sourceips[0]"], ["192.168.99.1"], "sourceips[0]")
    T.eq(files["exec_pod.json"][0]["ts"], 1540561114902914000, "ts from stageTimestamp")
    T.eq(ev["jevt.rawtime"], ["1540561114902914000"], "jevt.rawtime")
    p = files["create_nginx_pod_privileged.json"][0]["f"]
    T.eq(p["ka.req.pod.containers.privileged"], ["true"], "privileged list")
    T.eq(p["ka.req.container.privileged"], ["true"], "any container privileged")
    T.eq(p["ka.req.pod.containers.image.repository"], ["nginx"], "image repository")
    T.eq(p["ka.req.pod.containers.eff_run_as_user"], ["0"], "effective uid default 0")
    T.eq(p["ka.uri.param[command]"], None, "missing uri param has no value")
    a = files["attach_cluster_admin_role.json"][0]["f"]
    T.eq(a["ka.req.binding.role"], ["cluster-admin"], "binding role")
    T.check(a["ka.req.binding.subjects"] and a["ka.req.binding.subjects"][0].startswith("{"),
            "binding subjects rendered as JSON objects: %r" % a["ka.req.binding.subjects"])
    c = files["create_configmap_sensitive_values.json"]
    T.check(all(e["f"]["ka.req.configmap.obj"] and e["f"]["ka.req.configmap.obj"][0].startswith("{")
                for e in c), "configmap obj as JSON text")
    n = files["some-user_creates_namespace_foo.json"][0]["f"]
    T.eq((n["ka.user.name"], n["ka.target.resource"], n["ka.target.name"]),
         (["some-user"], ["namespaces"], ["foo"]), "namespace fixture fields")


def test_directory(files):
    h = run_file(kalib.FIXTURES, ["ka.auditid"])
    T.eq(len(h.events), sum(len(v) for v in files.values()), "directory mode reads every file")
    T.eq(h.end.get("end"), "eof", "directory mode ends with EOF")


def synth_event(i, user="load-user", verb="get", resource="pods", extra=None):
    ev = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata",
          "auditID": "synthetic-%d" % i, "stage": "ResponseComplete",
          "requestURI": "/api/v1/namespaces/default/%s" % resource, "verb": verb,
          "user": {"username": user, "groups": ["system:authenticated"]},
          "sourceIPs": ["10.0.0.1"], "objectRef": {"resource": resource, "namespace": "default",
                                                   "apiVersion": "v1"},
          "responseStatus": {"metadata": {}, "code": 200},
          "requestReceivedTimestamp": "2024-01-02T03:04:05.000001Z",
          "stageTimestamp": "2024-01-02T03:04:05.%06dZ" % (i % 1000000)}
    if extra:
        ev.update(extra)
    return ev


def test_file_documents():
    with kalib.tempdir() as d:
        p = os.path.join(d, "mixed.log")
        evs = [synth_event(i) for i in range(5)]
        with open(p, "w") as f:
            f.write(json.dumps(evs[0]) + "\n")
            f.write("\n")
            f.write("{\"kind\": \"Event\", \"truncated\n")            # bad line, skipped
            f.write(json.dumps({"kind": "EventList", "items": evs[1:3]}, indent=2) + "\n")
            f.write(json.dumps([evs[3]]) + "\n")
            f.write(json.dumps({"kind": 0}) + "\n")               # not audit, skipped
            f.write(json.dumps(synth_event(9, extra={"stageTimestamp": "bogus"})) + "\n")
            f.write(json.dumps(evs[4]))                            # no trailing newline
        h = run_file(p, ["ka.auditid"])
        T.eq([e["f"]["ka.auditid"][0] for e in h.events],
             ["synthetic-%d" % i for i in range(5)],
             "JSON lines + pretty EventList + array, bad documents skipped")
        T.eq(h.metric("k8saudit.file.bad_documents"), 2, "bad documents counted")
        T.eq(h.metric("k8saudit.events.dropped_no_timestamp"), 0,
             "file-mode drops counted in parse stats, not webhook counters")


def test_follow():
    with kalib.tempdir() as d:
        p = os.path.join(d, "audit.log")
        with open(p, "w") as f:
            f.write(json.dumps(synth_event(0)) + "\n")
        h = Harness("file://" + p, ["ka.auditid"])
        T.check(h.opened(), "file:// opened")
        # Each step waits for the follower to deliver what the previous one
        # wrote (its output is the readiness signal), so a slow machine
        # cannot reorder the file operations against the reads.
        T.check(h.read_events(1), "follow: first line read")
        with open(p, "a") as f:
            f.write(json.dumps(synth_event(1)) + "\n")
            line = json.dumps(synth_event(2))
            f.write(line[:20])                 # partial line: must wait
            f.flush()
            T.check(h.read_events(2), "follow: line before the partial one read")
            # a few polls of the follower see the partial line; a slow
            # machine only makes it fewer, never a false failure
            time.sleep(0.4)
            f.write(line[20:] + "\n")
        T.check(h.read_events(3), "follow: completed partial line read")
        os.rename(p, p + ".1")                 # rotation
        with open(p + ".1", "a") as f:         # late write to the rotated file
            f.write(json.dumps(synth_event(3)) + "\n")
        with open(p, "w") as f:
            f.write(json.dumps(synth_event(4)) + "\n")
        T.check(h.read_events(5), "follow: rotated and new file read")
        with open(p, "w") as f:                # truncation in place
            f.write(json.dumps(synth_event(5)) + "\n")
        T.check(h.read_events(6), "follow: truncated file read")
        h.wait(timeout=30)
        got = [e["f"]["ka.auditid"][0] for e in h.events]
        T.eq(got, ["synthetic-%d" % i for i in range(6)],
             "follow: append, partial line, rotation, truncation")


def start_webhook(scheme="http", config=None, fields=("ka.auditid",), **kw):
    port = kalib.free_port()
    cfg = json.dumps(config or {})
    h = Harness("%s://127.0.0.1:%d/k8s-audit" % (scheme, port), list(fields), config=cfg, **kw)
    T.check(h.opened(), "webhook opened: %r %s" % (h.first, h.stderr if not h.opened() else ""))
    return h, port


def test_webhook_formats(files):
    h, port = start_webhook(fields=FIELDS)
    try:
        for name in sorted(files):
            lines = kalib.fixture_lines(name)
            # one fixture as single Events, the next as an EventList, then an array
            st, _ = post(port, json.dumps({"kind": "EventList", "apiVersion": "audit.k8s.io/v1",
                                           "items": lines}))
            T.eq(st, 200, "EventList post of " + name)
        for ev in kalib.fixture_lines("exec_pod.json"):
            T.eq(post(port, json.dumps(ev))[0], 200, "single Event post")
        T.eq(post(port, json.dumps(kalib.fixture_lines("attach_cluster_admin_role.json")))[0],
             200, "JSON array post")
        v1beta = dict(kalib.fixture_lines("exec_pod.json")[0], apiVersion="audit.k8s.io/v1beta1")
        T.eq(post(port, json.dumps({"kind": "EventList", "apiVersion": "audit.k8s.io/v1beta1",
                                    "items": [v1beta]}))[0], 200, "v1beta1 EventList")
    finally:
        h.wait()
    expect = [e for name in sorted(files) for e in files[name]]
    got = h.events
    T.eq(len(got), len(expect) + 3, "webhook event count")
    T.eq([e["f"] for e in got[:len(expect)]], [e["f"] for e in expect],
         "webhook events extract exactly like file events")
    T.eq([e["ts"] for e in got[:len(expect)]], [e["ts"] for e in expect], "webhook timestamps")


def test_webhook_errors():
    h, port = start_webhook(config={"webhookMaxBatchSize": 12582912})
    ok = json.dumps(synth_event(1))
    cases = [
        ("malformed JSON", lambda: post(port, "{not json"), 400),
        ("{\"kind\": 0}", lambda: post(port, "{\"kind\": 0}"), 400),
        ("truncated body", lambda: post(port, ok[:len(ok) // 2]), 400),
        ("wrong apiVersion", lambda: post(port, json.dumps(dict(synth_event(2),
                                                                apiVersion="v1"))), 400),
        ("GET", lambda: post(port, None, method="GET", ctype=None), 405),
        ("PUT", lambda: post(port, ok, method="PUT"), 405),
        ("wrong content type", lambda: post(port, ok, ctype="text/plain"), 415),
        ("missing content type", lambda: post(port, ok, ctype=None), 415),
        ("other path", lambda: post(port, ok, path="/nope"), 404),
        ("20 MB body", lambda: (kalib.post_raw_large(port, 20 * 1024 * 1024), ""), 413),
    ]
    n_ok = 0
    try:
        for i, (what, fn, want) in enumerate(cases):
            st, body = fn()
            T.eq(st, want, what + " status (" + body.strip()[:80] + ")")
            T.check(want in (405, 413) or body.strip() != "", what + " has a reason")
            st, _ = post(port, json.dumps(synth_event(100 + i)))
            T.eq(st, 200, "valid request after " + what)
            n_ok += 1
    finally:
        h.wait()
    T.eq(len(h.events), n_ok, "only valid requests produced events")
    T.eq(h.metric("k8saudit.webhook.rejected_too_large"), 1, "413 counted")
    T.eq(h.metric("k8saudit.webhook.rejected_malformed_json"), 2, "malformed counted")
    T.eq(h.metric("k8saudit.webhook.rejected_not_audit"), 2, "not-audit counted")


def test_webhook_chunked_too_large():
    h, port = start_webhook(config={"webhookMaxBatchSize": 4096, "maxEventSize": 4096})
    try:
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        body = (b" " * 1024 for _ in range(64))
        conn.request("POST", "/k8s-audit", body=body,
                     headers={"Content-Type": "application/json",
                              "Transfer-Encoding": "chunked"}, encode_chunked=True)
        T.eq(conn.getresponse().status, 413, "chunked body over the limit")
        conn.close()
        T.eq(post(port, json.dumps(synth_event(1)))[0], 200, "valid after chunked 413")
    finally:
        h.wait()
    T.eq(len(h.events), 1, "one event after chunked 413")


def test_tls():
    with kalib.tempdir() as d:
        pki = kalib.make_pki(d)
        tokf = os.path.join(d, "token")
        with open(tokf, "w") as f:
            f.write("s3cr3t-token\n")
        base = {"sslCertificate": pki["server.crt"], "sslKey": pki["server.key"]}
        # plain HTTPS with separate cert and key files
        h, port = start_webhook("https", base)
        try:
            T.eq(post(port, json.dumps(synth_event(1)), tls=kalib.client_ctx(pki))[0], 200,
                 "https post")
            T.eq(post(port, "{bad", tls=kalib.client_ctx(pki))[0], 400, "https malformed")
        finally:
            h.wait()
        T.eq(len(h.events), 1, "https event delivered")
        # mTLS + bearer token
        cfg = dict(base, sslClientCA=pki["ca.crt"], webhookBearerTokenFile=tokf)
        h, port = start_webhook("https", cfg)
        auth = {"Authorization": "Bearer s3cr3t-token"}
        try:
            def attempt(ctx, headers):
                try:
                    return post(port, json.dumps(synth_event(2)), tls=ctx, headers=headers)[0]
                except (OSError, Exception) as e:  # handshake refusal counts as refused
                    return "refused: %s" % type(e).__name__
            st = attempt(kalib.client_ctx(pki), auth)
            T.check(st == 403 or str(st).startswith("refused"), "no client cert refused: %r" % st)
            st = attempt(kalib.client_ctx(pki, "badclient"), auth)
            T.check(st == 403 or str(st).startswith("refused"),
                    "client cert from another CA refused: %r" % st)
            T.eq(attempt(kalib.client_ctx(pki, "client"), {"Authorization": "Bearer wrong"}), 401,
                 "bearer mismatch")
            T.eq(attempt(kalib.client_ctx(pki, "client"), {}), 401, "bearer missing")
            T.eq(attempt(kalib.client_ctx(pki, "client"), auth), 200, "valid cert + token")
        finally:
            h.wait()
        T.eq(len(h.events), 1, "only the authorised request produced an event")
        T.eq(h.metric("k8saudit.webhook.rejected_unauthorized"), 2, "401s counted")
        T.check("s3cr3t" not in h.stderr, "token not logged")
        # bad TLS configuration fails at open, naming the problem
        h = Harness("https://127.0.0.1:%d/k8s-audit" % kalib.free_port(), [],
                    config=json.dumps({"sslCertificate": os.path.join(d, "missing.pem")})).wait()
        T.check("sslCertificate" in (h.end or {}).get("error", ""),
                "missing certificate named: %r" % h.end)


def test_queue_full():
    # The consumer is held until the queue was seen full, then released;
    # its output says when it drained (no timing guesses either way).
    h, port = start_webhook(config={"queueMaxEvents": 4}, hold=True)
    try:
        sts = [post(port, json.dumps(synth_event(i)))[0] for i in range(4)]
        T.eq(sts, [200] * 4, "first 4 events fit")
        st, body = post(port, json.dumps({"kind": "EventList", "items": [synth_event(10),
                                                                           synth_event(11)]}))
        T.eq(st, 503, "queue full -> 503 (" + body.strip() + ")")
        h.release()
        T.check(h.read_events(4), "consumer drained the queue")
        T.eq(post(port, json.dumps(synth_event(20)))[0], 200, "accepted again after draining")
    finally:
        h.wait()
    T.eq([e["f"]["ka.auditid"][0] for e in h.events],
         ["synthetic-%d" % i for i in (0, 1, 2, 3, 20)], "nothing of the 503 batch was queued")
    T.eq(h.metric("k8saudit.webhook.rejected_queue_full"), 1, "503 counted")
    T.eq(h.metric("k8saudit.events.dropped_queue_full"), 2, "refused events counted")


def test_concurrent():
    h, port = start_webhook(fields=("ka.auditid", "ka.verb"))
    accepted = []
    lock = threading.Lock()

    def client(c):
        for r in range(25):
            items = [synth_event(c * 10000 + r * 10 + k, verb="delete" if k % 3 == 0 else "get")
                     for k in range(4)]
            st, _ = post(port, json.dumps({"kind": "EventList", "items": items}))
            if st == 200:
                with lock:
                    accepted.extend(e["auditID"] for e in items)

    try:
        ths = [threading.Thread(target=client, args=(c,)) for c in range(16)]
        for t in ths:
            t.start()
        for t in ths:
            t.join()
    finally:
        h.wait(timeout=120)
    got = [e["f"]["ka.auditid"][0] for e in h.events]
    T.eq(len(accepted), 16 * 25 * 4, "every concurrent request answered 200")
    T.eq(sorted(got), sorted(accepted), "every accepted event delivered exactly once")


def test_config_errors():
    bad = [({"maxEventSize": "big"}, "maxEventSize"), ({"sslKeyy": "x"}, "sslKeyy"),
           ({"webhookBearerTokenFile": "/nonexistent/tok"}, "webhookBearerTokenFile"),
           ({"maxEventSize": 100000000, "webhookMaxBatchSize": 2000}, "maxEventSize")]
    for cfg, key in bad:
        p = subprocess.run([kalib.HARNESS, "run", "--source", kalib.KA_PLUGIN, "--config",
                            json.dumps(cfg), "--open", "/dev/null"], capture_output=True, text=True)
        T.check(p.returncode != 0 and key in p.stderr, "bad config %r names %s: %s" %
                (cfg, key, p.stderr.strip()))
    h = Harness("ftp://x/y", []).wait()
    T.check("not supported" in (h.end or {}).get("error", ""), "unsupported scheme: %r" % h.end)
    h1, port = start_webhook()
    try:
        h2 = Harness("http://127.0.0.1:%d/k8s-audit" % port, []).wait()
        T.check("cannot listen" in (h2.end or {}).get("error", ""),
                "port in use reported at open: %r" % h2.end)
    finally:
        h1.wait()


def main():
    if not (kalib.HARNESS and kalib.KA_PLUGIN and kalib.JSON_PLUGIN):
        kalib.skip("KA_HARNESS / KA_PLUGIN / JSON_PLUGIN not set")
    kalib.need_fixtures()
    test_fields()
    files = by_fixture()
    test_file_values(files)
    test_directory(files)
    test_file_documents()
    test_follow()
    test_webhook_formats(files)
    test_webhook_errors()
    test_webhook_chunked_too_large()
    test_tls()
    test_queue_full()
    test_concurrent()
    test_config_errors()
    T.done()


if __name__ == "__main__":
    main()
