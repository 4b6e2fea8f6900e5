#!/usr/bin/env python3
"""check_doc_examples.py - keep docs/rules-language.md honest: every ```yaml
block preceded by the line `<!-- example: complete -->` is a whole rules file;
each is written to a temporary file and validated with `saker -c <cfg> -V`,
with the plugins given on the command line loaded. A block marked
`<!-- example: complete, error "<text>" -->` must instead fail with an error
containing <text>.

    check_doc_examples.py SAKER DOC PLUGIN [PLUGIN...]

PLUGIN is a path to a plugin library, or "real.so|fallback.so" (the first
that exists). The plugin's config name is the file name without lib/rtp_
and .so. Exits 1 if any example fails, or if the doc holds no example.
"""
import os
import re
import subprocess
import sys
import tempfile

MARK = re.compile(r'^<!--\s*example:\s*complete(?:,\s*error\s+"([^"]*)")?\s*-->\s*$')


def examples(doc):
    lines = open(doc, encoding="utf-8").read().split("\n")
    out, i = [], 0
    while i < len(lines):
        m = MARK.match(lines[i])
        if m:
            j = i + 1
            if j >= len(lines) or lines[j].strip() != "```yaml":
                raise ValueError(f"{doc}:{i + 1}: example marker not followed by a ```yaml block")
            k = j + 1
            while k < len(lines) and lines[k].strip() != "```":
                k += 1
            if k >= len(lines):
                raise ValueError(f"{doc}:{j + 1}: unterminated ```yaml block")
            out.append((j + 2, m.group(1), "\n".join(lines[j + 1:k]) + "\n"))
            i = k
        i += 1
    return out


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    saker, doc, plugins = sys.argv[1], sys.argv[2], sys.argv[3:]
    exs = examples(doc)
    if not exs:
        print(f"FAIL {doc}: no example marked '<!-- example: complete -->'")
        return 1
    fails = 0
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "saker.yaml")
        names = []
        with open(cfg, "w") as f:
            f.write("plugins:\n")
            for p in plugins:
                so = p.split("|")[0]
                if not os.path.exists(so):
                    so = p.split("|")[-1]
                n = os.path.basename(so)[:-3]
                n = n[3:] if n.startswith("lib") else n
                n = n[4:] if n.startswith("rtp_") else n
                names.append(n)
                f.write(f"  - name: {n}\n    library_path: {so}\n")
            f.write(f"load_plugins: [{', '.join(names)}]\nwebserver:\n  enabled: false\n")
        for line, want_err, text in exs:
            path = os.path.join(tmp, f"example_line{line}.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            p = subprocess.run([saker, "-c", cfg, "-V", path], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=60)
            out = p.stdout.decode(errors="replace")
            diags = [x for x in out.splitlines() if path in x and (": error:" in x or ": warning:" in x)]
            if want_err is None:
                ok = p.returncode == 0 and f"{path}: Ok" in out and not any(": error:" in x for x in diags)
            else:
                ok = p.returncode == 1 and any(": error:" in x and want_err in x for x in diags)
            status = "ok  " if ok else "FAIL"
            print(f"{status} {doc}:{line} ({'expects error' if want_err else 'valid'})")
            for x in diags:
                print("       " + x.replace(path, f"<example at line {line}>"))
            if not ok:
                fails += 1
                if not diags:
                    print("       " + out.strip().replace("\n", "\n       "))
    print(f"{len(exs) - fails}/{len(exs)} examples ok")
    return 1 if fails else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError, subprocess.SubprocessError) as e:
        print(f"FAIL: {e}")
        sys.exit(1)
