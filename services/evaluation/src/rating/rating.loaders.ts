import type { Principal } from '@ps/auth';
import { datedLoader } from '@ps/effective-dating';
import DataLoader from 'dataloader';
import type { Evaluation } from '../evaluation/evaluation.entity';
import type { PersonEvaluations } from '../person/person-evaluations.service';
import type { RatingService } from './rating.service';
import type { RatingCount } from './rating.summary';

/** A person's evaluations of one year, or of every year (`year` null). */
export interface EvaluationsOf {
  personId: string;
  year: number | null;
}

/**
 * Per-request batch loaders over the caller's territory: rating counts keyed by (unit code or
 * organization id, asOf), null for one not seen; a person's evaluations by (person, year).
 */
export function ratingLoaders(ratings: RatingService, people: PersonEvaluations, principal: Principal) {
  return {
    unitRatingsOn: datedLoader<'code', RatingCount[] | null>('code', (codes, asOf) => ratings.countsOfUnits(principal, codes, asOf), null),
    organizationRatingsOn: datedLoader<'id', RatingCount[] | null>('id', (ids, asOf) => ratings.countsOfOrganizations(principal, ids, asOf), null),
    evaluationsOf: new DataLoader<EvaluationsOf, Evaluation[], string>(
      async (keys) => {
        const byYear = new Map<number | null, Set<string>>();
        for (const { personId, year } of keys) byYear.set(year, (byYear.get(year) ?? new Set()).add(personId));
        const found = new Map<string, Evaluation[]>();
        for (const [year, personIds] of byYear) {
          for (const [personId, evaluations] of await people.of(principal, [...personIds], year)) found.set(`${personId}:${year}`, evaluations);
        }
        return keys.map(({ personId, year }) => found.get(`${personId}:${year}`) ?? []);
      },
      { cacheKeyFn: ({ personId, year }) => `${personId}:${year}` },
    ),
  };
}

export type RatingLoaders = ReturnType<typeof ratingLoaders>;
