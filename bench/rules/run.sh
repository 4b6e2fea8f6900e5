#!/usr/bin/env bash
# Rule evaluation cost: the upstream syscall rules compiled by saker and
# evaluated on a synthetic event mix, versus a no-rule pass (an empty
# ruleset through the same evaluation path) in the same run.
# Usage: bench/rules/run.sh [build-dir] [events] [rules.yaml ...]
set -euo pipefail
BUILD=${1:-build}
N=${2:-2000000}
shift $(( $# > 2 ? 2 : $# ))
BIN=$BUILD/bench/rules/bench_rules
[ -x "$BIN" ] || { echo "missing $BIN: build first (cmake --build $BUILD --target bench_rules)"; exit 2; }
UP=${SAKER_UPSTREAM:-$(dirname "$0")/../../../shared/upstream}
args=()
if [ $# -eq 0 ]; then
  for f in falco_rules.yaml falco-incubating_rules.yaml falco-sandbox_rules.yaml; do
    [ -e "$UP/rules/$f" ] || { echo "SKIP: $UP/rules/$f not found (set SAKER_UPSTREAM)"; exit 77; }
  done
  echo "== stable rules"
  "$BIN" -n "$N" -r "$UP/rules/falco_rules.yaml"
  echo "== stable + incubating + sandbox"
  exec "$BIN" -n "$N" -r "$UP/rules/falco_rules.yaml" -r "$UP/rules/falco-incubating_rules.yaml" \
    -r "$UP/rules/falco-sandbox_rules.yaml"
fi
for f in "$@"; do args+=(-r "$f"); done
exec "$BIN" -n "$N" "${args[@]}"
