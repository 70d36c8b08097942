import { dayBefore, isIsoDate, todayInVietnam, yearEnds } from './dates';

describe('dates as the platform writes them', () => {
  it('answers today in Vietnam: 17:00 UTC is already the next day there', () => {
    expect(todayInVietnam(new Date('2026-12-05T16:59:59Z'))).toBe('2026-12-05');
    expect(todayInVietnam(new Date('2026-12-05T17:00:00Z'))).toBe('2026-12-06');
  });

  it('gives a ceased unit’s last day, across months and leap years', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2000-01-01')).toBe('1999-12-31');
  });

  it('lists year ends and accepts only real calendar dates', () => {
    expect(yearEnds(1999, 2001)).toEqual(['1999-12-31', '2000-12-31', '2001-12-31']);
    expect(yearEnds(2001, 1999)).toEqual([]);
    expect(isIsoDate('1999-12-31')).toBe(true);
    expect(isIsoDate('1999-02-30')).toBe(false);
    expect(isIsoDate('31/12/1999')).toBe(false);
  });
});
