import { asOfDate, dayBefore, inForceOn, isInForce, isOpenVersion, notEndedBy, periodsOverlap, todayInVietnam } from './validity';

describe('the in-force condition', () => {
  it('is valid_from inclusive, valid_to exclusive, in SQL', () => {
    expect(inForceOn('unit', ':asOf')).toBe(
      '(unit.valid_from <= :asOf AND (unit.valid_to IS NULL OR unit.valid_to > :asOf))',
    );
    expect(notEndedBy('', '$2')).toBe('(valid_to IS NULL OR valid_to > $2)');
    expect(isOpenVersion('org')).toBe('org.valid_to IS NULL');
  });

  it('agrees in memory: in force on its first day, not on its end date', () => {
    const period = { validFrom: '2025-07-01', validTo: '2026-01-01' };
    expect(isInForce(period, '2025-06-30')).toBe(false);
    expect(isInForce(period, '2025-07-01')).toBe(true);
    expect(isInForce(period, '2025-12-31')).toBe(true);
    expect(isInForce(period, '2026-01-01')).toBe(false);
    expect(isInForce({ validFrom: '1999-01-01', validTo: null }, '2999-01-01')).toBe(true);
  });

  it('finds periods that share a day: one ending the day the other starts shares none', () => {
    const old = { validFrom: '2020-08-01', validTo: '2026-01-01' };
    expect(periodsOverlap(old, { validFrom: '2026-01-01', validTo: null })).toBe(false);
    expect(periodsOverlap(old, { validFrom: '2025-12-31', validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: '2026-01-01', validTo: null }, { validFrom: '2030-01-01', validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: '2019-01-01', validTo: '2020-08-01' }, old)).toBe(false);
  });
});

describe('dates', () => {
  it('steps back a day across months and leap years', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2000-01-01')).toBe('1999-12-31');
  });

  it('takes today in Vietnam (UTC+7) when no date is asked', () => {
    expect(todayInVietnam(new Date('2026-11-30T17:30:00Z'))).toBe('2026-12-01');
    expect(asOfDate('1999-12-31')).toBe('1999-12-31');
    expect(asOfDate(null)).toBe(todayInVietnam());
  });

  it('turns the day at midnight in Vietnam (17:00 UTC), across a year end', () => {
    expect(todayInVietnam(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
    expect(todayInVietnam(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01');
    expect(todayInVietnam(new Date('2026-01-01T16:59:59.999Z'))).toBe('2026-01-01');
  });

  it('builds no date formatter per call', () => {
    const built = jest.spyOn(Intl, 'DateTimeFormat');
    for (let call = 0; call < 3; call += 1) todayInVietnam();
    expect(built).not.toHaveBeenCalled();
    built.mockRestore();
  });
});
