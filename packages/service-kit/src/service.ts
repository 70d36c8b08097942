import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createKeycloakVerifier, type Principal, type TerritoryGuard, type TokenVerifier } from '@ps/auth';
import { countOutboxBacklog, EventBus, kafkaSecurityFromEnv, OutboxRelay, type InboxConsumer } from '@ps/events';
import { stopTracing } from '@ps/telemetry';
import type { GraphQLSchema } from 'graphql';
import type { DataSource, DataSourceOptions as TypeOrmOptions } from 'typeorm';
import { createDataSource, ensureDatabase, openDatabase } from './data-source';
import { edgeSettings } from './edge/edge.settings';
import { loadEnv, serviceEnvSchema, type ServiceEnv } from './env';
import { closeServer, handleShutdown, listen, startInBackground, type Stoppable } from './lifecycle';
import { createLogger, type Logger } from './logger';
import { signingKeyReadiness } from './health';
import { createServiceMetrics, observeMessaging } from './metrics';
import { guardMutations, printFederatedSdl } from './schema';
import { createSubgraphServer } from './server';

/** What every resolver receives: the verified caller and this request's batch loaders. */
export interface RequestContext<Loaders> {
  principal: Principal;
  loaders: Loaders;
}

export interface ServiceDependencies {
  dataSource: DataSource;
  bus: EventBus;
  logger: Logger;
}

/** One service, described once; `runService` and the tests start it the same way. */
export interface ServiceDefinition<Loaders> {
  name: string;
  entities: NonNullable<TypeOrmOptions['entities']>;
  migrations: NonNullable<TypeOrmOptions['migrations']>;
  schema: (dataSource: DataSource) => Promise<GraphQLSchema>;
  /** The territory tree the service guards with; every mutation first asks it whether the caller still serves. */
  territory: TerritoryGuard;
  /** Per-request loaders; they apply the caller's territory guard in their SQL. */
  loaders: (dataSource: DataSource, principal: Principal) => Loaders;
  /** Event consumers to start after the server (each with its own inbox name). */
  consumers?: (dependencies: ServiceDependencies) => InboxConsumer[];
}

export interface RunningService {
  url: string;
  dataSource: DataSource;
  bus: EventBus;
  stop: () => Promise<void>;
}

/**
 * Starts a service: data source → migrations → server → consumers (joining in the background)
 * → outbox relay. Port 0 picks a free port (tests). Stopping reverses the order.
 */
export async function startService<Loaders>(
  definition: ServiceDefinition<Loaders>,
  env: ServiceEnv,
  logger: Logger = createLogger(definition.name, env.LOG_LEVEL),
  verifier: TokenVerifier = createKeycloakVerifier(
    {
      url: env.KEYCLOAK_URL,
      backchannelUrl: env.KEYCLOAK_BACKCHANNEL_URL,
      realm: env.KEYCLOAK_REALM,
      clientId: env.KEYCLOAK_CLIENT_ID,
      keys: { maxAgeMs: env.KEYCLOAK_KEYS_MAX_AGE_SECONDS * 1000 },
    },
    logger,
  ),
): Promise<RunningService> {
  const edge = edgeSettings(env);
  const kafkaSecurity = kafkaSecurityFromEnv(env);
  const stoppables: Stoppable[] = [];
  const stop = async (): Promise<void> => {
    for (const stoppable of stoppables.reverse()) await stoppable.stop();
  };
  try {
    await ensureDatabase(env.DATABASE_URL).catch((error: unknown) => {
      // Managed databases (Kubernetes) exist before the service and its role may not create one.
      logger.warn({ err: error }, 'could not check or create the database; assuming it exists');
    });
    const dataSource = createDataSource({
      url: env.DATABASE_URL,
      entities: definition.entities,
      migrations: definition.migrations,
      applicationName: definition.name,
      poolSize: env.DATABASE_POOL_SIZE,
    });
    await openDatabase(dataSource, logger, { migrate: env.MIGRATE_ON_START });
    stoppables.push({ name: 'database', stop: () => dataSource.destroy() });
    const metrics = createServiceMetrics(definition.name);

    const { app, apollo } = await createSubgraphServer<RequestContext<Loaders>>({
      schema: guardMutations(await definition.schema(dataSource), ({ principal }: RequestContext<Loaders>) =>
        definition.territory.requireServing(dataSource.manager, principal),
      ),
      logger,
      context: async (request) => {
        const principal = await verifier.verify(request.headers.authorization);
        return { principal, loaders: definition.loaders(dataSource, principal) };
      },
      readiness: [{ name: 'database', check: async () => void (await dataSource.query('SELECT 1')) }, ...signingKeyReadiness(verifier)],
      gatewayProofSecret: env.GATEWAY_PROOF_SECRET,
      edge,
      metrics,
    });
    stoppables.push({ name: 'apollo', stop: () => apollo.stop() });
    const server = await listen(app, env.PORT, { keepAliveTimeoutMs: edge.keepAliveTimeoutMs });
    stoppables.push(closeServer(server));

    const bus = new EventBus({
      brokers: env.KAFKA_BROKERS,
      clientId: definition.name,
      logger,
      prefix: env.KAFKA_TOPIC_PREFIX,
      security: kafkaSecurity,
    });
    stoppables.push({ name: 'kafka', stop: () => bus.disconnect() });
    // Consumers join their groups in the background: a broker away at boot (restarting) must not
    // keep the service from serving reads; they catch up from their committed offsets when it is back.
    const consumers = definition.consumers?.({ dataSource, bus, logger }) ?? [];
    for (const consumer of consumers) {
      stoppables.push(startInBackground(`Kafka consumer ${consumer.name}`, consumer, logger));
    }
    const consumerGroups = consumers.map((consumer) => ({ groupId: consumer.name, topics: consumer.topics }));
    observeMessaging(
      metrics,
      { outboxBacklog: () => countOutboxBacklog(dataSource), consumerGroups, consumerLag: () => bus.consumerLags(consumerGroups) },
      logger,
    );
    const relay = new OutboxRelay({
      dataSource,
      bus,
      logger,
      ...(env.OUTBOX_WAKE_ON_COMMIT ? { listenUrl: env.DATABASE_LISTEN_URL ?? env.DATABASE_URL } : {}),
    });
    relay.start();
    stoppables.push({ name: 'outbox relay', stop: () => relay.stop() });

    const { port } = server.address() as AddressInfo;
    logger.info({ port }, `${definition.name} ready`);
    return { url: `http://127.0.0.1:${port}/graphql`, dataSource, bus, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** `main.ts` of every service: configuration from the environment, start, stop on SIGTERM. */
export async function runService<Loaders>(definition: ServiceDefinition<Loaders>): Promise<void> {
  const envFile = join(process.cwd(), '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const env = loadEnv(serviceEnvSchema);
  const logger = createLogger(definition.name, env.LOG_LEVEL);
  try {
    const service = await startService(definition, env, logger);
    // Tracing stops last, sending the spans of the requests served until then.
    handleShutdown(logger, [{ name: 'tracing', stop: stopTracing }, { name: definition.name, stop: service.stop }]);
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}

/** The SDL a service publishes for composition, built without touching the database. */
export async function subgraphSdl<Loaders>(definition: ServiceDefinition<Loaders>): Promise<string> {
  const offline = createDataSource({
    url: 'postgres://offline@127.0.0.1:1/offline',
    entities: definition.entities,
    migrations: [],
    applicationName: `${definition.name}-sdl`,
  });
  return printFederatedSdl(await definition.schema(offline));
}

/** Writes `schema.graphql` in `folder` (the `emit-schema` script of every service). */
export async function writeSubgraphSdl<Loaders>(definition: ServiceDefinition<Loaders>, folder: string): Promise<void> {
  writeFileSync(join(folder, 'schema.graphql'), await subgraphSdl(definition));
}

/** The committed `schema.graphql` in `folder`, for the staleness check. */
export function committedSubgraphSdl(folder: string): string {
  return readFileSync(join(folder, 'schema.graphql'), 'utf8');
}

/**
 * An operator command against a service's own database (seeding, loading): reads
 * DATABASE_URL and LOG_LEVEL, creates the database if needed, migrates, runs `work`, closes.
 */
export async function withServiceDatabase<Loaders, T>(
  definition: ServiceDefinition<Loaders>,
  command: string,
  work: (dataSource: DataSource, logger: Logger) => Promise<T>,
  options: { logTo?: 1 | 2 } = {},
): Promise<T> {
  const env = loadEnv(serviceEnvSchema.pick({ DATABASE_URL: true, LOG_LEVEL: true }));
  const logger = createLogger(`${definition.name}-${command}`, env.LOG_LEVEL, options.logTo);
  await ensureDatabase(env.DATABASE_URL);
  const dataSource = createDataSource({
    url: env.DATABASE_URL,
    entities: definition.entities,
    migrations: definition.migrations,
    applicationName: `${definition.name}-${command}`,
  });
  await openDatabase(dataSource, logger, { migrate: true });
  try {
    return await work(dataSource, logger);
  } finally {
    await dataSource.destroy();
  }
}
