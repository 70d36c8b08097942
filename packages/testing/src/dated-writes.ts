import { errorCodes, queryEntities } from './graphql-client';

/**
 * Helpers for tests of effective-dated writes: the change every mutation takes, the rows a
 * refused write must leave as it found them, and the audit trail's pages.
 */

/** A change input (`EffectiveChangeInput`) from `effectiveDate`, on a decision signed on `decidedOn`. */
export function changeOn(effectiveDate: string, options: { number?: string; decidedOn?: string; reason?: string } = {}) {
  return {
    effectiveDate,
    reason: options.reason ?? 'Kiện toàn theo quyết định',
    decision: { number: options.number ?? '12/QĐ-UBND', date: options.decidedOn ?? '2025-01-02', signer: 'Nguyễn Văn Chủ tịch' },
  };
}

/** The number of rows in each table, by name. */
export async function rowCounts(
  query: (sql: string) => Promise<Array<{ n: number }>>,
  tables: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = (await query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  return counts;
}

/** The tables every effective-dated write adds to besides its own: a refused write adds to none. */
export const WRITE_TRAIL_TABLES = ['decision', 'audit_log', 'outbox'] as const;

/** One audit entry as the tests read it. */
export interface AuditEntryRead {
  id: string;
  kind: 'WRITE' | 'READ';
  operation: string;
  fields: string[] | null;
  actor: { username: string };
  effectiveDate: string | null;
  before: unknown;
  after: unknown;
  target: { type: string; id: string; label: string; unitCode: string | null };
  decision: { number: string; date: string; signer: string } | null;
}

/** One page of a service's section of the audit trail. */
export interface AuditPageRead {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  entries: AuditEntryRead[];
}

/**
 * Asks a subgraph for its section (`personnel`, `evaluation`, ...) of the AuditTrail whose id is
 * `trailId`, as the gateway does once the owner has answered `auditTrail(...)`: the page, or
 * the error codes it was refused with.
 */
export async function auditSectionPage(
  url: string,
  section: string,
  trailId: string,
  token: string,
  options: { first: number; after?: string | null },
): Promise<{ page: AuditPageRead | null; errors: string[] }> {
  const after = options.after ? `, after: ${JSON.stringify(options.after)}` : '';
  const selection = `${section}(first: ${options.first}${after}) {
    totalCount pageInfo { hasNextPage endCursor }
    entries { id kind operation fields actor { username } effectiveDate before after target { type id label unitCode } decision { number date signer } } }`;
  const response = await queryEntities<Record<string, AuditPageRead>>(url, 'AuditTrail', [{ id: trailId }], selection, token);
  return { page: response.data?._entities[0]?.[section] ?? null, errors: errorCodes(response) };
}
