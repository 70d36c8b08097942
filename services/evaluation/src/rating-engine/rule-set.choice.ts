import { isInForce } from '@ps/effective-dating';
import { InvariantViolation, NotInForceError } from '@ps/errors';
import type { RuleSubject } from '../rule-set/rule-set.kinds';
import type { RuleSetDraft } from '../rule-set/rule-set.schema';

/**
 * The date a period is judged on: its last day. A year rated in January of the next is still
 * judged by the rules of the year it rates (2025 by Decree 90, 2026 by Decree 335).
 */
export function judgedOn(period: { from: string; to: string }): string {
  return period.to;
}

/** The last day of a rated year. */
export function yearEnd(year: number): string {
  return `${year}-12-31`;
}

/** No rule set of the subject was in force on the date judged. */
export class NoRuleSetInForceError extends NotInForceError {
  constructor(appliesTo: RuleSubject, date: string) {
    super(
      `Không có bộ quy tắc xếp loại nào cho ${appliesTo} có hiệu lực ngày ${date}`,
      `No rating rule set for ${appliesTo} was in force on ${date}`,
      { reason: 'NO_RULE_SET_IN_FORCE', appliesTo, date },
    );
  }
}

/** The one rule set of the subject in force on the date judged: the date decides, never today. */
export function pickRuleSet(sets: readonly RuleSetDraft[], appliesTo: RuleSubject, date: string): RuleSetDraft {
  const inForce = sets.filter((set) => set.appliesTo === appliesTo && isInForce(set, date));
  if (inForce.length > 1) throw new InvariantViolation(`two rating rule sets for ${appliesTo} on ${date}: ${inForce.map((set) => set.code).join(', ')}`);
  const [set] = inForce;
  if (!set) throw new NoRuleSetInForceError(appliesTo, date);
  return set;
}
