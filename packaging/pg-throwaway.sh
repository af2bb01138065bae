#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 and a free port, for the tests and the benchmarks.
#   pg-throwaway.sh start DIR   creates and starts it; prints the superuser's postgresql:// address
#   pg-throwaway.sh stop DIR    stops it and removes DIR
# Options to the server can be added in IPDESK_PG_OPTIONS (the tests pass fsync=off).
set -euo pipefail
cmd="${1:?start|stop}"; dir="${2:?directory}"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bindir/pg_ctl" ] || { echo "PostgreSQL server is not installed (bash packaging/deps.sh)" >&2; exit 1; }

# The server refuses to run as root: run it as the postgres account the Debian package creates.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  password="throwaway-$RANDOM$RANDOM"
  pwfile="$(mktemp)"; echo "$password" >"$pwfile"; chmod 644 "$pwfile"
  as_owner "$bindir/initdb" -D "$dir/data" -U ipdesk_owner --pwfile="$pwfile" -A scram-sha-256 -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$pwfile"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 ${IPDESK_PG_OPTIONS:-}" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgresql://ipdesk_owner:$password@127.0.0.1:$port/postgres"
  ;;
stop)
  [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
