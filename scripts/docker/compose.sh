#!/usr/bin/env bash
# Runs docker compose for the repository's docker-compose.yml with whichever compose the machine
# has (v2 plugin or Debian 12's docker-compose v1), building with BuildKit either way.
# Usage: scripts/docker/compose.sh up -d --build | ps | logs -f backend | down
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

cd "$here/../.."
compose "$@"
