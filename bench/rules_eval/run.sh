#!/usr/bin/env bash
# run.sh [build-dir] - issue-6 rule evaluation benchmark: builds saker and the
# plugins in build-dir, generates the large capture there, and prints the
# side-by-side table (saker with rules / saker no-rule / sysdig). See README.md.
# Environment: SAKER_UPSTREAM (default <repo>/../shared/upstream), COPIES (800),
# RUNS (5), CAPTURE (libs_curl_google.scap).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${1:-$repo/build-rbench}
upstream=${SAKER_UPSTREAM:-$repo/../shared/upstream}

for t in sysdig python3 cmake; do
	command -v "$t" >/dev/null || { echo "run.sh: '$t' not found" >&2; exit 1; }
done
[ -d "$upstream/rules" ] && [ -d "$upstream/captures" ] ||
	{ echo "run.sh: upstream files not found in $upstream (set SAKER_UPSTREAM)" >&2; exit 1; }

if [ ! -f "$build/CMakeCache.txt" ]; then
	cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSAKER_WERROR=ON >/dev/null
fi
# the real container plugin when it builds, else the rules test plugin that
# declares the same fields (tests/rules_plugins)
cmake --build "$build" -j"$(nproc)" --target saker syscall sk_yaml2json >/dev/null
export SAKER_YAML2JSON=$build/bench/rules_eval/sk_yaml2json
if cmake --build "$build" -j"$(nproc)" --target container >/dev/null 2>&1; then
	container=$build/plugins/container/libcontainer.so
else
	cmake --build "$build" -j"$(nproc)" --target rtp_container >/dev/null
	container=$build/tests/rules_plugins/librtp_container.so
	echo "run.sh: real container plugin not built; using the test plugin $container" >&2
fi

btype=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
echo "build: $build (CMAKE_BUILD_TYPE=${btype:-<none>}); sysdig: $(sysdig --version 2>/dev/null); $(nproc) CPUs, load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$btype" = Release ] || [ "$btype" = RelWithDebInfo ] ||
	echo "run.sh: warning: $build is not an optimised build; saker's figures will be pessimistic" >&2
exec python3 "$here/bench.py" --saker "$build/engine/cli/saker" \
	--syscall-plugin "$build/plugins/syscall/libsyscall.so" --container-plugin "$container" \
	--upstream "$upstream" --workdir "$build/rules_eval" --copies "${COPIES:-800}" \
	--runs "${RUNS:-5}" --capture "${CAPTURE:-libs_curl_google.scap}"
