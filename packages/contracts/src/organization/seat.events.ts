import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { ORGANIZATION_TOPIC } from '../topics';
import { changeFacts } from './decision.events';

/** How a seat is filled (the organization service's `SeatSelection`). */
export const SEAT_SELECTIONS = ['ELECTED', 'APPOINTED'] as const;

/** A seat of an organization as events carry it: one version. */
export const seatVersion = z.object({
  id: z.string().uuid(),
  title: z.string(),
  selection: z.enum(SEAT_SELECTIONS),
  capacity: z.number().int().positive(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
/** One version of a seat. */
export type SeatVersion = z.infer<typeof seatVersion>;

/**
 * A seat of an organization was added, changed or closed (also when its organization closed).
 * Keyed by the organization id, so it stays in order with the organization's own events.
 */
export const SeatChanged = defineEvent({
  type: 'SeatChanged',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    action: z.enum(['ADDED', 'CHANGED', 'CLOSED']),
    organizationId: z.string().uuid(),
    unitCode: z.string(),
    seat: seatVersion,
    ...changeFacts,
  }),
});
