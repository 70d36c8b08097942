import type { Actor } from '@ps/effective-dating';

/**
 * Tiers that carry access rights, highest first. NATIONAL is the centre (a ministry-level
 * recorder of the central authorities' decisions); its territory is the whole country.
 */
export const TIERS = ['NATIONAL', 'PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * What a role lets its holder do inside its territory. admin ⊇ officer ⊇ viewer; a recorder
 * reads like a viewer and records only the central decisions that the rules give it.
 */
export const CAPABILITIES = ['admin', 'officer', 'recorder', 'viewer'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * The advisory body a caller works in, beside their tier and unit: the Party committee's
 * organization board (Ban Tổ chức) or the government's home-affairs office (Phòng / Sở Nội vụ).
 * Management decentralisation names one of them as the manager of a group of people; a caller
 * in neither (null) manages nobody's personnel file.
 */
export const MANAGEMENT_BODIES = ['ORGANIZATION_BOARD', 'HOME_AFFAIRS'] as const;
export type ManagementBody = (typeof MANAGEMENT_BODIES)[number];

/** True for one of {@link MANAGEMENT_BODIES}. */
export function isManagementBody(value: unknown): value is ManagementBody {
  return typeof value === 'string' && (MANAGEMENT_BODIES as readonly string[]).includes(value);
}

/** The unit code a national principal carries: the whole country. */
export const NATIONAL_UNIT_CODE = 'VN';

/** The authenticated caller, as every resolver and guard sees it. */
export interface Principal extends Actor {
  /** Tier named by the caller's platform role (e.g. `district-admin` → DISTRICT). */
  tier: Tier;
  /** Strongest capability among the caller's platform roles at that tier. */
  capability: Capability;
  /** All realm roles from the token, platform and others. */
  roles: string[];
  /** The body the caller works in (token claim `body`), or null for neither. */
  body: ManagementBody | null;
}

const PLATFORM_ROLE = /^(national|province|district|commune)-(admin|officer|recorder|viewer)$/;

/** Parses `tier-capability` realm roles; roles outside that shape are ignored. */
export function platformRoles(roles: readonly string[]): Array<{ tier: Tier; capability: Capability }> {
  return roles.flatMap((role) => {
    const match = PLATFORM_ROLE.exec(role);
    if (!match) return [];
    return [{ tier: match[1].toUpperCase() as Tier, capability: match[2] as Capability }];
  });
}

/** Lower is stronger: NATIONAL 0, PROVINCE 1, DISTRICT 2, COMMUNE 3. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** True when `tier` is strictly above `other` (e.g. PROVINCE above DISTRICT). */
export function isHigherTier(tier: Tier, other: Tier): boolean {
  return tierRank(tier) < tierRank(other);
}

/** What each capability includes: a recorder is not an officer, but reads like a viewer. */
const INCLUDES: Record<Capability, readonly Capability[]> = {
  admin: ['admin', 'officer', 'viewer'],
  officer: ['officer', 'viewer'],
  recorder: ['recorder', 'viewer'],
  viewer: ['viewer'],
};

/** True when the principal holds at least the given capability. */
export function hasCapability(principal: Pick<Principal, 'capability'>, needed: Capability): boolean {
  return INCLUDES[principal.capability].includes(needed);
}

/** True for the centre's principals, whose territory is the whole country. */
export function isNational(principal: Pick<Principal, 'tier'>): boolean {
  return principal.tier === 'NATIONAL';
}
