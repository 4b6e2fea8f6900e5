"""Shared helpers for the k8saudit / json tests (stdlib only).

The harness (tests/k8saudit/harness.c) is a minimal plugin host; these helpers
start it, post to the webhook it opens, and create test certificates.
"""
import http.client
import json
import shutil
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import sktest  # noqa: E402

HARNESS = os.environ.get("KA_HARNESS", "")
KA_PLUGIN = os.environ.get("KA_PLUGIN", "")
JSON_PLUGIN = os.environ.get("JSON_PLUGIN", "")
UPSTREAM = os.environ.get("SAKER_UPSTREAM") or os.environ.get("SAKER_UPSTREAM_DEFAULT", "")
FIXTURES = os.path.join(UPSTREAM, "fixtures", "k8s_audit") if UPSTREAM else ""

SKIP = 77


def skip(msg):
    print("SKIP: " + msg)
    sys.exit(SKIP)


def need_fixtures():
    if not FIXTURES or not os.path.isdir(FIXTURES):
        skip("upstream fixtures not found (set SAKER_UPSTREAM); looked in %r" % FIXTURES)


free_port = sktest.free_port


def fixture_lines(name):
    with open(os.path.join(FIXTURES, name)) as f:
        return [json.loads(l) for l in f if l.strip()]


class Failures:
    def __init__(self):
        self.n = 0
        self.checks = 0

    def check(self, cond, what):
        self.checks += 1
        if not cond:
            self.n += 1
            print("FAIL: " + what, flush=True)
        return cond

    def eq(self, got, want, what):
        return self.check(got == want, "%s: got %r, want %r" % (what, got, want))

    def done(self):
        print("%d checks, %d failures" % (self.checks, self.n))
        sys.exit(1 if self.n else 0)


class Harness:
    """Runs `harness run ...`; .events after .wait().

    The run ends at EOF, or when wait() asks it to (a stop file: the harness
    then ends once the source delivered everything it holds), never because
    the test was slow: idle_ms is only a safety bound. With hold=True the
    harness does not consume before release() (the source's queue fills).
    read_events(n) waits for the first n events while the run goes on."""

    def __init__(self, open_params, fields=(), config="", extractors=(JSON_PLUGIN,),
                 idle_ms=120000, max_events=None, hold=False):
        self._dir = tempfile.mkdtemp(prefix="ka-harness-")
        self._stop = os.path.join(self._dir, "stop")
        self._start = os.path.join(self._dir, "start")
        args = [HARNESS, "run", "--source", KA_PLUGIN, "--open", open_params,
                "--config", config, "--idle-ms", str(idle_ms), "--stop-file", self._stop]
        if hold:
            args += ["--start-file", self._start]
        for e in extractors:
            args += ["--extractor", e]
        for f in fields:
            args += ["--field", f]
        if max_events is not None:
            args += ["--max-events", str(max_events)]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        # stderr is drained by a thread so a chatty child never blocks; stdout
        # is read only through its file object (readline buffers ahead, so
        # communicate() on the raw pipe would lose lines)
        self._err = []
        self._errt = threading.Thread(target=lambda: self._err.append(self.proc.stderr.read()),
                                      daemon=True)
        self._errt.start()
        first = self.proc.stdout.readline()
        try:
            self.first = json.loads(first)
        except ValueError:
            self.proc.wait(timeout=30)
            self._errt.join(timeout=30)
            self.first = {"end": "error", "error": first + "".join(self._err)}
        self.port = self.first.get("port")
        self.events = []
        self.end = None
        self.stderr = ""
        self.rc = None

    def opened(self):
        return self.first.get("open") == "ok"

    def _line(self, line):
        d = json.loads(line)
        if "n" in d:
            self.events.append(d)
        elif "end" in d:
            self.end = d

    def release(self):
        """Let a hold=True harness start consuming."""
        open(self._start, "w").close()

    def read_events(self, n, timeout=60):
        """Reads output until n events were seen (or the run ended, or
        timeout seconds passed); True when n were seen."""
        killer = threading.Timer(timeout, self.kill)
        killer.start()
        try:
            while len(self.events) < n and self.end is None:
                line = self.proc.stdout.readline()
                if not line:
                    break
                self._line(line)
        finally:
            killer.cancel()
        return len(self.events) >= n

    def wait(self, timeout=60):
        open(self._stop, "w").close()
        killer = threading.Timer(timeout, self.kill)
        killer.start()
        try:
            out = self.proc.stdout.read()
            self.proc.wait()
        finally:
            killer.cancel()
        self._errt.join(timeout=30)
        self.stderr = "".join(self._err)
        self.rc = self.proc.returncode
        for line in out.splitlines():
            self._line(line)
        shutil.rmtree(self._dir, ignore_errors=True)
        if self.first.get("end") == "error":
            self.end = self.first
        return self

    def metric(self, name):
        return (self.end or {}).get("metrics", {}).get(name)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def run_file(open_params, fields, config="", idle_ms=300):
    return Harness(open_params, fields, config=config, idle_ms=idle_ms).wait()


def post(port, body, path="/k8s-audit", ctype="application/json", method="POST", tls=None,
         headers=None, timeout=20):
    """Returns (status, body text). tls: an ssl.SSLContext for https."""
    if tls is not None:
        conn = http.client.HTTPSConnection("127.0.0.1", port, context=tls, timeout=timeout)
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    h = dict(headers or {})
    if ctype is not None:
        h["Content-Type"] = ctype
    if isinstance(body, str):
        body = body.encode()
    try:
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        return r.status, r.read().decode(errors="replace")
    finally:
        conn.close()


def post_raw_large(port, size, path="/k8s-audit"):
    """Sends a body of `size` bytes and reads the status even if the server
    answers early and stops reading."""
    return sktest.post_large(port, path, size)


def openssl(*args, cwd=None):
    subprocess.run(["openssl"] + list(args), cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def make_pki(d):
    """CA, server cert/key (separate files, SAN 127.0.0.1), a client cert
    signed by the CA and a client cert signed by another CA."""
    for ca in ("ca", "rogue"):
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca + ".key",
                "-out", ca + ".crt", "-days", "2", "-subj", "/CN=saker-test-" + ca, cwd=d)
    with open(os.path.join(d, "san.ext"), "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    with open(os.path.join(d, "client.ext"), "w") as f:
        f.write("extendedKeyUsage=clientAuth\n")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
            "-subj", "/CN=127.0.0.1", cwd=d)
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
            "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "san.ext", cwd=d)
    for name, ca in (("client", "ca"), ("badclient", "rogue")):
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out",
                name + ".csr", "-subj", "/CN=kube-apiserver-" + name, cwd=d)
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key",
                "-CAcreateserial", "-out", name + ".crt", "-days", "2", "-extfile", "client.ext",
                cwd=d)
    return {k: os.path.join(d, k) for k in (
        "ca.crt", "server.crt", "server.key", "client.crt", "client.key", "badclient.crt",
        "badclient.key")}


def client_ctx(pki, cert=None):
    ctx = ssl.create_default_context(cafile=pki["ca.crt"])
    if cert:
        ctx.load_cert_chain(pki[cert + ".crt"], pki[cert + ".key"])
    return ctx


def tempdir():
    return tempfile.TemporaryDirectory(prefix="saker-k8s-")


wait_port = sktest.wait_port
