#!/usr/bin/env bash
# bench/tables/run.sh [build] [events] [threads]: reading three threads fields
# per event through the host's table vtables vs directly (ratio, same run).
set -euo pipefail
build=${1:-build}
exec "$build/bench/tables/bench_tables" "${2:-20000000}" "${3:-2000}"
