import type { Principal } from '@ps/auth';
import { datedLoader } from '@ps/effective-dating';
import type { Assignment } from './assignment.entity';
import type { StaffCounts, StaffFigures } from './staff.figures';

/** Per-request batch loaders of staff figures over the caller's territory, keyed by (code or id, asOf). */
export function staffLoaders(counts: StaffCounts, principal: Principal) {
  return {
    unitStaffOn: datedLoader<'code', StaffFigures | null>('code', (codes, asOf) => counts.ofUnits(principal, codes, asOf), null),
    organizationStaffOn: datedLoader<'id', StaffFigures | null>('id', (ids, asOf) => counts.ofOrganizations(principal, ids, asOf), null),
    organizationAssignmentsOn: datedLoader<'id', Assignment[]>('id', (ids, asOf) => counts.heldIn(principal, ids, asOf), []),
  };
}

export type StaffLoaders = ReturnType<typeof staffLoaders>;
