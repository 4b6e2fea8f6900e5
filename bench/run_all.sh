#!/usr/bin/env bash
# Runs every benchmark of bench/ (bench/README.md describes each) one after
# the other, with its default sizes, and prints a summary: status, wall time
# and the lines of its output that carry a ratio or a target verdict.
#
# Usage: bench/run_all.sh [build-dir] [name ...]
#   build-dir  a configured and built tree (default: build); build it first,
#              e.g. cmake -S . -B build -DCMAKE_BUILD_TYPE=Release &&
#              cmake --build build -j2
#   name       only these benchmarks (folder names under bench/)
# Environment: SAKER_UPSTREAM (default <repo>/../shared/upstream),
#   BENCH_LOGS (folder for the full outputs; default: a new temporary folder).
# Exit: 0 when every benchmark ran (skipped ones included), 1 otherwise.
# Benchmarks time a loaded machine badly: run them on a quiet one.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
arg=${1:-build}
shift $(( $# > 0 ? 1 : 0 ))
build=$(cd "$arg" 2>/dev/null && pwd) || { echo "run_all.sh: no build folder '$arg'" >&2; exit 2; }
export SAKER_UPSTREAM=${SAKER_UPSTREAM:-$(cd "$repo/.." && pwd)/shared/upstream}
up=$SAKER_UPSTREAM
logs=${BENCH_LOGS:-$(mktemp -d /tmp/saker-bench-all-XXXXXX)}
mkdir -p "$logs"

# name -> command (run from the repository root). Every folder of bench/
# must have a row: a new benchmark without one is reported, not skipped
# silently.
cmd_for() {
  case $1 in
    host|rules_load|rules|cloudtrail|correlate|tables) echo "bash bench/$1/run.sh $build" ;;
    rules_eval) echo "bash bench/rules_eval/run.sh $build" ;;
    syscall) echo "bash bench/syscall/run.sh" ;;  # needs root; skips (77) without
    k8saudit) echo "python3 bench/k8saudit/bench.py --saker $build/engine/cli/saker \
--k8saudit $build/plugins/k8saudit/libk8saudit.so --json $build/plugins/json/libjson.so \
--rules $up/rules/k8s_audit_rules.yaml" ;;
    okta) echo "python3 bench/okta/bench.py --saker $build/engine/cli/saker \
--okta $build/plugins/okta/libokta.so --jsonparse $build/bench/okta/okta_jsonparse \
--rules $up/rules/okta_rules.yaml" ;;
    github) echo "python3 bench/github/bench.py --saker $build/engine/cli/saker \
--plugin $build/plugins/github/libgithub.so --noverify $build/bench/github/libgithub_noverify.so \
--ghload $build/bench/github/ghload --rules $up/rules/github.yaml --fixtures $up/fixtures/github" ;;
    *) return 1 ;;
  esac
}

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for d in "$here"/*/; do names+=("$(basename "$d")"); done
fi

summary=()
failed=0
for n in "${names[@]}"; do
  log=$logs/$n.log
  if ! cmd=$(cmd_for "$n"); then
    summary+=("$(printf '%-11s %-8s %6s  %s' "$n" "UNKNOWN" "-" "no command in bench/run_all.sh")")
    failed=1
    continue
  fi
  echo "== $n: $cmd"
  t0=$(date +%s)
  (cd "$repo" && eval "$cmd") 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  secs=$(( $(date +%s) - t0 ))
  case $rc in
    0) status=ok ;;
    77) status=skipped ;;
    *) status="rc=$rc"; failed=1 ;;
  esac
  # the verdict lines: ratios, targets, baselines (each bench prints its own)
  key=$(grep -iE 'ratio|target|x sysdig|baseline' "$log" | tail -n 3 | sed 's/^ *//' | paste -sd'|' -)
  [ "$status" = skipped ] && key=$(tail -n 1 "$log")
  summary+=("$(printf '%-11s %-8s %5ss  %s' "$n" "$status" "$secs" "$key")")
done

echo
echo "== summary (full outputs in $logs)"
printf '%-11s %-8s %6s  %s\n' bench status time "result lines"
for l in "${summary[@]}"; do echo "$l"; done
exit $failed
