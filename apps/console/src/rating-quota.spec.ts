import { allowedCount, quotaStandings, type CountedEvaluation, type Level, type SubjectQuotas } from './rating-quota';

const CIVIL: SubjectQuotas = {
  code: 'ND48-CIVIL_SERVANT',
  appliesTo: 'CIVIL_SERVANT',
  quotas: [{ level: 'HTXS', ofLevel: 'HTT', maxPercent: 20, scope: 'AGENCY_DUTY_GROUP', article: 'Điều 5' }],
};

const rated = (level: Level | null, proposedLevel: Level | null, organizationId = 'org-a', dutyGroup = 'chuyên môn'): CountedEvaluation => ({
  subject: 'CIVIL_SERVANT', unitCode: '720', organizationId, dutyGroup, level, proposedLevel,
});

const many = (count: number, level: Level, organizationId?: string) => Array.from({ length: count }, () => rated(level, level, organizationId));

describe('rating quotas', () => {
  it('allows floor(maxPercent% of those rated the other level), in integers', () => {
    expect(allowedCount(20, 10)).toBe(2);
    expect(allowedCount(20, 9)).toBe(1);
    expect(allowedCount(20, 4)).toBe(0);
    expect(allowedCount(12.5, 8)).toBe(1);
  });

  it('flags a group over its quota, with the figures', () => {
    const [standing] = quotaStandings([CIVIL], [...many(3, 'HTXS'), ...many(10, 'HTT')]);
    expect(standing).toMatchObject({ organizationId: 'org-a', dutyGroup: 'chuyên môn', count: 3, ofCount: 10, allowed: 2, over: true, proposed: 0 });
  });

  it('counts proposals not yet decided, and says how many of the count they are', () => {
    const [standing] = quotaStandings([CIVIL], [rated(null, 'HTXS'), rated('HTXS', 'HTXS'), ...many(10, 'HTT')]);
    expect(standing).toMatchObject({ count: 2, proposed: 1, allowed: 2, over: false });
  });

  it('counts each organization and duty group apart, over-quota groups first', () => {
    const standings = quotaStandings([CIVIL], [...many(1, 'HTXS', 'org-a'), ...many(5, 'HTT', 'org-a'), ...many(1, 'HTXS', 'org-b'), ...many(1, 'HTT', 'org-b'), rated('HTXS', null, 'org-a', 'hỗ trợ')]);
    expect(standings.map((standing) => [standing.organizationId, standing.dutyGroup, standing.over])).toEqual([
      ['org-b', 'chuyên môn', true],
      ['org-a', 'hỗ trợ', true],
      ['org-a', 'chuyên môn', false],
    ]);
  });

  it('leaves out subjects without a rule set and groups without anyone at the quota level', () => {
    expect(quotaStandings([CIVIL], [{ ...rated('HTXS', 'HTXS'), subject: 'PARTY_MEMBER' }, ...many(3, 'HTT')])).toEqual([]);
  });
});
