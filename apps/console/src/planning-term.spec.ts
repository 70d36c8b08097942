import { isTerm, planningUnits, plannedTermOn } from './planning-term';

describe('the planning term a person file looks at', () => {
  it('is the next term: planning made during 2010-2015 is for 2015-2020', () => {
    expect(plannedTermOn('2014-06-30')).toBe('2015-2020');
    expect(plannedTermOn('2013-10-01')).toBe('2015-2020');
    expect(plannedTermOn('2026-03-01')).toBe('2030-2035');
  });

  it('reads a term as the gateway does: five years, two four-digit years', () => {
    expect(isTerm('2025-2030')).toBe(true);
    expect(isTerm(' 2025 – 2030 ')).toBe(true);
    expect(isTerm('2025-2031')).toBe(false);
    expect(isTerm('2025')).toBe(false);
  });

  it('asks the lists of the units from the person’s up to the caller’s own, not above', () => {
    expect(planningUnits(['25801', '720', '79'], '720')).toEqual(['25801', '720']);
    expect(planningUnits(['25801', '720', '79'], '25801')).toEqual(['25801']);
    expect(planningUnits(['25801', '720', '79'], 'VN')).toEqual(['25801', '720', '79']);
  });
});
