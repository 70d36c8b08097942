import type { Principal } from '@ps/auth';
import { datedLoader } from '@ps/effective-dating';
import type { PersonService } from './person.service';

/** Per-request batch loaders over the caller's territory, keyed by (unit code, asOf). */
export function personLoaders(people: PersonService, principal: Principal) {
  return {
    headcountOn: datedLoader<'code', number | null>('code', (codes, asOf) => people.headcounts(principal, codes, asOf), null),
  };
}

export type PersonLoaders = ReturnType<typeof personLoaders>;
