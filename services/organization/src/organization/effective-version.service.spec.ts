import { dayBefore } from '../territory/validity';
import { isStableId, refuseBefore } from './effective-version.service';
import { Organization } from './organization.entity';

describe('effective versions', () => {
  it('answers the last day a version ending on a date was in force, across months, years and leap days', () => {
    expect(dayBefore('2026-06-01')).toBe('2026-05-31');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });

  it('accepts only well-formed stable ids, so nothing else reaches a uuid column', () => {
    expect(isStableId('0b7f6a4e-2f3c-4d5e-8a9b-1c2d3e4f5a6b')).toBe(true);
    expect(isStableId('not-an-id')).toBe(false);
    expect(isStableId("0b7f6a4e-2f3c-4d5e-8a9b-1c2d3e4f5a6b' OR 1=1")).toBe(false);
  });

  it('refuses a change dated before the current version with BAD_USER_INPUT, and allows its start day', () => {
    const current = Object.assign(new Organization(), { id: 'x', validFrom: '2026-01-01' });
    let refused: unknown;
    try {
      refuseBefore(current, '2025-12-31');
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(() => refuseBefore(current, '2026-01-01')).not.toThrow();
  });
});
