import { DomainError } from '@ps/errors';
import type { RuleBreach } from './cadre-rule';

/**
 * A refusal by the rules of the data: the first broken rule's code is the error's code; details
 * name its source document and article, the figures behind the reason, and any other rule broken.
 */
export class RuleRefusalError extends DomainError {
  constructor(breaches: readonly [RuleBreach, ...RuleBreach[]]) {
    const [{ rule, reason, facts }, ...others] = breaches;
    const cited = `${rule.source}, ${rule.article}`;
    super(rule.code, { vi: `${reason.vi} (${cited})`, en: `${reason.en} (${cited})` }, {
      details: {
        rule: rule.code, qualifier: rule.qualifier || null, source: rule.source, article: rule.article, ...facts,
        alsoBroken: others.map((other) => other.rule.code),
      },
    });
  }
}

/** Throws the refusal when any rule is broken. */
export function refuseOnBreach(breaches: readonly RuleBreach[]): void {
  const [first, ...others] = breaches;
  if (first) throw new RuleRefusalError([first, ...others]);
}
