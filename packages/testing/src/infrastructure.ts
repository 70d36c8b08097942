import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot } from './repository';

/** Local endpoints, overridable by the same variables the services read. */
export const infrastructure = {
  /** A database on the test server; PS_TEST_DATABASE_SUFFIX keeps two checkouts' test runs apart. */
  databaseUrl: (database: string): string => {
    const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${database}${process.env.PS_TEST_DATABASE_SUFFIX ?? ''}`;
    return url.toString();
  },
  kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  keycloakUrl: process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180',
  keycloakRealm: process.env.KEYCLOAK_REALM ?? 'political-system',
  keycloakClientId: process.env.KEYCLOAK_CLIENT_ID ?? 'platform-api',
  keycloakClientSecret: process.env.KEYCLOAK_CLIENT_SECRET ?? 'platform-api-local-secret',
  /** The organization service's account administration (the realm's `platform-admin` client). */
  keycloakAdminClientSecret: process.env.KEYCLOAK_ADMIN_CLIENT_SECRET ?? 'platform-admin-local-secret',
  /** Shared by the gateway and the subgraphs; the local default is the one in every `.env.example`. */
  gatewayProofSecret: process.env.GATEWAY_PROOF_SECRET ?? 'local-gateway-proof-secret-change-in-production',
};

/** Runs `infra/local/<script>` with extra environment; it is idempotent and waits for readiness. */
export function runInfraScript(script: string, args: string[] = [], env: Record<string, string> = {}): void {
  execFileSync('bash', [join(repositoryRoot(), 'infra', 'local', script), ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
}

/** Brings PostgreSQL, Kafka and Keycloak up (no-op when they already run). */
export function ensureInfrastructure(): void {
  runInfraScript('up.sh');
}
