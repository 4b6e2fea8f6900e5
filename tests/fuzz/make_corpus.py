#!/usr/bin/env python3
"""Regenerates the seed corpora of tests/fuzz/corpus from the upstream
files ($SAKER_UPSTREAM, default ../shared/upstream) and saker's own rules:
small inputs only (a few KB each), so the corpus stays in the tree.
Crash reproducers found later are added by hand as corpus/<target>/crash-*
and are not touched by this script.
usage: make_corpus.py [upstream dir]"""
import gzip
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
UP = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
    "SAKER_UPSTREAM", os.path.join(ROOT, "..", "shared", "upstream"))
OUT = os.path.join(HERE, "corpus")


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def items(text):
    """Top-level '- ' items of a rules file."""
    out, cur = [], []
    for line in text.splitlines(keepends=True):
        if line.startswith("- ") and cur:
            out.append("".join(cur))
            cur = []
        if line.startswith("- ") or cur:
            cur.append(line)
    if cur:
        out.append("".join(cur))
    return out


def rules_and_conds():
    files = [os.path.join(UP, "rules", f) for f in sorted(os.listdir(os.path.join(UP, "rules")))]
    files.append(os.path.join(ROOT, "rules", "saker_syscall_rules.yaml"))
    conds = []
    for path in files:
        base = os.path.splitext(os.path.basename(path))[0]
        its = [i for i in items(open(path).read()) if len(i) < 3000]
        kinds = {}
        for it in its:
            k = it[2:].split(":", 1)[0]
            kinds.setdefault(k, []).append(it)
        # a few of each kind, and one file of related consecutive items
        for k, v in kinds.items():
            for n, it in enumerate(v[:3]):
                put("rules", f"{base}-{k}-{n}.yaml", it)
        put("rules", f"{base}-run.yaml", "".join(its[:12])[:4000])
        src = 1 if "k8s" in base else 0
        for it in its:
            m = re.search(r"condition: >?\n?((?:.*\n)+?)(?=  \w+:|\Z)", it)
            if m:
                c = " ".join(l.strip() for l in m.group(1).splitlines()).strip()
                if 10 < len(c) < 600:
                    conds.append((src, c))
    seen = set()
    n = 0
    for src, c in conds:
        if c in seen or n >= 60:
            continue
        seen.add(c)
        put("cond", f"cond-{n:02d}", bytes([ord("0") + src]) + c.encode())
        n += 1
    # features the upstream files do not show much of
    put("rules", "saker-override.yaml",
        "- list: l\n  items: [a, \"b c\"]\n- list: l\n  items: [d]\n  override:\n    items: append\n"
        "- macro: m\n  condition: proc.name in (l)\n"
        "- rule: r\n  desc: d\n  condition: evt.type = open and m\n  output: \"%proc.name %fd.name\"\n"
        "  priority: INFO\n  exceptions:\n  - name: e\n    fields: [proc.name, fd.name]\n"
        "    comps: [=, startswith]\n    values: [[a, /tmp], [b, /etc]]\n"
        "- rule: r\n  exceptions:\n  - name: e\n    values: [[c, /var]]\n  override:\n"
        "    exceptions: append\n")
    put("rules", "saker-anchors.yaml",
        "- list: a\n  items: &x [p, q]\n- list: b\n  items: *x\n"
        "- rule: r\n  desc: d\n  condition: evt.type in (open, openat) and proc.name in (a, b)\n"
        "  output: o\n  priority: WARNING\n  tags: [t1, t2]\n")
    put("rules", "saker-doubling.yaml",
        "- list: l0\n  items: [a, b]\n" + "".join(
            f"- list: l{i}\n  items: [l{i-1}, l{i-1}]\n" for i in range(1, 6)) +
        "- macro: m0\n  condition: proc.name in (l5)\n" + "".join(
            f"- macro: m{i}\n  condition: (m{i-1} or m{i-1})\n" for i in range(1, 5)) +
        "- rule: r\n  desc: d\n  condition: evt.type = open and m4\n  output: o\n  priority: INFO\n")
    for n, c in enumerate(["proc.name startswith oneof (a, b) and not fd.net = 10.0.0.0/8",
                           "tolower(proc.name) = val(user.name) or evt.arg[0] exists",
                           "((((proc.pid > 3 and fd.sport in (80, 443)))))",
                           "proc.aname[2] glob 'x*' and proc.cmdline regex '^a.*b$'"]):
        put("cond", f"saker-{n}", b"0" + c.encode())


def k8saudit():
    d = os.path.join(UP, "fixtures", "k8s_audit")
    evs = []
    for f in sorted(os.listdir(d)):
        data = open(os.path.join(d, f), "rb").read()
        put("k8saudit", f, data)
        evs.append(data.strip())
    put("k8saudit", "eventlist.json",
        b'{"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":[' + evs[-1] + b"," +
        evs[-2] + b"]}")
    put("k8saudit", "array.json", b"[" + evs[-1] + b"]")
    put("k8saudit", "truncated.json", evs[0][: len(evs[0]) // 2])


def scap():
    """Tiny plain captures: the header and metadata blocks that are small,
    then the first events (the process list block is dropped: too big)."""
    d = os.path.join(UP, "captures")
    for f, nev in (("falco-0.35.0_cat_write.scap", 40), ("libs_test_ipv6_client.scap", 25)):
        data = gzip.open(os.path.join(d, f)).read()
        out, o, ev = [], 0, 0
        while o + 8 <= len(data) and ev < nev:
            t, ln = struct.unpack_from("<II", data, o)
            if ln < 12 or o + ln > len(data):
                break
            blk = data[o:o + ln]
            o += ln
            is_ev = t in (0x204, 0x208, 0x216, 0x217, 0x221, 0x222)
            if ln <= 2400:
                out.append(blk)
                ev += is_ev
        body = b"".join(out)
        put("scap", f.replace(".scap", "-tiny.scap"), body)
    put("scap", "cat_write-tiny.scap.gz", gzip.compress(body))


if not os.path.isdir(os.path.join(UP, "rules")):
    sys.exit(f"upstream files not found in {UP}")
rules_and_conds()
k8saudit()
scap()
for t in sorted(os.listdir(OUT)):
    fs = os.listdir(os.path.join(OUT, t))
    print(t, len(fs), "files", sum(os.path.getsize(os.path.join(OUT, t, x)) for x in fs), "bytes")
