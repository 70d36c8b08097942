import { addMonths, isInForce, type Period } from '@ps/effective-dating';
import { yearsAndMonths } from '../rules/age';

/** A retirement-age rule: in the years of its period the age is base + step × (years since it began), up to max. */
export interface RetirementAgeRule extends Period {
  gender: string;
  baseMonths: number;
  stepMonths: number;
  maxMonths: number;
  source: string;
  article: string;
}

/** When someone reaches retirement age, under which rule, at which age. */
export interface Retirement {
  date: string;
  ageMonths: number;
  age: { vi: string; en: string };
  rule: RetirementAgeRule;
}

/** The retirement age of a year under the rule in force on its 1 January, or null when no rule covers it. */
export function retirementAgeIn(rules: readonly RetirementAgeRule[], year: number): { months: number; rule: RetirementAgeRule } | null {
  const rule = rules.find((candidate) => isInForce(candidate, `${year}-01-01`));
  if (!rule) return null;
  const started = Number(rule.validFrom.slice(0, 4));
  return { months: Math.min(rule.baseMonths + rule.stepMonths * (year - started), rule.maxMonths), rule };
}

/**
 * The day someone born on `birthDate` reaches retirement age: the first year whose age they
 * reach within that year (a rising age is met in the year it is reached, as Decree 135/2020's
 * table reads). Null when the rules of their gender do not cover those years.
 */
export function retirementOf(rules: readonly RetirementAgeRule[], gender: string, birthDate: string): Retirement | null {
  const own = rules.filter((rule) => rule.gender === gender);
  if (own.length === 0) return null;
  const firstYear = Number(birthDate.slice(0, 4)) + Math.floor(Math.min(...own.map((rule) => rule.baseMonths)) / 12) - 1;
  for (let year = firstYear; year <= firstYear + 10; year += 1) {
    const age = retirementAgeIn(own, year);
    if (!age) continue;
    const date = addMonths(birthDate, age.months);
    if (Number(date.slice(0, 4)) <= year) return { date, ageMonths: age.months, age: yearsAndMonths(age.months), rule: age.rule };
  }
  return null;
}
