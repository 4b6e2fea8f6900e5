#!/usr/bin/env bash
# CloudTrail records/s through the upstream rules vs decompress + split alone.
# Usage: bench/cloudtrail/run.sh [build-dir] [records]
set -euo pipefail
exec python3 "$(dirname "$0")/bench.py" --build "${1:-build}" --records "${2:-300000}"
