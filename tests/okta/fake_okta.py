#!/usr/bin/env python3
"""A fake Okta System Log API (stdlib only) for saker's okta tests and bench.

GET {prefix}/api/v1/logs with `Authorization: SSWS <token>` serves the events
in order, `limit` per page, with `Link: <...>; rel="next"` carrying an opaque
`after` cursor, as Okta does:
  - polling mode (no `until`): every page has a next link (an empty page's
    link repeats the same cursor);
  - bounded mode (`until`): a next link only while pages are full.
Faults can be scheduled by request number (429 with X-Rate-Limit-Reset, 500,
401, 404, invalid JSON, truncated body) and one request can be held until the
test releases it. Wrong token -> 401, wrong path prefix -> 404, with Okta's
error bodies.

As a program: fake_okta.py --events FILE.json [--token T] [--prefix /org]
prints "PORT <n>" once listening on 127.0.0.1 (port chosen free).
"""
import argparse
import bisect
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ERRORS = {
    401: ("E0000011", "Invalid token provided"),
    404: ("E0000007", "Not found: Resource not found: logs (Event)"),
    429: ("E0000047", "API call exceeded rate limit due to too many requests."),
    500: ("E0000009", "Internal Server Error"),
}


def parse_time(s):
    """RFC 3339 (Z) -> float seconds."""
    from datetime import datetime
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


class FakeOkta:
    def __init__(self, events, token="test-token", prefix="", rl_limit=1000):
        self.lock = threading.Lock()
        self.token = token
        self.prefix = prefix
        self.rl_limit = rl_limit
        self.bodies = []
        self.times = []
        self.faults = {}          # request number (1-based) -> kind
        self.requests = []        # dicts: n, path, status, t, after
        self.hold_after = None    # cursor index whose request is held
        self.no_next = False      # polling pages without a next link (a misbehaving proxy)
        self.self_next = False    # polling pages whose next link repeats the request
        self.held = threading.Event()
        self.release = threading.Event()
        self.add_events(events)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = None

    def add_events(self, events):
        with self.lock:
            for e in events:
                self.bodies.append(json.dumps(e, separators=(",", ":")).encode())
                self.times.append(parse_time(e["published"]))

    def start(self):
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        fake = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def _send(self, status, body, headers=()):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers:
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def _error(self, status, extra=()):
                code, summary = ERRORS[status]
                body = json.dumps({"errorCode": code, "errorSummary": summary,
                                   "errorLink": code, "errorId": "oaeFAKE",
                                   "errorCauses": []}).encode()
                self._send(status, body, extra)

            def do_GET(self):
                u = urlsplit(self.path)
                q = {k: v[0] for k, v in parse_qs(u.query).items()}
                with fake.lock:
                    n = len(fake.requests) + 1
                    rec = {"n": n, "path": self.path, "t": time.time(),
                           "after": q.get("after"), "since": q.get("since"), "status": None}
                    fake.requests.append(rec)
                    fault = fake.faults.get(n)
                auth = self.headers.get("Authorization", "")
                rl = [("X-Rate-Limit-Limit", str(fake.rl_limit)),
                      ("X-Rate-Limit-Remaining", str(fake.rl_limit - 1)),
                      ("X-Rate-Limit-Reset", str(int(time.time()) + 60))]
                if u.path != fake.prefix + "/api/v1/logs" or fault == "404":
                    rec["status"] = 404
                    return self._error(404)
                if auth != "SSWS " + fake.token or fault == "401":
                    rec["status"] = 401
                    return self._error(401)
                if fault == "429":
                    reset = int(time.time()) + 1
                    rec["status"] = 429
                    rec["reset"] = reset
                    return self._error(429, [("X-Rate-Limit-Limit", str(fake.rl_limit)),
                                             ("X-Rate-Limit-Remaining", "0"),
                                             ("X-Rate-Limit-Reset", str(reset))])
                if fault == "500":
                    rec["status"] = 500
                    return self._error(500)
                limit = min(int(q.get("limit", "100")), 1000)
                with fake.lock:
                    if "after" in q:
                        start = int(q["after"][1:])
                    else:
                        start = bisect.bisect_left(fake.times, parse_time(q["since"]))
                    end = len(fake.times)
                    if "until" in q:
                        end = bisect.bisect_left(fake.times, parse_time(q["until"]))
                    stop = min(start + limit, end)
                    page = fake.bodies[start:stop] if start < end else []
                    stop = max(stop, start)
                if fake.hold_after is not None and q.get("after") == "c%d" % fake.hold_after:
                    fake.held.set()
                    fake.release.wait(120)
                body = b"[" + b",".join(page) + b"]"
                links = []
                base = "http://127.0.0.1:%d%s/api/v1/logs" % (fake.port, fake.prefix)
                tail = "&until=" + q["until"] if "until" in q else ""
                links.append('<%s?%s>; rel="self"' % (base, u.query))
                if fake.self_next and "until" not in q:
                    links.append('<%s?%s>; rel="next"' % (base, u.query))
                elif ("until" not in q and not fake.no_next) or len(page) == limit:
                    links.append('<%s?limit=%d&after=c%d%s>; rel="next"' % (base, limit, stop, tail))
                hdrs = rl + [("Link", ", ".join(links))]
                rec["events"] = len(page)
                rec["start"] = start
                if fault == "badjson":
                    rec["status"] = "badjson"
                    return self._send(200, b'[{"uuid": "x", "published": oops}]', hdrs)
                if fault == "truncated":
                    rec["status"] = "truncated"
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body) + 100))
                    for k, v in hdrs:
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(body[:max(1, len(body) // 2)])
                    self.wfile.flush()
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                rec["status"] = 200
                try:
                    self._send(200, body, hdrs)
                except OSError:
                    rec["status"] = "client gone"

        return H


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", required=True)
    ap.add_argument("--token", default="test-token")
    ap.add_argument("--prefix", default="")
    a = ap.parse_args()
    with open(a.events) as f:
        events = json.load(f)
    fake = FakeOkta(events, a.token, a.prefix)
    print("PORT %d" % fake.port, flush=True)
    try:
        fake.server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
