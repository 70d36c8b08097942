import { consumerView, fieldsRead } from '@ps/events';
import { z } from 'zod';
import { BoundaryAdjusted, UnitDissolved, UnitMoved, UnitRenamed, UnitSplit, UnitsMerged } from './restructuring.events';
import { UnitCreated, type unitVersion } from './unit.events';

/** ltree labels joined by dots: only such a path can be stored (and the guard scans it). */
const LTREE_PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/**
 * The part of a unit version the territory projection keeps, picked from the producer's own
 * schema: a field renamed or dropped there fails to compile here, and parsing fails at run time.
 */
function unitRead(version: typeof unitVersion) {
  return fieldsRead(version, { code: true, name: true, tier: true, parentCode: true, path: true, validFrom: true, validTo: true })
    // Narrower than the producer's string (only an ltree path can be stored); the pick above
    // ties the field to the producer, `consumerView` its type.
    .extend({ path: z.string().regex(LTREE_PATH) });
}

const merged = UnitsMerged.payload.shape;
const split = UnitSplit.payload.shape;
const moved = UnitMoved.payload.shape;
const adjusted = BoundaryAdjusted.payload.shape;
const dissolved = UnitDissolved.payload.shape;

/**
 * What the territory projection (kept by every service that does not own the territory)
 * reads of the organization's events: each a view over the producer's schema, parsed on
 * consume; fields it does not read are ignored.
 */
export const territoryReads = {
  unitCreated: consumerView(UnitCreated, unitRead(UnitCreated.payload)),
  unitsMerged: consumerView(
    UnitsMerged,
    fieldsRead(UnitsMerged.payload, { predecessors: true, effectiveDate: true }).extend({
      successor: unitRead(merged.successor),
      rehomed: z.array(unitRead(merged.rehomed.element)),
    }),
  ),
  unitSplit: consumerView(
    UnitSplit,
    fieldsRead(UnitSplit.payload, { predecessor: true, effectiveDate: true }).extend({
      successors: z.array(unitRead(split.successors.element)),
      rehomed: z.array(unitRead(split.rehomed.element)),
    }),
  ),
  unitDissolved: consumerView(
    UnitDissolved,
    fieldsRead(UnitDissolved.payload, { code: true, closed: true, effectiveDate: true }).extend({
      rehomed: z.array(unitRead(dissolved.rehomed.unwrap().element)).default([]),
    }),
  ),
  unitMoved: consumerView(
    UnitMoved,
    z.object({ unit: unitRead(moved.unit), rehomed: z.array(unitRead(moved.rehomed.element)) }),
  ),
  unitRenamed: consumerView(UnitRenamed, z.object({ unit: unitRead(UnitRenamed.payload.shape.unit) })),
  boundaryAdjusted: consumerView(
    BoundaryAdjusted,
    fieldsRead(BoundaryAdjusted.payload, { effectiveDate: true }).extend({ rehomed: z.array(unitRead(adjusted.rehomed.element)) }),
  ),
};

/** A unit version as the territory projection reads it. */
export type TerritoryUnitRead = z.output<ReturnType<typeof unitRead>>;
