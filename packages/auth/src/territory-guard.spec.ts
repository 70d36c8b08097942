import type { Principal } from './principal';
import { TerritoryGuard } from './territory-guard';

const principal: Principal = {
  userId: 'u1',
  username: 'admin.dautieng',
  role: 'district-admin',
  tier: 'DISTRICT',
  capability: 'admin',
  unitCode: '720',
  roles: ['district-admin'],
  body: null,
};

describe('TerritoryGuard', () => {
  const guard = new TerritoryGuard({ table: 'administrative_unit', codeColumn: 'code', pathColumn: 'path' });

  it('scopes to the caller’s unit as it stood on the date, or as it last stood before it', () => {
    const { sql, parameters } = guard.condition(principal, 'u.path', '1999-12-31');
    expect(sql).toBe(
      'u.path <@ (SELECT scope.path FROM administrative_unit scope WHERE scope.code = :territoryScope ' +
        'AND scope.valid_from <= :territoryScopeAsOf ORDER BY scope.valid_from DESC LIMIT 1)',
    );
    expect(parameters).toEqual({ territoryScope: '720', territoryScopeAsOf: '1999-12-31' });
  });

  it('takes the date from a column when each row has its own', () => {
    const { sql, parameters } = guard.conditionAt(principal, 'u.path', 'u.valid_from', 'then');
    expect(sql).toContain('scope.valid_from <= u.valid_from');
    expect(parameters).toEqual({ then: '720' });
  });

  it('lets the centre see the whole country', () => {
    const centre: Principal = { ...principal, tier: 'NATIONAL', capability: 'recorder', role: 'national-recorder', unitCode: 'VN' };
    expect(guard.condition(centre, 'u.path', '2025-07-01')).toEqual({ sql: 'TRUE', parameters: {} });
  });
});
