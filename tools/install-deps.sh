#!/usr/bin/env bash
# Installs the Debian 12 packages dyad needs to build, test and run.
# Safe to rerun: it only calls apt-get when something is missing.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config ccache
  libicu-dev libzstd-dev zlib1g-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libsqlite3-dev libgumbo-dev libpq-dev postgresql libgtest-dev libgmock-dev libbenchmark-dev iso-codes python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
else
  echo "install-deps: all packages present"
fi
