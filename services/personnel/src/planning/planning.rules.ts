import { addMonths, monthsBetween } from '@ps/effective-dating';
import type { DisciplineFact } from '../facts/person-facts';
import { breachesOf, type CadreRule, type RuleBreach, type RuleCheck } from '../rules/cadre-rule';
import type { Retirement } from '../retirement/retirement-age.rules';

/** A term lasts five years (nhiệm kỳ); its rules count from 1 January of its first year. */
export const TERM_YEARS = 5;

/** What the planning rules read when a person is added to a position. */
export interface PlanningContext {
  /** The day the addition takes effect. */
  date: string;
  termStart: number;
  /** Others planned for the same position on that day. */
  othersInPosition: number;
  /** Other positions of the same tier and term the person is planned for that day. */
  positionsAtLevel: number;
  retirement: Retirement | null;
  disciplines: readonly DisciplineFact[] | null;
}

const KINDS: Record<string, { vi: string; en: string }> = {
  REPRIMAND: { vi: 'khiển trách', en: 'reprimand' },
  WARNING: { vi: 'cảnh cáo', en: 'warning' },
  REMOVAL: { vi: 'cách chức', en: 'removal from office' },
};

const amountOf = (rule: CadreRule): number => rule.amount ?? 0;

/** The check of each planning rule code; which apply, and with which values, is the rule set's. */
export const PLANNING_CHECKS: Readonly<Record<string, RuleCheck<PlanningContext>>> = {
  PLANNING_PEOPLE_PER_POSITION: (rule, { othersInPosition }) =>
    othersInPosition + 1 <= amountOf(rule) ? null : {
      reason: {
        vi: `Mỗi chức danh quy hoạch không quá ${amountOf(rule)} người; chức danh này đã có ${othersInPosition}`,
        en: `At most ${amountOf(rule)} people per planned position; this one has ${othersInPosition}`,
      },
      facts: { limit: amountOf(rule), planned: othersInPosition },
    },
  PLANNING_POSITIONS_PER_PERSON: (rule, { positionsAtLevel }) =>
    positionsAtLevel + 1 <= amountOf(rule) ? null : {
      reason: {
        vi: `Mỗi người quy hoạch không quá ${amountOf(rule)} chức danh cùng cấp; người này đã có ${positionsAtLevel}`,
        en: `At most ${amountOf(rule)} positions per person at one level; this person has ${positionsAtLevel}`,
      },
      facts: { limit: amountOf(rule), planned: positionsAtLevel },
    },
  PLANNING_WORKING_TERMS: (rule, context) => workingTermsBreach(amountOf(rule), context),
  PLANNING_DISCIPLINE_WAIT: (rule, context) => disciplineWaitBreach(rule, context),
};

function workingTermsBreach(terms: number, { termStart, retirement }: PlanningContext): Omit<RuleBreach, 'rule'> | null {
  const required = terms * TERM_YEARS * 12;
  if (!retirement) {
    return {
      reason: { vi: 'Không đủ căn cứ tính tuổi công tác: hồ sơ chưa có ngày sinh, giới tính', en: 'No record of birth date and gender to count working age' },
      facts: { requiredMonths: required, noRecord: true },
    };
  }
  const left = monthsBetween(`${termStart}-01-01`, retirement.date);
  if (left >= required) return null;
  return {
    reason: {
      vi: `Phải đủ tuổi công tác ít nhất ${terms} nhiệm kỳ (${required} tháng) từ đầu nhiệm kỳ; còn ${Math.max(left, 0)} tháng đến tuổi nghỉ hưu (${retirement.date})`,
      en: `Needs working age for at least ${terms} term(s) (${required} months) from the term's start; ${Math.max(left, 0)} months left to retirement (${retirement.date})`,
    },
    facts: { requiredMonths: required, monthsLeft: left, retirementDate: retirement.date },
  };
}

function disciplineWaitBreach(rule: CadreRule, { date, disciplines }: PlanningContext): Omit<RuleBreach, 'rule'> | null {
  // Without discipline records there is nothing to wait for; the criteria report says so.
  const recent = (disciplines ?? []).find((discipline) => discipline.kind === rule.qualifier && addMonths(discipline.decidedOn, amountOf(rule)) > date);
  if (!recent) return null;
  const kind = KINDS[rule.qualifier] ?? { vi: rule.qualifier, en: rule.qualifier };
  const until = addMonths(recent.decidedOn, amountOf(rule));
  return {
    reason: {
      vi: `Bị kỷ luật ${kind.vi} ngày ${recent.decidedOn}: chưa được quy hoạch trước ${until} (${amountOf(rule)} tháng)`,
      en: `Disciplined (${kind.en}) on ${recent.decidedOn}: not plannable before ${until} (${amountOf(rule)} months)`,
    },
    facts: { disciplinedOn: recent.decidedOn, waitMonths: amountOf(rule), plannableFrom: until },
  };
}

/** The planning rules of the set that refuse the addition, in the set's order (none: allowed). */
export function planningBreaches(rules: readonly CadreRule[], context: PlanningContext): RuleBreach[] {
  return breachesOf(rules, PLANNING_CHECKS, context);
}
