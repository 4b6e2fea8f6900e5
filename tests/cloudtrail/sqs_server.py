"""A small SQS server for the tests (stdlib only): the AWS JSON 1.0 protocol
(GetQueueUrl, ReceiveMessage with long polling, DeleteMessage), visibility
timeouts, and a SigV4 check of every request (the signature is recomputed
from the received headers), on 127.0.0.1 and a free port."""
import hashlib
import hmac
import http.server
import json
import threading
import time
import uuid

ACCOUNT = "000000000000"


class Queue:
    def __init__(self, name, visibility=30.0):
        self.name = name
        self.visibility = visibility
        self.msgs = []           # dicts: id, body, visible_at, handle, receives
        self.deleted = []        # message ids, in order
        self.cv = threading.Condition()

    def send(self, body):
        with self.cv:
            m = {"id": str(uuid.uuid4()), "body": body, "visible_at": 0.0, "handle": None,
                 "receives": 0}
            self.msgs.append(m)
            self.cv.notify_all()
            return m["id"]

    def receive(self, n, wait):
        end = time.time() + wait
        with self.cv:
            while True:
                now = time.time()
                out = [m for m in self.msgs if m["visible_at"] <= now][:n]
                if out or now >= end:
                    break
                self.cv.wait(min(0.05, end - now))
            for m in out:
                m["visible_at"] = now + self.visibility
                m["handle"] = str(uuid.uuid4())
                m["receives"] += 1
            return [dict(m) for m in out]

    def delete(self, handle):
        with self.cv:
            for m in self.msgs:
                if m["handle"] == handle:
                    self.msgs.remove(m)
                    self.deleted.append(m["id"])
                    return True
            return False

    def pending(self):
        with self.cv:
            return [m["id"] for m in self.msgs]


def _hmac(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


class Server:
    def __init__(self, key, secret, region="us-east-1"):
        self.key, self.secret, self.region = key, secret, region
        self.queues = {}
        self.requests = []
        self.bad_signatures = 0
        srv = self

        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status, out = srv.handle(self, body)
                data = json.dumps(out).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/x-amz-json-1.0")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.endpoint = "http://127.0.0.1:%d" % self.port
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def queue(self, name, visibility=30.0):
        q = self.queues[name] = Queue(name, visibility)
        return q

    def check_signature(self, h, body):
        auth = h.headers.get("Authorization", "")
        if not auth.startswith("AWS4-HMAC-SHA256 "):
            return False
        parts = dict(p.strip().split("=", 1) for p in auth[17:].split(","))
        cred = parts.get("Credential", "").split("/")
        if len(cred) != 5 or cred[0] != self.key or cred[2] != self.region or cred[3] != "sqs":
            return False
        signed = parts.get("SignedHeaders", "").split(";")
        canon_headers = "".join("%s:%s\n" % (n, " ".join(h.headers.get(n, "").split()))
                                for n in signed)
        path, _, query = h.path.partition("?")
        phash = hashlib.sha256(body).hexdigest()
        canon = "\n".join(["POST", path, query, canon_headers, ";".join(signed), phash])
        amzdate = h.headers.get("X-Amz-Date", "")
        scope = "/".join(cred[1:])
        sts = "\n".join(["AWS4-HMAC-SHA256", amzdate, scope,
                         hashlib.sha256(canon.encode()).hexdigest()])
        k = _hmac(_hmac(_hmac(_hmac(("AWS4" + self.secret).encode(), cred[1]), cred[2]), "sqs"),
                  "aws4_request")
        return hmac.compare_digest(hmac.new(k, sts.encode(), hashlib.sha256).hexdigest(),
                                   parts.get("Signature", ""))

    def handle(self, h, body):
        target = h.headers.get("X-Amz-Target", "")
        self.requests.append(target)
        if not self.check_signature(h, body):
            self.bad_signatures += 1
            return 403, {"__type": "com.amazon.coral.service#InvalidSignatureException",
                         "message": "The request signature we calculated does not match"}
        try:
            req = json.loads(body or b"{}")
        except ValueError:
            return 400, {"__type": "com.amazon.coral.service#SerializationException"}
        action = target.rpartition(".")[2]
        if action == "GetQueueUrl":
            q = self.queues.get(req.get("QueueName"))
            if not q:
                return 400, {"__type": "com.amazonaws.sqs#QueueDoesNotExist",
                             "message": "The specified queue does not exist."}
            return 200, {"QueueUrl": "%s/%s/%s" % (self.endpoint, ACCOUNT, q.name)}
        q = self.queues.get(str(req.get("QueueUrl", "")).rpartition("/")[2])
        if not q:
            return 400, {"__type": "com.amazonaws.sqs#QueueDoesNotExist"}
        if action == "ReceiveMessage":
            wait = min(float(req.get("WaitTimeSeconds", 0)), 20.0)
            msgs = q.receive(int(req.get("MaxNumberOfMessages", 1)), wait)
            return 200, {"Messages": [{"MessageId": m["id"], "ReceiptHandle": m["handle"],
                                       "MD5OfBody": hashlib.md5(m["body"].encode()).hexdigest(),
                                       "Body": m["body"]} for m in msgs]}
        if action == "DeleteMessage":
            if not q.delete(req.get("ReceiptHandle")):
                return 400, {"__type": "com.amazonaws.sqs#ReceiptHandleIsInvalid"}
            return 200, {}
        return 400, {"__type": "com.amazonaws.sqs#UnsupportedOperation"}

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class Gateway:
    """One endpoint for both services, as AWS-compatible stacks offer it:
    requests with X-Amz-Target go to the SQS server, the rest to S3."""

    def __init__(self, s3_port, sqs_port, fail_every=0):
        """fail_every=N: every Nth request fails, alternately with a 503
        SlowDown answer and a connection closed without an answer."""
        import http.client
        counter = {"n": 0, "failed": 0}
        lock = threading.Lock()
        self.counter = counter

        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def _fwd(self):
                n = int(self.headers.get("Content-Length", "0"))
                data = self.rfile.read(n) if n else None
                with lock:
                    counter["n"] += 1
                    fail = fail_every and counter["n"] % fail_every == 0
                    if fail:
                        counter["failed"] += 1
                        kind = counter["failed"] % 2
                if fail and kind:
                    out = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code>'
                           b'<Message>Please reduce your request rate.</Message></Error>')
                    self.send_response(503)
                    self.send_header("Content-Length", str(len(out)))
                    self.end_headers()
                    self.wfile.write(out)
                    return
                if fail:
                    self.close_connection = True
                    return
                port = sqs_port if self.headers.get("X-Amz-Target") else s3_port
                try:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    c.request(self.command, self.path, body=data, headers=dict(self.headers))
                    r = c.getresponse()
                    out = r.read()
                    c.close()
                    self.send_response(r.status)
                    for k, v in r.getheaders():
                        if k.lower() not in ("transfer-encoding", "connection",
                                             "content-length"):
                            self.send_header(k, v)
                    self.send_header("Content-Length", str(len(out)))
                    self.end_headers()
                    self.wfile.write(out)
                except OSError:
                    self.close_connection = True  # the client went away (shutdown)

            do_GET = do_POST = do_PUT = do_HEAD = _fwd

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.endpoint = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
