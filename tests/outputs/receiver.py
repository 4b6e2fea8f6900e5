#!/usr/bin/env python3
"""HTTP receiver for the outputs tests (stdlib only).

Listens on 127.0.0.1:--port (0 = any), prints "PORT <n>" on stdout, appends
one JSON record per request ({"method","path","headers","body"}) to --out,
and answers --status after --delay seconds. Exits when its stdin closes
(the test died or is done) or after --max-seconds.
"""
import argparse
import http.server
import json
import os
import sys
import threading
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--status", type=int, default=200)
    ap.add_argument("--delay", type=float, default=0.0)
    ap.add_argument("--max-seconds", type=float, default=120.0)
    ap.add_argument("--tls-cert", help="serve HTTPS with this certificate PEM")
    ap.add_argument("--tls-key", help="private key PEM of --tls-cert")
    ap.add_argument("--client-ca", help="require a client certificate signed by this CA")
    args = ap.parse_args()
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n) if n else b""
            if args.delay:
                time.sleep(args.delay)
            rec = {
                "method": "POST",
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
            }
            if args.client_ca:
                peer = self.connection.getpeercert() or {}
                subj = dict(x[0] for x in peer.get("subject", ()))
                rec["client_cn"] = subj.get("commonName", "")
            with lock:
                with open(args.out, "a", encoding="utf-8") as f:
                    f.write(json.dumps(rec) + "\n")
            reply = b'{"ok":true}'
            self.send_response(args.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *a):
            pass

    class Server(http.server.ThreadingHTTPServer):
        allow_reuse_address = True
        daemon_threads = True

    srv = Server(("127.0.0.1", args.port), Handler)
    if args.tls_cert:
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls_cert, args.tls_key)
        if args.client_ca:
            ctx.verify_mode = ssl.CERT_REQUIRED
            ctx.load_verify_locations(args.client_ca)
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    print("PORT %d" % srv.server_address[1], flush=True)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(1):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Timer(args.max_seconds, lambda: os._exit(3)).start()
    srv.serve_forever()


if __name__ == "__main__":
    main()
