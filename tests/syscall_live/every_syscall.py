#!/usr/bin/env python3
"""Every syscall, live: saker with the eBPF source and rules on syscalls the
upstream rules never name. A helper process this test starts performs kill,
prctl, mprotect, capset, write and read (evt.buffer, snaplen), memfd_create
and three syscalls of the generic set (getppid, sched_yield, umask) on
command; each must raise its rule with the right evt.args / evt.arg.* values.

saker runs without the /proc scan at open (seed_proc false): the helper is
first met in its own events, and a file it opened before saker started must
still show its name (resolved from /proc at first sight).

Only the helper's events count: it is started before saker and every rule
is conditioned on its pid (proc.pid), so other activity on the machine can
neither fail nor satisfy the test. Readiness: the helper repeats kill(self,
0) until that rule's alert shows up; after that each command waits for its
own alert (generous timeouts, no sleeps as synchronisation). The snaplen
check relies on the source keeping order: a write whose marker lies past the
first 80 bytes must not alert before the alert of the command after it.
Skips (77) when not root or without kernel BTF."""
import os
import queue
import secrets
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

READY_S = 150.0  # BPF loading alone can take tens of seconds under load
WAIT_S = 30.0

HELPER = r'''
import ctypes, mmap, os, sys
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
kept = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
print("pid", os.getpid(), kept, flush=True)
child = None
for line in sys.stdin:
    cmd, *rest = line.split()
    out = "ok"
    if cmd == "ping":
        os.kill(os.getpid(), 0)
    elif cmd == "kill":
        child = os.fork()
        if child == 0:
            os.pause()
            os._exit(0)
        os.kill(child, 15)
        os.waitpid(child, 0)
        out = "ok %d" % child
    elif cmd == "prctl":
        r = libc.prctl(15, rest[0].encode(), 0, 0, 0)
        out = "ok %d" % r
    elif cmd == "mprotect":
        m = mmap.mmap(-1, 3 * 4096)
        addr = ctypes.addressof(ctypes.c_char.from_buffer(m))
        r = libc.mprotect(ctypes.c_void_p(addr), ctypes.c_size_t(3 * 4096), 1)
        out = "ok %d %X" % (r, addr)
    elif cmd == "capset":
        hdr = (ctypes.c_uint32 * 2)(0x20080522, 0)
        data = (ctypes.c_uint32 * 6)()
        libc.syscall(125, hdr, data)
        r = libc.syscall(126, hdr, data)
        out = "ok %d %d" % (r, data[0] | (data[3] << 32))
    elif cmd == "write":
        fd = os.open(rest[0], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        n = os.write(fd, rest[1].encode())
        os.close(fd)
        out = "ok %d %d" % (n, fd)
    elif cmd == "writekept":
        out = "ok %d %d" % (os.write(kept, rest[0].encode()), kept)
    elif cmd == "read":
        fd = os.open(rest[0], os.O_RDONLY)
        n = len(os.read(fd, 4096))
        os.close(fd)
        out = "ok %d %d" % (n, fd)
    elif cmd == "memfd":
        fd = os.memfd_create(rest[0], os.MFD_CLOEXEC)
        out = "ok %d" % fd
    elif cmd == "getppid":
        out = "ok %d" % os.getppid()
    elif cmd == "sched_yield":
        os.sched_yield()
    elif cmd == "umask":
        os.umask(0o27)
    print(out, flush=True)
'''


def log(*a):
    print(*a, flush=True)


def rules_yaml(pid, mark, kmark):
    def rule(name, cond, out):
        return (f"- rule: {name}\n  desc: every-syscall test\n"
                f"  condition: {cond} and proc.pid = {pid}\n"
                f"  output: \"{name} {out}\"\n  priority: WARNING\n")
    late = "L" + mark
    return "".join([
        rule("sk ready", "evt.type = kill and evt.arg.sig = 0", "args=%evt.args"),
        rule("sk kill", "evt.type = kill and evt.arg.sig = SIGTERM",
             "args=%evt.args sig=%evt.arg.sig"),
        rule("sk prctl", "evt.type = prctl", "args=%evt.args name=%evt.arg.arg2_str"),
        rule("sk mprotect", "evt.type = mprotect and evt.arg.length = 12288",
             "args=%evt.args prot=%evt.arg.prot"),
        rule("sk capset", "evt.type = capset", "args=%evt.args eff=%evt.rawarg.cap_effective"),
        rule("sk write", f"evt.type = write and evt.buffer contains {mark} and fd.typechar = f",
             "args=%evt.args file=%fd.name buf=%evt.buffer"),
        rule("sk write late", f"evt.type = write and evt.buffer contains {late}",
             "args=%evt.args"),
        rule("sk kept", f"evt.type = write and evt.buffer contains {kmark}",
             "args=%evt.args file=%fd.name"),
        rule("sk read", f"evt.type = read and evt.buffer contains {mark} and fd.typechar = f",
             "args=%evt.args file=%fd.name"),
        rule("sk memfd", "evt.type = memfd_create", "args=%evt.args name=%evt.arg.name"),
        rule("sk getppid", "evt.type = getppid", "args=%evt.args type=%evt.type"),
        rule("sk sched_yield", "evt.type = sched_yield", "args=%evt.args type=%evt.type"),
        rule("sk umask", "evt.type = umask", "args=%evt.args type=%evt.type"),
    ])


def main():
    args = sktest.parse_args("saker", "plugin")
    skip = sktest.skip_unless_live_bpf("syscall_live_every_syscall")
    if skip is not None:
        return skip

    mark = "skmark" + secrets.token_hex(4)
    kmark = "skkept" + secrets.token_hex(4)
    tmp = tempfile.mkdtemp(prefix="saker-every-")
    kept_path = os.path.join(tmp, "kept.txt")
    helper = sktest.SakerProc([sys.executable, "-c", HELPER, kept_path], stdin=True,
                              json_stdout=False)
    saker = None
    failures = []
    try:
        first = helper.line(WAIT_S).split()
        pid = int(first[1])
        rules = os.path.join(tmp, "rules.yaml")
        with open(rules, "w") as f:
            f.write(rules_yaml(pid, mark, kmark))
        env = dict(os.environ, SAKER_SYSCALL_PLUGIN=args.plugin)
        # no /proc scan at open: the helper and its fds are first met in its
        # events (as a process whose fork was not captured), and the kept
        # fd, opened before saker started, must resolve from /proc
        saker = sktest.SakerProc([args.saker, "-r", rules, "-o", "json_output=true",
                                  "-o", "stdout_output.enabled=true",
                                  "-o", 'plugins[0].init_config={"seed_proc": false}'], env=env)

        def cmd(*words):
            helper.p.stdin.write(" ".join(words) + "\n")
            helper.p.stdin.flush()
            return helper.line(WAIT_S).split()[1:]

        end = time.monotonic() + READY_S
        ready = None
        while ready is None and time.monotonic() < end and saker.p.poll() is None:
            cmd("ping")
            ready = saker.wait_alert("sk ready", 0.5)
        if ready is None:
            log("saker did not become ready; stderr:\n" + "\n".join(saker.err[-30:]))
            return 1
        log("saker is live; helper pid", pid)

        def check(rule, expect):
            a = saker.wait_alert(rule, WAIT_S)
            if a is None:
                failures.append(f"{rule}: no alert within {WAIT_S}s")
                return
            of = a.get("output_fields", {})
            bad = {k: (of.get(k), v) for k, v in expect.items() if of.get(k) != v}
            if bad:
                failures.append(f"{rule}: (got, want) {bad}")
            else:
                log(f"ok  {rule}: {of.get('evt.args')}")

        child = cmd("kill")[0]
        check("sk kill", {"evt.args": f"res=0 pid={child} sig=15(SIGTERM)",
                          "evt.arg.sig": "SIGTERM"})
        cmd("prctl", "skprctl")
        check("sk prctl", {"evt.args": "res=0 option=15 arg2_str=skprctl arg2_int=0",
                           "evt.arg.arg2_str": "skprctl"})
        r, addr = cmd("mprotect")
        check("sk mprotect", {"evt.args": f"res={r} addr={addr} length=12288 prot=1(PROT_READ)",
                              "evt.arg.prot": "PROT_READ"})
        r, eff = cmd("capset")
        a = saker.wait_alert("sk capset", WAIT_S)
        if a is None:
            failures.append("sk capset: no alert")
        else:
            of = a["output_fields"]
            if not of.get("evt.args", "").startswith("res=0 cap_inheritable=") or \
                    of.get("evt.rawarg.cap_effective") != int(eff):
                failures.append(f"sk capset: {of} (effective set {eff})")
            else:
                log(f"ok  sk capset: {of.get('evt.args')}")
        path = os.path.join(tmp, "data.txt")
        payload = mark + "-hello"
        n, fd = cmd("write", path, payload)
        check("sk write", {"evt.args": f"res={n} data={payload} fd={fd}(<f>{path}) "
                                       f"size={len(payload)}",
                           "fd.name": path, "evt.buffer": payload})
        n, fd = cmd("read", path)
        check("sk read", {"evt.args": f"res={n} data={payload} fd={fd}(<f>{path}) size=4096",
                          "fd.name": path})
        n, fd = cmd("writekept", kmark)
        check("sk kept", {"evt.args": f"res={n} data={kmark} fd={fd}(<f>{kept_path}) "
                                      f"size={len(kmark)}", "fd.name": kept_path})
        # snaplen (80 bytes by default): a marker at byte 100 is not captured
        cmd("write", path, "x" * 100 + "L" + mark)
        fd = cmd("memfd", "skmemfd")[0]
        check("sk memfd", {"evt.args": f"fd={fd}(<m>memfd:skmemfd) name=skmemfd flags=1",
                           "evt.arg.name": "skmemfd"})
        if any(x.get("rule") == "sk write late" for x in saker.kept):
            failures.append("a write marker past snaplen (80 bytes) was captured")
        ppid = cmd("getppid")[0]
        check("sk getppid", {"evt.args": "ID=getppid nativeID=110", "evt.type": "getppid"})
        if int(ppid) != os.getpid():
            failures.append(f"helper's getppid {ppid} != {os.getpid()}")
        cmd("sched_yield")
        check("sk sched_yield", {"evt.args": "ID=sched_yield nativeID=24",
                                 "evt.type": "sched_yield"})
        cmd("umask")
        check("sk umask", {"evt.args": "ID=umask nativeID=95", "evt.type": "umask"})
    except queue.Empty:
        failures.append("helper did not answer")
    finally:
        helper.stop()
        if saker:
            saker.stop()
    if failures:
        for f in failures:
            log("FAIL", f)
        if saker:
            log("saker stderr:\n" + "\n".join(saker.err[-20:]))
        return 1
    log("PASS every-syscall live rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
