import { classifyAccess, requireVisible, type Sighting } from './access';

interface Unit {
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

const anLap: Unit = { code: '25801', name: 'Xã An Lập', validFrom: '1999-01-01', validTo: '2025-07-01' };
const seen = (version: Unit, flags: Partial<Sighting<Unit>>): Sighting<Unit> => ({
  version,
  inForce: false,
  visible: false,
  visibleWhileInForce: false,
  ...flags,
});
const subject = { noun: { vi: 'đơn vị', en: 'unit' }, asked: '25801', label: (unit: Unit) => `${unit.name} (${unit.code})` };

describe('territory access', () => {
  it('is visible when a version in force that day lies in the territory', () => {
    const access = classifyAccess([seen(anLap, { inForce: true, visible: true })], '2020-01-01');
    expect(requireVisible(access, '2020-01-01', subject)).toBe(anLap);
  });

  it('is outside the territory when in force elsewhere, and says nothing but the name', () => {
    const access = classifyAccess([seen(anLap, { inForce: true })], '2020-01-01');
    expect(() => requireVisible(access, '2020-01-01', subject)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }), message: expect.not.stringContaining('1999') }),
    );
  });

  it('says when it ended to a caller who could see it, and nothing to others', () => {
    const own = classifyAccess([seen(anLap, { visibleWhileInForce: true })], '2026-01-01');
    expect(() => requireVisible(own, '2026-01-01', subject)).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'NOT_IN_FORCE', details: expect.objectContaining({ endedOn: '2025-07-01' }) }),
        message: expect.stringContaining('Xã An Lập (25801) không có hiệu lực vào ngày 2026-01-01, đã hết hiệu lực từ 2025-07-01'),
      }),
    );
    const foreign = classifyAccess([seen(anLap, {})], '2026-01-01');
    expect(foreign.state).toBe('OUTSIDE_TERRITORY');
    expect(classifyAccess([seen(anLap, {})], '2026-01-01', true).state).toBe('NOT_IN_FORCE');
  });

  it('says when it begins for a date before it', () => {
    const access = classifyAccess([seen(anLap, { visibleWhileInForce: true })], '1990-01-01');
    expect(access).toEqual({ state: 'NOT_IN_FORCE', before: null, after: anLap });
  });

  it('is absent when no version was ever recorded', () => {
    expect(() => requireVisible(classifyAccess<Unit>([], '2020-01-01'), '2020-01-01', subject)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }), message: 'Không có đơn vị 25801 / No unit 25801' }),
    );
  });
});
