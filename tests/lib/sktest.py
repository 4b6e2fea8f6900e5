"""Helpers shared by saker's Python tests and benchmarks (stdlib only).

Import from a test with:
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
"""
import json
import signal
import socket
import subprocess
import sys
import time


class Checker:
    """Counts named checks; prints "ok   NAME" / "FAIL NAME: DETAIL" per check
    and "N passed, N failed" from finish(), which exits 1 on any failure."""

    def __init__(self, detail_max=None):
        self.passed = 0
        self.failures = []
        self.detail_max = detail_max

    def check(self, name, cond, detail=""):
        if cond:
            self.passed += 1
            print(f"ok   {name}", flush=True)
        else:
            self.failures.append(name)
            if self.detail_max is not None:
                detail = str(detail)[:self.detail_max]
            print(f"FAIL {name}: {detail}", flush=True)

    def finish(self):
        print(f"{self.passed} passed, {len(self.failures)} failed")
        sys.exit(1 if self.failures else 0)


def terminate(p, timeout=20):
    """SIGTERM p and wait: its exit code, or "timeout" (after killing it)."""
    p.send_signal(signal.SIGTERM)
    try:
        return p.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        return "timeout"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_port(port, timeout=5.0):
    """True once 127.0.0.1:port accepts a connection, False after timeout seconds."""
    end = time.time() + timeout
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def wait_unix(path, timeout=5.0):
    """True once the unix socket at path accepts a connection, False after
    timeout seconds."""
    end = time.time() + timeout
    while time.time() < end:
        s = socket.socket(socket.AF_UNIX)
        try:
            s.connect(path)
            return True
        except OSError:
            time.sleep(0.05)
        finally:
            s.close()
    return False


def post_large(port, path, size, headers=""):
    """POSTs a body of `size` blanks to 127.0.0.1:port with Content-Length
    (headers: extra "Name: value\r\n" lines) and returns the status, read
    even when the server answers early and stops reading; None without one."""
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(("POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "%sContent-Length: %d\r\n\r\n" % (path, headers, size)).encode())
    chunk, sent, resp = b" " * 65536, 0, b""
    s.settimeout(0.5)
    try:
        while sent < size and not resp:
            try:
                sent += s.send(chunk[:min(len(chunk), size - sent)])
            except socket.timeout:
                pass
            try:
                resp += s.recv(4096, socket.MSG_DONTWAIT)
            except (BlockingIOError, socket.timeout):
                pass
    except (BrokenPipeError, ConnectionResetError):
        pass
    status = read_status(s, 10, resp)
    s.close()
    return status


def read_status(sock, timeout, resp=b""):
    """The status code of the HTTP answer arriving on sock (resp: what of it
    was already read), or None when none comes within timeout seconds."""
    sock.settimeout(timeout)
    try:
        while b"\r\n" not in resp:
            d = sock.recv(4096)
            if not d:
                break
            resp += d
    except OSError:
        pass
    parts = resp.split(b"\r\n", 1)[0].split()
    return int(parts[1]) if len(parts) >= 2 and parts[1].isdigit() else None


def cgroup_roots():
    """Hierarchies to place a process in: every cgroup2 mount (the default
    hierarchy, read by the syscall plugin) and the v1 pids one."""
    roots = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            parts = line.split()
            sep = parts.index("-")
            fstype, opts = parts[sep + 1], parts[sep + 3] if len(parts) > sep + 3 else ""
            if fstype == "cgroup2" or (fstype == "cgroup" and "pids" in opts.split(",")):
                roots.append(parts[4])
    return roots


# The cat_write capture's rule from the falcosecurity/testing repository
# (see shared/upstream/SOURCES.md): an open by a process named cat.
CAT_RULES = """
- list: cat_binaries
  items: [cat]
- list: cat_capable_binaries
  items: [cat_binaries]
- macro: is_cat
  condition: proc.name in (cat_capable_binaries)
- rule: open_from_cat
  desc: A process named cat does an open
  condition: evt.type=open and is_cat
  output: "An open was seen (command=%proc.cmdline)"
  priority: WARNING
"""


def json_alerts(stdout):
    """The JSON alerts among saker's stdout lines; lines that are not valid JSON are skipped."""
    out = []
    for line in stdout.splitlines():
        if line.startswith("{"):
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
    return out


def parse_args(*names):
    """Parses the test's required path options (--saker, --plugin, ...)."""
    import argparse
    ap = argparse.ArgumentParser()
    for n in names:
        ap.add_argument(f"--{n}", required=True)
    return ap.parse_args()


def write_saker_yaml(path, plugin, library, open_params, web_port=None, stdout=True, extra=""):
    """Writes a saker.yaml that loads one plugin as the source, with JSON
    alerts on stdout (or none) and, given web_port, the web server with
    /metrics on 127.0.0.1:web_port; extra is appended as is."""
    web = "" if web_port is None else f"""webserver:
  enabled: true
  listen_address: 127.0.0.1
  listen_port: {web_port}
  prometheus_metrics_enabled: true
metrics:
  enabled: true
"""
    with open(path, "w") as f:
        f.write(f"""plugins:
  - name: {plugin}
    library_path: {library}
    open_params: "{open_params}"
load_plugins: [{plugin}]
json_output: true
stdout_output:
  enabled: {"true" if stdout else "false"}
{web}{extra}""")
