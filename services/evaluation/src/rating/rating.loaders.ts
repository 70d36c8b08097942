import type { Principal } from '@ps/auth';
import { datedLoader } from '@ps/effective-dating';
import type { RatingService } from './rating.service';
import type { RatingCount } from './rating.summary';

/** Per-request batch loaders over the caller's territory, keyed by (unit code, asOf); null for a unit not seen. */
export function ratingLoaders(ratings: RatingService, principal: Principal) {
  return {
    ratingCountsOn: datedLoader<'code', RatingCount[] | null>('code', (codes, asOf) => ratings.counts(principal, codes, asOf), null),
  };
}

export type RatingLoaders = ReturnType<typeof ratingLoaders>;
