#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, sourced by scripts/test.sh:   source scripts/postgres.sh
# Installs Debian's postgresql when it is missing, starts a cluster in a temporary folder on a free loopback port as
# a non-root user (PostgreSQL refuses to run as root), exports CCHC_TEST_POSTGRES, and stops and deletes the cluster
# when the calling shell exits (an interrupt or kill included), whether the tests passed or not. Fails, and exits the
# calling shell, with the reason when the server cannot be installed or started.

source "$(dirname "${BASH_SOURCE[0]}")/packages.sh"

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }

pg_fail() {
  echo "PostgreSQL for the tests: $*" >&2
  exit 1
}

if [ -z "$(postgres_bin)" ]; then
  # The package's own cluster is not used (nor needed): the tests run their own.
  install_packages postgresql || pg_fail "postgresql is not installed and could not be installed (above)."
fi
PG_BIN="$(postgres_bin)"
[ -n "$PG_BIN" ] || pg_fail "no /usr/lib/postgresql/*/bin after apt-get install postgresql."

PG_DIR="$(mktemp -d /tmp/cchc-postgres.XXXXXX)" || pg_fail "could not create a temporary folder."
# Set up at once, so that even a run stopped while the cluster starts leaves nothing behind.
pg_stop() {
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap pg_stop EXIT
# Bash runs the EXIT trap on an ordinary exit only; an interrupt or a kill becomes one, so the cluster is stopped then too.
trap 'exit 130' INT
trap 'exit 143' TERM
pg_as() { "$@"; }

# A port nobody listens on now: the kernel's pick for a socket bound to port 0.
PG_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')" \
  || pg_fail "python3 could not pick a free port."
if [ "$(id -u)" -eq 0 ]; then
  # As root, the cluster runs as the postgres user the package creates (or a system user of its own when that is missing),
  # from its own folder, since root's working directory may be closed to it.
  PG_USER=postgres
  id "$PG_USER" >/dev/null 2>&1 || { PG_USER=cchc-postgres; id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$PG_USER"; } \
    || pg_fail "no postgres user, and useradd could not create one."
  chown "$PG_USER" "$PG_DIR"
  pg_as() { su -s /bin/bash "$PG_USER" -c "cd $(printf '%q' "$PG_DIR") && $(printf '%q ' "$@")"; }
fi

pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U cchc --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
  || { cat "$PG_DIR/initdb.log" >&2; pg_fail "initdb failed (above)."; }
# Durability is not what the tests measure: fsync off makes creating a database per test cheap.
if ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
  cat "$PG_DIR/server.log" >&2
  pg_fail "the server did not start on 127.0.0.1:$PG_PORT (log above)."
fi
export CCHC_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=cchc;Database=postgres"
export CCHC_TEST_POSTGRES_BIN="$PG_BIN"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$PG_PORT."
