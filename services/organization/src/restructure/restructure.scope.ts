import { OutsideTerritoryError, requireCapability, type Principal } from '@ps/auth';
import type { DataSource, EntityManager } from 'typeorm';
import type { EffectiveChangeInput } from '../decision/decision.inputs';
import { changeFactsOf } from '../decision/decision.events';
import { recordChange, type EffectiveChange } from '../decision/decision.service';
import { territoryGuard, validOn } from '../territory/validity';
import { AdministrativeUnit } from '../unit/unit.entity';
import { CHILD_TIERS } from '../unit/unit.errors';
import { unitSnapshot } from '../unit/unit.events';
import { isAbove, NotTierAboveError, RestructureInputError } from './restructure.errors';

/** One restructuring in progress: its transaction, who does it, and the validated change. */
export interface Restructuring {
  manager: EntityManager;
  principal: Principal;
  change: EffectiveChange;
  actor: string;
}

/** Runs a restructuring in one transaction: the admin's change is validated and its decision recorded first. */
export async function restructure<T>(
  dataSource: DataSource,
  principal: Principal,
  changeInput: EffectiveChangeInput,
  work: (restructuring: Restructuring) => Promise<T>,
): Promise<T> {
  requireCapability(principal, 'admin');
  return dataSource.transaction(async (manager) => {
    const change = await recordChange(manager, principal, changeInput);
    return work({ manager, principal, change, actor: principal.userId });
  });
}

function inForceAt(restructuring: Restructuring, codes: string[]) {
  const { manager, principal, change } = restructuring;
  const query = manager
    .getRepository(AdministrativeUnit)
    .createQueryBuilder('unit')
    .where(validOn('unit'), { asOf: change.effectiveDate })
    .andWhere('unit.code IN (:...codes)', { codes });
  return territoryGuard.apply(query, principal, 'unit.path', change.effectiveDate);
}

/**
 * The current versions of the units to restructure, locked: each must be in force on the date
 * inside the caller's territory, below the caller's tier, and without a change already dated
 * on or after it.
 */
export async function unitsToRestructure(restructuring: Restructuring, codes: string[]): Promise<AdministrativeUnit[]> {
  const date = restructuring.change.effectiveDate;
  const units = await inForceAt(restructuring, codes).orderBy('unit.code').setLock('pessimistic_write').getMany();
  for (const code of codes) {
    const unit = units.find((candidate) => candidate.code === code);
    if (!unit) throw await missing(restructuring, code);
    if (!isAbove(restructuring.principal.tier, unit.tier)) throw new NotTierAboveError(code, unit.tier);
    if (unit.validTo !== null || unit.validFrom >= date) {
      throw new RestructureInputError(
        `Đơn vị ${code} đã có thay đổi vào hoặc sau ngày ${date}`,
        `Unit ${code} already has a change on or after ${date}`,
        { code, validFrom: unit.validFrom, validTo: unit.validTo },
      );
    }
  }
  return units;
}

/** The unit a restructured unit will sit under: in force, in the territory, of a fitting tier. */
export async function newParent(restructuring: Restructuring, parentCode: string, childTier: string): Promise<AdministrativeUnit> {
  const [parent] = await inForceAt(restructuring, [parentCode]).getMany();
  if (!parent) throw await missing(restructuring, parentCode);
  if (!CHILD_TIERS[parent.tier].includes(childTier)) {
    throw new RestructureInputError(
      `Đơn vị cấp ${childTier} không thể trực thuộc đơn vị cấp ${parent.tier}`,
      `A ${childTier} cannot sit under a ${parent.tier}`,
      { parentCode, parentTier: parent.tier, tier: childTier },
    );
  }
  return parent;
}

async function missing(restructuring: Restructuring, code: string): Promise<Error> {
  const date = restructuring.change.effectiveDate;
  const inForce = await restructuring.manager
    .getRepository(AdministrativeUnit)
    .createQueryBuilder('unit')
    .where('unit.code = :code', { code })
    .andWhere(validOn('unit'), { asOf: date })
    .getExists();
  if (inForce) return new OutsideTerritoryError(code);
  return new RestructureInputError(`Đơn vị ${code} không có hiệu lực vào ngày ${date}`, `Unit ${code} is not in force on ${date}`, {
    code,
    date,
  });
}

/** Codes without repeats, trimmed. */
export function distinctCodes(codes: string[]): string[] {
  return [...new Set(codes.map((code) => code.trim()))];
}

/** A unit version as restructuring events carry it, with the change's decision. */
export function snapshot(restructuring: Restructuring, unit: AdministrativeUnit) {
  return unitSnapshot(unit, restructuring.change.decision);
}

/** Effective date, reason and decision, as every restructuring event states them. */
export function facts(restructuring: Restructuring) {
  return changeFactsOf(restructuring.change);
}
