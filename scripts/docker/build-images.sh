#!/usr/bin/env bash
# Builds the three application images from the repository root with BuildKit, whichever Docker
# tooling the machine has, and prints their sizes (total and above the base image).
# Usage: scripts/docker/build-images.sh [backend|mcp-server|frontend ...]
# Env:   IMAGE_TAG (latest), NODE_IMAGE (node:26-slim)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

cd "$here/../.."
tag=${IMAGE_TAG:-latest}
base=${NODE_IMAGE:-node:26-slim}
services=("$@")
[ "${#services[@]}" -gt 0 ] || services=(backend mcp-server frontend)

image_exists "$base" || die "$base is missing: run scripts/docker/build-base-images.sh (no registry) or docker pull $base"

mb() { awk '{printf "%.1f MB", $1/1000/1000}'; }
base_size=$(docker image inspect --format '{{.Size}}' "$base")
report=()
for service in "${services[@]}"; do
  [ -f "$service/Dockerfile" ] || die "no $service/Dockerfile"
  image="todo-$service:$tag"
  log "building $image"
  start=$SECONDS
  docker_build --build-arg "NODE_IMAGE=$base" -f "$service/Dockerfile" -t "$image" .
  size=$(docker image inspect --format '{{.Size}}' "$image")
  report+=("$(printf '%-26s %10s  (+%s above %s)  built in %ss' "$image" "$(mb <<<"$size")" \
    "$(mb <<<"$((size - base_size))")" "$base" "$((SECONDS - start))")")
done
printf '%s\n' "${report[@]}"
