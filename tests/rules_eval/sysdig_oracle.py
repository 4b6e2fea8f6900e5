#!/usr/bin/env python3
"""Condition semantics against Debian's sysdig as the oracle: for each upstream
capture and each condition, the number of exit events sysdig selects with
`evt.dir='<' and (COND)` must equal the number of alerts saker raises for a
single rule with condition COND (saker delivers exit events). Exercises the
operators sysdig 0.29 knows (=, !=, <, >=, in, contains, icontains,
startswith, endswith, glob, pmatch, exists, CIDR on fd.net, and/or/not).
Conditions are limited to syscalls with an exit event and to fields that the
syscall plugin's own sysdig comparison covers.

usage: sysdig_oracle.py SAKER SYSCALL_PLUGIN UPSTREAM_DIR   ($SAKER_UPSTREAM wins)
exit 0 ok, 1 mismatch, 77 when sysdig or the captures are missing.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CAPTURES = ["falco-0.35.0_cat_write.scap", "falco-0.35.0_connect_localhost.scap",
            "falco-0.35.0_open-multiple-files.scap", "libs_curl_google.scap",
            "falco-0.35.0_ping_sendto.scap"]

TYPES = "evt.type in (open, openat, read, write, close, execve, connect, socket, mmap, fstat, " \
        "sendto, recvfrom, access, stat, lstat, brk, munmap, mprotect, ioctl, poll, fcntl)"

CONDS = [
    "evt.type = open",
    "evt.type != read",
    "evt.type in (open, openat, connect)",
    "proc.name = cat",
    "proc.name != cat",
    "proc.name in (cat, curl, ping)",
    "proc.name contains ur",
    "proc.name icontains UR",
    "proc.name startswith c",
    "proc.name endswith l",
    "fd.name startswith /dev",
    "fd.name endswith null",
    "fd.name contains lib",
    "fd.name glob '/lib/*'",
    "fd.name glob '*.so*'",
    "fd.name pmatch (/dev, /etc)",
    "fd.name pmatch (/usr/lib)",
    "fd.name exists",
    "not fd.name exists",
    "fd.typechar = f",
    "fd.typechar in (4, 6)",
    "fd.net = \"127.0.0.0/8\"",
    "fd.net != \"127.0.0.0/8\"",
    "proc.pname exists and proc.pname != bash",
    "proc.cmdline contains \"/dev/null\"",
    "proc.pid > 0",
    "proc.pid < 1000",
    "fd.num >= 3",
    "evt.rawres < 0",
    "user.uid = 0",
    "(proc.name = cat or proc.name = curl) and not fd.name startswith /lib",
    "not (evt.type = read or evt.type = write)",
]

# Known divergences that are not the evaluator's (reported, not failed):
# - sysdig 0.29 gives the threads of connect_localhost's first events an
#   empty-but-present proc.name; saker's syscall plugin has none, and a
#   missing field makes `!=` false (current Falco semantics).
# - fd.net of an IPv4 socket without an address compares as 0.0.0.0 in
#   libsinsp (filter-only field); saker's syscall plugin yields no value.
KNOWN = {
    ("falco-0.35.0_connect_localhost.scap", "proc.name != cat"),
    ("falco-0.35.0_connect_localhost.scap", "fd.net != \"127.0.0.0/8\""),
    ("libs_curl_google.scap", "fd.net != \"127.0.0.0/8\""),
}


def sysdig_count(cap, cond):
    out = subprocess.run(["sysdig", "-r", cap, "-p", "%evt.num",
                          "evt.dir='<' and (%s) and (%s)" % (TYPES, cond)],
                         capture_output=True, timeout=120)
    if out.returncode != 0:
        return None, out.stderr.decode(errors="replace").strip()
    return len([l for l in out.stdout.decode().splitlines() if l.strip()]), ""


def saker_count(saker, plugin, cap, cond, tmp):
    cfg = os.path.join(tmp, "saker.yaml")
    rules = os.path.join(tmp, "rules.yaml")
    with open(cfg, "w") as f:
        f.write("plugins:\n  - name: syscall\n    library_path: %s\n    open_params: '%s'\n"
                "load_plugins: [syscall]\njson_output: true\nwebserver:\n  enabled: false\n"
                % (plugin, json.dumps({"capture": cap})))
    with open(rules, "w") as f:
        # `evt.num < 0 or` (never true) keeps the type list out of the rule's event-type
        # index (Falco indexes generic events only for syscalls without
        # their own code; sysdig filters every event)
        f.write("- rule: oracle\n  desc: x\n  condition: %s\n  output: \"%%evt.num\"\n"
                "  priority: INFO\n  warn_evttypes: false\n"
                % json.dumps("(evt.num < 0 or %s) and (%s)" % (TYPES, cond)))
    out = subprocess.run([saker, "-c", cfg, "-r", rules], capture_output=True, timeout=120)
    if out.returncode != 0:
        return None, out.stderr.decode(errors="replace").strip()
    return len([l for l in out.stdout.decode(errors="replace").splitlines()
                if l.startswith("{")]), ""


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    saker, plugin, up = sys.argv[1:]
    up = os.environ.get("SAKER_UPSTREAM") or up
    if not shutil.which("sysdig"):
        print("SKIP: sysdig not installed")
        return 77
    caps = [os.path.join(up, "captures", c) for c in CAPTURES]
    caps = [c for c in caps if os.path.exists(c)]
    if not caps:
        print("SKIP: no captures under %s (set SAKER_UPSTREAM)" % up)
        return 77
    fails, compared = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for cap in caps:
            for cond in CONDS:
                want, err = sysdig_count(cap, cond)
                if want is None:
                    print("note: sysdig rejects %r: %s" % (cond, err))
                    continue
                got, err = saker_count(saker, plugin, cap, cond, tmp)
                compared += 1
                known = (os.path.basename(cap), cond) in KNOWN
                if got != want:
                    msg = "%s: [%s] saker %s, sysdig %d %s" % (os.path.basename(cap), cond,
                                                                got, want, err)
                    if known:
                        print("known divergence:", msg)
                    else:
                        fails.append(msg)
                elif known:
                    print("note: known divergence no longer seen: %s [%s]" %
                          (os.path.basename(cap), cond))
    for f in fails:
        print("FAIL", f)
    print("%d comparisons, %d mismatches" % (compared, len(fails)))
    return 1 if fails or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
