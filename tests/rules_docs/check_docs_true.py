#!/usr/bin/env python3
"""Keeps the developer docs true to the tree.

  check_docs_true.py ROOT names DOC...
      every `path` a doc names (a backticked token starting with a top-level
      folder of the tree) exists, and every `identifier` it names (a
      backticked C-like name with an underscore, or a `prefix_*` family)
      occurs as a word in the sources;
  check_docs_true.py ROOT files README DIR [README DIR ...]
      every file of DIR (not recursive; sub-folders as `name/`) is named in
      README, so a file table cannot silently miss a new file.

Prints one line per problem and "N problem(s)"; exits 1 when there is any.
"""
import os
import re
import sys

TOP = ("engine/", "plugins/", "plugin_api/", "tests/", "docs/", "bench/",
       "scripts/", "rules/", "cmake/", "deploy/")
SRC_DIRS = ("engine", "plugins", "plugin_api", "tests", "cmake", "scripts", "bench")
SRC_EXT = (".c", ".h", ".py", ".sh", ".cmake", ".txt", ".yaml", ".map")
TICK = re.compile(r"`([^`\n]+)`")
IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\*?$")


def words(root):
    seen = set()
    for d in SRC_DIRS:
        for dp, dns, fns in os.walk(os.path.join(root, d)):
            dns[:] = [n for n in dns if not n.startswith("build")]
            for fn in fns:
                if not fn.endswith(SRC_EXT):
                    continue
                try:
                    with open(os.path.join(dp, fn), encoding="utf-8", errors="replace") as f:
                        seen.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", f.read()))
                except OSError:
                    pass
    for fn in ("CMakeLists.txt", "saker.yaml"):
        with open(os.path.join(root, fn), encoding="utf-8") as f:
            seen.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", f.read()))
    return seen


def check_names(root, docs):
    problems = []
    known = words(root)
    for doc in docs:
        with open(doc, encoding="utf-8") as f:
            lines = f.read().splitlines()
        for n, line in enumerate(lines, 1):
            for tok in TICK.findall(line):
                tok = tok.strip()
                where = f"{os.path.relpath(doc, root)}:{n}"
                if tok.startswith(TOP) and " " not in tok:
                    path = tok.rstrip(".,;:")
                    if not os.path.exists(os.path.join(root, path)):
                        problems.append(f"{where}: `{tok}` does not exist")
                    continue
                if not IDENT.match(tok) or "_" not in tok:
                    continue
                if tok.endswith("*"):
                    prefix = tok[:-1]
                    if not any(w.startswith(prefix) and w != prefix for w in known):
                        problems.append(f"{where}: nothing named `{tok}` in the sources")
                elif tok not in known:
                    problems.append(f"{where}: `{tok}` occurs nowhere in the sources")
    return problems


def check_files(root, pairs):
    problems = []
    for readme, d in pairs:
        with open(readme, encoding="utf-8") as f:
            text = f.read()
        named = set(TICK.findall(text))
        for fn in sorted(os.listdir(d)):
            full = os.path.join(d, fn)
            if fn == os.path.basename(readme) or fn.startswith("."):
                continue
            name = fn + "/" if os.path.isdir(full) else fn
            if name not in named and not any(name in t.split() for t in named):
                problems.append(f"{os.path.relpath(readme, root)}: "
                                f"{os.path.relpath(full, root)} is not listed")
    return problems


def main():
    if len(sys.argv) < 4 or sys.argv[2] not in ("names", "files"):
        sys.exit(__doc__)
    root = sys.argv[1]
    args = [a if os.path.isabs(a) else os.path.join(root, a) for a in sys.argv[3:]]
    if sys.argv[2] == "names":
        problems = check_names(root, args)
    else:
        if len(args) % 2:
            sys.exit("files: README DIR pairs expected")
        problems = check_files(root, list(zip(args[0::2], args[1::2])))
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
