import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { addedChangeFacts } from '../organization/decision.events';
import { EVALUATION_TOPIC } from '../topics';

/** Rating levels, best first (the evaluation service's `RatingLevel`). */
export const RATING_LEVELS = ['HTXS', 'HTT', 'HTNV', 'KHTNV'] as const;

/**
 * A yearly rating was recorded for a cadre or an organization of a unit, in force from the
 * change's effective date. Keyed by the rating's id. No longer emitted (a rating is now an
 * evaluation's decided level, announced as EvaluationFinalized); kept so that the events already on
 * the topic still parse.
 */
export const RatingRecorded = defineEvent({
  type: 'RatingRecorded',
  version: 1,
  topic: EVALUATION_TOPIC,
  payload: z.object({
    ratingId: z.string().uuid(),
    subjectName: z.string(),
    unitCode: z.string(),
    year: z.number().int(),
    level: z.enum(RATING_LEVELS),
    ...addedChangeFacts,
  }),
});
