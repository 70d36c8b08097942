import type { EntityManager } from 'typeorm';
import { retirementOf, type Retirement, type RetirementAgeRule } from './retirement-age.rules';

/** Every retirement-age rule (a handful of rows): the rule of each year is picked in memory. */
export function retirementAgeRules(manager: EntityManager): Promise<RetirementAgeRule[]> {
  return manager.query(
    `SELECT gender, valid_from::text AS "validFrom", valid_to::text AS "validTo", base_months AS "baseMonths",
            step_months AS "stepMonths", max_months AS "maxMonths", source, article
       FROM retirement_age_rule ORDER BY gender, valid_from`,
  );
}

/** A person's retirement under the rules, or null when their file has no birth date or gender. */
export async function retirementOfPerson(manager: EntityManager, person: { birthDate: string | null; gender: string | null }): Promise<Retirement | null> {
  if (!person.birthDate || !person.gender) return null;
  return retirementOf(await retirementAgeRules(manager), person.gender, person.birthDate);
}
