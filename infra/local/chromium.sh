#!/usr/bin/env bash
# Debian's Chromium for the browser tests (gateway/test/browser-signin.int-spec.ts), installed from
# the distribution's packages when missing. usage: chromium.sh ensure
# env: CHROMIUM_PATH (/usr/bin/chromium) — another Chromium or Chrome to use instead.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

ensure() {
  if [[ -x $CHROMIUM ]]; then log "chromium: $CHROMIUM"; return 0; fi
  [[ -n ${CHROMIUM_PATH:-} ]] && die "CHROMIUM_PATH=$CHROMIUM is not an executable"
  command -v apt-get >/dev/null || die "no Chromium at $CHROMIUM and no apt-get to install it: install Chromium and set CHROMIUM_PATH"
  local sudo=""
  if (( EUID != 0 )); then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null || die "no Chromium at $CHROMIUM: run 'sudo apt-get install chromium' (the browser tests need it) or set CHROMIUM_PATH"
    sudo="sudo -n"
  fi
  log "installing Debian's chromium for the browser tests (log: $LOG_DIR/chromium-install.log)"
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >"$LOG_DIR/chromium-install.log" 2>&1; then
    # A fresh machine may not have the package lists yet.
    $sudo apt-get update >>"$LOG_DIR/chromium-install.log" 2>&1 || true
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >>"$LOG_DIR/chromium-install.log" 2>&1 \
      || die "apt-get could not install chromium; see $LOG_DIR/chromium-install.log"
  fi
  [[ -x $CHROMIUM ]] || die "chromium installed but $CHROMIUM is missing; set CHROMIUM_PATH"
  log "chromium installed: $("$CHROMIUM" --version 2>/dev/null | head -1)"
}

case "${1:-}" in
  ensure) ensure ;;
  *) echo "usage: $0 ensure" >&2; exit 2 ;;
esac
