import { infrastructure } from './infrastructure';

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
    GATEWAY_PROOF_SECRET: infrastructure.gatewayProofSecret,
  };
}
