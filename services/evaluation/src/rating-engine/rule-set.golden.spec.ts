import { RatingLevel } from '../rating/rating.entity';
import { RuleSubject } from '../rule-set/rule-set.kinds';
import type { RuleSetDraft } from '../rule-set/rule-set.schema';
import { SHIPPED_RULE_SETS } from '../rule-set/shipped.rule-sets';
import { judge, NO_FACTS, type RatingFacts } from './rating.level';
import { pickRuleSet } from './rule-set.choice';

/**
 * Golden cases per shipped rule set: what each set prescribes for given scores and facts, each
 * case naming where the rule comes from (DOMAIN.md's summary of the text, and the band's or the
 * override's `article` as the set records it). The primary texts give no worked examples with
 * figures, so the edges of every band are the examples: 49.99 / 50 / 69.99 / 70 / 89.99 / 90.
 */
interface GoldenCase {
  from: string;
  basis: { points: number } | { proposed: RatingLevel };
  facts?: Partial<RatingFacts>;
  level: RatingLevel;
  /** The rules that lowered the level, in order (none: the band or the proposal stands). */
  applied?: string[];
}

interface Golden {
  subject: RuleSubject;
  /** A date the set alone is in force for its subject. */
  judgedOn: string;
  cases: GoldenCase[];
}

const points = (value: number) => ({ points: value });
const proposed = (level: RatingLevel) => ({ proposed: level });
/** A Party member or organisation whose every task was on time and exactly 30% exceeded. */
const onTime = { onTimePercent: 100, exceedingPercent: 30, latePercent: 0 };

const BAND_EDGES = (source: string, facts: Partial<RatingFacts> = {}): GoldenCase[] =>
  ([[49.99, RatingLevel.KHTNV], [50, RatingLevel.HTNV], [69.99, RatingLevel.HTNV], [70, RatingLevel.HTT], [89.99, RatingLevel.HTT], [90, RatingLevel.HTXS]] as const).map(
    ([value, level]) => ({ from: `${source}: ${value} points`, basis: points(value), facts, level }),
  );

/** Regulation 124 and 366 prescribe the same bands and conditions for a Party member. */
const PARTY_MEMBER_CASES = (regulation: string): GoldenCase[] => [
  ...BAND_EDGES(`${regulation} (DOMAIN.md: HTXS ≥90, HTT 70–<90, HTNV 50–<70), every task on time, 30% exceeding`, onTime),
  { from: `${regulation}: HTXS needs ≥30% of tasks exceeding — 29.99% gives HTT`, basis: points(95), facts: { ...onTime, exceedingPercent: 29.99 }, level: RatingLevel.HTT, applied: ['BAND_HTXS_CONDITIONS:EXCEEDING'] },
  { from: `${regulation}: HTT needs 100% on time — one task late at 80 points gives HTNV`, basis: points(80), facts: { ...onTime, onTimePercent: 95, latePercent: 5 }, level: RatingLevel.HTNV, applied: ['BAND_HTT_CONDITIONS:ON_TIME'] },
  { from: `${regulation}: HTXS and HTT both need 100% on time — 92 points with 10% late gives HTNV`, basis: points(92), facts: { ...onTime, onTimePercent: 90, latePercent: 10 }, level: RatingLevel.HTNV, applied: ['BAND_HTXS_CONDITIONS:ON_TIME', 'BAND_HTT_CONDITIONS:ON_TIME'] },
  { from: `${regulation}: HTNV allows ≤20% late — exactly 20% keeps HTNV`, basis: points(60), facts: { ...onTime, onTimePercent: 80, latePercent: 20 }, level: RatingLevel.HTNV },
  { from: `${regulation}: HTNV allows ≤20% late — 25% gives KHTNV`, basis: points(60), facts: { ...onTime, onTimePercent: 75, latePercent: 25 }, level: RatingLevel.KHTNV, applied: ['BAND_HTNV_CONDITIONS:LATE'] },
  { from: `${regulation}: a member disciplined in the year is KHTNV whatever the score`, basis: points(96), facts: { ...onTime, disciplines: ['REPRIMAND'] }, level: RatingLevel.KHTNV, applied: ['DISCIPLINED_IN_YEAR'] },
];

/** Regulation 124 and 366 for a Party organisation: no discipline override, but no HTXS with a disciplined member. */
const PARTY_ORGANIZATION_CASES = (regulation: string): GoldenCase[] => [
  ...BAND_EDGES(`${regulation} (DOMAIN.md: the organisation's 100 points, same bands)`, onTime),
  { from: `${regulation}: HTXS needs no disciplined sub-unit or member`, basis: points(95), facts: { ...onTime, disciplinedMembers: true }, level: RatingLevel.HTT, applied: ['BAND_HTXS_CONDITIONS:DISCIPLINED_MEMBERS'] },
  { from: `${regulation}: a disciplined member does not lower an organisation below HTT`, basis: points(80), facts: { ...onTime, disciplinedMembers: true }, level: RatingLevel.HTT },
];

/** Decree 90 (as amended by 48/2023) rates by qualitative conditions: the assessor's level stands unless an override forces KHTNV. */
const DECREE_90_CASES: GoldenCase[] = [
  ...[RatingLevel.HTXS, RatingLevel.HTT, RatingLevel.HTNV, RatingLevel.KHTNV].map((level) => ({ from: `Decree 90/2020 Điều 2–15: the level the conditions give (${level}) stands`, basis: proposed(level), level })),
  { from: 'Decree 90/2020 as amended by 48/2023 (DOMAIN.md: any Party or administrative discipline in the year ⇒ KHTNV)', basis: proposed(RatingLevel.HTXS), facts: { disciplines: ['REPRIMAND'] }, level: RatingLevel.KHTNV, applied: ['DISCIPLINED_IN_YEAR'] },
  { from: 'Decree 90/2020: one violation counts once — a warning and a reprimand still one KHTNV', basis: proposed(RatingLevel.HTT), facts: { disciplines: ['REPRIMAND', 'WARNING'] }, level: RatingLevel.KHTNV, applied: ['DISCIPLINED_IN_YEAR'] },
  { from: 'Decree 90/2020: a manager is judged on the unit too — corruption in it ⇒ KHTNV', basis: proposed(RatingLevel.HTT), facts: { leader: true, corruptionInUnit: true }, level: RatingLevel.KHTNV, applied: ['CORRUPTION_IN_UNIT'] },
  { from: 'Decree 90/2020: corruption in the unit is a leader’s fault, not staff’s', basis: proposed(RatingLevel.HTT), facts: { leader: false, corruptionInUnit: true }, level: RatingLevel.HTT },
];

const GOLDEN: Record<string, Golden> = {
  'ND90-2020-CIVIL_SERVANT': { subject: RuleSubject.CIVIL_SERVANT, judgedOn: '2025-12-31', cases: DECREE_90_CASES },
  'ND90-2020-PUBLIC_EMPLOYEE': { subject: RuleSubject.PUBLIC_EMPLOYEE, judgedOn: '2026-12-31', cases: DECREE_90_CASES },
  'ND335-2025-CIVIL_SERVANT': {
    subject: RuleSubject.CIVIL_SERVANT,
    judgedOn: '2026-12-31',
    cases: [
      ...BAND_EDGES('Decree 335/2025 (DOMAIN.md: ≥90 HTXS, 70–<90 HTT, 50–<70 HTNV, <50 KHTNV)'),
      { from: 'Decree 335/2025: points alone decide — shares of tasks are no band condition', basis: points(91), facts: { onTimePercent: 50, exceedingPercent: 0, latePercent: 50 }, level: RatingLevel.HTXS },
      { from: 'Decree 335/2025 (DOMAIN.md: disciplined, reprimand or worse, in the year ⇒ KHTNV)', basis: points(98), facts: { disciplines: ['REPRIMAND'] }, level: RatingLevel.KHTNV, applied: ['DISCIPLINED_IN_YEAR'] },
      { from: 'Decree 335/2025: a dismissal is worse than a reprimand, the same KHTNV', basis: points(75), facts: { disciplines: ['DISMISSAL'] }, level: RatingLevel.KHTNV, applied: ['DISCIPLINED_IN_YEAR'] },
      { from: 'Decree 335/2025 (DOMAIN.md: leaders, corruption in the unit they run ⇒ KHTNV)', basis: points(95), facts: { leader: true, corruptionInUnit: true }, level: RatingLevel.KHTNV, applied: ['CORRUPTION_IN_UNIT'] },
    ],
  },
  'QD124-2023-PARTY_MEMBER': { subject: RuleSubject.PARTY_MEMBER, judgedOn: '2024-12-31', cases: PARTY_MEMBER_CASES('Regulation 124-QĐ/TW') },
  'QD366-2025-PARTY_MEMBER': { subject: RuleSubject.PARTY_MEMBER, judgedOn: '2026-12-31', cases: PARTY_MEMBER_CASES('Regulation 366-QĐ/TW') },
  'QD124-2023-PARTY_ORGANIZATION': { subject: RuleSubject.PARTY_ORGANIZATION, judgedOn: '2024-12-31', cases: PARTY_ORGANIZATION_CASES('Regulation 124-QĐ/TW') },
  'QD366-2025-PARTY_ORGANIZATION': { subject: RuleSubject.PARTY_ORGANIZATION, judgedOn: '2026-12-31', cases: PARTY_ORGANIZATION_CASES('Regulation 366-QĐ/TW') },
};

/** The article a rule cites as the set records it: a band's for band conditions, else the override's. */
function articleOf(set: RuleSetDraft, rule: string): string | undefined {
  const band = /^BAND_(\w+?)_CONDITIONS:/.exec(rule)?.[1];
  return band ? set.bands.find((candidate) => candidate.level === band)?.article : set.overrides.find((override) => override.code === rule)?.article;
}

it('has a golden table for every shipped rule set', () => {
  expect(Object.keys(GOLDEN).sort()).toEqual(SHIPPED_RULE_SETS.map((set) => set.code).sort());
});

describe.each(Object.entries(GOLDEN))('%s', (code, { subject, judgedOn, cases }) => {
  const set = pickRuleSet(SHIPPED_RULE_SETS, subject, judgedOn);

  it(`is the set in force for ${subject} on ${judgedOn}`, () => {
    expect(set.code).toBe(code);
  });

  it.each(cases)('$from → $level', ({ basis, facts, level, applied = [] }) => {
    const judgement = judge(set, basis, { ...NO_FACTS, ...facts });
    expect({ ruleSet: judgement.ruleSet, level: judgement.level, applied: judgement.applied.map((rule) => rule.rule) }).toEqual({ ruleSet: code, level, applied });
    // each rule that lowered the level names the set's document and the article it records
    for (const rule of judgement.applied) expect(rule).toMatchObject({ source: set.sourceDocument, article: articleOf(set, rule.rule) });
  });
});
