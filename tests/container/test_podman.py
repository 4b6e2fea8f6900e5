#!/usr/bin/env python3
"""The container plugin's runtime client against a real runtime: podman's
Docker-compatible API (`podman system service` on a unix socket), asked
through sk_rt_http_get (libcurl) and the inspect parser (rt_get.c).

A busybox image is imported from a local root filesystem (no registry), a
container is started with labels (one of 16 KiB, so the answer is larger
than Go's response buffer and comes chunked), and the lookup must give back
exactly what `podman inspect` says. Also: 404 for an unknown id, the size
cap (-EMSGSIZE), an absent socket (-ENOENT).

Private storage (--root/--runroot in a temporary folder, vfs driver, no
network) so nothing is shared with the host's podman. Root, podman, runc and
busybox-static are needed; the test skips loudly without them."""
import argparse
import errno
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from sktest import Checker, terminate  # noqa: E402

SKIP = 77
ap = argparse.ArgumentParser()
ap.add_argument("--rt-get", required=True)
args = ap.parse_args()


def skip(msg):
    print("SKIP: " + msg, flush=True)
    sys.exit(SKIP)


if os.geteuid() != 0:
    skip("needs root (podman with runc and cgroupfs)")
for tool in ("podman", "runc"):
    if not shutil.which(tool):
        skip(f"{tool} not found (Debian packages podman runc busybox-static; scripts/deps.sh)")
BUSYBOX = "/bin/busybox"
if not os.path.exists(BUSYBOX):
    skip("/bin/busybox not found (Debian package busybox-static)")

c = Checker(detail_max=2000)
work = tempfile.mkdtemp(prefix="sk-podman-")
PODMAN = ["podman", "--root", os.path.join(work, "storage"), "--runroot", os.path.join(work, "run"),
          "--storage-driver", "vfs", "--runtime", "runc", "--cgroup-manager", "cgroupfs",
          "--events-backend", "file", "--tmpdir", os.path.join(work, "tmp")]
SOCK = os.path.join(work, "podman.sock")
IMAGE = "localhost/sk-busybox:1.0"
BIG = "x" * 16384


def podman(*a, timeout=300):
    return subprocess.run(PODMAN + list(a), capture_output=True, text=True, timeout=timeout)


def rt_get(sock, path, max_bytes=None):
    cmd = [args.rt_get, sock, path] + ([str(max_bytes)] if max_bytes else [])
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    try:
        return json.loads(p.stdout)
    except ValueError:
        return {"rc": None, "error": p.stdout + p.stderr}


def raw_headers(sock, path):
    """The answer's header block, read with a plain socket (what the wire says)."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(30)
    s.connect(sock)
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return data.split(b"\r\n\r\n")[0].decode(errors="replace")


def build_image():
    rootfs = os.path.join(work, "rootfs")
    os.makedirs(os.path.join(rootfs, "bin"))
    os.makedirs(os.path.join(rootfs, "etc"))
    shutil.copy(BUSYBOX, os.path.join(rootfs, "bin", "busybox"))
    for applet in ("sh", "sleep", "cat", "ls"):
        os.symlink("busybox", os.path.join(rootfs, "bin", applet))
    with open(os.path.join(rootfs, "etc", "passwd"), "w") as f:
        f.write("root:x:0:0:root:/:/bin/sh\n")
    tar = os.path.join(work, "rootfs.tar")
    subprocess.run(["tar", "-C", rootfs, "-cf", tar, "."], check=True)
    return podman("import", tar, IMAGE)


service = None
try:
    os.makedirs(os.path.join(work, "tmp"))
    p = build_image()
    c.check("podman import of a busybox root filesystem", p.returncode == 0, p.stderr)
    if p.returncode:
        c.finish()
    p = podman("run", "-d", "--name", "sk-ctr-podman", "--network", "none",
               "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024",
               "--label", "app=saker-test", "--label", "big=" + BIG, IMAGE, "/bin/sleep", "600")
    cid = p.stdout.strip()
    c.check("podman run (runc, cgroupfs) starts a container", p.returncode == 0 and len(cid) == 64,
            p.stdout + p.stderr)
    if p.returncode:
        c.finish()
    insp = json.loads(podman("inspect", cid).stdout or "[{}]")[0]

    slog = open(os.path.join(work, "service.log"), "w")
    service = subprocess.Popen(PODMAN + ["system", "service", "-t", "0", "unix://" + SOCK],
                               stdout=slog, stderr=subprocess.STDOUT)
    # Ready when the API answers (the socket file appears before it listens).
    ready = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and service.poll() is None:
        if os.path.exists(SOCK):
            r = rt_get(SOCK, "/_ping")
            if r.get("rc") == 0 and r.get("status") == 200:
                ready = r
                break
        time.sleep(0.2)
    c.check("podman system service answers /_ping through the libcurl client", ready is not None,
            open(os.path.join(work, "service.log")).read()[-1500:] or "no answer within 120 s")
    if ready is None:
        c.finish()

    r = rt_get(SOCK, f"/containers/{cid}/json")
    info = r.get("info") or {}
    c.check("GET /containers/<id>/json: 200 and a parsed container", r.get("rc") == 0
            and r.get("status") == 200 and info, r)
    hdrs = raw_headers(SOCK, f"/containers/{cid}/json")
    c.check("podman sends that answer with chunked transfer coding (decoded by libcurl)",
            r.get("bytes", 0) > 16384 and "transfer-encoding: chunked" in hdrs.lower(),
            f"{r.get('bytes')} bytes; headers: {hdrs}")
    c.check("container.name", info.get("name") == "sk-ctr-podman", info.get("name"))
    c.check("container.image, repository and tag",
            info.get("image") == IMAGE and info.get("image_repo") == "localhost/sk-busybox"
            and info.get("image_tag") == "1.0", info)
    want_img = insp.get("Image", "")
    c.check("container.image.id is podman's image id",
            want_img and want_img.startswith(info.get("image_id", "-").replace("sha256:", "")[:12]),
            f"podman {want_img} saker {info.get('image_id')}")
    labels = info.get("labels") or {}
    c.check("labels, the 16 KiB one byte for byte",
            labels.get("app") == "saker-test" and labels.get("big") == BIG,
            {k: len(v) for k, v in labels.items()})
    c.check("not privileged, a start time", info.get("privileged") == 0
            and info.get("created_ns", 0) > 0, info)

    r = rt_get(SOCK, "/containers/" + "0" * 64 + "/json")
    c.check("unknown container: 404, no container parsed", r.get("rc") == 0
            and r.get("status") == 404 and "info" not in r, r)
    r = rt_get(SOCK, f"/containers/{cid}/json", max_bytes=4096)
    c.check("an answer over the size cap: -EMSGSIZE with a message",
            r.get("rc") == -errno.EMSGSIZE and "exceeds 4096 bytes" in r.get("error", ""), r)
    r = rt_get(os.path.join(work, "absent.sock"), "/_ping")
    c.check("absent socket: -ENOENT with a message", r.get("rc") == -errno.ENOENT and r.get("error"), r)
finally:
    if service is not None:
        terminate(service)
    podman("rm", "-f", "-t", "0", "sk-ctr-podman", timeout=120)
    shutil.rmtree(work, ignore_errors=True)
c.finish()
