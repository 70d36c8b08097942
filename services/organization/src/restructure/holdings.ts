import type { EntityManager } from 'typeorm';
import { holderKey, QuotaHolderKind } from '../quota/quota.entity';
import { lockQuotaHolders } from '../quota/quota.scope';

/** Why holdings end: the date, and the restructuring's reason, decision and actor for the audit. */
export interface HoldingsEnd {
  date: string;
  reason: string;
  decisionId: string | null;
  actor: string;
}

/**
 * When units cease to exist, what they hold ends with them on the same date: their
 * organizations (with those organizations' seats, duties and quotas) and their own quotas.
 * Closings are audited like any other; quota holders are locked as the quota ledger does.
 * Versions that start on or after the date are left for the operator to review. Returns the
 * organizations ended, with their units, for the restructuring events.
 */
export async function endHoldingsOf(
  manager: EntityManager,
  unitCodes: string[],
  end: HoldingsEnd,
): Promise<Array<{ id: string; unitCode: string }>> {
  if (unitCodes.length === 0) return [];
  const openOn = 'valid_from < $2 AND (valid_to IS NULL OR valid_to > $2)';
  const held: Array<{ id: string; unitCode: string }> = await manager.query(
    `SELECT DISTINCT id, unit_code AS "unitCode" FROM organization
      WHERE unit_code = ANY($1::text[]) AND ${openOn} ORDER BY id`,
    [unitCodes, end.date],
  );
  const organizationIds = held.map((row) => row.id);
  await lockQuotaHolders(manager, [
    ...unitCodes.map((code) => holderKey({ kind: QuotaHolderKind.UNIT, id: code })),
    ...organizationIds.map((id) => holderKey({ kind: QuotaHolderKind.ORGANIZATION, id })),
  ]);
  const audit = 'closed_reason = $3, closed_decision_id = $4, closed_by = $5, closed_at = now()';
  const parameters = [end.date, end.reason, end.decisionId, end.actor];
  await manager.query(
    `UPDATE organization SET valid_to = $2, ${audit} WHERE id = ANY($1::uuid[]) AND ${openOn}`,
    [organizationIds, ...parameters],
  );
  for (const table of ['organization_seat', 'duty']) {
    await manager.query(
      `UPDATE ${table} SET valid_to = $2, ${audit} WHERE organization_id = ANY($1::uuid[]) AND ${openOn}`,
      [organizationIds, ...parameters],
    );
  }
  await manager.query(
    `UPDATE staffing_quota SET valid_to = $2
      WHERE ((holder_kind = 'UNIT' AND holder_id = ANY($1::text[]))
          OR (holder_kind = 'ORGANIZATION' AND holder_id = ANY($3::text[])))
        AND ${openOn}`,
    [unitCodes, end.date, organizationIds],
  );
  return held;
}

/** How a restructuring ends what ceasing units hold. */
export function holdingsEnd(change: { effectiveDate: string; reason: string; decision: { id: string } }, actor: string): HoldingsEnd {
  return { date: change.effectiveDate, reason: change.reason, decisionId: change.decision.id, actor };
}

/** Records who became whom (predecessor → successor) on the date. */
export async function recordLineage(
  manager: EntityManager,
  links: Array<{ predecessor: string; successor: string }>,
  kind: 'MERGE' | 'SPLIT',
  change: { effectiveDate: string; reason: string; decision: { id: string } },
  actor: string,
): Promise<void> {
  if (links.length === 0) return;
  await manager.query(
    `INSERT INTO unit_lineage (predecessor_code, successor_code, kind, effective_date, reason, decision_id, created_by)
     SELECT predecessor, successor, $3, $4, $5, $6, $7 FROM unnest($1::text[], $2::text[]) AS link(predecessor, successor)`,
    [
      links.map((link) => link.predecessor),
      links.map((link) => link.successor),
      kind,
      change.effectiveDate,
      change.reason,
      change.decision.id,
      actor,
    ],
  );
}
