import { InvariantViolation } from '@ps/errors';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { DatedRecord } from '../dated-record';
import { notEndedBy } from '../validity';
import type { DatedWrite } from './dated-write';
import { arrayType } from './bulk-versions';
import { updateByPrimary } from './versions';

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
export function reviseFrom<T extends DatedRecord & ObjectLiteral>(
  write: DatedWrite,
  target: EntityTarget<T>,
  key: { property: keyof T & string; value: string | readonly string[] },
  fields: Partial<T>,
  only?: { property: keyof T & string; value: string },
): Promise<T[]> {
  const values = typeof key.value === 'string' ? [key.value] : key.value;
  return reviseEachFrom(write, target, key.property, new Map(values.map((value) => [value, fields])), only);
}

/**
 * {@link reviseFrom} for many things at once, each with its own fields (`revisions`: key value →
 * fields), in a few statements whatever their number: one read, one UPDATE ending every version
 * split on the date, the later parts inserted in batches, and one UPDATE per distinct set of
 * fields for the versions starting later. A national restructuring moves thousands of
 * organizations and carries thousands of memberships, each to its own successor.
 */
export async function reviseEachFrom<T extends DatedRecord & ObjectLiteral>(
  write: DatedWrite,
  target: EntityTarget<T>,
  property: keyof T & string,
  revisions: ReadonlyMap<string, Partial<T>>,
  only?: { property: keyof T & string; value: string },
): Promise<T[]> {
  const revised = await reviseEachFromKeyed(write, target, property, revisions, only && { property: only.property, value: () => only.value });
  return revised.map(({ version }) => version);
}

/**
 * {@link reviseEachFrom} answering which key each revised version was found under (the key's
 * value before the revision, when the fields change the keyed column itself), and with `only`
 * given per key: `only.value(key)` is the value the versions of that key must still have.
 */
export async function reviseEachFromKeyed<T extends DatedRecord & ObjectLiteral>(
  write: DatedWrite,
  target: EntityTarget<T>,
  property: keyof T & string,
  revisions: ReadonlyMap<string, Partial<T>>,
  only?: { property: keyof T & string; value: (key: string) => string },
): Promise<Array<{ key: string; version: T }>> {
  if (revisions.size === 0) return [];
  const repository = write.manager.getRepository(target);
  const primary = repository.metadata.primaryColumns[0].propertyName;
  const columnOf = (name: string) => repository.metadata.findColumnWithPropertyName(name)?.databaseName ?? name;
  const arrayOf = (name: string) => {
    const column = repository.metadata.findColumnWithPropertyName(name);
    if (!column) throw new InvariantViolation(`reviseEachFromKeyed: ${repository.metadata.name} has no column for ${name}`);
    return arrayType(write.manager.connection, column);
  };
  const keys = [...revisions.keys()];
  const query = repository
    .createQueryBuilder('version')
    // One array parameter: a national restructuring revises more things than a statement binds (65,535).
    .where(`version.${columnOf(property)} = ANY(:keys)`, { keys })
    .andWhere(notEndedBy('version', ':date'), { date: write.date });
  if (only) {
    // Each key with the value its versions must still have, as two arrays side by side, compared
    // in the columns' own types: a cast column (`id::text`) matches no index on the column and
    // can match an unrelated one on that expression (a rule's GiST index took 121 s for 2,000 people).
    query.andWhere(
      `(version.${columnOf(property)}, version.${columnOf(only.property)}) IN (SELECT * FROM unnest(:onlyKeys::${arrayOf(property)}, :onlyValues::${arrayOf(only.property)}))`,
      { onlyKeys: keys, onlyValues: keys.map((key) => only.value(key)) },
    );
  }
  const found = await query.orderBy('version.valid_from').setLock('pessimistic_write').getMany();
  const keyed = found.map((version) => ({ key: String(version[property]), version }));
  const fieldsOf = (version: T) => revisions.get(String(version[property])) as Partial<T>;
  const splitting = found.filter((version) => version.validFrom < write.date);
  const laterParts = await splitAt(write, target, splitting, primary, fieldsOf);
  const starting = found.filter((version) => version.validFrom >= write.date);
  for (const group of groupByFields(starting, fieldsOf)) {
    await updateByPrimary(write.manager, target, primary, group.versions.map((version) => version[primary]), group.fields);
  }
  return keyed.map(({ key, version }) => ({
    key,
    version: version.validFrom < write.date ? (laterParts.get(version) as T) : Object.assign(version, revisions.get(key)),
  }));
}

/** Versions starting later that take the same fields, so one UPDATE serves them. */
function groupByFields<T>(versions: readonly T[], fieldsOf: (version: T) => Partial<T>): Array<{ fields: Partial<T>; versions: T[] }> {
  const groups = new Map<Partial<T>, T[]>();
  for (const version of versions) {
    const group = groups.get(fieldsOf(version));
    if (group) group.push(version);
    else groups.set(fieldsOf(version), [version]);
  }
  return [...groups].map(([fields, grouped]) => ({ fields, versions: grouped }));
}

/**
 * Ends each version on the write's date (its closing, if any, moves to the later part) and
 * inserts its later part with its own fields; answers each version's later part.
 */
async function splitAt<T extends DatedRecord & ObjectLiteral>(
  write: DatedWrite,
  target: EntityTarget<T>,
  versions: readonly T[],
  primary: string,
  fieldsOf: (version: T) => Partial<T>,
): Promise<Map<T, T>> {
  if (versions.length === 0) return new Map();
  const repository = write.manager.getRepository(target);
  const closingColumns = CLOSING.filter((name) => repository.metadata.findColumnWithPropertyName(name));
  const cleared = Object.fromEntries(closingColumns.map((name) => [name, null]));
  await updateByPrimary(write.manager, target, primary, versions.map((version) => version[primary]), { validTo: write.date, ...cleared } as unknown as Partial<T>);
  const laterParts = new Map<T, T>();
  for (const version of versions) {
    const closing = Object.fromEntries(closingColumns.filter((name) => name in version).map((name) => [name, version[name]]));
    const { [primary]: _primary, createdAt: _createdAt, asOf: _asOf, ...carried } = version;
    laterParts.set(version, repository.create({
      ...carried,
      ...closing,
      ...fieldsOf(version),
      validFrom: write.date,
      validTo: version.validTo,
      reason: write.change.reason,
      decisionId: write.change.decision.id,
      createdBy: write.actor.userId,
    } as unknown as T));
  }
  const rows = [...laterParts.values()];
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await repository.insert(rows.slice(start, start + INSERT_BATCH) as QueryDeepPartialEntity<T>[]);
  }
  return laterParts;
}

/** Later parts per INSERT: a statement binds at most 65,535 parameters (a version has ~20 columns). */
const INSERT_BATCH = 2_000;
