import { InvariantViolation } from '@ps/errors';
import { CIVIL_SERVICE_RULE_SETS } from './civil-service.rule-sets';
import { PARTY_RULE_SETS } from './party.rule-sets';
import { periodContradictions } from './rule-set.contradictions';
import { validateRuleSet, type RuleSetDraft } from './rule-set.schema';

/** Every rule set the platform ships, as recorded by the migration that created the table. */
export const SHIPPED_RULE_SETS: readonly RuleSetDraft[] = [...CIVIL_SERVICE_RULE_SETS, ...PARTY_RULE_SETS];

/** The shipped sets through the same schema as a recorded one: shipped data that contradicts itself is a build's bug. */
export function validatedShippedRuleSets(sets: readonly RuleSetDraft[] = SHIPPED_RULE_SETS): RuleSetDraft[] {
  return sets.map((set, index) => {
    const validation = validateRuleSet(set);
    const overlaps = periodContradictions(set, sets.slice(0, index));
    if (!validation.ok || overlaps.length > 0) {
      const reasons = [...(validation.ok ? [] : validation.contradictions), ...overlaps].map((found) => found.reason);
      throw new InvariantViolation(`shipped rating rule set ${set.code} contradicts itself: ${reasons.join(', ')}`);
    }
    return validation.set;
  });
}
