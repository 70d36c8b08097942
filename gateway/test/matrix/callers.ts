import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvariantViolation } from '@ps/errors';
import { DEMO_USERS, repositoryRoot, tokenFor } from '@ps/testing';
import type { Body, Capability, Tier } from './policy';

/** A demo account of the realm, as its token presents it: role (tier × capability), unit and body. */
export interface Caller {
  username: string;
  tier: Tier;
  capability: Capability;
  unitCode: string;
  body: Body | null;
}

interface RealmUser {
  username: string;
  realmRoles?: string[];
  attributes?: Record<string, string[]>;
}

const PLATFORM_ROLE = /^(national|province|district|commune)-(admin|officer|recorder|viewer)$/;

/**
 * Every demo account of the realm export (infra/keycloak), read from the export itself so that a
 * new demo user joins the matrix without a change here; accounts without a platform role (the
 * service accounts) are not callers.
 */
export function demoCallers(): Caller[] {
  const realm = JSON.parse(readFileSync(join(repositoryRoot(), 'infra', 'keycloak', 'political-system-realm.json'), 'utf8')) as { users: RealmUser[] };
  const callers = realm.users.flatMap((user): Caller[] => {
    const role = (user.realmRoles ?? []).map((name) => PLATFORM_ROLE.exec(name)).find((match) => match !== null);
    const unitCode = user.attributes?.unit_code?.[0];
    if (!role || !unitCode) return [];
    const body = (user.attributes?.body?.[0] ?? null) as Body | null;
    return [{ username: user.username, tier: role[1].toUpperCase() as Tier, capability: role[2] as Capability, unitCode, body }];
  });
  const missing = Object.values(DEMO_USERS).filter((username) => !callers.some((caller) => caller.username === username));
  if (missing.length > 0) throw new InvariantViolation(`demo users the tests sign in as are not in the realm export: ${missing.join(', ')}`);
  return callers;
}

export const describeCaller = (caller: Caller): string =>
  `${caller.username} (${caller.tier.toLowerCase()}-${caller.capability}${caller.body ? ` ${caller.body}` : ''} @${caller.unitCode})`;

/** Sign-in attempts per call: the shared realm may refuse one briefly (a restart, a lockout by another suite). */
const SIGN_IN_ATTEMPTS = 5;

/** A caller's access token (cached until near expiry), retried a few times before the case fails. */
export async function signedIn(username: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await tokenFor(username);
    } catch (error) {
      if (attempt >= SIGN_IN_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
    }
  }
}
