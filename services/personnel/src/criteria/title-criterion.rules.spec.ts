import type { PersonFacts } from '../facts/person-facts';
import { Gender, PersonnelCategory } from '../person/person.kinds';
import type { Retirement } from '../retirement/retirement-age.rules';
import { evaluateCriteria, type CriterionKind, type EligibilityContext, type TitleCriterion } from './title-criterion.rules';

const criterion = (kind: CriterionKind, over: Partial<TitleCriterion> = {}): TitleCriterion => ({
  titleCode: 'DISTRICT_COMMITTEE_CHAIR', kind, minimum: null, maximum: null, level: null, source: 'Quy định 80-QĐ/TW', article: 'Điều 12', ...over,
});
const facts = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  personId: 'p', fullName: 'Cán Bộ Mẫu', unitCode: '720', birthDate: '1985-03-10', gender: Gender.MALE, ethnicity: 'Kinh', category: PersonnelCategory.CADRE,
  partyAdmissionDate: '2008-05-19', planned: [], education: null, politicalTheory: null, rankSince: null, disciplines: null, ...over,
});
const retiringOn = (date: string): Retirement => ({ date, ageMonths: 744, age: { vi: '62 năm', en: '62 years' }, rule: {} as Retirement['rule'] });
const context: EligibilityContext = { asOf: '2025-01-01', retirement: retiringOn('2047-03-10') };
const one = (c: TitleCriterion, f: PersonFacts = facts(), ctx: EligibilityContext = context) => evaluateCriteria([c], f, ctx)[0];

describe('title criteria', () => {
  it('reads a fact the file has no record of as not met, and says so', () => {
    for (const kind of ['EDUCATION', 'POLITICAL_THEORY', 'YEARS_IN_RANK', 'DISCIPLINE_FREE_MONTHS'] as const) {
      const result = one(criterion(kind, { level: 'BACHELOR', minimum: 5 }));
      expect(result).toMatchObject({ kind, met: false, noRecord: true, actual: null });
      expect(result.reason.vi).toMatch(/^Không đạt: hồ sơ chưa có thông tin/);
      expect(result.reason.en).toMatch(/^Not met: the file has no record of/);
    }
  });

  it('holds the age window at the date asked', () => {
    const youth = criterion('AGE_AT_APPOINTMENT', { minimum: 18, maximum: 30 });
    expect(one(youth, facts({ birthDate: '1995-01-01' }))).toMatchObject({ met: true, actual: { vi: '30 tuổi' } });
    expect(one(youth, facts({ birthDate: '1993-12-31' }))).toMatchObject({ met: false, required: { vi: 'từ 18, không quá 30 tuổi' } });
    expect(one(youth, facts({ birthDate: null }))).toMatchObject({ met: false, noRecord: true });
  });

  it('meets a level by it or any level above it', () => {
    const theory = criterion('POLITICAL_THEORY', { level: 'INTERMEDIATE' });
    expect(one(theory, facts({ politicalTheory: 'ADVANCED' })).met).toBe(true);
    expect(one(theory, facts({ politicalTheory: 'ELEMENTARY' }))).toMatchObject({ met: false, reason: { vi: 'Không đạt: Sơ cấp, yêu cầu lý luận chính trị từ Trung cấp' } });
    expect(one(criterion('EDUCATION', { level: 'BACHELOR' }), facts({ education: 'MASTER' })).met).toBe(true);
  });

  it('needs 60 months before retirement age for a first appointment', () => {
    const sixty = criterion('MONTHS_BEFORE_RETIREMENT', { minimum: 60 });
    expect(one(sixty, facts(), { asOf: '2025-01-01', retirement: retiringOn('2030-01-01') }).met).toBe(true);
    expect(one(sixty, facts(), { asOf: '2025-01-02', retirement: retiringOn('2030-01-01') })).toMatchObject({ met: false, actual: { en: expect.stringContaining('59 months left') } });
    expect(one(sixty, facts(), { asOf: '2025-01-01', retirement: null })).toMatchObject({ noRecord: true });
  });

  it('needs Party membership and the title’s planning, and counts a discipline’s free period', () => {
    expect(one(criterion('PARTY_MEMBERSHIP')).met).toBe(true);
    expect(one(criterion('PARTY_MEMBERSHIP'), facts({ partyAdmissionDate: null }))).toMatchObject({ met: false, noRecord: false });
    const planned = [{ titleCode: 'DISTRICT_COMMITTEE_CHAIR', unitCode: '720', termStart: 2025, termEnd: 2030 }];
    expect(one(criterion('PLANNING_REQUIRED'), facts({ planned })).met).toBe(true);
    expect(one(criterion('PLANNING_REQUIRED')).met).toBe(false);
    const free = criterion('DISCIPLINE_FREE_MONTHS', { minimum: 12 });
    expect(one(free, facts({ disciplines: [] })).met).toBe(true);
    expect(one(free, facts({ disciplines: [{ kind: 'REPRIMAND', decidedOn: '2024-03-01' }] })).met).toBe(false);
    expect(one(free, facts({ disciplines: [{ kind: 'REPRIMAND', decidedOn: '2023-12-31' }] })).met).toBe(true);
  });

  it('cites each criterion’s source and article', () => {
    expect(one(criterion('PARTY_MEMBERSHIP'))).toMatchObject({ source: 'Quy định 80-QĐ/TW', article: 'Điều 12' });
  });
});
