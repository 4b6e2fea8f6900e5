#!/bin/sh
# The upstream syscall rules (stable, incubating, sandbox) validate with 0
# errors with the syscall, container and json plugins; --list-plugins shows
# the container plugin and its version.
# usage: test_rules_load.sh SAKER LIBSYSCALL LIBCONTAINER LIBJSON UPSTREAM_DEFAULT
set -u
saker=$1 sys=$2 ctr=$3 json=$4
up=${SAKER_UPSTREAM:-$5}
rules=$up/rules
for f in falco_rules.yaml falco-incubating_rules.yaml falco-sandbox_rules.yaml; do
	if [ ! -f "$rules/$f" ]; then
		echo "SKIP: upstream rules not found ($rules/$f); set SAKER_UPSTREAM"
		exit 77
	fi
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/saker.yaml" <<EOC
plugins:
  - name: syscall
    library_path: $sys
    init_config: ""
  - name: container
    library_path: $ctr
    init_config: {engines: {docker: {sockets: [$tmp/none.sock]}}}
  - name: json
    library_path: $json
    init_config: ""
load_plugins: [syscall, container, json]
EOC
fail=0
out=$(timeout 120 "$saker" -c "$tmp/saker.yaml" -V "$rules/falco_rules.yaml" \
	-V "$rules/falco-incubating_rules.yaml" -V "$rules/falco-sandbox_rules.yaml" 2>&1)
rc=$?
echo "$out"
[ $rc -eq 0 ] || { echo "FAIL: -V exit status $rc"; fail=1; }
n=$(echo "$out" | grep -c ': Ok$')
[ "$n" -eq 3 ] || { echo "FAIL: expected 3 files Ok, got $n"; fail=1; }
if echo "$out" | grep -qi 'error'; then echo "FAIL: errors reported"; fail=1; fi
out=$(timeout 60 "$saker" -c "$tmp/saker.yaml" --list-plugins 2>&1)
echo "$out" | grep -A4 'Name: container'
echo "$out" | grep -q 'Name: container' || { echo "FAIL: container not listed"; fail=1; }
ver=$(echo "$out" | sed -n '/Name: container/,/Version:/s/^Version: //p' | head -1)
case "$ver" in
	0.[4-9].*|0.[1-9][0-9]*.*) ;;
	*) echo "FAIL: container version '$ver' is not >= 0.4.0"; fail=1 ;;
esac
[ $fail -eq 0 ] && echo "rules load with the container plugin: ok"
exit $fail
