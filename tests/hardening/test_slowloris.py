#!/usr/bin/env python3
"""Slowloris against the k8saudit webhook and the web server (issue 14,
defect 1). Usage: test_slowloris.py plain|tls

While hundreds of connections trickle one header line every 2 s, hundreds of
half-requests are sent and closed (FIN), and (tls) peers without a client
certificate connect, every valid request to the webhook (new connection,
with client certificate and bearer token in the tls variant) and to /healthz
must be answered within 1 s, and each accepted event must raise its alert.
The defaults are under test (5 s header deadline), so the attack lasts long
enough for the deadlines to cut the tricklers at least twice."""
import json
import os
import socket
import ssl
import sys
import threading
import time

import hlib
import kalib

C = hlib.sktest.Checker(detail_max=600)
ATTACK_S = 14
# The target is 1 s per request during the attack; it is printed
# against the measured maximum. The check allows 3 s (4.5 s under
# ASan/UBSan, SAKER_SANITIZED set by CMake, where saker runs 2-3x slower by
# design): a loaded CI machine deschedules saker and this client for
# hundreds of milliseconds, while a server whose slots the attack holds
# answers only once the attack's connections reach their 5 s header
# deadline, so the bound still tells the two apart.
TARGET_S = 1.0
BOUND_S = 4.5 if os.environ.get("SAKER_SANITIZED") else 3.0
RULES = """- list: allowed_k8s_users
  items: [admin, "system:apiserver"]
- rule: Disallowed K8s user
  desc: a user outside the allowed list (admin\\u0000evil must not pass as admin)
  condition: not ka.user.name in (allowed_k8s_users)
  output: "disallowed user (user=%ka.user.name verb=%ka.verb)"
  priority: WARNING
  source: k8s_audit
"""


def certless_probe(port, pki, results, stop):
    """TLS peers without a client certificate: the server must end each
    connection at the handshake, without waiting for a request."""
    ctx = kalib.client_ctx(pki)
    while not stop.is_set():
        t = time.monotonic()
        try:
            raw = socket.create_connection(("127.0.0.1", port), timeout=10)
            s = ctx.wrap_socket(raw, server_hostname="127.0.0.1")
            # TLS 1.3: the client finishes first; the server's verdict on the
            # (empty) certificate arrives as an alert or a close
            s.settimeout(10)
            d = s.recv(1)
            results.append(("closed" if not d else "data", time.monotonic() - t))
            s.close()
        except (ssl.SSLError, OSError) as e:
            results.append(("refused:%s" % type(e).__name__, time.monotonic() - t))
        stop.wait(0.1)


def main():
    variant = sys.argv[1] if len(sys.argv) > 1 else "plain"
    hlib.need_binaries()
    fds = hlib.raise_fd_limit()
    # both ends of every attack socket live on this machine: stay well inside
    # 4 attacker addresses x 64 (the per-IP cap) stay under the default
    # unauthenticated cap (384): new valid connections must still get in
    n_trickle = 300 if fds >= 2048 else 150
    n_web = 100 if fds >= 2048 else 80  # > 4 x 16: the per-IP cap is hit
    fin_rate = 50
    print("fd limit %d: %d webhook tricklers, %d web tricklers, %d FIN/s per target"
          % (fds, n_trickle, n_web, fin_rate), flush=True)
    with hlib.tempdir() as d:
        init = {}
        tls = None
        if variant == "tls":
            pki = hlib.make_ec_pki(d)
            tok = os.path.join(d, "token")
            with open(tok, "w") as f:
                f.write("s3cr3t-token\n")
            init = {"sslCertificate": pki["server.crt"], "sslKey": pki["server.key"],
                    "sslClientCA": pki["ca.crt"], "webhookBearerTokenFile": tok}
            tls = kalib.client_ctx(pki, "client")
        sk = hlib.Saker(d, "https" if tls else "http", init, rules=RULES)
        try:
            run(sk, variant, tls, pki if tls else None, n_trickle, n_web, fin_rate)
        finally:
            rc = sk.stop()
        C.check("saker exits cleanly", rc == 0, "rc=%r\n%s" % (rc, "".join(sk.log[-15:])))
    C.finish()


def run(sk, variant, tls, pki, n_trickle, n_web, fin_rate):
    hook_head = b"POST /k8s-audit HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    if tls:
        # a TLS record header, then a trickle of ClientHello bytes
        hook_head, hook_drip = b"\x16\x03\x01\x02\x00\x01", b"\x00"
    else:
        hook_drip = b"X-Trickle: 1\r\n"
    targets = [
        {"port": sk.hook_port, "n": n_trickle, "fin_rate": fin_rate, "head": hook_head,
         "drip": hook_drip},
        {"port": sk.web_port, "n": n_web, "fin_rate": fin_rate,
         "head": b"GET /healthz HTTP/1.1\r\nHost: x\r\n", "drip": b"X-Trickle: 1\r\n"},
    ]
    headers = {"Authorization": "Bearer s3cr3t-token"} if tls else {}
    # warm-up: the path works before the attack
    st, _ = kalib.post(sk.hook_port, json.dumps(hlib.audit_event()), tls=tls, headers=headers)
    C.check("valid post before the attack", st == 200, st)
    att = hlib.AttackProcess(targets)
    att.start()
    stop = threading.Event()
    certless = []
    probes = []
    if tls:
        for _ in range(1):
            t = threading.Thread(target=certless_probe, args=(sk.hook_port, pki, certless, stop),
                                 daemon=True)
            t.start()
            probes.append(t)
    hook_lat, web_lat, bad = [], [], []
    posted = 1
    C.check("attack under way", att.ready.wait(60), "attacker did not start")
    time.sleep(1.0)  # let the attack fill its slots first
    end = time.monotonic() + ATTACK_S
    while time.monotonic() < end:
        r, dt = hlib.timed(lambda: kalib.post(sk.hook_port, json.dumps(hlib.audit_event()),
                                              tls=tls, headers=headers, timeout=10))
        hook_lat.append(dt)
        if isinstance(r, tuple) and r[0] == 200:
            posted += 1
        else:
            bad.append(("webhook", r))
        r, dt = hlib.timed(lambda: hlib.get(sk.web_port, "/healthz", timeout=10))
        web_lat.append(dt)
        if not (isinstance(r, tuple) and r[0] == 200):
            bad.append(("healthz", r))
        time.sleep(0.2)
    stop.set()
    m, dt = hlib.timed(sk.metrics)
    C.check("/metrics answered during the attack", isinstance(m, dict), m)
    m = m if isinstance(m, dict) else {}
    att.stop()
    for t in probes:
        t.join(15)
    print("attack: opened %d, cut by server %d, half-requests %d" % (att.opened, att.cut, att.fins))
    print("webhook latency max %.3f s over %d; healthz max %.3f s over %d (target %.0f s)"
          % (max(hook_lat), len(hook_lat), max(web_lat), len(web_lat), TARGET_S), flush=True)
    C.check("every valid request answered (200)", not bad, bad[:5])
    C.check("webhook requests answered within %.1f s each" % BOUND_S,
            max(hook_lat) < BOUND_S, sorted(hook_lat)[-5:])
    C.check("/healthz answered within %.1f s each" % BOUND_S, max(web_lat) < BOUND_S,
            sorted(web_lat)[-5:])
    C.check("enough samples", len(hook_lat) >= 10 and len(web_lat) >= 10, len(hook_lat))
    C.check("the server cut trickling connections", att.cut >= n_trickle, att.cut)
    P = "saker_plugin_k8saudit_webhook_"
    C.check("webhook header deadlines counted", m.get(P + "closed_header_timeout", 0) > 0, m)
    C.check("web server header deadlines counted",
            m.get("saker_webserver_closed_header_timeout_total", 0) > 0, m)
    C.check("dead peers released and counted",
            m.get(P + "closed_peer_gone", 0) + m.get("saker_webserver_closed_peer_gone_total", 0)
            > 0, m)
    C.check("per-IP refusals counted", m.get(P + "refused_per_ip_limit", 0) +
            m.get("saker_webserver_refused_per_ip_limit_total", 0) > 0, m)
    if tls:
        # without the handshake check such a peer is held until a deadline
        # (5 s headers; 30 s idle before the fix): stay below it
        lim = min(2 * BOUND_S, 4.0)
        slow = [c for c in certless if c[1] > lim or c[0] == "data"]
        C.check("certless TLS peers probed", len(certless) >= 10, len(certless))
        C.check("certless TLS peers ended at the handshake (< %.0f s, no request needed)" % lim,
                not slow, slow[:5])
    alerts = sk.wait_alerts(posted)
    users = {a.get("output_fields", {}).get("ka.user.name") for a in alerts}
    C.check("one alert per accepted event (%d)" % posted, len(alerts) == posted, len(alerts))
    C.check("the user is reported in full", users == {"admin\\u0000evil"}, users)


if __name__ == "__main__":
    main()
