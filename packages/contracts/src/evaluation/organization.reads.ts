import { consumerView, fieldsRead } from '@ps/events';
import { z } from 'zod';
import { OrganizationChanged, OrganizationClosed, OrganizationCreated, OrganizationMoved } from '../organization/organization.events';

/** The part of an organization version evaluation keeps: which, its name, and when it bore it. */
const ratedOrganization = fieldsRead(OrganizationCreated.payload.shape.organization, { id: true, name: true, validFrom: true, validTo: true });
const read = z.object({ organization: ratedOrganization });

/**
 * What evaluation reads of the organization's events, to name the organizations its reports
 * count: each event carries the version it leaves in force (created, renamed, moved, or closed
 * with its end), and evaluation keeps only its name and period — nothing of seats or quotas.
 */
export const ratedOrganizationReads = {
  organizationCreated: consumerView(OrganizationCreated, read),
  organizationChanged: consumerView(OrganizationChanged, read),
  organizationMoved: consumerView(OrganizationMoved, read),
  organizationClosed: consumerView(OrganizationClosed, read),
};

/** An organization version as evaluation reads it. */
export type RatedOrganizationRead = z.output<typeof ratedOrganization>;
