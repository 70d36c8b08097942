import { randomUUID } from 'node:crypto';
import type { Principal } from '@ps/auth';
import { PartyMembershipChanged } from '@ps/contracts';
import { BULK_BATCH_ROWS, insertVersions, notEndedBy, type DatedWrite } from '@ps/effective-dating';
import { DomainError } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import { PartyMembership } from '../party/party-membership.entity';
import { AlreadyPartyMemberError, CardNumberTakenError, InvalidMembershipError, membershipConflict, MembershipNotFoundError } from '../party/party-membership.errors';
import { followPendingSuccessions } from '../succession/succession.service';
import { MEMBERSHIP_COLUMNS as COLUMN } from './import.columns';
import { ImportKind, repeatsInFile, type ImportFeature, type RowsChecked } from './import.feature';
import { rejectOf, type ImportReject } from '@ps/file-import';
import { foundOnly, organizationsWithin, peopleWithin, type Placed } from './import.territory';
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

/**
 * As `admitPartyMember` checks one admission: the person in force and inside the territory on
 * the date, the Party organization too, no membership of the person then, no card taken.
 */
async function checkMemberships(manager: EntityManager, principal: Principal, date: string, rows: readonly MembershipRow[]): Promise<RowsChecked> {
  const people = await peopleWithin(manager, principal, rows.map((row) => row.personalId), date);
  const organizations = await organizationsWithin(manager, principal, rows.map((row) => row.partyOrganizationId), date, 'PARTY');
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
  return { rejects, write: (write, onWritten) => writeMemberships(write, rows, people, foundOnly(organizations), onWritten) };
}

async function membersOn(manager: EntityManager, personIds: readonly string[], date: string): Promise<Set<string>> {
  const rows: Array<{ personId: string }> = await manager.query(
    `SELECT DISTINCT person_id AS "personId" FROM party_membership WHERE person_id = ANY($1::uuid[]) AND ${notEndedBy('', '$2')}`,
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
  // Members admitted with a date before their organization passed to a successor follow it, as a single admission does.
  await followPendingSuccessions(write.manager, [...new Set(rows.map((row) => row.partyOrganizationId))]);
}
