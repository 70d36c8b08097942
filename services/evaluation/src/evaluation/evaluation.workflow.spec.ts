import { DOWNSIZING_TRIGGERS } from '../downsizing-trigger/downsizing-trigger.rules';
import { quotaViolations } from '../rating-engine/rating.quota';
import { pickRuleSet, yearEnd } from '../rating-engine/rule-set.choice';
import { RatingLevel } from '../rating/rating.entity';
import { RuleSubject } from '../rule-set/rule-set.kinds';
import { SHIPPED_RULE_SETS } from '../rule-set/shipped.rule-sets';
import { EvaluationStatus, EvaluationStepKind } from './evaluation.kinds';
import { disciplinesIn, downsizingGroundsOf, judgeChoice, nextStatus, quotaGroupsOf, requireHeadEntitlement } from './evaluation.workflow';

const decree335 = pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.CIVIL_SERVANT, yearEnd(2026));
const decree90 = pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.CIVIL_SERVANT, yearEnd(2024));
const staff = { disciplines: [], leader: false, corruptionInUnit: false };
const codeOf = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    return (error as { extensions: { code: string; details?: { reason?: string } } }).extensions;
  }
  return null;
};

describe('nextStatus: self-assessment → staff meeting → proposal → decision', () => {
  const at = (status: EvaluationStatus) => ({ id: 'e', status, decidedOn: status === EvaluationStatus.DECIDED ? '2026-12-10' : null });

  it.each([
    [EvaluationStatus.OPEN, EvaluationStepKind.SELF_ASSESSMENT, EvaluationStatus.SELF_ASSESSED],
    [EvaluationStatus.SELF_ASSESSED, EvaluationStepKind.STAFF_MEETING, EvaluationStatus.COMMENTED],
    [EvaluationStatus.COMMENTED, EvaluationStepKind.MANAGER_PROPOSAL, EvaluationStatus.PROPOSED],
    [EvaluationStatus.PROPOSED, EvaluationStepKind.HEAD_DECISION, EvaluationStatus.DECIDED],
    [EvaluationStatus.DECIDED, EvaluationStepKind.APPEAL_FILED, EvaluationStatus.DECIDED],
  ])('%s takes %s and moves to %s', (status, step, next) => {
    expect(nextStatus(at(status), step)).toBe(next);
  });

  it('refuses a step out of order naming the status, and a decided evaluation outside an appeal', () => {
    expect(codeOf(() => nextStatus(at(EvaluationStatus.OPEN), EvaluationStepKind.HEAD_DECISION))).toEqual({
      code: 'EVALUATION_STEP_OUT_OF_ORDER', details: { evaluationId: 'e', step: 'HEAD_DECISION', status: 'OPEN', expected: 'PROPOSED' },
    });
    expect(codeOf(() => nextStatus(at(EvaluationStatus.PROPOSED), EvaluationStepKind.APPEAL_FILED))?.code).toBe('EVALUATION_STEP_OUT_OF_ORDER');
    expect(codeOf(() => nextStatus(at(EvaluationStatus.DECIDED), EvaluationStepKind.SELF_ASSESSMENT))?.code).toBe('EVALUATION_DECIDED');
  });
});

describe('requireHeadEntitlement', () => {
  const commune = { code: '25801', tier: 'COMMUNE' };

  it('lets the agency’s own unit and any higher tier decide its staff', () => {
    expect(codeOf(() => requireHeadEntitlement({ tier: 'COMMUNE', unitCode: '25801' }, commune, false))).toBeNull();
    expect(codeOf(() => requireHeadEntitlement({ tier: 'DISTRICT', unitCode: '720' }, commune, false))).toBeNull();
  });

  it('leaves heads and deputies to the tier above only', () => {
    expect(codeOf(() => requireHeadEntitlement({ tier: 'COMMUNE', unitCode: '25801' }, commune, true))).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'LEADER_RATED_BY_TIER_ABOVE' } });
    expect(codeOf(() => requireHeadEntitlement({ tier: 'PROVINCE', unitCode: '74' }, commune, true))).toBeNull();
    expect(codeOf(() => requireHeadEntitlement({ tier: 'DISTRICT', unitCode: '720' }, { code: '721', tier: 'DISTRICT' }, false))).toMatchObject({ details: { reason: 'NOT_HEAD_OF_AGENCY' } });
  });

  it('ranks a unit below the access tiers (a hamlet) under the commune', () => {
    expect(codeOf(() => requireHeadEntitlement({ tier: 'COMMUNE', unitCode: '25801' }, { code: '25801_1', tier: 'HAMLET' }, true))).toBeNull();
  });
});

describe('judgeChoice: the level chosen, lowered by the rules, never raised', () => {
  it('keeps the level chosen when no rule lowers it, also under points that would give more', () => {
    expect(judgeChoice(decree335, RatingLevel.HTT, null, staff)).toMatchObject({ level: RatingLevel.HTT, chosen: RatingLevel.HTT, applied: [], points: null });
    expect(judgeChoice(decree335, RatingLevel.HTNV, 95, staff)).toMatchObject({ level: RatingLevel.HTNV, proposed: RatingLevel.HTXS, applied: [], points: 95 });
  });

  it('lowers a choice above the points’ band, naming the band', () => {
    const judged = judgeChoice(decree335, RatingLevel.HTXS, 75, staff);
    expect(judged).toMatchObject({ level: RatingLevel.HTT, applied: [{ rule: 'POINTS_BAND_HTT', level: RatingLevel.HTT, source: decree335.sourceDocument }] });
  });

  it('forces KHTNV on a disciplined person chosen HTT, naming the rule, its document and article', () => {
    const judged = judgeChoice(decree90, RatingLevel.HTT, 80, { ...staff, disciplines: ['WARNING'] });
    expect(judged).toMatchObject({ ruleSet: 'ND90-2020-CIVIL_SERVANT', level: RatingLevel.KHTNV, points: null });
    expect(judged.applied).toEqual([{ rule: 'DISCIPLINED_IN_YEAR', level: RatingLevel.KHTNV, source: decree90.sourceDocument, article: expect.stringContaining('kỷ luật') }]);
  });

  it('reads the year’s task shares under the Party’s points (366-QĐ/TW): all on time keeps HTT, one late task lowers it, unknown shares meet no condition', () => {
    const party366 = pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.PARTY_MEMBER, yearEnd(2026));
    expect(judgeChoice(party366, RatingLevel.HTT, 80, { ...staff, onTimePercent: 100, exceedingPercent: 0, latePercent: 0 }).level).toBe(RatingLevel.HTT);
    const late = judgeChoice(party366, RatingLevel.HTT, 80, { ...staff, onTimePercent: 90, exceedingPercent: 0, latePercent: 10 });
    expect(late.level).toBe(RatingLevel.HTNV);
    expect(late.applied.map((rule) => rule.rule)).toEqual(['BAND_HTT_CONDITIONS:ON_TIME']);
    expect(judgeChoice(party366, RatingLevel.HTT, 80, staff).level).not.toBe(RatingLevel.HTT);
  });

  it('forces KHTNV on a head for corruption in the unit, not on a member of staff', () => {
    expect(judgeChoice(decree335, RatingLevel.HTT, null, { ...staff, leader: true, corruptionInUnit: true }).level).toBe(RatingLevel.KHTNV);
    expect(judgeChoice(decree335, RatingLevel.HTT, null, { ...staff, corruptionInUnit: true }).level).toBe(RatingLevel.HTT);
  });
});

describe('quotaGroupsOf', () => {
  it('counts HTXS ≤ 20% of HTT per agency and duty group: 2 of 10 pass, a third does not, another group apart', () => {
    const office = { unitCode: '25801', organizationId: 'o1', dutyGroup: 'CHUYEN_MON' };
    const ratings = (htxs: number, other = office) => [
      ...Array.from({ length: 10 }, () => ({ level: RatingLevel.HTT, groups: quotaGroupsOf(office) })),
      ...Array.from({ length: htxs }, () => ({ level: RatingLevel.HTXS, groups: quotaGroupsOf(other) })),
    ];
    expect(quotaViolations(decree335, ratings(2))).toEqual([]);
    expect(quotaViolations(decree335, ratings(3))).toEqual([expect.objectContaining({ group: '25801/o1/CHUYEN_MON', count: 3, ofCount: 10, allowed: 2 })]);
    expect(quotaViolations(decree335, ratings(2, { ...office, dutyGroup: 'LANH_DAO' }))).toHaveLength(1);
  });
});

describe('downsizingGroundsOf', () => {
  const levels = (entries: Array<[number, RatingLevel]>) => new Map(entries);

  it('under Decree 29/2023 (before 16 Jun 2025): HTNV and KHTNV over two consecutive years', () => {
    const grounds = downsizingGroundsOf(DOWNSIZING_TRIGGERS, levels([[2023, RatingLevel.KHTNV], [2024, RatingLevel.HTNV]]), 2024, '2025-01-10');
    expect(grounds).toEqual([expect.objectContaining({ groundCode: 'RATED_HTNV_AND_KHTNV_TWO_YEARS', ratings: [{ year: 2023, level: RatingLevel.KHTNV }, { year: 2024, level: RatingLevel.HTNV }] })]);
    expect(downsizingGroundsOf(DOWNSIZING_TRIGGERS, levels([[2024, RatingLevel.KHTNV]]), 2024, '2025-01-10')).toEqual([]);
  });

  it('under Decree 154/2025: one KHTNV in the year or the year before', () => {
    expect(downsizingGroundsOf(DOWNSIZING_TRIGGERS, levels([[2026, RatingLevel.KHTNV]]), 2026, '2026-12-10')).toEqual([
      expect.objectContaining({ groundCode: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', ratings: [{ year: 2026, level: RatingLevel.KHTNV }] }),
    ]);
    expect(downsizingGroundsOf(DOWNSIZING_TRIGGERS, levels([[2024, RatingLevel.KHTNV], [2026, RatingLevel.HTT]]), 2026, '2026-12-10')).toEqual([]);
  });
});

describe('disciplinesIn', () => {
  it('keeps the disciplines in force on some day of the year (an end date is the first day without it)', () => {
    const disciplines = [
      { form: 'REPRIMAND' as const, validFrom: '2025-03-01', endsOn: '2026-01-01' },
      { form: 'WARNING' as const, validFrom: '2025-10-01', endsOn: '2026-04-01' },
      { form: 'DEMOTION' as const, validFrom: '2027-01-01', endsOn: null },
    ];
    expect(disciplinesIn(disciplines, 2025)).toEqual(['REPRIMAND', 'WARNING']);
    expect(disciplinesIn(disciplines, 2026)).toEqual(['WARNING']);
    expect(disciplinesIn(disciplines, 2027)).toEqual(['DEMOTION']);
  });
});
