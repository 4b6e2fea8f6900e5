#!/usr/bin/env python3
"""Every shipped plugin exports only the plugin ABI: `nm -D --defined-only`
lists plugin_* and saker_* symbols and nothing else (the version script
plugin_api/plugin_exports.map)."""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from sktest import Checker  # noqa: E402

ALLOWED = re.compile(r"^(plugin_|saker_)[A-Za-z0-9_]+$")

if not shutil.which("nm"):
    print("SKIP: nm (binutils) not found")
    sys.exit(77)
c = Checker(detail_max=2000)
if len(sys.argv) < 2:
    print("usage: check_exports.py plugin.so...")
    sys.exit(2)
for so in sys.argv[1:]:
    name = os.path.basename(so)
    p = subprocess.run(["nm", "-D", "--defined-only", so], capture_output=True, text=True)
    c.check(f"{name}: nm -D runs", p.returncode == 0, p.stderr)
    syms = []
    for line in p.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            syms.append(parts[-1].split("@")[0])
    others = sorted(s for s in syms if not ALLOWED.match(s))
    c.check(f"{name}: exports only plugin_*/saker_* ({len(syms)} symbols)", not others,
            f"{len(others)} other exported symbols: {' '.join(others)}")
    c.check(f"{name}: exports the ABI entry points",
            "plugin_get_required_api_version" in syms and "plugin_get_name" in syms, syms)
c.finish()
