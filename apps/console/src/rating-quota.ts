/** A rating level, best first. */
export type Level = 'HTXS' | 'HTT' | 'HTNV' | 'KHTNV';
export type QuotaScope = 'AGENCY' | 'AGENCY_DUTY_GROUP' | 'GRASSROOTS_ORGANIZATION';

/** At most `maxPercent`% of those rated `ofLevel` may be rated `level`, counted per `scope` (as the rule set says). */
export interface QuotaRule {
  level: Level;
  ofLevel: Level;
  maxPercent: number;
  scope: QuotaScope;
  article: string;
}

/** The rule set in force on the rated year's last day for one subject, with its quotas. */
export interface SubjectQuotas {
  code: string;
  appliesTo: string;
  quotas: readonly QuotaRule[];
}

/** An evaluation as the quotas count it: decided level, else the level its manager proposed. */
export interface CountedEvaluation {
  subject: string;
  unitCode: string;
  organizationId: string;
  dutyGroup: string;
  level?: Level | null;
  proposedLevel?: Level | null;
}

/** One group's standing against one quota: `count` rated `level` where `allowed` may be, for `ofCount` rated `ofLevel`. */
export interface QuotaStanding {
  ruleSet: string;
  subject: string;
  rule: QuotaRule;
  organizationId: string;
  dutyGroup: string | null;
  count: number;
  /** Of `count`, how many are only proposed (the head has not decided them yet). */
  proposed: number;
  ofCount: number;
  allowed: number;
  over: boolean;
}

/** How many may be rated the level for `ofCount` rated the other: floor(maxPercent% of ofCount), in integers (20% of 10 is 2). */
export function allowedCount(maxPercent: number, ofCount: number): number {
  return Math.floor((Math.round(maxPercent * 100) * ofCount) / 10_000);
}

/** The group an evaluation falls in for a scope, as the evaluation service counts it. */
function groupOf(evaluation: CountedEvaluation, scope: QuotaScope): string {
  const agency = `${evaluation.unitCode}/${evaluation.organizationId}`;
  if (scope === 'AGENCY') return agency;
  if (scope === 'AGENCY_DUTY_GROUP') return `${agency}/${evaluation.dutyGroup}`;
  return evaluation.organizationId;
}

interface Tally {
  organizationId: string;
  dutyGroup: string | null;
  count: number;
  proposed: number;
  ofCount: number;
}

function tallies(rule: QuotaRule, evaluations: readonly CountedEvaluation[]): Map<string, Tally> {
  const groups = new Map<string, Tally>();
  for (const evaluation of evaluations) {
    const level = evaluation.level ?? evaluation.proposedLevel;
    if (level == null) continue;
    const key = groupOf(evaluation, rule.scope);
    const dutyGroup = rule.scope === 'AGENCY_DUTY_GROUP' ? evaluation.dutyGroup : null;
    const tally = groups.get(key) ?? { organizationId: evaluation.organizationId, dutyGroup, count: 0, proposed: 0, ofCount: 0 };
    if (level === rule.level) {
      tally.count += 1;
      if (evaluation.level == null) tally.proposed += 1;
    }
    if (level === rule.ofLevel) tally.ofCount += 1;
    groups.set(key, tally);
  }
  return groups;
}

/**
 * Each group holding someone rated (or proposed) at a quota's level, against the quota of the
 * rule set in force for the evaluation's subject; groups over their quota first.
 */
export function quotaStandings(sets: readonly SubjectQuotas[], evaluations: readonly CountedEvaluation[]): QuotaStanding[] {
  const standings = sets.flatMap((set) => {
    const ofSubject = evaluations.filter((evaluation) => evaluation.subject === set.appliesTo);
    return set.quotas.flatMap((rule) =>
      [...tallies(rule, ofSubject).values()]
        .filter((tally) => tally.count > 0)
        .map((tally) => {
          const allowed = allowedCount(rule.maxPercent, tally.ofCount);
          return { ruleSet: set.code, subject: set.appliesTo, rule, ...tally, allowed, over: tally.count > allowed };
        }),
    );
  });
  return standings.sort((a, b) => Number(b.over) - Number(a.over));
}
