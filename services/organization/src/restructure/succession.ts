import { inForceOn, isOpenVersion, notEndedBy, systemActor, writeDated, type DatedWrite, type DecisionFacts } from '@ps/effective-dating';
import { groupBy } from '@ps/service-kit';
import { In, type DataSource } from 'typeorm';
import { mainSuccessors } from '../lineage/lineage.repository';
import { Organization, OrganizationBase, organizationLabel } from '../organization/organization.entity';
import { closeOrganizations, moveOrganizations, type OrganizationMove } from '../organization/organization.writes';
import { QuotaHolderKind, holderKey } from '../quota/quota.entity';
import type { PlacedHolder } from '../quota/quota.holders';
import { passQuotas, type QuotaSuccession } from '../quota/quota.succession';
import { unitLabel } from '../unit/unit.access';
import { AdministrativeUnit } from '../unit/unit.entity';
import { RestructureInputError } from './restructure.errors';
import { successionAction } from './succession.rules';

/** A unit that ceases on the write's date, and the unit taking over (none: nothing takes over). */
export interface Ceasing {
  unit: AdministrativeUnit;
  successor: AdministrativeUnit | null;
}

/** What a restructuring did to the holdings of ceasing units. */
export interface Succession {
  closed: Organization[];
  moved: Organization[];
}

/**
 * Carries what ceasing units hold, through the owners of each table: their organizations close
 * or pass to the successor as the succession rules say (whatever their start date), children
 * of closing organizations go under the successor's counterpart (same kind, the unit's own
 * body) or stand alone, and quotas pass to the successor. Each owner announces its changes.
 */
export async function carryHoldings(write: DatedWrite, everyCeasing: readonly Ceasing[]): Promise<Succession> {
  const ceasing = await holdingSomething(write, everyCeasing);
  if (ceasing.length === 0) return { closed: [], moved: [] };
  const byCode = new Map(ceasing.map((entry) => [entry.unit.code, entry]));
  const held = await heldBy(write, [...byCode.keys()]);
  refuseStranded(held, byCode, write.date);
  const closing = held.filter(
    (org) => org.validFrom < write.date && (!byCode.get(org.unitCode)?.successor || successionAction(org.kind, org.base, write.date) === 'CLOSE'),
  );
  const closingIds = new Set(closing.map((org) => org.id));
  const counterparts = await counterpartsOf(write, closing, byCode);
  const children = await childrenOf(write, [...closingIds]);
  const moves = new Map<string, OrganizationMove>();
  for (const org of held.filter((candidate) => !closingIds.has(candidate.id))) {
    const successor = byCode.get(org.unitCode)?.successor as AdministrativeUnit;
    const parentId = org.parentId && closingIds.has(org.parentId) ? (counterparts.get(org.parentId) ?? null) : org.parentId;
    moves.set(org.id, { organization: org, unitCode: successor.code, unitPath: successor.path, parentId });
  }
  for (const { organization: child, unitPath } of children.filter(({ organization }) => !closingIds.has(organization.id) && !moves.has(organization.id))) {
    moves.set(child.id, { organization: child, unitCode: child.unitCode, unitPath, parentId: counterparts.get(child.parentId as string) ?? null });
  }
  const unitOf = (org: Organization) => (byCode.get(org.unitCode) as Ceasing).unit;
  const closed = await closeOrganizations(write, closing.map((organization) => ({ organization, unit: unitOf(organization) })), counterparts);
  const moved = await moveOrganizations(write, [...moves.values()]);
  await passQuotas(write, quotaSuccessions(ceasing, closing, counterparts, unitOf));
  write.concerns(ceasing.flatMap((entry) => (entry.successor ? [entry.unit.path, entry.successor.path] : [entry.unit.path])));
  return { closed, moved };
}

/** Only the ceasing units that hold an organization or a quota from the date on (a national load ceases thousands). */
async function holdingSomething(write: DatedWrite, ceasing: readonly Ceasing[]): Promise<Ceasing[]> {
  if (ceasing.length === 0) return [];
  const rows: Array<{ code: string }> = await write.manager.query(
    `SELECT unit_code AS code FROM organization WHERE unit_code = ANY($1::text[]) AND ${notEndedBy('', '$2')}
     UNION
     SELECT holder_id FROM staffing_quota WHERE holder_kind = 'UNIT' AND holder_id = ANY($1::text[]) AND ${notEndedBy('', '$2')}`,
    [ceasing.map((entry) => entry.unit.code), write.date],
  );
  const holding = new Set(rows.map((row) => row.code));
  return ceasing.filter((entry) => holding.has(entry.unit.code));
}

/** Organizations that start on or after the date in a unit nothing takes over cannot close before they begin. */
function refuseStranded(held: readonly Organization[], byCode: ReadonlyMap<string, Ceasing>, date: string): void {
  const stranded = held.filter((org) => org.validFrom >= date && !byCode.get(org.unitCode)?.successor);
  if (stranded.length === 0) return;
  throw new RestructureInputError(
    `Các tổ chức bắt đầu từ ngày ${date} trở đi không có đơn vị kế thừa: ${stranded.map(organizationLabel).join('; ')}`,
    `Organizations starting on or after ${date} have no successor unit: ${stranded.map(organizationLabel).join('; ')}`,
    { reason: 'STRANDED', organizations: stranded.map((org) => org.id) },
  );
}

/** The latest version of every organization of the ceasing units not ended by the date, locked. */
async function heldBy(write: DatedWrite, unitCodes: readonly string[]): Promise<Organization[]> {
  const versions = await write.manager
    .getRepository(Organization)
    .createQueryBuilder('org')
    .where('org.unit_code IN (:...unitCodes)', { unitCodes })
    .andWhere(notEndedBy('org', ':date'), { date: write.date })
    .orderBy('org.id')
    .addOrderBy('org.valid_from')
    .setLock('pessimistic_write')
    .getMany();
  // One entry per organization: the version in force on the date, or its first later one.
  const first = new Map<string, Organization>();
  for (const version of versions) if (!first.has(version.id)) first.set(version.id, version);
  return [...first.values()];
}

/** For each closing unit body, the successor's body of the same kind in force on the date, if there is one. */
async function counterpartsOf(write: DatedWrite, closing: readonly Organization[], byCode: ReadonlyMap<string, Ceasing>): Promise<Map<string, string>> {
  const successorCodes = [...new Set([...byCode.values()].flatMap((entry) => (entry.successor ? [entry.successor.code] : [])))];
  if (successorCodes.length === 0) return new Map();
  const bodies = await write.manager
    .getRepository(Organization)
    .createQueryBuilder('org')
    .where('org.unit_code IN (:...successorCodes)', { successorCodes })
    .andWhere('org.base = :base', { base: OrganizationBase.UNIT })
    .andWhere(inForceOn('org', ':date'), { date: write.date })
    .orderBy('org.valid_from')
    .getMany();
  // The earliest body of each (unit, kind): a national load matches ~74,000 closings against ~30,000 bodies.
  const bodyOf = groupBy(bodies, (body) => `${body.unitCode}|${body.kind}`);
  const counterparts = new Map<string, string>();
  for (const org of closing) {
    const successor = byCode.get(org.unitCode)?.successor;
    const match = successor ? bodyOf.get(`${successor.code}|${org.kind}`)?.find((body) => body.id !== org.id) : undefined;
    if (match) counterparts.set(org.id, match.id);
  }
  return counterparts;
}

/**
 * Organizations anywhere whose parent closes (a commune's Party organization under a district's
 * that ceases), each with the path of its unit on the date, for the move's event.
 */
async function childrenOf(write: DatedWrite, parentIds: readonly string[]): Promise<Array<{ organization: Organization; unitPath: string }>> {
  if (parentIds.length === 0) return [];
  const { entities, raw } = await write.manager
    .getRepository(Organization)
    .createQueryBuilder('org')
    .leftJoin('administrative_unit', 'unit', `unit.code = org.unit_code AND ${inForceOn('unit', ':date')}`)
    .addSelect('unit.path::text', 'unit_path')
    // One array parameter: the national load closes more organizations than a statement binds (65,535).
    .where('org.parent_id = ANY(:parentIds)', { parentIds })
    .andWhere(notEndedBy('org', ':date'), { date: write.date })
    .orderBy('org.valid_from')
    .getRawAndEntities<{ unit_path: string | null }>();
  const latest = new Map(entities.map((organization, index) => [organization.id, { organization, unitPath: raw[index].unit_path ?? '' }]));
  return [...latest.values()];
}

/** Unit quotas pass to the successor unit, closing bodies' quotas to their counterparts. */
function quotaSuccessions(
  ceasing: readonly Ceasing[],
  closing: readonly Organization[],
  counterparts: ReadonlyMap<string, string>,
  unitOf: (org: Organization) => AdministrativeUnit,
): QuotaSuccession[] {
  const unitHolder = (unit: AdministrativeUnit): PlacedHolder => ({
    kind: QuotaHolderKind.UNIT,
    id: unit.code,
    key: holderKey({ kind: QuotaHolderKind.UNIT, id: unit.code }),
    label: unitLabel(unit),
    unitCode: unit.code,
    unitPath: unit.path,
    unitTier: unit.tier,
  });
  const orgHolder = (id: string, label: string, unit: AdministrativeUnit): PlacedHolder => ({
    ...unitHolder(unit),
    kind: QuotaHolderKind.ORGANIZATION,
    id,
    key: holderKey({ kind: QuotaHolderKind.ORGANIZATION, id }),
    label,
  });
  const byCode = new Map(ceasing.map((entry) => [entry.unit.code, entry]));
  return [
    ...ceasing.map(({ unit, successor }) => ({ from: unitHolder(unit), to: successor ? unitHolder(successor) : null })),
    ...closing.map((org) => {
      const successor = byCode.get(org.unitCode)?.successor ?? null;
      const counterpart = counterparts.get(org.id);
      const from = orgHolder(org.id, organizationLabel(org), unitOf(org));
      return { from, to: counterpart && successor ? orgHolder(counterpart, `${organizationLabel(org)} → ${unitLabel(successor)}`, successor) : null };
    }),
  ];
}

/**
 * Organizations and quotas still in force in units that have since ceased (recorded after the
 * restructuring that ended their unit, e.g. a seed run after the national load) pass on as the
 * restructuring itself would have passed them: one audited write per date a unit ceased, citing
 * the decision its lineage records. Returns how many ceased units it carried holdings from.
 */
export async function carryOrphanedHoldings(dataSource: DataSource): Promise<number> {
  const orphaned: Array<{ code: string; date: string }> = await dataSource.query(
    `WITH ceased AS (
       SELECT code, max(valid_to) AS ended FROM administrative_unit GROUP BY code HAVING bool_and(NOT ${isOpenVersion('')}))
     SELECT DISTINCT ceased.code, ceased.ended::text AS date
       FROM ceased JOIN organization org ON org.unit_code = ceased.code AND ${notEndedBy('org', 'ceased.ended')}
      ORDER BY date, code`,
  );
  let carried = 0;
  for (const [date, group] of groupBy(orphaned, (row) => row.date)) {
    const codes = group.map((row) => row.code);
    const successors = await mainSuccessors(dataSource.manager, codes);
    const decision = await lineageDecision(dataSource, codes, date);
    const change = { effectiveDate: date, reason: 'Chuyển tổ chức của đơn vị đã chấm dứt cho đơn vị kế thừa / holdings of ceased units passed on', decision };
    carried += await writeDated(dataSource, { actor: systemActor('succession'), operation: 'carryOrphanedHoldings', change }, async (write) => {
      const ceasing = await ceasingOn(write, codes, successors);
      write.about({ type: 'Territory', id: date, label: `Đơn vị chấm dứt ngày ${date}`, unitCode: null, unitPaths: ceasing.map((entry) => entry.unit.path) });
      const holdings = await carryHoldings(write, ceasing);
      write.after(holdings.closed.length + holdings.moved.length === 0 ? null : { closed: holdings.closed.length, moved: holdings.moved.length });
      return ceasing.length;
    });
  }
  return carried;
}

/** The ceased units' last versions and their successors' versions on the date. */
async function ceasingOn(write: DatedWrite, codes: readonly string[], successors: ReadonlyMap<string, { successor: string }>): Promise<Ceasing[]> {
  const units = await write.manager.getRepository(AdministrativeUnit).find({ where: { code: In([...codes]), validTo: write.date } });
  const wanted = [...new Set([...successors.values()].map((entry) => entry.successor))];
  const successorVersions = wanted.length === 0 ? [] : await write.manager
    .getRepository(AdministrativeUnit)
    .createQueryBuilder('unit')
    .where('unit.code IN (:...wanted)', { wanted })
    .andWhere(inForceOn('unit', ':date'), { date: write.date })
    .getMany();
  const byCode = new Map(successorVersions.map((unit) => [unit.code, unit]));
  return units.map((unit) => ({ unit, successor: byCode.get(successors.get(unit.code)?.successor ?? '') ?? null }));
}

/** The decision the lineage out of the ceased units cites (the first recorded), or a marked placeholder. */
async function lineageDecision(dataSource: DataSource, codes: readonly string[], date: string): Promise<DecisionFacts> {
  const [row]: Array<DecisionFacts> = await dataSource.query(
    `SELECT decision.number, decision.decided_on::text AS date, decision.signer, decision.issuer
       FROM unit_lineage link JOIN decision ON decision.id = link.decision_id
      WHERE link.predecessor_code = ANY($1::text[]) AND link.effective_date = $2 ORDER BY link.created_at LIMIT 1`,
    [codes, date],
  );
  return row ?? { number: 'KHONG-RO-QUYET-DINH', date, signer: 'Không rõ (đơn vị chấm dứt không ghi quyết định) / unknown' };
}
