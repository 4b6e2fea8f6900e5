#!/bin/sh
# run_compare.sh DUMP PLUGIN UPSTREAM_DEFAULT [compare options]
dump=$1; plugin=$2; def=$3; shift 3
up=${SAKER_UPSTREAM:-$def}
if [ ! -d "$up/captures" ]; then
  echo "SKIP: upstream captures not found at $up/captures (set SAKER_UPSTREAM)"
  exit 77
fi
exec python3 "$(dirname "$0")/compare_sysdig.py" "$dump" "$plugin" "$up/captures" "$@"
