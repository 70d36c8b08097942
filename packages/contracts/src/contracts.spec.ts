import { createEnvelope, envelopeSchema, type EventContract } from '@ps/events';
import * as contracts from './index';
import {
  AssignmentChanged,
  BoundaryAdjusted,
  organizationReads,
  DEMO_TERRITORY_VERSIONS,
  demoTerritoryAnnouncements,
  DisciplineRecorded,
  EVALUATION_TOPIC,
  EVENT_CONTRACTS,
  ORGANIZATION_TOPIC,
  PERSONNEL_TOPIC,
  PersonRegistered,
  RatingRecorded,
  REFORM_TOPIC,
  ReformPlanCreated,
  RewardRecorded,
  territoryReads,
  UnitDissolved,
} from './index';

const decision = { number: '1681/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội' };
const hamlet = {
  code: '25801_01', name: 'Ấp Bến Củi', tier: 'HAMLET' as const, parentCode: '25789', path: '74.720.25789.25801_01',
  validFrom: '2025-07-01', validTo: null, decision,
};

describe('the catalog', () => {
  it('lists every contract the package exports, each type and version once', () => {
    const exported = Object.values(contracts).filter(
      (value) => typeof value === 'object' && value !== null && 'topic' in value && 'payload' in value,
    );
    expect(new Set(EVENT_CONTRACTS)).toEqual(new Set(exported));
    const keys = EVENT_CONTRACTS.map((contract) => `${contract.type}@${contract.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('puts every event on the topic of its producer, one topic per producing service', () => {
    const topics = [ORGANIZATION_TOPIC, PERSONNEL_TOPIC, EVALUATION_TOPIC, REFORM_TOPIC];
    expect(topics).toEqual(['organization.events.v1', 'personnel.events.v1', 'evaluation.events.v1', 'reform.events.v1']);
    expect(new Set(EVENT_CONTRACTS.map((contract) => contract.topic))).toEqual(new Set(topics));
  });
});

describe('UnitDissolved v1', () => {
  const dissolved = { code: '720', closed: [], endedOrganizations: [], effectiveDate: '2025-07-01', reason: null, decision };

  it('parses an event written before `successor` existed, with no successor', () => {
    expect(UnitDissolved.payload.parse(dissolved).successor).toBeNull();
  });

  it('carries the unit that takes the territory over', () => {
    const envelope = createEnvelope(UnitDissolved, { ...dissolved, successor: '74' }, { aggregateId: '720' });
    expect(envelope.payload.successor).toBe('74');
    expect(territoryReads.unitDissolved.payload.parse(envelope.payload)).toEqual({ code: '720', closed: [], effectiveDate: '2025-07-01', rehomed: [] });
  });
});

describe('BoundaryAdjusted v1', () => {
  const adjusted = { from: '25801', to: '25789', area: 'Ấp Bến Củi', rehomed: [hamlet], effectiveDate: '2025-07-01', reason: 'Điều chỉnh địa giới', decision };

  it('moves units from one unit to another, both keeping on', () => {
    const envelope = createEnvelope(BoundaryAdjusted, adjusted, { aggregateId: '25789' });
    expect(envelope).toMatchObject({ type: 'BoundaryAdjusted', version: 1, payload: { from: '25801', to: '25789' } });
    const { decision: _decision, ...read } = hamlet;
    expect(territoryReads.boundaryAdjusted.payload.parse(envelope.payload)).toEqual({ effectiveDate: '2025-07-01', rehomed: [read] });
  });

  it('refuses an adjustment that does not say where the area went', () => {
    const { to: _to, ...withoutTarget } = adjusted;
    expect(BoundaryAdjusted.payload.safeParse(withoutTarget).success).toBe(false);
  });
});

describe('the territory projection\'s view of a unit', () => {
  it('refuses a path the projection could not store', () => {
    const payload = { ...hamlet, path: '74.720.not a path!' };
    expect(contracts.UnitCreated.payload.safeParse(payload).success).toBe(true);
    expect(territoryReads.unitCreated.payload.safeParse(payload).success).toBe(false);
  });
});

describe('the demo territory', () => {
  it('is announced as valid UnitCreated v1 envelopes, keyed by code, on the organization topic', () => {
    const announcements = demoTerritoryAnnouncements();
    expect(announcements.map((message) => [message.topic, message.key])).toEqual(
      DEMO_TERRITORY_VERSIONS.map((unit) => [ORGANIZATION_TOPIC, unit.code]),
    );
    for (const message of announcements) {
      const envelope = envelopeSchema.parse(JSON.parse(message.value));
      expect(envelope).toMatchObject({ type: 'UnitCreated', version: 1, aggregateId: message.key });
      expect(territoryReads.unitCreated.payload.safeParse(envelope.payload).success).toBe(true);
    }
  });

  it('gets new event ids on every call, so announcing twice is two deliveries', () => {
    const ids = (messages: Array<{ value: string }>) => messages.map((message) => JSON.parse(message.value).id);
    const first = ids(demoTerritoryAnnouncements());
    expect(ids(demoTerritoryAnnouncements()).filter((id) => first.includes(id))).toEqual([]);
  });
});

const firstVersions: Array<[string, EventContract<unknown, unknown>, Record<string, unknown>]> = [
  ['PersonRegistered', PersonRegistered, { personId: '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a10', fullName: 'Lê Thị Hoa', birthYear: 1988, unitCode: '25801' }],
  ['RatingRecorded', RatingRecorded, { ratingId: '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a10', subjectName: 'Lê Thị Hoa', unitCode: '25801', year: 2024, level: 'HTT' }],
  ['ReformPlanCreated', ReformPlanCreated, { planId: '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a10', title: 'Sắp xếp bộ máy', resolutionRef: '18-NQ/TW', unitCode: '25801' }],
];

describe.each(firstVersions)('%s v1', (_type, { payload }, before) => {
  it('parses an event written before it stated its change, with no date, reason or decision', () => {
    expect(payload.parse(before)).toEqual({ ...before, effectiveDate: null, reason: null, decision: null });
  });

  it('carries the change it was recorded on', () => {
    const facts = { effectiveDate: '2025-07-01', reason: 'Tiếp nhận', decision };
    expect(payload.parse({ ...before, ...facts })).toEqual({ ...before, ...facts });
  });
});

describe('PersonRegistered with the e-file', () => {
  const before = { personId: '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a10', fullName: 'Lê Thị Hoa', birthYear: 1988, unitCode: '25801' };

  it('carries gender and category, and parses an older event without them', () => {
    const now = { ...before, gender: 'FEMALE', category: 'CIVIL_SERVANT', effectiveDate: '2025-07-01', reason: 'Tiếp nhận', decision };
    expect(PersonRegistered.payload.parse(now)).toEqual(now);
    expect(PersonRegistered.payload.parse(before)).not.toHaveProperty('gender');
  });

  it('refuses a category it does not know', () => {
    expect(PersonRegistered.payload.safeParse({ ...before, category: 'SOLDIER' }).success).toBe(false);
  });
});

describe('AssignmentChanged v1', () => {
  const assigned = {
    assignmentId: '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a11', personId: '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a10', action: 'ASSIGNED',
    organizationId: '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a12', titleCode: 'COMMUNE_COMMITTEE_CHAIR', seatId: null, concurrent: true, unitCode: '25780',
    endReason: null, effectiveDate: '2011-07-01', reason: 'Bầu Chủ tịch UBND xã', decision: { number: '5/NQ-HĐND', date: '2011-06-30', signer: 'Chủ tịch HĐND xã' },
  };

  it('carries a concurrent post on the personnel topic, and an end with its reason', () => {
    expect(AssignmentChanged.topic).toBe(PERSONNEL_TOPIC);
    expect(AssignmentChanged.payload.parse(assigned)).toEqual(assigned);
    expect(AssignmentChanged.payload.parse({ ...assigned, action: 'ENDED', endReason: 'TERM_ENDED' })).toMatchObject({ endReason: 'TERM_ENDED' });
  });

  it('refuses an end reason it does not know, or a post not saying whether it is concurrent', () => {
    expect(AssignmentChanged.payload.safeParse({ ...assigned, action: 'ENDED', endReason: 'PROMOTED' }).success).toBe(false);
    const { concurrent: _concurrent, ...unsaid } = assigned;
    expect(AssignmentChanged.payload.safeParse(unsaid).success).toBe(false);
  });
});

describe('the organization projection\'s view of a staffing quota', () => {
  it('reads an event written before `ended` existed as a quota that goes on', () => {
    const change = { holderKind: 'ORGANIZATION', holderId: '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a12', amount: 5, effectiveDate: '2011-01-01' };
    expect(organizationReads.quotaChanged.payload.parse(change)).toEqual({ ...change, ended: false });
  });
});

describe('DisciplineRecorded and RewardRecorded', () => {
  const facts = { effectiveDate: '2024-09-01', reason: 'Vi phạm quy chế làm việc', decision };
  const ids = { personId: '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a10', unitCode: '25789' };

  it('carry the form, the period and the decision, and refuse a form personnel does not record', () => {
    const discipline = { ...ids, ...facts, disciplineId: '7f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a10', system: 'ADMINISTRATIVE', form: 'REPRIMAND', endsOn: '2025-03-01' };
    expect(DisciplineRecorded.payload.parse(discipline)).toEqual(discipline);
    expect(DisciplineRecorded.payload.safeParse({ ...discipline, form: 'FINE' }).success).toBe(false);
    expect(DisciplineRecorded.payload.safeParse({ ...discipline, reason: undefined }).success).toBe(false);
    const reward = { ...ids, ...facts, rewardId: '8f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a10', form: 'CERTIFICATE_OF_MERIT', title: 'Bằng khen' };
    expect(RewardRecorded.payload.parse(reward)).toEqual(reward);
    expect(RewardRecorded.payload.safeParse({ ...reward, form: 'REPRIMAND' }).success).toBe(false);
  });
});

describe('QuotaChanged v1 and the staffing proposal saga', () => {
  const proposalId = '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a13';
  const change = {
    holderKind: 'ORGANIZATION', holderId: '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a12', unitCode: '25801', previousAmount: 20, amount: 22,
    effectiveDate: '2025-03-01', reason: 'Đề án', decision,
  };

  it('parses an event written before `proposalId` existed as a change citing no proposal', () => {
    expect(contracts.QuotaChanged.payload.parse(change)).toMatchObject({ proposalId: null, ended: false });
    expect(contracts.proposalAnswerReads.quotaChanged.payload.parse(change).proposalId).toBeNull();
  });

  it('carries the proposal it carries out, and refuses one that is not an id', () => {
    expect(contracts.proposalAnswerReads.quotaChanged.payload.parse({ ...change, proposalId }).proposalId).toBe(proposalId);
    expect(contracts.QuotaChanged.payload.safeParse({ ...change, proposalId: 'đề án 1' }).success).toBe(false);
  });

  it('approves only a positive increase, naming the approver’s tier', () => {
    const approved = {
      proposalId, unitCode: '25801', organizationId: change.holderId, increase: 2, effectiveDate: '2025-03-01', reason: 'Phê duyệt đề án', decision,
      approvedBy: { userId: 'u1', username: 'admin.dautieng', role: 'district-admin', unitCode: '720', tier: 'DISTRICT' },
    };
    expect(contracts.StaffingProposalApproved.payload.parse(approved)).toEqual(approved);
    expect(contracts.StaffingProposalApproved.payload.safeParse({ ...approved, increase: 0 }).success).toBe(false);
    expect(contracts.StaffingProposalApproved.payload.safeParse({ ...approved, approvedBy: { ...approved.approvedBy, tier: 'HAMLET' } }).success).toBe(false);
  });
});
