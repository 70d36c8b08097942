import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { EVALUATION_TOPIC } from '../topics';
import { RATING_LEVELS } from './rating.events';

/**
 * Evaluation found a person meeting a downsizing ground of the rule set in force (e.g. rated
 * KHTNV in the year considered, Decree 154/2025 Art. 2): a candidate for personnel's decision,
 * not a decision. `groundCode` names a ground of personnel's downsizing rules. Keyed by the person.
 */
export const DownsizingCandidateIdentified = defineEvent({
  type: 'DownsizingCandidateIdentified',
  version: 1,
  topic: EVALUATION_TOPIC,
  payload: z.object({
    personId: z.string().uuid(),
    unitCode: z.string(),
    year: z.number().int(),
    groundCode: z.string(),
    ratings: z.array(z.object({ year: z.number().int(), level: z.enum(RATING_LEVELS) })),
    ruleSource: z.string(),
  }),
});
