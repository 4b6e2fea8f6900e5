#!/usr/bin/env python3
"""End-to-end: the real saker binary, the syscall plugin live, the container
plugin asking a mock Docker Engine API server.

A process is moved into a cgroup named like a Docker container's
(<hierarchy>/docker/<64 hex id>) and runs, with a terminal, a shell whose
parent is called "runc". Checks:
  - a test rule's alert for a marker program run in that "container" carries
    the container id, name, image repository/tag, privileged flag, a mount
    and the k8s pod/namespace labels the mock server returned;
  - the upstream stable rule "Terminal shell in container" fires for the
    shell in the container;
  - the same actions on the host give container.id=host and no
    "Terminal shell in container" alert.
Needs root (cgroups, eBPF): exits 77 with a message otherwise.

usage: test_e2e_live.py --saker BIN --syscall LIB --container LIB --mock mock_docker.py
"""
import argparse
import json
import os
import pty
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

SKIP = 77
FAILURES = []  # also filled while cleaning up (sanitizer reports)


def skip(msg):
    print("SKIP: " + msg, flush=True)
    sys.exit(SKIP)


def run_with_tty(argv, cgroup_procs, timeout=15):
    """Run argv in a new session with a pty as controlling terminal, after
    moving the child into every cgroup.procs given."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            for p in cgroup_procs:
                with open(p, "w") as f:
                    f.write(str(os.getpid()))
            os.execv(argv[0], argv)
        except Exception as e:  # noqa: BLE001 - report and die in the child
            os.write(2, ("child: %s\n" % e).encode())
        os._exit(127)
    out = b""
    end = time.time() + timeout
    while time.time() < end:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    return status, out


def scrape(port, name):
    """Value of the first sample of metric `name` on saker's /metrics."""
    try:
        text = sktest.http_get(port, "/metrics", timeout=5)
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            try:
                return float(line.rsplit(" ", 1)[1])
            except ValueError:
                return None
    return None


def hang_checks(alerts, marker, roots, cid, cgdirs, failures, port):
    """The runtime socket hangs for 10 s: the container's first event may
    wait lookup_wait_ms (0.5 s), then is reported with the cgroup fields;
    nothing waits for the socket."""
    for r in roots:
        d = os.path.join(r, "docker", cid)
        os.makedirs(d, exist_ok=True)
        cgdirs.append(d)
    procs = [os.path.join(d, "cgroup.procs") for d in cgdirs]

    def enter():
        for p in procs:
            with open(p, "w") as f:
                f.write(str(os.getpid()))

    def seen(pred, since, limit):
        end = time.time() + limit
        while time.time() < end:
            a = next((a for a in alerts()[since:] if pred(a)), None)
            if a:
                return a
            time.sleep(0.05)
        return None

    is_ctr = lambda a: (a.get("rule") == "saker e2e container marker"  # noqa: E731
                        and a.get("output_fields", {}).get("container.id") == cid[:12])
    is_host = lambda a: (a.get("rule") == "saker e2e container marker"  # noqa: E731
                         and a.get("output_fields", {}).get("container.id") == "host")
    for round_ in range(3):
        n = len(alerts())
        t0 = time.time()
        subprocess.run([marker], preexec_fn=enter)
        a = seen(is_ctr, n, 60)
        dt = time.time() - t0
        if not a:
            failures.append("round %d: no container marker alert within 60 s" % round_)
            continue
        of = a.get("output_fields", {})
        if of.get("container.type") != "docker" or of.get("container.name") not in ("", None):
            failures.append("round %d: fields while the runtime hangs: %r" % (round_, of))
        # The socket hangs 10 s; the event may wait 0.5 s (+ capture latency).
        # That it was released by the wait, not by the lookup, is shown by
        # lookup_wait_timeouts below; this bound only catches an event held
        # for the whole hang and leaves a loaded machine 7 s of slack.
        if dt > 8.0:
            failures.append("round %d: container event reported after %.2f s" % (round_, dt))
        n = len(alerts())
        t0 = time.time()
        subprocess.run([marker])
        if not seen(is_host, n, 60) or time.time() - t0 > 8.0:
            failures.append("round %d: host event delayed (%.2f s)" % (round_, time.time() - t0))
        print("hang round %d: container event after %.2f s" % (round_, dt), flush=True)
    # The lookup timed out (2 s): saker's /metrics shows the plugin's counters
    # (exported by the host every 5 s).
    end = time.time() + 20
    failed = waited = None
    while time.time() < end:
        failed = scrape(port, "saker_plugin_container_lookups_failed")
        waited = scrape(port, "saker_plugin_container_lookup_wait_timeouts")
        if failed and failed >= 1 and waited and waited >= 1:
            break
        time.sleep(0.5)
    print("metrics: lookups_failed=%s lookup_wait_timeouts=%s" % (failed, waited), flush=True)
    if not (failed and failed >= 1):
        failures.append("/metrics: saker_plugin_container_lookups_failed = %r" % failed)
    if not (waited and waited >= 1):
        failures.append("/metrics: saker_plugin_container_lookup_wait_timeouts = %r" % waited)
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--saker", required=True)
    ap.add_argument("--syscall", required=True)
    ap.add_argument("--container", required=True)
    ap.add_argument("--mock", required=True)
    ap.add_argument("--upstream-default", default="")
    ap.add_argument("--scenario", default="metadata", choices=["metadata", "hang"],
                    help="hang: the runtime socket hangs 10 s; events must not wait for it")
    args = ap.parse_args()
    args.upstream = os.environ.get("SAKER_UPSTREAM") or args.upstream_default

    if os.geteuid() != 0:
        skip("needs root (cgroups and eBPF); run the suite as root")
    rules = os.path.join(args.upstream or "", "rules", "falco_rules.yaml")
    if not args.upstream or not os.path.exists(rules):
        skip("upstream rules not found (SAKER_UPSTREAM=%s)" % args.upstream)
    for p in (args.saker, args.syscall, args.container):
        if not os.path.exists(p):
            skip("missing " + p)
    if not os.path.exists("/sys/kernel/btf/vmlinux"):
        skip("no kernel BTF (/sys/kernel/btf/vmlinux): live eBPF capture unavailable")
    roots = sktest.cgroup_roots()
    if not roots:
        skip("no writable cgroup hierarchy found")

    tmp = tempfile.mkdtemp(prefix="sk-ctr-e2e-")
    cid = secrets.token_hex(32)
    name, image = "e2e-web", "saker-e2e/nginx:1.25"
    data = {cid: {
        "Id": cid, "Name": "/" + name, "Image": "sha256:" + "ab" * 32,
        "State": {"StartedAt": "2024-05-01T10:00:00Z"},
        "Config": {"Image": image, "Labels": {
            "io.kubernetes.pod.name": "e2e-pod", "io.kubernetes.pod.namespace": "e2e-ns"}},
        "HostConfig": {"Privileged": True},
        "NetworkSettings": {"IPAddress": "172.17.0.9"},
        "Mounts": [{"Source": "/var/run/docker.sock", "Destination": "/var/run/docker.sock",
                    "Mode": "", "RW": True, "Propagation": "rprivate"}],
    }}
    cid2 = secrets.token_hex(32)
    data[cid2] = {"Id": cid2, "Name": "/e2e-plain", "Image": "sha256:" + "cd" * 32,
                  "Config": {"Image": "saker-e2e/plain:2", "Labels": {}},
                  "HostConfig": {"Privileged": False}, "Mounts": []}
    with open(os.path.join(tmp, "data.json"), "w") as f:
        json.dump(data, f)
    sock = os.path.join(tmp, "docker.sock")
    hang = args.scenario == "hang"
    mock = subprocess.Popen([sys.executable, args.mock, "--socket", sock, "--data",
                             os.path.join(tmp, "data.json"), "--log",
                             os.path.join(tmp, "requests.log"),
                             "--mode", "hang" if hang else "ok", "--hang-seconds", "10"])
    saker = None
    cgdirs = []
    failures = FAILURES
    try:
        if not sktest.wait_unix(sock, 60):
            failures.append("mock server did not start")
            return 1

        # Programs named as the rules expect.
        runc = os.path.join(tmp, "runc")
        shutil.copy("/bin/sh", runc)
        # Live capture sees the whole machine: a name of its own per run keeps
        # a concurrent test's marker from being taken for this one's.
        marker_name = "e2e-ctr-%05d" % (os.getpid() % 100000)
        marker = os.path.join(tmp, marker_name)
        shutil.copy("/bin/true", marker)
        os.chmod(runc, 0o755)
        os.chmod(marker, 0o755)

        with open(os.path.join(tmp, "e2e_rules.yaml"), "w") as f:
            f.write("""
- rule: saker e2e container marker
  desc: the marker program ran; shows the container fields
  condition: spawned_process and proc.name = """ + marker_name + """
  output: >-
    marker cid=%container.id name=%container.name repo=%container.image.repository
    tag=%container.image.tag priv=%container.privileged type=%container.type
    sock=%container.mount.dest[/var/run/docker.sock] ns=%k8s.ns.name pod=%k8s.pod.name
  priority: WARNING
""")
        rules_inc = os.path.join(os.path.dirname(rules), "falco-incubating_rules.yaml")
        cfg = os.path.join(tmp, "saker.yaml")
        port = sktest.free_port()
        with open(cfg, "w") as f:
            f.write(f"""
rules_files: [{rules}, {rules_inc}, {os.path.join(tmp, "e2e_rules.yaml")}]
plugins:
  - name: syscall
    library_path: {args.syscall}
    init_config: ""
  - name: container
    library_path: {args.container}
    init_config:
      lookup_wait_ms: {500 if hang else 3000}
      lookup_timeout_ms: {2000 if hang else 3000}
      engines:
        docker: {{sockets: [{sock}]}}
        podman: {{enabled: false}}
        cri: {{enabled: false}}
load_plugins: [syscall, container]
priority: debug
json_output: true
json_include_output_property: true
stdout_output:
  enabled: true
{sktest.webserver_yaml(port)}""")
        out_path = os.path.join(tmp, "saker.out")
        outf = open(out_path, "w")
        # The test stops saker itself (finally: SIGTERM). -M is only a
        # safety net for a test killed by its ctest timeout (400 s): a 60 s
        # run used to end while a loaded machine was still loading the BPF
        # programs (up to 150 s allowed below), failing every later check.
        saker = subprocess.Popen([args.saker, "-c", cfg, "-M", "420"], stdout=outf,
                                 stderr=subprocess.STDOUT)

        def alerts():
            with open(out_path) as f:
                return sktest.json_alerts(f.read())

        def marker_alerts():
            return [a for a in alerts() if a.get("rule") == "saker e2e container marker"]

        def ours(a):
            # Only alerts of this test's processes count (their command
            # lines name its temporary folder): other programs on the host
            # (a real container's terminal shell, say) must not decide.
            return tmp in str(a.get("output_fields", {}).get("proc.cmdline") or "")

        def sync():
            # Readiness instead of a sleep: the marker run on the host after
            # an action; the source keeps the order, so once its alert is
            # out, every alert of the action is.
            n = len([a for a in marker_alerts()
                     if a.get("output_fields", {}).get("container.id") == "host"])
            subprocess.run([marker])
            end = time.time() + 60
            while time.time() < end:
                if len([a for a in marker_alerts()
                        if a.get("output_fields", {}).get("container.id") == "host"]) > n:
                    return True
                time.sleep(0.1)
            failures.append("the host marker after an action raised no alert")
            return False

        # Wait until live capture works: run the marker on the host until seen
        # (loading the BPF programs alone can take half a minute under load).
        deadline = time.time() + 150
        while time.time() < deadline and not marker_alerts():
            if saker.poll() is not None:
                break
            subprocess.run([marker])
            time.sleep(0.5)
        if not marker_alerts():
            failures.append("saker never reported the host marker (capture not live?)")
            return 1
        host_marker = marker_alerts()[-1]
        of = host_marker.get("output_fields", {})
        if of.get("container.id") != "host" or of.get("container.name") != "host":
            failures.append("host marker: container fields %r" % of)

        if hang:
            return hang_checks(alerts, marker, roots, cid, cgdirs, failures, port)

        # The host action: a terminal shell whose parent is "runc".
        n_before = len(alerts())
        mnt = os.path.join(tmp, "mnt")
        os.mkdir(mnt)
        # A shell with a terminal, the marker, and a (dry-run) mount.
        script = ("%s -c 'sleep 0.5; %s'; mount --fake -t tmpfs none %s; sleep 0.5; true"
                  % ("/bin/sh", marker, mnt))
        MOUNT_RULE = "Mount Launched in Privileged Container"
        run_with_tty([runc, "-c", script], [])
        sync()
        host_bad = [a for a in alerts()[n_before:]
                    if a.get("rule") in ("Terminal shell in container", MOUNT_RULE) and ours(a)]
        if host_bad:
            failures.append("%s fired for a host action: %r" % (host_bad[0]["rule"], host_bad[0]))

        # Now the same inside the "container".
        for r in roots:
            d = os.path.join(r, "docker", cid)
            os.makedirs(d, exist_ok=True)
            cgdirs.append(d)
        procs = [os.path.join(d, "cgroup.procs") for d in cgdirs]
        n_before = len(alerts())
        status, tty_out = run_with_tty([runc, "-c", script], procs)
        if status != 0:
            failures.append("container action failed: %r" % tty_out[-300:])
        deadline = time.time() + 60
        want_short = cid[:12]
        got_marker = got_shell = got_mount = None
        while time.time() < deadline and not (got_marker and got_shell and got_mount):
            new = alerts()[n_before:]
            got_marker = next((a for a in new if a.get("rule") == "saker e2e container marker"
                               and a.get("output_fields", {}).get("container.id") == want_short), None)
            got_shell = next((a for a in new if a.get("rule") == "Terminal shell in container"
                              and ours(a)), None)
            got_mount = next((a for a in new if a.get("rule") == MOUNT_RULE and ours(a)), None)
            time.sleep(0.3)
        if not got_mount:
            failures.append("'%s' did not fire in the privileged container" % MOUNT_RULE)
        if not got_marker:
            failures.append("no marker alert from inside the container; new alerts: %r"
                            % [(a.get("rule"), a.get("output_fields", {}).get("container.id"))
                               for a in alerts()[n_before:]][:10])
        else:
            of = got_marker.get("output_fields", {})
            expect = {"container.id": want_short, "container.name": name,
                      "container.image.repository": "saker-e2e/nginx",
                      "container.image.tag": "1.25", "container.type": "docker",
                      "container.mount.dest[/var/run/docker.sock]": "/var/run/docker.sock",
                      "k8s.ns.name": "e2e-ns", "k8s.pod.name": "e2e-pod"}
            for k, v in expect.items():
                if str(of.get(k)) != v:
                    failures.append("marker %s = %r, want %r" % (k, of.get(k), v))
            if str(of.get("container.privileged")).lower() != "true":
                failures.append("marker container.privileged = %r" % of.get("container.privileged"))
        if not got_shell:
            failures.append("'Terminal shell in container' did not fire inside the container")
        else:
            of = got_shell.get("output_fields", {})
            if of.get("container.id") not in (None, want_short):
                failures.append("shell alert container.id = %r" % of.get("container.id"))
        # The same actions in an unprivileged container: no mount alert.
        for r in roots:
            d = os.path.join(r, "docker", cid2)
            os.makedirs(d, exist_ok=True)
            cgdirs.append(d)
        procs2 = [os.path.join(r, "docker", cid2, "cgroup.procs") for r in roots]
        n_before = len(alerts())
        run_with_tty([runc, "-c", script], procs2)
        deadline = time.time() + 60
        got_plain = None
        while time.time() < deadline and not got_plain:
            got_plain = next((a for a in alerts()[n_before:]
                              if a.get("rule") == "saker e2e container marker"
                              and a.get("output_fields", {}).get("container.id") == cid2[:12]), None)
            time.sleep(0.3)
        sync()
        if not got_plain:
            failures.append("no marker alert from the unprivileged container")
        else:
            of = got_plain.get("output_fields", {})
            if of.get("container.name") != "e2e-plain" or \
                    str(of.get("container.privileged")).lower() != "false":
                failures.append("unprivileged container fields: %r" % of)
        bad = [a for a in alerts()[n_before:] if a.get("rule") == MOUNT_RULE and ours(a)]
        if bad:
            failures.append("mount alert in an unprivileged container: %r" % bad[0])
        if os.environ.get("SAKER_E2E_VERBOSE"):
            for a in (host_marker, got_marker, got_shell, got_mount, got_plain):
                print(json.dumps(a, indent=1) if a else None)
        with open(os.path.join(tmp, "requests.log")) as f:
            if cid not in f.read():
                failures.append("the mock server was never asked about the container")
        return 1 if failures else 0
    finally:
        if saker and saker.poll() is None:
            saker.send_signal(signal.SIGTERM)
            try:
                saker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                saker.kill()
                saker.wait()
        if saker:
            try:
                with open(os.path.join(tmp, "saker.out")) as f:
                    txt = f.read()
                for needle in ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer"):
                    if needle in txt:
                        i = txt.index(needle)
                        failures.append("sanitizer report from saker: %s" % txt[i:i + 600])
                        break
            except OSError:
                pass
        mock.terminate()
        try:
            mock.wait(timeout=5)
        except subprocess.TimeoutExpired:
            mock.kill()
        for d in cgdirs:
            for x in (d, os.path.dirname(d)):  # the id, then docker/ if empty
                try:
                    os.rmdir(x)
                except OSError:
                    pass
        for f_ in failures:
            print("FAIL: " + f_, flush=True)
        if failures:
            try:
                with open(os.path.join(tmp, "saker.out")) as f:
                    print("---- saker output (tail) ----")
                    print("".join(f.readlines()[-40:]))
            except OSError:
                pass
        else:
            print("e2e container: all checks passed", flush=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    rc = main()
    sys.exit(1 if FAILURES else rc)
