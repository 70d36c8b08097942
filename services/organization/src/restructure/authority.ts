import { hasCapability, type Principal } from '@ps/auth';
import { BadUserInputError, ForbiddenError } from '@ps/errors';
import type { Tier } from '../unit/unit.entity';
import { authorityFor, type DecisionIssuer } from './authority.rules';

/**
 * Refuses a restructuring the caller may not record or the cited body may not decide, by the
 * rule data in force on the date: FORBIDDEN when the caller's tier does not record decisions
 * about units of this tier (a district creating or merging communes, a province merging
 * provinces), BAD_USER_INPUT when the decision comes from a body without the competence.
 */
export function requireAuthority(principal: Principal, tier: Tier, date: string, issuer: DecisionIssuer | null): void {
  const rule = authorityFor(tier, date);
  const capability = principal.tier === 'NATIONAL' ? 'recorder' : 'admin';
  if (!rule.recorders.includes(principal.tier) || !hasCapability(principal, capability)) {
    throw new ForbiddenError(
      `Vai trò ${principal.role} không được ghi nhận quyết định về đơn vị cấp ${tier}; người ghi nhận: ${rule.recorders.join(', ')}`,
      `Role ${principal.role} may not record decisions on ${tier} units; recorded by: ${rule.recorders.join(', ')}`,
      { reason: 'AUTHORITY', tier, recorders: rule.recorders, source: rule.source },
    );
  }
  if (issuer !== null && !rule.issuers.includes(issuer)) {
    throw new BadUserInputError(
      `Quyết định về đơn vị cấp ${tier} thuộc thẩm quyền của ${rule.issuers.join(', ')}, không phải ${issuer}`,
      `Decisions on ${tier} units are for ${rule.issuers.join(', ')} to make, not ${issuer}`,
      { reason: 'ISSUER_NOT_COMPETENT', tier, issuer, competent: rule.issuers, source: rule.source },
    );
  }
}
