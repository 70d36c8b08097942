import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { DatedRecord } from '../dated-record';
import { notEndedBy } from '../validity';
import type { DatedWrite } from './dated-write';

/** The columns a closing records on an EffectiveVersion; a split moves them to the later part. */
const CLOSING = ['closedReason', 'closedDecisionId', 'closedBy', 'closedAt'] as const;

/**
 * From the write's date on, every version of one thing takes `fields`: the version in force
 * that day is split there (its earlier part ends on the date, the later part carries the
 * fields and keeps the end and any closing the version had), and versions starting later are
 * changed in place. This is how a restructuring carries what it moves, whatever its start
 * date. `key` names the things (one value or several); `only`, when given, keeps to the
 * versions that still have that value (a later version elsewhere is left alone). Returns the
 * versions as they now stand from the date on, oldest first.
 */
export async function reviseFrom<T extends DatedRecord & ObjectLiteral>(
  write: DatedWrite,
  target: EntityTarget<T>,
  key: { property: keyof T & string; value: string | readonly string[] },
  fields: Partial<T>,
  only?: { property: keyof T & string; value: string },
): Promise<T[]> {
  const repository = write.manager.getRepository(target);
  const primary = repository.metadata.primaryColumns[0].propertyName;
  const columnOf = (property: string) => repository.metadata.findColumnWithPropertyName(property)?.databaseName ?? property;
  const values = typeof key.value === 'string' ? [key.value] : [...key.value];
  if (values.length === 0) return [];
  const query = repository
    .createQueryBuilder('version')
    .where(`version.${columnOf(key.property)} IN (:...keys)`, { keys: values })
    .andWhere(notEndedBy('version', ':date'), { date: write.date });
  if (only) query.andWhere(`version.${columnOf(only.property)} = :only`, { only: only.value });
  const versions = await query
    .orderBy('version.valid_from')
    .setLock('pessimistic_write')
    .getMany();
  const revised: T[] = [];
  for (const version of versions) {
    if (version.validFrom >= write.date) {
      await repository.update({ [primary]: version[primary] } as never, fields as QueryDeepPartialEntity<T>);
      revised.push(Object.assign(version, fields));
      continue;
    }
    revised.push(await splitAt(write, target, version, primary, fields));
  }
  return revised;
}

async function splitAt<T extends DatedRecord & ObjectLiteral>(
  write: DatedWrite,
  target: EntityTarget<T>,
  version: T,
  primary: string,
  fields: Partial<T>,
): Promise<T> {
  const repository = write.manager.getRepository(target);
  const closing = Object.fromEntries(CLOSING.filter((name) => name in version).map((name) => [name, version[name]]));
  const cleared = Object.fromEntries(Object.keys(closing).map((name) => [name, null]));
  await repository.update({ [primary]: version[primary] } as never, { validTo: write.date, ...cleared } as unknown as QueryDeepPartialEntity<T>);
  const { [primary]: _primary, createdAt: _createdAt, asOf: _asOf, ...carried } = version;
  const later = repository.create({
    ...carried,
    ...closing,
    ...fields,
    validFrom: write.date,
    validTo: version.validTo,
    reason: write.change.reason,
    decisionId: write.change.decision.id,
    createdBy: write.actor.userId,
  } as unknown as T);
  await repository.insert(later as QueryDeepPartialEntity<T>);
  return later;
}
