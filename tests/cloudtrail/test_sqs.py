#!/usr/bin/env python3
"""The cloudtrail plugin reading S3 notifications from SQS (a local SQS
server speaking the JSON protocol with SigV4 checks, objects in npm s3rver):
CloudTrail SNS notifications, S3 event notifications direct and wrapped in
SNS, test events, garbage, a message pointing at a missing object; messages
are deleted only once every record of their objects was handed over, and a
redelivered message does not re-alert."""
import gzip
import json
import os
import tempfile
import time

import ctlib
import s3util
import sqs_server
from ctlib import record

T = ctlib.Checker(detail_max=800)
BUCKET = "org-trail"


def body(recs):
    return gzip.compress(json.dumps({"Records": recs}).encode())


def sns(message):
    return json.dumps({"Type": "Notification", "MessageId": "m-1", "TopicArn":
                       "arn:aws:sns:us-east-1:123456789012:trail-topic",
                       "Message": json.dumps(message),
                       "Timestamp": "2023-05-02T09:20:00.000Z", "SignatureVersion": "1"})


def s3_event(key):
    return {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3",
                         "awsRegion": "us-east-1", "eventName": "ObjectCreated:Put",
                         "s3": {"bucket": {"name": BUCKET, "arn": "arn:aws:s3:::" + BUCKET},
                                "object": {"key": key, "size": 100}}}]}


def wait_for(cond, timeout=90):
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


def main():
    with tempfile.TemporaryDirectory() as tmp:
        s3 = s3util.S3rver(tmp, BUCKET)
        sqs = sqs_server.Server(s3util.KEY, s3util.SECRET, s3util.REGION)
        gw = sqs_server.Gateway(s3.port, sqs.port)
        try:
            run_tests(tmp, s3, sqs, gw.endpoint)
        finally:
            gw.stop()
            sqs.stop()
            s3.stop()
    T.finish()


def run_tests(tmp, s3, sqs, endpoint):
    os.environ["AWS_ACCESS_KEY_ID"] = s3util.KEY
    os.environ["AWS_SECRET_ACCESS_KEY"] = s3util.SECRET
    os.environ["AWS_REGION"] = s3util.REGION
    # `endpoint` serves both services (the gateway in front of s3rver and
    # the SQS server), as LocalStack-like stacks do.
    q = sqs.queue("trail-notifications", visibility=1.0)
    a = [record("ViaCloudTrailSNS%d" % i) for i in range(3)]
    b = record("ViaS3Event")
    c = record("ViaS3EventInSNS")
    s3util.put(s3.endpoint, BUCKET, "AWSLogs/1/a.json.gz", body(a))
    s3util.put(s3.endpoint, BUCKET, "AWSLogs/1/with space.json.gz", body([b]))
    s3util.put(s3.endpoint, BUCKET, "AWSLogs/1/c.json.gz", body([c]))
    m_a = q.send(sns({"s3Bucket": BUCKET, "s3ObjectKey": ["AWSLogs/1/a.json.gz"]}))
    m_b = q.send(json.dumps(s3_event("AWSLogs/1/with+space.json.gz")))
    m_c = q.send(sns(s3_event("AWSLogs/1/c.json.gz")))
    m_test = q.send(json.dumps({"Service": "Amazon S3", "Event": "s3:TestEvent",
                                "Bucket": BUCKET}))
    m_bad = q.send("this is not a notification")
    m_missing = q.send(sns({"s3Bucket": BUCKET, "s3ObjectKey": ["AWSLogs/1/missing.json.gz"]}))
    ck = os.path.join(tmp, "ck.json")
    cfg = {"endpoint": endpoint, "checkpoint_file": ck, "sqsWaitSeconds": 1,
           "batchMaxEvents": 1}
    # 1. stop after two of the three records of a.json.gz: its message stays
    h = ctlib.run("sqs://trail-notifications", ["ct.name"], cfg, idle_ms=60000, max_events=2)
    err1 = h.stderr
    T.check("first records delivered", h.values("ct.name") == ["ViaCloudTrailSNS0",
                                                               "ViaCloudTrailSNS1"],
            (h.values("ct.name"), h.stderr[-600:]))
    T.check("a message is not deleted before all its records were handed over",
            m_a not in q.deleted and m_a in q.pending(), (q.deleted, q.pending()))
    # 2. the rest: a is received again after its visibility timeout
    h = ctlib.Harness("sqs://trail-notifications", ["ct.name"], cfg, idle_ms=8000)
    ok = wait_for(lambda: not q.pending(), 90)
    h.wait(90)
    names = h.values("ct.name")
    T.check("all notification formats read, no duplicate",
            ok and sorted(names) == sorted(["ViaCloudTrailSNS2", "ViaS3Event", "ViaS3EventInSNS"]),
            (names, h.stderr[-800:]))
    T.check("the two records already handed over were dropped as duplicates",
            "ViaCloudTrailSNS0" not in names and "ViaCloudTrailSNS1" not in names)
    T.check("every message deleted once handled", set(q.deleted) ==
            {m_a, m_b, m_c, m_test, m_bad, m_missing} and not q.pending(),
            (q.deleted, q.pending()))
    # the first run may already have handled the messages without objects
    both = err1 + h.stderr
    T.check("missing object reported", "missing.json.gz" in both and "HTTP 404" in both,
            both[-800:])
    T.check("garbage message reported", "not an S3 or CloudTrail notification" in both,
            both[-800:])
    T.check("every request signed correctly", sqs.bad_signatures == 0, sqs.bad_signatures)
    # 3. a redelivered message whose object is done does not re-alert
    m_again = q.send(sns({"s3Bucket": BUCKET, "s3ObjectKey": ["AWSLogs/1/c.json.gz"]}))
    h = ctlib.Harness("sqs://trail-notifications", ["ct.name"], cfg, idle_ms=8000)
    wait_for(lambda: m_again in q.deleted, 90)
    h.wait(90)
    T.check("redelivered notification: nothing again, message deleted",
            h.values("ct.name") == [] and m_again in q.deleted, (h.values("ct.name"), q.deleted))
    # 4. sqsDelete: false keeps messages
    q2 = sqs.queue("keep", visibility=30.0)
    m_keep = q2.send(sns({"s3Bucket": BUCKET, "s3ObjectKey": ["AWSLogs/1/c.json.gz"]}))
    h = ctlib.run("sqs://keep", ["ct.name"], {"endpoint": endpoint, "sqsDelete": False,
                                               "sqsWaitSeconds": 1}, idle_ms=60000, max_events=1)
    T.check("sqsDelete false: read, not deleted", h.values("ct.name") == ["ViaS3EventInSNS"] and
            m_keep not in q2.deleted, q2.deleted)
    h = ctlib.run("sqs://no-such-queue", ["ct.name"], {"endpoint": endpoint})
    T.check("unknown queue refused at open", "QueueDoesNotExist" in json.dumps(h.end) + h.stderr,
            (h.end, h.stderr))


if __name__ == "__main__":
    main()
