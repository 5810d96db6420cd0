#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: `make test-postgres` runs the test
# suite through it.
#
#   .ci/with-postgres.sh COMMAND [ARG...]
#
# Starts a new cluster (Debian's PostgreSQL, 15 on bookworm) in a temporary directory,
# listening on 127.0.0.1 only, on a free port; creates the role `archive` (allowed to create
# the test database) and the database `archive`; runs COMMAND with
# DATABASE_URL=postgres://archive:…@127.0.0.1:PORT/archive; then stops the cluster and
# deletes the directory, also when COMMAND fails or the script is interrupted. The exit status
# is COMMAND's.
#
# PostgreSQL missing: as root, it is installed with apt-get; otherwise the script says so and
# exits 0 without running COMMAND (the SQLite run already happened), except under CI=true,
# where a skipped database is a failure (exit 1).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi

pg_bindir() {
  # Debian installs the server programs per major version; take the newest.
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

BIN=$(pg_bindir || true)
if [ -z "$BIN" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "PostgreSQL is missing: installing Debian's postgresql package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    BIN=$(pg_bindir || true)
  fi
fi
if [ -z "$BIN" ]; then
  if [ "${CI:-}" = true ]; then
    echo "ERROR: PostgreSQL is not installed and this is not root: cannot run the tests on PostgreSQL (CI=true)." >&2
    exit 1
  fi
  echo "=================================================================================="
  echo "PostgreSQL is NOT installed and installing it needs root: the suite ran on SQLite"
  echo "only. Install Debian's postgresql package (or run make test as root) to test both."
  echo "=================================================================================="
  exit 0
fi

# initdb refuses to run as root: root runs the cluster as the postgres OS user.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "ERROR: no postgres OS user (is Debian's postgresql installed?)" >&2; exit 1; }
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/archive-pg.XXXXXX")
chmod 755 "$WORK"
[ "$(id -u)" = 0 ] && chown postgres: "$WORK"
DATA="$WORK/data"
STARTED=

CHILD=
cleanup() {
  local status=$?
  if [ -n "$CHILD" ]; then
    kill -TERM "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  if [ -n "$STARTED" ]; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
printf '%s\n' "$PASSWORD" > "$WORK/pwfile"
[ "$(id -u)" = 0 ] && chown postgres: "$WORK/pwfile"

# Local socket connections (only the owner can reach the socket directory) need no
# password; TCP connections on 127.0.0.1 do.
as_pg "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$WORK/pwfile" \
  --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 1; }

# A throwaway cluster: durability off, so the tests do not wait for the disk.
for attempt in 1 2 3; do
  PORT=$(free_port)
  if as_pg "$BIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" >/dev/null; then
    STARTED=1
    break
  fi
  # The port may have been taken between choosing it and starting: try another.
  tail -n 5 "$WORK/server.log" >&2 || true
done
[ -n "$STARTED" ] || { echo "ERROR: the PostgreSQL cluster did not start" >&2; exit 1; }

as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$PORT" -U postgres -d postgres \
  -c "CREATE ROLE archive LOGIN CREATEDB PASSWORD '$PASSWORD'" \
  -c "CREATE DATABASE archive OWNER archive"

VERSION=$("$BIN/postgres" --version)
echo "PostgreSQL: $VERSION on 127.0.0.1:$PORT (throwaway cluster in $WORK)"
export DATABASE_URL="postgres://archive:$PASSWORD@127.0.0.1:$PORT/archive"
# In the background and waited for, so that a signal to this script runs the clean-up at once
# (bash runs traps only between commands); the clean-up then ends COMMAND too.
set +e
"$@" &
CHILD=$!
wait "$CHILD"
status=$?
CHILD=
set -e
exit "$status"
