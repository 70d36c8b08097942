import { defineEvent } from '@ps/events';
import { z } from 'zod';

export const PERSONNEL_TOPIC = 'personnel.events.v1';

export const PersonRegistered = defineEvent({
  type: 'PersonRegistered',
  version: 1,
  topic: PERSONNEL_TOPIC,
  payload: z.object({
    personId: z.string().uuid(),
    fullName: z.string(),
    birthYear: z.number().int().nullable(),
    unitCode: z.string(),
  }),
});
