#!/usr/bin/env bash
# Stops what up.sh started (a PostgreSQL server that was already running is left alone),
# and any platform processes that `npm start` left running.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HERE="$REPO_ROOT/infra/local"

for name in gateway organization personnel evaluation reform; do stop_pid "$name"; done
bash "$HERE/keycloak.sh" stop || true
bash "$HERE/kafka.sh" stop || true
bash "$HERE/postgres.sh" stop || true
log "infrastructure stopped"
