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
 * date. Returns the versions as they now stand from the date on, oldest first.
 */
export async function reviseFrom<T extends DatedRecord & ObjectLiteral>(
  write: DatedWrite,
  target: EntityTarget<T>,
  key: { property: keyof T & string; value: string },
  fields: Partial<T>,
): Promise<T[]> {
  const repository = write.manager.getRepository(target);
  const primary = repository.metadata.primaryColumns[0].propertyName;
  const column = repository.metadata.findColumnWithPropertyName(key.property)?.databaseName ?? key.property;
  const versions = await repository
    .createQueryBuilder('version')
    .where(`version.${column} = :key`, { key: key.value })
    .andWhere(notEndedBy('version', ':date'), { date: write.date })
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
