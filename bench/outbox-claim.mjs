// `pnpm --filter @ps/bench outbox-claim` (after `pnpm build` and `pnpm infra:up`): how fast the
// outbox relay publishes while a large backlog waits (a national territory load leaves ~95,000
// events in organization's outbox at once), side by side in rounds A B A B:
//   A: the relay's batch as it was before (claim statement below, kept here as it ran): its check
//      that no earlier event of a claimed row's aggregate is still pending was planned as a hash
//      of every pending row, so each claim read the whole backlog; and it read each envelope
//      twice, parsed and as text;
//   B: `OutboxRelay.publishBatch()` as shipped, which reads only the rows before the last one claimed.
// Both publish to the real broker and mark the rows published. Each round puts the same BACKLOG
// events back to pending and times BATCHES batches of 200 (ms per batch), or as many as it holds. Uses the database
// ps_bench_test_outbox_claim.
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { EventBus, MESSAGING_MIGRATIONS, OutboxRelay, defineEvent, eventHeaders, recordEvents } from '@ps/events';
import { infrastructure, recreateTestDatabase } from '@ps/testing';
import { alternate, median, round, writeResults } from './lib.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const BACKLOGS = (process.env.BACKLOGS ?? '1000,20000,75000').split(',').map(Number);
const BATCHES = Number(process.env.BATCHES ?? 20);
const BATCH_SIZE = 200;
const VARIANTS = ['before', 'shipped'];
const logger = pino({ level: 'silent' });
const topic = `bench-${Date.now()}.outbox-claim`;
const UnitClosed = defineEvent({ type: 'BenchUnitClosed', version: 1, topic, payload: z.object({ code: z.string() }) });

const CLAIM_BEFORE = `
  WITH claimed AS (
    SELECT position, id, topic, message_key, event_type, envelope, trace_context
      FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED)
  SELECT claimed.position, claimed.id, claimed.topic, claimed.message_key, claimed.event_type,
         claimed.envelope, claimed.envelope::text AS envelope_text, claimed.trace_context
    FROM claimed
   WHERE NOT EXISTS (
     SELECT 1 FROM outbox earlier
      WHERE earlier.published_at IS NULL AND earlier.position < claimed.position
        AND earlier.topic = claimed.topic AND earlier.message_key = claimed.message_key
        AND earlier.position NOT IN (SELECT position FROM claimed))
   ORDER BY claimed.position`;

/** The relay's batch before: claim, publish, mark published, in one transaction. */
function publishBatchBefore(dataSource, bus) {
  return dataSource.transaction(async (manager) => {
    const rows = await manager.query(CLAIM_BEFORE, [BATCH_SIZE]);
    await bus.publish(rows.map((row) => ({ topic: row.topic, key: row.message_key, value: row.envelope_text, headers: eventHeaders({ type: row.event_type, ...row.envelope }) })));
    await manager.query('UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE position = ANY($1::bigint[])', [rows.map((row) => row.position)]);
    return rows.length;
  });
}

async function main() {
  const url = infrastructure.databaseUrl('ps_bench_test_outbox_claim');
  await recreateTestDatabase(url);
  const dataSource = new DataSource({ type: 'postgres', url, migrations: MESSAGING_MIGRATIONS });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const bus = new EventBus({ brokers: infrastructure.kafkaBrokers, logger, clientId: 'outbox-claim-bench' });
  await bus.ensureTopics([topic]);
  const relay = new OutboxRelay({ dataSource, bus, logger, batchSize: BATCH_SIZE });
  const results = [];
  try {
    let recorded = 0;
    for (const backlog of BACKLOGS) {
      // Units closing, one aggregate each, as a territory load records them.
      for (; recorded < backlog; recorded += 5_000) {
        const count = Math.min(5_000, backlog - recorded);
        await dataSource.transaction((manager) =>
          recordEvents(manager, UnitClosed, Array.from({ length: count }, (_unused, index) => ({ payload: { code: String(recorded + index) }, metadata: { aggregateId: String(recorded + index) } }))),
        );
      }
      process.stderr.write(`backlog ${backlog}\n`);
      const { samples, ratios } = await alternate(VARIANTS, ROUNDS, async (variant) => {
        await dataSource.query('UPDATE outbox SET published_at = NULL');
        await dataSource.query('VACUUM ANALYZE outbox');
        const times = [];
        // A small backlog holds fewer batches than asked.
        for (let batch = 0; batch < Math.min(BATCHES, backlog / BATCH_SIZE); batch += 1) {
          const started = performance.now();
          const sent = variant === 'before' ? await publishBatchBefore(dataSource, bus) : await relay.publishBatch();
          times.push(performance.now() - started);
          if (sent !== BATCH_SIZE) throw new Error(`${variant}: a batch sent ${sent} events, not ${BATCH_SIZE}`);
        }
        return times;
      });
      results.push({
        backlog,
        msPerBatch: Object.fromEntries(VARIANTS.map((variant) => [variant, round(median(samples[variant]), 2)])),
        eventsPerSecond: Object.fromEntries(VARIANTS.map((variant) => [variant, Math.round((BATCH_SIZE * 1000) / median(samples[variant]))])),
        ratios: ratios.map((ratio) => round(ratio, 2)),
        ratio: round(median(ratios), 2),
      });
    }
  } finally {
    await bus.disconnect();
    await dataSource.destroy();
  }
  const rows = results.map((r) => `| ${r.backlog} | ${r.msPerBatch.before} | ${r.msPerBatch.shipped} | ${r.eventsPerSecond.before} | ${r.eventsPerSecond.shipped} | ×${r.ratio} (${r.ratios.map((x) => `×${x}`).join(', ')}) |`);
  writeResults('outbox-claim', { rounds: ROUNDS, batches: BATCHES, batchSize: BATCH_SIZE, results }, `
The outbox relay's batch (claim ${BATCH_SIZE} events, publish them to Kafka, mark them published) with a
backlog of pending events, ${ROUNDS} rounds A B A B of ${BATCHES} batches each; medians.
A: the batch before (its aggregate-order check hashed every pending row, and it read each envelope parsed as well as as text); B: \`OutboxRelay.publishBatch\` as shipped.

| pending events | ms/batch before | ms/batch shipped | events/s before | events/s shipped | before / shipped (per round) |
|---|---|---|---|---|---|
${rows.join('\n')}
`);
}

await main();
