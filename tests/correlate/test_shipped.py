#!/usr/bin/env python3
"""rules/correlation/saker_correlations.yaml: validates with the plugins of
this tree (parts needing absent plugins are skipped with a message), with
every source's field table (test plugins), and each shipped correlation
fires on its scenario and stays quiet on near misses (authored CloudTrail
and Okta events through stand-in sources, Kubernetes audit through the real
k8saudit plugin)."""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, HERE)
from sktest import Checker  # noqa: E402
from test_replay import binding, S, T0  # noqa: E402

SAKER = os.environ.get("SAKER_BIN")
SRC = os.environ.get("SAKER_SOURCE_DIR", os.path.join(HERE, "..", ".."))
SHIPPED = os.path.join(SRC, "rules", "correlation", "saker_correlations.yaml")
ENV = {k: os.environ.get(k) for k in ("KA_PLUGIN", "JSON_PLUGIN", "SYSCALL_PLUGIN",
                                      "CONTAINER_PLUGIN", "TL_OKTA", "TL_CLOUDTRAIL", "RTP_DIR")}
M = 60 * S


def config(tmp, name, plugins, extra=None):
    path = os.path.join(tmp, name)
    cfg = {"plugins": [{"name": n, "library_path": lib, "init_config": {},
                        **({"open_params": op} if op is not None else {})}
                       for n, lib, op in plugins],
           "load_plugins": [n for n, _, _ in plugins], "rules_files": [],
           "json_output": True, "webserver": {"enabled": False}}
    cfg.update(extra or {})
    with open(path, "w") as f:
        json.dump(cfg, f)
    return path


def validate(T, tmp):
    here = [("k8saudit", ENV["KA_PLUGIN"], "/dev/null"), ("json", ENV["JSON_PLUGIN"], None),
            ("syscall", ENV["SYSCALL_PLUGIN"], ""), ("container", ENV["CONTAINER_PLUGIN"], None)]
    cfg = config(tmp, "here.yaml", here)
    p = subprocess.run([SAKER, "-c", cfg, "-V", SHIPPED], capture_output=True, text=True)
    out = p.stdout + p.stderr
    T.check("-V with this tree's plugins: Ok", p.returncode == 0 and "Ok" in out, out)
    T.check("-V: no error", "error:" not in out, out)
    T.check("-V: the k8s+syscall correlation is enabled, the rest skipped with a message",
            "9 correlations (1 enabled, 8 skipped: plugin not loaded)" in out
            and out.count("Unknown source") == 8, out)
    rtp = ENV["RTP_DIR"]
    fakes = [(n, os.path.join(rtp, "librtp_%s.so" % n), "" if n != "container" else None)
             for n in ("syscall", "container", "cloudtrail", "okta", "json", "k8saudit")]
    fakes = [(n, lib, op if n in ("syscall", "cloudtrail", "okta", "k8saudit") else None)
             for n, lib, op in fakes]
    cfg = config(tmp, "fakes.yaml", fakes)
    p = subprocess.run([SAKER, "-c", cfg, "-V", SHIPPED], capture_output=True, text=True)
    out = p.stdout + p.stderr
    T.check("-V with every source's field table: all 9 compile",
            p.returncode == 0 and "9 correlations (9 enabled, 0 skipped" in out
            and "error:" not in out, out)


def okta(ts, typ, user, result="SUCCESS", ip="1.2.3.4", country="US"):
    return {"ts": ts, "okta.evt.type": typ, "okta.result": result,
            "okta.actor.alternateid": user, "okta.actor.name": user,
            "okta.client.ip": ip, "okta.client.geo.country": country}


def ct(ts, user, result="Success", mfa="No", ip="1.1.1.1"):
    e = {"ts": ts, "ct.name": "ConsoleLogin", "ct.user": user, "ct.srcip": ip,
         "responseElements": {"ConsoleLogin": result},
         "additionalEventData": {"MFAUsed": mfa}}
    if result == "Failure":
        e["ct.errormessage"] = "Failed authentication"
    return e


def behaviour(T, tmp):
    cte = [ct(T0 + 10 * S, "alice"),                                  # then a binding
           ct(T0 + 11 * S, "bob", mfa="Yes"),                         # MFA used
           ct(T0 + 12 * S, "frank")]                                  # binding after 1 h
    cte += [ct(T0 + i * S, "u%d" % i, "Failure", ip="6.6.6.6") for i in range(20, 25)]
    cte += [ct(T0 + 26 * S, "root", ip="6.6.6.6")]                    # success after the burst
    cte += [ct(T0 + i * S, "v%d" % i, "Failure", ip="7.7.7.7") for i in range(30, 34)]
    ok = [okta(T0 + 1 * M, "user.session.start", "carol", country="US")]
    ok += [okta(T0 + 2 * M + i * 10 * S, "user.mfa.okta_verify.deny_push", "carol", "DENY")
           for i in range(5)]
    ok += [okta(T0 + 5 * M, "user.session.start", "carol", country="FR", ip="5.6.7.8")]
    ok += [okta(T0 + 2 * M + i * 10 * S, "user.authentication.auth_via_mfa", "dan", "FAILURE")
           for i in range(4)]
    ok += [okta(T0 + 10 * M + i * S, "user.session.start", "erin", "FAILURE", ip="9.9.9.9")
           for i in range(10)]
    ok += [okta(T0 + 20 * M + i * S, "user.session.start", "s%d" % i, "FAILURE", ip="8.8.4.4")
           for i in range(5)]
    k8s = [binding(1, T0 + 20 * M, "alice"), binding(2, T0 + 12 * S, "bob"),
           binding(3, T0 + 62 * M, "frank")]
    files = {}
    for name, evs in (("ct", cte), ("okta", ok)):
        evs.sort(key=lambda e: e["ts"])
        files[name] = os.path.join(tmp, name + ".jsonl")
        with open(files[name], "w") as f:
            f.writelines(json.dumps(e) + "\n" for e in evs)
    files["k8s"] = os.path.join(tmp, "k8s.jsonl")
    with open(files["k8s"], "w") as f:
        f.writelines(json.dumps(e) + "\n" for e in sorted(k8s, key=lambda e: e["stageTimestamp"]))
    plugins = [("k8saudit", ENV["KA_PLUGIN"], files["k8s"]), ("json", ENV["JSON_PLUGIN"], None),
               ("okta", ENV["TL_OKTA"], files["okta"]),
               ("cloudtrail", ENV["TL_CLOUDTRAIL"], files["ct"])]
    cfg = config(tmp, "run.yaml", plugins, {"correlation": {"idle_timeout_ms": 600000}})
    p = subprocess.run([SAKER, "-c", cfg, "-r", SHIPPED], capture_output=True, text=True,
                       timeout=300)
    T.check("saker runs the shipped correlations", p.returncode == 0, p.stderr[-2000:])
    got = {}
    for line in p.stdout.splitlines():
        if line.startswith("{"):
            a = json.loads(line)
            if a.get("source") == "correlation":
                got.setdefault(a["rule"], []).append(a["output"].split(" ", 2)[2])
    want = {
        "Saker Console Login Without MFA Then Cluster Admin Binding": ["user=alice"],
        "Saker Console Login Brute Force": ["src=6.6.6.6"],
        "Saker Console Login Brute Force Then Success": ["src=6.6.6.6 user=root"],
        "Saker Okta MFA Push Burst": ["user=carol"],
        "Saker Okta Failed MFA Push Then Sign-in": ["user=carol push_country=US login_country=FR"],
        "Saker Okta Sign-in From Several Countries": ["user=carol last_country=FR"],
        "Saker Okta Brute Force": ["ip=9.9.9.9"],
        "Saker Okta Password Spray": ["ip=8.8.4.4"],
    }
    for rule, frags in want.items():
        outs = got.get(rule, [])
        T.check("%s: one alert" % rule, len(outs) == len(frags), outs)
        T.check("%s: names the key" % rule,
                all(any(f in o for o in outs) for f in frags), outs)
    extra = set(got) - set(want)
    T.check("no other correlated alert", not extra, extra)


def main():
    if not SAKER or not all(ENV.values()):
        print("SKIP: needs SAKER_BIN and %s" % ", ".join(k for k, v in ENV.items() if not v))
        return 77
    T = Checker(detail_max=3000)
    with tempfile.TemporaryDirectory() as tmp:
        validate(T, tmp)
        behaviour(T, tmp)
    T.finish()


if __name__ == "__main__":
    sys.exit(main())
