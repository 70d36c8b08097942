import { randomUUID } from 'node:crypto';
import { AssignmentChanged, OrganizationClosed } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import type { RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, publishAndAwait } from '@ps/testing';
import { added, assignmentCalls, org, seat, startAssignmentBench, type AssignmentBench } from './assignment.fixtures';
import { assignmentsCsv, importFile, type AssignmentFileRow } from './import.fixtures';
import { CADRES, fictionalPeople, peopleCsv } from './people.fixtures';

let bench: AssignmentBench;
let service: RunningService;
const { written } = assignmentCalls(() => bench);

const ON = '2024-03-01';
const change = (number: string, effectiveDate = ON) => changeOn(effectiveDate, { number, decidedOn: '2024-02-20', reason: 'Kiện toàn bộ máy' });
const importAssignments = (rows: readonly AssignmentFileRow[], options: { username?: string; change?: ReturnType<typeof changeOn> } = {}) =>
  importFile(service.url, 'importAssignments', assignmentsCsv(rows), { change: change('15/QĐ-UBND'), ...options }).then((response) => {
    expect(response.errors).toBeUndefined();
    return response.data?.importAssignments;
  });
const fields = (answer: Awaited<ReturnType<typeof importAssignments>>) => answer?.rejects.map(({ row, field, code }) => ({ row, field, code }));
const count = async (sql: string, parameters: unknown[] = []): Promise<number> => (await service.dataSource.query(sql, parameters))[0].n;

/** 48 commune cadres of An Lập on file, serials apart from the bench's four: the district's organization board manages them all, and imports (the default user). */
const people = fictionalPeople(48, { province: '074', units: ['25801'], firstSerial: 500, categories: CADRES });
const TITLES = ['COMMUNE_OFFICE_STATISTICS', 'COMMUNE_CULTURE_SOCIAL', 'COMMUNE_JUSTICE_CIVIL_STATUS', 'COMMUNE_LAND_CONSTRUCTION', 'COMMUNE_FINANCE_ACCOUNTING'];
const post = (index: number, changes: Partial<AssignmentFileRow> = {}): AssignmentFileRow => ({
  'Số CCCD': people[index]['Số CCCD'], 'Mã tổ chức': org.anLapCommittee.id, 'Mã chức danh': TITLES[index % TITLES.length], 'Kiêm nhiệm': '', 'Mã ghế': '', ...changes,
});
const partyMember = (index: number, concurrent: string) =>
  post(index, { 'Mã tổ chức': org.anLapParty.id, 'Mã chức danh': 'COMMUNE_PARTY_COMMITTEE_MEMBER', 'Kiêm nhiệm': concurrent });
const viceChair = (index: number) => post(index, { 'Mã chức danh': 'COMMUNE_COMMITTEE_VICE_CHAIR', 'Mã ghế': seat.anLapVice.id });

/** 50 posts: a primary one for each of the 48 (the first on An Lập's one vice chair's seat), two of them Party committee members beside it. */
const fixed: AssignmentFileRow[] = [...people.map((_, index) => (index === 0 ? viceChair(0) : post(index))), partyMember(1, 'có'), partyMember(2, 'Có')];
/** Rows 12, 22 and 50 of the file (data index + 2): a title not in the catalogue, the full seat again, person 1 twice as primary. */
const spoiled = fixed.map((row, index) => {
  if (index === 10) return { ...row, 'Mã chức danh': 'COMMUNE_KING' };
  if (index === 20) return viceChair(20);
  if (index === 48) return partyMember(1, 'không');
  return row;
});

beforeAll(async () => {
  bench = await startAssignmentBench();
  ({ service } = bench);
  const registered = await importFile(service.url, 'importPeople', peopleCsv(people), { change: change('14/QĐ-UBND', '2024-01-02') });
  expect(registered.data?.importPeople).toMatchObject({ imported: 48 });
});

afterAll(() => service?.stop());

describe('importAssignments', () => {
  it('answers a file of 50 posts with 3 bad ones by exactly those 3, and writes nothing', async () => {
    const before = await written();
    const answer = await importAssignments(spoiled);
    expect(answer).toMatchObject({ imported: 0, rejected: 3 });
    expect(fields(answer)).toEqual([
      { row: 12, field: 'Mã chức danh', code: 'TITLE_NOT_FOUND' },
      { row: 22, field: 'Mã ghế', code: 'SEAT_FULL' },
      { row: 50, field: 'Kiêm nhiệm', code: 'DUPLICATE_IN_FILE' },
    ]);
    expect(answer?.rejects[1].message).toMatch(/^Ghế "Phó Chủ tịch Ủy ban nhân dân xã" đã đủ 1 người \/ /);
    expect(answer?.rejects[2].message).toMatch(/^Người này đã có chức vụ chính ở dòng 3 của tệp; chức vụ thêm phải là kiêm nhiệm \/ /);
    expect(await written()).toEqual(before);
  });

  it.each([
    ['an officer in no body', DEMO_USERS.districtOfficer],
    ['the district’s home-affairs office, which does not manage cadres', DEMO_USERS.districtHomeAffairs],
  ])('refuses %s every row on its person, naming the organization board that manages them, and writes nothing', async (_case, username) => {
    const before = await written();
    const answer = await importAssignments(fixed, { username });
    expect(answer).toMatchObject({ imported: 0, rejected: 50 });
    expect(new Set(answer?.rejects.map(({ field, code }) => `${field} ${code}`))).toEqual(new Set(['Số CCCD NOT_MANAGING_BODY']));
    expect(answer?.rejects).toHaveLength(50);
    expect(answer?.rejects[0].message).toBe(
      'Người này không thuộc diện bạn quản lý vào ngày 2024-03-01; theo phân cấp quản lý, Ban Tổ chức – Huyện Dầu Tiếng quản lý / '
      + 'You do not manage this person on 2024-03-01; under decentralisation the organization board – Huyện Dầu Tiếng does',
    );
    expect(await written()).toEqual(before);
  });

  it('writes the fixed file in one dated write: one decision, one audit row with the counts, an AssignmentChanged per post', async () => {
    const before = await written();
    expect(await importAssignments(fixed)).toEqual({ imported: 50, rejected: 0, rejects: [] });
    expect(await written()).toEqual({ ...before, assignment: before.assignment + 50, decision: before.decision + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 50 });
    const [audit] = await service.dataSource.query("SELECT operation, after, decision->>'number' AS number FROM audit_log ORDER BY id DESC LIMIT 1");
    expect(audit).toEqual({ operation: 'importAssignments', number: '15/QĐ-UBND', after: { imported: 50, concurrent: 2, byUnit: { 25801: 50 } } });
    const events = await service.dataSource.query("SELECT envelope FROM outbox WHERE event_type = 'AssignmentChanged'");
    expect(events).toHaveLength(50);
    expect(AssignmentChanged.payload.parse(events[0].envelope.payload)).toMatchObject({ action: 'ASSIGNED', unitCode: '25801', effectiveDate: ON });
    const [held] = await service.dataSource.query(
      'SELECT a.title_code, a.seat_id, a.concurrent, a.valid_from::text FROM assignment a JOIN person p ON p.id = a.person_id WHERE p.personal_id = $1 AND NOT a.concurrent',
      [people[0]['Số CCCD']],
    );
    expect(held).toEqual({ title_code: 'COMMUNE_COMMITTEE_VICE_CHAIR', seat_id: seat.anLapVice.id, concurrent: false, valid_from: ON });
    expect(await count('SELECT count(*)::int AS n FROM assignment WHERE concurrent')).toBe(2);
  });

  it('answers the same file again with every post already held, and writes nothing', async () => {
    const before = await written();
    const answer = await importAssignments(fixed);
    expect(answer).toMatchObject({ imported: 0, rejected: 50 });
    expect(new Set(answer?.rejects.filter((reject) => reject.code === 'ALREADY_ASSIGNED').map((reject) => reject.row)).size).toBe(50);
    expect(answer?.rejects.filter((reject) => reject.code === 'PRIMARY_ASSIGNMENT_TAKEN')).toHaveLength(48);
    expect(await written()).toEqual(before);
  });

  it('refuses each post the database or the territory does not allow, as assign does, and a viewer', async () => {
    const personalIds: Array<{ personal_id: string }> = await service.dataSource.query('SELECT personal_id FROM person WHERE id = ANY($1::uuid[]) ORDER BY personal_id', [
      [bench.people.a, bench.people.b, bench.people.c, bench.people.d],
    ]);
    const [a, b, c, d] = personalIds.map((person) => person.personal_id);
    const row = (personalId: string, organizationId: string, titleCode: string, changes: Partial<AssignmentFileRow> = {}): AssignmentFileRow => ({
      'Số CCCD': personalId, 'Mã tổ chức': organizationId, 'Mã chức danh': titleCode, 'Kiêm nhiệm': '', 'Mã ghế': '', ...changes,
    });
    const before = await written();
    const answer = await importAssignments([
      row(a, org.anLapCommittee.id, 'COMMUNE_PARTY_SECRETARY'),
      row(b, org.anLapCommittee.id, 'DISTRICT_COMMITTEE_CHAIR'),
      row(c, org.anLapCommittee.id, 'COMMUNE_OFFICE_STATISTICS', { 'Mã ghế': seat.dinhAnVice.id }),
      row('074099999999', org.anLapCommittee.id, 'COMMUNE_OFFICE_STATISTICS'),
      row(a, randomUUID(), 'COMMUNE_OFFICE_STATISTICS', { 'Kiêm nhiệm': 'có' }),
      row(b, org.otherDistrictCommittee.id, 'COMMUNE_OFFICE_STATISTICS', { 'Kiêm nhiệm': 'có' }),
      row(c, org.anLapCommittee.id, 'COMMUNE_CULTURE_SOCIAL', { 'Kiêm nhiệm': 'có', 'Mã ghế': 'ghế-1' }),
    ]);
    expect(fields(answer)).toEqual([
      { row: 2, field: 'Mã chức danh', code: 'TITLE_ORGANIZATION_KIND' },
      { row: 3, field: 'Mã chức danh', code: 'TITLE_TIER_MISMATCH' },
      { row: 4, field: 'Mã ghế', code: 'SEAT_OF_ANOTHER_ORGANIZATION' },
      { row: 5, field: 'Số CCCD', code: 'PERSON_NOT_FOUND' },
      { row: 6, field: 'Mã tổ chức', code: 'ORGANIZATION_NOT_FOUND' },
      { row: 7, field: 'Mã tổ chức', code: 'OUTSIDE_TERRITORY' },
      { row: 8, field: 'Mã ghế', code: 'SEAT_NOT_FOUND' },
    ]);
    // A Dầu Tiếng person and organization, to another province's organization board.
    const outside = await importAssignments([row(d, org.anLapCommittee.id, 'COMMUNE_OFFICE_STATISTICS')], { username: DEMO_USERS.hcmcOrganizationBoard });
    expect(fields(outside)).toEqual([{ row: 2, field: 'Mã tổ chức', code: 'OUTSIDE_TERRITORY' }, { row: 2, field: 'Số CCCD', code: 'PERSON_NOT_FOUND' }]);
    const viewer = await importFile(service.url, 'importAssignments', assignmentsCsv(fixed), { username: DEMO_USERS.districtViewer, change: change('16/QĐ-UBND') });
    expect(viewer.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', details: { reason: 'CAPABILITY' } } });
    expect(await written()).toEqual(before);
  });

  it('carries a post dated before its organization passed to a successor to the successor at once, and refuses an organization closed by then', async () => {
    const closed = eventMessage(OrganizationClosed, {
      organization: { ...org.dinhAnCommittee, validTo: '2025-07-01' }, closedSeats: [], closedDuties: [], successorId: org.anLapCommittee.id,
      effectiveDate: '2025-07-01', reason: 'Sắp xếp đơn vị hành chính cấp xã', decision: { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội' },
    }, { aggregateId: org.dinhAnCommittee.id, actor: 'system:test' });
    const { id } = JSON.parse(closed.value);
    await publishAndAwait([closed], (messages) => service.bus.publish(messages),
      () => count("SELECT count(*)::int / 2 AS n FROM inbox WHERE event_id = $1 AND consumer IN ('personnel.organizations', 'personnel.successions')", [id]),
      'closing projected and recorded');
    const [{ personal_id: d }] = await service.dataSource.query('SELECT personal_id FROM person WHERE id = $1', [bench.people.d]);
    const row = { 'Số CCCD': d, 'Mã tổ chức': org.dinhAnCommittee.id, 'Mã chức danh': 'COMMUNE_OFFICE_STATISTICS', 'Kiêm nhiệm': '', 'Mã ghế': '' };
    const before = await written();
    expect(await importAssignments([row], { change: change('17/QĐ-UBND') })).toEqual({ imported: 1, rejected: 0, rejects: [] });
    // The import's row and event, and the follower's recorded transfer citing the merger, with its MOVED event.
    expect(added(before, await written())).toMatchObject({ assignment: 2, audit_log: 2, outbox: 2 });
    expect((await service.dataSource.query('SELECT operation FROM audit_log ORDER BY id DESC LIMIT 2')).map((row: { operation: string }) => row.operation)).toEqual([
      'importAssignments', 'followSuccession',
    ]);
    expect(await service.dataSource.query('SELECT organization_id, valid_from::text, valid_to::text FROM assignment WHERE person_id = $1 ORDER BY valid_from', [bench.people.d])).toEqual([
      { organization_id: org.dinhAnCommittee.id, valid_from: ON, valid_to: '2025-07-01' },
      { organization_id: org.anLapCommittee.id, valid_from: '2025-07-01', valid_to: null },
    ]);
    // From 1 July 2025 the province's organization board manages commune cadres, and the district's no longer does.
    const lateRow = { ...row, 'Kiêm nhiệm': 'có', 'Mã chức danh': 'COMMUNE_CULTURE_SOCIAL' };
    const late = await importAssignments([lateRow], { change: change('18/QĐ-UBND', '2025-08-01'), username: DEMO_USERS.provinceOrganizationBoard });
    expect(fields(late)).toEqual([{ row: 2, field: 'Mã tổ chức', code: 'NOT_IN_FORCE' }]);
    const byDistrict = await importAssignments([lateRow], { change: change('18/QĐ-UBND', '2025-08-01') });
    expect(fields(byDistrict)).toEqual([{ row: 2, field: 'Mã tổ chức', code: 'NOT_IN_FORCE' }, { row: 2, field: 'Số CCCD', code: 'NOT_MANAGING_BODY' }]);
    expect(byDistrict?.rejects[1].message).toMatch(/Ban Tổ chức – Tỉnh Bình Dương quản lý \/ /);
  });
});
