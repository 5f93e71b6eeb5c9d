# shellcheck shell=bash
# Shared helpers for the scripts in scripts/docker/ (sourced, not executed).
# They pick whichever Docker tooling the machine has, so the same scripts work with
# Docker Desktop / docker-ce (compose v2 + buildx) and with Debian 12's docker.io
# (engine 20.10, no buildx, compose v1 as `docker-compose`).

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Prints the compose command: "docker compose" (v2 plugin) or "docker-compose" (v1).
compose_cmd() {
  if docker compose version >/dev/null 2>&1; then
    echo "docker compose"
  elif command -v docker-compose >/dev/null 2>&1; then
    echo "docker-compose"
  else
    return 1
  fi
}

# Path of a docker client that can build with BuildKit without the buildx plugin: a pre-23
# client (Debian's /usr/bin/docker 20.10) with DOCKER_BUILDKIT=1 uses the engine's embedded
# BuildKit. Newer clients without buildx refuse DOCKER_BUILDKIT=1 and their legacy builder
# cannot run RUN --mount, which the project Dockerfiles use.
legacy_buildkit_client() {
  local client path version major
  for client in docker /usr/bin/docker /usr/local/bin/docker; do
    path=$(command -v "$client" 2>/dev/null) || continue
    version=$("$path" version --format '{{.Client.Version}}' 2>/dev/null) || continue
    major=${version%%.*}
    if [ -n "$major" ] && [ "$major" -lt 23 ] 2>/dev/null; then
      echo "$path"
      return 0
    fi
  done
  return 1
}

# Runs `docker build "$@"` with BuildKit: plain `docker build` when buildx is installed,
# otherwise DOCKER_BUILDKIT=1 with a pre-23 client.
docker_build() {
  if docker buildx version >/dev/null 2>&1; then
    docker build "$@"
    return
  fi
  local client
  client=$(legacy_buildkit_client) ||
    die "no BuildKit-capable docker client: install the buildx plugin (docker-buildx) or Debian's docker.io client"
  DOCKER_BUILDKIT=1 "$client" build "$@"
}

# Runs compose ("docker compose" or "docker-compose") so that its builds use BuildKit. Compose v1
# builds through the `docker` found on PATH only with COMPOSE_DOCKER_CLI_BUILD=1 and
# DOCKER_BUILDKIT=1; without buildx that `docker` must be a pre-23 client, so it is put first on
# PATH through a temporary shim directory. With compose v2 the variables are harmless.
compose() {
  local cmd client shim="" status=0
  cmd=$(compose_cmd) || die "neither 'docker compose' nor 'docker-compose' is available; run scripts/docker/ensure-docker.sh"
  if ! docker buildx version >/dev/null 2>&1 && client=$(legacy_buildkit_client) &&
    [ "$client" != "$(command -v docker)" ]; then
    shim=$(mktemp -d)
    ln -s "$client" "$shim/docker"
  fi
  # shellcheck disable=SC2086
  PATH="${shim:+$shim:}$PATH" COMPOSE_DOCKER_CLI_BUILD=1 DOCKER_BUILDKIT=1 $cmd "$@" || status=$?
  [ -z "$shim" ] || rm -rf "$shim"
  return "$status"
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
