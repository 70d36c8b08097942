/** Administrative tiers that carry access rights, highest first. */
export const TIERS = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type Tier = (typeof TIERS)[number];

/** What a role lets its holder do inside its territory, strongest first. */
export const CAPABILITIES = ['admin', 'officer', 'viewer'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The authenticated caller, as every resolver and guard sees it. */
export interface Principal {
  userId: string;
  username: string;
  /** Tier named by the caller's platform role (e.g. `district-admin` → DISTRICT). */
  tier: Tier;
  /** Strongest capability among the caller's platform roles. */
  capability: Capability;
  /** Official code of the administrative unit the caller serves (token claim `unit_code`). */
  unitCode: string;
  /** All realm roles from the token, platform and others. */
  roles: string[];
}

const PLATFORM_ROLE = /^(province|district|commune)-(admin|officer|viewer)$/;

/** Parses `tier-capability` realm roles; roles outside that shape are ignored. */
export function platformRoles(roles: readonly string[]): Array<{ tier: Tier; capability: Capability }> {
  return roles.flatMap((role) => {
    const match = PLATFORM_ROLE.exec(role);
    if (!match) return [];
    return [{ tier: match[1].toUpperCase() as Tier, capability: match[2] as Capability }];
  });
}

/** Lower is stronger: PROVINCE 0, DISTRICT 1, COMMUNE 2. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** True when `tier` is strictly above `other` (e.g. PROVINCE above DISTRICT). */
export function isHigherTier(tier: Tier, other: Tier): boolean {
  return tierRank(tier) < tierRank(other);
}

/** True when the principal holds at least the given capability (admin ⊇ officer ⊇ viewer). */
export function hasCapability(principal: Pick<Principal, 'capability'>, needed: Capability): boolean {
  return CAPABILITIES.indexOf(principal.capability) <= CAPABILITIES.indexOf(needed);
}
