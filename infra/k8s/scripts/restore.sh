#!/usr/bin/env bash
# Produces a CloudNativePG Cluster recovered from platform-db's backups (base backup + archived
# WAL in the ObjectStore platform-db-backup), up to a point in time or to the end of the archive.
# It is the overlay's own Cluster (same size, roles, parameters) with a recovery bootstrap, plus
# the NetworkPolicy that lets the pooler, Keycloak, the subgraphs' outbox listeners and the
# operator reach it.
#
#   infra/k8s/scripts/restore.sh --overlay production --target-time 2026-12-01T08:30:00+07:00
#   infra/k8s/scripts/restore.sh --overlay production --target-time ... --apply
#
# Without --apply it only prints the manifests (review them first). The recovered cluster
# archives its own WAL under a new server name in the same object store (--archive-as), never
# into the folder of the cluster it was restored from. README.md "Backup and restore" says how
# to check the result and switch over. Needs kubectl (its built-in kustomize) and realpath.
set -euo pipefail

readonly NAMESPACE=political-system-platform
readonly SOURCE_CLUSTER=platform-db
readonly OBJECT_STORE=platform-db-backup
readonly PLUGIN=barman-cloud.cloudnative-pg.io
readonly TIME_PATTERN='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$'
readonly NAME_PATTERN='^[a-z]([-a-z0-9]{0,48}[a-z0-9])?$'

k8s_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
overlay=""
target_time=""
name="${SOURCE_CLUSTER}-restore"
archive_as=""
apply=false
work=""

usage() {
  cat <<'EOF'
Khôi phục PostgreSQL từ bản sao lưu / restore PostgreSQL from its backups

  restore.sh --overlay <staging|production> [--target-time <RFC 3339>] [--name <cluster>]
             [--archive-as <server name>] [--apply]

  --overlay      the overlay whose Cluster is recovered (sizes, roles, parameters)
  --target-time  stop replaying WAL at this moment, with its offset (2026-12-01T08:30:00+07:00);
                 without it, recovery replays to the end of the archive
  --name         the recovered Cluster (default platform-db-restore; platform-db to replace the
                 original after deleting it, README.md "Backup and restore")
  --archive-as   server name of the recovered cluster's own backups (default <name>-<UTC time now>)
  --apply        apply with kubectl instead of printing
EOF
}

fail() {
  printf 'restore.sh: %s\n' "$1" >&2
  exit 2
}

parse_arguments() {
  while (($# > 0)); do
    case "$1" in
      --overlay) overlay="${2:-}"; shift 2 ;;
      --target-time) target_time="${2:-}"; shift 2 ;;
      --name) name="${2:-}"; shift 2 ;;
      --archive-as) archive_as="${2:-}"; shift 2 ;;
      --apply) apply=true; shift ;;
      -h | --help) usage; exit 0 ;;
      *) fail "tham số không hợp lệ / unknown argument: $1" ;;
    esac
  done
  [[ -n "$overlay" && -d "$k8s_dir/overlays/$overlay" ]] ||
    fail "cần --overlay là một thư mục trong overlays/ / --overlay must name a folder of overlays/: '${overlay}'"
  [[ -z "$target_time" || "$target_time" =~ $TIME_PATTERN ]] ||
    fail "--target-time phải theo RFC 3339 có múi giờ / must be RFC 3339 with an offset: '${target_time}'"
  [[ "$name" =~ $NAME_PATTERN ]] ||
    fail "--name phải là tên Kubernetes ngắn / must be a short Kubernetes name: '${name}'"
  archive_as="${archive_as:-${name}-$(date -u +%Y%m%d%H%M%S)}"
  [[ "$archive_as" =~ $NAME_PATTERN && "$archive_as" != "$SOURCE_CLUSTER" ]] ||
    fail "--archive-as phải khác ${SOURCE_CLUSTER} / must differ from ${SOURCE_CLUSTER}: '${archive_as}'"
}

# The recovery stanza: from the object store, to the target time when one is given.
recovery_bootstrap() {
  printf '{"recovery": {"source": "origin", "database": "app", "owner": "app"'
  [[ -n "$target_time" ]] && printf ', "recoveryTarget": {"targetTime": "%s"}' "$target_time"
  printf '}}'
}

# A kustomization over the overlay that turns its Cluster into the recovered one.
write_kustomization() {
  local dir="$1" overlay_path
  overlay_path=$(realpath --relative-to="$dir" "$k8s_dir/overlays/$overlay")
  cat >"$dir/kustomization.yaml" <<EOF
resources:
  - ${overlay_path}
patches:
  - target: {kind: Cluster, name: ${SOURCE_CLUSTER}}
    patch: |-
      - op: replace
        path: /metadata/name
        value: ${name}
      - op: replace
        path: /spec/bootstrap
        value: $(recovery_bootstrap)
      - op: add
        path: /spec/externalClusters
        value: [{"name": "origin", "plugin": {"name": "${PLUGIN}", "parameters": {"barmanObjectName": "${OBJECT_STORE}", "serverName": "${SOURCE_CLUSTER}"}}}]
      - op: replace
        path: /spec/plugins/0/parameters
        value: {"barmanObjectName": "${OBJECT_STORE}", "serverName": "${archive_as}"}
  - target: {kind: NetworkPolicy, name: postgres-ingress}
    patch: |-
      - op: replace
        path: /metadata/name
        value: ${name}-ingress
      - op: replace
        path: /spec/podSelector/matchLabels/cnpg.io~1cluster
        value: ${name}
EOF
}

# Keeps the documents of the recovered Cluster and its NetworkPolicy from the rendered overlay.
select_recovery_objects() {
  awk -v cluster="$name" -v policy="${name}-ingress" '
    function flush() {
      if ((kind == "Cluster" && object == cluster) || (kind == "NetworkPolicy" && object == policy)) {
        printf "%s%s", (printed++ ? "---\n" : ""), doc
      }
      doc = ""; kind = ""; object = ""; in_metadata = 0
    }
    /^---$/ { flush(); next }
    { doc = doc $0 "\n" }
    /^kind: / { kind = $2 }
    /^metadata:/ { in_metadata = 1; next }
    /^[^ ]/ { in_metadata = 0 }
    in_metadata && /^  name: / { object = $2 }
    END { flush() }'
}

main() {
  parse_arguments "$@"
  local manifests
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  write_kustomization "$work"
  manifests=$(kubectl kustomize "$work" | select_recovery_objects)
  [[ "$manifests" == *"kind: Cluster"* ]] ||
    fail "overlay ${overlay} không có Cluster ${SOURCE_CLUSTER} / has no Cluster ${SOURCE_CLUSTER}"
  if [[ "$apply" == true ]]; then
    printf '%s\n' "$manifests" | kubectl apply -f -
    printf 'restore.sh: theo dõi / follow: kubectl -n %s get cluster %s -w\n' "$NAMESPACE" "$name" >&2
  else
    printf '%s\n' "$manifests"
  fi
  printf 'restore.sh: bản sao lưu mới của cụm này / this cluster now backs up as serverName %s\n' "$archive_as" >&2
}

main "$@"
