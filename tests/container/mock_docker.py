#!/usr/bin/env python3
"""A test server speaking the Docker Engine API (or CRI-O's inspect API)
on a unix socket, Python stdlib only.

  mock_docker.py --socket PATH --data FILE [--mode MODE] [--api docker|crio]
                 [--hang-seconds N] [--log FILE]

--data is a JSON object {full_container_id: inspect_document}. Modes:
  ok            answer GET /containers/<id>/json (docker) or
                GET /containers/<id> (crio) from --data, 404 otherwise
  garbage_json  200 with a body that is not JSON
  garbage_raw   bytes that are not HTTP at all
  close         close the connection without answering
  hang          read the request, then sleep --hang-seconds before answering
Every request line is appended to --log. The socket is created before the
server starts accepting; SIGTERM stops it.
"""
import argparse
import http.server
import json
import os
import re
import signal
import socketserver
import sys
import time


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True
    allow_reuse_address = True


def make_handler(args, data):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *a):  # client_address is '' on unix sockets
            pass

        def log(self):
            if args.log:
                with open(args.log, "a") as f:
                    f.write(self.path + "\n")

        def send_json(self, code, obj):
            body = json.dumps(obj).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            self.log()
            mode = args.mode
            if mode == "close":
                self.close_connection = True
                return
            if mode == "garbage_raw":
                self.wfile.write(b"\x00\xffNOT-HTTP garbage\r\n\r\n{{{")
                self.close_connection = True
                return
            if mode == "garbage_json":
                body = b"<html>this is not json {"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)
                return
            if mode == "hang":
                time.sleep(args.hang_seconds)
            if args.api == "crio":
                m = re.fullmatch(r"/containers/([0-9a-f]+)", self.path)
            else:
                m = re.fullmatch(r"(?:/v[0-9.]+)?/containers/([0-9a-zA-Z_.-]+)/json", self.path)
            if not m:
                self.send_json(404, {"message": "page not found"})
                return
            doc = data.get(m.group(1))
            if doc is None:
                self.send_json(404, {"message": "No such container: " + m.group(1)})
                return
            self.send_json(200, doc)

    return Handler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--socket", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--mode", default="ok",
                    choices=["ok", "garbage_json", "garbage_raw", "close", "hang"])
    ap.add_argument("--api", default="docker", choices=["docker", "crio"])
    ap.add_argument("--hang-seconds", type=float, default=10.0)
    ap.add_argument("--log")
    args = ap.parse_args()
    with open(args.data) as f:
        data = json.load(f)
    try:
        os.unlink(args.socket)
    except FileNotFoundError:
        pass
    srv = Server(args.socket, make_handler(args, data))
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    try:
        srv.serve_forever(poll_interval=0.1)
    finally:
        try:
            os.unlink(args.socket)
        except OSError:
            pass


if __name__ == "__main__":
    main()
