import type { Principal } from '@ps/auth';
import type { Organization } from './organization.entity';
import type { OrganizationService } from './organization.service';
import type { OrganizationSeat } from './seat.entity';
import type { SeatService } from './seat.service';
import { datedLoader } from '@ps/effective-dating';

/** Per-request batch loaders of organizations and their seats, keyed by (id or unit code, asOf), over the caller's territory. */
export function organizationLoaders(organizations: OrganizationService, seats: SeatService, principal: Principal) {
  return {
    organizationOn: datedLoader<'id', Organization | null>('id', (ids, asOf) => organizations.byIds(principal, ids, asOf), null),
    childOrganizationsOn: datedLoader<'id', Organization[]>(
      'id',
      (ids, asOf) => organizations.childrenOf(principal, ids, asOf),
      [],
    ),
    unitOrganizationsOn: datedLoader<'code', Organization[]>(
      'code',
      (codes, asOf) => organizations.ofUnits(principal, codes, asOf),
      [],
    ),
    seatsOn: datedLoader<'id', OrganizationSeat[]>('id', (ids, asOf) => seats.ofOrganizations(principal, ids, asOf), []),
  };
}

export type OrganizationLoaders = ReturnType<typeof organizationLoaders>;
