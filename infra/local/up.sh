#!/usr/bin/env bash
# Brings the local infrastructure up: PostgreSQL, Kafka (KRaft) and Keycloak. Idempotent:
# what already runs is left alone. Kafka and Keycloak start side by side.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HERE="$REPO_ROOT/infra/local"

bash "$HERE/postgres.sh" start
bash "$HERE/kafka.sh" start &
kafka_job=$!
bash "$HERE/keycloak.sh" start &
keycloak_job=$!
status=0
wait "$kafka_job" || status=1
wait "$keycloak_job" || status=1
(( status == 0 )) || die "infrastructure did not come up; logs in $LOG_DIR"
log "infrastructure up (logs in $LOG_DIR)"
