import type { Principal } from '@ps/auth';
import type { Duty } from './duty.entity';
import type { DutyService } from './duty.service';
import { datedLoader } from '@ps/effective-dating';

/** Per-request batch loader of each organization's duties on a date, over the caller's territory. */
export function dutyLoaders(duties: DutyService, principal: Principal) {
  return {
    dutiesOn: datedLoader<'id', Duty[]>('id', (ids, asOf) => duties.ofOrganizations(principal, ids, asOf), []),
  };
}

export type DutyLoaders = ReturnType<typeof dutyLoaders>;
