#!/usr/bin/env bash
# The README's test command: configure, build and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
# The PostgreSQL store tests run against a throwaway server when Debian's
# postgresql is installed (otherwise they skip and say so).
if [[ -z "${DYAD_TEST_PG_URL:-}" ]] && compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  DYAD_TEST_PG_URL=$(bash tools/pg_test_server.sh start)
  export DYAD_TEST_PG_URL
  trap 'bash tools/pg_test_server.sh stop "$DYAD_TEST_PG_URL"' EXIT
fi
ctest --test-dir build --output-on-failure -j2
