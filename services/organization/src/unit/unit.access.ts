import type { Principal } from '@ps/auth';
import { classifyAccess, inForceOn, isInForce, requireVisible, type Access } from '@ps/effective-dating';
import { BadUserInputError } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { AdministrativeUnit } from './unit.entity';

/** A unit's successor as a not-in-force answer names it. */
interface Successor {
  code: string;
  name: string;
  kind: string;
  visible: boolean;
}

/** The day a version was in force that is nearest the date asked: its last, or its first when it starts later. */
const NEAREST_DAY = '(CASE WHEN unit.valid_from > :accessDate THEN unit.valid_from ELSE unit.valid_to - 1 END)';

/**
 * What the caller may learn about a unit on a date, from one query over its versions: visible,
 * outside the territory, not in force (said to a caller who could see it then, or who sees
 * what replaced it), or absent. Every query and mutation on units resolves access here.
 */
export async function unitAccess(
  manager: EntityManager,
  principal: Principal,
  code: string,
  date: string,
): Promise<{ access: Access<AdministrativeUnit>; successors: Successor[] }> {
  const visible = territoryGuard.condition(principal, 'unit.path', date, 'accessScope');
  const visibleThen = territoryGuard.conditionAt(principal, 'unit.path', NEAREST_DAY, 'accessScopeThen');
  const successorVisible = territoryGuard.condition(principal, 'successor.path', date, 'successorScope');
  const { entities, raw } = await manager
    .getRepository(AdministrativeUnit)
    .createQueryBuilder('unit')
    .addSelect(`(${visible.sql})`, 'access_visible')
    .addSelect(`(${visibleThen.sql})`, 'access_visible_then')
    .addSelect(
      `(SELECT coalesce(json_agg(json_build_object('code', successor.code, 'name', successor.name, 'kind', link.kind,
                 'visible', ${successorVisible.sql}) ORDER BY successor.code), '[]')
          FROM unit_lineage link
          JOIN administrative_unit successor ON successor.code = link.successor_code AND ${inForceOn('successor', 'link.effective_date')}
         WHERE link.predecessor_code = unit.code AND link.effective_date = unit.valid_to AND link.successor_code <> unit.code)`,
      'access_successors',
    )
    .where('unit.code = :accessCode', { accessCode: code, accessDate: date })
    .setParameters({ ...visible.parameters, ...visibleThen.parameters, ...successorVisible.parameters })
    .orderBy('unit.valid_from')
    .getRawAndEntities<{ access_visible: boolean; access_visible_then: boolean; access_successors: Successor[] }>();
  const sightings = entities.map((version, index) => {
    const inForce = isInForce(version, date);
    return { version, inForce, visible: inForce && raw[index].access_visible, visibleWhileInForce: raw[index].access_visible_then };
  });
  const last = raw[raw.length - 1];
  const successors = last && !isInForce(entities[entities.length - 1], date) ? last.access_successors : [];
  return { access: classifyAccess(sightings, date, successors.some((successor) => successor.visible)), successors };
}

/** How messages name a unit: "Xã An Lập (25801)". */
export function unitLabel(unit: Pick<AdministrativeUnit, 'name' | 'code'>): string {
  return `${unit.name} (${unit.code})`;
}

/**
 * The unit a query, a write or a report applies to: visible on the date, or the one typed
 * error for why not (NOT_FOUND, NOT_IN_FORCE naming when it ended and what replaced it, FORBIDDEN).
 */
export async function requireUnit(manager: EntityManager, principal: Principal, code: string, date: string): Promise<AdministrativeUnit> {
  const { access, successors } = await unitAccess(manager, principal, code, date);
  const named = successors.map((successor) => `${successor.name} (${successor.code})`).join(', ');
  return requireVisible(access, date, {
    noun: { vi: 'đơn vị', en: 'unit' },
    asked: code,
    label: unitLabel,
    afterwards: named ? { vi: `; thay thế bởi ${named}`, en: `; replaced by ${named}` } : undefined,
    details: { unitCode: code, successors: successors.map(({ code: successor, name, kind }) => ({ code: successor, name, kind })) },
  });
}

/**
 * A unit that something new may be placed in from `date` (an organization, a hamlet, a unit
 * moved under it): visible then, and not ending afterwards. Whatever starts in a unit that a
 * recorded restructuring later ends would be left under it, since that restructuring carried
 * only what existed when it was recorded.
 */
export async function requireLastingUnit(manager: EntityManager, principal: Principal, code: string, date: string): Promise<AdministrativeUnit> {
  const unit = await requireUnit(manager, principal, code, date);
  const [last]: Array<{ validTo: string | null }> = await manager.query(
    'SELECT valid_to::text AS "validTo" FROM administrative_unit WHERE code = $1 ORDER BY valid_from DESC LIMIT 1',
    [code],
  );
  if (last?.validTo) {
    throw new BadUserInputError(
      `${unitLabel(unit)} hết hiệu lực từ ${last.validTo}: không thể đặt thêm vào đó từ ${date}, vì sẽ bị bỏ lại dưới một đơn vị đã chấm dứt`,
      `${unitLabel(unit)} ends on ${last.validTo}: nothing can be placed in it from ${date}, it would be left under a unit that has ceased`,
      { reason: 'UNIT_ENDS', unitCode: code, endsOn: last.validTo, date },
    );
  }
  return unit;
}
