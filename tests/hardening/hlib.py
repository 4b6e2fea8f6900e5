"""Helpers for the hardening tests (stdlib only): run saker with the k8saudit
webhook and the web server on ephemeral ports, post audit events, read
/metrics, and hostile clients (header tricklers, closed half-requests)."""
import http.client
import json
import multiprocessing
import os
import re
import resource
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "k8saudit"))
import sktest  # noqa: E402,F401
import kalib  # noqa: E402,F401

SAKER = os.environ.get("SAKER_BIN", "")
KA_PLUGIN = os.environ.get("KA_PLUGIN", "")
JSON_PLUGIN = os.environ.get("JSON_PLUGIN", "")
SKIP = 77

RULE = """- rule: Admin user activity
  desc: any request by the user admin (a \\u0000 must not hide the rest of the name)
  condition: ka.user.name startswith "admin" and ka.user.name contains "evil"
  output: "admin activity (user=%ka.user.name verb=%ka.verb)"
  priority: WARNING
  source: k8s_audit
"""


def need_binaries():
    for what, path in (("SAKER_BIN", SAKER), ("KA_PLUGIN", KA_PLUGIN), ("JSON_PLUGIN", JSON_PLUGIN)):
        if not path or not os.path.exists(path):
            print("SKIP: %s not built (%r)" % (what, path))
            sys.exit(SKIP)


def raise_fd_limit(want=4096):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    new = min(want, hard) if hard != resource.RLIM_INFINITY else want
    if new > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


_SEQ = [0]


def audit_event(user="admin\u0000evil", verb="create"):
    _SEQ[0] += 1
    return {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata",
            "auditID": "hardening-%d" % _SEQ[0], "stage": "ResponseComplete",
            "requestURI": "/api/v1/namespaces/default/pods", "verb": verb,
            "user": {"username": user, "groups": ["system:masters"]},
            "objectRef": {"resource": "pods", "namespace": "default", "name": "p",
                          "apiVersion": "v1"},
            "responseStatus": {"code": 201},
            "requestReceivedTimestamp": "2026-01-01T00:00:00.000000Z",
            "stageTimestamp": "2026-01-01T00:00:00.100000Z"}


class Saker:
    """saker with k8saudit (webhook at `scheme`) + json, the web server with
    /metrics, one rule file; ports read from its log."""

    def __init__(self, tmp, scheme="http", init_config=None, web=None, rules=RULE):
        cfg = {"plugins": [
            {"name": "k8saudit", "library_path": KA_PLUGIN, "init_config": init_config or {},
             "open_params": "%s://127.0.0.1:0/k8s-audit" % scheme},
            {"name": "json", "library_path": JSON_PLUGIN, "init_config": {}}],
            "load_plugins": ["k8saudit", "json"], "rules_files": [], "json_output": True,
            "metrics": {"enabled": True},
            "webserver": dict({"enabled": True, "listen_address": "127.0.0.1",
                               "listen_port": 0, "prometheus_metrics_enabled": True},
                              **(web or {}))}
        self.cfg = os.path.join(tmp, "saker.yaml")
        with open(self.cfg, "w") as f:
            json.dump(cfg, f)
        rpath = os.path.join(tmp, "rules.yaml")
        with open(rpath, "w") as f:
            f.write(rules)
        self.proc = subprocess.Popen([SAKER, "-c", self.cfg, "-r", rpath],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.alerts = []
        self.log = []
        self.web_port = self.hook_port = None
        self._ready = threading.Event()
        self._lock = threading.Lock()
        threading.Thread(target=self._read_err, daemon=True).start()
        threading.Thread(target=self._read_out, daemon=True).start()
        if not self._ready.wait(60):
            self.stop()
            raise RuntimeError("saker did not start: " + "".join(self.log[-20:]))

    def _read_err(self):
        for line in self.proc.stderr:
            self.log.append(line)
            m = re.search(r"\[web\] listening on [0-9.]+:(\d+)", line)
            if m:
                self.web_port = int(m.group(1))
            m = re.search(r"audit webhook listening on port (\d+)", line)
            if m:
                self.hook_port = int(m.group(1))
            if self.web_port and self.hook_port:
                self._ready.set()
        self._ready.set()

    def _read_out(self):
        for line in self.proc.stdout:
            if line.startswith("{"):
                try:
                    a = json.loads(line)
                except ValueError:
                    continue
                with self._lock:
                    self.alerts.append(a)

    def wait_alerts(self, n, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            with self._lock:
                if len(self.alerts) >= n:
                    break
            time.sleep(0.1)
        with self._lock:
            return list(self.alerts)

    def metrics(self):
        """{name: value} summed over label sets, from /metrics."""
        conn = http.client.HTTPConnection("127.0.0.1", self.web_port, timeout=10)
        conn.request("GET", "/metrics")
        text = conn.getresponse().read().decode()
        conn.close()
        out = {}
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            name = line.split("{")[0].split(" ")[0]
            try:
                out[name] = out.get(name, 0) + float(line.rsplit(" ", 1)[1])
            except ValueError:
                pass
        return out

    def wait_metrics(self, pred, timeout=20):
        """Polls /metrics until pred(metrics) (plugin metrics are exported
        every few seconds); returns the last metrics read."""
        end = time.time() + timeout
        m = {}
        while time.time() < end:
            m = self.metrics()
            if pred(m):
                break
            time.sleep(0.25)
        return m

    def rss_kib(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def timed(fn):
    """(result, seconds) of fn(); result is the exception on failure."""
    t = time.monotonic()
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001 - reported by the caller
        r = e
    return r, time.monotonic() - t


def get(port, path, tls=None, timeout=10):
    if tls is not None:
        conn = http.client.HTTPSConnection("127.0.0.1", port, context=tls, timeout=timeout)
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, r.read().decode(errors="replace")
    finally:
        conn.close()


def raw_request(port, data, timeout=10):
    """Sends raw bytes, returns the status code of the answer (or None)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        return sktest.read_status(s, timeout)
    except OSError:
        return None
    finally:
        s.close()


def make_ec_pki(d):
    """kalib.make_pki's layout with P-256 keys: handshakes cost a fraction
    of RSA's, so the attack measures the server, not the crypto."""
    def ossl(*a):
        subprocess.run(["openssl"] + list(a), cwd=d, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    ossl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
         "-subj", "/CN=saker-hardening-ca")
    with open(os.path.join(d, "san.ext"), "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    with open(os.path.join(d, "client.ext"), "w") as f:
        f.write("extendedKeyUsage=clientAuth\n")
    for name, ext, cn in (("server", "san.ext", "127.0.0.1"), ("client", "client.ext", "client")):
        ossl("req", *ec, "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn)
        ossl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
             "-CAcreateserial", "-out", name + ".crt", "-days", "2", "-extfile", ext)
    return {k: os.path.join(d, k) for k in ("ca.crt", "server.crt", "server.key", "client.crt",
                                            "client.key")}


def tempdir():
    return tempfile.TemporaryDirectory(prefix="saker-hard-")


class Attacker(threading.Thread):
    """One thread, non-blocking sockets: keeps `n` header-trickling
    connections open per target (reopened when the server cuts them) and
    opens `fin_rate` closed half-requests per second per target. Source
    addresses rotate over 127.0.0.2.. so per-IP caps see several peers."""

    def __init__(self, targets, n_ips=4, trickle_every=2.0):
        super().__init__(daemon=True)
        self.targets = targets  # list of dicts: port, n, fin_rate, head, drip
        self.ips = ["127.0.0.%d" % (2 + i) for i in range(n_ips)]
        self.every = trickle_every
        self.stop_ev = threading.Event()
        self.sel = selectors.DefaultSelector()
        self.cut = 0
        self.opened = 0
        self.fins = 0
        self._ip = 0
        self.ready = threading.Event()  # initial connections opened

    def _src(self):
        self._ip = (self._ip + 1) % len(self.ips)
        return self.ips[self._ip]

    def _open(self, t):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.bind((self._src(), 0))
            s.connect_ex(("127.0.0.1", t["port"]))
        except OSError:
            s.close()
            return
        self.opened += 1
        st = {"t": t, "sent": False, "next": time.monotonic()}
        self.sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE, st)
        t["live"] += 1

    def _drop(self, s, st):
        self.sel.unregister(s)
        s.close()
        st["t"]["live"] -= 1
        st["t"]["reopen"].append(time.monotonic() + 0.3)
        self.cut += 1

    def _fin(self, t):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.bind((self._src(), 0))
            s.connect_ex(("127.0.0.1", t["port"]))
            # loopback connects complete at once; wait briefly for writable
            for _ in range(20):
                try:
                    s.send(t["head"][:len(t["head"]) // 2])
                    break
                except BlockingIOError:
                    time.sleep(0.001)
        except OSError:
            pass
        s.close()
        self.fins += 1

    def run(self):
        for t in self.targets:
            t["live"] = 0
            t["reopen"] = []
            t["fin_acc"] = 0.0
            for _ in range(t["n"]):
                self._open(t)
        self.ready.set()
        last = time.monotonic()
        while not self.stop_ev.is_set():
            now = time.monotonic()
            for key, ev in self.sel.select(timeout=0.05):
                s, st = key.fileobj, key.data
                if ev & selectors.EVENT_READ:
                    try:
                        d = s.recv(4096)
                    except OSError:
                        d = b""
                    if not d:
                        self._drop(s, st)
                        continue
                if ev & selectors.EVENT_WRITE and not st["sent"]:
                    try:
                        s.send(st["t"]["head"])
                        st["sent"] = True
                        st["next"] = now + self.every
                        self.sel.modify(s, selectors.EVENT_READ, st)
                    except BlockingIOError:
                        pass
                    except OSError:
                        self._drop(s, st)
            for key in list(self.sel.get_map().values()):
                st = key.data
                if st["sent"] and now >= st["next"]:
                    st["next"] = now + self.every
                    try:
                        key.fileobj.send(st["t"]["drip"])
                    except (BlockingIOError, InterruptedError):
                        pass
                    except OSError:
                        self._drop(key.fileobj, st)
            dt, last = now - last, now
            for t in self.targets:
                due = [r for r in t["reopen"] if r <= now]
                t["reopen"] = [r for r in t["reopen"] if r > now]
                for _ in due:
                    self._open(t)
                t["fin_acc"] += t["fin_rate"] * dt
                while t["fin_acc"] >= 1:
                    t["fin_acc"] -= 1
                    self._fin(t)
        for key in list(self.sel.get_map().values()):
            key.fileobj.close()

    def stop(self):
        self.stop_ev.set()
        self.join(30)


def _attack_main(targets, kw, stop_ev, ready_ev, out_q):
    att = Attacker(targets, **kw)
    att.start()
    att.ready.wait(60)
    ready_ev.set()
    stop_ev.wait()
    att.stop()
    out_q.put({"opened": att.opened, "cut": att.cut, "fins": att.fins})


class AttackProcess:
    """Attacker in its own process, so the clients whose latency is measured
    never wait for the attacker's share of the interpreter lock."""

    def __init__(self, targets, **kw):
        ctx = multiprocessing.get_context("fork")
        self.stop_ev = ctx.Event()
        self.ready = ctx.Event()
        self.q = ctx.Queue()
        self.p = ctx.Process(target=_attack_main,
                             args=(targets, kw, self.stop_ev, self.ready, self.q), daemon=True)
        self.opened = self.cut = self.fins = 0

    def start(self):
        self.p.start()

    def stop(self):
        self.stop_ev.set()
        try:
            r = self.q.get(timeout=60)
            self.opened, self.cut, self.fins = r["opened"], r["cut"], r["fins"]
        except Exception:  # noqa: BLE001 - counts stay 0, checks report it
            pass
        self.p.join(30)
        if self.p.is_alive():
            self.p.kill()
