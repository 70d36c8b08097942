import type { DataSource } from 'typeorm';
import {
  closeVersion,
  emitAcross,
  insertVersions,
  nextVersion,
  openVersion,
  recordDecisions,
  reviseEachFrom,
  reviseEachFromKeyed,
  writeDated,
  writeDatedEachIn,
  type DatedWrite,
} from '../src';
import { actor, change, openPostsDatabase, Post, PostChanged } from './write.fixtures';

/* Writes of many things at once: first versions in batches, revisions, several writes of one change, decisions. */

let dataSource: DataSource;
const count = async (sql: string): Promise<number> => (await dataSource.query(sql))[0].n;

beforeAll(async () => {
  dataSource = await openPostsDatabase('ps_effective_dating_batches_test');
});

afterAll(() => dataSource?.destroy());

describe('insertVersions', () => {
  it('writes many first versions in batches, each started by the write (a row may state its own start), in the write\'s transaction', async () => {
    const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
    await writeDated(dataSource, { actor, operation: 'createPosts', change: change('2025-03-01', '99/QĐ-UBND') }, async (write) => {
      await insertVersions(write, Post, ids.map((id, index) => ({ id, title: `Chức danh ${index}`, ...(index === 4 ? { validFrom: '2025-02-01' } : {}) })), 2);
      write.about({ type: 'Post', id: write.correlationId, label: '5 posts', unitCode: '25801', unitPaths: ['74.720.25801'] });
    });
    const rows = await dataSource.query(
      `SELECT post.title, post.valid_from::text, post.valid_to, post.reason, post.created_by, decision.number
         FROM post JOIN decision ON decision.id = post.decision_id WHERE post.id = ANY($1::uuid[]) ORDER BY post.title`,
      [ids],
    );
    expect(rows).toEqual(ids.map((_, index) => ({
      title: `Chức danh ${index}`, valid_from: index === 4 ? '2025-02-01' : '2025-03-01', valid_to: null, reason: 'Kiện toàn bộ máy', created_by: 'u-1', number: '99/QĐ-UBND',
    })));
  });

  it('leaves nothing when the work fails after it', async () => {
    const id = crypto.randomUUID();
    const failing = writeDated(dataSource, { actor, operation: 'createPosts', change: change('2025-03-01') }, async (write) => {
      await insertVersions(write, Post, [{ id, title: 'Bỏ' }]);
      throw new RangeError('after the insert');
    });
    await expect(failing).rejects.toThrow('after the insert');
    expect(await count(`SELECT count(*)::int AS n FROM post WHERE id = '${id}'`)).toBe(0);
  });
});

describe('reviseEachFrom', () => {
  /** A step of the story, written as its own dated write. */
  const step = <T>(date: string, number: string, work: Parameters<typeof writeDated<T>>[2]) =>
    writeDated(dataSource, { actor, operation: 'story', change: change(date, number) }, async (write) => {
      write.about({ type: 'Post', id: write.correlationId, label: 'story', unitCode: '25801', unitPaths: ['74.720.25801'] });
      return work(write);
    });
  const current = async (write: DatedWrite, id: string) => (await openVersion(write.manager, Post, id)) as Post;

  it('splits each thing on the date with its own fields, moves a closing to the later part, changes later versions in place, and leaves others alone', async () => {
    const [open, closing, renamed, untouched] = Array.from({ length: 4 }, () => crypto.randomUUID());
    await step('2025-01-01', '1/QĐ', (write) => insertVersions(write, Post, [open, closing, renamed, untouched].map((id, index) => ({ id, title: `Tổ ${index}` }))));
    await step('2025-06-01', '2/QĐ', async (write) => nextVersion(write, Post, await current(write, renamed), { title: 'Tổ 2 mới' }, 'Tổ 2'));
    await step('2025-09-01', '3/QĐ', async (write) => closeVersion(write, Post, await current(write, closing), 'Tổ 1'));
    const closingVersion = (await dataSource.query('SELECT version_id FROM post WHERE id = $1', [closing]))[0].version_id;

    const revised = await step('2025-05-01', '4/QĐ', (write) =>
      reviseEachFrom(write, Post, 'id', new Map([[open, { title: 'Tổ 0 sau' }], [closing, { title: 'Tổ 1 sau' }], [renamed, { title: 'Tổ 2 sau' }]])),
    );

    // Oldest first; things whose versions start the same day come in no set order.
    expect(revised.map((version) => version.validFrom)).toEqual(['2025-05-01', '2025-05-01', '2025-05-01', '2025-06-01']);
    expect(revised.map((version) => [version.id, version.title, version.validFrom, version.validTo]).sort()).toEqual([
      [open, 'Tổ 0 sau', '2025-05-01', null],
      [closing, 'Tổ 1 sau', '2025-05-01', '2025-09-01'],
      [renamed, 'Tổ 2 sau', '2025-05-01', '2025-06-01'],
      [renamed, 'Tổ 2 sau', '2025-06-01', null],
    ].sort());
    const rows = await dataSource.query(
      `SELECT post.id, title, valid_from::text, valid_to::text, post.reason, closed_reason, decision.number
         FROM post LEFT JOIN decision ON decision.id = post.decision_id WHERE post.id = ANY($1::uuid[]) ORDER BY valid_from, title`,
      [[open, closing, renamed, untouched]],
    );
    const split = (id: string, title: string, validTo: string | null, closedReason: string | null = null) => ({
      id, title, valid_from: '2025-05-01', valid_to: validTo, reason: 'Kiện toàn bộ máy', closed_reason: closedReason, number: '4/QĐ',
    });
    const first = (id: string, title: string) => ({ id, title, valid_from: '2025-01-01', valid_to: id === untouched ? null : '2025-05-01', reason: 'Kiện toàn bộ máy', closed_reason: null, number: '1/QĐ' });
    expect(rows).toEqual([
      first(open, 'Tổ 0'), first(closing, 'Tổ 1'), first(renamed, 'Tổ 2'), first(untouched, 'Tổ 3'),
      split(open, 'Tổ 0 sau', null), split(closing, 'Tổ 1 sau', '2025-09-01', 'Kiện toàn bộ máy'), split(renamed, 'Tổ 2 sau', '2025-06-01'),
      { id: renamed, title: 'Tổ 2 sau', valid_from: '2025-06-01', valid_to: null, reason: 'Kiện toàn bộ máy', closed_reason: null, number: '2/QĐ' },
    ]);
    // The closed version kept its row and lost its closing to the later part.
    expect((await dataSource.query('SELECT closed_reason, valid_to::text FROM post WHERE version_id = $1', [closingVersion]))[0]).toEqual({ closed_reason: null, valid_to: '2025-05-01' });
  });

  it('revises many things in as many statements as few', async () => {
    const statementsFor = async (things: number) => {
      const ids = Array.from({ length: things }, () => crypto.randomUUID());
      await step('2025-01-01', '5/QĐ', (write) => insertVersions(write, Post, ids.map((id) => ({ id, title: 'Tổ' }))));
      let statements = 0;
      await step('2025-05-01', '6/QĐ', async (write) => {
        // Repositories and raw queries of the write all go through its transaction's query runner.
        const runner = write.manager.queryRunner as NonNullable<typeof write.manager.queryRunner>;
        const query = runner.query.bind(runner);
        runner.query = ((...args: Parameters<typeof query>) => {
          statements += 1;
          return query(...args);
        }) as typeof query;
        await reviseEachFrom(write, Post, 'id', new Map(ids.map((id, index) => [id, { title: `Tổ ${index}` }])));
        runner.query = query;
      });
      return statements;
    };
    const few = await statementsFor(3);
    expect(few).toBeGreaterThan(0);
    expect(await statementsFor(200)).toBe(few);
  });
});

describe('several writes of one change together', () => {
  it('keeps each write its own audit row and correlation id, and revises each key only where it still has the value asked', async () => {
    const [kept, moved, elsewhere] = Array.from({ length: 3 }, () => crypto.randomUUID());
    await writeDated(dataSource, { actor, operation: 'createPosts', change: change('2025-01-01', '7/QĐ') }, async (write) => {
      write.about({ type: 'Post', id: kept, label: 'posts', unitCode: '25801', unitPaths: ['74.720.25801'] });
      return insertVersions(write, Post, [{ id: kept, title: 'A' }, { id: moved, title: 'B' }, { id: elsewhere, title: 'C' }]);
    });
    const eventsBefore = await count("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'PostChanged'");
    const writes = await dataSource.transaction((manager) => writeDatedEachIn(manager, { actor, operation: 'renamePosts', change: change('2025-05-01', '8/QĐ') }, 2, async (each) => {
      // `kept` still has title A and `moved` has B, as asked; `elsewhere` has C, not the D asked, and is left alone.
      const wanted = new Map([[kept, 'A'], [moved, 'B'], [elsewhere, 'D']]);
      const revised = await reviseEachFromKeyed(each[0], Post, 'id', new Map([...wanted.keys()].map((id) => [id, { title: `${wanted.get(id)} mới` }])), {
        property: 'title',
        value: (id) => wanted.get(id) as string,
      });
      expect(revised.map(({ key, version }) => [key, version.title, version.validFrom]).sort()).toEqual([[kept, 'A mới', '2025-05-01'], [moved, 'B mới', '2025-05-01']].sort());
      await emitAcross(PostChanged, revised.map(({ key, version }, index) => ({ write: each[index], payload: { title: version.title }, place: { aggregateId: key } })));
      each.forEach((write, index) => write.about({ type: 'Post', id: revised[index].key, label: `post ${index}`, unitCode: '25801', unitPaths: ['74.720.25801'] }).after({ index }));
      return each;
    }));
    const audited = await dataSource.query("SELECT target_id, correlation_id, after FROM audit_log WHERE operation = 'renamePosts' ORDER BY id");
    expect(audited.map((row: { after: unknown }) => row.after)).toEqual([{ index: 0 }, { index: 1 }]);
    expect(audited.map((row: { correlation_id: string }) => row.correlation_id)).toEqual(writes.map((write) => write.correlationId));
    expect(new Set(writes.map((write) => write.correlationId)).size).toBe(2);
    const announced = await dataSource.query(
      "SELECT envelope->>'correlationId' AS correlation FROM outbox WHERE event_type = 'PostChanged' ORDER BY position OFFSET $1", [eventsBefore]);
    expect(announced.map((row: { correlation: string }) => row.correlation)).toEqual(writes.map((write) => write.correlationId));
    expect(await count(`SELECT count(*)::int AS n FROM post WHERE id = '${elsewhere}'`)).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM decision WHERE number = '8/QĐ'")).toBe(1);
  });
});

describe('reviseEachFromKeyed with the value each key must still have', () => {
  it('compares keys and values in their columns\' own types, so the columns\' indexes can answer it', async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    await writeDated(dataSource, { actor, operation: 'createPosts', change: change('2025-01-01', '9/QĐ') }, async (write) => {
      write.about({ type: 'Post', id: ids[0], label: 'posts', unitCode: '25801', unitPaths: ['74.720.25801'] });
      return insertVersions(write, Post, ids.map((id) => ({ id, title: 'Tổ' })));
    });
    const sent: string[] = [];
    const revised = await writeDated(dataSource, { actor, operation: 'renamePosts', change: change('2025-05-01', '10/QĐ') }, async (write) => {
      write.about({ type: 'Post', id: ids[0], label: 'posts', unitCode: '25801', unitPaths: ['74.720.25801'] });
      const runner = write.manager.queryRunner as NonNullable<typeof write.manager.queryRunner>;
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        sent.push(sql);
        return (query as (...args: unknown[]) => unknown)(sql, ...rest);
      }) as typeof query;
      try {
        return await reviseEachFromKeyed(write, Post, 'id', new Map(ids.map((id) => [id, { title: 'Tổ mới' }])), { property: 'title', value: () => 'Tổ' });
      } finally {
        runner.query = query;
      }
    });
    expect(revised.map(({ key }) => key).sort()).toEqual([...ids].sort());
    const read = sent.find((sql) => sql.startsWith('SELECT') && sql.includes('unnest')) ?? '';
    // uuid against uuid and text against text: no `id::text`, which only an index on that expression could serve.
    expect(read).toMatch(/\("version"\."id", "version"\."title"\) IN \(SELECT \* FROM unnest\(\$\d+::uuid\[\], \$\d+::text\[\]\)\)/);
    expect(read).not.toMatch(/::text,/);
  });
});

describe('recordDecisions', () => {
  it('records many decisions in the order given, each once, and refuses one already recorded with another issuer', async () => {
    const decision = (number: string, issuer: string | null = null) => ({ number, date: '2025-06-12', signer: 'Chủ tịch Quốc hội', issuer });
    const [existing] = await recordDecisions(dataSource.manager, actor, [decision('1/NQ', 'QUOC_HOI')]);
    const recorded = await recordDecisions(dataSource.manager, actor, [decision('3/NQ'), decision('1/NQ', 'QUOC_HOI'), decision('2/NQ'), decision('3/NQ')]);
    expect(recorded.map((row) => row.number)).toEqual(['3/NQ', '1/NQ', '2/NQ', '3/NQ']);
    expect(recorded[1].id).toBe(existing.id);
    expect(recorded[3].id).toBe(recorded[0].id);
    expect(await count("SELECT count(*)::int AS n FROM decision WHERE number IN ('1/NQ', '2/NQ', '3/NQ')")).toBe(3);
    const refused = dataSource.transaction((manager) => recordDecisions(manager, actor, [decision('4/NQ'), decision('1/NQ', 'CHINH_PHU')]));
    await expect(refused).rejects.toThrow('Decision 1/NQ of 2025-06-12 is already recorded with another issuer (QUOC_HOI)');
    expect(await count("SELECT count(*)::int AS n FROM decision WHERE number = '4/NQ'")).toBe(0);
  });
});
