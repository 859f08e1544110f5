#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests and print its SQLAlchemy URL on the last line.
#   scripts/postgres.sh            -> postgresql+psycopg://postgres@/postgres?host=/tmp/newsprism-pg.XXXX&port=PORT
#   scripts/postgres.sh stop DIR   -> stop the server started in DIR
# Installs Debian's postgresql package when no server binaries are found. The server listens on a Unix
# socket in its own temporary directory only, trusts local connections, and runs as the postgres user
# when started by root (PostgreSQL refuses to run as root).
set -euo pipefail

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [[ "${1:-}" == "stop" ]]; then
  run_as=(); [[ $(id -u) == 0 ]] && run_as=(runuser -u postgres --)
  "${run_as[@]}" "$(bindir)/pg_ctl" -D "$2/data" -m immediate stop >/dev/null
  exit 0
fi

if [[ -z "$(bindir)" ]]; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN=$(bindir)
DIR=$(mktemp -d /tmp/newsprism-pg.XXXXXX)
PORT=$((20000 + RANDOM % 20000))
run_as=()
if [[ $(id -u) == 0 ]]; then
  chown postgres "$DIR"
  run_as=(runuser -u postgres --)
fi
"${run_as[@]}" "$BIN/initdb" -D "$DIR/data" -A trust -U postgres >"$DIR/initdb.log" 2>&1
"${run_as[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-k $DIR -p $PORT -c listen_addresses='' -c fsync=off" start >/dev/null
echo "postgresql+psycopg://postgres@/postgres?host=$DIR&port=$PORT"
