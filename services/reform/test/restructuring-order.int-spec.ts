import { randomUUID } from 'node:crypto';
import { OrganizationClosed, UnitDissolved, UnitsMerged } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import type { RunningService } from '@ps/service-kit';
import { DEMO_USERS, eventually } from '@ps/testing';
import { announceAssignees, organizationIn, personIn } from './assignees.fixtures';
import { draftInput } from './proposal.fixtures';
import { created, on } from './restructuring.fixtures';
import { startReform } from './reform-client';

/**
 * The order of a merger's events: organization publishes UnitsMerged and each OrganizationClosed
 * under different keys, so reform may read them in any order, and a closing dated later may come
 * before the one it follows. Here they are published one at a time, in the order each case needs.
 */
let reform: RunningService;
const decision = { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội' };
const [closedFirst, successorFirst, closedLast, successorLast] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const chain = [randomUUID(), randomUUID(), randomUUID()];
const proposals: Record<string, string> = {};
const tasks: Record<string, string> = {};
let districtPlan = '';

/** Organization's closing of an An Lập body whose work passes to `successorId`. */
const closing = (id: string, successorId: string, effectiveDate: string) => eventMessage(OrganizationClosed, {
  organization: { id, unitCode: '25801', parentId: null, kind: 'PEOPLES_COMMITTEE', subtype: null, base: 'UNIT', name: `Tổ chức ${id}`, validFrom: '1999-01-01', validTo: effectiveDate },
  closedSeats: [], closedDuties: [], successorId, effectiveDate, reason: 'Sắp xếp đơn vị hành chính', decision,
}, { aggregateId: id, actor: 'system:test' });

const merger = eventMessage(UnitsMerged, {
  predecessors: ['25801', '25789'], rehomed: [], endedOrganizations: [closedFirst, closedLast], effectiveDate: '2025-07-01', reason: 'Sắp xếp đơn vị hành chính', decision,
  successor: { code: '25789', name: 'Xã Định An', tier: 'COMMUNE', parentCode: '720', path: '74.720.25789', validFrom: '2025-07-01', validTo: null, decision },
}, { aggregateId: '25789', actor: 'system:test' });

const proposalRow = async (id: string) => (await reform.dataSource.query(
  `SELECT unit_code, organization_id, status, placed_on::text,
          (SELECT array_agg(step ORDER BY step) FROM staffing_proposal_step WHERE proposal_id = p.id) AS steps
     FROM staffing_proposal p WHERE id = $1`, [id]))[0];
const taskVersions = async (id: string) =>
  reform.dataSource.query('SELECT organization_ids, valid_from::text, valid_to::text FROM reform_task WHERE id = $1 ORDER BY valid_from', [id]);
const until = (what: string, probe: () => Promise<boolean>) => eventually(async () => ((await probe()) ? true : undefined), { what });

beforeAll(async () => {
  reform = await startReform();
  const owner = personIn('25801', 'Nguyễn Văn Chủ');
  await announceAssignees(reform, [closedFirst, closedLast, chain[0]].map((id) => organizationIn('25801', `Tổ chức ${id}`, { id })), [owner]);
  const planId = await created(reform.url, DEMO_USERS.anLapOfficer, 'createReformPlan', 'CreateReformPlanInput', {
    unitCode: '25801', title: 'Sắp xếp tổ chức bộ máy', resolutionRef: '18-NQ/TW', change: on('2025-01-02', '01/KH-UBND'),
  });
  for (const organizationId of [closedFirst, closedLast, chain[0]]) {
    tasks[organizationId] = await created(reform.url, DEMO_USERS.anLapOfficer, 'assignReformTask', 'AssignReformTaskInput', {
      planId, title: `Nhiệm vụ của ${organizationId}`, organizationIds: [organizationId], ownerPersonId: owner.personId, deadline: '2026-12-31', change: on('2025-01-10', '02/KH-UBND'),
    });
    proposals[organizationId] = await created(reform.url, DEMO_USERS.anLapOfficer, 'draftStaffingProposal', 'DraftStaffingProposalInput',
      draftInput(organizationId, { change: on('2025-03-01', '03/ĐA-UBND') }));
  }
  districtPlan = await created(reform.url, DEMO_USERS.districtOfficer, 'createReformPlan', 'CreateReformPlanInput', {
    unitCode: '720', title: 'Kết thúc hoạt động cấp huyện', resolutionRef: '60-NQ/TW', change: on('2025-04-15', '04/KH-UBND'),
  });
});

afterAll(() => reform?.stop());

describe('a merger’s events in either order', () => {
  it('ends the same for a proposal whose organization’s closing came first and one whose unit’s merger came first', async () => {
    await reform.bus.publish([closing(closedFirst, successorFirst, '2025-07-01')]);
    await until('the first closing followed', async () => (await proposalRow(proposals[closedFirst])).organization_id === successorFirst);
    await reform.bus.publish([merger]);
    await until('the merger followed', async () => (await proposalRow(proposals[closedLast])).unit_code === '25789');
    await reform.bus.publish([closing(closedLast, successorLast, '2025-07-01')]);
    await until('the last closing followed', async () => (await proposalRow(proposals[closedLast])).organization_id === successorLast);
    const [first, last] = [await proposalRow(proposals[closedFirst]), await proposalRow(proposals[closedLast])];
    expect(first).toEqual({ unit_code: '25789', organization_id: successorFirst, status: 'DRAFT', placed_on: '2025-07-01', steps: ['DRAFTED', 'MOVED', 'MOVED'] });
    expect({ ...last, organization_id: successorFirst }).toEqual(first);
    for (const [closed, successor] of [[closedFirst, successorFirst], [closedLast, successorLast]]) {
      expect(await taskVersions(tasks[closed])).toEqual([
        { organization_ids: [closed], valid_from: '2025-01-10', valid_to: '2025-07-01' },
        { organization_ids: [successor], valid_from: '2025-07-01', valid_to: null },
      ]);
    }
  });

  it('follows a chain of closings whose later link arrived first', async () => {
    await reform.bus.publish([closing(chain[1], chain[2], '2026-01-01')]);
    await until('the later link recorded', async () =>
      (await reform.dataSource.query('SELECT count(*)::int AS n FROM reform_organization_succession WHERE organization_id = $1', [chain[1]]))[0].n === 1);
    expect((await proposalRow(proposals[chain[0]])).organization_id).toBe(chain[0]);
    await reform.bus.publish([closing(chain[0], chain[1], '2025-07-01')]);
    await until('the chain followed', async () => (await proposalRow(proposals[chain[0]])).organization_id === chain[2]);
    expect(await taskVersions(tasks[chain[0]])).toEqual([
      { organization_ids: [chain[0]], valid_from: '2025-01-10', valid_to: '2025-07-01' },
      { organization_ids: [chain[1]], valid_from: '2025-07-01', valid_to: '2026-01-01' },
      { organization_ids: [chain[2]], valid_from: '2026-01-01', valid_to: null },
    ]);
    expect((await proposalRow(proposals[chain[0]])).steps).toEqual(['DRAFTED', 'MOVED', 'MOVED', 'MOVED']);
  });
});

describe('a dissolution naming a successor', () => {
  it('continues the dissolved district’s plan under the province, citing a marked placeholder when the event cites no decision', async () => {
    await reform.bus.publish([eventMessage(UnitDissolved, {
      code: '720', closed: [], successor: '74', rehomed: [], endedOrganizations: [], effectiveDate: '2025-07-01', reason: null, decision: null,
    }, { aggregateId: '720', actor: 'system:test' })]);
    const versions = () => reform.dataSource.query('SELECT unit_code, valid_from::text, valid_to::text FROM reform_plan WHERE id = $1 ORDER BY valid_from', [districtPlan]);
    await until('the district’s plan carried', async () => (await versions()).length === 2);
    expect(await versions()).toEqual([
      { unit_code: '720', valid_from: '2025-04-15', valid_to: '2025-07-01' },
      { unit_code: '74', valid_from: '2025-07-01', valid_to: null },
    ]);
    const [audit] = await reform.dataSource.query(
      `SELECT audit.unit_code, audit.unit_paths::text[] AS paths, decision.number FROM audit_log audit JOIN decision ON decision.id = audit.decision_id
        WHERE audit.target_id = $1 AND audit.operation = 'followUnitSuccession'`, [districtPlan]);
    expect(audit).toEqual({ unit_code: '74', paths: ['74.720', '74'], number: 'KHONG-RO-QUYET-DINH' });
  });
});
