import { Tier } from '../unit/unit.entity';
import type { OfficialUnit } from './official-tree.parser';
import { planClosures, planVersions, type StoredVersion } from './version.plan';

const unit = (code: string, path: string, tier = Tier.COMMUNE, name = `Xã ${code}`): OfficialUnit => ({
  code,
  name,
  tier,
  parentCode: path.includes('.') ? path.split('.').slice(-2)[0] : null,
  path,
});
const stored = (of: OfficialUnit, validFrom: string, validTo: string | null = null): StoredVersion => ({
  ...of,
  id: `${of.code}@${validFrom}`,
  validFrom,
  validTo,
});

describe('planVersions', () => {
  const anLap = unit('25801', '74.720.25801');

  it('leaves a unit already in force on the date (the 1999 demo seed) and adds the others', () => {
    const existing = new Map([['25801', [stored(anLap, '1999-01-01')]]]);
    const { insert, present } = planVersions([anLap, unit('25807', '74.720.25807')], existing, '2025-01-01');
    expect(present.map((u) => u.code)).toEqual(['25801']);
    expect(insert).toEqual([expect.objectContaining({ code: '25807', validFrom: '2025-01-01', validTo: null })]);
  });

  it('ends a new version where a later recorded version begins', () => {
    const existing = new Map([['25801', [stored(anLap, '2025-07-01')]]]);
    expect(planVersions([anLap], existing, '2025-01-01').insert[0].validTo).toBe('2025-07-01');
  });

  it('adds a version after a gap (the earlier version ended before the date)', () => {
    const existing = new Map([['25801', [stored(anLap, '1999-01-01', '2000-01-01')]]]);
    expect(planVersions([anLap], existing, '2025-01-01').insert).toHaveLength(1);
  });
});

describe('planClosures', () => {
  const hcmc = unit('79', '79', Tier.PROVINCE, 'Thành phố Hồ Chí Minh');
  const target = new Map([
    ['79', hcmc],
    ['25807', unit('25807', '79.25807')],
  ]);

  it('ends open versions that do not carry on unchanged, keeps those that do', () => {
    const versions = [
      stored(hcmc, '2025-01-01'),
      stored(unit('74', '74', Tier.PROVINCE), '1997-01-01'),
      stored(unit('720', '74.720', Tier.DISTRICT), '1999-01-01'),
      stored(unit('25807', '74.720.25807'), '1999-01-01'),
    ];
    expect(planClosures(versions, target, '2025-07-01').map((v) => v.code)).toEqual(['74', '720', '25807']);
  });

  it('leaves closed versions, versions from the date on, and hamlets alone', () => {
    const versions = [
      stored(unit('74', '74', Tier.PROVINCE), '1997-01-01', '2025-07-01'),
      stored(unit('25899', '79.25899'), '2026-01-01'),
      stored(unit('25807', '79.25807'), '2025-07-01'),
      stored(unit('25801_1', '74.720.25801.25801_1', Tier.HAMLET), '2000-01-01'),
    ];
    expect(planClosures(versions, target, '2025-07-01')).toEqual([]);
  });

  it('ends a version whose name changed even though the code and place stay', () => {
    const renamed = stored({ ...hcmc, name: 'Thành phố Sài Gòn' }, '2025-01-01');
    expect(planClosures([renamed], target, '2025-07-01')).toEqual([renamed]);
  });
});
