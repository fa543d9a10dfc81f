#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the test suites.
#   tests/pg_cluster.sh start DIR   initdb + start on a free loopback port; prints the URL
#   tests/pg_cluster.sh stop DIR    stop the server and remove DIR
#   tests/pg_cluster.sh halt DIR    stop the server, keep DIR (a database "going away")
#   tests/pg_cluster.sh resume DIR  start it again on the same port
# initdb refuses to run as root, so the cluster belongs to the "postgres" user
# (TOOLCHAIN.md). pg_ctl daemonizes the server so it outlives this script.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
die() { echo "pg_cluster.sh: $*" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local dir=$1
  [ -x "$PGBIN/initdb" ] || die "PostgreSQL 15 server binaries not found in $PGBIN (run scripts/bootstrap)"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "the postgres user does not exist (install the postgresql package)"
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  # The server must reach its data directory and socket directory as postgres: make the
  # parents traversable (never readable) and hand DIR over.
  local p=$dir
  while [ "$p" != / ]; do
    p=$(dirname "$p")
    [ "$(id -u)" = 0 ] && chmod o+x "$p" 2>/dev/null || true
  done
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  (cd "$dir" && as_postgres "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
      --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1) || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  (cd "$dir" && as_postgres "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
      -o "$(server_options "$port" "$dir")" \
      start >/dev/null) || { cat "$dir/log" >&2 || true; die "the server did not start"; }
  for _ in $(seq 1 50); do
    if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
      echo "$port" >"$dir/port"
      echo "postgresql://postgres@127.0.0.1:$port/postgres"
      return 0
    fi
    sleep 0.1
  done
  die "the server on port $port did not become ready (log: $dir/log)"
}

server_options() {
  echo "-p $1 -k $2 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
}

halt() {
  local dir
  dir=$(cd "$1" && pwd)
  (cd "$dir" && as_postgres "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null)
}

resume() {
  local dir port
  dir=$(cd "$1" && pwd)
  port=$(cat "$dir/port")
  (cd "$dir" && as_postgres "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
      -o "$(server_options "$port" "$dir")" start >/dev/null) || die "the server did not restart (log: $dir/log)"
}

stop() {
  local dir=$1
  [ -d "$dir" ] || return 0
  dir=$(cd "$dir" && pwd)
  if [ -f "$dir/data/postmaster.pid" ]; then
    (cd "$dir" && as_postgres "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null) \
      || echo "pg_cluster.sh: pg_ctl stop failed; removing $dir anyway" >&2
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: $0 start DIR"; start "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
  halt) [ $# -eq 2 ] || die "usage: $0 halt DIR"; halt "$2" ;;
  resume) [ $# -eq 2 ] || die "usage: $0 resume DIR"; resume "$2" ;;
  *) die "usage: $0 start|stop|halt|resume DIR" ;;
esac
