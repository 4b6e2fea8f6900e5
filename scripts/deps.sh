#!/usr/bin/env bash
# Installs the Debian 12 packages saker needs, only those that are missing.
set -euo pipefail

PKGS=(
  build-essential g++ cmake pkg-config dpkg-dev binutils
  libuv1-dev libjansson-dev libyaml-dev libcurl4-openssl-dev libpcre2-dev
  libmicrohttpd-dev libgnutls28-dev libssl-dev
  libbpf-dev libelf-dev zlib1g-dev clang llvm bpftool
  libclang-rt-14-dev
  python3 openssl curl sysdig iproute2 util-linux procps bc stress-ng
  podman runc busybox-static
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if [ "${#missing[@]}" -eq 0 ]; then
  echo "deps: all ${#PKGS[@]} packages present"
else
  echo "deps: installing ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Test servers from npm, into a fixed folder the tests know
# (SAKER_TEST_NODE_MODULES overrides it): s3rver, a real S3-compatible
# server for the cloudtrail S3 tests. Node itself comes from Debian
# (nodejs, npm) unless some node is installed already.
NPM_PREFIX=${SAKER_TEST_NPM_PREFIX:-/opt/saker-test}
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "deps: installing nodejs npm"
  [ "${#missing[@]}" -ne 0 ] || $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends nodejs npm
fi
if [ ! -e "$NPM_PREFIX/node_modules/s3rver/package.json" ]; then
  echo "deps: npm install s3rver@3.7.1 into $NPM_PREFIX"
  $SUDO mkdir -p "$NPM_PREFIX"
  $SUDO npm install --prefix "$NPM_PREFIX" --no-audit --no-fund --loglevel=error s3rver@3.7.1
fi
