import { failures } from './manifest';
import { operatorRules } from './manifest-checks';
import { databasesAreConsistent, kafkaIsConsistent, keycloakIsConsistent } from './operator-resources';
import { deployableTargets } from './render';
import { copyOf, pick, plant } from './testing/planting';
import { sampleObjects } from './testing/sample-objects';

it.each(deployableTargets())('%s: the operators\' resources agree with each other', (target) => {
  const objects = copyOf(target);
  for (const rule of operatorRules) expect(failures(rule(objects))).toEqual([]);
});

describe('disagreements are caught', () => {
  it('a missing topic, a topic with more replicas than brokers, a KafkaUser of an undeclared cluster', () => {
    const objects = copyOf('overlays/staging').filter((o) => o.metadata.name !== 'reform-events-v1-dlq');
    plant(pick(objects, 'KafkaTopic', 'personnel-events-v1'), 'spec.replicas', 3);
    const user = sampleObjects()[0];
    plant(user, 'metadata.labels', { 'strimzi.io/cluster': 'other-kafka' });
    expect(failures(kafkaIsConsistent([...objects, user]))).toEqual([
      'Kafka/political-system-platform/platform-kafka: topic reform.events.v1.dlq is not declared',
      'KafkaTopic/political-system-platform/personnel-events-v1: 3 replicas for 1 brokers',
      'KafkaUser/political-system-platform/organization: names Kafka other-kafka, which is not declared in its namespace',
    ]);
  });
  it('a Database owned by a role the cluster does not manage, or dropped with its resource', () => {
    const objects = copyOf('overlays/production');
    const db = pick(objects, 'Database', 'platform-db-reform');
    plant(db, 'spec.owner', 'someone');
    plant(db, 'spec.databaseReclaimPolicy', 'delete');
    expect(failures(databasesAreConsistent(objects))).toEqual([
      'Database/political-system-platform/platform-db-reform: owner someone is not a managed login role',
      'Database/political-system-platform/platform-db-reform: deletes the database with the resource',
    ]);
  });
  it('Keycloak pointed at a database host that is not declared', () => {
    const objects = copyOf('overlays/production');
    plant(pick(objects, 'Keycloak', 'platform-keycloak'), 'spec.db.host', 'postgres.example');
    expect(failures(keycloakIsConsistent(objects))).toEqual([
      'Keycloak/political-system-platform/platform-keycloak: db.host postgres.example is not the -rw Service or a Pooler of a declared CNPG cluster',
    ]);
  });
});
