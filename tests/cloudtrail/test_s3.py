#!/usr/bin/env python3
"""The cloudtrail plugin against a real S3-compatible server (npm s3rver,
signature-checked): more than 1,000 objects across ListObjectsV2 pages,
gzip and plain objects, a prefix, s3Interval, a restart with the
checkpoint that re-reads nothing, follow picking up an object uploaded
later, credentials from a profile file, and a missing bucket reported."""
import gzip
import json
import os
import tempfile
import time

import ctlib
import s3util
from ctlib import record

T = ctlib.Checker(detail_max=800)
BUCKET = "trail-logs"
PREFIX = "AWSLogs/123456789012/CloudTrail/eu-west-1/2023/05/02/"
N = 1100


def key(i):
    stamp = "20230502T%02d%02dZ" % (i // 60, i % 60)
    ext = ".json" if i % 100 == 7 else ".json.gz"
    return PREFIX + "123456789012_CloudTrail_eu-west-1_%s_%08x%s" % (stamp, i, ext)


def body(recs, gz):
    data = json.dumps({"Records": recs}).encode()
    return gzip.compress(data) if gz else data


def wait_for(cond, timeout=90):
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


class MetadataServer:
    """A fake EC2 instance metadata service (IMDSv2) and ECS credentials
    endpoint handing out s3rver's keys that expire in four minutes (inside
    the five-minute refresh margin, so every request refreshes them)."""

    def __init__(self):
        import datetime
        import http.server
        import threading
        hits = self.hits = {"token": 0, "imds": 0, "ecs": 0, "sts": 0}
        me = self
        self.bad_auth = 0

        def creds():
            exp = (datetime.datetime.now(datetime.timezone.utc) +
                   datetime.timedelta(minutes=4)).strftime("%Y-%m-%dT%H:%M:%SZ")
            return json.dumps({"Code": "Success", "Type": "AWS-HMAC",
                               "AccessKeyId": s3util.KEY, "SecretAccessKey": s3util.SECRET,
                               "Token": "session-token-value", "Expiration": exp}).encode()

        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def reply(self, status, body):
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_PUT(self):
                if self.path == "/latest/api/token" and \
                        self.headers.get("X-aws-ec2-metadata-token-ttl-seconds"):
                    hits["token"] += 1
                    return self.reply(200, b"imds-session-token")
                self.reply(403, b"")

            def do_GET(self):
                if self.path.startswith("/?Action=AssumeRoleWithWebIdentity"):
                    import urllib.parse
                    q = urllib.parse.parse_qs(self.path[2:])
                    if q.get("WebIdentityToken") != ["eyJ.web-identity.token"] or \
                            q.get("RoleArn") != ["arn:aws:iam::123456789012:role/saker"]:
                        me.bad_auth += 1
                        return self.reply(403, b"")
                    hits["sts"] += 1
                    c = json.loads(creds())
                    return self.reply(200, (
                        "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/"
                        "doc/2011-06-15/\"><AssumeRoleWithWebIdentityResult><Credentials>"
                        "<AccessKeyId>%s</AccessKeyId><SecretAccessKey>%s</SecretAccessKey>"
                        "<SessionToken>%s</SessionToken><Expiration>%s</Expiration>"
                        "</Credentials></AssumeRoleWithWebIdentityResult>"
                        "</AssumeRoleWithWebIdentityResponse>" % (
                            c["AccessKeyId"], c["SecretAccessKey"], c["Token"],
                            c["Expiration"])).encode())
                if self.path == "/ecs-creds":
                    if self.headers.get("Authorization") != "ecs-auth-token":
                        me.bad_auth += 1
                        return self.reply(401, b"")
                    hits["ecs"] += 1
                    return self.reply(200, creds())
                if self.headers.get("X-aws-ec2-metadata-token") != "imds-session-token":
                    return self.reply(401, b"")
                if self.path == "/latest/meta-data/iam/security-credentials/":
                    return self.reply(200, b"saker-reader")
                if self.path == "/latest/meta-data/iam/security-credentials/saker-reader":
                    hits["imds"] += 1
                    return self.reply(200, creds())
                self.reply(404, b"")

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.endpoint = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        srv = s3util.S3rver(tmp, BUCKET)
        try:
            run_tests(tmp, srv)
        finally:
            srv.stop()
    T.finish()


def run_tests(tmp, srv):
    os.environ["AWS_ACCESS_KEY_ID"] = s3util.KEY
    os.environ["AWS_SECRET_ACCESS_KEY"] = s3util.SECRET
    os.environ["AWS_REGION"] = s3util.REGION
    ids = {}
    items = []
    for i in range(N):
        r = record("Call%04d" % i)
        ids[r["eventID"]] = i
        items.append((key(i), body([r], not key(i).endswith(".json"))))
    # around the prefix: other accounts, digests, other files
    items.append(("AWSLogs/999999999999/CloudTrail/eu-west-1/2023/05/02/x_CloudTrail_eu-west-1_"
                  "20230502T0000Z_a.json.gz", body([record("OtherAccount")], True)))
    items.append(("AWSLogs/999999999999/CloudTrail-Digest/eu-west-1/2023/05/02/999999999999_"
                  "CloudTrail-Digest_eu-west-1_t_us-east-1_20230502T0100Z.json.gz",
                  body([], True)))
    items.append((PREFIX + "README.txt", b"not a log"))
    t0 = time.time()
    s3util.put_many(srv.endpoint, BUCKET, items)
    print("uploaded %d objects in %.1fs" % (len(items), time.time() - t0), flush=True)
    ck = os.path.join(tmp, "ck.json")
    cfg = {"endpoint": srv.endpoint, "checkpoint_file": ck, "s3DownloadConcurrency": 16}
    src = "s3://%s/%s" % (BUCKET, PREFIX)
    h = ctlib.run(src, ["ct.id", "ct.name"], cfg, idle_ms=60000)
    got = h.values("ct.id")
    T.check("every record of the %d objects, once" % N,
            len(got) == N and set(got) == set(ids), (len(got), len(set(got)), h.stderr[-500:]))
    T.check("ended at the end of the listing", h.end and h.end["end"] == "eof", h.end)
    T.check("several ListObjectsV2 pages + one GET per object",
            h.metric("cloudtrail.aws.requests") - h.metric("cloudtrail.aws.retries") == N + 2,
            h.end)
    T.check("objects read (gzip and plain)", h.metric("cloudtrail.objects.read") == N and
            h.metric("cloudtrail.aws.errors") == 0, h.end)
    T.check("non-log keys filtered", h.metric("cloudtrail.objects.filtered") == 1, h.end)
    st = json.load(open(ck))["sources"][src]
    T.check("checkpoint holds every object", len(st["objects"]) == N and
            all(k.startswith("s3://%s/%s" % (BUCKET, PREFIX)) for k in st["objects"]),
            len(st["objects"]))
    h = ctlib.run(src, ["ct.id"], cfg, idle_ms=60000)
    T.check("restart with the checkpoint re-reads nothing",
            h.events == [] and h.metric("cloudtrail.objects.skipped_checkpoint") == N and
            h.metric("cloudtrail.aws.requests") - h.metric("cloudtrail.aws.retries") == 2, h.end)

    cfg_iv = {"endpoint": srv.endpoint, "s3Interval": "2023-05-02T10:00:00Z-2023-05-02T10:59:00Z"}
    h = ctlib.run(src, ["ct.name"], cfg_iv, idle_ms=60000)
    names = sorted(h.values("ct.name"))
    T.check("s3Interval selects by the key's timestamp",
            names == ["Call%04d" % i for i in range(600, 660)], (len(names), names[:3]))
    T.check("s3Interval: the rest counted as filtered",
            h.metric("cloudtrail.objects.filtered") == N - 60 + 1, h.end)
    h = ctlib.run("s3://%s/AWSLogs/" % BUCKET, ["ct.name"],
                  {"endpoint": srv.endpoint, "s3AccountList": "999999999999"}, idle_ms=60000)
    T.check("s3AccountList keeps the listed accounts", h.values("ct.name") == ["OtherAccount"],
            h.values("ct.name")[:5])

    # credentials from a profile in a shared credentials file (environment cleared)
    for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        del os.environ[k]
    cred = os.path.join(tmp, "credentials")
    with open(cred, "w") as f:
        f.write("[default]\naws_access_key_id = AKIDWRONG\naws_secret_access_key = "
                "wrong-secret-value\n\n"
                "[ci]\naws_access_key_id = %s\naws_secret_access_key = %s\n" %
                (s3util.KEY, s3util.SECRET))
    h = ctlib.run("s3://%s/AWSLogs/999999999999/" % BUCKET, ["ct.name"],
                  {"endpoint": srv.endpoint, "aws": {"profile": "ci", "credentials": cred,
                                                     "region": "us-east-1"}}, idle_ms=60000)
    T.check("credentials from a named profile", h.values("ct.name") == ["OtherAccount"], h.stderr)
    h = ctlib.run("s3://%s/AWSLogs/" % BUCKET, ["ct.name"],
                  {"endpoint": srv.endpoint, "aws": {"credentials": cred}}, idle_ms=60000)
    T.check("wrong credentials: the listing error is logged, no secret in it",
            h.events == [] and "HTTP 403" in h.stderr and "wrong-secret-value" not in h.stderr,
            h.stderr)
    T.check("AWS errors counted", (h.metric("cloudtrail.aws.errors") or 0) >= 1, h.end)
    os.environ["AWS_ACCESS_KEY_ID"] = s3util.KEY
    os.environ["AWS_SECRET_ACCESS_KEY"] = s3util.SECRET
    h = ctlib.run("s3://no-such-bucket/", ["ct.name"], {"endpoint": srv.endpoint}, idle_ms=60000)
    T.check("missing bucket reported", h.events == [] and "no-such-bucket" in h.stderr and
            "HTTP 404" in h.stderr, h.stderr)

    # credentials from the instance metadata service (IMDSv2) and from the
    # container credentials endpoint, refreshed before they expire
    meta = MetadataServer()
    try:
        base = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        base.update(HOME=tmp, AWS_REGION=s3util.REGION)
        env = dict(base, AWS_EC2_METADATA_SERVICE_ENDPOINT=meta.endpoint)
        h = ctlib.run("s3://%s/AWSLogs/999999999999/" % BUCKET, ["ct.name"],
                      {"endpoint": srv.endpoint}, idle_ms=60000, env=env)
        T.check("instance role credentials (IMDSv2 token, role, keys)",
                h.values("ct.name") == ["OtherAccount"] and meta.hits["token"] >= 1 and
                meta.hits["imds"] >= 2, (h.values("ct.name"), meta.hits, h.stderr[-500:]))
        T.check("credentials close to expiry are refreshed", meta.hits["imds"] >= 3, meta.hits)
        env = dict(base, AWS_CONTAINER_CREDENTIALS_FULL_URI=meta.endpoint + "/ecs-creds",
                   AWS_CONTAINER_AUTHORIZATION_TOKEN="ecs-auth-token")
        h = ctlib.run("s3://%s/AWSLogs/999999999999/" % BUCKET, ["ct.name"],
                      {"endpoint": srv.endpoint}, idle_ms=60000, env=env)
        T.check("container credentials endpoint (with its authorization token)",
                h.values("ct.name") == ["OtherAccount"] and meta.hits["ecs"] >= 1 and
                meta.bad_auth == 0 and "ecs-auth-token" not in h.stderr,
                (h.values("ct.name"), meta.hits, h.stderr[-500:]))
        tokf = os.path.join(tmp, "web-identity-token")
        with open(tokf, "w") as f:
            f.write("eyJ.web-identity.token\n")
        env = dict(base, AWS_WEB_IDENTITY_TOKEN_FILE=tokf, AWS_ENDPOINT_URL_STS=meta.endpoint,
                   AWS_ROLE_ARN="arn:aws:iam::123456789012:role/saker")
        h = ctlib.run("s3://%s/AWSLogs/999999999999/" % BUCKET, ["ct.name"],
                      {"endpoint": srv.endpoint}, idle_ms=60000, env=env)
        T.check("web identity (IRSA) through STS AssumeRoleWithWebIdentity",
                h.values("ct.name") == ["OtherAccount"] and meta.hits["sts"] >= 1 and
                meta.bad_auth == 0 and "web-identity.token" not in h.stderr,
                (h.values("ct.name"), meta.hits, h.stderr[-500:]))
        env = dict(base, AWS_EC2_METADATA_DISABLED="true")
        h = ctlib.run("s3://%s/AWSLogs/" % BUCKET, ["ct.name"], {"endpoint": srv.endpoint},
                      idle_ms=60000, env=env)
        T.check("no credentials anywhere: a clear error",
                "no AWS credentials" in json.dumps(h.end) + h.stderr, (h.end, h.stderr))
    finally:
        meta.stop()

    # throttling and dropped connections: retried with backoff, nothing lost
    import sqs_server
    gw = sqs_server.Gateway(srv.port, srv.port, fail_every=3)
    try:
        h = ctlib.run(src, ["ct.id"], {"endpoint": gw.endpoint, "s3Interval":
                                       "2023-05-02T00:00:00Z-2023-05-02T00:39:00Z",
                                       "s3DownloadConcurrency": 4}, idle_ms=60000)
    finally:
        gw.stop()
    got = h.values("ct.id")
    T.check("503 SlowDown and dropped connections are retried: every record once",
            len(got) == 40 and len(set(got)) == 40 and gw.counter["failed"] > 10, (len(got),
                                                                                 gw.counter))
    # (libcurl itself resends a request once when a reused connection was
    # closed, so only the 503 answers are sure to show up as retries)
    T.check("retries counted, no request failed for good",
            h.metric("cloudtrail.aws.retries") >= gw.counter["failed"] // 2 and
            h.metric("cloudtrail.aws.errors") == 0, h.end)

    # follow: an object uploaded after the start is picked up
    fprefix = "follow/"
    first = record("FollowFirst")
    s3util.put(srv.endpoint, BUCKET, fprefix + "a.json.gz", body([first], True))
    fck = os.path.join(tmp, "follow-ck.json")
    fcfg = {"endpoint": srv.endpoint, "follow": True, "followIntervalMs": 200,
            "checkpoint_file": fck}
    h = ctlib.Harness("s3://%s/%s" % (BUCKET, fprefix), ["ct.name"], fcfg, idle_ms=120000,
                      max_events=2)
    T.check("follow: the existing object first", wait_for(lambda: len(h.events) >= 1),
            h.events)
    s3util.put(srv.endpoint, BUCKET, fprefix + "b.json.gz", body([record("FollowLater")], True))
    T.check("follow: the later object arrives", wait_for(lambda: len(h.events) >= 2), h.events)
    h.wait(60)
    T.check("follow: both, in order", h.values("ct.name") == ["FollowFirst", "FollowLater"],
            h.values("ct.name"))
    st = json.load(open(fck))["sources"]["s3://%s/%s" % (BUCKET, fprefix)]
    T.check("follow: checkpoint written on close", len(st["objects"]) == 2, st)


if __name__ == "__main__":
    main()
