import type { Principal } from '@ps/auth';
import { BULK_BATCH_ROWS, type DatedWrite } from '@ps/effective-dating';
import { DomainError } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import { assignMany, postKey, postsHeld, type NewPost, type PostsHeld } from '../assignment/assignment.bulk';
import { AlreadyAssignedError, AssignmentNotFoundError, PrimaryAssignmentTakenError } from '../assignment/assignment.errors';
import { seatOn, titleOfPost, type SeatHeld } from '../assignment/assignment.places';
import { requireSeatHasRoom, requireSeatOfOrganization } from '../assignment/assignment.rules';
import { NotManagingError, unmanagedPeople } from '../management/management.guard';
import type { ManagingAuthority } from '../management/managing-authority.lookup';
import { followPendingSuccessions } from '../succession/succession.service';
import type { Title } from '../title/title.entity';
import { assignmentRowOf, type AssignmentRow } from './assignments.rows';
import { ASSIGNMENT_COLUMNS as COLUMN } from './import.columns';
import { countBy, ImportKind, repeatsInFile, type ImportFeature, type RowsChecked } from './import.feature';
import { RowRejects, type ImportReject } from '@ps/file-import';
import { organizationsWithin, peopleWithin, typedOnly, type Placed } from './import.territory';

/** Assignment files: each row gives a person on file a post (a title of an organization, on a seat or not) from the change's effective date. */
export const assignmentsImport: ImportFeature<AssignmentRow> = {
  kind: ImportKind.ASSIGNMENTS,
  operation: 'importAssignments',
  columns: Object.values(COLUMN),
  readRow: assignmentRowOf,
  repeats: assignmentRepeats,
  check: checkAssignments,
};

/** Within a file, as the table's constraints hold: one primary post per person, and a post once per person. */
export function assignmentRepeats(rows: readonly AssignmentRow[]): ImportReject[] {
  return [
    ...repeatsInFile(rows, COLUMN.concurrent, (row) => (row.concurrent ? null : row.personalId), (_header, first) =>
      `Người này đã có chức vụ chính ở dòng ${first} của tệp; chức vụ thêm phải là kiêm nhiệm / ` +
      `The person already takes a primary post in row ${first} of the file; a further one must be concurrent`),
    ...repeatsInFile(rows, COLUMN.titleCode, (row) => postKey(row.personalId, row.organizationId, row.titleCode), (_header, first) =>
      `Người này đã được giao chức danh này của tổ chức này ở dòng ${first} của tệp / The person takes this title there in row ${first} of the file`),
  ];
}

/** What the database says of the file's people, organizations, titles, seats and posts held, one look-up per distinct value. */
interface Found {
  date: string;
  people: Map<string, string>;
  /** People the caller does not manage on the date, each with who does. */
  unmanaged: Map<string, ManagingAuthority[]>;
  organizations: Map<string, Placed | DomainError>;
  titles: Map<string, Title | DomainError>;
  seats: Map<string, SeatHeld | DomainError>;
  held: PostsHeld;
}

const titleKey = (row: Pick<AssignmentRow, 'organizationId' | 'titleCode'>) => `${row.organizationId}|${row.titleCode}`;

/**
 * Every row as `assign` checks one on the date: the person in force inside the territory and
 * managed by the caller's body, the organization inside the territory too, the title in force and fitting the organization's kind and its unit's tier,
 * the seat the organization's own with room (counting the file's earlier rows on it), no primary
 * post held beside a new primary one, and not the same post twice.
 */
async function checkAssignments(manager: EntityManager, principal: Principal, date: string, rows: readonly AssignmentRow[]): Promise<RowsChecked> {
  const people = await peopleWithin(manager, principal, rows.map((row) => row.personalId), date);
  const organizations = await organizationsWithin(manager, principal, rows.map((row) => row.organizationId), date, 'ANY');
  const found: Found = {
    date,
    people,
    unmanaged: await unmanagedPeople(manager, principal, [...people.values()], date),
    organizations,
    titles: await titlesOfPosts(manager, rows, organizations, date),
    seats: await seatsOn(manager, rows.flatMap((row) => (row.seatId ? [row.seatId] : [])), date),
    held: await postsHeld(manager, [...people.values()], date),
  };
  const rejects: ImportReject[] = [];
  const posts: NewPost[] = [];
  const seatFill = new Map<string, number>();
  for (const row of rows) {
    const refused = refusalsOf(row, found, seatFill);
    rejects.push(...refused);
    const post = refused.length === 0 ? postOf(row, found) : null;
    if (post) posts.push(post);
  }
  return { rejects, write: (write, onWritten) => writeAssignments(write, posts, onWritten) };
}

/** The title of each distinct (organization, title) pair whose organization was found. */
async function titlesOfPosts(
  manager: EntityManager,
  rows: readonly AssignmentRow[],
  organizations: Map<string, Placed | DomainError>,
  date: string,
): Promise<Map<string, Title | DomainError>> {
  const titles = new Map<string, Title | DomainError>();
  for (const row of rows) {
    const placed = organizations.get(row.organizationId);
    if (titles.has(titleKey(row)) || placed === undefined || placed instanceof DomainError) continue;
    titles.set(titleKey(row), await titleOfPost(manager, row.titleCode, placed.organization, placed.unit, date).catch(typedOnly));
  }
  return titles;
}

async function seatsOn(manager: EntityManager, seatIds: readonly string[], date: string): Promise<Map<string, SeatHeld | DomainError>> {
  const seats = new Map<string, SeatHeld | DomainError>();
  // In one order, so two files naming the same seats wait for each other rather than deadlock.
  for (const id of [...new Set(seatIds)].sort()) seats.set(id, await seatOn(manager, id, date).catch(typedOnly));
  return seats;
}

/** One row's rejects; a row naming a seat that fits takes one of its places for the rows after it. */
function refusalsOf(row: AssignmentRow, found: Found, seatFill: Map<string, number>): ImportReject[] {
  const cells = new RowRejects(row.row);
  const personId = found.people.get(row.personalId);
  if (personId === undefined) cells.refuse(COLUMN.personalId, new AssignmentNotFoundError('PERSON', row.personalId));
  else {
    const managers = found.unmanaged.get(personId);
    if (managers) cells.refuse(COLUMN.personalId, new NotManagingError({ personId }, found.date, managers));
    if (!row.concurrent && found.held.primary.has(personId)) cells.refuse(COLUMN.concurrent, new PrimaryAssignmentTakenError());
    if (found.held.posts.has(postKey(personId, row.organizationId, row.titleCode))) cells.refuse(COLUMN.titleCode, new AlreadyAssignedError(row.titleCode));
  }
  const placed = found.organizations.get(row.organizationId);
  if (placed instanceof DomainError) cells.refuse(COLUMN.organizationId, placed);
  const title = found.titles.get(titleKey(row));
  if (title instanceof DomainError) cells.refuse(COLUMN.titleCode, title);
  const seat = row.seatId ? found.seats.get(row.seatId) : undefined;
  if (seat instanceof DomainError) cells.refuse(COLUMN.seatId, seat);
  else if (seat) cells.cell(COLUMN.seatId, () => takeSeatPlace(seat, row.organizationId, seatFill));
  return cells.rejects;
}

function takeSeatPlace(seat: SeatHeld, organizationId: string, seatFill: Map<string, number>): void {
  requireSeatOfOrganization(seat, organizationId);
  const taken = seatFill.get(seat.id) ?? 0;
  requireSeatHasRoom(seat, seat.holders + taken);
  seatFill.set(seat.id, taken + 1);
}

/** The post a row without rejects takes. */
function postOf(row: AssignmentRow, found: Found): NewPost | null {
  const personId = found.people.get(row.personalId);
  const placed = found.organizations.get(row.organizationId);
  const title = found.titles.get(titleKey(row));
  if (personId === undefined || placed === undefined || placed instanceof DomainError || title === undefined || title instanceof DomainError) return null;
  return { personId, organizationId: placed.organization.id, titleCode: title.code, seatId: row.seatId, concurrent: row.concurrent, unit: placed.unit };
}

/**
 * The posts in batches, each one INSERT with its AssignmentChanged events; the audit row counts
 * them by unit. Posts at organizations that have since passed to a successor then follow it, as
 * a back-dated `assign` does.
 */
async function writeAssignments(write: DatedWrite, posts: readonly NewPost[], onWritten: (written: number) => void): Promise<void> {
  const unitPaths = [...new Set(posts.map((post) => post.unit.path))];
  write
    .about({ type: 'Assignment', id: write.correlationId, label: `Nhập ${posts.length} phân công từ tệp / import of ${posts.length} assignments`, unitCode: null, unitPaths })
    .after({ imported: posts.length, concurrent: posts.filter((post) => post.concurrent).length, byUnit: countBy(posts, (post) => post.unit.code) });
  for (let start = 0; start < posts.length; start += BULK_BATCH_ROWS) {
    const batch = posts.slice(start, start + BULK_BATCH_ROWS);
    await assignMany(write, batch);
    onWritten(start + batch.length);
  }
  await followPendingSuccessions(write.manager, [...new Set(posts.map((post) => post.organizationId))]);
}
