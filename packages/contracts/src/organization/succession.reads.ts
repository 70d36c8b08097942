import { consumerView, fieldsRead } from '@ps/events';
import { z } from 'zod';
import { OrganizationClosed } from './organization.events';

const closed = OrganizationClosed.payload.shape;

const read = z.object({
  organization: fieldsRead(closed.organization, { id: true, validTo: true }),
  successorId: closed.successorId,
  effectiveDate: closed.effectiveDate,
  reason: closed.reason,
  decision: closed.decision,
});

/**
 * What personnel's succession follower reads of a closing: which organization closed, on which
 * date, which body takes over its members and staff, and the change that did it.
 */
export const successionReads = {
  organizationClosed: consumerView(OrganizationClosed, read),
};

/** A closing as the succession follower reads it. */
export type SuccessionRead = z.output<typeof read>;
