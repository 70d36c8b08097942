#!/usr/bin/env bash
# Re-vendors the schemas the manifests are validated against (see SOURCES.md), from Maven
# Central and the npm registry only. Needs java, mvn, npm and node; run from anywhere:
#   bash infra/k8s/crds/vendor.sh [strimzi|models|all]
# Keycloak's CRDs are hand-written (keycloak/) and left alone: no registry here carries them.
set -euo pipefail

STRIMZI_API=0.49.1
# Strimzi's build runs its own crd-generator module, not published for 0.46-0.51; 1.2.0 is
# the first published one that reads the annotations the 0.49.1 classes carry
# (@RequiredInVersions, @PresentInVersions on subtypes); it needs Java >= 21.
STRIMZI_GENERATOR=1.2.0
JAVA="${STRIMZI_JAVA:-}"
for candidate in "$JAVA" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java java; do
  [[ -n "$candidate" ]] || continue
  major="$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')"
  if [[ "${major:-0}" -ge 21 ]]; then JAVA="$candidate" && break; fi
done
NPM_MODELS=(kubernetes-models@5.1.0 @kubernetes-models/cloudnative-pg@2.0.0 @kubernetes-models/cert-manager@6.0.0
  @kubernetes-models/gateway-api@2.0.0 @kubernetes-models/prometheus-operator@6.0.0)

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

strimzi_generate() { # <class> <out file> <api versions> [extra args]
  "$JAVA" -cp "$work/strimzi/lib/*" io.strimzi.crdgenerator.CrdGenerator \
    --label app:strimzi --label strimzi.io/crd-install:true --target-kube 1.16+ \
    --crd-api-version v1 --api-versions "$3" --storage-version v1beta2 "${@:4}" "$1=$2" 2>/dev/null
}

vendor_strimzi() {
  [[ -n "$JAVA" && "${major:-0}" -ge 21 ]] || { echo "vendor.sh: Strimzi's crd-generator $STRIMZI_GENERATOR needs Java >= 21 (set STRIMZI_JAVA)" >&2; exit 1; }
  # The same generator invocation as Strimzi's own build (api/pom.xml), on the published api jar;
  # JSON rather than --yaml: the same document, parsed in milliseconds instead of seconds.
  mkdir -p "$work/strimzi"
  cat >"$work/strimzi/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>strimzi-crds</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.strimzi</groupId><artifactId>api</artifactId><version>$STRIMZI_API</version></dependency>
    <dependency><groupId>io.strimzi</groupId><artifactId>crd-generator</artifactId><version>$STRIMZI_GENERATOR</version></dependency>
  </dependencies></project>
EOF
  (cd "$work/strimzi" && mvn -q -B -Dstyle.color=never dependency:copy-dependencies -DoutputDirectory=lib)
  local out="$here/strimzi/$STRIMZI_API"
  rm -rf "$out" && mkdir -p "$out"
  local model=io.strimzi.api.kafka.model
  strimzi_generate "$model.kafka.Kafka" "$out/kafkas.kafka.strimzi.io.json" v1beta2,v1 --describe-api-versions v1alpha1
  strimzi_generate "$model.nodepool.KafkaNodePool" "$out/kafkanodepools.kafka.strimzi.io.json" v1beta2,v1
  strimzi_generate "$model.topic.KafkaTopic" "$out/kafkatopics.kafka.strimzi.io.json" v1alpha1,v1beta1,v1beta2,v1
  strimzi_generate "$model.user.KafkaUser" "$out/kafkausers.kafka.strimzi.io.json" v1alpha1,v1beta1,v1beta2,v1
  for f in "$out"/*.json; do # one field a line, so a re-vendor reads as a diff
    node -e 'const fs=require("fs");const f=process.argv[1];fs.writeFileSync(f,JSON.stringify(JSON.parse(fs.readFileSync(f,"utf8")),null,1)+"\n")' "$f"
  done
  (cd "$work/strimzi/lib" && sha256sum "api-$STRIMZI_API.jar" "crd-generator-$STRIMZI_GENERATOR.jar") >"$out/SOURCE.sha256"
}

models() { # <package> <out dir> <apiVersion/Kind>...
  local version
  version="$(node -p "require('$work/models/node_modules/$1/package.json').version")"
  (cd "$here" && node models-to-schema.mjs "$work/models/node_modules" "$1" "$2/schema.json" "${@:3}")
  npm view "$1@$version" dist.integrity >"$2/SOURCE.integrity"
}

vendor_models() {
  mkdir -p "$work/models" && (cd "$work/models" && npm init -y >/dev/null &&
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "${NPM_MODELS[@]}")
  rm -rf "$here"/{kubernetes,cloudnative-pg,cert-manager,gateway-api,prometheus-operator}
  models kubernetes-models "$here/kubernetes/models-5.1.0" v1/Namespace v1/ServiceAccount v1/ConfigMap v1/Secret \
    v1/Service v1/PersistentVolumeClaim apps/v1/Deployment apps/v1/StatefulSet batch/v1/Job batch/v1/CronJob \
    autoscaling/v2/HorizontalPodAutoscaler policy/v1/PodDisruptionBudget networking.k8s.io/v1/NetworkPolicy \
    networking.k8s.io/v1/Ingress rbac.authorization.k8s.io/v1/Role rbac.authorization.k8s.io/v1/RoleBinding
  local cnpg=postgresql.cnpg.io/v1
  models @kubernetes-models/cloudnative-pg "$here/cloudnative-pg/models-2.0.0" \
    $cnpg/Cluster $cnpg/Database $cnpg/Pooler $cnpg/ScheduledBackup $cnpg/Backup
  models @kubernetes-models/cert-manager "$here/cert-manager/models-6.0.0" \
    cert-manager.io/v1/Certificate cert-manager.io/v1/Issuer cert-manager.io/v1/ClusterIssuer
  local gw=gateway.networking.k8s.io
  models @kubernetes-models/gateway-api "$here/gateway-api/models-2.0.0" \
    $gw/v1/Gateway $gw/v1/GatewayClass $gw/v1/HTTPRoute $gw/v1/GRPCRoute $gw/v1/ReferenceGrant $gw/v1beta1/ReferenceGrant
  local mon=monitoring.coreos.com/v1
  models @kubernetes-models/prometheus-operator "$here/prometheus-operator/models-6.0.0" \
    $mon/ServiceMonitor $mon/PodMonitor $mon/PrometheusRule
}

case "${1:-all}" in
  strimzi) vendor_strimzi ;;
  models) vendor_models ;;
  all) vendor_strimzi && vendor_models ;;
  *) echo "usage: vendor.sh [strimzi|models|all]" >&2 && exit 2 ;;
esac
echo "vendored into $here; compare with git diff and update SOURCES.md"
