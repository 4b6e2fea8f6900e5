#!/usr/bin/env python3
"""The installed layout works from the installed paths only.

--mode destdir: `cmake --install <build>` into a DESTDIR.
--mode deb:     `cpack -G DEB` into a temporary folder, the package's
                control fields checked, then `dpkg-deb -x` into a fresh root.
Then, in that root: the FHS layout (bin, plugins, rules with their
sub-folders, the config, the systemd unit), the installed config naming the
installed plugins and rules, the binary's built-in defaults being the
install paths (not the source tree), and `saker --version`,
`--list-plugins` and a capture replay with the installed config relocated
into the root (every installed path prefixed by it)."""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from sktest import Checker  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--mode", choices=["destdir", "deb"], required=True)
ap.add_argument("--build", required=True)
ap.add_argument("--source", required=True)
ap.add_argument("--upstream", required=True)
ap.add_argument("--bindir", required=True)
ap.add_argument("--plugindir", required=True)
ap.add_argument("--rulesdir", required=True)
ap.add_argument("--confdir", required=True)
ap.add_argument("--systemddir", required=True)
ap.add_argument("--version", required=True)
ap.add_argument("--plugin", action="append", required=True, help="file name of a shipped plugin (repeated)")
args = ap.parse_args()

# Debian 12 package names of what saker and its plugins link against
# (NEEDED entries). libelf1 is no NEEDED entry: libbpf1 pulls it in.
DEB_DEPS = ["libuv1", "libjansson4", "libyaml-0-2", "libcurl4", "libpcre2-8-0",
            "libmicrohttpd12", "libssl3", "libbpf1", "zlib1g", "libgnutls30", "libc6"]
DEB_INDIRECT = {"libelf1": "libbpf1"}

c = Checker(detail_max=3000)
env = {k: v for k, v in os.environ.items() if k not in ("SAKER_SYSCALL_PLUGIN", "SAKER_RULES_DIR")}


def run(cmd, **kw):
    kw.setdefault("timeout", 600)
    return subprocess.run(cmd, capture_output=True, text=True, env=kw.pop("env", env), **kw)


def under(root, path):
    return os.path.join(root, path.lstrip("/"))


def install_destdir(root):
    p = run(["cmake", "--install", args.build], env=dict(env, DESTDIR=root))
    c.check("cmake --install into a DESTDIR", p.returncode == 0, p.stdout[-1500:] + p.stderr[-1500:])
    return p.returncode == 0


def install_deb(root, work):
    for tool in ("cpack", "dpkg-deb", "dpkg-shlibdeps"):
        if not shutil.which(tool):
            print(f"SKIP: {tool} not found (Debian package dpkg-dev / cmake; scripts/deps.sh)")
            sys.exit(77)
    p = run(["cpack", "-G", "DEB", "--config", os.path.join(args.build, "CPackConfig.cmake"),
             "-B", work])
    debs = glob.glob(os.path.join(work, "*.deb"))
    c.check("cpack -G DEB builds one package", p.returncode == 0 and len(debs) == 1,
            p.stdout[-1500:] + p.stderr[-1500:])
    if not debs:
        return False
    deb = debs[0]
    fields = {}
    for f in ("Package", "Version", "Architecture", "Depends"):
        fields[f] = run(["dpkg-deb", "-f", deb, f]).stdout.strip()
    c.check("package name and version", fields["Package"] == "saker"
            and fields["Version"].startswith(args.version), fields)
    deps = {d.strip().split()[0] for d in re.split(r"[,|]", fields["Depends"]) if d.strip()}
    missing = [d for d in DEB_DEPS if d not in deps]
    c.check("Depends (dpkg-shlibdeps) names every runtime library package", not missing,
            f"missing {missing} in Depends: {fields['Depends']}")
    for dep, via in DEB_INDIRECT.items():
        q = run(["dpkg-query", "-W", "-f=${Depends}", via])
        c.check(f"{dep} comes with {via}", dep in deps or (q.returncode == 0 and dep in q.stdout),
                f"Depends: {fields['Depends']}; {via}: {q.stdout}")
    c.check("Depends are versioned (>=)", ">=" in fields["Depends"], fields["Depends"])
    listing = run(["dpkg-deb", "-c", deb]).stdout
    c.check("no build-tree or source-tree path in the package",
            args.build not in listing and "/_CPack_Packages" not in listing, listing[:2000])
    if args.confdir.startswith("/etc/"):
        conff = run(["dpkg-deb", "-I", deb, "conffiles"]).stdout
        c.check("the config is a conffile", f"{args.confdir}/saker.yaml" in conff, conff)
    p = run(["dpkg-deb", "-x", deb, root])
    c.check("dpkg-deb -x into a fresh root", p.returncode == 0, p.stderr)
    return p.returncode == 0


def rodata(path, work):
    out = os.path.join(work, "rodata.bin")
    p = run(["objcopy", "-O", "binary", "--only-section=.rodata", path, out])
    if p.returncode != 0:
        return None
    with open(out, "rb") as f:
        return f.read()


def check_layout(root, work):
    saker = under(root, args.bindir + "/saker")
    c.check("bin/saker installed", os.access(saker, os.X_OK), saker)
    plugins = args.plugin
    have = sorted(os.path.basename(p) for p in glob.glob(under(root, args.plugindir + "/*.so")))
    c.check("every plugin installed in the plugin folder", sorted(plugins) == have,
            f"want {sorted(plugins)} have {have}")
    src_rules = sorted(os.path.relpath(p, os.path.join(args.source, "rules"))
                       for p in glob.glob(os.path.join(args.source, "rules", "**", "*.y*ml"), recursive=True))
    inst_rules = sorted(os.path.relpath(p, under(root, args.rulesdir))
                        for p in glob.glob(under(root, args.rulesdir + "/**/*.y*ml"), recursive=True))
    c.check("saker's rules installed with their sub-folders", src_rules and src_rules == inst_rules,
            f"source {src_rules} installed {inst_rules}")
    unit = under(root, args.systemddir + "/saker.service")
    text = open(unit).read() if os.path.exists(unit) else ""
    c.check("systemd unit installed and starts the installed binary with the installed config",
            f"ExecStart={args.bindir}/saker -c {args.confdir}/saker.yaml" in text, unit)

    ro = rodata(saker, work)
    if ro is None:
        print("note: objcopy not available, built-in default check skipped")
    else:
        c.check("built-in defaults are the installed plugin and rules paths",
                f"{args.plugindir}/libsyscall.so".encode() in ro and args.rulesdir.encode() in ro)
        # (__FILE__ strings of asserts may name the source tree: only the
        # defaults saker had before are looked for, as whole strings.)
        stale = [p for src in {args.source, os.path.realpath(args.source)}
                 for p in (os.path.join(src, "rules"), os.path.join(src, "build"))]
        stale += [os.path.join(args.build, "plugins", "syscall", "libsyscall.so")]
        c.check("no source- or build-tree default in the binary's constants",
                not any(p.encode() + b"\0" in ro for p in stale), stale)
    return saker


def relocated_config(root, work):
    conf = under(root, args.confdir + "/saker.yaml")
    if not os.path.exists(conf):
        c.check("config installed", False, conf)
        return None
    text = open(conf).read()
    libs = re.findall(r"^\s*#?\s*library_path:\s*(\S+)", text, re.M)
    c.check("the config names installed plugins only",
            libs and all(os.path.dirname(l) == args.plugindir and os.path.exists(under(root, l)) for l in libs),
            libs)
    rules = re.search(r"^rules_files:\n((?:  - .*\n)+)", text, re.M)
    c.check("the config's rules_files is the installed rules folder",
            rules and rules.group(1).strip() == f"- {args.rulesdir}", rules and rules.group(1))
    c.check("no relative or build-tree path left in the config",
            "./build/" not in text and not re.search(r"^\s*-\s*\./rules", text, re.M))
    for d in (args.plugindir, args.rulesdir):
        text = text.replace(d, under(root, d))
    out = os.path.join(work, "saker.yaml")
    with open(out, "w") as f:
        f.write(text)
    return out


def check_runs(root, saker, conf):
    p = run([saker, "--version"], timeout=60)
    c.check("saker --version", p.returncode == 0 and args.version in p.stdout, p.stdout + p.stderr)
    base = [saker, "-c", conf, "-o", "webserver.enabled=false", "-o", "syslog_output.enabled=false",
            "-o", "log_syslog=false"]
    p = run(base + ["--list-plugins"], timeout=120)
    names = re.findall(r"^Name: (\S+)$", p.stdout, re.M)
    c.check("saker --list-plugins with the installed config",
            p.returncode == 0 and "syscall" in names and "container" in names, p.stdout[-1500:] + p.stderr[-1500:])

    up = os.environ.get("SAKER_UPSTREAM", args.upstream)
    cap = os.path.join(up, "captures", "falco-0.35.0_cat_write.scap")
    if not os.path.exists(cap):
        print(f"SKIP (replay part): upstream capture {cap} not found (set SAKER_UPSTREAM)")
        return False
    # saker's own rules raise nothing on the upstream captures: a rule on
    # cat's opens is loaded beside them (the cat_write oracle: 4 alerts).
    extra = os.path.join(os.path.dirname(conf), "cat.yaml")
    with open(extra, "w") as f:
        f.write("- rule: open_from_cat\n  desc: cat opens a file\n"
                "  condition: evt.type=open and proc.name=cat\n"
                "  output: \"open by cat (command=%proc.cmdline)\"\n  priority: WARNING\n")
    rulesdir = under(root, args.rulesdir)
    own = sum(open(p).read().count("\n- rule:") for p in sorted(glob.glob(rulesdir + "/*.y*ml")))
    p = run(base + ["-o", f"rules_files=[{rulesdir}, {extra}]", "-o", "engine.kind=replay",
                    "-o", f"engine.replay.capture_file={cap}", "-o", "json_output=true",
                    "-o", "load_plugins=[syscall]"], timeout=300)
    alerts = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
    got = [a.get("output", "") for a in alerts]
    c.check("replay of a capture with the installed config, plugins and rules",
            p.returncode == 0 and len(alerts) == 4 and all(a.get("rule") == "open_from_cat"
            and a.get("source") == "syscall" and "command=cat /dev/null" in a.get("output", "")
            for a in alerts), f"rc {p.returncode} alerts {got} stderr {p.stderr[-1500:]}")
    c.check(f"the installed rules folder loads ({own} rules of saker's + 1)",
            own > 0 and f"loaded {own + 1} rules" in p.stderr, p.stderr[-1500:])
    return True


with tempfile.TemporaryDirectory(prefix="saker-pkg-") as work:
    root = os.path.join(work, "root")
    os.mkdir(root)
    ok = install_destdir(root) if args.mode == "destdir" else install_deb(root, os.path.join(work, "cpack"))
    if not ok:
        c.finish()
    saker = check_layout(root, work)
    conf = relocated_config(root, work)
    replayed = check_runs(root, saker, conf) if conf else False
    if c.failures or replayed:
        c.finish()
    print(f"{c.passed} passed; replay skipped (no upstream captures)")
    sys.exit(77)
