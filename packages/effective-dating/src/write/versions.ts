import { BadUserInputError } from '@ps/errors';
import { In, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { EffectiveVersion } from '../dated-record';
import { inForceOn, isOpenVersion, notEndedBy } from '../validity';
import type { DatedWrite } from './dated-write';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed stable id; anything else names nothing (and must not reach a uuid column). */
export function isStableId(id: string): boolean {
  return UUID.test(id);
}

/** A change dated before the version it would follow: history is rewritten by a new decision, not an edit. */
export class ChangeBeforeVersionError extends BadUserInputError {
  constructor(label: string, validFrom: string, date: string) {
    super(
      `Ngày hiệu lực ${date} sớm hơn phiên bản hiện hành của ${label} (từ ${validFrom})`,
      `Effective date ${date} is before the current version of ${label} (from ${validFrom})`,
      { validFrom, date },
    );
  }
}

/** Closing needs a date after the current version's start, and nothing held may start on or after it. */
export class ClosingDateError extends BadUserInputError {}

/**
 * The open (latest, unclosed) version of a thing, locked until the transaction ends (or not,
 * with `lock` null). Writes lock a holder before what it holds, so they cannot deadlock.
 */
export async function openVersion<T extends EffectiveVersion>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  lock: 'pessimistic_write' | 'pessimistic_read' | null = 'pessimistic_write',
): Promise<T | null> {
  if (!isStableId(id)) return null;
  const query = manager.getRepository(target).createQueryBuilder('version').where('version.id = :id', { id }).andWhere(isOpenVersion('version'));
  return (lock ? query.setLock(lock) : query).getOne();
}

/** The version of a thing in force on a date, unguarded: for checks, never returned to a caller as such. */
export function versionOn<T extends EffectiveVersion>(manager: EntityManager, target: EntityTarget<T>, id: string, date: string): Promise<T | null> {
  if (!isStableId(id)) return Promise.resolve(null);
  return manager
    .getRepository(target)
    .createQueryBuilder('version')
    .where('version.id = :id', { id })
    .andWhere(inForceOn('version', ':date'), { date })
    .getOne();
}

/** Refuses a change dated before the version it would follow. */
export function refuseBefore(current: EffectiveVersion, date: string, label: string): void {
  if (date < current.validFrom) throw new ChangeBeforeVersionError(label, current.validFrom, date);
}

/** What a version starts with: the write's reason, decision and actor. */
function startedBy(write: DatedWrite) {
  return { reason: write.change.reason, decisionId: write.change.decision.id, createdBy: write.actor.userId };
}

/** Inserts the first version of a new thing, in force from the write's date. */
export async function insertVersion<T extends EffectiveVersion>(write: DatedWrite, target: EntityTarget<T>, fields: Partial<T>): Promise<T> {
  const repository = write.manager.getRepository(target);
  const version = repository.create({ ...fields, validFrom: write.date, validTo: null, ...startedBy(write) } as unknown as T);
  await repository.insert(version as unknown as QueryDeepPartialEntity<T>);
  return version;
}

/**
 * Writes the next version from the write's date, carrying over what `fields` leaves out. On
 * the current version's own start day the change replaces it (several changes on one date
 * compose into one version); later, the current version ends that day and the next begins.
 */
export async function nextVersion<T extends EffectiveVersion>(
  write: DatedWrite,
  target: EntityTarget<T>,
  current: T,
  fields: Partial<T>,
  label: string,
): Promise<T> {
  refuseBefore(current, write.date, label);
  if (write.date === current.validFrom) {
    await updateVersions(write.manager, target, [current.versionId], { ...fields, ...startedBy(write), createdAt: new Date() });
    return Object.assign(current, fields, startedBy(write));
  }
  await updateVersions(write.manager, target, [current.versionId], { validTo: write.date } as Partial<T>);
  const { versionId: _versionId, createdAt: _createdAt, asOf: _asOf, ...carried } = current;
  const repository = write.manager.getRepository(target);
  const next = repository.create({ ...carried, ...fields, ...startedBy(write), validFrom: write.date, validTo: null } as unknown as T);
  await repository.insert(next as unknown as QueryDeepPartialEntity<T>);
  return next;
}

/** Ends the current version on the write's date, recording the closing's reason, decision and actor. */
export async function closeVersion<T extends EffectiveVersion>(write: DatedWrite, target: EntityTarget<T>, current: T, label: string): Promise<T> {
  const [closed] = await closeVersions(write, target, [current], () => label);
  return closed;
}

/**
 * Ends many things' current versions on the write's date in one statement per batch (a national
 * restructuring closes tens of thousands of organizations); refuses, before changing anything,
 * when one of them starts on or after the date.
 */
export async function closeVersions<T extends EffectiveVersion>(
  write: DatedWrite,
  target: EntityTarget<T>,
  current: readonly T[],
  label: (version: T) => string,
): Promise<T[]> {
  const early = current.find((version) => write.date <= version.validFrom);
  if (early) {
    throw new ClosingDateError(
      `Ngày đóng ${write.date} phải sau ngày bắt đầu phiên bản hiện hành của ${label(early)} (${early.validFrom})`,
      `The closing date ${write.date} must be after the start of ${label(early)}'s current version (${early.validFrom})`,
      { validFrom: early.validFrom, date: write.date },
    );
  }
  const closing = closingOf(write);
  await updateVersions(write.manager, target, current.map((version) => version.versionId), closing as Partial<T>);
  return current.map((version) => Object.assign(version, closing));
}

/**
 * Closes, on the write's date, every version held through `column` (e.g. the seats of an
 * organization) still in force after it; refuses when one of them starts on or after the date.
 */
export async function closeHeldBy<T extends EffectiveVersion>(
  write: DatedWrite,
  target: EntityTarget<T>,
  column: string,
  holderIds: readonly string[],
  label: string,
): Promise<T[]> {
  if (holderIds.length === 0) return [];
  const held = await write.manager
    .getRepository(target)
    .createQueryBuilder('held')
    // One array parameter: a national restructuring closes more holders than a statement binds (65,535).
    .where(`held.${column} = ANY(:holderIds)`, { holderIds })
    .andWhere(notEndedBy('held', ':date'), { date: write.date })
    .setLock('pessimistic_write')
    .getMany();
  const later = held.filter((version) => version.validFrom >= write.date);
  if (later.length > 0) {
    throw new ClosingDateError(
      `${label} còn ${later.length} thay đổi có hiệu lực từ ngày ${write.date} trở đi`,
      `${label} holds ${later.length} version(s) starting on or after ${write.date}`,
      { date: write.date, versions: later.map((version) => version.id) },
    );
  }
  if (held.length === 0) return [];
  const closing = closingOf(write);
  await updateVersions(write.manager, target, held.map((version) => version.versionId), closing as Partial<T>);
  return held.map((version) => Object.assign(version, closing));
}

/** Sets columns of version rows by version id. */
export function updateVersions<T extends EffectiveVersion>(
  manager: EntityManager,
  target: EntityTarget<T>,
  versionIds: readonly string[],
  values: Partial<T>,
): Promise<void> {
  return updateByPrimary(manager, target, 'versionId', versionIds, values);
}

/** Sets columns of the rows whose primary key (`primary`, a property) is one of `keys`. */
export async function updateByPrimary<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  primary: string,
  keys: readonly unknown[],
  values: Partial<T>,
): Promise<void> {
  // A statement binds at most 65,535 parameters: a national restructuring updates more rows.
  for (let start = 0; start < keys.length; start += UPDATE_BATCH) {
    const where = { [primary]: In(keys.slice(start, start + UPDATE_BATCH)) } as FindOptionsWhere<T>;
    await manager.getRepository(target).update(where, values as unknown as QueryDeepPartialEntity<T>);
  }
}

/** Rows per UPDATE of `updateByPrimary`. */
const UPDATE_BATCH = 10_000;

function closingOf(write: DatedWrite) {
  return {
    validTo: write.date,
    closedReason: write.change.reason,
    closedDecisionId: write.change.decision.id,
    closedBy: write.actor.userId,
    closedAt: new Date(),
  };
}
