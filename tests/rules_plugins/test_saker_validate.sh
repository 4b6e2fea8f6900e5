#!/usr/bin/env bash
# Acceptance through the real binary: `saker -c <cfg> -V <files>` with the
# test plugins (syscall, container, cloudtrail, okta, github, json, k8saudit)
# validates every upstream rules file (each alone, and the three syscall
# files together in order) with no error and no rule skipped for an
# unknown source.
# usage: test_saker_validate.sh <saker> <plugin.so>...   (exit 77: no upstream files)
set -euo pipefail
SAKER=$1
shift
UP=${SAKER_UPSTREAM:-}
[ -n "$UP" ] && [ -e "$UP/rules/falco_rules.yaml" ] || {
  echo "SKIP: upstream rules not found (SAKER_UPSTREAM=$UP)"; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
{
  echo "plugins:"
  names=()
  for p in "$@"; do
    # "real.so|fallback.so": the first that exists
    so=${p%%|*}
    [ -e "$so" ] || so=${p##*|}
    n=$(basename "$so" .so); n=${n#lib}; n=${n#rtp_}
    echo "  - name: $n"
    echo "    library_path: $so"
    names+=("$n")
  done
  echo "load_plugins: [$(IFS=,; echo "${names[*]}")]"
} >"$TMP/saker.yaml"
fail=0
run() {
  local args=() f
  for f in "$@"; do args+=(-V "$UP/rules/$f"); done
  if ! timeout 60 "$SAKER" -c "$TMP/saker.yaml" "${args[@]}" >"$TMP/out" 2>&1; then
    echo "FAIL $*: saker exited non-zero"; sed 's/^/  /' "$TMP/out" | head -20; fail=1; return
  fi
  if grep -q "error:" "$TMP/out" || grep -q "LOAD_UNKNOWN_SOURCE" "$TMP/out"; then
    echo "FAIL $*: errors or skipped rules"; grep -E "error:|LOAD_UNKNOWN_SOURCE" "$TMP/out" | head; fail=1; return
  fi
  for f in "$@"; do
    grep -q "rules/$f: Ok" "$TMP/out" || { echo "FAIL $f: no Ok line"; fail=1; return; }
  done
  echo "ok   $* ($(grep -c 'warning:' "$TMP/out" || true) warnings)"
}
run falco_rules.yaml
run falco-incubating_rules.yaml
run falco-sandbox_rules.yaml
run falco_rules.yaml falco-incubating_rules.yaml falco-sandbox_rules.yaml
run k8s_audit_rules.yaml
run aws_cloudtrail_rules.yaml
run okta_rules.yaml
run github.yaml
exit $fail
