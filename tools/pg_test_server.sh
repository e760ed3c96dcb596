#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests.
#
#   URL=$(tools/pg_test_server.sh start)   # prints postgresql:///postgres?host=DIR&port=5432&user=...
#   tools/pg_test_server.sh stop "$URL"     # stops it and deletes DIR
#
# The cluster lives in a fresh temp dir and listens only on a unix socket in
# that dir (no TCP port, nothing another user or test run can collide with).
# Durability is off (fsync, synchronous_commit): the data is thrown away.
# As root, the server runs as the `postgres` user (PostgreSQL refuses root),
# which owns the dir. Needs Debian's postgresql (/usr/lib/postgresql/*/bin).
set -euo pipefail

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$d" || ! -x "$d/initdb" ]]; then
    echo "pg_test_server: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
    exit 2
  fi
  echo "$d"
}

as_owner() {  # runs "$@" as the cluster's owner
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin dir user
  bin=$(pg_bin)
  dir=$(mktemp -d /tmp/dyad_pg.XXXXXX)
  user=$(id -un)
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
    user=postgres
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" -A trust --no-sync -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
    -o "-c listen_addresses='' -k $dir -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgresql:///postgres?host=$dir&port=5432&user=$user"
}

stop() {
  local url="${1:-}" dir bin
  dir=$(sed -n 's/.*[?&]host=\([^&]*\).*/\1/p' <<<"$url")
  if [[ -z "$dir" || "$dir" != /tmp/dyad_pg.* || ! -d "$dir" ]]; then
    echo "pg_test_server: stop needs the URL printed by start (got '$url')" >&2
    exit 2
  fi
  bin=$(pg_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop URL" >&2; exit 2 ;;
esac
