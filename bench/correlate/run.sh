#!/usr/bin/env bash
# Correlation cost per event: saker runs the corrsrc source (1% of events
# match a correlation step) with 20 rules, then with the same 20 rules plus
# 20 correlations (5 of each kind); runs alternate, best of 5 each, in the
# same invocation. Prints CPU ns/event for both and the ratio (target <= 1.10).
# Usage: bench/correlate/run.sh [build-dir] [events]   (default 20M: event time
# spans twice the 10 s windows, so the state reaches its steady size)
set -euo pipefail
BUILD=${1:-build}
N=${2:-20000000}
SAKER=$BUILD/engine/cli/saker
PLUGIN=$BUILD/bench/correlate/libcorrsrc.so
for f in "$SAKER" "$PLUGIN"; do
  [ -e "$f" ] || { echo "missing $f: build first (cmake --build $BUILD)"; exit 2; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/saker.yaml" <<YAML
plugins:
  - name: corrsrc
    library_path: $(realpath "$PLUGIN")
    open_params: "$N"
load_plugins: [corrsrc]
stdout_output:
  enabled: false
syslog_output:
  enabled: false
webserver:
  enabled: false
correlation:
  max_keys_per_correlation: 100000
YAML
# 20 ordinary rules (what a deployment evaluates anyway); none matches.
{
  for i in $(seq 0 19); do
    cat <<R
- rule: bench rule $i
  desc: bench
  condition: cb.kind = r$i and cb.user != root and not cb.ip startswith 192.168.
  output: "rule $i %cb.user %cb.ip"
  priority: WARNING
  source: corrbench
R
  done
} > "$tmp/rules.yaml"
# 20 correlations: steps on k00..k19 (1% of events match one of them).
{
  cat "$tmp/rules.yaml"
  for i in 0 1 2 3 4; do
    a=$(printf 'k%02d' $((i * 4))); b=$(printf 'k%02d' $((i * 4 + 1)))
    c=$(printf 'k%02d' $((i * 4 + 2))); d=$(printf 'k%02d' $((i * 4 + 3)))
    cat <<C
- correlation: bench sequence $i
  kind: sequence
  within: 10s
  steps:
    - {condition: cb.kind = $a, source: corrbench, by: cb.user}
    - {condition: cb.kind = $b, source: corrbench, by: cb.user}
  output: "seq %key[0] %steps[1].cb.ip"
  priority: WARNING
- correlation: bench all $i
  kind: all
  within: 10s
  steps:
    - {condition: cb.kind = $b, source: corrbench, by: cb.user}
    - {condition: cb.kind = $c, source: corrbench, by: cb.user}
  output: "all %key[0]"
  priority: WARNING
- correlation: bench count $i
  kind: count
  threshold: 5
  within: 10s
  steps:
    - {condition: cb.kind = $c, source: corrbench, by: cb.user}
  output: "count %key[0]"
  priority: WARNING
- correlation: bench distinct $i
  kind: distinct
  field: cb.ip
  threshold: 3
  within: 10s
  steps:
    - {condition: cb.kind = $d, source: corrbench, by: cb.user}
  output: "distinct %key[0]"
  priority: WARNING
C
  done
} > "$tmp/corr.yaml"
"$SAKER" -c "$tmp/saker.yaml" -V "$tmp/corr.yaml" | tail -1

# CPU time (user + system, every thread: workers and the loop) of each
# run: on a shared machine it is far steadier than wall time.
cpu() { # rules file [events] -> seconds of CPU (bash's `times`: the children's user, system)
  (
    "$SAKER" -c "$tmp/saker.yaml" -r "$1" -o "plugins[0].open_params=${2:-$N}" \
      >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
    times
  ) | awk 'NR == 2 { n = split($0, t, " "); s = 0
    for (i = 1; i <= n; i++) { split(t[i], p, "m"); sub("s", "", p[2]); s += p[1] * 60 + p[2] }
    print s }'
}
# start-up and shutdown, measured with tiny runs and subtracted
start_base=$(cpu "$tmp/rules.yaml" 1000)
start_corr=$(cpu "$tmp/corr.yaml" 1000)
best_base=999999; best_corr=999999
for i in 1 2 3 4 5; do
  b=$(cpu "$tmp/rules.yaml"); c=$(cpu "$tmp/corr.yaml")
  (( $(echo "$b < $best_base" | bc -l) )) && best_base=$b
  (( $(echo "$c < $best_corr" | bc -l) )) && best_corr=$c
done
ns_base=$(echo "($best_base - $start_base) * 1000000000 / $N" | bc -l)
ns_corr=$(echo "($best_corr - $start_corr) * 1000000000 / $N" | bc -l)
ratio=$(echo "$ns_corr / $ns_base" | bc -l)
printf 'events:                     %d per run (best of 5 CPU times), 1%% match a step\n' "$N"
printf '20 rules:                   %.1f ns/event\n' "$ns_base"
printf '20 rules + 20 correlations: %.1f ns/event\n' "$ns_corr"
printf 'ratio:                      %.3f (correlation adds %.1f ns/event)\n' "$ratio" \
  "$(echo "$ns_corr - $ns_base" | bc -l)"
if (( $(echo "$ratio <= 1.10" | bc -l) )); then
  echo "target <= 1.10: MET"
else
  echo "target <= 1.10: NOT MET"
fi
