import type { Principal } from '@ps/auth';
import { writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { requireLastingUnit, requireUnit, unitLabel } from '../unit/unit.access';
import type { AdministrativeUnit, Tier } from '../unit/unit.entity';
import { mayPlaceUnder } from '../unit/unit.rules';
import { requireAuthority } from './authority';
import type { DecisionIssuer } from './authority.rules';
import { RestructureInputError } from './restructure.errors';
import type { RestructuringChangeInput } from './restructure.inputs';

/** One restructuring in progress: its write, who records it, and the body that decided it. */
export interface Restructuring {
  write: DatedWrite;
  principal: Principal;
  issuer: DecisionIssuer;
}

/** Runs a restructuring as one dated write (decision with its issuer, audit row, events), named `operation`. */
export function restructure<T>(
  dataSource: DataSource,
  principal: Principal,
  operation: string,
  change: RestructuringChangeInput,
  work: (restructuring: Restructuring) => Promise<T>,
): Promise<T> {
  return writeDated(dataSource, { actor: principal, operation, change }, (write) => work({ write, principal, issuer: change.decision.issuer }));
}

/**
 * The units a restructuring acts on, in the order named: each visible to the caller on the date
 * (NOT_FOUND, NOT_IN_FORCE or FORBIDDEN otherwise), of a tier whose decisions the caller may
 * record and the cited body may make, locked, and with no change recorded after the date (those
 * must be undone first, in time order). A version starting on the date came from another change
 * the same day: the two compose.
 */
export async function unitsToRestructure(restructuring: Restructuring, codes: readonly string[]): Promise<AdministrativeUnit[]> {
  const { write, principal, issuer } = restructuring;
  const units: AdministrativeUnit[] = [];
  for (const code of codes) {
    const unit = await requireUnit(write.manager, principal, code, write.date);
    requireAuthority(principal, unit.tier, write.date, issuer);
    units.push(unit);
  }
  const later: Array<{ code: string; name: string; validFrom: string }> = await write.manager.query(
    `SELECT code, name, valid_from::text AS "validFrom" FROM administrative_unit
      WHERE code = ANY($1::text[]) AND valid_from > $2 ORDER BY code FOR UPDATE`,
    [units.map((unit) => unit.code), write.date],
  );
  await write.manager.query('SELECT 1 FROM administrative_unit WHERE id = ANY($1::uuid[]) FOR UPDATE', [units.map((unit) => unit.id)]);
  if (later.length > 0) {
    throw new RestructureInputError(
      `${later.map((unit) => `${unitLabel(unit)} từ ${unit.validFrom}`).join('; ')}: đã có thay đổi sau ngày ${write.date}, hãy ghi nhận theo thứ tự thời gian`,
      `${later.map((unit) => `${unitLabel(unit)} from ${unit.validFrom}`).join('; ')}: already changed after ${write.date}; record changes in time order`,
      { reason: 'LATER_CHANGE', later },
    );
  }
  return units;
}

/** The unit a restructured unit will sit under: visible, recordable, and of a tier the placement rules allow. */
export async function newParent(restructuring: Restructuring, parentCode: string, childTier: Tier): Promise<AdministrativeUnit> {
  const { write, principal } = restructuring;
  const parent = await requireLastingUnit(write.manager, principal, parentCode, write.date);
  if (!mayPlaceUnder(childTier, parent.tier, write.date)) {
    throw new RestructureInputError(
      `Ngày ${write.date}, đơn vị cấp ${childTier} không thể trực thuộc ${unitLabel(parent)} (cấp ${parent.tier})`,
      `On ${write.date} a ${childTier} cannot sit under ${unitLabel(parent)} (${parent.tier})`,
      { parentCode, parentTier: parent.tier, tier: childTier },
    );
  }
  return parent;
}

/** Codes without repeats, trimmed. */
export function distinctCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.map((code) => code.trim()))];
}

/** `parent.child`, or the code alone for a root. */
export function joinPath(parentPath: string | null | undefined, code: string): string {
  return parentPath ? `${parentPath}.${code}` : code;
}

/** What the audit row says of a unit version. */
export function unitState(unit: AdministrativeUnit) {
  const { code, name, tier, parentCode, path, validFrom, validTo } = unit;
  return { code, name, tier, parentCode, path, validFrom, validTo };
}

/** Names the restructuring's subject for the audit row: the unit it leaves (or acts on), and every unit concerned. */
export function aboutUnits(write: DatedWrite, subject: AdministrativeUnit, concerned: readonly AdministrativeUnit[]): DatedWrite {
  return write.about({
    type: 'AdministrativeUnit',
    id: subject.code,
    label: unitLabel(subject),
    unitCode: subject.code,
    unitPaths: [subject.path, ...concerned.map((unit) => unit.path)],
  });
}
