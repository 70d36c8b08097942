import type { Principal } from './principal';
import { TerritoryGuard } from './territory-guard';

const principal: Principal = {
  userId: 'u1',
  username: 'admin.dautieng',
  tier: 'DISTRICT',
  capability: 'admin',
  unitCode: '720',
  roles: ['district-admin'],
};

describe('TerritoryGuard', () => {
  const guard = new TerritoryGuard({
    table: 'administrative_unit',
    codeColumn: 'code',
    pathColumn: 'path',
    currentCondition: (alias) => `${alias}.valid_to IS NULL`,
    validFromColumn: 'valid_from',
  });

  it('scopes to the current version of the caller’s unit', () => {
    const { sql, parameters } = guard.condition(principal, 'u.path');
    expect(sql).toBe(
      'u.path <@ (SELECT scope.path FROM administrative_unit scope WHERE scope.code = :territoryScope AND scope.valid_to IS NULL LIMIT 1)',
    );
    expect(parameters).toEqual({ territoryScope: '720' });
  });

  it('scopes to the version in force on a date, or the last one before it', () => {
    const { sql, parameters } = guard.condition(principal, 'u.path', { asOf: '1999-12-31' });
    expect(sql).toContain('scope.valid_from <= :territoryScopeAsOf ORDER BY scope.valid_from DESC LIMIT 1');
    expect(parameters).toEqual({ territoryScope: '720', territoryScopeAsOf: '1999-12-31' });
  });
});
