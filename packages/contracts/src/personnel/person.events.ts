import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { addedChangeFacts } from '../organization/decision.events';
import { PERSONNEL_TOPIC } from '../topics';

/**
 * A person was registered in a unit, from the change's effective date. Keyed by the person's id.
 * Gender and category came with the e-file (absent from older events); personal data (personal
 * ID, birth date, home place) never leaves the service.
 */
export const PersonRegistered = defineEvent({
  type: 'PersonRegistered',
  version: 1,
  topic: PERSONNEL_TOPIC,
  payload: z.object({
    personId: z.string().uuid(),
    fullName: z.string(),
    birthYear: z.number().int().nullable(),
    unitCode: z.string(),
    gender: z.enum(['MALE', 'FEMALE']).optional(),
    category: z.enum(['CADRE', 'CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'WORKER', 'COMMUNE_NON_PROFESSIONAL']).optional(),
    ...addedChangeFacts,
  }),
});
