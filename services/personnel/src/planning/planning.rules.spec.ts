import type { CadreRule } from '../rules/cadre-rule';
import type { Retirement } from '../retirement/retirement-age.rules';
import { planningBreaches, type PlanningContext } from './planning.rules';

const planningBreach = (rules: CadreRule[], context: PlanningContext) => planningBreaches(rules, context)[0] ?? null;

const rule = (code: string, amount: number | null, qualifier = ''): CadreRule => ({
  code, qualifier, amount, validFrom: '2021-12-27', validTo: null, source: 'Quy định 50-QĐ/TW', article: 'Điều 5',
});
const REG_50 = [
  rule('PLANNING_DISCIPLINE_WAIT', 24, 'REPRIMAND'),
  rule('PLANNING_DISCIPLINE_WAIT', 36, 'WARNING'),
  rule('PLANNING_PEOPLE_PER_POSITION', 3),
  rule('PLANNING_POSITIONS_PER_PERSON', 3),
  rule('PLANNING_WORKING_TERMS', 1),
];
const retiringOn = (date: string): Retirement => ({ date, ageMonths: 744, age: { vi: '62 năm', en: '62 years' }, rule: {} as Retirement['rule'] });
const context = (over: Partial<PlanningContext> = {}): PlanningContext => ({
  date: '2024-05-01', termStart: 2025, othersInPosition: 0, positionsAtLevel: 0, retirement: retiringOn('2045-06-30'), disciplines: null, ...over,
});

describe('planning rules', () => {
  it('lets a third person into a position, and refuses a fourth with the rule and its source', () => {
    expect(planningBreach(REG_50, context({ othersInPosition: 2 }))).toBeNull();
    const breach = planningBreach(REG_50, context({ othersInPosition: 3 }));
    expect(breach?.rule).toMatchObject({ code: 'PLANNING_PEOPLE_PER_POSITION', source: 'Quy định 50-QĐ/TW' });
    expect(breach?.reason.vi).toContain('không quá 3 người');
  });

  it('refuses a fourth position of one level for one person', () => {
    expect(planningBreach(REG_50, context({ positionsAtLevel: 3 }))?.rule.code).toBe('PLANNING_POSITIONS_PER_PERSON');
  });

  it('needs working age for the terms the rule asks, from the term’s start', () => {
    expect(planningBreach(REG_50, context({ retirement: retiringOn('2030-01-01') }))).toBeNull();
    expect(planningBreach(REG_50, context({ retirement: retiringOn('2029-12-31') }))).toMatchObject({
      rule: { code: 'PLANNING_WORKING_TERMS' }, facts: { requiredMonths: 60, monthsLeft: 59 },
    });
    const reg377 = [rule('PLANNING_WORKING_TERMS', 2)];
    expect(planningBreach(reg377, context({ retirement: retiringOn('2030-01-01') }))?.facts).toMatchObject({ requiredMonths: 120 });
  });

  it('refuses for want of a birth date, saying so', () => {
    expect(planningBreach(REG_50, context({ retirement: null }))).toMatchObject({ rule: { code: 'PLANNING_WORKING_TERMS' }, facts: { noRecord: true } });
  });

  it('makes a disciplined cadre wait the months of the discipline’s kind', () => {
    const reprimanded = [{ kind: 'REPRIMAND' as const, decidedOn: '2022-06-01' }];
    expect(planningBreach(REG_50, context({ disciplines: reprimanded }))).toMatchObject({
      rule: { code: 'PLANNING_DISCIPLINE_WAIT', qualifier: 'REPRIMAND' }, facts: { plannableFrom: '2024-06-01' },
    });
    expect(planningBreach(REG_50, context({ date: '2024-06-01', disciplines: reprimanded }))).toBeNull();
    expect(planningBreach(REG_50, context({ disciplines: [{ kind: 'WARNING', decidedOn: '2022-06-01' }] }))?.rule.qualifier).toBe('WARNING');
  });

  it('names every rule broken', () => {
    expect(planningBreaches(REG_50, context({ othersInPosition: 3, positionsAtLevel: 3 })).map((breach) => breach.rule.code)).toEqual([
      'PLANNING_PEOPLE_PER_POSITION', 'PLANNING_POSITIONS_PER_PERSON',
    ]);
  });

  it('checks nothing the rule set does not have', () => {
    expect(planningBreach([], context({ othersInPosition: 9, positionsAtLevel: 9, retirement: null }))).toBeNull();
  });
});
