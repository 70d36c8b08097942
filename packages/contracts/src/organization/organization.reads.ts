import { consumerView, fieldsRead } from '@ps/events';
import { z } from 'zod';
import { OrganizationChanged, OrganizationClosed, OrganizationCreated, OrganizationMoved, type organizationVersion } from './organization.events';
import { QuotaChanged } from './quota.events';
import { SeatChanged, type seatVersion } from './seat.events';

/** The kinds of organization Party members belong to (a committee has seats, not members). */
export const PARTY_ORGANIZATION_KINDS = ['PARTY_ORGANIZATION', 'PARTY_GRASSROOTS', 'PARTY_CELL'] as const;

/** The part of an organization version the organization projection keeps, picked from the producer's schema. */
function organizationRead(version: typeof organizationVersion) {
  return fieldsRead(version, { id: true, unitCode: true, parentId: true, kind: true, name: true, validFrom: true, validTo: true });
}

/** The part of a seat version the seat projection keeps. */
function seatRead(version: typeof seatVersion) {
  return fieldsRead(version, { id: true, title: true, selection: true, capacity: true, validFrom: true, validTo: true });
}

const read = z.object({ organization: organizationRead(OrganizationCreated.payload.shape.organization) });

/**
 * What personnel's projection of organizations reads of the organization's events: each
 * organization event carries the version it leaves in force (created, changed, moved, or closed
 * with its end); a seat event the seat's version; a quota event an organization's (or a unit's,
 * which the projection skips) staffing quota from a date.
 */
export const organizationReads = {
  organizationCreated: consumerView(OrganizationCreated, read),
  organizationChanged: consumerView(OrganizationChanged, read),
  organizationMoved: consumerView(OrganizationMoved, read),
  organizationClosed: consumerView(OrganizationClosed, read),
  seatChanged: consumerView(
    SeatChanged,
    fieldsRead(SeatChanged.payload, { organizationId: true }).extend({ seat: seatRead(SeatChanged.payload.shape.seat) }),
  ),
  quotaChanged: consumerView(
    QuotaChanged,
    fieldsRead(QuotaChanged.payload, { holderKind: true, holderId: true, amount: true, effectiveDate: true, ended: true }),
  ),
};

/** An organization version as the organization projection reads it. */
export type OrganizationRead = z.output<ReturnType<typeof organizationRead>>;
/** A seat version as the seat projection reads it. */
export type SeatRead = z.output<ReturnType<typeof seatRead>>;
/** A staffing quota change as the quota projection reads it. */
export type QuotaRead = z.output<typeof organizationReads.quotaChanged.payload>;
