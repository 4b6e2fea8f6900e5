#!/usr/bin/env python3
"""json plugin tests: json.value (RFC 6901 pointers), json.obj, json.rawtime and
the jevt.* aliases, extracted through the harness host over k8s_audit events."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.environ.get("SAKER_SOURCE_DIR", ""), "tests", "k8saudit"))
import kalib  # noqa: E402

T = kalib.Failures()


def main():
    if not (kalib.HARNESS and kalib.KA_PLUGIN and kalib.JSON_PLUGIN):
        kalib.skip("KA_HARNESS / KA_PLUGIN / JSON_PLUGIN not set")
    ev = {"kind": "Event", "auditID": "a1", "stage": "ResponseComplete",
          "stageTimestamp": "2020-02-03T04:05:06.123456789Z",
          "annotations": {"a/b": "slash", "t~x": "tilde"},
          "list": [10, {"k": "v"}, None, True, 1.5],
          "obj": {"x": 1, "y": [1, 2]}, "unicode": "h\u00e9", "empty": ""}
    ev2 = dict(ev, auditID="a2", stageTimestamp="2020-02-03T06:05:06+02:00")
    fields = ["json.value[/stage]", "jevt.value[/stage]", "json.value[stage]",
              "json.value[/annotations/a~1b]", "json.value[/annotations/t~0x]",
              "json.value[/list/0]", "json.value[/list/1]", "json.value[/list/1/k]",
              "json.value[/list/2]", "json.value[/list/3]", "json.value[/list/4]",
              "json.value[/list/5]", "json.value[/list/01]", "json.value[/obj]",
              "json.value[/missing]", "json.value[/obj/x/deeper]", "json.value[/unicode]",
              "json.value[/empty]", "json.rawtime", "jevt.rawtime", "json.obj", "jevt.obj"]
    with kalib.tempdir() as d:
        p = os.path.join(d, "ev.log")
        with open(p, "w") as f:
            f.write(json.dumps(ev) + "\n" + json.dumps(ev2) + "\n")
        h = kalib.run_file(p, fields)
    T.eq(h.rc, 0, "harness exit " + h.stderr)
    T.eq(len(h.events), 2, "two events")
    f = h.events[0]["f"]
    want = {
        "json.value[/stage]": ["ResponseComplete"], "jevt.value[/stage]": ["ResponseComplete"],
        "json.value[stage]": ["ResponseComplete"],
        "json.value[/annotations/a~1b]": ["slash"], "json.value[/annotations/t~0x]": ["tilde"],
        "json.value[/list/0]": ["10"], "json.value[/list/1]": ['{"k":"v"}'],
        "json.value[/list/1/k]": ["v"], "json.value[/list/2]": ["null"],
        "json.value[/list/3]": ["true"], "json.value[/list/4]": ["1.5"],
        "json.value[/list/5]": None, "json.value[/list/01]": None,
        "json.value[/obj]": ['{"x":1,"y":[1,2]}'], "json.value[/missing]": None,
        "json.value[/obj/x/deeper]": None, "json.value[/unicode]": ["h\u00e9"],
        "json.value[/empty]": [""],
        "json.rawtime": ["1580702706123456789"], "jevt.rawtime": ["1580702706123456789"],
    }
    for k, v in want.items():
        T.eq(f[k], v, k)
    obj = f["json.obj"][0]
    T.eq(json.loads(obj)["auditID"], "a1", "json.obj is the whole document")
    T.check("\n  \"" in obj, "json.obj is indented by 2 spaces")
    T.eq(f["jevt.obj"], f["json.obj"], "jevt.obj alias")
    g = h.events[1]["f"]
    T.eq(g["json.rawtime"], ["1580702706000000000"], "offset timestamps converted to UTC")
    T.eq(json.loads(g["json.obj"][0])["auditID"], "a2", "cache refreshed for the next event")
    T.done()


if __name__ == "__main__":
    main()
