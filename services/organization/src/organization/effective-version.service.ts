import { requireCapability, type Capability, type Principal } from '@ps/auth';
import { In, type DataSource, type EntityManager, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { EffectiveChangeInput } from '../decision/decision.inputs';
import { recordChange, type EffectiveChange } from '../decision/decision.service';
import type { EffectiveVersion } from './effective-version.entity';
import { ChangeBeforeVersionError, ClosingDateError } from './organization.errors';

/** One write in progress: its transaction, the validated change, and who makes it. */
export interface VersionWrite {
  manager: EntityManager;
  principal: Principal;
  change: EffectiveChange;
  actor: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed id; anything else names nothing (and must not reach a uuid column). */
export function isStableId(id: string): boolean {
  return UUID.test(id);
}

/**
 * Runs a write in one transaction once the caller's capability is checked; the change is
 * validated and its decision recorded first, so a refused write leaves nothing behind.
 */
export async function writeVersions<T>(
  dataSource: DataSource,
  principal: Principal,
  needed: Capability,
  changeInput: EffectiveChangeInput,
  work: (write: VersionWrite) => Promise<T>,
): Promise<T> {
  requireCapability(principal, needed);
  return dataSource.transaction(async (manager) => {
    const change = await recordChange(manager, principal, changeInput);
    return work({ manager, principal, change, actor: principal.userId });
  });
}

/**
 * The open (latest, unclosed) version of a thing, locked until the transaction ends (or not
 * locked, with `lock` null). Writes lock an organization before what it holds, so that a seat
 * or duty write and the closing of its organization cannot deadlock.
 */
export async function openVersion<T extends EffectiveVersion>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  lock: 'pessimistic_write' | 'pessimistic_read' | null = 'pessimistic_write',
): Promise<T | null> {
  if (!isStableId(id)) return null;
  const query = manager
    .getRepository(target)
    .createQueryBuilder('version')
    .where('version.id = :id', { id })
    .andWhere('version.valid_to IS NULL');
  return (lock ? query.setLock(lock) : query).getOne();
}

/**
 * The open version of something an organization holds (seat, duty), locked after its
 * organization was checked and share-locked for the write's date and the caller's territory.
 */
export async function openHeldVersion<T extends EffectiveVersion & { organizationId: string }, Holder>(
  write: VersionWrite,
  target: EntityTarget<T>,
  id: string,
  holderFor: (organizationId: string) => Promise<Holder>,
): Promise<{ version: T; holder: Holder } | null> {
  const found = await openVersion(write.manager, target, id, null);
  if (!found) return null;
  const holder = await holderFor(found.organizationId);
  const version = await openVersion(write.manager, target, id);
  if (!version) return null;
  refuseBefore(version, write.change.effectiveDate);
  return { version, holder };
}

/**
 * Writes the next version from the change's date, carrying over what `fields` leaves out. On
 * the current version's own start day the change replaces it; later, the current version ends
 * that day and the next one begins. Earlier is refused.
 */
export async function nextVersion<T extends EffectiveVersion>(
  write: VersionWrite,
  target: EntityTarget<T>,
  current: T,
  fields: Partial<T>,
): Promise<T> {
  const date = write.change.effectiveDate;
  refuseBefore(current, date);
  const repository = write.manager.getRepository(target);
  const started = { reason: write.change.reason, decisionId: write.change.decision.id, createdBy: write.actor };
  if (date === current.validFrom) {
    await updateVersions(write.manager, target, [current.versionId], { ...fields, ...started, createdAt: new Date() });
    return Object.assign(current, fields, started);
  }
  await updateVersions(write.manager, target, [current.versionId], { validTo: date });
  const { versionId: _versionId, createdAt: _createdAt, asOf: _asOf, ...carried } = current;
  const next = repository.create({ ...carried, ...fields, ...started, validFrom: date, validTo: null } as unknown as T);
  await repository.insert(next as unknown as QueryDeepPartialEntity<T>);
  return next;
}

/** Refuses a change dated before the version it would follow. */
export function refuseBefore(current: EffectiveVersion, date: string): void {
  if (date < current.validFrom) throw new ChangeBeforeVersionError(current.id, current.validFrom, date);
}

/** Ends the current version on the change's date, recording the closing's reason, decision and actor. */
export async function closeVersion<T extends EffectiveVersion>(write: VersionWrite, target: EntityTarget<T>, current: T): Promise<T> {
  const date = write.change.effectiveDate;
  if (date <= current.validFrom) {
    throw new ClosingDateError(
      `Ngày đóng ${date} phải sau ngày bắt đầu của phiên bản hiện hành (${current.validFrom})`,
      `The closing date ${date} must be after the current version's start (${current.validFrom})`,
      { id: current.id, validFrom: current.validFrom, date },
    );
  }
  const closing = closingOf(write);
  await updateVersions(write.manager, target, [current.versionId], closing);
  return Object.assign(current, closing);
}

/**
 * Closes, on the change's date, every version an organization holds (seats, duties) that is
 * still in force after it; refuses when any of them starts on or after that date.
 */
export async function closeHeldBy<T extends EffectiveVersion & { organizationId: string }>(
  write: VersionWrite,
  target: EntityTarget<T>,
  organizationId: string,
): Promise<T[]> {
  const date = write.change.effectiveDate;
  const repository = write.manager.getRepository(target);
  const held = await repository
    .createQueryBuilder('held')
    .where('held.organization_id = :organizationId', { organizationId })
    .andWhere('(held.valid_to IS NULL OR held.valid_to > :date)', { date })
    .setLock('pessimistic_write')
    .getMany();
  const later = held.filter((version) => version.validFrom >= date);
  if (later.length > 0) {
    throw new ClosingDateError(
      `Tổ chức còn ${later.length} thay đổi có hiệu lực từ ngày ${date} trở đi`,
      `The organization holds ${later.length} version(s) starting on or after ${date}`,
      { organizationId, date, versions: later.map((version) => version.id) },
    );
  }
  if (held.length === 0) return [];
  const closing = closingOf(write);
  await updateVersions(write.manager, target, held.map((version) => version.versionId), closing);
  return held.map((version) => Object.assign(version, closing));
}


/** Sets columns of version rows by version id. */
async function updateVersions<T extends EffectiveVersion>(
  manager: EntityManager,
  target: EntityTarget<T>,
  versionIds: string[],
  values: Partial<T> | Partial<EffectiveVersion>,
): Promise<void> {
  const where = { versionId: In(versionIds) } as FindOptionsWhere<T>;
  await manager.getRepository(target).update(where, values as unknown as QueryDeepPartialEntity<T>);
}

function closingOf({ change, actor }: VersionWrite) {
  return {
    validTo: change.effectiveDate,
    closedReason: change.reason,
    closedDecisionId: change.decision.id,
    closedBy: actor,
    closedAt: new Date(),
  };
}
