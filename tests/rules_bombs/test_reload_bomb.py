#!/usr/bin/env python3
"""SIGHUP with a hostile rules file (issue 14, defect 6): the reload fails
with the error logged, the old rules keep firing, and /healthz answers
within 1 s throughout, because the rules compile off the loop thread.
The file is slow to compile on purpose (tens of thousands of exception
entries) and ends with a macro-doubling bomb."""
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sktest  # noqa: E402
import bombs  # noqa: E402

args = sktest.parse_args("saker", "plugin")
T = sktest.Checker(detail_max=800)

RULE_OLD = bombs.rule("abitest.msg = secret", name="Old rule")


def healthz(port, timeout):
    t0 = time.time()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=timeout) as r:
            ok = r.status == 200
    except OSError:
        ok = False
    return ok, time.time() - t0


def alerts(path):
    with open(path, errors="replace") as f:
        return sktest.json_alerts(f.read())


def last_n(path):
    a = [x for x in alerts(path) if x.get("rule") == "Old rule"]
    return a[-1]["output_fields"].get("abitest.n") if a else None


with tempfile.TemporaryDirectory() as tmp:
    rules = os.path.join(tmp, "rules.yaml")
    with open(rules, "w") as f:
        f.write(RULE_OLD)
    wport = sktest.free_port()
    cfg = os.path.join(tmp, "saker.yaml")
    sktest.write_saker_yaml(cfg, "abitest", args.plugin, "100000000@200", web_port=wport,
                            metrics=False)
    so, se = os.path.join(tmp, "stdout.txt"), os.path.join(tmp, "stderr.txt")
    p = subprocess.Popen([args.saker, "-c", cfg, "-r", rules], stdout=open(so, "w"),
                         stderr=open(se, "w"))
    try:
        end = time.time() + 30
        up = False
        while time.time() < end and not up:
            up = healthz(wport, 1)[0]
            if not up:
                time.sleep(0.1)
        T.check("saker serves /healthz", up, open(se).read()[-500:])
        end = time.time() + 30
        while time.time() < end and last_n(so) is None:
            time.sleep(0.1)
        n0 = last_n(so)
        T.check("the old rule fires before the reload", n0 is not None, open(se).read()[-500:])

        # slow to compile (the exceptions), then a bomb the budgets refuse
        slow = "".join(bombs.exceptions(15000).replace("- rule: r\n", f"- rule: slow{i}\n")
                       for i in range(2))
        with open(rules, "w") as f:
            f.write(RULE_OLD + slow + bombs.macro_doubling())
        p.send_signal(signal.SIGHUP)
        probes, worst, failed = 0, 0.0, 0
        end = time.time() + 120
        done = False
        while time.time() < end and not done:
            ok, dt = healthz(wport, 1.0)
            probes += 1
            worst = max(worst, dt)
            failed += 0 if ok else 1
            done = "reload failed" in open(se).read()
            time.sleep(0.05)
        log = open(se).read()
        T.check("the reload fails and says so", done, log[-800:])
        T.check("the rules error is logged (file:line:col, rule, macro)",
                "rules.yaml:" in log and "error: rule 'r'" in log and "in macro 'm" in log,
                log[-800:])
        T.check(f"/healthz answered every probe during the reload within 1 s ({probes} probes, "
                f"worst {worst:.2f} s)", probes > 0 and failed == 0 and worst < 1.0,
                (probes, failed, worst))
        n1 = last_n(so)
        end = time.time() + 30
        while time.time() < end and (n1 is None or n1 <= n0 + 10):
            time.sleep(0.2)
            n1 = last_n(so)
        T.check("the old rule still fires after the failed reload", n1 is not None and n1 > n0 + 10,
                (n0, n1))
        T.check("saker still running", p.poll() is None, p.poll())

        # a good file still reloads afterwards
        with open(rules, "w") as f:
            f.write(bombs.rule("abitest.msg = hello", name="New rule"))
        p.send_signal(signal.SIGHUP)
        end = time.time() + 60
        while time.time() < end and not any(a.get("rule") == "New rule" for a in alerts(so)):
            time.sleep(0.2)
        T.check("a later valid reload takes effect",
                any(a.get("rule") == "New rule" for a in alerts(so)), open(se).read()[-500:])
    finally:
        rc = sktest.terminate(p)
    T.check("SIGTERM exits 0", rc == 0, (rc, open(se).read()[-500:]))
T.finish()
