import { createEnvelope } from '@ps/events';
import { CadrePlanningChanged, PERSONNEL_TOPIC, RotationChanged } from '../index';

const decision = { number: '15-QĐ/HU', date: '2015-06-01', signer: 'Bí thư Huyện ủy' };
const id = '6f1c1f2e-8f7a-4f0e-9a53-0b1d1c9d2a10';
const personId = '0b1d1c9d-8f7a-4f0e-9a53-6f1c1f2e2a10';

describe('CadrePlanningChanged v1', () => {
  const added = {
    planningId: id, personId, action: 'ADDED' as const, titleCode: 'DISTRICT_COMMITTEE_CHAIR', unitCode: '720', termStart: 2020, termEnd: 2025,
    effectiveDate: '2015-06-01', reason: 'Quy hoạch nhiệm kỳ 2020-2025', decision,
  };

  it('is keyed by the entry on the personnel topic, with the change it was recorded on', () => {
    const envelope = createEnvelope(CadrePlanningChanged, added, { aggregateId: id });
    expect(CadrePlanningChanged.topic).toBe(PERSONNEL_TOPIC);
    expect(envelope).toMatchObject({ type: 'CadrePlanningChanged', version: 1, aggregateId: id, payload: added });
  });

  it('refuses an action it does not know and a change without its decision', () => {
    expect(CadrePlanningChanged.payload.safeParse({ ...added, action: 'MOVED' }).success).toBe(false);
    const { decision: _decision, ...withoutDecision } = added;
    expect(CadrePlanningChanged.payload.safeParse(withoutDecision).success).toBe(false);
  });
});

describe('RotationChanged v1', () => {
  const started = {
    rotationId: id, personId, action: 'STARTED' as const, fromUnitCode: '720', toUnitCode: '25801', titleCode: 'COMMUNE_PARTY_SECRETARY',
    startsOn: '2016-01-01', plannedEndOn: '2019-01-01', effectiveDate: '2016-01-01', reason: 'Luân chuyển về cơ sở', decision,
  };

  it('states where from, where to, as what and until when', () => {
    expect(RotationChanged.payload.parse(started)).toEqual(started);
  });

  it('refuses a rotation that does not say where it goes', () => {
    const { toUnitCode: _to, ...withoutDestination } = started;
    expect(RotationChanged.payload.safeParse(withoutDestination).success).toBe(false);
  });
});
