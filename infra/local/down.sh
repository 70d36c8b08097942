#!/usr/bin/env bash
# Stops what up.sh started (a PostgreSQL server that was already running is left alone).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HERE="$REPO_ROOT/infra/local"

bash "$HERE/ldap.sh" stop || true
bash "$HERE/keycloak.sh" stop || true
bash "$HERE/kafka.sh" stop || true
bash "$HERE/postgres.sh" stop || true
log "infrastructure stopped"
