import { RATING_LEVELS } from '@ps/contracts';
import { RatingLevel } from './rating.entity';

describe('RatingRecorded v1', () => {
  // Contracts cannot import the service's enum; the service's types catch a level the
  // contract lacks, this catches one the service dropped.
  it('names exactly the rating levels of the service', () => {
    expect([...RATING_LEVELS].sort()).toEqual(Object.values(RatingLevel).sort());
  });
});
