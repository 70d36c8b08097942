import { RatingLevel } from '../rating/rating.entity';
import { RuleSubject } from '../rule-set/rule-set.kinds';
import { SHIPPED_RULE_SETS } from '../rule-set/shipped.rule-sets';
import { judge, NO_FACTS } from './rating.level';
import { pickRuleSet, yearEnd } from './rule-set.choice';

const setOn = (subject: RuleSubject, date: string) => pickRuleSet(SHIPPED_RULE_SETS, subject, date);
const decree335 = setOn(RuleSubject.CIVIL_SERVANT, yearEnd(2026));
const partyMember366 = setOn(RuleSubject.PARTY_MEMBER, yearEnd(2026));
const partyOrganization366 = setOn(RuleSubject.PARTY_ORGANIZATION, yearEnd(2026));
const allOnTime = { ...NO_FACTS, onTimePercent: 100, exceedingPercent: 40, latePercent: 0 };

describe('judge under Decree 335: ≥90 HTXS, 70–<90 HTT, 50–<70 HTNV, <50 KHTNV', () => {
  it.each([
    [100, RatingLevel.HTXS], [90, RatingLevel.HTXS], [89.99, RatingLevel.HTT], [70, RatingLevel.HTT],
    [69.99, RatingLevel.HTNV], [50, RatingLevel.HTNV], [49.99, RatingLevel.KHTNV], [0, RatingLevel.KHTNV],
  ])('%d points: %s', (points, level) => {
    expect(judge(decree335, { points })).toEqual({ ruleSet: 'ND335-2025-CIVIL_SERVANT', level, proposed: level, applied: [] });
  });

  it('forces KHTNV on a reprimand in the year whatever the score, naming the rule and its article', () => {
    const judgement = judge(decree335, { points: 95 }, { ...NO_FACTS, disciplines: ['REPRIMAND'] });
    expect(judgement).toMatchObject({ level: RatingLevel.KHTNV, proposed: RatingLevel.HTXS });
    expect(judgement.applied).toEqual([
      { rule: 'DISCIPLINED_IN_YEAR', level: RatingLevel.KHTNV, source: decree335.sourceDocument, article: expect.stringContaining('khiển trách') },
    ]);
  });

  it('forces KHTNV on a leader for corruption in the unit they run, and not on a member of staff', () => {
    expect(judge(decree335, { points: 95 }, { ...NO_FACTS, leader: true, corruptionInUnit: true })).toMatchObject({ level: RatingLevel.KHTNV, applied: [{ rule: 'CORRUPTION_IN_UNIT' }] });
    expect(judge(decree335, { points: 95 }, { ...NO_FACTS, leader: false, corruptionInUnit: true }).level).toBe(RatingLevel.HTXS);
  });

  it('refuses points outside 0–100', () => {
    expect(() => judge(decree335, { points: 101 })).toThrow(/0–100/);
  });
});

describe('judge under Regulation 366-QĐ/TW: the bands’ conditions beyond points', () => {
  it('gives HTXS at ≥90 with every task on time and ≥30% exceeding', () => {
    expect(judge(partyMember366, { points: 92 }, allOnTime).level).toBe(RatingLevel.HTXS);
  });

  it('steps down to HTT when under 30% exceed, and to HTNV when a task was late, saying why', () => {
    expect(judge(partyMember366, { points: 92 }, { ...allOnTime, exceedingPercent: 10 })).toMatchObject({
      level: RatingLevel.HTT, proposed: RatingLevel.HTXS, applied: [{ rule: 'BAND_HTXS_CONDITIONS:EXCEEDING', level: RatingLevel.HTT }],
    });
    expect(judge(partyMember366, { points: 92 }, { ...allOnTime, onTimePercent: 90, latePercent: 10 }).level).toBe(RatingLevel.HTNV);
    expect(judge(partyMember366, { points: 60 }, { ...allOnTime, onTimePercent: 70, latePercent: 30 }).level).toBe(RatingLevel.KHTNV);
  });

  it('keeps a Party organisation with a disciplined member out of HTXS', () => {
    expect(judge(partyOrganization366, { points: 95 }, { ...allOnTime, disciplinedMembers: true }).level).toBe(RatingLevel.HTT);
  });
});

describe('the change-over: the same person and facts, judged in 2025 and in 2026', () => {
  const disciplined = { ...NO_FACTS, disciplines: ['WARNING' as const] };

  it('a 2025 civil servant is rated by Decree 90’s conditions, a 2026 one by Decree 335’s points', () => {
    const old = setOn(RuleSubject.CIVIL_SERVANT, yearEnd(2025));
    expect(() => judge(old, { points: 92 })).toThrow(/không xếp loại theo điểm/);
    expect(judge(old, { proposed: RatingLevel.HTT })).toMatchObject({ ruleSet: 'ND90-2020-CIVIL_SERVANT', level: RatingLevel.HTT });
    expect(judge(setOn(RuleSubject.CIVIL_SERVANT, yearEnd(2026)), { points: 92 })).toMatchObject({ ruleSet: 'ND335-2025-CIVIL_SERVANT', level: RatingLevel.HTXS });
  });

  it('a warning forces KHTNV under both, each citing its own decree', () => {
    const before = judge(setOn(RuleSubject.CIVIL_SERVANT, yearEnd(2025)), { proposed: RatingLevel.HTXS }, disciplined);
    const after = judge(setOn(RuleSubject.CIVIL_SERVANT, yearEnd(2026)), { points: 92 }, disciplined);
    expect([before.level, after.level]).toEqual([RatingLevel.KHTNV, RatingLevel.KHTNV]);
    expect(before.applied[0].source).toMatch(/^Nghị định 90\/2020/);
    expect(after.applied[0].source).toMatch(/^Nghị định 335\/2025/);
  });

  it('a Party member judged in 2024 by Regulation 124, in 2026 by Regulation 366', () => {
    expect(judge(setOn(RuleSubject.PARTY_MEMBER, yearEnd(2024)), { points: 75 }, allOnTime).ruleSet).toBe('QD124-2023-PARTY_MEMBER');
    expect(judge(setOn(RuleSubject.PARTY_MEMBER, yearEnd(2026)), { points: 75 }, allOnTime).ruleSet).toBe('QD366-2025-PARTY_MEMBER');
  });
});
