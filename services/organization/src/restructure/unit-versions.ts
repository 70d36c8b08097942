import { foldText } from '@ps/service-kit';
import type { EntityManager } from 'typeorm';
import type { EffectiveChange } from '../decision/decision.service';
import { AdministrativeUnit } from '../unit/unit.entity';

/**
 * The primitives every restructuring is made of: end a version on a date, start a new one,
 * and carry a whole subtree to a new place. A version ends where the next begins, so the
 * history has neither gaps nor overlaps (the table's exclusion constraint checks it).
 */

/** Ends versions on the change's date. */
export async function endVersions(manager: EntityManager, units: AdministrativeUnit[], date: string): Promise<void> {
  if (units.length === 0) return;
  await manager.query('UPDATE administrative_unit SET valid_to = $2 WHERE id = ANY($1::uuid[])', [
    units.map((unit) => unit.id),
    date,
  ]);
  for (const unit of units) unit.validTo = date;
}

/** Starts new versions from the change's date (one INSERT for all of them). */
export async function startVersions(
  manager: EntityManager,
  versions: Array<Pick<AdministrativeUnit, 'code' | 'name' | 'tier' | 'parentCode' | 'path'>>,
  change: EffectiveChange,
  actor: string,
): Promise<AdministrativeUnit[]> {
  if (versions.length === 0) return [];
  const rows = versions.map((version) => ({
    ...version,
    searchName: foldText(version.name),
    validFrom: change.effectiveDate,
    validTo: null,
    reason: change.reason,
    decisionId: change.decision.id,
    createdBy: actor,
  }));
  const repository = manager.getRepository(AdministrativeUnit);
  await repository.insert(rows);
  return repository.findBy(versions.map((version) => ({ code: version.code, validFrom: change.effectiveDate })));
}

/** Current descendants (not the root) of a path, in force on the date, shallowest first. */
export async function descendantsOf(manager: EntityManager, rootPath: string, date: string): Promise<AdministrativeUnit[]> {
  return manager
    .getRepository(AdministrativeUnit)
    .createQueryBuilder('unit')
    .where('unit.path <@ :rootPath::ltree AND unit.path <> :rootPath::ltree', { rootPath })
    .andWhere('unit.valid_from <= :date AND (unit.valid_to IS NULL OR unit.valid_to > :date)', { date })
    .orderBy('nlevel(unit.path)')
    .addOrderBy('unit.code')
    .getMany();
}

/**
 * Moves the descendants of `from` (a root path) under `to` from the change's date: their
 * versions end and new ones start with re-based paths; direct children of the old root get
 * `toCode` as parent. Returns the new versions.
 */
export async function rehomeDescendants(
  manager: EntityManager,
  from: { code: string; path: string },
  to: { code: string; path: string },
  change: EffectiveChange,
  actor: string,
): Promise<AdministrativeUnit[]> {
  const descendants = await descendantsOf(manager, from.path, change.effectiveDate);
  await endVersions(manager, descendants, change.effectiveDate);
  return startVersions(
    manager,
    descendants.map((unit) => ({
      code: unit.code,
      name: unit.name,
      tier: unit.tier,
      parentCode: unit.parentCode === from.code ? to.code : unit.parentCode,
      path: `${to.path}${unit.path.slice(from.path.length)}`,
    })),
    change,
    actor,
  );
}

/** Moves a unit with its whole subtree under a new parent from the change's date. */
export async function moveSubtree(
  manager: EntityManager,
  root: AdministrativeUnit,
  parent: { code: string; path: string },
  change: EffectiveChange,
  actor: string,
): Promise<{ moved: AdministrativeUnit; rehomed: AdministrativeUnit[] }> {
  await endVersions(manager, [root], change.effectiveDate);
  const [moved] = await startVersions(
    manager,
    [{ code: root.code, name: root.name, tier: root.tier, parentCode: parent.code, path: `${parent.path}.${root.code}` }],
    change,
    actor,
  );
  const rehomed = await rehomeDescendants(manager, root, moved, change, actor);
  return { moved, rehomed };
}
