import { hasCapability, isHigherTier, platformRoles } from './principal';
import { principalFromClaims } from './verifier';

describe('platform roles', () => {
  it('reads tier and capability from tier-capability roles and ignores others', () => {
    expect(platformRoles(['district-admin', 'offline_access', 'commune-viewer', 'national-recorder'])).toEqual([
      { tier: 'DISTRICT', capability: 'admin' },
      { tier: 'COMMUNE', capability: 'viewer' },
      { tier: 'NATIONAL', capability: 'recorder' },
    ]);
  });

  it('orders capabilities admin ⊇ officer ⊇ viewer', () => {
    expect(hasCapability({ capability: 'admin' }, 'officer')).toBe(true);
    expect(hasCapability({ capability: 'officer' }, 'officer')).toBe(true);
    expect(hasCapability({ capability: 'viewer' }, 'officer')).toBe(false);
  });

  it('lets a recorder read and record, but not act as an officer', () => {
    expect(hasCapability({ capability: 'recorder' }, 'viewer')).toBe(true);
    expect(hasCapability({ capability: 'recorder' }, 'recorder')).toBe(true);
    expect(hasCapability({ capability: 'recorder' }, 'officer')).toBe(false);
    expect(hasCapability({ capability: 'admin' }, 'recorder')).toBe(false);
  });

  it('compares tiers strictly', () => {
    expect(isHigherTier('PROVINCE', 'DISTRICT')).toBe(true);
    expect(isHigherTier('DISTRICT', 'DISTRICT')).toBe(false);
    expect(isHigherTier('COMMUNE', 'DISTRICT')).toBe(false);
    expect(isHigherTier('NATIONAL', 'PROVINCE')).toBe(true);
  });
});

describe('principalFromClaims', () => {
  it('takes the highest tier and its strongest capability', () => {
    const principal = principalFromClaims({
      sub: 'u1',
      preferred_username: 'admin.dautieng',
      unit_code: '720',
      realm_access: { roles: ['commune-admin', 'district-viewer', 'district-officer'] },
    });
    expect(principal).toMatchObject({ tier: 'DISTRICT', capability: 'officer', unitCode: '720', role: 'district-officer' });
  });

  it('gives the national recorder the whole country only with unit_code VN', () => {
    const claims = { sub: 'u2', realm_access: { roles: ['national-recorder'] } };
    expect(principalFromClaims({ ...claims, unit_code: 'VN' })).toMatchObject({ tier: 'NATIONAL', capability: 'recorder' });
    expect(() => principalFromClaims({ ...claims, unit_code: '79' })).toThrow(/unit_code VN/);
  });

  it('refuses a token without a platform role or without unit_code', () => {
    expect(() => principalFromClaims({ unit_code: '720', realm_access: { roles: ['offline_access'] } })).toThrow(
      /role/,
    );
    expect(() => principalFromClaims({ realm_access: { roles: ['district-admin'] } })).toThrow(/unit_code/);
  });

  it('reads the body the caller works in, none when the claim is absent or empty', () => {
    const claims = { sub: 'u3', unit_code: '720', realm_access: { roles: ['district-officer'] } };
    expect(principalFromClaims({ ...claims, body: 'ORGANIZATION_BOARD' }).body).toBe('ORGANIZATION_BOARD');
    expect(principalFromClaims({ ...claims, body: 'HOME_AFFAIRS' }).body).toBe('HOME_AFFAIRS');
    expect(principalFromClaims(claims).body).toBeNull();
    expect(principalFromClaims({ ...claims, body: '' }).body).toBeNull();
  });

  it.each([['organization_board'], ['PARTY_COMMITTEE'], [['HOME_AFFAIRS']], [7]])('refuses the body %j with FORBIDDEN BODY_UNKNOWN, Vietnamese first', (body) => {
    const claims = { sub: 'u4', unit_code: '720', realm_access: { roles: ['district-officer'] }, body };
    expect(() => principalFromClaims(claims)).toThrow(/^Tài khoản có cơ quan \(body\) không hợp lệ: chỉ nhận ORGANIZATION_BOARD, HOME_AFFAIRS/);
    try {
      principalFromClaims(claims);
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'BODY_UNKNOWN' } });
    }
    expect.assertions(2);
  });
});
