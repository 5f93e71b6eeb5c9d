#!/usr/bin/env bash
# Entrypoint of the postgres stand-in image (see Dockerfile beside it). Mirrors the official
# image's contract:
#   - started as root: fixes ownership of $PGDATA and re-executes itself as `postgres`;
#   - empty $PGDATA: initdb (superuser $POSTGRES_USER with $POSTGRES_PASSWORD, scram-sha-256
#     for every TCP connection, trust only on the container's own Unix socket), creates
#     $POSTGRES_DB, runs /docker-entrypoint-initdb.d/*.sql|*.sh, then starts the real server;
#   - the server is exec'd, so it is PID 1 and gets the stop signal directly.
# During first-time setup the temporary server listens on a private socket only, so
# `pg_isready` (the healthcheck) stays negative until the real server accepts connections.
set -Eeuo pipefail

export PGDATA=${PGDATA:-/var/lib/postgresql/data}

if [ "$#" -eq 0 ] || [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi

if [ "$1" != 'postgres' ]; then
  exec "$@"
fi

if [ "$(id -u)" = '0' ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 0700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

log() { printf '%s [entrypoint] %s\n' "$(date -u +'%Y-%m-%d %H:%M:%S UTC')" "$*" >&2; }

# Reads VAR or VAR_FILE (Docker/Kubernetes secrets mounted as files), like the official image.
file_env() {
  local var=$1 file_var="${1}_FILE" default=${2:-}
  if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
    log "error: both $var and $file_var are set"; exit 1
  fi
  local value=$default
  if [ -n "${!var:-}" ]; then value=${!var}; elif [ -n "${!file_var:-}" ]; then value=$(<"${!file_var}"); fi
  export "$var"="$value"
  unset "$file_var"
}

first_time_setup() {
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  local auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}

  if [ -z "$POSTGRES_PASSWORD" ] && [ "$auth" != 'trust' ]; then
    log 'error: database is uninitialized and POSTGRES_PASSWORD is not set.'
    log '       Set POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE), or POSTGRES_HOST_AUTH_METHOD=trust (unsafe).'
    exit 1
  fi

  log "initializing database cluster in $PGDATA"
  local pwfile
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  # shellcheck disable=SC2086
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 \
    --auth-local=trust --auth-host="$auth" ${POSTGRES_INITDB_ARGS:-} >/dev/null
  rm -f "$pwfile"
  # initdb only covers 127.0.0.1/::1 with --auth-host; allow every address with the same method.
  printf '\n# added by docker-entrypoint.sh\nhost all all all %s\n' "$auth" >> "$PGDATA/pg_hba.conf"

  local sockdir
  sockdir=$(mktemp -d)
  trap 'pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true; exit 143' INT TERM
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -k $sockdir" start

  local psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --host "$sockdir" --username "$POSTGRES_USER")
  if [ "$POSTGRES_DB" != 'postgres' ]; then
    "${psql[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    log "created database $POSTGRES_DB"
  fi

  local f
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh)  log "running $f"; PGHOST=$sockdir PGUSER=$POSTGRES_USER PGDATABASE=$POSTGRES_DB bash "$f" ;;
      *.sql) log "running $f"; "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
      *)     if [ -e "$f" ]; then log "ignoring $f"; fi ;;
    esac
  done

  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  trap - INT TERM
  rmdir "$sockdir" 2>/dev/null || true
  unset POSTGRES_PASSWORD
  log 'first-time setup complete; starting the server'
}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  first_time_setup
fi

exec "$@"
