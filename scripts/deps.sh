#!/usr/bin/env bash
# Installs the Debian 12 packages saker needs, only those that are missing.
set -euo pipefail

PKGS=(
  build-essential cmake pkg-config
  libuv1-dev libjansson-dev libyaml-dev libcurl4-openssl-dev libpcre2-dev
  libmicrohttpd-dev libssl-dev
  libbpf-dev libelf-dev zlib1g-dev clang llvm bpftool
  python3 openssl curl sysdig iproute2 util-linux procps bc stress-ng
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "deps: all ${#PKGS[@]} packages present"
  exit 0
fi

echo "deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
