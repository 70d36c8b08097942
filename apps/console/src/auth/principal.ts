/** Tiers with access rights, highest first (as the platform's roles name them). */
export const TIERS = ['NATIONAL', 'PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type Tier = (typeof TIERS)[number];
export type Capability = 'admin' | 'officer' | 'recorder' | 'viewer';

/** Who is signed in, as the access token says: the console shows it and hides what the role may not do. */
export interface SignedIn {
  username: string;
  fullName: string;
  unitCode: string;
  tier: Tier;
  capability: Capability;
  body: string | null;
}

const PLATFORM_ROLE = /^(national|province|district|commune)-(admin|officer|recorder|viewer)$/;
const STRENGTH: Capability[] = ['admin', 'officer', 'recorder', 'viewer'];

interface Claims {
  preferred_username?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  unit_code?: string;
  body?: string;
  realm_access?: { roles?: string[] };
}

/** The platform role of the token (`tier-capability`), the highest tier and strongest capability; null without one. */
export function signedInFrom(claims: Claims | undefined): SignedIn | null {
  const roles = (claims?.realm_access?.roles ?? []).flatMap((role) => {
    const match = PLATFORM_ROLE.exec(role);
    return match ? [{ tier: match[1].toUpperCase() as Tier, capability: match[2] as Capability }] : [];
  });
  if (!claims?.unit_code || roles.length === 0) return null;
  roles.sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || STRENGTH.indexOf(a.capability) - STRENGTH.indexOf(b.capability));
  const fullName = claims.name ?? [claims.family_name, claims.given_name].filter(Boolean).join(' ');
  return {
    username: claims.preferred_username ?? '',
    fullName: fullName || (claims.preferred_username ?? ''),
    unitCode: claims.unit_code,
    tier: roles[0].tier,
    capability: roles[0].capability,
    body: claims.body ?? null,
  };
}

/** Writes are for officers and administrators; viewers and recorders read. */
export const canWrite = (who: SignedIn) => who.capability === 'admin' || who.capability === 'officer';
