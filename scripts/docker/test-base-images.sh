#!/usr/bin/env bash
# Smoke test for the stand-in base images built by build-base-images.sh (works on the official
# images too). Checks the contracts the project relies on:
#   node:     node and npm run, the npm registry is reachable over TLS, user node is 1000:1000
#   postgres: first start creates user and database, a password (scram) connection from another
#             container on a user-defined network works, a wrong password is refused, pg_isready
#             answers, `docker stop` shuts down cleanly and fast, data survives a restart.
# Usage: scripts/docker/test-base-images.sh [NODE_IMAGE] [POSTGRES_IMAGE]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

node_image=${1:-node:26-slim}
pg_image=${2:-postgres:17}
id=$$
net="base-test-$id"
pg="base-test-pg-$id"
vol="base-test-pgdata-$id"
failures=0

pass() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }
check() { local name=$1; shift; if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi; }

cleanup() {
  docker rm -f "$pg" >/dev/null 2>&1 || true
  docker network rm "$net" >/dev/null 2>&1 || true
  docker volume rm "$vol" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "# $node_image"
status=$(docker run --rm "$node_image" node -e "fetch('https://registry.npmjs.org/').then(r=>console.log(r.status))" 2>&1 || true)
if [ "$status" = 200 ]; then pass "fetch https://registry.npmjs.org/ -> 200"; else fail "fetch registry: $status"; fi
check "npm ping as user node" docker run --rm --user node "$node_image" npm ping
ids=$(docker run --rm "$node_image" sh -c 'echo "$(id -u node):$(id -g node)"')
if [ "$ids" = 1000:1000 ]; then pass "user node is 1000:1000"; else fail "user node is $ids"; fi
check "entrypoint runs node for flags (-p)" docker run --rm "$node_image" -p 'process.exit(0)'

echo "# $pg_image"
docker network create "$net" >/dev/null
start_pg() {
  docker run -d --name "$pg" --network "$net" -v "$vol:/var/lib/postgresql/data" \
    -e POSTGRES_USER=todo -e POSTGRES_PASSWORD=s3cret -e POSTGRES_DB=todo \
    --health-cmd 'pg_isready -U todo -d todo' --health-interval 1s "$pg_image" >/dev/null
  for _ in $(seq 1 60); do
    [ "$(docker inspect -f '{{.State.Health.Status}}' "$pg")" = healthy ] && return 0
    sleep 1
  done
  docker logs "$pg" >&2
  return 1
}
check "first start becomes healthy (pg_isready)" start_pg
psql_from_other_container() {
  docker run --rm --network "$net" --entrypoint psql "$pg_image" "postgresql://todo:$1@$pg:5432/todo" -Atc "$2"
}
check "password connection from another container" psql_from_other_container s3cret 'select 1'
if psql_from_other_container wrong 'select 1' >/dev/null 2>&1; then fail "wrong password refused"; else pass "wrong password refused"; fi
method=$(docker exec "$pg" sh -c 'tail -n 1 "$PGDATA/pg_hba.conf"')
case "$method" in *scram-sha-256) pass "remote auth is scram-sha-256" ;; *) fail "pg_hba: $method" ;; esac
owner=$(docker exec "$pg" sh -c 'ps -o user= -p 1')
if [ "$owner" = postgres ]; then pass "server runs as postgres (PID 1)"; else fail "PID 1 runs as $owner"; fi
psql_from_other_container s3cret 'create table survives (x int); insert into survives values (42)' >/dev/null

t0=$SECONDS
docker stop -t 30 "$pg" >/dev/null
elapsed=$((SECONDS - t0))
code=$(docker inspect -f '{{.State.ExitCode}}' "$pg")
if [ "$code" = 0 ] && [ "$elapsed" -lt 10 ]; then pass "docker stop: clean exit 0 in ${elapsed}s"; else fail "docker stop: exit $code after ${elapsed}s"; fi
check "shutdown logged" sh -c "docker logs '$pg' 2>&1 | grep -q 'database system is shut down'"
docker rm "$pg" >/dev/null

check "restart on the same volume" start_pg
value=$(psql_from_other_container s3cret 'select x from survives' 2>&1 || true)
if [ "$value" = 42 ]; then pass "data survived the restart"; else fail "data after restart: $value"; fi
if docker logs "$pg" 2>&1 | grep -q 'initializing database cluster'; then fail "re-initialized an existing cluster"; else pass "no re-initialization"; fi

t0=$SECONDS
docker kill --signal TERM "$pg" >/dev/null
for _ in $(seq 1 20); do [ "$(docker inspect -f '{{.State.Running}}' "$pg")" = false ] && break; sleep 0.5; done
code=$(docker inspect -f '{{.State.ExitCode}}' "$pg")
if [ "$code" = 0 ]; then pass "SIGTERM: clean exit 0 in $((SECONDS - t0))s"; else fail "SIGTERM: exit $code"; fi

echo
if [ "$failures" -eq 0 ]; then echo "all checks passed"; else echo "$failures check(s) failed"; exit 1; fi
