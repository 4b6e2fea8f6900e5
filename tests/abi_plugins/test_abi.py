#!/usr/bin/env python3
"""End-to-end: plugins built only from the ABI facts load into the real
saker binary (or are refused with Falco's messages), and their events flow
through to alerts."""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--saker", required=True)
ap.add_argument("--plugins", required=True)
ap.add_argument("--rules", required=True)
args = ap.parse_args()

T = sktest.Checker()
check = T.check


def lib(name):
    return os.path.join(args.plugins, f"lib{name}.so")


def config(tmp, libname, open_params="10", init_config='""', extra=""):
    path = os.path.join(tmp, f"cfg_{libname}.yaml")
    with open(path, "w") as f:
        f.write(f"""plugins:
  - name: abitest
    library_path: {lib(libname)}
    init_config: {init_config}
    open_params: "{open_params}"
load_plugins: [abitest]
json_output: true
stdout_output:
  enabled: true
webserver:
  enabled: false
{extra}""")
    return path


def run(argv, timeout=60):
    p = subprocess.run([args.saker] + argv, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


RULES = os.path.join(args.rules, "rules_abitest.yaml")

with tempfile.TemporaryDirectory() as tmp:
    # 1. A 3.11.0 plugin loads and its events become alerts.
    rc, out, err = run(["-c", config(tmp, "abitest", "10"), "-r", RULES])
    alerts = sktest.json_alerts(out)
    check("3.11.0 plugin runs to EOF with exit 0", rc == 0, f"rc={rc} err={err[-800:]}")
    check("5 of 10 events alert", len(alerts) == 5, f"got {len(alerts)}: {out[-800:]}")
    if alerts:
        a = alerts[0]
        check("alert rule", a.get("rule") == "Secret message seen", a)
        check("alert source", a.get("source") == "abitest", a)
        check("alert priority", a.get("priority") == "Warning", a)
        of = a.get("output_fields", {})
        check("typed uint64 output field", of.get("abitest.n") == 1, of)
        check("string output field", of.get("abitest.msg") == "secret", of)
        check("keyed arg field", of.get("abitest.kv[msg]") == "secret", of)
        check("output text", "secret seen (n=1 msg=secret" in a.get("output", ""), a.get("output"))
        check("tags sorted", a.get("tags") == ["abi", "test"], a.get("tags"))
        ns = sorted(x.get("output_fields", {}).get("abitest.n") for x in alerts)
        check("every odd event alerted once", ns == [1, 3, 5, 7, 9], ns)

    # 2. 3.12.0 loads too.
    rc, out, err = run(["-c", config(tmp, "abitest_v3120", "2"), "-r", RULES])
    check("3.12.0 plugin loads", rc == 0, err[-500:])

    # 3. Refusals with Falco's messages, naming the plugin and the path.
    cases = [
        ("abitest_v4", "plugin required API version '4.0.0' not compatible with the framework's API version '3.12.0': major versions disagree"),
        ("abitest_v399", "plugin required API version '3.99.0' not compatible with the framework's API version '3.12.0': framework's minor is less than the requested one"),
        ("abitest_vbad", "plugin provided an invalid required API version: 'three'"),
        ("abitest_nocontact", "required symbol not implemented: 'get_contact'"),
        ("abitest_partial", "must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch' (event sourcing)"),
        ("abitest_idnosrc", "must implement both 'plugin_get_id' and 'plugin_get_event_source' or neither (event sourcing)"),
    ]
    for libname, msg in cases:
        rc, out, err = run(["-c", config(tmp, libname), "-r", RULES])
        check(f"{libname} refused (exit 1)", rc == 1, f"rc={rc}")
        check(f"{libname} message", msg in err, err[-600:])
        check(f"{libname} names the library path", lib(libname) in err, err[-600:])

    # 3b. capture_close without capture_open: no capability, not refused (libsinsp).
    rc, out, err = run(["-c", config(tmp, "abitest_closeonly", "4"), "-r", RULES])
    check("capture_close alone: the plugin loads and runs", rc == 0 and
          len(sktest.json_alerts(out)) == 2, (rc, err[-600:]))
    rc, out, err = run(["-c", config(tmp, "abitest_closeonly"), "--list-plugins"])
    check("capture_close alone: no capture-listening capability",
          rc == 0 and "Event Sourcing" in out and "Capture Listening" not in out, (rc, out[-600:]))

    # 3c. An index argument with a leading 0 is refused at load (libsinsp).
    bad_idx = os.path.join(tmp, "bad_idx.yaml")
    with open(bad_idx, "w") as f:
        f.write("- rule: r\n  desc: d\n  condition: abitest.idx[01] = x\n"
                "  output: o\n  priority: INFO\n  source: abitest\n")
    rc, out, err = run(["-c", config(tmp, "abitest"), "-r", bad_idx])
    check("abitest.idx[01] refused", rc == 1 and "has an invalid index argument starting with 0"
          in (out + err), (rc, out[-400:], err[-400:]))
    good_idx = os.path.join(tmp, "good_idx.yaml")
    with open(good_idx, "w") as f:
        f.write("- rule: r\n  desc: d\n  condition: abitest.idx[0] = x or abitest.idx[10] = y\n"
                "  output: o\n  priority: INFO\n  source: abitest\n")
    rc, out, err = run(["-c", config(tmp, "abitest"), "-r", good_idx])
    check("abitest.idx[0] and [10] accepted", rc == 0, (rc, err[-400:]))

    # 4. Init failure names the plugin and the reason.
    rc, out, err = run(["-c", config(tmp, "abitest", init_config='{"fail": true}'), "-r", RULES])
    check("init failure exits 1", rc == 1, f"rc={rc}")
    check("init failure reason", "init config asks to fail" in err and "abitest" in err, err[-600:])

    # 5. Missing library.
    cfg = config(tmp, "abitest")
    with open(cfg) as f:
        text = f.read().replace(lib("abitest"), "/nonexistent/libnope.so")
    with open(cfg, "w") as f:
        f.write(text)
    rc, out, err = run(["-c", cfg, "-r", RULES])
    check("missing library exits 1", rc == 1, f"rc={rc}")
    check("missing library message", "cannot load plugin" in err and "No such file or directory" in err, err[-600:])

    # 6. append_output entries: match criteria, extra output, extra fields,
    # suggested output (abitest.msg is declared with addOutput).
    appends = """append_output:
  - match: {source: abitest, tags: [abi]}
    extra_output: "extra(n=%abitest.n)"
    extra_fields: [evt.num]
  - match: {rule: No such rule}
    extra_output: never1
  - match: {tags: [abi, nope]}
    extra_output: never2
  - suggested_output: true
static_fields:
  cluster: prod
  shard: 3
"""
    rc, out, err = run(["-c", config(tmp, "abitest", "4", extra=appends), "-r", RULES])
    alerts = sktest.json_alerts(out)
    check("append_output run exits 0", rc == 0 and len(alerts) == 2, (rc, err[-600:]))
    if alerts:
        a = alerts[0]
        check("matching extra_output and suggested output appended in order",
              a["output"].endswith("kv=secret) extra(n=1) abitest_msg=secret"), a["output"])
        check("non-matching entries not applied", "never" not in a["output"], a["output"])
        check("static_fields added to output_fields",
              a["output_fields"].get("cluster") == "prod" and a["output_fields"].get("shard") == 3,
              a["output_fields"])
        check("extra_fields go to output_fields only",
              isinstance(a["output_fields"].get("evt.num"), int) and "evt.num" not in a["output"],
              a["output_fields"])
    bad = "append_output:\n  - match: {colour: red}\n"
    rc, out, err = run(["-c", config(tmp, "abitest", "4", extra=bad), "-r", RULES])
    check("bad append_output key names the key",
          rc == 1 and "append_output[0].match.colour" in err, (rc, err[-400:]))

    # 7. --list-plugins and --list.
    rc, out, err = run(["-c", config(tmp, "abitest"), "--list-plugins"])
    check("--list-plugins exit 0", rc == 0, err[-400:])
    for want in ("abitest", "1.2.3", "abitest", "999"):
        check(f"--list-plugins shows {want}", want in out, out[-800:])
    check("--list-plugins shows capabilities", "sourcing" in out.lower() and "extraction" in out.lower(), out[-800:])
    rc, out, err = run(["-c", config(tmp, "abitest"), "--list", "abitest"])
    check("--list exit 0", rc == 0, err[-400:])
    check("--list shows a field with type and description",
          any("abitest.n" in l and "uint64" in l.lower() and "the event counter" in l for l in out.splitlines()),
          out[-800:])
    check("--list shows the keyed field", "abitest.kv" in out, out[-800:])

T.finish()
