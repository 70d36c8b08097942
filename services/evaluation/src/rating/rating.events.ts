import { defineEvent } from '@ps/events';
import { z } from 'zod';

export const EVALUATION_TOPIC = 'evaluation.events.v1';

export const RatingRecorded = defineEvent({
  type: 'RatingRecorded',
  version: 1,
  topic: EVALUATION_TOPIC,
  payload: z.object({
    ratingId: z.string().uuid(),
    subjectName: z.string(),
    unitCode: z.string(),
    year: z.number().int(),
    level: z.enum(['HTXS', 'HTT', 'HTNV', 'KHTNV']),
  }),
});
