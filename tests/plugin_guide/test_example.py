#!/usr/bin/env python3
"""The plugin guide's example: the listing in docs/plugin-guide.md is the
source that builds, and the plugin works end to end in saker as the guide
says (config, rules, --list-plugins, --list, bad init config)."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

ap = argparse.ArgumentParser()
for a in ("--saker", "--plugin", "--guide", "--source"):
    ap.add_argument(a, required=True)
args = ap.parse_args()
T = sktest.Checker()
check = T.check


guide = open(args.guide).read()
blocks = re.findall(r"```c\n(.*?)```", guide, re.S)
source = open(args.source).read()
check("guide embeds the example source verbatim", source in blocks, "docs/plugin-guide.md drifted from plugins/example/example.c")

yaml_blocks = re.findall(r"```yaml\n(.*?)```", guide, re.S)
cfg_text = next(b for b in yaml_blocks if "library_path" in b)
rules_text = next(b for b in yaml_blocks if "- rule:" in b)

with tempfile.TemporaryDirectory() as tmp:
    cfg = os.path.join(tmp, "saker.yaml")
    with open(cfg, "w") as f:
        f.write(cfg_text.replace("/path/to/libexample.so", args.plugin)
                + "webserver:\n  enabled: false\n")
    rules = os.path.join(tmp, "example_rules.yaml")
    with open(rules, "w") as f:
        f.write(rules_text)

    p = subprocess.run([args.saker, "-c", cfg, "-r", rules, "-o", "json_output=true"],
                       capture_output=True, text=True, timeout=60)
    check("saker runs the example to EOF", p.returncode == 0, p.stderr[-600:])
    alerts = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
    ns = [a["output_fields"].get("example.n") for a in alerts]
    want = [n for n in range(100, 130) if n % 3 == 2]
    check("every gamma tick alerts once", ns == want, (ns, want))
    check("output text uses the fields",
          alerts and alerts[0]["output"].endswith("gamma tick (n=101 upper=GAMMA)"),
          alerts[0]["output"] if alerts else None)
    check("rule and priority", alerts and alerts[0]["rule"] == "Gamma tick" and alerts[0]["priority"] == "Notice",
          alerts[:1])

    p = subprocess.run([args.saker, "-c", cfg, "--list-plugins"], capture_output=True, text=True, timeout=30)
    check("--list-plugins shows the example", p.returncode == 0 and "example" in p.stdout and "0.1.0" in p.stdout
          and "999999" in p.stdout, p.stdout + p.stderr)
    p = subprocess.run([args.saker, "-c", cfg, "--list", "example"], capture_output=True, text=True, timeout=30)
    check("--list shows the example fields", p.returncode == 0 and "example.upper" in p.stdout
          and "The word, upper-cased" in p.stdout, p.stdout[-500:] + p.stderr[-300:])

    with open(cfg, "w") as f:
        f.write(cfg_text.replace("/path/to/libexample.so", args.plugin).replace("start: 100", "strat: 100")
                + "webserver:\n  enabled: false\n")
    p = subprocess.run([args.saker, "-c", cfg, "-r", rules], capture_output=True, text=True, timeout=30)
    check("a bad init_config key stops saker, naming the key",
          p.returncode == 1 and "strat" in p.stderr and "example" in p.stderr, p.stderr[-500:])

T.finish()
