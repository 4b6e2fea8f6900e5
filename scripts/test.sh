#!/usr/bin/env bash
# Builds saker twice (warnings as errors; then ASan+UBSan) and runs the whole
# test suite on each, then builds the libFuzzer targets with clang and runs
# each for a bounded time. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh

jobs=$(nproc 2>/dev/null || echo 2)
: "${SAKER_UPSTREAM:=$(pwd)/../shared/upstream}"
export SAKER_UPSTREAM

# ccache, when installed, makes the second and later runs on a machine fast.
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

run_suite() {
  local dir=$1; shift
  cmake -S . -B "$dir" -DSAKER_WERROR=ON "${launcher[@]}" "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  (cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 300)
}

echo "== build + tests (release, -Werror) =="
run_suite build
echo "== build + tests (ASan + UBSan) =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite build-asan -DSAKER_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
# libFuzzer targets (tests/fuzz), built with clang, each run for a bounded
# time over its committed seed corpus (SAKER_FUZZ_SECONDS, default 20).
echo "== fuzz targets (clang libFuzzer + ASan + UBSan, bounded) =="
CC=clang cmake -S . -B build-fuzz -DSAKER_WERROR=ON "${launcher[@]}" -DSAKER_FUZZ=ON -DSAKER_BPF=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target fuzz_targets
(cd build-fuzz && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest -L fuzz --output-on-failure -j "$jobs" --timeout 600)
