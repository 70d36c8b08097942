import { changeOn, DEMO_USERS, graphqlRequest, tokenFor } from '@ps/testing';
import { isOpenVersion } from '@ps/effective-dating';
import type { RunningService } from '@ps/service-kit';
import { added, assignmentCalls, org, seat, startAssignmentBench, type AssignmentBench } from './assignment.fixtures';

let bench: AssignmentBench;
let service: RunningService;
let people: Record<string, string> = {};
const { assign, endAssignment, transfer, written } = assignmentCalls(() => bench);

/** An Lập's vice chair seat held by b from 2000 until b resigned in 2005 (the district's organization board manages the commune's cadres). */
beforeAll(async () => {
  bench = await startAssignmentBench();
  ({ service, people } = bench);
  const held = await assign(DEMO_USERS.districtOrganizationBoard, {
    personId: people.b, organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', seatId: seat.anLapVice.id, change: changeOn('2000-01-01'),
  });
  expect(held.errors).toBeUndefined();
  const ended = await endAssignment(DEMO_USERS.districtOrganizationBoard, held.data?.assign.id ?? '', { endReason: 'RESIGNED', change: changeOn('2005-01-01') });
  expect(ended.errors).toBeUndefined();
});

afterAll(() => service?.stop());

describe('seats and vacancies', () => {
  const SEAT = 'seatId organizationName unitCode title capacity filled vacant vacantSince holders { personId titleCode since }';
  const ask = async <T>(username: string, query: string) => {
    const response = await graphqlRequest<T>(service.url, query, { token: await tokenFor(username) });
    expect(response.errors).toBeUndefined();
    return response.data;
  };
  const seatsOf = async (username: string, organizationId: string, asOf: string) =>
    (await ask<{ organizationSeats: unknown[] }>(username, `{ organizationSeats(organizationId: "${organizationId}", asOf: "${asOf}") { ${SEAT} } }`))?.organizationSeats;
  const vacant = async (username: string, asOf: string) =>
    (await ask<{ vacantSeats: Array<{ seatId: string }> }>(username, `{ vacantSeats(unitCode: "720", asOf: "${asOf}") { seatId vacantSince } }`))?.vacantSeats;

  it('lists an organization’s seats with their holders, filled and vacant places, and since when one is vacant', async () => {
    expect(await seatsOf(DEMO_USERS.anLapAdmin, org.anLapCommittee.id, '2001-01-01')).toEqual([{
      seatId: seat.anLapVice.id, organizationName: 'Ủy ban nhân dân xã An Lập', unitCode: '25801', title: seat.anLapVice.title, capacity: 1, filled: 1, vacant: 0,
      vacantSince: null, holders: [{ personId: people.b, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', since: '2000-01-01' }],
    }]);
    expect(await seatsOf(DEMO_USERS.anLapAdmin, org.anLapCommittee.id, '2006-01-01')).toMatchObject([{ filled: 0, vacant: 1, vacantSince: '2005-01-01', holders: [] }]);
    expect(await seatsOf(DEMO_USERS.anLapAdmin, org.dinhAnCommittee.id, '2006-01-01')).toEqual([]);
  });

  it('finds the vacant seats of a district and below, inside the territory only, in one statement', async () => {
    expect(await vacant(DEMO_USERS.districtAdmin, '2001-01-01')).toEqual([{ seatId: seat.dinhAnVice.id, vacantSince: '1999-01-01' }]);
    expect(await vacant(DEMO_USERS.districtAdmin, '2006-01-01')).toEqual([
      { seatId: seat.dinhAnVice.id, vacantSince: '1999-01-01' }, { seatId: seat.anLapVice.id, vacantSince: '2005-01-01' },
    ]);
    expect(await vacant(DEMO_USERS.anLapAdmin, '2006-01-01')).toEqual([{ seatId: seat.anLapVice.id, vacantSince: '2005-01-01' }]);
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      await vacant(DEMO_USERS.districtAdmin, '2006-01-01');
      expect(statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql)))).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
  });
});

describe('transferAssignment', () => {
  it('ends the assignment (TRANSFERRED) and begins the new post on one decision, with one audit row and two events', async () => {
    const first = await assign(DEMO_USERS.districtOrganizationBoard, { personId: people.c, organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_OFFICE_STATISTICS', change: changeOn('2010-01-01') });
    expect(first.errors).toBeUndefined();
    const id = first.data?.assign.id ?? '';
    const before = await written();
    const response = await transfer(DEMO_USERS.districtOrganizationBoard, id, {
      organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', seatId: seat.anLapVice.id, change: changeOn('2011-01-01', { number: '20/QĐ-UBND' }),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.transferAssignment).toMatchObject({
      personId: people.c, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', seatId: seat.anLapVice.id, validFrom: '2011-01-01', decision: { number: '20/QĐ-UBND' },
    });
    const after = await written();
    expect(added(before, after)).toEqual({ assignment: 1, decision: 1, audit_log: 1, outbox: 2 });
    expect(await service.dataSource.query('SELECT valid_to::text, end_reason FROM assignment WHERE id = $1', [id])).toEqual([{ valid_to: '2011-01-01', end_reason: 'TRANSFERRED' }]);
  });

  it('refuses a move to the post already held, and writes nothing', async () => {
    const [{ id }] = await service.dataSource.query(`SELECT id FROM assignment WHERE person_id = $1 AND ${isOpenVersion('')}`, [people.c]);
    const before = await written();
    const response = await transfer(DEMO_USERS.districtOrganizationBoard, id, {
      organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', seatId: seat.anLapVice.id, change: changeOn('2012-01-01'),
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'SAME_POST' } });
    expect(await written()).toEqual(before);
  });
});
