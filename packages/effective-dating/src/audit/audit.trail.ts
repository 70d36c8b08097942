import { BadUserInputError, NotFoundError, OutsideTerritoryError } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import type { AuditDecision, AuditKind, AuditPage } from './audit.types';
import { AuditEntry } from './audit.types';

/** The question an audit trail answers: a unit's subtree, between two dates, maybe one operation. */
export interface AuditQuestion {
  unitCode: string;
  from: string;
  to: string;
  operation: string | null;
}

/** Where a service keeps the territory tree (versions by code, with ltree paths). */
export interface TerritoryTree {
  table: string;
  codeColumn: string;
  pathColumn: string;
}

const CODE = /^[A-Za-z0-9_]{1,32}$/;

/**
 * Rows about the unit $1 (its code anywhere in a path: the unit or below it) and inside the
 * caller's unit $2 (null: the whole country), recorded from day $3 to day $4 in Vietnam,
 * of operation $5 when given.
 */
const MATCHING = `
  SELECT * FROM audit_log
   WHERE unit_paths ~ ('*.' || $1 || '.*')::lquery
     AND ($2::text IS NULL OR unit_paths ~ ('*.' || $2 || '.*')::lquery)
     AND occurred_at >= ($3::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
     AND occurred_at < (($4::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
     AND ($5::text IS NULL OR operation = $5)`;
const MAX_PAGE = 200;

/** Checks a question and encodes it as the AuditTrail entity's id. */
export function auditTrailId(question: AuditQuestion): string {
  if (!CODE.test(question.unitCode)) {
    throw new BadUserInputError('Mã đơn vị không hợp lệ', 'Invalid unit code', { unitCode: question.unitCode });
  }
  if (question.from > question.to) {
    throw new BadUserInputError('Ngày bắt đầu sau ngày kết thúc', '`from` is after `to`', { from: question.from, to: question.to });
  }
  const operation = question.operation?.trim() || null;
  return Buffer.from(JSON.stringify([question.unitCode, question.from, question.to, operation])).toString('base64url');
}

/** The question an AuditTrail id encodes; a forged id is BAD_USER_INPUT. */
export function auditQuestionOf(id: string): AuditQuestion {
  try {
    const [unitCode, from, to, operation] = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as unknown[];
    const dates = [from, to].every((date) => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date));
    if (typeof unitCode === 'string' && CODE.test(unitCode) && dates && (operation === null || typeof operation === 'string')) {
      return { unitCode, from: from as string, to: to as string, operation: operation as string | null };
    }
  } catch {
    // falls through to the typed error
  }
  throw new BadUserInputError('Mã nhật ký không hợp lệ', 'Invalid audit trail id', { id });
}

/**
 * Refuses a unit that never lay inside the caller's unit (FORBIDDEN) or that does not exist
 * (NOT_FOUND). `callerUnitCode` null is the centre, whose territory is the whole country.
 */
export async function requireAuditScope(
  manager: EntityManager,
  tree: TerritoryTree,
  unitCode: string,
  callerUnitCode: string | null,
): Promise<void> {
  const [row]: Array<{ versions: number; inside: boolean | null; name: string | null }> = await manager.query(
    `SELECT count(*)::int AS versions,
            bool_or($2::text IS NULL OR ${tree.pathColumn} ~ ('*.' || $2 || '.*')::lquery) AS inside,
            (array_agg(name ORDER BY valid_from DESC))[1] AS name
       FROM ${tree.table} WHERE ${tree.codeColumn} = $1`,
    [unitCode, callerUnitCode],
  );
  if (row.versions === 0) {
    throw new NotFoundError(`Không có đơn vị mã ${unitCode}`, `No unit with code ${unitCode}`, { unitCode });
  }
  if (!row.inside) throw new OutsideTerritoryError(`${row.name ?? 'Đơn vị'} (${unitCode})`, { unitCode });
}

interface AuditRowRead {
  id: string;
  occurred_at: Date;
  user_id: string;
  username: string;
  role: string;
  actor_unit_code: string;
  kind: AuditKind;
  operation: string;
  fields: string[] | null;
  target_type: string;
  target_id: string;
  target_label: string;
  unit_code: string | null;
  effective_date: string | null;
  before: unknown;
  after: unknown;
  decision: AuditDecision | null;
  correlation_id: string;
  total: number;
}

/**
 * One page of `audit_log`, newest first: rows recorded between `from` and `to` (days in
 * Vietnam) about the unit or anything that lay below it, and inside the caller's unit when
 * they were written (both cuts are in the SQL). One query, the total included.
 */
export async function readAuditPage(
  manager: EntityManager,
  question: AuditQuestion,
  options: { callerUnitCode: string | null; first: number; after: string | null },
): Promise<AuditPage> {
  if (!Number.isInteger(options.first) || options.first < 1 || options.first > MAX_PAGE) {
    throw new BadUserInputError(`Số dòng mỗi trang từ 1 đến ${MAX_PAGE}`, `first must be between 1 and ${MAX_PAGE}`, {
      first: options.first,
    });
  }
  const rows: AuditRowRead[] = await manager.query(
    `WITH matching AS (${MATCHING})
     SELECT id::text, occurred_at, user_id, username, role, actor_unit_code, kind, operation, fields, target_type, target_id,
            target_label, unit_code, effective_date::text AS effective_date, before, after, decision,
            correlation_id::text, (SELECT count(*) FROM matching)::int AS total
       FROM matching
      WHERE ($6::bigint IS NULL OR matching.id < $6)
      ORDER BY matching.id DESC -- the bigint, not the text column of the same name
      LIMIT $7`,
    [
      question.unitCode,
      options.callerUnitCode,
      question.from,
      question.to,
      question.operation,
      options.after === null ? null : cursorValue(options.after),
      options.first + 1,
    ],
  );
  const entries = rows.slice(0, options.first).map(toEntry);
  return {
    entries,
    totalCount: rows[0]?.total ?? (await countMatching(manager, question, options.callerUnitCode)),
    pageInfo: {
      hasNextPage: rows.length > options.first,
      endCursor: entries.length > 0 ? cursorOf(entries[entries.length - 1].id) : null,
    },
  };
}

/** The total when the page past the cursor is empty (the page query then returned no row to carry it). */
async function countMatching(manager: EntityManager, question: AuditQuestion, callerUnitCode: string | null): Promise<number> {
  const [row]: Array<{ total: number }> = await manager.query(
    `SELECT count(*)::int AS total FROM (${MATCHING}) matching`,
    [question.unitCode, callerUnitCode, question.from, question.to, question.operation],
  );
  return row.total;
}

function toEntry(row: AuditRowRead): AuditEntry {
  return Object.assign(new AuditEntry(), {
    id: row.id,
    occurredAt: row.occurred_at,
    actor: { userId: row.user_id, username: row.username, role: row.role, unitCode: row.actor_unit_code },
    kind: row.kind,
    operation: row.operation,
    fields: row.fields,
    target: { type: row.target_type, id: row.target_id, label: row.target_label, unitCode: row.unit_code },
    effectiveDate: row.effective_date,
    before: row.before,
    after: row.after,
    decision: row.decision,
    correlationId: row.correlation_id,
  });
}

/** Cursors are opaque to clients: the row id, base64url. */
export function cursorOf(id: string): string {
  return Buffer.from(`audit:${id}`).toString('base64url');
}

function cursorValue(cursor: string): string {
  const match = /^audit:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new BadUserInputError('Con trỏ trang không hợp lệ', 'Invalid page cursor', { after: cursor });
  return match[1];
}
