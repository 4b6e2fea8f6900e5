#!/usr/bin/env python3
"""CloudTrail throughput: records/s from local .json.gz files through saker
with the upstream aws_cloudtrail_rules.yaml (cloudtrail + json plugins),
against the plugin's source alone (read, gunzip, split: ct_split_only)
measured in the same run. Target (issue 9): >= 150,000 records/s per core.

usage: bench/cloudtrail/bench.py [--build build] [--records 300000] [--runs 3]
"""
import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))

NAMES = [("ec2.amazonaws.com", "DescribeInstances", True), ("s3.amazonaws.com", "GetObject", True),
         ("s3.amazonaws.com", "PutObject", False), ("sts.amazonaws.com", "AssumeRole", False),
         ("iam.amazonaws.com", "ListUsers", True), ("kms.amazonaws.com", "Decrypt", True),
         ("lambda.amazonaws.com", "Invoke", False), ("ec2.amazonaws.com", "RunInstances", False),
         ("logs.amazonaws.com", "PutLogEvents", False), ("dynamodb.amazonaws.com", "GetItem", True),
         ("cloudtrail.amazonaws.com", "LookupEvents", True)]


def rec(i, rnd):
    src, name, ro = NAMES[rnd.randrange(len(NAMES))]
    r = {
        "eventVersion": "1.08",
        "userIdentity": {"type": "AssumedRole", "principalId": "AROAEXAMPLE:session-%d" % (i % 97),
                         "arn": "arn:aws:sts::123456789012:assumed-role/App/session-%d" % (i % 97),
                         "accountId": "123456789012", "accessKeyId": "ASIAEXAMPLE%08d" % (i % 1000),
                         "sessionContext": {"sessionIssuer": {
                             "type": "Role", "principalId": "AROAEXAMPLE",
                             "arn": "arn:aws:iam::123456789012:role/App", "accountId": "123456789012",
                             "userName": "App"},
                             "attributes": {"creationDate": "2023-05-02T08:00:00Z",
                                            "mfaAuthenticated": "false"}}},
        "eventTime": "2023-05-02T%02d:%02d:%02dZ" % (i // 3600 % 24, i // 60 % 60, i % 60),
        "eventSource": src, "eventName": name, "awsRegion": "eu-west-1",
        "sourceIPAddress": "10.%d.%d.%d" % (i % 250, i // 250 % 250, i % 7),
        "userAgent": "aws-sdk-go/1.44.0 (go1.20; linux; amd64)",
        "requestParameters": {"bucketName": "app-data", "key": "objects/%d.bin" % i} if
        src == "s3.amazonaws.com" else {"maxResults": 100, "filterSet": {"items": [
            {"name": "tag:env", "valueSet": {"items": [{"value": "prod"}]}}]}},
        "responseElements": None,
        "requestID": str(uuid.UUID(int=rnd.getrandbits(128))),
        "eventID": str(uuid.UUID(int=rnd.getrandbits(128))),
        "readOnly": ro, "eventType": "AwsApiCall", "managementEvent": src != "s3.amazonaws.com",
        "recipientAccountId": "123456789012", "eventCategory": "Management",
        "tlsDetails": {"tlsVersion": "TLSv1.2", "cipherSuite": "ECDHE-RSA-AES128-GCM-SHA256",
                       "clientProvidedHostHeader": src.replace(".amazonaws.com",
                                                               ".eu-west-1.amazonaws.com")},
    }
    if i % 1000 == 999:  # a rare console sign-in, as in real trails
        src, name = "signin.amazonaws.com", "ConsoleLogin"
        r["eventSource"], r["eventName"] = src, name
        r["userIdentity"] = {"type": "IAMUser", "principalId": "AIDAEXAMPLE",
                             "arn": "arn:aws:iam::123456789012:user/ops",
                             "accountId": "123456789012", "userName": "ops"}
        r["eventType"] = "AwsConsoleSignIn"
        r["responseElements"] = {"ConsoleLogin": "Success"}
        r["additionalEventData"] = {"MFAUsed": "Yes", "MobileVersion": "No"}
    if src == "s3.amazonaws.com":
        r["additionalEventData"] = {"bytesTransferredIn": 0, "bytesTransferredOut": 4096}
        r["resources"] = [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::app-data/objects/%d.bin" % i}]
    return r


def make_data(folder, n, per_file=1000):
    rnd = random.Random(9)
    size = 0
    for f in range(0, n, per_file):
        recs = [rec(i, rnd) for i in range(f, min(n, f + per_file))]
        raw = json.dumps({"Records": recs}).encode()
        size += len(raw)
        d = os.path.join(folder, "AWSLogs", "123456789012", "CloudTrail", "eu-west-1", "2023", "05",
                         "02")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "123456789012_CloudTrail_eu-west-1_20230502T%04dZ_%06d.json.gz"
                               % (f // per_file % 2400, f)), "wb") as o:
            o.write(gzip.compress(raw, 6))
    return size


def timed(args, **kw):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run(args, capture_output=True, text=True, **kw)
    wall = time.monotonic() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return p, wall, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--records", type=int, default=300000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--smoke", action="store_true", help="CI: small run, no target check")
    a = ap.parse_args()
    b = a.build
    saker = os.path.join(b, "engine", "cli", "saker")
    plugin = os.path.abspath(os.path.join(b, "plugins", "cloudtrail", "libcloudtrail.so"))
    jsonp = os.path.abspath(os.path.join(b, "plugins", "json", "libjson.so"))
    split = os.path.join(b, "bench", "cloudtrail", "ct_split_only")
    up = os.environ.get("SAKER_UPSTREAM", os.path.join(HERE, "..", "..", "..", "shared", "upstream"))
    rules = os.path.join(up, "rules", "aws_cloudtrail_rules.yaml")
    for f in (saker, plugin, jsonp, split):
        if not os.path.exists(f):
            print("missing %s: build first" % f)
            return 2
    if not os.path.exists(rules):
        print("SKIP: upstream rules not found at %s (set SAKER_UPSTREAM)" % rules)
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "logs")
        size = make_data(data, a.records)
        cfg = os.path.join(tmp, "saker.yaml")
        with open(cfg, "w") as f:
            json.dump({"plugins": [
                {"name": "cloudtrail", "library_path": plugin, "init_config": {},
                 "open_params": data},
                {"name": "json", "library_path": jsonp, "init_config": {}}],
                "load_plugins": ["cloudtrail", "json"], "rules_files": [rules],
                "json_output": True, "stdout_output": {"enabled": False},
                "syslog_output": {"enabled": False},
                "webserver": {"enabled": False}}, f)
        print("data: %d records in %d .json.gz files, %.1f MB of JSON (%d B/record)" % (
            a.records, (a.records + 999) // 1000, size / 1e6, size // a.records))
        best_split = best_saker = None
        for _ in range(a.runs):
            p, wall, cpu = timed([split, plugin, data], timeout=600)
            if p.returncode != 0:
                print("ct_split_only failed: " + p.stderr)
                return 1
            got = int(p.stdout.split()[0].split("=")[1])
            if got != a.records:
                print("ct_split_only read %d records, want %d" % (got, a.records))
                return 1
            if best_split is None or wall < best_split[0]:
                best_split = (wall, cpu)
            p, wall, cpu = timed([saker, "-c", cfg], timeout=600)
            if p.returncode != 0:
                print("saker failed: " + p.stderr[-2000:])
                return 1
            if best_saker is None or wall < best_saker[0]:
                best_saker = (wall, cpu)
        n = a.records
        sr, sc = n / best_split[0], n / max(best_split[1], 1e-9)
        kr, kc = n / best_saker[0], n / max(best_saker[1], 1e-9)
        print("decompress+split alone (ct_split_only): %10.0f records/s wall, %10.0f per CPU-s"
              % (sr, sc))
        print("saker + upstream CloudTrail rules:      %10.0f records/s wall, %10.0f per CPU-s"
              % (kr, kc))
        print("ratio saker / decompress+split: %.2f (wall), %.2f (CPU)" % (kr / sr, kc / sc))
        if not a.smoke:
            print("target >= 150,000 records/s per core: %s" %
                  ("met" if kc >= 150000 else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
