import { RatingLevel } from '../rating/rating.entity';
import { CIVIL_SERVICE_RULE_SETS } from './civil-service.rule-sets';
import { periodContradictions } from './rule-set.contradictions';
import { RatingMethod } from './rule-set.kinds';
import { pointBand } from './rule-set.parts';
import { validateRuleSet, type RuleSetDraft } from './rule-set.schema';
import { SHIPPED_RULE_SETS, validatedShippedRuleSets } from './shipped.rule-sets';

const decree335 = CIVIL_SERVICE_RULE_SETS.find((set) => set.code === 'ND335-2025-CIVIL_SERVANT') as RuleSetDraft;
const reasonsOf = (input: unknown) => {
  const validation = validateRuleSet(input);
  return validation.ok ? [] : validation.contradictions.map((found) => found.reason);
};

describe('the shipped rule sets', () => {
  it('pass the schema, and no two of one subject overlap', () => {
    expect(validatedShippedRuleSets()).toHaveLength(SHIPPED_RULE_SETS.length);
    expect(SHIPPED_RULE_SETS.map((set) => set.code)).toEqual([
      'ND90-2020-CIVIL_SERVANT', 'ND90-2020-PUBLIC_EMPLOYEE', 'ND335-2025-CIVIL_SERVANT',
      'QD124-2023-PARTY_MEMBER', 'QD124-2023-PARTY_ORGANIZATION', 'QD366-2025-PARTY_MEMBER', 'QD366-2025-PARTY_ORGANIZATION',
    ]);
  });

  it('name a source document and an article for every rule', () => {
    for (const set of SHIPPED_RULE_SETS) {
      const articles = [set.sourceArticle, ...set.criteria, ...set.bands, ...set.quotas, ...set.overrides].map((rule) => (typeof rule === 'string' ? rule : rule.article));
      expect(articles.every((article) => article.trim().length > 0)).toBe(true);
      expect(set.sourceDocument).toMatch(/^(Nghị định|Quy định) \d+/);
    }
  });
});

describe('validateRuleSet', () => {
  it('accepts Decree 335 and fills what a caller leaves out with null', () => {
    const { latePenalty: _penalty, annualDeadline: _deadline, validTo: _validTo, ...rest } = decree335;
    const validation = validateRuleSet(rest);
    expect(validation).toMatchObject({ ok: true, set: { latePenalty: null, annualDeadline: null, validTo: null } });
  });

  it.each([
    ['overlapping bands', { bands: [pointBand(RatingLevel.KHTNV, 0, 50, 'a'), pointBand(RatingLevel.HTNV, 45, 70, 'a'), pointBand(RatingLevel.HTT, 70, 90, 'a'), pointBand(RatingLevel.HTXS, 90, null, 'a')] }, ['BANDS_OVERLAP']],
    ['gapped bands', { bands: [pointBand(RatingLevel.KHTNV, 0, 50, 'a'), pointBand(RatingLevel.HTNV, 55, 70, 'a'), pointBand(RatingLevel.HTT, 70, 90, 'a'), pointBand(RatingLevel.HTXS, 90, null, 'a')] }, ['BANDS_GAP']],
    ['bands short of 100', { bands: [pointBand(RatingLevel.KHTNV, 0, 50, 'a'), pointBand(RatingLevel.HTNV, 50, 70, 'a'), pointBand(RatingLevel.HTT, 70, 90, 'a'), pointBand(RatingLevel.HTXS, 90, 95, 'a')] }, ['BANDS_GAP']],
    ['bands not from 0', { bands: [pointBand(RatingLevel.KHTNV, 10, 50, 'a'), pointBand(RatingLevel.HTNV, 50, 70, 'a'), pointBand(RatingLevel.HTT, 70, 90, 'a'), pointBand(RatingLevel.HTXS, 90, null, 'a')] }, ['BANDS_GAP']],
    ['levels out of order', { bands: [pointBand(RatingLevel.KHTNV, 0, 50, 'a'), pointBand(RatingLevel.HTT, 50, 70, 'a'), pointBand(RatingLevel.HTNV, 70, 90, 'a'), pointBand(RatingLevel.HTXS, 90, null, 'a')] }, ['BANDS_OUT_OF_ORDER']],
    ['a missing level', { bands: [pointBand(RatingLevel.KHTNV, 0, 50, 'a'), pointBand(RatingLevel.HTNV, 50, 90, 'a'), pointBand(RatingLevel.HTXS, 90, null, 'a')] }, ['BAND_LEVEL_MISSING']],
    ['weights summing to 90', { criteria: [{ code: 'GENERAL', name: 'x', weight: 30, article: 'a' }, { code: 'TASKS', name: 'y', weight: 60, article: 'a' }] }, ['WEIGHTS_NOT_100']],
    ['a missing weight', { criteria: [{ code: 'GENERAL', name: 'x', weight: null, article: 'a' }] }, ['WEIGHTS_NOT_100']],
    ['a quota above 100%', { quotas: [{ ...decree335.quotas[0], maxPercent: 120 }] }, ['QUOTA_OUT_OF_RANGE']],
    ['a quota below 0', { quotas: [{ ...decree335.quotas[0], maxPercent: -1 }] }, ['QUOTA_OUT_OF_RANGE']],
    ['an empty period', { validTo: '2026-01-01' }, ['PERIOD_EMPTY']],
    ['a period ending before it starts', { validTo: '2025-06-30' }, ['PERIOD_EMPTY']],
    ['a penalty of 125%', { latePenalty: { percent: 125, article: 'a' } }, ['PENALTY_OUT_OF_RANGE']],
    ['a discipline override without its form', { overrides: [{ ...decree335.overrides[0], minDiscipline: null }] }, ['OVERRIDE_DISCIPLINE_FORM_MISSING']],
    ['a qualitative level with points', { method: RatingMethod.QUALITATIVE, criteria: [{ code: 'GENERAL', name: 'x', weight: null, article: 'a' }] }, ['BAND_CONDITION_MISSING', 'BAND_CONDITION_MISSING', 'BAND_CONDITION_MISSING', 'BAND_CONDITION_MISSING']],
    ['a bad deadline', { annualDeadline: { before: '12-32', specialisedBefore: null, article: 'a' } }, ['INVALID_FIELD']],
  ])('refuses %s with its reason', (_case, change, reasons) => {
    expect(reasonsOf({ ...decree335, ...change })).toEqual(reasons);
  });

  it('lists every reason at once', () => {
    const reasons = reasonsOf({ ...decree335, validTo: '2025-01-01', quotas: [{ ...decree335.quotas[0], maxPercent: 101 }], criteria: [{ code: 'GENERAL', name: 'x', weight: 50, article: 'a' }] });
    expect(reasons).toEqual(['PERIOD_EMPTY', 'WEIGHTS_NOT_100', 'QUOTA_OUT_OF_RANGE']);
  });
});

describe('periodContradictions', () => {
  const decree90 = { code: 'ND90', appliesTo: 'CIVIL_SERVANT', validFrom: '2020-08-13', validTo: '2026-01-01' };

  it('refuses a set of the same subject overlapping another, and nothing else', () => {
    expect(periodContradictions({ code: 'X', appliesTo: 'CIVIL_SERVANT', validFrom: '2025-12-31', validTo: null }, [decree90])).toEqual([expect.objectContaining({ reason: 'PERIOD_OVERLAP' })]);
    expect(periodContradictions({ code: 'X', appliesTo: 'CIVIL_SERVANT', validFrom: '2026-01-01', validTo: null }, [decree90])).toEqual([]);
    expect(periodContradictions({ code: 'X', appliesTo: 'PUBLIC_EMPLOYEE', validFrom: '2025-01-01', validTo: null }, [decree90])).toEqual([]);
  });
});
