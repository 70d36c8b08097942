import {
  checkDates,
  findBreach,
  type AllocationScope,
  type Placement,
  type ProposedQuota,
  type QuotaVersion,
} from './quota.allocation';

const placed = (holder: string, ceilingHolder: string | null, validFrom = '2020-01-01', validTo: string | null = null): Placement => ({
  holder,
  ceilingHolder,
  validFrom,
  validTo,
});
const quota = (holder: string, amount: number, validFrom = '2020-01-01', validTo: string | null = null): QuotaVersion => ({
  holder,
  amount,
  validFrom,
  validTo,
});
const propose = (entries: Array<[string, number] | [string, number, string]>): Map<string, ProposedQuota> =>
  new Map(entries.map(([holder, amount, until]) => [holder, { amount, until: until ?? null }]));

// Dầu Tiếng (720) under Bình Dương (74); UBND huyện and two communes under 720; two departments under UBND.
const tree: Placement[] = [
  placed('UNIT:74', null),
  placed('UNIT:720', 'UNIT:74'),
  placed('UNIT:25801', 'UNIT:720'),
  placed('UNIT:25789', 'UNIT:720'),
  placed('ORG:ubnd', 'UNIT:720'),
  placed('ORG:noivu', 'ORG:ubnd'),
  placed('ORG:taichinh', 'ORG:ubnd'),
];
const scope = (quotas: QuotaVersion[], placements = tree): AllocationScope => ({ placements, quotas });
const allocated = [
  quota('UNIT:74', 500),
  quota('UNIT:720', 120),
  quota('UNIT:25801', 20),
  quota('ORG:ubnd', 80),
  quota('ORG:noivu', 10),
];

describe('findBreach', () => {
  it('lets a child take what its parent has left', () => {
    expect(findBreach(scope(allocated), propose([['UNIT:25789', 20]]), '2025-01-01')).toBeNull();
  });

  it('refuses a child above what its parent has left, naming ceiling and siblings', () => {
    expect(findBreach(scope(allocated), propose([['UNIT:25789', 21]]), '2025-01-01')).toEqual({
      rule: 'CEILING',
      holder: 'UNIT:25789',
      requested: 21,
      date: '2025-01-01',
      ceilingHolder: 'UNIT:720',
      ceiling: 120,
      allocatedToSiblings: 100,
    });
  });

  it('refuses lowering a holder below what it has allocated to its children', () => {
    expect(findBreach(scope(allocated), propose([['UNIT:720', 99]]), '2025-01-01')).toEqual({
      rule: 'ALLOCATED',
      holder: 'UNIT:720',
      requested: 99,
      date: '2025-01-01',
      allocatedToChildren: 100,
    });
  });

  it('counts a missing ceiling quota as 0 and leaves a root unit uncapped', () => {
    const withoutDistrict = allocated.filter((version) => version.holder !== 'UNIT:720' && version.holder !== 'UNIT:25801');
    expect(findBreach(scope(withoutDistrict), propose([['UNIT:25801', 1]]), '2025-01-01')).toMatchObject({ ceiling: 0 });
    expect(findBreach(scope(allocated), propose([['UNIT:74', 100_000]]), '2025-01-01')).toBeNull();
  });

  it('moves between siblings without touching the parent’s total', () => {
    expect(findBreach(scope(allocated), propose([['ORG:noivu', 0], ['ORG:taichinh', 10]]), '2025-01-01')).toBeNull();
    expect(findBreach(scope(allocated), propose([['ORG:noivu', -1], ['ORG:taichinh', 11]]), '2025-01-01')).toMatchObject({
      rule: 'ALLOCATED',
      holder: 'ORG:noivu',
    });
  });

  it('checks a parent that gives to its own child against its own remaining quota', () => {
    // UBND 80 → 70 and Nội vụ 10 → 20: UBND's children then hold 20 ≤ 70.
    expect(findBreach(scope(allocated), propose([['ORG:ubnd', 70], ['ORG:noivu', 20]]), '2025-01-01')).toBeNull();
    expect(findBreach(scope(allocated), propose([['ORG:ubnd', 15], ['ORG:noivu', 75]]), '2025-01-01')).toMatchObject({
      rule: 'ALLOCATED',
      holder: 'ORG:ubnd',
      allocatedToChildren: 75,
    });
  });

  it('finds a breach on a later date where a sibling’s future version starts', () => {
    const later = [...allocated, quota('UNIT:25789', 0, '2020-01-01', '2026-01-01'), quota('UNIT:25789', 15, '2026-01-01')];
    expect(findBreach(scope(later), propose([['UNIT:25801', 30]]), '2025-01-01')).toMatchObject({
      rule: 'CEILING',
      date: '2026-01-01',
      allocatedToSiblings: 95,
    });
  });

  it('follows a child that moves under another parent on a later date', () => {
    const moved = [
      ...tree.filter((p) => p.holder !== 'ORG:noivu'),
      placed('ORG:noivu', 'ORG:ubnd', '2020-01-01', '2026-01-01'),
      placed('ORG:noivu', 'UNIT:720', '2026-01-01'),
    ];
    // From 2026 Nội vụ's 10 also count against 720's 120 (80 + 20 + 10 given): 25789 may hold 10, not 11.
    expect(findBreach(scope(allocated, moved), propose([['UNIT:25789', 10]]), '2025-01-01')).toBeNull();
    expect(findBreach(scope(allocated, moved), propose([['UNIT:25789', 11]]), '2025-01-01')).toMatchObject({ date: '2026-01-01' });
  });

  it('applies a new amount only until the end of the version it replaces', () => {
    const closing = [...allocated.filter((v) => v.holder !== 'UNIT:25801'), quota('UNIT:25801', 20, '2020-01-01', '2026-01-01')];
    const dated = [
      ...closing.filter((v) => v.holder !== 'UNIT:720'),
      quota('UNIT:720', 120, '2020-01-01', '2026-01-01'),
      quota('UNIT:720', 90, '2026-01-01'),
    ];
    // 25801 may hold 40 in 2025 (120 − 80 = 40 left) because its new version ends with 2025, when 720 drops to 90.
    expect(findBreach(scope(dated), propose([['UNIT:25801', 40, '2026-01-01']]), '2025-01-01')).toBeNull();
    expect(findBreach(scope(dated), propose([['UNIT:25801', 40]]), '2025-01-01')).toMatchObject({ date: '2026-01-01', ceiling: 90 });
  });
});

describe('checkDates', () => {
  it('is the change date and every later start or end, once each, in order', () => {
    const versions = [quota('A', 1, '2019-01-01', '2026-01-01'), quota('A', 2, '2026-01-01')];
    const dates = checkDates(scope(versions, [placed('A', null, '2024-06-01', '2027-01-01')]), '2025-01-01');
    expect(dates).toEqual(['2025-01-01', '2026-01-01', '2027-01-01']);
  });
});
