import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { ORGANIZATION_TOPIC } from '../topics';
import { restructuringFacts } from './decision.events';
import { unitVersion } from './unit.events';

/** Organizations of the units that ceased, ended with them (their seats, duties and quotas too). */
const endedOrganizations = z.array(z.string().uuid());

/**
 * Units merged into one (N → 1). `successor` is the successor's version from the effective
 * date (it may keep one predecessor's code); `rehomed` are descendants that moved under it.
 */
export const UnitsMerged = defineEvent({
  type: 'UnitsMerged',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    predecessors: z.array(z.string()).min(1),
    successor: unitVersion,
    rehomed: z.array(unitVersion),
    endedOrganizations,
    ...restructuringFacts,
  }),
});

/** One unit split into several (1 → N); the predecessor may live on as one of them. */
export const UnitSplit = defineEvent({
  type: 'UnitSplit',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    predecessor: z.string(),
    successors: z.array(unitVersion).min(1),
    rehomed: z.array(unitVersion),
    endedOrganizations,
    ...restructuringFacts,
  }),
});

/**
 * A unit ceased to exist (its descendants in `closed`, if any, close with it). `successor`
 * is the unit that takes over its territory (the province, for an abolished district), or
 * null; events written before the field existed parse with null.
 */
export const UnitDissolved = defineEvent({
  type: 'UnitDissolved',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    code: z.string(),
    closed: z.array(z.string()),
    successor: z.string().nullable().default(null),
    /** Units that moved under the successor with it, with their new versions; events written before the field existed parse with none. */
    rehomed: z.array(unitVersion).default([]),
    endedOrganizations,
    ...restructuringFacts,
  }),
});

/** A unit moved under another parent; `unit` and `rehomed` descendants carry their new paths. */
export const UnitMoved = defineEvent({
  type: 'UnitMoved',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    previousParentCode: z.string().nullable(),
    unit: unitVersion,
    rehomed: z.array(unitVersion),
    ...restructuringFacts,
  }),
});

/** A unit took a new name (same code, same place). */
export const UnitRenamed = defineEvent({
  type: 'UnitRenamed',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({ previousName: z.string(), unit: unitVersion, ...restructuringFacts }),
});

/**
 * Part of one unit's area moved to another; both units keep existing. `rehomed` are the
 * units (e.g. hamlets) that moved from `from` to `to`, with their new versions.
 */
export const BoundaryAdjusted = defineEvent({
  type: 'BoundaryAdjusted',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    from: z.string(),
    to: z.string(),
    /** The part of the area that moved, as the decision describes it. */
    area: z.string(),
    rehomed: z.array(unitVersion),
    ...restructuringFacts,
  }),
});
