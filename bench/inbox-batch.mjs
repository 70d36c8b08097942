// `pnpm --filter @ps/bench inbox-batch` (after `pnpm build`): how fast a consuming service projects
// the territory, one inbox transaction per message against a fetched batch per transaction, side
// by side in rounds A B A B. The events are the real ones: the organization service's national
// territory load writes them to its outbox, the first EVENTS (5,000) territory events are put on
// a topic of this run, and each round a fresh consumer group reads them into an emptied
// territory projection (`projectTerritory` of @ps/auth) — A: `batchSize: 1` (each message in its
// own transaction, as before batches), B: the default batches, each run of events applied at once
// by the projection's batch handler. Timed from the first inbox
// transaction to the last event's inbox row being visible. Needs PostgreSQL and Kafka
// (`pnpm infra:up`); uses the databases ps_bench_test_inbox_batch_{source,sink}.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { DataSource } from 'typeorm';
import {
  CreateTerritoryProjection1732780000000,
  DateTerritoryProjection1732850000000,
  MarkCeasedUnits1732855000000,
  projectTerritory,
} from '@ps/auth';
import { EventBus, InboxConsumer, MESSAGING_MIGRATIONS, eventHeaders } from '@ps/events';
import { createDataSource, createLogger, openDatabase } from '@ps/service-kit';
import { eventually, infrastructure, recreateTestDatabase } from '@ps/testing';
import { organizationService } from '@ps/organization/dist/service.js';
import { loadTerritory } from '@ps/organization/dist/territory-load/territory-load.service.js';
import { alternate, median, round, writeResults } from './lib.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 2);
const EVENTS = Number(process.env.EVENTS ?? 5_000);
const VARIANTS = ['per-message', 'batched'];
const BATCH_SIZE = { 'per-message': 1, batched: undefined };
const TERRITORY_EVENTS = ['UnitCreated', 'UnitsMerged', 'UnitSplit', 'UnitDissolved', 'UnitMoved', 'UnitRenamed', 'BoundaryAdjusted'];
const logger = pino({ level: 'silent' });
const url = (name) => infrastructure.databaseUrl(`ps_bench_test_inbox_batch_${name}`);

/** The first EVENTS territory events of a national load, as the relay would send them. */
async function territoryMessages() {
  await recreateTestDatabase(url('source'));
  const source = createDataSource({ url: url('source'), entities: organizationService.entities, migrations: organizationService.migrations, applicationName: 'inbox-batch-bench' });
  await openDatabase(source, createLogger('inbox-batch-bench', 'silent'), { migrate: true });
  try {
    await loadTerritory(source, { threeTierFrom: '2024-01-01', only: null }, logger);
    const rows = await source.query(
      'SELECT topic, message_key, envelope FROM outbox WHERE event_type = ANY($1) ORDER BY position LIMIT $2',
      [TERRITORY_EVENTS, EVENTS],
    );
    if (rows.length < EVENTS) throw new RangeError(`the load wrote ${rows.length} territory events, fewer than EVENTS=${EVENTS}`);
    return rows.map(({ topic, message_key, envelope }) => ({ topic, key: message_key, value: JSON.stringify(envelope), headers: eventHeaders(envelope) }));
  } finally {
    await source.destroy();
  }
}

async function projectionDatabase() {
  await recreateTestDatabase(url('sink'));
  const dataSource = new DataSource({
    type: 'postgres',
    url: url('sink'),
    migrations: [...MESSAGING_MIGRATIONS, CreateTerritoryProjection1732780000000, DateTerritoryProjection1732850000000, MarkCeasedUnits1732855000000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

const messages = await territoryMessages();
const sink = await projectionDatabase();
const bus = new EventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'bench-inbox-batch', logger, prefix: `bench-${Date.now()}.` });
const topics = [...new Set(messages.map((message) => message.topic))];
await bus.ensureTopics(topics);
for (let start = 0; start < messages.length; start += 1_000) await bus.publish(messages.slice(start, start + 1_000));

/** Seconds from the first inbox transaction of a fresh consumer group to its EVENTS-th inbox row. */
async function measure(variant, pair) {
  await sink.query('TRUNCATE territory_unit, territory_unit_end, inbox');
  const name = `bench-territory-${variant}-${pair}`;
  const consumer = projectTerritory(new InboxConsumer({ name, bus, dataSource: sink, logger, batchSize: BATCH_SIZE[variant] }));
  await consumer.start();
  try {
    const finishedAt = await eventually(
      async () => {
        const [row] = await sink.query('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1', [name]);
        return row.n >= EVENTS ? Date.now() : undefined;
      },
      { what: `${variant}: ${EVENTS} events projected`, timeoutMs: 600_000, intervalMs: 50 },
    );
    const [{ first }] = await sink.query('SELECT extract(epoch FROM min(received_at)) * 1000 AS first FROM inbox WHERE consumer = $1', [name]);
    return [(finishedAt - Number(first)) / 1000];
  } finally {
    await consumer.stop();
  }
}

try {
  const started = performance.now();
  const { samples, ratios } = await alternate(VARIANTS, ROUNDS, measure);
  const summary = Object.fromEntries(
    VARIANTS.map((variant) => {
      const seconds = median(samples[variant]);
      return [variant, { secondsP50: round(seconds, 2), eventsPerSecond: Math.round(EVENTS / seconds), rounds: samples[variant].map((s) => round(s, 2)) }];
    }),
  );
  const ratio = round(median(ratios), 2);
  writeResults('inbox-batch', { rounds: ROUNDS, events: EVENTS, summary, ratioPerMessage_Batched_seconds: ratio, pairRatios: ratios.map((r) => round(r, 2)), wallSeconds: round((performance.now() - started) / 1000) }, `
The first ${EVENTS} territory events of the organization service's national load, projected by \`projectTerritory\` (@ps/auth) through a fresh consumer group into an emptied \`territory_unit\`, ${ROUNDS} rounds A B: A \`batchSize: 1\` (one inbox transaction per message), B batches (one transaction per fetched batch, 500 events at most). Timed from the first inbox transaction to the last inbox row visible (polled every 50 ms).

| variant | s (p50) | events/s | rounds (s) |
|---|---|---|---|
${VARIANTS.map((v) => `| ${v} | ${summary[v].secondsP50} | ${summary[v].eventsPerSecond} | ${summary[v].rounds.join(', ')} |`).join('\n')}

Batched is **×${ratio}** faster (median of the pairs' time ratios per-message / batched: ${ratios.map((r) => round(r, 2)).join(', ')}).
`);
} finally {
  await bus.disconnect();
  await sink.destroy();
}
