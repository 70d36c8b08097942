import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { ORGANIZATION_TOPIC } from '../topics';
import { decisionRef } from './decision.events';

/** Administrative tiers, top down (the organization service's `Tier`). */
export const TIERS = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'HAMLET'] as const;

/** A unit as events carry it: one version, with the decision that made it. */
export const unitVersion = z.object({
  code: z.string(),
  name: z.string(),
  tier: z.enum(TIERS),
  parentCode: z.string().nullable(),
  /** ltree path, root first: `74.720.25801`. */
  path: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  decision: decisionRef.nullable(),
});
/** One version of a unit. */
export type UnitVersion = z.infer<typeof unitVersion>;

/** A unit came into being (established, or loaded from the official list). Keyed by its code. */
export const UnitCreated = defineEvent({
  type: 'UnitCreated',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: unitVersion,
});
