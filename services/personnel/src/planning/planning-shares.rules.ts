import type { CadreRule } from '../rules/cadre-rule';
import { ageOn } from '../rules/age';

/** The groups whose shares a planning list reports. */
export type PlanningGroup = 'YOUNG' | 'WOMEN' | 'ETHNIC_MINORITY';

/** A planned person as the shares count them. */
export interface PlannedPerson {
  birthDate: string | null;
  gender: string | null;
  ethnicity: string | null;
}

/** One group's share of the distinct people of a list, against the rule set's target if it has one. */
export interface GroupShare {
  group: PlanningGroup;
  count: number;
  total: number;
  /** People whose file has no record of the fact (not counted in the group). */
  withoutRecord: number;
  percent: number;
  targetPercent: number | null;
  met: boolean | null;
  source: string | null;
}

/** The majority ethnicity: everyone else counts as an ethnic minority. */
const MAJORITY = 'kinh';

const TARGETS: Record<PlanningGroup, string | null> = { YOUNG: 'PLANNING_TARGET_YOUNG', WOMEN: 'PLANNING_TARGET_WOMEN', ETHNIC_MINORITY: null };

/**
 * Shares of young (under the rule set's PLANNING_YOUNG_AGE on `asOf`), women and ethnic-minority
 * cadres among `people`, each against its target; a group with no target row has none.
 */
export function planningShares(people: readonly PlannedPerson[], rules: readonly CadreRule[], asOf: string): GroupShare[] {
  const youngAge = rules.find((rule) => rule.code === 'PLANNING_YOUNG_AGE')?.amount ?? null;
  const members: Record<PlanningGroup, (person: PlannedPerson) => boolean | null> = {
    YOUNG: (person) => (person.birthDate && youngAge !== null ? ageOn(person.birthDate, asOf) < youngAge : null),
    WOMEN: (person) => (person.gender ? person.gender === 'FEMALE' : null),
    ETHNIC_MINORITY: (person) => (person.ethnicity ? person.ethnicity.trim().toLowerCase() !== MAJORITY : null),
  };
  return (Object.keys(members) as PlanningGroup[]).map((group) => {
    const answers = people.map(members[group]);
    const count = answers.filter((answer) => answer === true).length;
    const percent = people.length === 0 ? 0 : Math.round((count / people.length) * 1000) / 10;
    const targetCode = TARGETS[group];
    const target = targetCode ? rules.find((rule) => rule.code === targetCode) : undefined;
    const targetPercent = target?.amount ?? null;
    return {
      group, count, total: people.length, withoutRecord: answers.filter((answer) => answer === null).length, percent, targetPercent,
      met: targetPercent === null ? null : percent >= targetPercent,
      source: target ? `${target.source}, ${target.article}` : null,
    };
  });
}
