import { randomUUID } from 'node:crypto';
import { unitSubject, type GuardedUnit, type Principal } from '@ps/auth';
import { inForceOn, type DatedWrite } from '@ps/effective-dating';
import { InvariantViolation } from '@ps/errors';
import type { RatingLevel } from '../rating/rating.entity';
import { territoryGuard } from '../territory/territory.guard';
import { Evaluation, EvaluationStep } from './evaluation.entity';
import { EvaluationInputError } from './evaluation.errors';
import type { EvaluationStepKind } from './evaluation.kinds';

/** A unit as a step checks it: visible to the caller on the write's date, with its tier. */
export interface RatedUnit extends GuardedUnit {
  tier: string;
}

/**
 * The units of the evaluations on the write's date, each checked once: inside the caller's
 * territory then (FORBIDDEN outside, NOT_IN_FORCE when it had ceased), with its tier.
 */
export async function unitsOf(write: DatedWrite, principal: Principal, unitCodes: readonly string[]): Promise<Map<string, RatedUnit>> {
  const codes = [...new Set(unitCodes)];
  const { table, codeColumn } = territoryGuard.source;
  const rows: Array<{ code: string; tier: string }> = await write.manager.query(
    `SELECT unit.${codeColumn} AS code, unit.tier FROM ${table} unit WHERE unit.${codeColumn} = ANY($1) AND ${inForceOn('unit', '$2')}`,
    [codes, write.date],
  );
  const tiers = new Map(rows.map((row) => [row.code, row.tier]));
  const units = new Map<string, RatedUnit>();
  for (const code of codes) {
    const unit = await territoryGuard.unitWithin(write.manager, principal, code, write.date);
    units.set(code, { ...unit, tier: tiers.get(code) ?? '' });
  }
  return units;
}

/** The unit of one evaluation on the write's date, checked as {@link unitsOf} checks them. */
export async function unitOf(write: DatedWrite, principal: Principal, unitCode: string): Promise<RatedUnit> {
  const { table, codeColumn } = territoryGuard.source;
  const [row]: Array<{ tier: string }> = await write.manager.query(`SELECT unit.tier FROM ${table} unit WHERE unit.${codeColumn} = $1 AND ${inForceOn('unit', '$2')}`, [unitCode, write.date]);
  const unit = await territoryGuard.unitWithin(write.manager, principal, unitCode, write.date);
  return { ...unit, tier: row?.tier ?? '' };
}

/**
 * Refuses a step dated before the step it follows (a proposal before the staff meeting, a
 * decision before the proposal): history is told in order. One statement for a batch.
 */
export async function refuseStepsBefore(write: DatedWrite, evaluations: readonly Evaluation[]): Promise<void> {
  const rows: Array<{ evaluationId: string; last: string }> = await write.manager.query(
    'SELECT evaluation_id AS "evaluationId", max(effective_date)::text AS last FROM evaluation_step WHERE evaluation_id = ANY($1) GROUP BY evaluation_id',
    [evaluations.map((evaluation) => evaluation.id)],
  );
  const later = rows.find((row) => row.last > write.date);
  if (later) {
    throw new EvaluationInputError(
      `Ngày ${write.date} trước bước đã ghi ngày ${later.last}`,
      `${write.date} is before the step recorded on ${later.last}`,
      { reason: 'STEP_BEFORE_PREVIOUS', evaluationId: later.evaluationId, previousOn: later.last, date: write.date },
    );
  }
}

/** What one step row records besides its evaluation, kind and the write's date and decision. */
export interface StepFacts {
  level?: RatingLevel | null;
  comment?: string | null;
  revision: number;
}

/** Appends the steps (append-only), one INSERT for a batch. */
export async function appendSteps(write: DatedWrite, steps: ReadonlyArray<{ evaluationId: string; step: EvaluationStepKind } & StepFacts>): Promise<void> {
  const rows = steps.map(({ evaluationId, step, level, comment, revision }) => ({
    id: randomUUID(), evaluationId, step, level: level ?? null, comment: comment ?? null, revision,
    effectiveDate: write.date, decisionId: write.change.decision.id, actor: write.actor.username, actorUnitCode: write.actor.unitCode,
  }));
  await write.manager.getRepository(EvaluationStep).insert(rows);
}

/** "Đánh giá năm 2026 (CIVIL_SERVANT): Lê Thị Hoa – Xã An Lập (25801)". */
export function evaluationLabel(evaluation: Pick<Evaluation, 'year' | 'subject' | 'fullName'>, unit: Pick<GuardedUnit, 'name' | 'code'>): string {
  return `Đánh giá năm ${evaluation.year} (${evaluation.subject}): ${evaluation.fullName} – ${unitSubject(unit.code).label(unit)}`;
}

/** An evaluation as the audit trail records it, without internal columns. */
export function evaluationSnapshot(evaluation: Evaluation) {
  const { id, personId, fullName, unitCode, organizationId, titleCode, subject, year, dutyGroup, leader, status, selfLevel, proposedLevel, level, points, ruleSet, decidedOn, revision } = evaluation;
  return { id, personId, fullName, unitCode, organizationId, titleCode, subject, year, dutyGroup, leader, status, selfLevel, proposedLevel, level, points, ruleSet, decidedOn, revision };
}

/** Names the evaluation as the write's subject. */
export function aboutEvaluation(write: DatedWrite, evaluation: Evaluation, unit: GuardedUnit): DatedWrite {
  return write.about({ type: 'Evaluation', id: evaluation.id, label: evaluationLabel(evaluation, unit), unitCode: unit.code, unitPaths: [unit.path] });
}

/** The entry a batch put in the map before reading it: its absence is a bug, never a user's doing. */
export function entryOf<Key, Value>(map: ReadonlyMap<Key, Value>, key: Key): Value {
  const value = map.get(key);
  if (value === undefined) throw new InvariantViolation(`evaluation batch: no entry for ${String(key)}`);
  return value;
}
