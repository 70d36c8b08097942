import { dayBefore, notEndedBy, systemActor, type ChangeFacts } from '@ps/effective-dating';
import { InvariantViolation } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import { carryPlans } from '../plan/plan.succession';
import { OPEN_PROPOSAL_STATUSES } from '../proposal/proposal.kinds';
import { moveProposalsOfUnit } from '../proposal/proposal.succession';
import { unitOn, type PlacedUnit } from '../territory/unit-on';
import type { UnitSuccession } from './restructuring.change';

/** Moves made on a restructuring are recorded as this actor: nobody at reform made them. */
export const RESTRUCTURING_FOLLOWER = systemActor('reform.restructurings');
/** Successions chain (merged in 2025, merged again later); a longer chain is a cycle. */
export const MAX_CHAIN = 16;

interface RecordedUnitSuccession extends UnitSuccession {
  successorPath: string | null;
}

/**
 * Follows the unit successions of consecutive events in their order, leaving what
 * {@link followUnitSuccessions} on each event's would. When none of the ceased units holds a plan
 * or an open proposal (at any date), no follow can move anything, so recording the successions
 * in one statement is all there is; otherwise each event's are followed in turn.
 */
export async function followUnitSuccessionsOfEvents(manager: EntityManager, events: ReadonlyArray<ReadonlyArray<RecordedUnitSuccession>>): Promise<void> {
  const successions = events.flat();
  if (successions.length === 0) return;
  if (!(await holdAnyWork(manager, successions.map((succession) => succession.predecessorCode)))) {
    await recordUnitSuccessions(manager, successions);
    return;
  }
  for (const eventSuccessions of events) await followUnitSuccessions(manager, eventSuccessions);
}

/**
 * Records units passing to a successor with the change they cite (the roll-up's lineage reads
 * the same rows), then carries the plans and open proposals they still hold to the successor,
 * following later successions of the successor too, whichever order they arrived in.
 */
async function followUnitSuccessions(manager: EntityManager, successions: readonly RecordedUnitSuccession[]): Promise<void> {
  await recordUnitSuccessions(manager, successions);
  let scope = successions.map((succession) => succession.predecessorCode);
  for (let step = 0; step < MAX_CHAIN; step += 1) {
    const pending = await pendingUnitSuccessions(manager, scope);
    if (pending.length === 0) return;
    for (const succession of pending) {
      const places = await placesOf(manager, succession);
      await carryPlans(manager, RESTRUCTURING_FOLLOWER, succession, places);
      await moveProposalsOfUnit(manager, RESTRUCTURING_FOLLOWER, succession, places);
    }
    scope = pending.map((succession) => succession.successorCode);
  }
  throw new InvariantViolation(`unit successions chain beyond ${MAX_CHAIN} steps`);
}

/**
 * Records successions in order as one upsert each would: per unit and date the first successor,
 * reason and decision stated stand, and the last successor path stated replaces the stored one.
 */
async function recordUnitSuccessions(manager: EntityManager, successions: readonly RecordedUnitSuccession[]): Promise<void> {
  await manager.query(
    `INSERT INTO reform_unit_succession (predecessor_code, successor_code, effective_date, successor_path, reason, decision)
     SELECT predecessor_code, (array_agg(successor_code ORDER BY position))[1], effective_date,
            (array_agg(successor_path ORDER BY position DESC) FILTER (WHERE successor_path IS NOT NULL))[1],
            (array_agg(reason ORDER BY position) FILTER (WHERE reason IS NOT NULL))[1],
            (array_agg(decision ORDER BY position) FILTER (WHERE decision IS NOT NULL))[1]
       FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::jsonb[]) WITH ORDINALITY
            AS recorded (predecessor_code, successor_code, effective_date, successor_path, reason, decision, position)
      GROUP BY predecessor_code, effective_date
     ON CONFLICT (predecessor_code, effective_date) DO UPDATE
       SET successor_path = coalesce(EXCLUDED.successor_path, reform_unit_succession.successor_path),
           reason = coalesce(reform_unit_succession.reason, EXCLUDED.reason),
           decision = coalesce(reform_unit_succession.decision, EXCLUDED.decision)`,
    [
      successions.map((succession) => succession.predecessorCode),
      successions.map((succession) => succession.successorCode),
      successions.map((succession) => succession.effectiveDate),
      successions.map((succession) => succession.successorPath),
      successions.map((succession) => succession.change.reason),
      successions.map((succession) => JSON.stringify(succession.change.decision)),
    ],
  );
}

/** Whether any of the units holds a plan (of any date) or an open proposal. */
async function holdAnyWork(manager: EntityManager, codes: readonly string[]): Promise<boolean> {
  const [{ holds }]: Array<{ holds: boolean }> = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM reform_plan WHERE unit_code = ANY($1::text[]))
         OR EXISTS (SELECT 1 FROM staffing_proposal WHERE unit_code = ANY($1::text[]) AND status = ANY($2::text[])) AS holds`,
    [codes, [...OPEN_PROPOSAL_STATUSES]],
  );
  return holds;
}

/**
 * Successions of the given units, recorded by this follower (with their change), whose unit
 * still holds a plan from that date on or an open proposal placed there before it; oldest first.
 */
async function pendingUnitSuccessions(manager: EntityManager, codes: readonly string[]): Promise<RecordedUnitSuccession[]> {
  const rows: Array<{ predecessorCode: string; successorCode: string; effectiveDate: string; successorPath: string | null; reason: string; decision: ChangeFacts['decision'] }> =
    await manager.query(
      `SELECT s.predecessor_code AS "predecessorCode", s.successor_code AS "successorCode", s.effective_date::text AS "effectiveDate",
              s.successor_path AS "successorPath", s.reason, s.decision
         FROM reform_unit_succession s
        WHERE s.predecessor_code = ANY($1::text[]) AND s.decision IS NOT NULL
          AND (EXISTS (SELECT 1 FROM reform_plan plan WHERE plan.unit_code = s.predecessor_code AND ${notEndedBy('plan', 's.effective_date')})
            OR EXISTS (SELECT 1 FROM staffing_proposal proposal
                        WHERE proposal.unit_code = s.predecessor_code AND proposal.status = ANY($2::text[]) AND proposal.placed_on < s.effective_date))
        ORDER BY s.effective_date, s.predecessor_code`,
      [codes, [...OPEN_PROPOSAL_STATUSES]],
    );
  return rows.map(({ reason, decision, ...row }) => ({ ...row, change: { effectiveDate: row.effectiveDate, reason, decision } }));
}

/** The ceased unit as it last stood, and the successor as it stands from the date (its path from the event when not projected yet). */
async function placesOf(manager: EntityManager, succession: RecordedUnitSuccession): Promise<{ from: PlacedUnit; to: PlacedUnit }> {
  const from = await unitOn(manager, succession.predecessorCode, dayBefore(succession.effectiveDate));
  const to = await unitOn(manager, succession.successorCode, succession.effectiveDate);
  return { from, to: to.tier === '' && succession.successorPath ? { ...to, path: succession.successorPath } : to };
}
