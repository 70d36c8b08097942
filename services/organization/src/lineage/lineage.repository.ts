import type { DatedWrite } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import type { LineageKind } from './lineage.entity';

/** One link of lineage: who became whom, how. */
export interface LineageLinkRow {
  predecessor: string;
  successor: string;
  kind: LineageKind;
}

/** On which date, why and on which decision, and by whom a batch of links is recorded. */
export interface LineageRecord {
  effectiveDate: string;
  reason: string;
  decisionId: string | null;
  createdBy: string;
}

const BATCH = 5000;

/**
 * The one writer of `unit_lineage`. Records links not recorded yet (the same link on the same
 * date is one row, so replays and composed changes add nothing) and returns those that were new.
 */
export function insertLineage(manager: EntityManager, links: readonly LineageLinkRow[], record: LineageRecord): Promise<LineageLinkRow[]> {
  const { decisionId, ...common } = record;
  return insertLineageEach(manager, links.map((link) => ({ ...link, decisionId })), common);
}

/** {@link insertLineage} with each link on its own decision (a national load cites one per province). */
export async function insertLineageEach(
  manager: EntityManager,
  links: ReadonlyArray<LineageLinkRow & { decisionId: string | null }>,
  record: Omit<LineageRecord, 'decisionId'>,
): Promise<LineageLinkRow[]> {
  const added: LineageLinkRow[] = [];
  for (let start = 0; start < links.length; start += BATCH) {
    const batch = links.slice(start, start + BATCH);
    const rows: LineageLinkRow[] = await manager.query(
      `INSERT INTO unit_lineage (predecessor_code, successor_code, kind, effective_date, reason, decision_id, created_by)
       SELECT predecessor, successor, kind, $5, $6, decision_id, $7
         FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) AS link(predecessor, successor, kind, decision_id)
       ON CONFLICT (predecessor_code, successor_code, effective_date, kind) DO NOTHING
       RETURNING predecessor_code AS predecessor, successor_code AS successor, kind`,
      [
        batch.map((link) => link.predecessor),
        batch.map((link) => link.successor),
        batch.map((link) => link.kind),
        batch.map((link) => link.decisionId),
        record.effectiveDate,
        record.reason,
        record.createdBy,
      ],
    );
    added.push(...rows);
  }
  return added;
}

/** Records a restructuring's links on its date, with its reason and decision. */
export function recordLineage(write: DatedWrite, links: readonly LineageLinkRow[]): Promise<LineageLinkRow[]> {
  return insertLineage(write.manager, links, {
    effectiveDate: write.date,
    reason: write.change.reason,
    decisionId: write.change.decision.id,
    createdBy: write.actor.userId,
  });
}

/**
 * The main successor of each ceased unit, from lineage (a merge's or a dissolution's successor;
 * not a split's, which has several, nor a boundary adjustment's, which took only part).
 */
export async function mainSuccessors(manager: EntityManager, codes: readonly string[]): Promise<Map<string, { successor: string; date: string }>> {
  if (codes.length === 0) return new Map();
  const rows: Array<{ predecessor: string; successor: string; date: string }> = await manager.query(
    `SELECT predecessor_code AS predecessor, min(successor_code) AS successor, effective_date::text AS date
       FROM unit_lineage
      WHERE predecessor_code = ANY($1::text[]) AND kind IN ('MERGE', 'DISSOLVE') AND successor_code <> predecessor_code
      GROUP BY predecessor_code, effective_date
     HAVING count(DISTINCT successor_code) = 1`,
    [codes],
  );
  return new Map(rows.map((row) => [row.predecessor, { successor: row.successor, date: row.date }]));
}
