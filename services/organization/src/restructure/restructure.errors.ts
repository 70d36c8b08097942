import { BadUserInputError, ForbiddenError } from '@ps/errors';

export class RestructureInputError extends BadUserInputError {}

/** Only a strictly higher tier may reorganise a unit (the tier above decides). */
export class NotTierAboveError extends ForbiddenError {
  constructor(code: string, tier: string) {
    super(
      `Chỉ cấp trên mới được sắp xếp đơn vị ${code} (cấp ${tier})`,
      `Only a tier above may restructure unit ${code} (${tier})`,
      { code, tier },
    );
  }
}

const TIER_RANK: Record<string, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2, HAMLET: 3 };

/** True when `tier` is strictly above `other` in the territory tree. */
export function isAbove(tier: string, other: string): boolean {
  return TIER_RANK[tier] < TIER_RANK[other];
}
