import type { Principal } from '@ps/auth';
import DataLoader from 'dataloader';
import type { RatingSummary } from './rating.entity';
import type { RatingService, SummaryKey } from './rating.service';

export function ratingLoaders(ratings: RatingService, principal: Principal) {
  return {
    summaryOf: new DataLoader<SummaryKey, RatingSummary | null, string>(
      async (keys) => {
        const found = await ratings.summaries(principal, keys);
        return keys.map((key) => found.get(key) ?? null);
      },
      { cacheKeyFn: (key) => `${key.unitCode}|${key.year ?? 'latest'}` },
    ),
  };
}

export type RatingLoaders = ReturnType<typeof ratingLoaders>;
