import { EventBus, InboxConsumer, type IncomingMessage } from '@ps/events';
import { infrastructure } from '@ps/testing';
import pino from 'pino';
import type { DataSource, Logger } from 'typeorm';
import { projectTerritory } from '../src';
import { openDatabase, TERRITORY_MIGRATIONS } from './territory-database';
import { territorySequence } from './territory-sequences';

/** What the consumer warned of: a run whose handler failed is applied again one event at a time. */
const warnings: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
const bus = new EventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'auth-projection-batch', logger, prefix: `test-auth-batch-${process.pid}.` });

/** Statements touching the projection's tables, counted while `counting` is on. */
const statements = { counting: false, count: 0 };
const countingLogger: Logger = {
  logQuery: (query) => {
    if (statements.counting && /territory_unit/.test(query)) statements.count += 1;
  },
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

/** A consumer that applies a whole delivery in one transaction: one run of territory events. */
const projection = (dataSource: DataSource) =>
  projectTerritory(new InboxConsumer({ name: 'territory', bus, dataSource, logger, batchSize: 10_000 }));

/** Every row of the projection; `rewritten`: whether the row was written since `mark`. */
async function projectionRows(dataSource: DataSource, mark: Date) {
  return {
    units: await dataSource.query(
      `SELECT code, valid_from::text, valid_to::text, path::text, name, tier, parent_code, stated_at, updated_at > $1 AS rewritten
         FROM territory_unit ORDER BY code, valid_from`,
      [mark],
    ),
    ends: await dataSource.query('SELECT code, ended_on::text, ceased FROM territory_unit_end ORDER BY code, ended_on'),
  };
}

async function emptied(dataSource: DataSource): Promise<DataSource> {
  await dataSource.query('TRUNCATE territory_unit, territory_unit_end, inbox');
  return dataSource;
}

describe('the territory projection applying a run of events at once', () => {
  let oneByOne: DataSource | undefined;
  let atOnce: DataSource | undefined;

  beforeAll(async () => {
    oneByOne = await openDatabase('projection_one_by_one', TERRITORY_MIGRATIONS);
    atOnce = await openDatabase('projection_at_once', TERRITORY_MIGRATIONS, countingLogger);
  });

  afterAll(async () => {
    await oneByOne?.destroy();
    await atOnce?.destroy();
    await bus.disconnect();
  });

  it.each(Array.from({ length: 40 }, (_unused, seed) => seed + 1))(
    'leaves the rows applying the events one by one leaves (seed %i)',
    async (seed) => {
      if (!oneByOne || !atOnce) throw new Error('databases not open');
      const [sequential, batched] = [projection(await emptied(oneByOne)), projection(await emptied(atOnce))];
      // Both start from the same held versions, so that the run restates some of them.
      const [held, run] = [territorySequence(seed, 60).slice(0, 20), territorySequence(seed, 60).slice(20)];
      for (const message of held) {
        await sequential.deliver(message);
        await batched.deliver(message);
      }
      const mark = new Date();
      await new Promise((resolve) => setTimeout(resolve, 2)); // rows written from now on are later than the mark

      for (const message of run) await sequential.deliver(message);
      warnings.length = 0;
      expect(await batched.deliverBatch(run)).not.toContain('dead-lettered');
      expect(warnings).toEqual([]);

      expect(await projectionRows(atOnce, mark)).toEqual(await projectionRows(oneByOne, mark));
    },
  );

  it('spends the same few statements on a run of any length', async () => {
    if (!atOnce) throw new Error('database not open');
    const counts: number[] = [];
    for (const length of [1, 10, 100, 1_000]) {
      const consumer = projection(await emptied(atOnce));
      // Distinct events only: a second delivery of one would end the run there.
      const run = uniqueEvents(territorySequence(length, length * 2)).slice(0, length);
      statements.count = 0;
      statements.counting = true;
      await consumer.deliverBatch(run);
      statements.counting = false;
      counts.push(statements.count);
    }
    // a lock, the ends announced, the versions stored, the versions they end: at most four
    expect(counts.every((count) => count <= 4)).toBe(true);
    expect(counts.slice(1)).toEqual([4, 4, 4]);
  });
});

function uniqueEvents(messages: readonly IncomingMessage[]): IncomingMessage[] {
  const seen = new Set<string | null>();
  return messages.filter(({ value }) => !seen.has(value) && Boolean(seen.add(value)));
}
