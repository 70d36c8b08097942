import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { territoryReads } from '@ps/contracts';
import { InvariantViolation } from '@ps/errors';
import {
  awaitTerritoryProjected,
  copyTestDatabase,
  databaseComment,
  infrastructure,
  recreateTestDatabase,
  repositoryRoot,
  startNodeProcess,
  type StartedProcess,
} from '@ps/testing';

/**
 * The gateway listens on PS_E2E_PORT_BASE (14000 unless set) and the four services on the next
 * four ports, so two suites (or two checkouts) can each run a platform side by side.
 */
const PORT_BASE = Number(process.env.PS_E2E_PORT_BASE ?? 14000);
if (!Number.isInteger(PORT_BASE) || PORT_BASE < 1024 || PORT_BASE > 65_530) {
  throw new InvariantViolation(`PS_E2E_PORT_BASE must be a port from 1024 to 65530, not ${process.env.PS_E2E_PORT_BASE}`);
}

export const SERVICES = [
  { name: 'organization', port: PORT_BASE + 1 },
  { name: 'personnel', port: PORT_BASE + 2 },
  { name: 'evaluation', port: PORT_BASE + 3 },
  { name: 'reform', port: PORT_BASE + 4 },
] as const;
export type ServiceName = (typeof SERVICES)[number]['name'];

export const GATEWAY_PORT = PORT_BASE;
/**
 * How long a suite's platform may take to start. The first suite of a run seeds both national trees
 * and waits until every service has projected their ~18,000 events: about 4 minutes on Node 20 on a
 * quiet 2-core machine, and over 5 once when other work shared it; later suites start from snapshots.
 */
export const PLATFORM_START_TIMEOUT_MS = 600_000;
/** Every run gets its own topics and consumer groups, so a developer's running stack is never touched. */
export const TOPIC_PREFIX = `e2e-${process.pid}-${Date.now()}.`;

export const databaseOf = (service: ServiceName): string => infrastructure.databaseUrl(`ps_${service}_e2e_test`);
export const subgraphUrl = (service: ServiceName): string =>
  `http://127.0.0.1:${SERVICES.find((s) => s.name === service)?.port}/graphql`;
export const gatewayUrl = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
/** The web console's local origin, as the realm's `console` client and the gateway's CORS allow it. */
export const CONSOLE_ORIGIN = 'http://127.0.0.1:5173';

/** What the gateway and every subgraph share: the realm and the gateway's proof key. */
const sharedEnv = {
  KEYCLOAK_URL: infrastructure.keycloakUrl,
  KEYCLOAK_REALM: infrastructure.keycloakRealm,
  KEYCLOAK_CLIENT_ID: infrastructure.keycloakClientId,
  GATEWAY_PROOF_SECRET: infrastructure.gatewayProofSecret,
};

export interface PlatformOptions {
  /** Added to (or replacing) the gateway's environment: limits, subgraph URLs. */
  gatewayEnv?: Record<string, string>;
  /** The services to start (all unless given): a test of the edge alone needs organization only; the others stay down. */
  services?: readonly ServiceName[];
  /** The services' Kafka (default: the shared broker); a test that stops Kafka passes its private one. */
  kafkaBrokers?: readonly string[];
  /** Added to the environment of the gateway and every service: a test that stops Keycloak passes its private one's URL. */
  sharedEnv?: Record<string, string>;
}

/** A further instance of a service beside its first: its own name and port, the same database and consumer groups. */
export interface ServiceInstance {
  name: string;
  port: number;
}

/**
 * Starts one service on its port, database and this run's topics; also how a test brings back a
 * service it stopped or killed, on the same state. With `instance`, a further copy of the service
 * that shares its database and consumer groups (Kafka then splits the partitions between them).
 */
export function startPlatformService(name: ServiceName, options: PlatformOptions = {}, instance?: ServiceInstance): Promise<StartedProcess> {
  const { port } = SERVICES.find((service) => service.name === name) as (typeof SERVICES)[number];
  return startNodeProcess({
    name: instance?.name ?? name,
    folder: join('services', name),
    port: instance?.port ?? port,
    env: {
      ...sharedEnv,
      ...options.sharedEnv,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseOf(name),
      KAFKA_BROKERS: (options.kafkaBrokers ?? infrastructure.kafkaBrokers).join(','),
      KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
      ...(name === 'organization' ? { KEYCLOAK_ADMIN_CLIENT_SECRET: infrastructure.keycloakAdminClientSecret } : {}),
    },
  });
}

/**
 * The platforms of one jest run share a starting point: the first to start all four services
 * keeps their databases, seeded and with the national territory projected into each, as this
 * run's snapshots; every later platform of the run starts from copies of them (seconds, where
 * the seed and the projection through Kafka take minutes). Jest runs the suites in band, in one
 * process, whose pid and start time name the run; a snapshot of another run is never used.
 * PS_E2E_FRESH=1 starts every platform from the seed.
 */
const RUN = `${process.pid}@${Math.round(Date.now() / 1000 - process.uptime())}`;
const SNAPSHOTS = process.env.PS_E2E_FRESH !== '1';
const snapshotOf = (service: ServiceName): string => infrastructure.databaseUrl(`ps_${service}_e2e_start_test`);

async function snapshotsOfThisRun(services: readonly ServiceName[]): Promise<boolean> {
  if (!SNAPSHOTS) return false;
  for (const service of services) if ((await databaseComment(snapshotOf(service))) !== RUN) return false;
  return true;
}

/** Once the territory is in every service: the four services stopped, their databases kept as this run's snapshots, the services started again. */
async function keepSnapshots(started: StartedProcess[], options: PlatformOptions): Promise<void> {
  await everyServiceProjectedTheTerritory(undefined, 600_000);
  const at = (service: ServiceName) => started.findIndex((process) => process.name === service);
  for (const { name } of SERVICES) await started[at(name)].stop();
  for (const { name } of SERVICES) await copyTestDatabase(databaseOf(name), snapshotOf(name), RUN);
  for (const { name } of SERVICES) started[at(name)] = await startPlatformService(name, options);
}

/**
 * The whole platform as separate processes, exactly as `npm start` runs it, on fresh test
 * databases: organization seeded with the demo territory, the others fed through Kafka (or, after
 * the run's first platform, copies of its databases as they stood once the territory was in).
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<StartedProcess[]> {
  const services = SERVICES.filter(({ name }) => options.services?.includes(name) ?? true);
  const fromSnapshots = await snapshotsOfThisRun(services.map(({ name }) => name));
  if (fromSnapshots) {
    for (const { name } of services) await copyTestDatabase(snapshotOf(name), databaseOf(name));
  } else {
    for (const { name } of services) await recreateTestDatabase(databaseOf(name));
    execFileSync(process.execPath, ['dist/seed/seed.js'], {
      cwd: join(repositoryRoot(), 'services', 'organization'),
      env: { ...process.env, DATABASE_URL: databaseOf('organization'), LOG_LEVEL: 'warn' },
    });
  }
  const started: StartedProcess[] = [];
  try {
    for (const { name } of services) started.push(await startPlatformService(name, options));
    started.push(
      await startNodeProcess({
        name: 'gateway',
        folder: 'gateway',
        port: GATEWAY_PORT,
        env: {
          ...sharedEnv,
          ...options.sharedEnv,
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          KEYCLOAK_CLIENT_SECRET: infrastructure.keycloakClientSecret,
          CORS_ALLOWED_ORIGINS: CONSOLE_ORIGIN,
          ORGANIZATION_URL: subgraphUrl('organization'),
          PERSONNEL_URL: subgraphUrl('personnel'),
          EVALUATION_URL: subgraphUrl('evaluation'),
          REFORM_URL: subgraphUrl('reform'),
          ...options.gatewayEnv,
        },
      }),
    );
    if (SNAPSHOTS && !fromSnapshots && services.length === SERVICES.length) await keepSnapshots(started, options);
  } catch (error) {
    await stopPlatform(started);
    throw error;
  }
  return started;
}

export async function stopPlatform(processes: StartedProcess[]): Promise<void> {
  for (const process of [...processes].reverse()) await process.stop();
}

/** The types of organization's territory events: what each service's `<service>.territory` consumer applies. */
export const TERRITORY_EVENT_TYPES = [...new Set(Object.values(territoryReads).map((event) => event.type))];

/**
 * Waits until personnel, evaluation and reform (or the services named) have each applied every
 * territory event organization's outbox holds; a busy machine may need longer than the default.
 */
export function everyServiceProjectedTheTerritory(
  services: ReadonlyArray<Exclude<ServiceName, 'organization'>> = ['personnel', 'evaluation', 'reform'],
  timeoutMs = 180_000,
): Promise<void> {
  const consumers = services.map((name) => ({ name, databaseUrl: databaseOf(name) }));
  return awaitTerritoryProjected(databaseOf('organization'), consumers, TERRITORY_EVENT_TYPES, timeoutMs);
}

/**
 * Runs a service's demo seed (`dist/seed/seed.js`) on its test database as `npm start` does,
 * once the platform runs and the seeds it follows have run; answers how long it took, in seconds.
 */
export function runServiceSeed(service: Exclude<ServiceName, 'organization'>): number {
  const started = Date.now();
  execFileSync(process.execPath, ['dist/seed/seed.js'], {
    cwd: join(repositoryRoot(), 'services', service),
    env: { ...process.env, DATABASE_URL: databaseOf(service), LOG_LEVEL: 'warn' },
  });
  return (Date.now() - started) / 1000;
}
