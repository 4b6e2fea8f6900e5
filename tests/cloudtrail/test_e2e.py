#!/usr/bin/env python3
"""End to end through saker with the cloudtrail + json plugins: the upstream
CloudTrail rules validate with 0 errors, --list shows every upstream field,
the upstream fixtures give SOURCES.md's alerts from a plain file, a gzipped
file and a directory tree, and bad log files are reported while the next
good file still alerts."""
import gzip
import os
import shutil
import subprocess
import tempfile

import ctlib
from ctlib import record, write_log

T = ctlib.Checker(detail_max=800)

CREATE_INSTANCE = """- rule: Cloudtrail Create Instance
  desc: Detect a StartInstances call.
  condition: evt.num > 0 and ct.name="StartInstances"
  output: Cloudtrail Create Instance (user=%ct.user)
  priority: INFO
  source: aws_cloudtrail
"""


def test_validate_and_list(tmp):
    cfg = ctlib.saker_config(tmp, FIX)
    p = subprocess.run([ctlib.SAKER, "-c", cfg, "-V", ctlib.UP_RULES], capture_output=True,
                       text=True, timeout=60)
    out = p.stdout + p.stderr
    T.check("upstream rules validate", p.returncode == 0 and "aws_cloudtrail_rules.yaml: Ok" in out
            and "error" not in out.lower() and "LOAD_UNKNOWN_SOURCE" not in out, out)
    p = subprocess.run([ctlib.SAKER, "-c", cfg, "--list", "aws_cloudtrail"], capture_output=True,
                       text=True, timeout=60)
    listed = {l.split()[0] for l in p.stdout.splitlines() if l[:3] in ("ct.", "s3.", "ec2", "ecr",
                                                                        "iam")}
    hidden = {"ct.time", "s3.bytes.in", "s3.bytes.out", "s3.cnt.get", "s3.cnt.put",
              "s3.cnt.other"}
    from test_plugin import UPSTREAM_FIELDS
    T.check("--list shows every upstream field (hidden ones as Falco hides them)",
            listed == set(UPSTREAM_FIELDS) - hidden, set(UPSTREAM_FIELDS) - hidden ^ listed)


def expect(what, open_params, rules, want, prio=None, opts=()):
    alerts, err, rc = ctlib.saker_run(TMP, open_params, rules, extra_args=opts)
    T.check(what + ": exit 0", rc == 0, err[-600:])
    T.check(what + ": alerts %s" % want, ctlib.counts(alerts) == want,
            (ctlib.counts(alerts), err[-600:]))
    for a in alerts:
        T.check(what + ": source/priority", a.get("source") == "aws_cloudtrail" and
                (prio is None or a.get("priority") == prio), a)
    return alerts


def test_fixtures(tmp):
    rule = os.path.join(tmp, "create_instance.yaml")
    with open(rule, "w") as f:
        f.write(CREATE_INSTANCE)
    alice = os.path.join(FIX, "alice_start_instances.json")
    console = os.path.join(FIX, "console_login_examples.json")
    expect("alice + Cloudtrail Create Instance", alice, [rule], {"Cloudtrail Create Instance": 1},
           "Informational")
    expect("alice + upstream rules", alice, [ctlib.UP_RULES], {})
    a = expect("console logins + upstream rules", console, [ctlib.UP_RULES],
               {"Console Login Without MFA": 1}, "Critical")
    if a:
        T.check("the root login is the one", a[0]["output_fields"].get("ct.srcip") == "192.0.2.0"
                and a[0]["time"].startswith("2018-08-29T16:24:34"), a[0])
    expect("console logins, rule_matching all", console, [ctlib.UP_RULES],
           {"Console Login Without MFA": 1, "Console Root Login Without MFA": 1},
           opts=["-o", "rule_matching=all"])
    gz = os.path.join(tmp, "gz")
    os.makedirs(gz)
    for src in (alice, console):
        with open(src, "rb") as f, gzip.open(os.path.join(gz, os.path.basename(src) + ".gz"),
                                             "wb") as o:
            o.write(f.read())
    expect("gzipped console logins", os.path.join(gz, "console_login_examples.json.gz"),
           [ctlib.UP_RULES], {"Console Login Without MFA": 1}, "Critical")
    expect("gzipped alice + Cloudtrail Create Instance",
           os.path.join(gz, "alice_start_instances.json.gz"), [rule],
           {"Cloudtrail Create Instance": 1}, "Informational")
    tree = os.path.join(tmp, "tree")
    shutil.copy(alice, os.path.join(os.makedirs(os.path.join(tree, "a", "b")) or tree, "a", "b",
                                    "alice.json"))
    shutil.copy(os.path.join(gz, "console_login_examples.json.gz"),
                os.path.join(os.makedirs(os.path.join(tree, "c")) or tree, "c", "console.json.gz"))
    expect("directory tree, both rules files", tree, [ctlib.UP_RULES, rule],
           {"Console Login Without MFA": 1, "Cloudtrail Create Instance": 1})
    expect("the fixture directory itself", FIX, [ctlib.UP_RULES, rule],
           {"Console Login Without MFA": 1, "Cloudtrail Create Instance": 1})


def test_bad_then_good(tmp):
    d = os.path.join(tmp, "bad")
    root_login = record("ConsoleLogin", "signin.amazonaws.com", userIdentity=dict(ctlib.ROOT),
                        eventType="AwsConsoleSignIn", responseElements={"ConsoleLogin": "Success"},
                        additionalEventData={"MFAUsed": "No", "MobileVersion": "No"})
    write_log(os.path.join(d, "1.json.gz"), [], raw=gzip.compress(b'{"Records": []}' * 50)[:-30])
    write_log(os.path.join(d, "2.json"), [], raw=b'{"Records": [1,,]}')
    write_log(os.path.join(d, "3.json"), [record("Huge", requestParameters={"x": "y" * (1 << 20)})])
    write_log(os.path.join(d, "4.json"), [], raw=b'{"NotRecords": 1}')
    write_log(os.path.join(d, "5.json.gz"), [root_login], gz=True)
    alerts, err, rc = ctlib.saker_run(tmp, d, [ctlib.UP_RULES])
    T.check("bad files: saker exits 0", rc == 0, err[-800:])
    T.check("bad files: the good file still alerts",
            ctlib.counts(alerts) == {"Console Login Without MFA": 1}, ctlib.counts(alerts))
    for name, msg in [("1.json.gz", "truncated gzip"), ("2.json", "invalid JSON"),
                      ("3.json", "maxRecordSize"), ("4.json", "no \"Records\" array")]:
        line = [l for l in err.splitlines() if name in l and msg in l]
        T.check("bad files: one clear line for %s" % name, len(line) == 1, err[-1500:])


def test_checkpoint_restart(tmp):
    d = os.path.join(tmp, "ck")
    login = record("ConsoleLogin", "signin.amazonaws.com", userIdentity=dict(ctlib.ROOT),
                   eventType="AwsConsoleSignIn", responseElements={"ConsoleLogin": "Success"},
                   additionalEventData={"MFAUsed": "No", "MobileVersion": "No"})
    write_log(os.path.join(d, "a.json.gz"), [login], gz=True)
    ck = os.path.join(tmp, "saker-ck.json")
    init = {"checkpoint_file": ck}
    alerts, err, rc = ctlib.saker_run(tmp, d, [ctlib.UP_RULES], init_config=init)
    T.check("checkpoint run 1 alerts", rc == 0 and len(alerts) == 1, err[-500:])
    T.check("checkpoint written by the time saker exits", os.path.exists(ck))
    alerts, err, rc = ctlib.saker_run(tmp, d, [ctlib.UP_RULES], init_config=init)
    T.check("restart with the checkpoint: nothing re-read, no alert", rc == 0 and alerts == [],
            (alerts, err[-500:]))
    write_log(os.path.join(d, "b.json.gz"), [dict(login, eventID="new-id-1")], gz=True)
    alerts, err, rc = ctlib.saker_run(tmp, d, [ctlib.UP_RULES], init_config=init)
    T.check("a new file after the restart alerts once", rc == 0 and len(alerts) == 1, alerts)


def main():
    global FIX, TMP
    ctlib.need(ctlib.SAKER, "saker binary not built (SAKER_BIN unset)")
    FIX = ctlib.FIXTURES
    ctlib.need(FIX and os.path.isdir(FIX) and os.path.exists(ctlib.UP_RULES),
               "upstream fixtures/rules not found (set SAKER_UPSTREAM); looked in %r" % FIX)
    with tempfile.TemporaryDirectory() as tmp:
        TMP = tmp
        test_validate_and_list(tmp)
        test_fixtures(tmp)
        test_bad_then_good(tmp)
        test_checkpoint_restart(tmp)
    T.finish()


if __name__ == "__main__":
    main()
