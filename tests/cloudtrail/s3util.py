"""A local S3 for the tests: starts npm s3rver on a free port and uploads
with AWS SigV4 (stdlib only), so every request is signature-checked."""
import datetime
import hashlib
import hmac
import http.client
import os
import subprocess
import threading
import urllib.parse

import ctlib
import sktest

KEY, SECRET, REGION = "S3RVER", "S3RVER", "us-east-1"


def s3rver_js():
    nm = os.environ.get("SAKER_TEST_NODE_MODULES", "/opt/saker-test/node_modules")
    js = os.path.join(nm, "s3rver", "bin", "s3rver.js")
    return js if os.path.exists(js) else None


class S3rver:
    def __init__(self, tmp, bucket):
        js = s3rver_js()
        ctlib.need(js and subprocess.run(["which", "node"], capture_output=True).returncode == 0,
                   "node or the npm package s3rver is missing (scripts/deps.sh installs it into "
                   "/opt/saker-test/node_modules): the S3 and SQS tests are NOT RUN")
        self.port = sktest.free_port()
        self.dir = os.path.join(tmp, "s3rver-data")
        os.makedirs(self.dir, exist_ok=True)
        # s3rver encrypts continuation tokens with a cipher OpenSSL 3 only
        # offers through its legacy provider.
        self.proc = subprocess.Popen(["node", "--openssl-legacy-provider", js, "-d", self.dir, "-a", "127.0.0.1", "-p",
                                      str(self.port), "--configure-bucket", bucket],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.log = []
        ready = threading.Event()

        def pump():
            for line in self.proc.stdout:
                self.log.append(line)
                if "listening" in line.lower():
                    ready.set()
            ready.set()
        threading.Thread(target=pump, daemon=True).start()
        if not ready.wait(60) or self.proc.poll() is not None:
            raise RuntimeError("s3rver did not start: " + "".join(self.log))
        self.endpoint = "http://127.0.0.1:%d" % self.port

    def gets(self):
        """GET object requests s3rver logged so far (list requests excluded)."""
        return [l for l in self.log if "GET" in l and "list-type" not in l and "/?" not in l]

    def stop(self):
        sktest.terminate(self.proc)


def _sign(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def put(endpoint, bucket, key, body, content_type="application/octet-stream"):
    u = urllib.parse.urlparse(endpoint)
    now = datetime.datetime.now(datetime.timezone.utc)
    amzdate, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    path = "/%s/%s" % (bucket, urllib.parse.quote(key, safe="/-_.~"))
    phash = hashlib.sha256(body).hexdigest()
    host = u.netloc
    headers = {"host": host, "x-amz-content-sha256": phash, "x-amz-date": amzdate}
    signed = ";".join(sorted(headers))
    canon = "\n".join(["PUT", path, "", "".join("%s:%s\n" % (k, headers[k])
                                                    for k in sorted(headers)), signed, phash])
    scope = "%s/%s/s3/aws4_request" % (day, REGION)
    sts = "\n".join(["AWS4-HMAC-SHA256", amzdate, scope,
                     hashlib.sha256(canon.encode()).hexdigest()])
    k = _sign(_sign(_sign(_sign(("AWS4" + SECRET).encode(), day), REGION), "s3"), "aws4_request")
    sig = hmac.new(k, sts.encode(), hashlib.sha256).hexdigest()
    auth = "AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s" % (
        KEY, scope, signed, sig)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    c.request("PUT", path, body=body, headers={"x-amz-content-sha256": phash,
                                                "x-amz-date": amzdate, "Authorization": auth,
                                                "Content-Type": content_type})
    r = c.getresponse()
    data = r.read()
    c.close()
    if r.status != 200:
        raise RuntimeError("PUT %s: %d %s" % (key, r.status, data[:300]))


def put_many(endpoint, bucket, items, threads=8):
    """items: list of (key, body)."""
    errs = []
    lock = threading.Lock()
    it = iter(items)

    def worker():
        while True:
            with lock:
                nxt = next(it, None)
            if nxt is None:
                return
            try:
                put(endpoint, bucket, nxt[0], nxt[1])
            except Exception as e:  # noqa: BLE001 - reported below
                errs.append(str(e))
                return
    ts = [threading.Thread(target=worker) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if errs:
        raise RuntimeError(errs[0])
