#!/usr/bin/env bash
# Host overhead per event: saker pulls pre-built events from the benchsrc
# plugin through one worker with zero rules, versus a loop that only
# touches the same events in memory (bench_touch_baseline), same run.
# Usage: bench/host/run.sh [build-dir] [events]
set -euo pipefail
BUILD=${1:-build}
N=${2:-50000000}
SAKER=$BUILD/engine/cli/saker
PLUGIN=$BUILD/bench/host/libbenchsrc.so
BASE=$BUILD/bench/host/bench_touch_baseline
for f in "$SAKER" "$PLUGIN" "$BASE"; do
  [ -e "$f" ] || { echo "missing $f: build first (cmake --build $BUILD)"; exit 2; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
: > "$tmp/empty.yaml"
cat > "$tmp/saker.yaml" <<YAML
plugins:
  - name: benchsrc
    library_path: $(realpath "$PLUGIN")
    open_params: "$N"
load_plugins: [benchsrc]
stdout_output:
  enabled: false
webserver:
  enabled: false
YAML

now() { date +%s.%N; }
# Startup/shutdown cost, measured with a tiny run and subtracted.
t0=$(now); "$SAKER" -c "$tmp/saker.yaml" -r "$tmp/empty.yaml" -o "plugins[0].open_params=1000" >/dev/null 2>&1; t1=$(now)
startup=$(echo "$t1 - $t0" | bc -l)

best_saker=0
for i in 1 2 3; do
  t0=$(now); "$SAKER" -c "$tmp/saker.yaml" -r "$tmp/empty.yaml" >/dev/null 2>"$tmp/err"; t1=$(now)
  el=$(echo "$t1 - $t0 - $startup" | bc -l)
  rate=$(echo "$N / $el" | bc -l)
  if (( $(echo "$rate > $best_saker" | bc -l) )); then best_saker=$rate; fi
done

best_base=0
for i in 1 2 3; do
  read -r n secs _ < <("$BASE" "$PLUGIN" "$N")
  rate=$(echo "$n / $secs" | bc -l)
  if (( $(echo "$rate > $best_base" | bc -l) )); then best_base=$rate; fi
done

ns_saker=$(echo "1000000000 / $best_saker" | bc -l)
ns_base=$(echo "1000000000 / $best_base" | bc -l)
printf 'events:                %d (best of 3)\n' "$N"
printf 'saker (0 rules):       %.2f M events/s  %.1f ns/event\n' "$(echo "$best_saker/1000000" | bc -l)" "$ns_saker"
printf 'touch-only baseline:   %.2f M events/s  %.1f ns/event\n' "$(echo "$best_base/1000000" | bc -l)" "$ns_base"
printf 'ratio saker/baseline:  %.4f   host overhead: %.1f ns/event\n' "$(echo "$best_saker/$best_base" | bc -l)" "$(echo "$ns_saker-$ns_base" | bc -l)"
if (( $(echo "$best_saker >= 5000000" | bc -l) )); then
  echo "target >= 5 M events/s through one worker: MET"
else
  echo "target >= 5 M events/s through one worker: NOT MET"
fi
