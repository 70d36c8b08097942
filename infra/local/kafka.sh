#!/usr/bin/env bash
# Single-node Kafka broker (KRaft, broker + controller in one JVM) from Maven Central.
# usage: kafka.sh fetch|start|stop|status
# env:   KAFKA_NAME (kafka), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093) — a second
#        name and port pair gives an independent broker (the resilience test uses one).
#        KAFKA_SECURITY (plaintext | sasl_ssl): sasl_ssl makes the client listener TLS (a CA of
#        its own in <state>/tls/ca.pem) with SCRAM-SHA-512 and ACLs, super user admin with
#        password KAFKA_ADMIN_PASSWORD (local-admin-secret), and the users of KAFKA_SCRAM_USERS
#        ("name=password name=password"), created when the broker's storage is first formatted.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME="${KAFKA_NAME:-kafka}"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
HERE="$REPO_ROOT/infra/local/kafka"
LIB_DIR="$LOCAL_DIR/kafka-lib"
STATE_DIR="$LOCAL_DIR/$NAME"
SECURITY="${KAFKA_SECURITY:-plaintext}"
ADMIN_PASSWORD="${KAFKA_ADMIN_PASSWORD:-local-admin-secret}"
TLS_DIR="$STATE_DIR/tls"
VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/pom.xml")

fetch() {
  if [[ -f $LIB_DIR/.version && $(cat "$LIB_DIR/.version") == "$VERSION" ]]; then return 0; fi
  log "fetching Kafka $VERSION from Maven Central"
  rm -rf "$LIB_DIR"
  mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIB_DIR" -DincludeScope=runtime >"$LOG_DIR/kafka-fetch.log" 2>&1 \
    || die "Maven could not fetch Kafka; see $LOG_DIR/kafka-fetch.log"
  echo "$VERSION" >"$LIB_DIR/.version"
}

# A CA and the broker's certificate for 127.0.0.1 (sasl_ssl only), kept with the broker's state.
write_certificates() {
  [[ -f $TLS_DIR/server.pem ]] && return 0
  mkdir -p "$TLS_DIR"
  local curve=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)
  openssl req -x509 "${curve[@]}" -keyout "$TLS_DIR/ca.key" -out "$TLS_DIR/ca.pem" -days 3650 \
    -subj "/CN=political-system local Kafka CA" 2>/dev/null
  openssl req "${curve[@]}" -keyout "$TLS_DIR/server.key" -out "$TLS_DIR/server.csr" -subj "/CN=127.0.0.1" 2>/dev/null
  openssl x509 -req -in "$TLS_DIR/server.csr" -CA "$TLS_DIR/ca.pem" -CAkey "$TLS_DIR/ca.key" -CAcreateserial \
    -days 3650 -extfile <(printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n') -out "$TLS_DIR/server.crt" 2>/dev/null
  # Kafka reads a PEM key store as an unencrypted PKCS#8 key followed by its certificate.
  { openssl pkcs8 -topk8 -nocrypt -in "$TLS_DIR/server.key"; cat "$TLS_DIR/server.crt"; } >"$TLS_DIR/server.pem"
}

# --add-scram arguments of the format command: the super user and KAFKA_SCRAM_USERS.
scram_arguments() {
  local user
  printf '%s\n' --add-scram "SCRAM-SHA-512=[name=admin,password=$ADMIN_PASSWORD]"
  for user in ${KAFKA_SCRAM_USERS:-}; do
    printf '%s\n' --add-scram "SCRAM-SHA-512=[name=${user%%=*},password=${user#*=}]"
  done
}

write_config() {
  mkdir -p "$STATE_DIR/data"
  local template="$HERE/server.properties"
  case "$SECURITY" in
    plaintext) ;;
    sasl_ssl) template="$HERE/server-sasl-ssl.properties"; write_certificates ;;
    *) die "KAFKA_SECURITY must be plaintext or sasl_ssl (got '$SECURITY')" ;;
  esac
  sed -e "s|@PORT@|$PORT|g" -e "s|@CONTROLLER_PORT@|$CONTROLLER_PORT|g" -e "s|@DATA_DIR@|$STATE_DIR/data|g" \
    -e "s|@TLS_DIR@|$TLS_DIR|g" -e "s|@ADMIN_PASSWORD@|$ADMIN_PASSWORD|g" \
    "$template" >"$STATE_DIR/server.properties"
  sed -e "s|@LOG_FILE@|$LOG_DIR/$NAME.log|g" "$HERE/log4j2.properties" >"$STATE_DIR/log4j2.properties"
}

start() {
  if pid_alive "$NAME"; then
    wait_for "$NAME" 90 port_open 127.0.0.1 "$PORT" || die "$NAME is running but not listening; see $LOG_DIR/$NAME.log"
    log "$NAME already running on 127.0.0.1:$PORT"
    return 0
  fi
  if port_open 127.0.0.1 "$PORT"; then log "port $PORT is taken by another process; using it as Kafka"; return 0; fi
  fetch
  write_config
  local java; java=$(java_bin 17)
  local cp="$LIB_DIR/*"
  if [[ ! -f $STATE_DIR/data/meta.properties ]]; then
    local cluster_id; cluster_id=$("$java" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    local scram=()
    [[ $SECURITY == sasl_ssl ]] && mapfile -t scram < <(scram_arguments)
    "$java" -Dlog4j2.configurationFile="$STATE_DIR/log4j2.properties" -cp "$cp" kafka.tools.StorageTool format \
      --standalone -t "$cluster_id" -c "$STATE_DIR/server.properties" "${scram[@]}" >>"$LOG_DIR/$NAME.log" 2>&1 \
      || die "could not format Kafka storage; see $LOG_DIR/$NAME.log"
  fi
  log "starting $NAME on 127.0.0.1:$PORT"
  STARTED_AT=$(date '+%Y-%m-%d %H:%M:%S')
  nohup "$java" -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$STATE_DIR/log4j2.properties" \
    -cp "$cp" kafka.Kafka "$STATE_DIR/server.properties" >>"$LOG_DIR/$NAME.out" 2>&1 &
  echo $! >"$PID_DIR/$NAME.pid"
  # A broker that exits while starting is reported at once, not after the wait.
  wait_for "$NAME" 120 ready_or_gone || die "$NAME did not start; see $LOG_DIR/$NAME.log"
  pid_alive "$NAME" || die "$NAME exited while starting; see $LOG_DIR/$NAME.log and $LOG_DIR/$NAME.out"
  log "$NAME ready"
}

# Ready when the broker port answers and the log says, since this start, that the server started:
# the newest such line, in the log or the one it last rolled over to (log4j2 rolls it at 20 MB,
# which a large local state's recovery reaches), carries a time not before the start's.
ready() {
  port_open 127.0.0.1 "$PORT" || return 1
  local stamp
  stamp=$(grep -h 'Kafka Server started' "$LOG_DIR/$NAME.log.1" "$LOG_DIR/$NAME.log" 2>/dev/null | tail -n 1 | cut -c2-20 || true)
  [[ -n $stamp && ! $stamp < $STARTED_AT ]]
}

ready_or_gone() { ready || ! pid_alive "$NAME"; }

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop_pid "$NAME"; log "$NAME stopped" ;;
  status) if pid_alive "$NAME" && port_open 127.0.0.1 "$PORT"; then echo "$NAME: up (127.0.0.1:$PORT)"; else echo "$NAME: down"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|status" >&2; exit 2 ;;
esac
