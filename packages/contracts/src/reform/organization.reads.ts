import { consumerView, fieldsRead } from '@ps/events';
import { z } from 'zod';
import { OrganizationChanged, OrganizationClosed, OrganizationCreated, OrganizationMoved } from '../organization/organization.events';

/** The part of an organization version reform keeps: which, where, what it is called and of what kind, and when. */
const assignableOrganization = fieldsRead(OrganizationCreated.payload.shape.organization, {
  id: true, unitCode: true, name: true, kind: true, validFrom: true, validTo: true,
});
const read = z.object({ organization: assignableOrganization });

/**
 * What reform reads of the organization's events, to check that a task goes to organizations in
 * force on its date inside the plan's unit: each event carries the version it leaves in force
 * (created, renamed, moved to another unit, or closed with its end) — nothing of seats or quotas.
 */
export const reformOrganizationReads = {
  organizationCreated: consumerView(OrganizationCreated, read),
  organizationChanged: consumerView(OrganizationChanged, read),
  organizationMoved: consumerView(OrganizationMoved, read),
  organizationClosed: consumerView(OrganizationClosed, read),
};

/** An organization version as reform reads it. */
export type ReformOrganizationRead = z.output<typeof assignableOrganization>;
