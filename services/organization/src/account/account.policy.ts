import { isHigherTier, platformRoles, tierRank, type Capability, type Principal, type Tier } from '@ps/auth';
import { BadUserInputError, ForbiddenError } from '@ps/errors';

/** A role an administrator may grant: a tier below the centre and a capability other than recorder. */
export interface GrantableRole {
  name: string;
  tier: Exclude<Tier, 'NATIONAL'>;
  capability: Exclude<Capability, 'recorder'>;
}

/** The unit an account serves, as the policy reads it. */
export interface AccountUnit {
  code: string;
  name: string;
  tier: Tier;
}

const TIER_WORDS: Record<Tier, string> = { NATIONAL: 'trung ương', PROVINCE: 'tỉnh', DISTRICT: 'huyện', COMMUNE: 'xã' };
const GRANTABLE = ['admin', 'officer', 'viewer'] as const;

/** Every role an administrator may grant, e.g. `commune-admin`. */
export const GRANTABLE_ROLES: readonly string[] = (['PROVINCE', 'DISTRICT', 'COMMUNE'] as const).flatMap((tier) =>
  GRANTABLE.map((capability) => `${tier.toLowerCase()}-${capability}`),
);

/** True for a role the platform grants and takes away (`*-admin`, `*-officer`, `*-viewer`, `national-recorder`). */
export function isPlatformRole(name: string): boolean {
  return platformRoles([name]).length === 1;
}

/** The role named, or BAD_USER_INPUT (ROLE_UNKNOWN) listing the roles that can be granted. */
export function grantableRole(name: string): GrantableRole {
  const trimmed = name.trim();
  const [parsed] = platformRoles([trimmed]);
  if (!parsed || parsed.tier === 'NATIONAL' || parsed.capability === 'recorder') {
    throw new BadUserInputError(
      `Vai trò ${trimmed} không cấp được; chọn một trong: ${GRANTABLE_ROLES.join(', ')}`,
      `The role ${trimmed} cannot be granted; choose one of: ${GRANTABLE_ROLES.join(', ')}`,
      { reason: 'ROLE_UNKNOWN', role: trimmed, grantable: [...GRANTABLE_ROLES] },
    );
  }
  return { name: trimmed, tier: parsed.tier, capability: parsed.capability as GrantableRole['capability'] };
}

/** Never a role above the caller's own tier (checked before anything else is looked up). */
export function requireNotAbove(caller: Principal, role: GrantableRole): void {
  if (isHigherTier(role.tier, caller.tier)) {
    throw new ForbiddenError(
      `Quản trị cấp ${TIER_WORDS[caller.tier]} không cấp được vai trò ${role.name} của cấp trên`,
      `A ${caller.tier.toLowerCase()} administrator cannot grant ${role.name}, a role above its tier`,
      { reason: 'ROLE_ABOVE_CALLER', role: role.name, callerTier: caller.tier },
    );
  }
}

/**
 * Whether the caller may grant `role` to an account of `unit` (already known to lie in the
 * caller's territory): never a role above the caller's tier, only the role of the unit's own
 * tier, and an administrator of a unit is appointed by the tier above, not by its peers.
 */
export function requireGrantable(caller: Principal, role: GrantableRole, unit: AccountUnit): void {
  requireNotAbove(caller, role);
  if (role.tier !== unit.tier) {
    throw new BadUserInputError(
      `${unit.name} (${unit.code}) là đơn vị cấp ${TIER_WORDS[unit.tier]}: vai trò ${role.name} thuộc cấp ${TIER_WORDS[role.tier]}`,
      `${unit.name} (${unit.code}) is a ${unit.tier.toLowerCase()}: ${role.name} is a ${role.tier.toLowerCase()} role`,
      { reason: 'ROLE_TIER_MISMATCH', role: role.name, unitCode: unit.code, unitTier: unit.tier },
    );
  }
  if (role.capability === 'admin' && unit.code === caller.unitCode) {
    throw new ForbiddenError(
      `Quản trị của ${unit.name} (${unit.code}) do cấp trên chỉ định, không tự cấp cho nhau`,
      `The administrators of ${unit.name} (${unit.code}) are appointed by the tier above, not by each other`,
      { reason: 'OWN_UNIT_ADMIN', role: role.name, unitCode: unit.code },
    );
  }
}

/**
 * Whether the caller manages an account that holds `roles` (platform roles only are read): not
 * the caller's own, none above the caller's tier, no administrator of the caller's own unit.
 */
export function requireManaged(caller: Principal, account: { id: string; username: string; unitCode: string | null; roles: readonly string[] }): void {
  const refuse = (reasonVi: string, reasonEn: string) => {
    throw new ForbiddenError(`Bạn không quản lý tài khoản ${account.username}: ${reasonVi}`, `You do not manage the account ${account.username}: ${reasonEn}`, {
      reason: 'ACCOUNT_NOT_MANAGED',
      username: account.username,
    });
  };
  if (account.id === caller.userId) refuse('không tự thay đổi tài khoản của mình', 'no one changes their own account');
  for (const { tier, capability } of platformRoles(account.roles)) {
    const above = tierRank(tier) < tierRank(caller.tier);
    const peerAdmin = tier === caller.tier && capability === 'admin' && account.unitCode === caller.unitCode;
    if (above || peerAdmin || capability === 'recorder') refuse('tài khoản có vai trò ngang hoặc trên bạn', 'it holds a role at or above yours');
  }
}
