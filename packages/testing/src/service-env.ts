import { randomUUID } from 'node:crypto';
import { infrastructure } from './infrastructure';
import { eventually } from './wait';

/**
 * Environment for a service started inside a test: a free port, its own test database,
 * its own Kafka topic prefix, the real Keycloak.
 */
export function serviceTestEnv(service: string, database = `ps_${service}_test`): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    PORT: '0',
    DATABASE_URL: infrastructure.databaseUrl(database),
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `test-${service}-${process.pid}-${Date.now()}.`,
    KEYCLOAK_URL: infrastructure.keycloakUrl,
    KEYCLOAK_REALM: infrastructure.keycloakRealm,
    KEYCLOAK_CLIENT_ID: infrastructure.keycloakClientId,
  };
}

/** The demo territory as the organization service announces it (UnitCreated v1 envelopes). */
export function demoTerritoryAnnouncements(): Array<{ key: string; value: string }> {
  const units = [
    { code: '74', name: 'Tỉnh Bình Dương', tier: 'PROVINCE', parentCode: null, path: '74' },
    { code: '720', name: 'Huyện Dầu Tiếng', tier: 'DISTRICT', parentCode: '74', path: '74.720' },
    { code: '25801', name: 'Xã An Lập', tier: 'COMMUNE', parentCode: '720', path: '74.720.25801' },
    { code: '25789', name: 'Xã Định An', tier: 'COMMUNE', parentCode: '720', path: '74.720.25789' },
  ];
  return units.map((unit) => {
    const id = randomUUID();
    const envelope = {
      id,
      type: 'UnitCreated',
      version: 1,
      occurredAt: new Date().toISOString(),
      aggregateId: unit.code,
      unitPath: unit.path,
      actor: 'system:test',
      correlationId: id,
      causationId: null,
      payload: { ...unit, validFrom: '1999-01-01', validTo: null, decision: null },
    };
    return { key: unit.code, value: JSON.stringify(envelope) };
  });
}

/**
 * Announces the demo territory on the organization topic through `publish` and waits until
 * the service under test has projected all of it (`projected` counts its territory rows).
 */
export async function announceDemoTerritory(
  publish: (messages: Array<{ key: string; value: string }>) => Promise<void>,
  projected: () => Promise<number>,
): Promise<void> {
  const announcements = demoTerritoryAnnouncements();
  await publish(announcements);
  await eventually(async () => ((await projected()) >= announcements.length ? true : undefined), {
    what: 'demo territory projected',
  });
}
