"""A fake of the parts of the GitHub REST API the github plugin calls
(stdlib only), run in a thread of the test process on a free port.

  GET    /user/repos?per_page=N&page=P       repos (with permissions.admin)
  GET    /repos/O/R/hooks                    hooks of a repo
  POST   /repos/O/R/hooks                    create (201 {"id": N})
  DELETE /repos/O/R/hooks/ID                 delete (204)
  GET    /repos/O/R/compare/A...B            {"files": [...]} from `diffs`
  GET    /repos/O/R/contents/PATH?ref=SHA    raw text from `contents`

Every request must carry "Authorization: Bearer <token>" (else 401). All
requests are recorded in .log as (method, path, body-json-or-None).
"""
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeGitHub:
    def __init__(self, token, repos=(), diffs=None, contents=None):
        self.token = token
        self.repos = list(repos)        # [{"full_name":..., "permissions":{"admin":bool}, ...}]
        self.diffs = diffs or {}        # "O/R/A...B" -> {"files": [...]}
        self.contents = contents or {}  # "O/R/PATH@SHA" -> text
        self.hooks = {}                 # "O/R" -> [hook]
        self.log = []
        self.next_id = 1000
        self.lock = threading.Lock()
        fake = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def reply(self, status, obj=None, raw=None):
                data = raw.encode() if raw is not None else (
                    json.dumps(obj).encode() if obj is not None else b"")
                self.send_response(status)
                self.send_header("Content-Type", "text/plain" if raw is not None
                                 else "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def handle_any(self, method):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                u = urllib.parse.urlsplit(self.path)
                with fake.lock:
                    fake.log.append((method, self.path, json.loads(body) if body else None))
                if self.headers.get("Authorization") != "Bearer " + fake.token:
                    return self.reply(401, {"message": "Bad credentials"})
                parts = [urllib.parse.unquote(p) for p in u.path.strip("/").split("/")]
                q = urllib.parse.parse_qs(u.query)
                with fake.lock:
                    return self.route(method, parts, q, json.loads(body) if body else None)

            def route(self, method, p, q, body):
                if p[:2] == ["user", "repos"] and method == "GET":
                    per, page = int(q["per_page"][0]), int(q["page"][0])
                    return self.reply(200, fake.repos[(page - 1) * per: page * per])
                if len(p) < 4 or p[0] != "repos":
                    return self.reply(404, {"message": "Not Found"})
                repo, rest = p[1] + "/" + p[2], p[3:]
                if rest == ["hooks"] and method == "GET":
                    return self.reply(200, fake.hooks.get(repo, []))
                if rest == ["hooks"] and method == "POST":
                    fake.next_id += 1
                    hook = {"id": fake.next_id, "name": body["name"], "events": body["events"],
                            "active": body["active"], "config": body["config"]}
                    fake.hooks.setdefault(repo, []).append(hook)
                    return self.reply(201, hook)
                if len(rest) == 2 and rest[0] == "hooks" and method == "DELETE":
                    hs = fake.hooks.get(repo, [])
                    keep = [h for h in hs if str(h["id"]) != rest[1]]
                    if len(keep) == len(hs):
                        return self.reply(404, {"message": "Not Found"})
                    fake.hooks[repo] = keep
                    return self.reply(204)
                if len(rest) == 2 and rest[0] == "compare" and method == "GET":
                    d = fake.diffs.get(repo + "/" + rest[1])
                    return self.reply(200, d) if d else self.reply(404, {"message": "No diff"})
                if rest and rest[0] == "contents" and method == "GET":
                    key = repo + "/" + "/".join(rest[1:]) + "@" + q.get("ref", [""])[0]
                    t = fake.contents.get(key)
                    return self.reply(200, raw=t) if t is not None else \
                        self.reply(404, {"message": "Not Found"})
                return self.reply(404, {"message": "Not Found"})

            def do_GET(self):
                self.handle_any("GET")

            def do_POST(self):
                self.handle_any("POST")

            def do_DELETE(self):
                self.handle_any("DELETE")

        self.srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.srv.daemon_threads = True
        self.port = self.srv.server_address[1]
        self.url = "http://127.0.0.1:%d" % self.port
        self.thread = threading.Thread(target=self.srv.serve_forever, daemon=True)
        self.thread.start()

    def calls(self, method=None, prefix=""):
        with self.lock:
            return [c for c in self.log if (method is None or c[0] == method)
                    and c[1].startswith(prefix)]

    def stop(self):
        self.srv.shutdown()
        self.srv.server_close()
