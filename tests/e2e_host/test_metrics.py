#!/usr/bin/env python3
"""/metrics with names from input, parsed back as Prometheus does:
- a rule whose name holds '"', '\\' and a newline is one well-formed
  saker_alerts_total series whose rule label reads back as the exact name;
- every line of /metrics parses as the text exposition format (0.0.4);
- the per-rule counter, cached per rules load, follows the rules across a
  SIGHUP reload that moves the rule to another index and changes its
  priority: the new series count, the old one stops, no series mixes a
  rule with another rule's priority."""
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

args = sktest.parse_args("saker", "plugin")
T = sktest.Checker()
check = T.check

ODD_NAME = 'Quote " back \\ slash\nsecond line'
# The same name as a YAML double-quoted scalar.
ODD_YAML = '"Quote \\" back \\\\ slash\\nsecond line"'

RULES_BEFORE = f"""
- rule: {ODD_YAML}
  desc: odd events
  condition: abitest.msg = secret
  output: "secret n=%abitest.n"
  priority: WARNING
  source: abitest
"""
RULES_AFTER = f"""
- rule: Even events
  desc: the other half
  condition: abitest.msg = hello
  output: "even %abitest.n"
  priority: NOTICE
  source: abitest
- rule: {ODD_YAML}
  desc: odd events
  condition: abitest.msg = secret
  output: "secret n=%abitest.n"
  priority: ERROR
  source: abitest
"""

NAME_FIRST = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_:")
NAME_REST = NAME_FIRST | set("0123456789")
LABEL_FIRST = NAME_FIRST - {":"}
LABEL_REST = NAME_REST - {":"}


class ParseError(Exception):
    pass


def parse_name(s, i, first, rest):
    j = i
    if j >= len(s) or s[j] not in first:
        raise ParseError(f"bad name at {i}: {s!r}")
    j += 1
    while j < len(s) and s[j] in rest:
        j += 1
    return s[i:j], j


def parse_labels(s, i):
    """s[i] == '{'; returns ({name: value}, index after '}')."""
    labels = {}
    i += 1
    while True:
        if i < len(s) and s[i] == "}":
            return labels, i + 1
        name, i = parse_name(s, i, LABEL_FIRST, LABEL_REST)
        if s[i:i + 2] != '="':
            raise ParseError(f"expected =\" after {name}: {s!r}")
        i += 2
        val = []
        while True:
            if i >= len(s):
                raise ParseError(f"unterminated value: {s!r}")
            ch = s[i]
            if ch == "\\":
                nxt = s[i + 1:i + 2]
                if nxt not in ("\\", '"', "n"):
                    raise ParseError(f"bad escape \\{nxt}: {s!r}")
                val.append("\n" if nxt == "n" else nxt)
                i += 2
            elif ch == '"':
                i += 1
                break
            else:
                val.append(ch)
                i += 1
        if name in labels:
            raise ParseError(f"label {name} twice: {s!r}")
        labels[name] = "".join(val)
        if i < len(s) and s[i] == ",":
            i += 1
        elif i >= len(s) or s[i] != "}":
            raise ParseError(f"expected , or }} : {s!r}")


def parse_exposition(text):
    """[(name, {labels}, value)]; raises ParseError on any malformed line."""
    samples = []
    typed = {}
    for line in text.split("\n"):
        if not line:
            continue
        if line.startswith("# HELP ") or line.startswith("# TYPE "):
            parts = line.split(" ", 3)
            if len(parts) < 4:
                raise ParseError(f"short comment line: {line!r}")
            parse_name(parts[2], 0, NAME_FIRST, NAME_REST)
            if parts[1] == "TYPE":
                if parts[3] not in ("counter", "gauge", "histogram", "summary", "untyped"):
                    raise ParseError(f"bad type: {line!r}")
                if parts[2] in typed:
                    raise ParseError(f"TYPE twice for {parts[2]}")
                typed[parts[2]] = parts[3]
            else:
                h = parts[3]
                k = 0
                while k < len(h):
                    if h[k] == "\\":
                        if h[k + 1:k + 2] not in ("\\", "n"):
                            raise ParseError(f"bad HELP escape: {line!r}")
                        k += 2
                    else:
                        k += 1
            continue
        if line.startswith("#"):
            continue
        name, i = parse_name(line, 0, NAME_FIRST, NAME_REST)
        labels = {}
        if i < len(line) and line[i] == "{":
            labels, i = parse_labels(line, i)
        rest = line[i:]
        if not rest.startswith(" "):
            raise ParseError(f"no value separator: {line!r}")
        fields = rest.split()
        if len(fields) not in (1, 2):
            raise ParseError(f"bad value part: {line!r}")
        float(fields[0])
        samples.append((name, labels, float(fields[0])))
    return samples


def metrics(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as r:
        return r.read().decode()


def alerts_by(samples):
    """{(rule, priority): value} of saker_alerts_total for source abitest."""
    return {(l.get("rule"), l.get("priority")): v for n, l, v in samples
            if n == "saker_alerts_total" and l.get("source") == "abitest"}


def wait_for(port, pred, deadline):
    """Polls /metrics until pred(parsed) holds. Returns (ok, text, parsed,
    parse error); a body that does not parse ends the wait at once."""
    end = time.time() + deadline
    text, parsed = "", []
    while time.time() < end:
        try:
            text = metrics(port)
        except OSError:
            time.sleep(0.1)
            continue
        try:
            parsed = parse_exposition(text)
        except ParseError as e:
            return False, text, [], str(e)
        if pred(parsed):
            return True, text, parsed, None
        time.sleep(0.2)
    return False, text, parsed, None


class Saker:
    """saker on the abitest source (events without end), rules from a file
    this test rewrites, /metrics on a free port."""

    def __init__(self, tmp, rules_text):
        self.tmp = tmp
        self.rules = os.path.join(tmp, "rules.yaml")
        self.set_rules(rules_text)
        self.port = sktest.free_port()
        cfg = os.path.join(tmp, "saker.yaml")
        sktest.write_saker_yaml(cfg, "abitest", args.plugin, "100000000@500",
                                web_port=self.port, stdout=False)
        self.err = open(os.path.join(tmp, "stderr.txt"), "w")
        self.p = subprocess.Popen([args.saker, "-c", cfg, "-r", self.rules],
                                  stdout=subprocess.DEVNULL, stderr=self.err)

    def set_rules(self, text):
        with open(self.rules, "w") as f:
            f.write(text)

    def stderr_tail(self):
        with open(os.path.join(self.tmp, "stderr.txt")) as f:
            return f.read()[-800:]

    def stop(self):
        rc = sktest.terminate(self.p)
        self.err.close()
        return rc


with tempfile.TemporaryDirectory() as tmp:
    sk = Saker(tmp, RULES_BEFORE)
    wport, stderr_tail = sk.port, sk.stderr_tail
    try:
        ok, text, parsed, perr = wait_for(
            wport, lambda s: alerts_by(s).get((ODD_NAME, "Warning"), 0) > 0, 60)
        check("every line of /metrics parses as the text exposition format", perr is None,
              (perr, text[-1500:]))
        odd = [ln for ln in text.split("\n") if ln.startswith("saker_alerts_total")]
        check("the odd rule name reads back exactly from saker_alerts_total", ok,
              (odd, stderr_tail()))
        check("its series is one line (the newline is escaped)",
              sum(1 for ln in odd if "second line" in ln) == 1
              and not any(ln.startswith("second line") for ln in text.split("\n")), odd)

        # Reload: the rule moves from index 0 to 1 and its priority changes.
        sk.set_rules(RULES_AFTER)
        sk.p.send_signal(signal.SIGHUP)

        def reloaded(s):
            a = alerts_by(s)
            return a.get((ODD_NAME, "Error"), 0) > 0 and a.get(("Even events", "Notice"), 0) > 0
        ok, text, parsed, perr = wait_for(wport, reloaded, 60)
        a1 = alerts_by(parsed)
        check("after SIGHUP both rules count under their new priorities", ok,
              (a1, perr, stderr_tail()))
        mixed = [k for k in a1 if k not in
                 {(ODD_NAME, "Warning"), (ODD_NAME, "Error"), ("Even events", "Notice")}]
        check("no series mixes a rule with another rule's priority", not mixed, mixed)
        # Once a series of the new rules load shows, the old evaluator has
        # drained for good: its series must not move while the new one does.
        warn0, err0 = a1.get((ODD_NAME, "Warning")), a1.get((ODD_NAME, "Error"), 0)
        ok, text, parsed, perr = wait_for(
            wport, lambda s: alerts_by(s).get((ODD_NAME, "Error"), 0) > err0, 60)
        a2 = alerts_by(parsed)
        check("the new series keeps counting", ok, (a1, a2, perr))
        check("the old series stopped at the reload", a2.get((ODD_NAME, "Warning")) == warn0,
              (warn0, a2.get((ODD_NAME, "Warning"))))
    finally:
        rc = sk.stop()
    check("saker exits 0 on SIGTERM", rc == 0, (rc, stderr_tail()))

T.finish()
