import type { K8sObject } from '../manifest';

const platform = 'political-system-platform';
const apps = 'political-system';

/**
 * Well-formed examples of the kinds the platform's other manifests use (Kafka users, the
 * connection pooler, backups, certificates, the Gateway API, monitoring), each a fresh copy.
 */
export function sampleObjects(): K8sObject[] {
  return [
    {
      apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaUser',
      metadata: { name: 'organization', namespace: platform, labels: { 'strimzi.io/cluster': 'platform-kafka' } },
      spec: {
        authentication: { type: 'scram-sha-512' },
        authorization: { type: 'simple', acls: [
          { resource: { type: 'topic', name: 'organization.events.v1', patternType: 'literal' }, operations: ['Write', 'Describe'] },
          { resource: { type: 'group', name: 'organization', patternType: 'prefix' }, operations: ['Read'] },
        ] },
      },
    },
    {
      apiVersion: 'postgresql.cnpg.io/v1', kind: 'Pooler', metadata: { name: 'platform-db-pooler-rw', namespace: platform },
      spec: { cluster: { name: 'platform-db' }, instances: 2, type: 'rw', pgbouncer: { poolMode: 'transaction', parameters: { default_pool_size: '20' } } },
    },
    {
      apiVersion: 'postgresql.cnpg.io/v1', kind: 'ScheduledBackup', metadata: { name: 'platform-db-daily', namespace: platform },
      spec: { schedule: '0 0 2 * * *', cluster: { name: 'platform-db' }, backupOwnerReference: 'self', method: 'barmanObjectStore' },
    },
    {
      apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'gateway-tls', namespace: apps },
      spec: { secretName: 'gateway-tls', dnsNames: ['api.example.gov.vn'], issuerRef: { name: 'provincial-ca', kind: 'ClusterIssuer' } },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'public', namespace: apps },
      spec: { gatewayClassName: 'cluster-gateway', listeners: [{ name: 'https', protocol: 'HTTPS', port: 443, hostname: 'api.example.gov.vn',
        tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'gateway-tls' }] } }] },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'gateway', namespace: apps },
      spec: { parentRefs: [{ name: 'public' }], hostnames: ['api.example.gov.vn'],
        rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'gateway', port: 4000 }] }] },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'political-system', namespace: apps },
      spec: { selector: { matchLabels: { 'app.kubernetes.io/part-of': 'political-system' } }, endpoints: [{ port: 'http', path: '/metrics', interval: '30s' }] },
    },
    {
      apiVersion: 'k8s.keycloak.org/v2beta1', kind: 'KeycloakRealmImport', metadata: { name: 'political-system', namespace: platform },
      spec: { keycloakCRName: 'platform-keycloak', realm: { realm: 'political-system', enabled: true } },
    },
  ];
}
