# Shared by the infra/local scripts: where state and logs live, and how to wait for a port.
# Everything a local run writes stays under .local/ at the repository root (git-ignored).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="${PS_LOCAL_DIR:-$REPO_ROOT/.local}"
LOG_DIR="$LOCAL_DIR/logs"
PID_DIR="$LOCAL_DIR/pids"
mkdir -p "$LOG_DIR" "$PID_DIR"

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] LỖI / ERROR: %s\n' "$*" >&2; exit 1; }

# port_open HOST PORT → 0 when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && { exec 3>&- 3<&-; return 0; } || return 1; }

# wait_for NAME SECONDS COMMAND... → polls COMMAND until it succeeds or the time is up.
wait_for() {
  local name=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then
      log "$name not ready after ${seconds}s; see $LOG_DIR"
      return 1
    fi
    sleep 1
  done
}

pid_alive() { local f="$PID_DIR/$1.pid"; [[ -f $f ]] && kill -0 "$(cat "$f")" 2>/dev/null; }

# stop_pid NAME → TERM, then KILL after 30 s; removes the pid file.
stop_pid() {
  local f="$PID_DIR/$1.pid"
  [[ -f $f ]] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

# java_bin MIN_MAJOR → a java executable of at least that major version (JAVA_HOME first).
java_bin() {
  local min=$1 candidate
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -n $candidate && -x $candidate ]] || continue
    local major
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)
    if [[ -n $major ]] && (( major >= min )); then echo "$candidate"; return 0; fi
  done
  die "no Java $min+ found (set JAVA_HOME)"
}
