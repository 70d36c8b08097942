#!/usr/bin/env bash
# Copies what the subgraphs need to reach Kafka from the platform namespace, where Strimzi's
# operators write it, into the apps namespace (README.md "Kafka authentication and TLS"):
#   <service>-kafka    key password: the password of KafkaUser <service> (Secret <service>)
#   kafka-cluster-ca   key ca.crt:   every certificate of <cluster>-cluster-ca-cert, so that during
#                                    a CA renewal the services trust the old and the new one
# Run it once Kafka and the KafkaUsers are Ready, and again after Strimzi renews its cluster CA
# or a user's password; then restart the subgraphs (they read both at start):
#   infra/k8s/kafka-credentials.sh && kubectl -n political-system rollout restart \
#     deployment -l app.kubernetes.io/component=subgraph
# The password never appears on a command line: its base64 goes from one Secret into the other.
set -euo pipefail

platform=${PLATFORM_NAMESPACE:-political-system-platform}
apps=${APPS_NAMESPACE:-political-system}
cluster=${KAFKA_CLUSTER:-platform-kafka}

apply_secret() { # name key base64-value
  kubectl -n "$apps" apply -f - <<YAML
apiVersion: v1
kind: Secret
metadata:
  name: $1
  labels:
    app.kubernetes.io/part-of: political-system
    app.kubernetes.io/managed-by: kafka-credentials.sh
type: Opaque
data:
  $2: $3
YAML
}

for service in organization personnel evaluation reform; do
  kubectl -n "$platform" wait "kafkauser/$service" --for=condition=Ready --timeout=10m
  apply_secret "$service-kafka" password "$(kubectl -n "$platform" get secret "$service" -o jsonpath='{.data.password}')"
done

ca_secret="$cluster-cluster-ca-cert"
bundle=""
# shellcheck disable=SC2016 # a Go template, not a shell expansion
for key in $(kubectl -n "$platform" get secret "$ca_secret" \
    -o go-template='{{range $k, $v := .data}}{{$k}}{{"\n"}}{{end}}' | grep '\.crt$'); do
  bundle+=$(kubectl -n "$platform" get secret "$ca_secret" -o jsonpath="{.data.${key//./\\.}}" | base64 -d)
  bundle+=$'\n'
done
if [[ "$bundle" != *"BEGIN CERTIFICATE"* ]]; then
  echo "kafka-credentials: no certificate in $platform/$ca_secret" >&2
  exit 1
fi
apply_secret kafka-cluster-ca ca.crt "$(printf '%s' "$bundle" | base64 | tr -d '\n')"
echo "kafka-credentials: 4 user passwords and the cluster CA copied to $apps; restart the subgraphs to use them"
