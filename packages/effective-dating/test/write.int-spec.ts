import type { DataSource, QueryRunner } from 'typeorm';
import {
  appendReadRows,
  auditTrailId,
  auditQuestionOf,
  closeVersion,
  convertToEffectiveVersions,
  insertVersion,
  nextVersion,
  openVersion,
  readAuditPage,
  requireAuditScope,
  revertEffectiveVersions,
  writeDated,
} from '../src';
import { actor, change, openPostsDatabase, Post, PostChanged } from './write.fixtures';

const TREE = { table: 'tree', codeColumn: 'code', pathColumn: 'path' };
let dataSource: DataSource;
const count = async (sql: string): Promise<number> => (await dataSource.query(sql))[0].n;

beforeAll(async () => {
  dataSource = await openPostsDatabase('ps_effective_dating_test');
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

