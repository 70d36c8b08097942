import { randomUUID } from 'node:crypto';
import { AssignmentChanged, PERSONNEL_TOPIC } from '@ps/contracts';
import type { RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, errorCodes, graphqlRequest, queryEntities, tokenFor, type GraphQLResponse } from '@ps/testing';
import { added, assignmentCalls, COMMUNES, org, seat, startAssignmentBench, type AssignmentBench } from './assignment.fixtures';

let bench: AssignmentBench;
let service: RunningService;
let people: Record<string, string> = {};
const { assign, endAssignment, transfer, written } = assignmentCalls(() => bench);
/** The body that manages the bench's commune cadres before 1 July 2025. */
const BOARD = DEMO_USERS.districtOrganizationBoard;

const FIGURES = (asOf: string) => `staff(asOf: "${asOf}") headcount(asOf: "${asOf}") vacancies(asOf: "${asOf}") concurrentPosts(asOf: "${asOf}")`;
type Figures = { staff: number | null; headcount: number | null; vacancies: number | null; concurrentPosts: number | null };
const unitFigures = async (username: string, codes: string[], asOf: string) =>
  (await queryEntities<Figures>(service.url, 'AdministrativeUnit', codes.map((code) => ({ code })), FIGURES(asOf), await tokenFor(username))).data?._entities;
const organizationFigures = async (username: string, ids: string[], asOf: string) =>
  (await queryEntities<Figures>(service.url, 'Organization', ids.map((id) => ({ id })), FIGURES(asOf), await tokenFor(username))).data?._entities;
const figures = (staff: number, headcount: number, vacancies: number | null, concurrentPosts: number) => ({ staff, headcount, vacancies, concurrentPosts });

beforeAll(async () => {
  bench = await startAssignmentBench();
  ({ service, people } = bench);
});

afterAll(() => service?.stop());

describe('the organization projection', () => {
  it('keeps seats and organizations’ staffing quotas, and leaves units’ quotas to organization', async () => {
    expect(await service.dataSource.query('SELECT organization_id, title, capacity FROM organization_seat ORDER BY capacity')).toEqual([
      { organization_id: org.anLapCommittee.id, title: 'Phó Chủ tịch Ủy ban nhân dân xã', capacity: 1 },
      { organization_id: org.dinhAnCommittee.id, title: 'Phó Chủ tịch Ủy ban nhân dân xã', capacity: 2 },
    ]);
    expect(await service.dataSource.query('SELECT organization_id, amount, valid_from::text FROM organization_quota')).toEqual([
      { organization_id: org.anLapCommittee.id, amount: 5, valid_from: '1999-01-01' },
    ]);
  });
});

describe('assign', () => {
  const secretary = () => ({ personId: people.a, organizationId: org.anLapParty.id, titleCode: 'COMMUNE_PARTY_SECRETARY', change: changeOn('2000-01-01', { number: '9-QĐ/HU' }) });

  it('assigns a person to a title from the effective date, with one decision, audit row and event', async () => {
    const before = await written();
    const response = await assign(BOARD, secretary());
    expect(response.errors).toBeUndefined();
    expect(response.data?.assign).toMatchObject({
      personId: people.a, titleCode: 'COMMUNE_PARTY_SECRETARY', concurrent: false, seatId: null, validFrom: '2000-01-01', validTo: null, decision: { number: '9-QĐ/HU' },
    });
    const after = await written();
    expect(added(before, after)).toEqual({ assignment: 1, decision: 1, audit_log: 1, outbox: 1 });
    const [event] = await service.dataSource.query("SELECT topic, envelope FROM outbox WHERE event_type = 'AssignmentChanged'");
    expect(event.topic).toBe(PERSONNEL_TOPIC);
    expect(AssignmentChanged.payload.parse(event.envelope.payload)).toMatchObject({ action: 'ASSIGNED', unitCode: '25801', concurrent: false, endReason: null });
  });

  it('takes a second post of the same person as a concurrent one (kiêm nhiệm)', async () => {
    const response = await assign(BOARD, {
      personId: people.a, organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_CHAIR', concurrent: true, change: changeOn('2000-01-01'),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.assign).toMatchObject({ concurrent: true });
  });

  it('fills a seat of the organization, recording the decision', async () => {
    const response = await assign(BOARD, {
      personId: people.b, organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', seatId: seat.anLapVice.id, change: changeOn('2000-01-01', { number: '3/QĐ-UBND' }),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.assign).toMatchObject({ seatId: seat.anLapVice.id, decision: { number: '3/QĐ-UBND' } });
  });

  const vice = { organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', change: changeOn('2000-06-01') };
  it.each([
    ['a second primary post', BOARD, () => ({ ...vice, personId: people.a }), 'PRIMARY_ASSIGNMENT_TAKEN', 'PRIMARY_ASSIGNMENT_TAKEN'],
    ['the same post twice', BOARD, () => ({ ...secretary(), concurrent: true }), 'ALREADY_ASSIGNED', 'ALREADY_ASSIGNED'],
    ['a full seat', BOARD, () => ({ ...vice, personId: people.c, seatId: seat.anLapVice.id }), 'SEAT_FULL', 'SEAT_FULL'],
    ['a seat of another organization', BOARD, () => ({ ...vice, personId: people.c, seatId: seat.dinhAnVice.id }), 'BAD_USER_INPUT', 'SEAT_OF_ANOTHER_ORGANIZATION'],
    ['a title of another kind of organization', BOARD, () => ({ ...vice, personId: people.c, titleCode: 'COMMUNE_PARTY_SECRETARY' }), 'BAD_USER_INPUT', 'TITLE_ORGANIZATION_KIND'],
    ['a title of another tier', BOARD, () => ({ ...vice, personId: people.c, titleCode: 'DISTRICT_COMMITTEE_CHAIR' }), 'BAD_USER_INPUT', 'TITLE_TIER_MISMATCH'],
    ['a title not in the catalogue', BOARD, () => ({ ...vice, personId: people.c, titleCode: 'COMMUNE_KING' }), 'NOT_FOUND', 'TITLE_NOT_FOUND'],
    ['an organization unknown', BOARD, () => ({ ...vice, personId: people.c, organizationId: randomUUID() }), 'NOT_FOUND', 'ORGANIZATION_NOT_FOUND'],
    ['an organization outside the territory', BOARD, () => ({ ...vice, personId: people.c, organizationId: org.otherDistrictCommittee.id }), 'FORBIDDEN', 'OUTSIDE_TERRITORY'],
    ['a person outside the territory', DEMO_USERS.hcmcOrganizationBoard, () => ({ ...vice, personId: people.d }), 'NOT_FOUND', 'PERSON_NOT_FOUND'],
    ['a viewer', DEMO_USERS.districtViewer, () => ({ ...vice, personId: people.c }), 'FORBIDDEN', 'CAPABILITY'],
  ])('refuses %s and writes nothing', async (_case, username, input, code, reason) => {
    const before = await written();
    const response = await assign(username, input());
    expect(errorCodes(response)).toEqual([code]);
    if (reason) expect(response.errors?.[0].extensions).toMatchObject({ details: { reason } });
    expect(await written()).toEqual(before);
  });

  it('enforces one primary post in the table itself', async () => {
    const insert = (id: string) => service.dataSource.query(
      "INSERT INTO assignment (id, person_id, organization_id, title_code, concurrent, valid_from, created_by) VALUES ($1, $2, $3, 'X', false, '2003-01-01', 'test')",
      [id, people.a, org.anLapCommittee.id],
    );
    await expect(insert(randomUUID())).rejects.toMatchObject({ driverError: { constraint: 'assignment_one_primary' } });
  });
});

describe('management decentralisation', () => {
  const boardOf = (tier: string, unitCode: string, unitName: string, ruleCode: string) => [{ tier, unitCode, unitName, body: 'ORGANIZATION_BOARD', ruleCode }];
  const district = boardOf('DISTRICT', '720', 'Huyện Dầu Tiếng', 'HISTORY-QD67-COMMUNE-CADRE');
  const province = boardOf('PROVINCE', '74', 'Tỉnh Bình Dương', 'QD80-2025-COMMUNE-CADRE');
  const statistics = (on: string) => ({ personId: people.c, organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_OFFICE_STATISTICS', change: changeOn(on) });
  const refusedAsNotManaging = (response: GraphQLResponse<unknown>, personId: string, date: string, managedBy: unknown) => {
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors?.[0].extensions).toMatchObject({ details: { reason: 'NOT_MANAGING_BODY', personId, date, managedBy } });
  };

  it.each([
    ['an officer in no body', DEMO_USERS.districtOfficer, '2000-06-01', district],
    ['a commune admin in no body', DEMO_USERS.anLapAdmin, '2000-06-01', district],
    ['the district’s home-affairs office, which does not manage cadres', DEMO_USERS.districtHomeAffairs, '2000-06-01', district],
    ['the district’s organization board once the province manages commune cadres', BOARD, '2025-07-01', province],
  ])('refuses %s a commune cadre’s post, naming who manages them that day, and writes nothing', async (_case, username, on, managedBy) => {
    const before = await written();
    refusedAsNotManaging(await assign(username, statistics(on)), people.c, on, managedBy);
    expect(await written()).toEqual(before);
  });

  it('lets the province’s organization board, their manager from 1 July 2025, assign them then', async () => {
    const before = await written();
    const response = await assign(DEMO_USERS.provinceOrganizationBoard, { ...statistics('2025-07-01'), change: changeOn('2025-07-01', { number: '45-QĐ/TU', decidedOn: '2025-06-20' }) });
    expect(response.errors).toBeUndefined();
    expect(response.data?.assign).toMatchObject({ personId: people.c, titleCode: 'COMMUNE_OFFICE_STATISTICS', validFrom: '2025-07-01' });
    expect(added(before, await written())).toEqual({ assignment: 1, decision: 1, audit_log: 1, outbox: 1 });
  });

  it('refuses ending or moving a post to an officer in no body and to the wrong body, and writes nothing', async () => {
    const [{ id }] = await service.dataSource.query("SELECT id FROM assignment WHERE person_id = $1 AND title_code = 'COMMUNE_PARTY_SECRETARY'", [people.a]);
    const before = await written();
    refusedAsNotManaging(await endAssignment(DEMO_USERS.districtOfficer, id, { endReason: 'RESIGNED', change: changeOn('2001-01-01') }), people.a, '2001-01-01', district);
    const moved = await transfer(DEMO_USERS.districtHomeAffairs, id, { organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_OFFICE_STATISTICS', change: changeOn('2001-01-01') });
    refusedAsNotManaging(moved, people.a, '2001-01-01', district);
    expect(await written()).toEqual(before);
  });
});

describe('ends, figures and concurrent titles', () => {
  it('ends an assignment for a reason on a date, once', async () => {
    const [{ id }] = await service.dataSource.query("SELECT id FROM assignment WHERE person_id = $1", [people.b]);
    const response = await endAssignment(BOARD, id, { endReason: 'RESIGNED', change: changeOn('2005-01-01') });
    expect(response.errors).toBeUndefined();
    expect(response.data?.endAssignment).toMatchObject({ endReason: 'RESIGNED', validTo: '2005-01-01' });
    expect(errorCodes(await endAssignment(BOARD, id, { endReason: 'RESIGNED', change: changeOn('2006-01-01') }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await endAssignment(DEMO_USERS.dinhAnAdmin, randomUUID(), { endReason: 'RESIGNED', change: changeOn('2006-01-01') }))).toEqual(['NOT_FOUND']);
  });

  it('counts staff, headcount, vacancies and concurrent posts of units (with everything below) and organizations, inside the territory only', async () => {
    expect(await unitFigures(DEMO_USERS.districtAdmin, ['720', '25801', '25789'], '2001-01-01')).toEqual([
      figures(2, 2, 3, 1), figures(2, 2, 3, 1), figures(0, 0, null, 0),
    ]);
    expect(await unitFigures(DEMO_USERS.districtAdmin, ['720', '25801'], '2006-01-01')).toEqual([figures(1, 1, 4, 1), figures(1, 1, 4, 1)]);
    expect(await unitFigures(DEMO_USERS.anLapAdmin, ['720', '25801', '25789'], '2001-01-01')).toEqual([
      { staff: null, headcount: null, vacancies: null, concurrentPosts: null }, figures(2, 2, 3, 1), { staff: null, headcount: null, vacancies: null, concurrentPosts: null },
    ]);
    expect(await organizationFigures(DEMO_USERS.districtAdmin, [org.anLapCommittee.id, org.anLapParty.id, org.dinhAnCommittee.id], '2001-01-01')).toEqual([
      figures(2, 1, 4, 1), figures(1, 1, null, 0), figures(0, 0, null, 0),
    ]);
  });

  it('lists an organization’s assignments as of a date, inside the territory only, one statement for many organizations', async () => {
    const held = async (username: string, ids: string[]) =>
      (await queryEntities<{ assignments: Array<{ personId: string; titleCode: string; concurrent: boolean }> }>(
        service.url, 'Organization', ids.map((id) => ({ id })), 'assignments(asOf: "2001-01-01") { personId titleCode concurrent }', await tokenFor(username),
      )).data?._entities.map((organization) => organization.assignments);
    const ids = [org.anLapCommittee.id, org.anLapParty.id, org.dinhAnCommittee.id];
    expect(await held(DEMO_USERS.districtAdmin, ids)).toEqual([
      [{ personId: people.a, titleCode: 'COMMUNE_COMMITTEE_CHAIR', concurrent: true }, { personId: people.b, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', concurrent: false }],
      [{ personId: people.a, titleCode: 'COMMUNE_PARTY_SECRETARY', concurrent: false }],
      [],
    ]);
    expect(await held(DEMO_USERS.dinhAnAdmin, ids)).toEqual([[], [], []]);
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      await held(DEMO_USERS.districtAdmin, ids);
      expect(statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql)))).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
  });

  it('finds the units whose Party secretary is also People’s Committee chair, inside the territory only', async () => {
    const holders = async (username: string, asOf: string) => {
      const response = await graphqlRequest<{ concurrentTitleHolders: Array<{ unitCode: string; unitName: string; person: { id: string } }> }>(
        service.url,
        `{ concurrentTitleHolders(unitCode: "720", titleCodes: ["COMMUNE_PARTY_SECRETARY", "COMMUNE_COMMITTEE_CHAIR"], asOf: "${asOf}") { unitCode unitName titleCodes person { id } } }`,
        { token: await tokenFor(username) },
      );
      expect(response.errors).toBeUndefined();
      return response.data?.concurrentTitleHolders;
    };
    expect(await holders(DEMO_USERS.districtAdmin, '2001-01-01')).toEqual([
      { unitCode: '25801', unitName: expect.any(String), titleCodes: ['COMMUNE_PARTY_SECRETARY', 'COMMUNE_COMMITTEE_CHAIR'], person: { id: people.a } },
    ]);
    expect(await holders(DEMO_USERS.districtAdmin, '1999-12-31')).toEqual([]);
    expect(await holders(DEMO_USERS.dinhAnAdmin, '2001-01-01')).toEqual([]);
  });

  it('answers the four figures and partyMemberCount of a district and its twelve communes with two statements, as for one unit', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    const counted = async (codes: string[]) => {
      statements.mockClear();
      const answer = await queryEntities<Figures>(
        service.url, 'AdministrativeUnit', codes.map((code) => ({ code })), `${FIGURES('2001-01-01')} partyMemberCount(asOf: "2001-01-01")`, await tokenFor(DEMO_USERS.districtAdmin),
      );
      expect(answer.data?._entities).toHaveLength(codes.length);
      return statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql))).length;
    };
    try {
      expect(await counted(['720'])).toBe(2);
      expect(await counted(['720', ...COMMUNES])).toBe(2);
    } finally {
      statements.mockRestore();
    }
  });

  it('answers the concurrent title holders of a district with one statement', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      await graphqlRequest(service.url, '{ concurrentTitleHolders(unitCode: "720", titleCodes: ["COMMUNE_PARTY_SECRETARY", "COMMUNE_COMMITTEE_CHAIR"], asOf: "2001-01-01") { unitCode person { fullName } } }', {
        token: await tokenFor(DEMO_USERS.districtAdmin),
      });
      expect(statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql)))).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
  });
});
