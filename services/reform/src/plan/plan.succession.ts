import { notEndedBy, reviseFrom, writeDatedIn, type Actor } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import type { UnitSuccession } from '../succession/restructuring.change';
import type { PlacedUnit } from '../territory/unit-on';
import { ReformPlan, planSnapshot } from './plan.entity';
import { planLabel } from './plan.service';

/** The two sides of a unit succession, as the audit trail names them. */
export interface SuccessionPlaces {
  from: PlacedUnit;
  to: PlacedUnit;
}

/**
 * Each plan of the ceased unit not ended by the succession's date continues under the successor
 * from that date: the version in force then ends on it and the next carries the successor's
 * code (later versions take it in place), one audited write per plan citing the restructuring.
 * A plan already under the successor is not found again, so following twice moves nothing.
 */
export async function carryPlans(manager: EntityManager, actor: Actor, succession: UnitSuccession, places: SuccessionPlaces): Promise<number> {
  const plans: Array<{ id: string }> = await manager.query(
    `SELECT DISTINCT plan.id FROM reform_plan plan WHERE plan.unit_code = $1 AND ${notEndedBy('plan', '$2')} ORDER BY plan.id`,
    [succession.predecessorCode, succession.effectiveDate],
  );
  for (const { id } of plans) {
    await writeDatedIn(manager, { actor, operation: 'followUnitSuccession', change: succession.change }, async (write) => {
      const [moved] = await reviseFrom(write, ReformPlan, { property: 'id', value: id }, { unitCode: succession.successorCode }, { property: 'unitCode', value: succession.predecessorCode });
      write
        .about({ type: 'ReformPlan', id, label: planLabel(moved, places.to), unitCode: places.to.code, unitPaths: [places.from.path, places.to.path] })
        .before({ id, unitCode: places.from.code, until: write.date })
        .after(planSnapshot(moved));
    });
  }
  return plans.length;
}
