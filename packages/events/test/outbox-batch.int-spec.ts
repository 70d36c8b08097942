import { infrastructure, recreateTestDatabase } from '@ps/testing';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { MESSAGING_MIGRATIONS, defineEvent, recordEvents } from '../src';

// PostgreSQL only: what one batched INSERT leaves in the outbox, row by row.
const Counted = defineEvent({ type: 'Counted', version: 1, topic: 'test.counted', payload: z.object({ n: z.number().int(), note: z.string() }) });

let dataSource: DataSource;

beforeAll(async () => {
  const url = infrastructure.databaseUrl('ps_events_outbox_batch_test');
  await recreateTestDatabase(url);
  dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: MESSAGING_MIGRATIONS,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
});

afterAll(async () => {
  await dataSource?.destroy();
});

describe('recordEvents', () => {
  it('writes one row per envelope, in the order given, each with its own id, key and envelope', async () => {
    // Notes a JSON text must escape (quotes, backslashes, newlines, non-ASCII), keys out of sort order.
    const notes = ['plain', 'say "xin chào"', 'back\\slash', 'line\nbreak', 'Thành phố Hồ Chí Minh', '{"looks":"like json"}'];
    const items = Array.from({ length: 300 }, (_unused, n) => ({
      payload: { n, note: notes[n % notes.length] },
      metadata: { aggregateId: `unit-${(n * 7919) % 300}`, actor: 'test', unitPath: n % 2 === 0 ? '79.760' : null },
    }));
    const envelopes = await dataSource.transaction((manager) => recordEvents(manager, Counted, items));

    const rows: Array<{ id: string; topic: string; message_key: string; event_type: string; envelope: unknown; trace_context: unknown }> =
      await dataSource.query('SELECT id, topic, message_key, event_type, envelope, trace_context FROM outbox ORDER BY position');
    expect(rows).toEqual(
      envelopes.map((envelope) => ({
        id: envelope.id,
        topic: 'test.counted',
        message_key: envelope.aggregateId,
        event_type: 'Counted',
        envelope: JSON.parse(JSON.stringify(envelope)),
        trace_context: null,
      })),
    );
    expect(rows.map((row) => (row.envelope as { payload: { n: number } }).payload.n)).toEqual(items.map((item) => item.payload.n));
  });

  it('writes nothing for no events', async () => {
    const [before] = await dataSource.query('SELECT count(*)::int AS n FROM outbox');
    expect(await dataSource.transaction((manager) => recordEvents(manager, Counted, []))).toEqual([]);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([before]);
  });
});
