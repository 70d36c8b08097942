import type { EntityManager } from 'typeorm';

/**
 * When units cease to exist, what they hold ends with them on the same date: their
 * organisations (with those organisations' seats, duties and quotas) and their own quotas.
 * Versions that start on or after the date are left for the operator to review.
 */
export async function endHoldingsOf(manager: EntityManager, unitCodes: string[], date: string): Promise<number> {
  if (unitCodes.length === 0) return 0;
  const organisations: Array<{ id: string }> = await manager.query(
    `UPDATE organization SET valid_to = $2
      WHERE unit_code = ANY($1::text[]) AND valid_from < $2 AND (valid_to IS NULL OR valid_to > $2)
      RETURNING id`,
    [unitCodes, date],
  );
  const organisationIds = organisations.map((row) => row.id);
  for (const table of ['organization_seat', 'duty']) {
    await manager.query(
      `UPDATE ${table} SET valid_to = $2
        WHERE organization_id = ANY($1::uuid[]) AND valid_from < $2 AND (valid_to IS NULL OR valid_to > $2)`,
      [organisationIds, date],
    );
  }
  await manager.query(
    `UPDATE staffing_quota SET valid_to = $3
      WHERE ((holder_kind = 'UNIT' AND holder_id = ANY($1::text[]))
          OR (holder_kind = 'ORGANIZATION' AND holder_id = ANY($2::text[])))
        AND valid_from < $3 AND (valid_to IS NULL OR valid_to > $3)`,
    [unitCodes, organisationIds, date],
  );
  return organisationIds.length;
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
