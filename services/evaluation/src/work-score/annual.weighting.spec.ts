import { annualWeighting, type ScoredPeriod } from './annual.weighting';

const quarter = (q: number, points: number, extra: Partial<ScoredPeriod> = {}): ScoredPeriod => {
  const bounds = [['01-01', '03-31'], ['04-01', '06-30'], ['07-01', '09-30'], ['10-01', '12-31']][q - 1];
  return { cycleId: `q${q}`, unitCode: '25807', from: `2026-${bounds[0]}`, to: `2026-${bounds[1]}`, points, leaveDays: 0, ...extra };
};

describe('annualWeighting', () => {
  it('weights each period by its days when nobody was on leave', () => {
    // (80·90 + 90·91 + 70·92 + 100·92) / 365
    expect(annualWeighting([quarter(1, 80), quarter(2, 90), quarter(3, 70), quarter(4, 100)])).toMatchObject({ points: 85.01, daysWorked: 365 });
  });

  it('counts leave on the days actually worked: a period mostly on leave weighs little', () => {
    const weighting = annualWeighting([quarter(1, 90), quarter(2, 40, { leaveDays: 81 })]);
    // (90·90 + 40·10) / 100
    expect(weighting).toMatchObject({ points: 85, daysWorked: 100 });
    expect(weighting.periods.map((period) => period.daysWorked)).toEqual([90, 10]);
  });

  it('keeps the scores a transferred person earned in the old agency', () => {
    const weighting = annualWeighting([quarter(3, 60, { unitCode: '25807' }), quarter(1, 90, { unitCode: '25801' }), quarter(2, 90, { unitCode: '25801' })]);
    expect(weighting.periods.map((period) => [period.unitCode, period.cycleId])).toEqual([['25801', 'q1'], ['25801', 'q2'], ['25807', 'q3']]);
    // (90·90 + 90·91 + 60·92) / 273
    expect(weighting.points).toBe(79.89);
  });

  it('has no score when no day was worked, and refuses periods that overlap', () => {
    expect(annualWeighting([quarter(1, 90, { leaveDays: 90 })])).toMatchObject({ points: null, daysWorked: 0 });
    expect(annualWeighting([])).toMatchObject({ points: null, periods: [] });
    expect(() => annualWeighting([quarter(1, 90), { ...quarter(1, 80), cycleId: 'm3', from: '2026-03-01' }])).toThrow(/overlap/);
  });
});
