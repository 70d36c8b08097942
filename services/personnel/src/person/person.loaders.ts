import type { Principal } from '@ps/auth';
import { datedLoader } from '@ps/effective-dating';
import type { PersonalDataService } from './personal-data.service';
import type { PersonalData } from './personal-data.type';

/** Per-request batch loaders over the caller's territory, keyed by (person id, asOf). */
export function personLoaders(personalData: PersonalDataService, principal: Principal) {
  return {
    personalDataOn: datedLoader<'id', PersonalData | null>('id', (ids, asOf) => personalData.read(principal, ids, asOf), null),
  };
}

export type PersonLoaders = ReturnType<typeof personLoaders>;
