import { inForceOn } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';

/** One rule of cadre work as the data states it: its value, period, source document and article. */
export interface CadreRule {
  code: string;
  /** What the rule is about within its code (REPRIMAND for a discipline's waiting time); '' when nothing. */
  qualifier: string;
  amount: number | null;
  validFrom: string;
  validTo: string | null;
  source: string;
  article: string;
}

/** Why a rule refuses something, in both languages, with the figures that decided it. */
export interface RuleBreach {
  rule: CadreRule;
  reason: { vi: string; en: string };
  facts: Record<string, unknown>;
}

/** A check of one rule code: the breach, or null when the rule is met. */
export type RuleCheck<Context> = (rule: CadreRule, context: Context) => Omit<RuleBreach, 'rule'> | null;

/**
 * Runs the check of each rule of the set that has one, in the set's order: every breach.
 * Which rules apply and their values come from the data; the checks only know how.
 */
export function breachesOf<Context>(rules: readonly CadreRule[], checks: Readonly<Record<string, RuleCheck<Context>>>, context: Context): RuleBreach[] {
  return rules.flatMap((rule) => {
    const check = checks[rule.code];
    const breach = check ? check(rule, context) : null;
    return breach ? [{ rule, ...breach }] : [];
  });
}

/** The rule of a code (and qualifier) in a rule set, if the set has it. */
export function ruleOf(rules: readonly CadreRule[], code: string, qualifier = ''): CadreRule | undefined {
  return rules.find((rule) => rule.code === code && rule.qualifier === qualifier);
}

/** The rules whose code starts with `prefix` (PLANNING_, ROTATION_) in force on the date, by code. */
export function cadreRulesOn(manager: EntityManager, prefix: string, date: string): Promise<CadreRule[]> {
  return manager.query(
    `SELECT code, qualifier, amount, valid_from::text AS "validFrom", valid_to::text AS "validTo", source, article
       FROM cadre_rule rule WHERE starts_with(rule.code, $1) AND ${inForceOn('rule', '$2')}
      ORDER BY rule.code, rule.qualifier`,
    [prefix, date],
  );
}
