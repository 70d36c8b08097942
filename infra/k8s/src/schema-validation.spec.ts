import { failures } from './manifest';
import { deployableTargets } from './render';
import { SchemaCatalogue } from './schema-catalogue';
import { fieldPath, validateAgainstSchema } from './schema-validation';
import { copyOf, pick, plant } from './testing/planting';
import { sampleObjects } from './testing/sample-objects';

const catalogue = new SchemaCatalogue();
const schemaFailures = (objects: ReturnType<typeof copyOf>) => failures(objects.flatMap((o) => validateAgainstSchema(o, catalogue)));

describe('every rendered target against the Kubernetes schemas and the vendored CRDs', () => {
  it.each(deployableTargets())('%s: every object matches its schema', (target) => {
    const objects = copyOf(target);
    expect(objects.length).toBeGreaterThanOrEqual(60);
    expect(schemaFailures(objects)).toEqual([]);
  });
});

describe('planted faults are caught, naming the object and the field', () => {
  const planted: [string, string, string, string, unknown, RegExp][] = [
    ['enum', 'KafkaNodePool', 'dual-role', 'spec.storage.volumes.0.kraftMetadata', 'sharedd',
      /KafkaNodePool\/political-system-platform\/dual-role: spec\.storage\.volumes\[0\]\.kraftMetadata: must be one of \["shared"\]/],
    ['type', 'KafkaTopic', 'organization-events-v1', 'spec.partitions', 'six',
      /KafkaTopic\/political-system-platform\/organization-events-v1: spec\.partitions: must be integer/],
    ['unknown Keycloak field', 'Keycloak', 'platform-keycloak', 'spec.http.tlsSecrets', 'keycloak-tls',
      /Keycloak\/political-system-platform\/platform-keycloak: spec\.http\.tlsSecrets: unknown field "tlsSecrets"/],
    ['misspelt CNPG field', 'Cluster', 'platform-db', 'spec.storage.sise', '10Gi',
      /Cluster\/political-system-platform\/platform-db: spec\.storage\.sise: unknown field "sise"/],
    ['wrong KafkaTopic field', 'KafkaTopic', 'reform-events-v1', 'spec.replicationFactor', 3,
      /KafkaTopic\/political-system-platform\/reform-events-v1: spec\.replicationFactor: unknown field/],
    ['core Deployment typo', 'Deployment', 'gateway', 'spec.template.spec.containers.0.imagePulPolicy', 'Always',
      /Deployment\/political-system\/gateway: spec\.template\.spec\.containers\[0\]\.imagePulPolicy: unknown field/],
    ['custom resource metadata typo', 'Kafka', 'platform-kafka', 'metadata.lables', { a: 'b' },
      /Kafka\/political-system-platform\/platform-kafka: metadata\.lables: unknown field/],
    ['core type', 'HorizontalPodAutoscaler', 'personnel', 'spec.maxReplicas', 'eight',
      /HorizontalPodAutoscaler\/political-system\/personnel: spec\.maxReplicas: must be number/],
    ['NetworkPolicy typo', 'NetworkPolicy', 'egress-dns', 'spec.podSelectr', {},
      /NetworkPolicy\/political-system\/egress-dns: spec\.podSelectr: unknown field/],
  ];
  it.each(planted)('%s: %s %s %s', (_what, kind, name, path, value, expected) => {
    const objects = copyOf('overlays/production');
    plant(pick(objects, kind, name), path, value);
    const found = schemaFailures(objects);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });

  it('a KafkaUser with an unknown authentication type or a misspelt field', () => {
    const user = sampleObjects().find((o) => o.kind === 'KafkaUser');
    if (!user) throw new Error('no sample KafkaUser');
    expect(schemaFailures([user])).toEqual([]);
    plant(user, 'spec.authentication.type', 'scram-sha-256');
    plant(user, 'spec.authorisation', { type: 'simple' });
    const found = schemaFailures([user]);
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/KafkaUser\/political-system-platform\/organization: spec\.authentication\.type: must be one of/),
      expect.stringMatching(/KafkaUser\/political-system-platform\/organization: spec\.authorisation: unknown field/),
    ]));
  });

  it('a kind without a vendored schema fails instead of passing unchecked', () => {
    const found = schemaFailures([{ apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'n' } }]);
    expect(found).toEqual(['Widget/n/w: no vendored schema for example.org/v1 Widget (add it in crds/)']);
  });
});

describe('the kinds the other parts of the platform add', () => {
  it.each(sampleObjects().map((o) => [o.kind, o] as const))('a well-formed %s passes', (_kind, object) => {
    expect(schemaFailures([object])).toEqual([]);
  });
  it.each(sampleObjects().map((o) => [o.kind, o] as const))('a %s with a misspelt spec field fails', (_kind, object) => {
    plant(object, 'spec.mispeltField', true);
    expect(schemaFailures([object])).toEqual([expect.stringMatching(/spec\.mispeltField: unknown field/)]);
  });
});

it('field paths read like the manifests', () => {
  expect(fieldPath('/spec/containers/0/env/2/value')).toBe('spec.containers[0].env[2].value');
  expect(fieldPath('/metadata/labels/app.kubernetes.io~1name')).toBe('metadata.labels.app.kubernetes.io/name');
});
