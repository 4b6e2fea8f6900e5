#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time over a scratch copy of its
# seed corpus (the committed corpus is never modified), with the dictionary
# <seed dir>.dict when there is one.
# usage: run_fuzz.sh <fuzz binary> <seed corpus dir>
# SAKER_FUZZ_SECONDS (default 20): time budget; SAKER_FUZZ_ARGS: extra
# libFuzzer flags. A crash, leak, timeout or out-of-memory fails the test,
# and the input that caused it is printed (base64) and kept in
# $SAKER_FUZZ_ARTIFACTS (default: a folder under the build tree).
set -euo pipefail
BIN=$1
SEEDS=$2
SECS=${SAKER_FUZZ_SECONDS:-20}
NAME=$(basename "$BIN")
ART=${SAKER_FUZZ_ARTIFACTS:-$(dirname "$BIN")/artifacts/$NAME}
mkdir -p "$ART"
rm -f "$ART"/*
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# -timeout: one input taking this long is a hang; -rss_limit_mb: one input
# growing the process past this is an expansion bomb.
DICT=()
[ -f "$SEEDS.dict" ] && DICT=(-dict="$SEEDS.dict")
set +e
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
  "$BIN" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=1024 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$ART/" "${DICT[@]}" ${SAKER_FUZZ_ARGS:-} "$WORK" "$SEEDS" \
  >"$WORK/log" 2>&1
rc=$?
set -e
grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::new_units_added)" "$WORK/log" || true
if [ $rc -ne 0 ]; then
  echo "FAIL $NAME: libFuzzer exited $rc"
  grep -vE "^#[0-9]+ +(NEW|REDUCE|pulse|INITED)" "$WORK/log" | tail -60
  for f in "$ART"/*; do
    [ -f "$f" ] || continue
    echo "input $f (base64):"; base64 -w0 "$f" | head -c 4000; echo
  done
  exit 1
fi
echo "ok   $NAME: ran ${SECS}s with no crash"
