import { randomUUID } from 'node:crypto';
import { OrganizationChanged, OrganizationClosed, OrganizationMoved } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import type { RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, eventually, rowCounts, WRITE_TRAIL_TABLES } from '@ps/testing';
import { announceAssignees, organizationIn, personIn } from './assignees.fixtures';
import { createdId, mutate, startReform } from './reform-client';

let service: RunningService;
const anLapCommittee = organizationIn('25801', 'Ủy ban nhân dân xã An Lập');
const anLapFarmers = organizationIn('25801', 'Hội Nông dân xã An Lập', { kind: 'MASS_ORGANIZATION', subtype: 'FARMERS_UNION' });
const dinhAnCommittee = organizationIn('25789', 'Ủy ban nhân dân xã Định An');
const laterSchool = organizationIn('25801', 'Chi bộ cơ sở Trường Trung học cơ sở An Lập', { kind: 'PARTY_GRASSROOTS', validFrom: '2016-03-01' });
const owner = personIn('25801', 'Lê Thị Mẫu 0003');
const FACTS = { reason: 'Kiện toàn', decision: { number: 'TEST/2', date: '2014-01-01', signer: 'test' } };
let planId = '';

const written = () => rowCounts((sql) => service.dataSource.query(sql), ['reform_task', ...WRITE_TRAIL_TABLES]);
const versions = (id: string) =>
  service.dataSource.query(
    `SELECT valid_from::text AS "validFrom", valid_to::text AS "validTo", unit_code AS "unitCode", name, kind FROM reform_organization WHERE id = $1 ORDER BY valid_from`,
    [id],
  );
const task = (organizationIds: string[], ownerPersonId = owner.personId, on = '2014-02-01') => ({
  planId, title: 'Rà soát chức năng, nhiệm vụ', organizationIds, ownerPersonId, deadline: '2015-06-30', change: changeOn(on),
});

beforeAll(async () => {
  service = await startReform();
  await announceAssignees(service, [anLapCommittee, anLapFarmers, dinhAnCommittee, laterSchool], [owner]);
  planId = createdId(await mutate(service, DEMO_USERS.districtOfficer, 'createReformPlan', 'CreateReformPlanInput', {
    unitCode: '25801', title: 'Kế hoạch thực hiện Kết luận 64-KL/TW', resolutionRef: '64-KL/TW', change: changeOn('2014-01-15'),
  }), 'createReformPlan');
});

afterAll(() => service?.stop());

describe('the organizations and people reform projects', () => {
  it('keeps every version of an organization and a person once; a redelivered event changes nothing', async () => {
    const renamed = { ...anLapFarmers, name: 'Hội Nông dân Việt Nam xã An Lập', validFrom: '2014-01-01' };
    const closed = { ...renamed, validTo: '2025-07-01' };
    const rename = eventMessage(OrganizationChanged, { previous: anLapFarmers, organization: renamed, replaced: false, effectiveDate: '2014-01-01', ...FACTS }, {
      aggregateId: anLapFarmers.id, unitPath: '74.720.25801', actor: 'system:test',
    });
    const close = eventMessage(OrganizationClosed, { organization: closed, closedSeats: [], closedDuties: [], successorId: null, effectiveDate: '2025-07-01', ...FACTS }, {
      aggregateId: anLapFarmers.id, unitPath: '74.720.25801', actor: 'system:test',
    });
    // The same version again, after the duplicate on the same key: once it is applied, the duplicate has been seen.
    const marker = eventMessage(OrganizationMoved, { previous: closed, organization: closed, effectiveDate: '2025-07-01', ...FACTS }, {
      aggregateId: anLapFarmers.id, unitPath: '74.720.25801', actor: 'system:test',
    });
    await service.bus.publish([rename, close, rename, marker]);
    const markerId = JSON.parse(marker.value ?? '{}').id;
    await eventually(async () => ((await service.dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [markerId])).length > 0 ? true : undefined), {
      what: 'the events after the redelivery applied',
    });
    expect(await versions(anLapFarmers.id)).toEqual([
      { validFrom: '1999-01-01', validTo: '2014-01-01', unitCode: '25801', name: 'Hội Nông dân xã An Lập', kind: 'MASS_ORGANIZATION' },
      { validFrom: '2014-01-01', validTo: '2025-07-01', unitCode: '25801', name: 'Hội Nông dân Việt Nam xã An Lập', kind: 'MASS_ORGANIZATION' },
    ]);
    expect(await service.dataSource.query('SELECT full_name AS "fullName", unit_code AS "unitCode" FROM reform_person WHERE id = $1', [owner.personId])).toEqual([
      { fullName: 'Lê Thị Mẫu 0003', unitCode: '25801' },
    ]);
  });
});

describe('a task goes only to organizations in force inside the plan’s unit, owned by a known person', () => {
  const refusals: Array<[string, () => Record<string, unknown>, string, string]> = [
    ['an organization reform never heard of', () => task([anLapCommittee.id, randomUUID()]), 'NOT_FOUND', 'TASK_ORGANIZATION_NOT_FOUND'],
    ['an organization established after the task’s date', () => task([laterSchool.id]), 'NOT_FOUND', 'TASK_ORGANIZATION_NOT_FOUND'],
    ['an organization closed by the task’s date', () => task([anLapFarmers.id], owner.personId, '2025-08-01'), 'NOT_FOUND', 'TASK_ORGANIZATION_NOT_FOUND'],
    ['another commune’s organization', () => task([anLapCommittee.id, dinhAnCommittee.id]), 'BAD_USER_INPUT', 'TASK_ORGANIZATION_OUTSIDE_PLAN'],
    ['an owner no one registered', () => task([anLapCommittee.id], randomUUID()), 'NOT_FOUND', 'TASK_OWNER_NOT_FOUND'],
  ];

  it.each(refusals)('refuses %s, in Vietnamese first, writing nothing', async (_case, input, code, reason) => {
    const before = await written();
    const response = await mutate(service, DEMO_USERS.districtOfficer, 'assignReformTask', 'AssignReformTaskInput', input());
    expect(response.errors?.map((error) => [error.extensions?.code, (error.extensions?.details as { reason?: string })?.reason])).toEqual([[code, reason]]);
    expect(response.errors?.[0].message).toMatch(/^(Không có|Tổ chức) .* \/ /);
    expect(await written()).toEqual(before);
  });

  it('assigns a task to the commune’s organizations in force then, and names them as references', async () => {
    const response = await mutate(service, DEMO_USERS.districtOfficer, 'assignReformTask', 'AssignReformTaskInput', task([anLapCommittee.id, anLapFarmers.id]), 'id organizations { id } ownerPersonId');
    expect(response.errors).toBeUndefined();
    expect(response.data?.assignReformTask).toEqual({
      id: expect.any(String), organizations: [{ id: anLapCommittee.id }, { id: anLapFarmers.id }], ownerPersonId: owner.personId,
    });
  });
});
