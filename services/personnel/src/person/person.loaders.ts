import type { Principal } from '@ps/auth';
import { datedLoader } from '@ps/effective-dating';
import type { PersonService } from './person.service';
import type { PersonalDataService } from './personal-data.service';
import type { PersonalData } from './personal-data.type';

/** Per-request batch loaders over the caller's territory, keyed by (unit code, asOf). */
export function personLoaders(people: PersonService, personalData: PersonalDataService, principal: Principal) {
  return {
    headcountOn: datedLoader<'code', number | null>('code', (codes, asOf) => people.headcounts(principal, codes, asOf), null),
    personalDataOn: datedLoader<'id', PersonalData | null>('id', (ids, asOf) => personalData.read(principal, ids, asOf), null),
  };
}

export type PersonLoaders = ReturnType<typeof personLoaders>;
