import type { Principal } from '@ps/auth';
import { datedLoader } from '@ps/effective-dating';
import type { RatingService } from './rating.service';
import type { RatingCount } from './rating.summary';

/** Per-request batch loaders over the caller's territory, keyed by (unit code or organization id, asOf); null for one not seen. */
export function ratingLoaders(ratings: RatingService, principal: Principal) {
  return {
    unitRatingsOn: datedLoader<'code', RatingCount[] | null>('code', (codes, asOf) => ratings.countsOfUnits(principal, codes, asOf), null),
    organizationRatingsOn: datedLoader<'id', RatingCount[] | null>('id', (ids, asOf) => ratings.countsOfOrganizations(principal, ids, asOf), null),
  };
}

export type RatingLoaders = ReturnType<typeof ratingLoaders>;
