#!/usr/bin/env python3
"""Issue 14, defects 2 and 10 (network part), through saker:
- body budget: many unfinished large bodies keep RSS within the budget, the
  ones past it get 503 at once (counted), small valid requests still pass;
- two different Content-Length headers get 400 (webhook and web server);
- a \\u0000 inside a value is matched and reported in full;
- unauthenticated peers cannot take the room of authenticated clients."""
import http.client
import json
import os
import select
import socket
import threading
import time

import hlib
import kalib

C = hlib.sktest.Checker(detail_max=600)
MIB = 1024 * 1024
MAX_BODY = 4 * MIB
BUDGET = 18 * MIB          # room for 4 large bodies and some small ones
N_LARGE = 40
RULES = """- list: allowed_k8s_users
  items: [admin]
- rule: Disallowed K8s user
  desc: a user outside the allowed list
  condition: not ka.user.name in (allowed_k8s_users)
  output: "disallowed user (user=%ka.user.name)"
  priority: WARNING
  source: k8s_audit
"""


status_of = hlib.sktest.read_status


class Stalled(threading.Thread):
    """Declares MAX_BODY bytes, sends all but the last one, then waits."""

    def __init__(self, port, i):
        super().__init__(daemon=True)
        self.s = socket.socket()
        self.s.bind(("127.0.0.%d" % (2 + i % 6), 0))
        self.s.connect(("127.0.0.1", port))
        self.status = None
        self.sent_all = False

    def run(self):
        hdr = ("POST /k8s-audit HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Content-Length: %d\r\n\r\n" % MAX_BODY).encode()
        body = b"[" + b" " * (MAX_BODY - 2)
        try:
            self.s.sendall(hdr)
            # a refusal comes right after the headers: wait for it before
            # sending (generously: the machine may be loaded), then keep
            # looking between chunks
            self.s.settimeout(3.0)
            try:
                d = self.s.recv(4096, socket.MSG_PEEK)
            except (socket.timeout, BlockingIOError):
                d = b""
            if d:
                self.status = status_of(self.s, 5)
                return
            self.s.settimeout(60)
            for off in range(0, len(body), 65536):
                if select.select([self.s], [], [], 0)[0]:
                    self.status = status_of(self.s, 5)
                    return
                self.s.sendall(body[off:off + 65536])
            self.sent_all = True
        except OSError:
            self.status = status_of(self.s, 5)


def budget_test(tmp):
    sk = hlib.Saker(tmp, "http", {"webhookMaxBatchSize": MAX_BODY, "webhookBodyBudget": BUDGET,
                                  "webhookBodyTimeoutMs": 120000,
                                  "webhookMaxConnectionsPerIP": 64}, rules=RULES)
    try:
        st, _ = kalib.post(sk.hook_port, json.dumps(hlib.audit_event(user="admin")))
        C.check("warm-up post", st == 200, st)
        rss0 = sk.rss_kib()
        conns = [Stalled(sk.hook_port, i) for i in range(N_LARGE)]
        for c in conns:
            c.start()
        for c in conns:
            c.join(90)
        held = [c for c in conns if c.sent_all]
        refused = [c.status for c in conns if not c.sent_all]
        # let the server read what the held connections sent
        sk.wait_metrics(lambda m: m.get("saker_plugin_k8saudit_webhook_bytes", 0) >=
                        len(held) * (MAX_BODY - 1), 30)
        rss1 = sk.rss_kib()
        print("held %d, refused %r; RSS %d -> %d KiB" % (len(held), refused[:6], rss0, rss1))
        C.check("bodies within the budget accepted (4)", len(held) == BUDGET // MAX_BODY,
                len(held))
        C.check("bodies past the budget refused with 503 at the headers",
                refused and all(s == 503 for s in refused), refused)
        C.check("RSS stays within the budget (+8 MiB slack)",
                rss1 - rss0 < (BUDGET + 8 * MIB) // 1024, (rss0, rss1))
        st = kalib.post_raw_large(sk.hook_port, MAX_BODY)
        C.check("a further large request gets 503", st == 503, st)
        r, dt = hlib.timed(lambda: kalib.post(sk.hook_port, json.dumps(hlib.audit_event())))
        C.check("a small valid request is still served", isinstance(r, tuple) and r[0] == 200,
                r)
        key = "saker_plugin_k8saudit_webhook_rejected_body_budget"
        m = sk.wait_metrics(lambda m: m.get(key, 0) >= len(refused) + 1)
        C.check("budget refusals counted", m.get(key, 0) >= len(refused) + 1, m)
        for c in conns:
            c.s.close()
    finally:
        sk.stop()


def smuggling_and_nul_test(tmp):
    sk = hlib.Saker(tmp, "http", {}, rules=RULES)
    try:
        body = json.dumps(hlib.audit_event(user="admin")).encode()
        head = ("POST /k8s-audit HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: %d\r\n" % len(body)).encode()
        st = hlib.raw_request(sk.hook_port, head + b"Content-Length: 5\r\n\r\n" + body)
        C.check("webhook: two different Content-Length headers -> 400", st == 400, st)
        st = hlib.raw_request(sk.hook_port, head + b"content-length: %d\r\n\r\n" % len(body) +
                              body)
        C.check("webhook: repeated identical Content-Length accepted", st == 200, st)
        st = hlib.raw_request(sk.web_port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
                              b"Content-Length: 0\r\nContent-Length: 7\r\n\r\n")
        C.check("web server: two different Content-Length headers -> 400", st == 400, st)
        st, _ = kalib.post(sk.hook_port, json.dumps(hlib.audit_event(user="admin\u0000evil")))
        C.check("post with \\u0000 in the user name", st == 200, st)
        # the control post (user admin) raised nothing; the NUL one must
        alerts = sk.wait_alerts(1, timeout=20)
        users = [a.get("output_fields", {}).get("ka.user.name") for a in alerts]
        C.check("the \\u0000 user is not taken for the allowed 'admin' (one alert)",
                users == ["admin\\u0000evil"], users)
        C.check("the output shows the full name",
                alerts and "user=admin\\u0000evil" in alerts[0].get("output", ""), alerts)
        def dup_counted(m):
            return (m.get("saker_plugin_k8saudit_webhook_rejected_conflicting_content_length",
                          0) == 1 and
                    m.get("saker_webserver_rejected_conflicting_content_length_total", 0) == 1)
        C.check("conflicting Content-Length counted (webhook, web server)",
                dup_counted(sk.wait_metrics(dup_counted)), sk.metrics())
    finally:
        sk.stop()


def room_for_authenticated_test(tmp):
    """Unauthenticated peers fill their cap; an authenticated keep-alive
    client keeps being served."""
    tok = os.path.join(tmp, "token")
    with open(tok, "w") as f:
        f.write("t0ken\n")
    sk = hlib.Saker(tmp, "http", {"webhookMaxConnections": 40,
                                  "webhookMaxUnauthenticatedConnections": 20,
                                  "webhookMaxConnectionsPerIP": 40,
                                  "webhookHeaderTimeoutMs": 60000,
                                  "webhookBearerTokenFile": tok}, rules=RULES)
    idle = []
    try:
        conn = http.client.HTTPConnection("127.0.0.1", sk.hook_port, timeout=10)
        hdrs = {"Content-Type": "application/json", "Authorization": "Bearer t0ken"}
        conn.request("POST", "/k8s-audit", json.dumps(hlib.audit_event(user="admin")), hdrs)
        r = conn.getresponse()
        r.read()
        C.check("keep-alive client authenticated", r.status == 200, r.status)
        for _ in range(30):
            idle.append(socket.create_connection(("127.0.0.1", sk.hook_port), timeout=10))
        key = "saker_plugin_k8saudit_webhook_refused_unauthenticated_limit"
        m = sk.wait_metrics(lambda m: m.get(key, 0) >= 10)
        C.check("connections past the unauthenticated cap refused and counted",
                m.get(key, 0) >= 10, m.get(key))
        conn.request("POST", "/k8s-audit", json.dumps(hlib.audit_event(user="admin")), hdrs)
        r = conn.getresponse()
        r.read()
        C.check("the authenticated keep-alive client is still served", r.status == 200,
                r.status)
        conn.close()
    finally:
        for s in idle:
            s.close()
        sk.stop()


def main():
    hlib.need_binaries()
    with hlib.tempdir() as d:
        room_for_authenticated_test(d)
    with hlib.tempdir() as d:
        smuggling_and_nul_test(d)
    with hlib.tempdir() as d:
        budget_test(d)
    C.finish()


if __name__ == "__main__":
    main()
