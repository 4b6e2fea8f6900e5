"""Helpers shared by saker's Python tests and benchmarks (stdlib only).

Import from a test with:
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
"""
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

# ctest's SKIP_RETURN_CODE for the tests that cannot run here.
SKIP = 77


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


def parse_args(*names, **optional):
    """Parses the test's required path options (--saker, --plugin, ...) and,
    as keywords, optional ones with their default (--name; its type is the
    default's: a number default takes a number)."""
    import argparse
    ap = argparse.ArgumentParser()
    for n in names:
        ap.add_argument(f"--{n}", required=True)
    for n, default in optional.items():
        ap.add_argument(f"--{n}", default=default,
                        type=type(default) if isinstance(default, (int, float)) else None)
    return ap.parse_args()


def upstream(default):
    """The upstream checkout (shared/upstream): $SAKER_UPSTREAM, else default."""
    return os.environ.get("SAKER_UPSTREAM", default)


def skip_unless_live_bpf(name):
    """For tests of the live eBPF source: prints a loud
    "!!!!! SKIP <name>: ..." line and returns SKIP when not root or without
    kernel BTF (/sys/kernel/btf/vmlinux); None when the test can run."""
    if os.geteuid() != 0:
        print(f"!!!!! SKIP {name}: not root (CI runs it as root with BPF)", flush=True)
        return SKIP
    if not os.path.exists("/sys/kernel/btf/vmlinux"):
        print(f"!!!!! SKIP {name}: no kernel BTF", flush=True)
        return SKIP
    return None


class SakerProc:
    """A child (saker, or a helper) whose stdout and stderr are read on threads.

    stdout: with json_stdout (saker with json_output), each line that is a
    JSON object is queued as an alert dict, other lines are dropped; without
    it, every line is queued as is (newline stripped). Each item is queued
    with its time of arrival (time.monotonic()).
    stderr: every line is kept in .err (trailing blanks stripped) and also
    queued for wait_line().
    .p is the Popen object, .t_exec the time it was started."""

    def __init__(self, argv, env=None, stdin=False, json_stdout=True):
        self.json_stdout = json_stdout
        self.t_exec = time.monotonic()
        self.p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  stdin=subprocess.PIPE if stdin else None, env=env,
                                  text=True, bufsize=1)
        self.q = queue.Queue()
        self.err = []
        self.err_lines = queue.Queue()
        self.kept = []  # alerts read by wait_alert() that did not match yet
        self._out = threading.Thread(target=self._read_out, daemon=True)
        self._out.start()
        threading.Thread(target=self._read_err, daemon=True).start()

    def _read_out(self):
        for line in self.p.stdout:
            t = time.monotonic()
            if not self.json_stdout:
                self.q.put((t, line.rstrip("\n")))
            elif line.startswith("{"):
                try:
                    self.q.put((t, json.loads(line)))
                except ValueError:
                    pass

    def _read_err(self):
        for line in self.p.stderr:
            self.err.append(line.rstrip())
            self.err_lines.put((time.monotonic(), line))

    def ended(self):
        """True once the child exited and all its stdout was queued."""
        return self.p.poll() is not None and not self._out.is_alive()

    def line(self, timeout):
        """The next stdout item (a line, or an alert with json_stdout) within
        timeout seconds; raises queue.Empty otherwise."""
        return self.q.get(timeout=timeout)[1]

    def timed_alerts(self, timeout):
        """Yields (arrival time, alert) for each stdout item arriving within
        timeout seconds from now; ends at that deadline."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            try:
                yield self.q.get(timeout=left)
            except queue.Empty:
                return

    def alerts(self, timeout):
        """Yields each alert arriving within timeout seconds from now."""
        for _, a in self.timed_alerts(timeout):
            yield a

    def wait_alert(self, rule, timeout, fields=None):
        """The first alert of `rule` whose output_fields hold all of `fields`
        (name: value), from the alerts kept by earlier calls or arriving within
        timeout seconds; None when none does, or once saker ended and its
        output is read. Alerts that do not match are kept for later calls."""
        def match(a):
            of = a.get("output_fields", {})
            return a.get("rule") == rule and all(of.get(k) == v for k, v in (fields or {}).items())

        end = time.monotonic() + timeout
        while True:
            for a in self.kept:
                if match(a):
                    self.kept.remove(a)
                    return a
            left = end - time.monotonic()
            if left <= 0:
                return None
            try:
                self.kept.append(self.line(min(left, 0.5)))
            except queue.Empty:
                if self.ended() and self.q.empty():
                    return None

    def wait_line(self, pattern, timeout):
        """(arrival time, line) of the first stderr line from now on that
        matches the regex pattern; (None, None) after timeout seconds, or once
        the child exited and its stderr read so far had none."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                t, line = self.err_lines.get(timeout=0.1)
            except queue.Empty:
                if self.p.poll() is not None and self.err_lines.empty():
                    return None, None
                continue
            if re.search(pattern, line):
                return t, line
        return None, None

    def stop(self, timeout=10):
        """SIGTERM (if still running), wait up to timeout seconds, then
        SIGKILL; returns the exit code (negative: the signal)."""
        if self.p.poll() is None:
            self.p.terminate()
            try:
                self.p.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        return self.p.returncode


def http_get(port, path, timeout=3):
    """The body of http://127.0.0.1:port/path (an error status or no
    answer raises OSError)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
        return r.read().decode()


def poll_http(port, path, until, seconds, pause, proc=None):
    """Fetches 127.0.0.1:port/path every `pause` seconds until until(body) is
    true, `seconds` have passed or proc (a Popen) exited; returns the last
    body fetched ("" if none). An OSError from the fetch or from until() counts
    as "not yet"."""
    body = ""
    end = time.monotonic() + seconds
    while time.monotonic() < end and (proc is None or proc.poll() is None):
        try:
            body = http_get(port, path)
            if until(body):
                break
        except OSError:
            pass
        time.sleep(pause)
    return body


def plugins_yaml(*plugins):
    """The plugins: list and load_plugins: line of a saker.yaml loading each
    plugin given as (name, library) or (name, library, init_config) or
    (name, library, init_config, open_params); values are written as JSON
    (YAML's flow style), None leaves the key out."""
    out = ["plugins:"]
    for name, library, *rest in plugins:
        init_config, open_params = (list(rest) + [None, None])[:2]
        out += [f"  - name: {name}", f"    library_path: {library}"]
        if init_config is not None:
            out.append(f"    init_config: {json.dumps(init_config)}")
        if open_params is not None:
            out.append(f"    open_params: {json.dumps(open_params)}")
    out.append("load_plugins: [" + ", ".join(p[0] for p in plugins) + "]")
    return "\n".join(out) + "\n"


def webserver_yaml(port, metrics=True):
    """The saker.yaml lines for the web server on 127.0.0.1:port and, with
    metrics, Prometheus /metrics (metrics enabled)."""
    web = f"""webserver:
  enabled: true
  listen_address: 127.0.0.1
  listen_port: {port}
"""
    if metrics:
        web += """  prometheus_metrics_enabled: true
metrics:
  enabled: true
"""
    return web


def write_saker_yaml(path, plugin, library, open_params, web_port=None, stdout=True, extra="",
                     metrics=True):
    """Writes a saker.yaml that loads one plugin as the source, with JSON
    alerts on stdout (or none) and, given web_port, the web server on
    127.0.0.1:web_port (with /metrics unless metrics is false); extra is
    appended as is."""
    web = "" if web_port is None else webserver_yaml(web_port, metrics)
    with open(path, "w") as f:
        f.write(plugins_yaml((plugin, library, None, open_params)) + f"""json_output: true
stdout_output:
  enabled: {"true" if stdout else "false"}
{web}{extra}""")
