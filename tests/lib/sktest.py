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
