#!/usr/bin/env python3
"""expand_rules.py - print the conditions of the enabled rules of Falco rules
files with every list and macro expanded, as filter text another engine
(sysdig's -r <file> <filter>) can evaluate.

    expand_rules.py [--source syscall] [--json] RULES.yaml...

Follows the rules language (docs/rules-language.md): files load in order;
lists, macros and rules with the same name are redefined in place; legacy
`append: true` and `override: {key: append|replace}` are honoured for
`items`, `condition`, `enabled` and `exceptions` (values); exceptions are
turned into `and not (...)` text; list names are substituted as text (with
the quoting rule for items containing blanks), then macro references (bare
identifiers in check position) are replaced by their parenthesised
expansion. Scalars are read as raw strings.

Output: one line per enabled rule, `<rule name>\t<expanded condition>`, or a
JSON array of {"rule", "condition"} with --json.

YAML is read by the small C tool yaml2json (built in the build dir as
bench/rules_eval/sk_yaml2json; path from --yaml2json or $SAKER_YAML2JSON), so
this stays Python-stdlib-only.
"""
import argparse
import json
import os
import re
import subprocess
import sys

YAML2JSON = os.environ.get("SAKER_YAML2JSON", "sk_yaml2json")


def load_yaml(path):
    """Every YAML document of path, scalars as raw strings."""
    try:
        p = subprocess.run([YAML2JSON, path], capture_output=True, text=True, timeout=60)
    except OSError as e:
        raise ValueError(f"cannot run yaml2json ({YAML2JSON}): {e}; set SAKER_YAML2JSON") from e
    if p.returncode != 0:
        raise ValueError(p.stderr.strip() or f"yaml2json failed on {path}")
    return json.loads(p.stdout)

LIST_OPS = {"in", "intersects", "pmatch"}
MODS = {"oneof", "anyof", "allof"}
KEYWORDS = {"and", "or", "not"}
IDENT = re.compile(r"[a-zA-Z]+[a-zA-Z0-9_]*\Z")
XFORMS = {"tolower", "toupper", "b64", "basename", "len", "join", "concat", "getopt", "val"}


def quote(s):
    return '"' + s + '"' if " " in s and s[:1] not in ('"', "'") else s


def as_list(v):
    return v if isinstance(v, list) else [v]


class Rules:
    def __init__(self):
        self.lists, self.macros, self.rules = {}, {}, {}   # dicts keep definition order

    def load(self, path):
        for doc in load_yaml(path):
            if doc is None:
                continue
            if not isinstance(doc, list):
                raise ValueError(f"{path}: rules content is not a YAML sequence")
            for item in doc:
                if isinstance(item, dict):
                    self.item(path, item)

    @staticmethod
    def mode(item, key):
        ov = item.get("override") or {}
        if key in ov:
            return ov[key]
        return "append" if item.get("append") == "true" and key in item else (
            "replace" if key in item else None)

    def item(self, path, it):
        if "required_engine_version" in it or "required_plugin_versions" in it:
            return
        if "list" in it:
            name, m = it["list"], self.mode(it, "items")
            items = list(it.get("items") or [])
            if m == "append" and name in self.lists:
                self.lists[name] = self.lists[name] + items
            else:
                self.lists[name] = items
        elif "macro" in it:
            name, m = it["macro"], self.mode(it, "condition")
            if m == "append" and name in self.macros:
                self.macros[name] = self.macros[name] + " " + it["condition"]
            else:
                self.macros[name] = it["condition"]
        elif "rule" in it:
            self.rule(it)

    def rule(self, it):
        name = it["rule"]
        old = self.rules.get(name)
        if old is None or not ("override" in it or it.get("append") == "true"):
            if old is not None and not any(k in it for k in ("condition", "output", "desc", "priority")):
                if "enabled" in it:                       # legacy toggle
                    old["enabled"] = it["enabled"] != "false"
                return
            self.rules[name] = {
                "condition": it.get("condition", ""),
                "enabled": it.get("enabled", "true") != "false",
                "source": it.get("source", "syscall"),
                "exceptions": [dict(e) for e in it.get("exceptions") or []],
            }
            return
        for key in ("condition", "enabled", "exceptions"):
            m = self.mode(it, key)
            if m is None:
                continue
            if key == "condition":
                old["condition"] = old["condition"] + " " + it[key] if m == "append" else it[key]
            elif key == "enabled":
                old["enabled"] = it[key] != "false"
            elif m == "replace":
                old["exceptions"] = [dict(e) for e in it[key] or []]
            else:
                for e in it[key] or []:
                    same = [x for x in old["exceptions"] if x.get("name") == e.get("name")]
                    if same:
                        same[0]["values"] = list(same[0].get("values") or []) + list(e.get("values") or [])
                    else:
                        old["exceptions"].append(dict(e))

    # -- text building ------------------------------------------------------
    @staticmethod
    def exceptions_text(cond, excs):
        out = "(" + cond + ")"
        for e in excs:
            fields, comps, values = e.get("fields"), e.get("comps"), e.get("values") or []
            if isinstance(fields, str):
                comp = comps or "in"
                ic = ""
                for v in values:
                    ic += ("(" + fields + " " + comp + " (" if not ic else ", ") + quote(v)
                ic = ic + "))" if ic else ""
            else:
                comps = comps or ["="] * len(fields)
                ic = "("
                for tup in values:
                    ic += ("" if ic == "(" else " or ") + "("
                    for k, (f, c) in enumerate(zip(fields, comps)):
                        v = tup[k]
                        listop = c.strip() in LIST_OPS or c.strip().split()[-1] in MODS
                        if isinstance(v, list):
                            v = "(" + ", ".join(quote(x) for x in v) + ")"
                        elif listop:
                            v = v if v.startswith("(") else "(" + v + ")"
                        else:
                            v = quote(v)
                        ic += ("" if k == 0 else " and ") + " " + f + " " + c.strip() + " " + v
                    ic += ")"
                ic += ")"
                ic = "" if ic == "()" else ic
            if ic:
                out += " and not " + ic
        return out

    def expanded_lists(self):
        done = {}
        for name, items in self.lists.items():
            flat = []
            for x in items:
                flat.extend(done[x] if x in done else [x])
            done[name] = flat
        return done

    def subst_lists(self, text, lists):
        delim = r"[\s(),=]"
        for name, items in lists.items():
            if name not in text:
                continue
            repl = ", ".join(quote(x) for x in items)
            pat = re.compile(r"(?:(?<=^)|(?<=" + delim + r"))\s*" + re.escape(name) + r"\s*(?=" + delim + r"|$)")
            if items:
                text = pat.sub(lambda _m: repl, text)
            else:
                # empty list: drop the name and one adjacent comma
                text = re.sub(r",\s*" + re.escape(name) + r"\s*(?=[\s(),=]|$)", "", text)
                text = re.sub(r"(?:(?<=^)|(?<=[\s(),=]))\s*" + re.escape(name) + r"\s*,?", "", text)
        return text

    def subst_macros(self, text, cache, stack=()):
        toks = re.findall(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|[()]|,|[^\s(),"\']+|\s+', text)
        out, prev, parens = [], None, []   # parens: stack of "group" / "other"
        for i, t in enumerate(toks):
            if t.isspace():
                out.append(t)
                continue
            if t == "(":
                grp = prev is None or prev in ("(", "and", "or", "not") and (not parens or parens[-1] == "group" or prev != "(")
                if prev is not None and prev not in ("(", "and", "or", "not"):
                    grp = False
                if prev == "(" and parens and parens[-1] != "group":
                    grp = False
                # a transformer call: identifier glued to "("
                if out and not out[-1].isspace() and IDENT.match(out[-1] or "") and out[-1] in XFORMS:
                    grp = False
                parens.append("group" if grp else "other")
            elif t == ")":
                if parens:
                    parens.pop()
            elif (IDENT.match(t) and t not in KEYWORDS and t in self.macros
                  and (prev is None or prev in ("and", "or", "not")
                       or (prev == "(" and parens and parens[-1] == "group"))):
                if t in stack:
                    raise ValueError(f"reference loop in macro '{t}'")
                if t not in cache:
                    cache[t] = "(" + self.subst_macros(self.macros_l[t], cache, stack + (t,)) + ")"
                out.append(cache[t])
                prev = ")"
                continue
            out.append(t)
            prev = t
        return "".join(out)

    def expand(self, source):
        lists = self.expanded_lists()
        self.macros_l = {n: self.subst_lists(c, lists) for n, c in self.macros.items()}
        cache, res = {}, []
        for name, r in self.rules.items():
            if not r["enabled"] or r["source"] != source:
                continue
            text = self.exceptions_text(r["condition"], r["exceptions"]) if r["exceptions"] else r["condition"]
            text = self.subst_lists(text, lists)
            text = self.subst_macros(text, cache)
            res.append({"rule": name, "condition": " ".join(text.split())})
        return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default="syscall")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--yaml2json", help="path of the yaml2json tool")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    if a.yaml2json:
        global YAML2JSON
        YAML2JSON = a.yaml2json
    r = Rules()
    for p in a.files:
        r.load(p)
    res = r.expand(a.source)
    if a.json:
        json.dump(res, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        for x in res:
            print(x["rule"] + "\t" + x["condition"])
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError) as e:
        print(f"expand_rules: {e}", file=sys.stderr)
        sys.exit(1)
