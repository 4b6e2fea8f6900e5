#!/usr/bin/env python3
"""Presence and value of fields, event by event, against Debian's sysdig.

sysdig prints "<NA>" both for a field without value and for the literal
value "<NA>" (which libsinsp gives e.g. as proc.name of a thread it never saw
in the capture's process list), and rules such as the upstream macro
proc_name_exists (not proc.name in ("<NA>","N/A")) tell them apart. So for
each field this takes the events where sysdig's filter `FIELD exists` holds
and their values, and requires the same events and values from saker (all
events mode, so evt.num is the event's position in the file for both).

usage: compare_presence.py DUMP PLUGIN CAPTURES_DIR
Exit 0 on match, 1 on mismatch, 77 when sysdig or the captures are missing.
"""
import json
import os
import shutil
import subprocess
import sys

# Fields whose presence matters to rules; a row per field.
FIELDS = ["proc.name", "proc.exe", "proc.cmdline", "proc.args", "proc.exepath",
          "proc.pname", "proc.pcmdline", "proc.aname[0]", "proc.aname[1]", "proc.pid",
          "proc.ppid", "proc.duration", "proc.sname", "user.uid", "user.name",
          "fd.name"]
# Filter-only fields (sysdig 0.29 cannot print them): the IPv4 events where
# sysdig's filter `fd.type=ipv4 and FIELD=VALUE` holds must be those where one
# of saker's values is VALUE. libsinsp compares a socket without an address
# as 0.0.0.0 / port 0 for fd.ip, fd.net and fd.port only.
FILTERS = [("fd.ip", "0.0.0.0", "0.0.0.0"), ("fd.net", "0.0.0.0/32", "0.0.0.0"),
           ("fd.port", "0", "0"), ("fd.cip", "0.0.0.0", "0.0.0.0"),
           ("fd.sip", "0.0.0.0", "0.0.0.0"), ("fd.lip", "0.0.0.0", "0.0.0.0"),
           ("fd.rip", "0.0.0.0", "0.0.0.0"), ("fd.cnet", "0.0.0.0/32", "0.0.0.0"),
           ("fd.snet", "0.0.0.0/32", "0.0.0.0"), ("fd.sport", "0", "0"),
           ("fd.ip", "127.0.0.1", "127.0.0.1"), ("fd.net", "127.0.0.1/32", "127.0.0.1"),
           ("fd.port", "80", "80")]
ABSENT = "\x01absent\x01"
SEP = "|#|"


def sysdig_values(cap, field):
    out = subprocess.run(["sysdig", "-r", cap, "-p", "%evt.num" + SEP + "%" + field,
                          field + " exists"], capture_output=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError("sysdig failed on %s: %s" % (cap, out.stderr.decode(errors="replace")))
    vals = {}
    for line in out.stdout.decode(errors="replace").splitlines():
        if SEP in line:
            num, _, v = line.partition(SEP)
            if num.isdigit():
                vals[int(num)] = v
    return vals


def saker_values(dump, plugin, cap):
    params = json.dumps({"capture": cap, "all_events": True})
    env = dict(os.environ, SK_DUMP_ABSENT=ABSENT)
    out = subprocess.run([dump, plugin, params, "evt.num"] + FIELDS, capture_output=True,
                         timeout=120, env=env)
    if out.returncode != 0:
        raise RuntimeError("replay_dump failed on %s: %s" % (cap, out.stderr.decode(errors="replace")))
    per_field = {f: {} for f in FIELDS}
    for line in out.stdout.decode(errors="replace").splitlines():
        toks = line.split(SEP)
        if len(toks) != len(FIELDS) + 1 or not toks[0].isdigit():
            continue
        for f, v in zip(FIELDS, toks[1:]):
            if v != ABSENT:
                per_field[f][int(toks[0])] = v
    return per_field


def sysdig_nums(cap, flt):
    out = subprocess.run(["sysdig", "-r", cap, "-p", "%evt.num", flt], capture_output=True,
                         timeout=120)
    if out.returncode != 0:
        raise RuntimeError("sysdig failed on %s: %s" % (cap, out.stderr.decode(errors="replace")))
    return {int(t) for t in out.stdout.decode(errors="replace").split() if t.isdigit()}


def compare_filters(dump, plugin, cap, name, errors):
    ipv4 = sysdig_nums(cap, "fd.type=ipv4")
    if not ipv4:
        return 0
    fields = sorted({f for f, _, _ in FILTERS})
    params = json.dumps({"capture": cap, "all_events": True})
    env = dict(os.environ, SK_DUMP_ABSENT=ABSENT)
    out = subprocess.run([dump, plugin, params, "evt.num"] + fields, capture_output=True,
                         timeout=120, env=env)
    if out.returncode != 0:
        raise RuntimeError("replay_dump failed on %s: %s" % (cap, out.stderr.decode(errors="replace")))
    sk = {}
    for line in out.stdout.decode(errors="replace").splitlines():
        toks = line.split(SEP)
        if len(toks) == len(fields) + 1 and toks[0].isdigit() and int(toks[0]) in ipv4:
            sk[int(toks[0])] = dict(zip(fields, toks[1:]))
    checked = 0
    for field, sd_value, sk_value in FILTERS:
        sd = sysdig_nums(cap, "fd.type=ipv4 and %s=%s" % (field, sd_value))
        for num in sorted(ipv4):
            vals = sk.get(num, {}).get(field, ABSENT)
            has = vals != ABSENT and sk_value in vals.split(",")
            checked += 1
            if has != (num in sd):
                errors.append("%s: event %d: sysdig %s %s=%s, saker values %r"
                              % (name, num, "matches" if num in sd else "does not match",
                                 field, sd_value, None if vals == ABSENT else vals))
    return checked


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    dump, plugin, capdir = sys.argv[1:4]
    if not shutil.which("sysdig"):
        print("SKIP: sysdig not installed")
        return 77
    if not os.path.isdir(capdir):
        print("SKIP: no captures at %s" % capdir)
        return 77
    errors, checked = [], 0
    for name in sorted(os.listdir(capdir)):
        cap = os.path.join(capdir, name)
        if not name.endswith(".scap"):
            continue
        probe = subprocess.run(["sysdig", "-r", cap, "-p", "%evt.num"], capture_output=True,
                               timeout=120)
        if probe.returncode != 0:
            continue  # a file sysdig 0.29 cannot read (see README): nothing to compare
        nums = {int(t) for t in probe.stdout.decode(errors="replace").split() if t.isdigit()}
        sk = saker_values(dump, plugin, cap)
        checked += compare_filters(dump, plugin, cap, name, errors)
        for f in FIELDS:
            sd = sysdig_values(cap, f)
            for num in sorted(nums):
                checked += 1
                if num in sd and num not in sk[f]:
                    errors.append("%s: event %d %s: sysdig=%r saker has no value"
                                  % (name, num, f, sd[num]))
                elif num in sd and sk[f][num] != sd[num]:
                    errors.append("%s: event %d %s: sysdig=%r saker=%r"
                                  % (name, num, f, sd[num], sk[f][num]))
                elif num not in sd and num in sk[f]:
                    errors.append("%s: event %d %s: sysdig has no value, saker=%r"
                                  % (name, num, f, sk[f][num]))
    for e in errors[:100000]:
        print(e)
    print("%d field values checked, %d mismatches" % (checked, len(errors)))
    if checked == 0:
        print("FAIL: nothing compared")
        return 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
