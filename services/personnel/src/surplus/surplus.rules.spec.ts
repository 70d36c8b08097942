import { surplusOf } from './surplus.rules';

const rule = { reductionPercent: 20, withinMonths: 60, source: 'Nghị định 178/2024/NĐ-CP' };

describe('surplusOf', () => {
  it('counts the heads over the quota and the reduction owed within five years', () => {
    expect(surplusOf({ quota: 22, headcountBefore: 31, headcountAfter: 30 }, '2025-07-01', rule)).toEqual({
      surplus: 8, targetHeadcount: 24, toShed: 6, dueBy: '2030-07-01',
    });
  });

  it('owes nothing under the quota and the target', () => {
    expect(surplusOf({ quota: 40, headcountBefore: 10, headcountAfter: 7 }, '2025-07-01', rule)).toMatchObject({ surplus: 0, targetHeadcount: 8, toShed: 0 });
  });

  it('has no surplus without a quota, and no target without a rule in force', () => {
    expect(surplusOf({ quota: null, headcountBefore: 5, headcountAfter: 5 }, '2024-07-01', null)).toEqual({ surplus: null, targetHeadcount: null, toShed: null, dueBy: null });
  });
});
