#!/usr/bin/env bash
# Installs what is missing, builds saker, and runs its main job: live
# syscall monitoring with saker's own rules (needs root for eBPF).
# Extra arguments go to saker, e.g. `bash scripts/run.sh -M 60`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
exec $SUDO ./build/engine/cli/saker -c saker.yaml "$@"
