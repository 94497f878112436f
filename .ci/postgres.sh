#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL, creates the test role and database, and prints
# the line to use for the PostgreSQL integration tests:
#
#   eval "$(bash .ci/postgres.sh)"      # sets KLASSENOUDERBOT_TEST_POSTGRES (and ..._RESTART, for the fault tests)
#
# Idempotent and non-interactive (CI=true friendly). Progress goes to stderr; stdout carries only the
# export line, which is also written to .ci/postgres.env. Needs root (or passwordless sudo) for apt and
# for running commands as the postgres user.
set -euo pipefail

PG_USER="${PG_USER:-klassenouderbot}"
PG_PASSWORD="${PG_PASSWORD:-klassenouderbot}"
PG_DATABASE="${PG_DATABASE:-klassenouderbot_test}"
PG_PORT="${PG_PORT:-5432}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "postgres.sh: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >&2
  as_root apt-get install -y -qq postgresql >&2
fi

version="$(pg_lsclusters -h | awk 'NR==1 {print $1}')"
if [ -z "$version" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  log "creating cluster $version/main"
  as_root pg_createcluster "$version" main --port "$PG_PORT" >&2
fi

status="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}')"
if [ "$status" != "online" ]; then
  log "starting cluster $version/main"
  as_root pg_ctlcluster "$version" main start >&2
fi

port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"

for _ in $(seq 1 30); do
  if as_postgres pg_isready -q -p "$port"; then break; fi
  sleep 1
done
as_postgres pg_isready -q -p "$port" || { log "PostgreSQL did not become ready on port $port"; exit 1; }

psql_admin() { as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
  log "creating role $PG_USER"
  psql_admin -c "CREATE ROLE \"$PG_USER\" LOGIN PASSWORD '$PG_PASSWORD'" >&2
else
  psql_admin -c "ALTER ROLE \"$PG_USER\" LOGIN PASSWORD '$PG_PASSWORD'" >&2
fi

if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" != "1" ]; then
  log "creating database $PG_DATABASE"
  psql_admin -c "CREATE DATABASE \"$PG_DATABASE\" OWNER \"$PG_USER\"" >&2
fi

connection="Host=127.0.0.1;Port=$port;Username=$PG_USER;Password=$PG_PASSWORD;Database=$PG_DATABASE"
# The fault tests restart the server mid-run with this command.
if [ "$(id -u)" -eq 0 ]; then restart="pg_ctlcluster $version main restart"; else restart="sudo -n pg_ctlcluster $version main restart"; fi
lines="export KLASSENOUDERBOT_TEST_POSTGRES='$connection'
export KLASSENOUDERBOT_TEST_POSTGRES_RESTART='$restart'"
echo "$lines" > "$here/postgres.env"
log "ready: $connection"
echo "$lines"
