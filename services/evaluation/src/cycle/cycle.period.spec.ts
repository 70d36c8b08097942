import { CycleKind } from './cycle.kinds';
import { checkCyclePeriod, dayOfPeriod, daysIn } from './cycle.period';

const refusal = (reason: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ reason }) }) });

describe('checkCyclePeriod', () => {
  it.each([
    [CycleKind.MONTHLY, '2026-02-01', '2026-02-28'],
    [CycleKind.MONTHLY, '2028-02-01', '2028-02-29'],
    [CycleKind.QUARTERLY, '2026-10-01', '2026-12-31'],
    [CycleKind.ANNUAL, '2026-01-01', '2026-12-31'],
  ])('accepts a %s cycle from %s to %s', (kind, from, to) => {
    expect(checkCyclePeriod(kind, { from, to })).toEqual({ from, to });
  });

  it.each([
    [CycleKind.MONTHLY, '2026-02-02', '2026-02-28', 'PERIOD_START'],
    [CycleKind.QUARTERLY, '2026-02-01', '2026-04-30', 'PERIOD_START'],
    [CycleKind.ANNUAL, '2026-07-01', '2027-06-30', 'PERIOD_START'],
    [CycleKind.MONTHLY, '2026-02-01', '2026-03-01', 'PERIOD_END'],
    [CycleKind.QUARTERLY, '2026-04-01', '2026-06-29', 'PERIOD_END'],
    [CycleKind.ANNUAL, '2026-01-01', '2026-12-30', 'PERIOD_END'],
  ])('refuses a %s cycle from %s to %s (%s)', (kind, from, to, reason) => {
    expect(() => checkCyclePeriod(kind, { from, to })).toThrow(refusal(reason));
  });
});

describe('days of a period', () => {
  it('counts both ends', () => {
    expect(daysIn({ from: '2026-02-01', to: '2026-02-28' })).toBe(28);
    expect(daysIn({ from: '2026-01-01', to: '2026-12-31' })).toBe(365);
  });

  it('places a deadline day in the period, the last day when none is given or the month is shorter', () => {
    const february = { from: '2026-02-01', to: '2026-02-28' };
    expect(dayOfPeriod(february, 1)).toBe('2026-02-01');
    expect(dayOfPeriod(february, 10)).toBe('2026-02-10');
    expect(dayOfPeriod(february, 31)).toBe('2026-02-28');
    expect(dayOfPeriod(february, null)).toBe('2026-02-28');
    expect(dayOfPeriod({ from: '2026-04-01', to: '2026-06-30' }, 45)).toBe('2026-05-15');
  });
});
