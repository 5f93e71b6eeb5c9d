#!/bin/sh
# Same behaviour as the official node image's entrypoint: `docker run node:xx -e '…'` or
# `docker run node:xx app.js` runs node; any other command (npm, sh, …) runs as given.
# `exec` keeps the command as PID 1 so it receives the container's stop signal directly.
set -e

if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1" 2>/dev/null)" ] || { [ -f "$1" ] && ! [ -x "$1" ]; }; then
  set -- node "$@"
fi

exec "$@"
