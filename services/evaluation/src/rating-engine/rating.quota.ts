import { DomainError } from '@ps/errors';
import type { RatingLevel } from '../rating/rating.entity';
import type { QuotaScope } from '../rule-set/rule-set.kinds';
import type { RuleSetDraft } from '../rule-set/rule-set.schema';

/** One rating as the quota counts it: its level and the group it falls in for each scope. */
export interface QuotaRating {
  level: RatingLevel;
  /** e.g. { AGENCY_DUTY_GROUP: 'UBND xã An Lập / chuyên môn' }. */
  groups: Partial<Record<QuotaScope, string>>;
}

/** A group over a quota, with the figures: `count` rated `level` where `allowed` of `ofCount` rated `ofLevel` may be. */
export interface QuotaViolation {
  ruleSet: string;
  level: RatingLevel;
  ofLevel: RatingLevel;
  maxPercent: number;
  scope: QuotaScope;
  group: string;
  count: number;
  ofCount: number;
  allowed: number;
  source: string;
  article: string;
}

/**
 * Checks a batch of ratings against every quota of the set, group by group: at most
 * floor(maxPercent% of those rated `ofLevel`) may be rated `level` (HTXS ≤ 20% of HTT:
 * 2 of 10). A rating without a group for a quota's scope is counted in the group ''.
 */
export function quotaViolations(set: RuleSetDraft, ratings: readonly QuotaRating[]): QuotaViolation[] {
  return set.quotas.flatMap((quota) => {
    const counts = new Map<string, { count: number; ofCount: number }>();
    for (const rating of ratings) {
      const group = rating.groups[quota.scope] ?? '';
      const tally = counts.get(group) ?? { count: 0, ofCount: 0 };
      if (rating.level === quota.level) tally.count += 1;
      if (rating.level === quota.ofLevel) tally.ofCount += 1;
      counts.set(group, tally);
    }
    return [...counts].flatMap(([group, { count, ofCount }]) => {
      // integer arithmetic, so 20% of 10 is exactly 2
      const allowed = Math.floor((quota.maxPercent * 100 * ofCount) / 10_000);
      if (count <= allowed) return [];
      const { level, ofLevel, maxPercent, scope, article } = quota;
      return [{ ruleSet: set.code, level, ofLevel, maxPercent, scope, group, count, ofCount, allowed, source: set.sourceDocument, article }];
    });
  });
}

/** RATING_QUOTA_EXCEEDED: names the quota, the group and the figures. */
export class RatingQuotaExceededError extends DomainError {
  constructor(violations: readonly [QuotaViolation, ...QuotaViolation[]]) {
    const [first] = violations;
    super(
      'RATING_QUOTA_EXCEEDED',
      {
        vi: `Vượt tỷ lệ ${first.level} ≤ ${first.maxPercent}% số ${first.ofLevel} ở nhóm "${first.group}": ${first.count} ${first.level}, tối đa ${first.allowed} trên ${first.ofCount} ${first.ofLevel} (${first.source}, ${first.article})`,
        en: `Quota ${first.level} ≤ ${first.maxPercent}% of ${first.ofLevel} exceeded in group "${first.group}": ${first.count} ${first.level}, at most ${first.allowed} for ${first.ofCount} ${first.ofLevel}`,
      },
      { details: { violations } },
    );
  }
}

/** Throws RATING_QUOTA_EXCEEDED when the batch breaks a quota. */
export function refuseOverQuota(set: RuleSetDraft, ratings: readonly QuotaRating[]): void {
  const [first, ...others] = quotaViolations(set, ratings);
  if (first) throw new RatingQuotaExceededError([first, ...others]);
}
