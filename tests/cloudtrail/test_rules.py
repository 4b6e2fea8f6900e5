#!/usr/bin/env python3
"""saker's CloudTrail rules (rules/cloudtrail/saker_cloudtrail_rules.yaml):
each rule fires on a realistic record and stays quiet on its near miss; the
file validates alone and together with the upstream rules."""
import os
import subprocess
import tempfile

import ctlib
from ctlib import ROOT, record, write_log

T = ctlib.Checker(detail_max=800)

R_ROOT = "saker CloudTrail Root Account Used"
R_MFA = "saker CloudTrail Console Login Without MFA"
R_TRAIL = "saker CloudTrail Logging Stopped Or Changed"
R_PUBLIC = "saker CloudTrail S3 Bucket Made Public"
R_KEY = "saker CloudTrail Access Key Created For Another User"
R_SG = "saker CloudTrail Security Group Opened To The World"
R_KMS = "saker CloudTrail KMS Key Scheduled For Deletion"
R_GD = "saker CloudTrail GuardDuty Disabled"

OWNER = {"DisplayName": "ops", "ID": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}


def login(mfa, utype="IAMUser"):
    ui = {"type": utype, "principalId": "AIDACKCEVSQ6C2EXAMPLE", "accountId": "123456789012",
          "arn": "arn:aws:iam::123456789012:user/carol", "userName": "carol"}
    if utype == "AssumedRole":
        ui = {"type": "AssumedRole", "principalId": "AROAEXAMPLE:carol@example.com",
              "arn": "arn:aws:sts::123456789012:assumed-role/SSOAdmin/carol@example.com",
              "accountId": "123456789012",
              "sessionContext": {"sessionIssuer": {"type": "Role", "userName": "SSOAdmin"}}}
    return record("ConsoleLogin", "signin.amazonaws.com", userIdentity=ui,
                  eventType="AwsConsoleSignIn", readOnly=False,
                  responseElements={"ConsoleLogin": "Success"},
                  additionalEventData={"LoginTo": "https://console.aws.amazon.com/console/home",
                                       "MobileVersion": "No", "MFAUsed": mfa})


def acl(grantee_uri):
    grants = [{"Grantee": {"xsi:type": "CanonicalUser", "ID": OWNER["ID"]},
               "Permission": "FULL_CONTROL"}]
    if grantee_uri:
        grants.append({"Grantee": {"xsi:type": "Group", "URI": grantee_uri},
                       "Permission": "READ"})
    return record("PutBucketAcl", "s3.amazonaws.com", readOnly=False,
                  requestParameters={"bucketName": "billing-reports", "acl": [""],
                                     "Host": "billing-reports.s3.eu-west-1.amazonaws.com",
                                     "AccessControlPolicy": {
                                         "AccessControlList": {"Grant": grants},
                                         "Owner": OWNER,
                                         "xmlns": "http://s3.amazonaws.com/doc/2006-03-01/"}})


def policy(principal):
    return record("PutBucketPolicy", "s3.amazonaws.com", readOnly=False,
                  requestParameters={"bucketName": "billing-reports", "policy": [""],
                                     "Host": "billing-reports.s3.eu-west-1.amazonaws.com",
                                     "bucketPolicy": {"Version": "2012-10-17", "Statement": [
                                         {"Sid": "Read", "Effect": "Allow",
                                          "Principal": principal, "Action": "s3:GetObject",
                                          "Resource": "arn:aws:s3:::billing-reports/*"}]}})


def access_key(target):
    rp = {"userName": target} if target else None
    return record("CreateAccessKey", "iam.amazonaws.com", readOnly=False, awsRegion="us-east-1",
                  requestParameters=rp,
                  responseElements={"accessKey": {"accessKeyId": "AKIAI44QH8DHBEXAMPLE",
                                                  "status": "Active",
                                                  "userName": target or "alice",
                                                  "createDate": "May 2, 2023 9:14:05 AM"}})


def ingress(cidr, v6=False):
    ranges = {"items": [{"cidrIp": cidr}]} if not v6 else {}
    ranges6 = {"items": [{"cidrIpv6": cidr}]} if v6 else {}
    return record("AuthorizeSecurityGroupIngress", readOnly=False,
                  requestParameters={"groupId": "sg-0a1b2c3d4e5f67890", "ipPermissions": {
                      "items": [{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "groups": {},
                                 "ipRanges": ranges, "ipv6Ranges": ranges6,
                                 "prefixListIds": {}}]}},
                  responseElements={"requestId": "x", "_return": True})


def trail(name, error=None):
    kw = {"readOnly": False, "requestParameters": {"name": "management-trail"},
          "responseElements": None}
    if error:
        kw["errorCode"] = error
        kw["errorMessage"] = "User is not authorized to perform: cloudtrail:" + name
    return record(name, "cloudtrail.amazonaws.com", **kw)


def kms(name):
    return record(name, "kms.amazonaws.com", readOnly=False,
                  requestParameters={"keyId": "arn:aws:kms:eu-west-1:123456789012:key/"
                                              "1234abcd-12ab-34cd-56ef-1234567890ab",
                                     "pendingWindowInDays": 7})


def gd(name, enable=None):
    rp = {"detectorId": "12abc34d567e8fa901bc2d34e56789f0"}
    if enable is not None:
        rp["enable"] = enable
    return record(name, "guardduty.amazonaws.com", readOnly=False, requestParameters=rp)


root_call = record("DescribeInstances", userIdentity=dict(ROOT))
root_by_service = record("DescribeInstances", userIdentity=dict(ROOT, invokedBy="support.amazonaws.com"))

# (case, record, rule expected or None)
CASES = [
    ("root call", root_call, R_ROOT),
    ("near: IAM user call", record("DescribeInstances"), None),
    ("near: root call made by an AWS service", root_by_service, None),
    ("console login without MFA", login("No"), R_MFA),
    ("near: console login with MFA", login("Yes"), None),
    ("near: federated login (MFA at the IdP)", login("No", "AssumedRole"), None),
    ("StopLogging", trail("StopLogging"), R_TRAIL),
    ("DeleteTrail", trail("DeleteTrail"), R_TRAIL),
    ("near: denied StopLogging", trail("StopLogging", "AccessDenied"), None),
    ("near: StartLogging", trail("StartLogging"), None),
    ("bucket ACL to AllUsers", acl("http://acs.amazonaws.com/groups/global/AllUsers"), R_PUBLIC),
    ("bucket policy for *", policy("*"), R_PUBLIC),
    ("bucket policy for AWS:*", policy({"AWS": "*"}), R_PUBLIC),
    ("public access block removed",
     record("DeleteBucketPublicAccessBlock", "s3.amazonaws.com", readOnly=False,
            requestParameters={"bucketName": "billing-reports", "publicAccessBlock": [""]}),
     R_PUBLIC),
    ("near: private bucket ACL", acl(None), None),
    ("near: policy for one role",
     policy({"AWS": "arn:aws:iam::123456789012:role/Reporting"}), None),
    ("access key for another user", access_key("bob"), R_KEY),
    ("near: access key for oneself", access_key("alice"), None),
    ("near: access key without a user name", access_key(None), None),
    ("security group open to 0.0.0.0/0", ingress("0.0.0.0/0"), R_SG),
    ("security group open to ::/0", ingress("::/0", v6=True), R_SG),
    ("near: security group open to 10.0.0.0/8", ingress("10.0.0.0/8"), None),
    ("KMS key deletion", kms("ScheduleKeyDeletion"), R_KMS),
    ("near: KMS deletion cancelled", kms("CancelKeyDeletion"), None),
    ("GuardDuty detector deleted", gd("DeleteDetector"), R_GD),
    ("GuardDuty detector disabled", gd("UpdateDetector", False), R_GD),
    ("near: GuardDuty detector enabled", gd("UpdateDetector", True), None),
]


def main():
    ctlib.need(ctlib.SAKER, "saker binary not built (SAKER_BIN unset)")
    with tempfile.TemporaryDirectory() as tmp:
        by_time = {}
        for i, (name, rec, _) in enumerate(CASES):
            rec["eventTime"] = "2023-05-02T10:%02d:%02dZ" % (i // 60, i % 60)
            by_time[rec["eventTime"][:19]] = name
        path = write_log(os.path.join(tmp, "cases.json"), [c[1] for c in CASES])
        cfg = ctlib.saker_config(tmp, path)
        p = subprocess.run([ctlib.SAKER, "-c", cfg, "-V", ctlib.OWN_RULES], capture_output=True,
                           text=True, timeout=60)
        T.check("rules validate without warnings", p.returncode == 0 and
                "saker_cloudtrail_rules.yaml: Ok" in p.stdout + p.stderr and
                "warning" not in p.stdout + p.stderr, p.stdout + p.stderr)
        if ctlib.UP_RULES and os.path.exists(ctlib.UP_RULES):
            p = subprocess.run([ctlib.SAKER, "-c", cfg, "-V", ctlib.UP_RULES, "-V",
                                ctlib.OWN_RULES], capture_output=True, text=True, timeout=60)
            T.check("rules validate beside the upstream file", p.returncode == 0 and
                    "error" not in (p.stdout + p.stderr).lower(), p.stdout + p.stderr)
        alerts, err, rc = ctlib.saker_run(tmp, path, [ctlib.OWN_RULES],
                                          extra_args=["-o", "rule_matching=all"])
        T.check("saker ran", rc == 0, err[-800:])
        got = {}
        for a in alerts:
            got.setdefault(by_time.get(a["time"][:19], a["time"]), []).append(a["rule"])
        for name, _, want in CASES:
            T.check(name, got.get(name, []) == ([want] if want else []), got.get(name))
        texts = [a["output"] for a in alerts]
        T.check("outputs are filled", any("bucket=billing-reports" in t for t in texts) and
                any("group=sg-0a1b2c3d4e5f67890" in t for t in texts) and
                any("pending days=7" in t for t in texts) and
                any("target user=bob" in t for t in texts), texts)
    T.finish()


if __name__ == "__main__":
    main()
