#!/usr/bin/env bash
# Rules on a real capture through the saker binary: wall time of
#   (a) saker replaying CAPTURE with no rules,
#   (b) saker replaying CAPTURE with RULES (default: the upstream stable rules,
#       container requirement dropped since no container plugin is loaded),
#   (c) Debian's `sysdig -r CAPTURE` printing nothing (-q) as the reference,
# each the best of R runs, startup included (small captures are dominated by
# it: use a large capture for a per-event figure).
# Usage: bench/rules/capture.sh [build-dir] CAPTURE [RULES.yaml ...]
set -euo pipefail
BUILD=${1:-build}
CAP=${2:?usage: capture.sh [build-dir] CAPTURE [RULES.yaml ...]}
shift 2
R=${R:-5}
SAKER=$BUILD/engine/cli/saker
PLUGIN=$BUILD/plugins/syscall/libsyscall.so
for f in "$SAKER" "$PLUGIN" "$CAP"; do
  [ -e "$f" ] || { echo "SKIP: missing $f"; exit 77; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
UP=${SAKER_UPSTREAM:-$(dirname "$0")/../../../shared/upstream}
if [ $# -eq 0 ]; then
  [ -e "$UP/rules/falco_rules.yaml" ] || { echo "SKIP: no upstream rules (set SAKER_UPSTREAM)"; exit 77; }
  # the container plugin is not part of this bench: drop the requirement block
  python3 - "$UP/rules/falco_rules.yaml" "$tmp/rules.yaml" <<'PY'
import sys
src = open(sys.argv[1]).read().split("\n")
out, skip = [], False
for l in src:
    if l.startswith("- required_plugin_versions:"):
        skip = True
        continue
    if skip and (l.startswith("  ") or l.strip() == ""):
        continue
    skip = False
    out.append(l)
open(sys.argv[2], "w").write("\n".join(out))
PY
  set -- "$tmp/rules.yaml"
fi
: > "$tmp/empty.yaml"
cat > "$tmp/saker.yaml" <<YAML
plugins:
  - name: syscall
    library_path: $(realpath "$PLUGIN")
    open_params: '{"capture": "$(realpath "$CAP")"}'
load_plugins: [syscall]
json_output: true
stdout_output:
  enabled: false
webserver:
  enabled: false
YAML
rargs=(); for f in "$@"; do rargs+=(-r "$f"); done
best() { # best wall seconds of R runs of "$@"
  local b=999999 t0 t1 el
  for _ in $(seq "$R"); do
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    el=$(echo "$t1 - $t0" | bc -l)
    if (( $(echo "$el < $b" | bc -l) )); then b=$el; fi
  done
  echo "$b"
}
n=$(sysdig -r "$CAP" 2>/dev/null | wc -l || echo "?")
a=$(best "$SAKER" -c "$tmp/saker.yaml" -r "$tmp/empty.yaml")
b=$(best "$SAKER" -c "$tmp/saker.yaml" "${rargs[@]}")
alerts=$("$SAKER" -c "$tmp/saker.yaml" -o stdout_output.enabled=true "${rargs[@]}" 2>/dev/null | wc -l || true)
echo "capture: $CAP ($n events as printed by sysdig)"
printf "saker, no rules : %.4f s\n" "$a"
printf "saker, rules    : %.4f s  (%s alerts)\n" "$b" "$alerts"
printf "ratio rules/no-rules: %.2f\n" "$(echo "$b / $a" | bc -l)"
if command -v sysdig >/dev/null; then
  c=$(best sysdig -r "$CAP" -q)
  printf "sysdig -r -q    : %.4f s\n" "$c"
  printf "ratio saker-rules/sysdig: %.2f\n" "$(echo "$b / $c" | bc -l)"
fi
