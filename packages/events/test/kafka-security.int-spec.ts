import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, ResourcePatternTypes, type AclEntry } from 'kafkajs';
import pino from 'pino';
import { eventually, repositoryRoot, runInfraScript } from '@ps/testing';
import { parseAllDocuments } from 'yaml';
import { EventBus, kafkaSecurityEnvSchema, kafkaSecurityFromEnv } from '../src';

// A broker of its own whose listener is TLS with SCRAM-SHA-512 and ACLs, as Strimzi's in the
// cluster, and the personnel service's user with the ACLs its KafkaUser declares in
// infra/k8s/base/platform/kafka-users.yaml: what the manifest grants is what the code needs.
const broker = {
  KAFKA_NAME: 'kafka-secure-test',
  KAFKA_PORT: '19392',
  KAFKA_CONTROLLER_PORT: '19393',
  KAFKA_SECURITY: 'sasl_ssl',
  KAFKA_SCRAM_USERS: 'personnel=personnel-test-secret',
};
const brokers = [`127.0.0.1:${broker.KAFKA_PORT}`];
const caFile = join(process.env.PS_LOCAL_DIR ?? join(repositoryRoot(), '.local'), broker.KAFKA_NAME, 'tls', 'ca.pem');
const logger = pino({ level: 'silent' });
const prefix = `test-kafka-security-${process.pid}-${Date.now()}.`;
const patience = { timeoutMs: 90_000 };

interface ManifestAcl {
  resource: { type: 'topic' | 'group'; name: string; patternType?: 'literal' | 'prefix' };
  operations: string[];
}

/** The ACLs of KafkaUser `user` in the manifest, as kafkajs entries on this run's prefixed names. */
function manifestAcls(user: string): AclEntry[] {
  const file = join(repositoryRoot(), 'infra', 'k8s', 'base', 'platform', 'kafka-users.yaml');
  const kafkaUser = parseAllDocuments(readFileSync(file, 'utf8'))
    .map((document) => document.toJS() as { kind: string; metadata: { name: string }; spec: { authorization: { acls: ManifestAcl[] } } })
    .find((document) => document.kind === 'KafkaUser' && document.metadata.name === user);
  if (!kafkaUser) throw new Error(`no KafkaUser ${user} in ${file}`);
  return kafkaUser.spec.authorization.acls.flatMap(({ resource, operations }) =>
    operations.map((operation) => ({
      resourceType: resource.type === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
      resourceName: prefix + resource.name,
      resourcePatternType: resource.patternType === 'prefix' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
      principal: `User:${user}`,
      host: '*',
      operation: AclOperationTypes[operation.toUpperCase() as keyof typeof AclOperationTypes],
      permissionType: AclPermissionTypes.ALLOW,
    })),
  );
}

/** A bus configured the way a subgraph's is: from its environment variables. */
function busOf(variables: Record<string, string>): EventBus {
  const env = kafkaSecurityEnvSchema.parse({ KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', ...variables });
  return new EventBus({ brokers, clientId: `security-test-${variables.KAFKA_USERNAME}`, logger, prefix, security: kafkaSecurityFromEnv(env) });
}

const personnelEnv = { KAFKA_SSL_CA_FILE: caFile, KAFKA_USERNAME: 'personnel', KAFKA_PASSWORD: 'personnel-test-secret' };
const topics = ['organization.events.v1', 'organization.events.v1.dlq', 'evaluation.events.v1', 'evaluation.events.v1.dlq', 'personnel.events.v1', 'reform.events.v1'];
let admin: EventBus;
let personnel: EventBus;

beforeAll(async () => {
  runInfraScript('kafka.sh', ['start'], broker);
  const kafkaAdmin = new Kafka({
    brokers,
    clientId: 'security-test-admin',
    ssl: { ca: [readFileSync(caFile, 'utf8')] },
    sasl: { mechanism: 'scram-sha-512', username: 'admin', password: 'local-admin-secret' },
  }).admin();
  await kafkaAdmin.connect();
  try {
    await kafkaAdmin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic: prefix + topic, numPartitions: 1 })) });
    await kafkaAdmin.createAcls({ acl: manifestAcls('personnel') });
  } finally {
    await kafkaAdmin.disconnect();
  }
  admin = busOf({ KAFKA_SSL_CA_FILE: caFile, KAFKA_USERNAME: 'admin', KAFKA_PASSWORD: 'local-admin-secret' });
  personnel = busOf(personnelEnv);
});

afterAll(async () => {
  await personnel?.disconnect();
  await admin?.disconnect();
  runInfraScript('kafka.sh', ['stop'], broker);
});

it('lets a service do its work over TLS and SCRAM-SHA-512 with no more than its KafkaUser grants', async () => {
  // ensureTopics finds the declared topics without Create (Describe comes with Read and Write)
  await personnel.ensureTopics(['organization.events.v1', 'organization.events.v1.dlq', 'personnel.events.v1']);
  await personnel.publish([{ topic: 'personnel.events.v1', key: 'p1', value: '{"own":true}' }]);
  await personnel.publish([{ topic: 'organization.events.v1.dlq', key: 'u1', value: '{"dead":true}' }]);

  await admin.publish([{ topic: 'organization.events.v1', key: 'u1', value: '{"unit":"720"}' }]);
  const received: string[] = [];
  const stop = await personnel.consume('personnel.territory', ['organization.events.v1'], async (message) => {
    received.push(message.value ?? '');
  });
  try {
    await eventually(async () => (received.length > 0 ? true : undefined), { ...patience, what: 'the event in group personnel.territory' });
  } finally {
    await stop();
  }
  expect(received).toEqual(['{"unit":"720"}']);
  expect(await personnel.consumerLag('personnel.territory', 'organization.events.v1')).toBe(0);
  expect((await admin.readAll('personnel.events.v1')).map((message) => message.value)).toEqual(['{"own":true}']);
});

it('refuses another service’s topic, a topic it does not read and another service’s group', async () => {
  await expect(personnel.publish([{ topic: 'organization.events.v1', key: 'u1', value: '{}' }])).rejects.toThrow(/not authorized|authorization/i);
  await expect(personnel.consumerLag('personnel.territory', 'reform.events.v1')).rejects.toThrow(/not authorized|authorization/i);
  // The broker refuses FindCoordinator for a group outside the user's prefix, which kafkajs reports
  // as a coordinator it could not find; the same call for personnel's own group answers (above).
  await expect(personnel.consumerLag('reform.territory', 'organization.events.v1')).rejects.toThrow(/not authorized|authorization|Failed to find group coordinator/i);
});

it('refuses a wrong password, and a broker whose CA it was not given', async () => {
  const wrongPassword = busOf({ ...personnelEnv, KAFKA_PASSWORD: 'not-the-password' });
  await expect(wrongPassword.publish([{ topic: 'personnel.events.v1', key: 'p', value: '{}' }])).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
  await wrongPassword.disconnect();
  const withoutCa = busOf({ KAFKA_USERNAME: 'personnel', KAFKA_PASSWORD: 'personnel-test-secret' });
  await expect(withoutCa.publish([{ topic: 'personnel.events.v1', key: 'p', value: '{}' }])).rejects.toThrow(/certificate/);
  await withoutCa.disconnect();
});
