import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { decisionRef } from '../decision/decision.events';
import { ORGANIZATION_TOPIC, unitVersion } from '../unit/unit.events';

/** What every restructuring event states besides its subject. */
const restructuring = {
  effectiveDate: z.string(),
  reason: z.string().nullable(),
  decision: decisionRef.nullable(),
};

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
    ...restructuring,
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
    ...restructuring,
  }),
});

/** A unit ceased to exist without a successor (its descendants, if any, close with it). */
export const UnitDissolved = defineEvent({
  type: 'UnitDissolved',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    code: z.string(),
    closed: z.array(z.string()),
    /** The unit taking over its territory (e.g. the province for an abolished district), if any. */
    successor: z.string().nullable().default(null),
    rehomed: z.array(unitVersion).default([]),
    endedOrganizations,
    ...restructuring,
  }),
});

/** Part of one unit's area moved to another (điều chỉnh địa giới); both carry on. `rehomed`: the units that moved with it. */
export const BoundaryAdjusted = defineEvent({
  type: 'BoundaryAdjusted',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({ from: z.string(), to: z.string(), area: z.string(), rehomed: z.array(unitVersion), ...restructuring }),
});

/** A unit moved under another parent; `unit` and `rehomed` descendants carry their new paths. */
export const UnitMoved = defineEvent({
  type: 'UnitMoved',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({ previousParentCode: z.string().nullable(), unit: unitVersion, rehomed: z.array(unitVersion), ...restructuring }),
});

/** A unit took a new name (same code, same place). */
export const UnitRenamed = defineEvent({
  type: 'UnitRenamed',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({ previousName: z.string(), unit: unitVersion, ...restructuring }),
});
