import { RatingLevel } from '../rating/rating.entity';
import { judge, NO_FACTS } from '../rating-engine/rating.level';
import { judgedOn, pickRuleSet, yearEnd } from '../rating-engine/rule-set.choice';
import { ruleDefects } from '../responsibility-rule/responsibility-rule.rules';
import { SHIPPED_RULE_SETS } from '../rule-set/shipped.rule-sets';
import { periodScore } from '../work-score/period.score';
import { taskShares } from '../work-score/task.shares';
import { productOutcomes } from '../work-score/work-product.score';
import { demoPeriodWork } from './dau-tieng.scores';
import { COMMITTEE_RESPONSIBILITIES, COMMITTEE_TITLES, DEMO_YEARS, periodsDue, quartersOf, subjectFor } from './dau-tieng.story';

const holder = { unitCode: '25801', organizationId: '0b6f3c1e-2d4a-4c8e-9f10-5a7b8c9d0e1f', titleCode: '' };
/** The story's people are named "… Mẫu 0001" and so on, like personnel's. */
const NAMES = Array.from({ length: 108 }, (_, index) => `Nguyễn Văn Mẫu ${String(index * 7 + 1).padStart(4, '0')}`);

/** A holder's period scored as the service scores it: the set in force on the period's last day, the rule's products. */
function scored(fullName: string, titleCode: string, period: { from: string; to: string }) {
  const work = demoPeriodWork(fullName, titleCode, COMMITTEE_RESPONSIBILITIES[titleCode], period);
  const set = pickRuleSet(SHIPPED_RULE_SETS, subjectFor(titleCode, period), judgedOn(period));
  const result = periodScore(set, [{ code: 'GENERAL', percent: work.generalPercent }], productOutcomes(COMMITTEE_RESPONSIBILITIES[titleCode], work.delivered, period));
  return { work, result, level: judge(set, { points: result.points }).proposed };
}

describe('the Dầu Tiếng responsibility rules', () => {
  it.each(COMMITTEE_TITLES)('%s: products that pass the rule checks, weights summing to 100', (titleCode) => {
    expect(ruleDefects({ ...holder, titleCode }, COMMITTEE_RESPONSIBILITIES[titleCode])).toEqual([]);
  });
});

describe('the two years and their rule sets', () => {
  const setsIn = (year: number) =>
    new Set(COMMITTEE_TITLES.flatMap((titleCode) => quartersOf(year).map((period) => pickRuleSet(SHIPPED_RULE_SETS, subjectFor(titleCode, period), judgedOn(period)).code)));

  it('scores 2024 (the district’s last full year) under Regulation 124 alone: Decree 90 takes no points', () => {
    expect([...setsIn(DEMO_YEARS[0])]).toEqual(['QD124-2023-PARTY_MEMBER']);
  });

  it('scores 2026 civil servants under Decree 335 and the chair and vice chairs under Regulation 366', () => {
    expect(subjectFor('COMMUNE_OFFICE_STATISTICS', quartersOf(2026)[0])).toBe('CIVIL_SERVANT');
    expect(subjectFor('COMMUNE_COMMITTEE_CHAIR', quartersOf(2026)[0])).toBe('PARTY_MEMBER');
    expect([...setsIn(DEMO_YEARS[1])].sort()).toEqual(['ND335-2025-CIVIL_SERVANT', 'QD366-2025-PARTY_MEMBER']);
  });

  it('opens a quarter once it has begun and scores it once it has ended', () => {
    const due = periodsDue(2026, '2026-12-05');
    expect([due.open.map((period) => period.from), due.scored.map((period) => period.to)]).toEqual([
      ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'], ['2026-03-31', '2026-06-30', '2026-09-30'],
    ]);
    expect(periodsDue(2024, '2026-12-05').scored).toHaveLength(4);
  });
});

describe('the demo work', () => {
  const periods = [...quartersOf(2024), ...quartersOf(2026)];
  const all = NAMES.flatMap((name, index) => periods.map((period) => ({ period, ...scored(name, COMMITTEE_TITLES[index % COMMITTEE_TITLES.length], period) })));

  it('is the same on every run', () => {
    expect(demoPeriodWork(NAMES[0], 'COMMUNE_CULTURE_SOCIAL', COMMITTEE_RESPONSIBILITIES.COMMUNE_CULTURE_SOCIAL, periods[0])).toEqual(
      demoPeriodWork(NAMES[0], 'COMMUNE_CULTURE_SOCIAL', COMMITTEE_RESPONSIBILITIES.COMMUNE_CULTURE_SOCIAL, periods[0]),
    );
  });

  it('delivers within the period, with leave inside it and general criteria of 55–100%', () => {
    for (const { work, period } of all) {
      expect(work.delivered.every((product) => product.deliveredOn !== null && product.deliveredOn >= period.from && product.deliveredOn <= period.to)).toBe(true);
      expect(work.leaveDays).toBeLessThan(30);
      expect(work.generalPercent).toBeGreaterThanOrEqual(55);
      expect(work.generalPercent).toBeLessThanOrEqual(100);
    }
  });

  it('spreads as a commune’s ratings do: mostly HTT, some HTXS, a few HTNV, some late or defective products', () => {
    const share = (level: RatingLevel) => all.filter((entry) => entry.level === level).length / all.length;
    expect(share(RatingLevel.HTT)).toBeGreaterThan(0.6);
    expect(share(RatingLevel.HTXS)).toBeGreaterThan(0.05);
    expect(share(RatingLevel.HTNV) + share(RatingLevel.KHTNV)).toBeGreaterThan(0.01);
    expect(share(RatingLevel.HTNV) + share(RatingLevel.KHTNV)).toBeLessThan(0.2);
    const products = all.flatMap((entry) => entry.result.products);
    expect(products.some((product) => product.late) && products.some((product) => product.defective)).toBe(true);
    expect(products.filter((product) => product.late || product.defective).length / products.length).toBeLessThan(0.2);
  });

  it('rates each year as the head’s decision judges it (the year’s points and tasks on time under the set in force on 31 December): mostly HTT, a few HTXS, some below', () => {
    const yearly = NAMES.flatMap((name, index) => DEMO_YEARS.map((year) => {
      const titleCode = COMMITTEE_TITLES[index % COMMITTEE_TITLES.length];
      const periods = quartersOf(year).map((period) => ({ period, result: scored(name, titleCode, period).result }));
      const points = periods.reduce((sum, { result }) => sum + result.points, 0) / periods.length;
      const set = pickRuleSet(SHIPPED_RULE_SETS, subjectFor(titleCode, quartersOf(year)[3]), yearEnd(year));
      const shares = taskShares(periods.flatMap(({ result }) => result.products));
      return judge(set, { points }, { ...NO_FACTS, ...shares }).level;
    }));
    const share = (level: RatingLevel) => yearly.filter((level_) => level_ === level).length / yearly.length;
    expect(share(RatingLevel.HTT)).toBeGreaterThan(0.5);
    expect(share(RatingLevel.HTXS)).toBeGreaterThan(0);
    expect(share(RatingLevel.HTNV) + share(RatingLevel.KHTNV)).toBeGreaterThan(0.05);
    expect(share(RatingLevel.HTNV) + share(RatingLevel.KHTNV)).toBeLessThan(0.4);
  });

  it('gives the year’s mean HTXS to at most a fifth of those it gives HTT, so the quota can follow the points', () => {
    const means = NAMES.flatMap((name, index) =>
      DEMO_YEARS.map((year) => quartersOf(year).reduce((sum, period) => sum + scored(name, COMMITTEE_TITLES[index % COMMITTEE_TITLES.length], period).result.points, 0) / 4),
    );
    const [excellent, good] = [means.filter((points) => points >= 90).length, means.filter((points) => points >= 70 && points < 90).length];
    expect(excellent).toBeGreaterThan(0);
    expect(excellent).toBeLessThanOrEqual(good / 5);
  });
});
