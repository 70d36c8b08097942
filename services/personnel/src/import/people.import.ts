import { randomUUID } from 'node:crypto';
import type { GuardedUnit, Principal } from '@ps/auth';
import { PersonRegistered } from '@ps/contracts';
import { BULK_BATCH_ROWS, insertVersions, type DatedWrite } from '@ps/effective-dating';
import { DomainError } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import { NotManagingError, unmanagedProspects } from '../management/management.guard';
import { Person } from '../person/person.entity';
import { isPersonalIdTaken, PersonalIdTakenError } from '../person/person.errors';
import { PEOPLE_COLUMNS as COLUMN } from './import.columns';
import { countBy, ImportKind, repeatsInFile, type ImportFeature, type RowsChecked } from './import.feature';
import { rejectOf, type ImportReject } from '@ps/file-import';
import { foundOnly, unitsWithin } from './import.territory';
import { personRowOf, type PersonRow } from './people.rows';

/** People files: each row opens a person's e-file on a unit's staff from the change's effective date. */
export const peopleImport: ImportFeature<PersonRow> = {
  kind: ImportKind.PEOPLE,
  operation: 'importPeople',
  columns: Object.values(COLUMN),
  readRow: personRowOf,
  repeats: (rows) => repeatsInFile(rows, COLUMN.personalId, (row) => row.personalId),
  check: checkPeople,
};

/**
 * Every row's unit inside the caller's territory on the date, the caller the body that would manage
 * a person of the row's category there (one statement for the file), and no personal ID already on a file.
 */
async function checkPeople(manager: EntityManager, principal: Principal, date: string, rows: readonly PersonRow[]): Promise<RowsChecked> {
  const units = await unitsWithin(manager, principal, rows.map((row) => row.unitCode), date);
  const taken = await takenPersonalIds(manager, rows.map((row) => row.personalId));
  const placed = rows.filter((row) => !(units.get(row.unitCode) instanceof DomainError));
  const unmanaged = await unmanagedProspects(manager, principal, placed.map((row) => ({ key: String(row.row), category: row.category, unitCode: row.unitCode })), date);
  const rejects: ImportReject[] = [];
  for (const row of rows) {
    const unit = units.get(row.unitCode);
    if (unit instanceof DomainError) rejects.push(rejectOf(row.row, COLUMN.unitCode, unit));
    const managers = unmanaged.get(String(row.row));
    if (managers) rejects.push(rejectOf(row.row, COLUMN.category, new NotManagingError({ row: String(row.row) }, date, managers)));
    if (taken.has(row.personalId)) rejects.push(rejectOf(row.row, COLUMN.personalId, new PersonalIdTakenError()));
  }
  return { rejects, write: (write, onWritten) => writePeople(write, rows, foundOnly(units), onWritten) };
}

async function takenPersonalIds(manager: EntityManager, personalIds: readonly string[]): Promise<Set<string>> {
  const rows: Array<{ personalId: string }> = await manager.query(
    'SELECT DISTINCT personal_id AS "personalId" FROM person WHERE personal_id = ANY($1::text[])',
    [personalIds],
  );
  return new Set(rows.map((row) => row.personalId));
}

/**
 * The e-files in batched multi-row INSERTs, each batch with its PersonRegistered events (one
 * INSERT), as `registerPerson` emits them one at a time; the audit row counts them by unit.
 */
async function writePeople(write: DatedWrite, rows: readonly PersonRow[], units: Map<string, GuardedUnit>, onWritten: (written: number) => void) {
  write
    .about({ type: 'Person', id: write.correlationId, label: `Nhập ${rows.length} hồ sơ từ tệp / import of ${rows.length} people`, unitCode: null, unitPaths: [...units.values()].map((unit) => unit.path) })
    .after({ imported: rows.length, byUnit: countBy(rows, (row) => row.unitCode) });
  for (let start = 0; start < rows.length; start += BULK_BATCH_ROWS) {
    const people = rows.slice(start, start + BULK_BATCH_ROWS).map(({ row: _row, ...file }) => ({ id: randomUUID(), ...file }));
    await insertVersions(write, Person, people).catch((error: unknown) => {
      throw isPersonalIdTaken(error) ? new PersonalIdTakenError() : error;
    });
    await write.emitMany(PersonRegistered, people.map(({ id, fullName, birthYear, gender, category, unitCode }) => ({
      payload: { personId: id, fullName, birthYear, gender, category, unitCode, ...write.facts },
      place: { aggregateId: id, unitPath: units.get(unitCode)?.path ?? null },
    })));
    onWritten(start + people.length);
  }
}
