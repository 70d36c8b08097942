import { notEndedBy, reviseFrom, type DatedWrite } from '@ps/effective-dating';
import { foldText } from '@ps/service-kit';
import { In, type EntityManager } from 'typeorm';
import { AdministrativeUnit, type Tier } from './unit.entity';

/**
 * The one writer of `administrative_unit`: creating, ending, revising and re-homing versions.
 * A version ends where the next begins, so the history has neither gaps nor overlaps (the
 * table's exclusion constraint checks it); several changes on one date compose into one version.
 */

/** What a unit is, apart from its period and audit columns. */
export interface UnitShape {
  code: string;
  name: string;
  tier: Tier;
  parentCode: string | null;
  path: string;
}

/** A version to insert with its own period (bulk loads and seeds). */
export interface UnitVersionRow extends UnitShape {
  validFrom: string;
  validTo: string | null;
}

/** Who a bulk insert is recorded as, and on which decision. */
export interface UnitVersionAudit {
  reason: string;
  decisionId: string | null;
  createdBy: string;
}

const BATCH = 5000;

/**
 * Inserts versions in multi-row statements (unnest arrays); returns them as stored, in the order
 * given. Only what the database fills in (id, creation time) comes back: the rest is what was
 * written, so a national load neither reads its 14,000 rows back nor hydrates them.
 */
export async function insertUnitVersions(manager: EntityManager, rows: readonly UnitVersionRow[], audit: UnitVersionAudit): Promise<AdministrativeUnit[]> {
  const stored: AdministrativeUnit[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const searchNames = batch.map((row) => foldText(row.name));
    const inserted: Array<{ id: string; code: string; validFrom: string; createdAt: Date }> = await manager.query(
      `INSERT INTO administrative_unit (code, name, search_name, tier, parent_code, path, valid_from, valid_to, reason, decision_id, created_by)
       SELECT code, name, search_name, tier, parent_code, path::ltree, valid_from, valid_to, $9, $10, $11
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[])
           AS version(code, name, search_name, tier, parent_code, path, valid_from, valid_to)
       RETURNING id, code, valid_from::text AS "validFrom", created_at AS "createdAt"`,
      [
        batch.map((row) => row.code),
        batch.map((row) => row.name),
        searchNames,
        batch.map((row) => row.tier),
        batch.map((row) => row.parentCode),
        batch.map((row) => row.path),
        batch.map((row) => row.validFrom),
        batch.map((row) => row.validTo),
        audit.reason,
        audit.decisionId,
        audit.createdBy,
      ],
    );
    // A code has one version per start date (the table's unique key): that is how a returned row finds its own.
    const filled = new Map(inserted.map((row) => [`${row.code}|${row.validFrom}`, row]));
    stored.push(...batch.map((row, index) => {
      const { id, createdAt } = filled.get(`${row.code}|${row.validFrom}`) as (typeof inserted)[number];
      return Object.assign(new AdministrativeUnit(), {
        id, code: row.code, name: row.name, searchName: searchNames[index], tier: row.tier, parentCode: row.parentCode, path: row.path,
        validFrom: row.validFrom, validTo: row.validTo, reason: audit.reason, decisionId: audit.decisionId, createdBy: audit.createdBy, createdAt,
      });
    }));
  }
  return stored;
}

/** New units in force from the write's date. */
export function insertUnits(write: DatedWrite, shapes: readonly UnitShape[]): Promise<AdministrativeUnit[]> {
  return insertUnitVersions(
    write.manager,
    shapes.map((shape) => ({ ...shape, validFrom: write.date, validTo: null })),
    { reason: write.change.reason, decisionId: write.change.decision.id, createdBy: write.actor.userId },
  );
}

/**
 * Ends units on the write's date (the versions in force that day). A version that starts on
 * that very date came from an earlier change the same day: it is superseded, so the version
 * before it, already ending that day, is the unit's last.
 */
export async function endUnits(write: DatedWrite, units: readonly AdministrativeUnit[]): Promise<void> {
  const superseded = units.filter((unit) => unit.validFrom === write.date).map((unit) => unit.id);
  const ended = units.filter((unit) => unit.validFrom < write.date).map((unit) => unit.id);
  if (superseded.length > 0) await write.manager.query('DELETE FROM administrative_unit WHERE id = ANY($1::uuid[])', [superseded]);
  await closeUnitVersions(write.manager, ended, write.date);
  for (const unit of units) unit.validTo = write.date;
}

/** Ends versions by id on a date (one statement); returns how many were ended. */
export async function closeUnitVersions(manager: EntityManager, ids: readonly string[], date: string): Promise<number> {
  if (ids.length === 0) return 0;
  // TypeORM answers an UPDATE with [rows, rowCount].
  const [, closed]: [unknown[], number] = await manager.query(
    `UPDATE administrative_unit SET valid_to = $1 WHERE id = ANY($2::uuid[]) AND ${notEndedBy('', '$1')}`,
    [date, ids],
  );
  return closed;
}

/** A unit takes a new name, parent or path from the write's date (composing with a change the same day). */
export async function reviseUnit(write: DatedWrite, code: string, fields: Partial<UnitShape>): Promise<AdministrativeUnit> {
  const withSearch = fields.name === undefined ? fields : { ...fields, searchName: foldText(fields.name) };
  const [revised] = await reviseFrom<AdministrativeUnit>(write, AdministrativeUnit, { property: 'code', value: code }, withSearch);
  return revised;
}

/**
 * Carries everything below `from` (whatever its start date) under `to` from the write's date:
 * versions in force that day end and restart re-based; versions starting later are re-based in
 * place; `from`'s direct children take `to` as their parent. Returns the versions from the date.
 */
export async function rehomeBelow(
  write: DatedWrite,
  from: Pick<AdministrativeUnit, 'code' | 'path'>,
  to: Pick<AdministrativeUnit, 'code' | 'path'>,
): Promise<AdministrativeUnit[]> {
  const { manager, date } = write;
  const below = `path <@ $1::ltree AND path <> $1::ltree AND ${notEndedBy('', '$2')}`;
  const spanning: Array<UnitVersionRow & { id: string }> = await manager.query(
    `SELECT id, code, name, tier, parent_code AS "parentCode", path::text AS path, valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM administrative_unit WHERE ${below} AND valid_from < $2 ORDER BY nlevel(path), code FOR UPDATE`,
    [from.path, date],
  );
  const rebased = (row: UnitShape): UnitShape => ({
    ...row,
    parentCode: row.parentCode === from.code ? to.code : row.parentCode,
    path: `${to.path}${row.path.slice(from.path.length)}`,
  });
  const later: Array<{ id: string }> = await manager.query(
    `UPDATE administrative_unit SET path = ($3::ltree || subpath(path, nlevel($1::ltree))),
            parent_code = CASE WHEN parent_code = $4 THEN $5 ELSE parent_code END
      WHERE ${below} AND valid_from >= $2 RETURNING id`,
    [from.path, date, to.path, from.code, to.code],
  );
  await closeUnitVersions(manager, spanning.map((row) => row.id), date);
  const restarted = await insertUnitVersions(
    manager,
    spanning.map((row) => ({ ...rebased(row), validFrom: date, validTo: row.validTo })),
    { reason: write.change.reason, decisionId: write.change.decision.id, createdBy: write.actor.userId },
  );
  const moved = await manager.getRepository(AdministrativeUnit).findBy({ id: In(later.map((row) => row.id)) });
  return [...restarted, ...moved].sort((a, b) => a.path.split('.').length - b.path.split('.').length || a.code.localeCompare(b.code));
}

/**
 * Starts the first versions of units earlier (the demo seed dates the story's units from 1997
 * and 1999, whichever of seed and national load ran first). Only a first version that starts
 * later and keeps the same name, tier and parent is moved back; returns how many were.
 */
export async function backdateFirstVersions(manager: EntityManager, rows: readonly UnitVersionRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const [, moved]: [unknown[], number] = await manager.query(
    `UPDATE administrative_unit unit SET valid_from = wanted.valid_from
       FROM unnest($1::text[], $2::date[], $3::text[], $4::text[]) AS wanted(code, valid_from, name, parent_code)
      WHERE unit.code = wanted.code AND unit.valid_from > wanted.valid_from
        AND unit.name = wanted.name AND unit.parent_code IS NOT DISTINCT FROM wanted.parent_code
        AND NOT EXISTS (SELECT 1 FROM administrative_unit earlier WHERE earlier.code = unit.code AND earlier.valid_from < unit.valid_from)`,
    [rows.map((row) => row.code), rows.map((row) => row.validFrom), rows.map((row) => row.name), rows.map((row) => row.parentCode)],
  );
  return moved;
}
