// `pnpm --filter @ps/bench event-hop`: how long an event takes from the commit that records it to
// a consumer in another database applying it: outbox → relay → Kafka →
// inbox consumer, the path every projection of the platform is kept by. Two relays, side by side
// in rounds A B A B: `polling` (no listener, a poll every 200 ms, as before the wake) and `wake`
// (LISTEN/NOTIFY, a poll every second as the safety net). Events are committed one per
// transaction, spaced 20–80 ms apart so none waits behind another. Needs PostgreSQL and Kafka
// (`pnpm infra:up`); uses the databases ps_bench_test_hop_source and ps_bench_test_hop_sink.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  EventBus,
  InboxConsumer,
  MESSAGING_MIGRATIONS,
  OutboxRelay,
  defineEvent,
  recordEvent,
} from '@ps/events';
import { eventually, infrastructure, recreateTestDatabase } from '@ps/testing';
import { alternate, median, quantile, round, writeResults } from './lib.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 4);
const EVENTS = Number(process.env.EVENTS ?? 40);
const VARIANTS = ['polling', 'wake'];
const logger = pino({ level: 'silent' });
const Hop = defineEvent({ type: 'HopMeasured', version: 1, topic: `bench-${Date.now()}.hop`, payload: z.object({ n: z.number() }) });

async function database(name, migrations) {
  const url = infrastructure.databaseUrl(name);
  await recreateTestDatabase(url);
  const dataSource = new DataSource({ type: 'postgres', url, migrations });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return { url, dataSource };
}

const source = await database('ps_bench_test_hop_source', MESSAGING_MIGRATIONS);
const sink = await database('ps_bench_test_hop_sink', MESSAGING_MIGRATIONS);
await sink.dataSource.query('CREATE TABLE hop (event_id uuid PRIMARY KEY)');
const bus = new EventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'bench-event-hop', logger });

const committedAt = new Map();
const appliedAt = new Map();
const consumer = new InboxConsumer({ name: 'bench-event-hop', bus, dataSource: sink.dataSource, logger }).on(Hop, async (event, manager) => {
  await manager.query('INSERT INTO hop (event_id) VALUES ($1)', [event.id]);
  // Measured as the consumer applies it, inside its transaction (its commit follows within a millisecond).
  appliedAt.set(event.id, performance.now());
});
await consumer.start();

function relayFor(variant) {
  const common = { dataSource: source.dataSource, bus, logger, idleMs: 200 };
  return new OutboxRelay(variant === 'wake' ? { ...common, listenUrl: source.url, listeningIdleMs: 1_000 } : common);
}

async function commitEvent(n) {
  const id = await source.dataSource.transaction(async (manager) => (await recordEvent(manager, Hop, { n }, { aggregateId: randomUUID(), actor: 'bench' })).id);
  committedAt.set(id, performance.now());
  return id;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(variant) {
  const relay = relayFor(variant);
  relay.start();
  if (variant === 'wake') await eventually(async () => (relay.listening ? true : undefined), { what: 'listener' });
  const ids = [];
  // Warm-up event: connections and partition leadership, not counted.
  const warmUp = await commitEvent(-1);
  await eventually(async () => (appliedAt.has(warmUp) ? true : undefined), { what: 'warm-up', timeoutMs: 60_000 });
  for (let n = 0; n < EVENTS; n += 1) {
    ids.push(await commitEvent(n));
    await pause(20 + ((n * 37) % 61));
  }
  await eventually(async () => (ids.every((id) => appliedAt.has(id)) ? true : undefined), { what: `${variant}: all applied`, timeoutMs: 60_000 });
  await relay.stop();
  return ids.map((id) => appliedAt.get(id) - committedAt.get(id));
}

try {
  const { samples, ratios } = await alternate(VARIANTS, ROUNDS, measure);
  const summary = Object.fromEntries(
    VARIANTS.map((variant) => [variant, { p50Ms: round(median(samples[variant])), p95Ms: round(quantile(samples[variant], 0.95)), maxMs: round(Math.max(...samples[variant])), events: samples[variant].length }]),
  );
  const ratio = round(median(ratios), 2);
  writeResults('event-hop', { rounds: ROUNDS, eventsPerRound: EVENTS, summary, ratioPolling_Wake_p50: ratio, pairRatios: ratios.map((r) => round(r, 2)) }, `
Commit in one database → outbox relay → Kafka → inbox consumer's transaction in another database, one event per transaction, ${ROUNDS} rounds of ${EVENTS} events per variant (A B A B).

| variant | p50 ms | p95 ms | max ms | events |
|---|---|---|---|---|
${VARIANTS.map((v) => `| ${v} | ${summary[v].p50Ms} | ${summary[v].p95Ms} | ${summary[v].maxMs} | ${summary[v].events} |`).join('\n')}

p50 ratio polling / wake, median of the pairs: **×${ratio}** (pairs: ${ratios.map((r) => round(r, 2)).join(', ')}).
Goal (issue 15): event hop p95 < 50 ms.
`);
} finally {
  await consumer.stop();
  await bus.disconnect();
  await source.dataSource.destroy();
  await sink.dataSource.destroy();
}
