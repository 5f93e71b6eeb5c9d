#!/usr/bin/env bash
# `docker build` with BuildKit, whichever Docker tooling the machine has (see lib.sh): the buildx
# plugin, or DOCKER_BUILDKIT=1 with a pre-23 client such as Debian's /usr/bin/docker.
# Usage: scripts/docker/docker-build.sh [docker build options] <context>
#   e.g. scripts/docker/docker-build.sh -f backend/Dockerfile -t todo-backend .
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

docker_build "$@"
