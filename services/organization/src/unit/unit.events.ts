import { defineEvent } from '@ps/events';
import { z } from 'zod';

export const ORGANIZATION_TOPIC = 'organization.events.v1';

/** A unit came into being (created, or loaded from the official list). */
export const UnitCreated = defineEvent({
  type: 'UnitCreated',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    code: z.string(),
    name: z.string(),
    tier: z.enum(['PROVINCE', 'DISTRICT', 'COMMUNE', 'HAMLET']),
    parentCode: z.string().nullable(),
    path: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    decisionRef: z.string().nullable(),
  }),
});
