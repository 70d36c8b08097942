#!/usr/bin/env bash
# Local Keycloak (dev mode, H2 file database) from Maven Central, with the realm(s) in infra/keycloak/
# and the themes in infra/keycloak/themes/ (copied into the dist at every start).
# usage: keycloak.sh fetch|start|stop|kill|wipe|status
# env:   KEYCLOAK_PORT (8180), KEYCLOAK_MANAGEMENT_PORT (9190, health endpoints),
#        KEYCLOAK_START_TIMEOUT (180 s; a busy machine may need more),
#        KEYCLOAK_NAME (keycloak) — a second instance (another name and ports) runs from its own copy of
#        the distribution, so its dev database, build files and log are its own; a test may kill it.
# The realm file is the truth: dev mode imports a realm only when it does not exist yet, so when the
# realm file(s) changed since the last import, start wipes the dev database and Keycloak re-imports.
# Bootstrap admin of the master realm: admin / admin (local only).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VERSION=26.5.6
NAME="${KEYCLOAK_NAME:-keycloak}"
REALM=political-system
PORT="${KEYCLOAK_PORT:-8180}"
MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9190}"
REALM_DIR="$REPO_ROOT/infra/keycloak"
THEME_DIR="$REALM_DIR/themes"
DOWNLOAD_DIR="$LOCAL_DIR/keycloak-dist"
SHARED_DIST="$LOCAL_DIR/keycloak-$VERSION"
DIST="$SHARED_DIST"
[[ $NAME == keycloak ]] || DIST="$LOCAL_DIR/$NAME-$VERSION"
REALM_SHA_FILE="$LOCAL_DIR/$NAME-realm.sha256"
START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-180}"
BASE_URL="http://127.0.0.1:$PORT"
READY_URL="$BASE_URL/realms/$REALM/.well-known/openid-configuration"

fetch() {
  fetch_shared
  [[ $DIST == "$SHARED_DIST" || -x $DIST/bin/kc.sh ]] && return 0
  log "copying Keycloak $VERSION for $NAME into $DIST (without the shared instance's data)"
  local tmp="$DIST.copy.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  (cd "$SHARED_DIST" && tar --exclude=./data -cf - .) | (cd "$tmp" && tar -xf -)
  mv "$tmp" "$DIST"
}

fetch_shared() {
  local DIST=$SHARED_DIST
  if [[ -x $DIST/bin/kc.sh ]]; then return 0; fi
  local zip="$DOWNLOAD_DIR/keycloak-quarkus-dist-$VERSION.zip"
  if [[ ! -f $zip ]]; then
    log "fetching Keycloak $VERSION from Maven Central"
    mkdir -p "$DOWNLOAD_DIR"
    mvn -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
      -DoutputDirectory="$DOWNLOAD_DIR" >"$LOG_DIR/keycloak-fetch.log" 2>&1 \
      || die "Maven could not fetch Keycloak $VERSION; see $LOG_DIR/keycloak-fetch.log"
    [[ -f $zip ]] || die "Maven did not produce $zip; see $LOG_DIR/keycloak-fetch.log"
  fi
  log "unpacking Keycloak $VERSION into $DIST"
  local tmp="$LOCAL_DIR/.keycloak-unzip.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$tmp" >>"$LOG_DIR/keycloak-fetch.log" 2>&1
  else
    python3 -m zipfile -e "$zip" "$tmp" >>"$LOG_DIR/keycloak-fetch.log" 2>&1
  fi || { rm -rf "$tmp" "$zip"; die "could not unpack $zip (removed; run fetch again); see $LOG_DIR/keycloak-fetch.log"; }
  [[ -f $tmp/keycloak-$VERSION/bin/kc.sh ]] || { rm -rf "$tmp"; die "unexpected layout in $zip"; }
  chmod +x "$tmp/keycloak-$VERSION/bin/"*.sh
  rm -rf "$DIST"
  mv "$tmp/keycloak-$VERSION" "$DIST"
  rm -rf "$tmp"
}

# realm_sha → sha256 of every realm file to import (relative names, so moving the repo changes nothing).
realm_sha() { (cd "$REALM_DIR" && sha256sum -- *.json); }

# Copy the realm file(s) into data/import; when they differ from the last import, wipe the dev
# database (data/h2) so that --import-realm imports them again instead of skipping an existing realm.
prepare_import() {
  compgen -G "$REALM_DIR/*.json" >/dev/null || die "no realm file in $REALM_DIR"
  local want have=""
  want=$(realm_sha)
  [[ -f $REALM_SHA_FILE ]] && have=$(cat "$REALM_SHA_FILE")
  if [[ $want != "$have" && -d $DIST/data/h2 ]]; then
    log "realm file changed since the last import: wiping the dev database $DIST/data/h2"
    rm -rf "$DIST/data/h2"
  fi
  rm -rf "$DIST/data/import"
  mkdir -p "$DIST/data/import"
  cp "$REALM_DIR"/*.json "$DIST/data/import/"
}

# Copy every theme of infra/keycloak/themes into the dist's themes/ (replacing the previous copy, so a
# file deleted in the repository goes too). Dev mode caches neither themes nor templates, so a running
# Keycloak serves the new copy at the next page; no database change is needed for a theme.
deploy_themes() {
  [[ -d $THEME_DIR ]] || return 0
  local theme name
  for theme in "$THEME_DIR"/*/; do
    name=$(basename "$theme")
    rm -rf "${DIST:?}/themes/$name"
    cp -R "$theme" "$DIST/themes/$name"
  done
}

start() {
  if pid_alive "$NAME"; then
    deploy_themes
    # Started earlier (perhaps still booting): wait for it rather than start a second one.
    wait_for "$NAME" "$START_TIMEOUT" ready_or_dead && pid_alive "$NAME" || die "$NAME did not start; see $LOG_DIR/$NAME.log"
    log "$NAME already running on $BASE_URL"
    if [[ -f $REALM_SHA_FILE && $(realm_sha) != "$(cat "$REALM_SHA_FILE")" ]]; then
      log "note: the realm file changed since it was imported; run '$0 stop' then '$0 start' to re-import"
    fi
    return 0
  fi
  if port_open 127.0.0.1 "$PORT"; then log "port $PORT is taken by another process; using it as Keycloak"; return 0; fi
  fetch
  prepare_import
  deploy_themes
  local java; java=$(java_bin 17)
  log "starting $NAME on $BASE_URL (management/health on 127.0.0.1:$MANAGEMENT_PORT)"
  echo "===== $(date -Is) start" >>"$LOG_DIR/$NAME.log"
  rm -f "$PID_DIR/$NAME.pid"
  # kc.sh runs the JVM as its child (and forwards TERM to it). setsid puts both in a session of their
  # own whose id is the pid written here, so stop can always sweep the whole group, JVM included.
  JAVA="$java" JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx768m}" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' keycloak-launcher "$PID_DIR/$NAME.pid" \
    "$DIST/bin/kc.sh" start-dev --import-realm \
      --http-host=127.0.0.1 --http-port="$PORT" --http-management-port="$MANAGEMENT_PORT" \
      --health-enabled=true --hostname="$BASE_URL" --hostname-strict=false \
      </dev/null >>"$LOG_DIR/$NAME.log" 2>&1 &
  local _; for _ in $(seq 1 50); do [[ -s $PID_DIR/$NAME.pid ]] && break; sleep 0.1; done
  wait_for "$NAME" "$START_TIMEOUT" ready_or_dead || die "$NAME did not start; see $LOG_DIR/$NAME.log"
  pid_alive "$NAME" || { rm -f "$PID_DIR/$NAME.pid"; die "$NAME exited during startup; see $LOG_DIR/$NAME.log"; }
  realm_sha >"$REALM_SHA_FILE"
  log "$NAME ready: $BASE_URL/realms/$REALM (admin console $BASE_URL/admin, admin/admin)"
}

# Succeeds once the realm's discovery document answers 200, or as soon as the process is gone
# (start then checks which of the two happened, so a crash does not wait out the timeout).
ready_or_dead() {
  pid_alive "$NAME" || return 0
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$READY_URL") == 200 ]]
}

stop() {
  local f="$PID_DIR/$NAME.pid" pid=""
  [[ -f $f ]] && pid=$(cat "$f")
  stop_pid "$NAME"   # TERM to kc.sh, which forwards it to the JVM; KILL after 30 s
  # Whatever survived (e.g. the JVM when kc.sh itself had to be killed) is in the session group.
  if [[ -n $pid ]] && kill -0 -- "-$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    local _; for _ in $(seq 1 15); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  log "$NAME stopped"
}

# SIGKILL to the whole session group (kc.sh and the JVM): an outage as a crash, no shutdown hooks.
kill_now() {
  local f="$PID_DIR/$NAME.pid"
  [[ -f $f ]] || return 0
  kill -KILL -- "-$(cat "$f")" 2>/dev/null || true
  rm -f "$f"
  log "$NAME killed (SIGKILL)"
}

# The next start imports the realm file afresh: whatever a test changed in the realm is gone.
wipe() {
  pid_alive "$NAME" && die "$NAME is running; stop it before wiping its database"
  rm -rf "$DIST/data/h2" "$DIST/data/transaction-logs" "$REALM_SHA_FILE"
  log "$NAME: dev database wiped"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  kill) kill_now ;;
  wipe) wipe ;;
  status) if pid_alive "$NAME" && port_open 127.0.0.1 "$PORT"; then echo "$NAME: up ($BASE_URL)"; else echo "$NAME: down"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|kill|wipe|status" >&2; exit 2 ;;
esac
