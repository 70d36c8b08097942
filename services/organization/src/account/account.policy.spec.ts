import type { Principal } from '@ps/auth';
import { DomainError } from '@ps/errors';
import { GRANTABLE_ROLES, grantableRole, isPlatformRole, requireGrantable, requireManaged } from './account.policy';

const caller = (tier: Principal['tier'], unitCode: string, capability: Principal['capability'] = 'admin'): Principal => ({
  userId: 'caller-id',
  username: 'caller',
  role: `${tier.toLowerCase()}-${capability}`,
  unitCode,
  tier,
  capability,
  roles: [`${tier.toLowerCase()}-${capability}`],
  body: null,
});
const province = caller('PROVINCE', '74');
const district = caller('DISTRICT', '720');
const anLap = { code: '25801', name: 'Xã An Lập', tier: 'COMMUNE' as const };
const binhDuong = { code: '74', name: 'Tỉnh Bình Dương', tier: 'PROVINCE' as const };
const dauTieng = { code: '720', name: 'Huyện Dầu Tiếng', tier: 'DISTRICT' as const };

/** The code and reason a rule refuses with, or null when it lets the call through. */
const refusal = (rule: () => void) => {
  try {
    rule();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, reason: (error.extensions.details as { reason?: string }).reason };
  }
};

describe('which roles an administrator may grant', () => {
  it('knows the nine roles of the three tiers and refuses the centre’s and unknown ones', () => {
    expect(GRANTABLE_ROLES).toHaveLength(9);
    expect(grantableRole(' commune-admin ')).toEqual({ name: 'commune-admin', tier: 'COMMUNE', capability: 'admin' });
    for (const role of ['national-recorder', 'province-recorder', 'mayor', 'commune-admins']) {
      expect(refusal(() => grantableRole(role))).toEqual({ code: 'BAD_USER_INPUT', reason: 'ROLE_UNKNOWN' });
    }
  });

  it('lets a province administrator appoint a commune’s administrator, and a district’s', () => {
    expect(refusal(() => requireGrantable(province, grantableRole('commune-admin'), anLap))).toBeNull();
    expect(refusal(() => requireGrantable(province, grantableRole('district-admin'), dauTieng))).toBeNull();
    expect(refusal(() => requireGrantable(province, grantableRole('province-officer'), binhDuong))).toBeNull();
  });

  it('refuses a role above the caller, a role of another tier than the unit’s, and a peer administrator', () => {
    expect(refusal(() => requireGrantable(district, grantableRole('province-admin'), binhDuong))).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_ABOVE_CALLER' });
    expect(refusal(() => requireGrantable(province, grantableRole('district-viewer'), anLap))).toEqual({ code: 'BAD_USER_INPUT', reason: 'ROLE_TIER_MISMATCH' });
    expect(refusal(() => requireGrantable(province, grantableRole('province-admin'), binhDuong))).toEqual({ code: 'FORBIDDEN', reason: 'OWN_UNIT_ADMIN' });
    expect(refusal(() => requireGrantable(district, grantableRole('district-officer'), dauTieng))).toBeNull();
  });
});

describe('which accounts an administrator manages', () => {
  const account = (roles: string[], unitCode = '25801', id = 'someone') => ({ id, username: 'someone', unitCode, roles });

  it('manages accounts below, and its own unit’s officers and viewers', () => {
    expect(refusal(() => requireManaged(province, account(['commune-admin', 'default-roles-political-system'])))).toBeNull();
    expect(refusal(() => requireManaged(province, account(['province-viewer'], '74')))).toBeNull();
    expect(refusal(() => requireManaged(district, account([], '25801')))).toBeNull();
  });

  it('does not manage itself, a peer administrator, an account above, or the centre’s recorder', () => {
    const notManaged = { code: 'FORBIDDEN', reason: 'ACCOUNT_NOT_MANAGED' };
    expect(refusal(() => requireManaged(province, account(['commune-viewer'], '25801', 'caller-id')))).toEqual(notManaged);
    expect(refusal(() => requireManaged(province, account(['province-admin'], '74')))).toEqual(notManaged);
    expect(refusal(() => requireManaged(district, account(['province-viewer'], '74')))).toEqual(notManaged);
    expect(refusal(() => requireManaged(province, account(['national-recorder'], 'VN')))).toEqual(notManaged);
  });

  it('reads only platform roles as roles it grants and takes away', () => {
    expect(['commune-admin', 'national-recorder', 'offline_access', 'second-factor-required'].filter(isPlatformRole)).toEqual(['commune-admin', 'national-recorder']);
  });
});
