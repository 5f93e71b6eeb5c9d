#!/usr/bin/env bash
# Makes sure a Docker engine is installed and answering, and that a compose command exists.
# For Debian/Ubuntu hosts without systemd (CI runners, dev containers): installs docker.io and
# compose from the distribution archive if missing, starts dockerd in the background if it is
# not running, and waits for `docker info`. Safe to run repeatedly.
#
# Usage: scripts/docker/ensure-docker.sh        (needs root to install or start the engine)
# Env:   DOCKERD_LOG (default /var/log/dockerd.log), DOCKER_WAIT_SECONDS (default 60)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

dockerd_log=${DOCKERD_LOG:-/var/log/dockerd.log}
wait_seconds=${DOCKER_WAIT_SECONDS:-60}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    die "need root for: $*"
  fi
}

# Not `grep -q`: it exits at the first match, the writer gets SIGPIPE, and under pipefail the pipeline then fails
# (exit 141) even though the line was found.
apt_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep 'install ok installed' >/dev/null; }
apt_has_candidate() { apt-cache policy "$1" 2>/dev/null | grep 'Candidate: [0-9]' >/dev/null; }

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install Docker and compose by hand"
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# 1. Engine. A docker CLI alone (e.g. a static client in /usr/local/bin) is not enough: we need dockerd.
if ! command -v dockerd >/dev/null 2>&1; then
  # tini provides docker-init, which compose's `init: true` needs.
  apt_install docker.io tini
fi

# 2. Compose. Prefer the v2 plugin; Debian 12 only ships v1 (`docker-compose`, Python).
if ! compose_cmd >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    [ "$apt_updated" -eq 1 ] || { as_root apt-get update -qq; apt_updated=1; }
    if apt_has_candidate docker-compose-plugin; then
      apt_install docker-compose-plugin
    elif apt_has_candidate docker-compose; then
      apt_install docker-compose
    fi
  fi
  compose_cmd >/dev/null 2>&1 || log "warning: no compose command could be installed"
fi

# 3. Daemon.
if ! docker info >/dev/null 2>&1; then
  if pgrep -x dockerd >/dev/null 2>&1; then
    log "dockerd is running but not answering yet; waiting"
  elif command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    log "starting docker with systemctl"
    as_root systemctl start docker
  else
    log "starting dockerd in the background (log: $dockerd_log)"
    # setsid: its own session, so the daemon outlives the shell (or CI step) that started it.
    as_root sh -c "setsid nohup dockerd >>'$dockerd_log' 2>&1 </dev/null &"
  fi
  for _ in $(seq 1 "$wait_seconds"); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || die "docker did not answer within ${wait_seconds}s; see $dockerd_log"
fi

server=$(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')
compose=$(compose_cmd 2>/dev/null || echo 'none')
buildkit="buildx plugin"
docker buildx version >/dev/null 2>&1 || buildkit="DOCKER_BUILDKIT=1 via a pre-23 client (see lib.sh)"
log "docker engine $server ready; compose: $compose; BuildKit: $buildkit"
