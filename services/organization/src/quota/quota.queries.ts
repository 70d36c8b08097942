import type { Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import { todayInVietnam } from '@ps/service-kit';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { QuotaHolderKind, StaffingQuota, type QuotaHolder } from './quota.entity';
import { Decision } from '@ps/effective-dating';


/**
 * SQL: what the holder has handed down on `date`, the sum of its children's quotas in force
 * that day. A unit's children are its child units and its top-level organizations; an
 * organization's are its sub-organizations.
 */
function allocatedSql(kind: QuotaHolderKind, date: string): string {
  const children =
    kind === QuotaHolderKind.UNIT
      ? `(child.holder_kind = 'UNIT' AND child.holder_id IN (
           SELECT sub.code FROM administrative_unit sub WHERE sub.parent_code = unit.code AND ${inForceOn('sub', date)}))
         OR (child.holder_kind = 'ORGANIZATION' AND child.holder_id IN (
           SELECT sub.id::text FROM organization sub
            WHERE sub.unit_code = unit.code AND sub.parent_id IS NULL AND ${inForceOn('sub', date)}))`
      : `child.holder_kind = 'ORGANIZATION' AND child.holder_id IN (
           SELECT sub.id::text FROM organization sub WHERE sub.parent_id = org.id AND ${inForceOn('sub', date)})`;
  return `COALESCE((SELECT sum(child.amount) FROM staffing_quota child WHERE ${inForceOn('child', date)} AND (${children})), 0)::int`;
}

/** Quota versions of one kind with their holder and unit as they stood on `date`, the decision and `allocated`. */
function quotaQuery(manager: EntityManager, kind: QuotaHolderKind, date: string): SelectQueryBuilder<ObjectLiteral> {
  const query = manager.createQueryBuilder().from('staffing_quota', 'quota');
  if (kind === QuotaHolderKind.UNIT) {
    query.innerJoin('administrative_unit', 'unit', `unit.code = quota.holder_id AND ${inForceOn('unit', date)}`);
  } else {
    query
      .innerJoin('organization', 'org', `org.id::text = quota.holder_id AND ${inForceOn('org', date)}`)
      .innerJoin('administrative_unit', 'unit', `unit.code = org.unit_code AND ${inForceOn('unit', date)}`);
  }
  return query
    .leftJoin('decision', 'decision', 'decision.id = quota.decision_id')
    .select([
      'quota.id AS id',
      'quota.holder_kind AS holder_kind',
      'quota.holder_id AS holder_id',
      'quota.amount AS amount',
      'quota.valid_from::text AS valid_from',
      'quota.valid_to::text AS valid_to',
      'quota.reason AS reason',
      'unit.code AS unit_code',
      'decision.id AS decision_id',
      'decision.number AS decision_number',
      'decision.decided_on::text AS decision_date',
      'decision.signer AS decision_signer',
    ])
    .addSelect(allocatedSql(kind, date), 'allocated')
    .where('quota.holder_kind = :kind', { kind });
}

interface QuotaRow {
  id: string;
  holder_kind: QuotaHolderKind;
  holder_id: string;
  amount: number;
  valid_from: string;
  valid_to: string | null;
  reason: string | null;
  unit_code: string;
  allocated: number;
  decision_id: string | null;
  decision_number: string;
  decision_date: string;
  decision_signer: string;
}

function toQuota(row: QuotaRow, asOf: string): StaffingQuota {
  const decision = row.decision_id
    ? Object.assign(new Decision(), {
        id: row.decision_id,
        number: row.decision_number,
        decidedOn: row.decision_date,
        signer: row.decision_signer,
      })
    : null;
  return Object.assign(new StaffingQuota(), {
    id: row.id,
    holderKind: row.holder_kind,
    holderId: row.holder_id,
    amount: row.amount,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    reason: row.reason,
    decisionId: row.decision_id,
    unitCode: row.unit_code,
    allocated: row.allocated,
    available: row.amount - row.allocated,
    decision,
    asOf,
  });
}

/** Quotas in force on `asOf` of the given holders inside the caller's territory, one query. */
export async function quotasOn(
  manager: EntityManager,
  principal: Principal,
  kind: QuotaHolderKind,
  ids: readonly string[],
  asOf: string,
): Promise<StaffingQuota[]> {
  const query = quotaQuery(manager, kind, ':asOf')
    .andWhere(inForceOn('quota', ':asOf'))
    .andWhere('quota.holder_id IN (:...ids)', { ids })
    .setParameter('asOf', asOf);
  const rows = await territoryGuard.apply(query, principal, 'unit.path', asOf).getRawMany<QuotaRow>();
  return rows.map((row) => toQuota(row, asOf));
}

/**
 * Every version of a holder's quota, oldest first, each with `allocated` as of its start and
 * shown while the holder's unit as it stood then lies inside the caller's territory today.
 */
export async function quotaVersions(manager: EntityManager, principal: Principal, holder: QuotaHolder): Promise<StaffingQuota[]> {
  const query = quotaQuery(manager, holder.kind, 'quota.valid_from')
    .andWhere('quota.holder_id = :id', { id: holder.id })
    .orderBy('quota.valid_from');
  const rows = await territoryGuard.apply(query, principal, 'unit.path', todayInVietnam()).getRawMany<QuotaRow>();
  return rows.map((row) => toQuota(row, row.valid_from));
}
