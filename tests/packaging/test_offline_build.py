#!/usr/bin/env python3
"""The CMake build and ctest need neither network nor root nor the build
machine's kernel: a copy of the source tree is configured (SAKER_BPF=ON),
part of it built (the BPF object and skeleton, a plugin, a unit test) and
that test run by ctest, as user nobody, in a network namespace with no
interface up, with /sys/kernel/btf hidden under an empty tmpfs.

Needs root to set that up (unshare + setpriv, util-linux); skips otherwise."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from sktest import Checker  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--source", required=True)
ap.add_argument("--cc", required=True)
args = ap.parse_args()

NOBODY = 65534
TARGETS = ["sk_syscall_bpf_skel", "json", "test_sdk"]

if os.geteuid() != 0:
    print("SKIP: needs root to create the network/mount namespace and drop to nobody")
    sys.exit(77)
for tool in ("unshare", "setpriv", "cmake", "ctest"):
    if not shutil.which(tool):
        print(f"SKIP: {tool} not found (util-linux / cmake; scripts/deps.sh)")
        sys.exit(77)

c = Checker(detail_max=3000)


def copy_tree(dst):
    # Only the sources: no build folders, no VCS data, no local caches.
    ignore = shutil.ignore_patterns("build*", ".git", ".cache", "__pycache__")
    shutil.copytree(args.source, dst, ignore=ignore, symlinks=True)
    for root, dirs, files in os.walk(dst):
        for n in dirs + files:
            os.lchown(os.path.join(root, n), NOBODY, NOBODY)
    os.chown(dst, NOBODY, NOBODY)


with tempfile.TemporaryDirectory(prefix="saker-offline-") as work:
    os.chmod(work, 0o755)
    src = os.path.join(work, "src")
    bld = os.path.join(work, "build")
    copy_tree(src)
    os.mkdir(bld)
    os.chown(bld, NOBODY, NOBODY)

    # Inside the new namespaces: hide the kernel's BTF, then drop to nobody
    # for everything that configures, builds and tests.
    steps = " && ".join([
        "(! [ -d /sys/kernel/btf ] || mount -t tmpfs -o ro none /sys/kernel/btf)",
        "exec setpriv --reuid=%d --regid=%d --clear-groups --reset-env --no-new-privs "
        "sh -c \"$0\"" % (NOBODY, NOBODY),
    ])
    inner = " && ".join([
        "export HOME=%s PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" % work,
        "cmake -S %s -B %s -DSAKER_WERROR=ON -DSAKER_BPF=ON -DCMAKE_C_COMPILER=%s" % (src, bld, args.cc),
        "cmake --build %s -j2 --target %s" % (bld, " ".join(TARGETS)),
        "cd %s && ctest -R '^sdk_unit$' --output-on-failure" % bld,
    ])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CCACHE", "http", "HTTP"))}
    p = subprocess.run(["unshare", "--net", "--mount", "--propagation", "private",
                        "sh", "-c", steps, inner],
                       capture_output=True, text=True, timeout=1500, env=env)
    out = p.stdout + p.stderr
    c.check("configure + build (BPF object and skeleton, json plugin, a unit test) + ctest "
            "as nobody, offline, without kernel BTF", p.returncode == 0, out[-3000:])
    c.check("the BPF skeleton was generated from the committed vmlinux.h",
            os.path.exists(os.path.join(bld, "generated", "sk_syscall_bpf", "saker.skel.h")), out[-1500:])
    c.check("ctest ran the unit test", "100% tests passed" in out and "sdk_unit" in out, out[-1500:])
    if p.returncode != 0:
        c.finish()
    # The build tree holds nothing nobody could not have written.
    owners = {os.lstat(os.path.join(r, n)).st_uid for r, ds, fs in os.walk(bld) for n in ds + fs}
    c.check("every file of the build tree belongs to nobody", owners == {NOBODY}, owners)
c.finish()
