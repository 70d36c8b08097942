import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { ORGANIZATION_TOPIC } from '../topics';
import { changeFacts } from './decision.events';

/** Kinds of organization (the organization service's `OrganizationKind`). */
export const ORGANIZATION_KINDS = [
  'PARTY_ORGANIZATION',
  'PARTY_COMMITTEE',
  'PARTY_GRASSROOTS',
  'PARTY_CELL',
  'PEOPLES_COUNCIL',
  'PEOPLES_COMMITTEE',
  'DEPARTMENT',
  'FATHERLAND_FRONT',
  'MASS_ORGANIZATION',
  'PUBLIC_SERVICE_UNIT',
] as const;

/** Mass organization subtypes (the organization service's `MassOrganizationType`). */
export const MASS_ORGANIZATION_TYPES = [
  'YOUTH_UNION',
  'WOMENS_UNION',
  'FARMERS_UNION',
  'VETERANS_ASSOCIATION',
  'TRADE_UNION',
  'OTHER_ASSOCIATION',
] as const;

/** The organization service's `OrganizationBase`. */
export const ORGANIZATION_BASES = ['UNIT', 'INSTITUTION'] as const;

/** An organization as events carry it: one version. */
export const organizationVersion = z.object({
  id: z.string().uuid(),
  unitCode: z.string(),
  parentId: z.string().uuid().nullable(),
  kind: z.enum(ORGANIZATION_KINDS),
  /** Which mass organization, for MASS_ORGANIZATION; events written before the field existed parse with null. */
  subtype: z.enum(MASS_ORGANIZATION_TYPES).nullable().default(null),
  /** The unit's own body, or based in an institution it hosts; older events parse as the unit's own. */
  base: z.enum(ORGANIZATION_BASES).default('UNIT'),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
/** One version of an organization. */
export type OrganizationVersion = z.infer<typeof organizationVersion>;

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

/**
 * An organization closed; the seats and duties it held closed with it on the same date. When a
 * restructuring closed it, `successorId` is the successor unit's body of the same kind that
 * takes over its members and staff (null: nothing takes over; events written before read null).
 */
export const OrganizationClosed = defineEvent({
  type: 'OrganizationClosed',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    organization: organizationVersion,
    closedSeats: z.array(z.string().uuid()),
    closedDuties: z.array(z.string().uuid()),
    successorId: z.string().uuid().nullable().default(null),
    ...changeFacts,
  }),
});

/**
 * A restructuring carried an organization to another unit or under another parent (an
 * absorbed unit's school Party cell moving to the successor, a commune Party organization
 * placed under the province's when its district ceased). `previous` is the version it leaves.
 */
export const OrganizationMoved = defineEvent({
  type: 'OrganizationMoved',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({ previous: organizationVersion, organization: organizationVersion, ...changeFacts }),
});
