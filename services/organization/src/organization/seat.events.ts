import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { ORGANIZATION_TOPIC } from '../unit/unit.events';
import { changeFacts } from '../decision/decision.events';
import { SeatSelection, type OrganizationSeat } from './seat.entity';

export const seatVersion = z.object({
  id: z.string().uuid(),
  title: z.string(),
  selection: z.enum(SeatSelection),
  capacity: z.number().int().positive(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export function seatSnapshot(seat: OrganizationSeat): z.infer<typeof seatVersion> {
  const { id, title, selection, capacity, validFrom, validTo } = seat;
  return { id, title, selection, capacity, validFrom, validTo };
}

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
