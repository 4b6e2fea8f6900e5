#!/usr/bin/env python3
"""The cloudtrail plugin through the test harness: the field table, every
field's value on realistic records, record skips by cause, bad log files
(truncated gzip, invalid JSON, a 1 MB record, no Records) each logged and
counted while the next file still delivers, directory walking, the
checkpoint (restart reads nothing again; a partly delivered file resumes
without duplicates) and config errors."""
import json
import os
import tempfile

import ctlib
from ctlib import record, write_log

T = ctlib.Checker(detail_max=600)

UPSTREAM_FIELDS = """ct.id ct.error ct.errormessage ct.time ct.src ct.shortsrc ct.name ct.user
ct.originaluser ct.user.accountid ct.user.identitytype ct.user.principalid ct.user.arn ct.region
ct.response.subnetid ct.response.reservationid ct.response ct.request.availabilityzone
ct.request.cluster ct.request.functionname ct.request.groupname ct.request.host ct.request.name
ct.request.policy ct.request.reason ct.request.target ct.request.documentname
ct.request.serialnumber ct.request.servicename ct.request.subnetid ct.request.taskdefinition
ct.request.username ct.request ct.srcip ct.useragent ct.info ct.managementevent ct.readonly
ct.requestid ct.eventtype ct.apiversion ct.resources ct.recipientaccountid
ct.serviceeventdetails ct.sharedeventid ct.vpcendpointid ct.eventcategory ct.addendum.reason
ct.addendum.updatedfields ct.addendum.originalrequestid ct.addendum.originaleventid
ct.sessioncredentialfromconsole ct.edgedevicedetails ct.tlsdetails.tlsversion
ct.tlsdetails.ciphersuite ct.tlsdetails.clientprovidedhostheader ct.additionaleventdata
s3.uri s3.bucket s3.key s3.bytes s3.bytes.in s3.bytes.out s3.cnt.get s3.cnt.put s3.cnt.other
ec2.name ec2.imageid ec2.imageids ecr.repository ecr.imagetag iam.role iam.policy""".split()


def test_field_table():
    import subprocess
    out = subprocess.run([ctlib.HARNESS, "fields", ctlib.CT_PLUGIN], capture_output=True,
                         text=True, timeout=60)
    d = json.loads(out.stdout)
    names = [f["name"] for f in d["fields"]]
    T.check("73 fields", len(names) == 73, len(names))
    T.check("every upstream field, same order", names == UPSTREAM_FIELDS,
            set(UPSTREAM_FIELDS) ^ set(names))
    types = {f["name"]: f["type"] for f in d["fields"]}
    T.check("uint64 s3 counters",
            all(types[n] == "uint64" for n in ["s3.bytes", "s3.bytes.in", "s3.bytes.out",
                                                "s3.cnt.get", "s3.cnt.put", "s3.cnt.other"]))
    T.check("strings elsewhere", all(t == "string" for n, t in types.items()
                                     if not n.startswith("s3.bytes") and
                                     not n.startswith("s3.cnt")))
    props = {f["name"]: f.get("properties", []) for f in d["fields"]}
    T.check("hidden/info/conversation properties",
            "hidden" in props["ct.time"] and "info" in props["ct.info"] and
            "conversation" in props["ct.user"] and "conversation" in props["ct.srcip"] and
            "conversation" in props["s3.bucket"] and "hidden" in props["s3.cnt.get"])
    img = [f for f in d["fields"] if f["name"] == "ec2.imageids"][0]
    T.check("ec2.imageids is a list with an index", img.get("isList") and
            img.get("arg", {}).get("isIndex"), img)
    T.check("plugin id 2, source aws_cloudtrail", d["id"] == 2 and d["source"] == "aws_cloudtrail",
            d.get("id"))


def rich_records():
    s3get = record("GetObject", "s3.amazonaws.com",
                   requestParameters={"bucketName": "logs-bucket", "key": "a/b.txt",
                                      "Host": "logs-bucket.s3.eu-west-1.amazonaws.com"},
                   additionalEventData={"bytesTransferredIn": 0, "bytesTransferredOut": 1536.0,
                                        "x-amz-id-2": "abc"},
                   resources=[{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::logs-bucket/a/b.txt"},
                              {"accountId": "123456789012", "type": "AWS::S3::Bucket",
                               "ARN": "arn:aws:s3:::logs-bucket"}],
                   readOnly=True, managementEvent=False, eventCategory="Data")
    run_inst = record(
        "RunInstances", errorCode="Client.UnauthorizedOperation",
        errorMessage="You are not authorized to perform this operation.",
        readOnly=False, apiVersion="2016-11-15", vpcEndpointId="vpce-0a1b2c3d",
        sharedEventID="0a1b-shared", sessionCredentialFromConsole="true",
        userIdentity={"type": "AssumedRole", "principalId": "AROAEXAMPLE:bob-session",
                      "arn": "arn:aws:sts::123456789012:assumed-role/Deployer/bob-session",
                      "accountId": "123456789012",
                      "sessionContext": {"sessionIssuer": {"type": "Role",
                                                           "userName": "Deployer"}}},
        requestParameters={"availabilityZone": "eu-west-1a", "subnetId": "subnet-0abc",
                           "instancesSet": {"items": [{"imageId": "ami-req", "minCount": 1}]},
                           "tagSpecificationSet": {"items": [
                               {"resourceType": "volume", "tags": [{"key": "Name", "value": "vol"}]},
                               {"resourceType": "instance",
                                "tags": [{"key": "env", "value": "prod"},
                                         {"key": "Name", "value": "web-1"}]}]}},
        responseElements={"reservationId": "r-0123", "subnetId": "subnet-resp",
                          "instancesSet": {"items": [{"imageId": "ami-111"},
                                                     {"imageId": "ami-222"}]}},
        addendum={"reason": "DELIVERY_DELAY", "updatedFields": "userIdentity",
                  "originalRequestID": "orig-req", "originalEventID": "orig-evt"},
        edgeDeviceDetails={"type": "snow"}, serviceEventDetails={"k": [1, 2]})
    del run_inst["readOnly"]
    run_inst["readOnly"] = False
    svc = record("CreateRepository", "ecr.amazonaws.com",
                 userIdentity={"type": "AWSService", "invokedBy": "ecr.amazonaws.com"},
                 sourceIPAddress="ecr.amazonaws.com",
                 requestParameters={"repositoryName": "app", "imageTag": "v1",
                                    "roleName": "r1", "policyName": "p1", "name": "n",
                                    "policy": "{}", "cluster": "c", "functionName": "f",
                                    "groupName": "g", "reason": "why", "target": "t",
                                    "documentName": "d", "serialNumber": "sn",
                                    "serviceName": "svc", "taskDefinition": "td",
                                    "userName": "u"})
    del svc["readOnly"]
    return s3get, run_inst, svc


def test_values(tmp):
    s3get, run_inst, svc = rich_records()
    path = write_log(os.path.join(tmp, "values", "v.json"), [s3get, run_inst, svc])
    h = ctlib.run(path, UPSTREAM_FIELDS)
    T.check("three records", len(h.events) == 3, h.stderr)
    if len(h.events) != 3:
        return
    e = [x["f"] for x in h.events]

    def v(i, f):
        x = e[i].get(f)
        return x[0] if isinstance(x, list) and len(x) == 1 else x
    T.check("ct.id", v(0, "ct.id") == s3get["eventID"])
    T.check("ct.time", v(0, "ct.time") == "2023-05-02T09:14:05Z")
    T.check("timestamp = eventTime", h.events[0]["ts"] == 1683018845 * 10**9, h.events[0]["ts"])
    T.check("ct.src / ct.shortsrc", v(0, "ct.src") == "s3.amazonaws.com" and
            v(0, "ct.shortsrc") == "s3")
    T.check("ct.user IAMUser", v(0, "ct.user") == "alice")
    T.check("ct.user AssumedRole = issuer", v(1, "ct.user") == "Deployer")
    T.check("ct.originaluser AssumedRole = session", v(1, "ct.originaluser") == "bob-session",
            v(1, "ct.originaluser"))
    T.check("ct.user AWSService = invokedBy", v(2, "ct.user") == "ecr.amazonaws.com")
    T.check("ct.user.accountid falls back to recipientAccountId",
            v(2, "ct.user.accountid") == "123456789012")
    T.check("ct.error absent on success", v(0, "ct.error") is None and
            v(0, "ct.errormessage") is None)
    T.check("ct.error / message", v(1, "ct.error") == "Client.UnauthorizedOperation" and
            v(1, "ct.errormessage").startswith("You are not"))
    T.check("ct.user.* ", v(1, "ct.user.identitytype") == "AssumedRole" and
            v(1, "ct.user.principalid") == "AROAEXAMPLE:bob-session" and
            v(1, "ct.user.arn").endswith("bob-session"))
    T.check("ct.region / srcip / useragent", v(0, "ct.region") == "eu-west-1" and
            v(0, "ct.srcip") == "198.51.100.23" and v(0, "ct.useragent").startswith("aws-cli"))
    T.check("ct.response.*", v(1, "ct.response.subnetid") == "subnet-resp" and
            v(1, "ct.response.reservationid") == "r-0123")
    T.check("ct.response JSON", json.loads(v(1, "ct.response"))["reservationId"] == "r-0123")
    T.check("ct.request JSON", json.loads(v(1, "ct.request"))["subnetId"] == "subnet-0abc")
    T.check("ct.request.availabilityzone/subnetid",
            v(1, "ct.request.availabilityzone") == "eu-west-1a" and
            v(1, "ct.request.subnetid") == "subnet-0abc")
    want = {"cluster": "c", "functionname": "f", "groupname": "g", "name": "n", "policy": "{}",
            "reason": "why", "target": "t", "documentname": "d", "serialnumber": "sn",
            "servicename": "svc", "taskdefinition": "td", "username": "u"}
    got = {k: v(2, "ct.request." + k) for k in want}
    T.check("ct.request.* strings", got == want, got)
    T.check("ct.request.host", v(0, "ct.request.host") ==
            "logs-bucket.s3.eu-west-1.amazonaws.com")
    T.check("ct.managementevent", v(0, "ct.managementevent") == "false" and
            v(1, "ct.managementevent") == "true")
    T.check("ct.readonly from readOnly", v(0, "ct.readonly") == "true" and
            v(1, "ct.readonly") == "false")
    T.check("ct.readonly guessed from the verb", v(2, "ct.readonly") == "false")
    T.check("ct.requestid / eventtype / apiversion", v(1, "ct.requestid") == run_inst["requestID"]
            and v(1, "ct.eventtype") == "AwsApiCall" and v(1, "ct.apiversion") == "2016-11-15")
    T.check("ct.resources", v(0, "ct.resources") ==
            '{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::logs-bucket/a/b.txt"},'
            '{"accountId":"123456789012","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::logs-bucket"}',
            v(0, "ct.resources"))
    T.check("ct.resources absent", v(1, "ct.resources") is None)
    T.check("ct.recipientaccountid / sharedeventid / vpcendpointid / eventcategory",
            v(1, "ct.recipientaccountid") == "123456789012" and
            v(1, "ct.sharedeventid") == "0a1b-shared" and v(1, "ct.vpcendpointid") ==
            "vpce-0a1b2c3d" and v(0, "ct.eventcategory") == "Data")
    T.check("ct.serviceeventdetails JSON", json.loads(v(1, "ct.serviceeventdetails")) ==
            {"k": [1, 2]})
    T.check("ct.addendum.*", v(1, "ct.addendum.reason") == "DELIVERY_DELAY" and
            v(1, "ct.addendum.updatedfields") == "userIdentity" and
            v(1, "ct.addendum.originalrequestid") == "orig-req" and
            v(1, "ct.addendum.originaleventid") == "orig-evt")
    T.check("ct.sessioncredentialfromconsole needs a boolean",
            v(1, "ct.sessioncredentialfromconsole") is None)
    T.check("ct.edgedevicedetails", json.loads(v(1, "ct.edgedevicedetails")) == {"type": "snow"})
    T.check("ct.tlsdetails.*", v(0, "ct.tlsdetails.tlsversion") == "TLSv1.3" and
            v(0, "ct.tlsdetails.ciphersuite") == "TLS_AES_128_GCM_SHA256" and
            v(0, "ct.tlsdetails.clientprovidedhostheader") == "ec2.eu-west-1.amazonaws.com")
    T.check("ct.additionaleventdata", json.loads(v(0, "ct.additionaleventdata"))
            ["bytesTransferredOut"] == 1536.0)
    T.check("s3.uri / bucket / key", v(0, "s3.uri") == "s3://logs-bucket/a/b.txt" and
            v(0, "s3.bucket") == "logs-bucket" and v(0, "s3.key") == "a/b.txt")
    T.check("s3.bytes (float tolerated)", v(0, "s3.bytes") == 1536 and v(0, "s3.bytes.in") == 0
            and v(0, "s3.bytes.out") == 1536, (v(0, "s3.bytes"), v(0, "s3.bytes.out")))
    T.check("s3.cnt.*", v(0, "s3.cnt.get") == 1 and v(0, "s3.cnt.put") is None and
            v(0, "s3.cnt.other") is None and v(1, "s3.cnt.other") == 1)
    T.check("s3.* absent elsewhere", v(1, "s3.bucket") is None and v(1, "s3.bytes") is None)
    T.check("ct.info with URI", v(0, "ct.info") ==
            "alice via 198.51.100.23 \u2190 GetObject Size=1536 URI=s3://logs-bucket/a/b.txt",
            v(0, "ct.info"))
    T.check("ct.info write + error", v(1, "ct.info") ==
            "Deployer via 198.51.100.23 !\u2192 RunInstances", v(1, "ct.info"))
    T.check("ct.info user == ip", v(2, "ct.info").startswith("ecr.amazonaws.com \u2192 "
                                                               "CreateRepository"), v(2, "ct.info"))
    T.check("ec2.name from instance tags", v(1, "ec2.name") == "web-1")
    T.check("ec2.imageid from the response", v(1, "ec2.imageid") == "ami-111")
    T.check("ec2.imageids list", e[1]["ec2.imageids"] == ["ami-111", "ami-222"],
            e[1]["ec2.imageids"])
    T.check("ecr.* / iam.*", v(2, "ecr.repository") == "app" and v(2, "ecr.imagetag") == "v1" and
            v(2, "iam.role") == "r1" and v(2, "iam.policy") == "p1")
    h = ctlib.run(path, ["ec2.imageids[1]", "ec2.imageids[5]"])
    T.check("ec2.imageids[N]", h.events and h.events[1]["f"]["ec2.imageids[1]"] == ["ami-222"]
            and not h.events[1]["f"]["ec2.imageids[5]"], h.events[1:2])


def test_skips(tmp):
    ok = record("ListBuckets", "s3.amazonaws.com")
    no_time = record("A")
    del no_time["eventTime"]
    bad_time = record("B", eventTime="yesterday")
    no_type = record("C")
    del no_type["eventType"]
    insight = record("D", eventType="AwsCloudTrailInsight")
    path = write_log(os.path.join(tmp, "skips", "s.json"),
                     [ok, no_time, bad_time, no_type, insight, 42, ok])
    h = ctlib.run(path, ["ct.name"])
    T.check("only valid records, duplicate eventID dropped", h.values("ct.name") == ["ListBuckets"],
            h.values("ct.name"))
    T.check("skip counts by cause",
            h.metric("cloudtrail.records.skipped_no_event_time") == 2 and
            h.metric("cloudtrail.records.skipped_no_event_type") == 1 and
            h.metric("cloudtrail.records.skipped_insight") == 1 and
            h.metric("cloudtrail.records.skipped_not_object") == 1 and
            h.metric("cloudtrail.records.skipped_duplicate") == 1, h.end)


def test_bad_files(tmp):
    d = os.path.join(tmp, "bad")
    good = [record("GoodAfter%d" % i) for i in range(3)]
    write_log(os.path.join(d, "1-truncated.json.gz"), [],
              raw=__import__("gzip").compress(json.dumps({"Records": good}).encode())[:-20])
    write_log(os.path.join(d, "2-invalid.json"), [], raw=b'{"Records": [{"eventTime": }]}')
    big = record("Big", requestParameters={"blob": "x" * (1 << 20)})
    write_log(os.path.join(d, "3-bigrecord.json"), [big, good[0]])
    write_log(os.path.join(d, "4-norecords.json"), [], raw=b'{"foo": []}')
    write_log(os.path.join(d, "5-good.json.gz"), good[1:], gz=True)
    write_log(os.path.join(d, "notes.txt"), [], raw=b"not a log")
    h = ctlib.run(d, ["ct.name"])
    T.check("records after bad files still delivered",
            h.values("ct.name") == ["GoodAfter0", "GoodAfter1", "GoodAfter2"], h.values("ct.name"))
    err = h.stderr
    T.check("truncated gzip named", "1-truncated.json.gz: truncated gzip" in err, err)
    T.check("invalid JSON named", "2-invalid.json: invalid JSON" in err, err)
    T.check("big record named", "record 1 of " in err and "3-bigrecord.json" in err and
            "maxRecordSize" in err, err)
    T.check("no Records named", "4-norecords.json: not a CloudTrail log file" in err, err)
    T.check("one line per bad item", err.count("skipping") == 4, err)
    T.check("bad objects counted", h.metric("cloudtrail.objects.skipped_bad") == 3 and
            h.metric("cloudtrail.records.skipped_too_large") == 1, h.end)
    T.check("source ended normally", h.end and h.end["end"] == "eof", h.end)
    h = ctlib.run(os.path.join(d, "3-bigrecord.json"), ["ct.name"],
                  {"maxRecordSize": 2 << 20})
    T.check("maxRecordSize is configurable", h.values("ct.name") == ["Big", "GoodAfter0"])


def test_tree(tmp):
    d = os.path.join(tmp, "tree")
    base = os.path.join(d, "AWSLogs", "123456789012", "CloudTrail", "eu-west-1", "2023", "05")
    write_log(os.path.join(base, "02", ctlib.log_name(1)), [record("Day2")], gz=True)
    write_log(os.path.join(base, "01", ctlib.log_name(2)), [record("Day1a"), record("Day1b")],
              gz=True)
    write_log(os.path.join(d, "top.json"), [record("Top")])
    write_log(os.path.join(d, "skip.json.bak"), [record("Nope")])
    h = ctlib.run(d, ["ct.name"])
    T.check("recursive walk in name order, .json/.json.gz only",
            h.values("ct.name") == ["Day1a", "Day1b", "Day2", "Top"], h.values("ct.name"))
    T.check("objects counted", h.metric("cloudtrail.objects.read") == 3)
    empty = os.path.join(tmp, "empty")
    os.makedirs(empty)
    h = ctlib.run(empty, ["ct.name"])
    T.check("no json files found", h.end and "no json files found in" in
            json.dumps(h.end), h.end)


def test_checkpoint(tmp):
    d = os.path.join(tmp, "ck")
    recs = [record("E%02d" % i) for i in range(10)]
    write_log(os.path.join(d, "a.json"), recs[:4])
    write_log(os.path.join(d, "b.json.gz"), recs[4:], gz=True)
    ck = os.path.join(tmp, "ck.json")
    cfg = {"checkpoint_file": ck, "batchMaxEvents": 1}
    h = ctlib.run(d, ["ct.name"], cfg, max_events=6)
    first = h.values("ct.name")
    T.check("first run stops after 6", first == ["E%02d" % i for i in range(6)], first)
    st = json.load(open(ck))
    src = st["sources"][d]
    T.check("checkpoint: a.json done, b.json.gz not", list(src["objects"]) ==
            [os.path.join(d, "a.json")], src["objects"])
    T.check("checkpoint: eventIDs of delivered records", len(src["event_ids"]) == 6,
            len(src["event_ids"]))
    h = ctlib.run(d, ["ct.name"], cfg)
    second = h.values("ct.name")
    T.check("restart resumes without duplicates", second == ["E%02d" % i for i in range(6, 10)],
            second)
    T.check("re-read records dropped as duplicates",
            h.metric("cloudtrail.records.skipped_duplicate") == 2 and
            h.metric("cloudtrail.objects.skipped_checkpoint") == 1, h.end)
    h = ctlib.run(d, ["ct.name"], cfg)
    T.check("third run reads nothing", h.events == [] and
            h.metric("cloudtrail.objects.skipped_checkpoint") == 2 and
            h.metric("cloudtrail.objects.read") == 0, h.end)
    T.check("no temporary file left", not os.path.exists(ck + ".tmp"))
    with open(ck, "w") as f:
        f.write("{broken")
    h = ctlib.run(d, ["ct.name"], cfg)
    T.check("corrupt checkpoint refused, not silently reset",
            h.events == [] and "not a saker checkpoint" in json.dumps(h.end or h.first) + h.stderr,
            h.end)
    h = ctlib.run(d, ["ct.name"], {"checkpoint_file": os.path.join(tmp, "x", "y", "ck.json")})
    T.check("unwritable checkpoint counted and logged",
            h.metric("cloudtrail.checkpoint.errors") >= 1 and "cannot write checkpoint" in h.stderr,
            h.stderr)


def progress_child(d):
    """Child mode: drive the plugin through ctypes and print the progress seen."""
    import ctypes as C

    class Init(C.Structure):
        _fields_ = [("config", C.c_char_p), ("owner", C.c_void_p), ("get_err", C.c_void_p),
                    ("tables", C.c_void_p), ("log_fn", C.c_void_p)]
    lib = C.CDLL(ctlib.CT_PLUGIN)
    lib.plugin_init.restype = C.c_void_p
    lib.plugin_init.argtypes = [C.POINTER(Init), C.POINTER(C.c_int)]
    lib.plugin_open.restype = C.c_void_p
    lib.plugin_open.argtypes = [C.c_void_p, C.c_char_p, C.POINTER(C.c_int)]
    lib.plugin_next_batch.argtypes = [C.c_void_p, C.c_void_p, C.POINTER(C.c_uint32),
                                      C.POINTER(C.c_void_p)]
    lib.plugin_get_progress.restype = C.c_char_p
    lib.plugin_get_progress.argtypes = [C.c_void_p, C.c_void_p, C.POINTER(C.c_uint32)]
    lib.plugin_close.argtypes = [C.c_void_p, C.c_void_p]
    lib.plugin_destroy.argtypes = [C.c_void_p]
    rc = C.c_int(0)
    st = lib.plugin_init(C.byref(Init(b'{"batchMaxEvents": 1}', None, None, None, None)),
                         C.byref(rc))
    h = lib.plugin_open(st, d.encode(), C.byref(rc))
    seen = []
    pct = C.c_uint32(0)
    txt = lib.plugin_get_progress(st, h, C.byref(pct))
    seen.append((pct.value, txt.decode()))
    for _ in range(10):
        n, evts = C.c_uint32(0), C.c_void_p()
        r = lib.plugin_next_batch(st, h, C.byref(n), C.byref(evts))
        txt = lib.plugin_get_progress(st, h, C.byref(pct))
        seen.append((pct.value, txt.decode()))
        if r == 2:
            break
    lib.plugin_close(st, h)
    lib.plugin_destroy(st)
    print(json.dumps(seen))


def test_progress(tmp):
    """plugin_get_progress over a folder, called the way a host does (ctypes,
    in a child process: a sanitizer build needs its runtime preloaded)."""
    import subprocess
    import sys
    d = os.path.join(tmp, "progress")
    for i in range(4):
        write_log(os.path.join(d, "f%d.json.gz" % i), [record("P%d" % i)], gz=True)
    env = dict(os.environ)
    if os.environ.get("CT_SANITIZE"):
        cc = subprocess.run(["cc", "-print-file-name=libasan.so"], capture_output=True, text=True)
        env["LD_PRELOAD"] = cc.stdout.strip()
        env["ASAN_OPTIONS"] = "detect_leaks=0"
    p = subprocess.run([sys.executable, __file__, "--progress-child", d], capture_output=True,
                       text=True, env=env, timeout=120)
    try:
        seen = [tuple(x) for x in json.loads(p.stdout)]
    except ValueError:
        T.check("progress child ran", False, p.stderr[-800:])
        return
    vals = [v for v, _ in seen]
    T.check("progress starts at 0, grows, ends at 100.00",
            vals[0] == 0 and vals == sorted(vals) and seen[-1] == (10000, "100.00") and
            any(0 < v < 10000 for v in vals), seen)


def test_config_errors(tmp):
    p = write_log(os.path.join(tmp, "cfg", "c.json"), [record("X")])
    # The harness exits without plugin_destroy after a failed init: its
    # leak, not the plugin's, so leak checks are off for these runs.
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    for cfg, want in [({"s3Interval": "yesterday"}, "s3Interval"),
                      ({"nope": 1}, "nope"),
                      ({"maxRecordSize": 10}, "maxRecordSize"),
                      ({"aws": {"bogus": 1}}, "bogus"),
                      ({"sqsDelete": "yes"}, "sqsDelete")]:
        h = ctlib.run(p, ["ct.name"], cfg, env=env)
        T.check("config error names %s" % want, not h.events and
                want in json.dumps(h.end or h.first) + h.stderr, h.stderr)
    h = ctlib.run("ftp://x", ["ct.name"], env=env)
    T.check("unknown scheme refused", "not supported" in json.dumps(h.end or h.first) + h.stderr)


def main():
    ctlib.need(ctlib.HARNESS and ctlib.CT_PLUGIN, "CT_HARNESS / CT_PLUGIN not set")
    with tempfile.TemporaryDirectory() as tmp:
        test_field_table()
        test_values(tmp)
        test_skips(tmp)
        test_bad_files(tmp)
        test_tree(tmp)
        test_checkpoint(tmp)
        test_progress(tmp)
        test_config_errors(tmp)
    T.finish()


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "--progress-child":
        progress_child(sys.argv[2])
    else:
        main()
