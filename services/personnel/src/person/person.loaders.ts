import type { Principal } from '@ps/auth';
import { mapLoader } from '@ps/service-kit';
import type { PersonService } from './person.service';

export function personLoaders(people: PersonService, principal: Principal) {
  return {
    headcountOf: mapLoader((codes: readonly string[]) => people.headcounts(principal, codes), null),
  };
}

export type PersonLoaders = ReturnType<typeof personLoaders>;
