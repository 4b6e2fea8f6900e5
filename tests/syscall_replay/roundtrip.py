#!/usr/bin/env python3
"""Capture writer round trip: replay each upstream capture through the syscall
plugin with {"capture": X, "write": OUT}, then check that Debian's sysdig reads
OUT without error and prints, for every event in it, the same field values as
saker printed for the events it delivered (and wrote).

usage: roundtrip.py DUMP PLUGIN CAPTURES_DIR WORKDIR
"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_sysdig as cs  # noqa: E402

# evt.num differs by construction (the written file holds only the delivered
# events); everything else must match.
FIELDS = cs.BASE_FIELDS


def main():
    dump, plugin, capdir, work = sys.argv[1:5]
    if not shutil.which("sysdig"):
        print("SKIP: sysdig not installed")
        return 77
    if not os.path.isdir(capdir):
        print("SKIP: captures not found at %s" % capdir)
        return 77
    os.makedirs(work, exist_ok=True)
    bad = 0
    for c in sorted(f for f in os.listdir(capdir) if f.endswith(".scap")):
        src = os.path.join(capdir, c)
        out = os.path.join(work, "rt_" + c)
        params = json.dumps({"capture": src, "write": out})
        fields = [("evt.scap_type" if f == "evt.type" else f) for f in FIELDS]
        r = subprocess.run([dump, plugin, params] + fields, capture_output=True, timeout=120)
        if r.returncode != 0:
            print("%s: replay failed: %s" % (c, r.stderr.decode(errors="replace")))
            bad += 1
            continue
        mine = cs.parse_records(r.stdout.decode(errors="replace"), len(FIELDS))
        fmt = "*" + cs.SEP.join("%" + f for f in FIELDS)
        s = subprocess.run(["sysdig", "-r", out, "-p", fmt], capture_output=True, timeout=120)
        if s.returncode != 0:
            msg = s.stderr.decode(errors="replace")
            if not mine and "no events in file" in msg:
                # libscap refuses a capture without events; saker delivered none.
                print("%-45s     0 events: nothing to write (libscap rejects empty files)" % c)
                continue
            print("%s: sysdig cannot read the written capture: %s" % (c, msg))
            bad += 1
            continue
        theirs = cs.parse_records(s.stdout.decode(errors="replace"), len(FIELDS))
        # The file holds each delivered exit event preceded by its enter event;
        # align on (type, dir) skipping the enter events, as compare_sysdig does.
        errs = []
        j = 0
        for b in mine:
            while j < len(theirs) and (theirs[j][1] != b[1] or theirs[j][2] != b[2]):
                if theirs[j][2] != ">":
                    errs.append("written event %s (%s %s) not delivered by saker"
                                % (theirs[j][0], theirs[j][1], theirs[j][2]))
                j += 1
            if j >= len(theirs):
                errs.append("saker event %s %s missing from the written file" % (b[1], b[2]))
                break
            a = theirs[j]
            for k, f in enumerate(FIELDS):
                if f == "evt.num":
                    continue
                if cs.norm(f, a[k]) != cs.norm(f, b[k]):
                    errs.append("event %s (%s %s) %s: sysdig=%r saker=%r"
                                % (a[0], a[1], a[2], f, a[k], b[k]))
            j += 1
        print("%-45s %5d events written and read back, %d mismatches" % (c, len(mine), len(errs)))
        for e in errs[:10]:
            print("   ", e)
        bad += len(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
