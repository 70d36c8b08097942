import { CreateMessagingTables1732770000000, OutboxTraceContext1734400000000, defineEvent } from '@ps/events';
import { infrastructure, recreateTestDatabase } from '@ps/testing';
import { Field, ObjectType } from 'type-graphql';
import { Column, DataSource, Entity, type MigrationInterface, type QueryRunner } from 'typeorm';
import { z } from 'zod';
import {
  appendReadRows,
  AuditTrailReads1733100000000,
  CreateDecisionsAndAuditTrail1732845000000,
  Decision,
  EffectiveVersion,
  auditTrailId,
  auditQuestionOf,
  closeVersion,
  convertToEffectiveVersions,
  insertVersion,
  insertVersions,
  nextVersion,
  openVersion,
  readAuditPage,
  recordDecisions,
  requireAuditScope,
  emitAcross,
  reviseEachFrom,
  reviseEachFromKeyed,
  writeDatedEachIn,
  revertEffectiveVersions,
  writeDated,
  type Actor,
  type DatedWrite,
} from '../src';

/** A dated thing of the test's own: a named post in a unit. */
@ObjectType()
@Entity({ name: 'post' })
class Post extends EffectiveVersion {
  @Field()
  @Column({ type: 'text' })
  title!: string;
}

class CreatePosts1732846000000 implements MigrationInterface {
  name = 'CreatePosts1732846000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE post (
      version_id uuid PRIMARY KEY DEFAULT gen_random_uuid(), id uuid NOT NULL, title text NOT NULL,
      valid_from date NOT NULL, valid_to date, reason text, decision_id uuid, created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), closed_reason text, closed_decision_id uuid, closed_by text, closed_at timestamptz)`);
    await runner.query(`CREATE TABLE tree (code text, path ltree, name text, valid_from date)`);
    await runner.query(`INSERT INTO tree VALUES ('74', '74', 'Tỉnh Bình Dương', '1997-01-01'), ('720', '74.720', 'Huyện Dầu Tiếng', '1999-01-01'),
      ('25801', '74.720.25801', 'Xã An Lập', '1999-01-01'), ('25789', '74.720.25789', 'Xã Định An', '1999-01-01')`);
  }
  async down(): Promise<void> {}
}

const PostChanged = defineEvent({ type: 'PostChanged', version: 1, topic: 'posts.events.v1', payload: z.object({ title: z.string() }) });
const actor: Actor = { userId: 'u-1', username: 'admin.anlap', role: 'commune-admin', unitCode: '25801' };
const change = (effectiveDate: string, number = '12/QĐ-UBND') => ({
  effectiveDate,
  reason: 'Kiện toàn bộ máy',
  decision: { number, date: '2025-01-02', signer: 'Chủ tịch UBND xã' },
});
const TREE = { table: 'tree', codeColumn: 'code', pathColumn: 'path' };
let dataSource: DataSource;
const count = async (sql: string): Promise<number> => (await dataSource.query(sql))[0].n;

beforeAll(async () => {
  const url = infrastructure.databaseUrl('ps_effective_dating_test');
  await recreateTestDatabase(url);
  dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: [Post, Decision],
    migrations: [CreateMessagingTables1732770000000, OutboxTraceContext1734400000000, CreateDecisionsAndAuditTrail1732845000000, AuditTrailReads1733100000000, CreatePosts1732846000000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
});

afterAll(() => dataSource?.destroy());

const createPost = (title: string, date: string) =>
  writeDated(dataSource, { actor, operation: 'createPost', change: change(date) }, async (write) => {
    const post = await insertVersion(write, Post, { id: crypto.randomUUID(), title });
    write.about({ type: 'Post', id: post.id, label: title, unitCode: '25801', unitPaths: ['74.720.25801'] }).after(post);
    await write.emit(PostChanged, { title }, { aggregateId: post.id, unitPath: '74.720.25801' });
    return post;
  });

describe('the write wrapper', () => {
  it('writes the version, the decision, one audit row and the events in one transaction', async () => {
    const post = await createPost('Văn phòng', '2025-01-02');
    const [audit] = await dataSource.query('SELECT * FROM audit_log WHERE target_id = $1', [post.id]);
    expect(audit).toMatchObject({ operation: 'createPost', username: 'admin.anlap', role: 'commune-admin', target_label: 'Văn phòng' });
    expect(audit.decision).toEqual({ number: '12/QĐ-UBND', date: '2025-01-02', signer: 'Chủ tịch UBND xã', issuer: null });
    expect(audit.after).toMatchObject({ title: 'Văn phòng', validFrom: '2025-01-02' });
    const [event] = await dataSource.query("SELECT envelope FROM outbox WHERE message_key = $1", [post.id]);
    expect(event.envelope.correlationId).toBe(audit.correlation_id);
    expect(event.envelope.actor).toBe('u-1');
  });

  it('rolls everything back when the work fails, the decision too', async () => {
    const before = await count('SELECT count(*)::int AS n FROM audit_log');
    await expect(
      writeDated(dataSource, { actor, operation: 'createPost', change: change('2025-01-02', '99/QĐ-UBND') }, async (write) => {
        await insertVersion(write, Post, { id: crypto.randomUUID(), title: 'Nửa chừng' });
        throw new Error('refused half-way');
      }),
    ).rejects.toThrow('refused half-way');
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(before);
    expect(await count("SELECT count(*)::int AS n FROM post WHERE title = 'Nửa chừng'")).toBe(0);
    expect(await count("SELECT count(*)::int AS n FROM decision WHERE number = '99/QĐ-UBND'")).toBe(0);
  });

  it('refuses a write that never says what it is about', async () => {
    await expect(writeDated(dataSource, { actor, operation: 'nothing', change: change('2025-01-02') }, async () => 1)).rejects.toThrow(/never named/);
  });

  it('composes same-day changes into one version and closes with the closing decision', async () => {
    const post = await createPost('Tổ Một cửa', '2025-02-01');
    const rename = (title: string, date: string) =>
      writeDated(dataSource, { actor, operation: 'renamePost', change: change(date) }, async (write) => {
        const current = await openVersion(write.manager, Post, post.id);
        if (!current) throw new Error('missing');
        write.about({ type: 'Post', id: post.id, label: title, unitCode: '25801', unitPaths: ['74.720.25801'] }).before({ ...current });
        return nextVersion(write, Post, current, { title }, title);
      });
    await rename('Bộ phận Một cửa', '2025-03-01');
    await rename('Bộ phận Tiếp nhận và Trả kết quả', '2025-03-01');
    const versions = await dataSource.query('SELECT title, valid_from::text, valid_to::text FROM post WHERE id = $1 ORDER BY valid_from', [post.id]);
    expect(versions).toEqual([
      { title: 'Tổ Một cửa', valid_from: '2025-02-01', valid_to: '2025-03-01' },
      { title: 'Bộ phận Tiếp nhận và Trả kết quả', valid_from: '2025-03-01', valid_to: null },
    ]);
    await expect(rename('Sớm hơn', '2025-02-15')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await writeDated(dataSource, { actor, operation: 'closePost', change: change('2025-04-01', '13/QĐ-UBND') }, async (write) => {
      const current = await openVersion(write.manager, Post, post.id);
      write.about({ type: 'Post', id: post.id, label: 'x', unitCode: '25801', unitPaths: ['74.720.25801'] });
      return closeVersion(write, Post, current as Post, 'x');
    });
    const [closed] = await dataSource.query('SELECT valid_to::text, closed_reason FROM post WHERE id = $1 AND valid_from = $2', [post.id, '2025-03-01']);
    expect(closed).toEqual({ valid_to: '2025-04-01', closed_reason: 'Kiện toàn bộ máy' });
  });
});

describe('the audit table', () => {
  it.each(['UPDATE audit_log SET operation = $$x$$', 'DELETE FROM audit_log', 'TRUNCATE audit_log'])('refuses %s', async (sql) => {
    const before = await count('SELECT count(*)::int AS n FROM audit_log');
    await expect(dataSource.query(sql)).rejects.toThrow(/append-only/);
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(before);
  });

  it('answers pages newest first, cut to the unit asked and to the caller', async () => {
    const question = auditQuestionOf(auditTrailId({ unitCode: '720', from: '2000-01-01', to: '2999-12-31', operation: null }));
    const first = await readAuditPage(dataSource.manager, question, { callerUnitCode: '720', first: 2, after: null });
    expect(first.totalCount).toBe(await count('SELECT count(*)::int AS n FROM audit_log'));
    expect(first.entries).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await readAuditPage(dataSource.manager, question, { callerUnitCode: '720', first: 50, after: first.pageInfo.endCursor });
    expect([...first.entries, ...second.entries].map((entry) => Number(entry.id))).toEqual(
      [...first.entries, ...second.entries].map((entry) => Number(entry.id)).sort((a, b) => b - a),
    );
    expect(second.pageInfo.hasNextPage).toBe(false);
    const outside = await readAuditPage(dataSource.manager, question, { callerUnitCode: '25789', first: 50, after: null });
    expect(outside.totalCount).toBe(0);
    const renames = { ...question, operation: 'renamePost' };
    expect((await readAuditPage(dataSource.manager, renames, { callerUnitCode: null, first: 50, after: null })).totalCount).toBe(2);
  });

  it('orders by the row number, not by its text, once there are ten rows and more', async () => {
    for (let rows = await count('SELECT count(*)::int AS n FROM audit_log'); rows < 12; rows += 1) {
      await writeDated(dataSource, { actor, operation: 'notePost', change: change('2025-05-01', `${30 + rows}/QĐ-UBND`) }, async (write) => {
        write.about({ type: 'Post', id: 'note', label: 'Ghi chú', unitCode: '25801', unitPaths: ['74.720.25801'] }).after({ rows });
      });
    }
    const question = auditQuestionOf(auditTrailId({ unitCode: '720', from: '2000-01-01', to: '2999-12-31', operation: null }));
    const ids: number[] = [];
    let after: string | null = null;
    do {
      const page = await readAuditPage(dataSource.manager, question, { callerUnitCode: null, first: 5, after });
      ids.push(...page.entries.map((entry) => Number(entry.id)));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(ids).toHaveLength(await count('SELECT count(*)::int AS n FROM audit_log'));
    expect(ids[0]).toBe(await count('SELECT max(id)::int AS n FROM audit_log'));
  });

  it('lets a caller ask only about units that lay inside its own', async () => {
    await expect(requireAuditScope(dataSource.manager, TREE, '25801', '720')).resolves.toBeUndefined();
    await expect(requireAuditScope(dataSource.manager, TREE, '25789', '25801')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringContaining('Xã Định An (25789)'),
    });
    await expect(requireAuditScope(dataSource.manager, TREE, '99999', '720')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(requireAuditScope(dataSource.manager, TREE, '25789', null)).resolves.toBeUndefined();
  });

  it('records a batch of full reads in one INSERT: one READ row per thing, the fields named, no values, no state', async () => {
    const subject = (id: string, code: string) => ({ type: 'Post', id, label: `Bài ${id}`, unitCode: code, unitPath: `74.720.${code}` });
    const statements: string[] = [];
    const manager = dataSource.createEntityManager();
    const query = manager.query.bind(manager);
    manager.query = (sql: string, parameters?: unknown[]) => {
      statements.push(sql);
      return query(sql, parameters);
    };
    await appendReadRows(manager, { actor, operation: 'readPost', fields: ['title', 'body'], asOf: '2025-06-30', subjects: [subject('r1', '25801'), { ...subject('r2', '25789'), fields: ['title'] }] });
    await appendReadRows(manager, { actor, operation: 'readPost', fields: ['title'], asOf: '2025-06-30', subjects: [] });
    expect(statements).toHaveLength(1);
    const rows = await dataSource.query(
      `SELECT kind, operation, fields, target_id, unit_paths::text[] AS unit_paths, effective_date::text, before, after, decision, username
         FROM audit_log WHERE operation = 'readPost' ORDER BY target_id`,
    );
    expect(rows).toEqual([
      { kind: 'READ', operation: 'readPost', fields: ['title', 'body'], target_id: 'r1', unit_paths: ['74.720.25801'], effective_date: '2025-06-30', before: null, after: null, decision: null, username: 'admin.anlap' },
      { kind: 'READ', operation: 'readPost', fields: ['title'], target_id: 'r2', unit_paths: ['74.720.25789'], effective_date: '2025-06-30', before: null, after: null, decision: null, username: 'admin.anlap' },
    ]);
    const reads = auditQuestionOf(auditTrailId({ unitCode: '25801', from: '2000-01-01', to: '2999-12-31', operation: 'readPost' }));
    const page = await readAuditPage(dataSource.manager, reads, { callerUnitCode: '720', first: 5, after: null });
    expect(page.entries.map((entry) => [entry.kind, entry.fields, entry.target.id])).toEqual([['READ', ['title', 'body'], 'r1']]);
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE kind = 'WRITE' AND fields IS NULL")).toBe(await count("SELECT count(*)::int AS n FROM audit_log WHERE kind = 'WRITE'"));
    await expect(dataSource.query("INSERT INTO audit_log (kind, user_id, username, role, actor_unit_code, operation, target_type, target_id, target_label, unit_paths, correlation_id) VALUES ('READ', 'u', 'u', 'r', '720', 'readPost', 'Post', 'x', 'x', '{}', gen_random_uuid())")).rejects.toThrow(/audit_log_read_names_fields/);
  });
});

describe('converting a table of plain rows', () => {
  const migrate = async (step: (runner: QueryRunner) => Promise<void>) => {
    const runner = dataSource.createQueryRunner();
    try {
      await step(runner);
    } finally {
      await runner.release();
    }
  };

  it('keeps each row as its first version, from the day it was created in Vietnam, without a decision', async () => {
    await dataSource.query(`CREATE TABLE badge (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), label text NOT NULL,
      created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    // 20:00 UTC on the 4th is already the 5th in Vietnam
    const [{ id }] = await dataSource.query(`INSERT INTO badge (label, created_by, created_at) VALUES ('Cũ', 'u-0', '2024-03-04T20:00:00Z') RETURNING id`);
    await migrate((runner) => convertToEffectiveVersions(runner, 'badge'));
    const [row] = await dataSource.query('SELECT id, version_id, valid_from::text, valid_to, reason, decision_id FROM badge');
    expect(row).toMatchObject({ id, valid_from: '2024-03-05', valid_to: null, reason: null, decision_id: null });
    expect(row.version_id).not.toBe(id);
    const overlapping = `INSERT INTO badge (id, label, created_by, valid_from) VALUES ($1, 'Mới', 'u-1', '2024-06-01')`;
    await expect(dataSource.query(overlapping, [id])).rejects.toThrow(/badge_no_overlap/);

    await dataSource.query(`UPDATE badge SET valid_to = '2024-06-01' WHERE id = $1`, [id]);
    await dataSource.query(overlapping, [id]);
    await migrate((runner) => revertEffectiveVersions(runner, 'badge'));
    expect(await dataSource.query('SELECT id, label FROM badge')).toEqual([{ id, label: 'Mới' }]);
  });
});

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
