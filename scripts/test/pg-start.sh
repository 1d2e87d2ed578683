#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:$PGPORT (data in $PG_DATA_DIR) from Debian's package,
# creates the database "bookstore" and prints its URL. Safe to run when it is already running.
set -euo pipefail
PGPORT=${PGPORT:-54329}
PG_DATA_DIR=$(realpath -m "${PG_DATA_DIR:-.data/postgres}")
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$BIN" ]; then
  echo "PostgreSQL is not installed: run scripts/test/system-deps.sh (apt-get install postgresql)." >&2
  exit 1
fi
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u postgres --); fi
# PG_OWN_PORT=1 (the e2e outage store, whose spec stops and starts this data directory's server):
# a server on the port from another data directory (an earlier checkout's run left it) is stopped.
if [ "${PG_OWN_PORT:-0}" = 1 ] && "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
  OTHER_DIR=$("$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SHOW data_directory")
  if [ "$(realpath -m "$OTHER_DIR")" != "$PG_DATA_DIR" ]; then
    echo "pg-start: stopping the PostgreSQL of $OTHER_DIR on port $PGPORT" >&2
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$OTHER_DIR" -w -t 60 -m fast stop >/dev/null
  fi
fi
# A server already answering on the port (another checkout's) is used as it is.
if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
  "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='bookstore'" | grep -q 1 ||
    "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres bookstore
  echo "postgresql://postgres@127.0.0.1:$PGPORT/bookstore"
  exit 0
fi
if [ ! -s "$PG_DATA_DIR/PG_VERSION" ]; then
  mkdir -p "$PG_DATA_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DATA_DIR"; fi
  "${RUN_AS[@]}" "$BIN/initdb" -D "$PG_DATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
# The parent folders must be traversable by the postgres user.
if [ "$(id -u)" = 0 ]; then chmod o+x "$(dirname "$PG_DATA_DIR")" 2>/dev/null || true; fi
if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$PG_DATA_DIR" status >/dev/null 2>&1; then
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$PG_DATA_DIR" -l "$PG_DATA_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c max_connections=200 -c shared_buffers=512MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
fi
"$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='bookstore'" | grep -q 1 ||
  "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres bookstore
echo "postgresql://postgres@127.0.0.1:$PGPORT/bookstore"
