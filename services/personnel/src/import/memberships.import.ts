import { randomUUID } from 'node:crypto';
import type { GuardedUnit, Principal } from '@ps/auth';
import { PartyMembershipChanged } from '@ps/contracts';
import { BULK_BATCH_ROWS, inForceOn, insertVersions, type DatedWrite } from '@ps/effective-dating';
import { DomainError } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import { PartyMembership } from '../party/party-membership.entity';
import { AlreadyPartyMemberError, CardNumberTakenError, InvalidMembershipError, membershipConflict, MembershipNotFoundError } from '../party/party-membership.errors';
import { organizationOn, type OrganizationVersion } from '../organization/organization.lookup';
import { MEMBERSHIP_COLUMNS as COLUMN } from './import.columns';
import { ImportKind, repeatsInFile, type ImportFeature, type RowsChecked } from './import.feature';
import { rejectOf, type ImportReject } from './import.rejects';
import { typedOnly, unitsWithin } from './import.territory';
import { membershipRowOf, type MembershipRow } from './memberships.rows';

/** Membership files: each row admits a person on file to a Party organization, recorded from the change's effective date. */
export const membershipsImport: ImportFeature<MembershipRow> = {
  kind: ImportKind.PARTY_MEMBERSHIPS,
  operation: 'importPartyMemberships',
  columns: Object.values(COLUMN),
  readRow: membershipRowOf,
  repeats: (rows) => [
    ...repeatsInFile(rows, COLUMN.personalId, (row) => row.personalId),
    ...repeatsInFile(rows, COLUMN.cardNumber, (row) => row.cardNumber),
  ],
  check: checkMemberships,
};

type Placed = { organization: OrganizationVersion; unit: GuardedUnit };

/**
 * As `admitPartyMember` checks one admission: the person in force and inside the territory on
 * the date, the Party organization too, no membership of the person then, no card taken.
 */
async function checkMemberships(manager: EntityManager, principal: Principal, date: string, rows: readonly MembershipRow[]): Promise<RowsChecked> {
  const people = await peopleOn(manager, principal, rows.map((row) => row.personalId), date);
  const organizations = new Map<string, Placed | DomainError>();
  for (const id of new Set(rows.map((row) => row.partyOrganizationId))) {
    organizations.set(id, await organizationOn(manager, principal, id, date, 'PARTY').catch(typedOnly));
  }
  const members = await membersOn(manager, [...people.values()], date);
  const cards = await takenCards(manager, rows.flatMap((row) => (row.cardNumber ? [row.cardNumber] : [])));
  const rejects: ImportReject[] = [];
  const reject = (row: MembershipRow, field: string, error: DomainError) => rejects.push(rejectOf(row.row, field, error));
  for (const row of rows) {
    const personId = people.get(row.personalId);
    if (personId === undefined) reject(row, COLUMN.personalId, new MembershipNotFoundError('PERSON', row.personalId));
    else if (members.has(personId)) reject(row, COLUMN.personalId, new AlreadyPartyMemberError());
    const placed = organizations.get(row.partyOrganizationId);
    if (placed instanceof DomainError) reject(row, COLUMN.partyOrganizationId, placed);
    if (row.admissionDate > date) reject(row, COLUMN.admissionDate, admittedLater(row.admissionDate, date));
    if (row.cardNumber && cards.has(row.cardNumber)) reject(row, COLUMN.cardNumber, new CardNumberTakenError(row.cardNumber));
  }
  return { rejects, write: (write, onWritten) => writeMemberships(write, rows, people, placedOnly(organizations), onWritten) };
}

/** Person ids by personal ID, of people in force on the date in a unit inside the caller's territory then. */
async function peopleOn(manager: EntityManager, principal: Principal, personalIds: readonly string[], date: string): Promise<Map<string, string>> {
  const found: Array<{ id: string; personalId: string; unitCode: string }> = await manager.query(
    `SELECT id, personal_id AS "personalId", unit_code AS "unitCode" FROM person WHERE personal_id = ANY($1::text[]) AND ${inForceOn('person', '$2')}`,
    [personalIds, date],
  );
  const units = await unitsWithin(manager, principal, found.map((person) => person.unitCode), date);
  return new Map(found.filter((person) => !(units.get(person.unitCode) instanceof DomainError)).map((person) => [person.personalId, person.id]));
}

async function membersOn(manager: EntityManager, personIds: readonly string[], date: string): Promise<Set<string>> {
  const rows: Array<{ personId: string }> = await manager.query(
    'SELECT DISTINCT person_id AS "personId" FROM party_membership WHERE person_id = ANY($1::uuid[]) AND (valid_to IS NULL OR valid_to > $2)',
    [personIds, date],
  );
  return new Set(rows.map((row) => row.personId));
}

async function takenCards(manager: EntityManager, cardNumbers: readonly string[]): Promise<Set<string>> {
  const rows: Array<{ cardNumber: string }> = await manager.query(
    'SELECT DISTINCT card_number AS "cardNumber" FROM party_membership WHERE card_number = ANY($1::text[])',
    [cardNumbers],
  );
  return new Set(rows.map((row) => row.cardNumber));
}

function admittedLater(admissionDate: string, date: string): InvalidMembershipError {
  return new InvalidMembershipError(
    `Ngày vào Đảng ${admissionDate} sau ngày hiệu lực ${date}`,
    `Admission date ${admissionDate} is after the effective date ${date}`,
    { reason: 'ADMISSION_AFTER_EFFECTIVE_DATE' },
  );
}

function placedOnly(organizations: Map<string, Placed | DomainError>): Map<string, Placed> {
  return new Map([...organizations].flatMap(([id, placed]) => (placed instanceof DomainError ? [] : [[id, placed] as const])));
}

/** The memberships in batched multi-row INSERTs, each batch with its PartyMembershipChanged (ADMITTED) events. */
async function writeMemberships(
  write: DatedWrite,
  rows: readonly MembershipRow[],
  people: Map<string, string>,
  organizations: Map<string, Placed>,
  onWritten: (written: number) => void,
) {
  const unitPaths = [...new Set([...organizations.values()].map(({ unit }) => unit.path))];
  write
    .about({ type: 'PartyMembership', id: write.correlationId, label: `Nhập ${rows.length} đảng tịch từ tệp / import of ${rows.length} Party memberships`, unitCode: null, unitPaths })
    .after({ imported: rows.length });
  for (let start = 0; start < rows.length; start += BULK_BATCH_ROWS) {
    const memberships = rows.slice(start, start + BULK_BATCH_ROWS).map((row) => ({
      id: randomUUID(), personId: people.get(row.personalId) ?? '', partyOrganizationId: row.partyOrganizationId,
      admissionDate: row.admissionDate, officialDate: row.officialDate, cardNumber: row.cardNumber, endReason: null,
    }));
    await insertVersions(write, PartyMembership, memberships).catch((error: unknown) => {
      throw membershipConflict(error, null) ?? error;
    });
    await write.emitMany(PartyMembershipChanged, memberships.map((membership) => {
      const placed = organizations.get(membership.partyOrganizationId);
      return {
        payload: {
          membershipId: membership.id, personId: membership.personId, action: 'ADMITTED' as const, partyOrganizationId: membership.partyOrganizationId,
          unitCode: placed?.unit.code ?? '', endReason: null, ...write.facts,
        },
        place: { aggregateId: membership.id, unitPath: placed?.unit.path ?? null },
      };
    }));
    onWritten(start + memberships.length);
  }
}
