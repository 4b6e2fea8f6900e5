#!/usr/bin/env python3
"""End-to-end live detection: saker runs saker's own syscall rules against
the live eBPF source while this test performs real attacks (web shell,
write below /etc in a private mount namespace, shadow-like file read,
chmod u+s on a copy of a binary, mount in a new mount namespace, ptrace
attach, a shell's TCP connect to a 127.0.0.1 listener, exec from a memfd).
Each must raise its alert with the right proc.*/fd.*/user.* values; a benign
control run must raise none. Skips (77) when not root.

The latency of each alert is printed against the one-second target, but the
test waits for an alert (up to WAIT_S) rather than failing at one second: on a
loaded machine scheduling alone can exceed that, and a speed target is a
benchmark's job (bench/). It fails when an alert takes longer than
SAKER_E2E_MAX_LATENCY_S (default 10 s), which still catches a pipeline that
holds alerts back. The benign run ends at a canary alert raised after it: the
source keeps the order, so any alert of the benign actions came before."""
import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

LATENCY_S = 1.0  # the target, printed
MAX_LATENCY_S = float(os.environ.get("SAKER_E2E_MAX_LATENCY_S", "10"))
WAIT_S = 30.0


def log(*a):
    print(*a, flush=True)


def start_saker(binary, rules, plugin, extra):
    env = dict(os.environ)
    if plugin:
        env["SAKER_SYSCALL_PLUGIN"] = plugin
    # The default configuration, except that the web server listens on
    # 127.0.0.1 on a port of the kernel's choosing: the default 8765 on
    # every address may be taken on a shared machine.
    cmd = [binary, "-r", rules, "-o", "json_output=true", "-o", "stdout_output.enabled=true",
           "-o", "webserver.listen_address=127.0.0.1", "-o", "webserver.listen_port=0"]
    cmd += extra
    log("running:", " ".join(cmd))
    return sktest.SakerProc(cmd, env)


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), timeout=20, capture_output=True, **kw)


class Scenario:
    def __init__(self, name, rule, action, expect):
        self.name, self.rule, self.action, self.expect = name, rule, action, expect
        self.t_done = None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--saker", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--plugin", default="")
    ap.add_argument("-o", action="append", default=[])
    args = ap.parse_args()

    skip = sktest.skip_unless_live_bpf("syscall_live_e2e")
    if skip is not None:
        return skip
    for tool in ("unshare", "mount", "bash", "chmod", "cat"):
        if not shutil.which(tool):
            log(f"!!!!! SKIP syscall_live_e2e: {tool} not installed")
            return sktest.SKIP

    mark = "saker-e2e-" + secrets.token_hex(4)
    ctl = "saker-ctl-" + secrets.token_hex(4)
    tmp = tempfile.mkdtemp(prefix=mark + "-")
    ctl_dir = tempfile.mkdtemp(prefix=ctl + "-")
    extra = []
    for o in args.o:
        extra += ["-o", o]
    s = start_saker(args.saker, args.rules, args.plugin, extra)
    failures = []
    try:
        # readiness: a canary setuid chmod until its alert shows up
        canary = os.path.join(tmp, "canary")
        open(canary, "w").close()
        ready = False
        end = time.monotonic() + 150  # BPF loading alone can take 30 s under load
        while time.monotonic() < end and not ready:
            if s.p.poll() is not None:
                break
            sh(["chmod", "u+s", canary])
            sh(["chmod", "u-s", canary])
            for a in s.alerts(0.3):
                if canary in a.get("output", ""):
                    ready = True
        if not ready:
            log("saker did not become ready; stderr:\n" + "\n".join(s.err[-30:]))
            return 1
        list(s.alerts(0.5))  # drain canary leftovers
        log("saker is live")

        # ---- fixtures
        nginx = os.path.join(tmp, "nginx")
        shutil.copy("/bin/dash" if os.path.exists("/bin/dash") else "/bin/sh", nginx)
        shadow = os.path.join(tmp, "shadow")
        with open(shadow, "w") as f:
            f.write("root:$6$x:19000:0:99999:7:::\n")
        bincopy = os.path.join(tmp, "true-copy")
        shutil.copy("/bin/true", bincopy)
        mnt = os.path.join(tmp, "mnt")
        os.mkdir(mnt)
        etc_file = "/etc/" + mark
        lsock = socket.socket()
        lsock.bind(("127.0.0.1", 0))
        lsock.listen(4)
        port = lsock.getsockname()[1]
        threading.Thread(target=lambda: [lsock.accept() for _ in range(4)], daemon=True).start()

        def ptrace_attach():
            victim = subprocess.Popen(["sleep", "30"])
            code = ("import ctypes,os,sys;l=ctypes.CDLL(None,use_errno=True);p=int(sys.argv[1]);"
                    "r=l.ptrace(16,p,0,0);os.waitpid(p,0);l.ptrace(17,p,0,0);sys.exit(0 if r==0 else 1)")
            r = sh(["python3", "-c", code, str(victim.pid)])
            victim.kill()
            victim.wait()
            return r, victim.pid

        memfd_code = ("import os;fd=os.memfd_create('%s');os.write(fd,open('/bin/true','rb').read());"
                      "os.execve(fd,['saker-memfd'],{})" % mark)

        target = {}
        scen = [
            Scenario("web server spawns a shell", "Saker Shell Spawned by Web Server",
                     lambda: sh([nginx, "-c", "/bin/sh -c true; true"]),
                     {"proc.name": "sh", "proc.pname": "nginx", "user.uid": 0, "user.name": "root"}),
            Scenario("write below /etc (private mount namespace)", "Saker Write Below Etc",
                     lambda: sh(["unshare", "-m", "sh", "-c",
                                 f"mount -t tmpfs {mark} /etc && echo x > {etc_file}"]),
                     {"fd.name": etc_file, "proc.name": "sh", "user.uid": 0}),
            Scenario("read of a shadow-like file", "Saker Read Shadow-like File",
                     lambda: sh(["cat", shadow]),
                     {"fd.name": shadow, "proc.name": "cat", "user.name": "root"}),
            Scenario("chmod u+s on a copy of a binary", "Saker Setuid or Setgid Bit Set",
                     lambda: sh(["chmod", "u+s", bincopy]),
                     {"evt.arg.filename": bincopy, "proc.name": "chmod", "user.uid": 0}),
            Scenario("mount in a new mount namespace", "Saker Mount by Unexpected Process",
                     lambda: sh(["unshare", "-m", "mount", "-t", "tmpfs", mark, mnt]),
                     {"evt.arg.dir": mnt, "proc.name": "mount", "user.uid": 0}),
            Scenario("ptrace attach", "Saker Ptrace Attach or Injection",
                     lambda: target.__setitem__("ptrace", ptrace_attach()),
                     {"proc.name": "python3", "user.uid": 0}),
            Scenario("shell TCP connect to 127.0.0.1", "Saker Shell Opened Network Connection",
                     lambda: sh(["bash", "-c", f"exec 3<>/dev/tcp/127.0.0.1/{port}; echo hi >&3"]),
                     {"proc.name": "bash", "fd.rip": "127.0.0.1", "fd.rport": port, "user.uid": 0}),
            Scenario("exec from a memfd", "Saker Fileless Execution via memfd",
                     lambda: sh(["python3", "-c", memfd_code]),
                     {"user.uid": 0}),
        ]
        got = {}

        def candidates(sc):
            cands = [(t, a) for t, a, _ in got.get(sc.rule, [])
                     if all(a.get("output_fields", {}).get(k) == v for k, v in sc.expect.items())]
            if sc.rule == "Saker Fileless Execution via memfd":
                cands = [(t, a) for t, a in cands if mark in a.get("output", "")]
            return cands

        for sc in scen:
            sc.action()
            sc.t_done = time.monotonic()
            # Readiness: wait for this scenario's alert (other alerts are kept
            # for the scenarios they belong to).
            end = sc.t_done + WAIT_S
            while not candidates(sc) and time.monotonic() < end and s.p.poll() is None:
                for t, a in s.timed_alerts(min(end - time.monotonic(), 0.2)):
                    got.setdefault(a.get("rule"), []).append((t, a, sc))

        for sc in scen:
            cands = candidates(sc)
            if not cands:
                seen = [a.get("output_fields") for _, a, _ in got.get(sc.rule, [])]
                failures.append(f"{sc.name}: no '{sc.rule}' alert with {sc.expect}; got {seen}")
                continue
            lat = min(t for t, _ in cands) - sc.t_done
            if lat > MAX_LATENCY_S:
                failures.append(f"{sc.name}: alert after {lat:.2f}s (> {MAX_LATENCY_S}s)")
            log(f"ok  {sc.name}: {sc.rule} in {max(lat, 0):.3f}s (target {LATENCY_S}s%s)"
                % ("" if lat <= LATENCY_S else ", missed: machine loaded?"))
            log("    " + cands[0][1]["output"])

        # ---- benign control run: none of these may alert
        benign = os.path.join(ctl_dir, "notes.txt")
        with open(benign, "w") as f:
            f.write("hello\n")
        cport = lsock.getsockname()[1]
        ctl_actions = [
            ["ls", ctl_dir],
            ["cat", benign],
            ["sh", "-c", f"true {ctl}"],
            ["chmod", "0644", benign],
            ["python3", "-c", f"import socket;s=socket.create_connection(('127.0.0.1',{cport}));s.close() # {ctl}"],
            ["cp", benign, os.path.join(ctl_dir, "copy.txt")],
        ]
        for c in ctl_actions:
            sh(c)
        # End of the benign run: a canary alert raised after its actions.
        end_mark = os.path.join(tmp, "end-canary")
        open(end_mark, "w").close()
        sh(["chmod", "u+s", end_mark])
        ended = False
        end = time.monotonic() + WAIT_S
        while not ended and time.monotonic() < end and s.p.poll() is None:
            for a in s.alerts(min(end - time.monotonic(), 0.2)):
                if ctl in a.get("output", ""):
                    failures.append(f"benign control raised '{a.get('rule')}': {a.get('output')}")
                if end_mark in a.get("output", ""):
                    ended = True
        if not ended:
            failures.append("the canary after the benign run raised no alert")
        log("ok  benign control run: no alert" if not any("benign" in f for f in failures) else "")
    finally:
        s.stop()
        sh(["umount", mnt]) if os.path.ismount(mnt) else None
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(ctl_dir, ignore_errors=True)
    if s.p.returncode not in (0, -15, None):
        failures.append(f"saker exited with {s.p.returncode}: " + " | ".join(s.err[-5:]))
    for f in failures:
        log("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
