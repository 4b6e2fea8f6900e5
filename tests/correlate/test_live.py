#!/usr/bin/env python3
"""End to end, live: the k8s audit fixture exec_pod.json POSTed to the
k8saudit webhook, then a process placed in a cgroup of that pod (the
container plugin maps the cgroup to the pod through a mock Docker Engine
API server) reads a file standing for the service account token: one
correlated alert naming both events. The other order, another pod, or a
read outside the window: none.

Needs root (cgroups, eBPF) and kernel BTF: exits 77 with a message otherwise.
"""
import datetime
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
from sktest import (Checker, cgroup_roots, free_port, json_alerts, terminate,  # noqa: E402
                    wait_port, wait_unix)

SAKER = os.environ.get("SAKER_BIN")
SYSCALL = os.environ.get("SYSCALL_PLUGIN")
CONTAINER = os.environ.get("CONTAINER_PLUGIN")
KA = os.environ.get("KA_PLUGIN")
JS = os.environ.get("JSON_PLUGIN")
UPSTREAM = os.environ.get("SAKER_UPSTREAM") or os.environ.get("SAKER_UPSTREAM_DEFAULT", "")
MOCK = os.path.join(HERE, "..", "container", "mock_docker.py")
WITHIN_S = 5
GAP_S = WITHIN_S + 3   # the read outside the window comes this long after the exec


def skip(msg):
    print("SKIP: " + msg, flush=True)
    sys.exit(77)


def now_iso():
    d = datetime.datetime.now(datetime.timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def main():
    if os.geteuid() != 0:
        skip("needs root (cgroups and eBPF); run the suite as root")
    if not os.path.exists("/sys/kernel/btf/vmlinux"):
        skip("no kernel BTF (/sys/kernel/btf/vmlinux): live eBPF capture unavailable")
    for k, v in (("SAKER_BIN", SAKER), ("SYSCALL_PLUGIN", SYSCALL),
                 ("CONTAINER_PLUGIN", CONTAINER), ("KA_PLUGIN", KA), ("JSON_PLUGIN", JS)):
        if not v or not os.path.exists(v):
            skip("missing %s" % k)
    fixture = os.path.join(UPSTREAM, "fixtures", "k8s_audit", "exec_pod.json")
    if not os.path.exists(fixture):
        skip("fixture not found: %s (set SAKER_UPSTREAM)" % fixture)
    roots = cgroup_roots()
    if not roots:
        skip("no cgroup hierarchy found")
    with open(fixture) as f:
        exec_ev = json.load(f)
    ns = exec_ev["objectRef"]["namespace"]
    pod0 = exec_ev["objectRef"]["name"]

    T = Checker(detail_max=3000)

    def ok(name, cond, detail=""):
        T.check(name, cond, detail)
        return cond
    tmp = tempfile.mkdtemp(prefix="sk-corr-live-")
    token_dir = os.path.join(tmp, "serviceaccount")
    os.mkdir(token_dir)
    token = os.path.join(token_dir, "token")
    with open(token, "w") as f:
        f.write("not-a-real-token\n")
    # one container per case, each the only container of its pod
    pods = {"match": pod0, "order": pod0 + "-order", "other-exec": pod0 + "-other",
            "other-read": pod0 + "-elsewhere", "late": pod0 + "-late"}
    cids = {k: secrets.token_hex(32) for k in pods}
    data = {cids[k]: {"Id": cids[k], "Name": "/corr-" + k, "Image": "sha256:" + "ab" * 32,
                      "State": {"StartedAt": "2024-05-01T10:00:00Z"},
                      "Config": {"Image": "saker-e2e/app:1", "Labels": {
                          "io.kubernetes.pod.name": pods[k],
                          "io.kubernetes.pod.namespace": ns}},
                      "HostConfig": {"Privileged": False}, "Mounts": []} for k in pods}
    with open(os.path.join(tmp, "data.json"), "w") as f:
        json.dump(data, f)
    sock = os.path.join(tmp, "docker.sock")
    mock = subprocess.Popen([sys.executable, MOCK, "--socket", sock, "--data",
                             os.path.join(tmp, "data.json"), "--mode", "ok"])
    cgdirs = []
    saker = None
    try:
        if not wait_unix(sock, 10):
            T.check("mock runtime server started", False)
            T.finish()
        marker_name = "corr-live-%05d" % (os.getpid() % 100000)
        marker = os.path.join(tmp, marker_name)
        reader_name = "corr-rd-%05d" % (os.getpid() % 100000)
        reader = os.path.join(tmp, reader_name)
        shutil.copy("/bin/true", marker)
        shutil.copy("/bin/cat", reader)
        rules = os.path.join(tmp, "rules.yaml")
        with open(rules, "w") as f:
            f.write("""
- rule: corr live marker
  desc: capture is live
  condition: evt.type in (execve, execveat) and proc.name = %s
  output: marker
  priority: DEBUG
- correlation: Live exec then token read
  desc: the shipped exec-then-token correlation, with the token path of this test
  kind: sequence
  within: %ds
  steps:
    - name: exec into pod
      condition: ka.verb = create and ka.target.resource = pods and ka.target.subresource in (exec, attach)
      source: k8s_audit
      by: [ka.target.namespace, ka.target.name]
    - name: token read
      condition: >
        evt.type in (open, openat, openat2) and evt.is_open_read = true
        and fd.name startswith %s/ and proc.name = %s
      source: syscall
      by: [k8s.ns.name, k8s.pod.name]
  output: "exec then token read (user=%%steps[0].ka.user.name ns=%%key[0] pod=%%key[1] file=%%steps[1].fd.name)"
  priority: CRITICAL
""" % (marker_name, WITHIN_S, token_dir, reader_name))
        port = free_port()
        cfg = os.path.join(tmp, "saker.yaml")
        with open(cfg, "w") as f:
            json.dump({
                "rules_files": [rules],
                "plugins": [
                    {"name": "syscall", "library_path": SYSCALL, "init_config": ""},
                    {"name": "container", "library_path": CONTAINER, "init_config": {
                        "lookup_wait_ms": 3000, "lookup_timeout_ms": 3000,
                        "engines": {"docker": {"sockets": [sock]}, "podman": {"enabled": False},
                                    "cri": {"enabled": False}}}},
                    {"name": "k8saudit", "library_path": KA, "init_config": {},
                     "open_params": "http://127.0.0.1:%d/k8s-audit" % port},
                    {"name": "json", "library_path": JS, "init_config": {}}],
                "load_plugins": ["syscall", "container", "k8saudit", "json"],
                "json_output": True, "webserver": {"enabled": False},
                "correlation": {"lateness_ms": 3000, "idle_timeout_ms": 2000}}, f)
        out_path = os.path.join(tmp, "saker.out")
        outf = open(out_path, "w")
        # The test stops saker (SIGTERM); -M only ends a run whose test was
        # killed, after the ctest timeout (300 s): the waits below may add up
        # to more than a short fixed run on a loaded machine.
        saker = subprocess.Popen([SAKER, "-c", cfg, "-M", "320"], stdout=outf,
                                 stderr=subprocess.STDOUT)

        def alerts():
            with open(out_path) as f:
                return json_alerts(f.read())

        if not ok("webhook up", wait_port(port, 30)):
            T.finish()
        deadline = time.time() + 60
        while time.time() < deadline and saker.poll() is None and \
                not any(a["rule"] == "corr live marker" for a in alerts()):
            subprocess.run([marker])
            time.sleep(0.5)
        if not ok("live capture reports the marker",
                       any(a["rule"] == "corr live marker" for a in alerts()),
                       open(out_path).read()[-2000:]):
            T.finish()

        def post_exec(pod):
            ev = dict(exec_ev)
            ev["objectRef"] = dict(exec_ev["objectRef"], name=pod)
            ev["auditID"] = secrets.token_hex(8)
            ev["requestReceivedTimestamp"] = ev["stageTimestamp"] = now_iso()
            req = urllib.request.Request("http://127.0.0.1:%d/k8s-audit" % port,
                                         data=json.dumps(ev).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status

        def read_in(case):
            procs = []
            for r in roots:
                d = os.path.join(r, "docker", cids[case])
                os.makedirs(d, exist_ok=True)
                if d not in cgdirs:
                    cgdirs.append(d)
                procs.append(os.path.join(d, "cgroup.procs"))

            def enter():
                for p in procs:
                    with open(p, "w") as f:
                        f.write(str(os.getpid()))
            return subprocess.run([reader, token], preexec_fn=enter, capture_output=True).returncode

        T.check("exec posted (match)", post_exec(pods["match"]) == 200)
        T.check("token read (match)", read_in("match") == 0)
        T.check("token read first (order)", read_in("order") == 0)
        T.check("exec posted after (order)", post_exec(pods["order"]) == 200)
        T.check("exec posted (other pod)", post_exec(pods["other-exec"]) == 200)
        T.check("token read in another pod", read_in("other-read") == 0)
        T.check("exec posted (late)", post_exec(pods["late"]) == 200)
        t_exec = time.time()
        # wait out the window (wall time stands for event time on a live source)
        time.sleep(max(0.0, t_exec + GAP_S - time.time()))
        T.check("token read after the window", read_in("late") == 0)
        # the one expected alert, then let the watermark pass the last read
        deadline = time.time() + 60
        corr = []
        while time.time() < deadline and not corr:
            corr = [a for a in alerts() if a.get("source") == "correlation"]
            time.sleep(0.5)
        time.sleep(6)  # idle k8s source (2 s) + lateness (3 s): everything released
        rc = terminate(saker, 30)
        saker = None
        T.check("saker stops cleanly", rc == 0, rc)
        corr = [a for a in alerts() if a.get("source") == "correlation"]
        T.check("exactly one correlated alert", len(corr) == 1,
                [(a["rule"], a["output"]) for a in corr])
        if corr:
            a = corr[0]
            st = a.get("steps", [])
            T.check("it names the pod of the matching case",
                    a["output_fields"].get("key[1]") == pods["match"]
                    and a["output_fields"].get("key[0]") == ns, a["output_fields"])
            T.check("steps: the exec (k8s audit) then the read (syscall)",
                    len(st) == 2 and st[0]["source"] == "k8s_audit"
                    and st[1]["source"] == "syscall"
                    and st[0]["fields"].get("ka.user.name") == exec_ev["user"]["username"]
                    and st[1]["fields"].get("k8s.pod.name") == pods["match"], st)
            T.check("output names user and file",
                    "user=%s" % exec_ev["user"]["username"] in a["output"]
                    and "file=%s" % token in a["output"], a["output"])
    finally:
        if saker is not None:
            terminate(saker, 30)
        mock.terminate()
        mock.wait(timeout=10)
        for d in reversed(cgdirs):
            try:
                os.rmdir(d)
            except OSError:
                pass
        shutil.rmtree(tmp, ignore_errors=True)
    T.finish()


if __name__ == "__main__":
    sys.exit(main())
