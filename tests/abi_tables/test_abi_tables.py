#!/usr/bin/env python3
"""State tables through the plugin ABI only (tplug_dump.c / tplug_reg.c use
plugin_api.h and nothing of saker):

  replay      every field of "threads" and its sub-tables for a thread of a
              replayed capture, event by event, against sysdig on the same
              capture; dynamic fields and the entry lifecycle (self-test)
  live        the same fields for a process this test starts, against /proc
              (root: the live source needs it)
  registries  two sources, each with a 3.0 plugin registering a table of the
              same name in its own source's registry, counting its events
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

args = sktest.parse_args("saker", "syscall", "plugins", "upstream", "case")
up = sktest.upstream(args.upstream)

T = sktest.Checker(detail_max=1500)
check = T.check

# libsinsp's threads table (userspace/libsinsp/threadinfo.cpp): name, type, read-only
ST = {"INT8": 1, "INT16": 2, "INT32": 3, "INT64": 4, "UINT8": 5, "UINT16": 6, "UINT32": 7,
      "UINT64": 8, "STRING": 9, "TABLE": 10, "BOOL": 25}
THREADS = [("tid", "INT64", 0), ("pid", "INT64", 0), ("ptid", "INT64", 0),
           ("reaper_tid", "INT64", 0), ("sid", "INT64", 0), ("comm", "STRING", 0),
           ("exe", "STRING", 0), ("exe_path", "STRING", 0), ("exe_writable", "BOOL", 0),
           ("exe_upper_layer", "BOOL", 0), ("exe_lower_layer", "BOOL", 0),
           ("exe_from_memfd", "BOOL", 0), ("args", "TABLE", 1), ("env", "TABLE", 1),
           ("cgroups", "TABLE", 1), ("flags", "UINT32", 0), ("fd_limit", "INT64", 0),
           ("uid", "UINT32", 0), ("gid", "UINT32", 0), ("loginuid", "UINT32", 0),
           ("exe_ino", "UINT64", 0), ("exe_ino_ctime", "UINT64", 0),
           ("exe_ino_mtime", "UINT64", 0), ("vtid", "INT64", 0), ("vpid", "INT64", 0),
           ("vpgid", "INT64", 0), ("pgid", "INT64", 0), ("pidns_init_start_ts", "UINT64", 0),
           ("root", "STRING", 0), ("tty", "UINT32", 0), ("file_descriptors", "TABLE", 1),
           ("cwd", "STRING", 1)]
FD_FIELDS = {"type": "UINT8", "open_flags": "UINT32", "name": "STRING", "name_raw": "STRING",
             "old_name": "STRING", "flags": "UINT32", "dev": "UINT32", "mount_id": "UINT32",
             "ino": "UINT64", "pid": "INT64", "fd": "INT64"}


def lib(name):
    return os.path.join(args.plugins, f"lib{name}.so")


def run(tmp, plugins, rules, timeout=120, popen=False):
    cfg = os.path.join(tmp, "saker.yaml")
    with open(cfg, "w") as f:
        f.write(sktest.plugins_yaml(*plugins) + "json_output: true\nstdout_output:\n"
                "  enabled: true\nwebserver:\n  enabled: false\nsyslog_output:\n"
                "  enabled: false\n")
    rf = os.path.join(tmp, "rules.yaml")
    with open(rf, "w") as f:
        f.write(rules)
    argv = [args.saker, "-c", cfg, "-r", rf]
    if popen:
        return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def load_dump(path):
    head, selftest, events = None, None, []
    with open(path) as f:
        for line in f:
            d = json.loads(line)
            if "threads_fields" in d:
                head = d
            elif "selftest" in d:
                selftest = d["selftest"]
            else:
                events.append(d)
    return head, selftest, events


def check_schema_and_selftest(head, selftest):
    got = {n: (t, ro) for n, t, ro in head["threads_fields"]}
    for name, typ, ro in THREADS:
        check(f"threads field {name} is {typ}{' read-only' if ro else ''}",
              name in got and got[name] == (ST[typ], bool(ro)), got.get(name))
    check("args/env: field value (string)", all(
        head["sub_fields"][k] == [["value", ST["STRING"]]] for k in ("args", "env")),
        head["sub_fields"])
    check("cgroups: fields first, second (strings)",
          head["sub_fields"]["cgroups"] == [["first", 9], ["second", 9]], head["sub_fields"])
    fdf = {n: t for n, t in head["sub_fields"]["file_descriptors"]}
    for name, typ in FD_FIELDS.items():
        check(f"file_descriptors field {name} is {typ}", fdf.get(name) == ST[typ], fdf.get(name))
    check("file_descriptors has the socket tuple fields", all(
        k in fdf for k in ("socket_ipv4_src_ip", "socket_ipv4_dest_dip", "socket_ipv4_src_port",
                           "socket_ipv4_dst_port", "socket_ipv6_src_ip_low",
                           "socket_ipv4_server_port")), sorted(fdf))
    check("self-test ran", selftest is not None and len(selftest) > 20, selftest)
    for k, v in (selftest or {}).items():
        check(f"self-test: {k}", v is True, v)


SEP = "\x1f"

with tempfile.TemporaryDirectory() as tmp:
    if args.case == "replay":
        cap = os.path.join(up, "captures", "falco-0.35.0_open-multiple-files.scap")
        if not os.path.exists(cap):
            print(f"SKIP: capture {cap} not found")
            sys.exit(77)
        if not shutil.which("sysdig"):
            print("SKIP: sysdig (the field oracle) is not installed")
            sys.exit(77)
        tid = 16569
        out = os.path.join(tmp, "dump.jsonl")
        rc, so, se = run(tmp, [("syscall", args.syscall, "", json.dumps({"capture": cap})),
                               ("tdump", lib("tdump"), f"{tid} {out} replay", None)],
                         "- rule: marked\n  desc: x\n  condition: evt.type in (open, openat) and "
                         "evt.dir = < and proc.env contains \"TDUMP_ADDED=1\"\n"
                         "  output: tid=%thread.tid\n  priority: INFO\n")
        check("saker exits 0", rc == 0, se[-1500:])
        head, selftest, events = load_dump(out)
        check_schema_and_selftest(head, selftest)
        marked = [a["output_fields"]["thread.tid"] for a in sktest.json_alerts(so)]
        check("an env entry added through the table reaches proc.env (the thread's opens alert)",
              marked and set(marked) == {tid}, (len(marked), marked[:5], se[-600:]))
        check("the entry was added once (size and listing agree)", events and all(
            [a["value"] for a in d["env"]].count("TDUMP_ADDED=1") == 1 and
            d["env"][-1]["value"] == "TDUMP_ADDED=1" and d["env_size"] == len(d["env"])
            for d in events), [d["env"][-2:] for d in events[:2]])
        fmt = SEP.join(["%evt.type", "%proc.pid", "%proc.ppid", "%proc.name", "%proc.exe",
                        "%proc.exepath", "%proc.args", "%proc.cwd", "%user.uid", "%group.gid",
                        "%user.loginuid", "%proc.vpid", "%thread.vtid", "%proc.sid",
                        "%proc.vpgid", "%proc.tty", "%proc.fdlimit", "%fd.num", "%fd.name",
                        "%thread.cgroups", "%proc.env"])
        # "*": every event, also those without some of the fields (no fd)
        p = subprocess.run(["sysdig", "-r", cap, "-p", "*" + fmt, f"thread.tid={tid} and evt.dir=<"],
                           capture_output=True, text=True, timeout=120)
        oracle = [l.split(SEP) for l in p.stdout.splitlines() if l.count(SEP) == 20]
        # saker also parses the enter-only events (exit_group, procexit): sysdig's
        # evt.dir=< leaves them out; exit event codes are odd.
        events = [d for d in events if d["type"] % 2 == 1]
        check("sysdig and saker saw the same number of events of the thread",
              len(oracle) == len(events) and events, (len(oracle), len(events)))
        mism = []
        for i, (o, d) in enumerate(zip(oracle, events)):
            f = d["fields"]
            (etype, pid, ppid, name, exe, exepath, pargs, cwd, uid, gid, luid, vpid, vtid, sid,
             vpgid, tty, fdlimit, fdnum, fdname, cgroups, env) = o

            def want(k, v):
                if f.get(k) != v:
                    mism.append((i, etype, k, f.get(k), v))
            want("tid", tid)
            want("pid", int(pid))
            want("ptid", int(ppid))
            want("comm", name)
            want("exe", exe)
            want("exe_path", exepath)
            want("cwd", cwd)
            want("uid", int(uid))
            want("gid", int(gid))
            want("loginuid", int(luid) & 0xffffffff)
            want("vpid", int(vpid))
            want("vtid", int(vtid))
            want("sid", int(sid))
            want("vpgid", int(vpgid))
            want("tty", int(tty))
            want("fd_limit", int(fdlimit))
            if " ".join(a["value"] for a in d["args"]) != pargs:
                mism.append((i, etype, "args", d["args"], pargs))
            # the env entry the plugin added itself is not sysdig's
            if " ".join(a["value"] for a in d["env"][:-1]) != env:
                mism.append((i, etype, "env", len(d["env"]), env[:80]))
            cg = " ".join(f"{c['first']}={c['second']}" for c in d["cgroups"])
            if cg != cgroups:
                mism.append((i, etype, "cgroups", cg, cgroups))
            if etype in ("open", "openat", "fstat") and fdnum.lstrip("-").isdigit() and int(fdnum) >= 0:
                fds = {e["fd"]: e for e in d["file_descriptors"]}
                e = fds.get(int(fdnum))
                if not e or e["name"] != fdname or e["pid"] != int(pid):
                    mism.append((i, etype, "fd", e, (fdnum, fdname)))
            if d["file_descriptors_size"] != len(d["file_descriptors"]):
                mism.append((i, etype, "fd size", d["file_descriptors_size"]))
        check("every field matches sysdig, event by event", not mism, mism[:8])
        dumped = load_dump(out)[2]
        counts = [d["fields"].get("tdump_u64") for d in dumped]
        check("the dynamic field counts the thread's events",
              counts == list(range(1, len(counts) + 1)), counts[:10])
        # the same count kept in a dynamic field of args entry 0: it lives as
        # long as the thread's arguments (an execve replaces them)
        acounts = [(d["args"][0].get("tdump_n"), d["args"][0]["value"]) if d["args"] else None
                   for d in dumped]
        want, n, prev = [], 0, None
        for a in acounts:
            n = 0 if a is None or a[1] != prev else n
            prev = a[1] if a else None
            n += 1 if a else 0
            want.append((n, a[1]) if a else None)
        check("a dynamic field on an args entry counts the thread's events",
              acounts == want and any(a for a in acounts), (acounts[:6], want[:6]))

    elif args.case == "live":
        if os.geteuid() != 0:
            print("SKIP: the live syscall source needs root")
            sys.exit(77)
        # A process with known args, env, cwd and an open file.
        wd = os.path.join(tmp, "wd")
        os.mkdir(wd)
        held = os.path.join(wd, "held.txt")
        with open(held, "w") as f:
            f.write("x")
        child = subprocess.Popen(["bash", "-c", f"exec 7<{held}; exec sleep 600", "tdump-arg"],
                                 cwd=wd, env={"PATH": "/usr/bin:/bin", "TDUMP_ENV": "tdump-value"},
                                 stdin=subprocess.DEVNULL)
        try:
            pid = child.pid
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                try:
                    if os.readlink(f"/proc/{pid}/exe").endswith("sleep") and \
                            os.path.exists(f"/proc/{pid}/fd/7"):
                        break
                except OSError:
                    pass
                time.sleep(0.05)
            out = os.path.join(tmp, "dump.jsonl")
            p = run(tmp, [("syscall", args.syscall, "", json.dumps({"live": True})),
                          ("tdump", lib("tdump"), f"{pid} {out} live", None)],
                    "- rule: none\n  desc: x\n  condition: evt.type = open and proc.name = nothing\n"
                    "  output: x\n  priority: INFO\n", popen=True)
            events = []
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and p.poll() is None:
                if os.path.exists(out):
                    _, _, events = load_dump(out)
                    if events:
                        break
                time.sleep(0.2)
            code = sktest.terminate(p)
            err = p.stderr.read()
            check("saker dumped the live process", bool(events), err[-1500:])
            if events:
                head, selftest, events = load_dump(out)
                check_schema_and_selftest(head, selftest)
                d = events[0]
                f = d["fields"]
                status = dict(l.split(":\t", 1) for l in open(f"/proc/{pid}/status").read().splitlines()
                              if ":\t" in l)
                stat = open(f"/proc/{pid}/stat").read()
                st = stat[stat.rindex(")") + 2:].split()
                cmd = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")[:-1]
                env = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")[:-1]
                nspid = status["NSpid"].split()
                limit = [l for l in open(f"/proc/{pid}/limits") if l.startswith("Max open files")]
                want = {
                    "tid": pid, "pid": pid, "ptid": int(status["PPid"]),
                    "comm": open(f"/proc/{pid}/comm").read().strip(),
                    "exe": cmd[0].decode(), "exe_path": os.readlink(f"/proc/{pid}/exe"),
                    "cwd": os.readlink(f"/proc/{pid}/cwd").rstrip("/") + "/",
                    "root": os.readlink(f"/proc/{pid}/root"),
                    "uid": int(status["Uid"].split()[1]), "gid": int(status["Gid"].split()[1]),
                    "loginuid": int(open(f"/proc/{pid}/loginuid").read()),
                    "sid": int(st[3]), "pgid": int(st[2]), "tty": int(st[4]),
                    "vpid": int(nspid[-1]), "vtid": int(nspid[-1]),
                    "fd_limit": int(limit[0].split()[3]) if limit else None,
                    "exe_ino": os.stat(f"/proc/{pid}/exe").st_ino,
                }
                for k, v in want.items():
                    check(f"live {k} matches /proc", f.get(k) == v, (f.get(k), v))
                check("live args match /proc/<pid>/cmdline",
                      [a["value"] for a in d["args"]] == [c.decode() for c in cmd[1:]],
                      (d["args"], cmd))
                check("live env matches /proc/<pid>/environ",
                      sorted(a["value"] for a in d["env"]) == sorted(e.decode() for e in env),
                      (d["env"], env))
                cg = [l.split(":", 2) for l in open(f"/proc/{pid}/cgroup").read().splitlines()]
                check("live cgroups match /proc/<pid>/cgroup",
                      sorted(c["second"] for c in d["cgroups"]) == sorted(c[2] for c in cg),
                      (d["cgroups"], cg))
                fds = {e["fd"]: e for e in d["file_descriptors"]}
                procfds = {int(n): os.readlink(f"/proc/{pid}/fd/{n}")
                           for n in os.listdir(f"/proc/{pid}/fd")}
                check("live fd 7 is the held file", fds.get(7, {}).get("name") == held, fds.get(7))
                check("live fd numbers match /proc/<pid>/fd", sorted(fds) == sorted(procfds),
                      (sorted(fds), sorted(procfds)))
                check("live fd pid is the process", all(e["pid"] == pid for e in fds.values()), fds)
                ino = os.stat(held).st_ino
                check("live fd 7 inode matches", fds.get(7, {}).get("ino") == ino,
                      (fds.get(7), ino))
        finally:
            child.kill()
            child.wait()

    elif args.case == "registries":
        rc, so, se = run(tmp, [("treg_alpha", lib("treg_alpha"), "", "5"),
                               ("treg_beta", lib("treg_beta"), "", "3")],
                         "- rule: alpha\n  desc: x\n  condition: alpha.count > 0\n"
                         "  output: n=%alpha.count tables=%alpha.tables\n  priority: INFO\n  source: alpha\n"
                         "- rule: beta\n  desc: x\n  condition: beta.count > 0\n"
                         "  output: n=%beta.count tables=%beta.tables\n  priority: INFO\n  source: beta\n")
        alerts = [json.loads(l) for l in so.splitlines() if l.startswith("{")]
        check("two 3.0 plugins, each registering 'counters' for its source, run", rc == 0,
              se[-1500:])
        a = [x["output_fields"]["alpha.count"] for x in alerts if x["rule"] == "alpha"]
        b = [x["output_fields"]["beta.count"] for x in alerts if x["rule"] == "beta"]
        check("alpha counted its 5 events in its own table", a == [1, 2, 3, 4, 5], a)
        check("beta counted its 3 events in its own table", b == [1, 2, 3], b)
        tabs = {x["output_fields"].get("alpha.tables", x["output_fields"].get("beta.tables"))
                for x in alerts}
        check("each registry lists only its own table", tabs == {"counters"}, tabs)
    else:
        print("unknown case")
        sys.exit(2)
T.finish()
