#!/usr/bin/env bash
# One line per local component: up or down.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HERE="$REPO_ROOT/infra/local"
status=0
bash "$HERE/postgres.sh" status || status=1
bash "$HERE/kafka.sh" status || status=1
bash "$HERE/keycloak.sh" status || status=1
exit $status
