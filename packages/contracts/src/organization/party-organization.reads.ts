import { consumerView, fieldsRead } from '@ps/events';
import { z } from 'zod';
import { OrganizationChanged, OrganizationClosed, OrganizationCreated, OrganizationMoved, type organizationVersion } from './organization.events';

/** The kinds of organization Party members belong to (a committee has seats, not members). */
export const PARTY_ORGANIZATION_KINDS = ['PARTY_ORGANIZATION', 'PARTY_GRASSROOTS', 'PARTY_CELL'] as const;

/** The part of an organization version the Party organization projection keeps, picked from the producer's schema. */
function organizationRead(version: typeof organizationVersion) {
  return fieldsRead(version, { id: true, unitCode: true, parentId: true, kind: true, name: true, validFrom: true, validTo: true });
}

const read = z.object({ organization: organizationRead(OrganizationCreated.payload.shape.organization) });

/**
 * What personnel's projection of Party organizations reads of the organization's events: each
 * event carries the version it leaves in force (created, changed, moved, or closed with its end).
 */
export const partyOrganizationReads = {
  organizationCreated: consumerView(OrganizationCreated, read),
  organizationChanged: consumerView(OrganizationChanged, read),
  organizationMoved: consumerView(OrganizationMoved, read),
  organizationClosed: consumerView(OrganizationClosed, read),
};

/** An organization version as the Party organization projection reads it. */
export type PartyOrganizationRead = z.output<ReturnType<typeof organizationRead>>;
