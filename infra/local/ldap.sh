#!/usr/bin/env bash
# A private OpenLDAP (Debian's slapd) holding a province's demo directory, for the user-federation
# test. usage: ldap.sh ensure|start|stop|status
#   ensure  installs slapd and ldap-utils from Debian's packages when missing (as chromium.sh does)
#   start   a fresh directory on 127.0.0.1:$LDAP_PORT loaded from infra/ldap/demo-directory.ldif
# env: LDAP_PORT (3890); the bind DN and password are the test's (LDAP_BIND_DN, LDAP_BIND_PASSWORD).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

LDAP_PORT="${LDAP_PORT:-3890}"
SUFFIX="dc=tphcm,dc=gov,dc=vn"
BIND_DN="${LDAP_BIND_DN:-cn=admin,$SUFFIX}"
BIND_PASSWORD="${LDAP_BIND_PASSWORD:-ldap-local-secret}"
DIR="$LOCAL_DIR/ldap"

ensure() {
  if command -v slapd >/dev/null || [[ -x /usr/sbin/slapd ]]; then command -v ldapadd >/dev/null && return 0; fi
  command -v apt-get >/dev/null || die "no slapd and no apt-get to install it: install OpenLDAP (slapd, ldap-utils)"
  local sudo=""
  if (( EUID != 0 )); then sudo="sudo -n"; fi
  log "installing Debian's slapd and ldap-utils for the federation test (log: $LOG_DIR/ldap-install.log)"
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slapd ldap-utils >"$LOG_DIR/ldap-install.log" 2>&1; then
    $sudo apt-get update >>"$LOG_DIR/ldap-install.log" 2>&1 || true
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slapd ldap-utils >>"$LOG_DIR/ldap-install.log" 2>&1 \
      || die "apt-get could not install slapd; see $LOG_DIR/ldap-install.log"
  fi
}

start() {
  ensure
  stop
  rm -rf "$DIR" && mkdir -p "$DIR/config" "$DIR/data"
  cat >"$DIR/config.ldif" <<LDIF
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $DIR/slapd.pid

dn: cn=module,cn=config
objectClass: olcModuleList
cn: module
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif
include: file:///etc/ldap/schema/cosine.ldif
include: file:///etc/ldap/schema/nis.ldif
include: file:///etc/ldap/schema/inetorgperson.ldif

dn: olcDatabase=frontend,cn=config
objectClass: olcDatabaseConfig
olcDatabase: frontend

dn: olcDatabase=mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: mdb
olcSuffix: $SUFFIX
olcRootDN: $BIND_DN
olcRootPW: $BIND_PASSWORD
olcDbDirectory: $DIR/data
olcAccess: to attrs=userPassword by anonymous auth by * none
olcAccess: to * by * read
LDIF
  /usr/sbin/slapadd -n 0 -F "$DIR/config" -l "$DIR/config.ldif" >"$LOG_DIR/ldap.log" 2>&1 || die "slapd's configuration was refused; see $LOG_DIR/ldap.log"
  /usr/sbin/slapd -h "ldap://127.0.0.1:$LDAP_PORT/" -F "$DIR/config" >>"$LOG_DIR/ldap.log" 2>&1 || die "slapd did not start; see $LOG_DIR/ldap.log"
  wait_for "ldap" 20 port_open 127.0.0.1 "$LDAP_PORT" || die "slapd is not answering on $LDAP_PORT"
  cp "$DIR/slapd.pid" "$PID_DIR/ldap.pid"
  ldapadd -x -H "ldap://127.0.0.1:$LDAP_PORT" -D "$BIND_DN" -w "$BIND_PASSWORD" -f "$REPO_ROOT/infra/ldap/demo-directory.ldif" >>"$LOG_DIR/ldap.log" 2>&1 \
    || die "the demo directory could not be loaded; see $LOG_DIR/ldap.log"
  log "ldap ready: ldap://127.0.0.1:$LDAP_PORT ($SUFFIX, bind $BIND_DN)"
}

stop() {
  stop_pid ldap
}

case "${1:-}" in
  ensure) ensure ;;
  start) start ;;
  stop) stop ;;
  status) pid_alive ldap && log "ldap running on $LDAP_PORT" || log "ldap stopped" ;;
  *) echo "usage: $0 ensure|start|stop|status" >&2; exit 2 ;;
esac
