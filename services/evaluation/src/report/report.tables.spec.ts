import { RatingLevel } from '../rating/rating.entity';
import { distributionOf, ratingReportOf, type ReportCount } from './report.tables';

const OFFICE = 'office';
const NAMES: Record<string, string> = { [OFFICE]: 'Văn phòng HĐND và UBND xã An Lập' };
const count = (rowCode: string, organizationId: string, leader: boolean, level: RatingLevel, n: number): ReportCount => ({
  rowCode, unitCode: rowCode, unitName: rowCode === '720' ? 'Huyện Dầu Tiếng' : 'Xã An Lập', organizationId, organizationName: NAMES[organizationId] ?? null, leader, level, count: n,
});

describe('distributionOf', () => {
  it('counts per level with shares in percent to two decimals', () => {
    expect(distributionOf([{ level: RatingLevel.HTXS, count: 1 }, { level: RatingLevel.HTT, count: 2 }])).toEqual({
      excellent: 1, good: 2, completed: 0, notCompleted: 0, total: 3, excellentShare: 33.33, goodShare: 66.67, completedShare: 0, notCompletedShare: 0,
    });
  });

  it('gives zero shares when nobody was rated', () => {
    expect(distributionOf([])).toMatchObject({ total: 0, excellentShare: 0, notCompletedShare: 0 });
  });
});

describe('ratingReportOf', () => {
  const report = ratingReportOf({
    unit: { code: '720', name: 'Huyện Dầu Tiếng' },
    children: [{ code: '25801', name: 'Xã An Lập' }, { code: '25789', name: 'Xã Định An' }],
    year: 2025,
    asOf: '2026-01-31',
    counts: [count('25801', OFFICE, true, RatingLevel.HTT, 1), count('25801', OFFICE, false, RatingLevel.KHTNV, 1), count('25801', OFFICE, false, RatingLevel.HTT, 3)],
    leaders: [{ organizationId: OFFICE, personId: 'p', fullName: 'Lê Văn Trưởng', titleCode: 'CHU_TICH', level: RatingLevel.HTT }],
  });

  it('lists the unit’s own agencies and every unit below it, also those with nobody rated', () => {
    expect(report.units.map((row) => [row.unitCode, row.ownAgencies, row.ratings.total])).toEqual([['720', true, 0], ['25801', false, 5], ['25789', false, 0]]);
    expect(report.total).toMatchObject({ good: 4, notCompleted: 1, total: 5 });
  });

  it('holds each head to the staff’s levels, leaders left out, and flags staff who did not complete', () => {
    expect(report.heads).toEqual([
      expect.objectContaining({ organizationId: OFFICE, leaders: [expect.objectContaining({ fullName: 'Lê Văn Trưởng', level: 'HTT' })],
        staff: expect.objectContaining({ good: 3, notCompleted: 1, total: 4, notCompletedShare: 25 }), staffNotCompleted: true }),
    ]);
    expect(report.organizations).toEqual([expect.objectContaining({ organizationId: OFFICE, organization: { id: OFFICE }, ratings: expect.objectContaining({ total: 5 }) })]);
  });

  it('names each organization and each head’s organization as the counts read them', () => {
    expect(report.organizations.map((row) => row.organizationName)).toEqual(['Văn phòng HĐND và UBND xã An Lập']);
    expect(report.heads.map((row) => row.organizationName)).toEqual(['Văn phòng HĐND và UBND xã An Lập']);
  });

  it('lists a unit’s organizations by name, those without a known name last', () => {
    const named = (organizationId: string, organizationName: string | null): ReportCount => ({ ...count('25801', organizationId, false, RatingLevel.HTT, 1), organizationName });
    const rows = ratingReportOf({
      unit: { code: '25801', name: 'Xã An Lập' }, children: [], year: 2025, asOf: '2026-01-31', leaders: [],
      counts: [named('c', null), named('a', 'Ủy ban Mặt trận Tổ quốc xã An Lập'), named('b', 'Đảng ủy xã An Lập')],
    }).organizations;
    expect(rows.map((row) => [row.organizationId, row.organizationName])).toEqual([['b', 'Đảng ủy xã An Lập'], ['a', 'Ủy ban Mặt trận Tổ quốc xã An Lập'], ['c', null]]);
  });
});
