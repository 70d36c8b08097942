import { canWrite, signedInFrom } from './principal';

describe('who is signed in, from the access token', () => {
  it('takes the highest tier and the strongest capability among the platform roles', () => {
    const who = signedInFrom({ preferred_username: 'admin.dautieng', name: 'Quản trị Dầu Tiếng', unit_code: '720', realm_access: { roles: ['offline_access', 'district-viewer', 'district-admin'] } });
    expect(who).toEqual({ username: 'admin.dautieng', fullName: 'Quản trị Dầu Tiếng', unitCode: '720', tier: 'DISTRICT', capability: 'admin', body: null });
    expect(who && canWrite(who)).toBe(true);
  });

  it('reads a viewer as not writing, and an account without unit or platform role as none', () => {
    const viewer = signedInFrom({ preferred_username: 'viewer.dinhan', unit_code: '25789', body: 'HOME_AFFAIRS', realm_access: { roles: ['commune-viewer'] } });
    expect(viewer).toMatchObject({ tier: 'COMMUNE', capability: 'viewer', body: 'HOME_AFFAIRS', fullName: 'viewer.dinhan' });
    expect(viewer && canWrite(viewer)).toBe(false);
    expect(signedInFrom({ unit_code: '720', realm_access: { roles: ['default-roles-political-system'] } })).toBeNull();
    expect(signedInFrom({ realm_access: { roles: ['district-admin'] } })).toBeNull();
    expect(signedInFrom(undefined)).toBeNull();
  });
});
