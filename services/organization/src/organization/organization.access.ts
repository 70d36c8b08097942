import type { Principal } from '@ps/auth';
import {
  classifyAccess,
  inForceOn,
  isInForce,
  isStableId,
  openVersion,
  refuseBefore,
  requireVisible,
  stampAsOf,
  type Access,
  type DatedWrite,
  type EffectiveVersion,
} from '@ps/effective-dating';
import { BadUserInputError, NotFoundError, NotInForceError } from '@ps/errors';
import type { EntityManager, EntityTarget } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { requireUnit } from '../unit/unit.access';
import type { AdministrativeUnit } from '../unit/unit.entity';
import { Organization, organizationLabel } from './organization.entity';

/** The day a version was in force that is nearest the date asked: its last, or its first when it starts later. */
const NEAREST_DAY = '(CASE WHEN org.valid_from > :accessDate THEN org.valid_from ELSE org.valid_to - 1 END)';

/**
 * What the caller may learn about an organization on a date, from one query over its versions
 * and the units they belonged to: visible, outside the territory, not in force (told only to a
 * caller whose territory held it then), or absent.
 */
export async function organizationAccess(manager: EntityManager, principal: Principal, id: string, date: string): Promise<Access<Organization>> {
  if (!isStableId(id)) return { state: 'ABSENT' };
  const visible = territoryGuard.condition(principal, 'unit.path', date, 'accessScope');
  const visibleThen = territoryGuard.conditionAt(principal, 'unit_then.path', NEAREST_DAY, 'accessScopeThen');
  const { entities, raw } = await manager
    .getRepository(Organization)
    .createQueryBuilder('org')
    .addSelect(
      `EXISTS (SELECT 1 FROM administrative_unit unit
                WHERE unit.code = org.unit_code AND ${inForceOn('unit', ':accessDate')} AND ${visible.sql})`,
      'access_visible',
    )
    .addSelect(
      `EXISTS (SELECT 1 FROM administrative_unit unit_then
                WHERE unit_then.code = org.unit_code AND ${inForceOn('unit_then', NEAREST_DAY)} AND ${visibleThen.sql})`,
      'access_visible_then',
    )
    .where('org.id = :accessId', { accessId: id, accessDate: date })
    .setParameters({ ...visible.parameters, ...visibleThen.parameters })
    .orderBy('org.valid_from')
    .getRawAndEntities<{ access_visible: boolean; access_visible_then: boolean }>();
  const sightings = entities.map((version, index) => {
    const inForce = isInForce(version, date);
    return { version, inForce, visible: inForce && raw[index].access_visible, visibleWhileInForce: raw[index].access_visible_then };
  });
  return classifyAccess(sightings, date);
}

const SUBJECT = {
  noun: { vi: 'tổ chức này', en: 'such organization' },
  asked: null,
  label: organizationLabel,
};

/** The organization a query or write applies to, visible on the date, or the typed error for why not. */
export async function requireOrganization(manager: EntityManager, principal: Principal, id: string, date: string): Promise<Organization> {
  return requireVisible(await organizationAccess(manager, principal, id, date), date, { ...SUBJECT, details: { id } });
}

/** An organization a write changes: visible on its date, its open version locked, and the date not before that version. */
export interface WritableOrganization {
  /** The version in force on the write's date. */
  version: Organization;
  /** The latest version, locked for the write (the one a change follows). */
  open: Organization;
}

/**
 * Resolves access first (nothing about an organization outside the territory is revealed, not
 * even its dates), then locks its open version and refuses a date before it.
 */
export async function organizationForWrite(
  write: DatedWrite,
  principal: Principal,
  id: string,
  lock: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
): Promise<WritableOrganization> {
  const version = await requireOrganization(write.manager, principal, id, write.date);
  const open = await openVersion(write.manager, Organization, id, lock);
  if (!open) {
    throw new BadUserInputError(
      `${organizationLabel(version)} đã giải thể từ ngày ${version.validTo}; không thể ghi thay đổi trước đó`,
      `${organizationLabel(version)} was closed on ${version.validTo}; no change can be recorded before that`,
      { id, closedOn: version.validTo },
    );
  }
  refuseBefore(open, write.date, organizationLabel(open));
  return { version, open };
}

/** An organization a seat or duty write applies to, with its unit (for the audit row and the events' path). */
export interface Holder {
  organization: Organization;
  unit: AdministrativeUnit;
}

/**
 * The organization a seat or duty write applies to: visible on the write's date, still open
 * (its open version share-locked, so it cannot close meanwhile), with its unit that day.
 */
export async function holderForWrite(write: DatedWrite, principal: Principal, organizationId: string): Promise<Holder> {
  const { version } = await organizationForWrite(write, principal, organizationId, 'pessimistic_read');
  const unit = await requireUnit(write.manager, principal, version.unitCode, write.date);
  return { organization: stampAsOf(version, write.date), unit };
}

/** What errors name a held thing by (a seat, a duty). */
export interface HeldSubject<T> {
  noun: { vi: string; en: string };
  label: (version: T, holder: Holder) => string;
}

/**
 * A seat or duty a write changes: its organization resolves access first (nothing outside the
 * territory is revealed), then NOT_IN_FORCE when the thing has ended, its open version locked,
 * and the date not before that version. NOT_FOUND when it never existed.
 */
export async function heldForWrite<T extends EffectiveVersion & { organizationId: string }>(
  write: DatedWrite,
  principal: Principal,
  target: EntityTarget<T>,
  id: string,
  subject: HeldSubject<T>,
): Promise<{ version: T; holder: Holder }> {
  const latest = isStableId(id)
    ? await write.manager.getRepository(target).createQueryBuilder('held').where('held.id = :id', { id }).orderBy('held.valid_from', 'DESC').getOne()
    : null;
  if (!latest) throw new NotFoundError(`Không có ${subject.noun.vi} này`, `No such ${subject.noun.en}`, { id });
  const holder = await holderForWrite(write, principal, latest.organizationId);
  const version = await openVersion(write.manager, target, id);
  if (!version) {
    throw new NotInForceError(
      `${subject.label(latest, holder)} đã hết hiệu lực từ ${latest.validTo}`,
      `${subject.label(latest, holder)} ended on ${latest.validTo}`,
      { id, endedOn: latest.validTo, date: write.date },
    );
  }
  refuseBefore(version, write.date, subject.label(version, holder));
  return { version, holder };
}
