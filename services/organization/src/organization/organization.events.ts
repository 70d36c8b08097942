import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../decision/decision.events';
import { ORGANIZATION_TOPIC } from '../unit/unit.events';
import { MassOrganizationType, OrganizationBase, OrganizationKind, type Organization } from './organization.entity';

/** An organization as events carry it: one version. */
export const organizationVersion = z.object({
  id: z.string().uuid(),
  unitCode: z.string(),
  parentId: z.string().uuid().nullable(),
  kind: z.enum(OrganizationKind),
  subtype: z.enum(MassOrganizationType).nullable(),
  base: z.enum(OrganizationBase),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export function organizationSnapshot(organization: Organization): z.infer<typeof organizationVersion> {
  const { id, unitCode, parentId, kind, subtype, base, name, validFrom, validTo } = organization;
  return { id, unitCode, parentId, kind, subtype, base, name, validFrom, validTo };
}

/** An organization was established in a unit. */
export const OrganizationCreated = defineEvent({
  type: 'OrganizationCreated',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({ organization: organizationVersion, ...changeFacts }),
});

/**
 * An organization changed name, kind or parent from the effective date. `previous` is the
 * version it follows, or, when `replaced`, the same-day version it overwrote.
 */
export const OrganizationChanged = defineEvent({
  type: 'OrganizationChanged',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({ previous: organizationVersion, organization: organizationVersion, replaced: z.boolean(), ...changeFacts }),
});

/** An organization closed; the seats and duties it held closed with it on the same date. */
export const OrganizationClosed = defineEvent({
  type: 'OrganizationClosed',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    organization: organizationVersion,
    closedSeats: z.array(z.string().uuid()),
    closedDuties: z.array(z.string().uuid()),
    ...changeFacts,
  }),
});

/**
 * A restructuring carried an organization to another unit or under another parent (the
 * absorbed unit's school Party cell moving to the successor, a commune Party organization
 * placed under the province's when the district ceased). `previous` is the version it leaves.
 */
export const OrganizationMoved = defineEvent({
  type: 'OrganizationMoved',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({ previous: organizationVersion, organization: organizationVersion, ...changeFacts }),
});
