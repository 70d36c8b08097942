import type { Principal } from '@ps/auth';
import { datedLoader } from '@ps/effective-dating';
import type { PartyMemberCounts } from './party-member.counts';

/** Per-request batch loaders of Party member counts over the caller's territory, keyed by (code or id, asOf). */
export function partyMembershipLoaders(counts: PartyMemberCounts, principal: Principal) {
  return {
    unitPartyMembersOn: datedLoader<'code', number | null>('code', (codes, asOf) => counts.ofUnits(principal, codes, asOf), null),
    organizationPartyMembersOn: datedLoader<'id', number | null>('id', (ids, asOf) => counts.ofOrganizations(principal, ids, asOf), null),
  };
}

export type PartyMembershipLoaders = ReturnType<typeof partyMembershipLoaders>;
