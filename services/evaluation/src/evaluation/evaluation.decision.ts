import { requireCapability, unitSubject, type Principal } from '@ps/auth';
import { isStableId, requiredText, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import type { RatingLevel } from '../rating/rating.entity';
import { EvaluationAppeal, type Evaluation } from './evaluation.entity';
import { AppealConflictError, AppealNotFoundError, EvaluationInputError, EvaluationNotFoundError } from './evaluation.errors';
import type { DecideRatingsInput, ResolveRatingAppealInput } from './evaluation.inputs';
import type { EvaluationJudging, Judged } from './evaluation.judging';
import { AppealStatus, EvaluationStatus, EvaluationStepKind } from './evaluation.kinds';
import { aboutEvaluation, appendSteps, entryOf, evaluationLabel, evaluationSnapshot, refuseStepsBefore, unitOf, unitsOf, type RatedUnit } from './evaluation.steps';
import { lockedEvaluations } from './evaluation.territory';
import { judgedFacts, nextStatus, requireHeadEntitlement } from './evaluation.workflow';

/** The head of the employing agency decides ratings, and resolves appeals against them. */
export class EvaluationDecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly judging: EvaluationJudging,
  ) {}

  /**
   * Decides a batch of proposed evaluations together: each chosen level is lowered by the rules
   * of the set in force on the year's end, the batch with the levels already decided must keep
   * every quota, and each decision is announced (EvaluationFinalized, revision 1). Anything
   * refused refuses the whole batch, writing nothing.
   */
  async decide(principal: Principal, input: DecideRatingsInput): Promise<Evaluation[]> {
    requireCapability(principal, 'officer');
    const chosen = checkedDecisions(input.decisions);
    return writeDated(this.dataSource, { actor: principal, operation: 'decideRatings', change: input.change }, async (write) => {
      const evaluations = await lockedEvaluations(write.manager, principal, [...chosen.keys()]);
      for (const evaluation of evaluations) nextStatus(evaluation, EvaluationStepKind.HEAD_DECISION);
      const units = await unitsOf(write, principal, evaluations.map((evaluation) => evaluation.unitCode));
      for (const evaluation of evaluations) requireHeadEntitlement(principal, unitFrom(units, evaluation), evaluation.leader);
      await refuseStepsBefore(write, evaluations);
      const judged = await this.judging.judge(write.manager, evaluations.map((evaluation) => ({ evaluation, ...entryOf(chosen, evaluation.id) })));
      await this.judging.refuseOverQuota(write.manager, judged);
      const before = evaluations.map(evaluationSnapshot);
      await recordLevels(write, judged, 1);
      await appendSteps(write, judged.map(({ evaluation, judgement }) => ({ evaluationId: evaluation.id, step: EvaluationStepKind.HEAD_DECISION, level: judgement.level, revision: 1 })));
      const [first] = evaluations;
      const unitPaths = [...units.values()].map((unit) => unit.path);
      write.about({ type: 'RatingDecision', id: write.change.decision.id, label: decisionLabel(evaluations, units), unitCode: first.unitCode, unitPaths });
      write.before(before).after(evaluations.map(evaluationSnapshot));
      await this.judging.announce(write, judged.map((item) => ({ ...item, unit: unitFrom(units, item.evaluation), appealId: null })));
      const byId = new Map(evaluations.map((evaluation) => [evaluation.id, evaluation]));
      return input.decisions.map(({ evaluationId }) => entryOf(byId, evaluationId));
    });
  }

  /**
   * Resolves an open appeal. Upheld with a level, the level is judged as the head's was (the
   * rules may lower it) and, when it differs, becomes the next revision: quota-checked and
   * announced again with the appeal's id. Dismissed, or upheld at the same level, the rating
   * stands and nothing is announced.
   */
  async resolveAppeal(principal: Principal, input: ResolveRatingAppealInput): Promise<EvaluationAppeal> {
    requireCapability(principal, 'officer');
    const resolution = requiredText(input.resolution, { vi: 'Nội dung giải quyết', en: 'Resolution' });
    const level = input.level ?? null;
    if (input.upheld !== (level !== null)) {
      throw new EvaluationInputError('Chấp nhận khiếu nại thì nêu mức mới; không chấp nhận thì không nêu mức', 'An upheld appeal states the new level; a dismissed one states none', {
        reason: input.upheld ? 'LEVEL_REQUIRED' : 'LEVEL_WITHOUT_UPHOLDING',
      });
    }
    return writeDated(this.dataSource, { actor: principal, operation: 'resolveRatingAppeal', change: input.change }, async (write) => {
      const { appeal, evaluation } = await lockedAppeal(write, principal, input.appealId);
      const unit = await unitOf(write, principal, evaluation.unitCode);
      requireHeadEntitlement(principal, unit, evaluation.leader);
      await refuseStepsBefore(write, [evaluation]);
      aboutEvaluation(write, evaluation, unit).before({ ...evaluationSnapshot(evaluation), appeal: appealSnapshot(appeal) });
      const corruptionInUnit = judgedFacts(evaluation.judgement).corruptionInUnit ?? false;
      const [judged] = level === null ? [null] : await this.judging.judge(write.manager, [{ evaluation, chosen: level, corruptionInUnit }]);
      const changed = judged !== null && judged.judgement.level !== evaluation.level;
      if (judged && changed) {
        await this.judging.refuseOverQuota(write.manager, [judged]);
        await recordLevels(write, [judged], evaluation.revision + 1);
      }
      await appendSteps(write, [{ evaluationId: evaluation.id, step: EvaluationStepKind.APPEAL_RESOLVED, level: changed ? judged.judgement.level : null, comment: resolution, revision: evaluation.revision }]);
      Object.assign(appeal, {
        status: input.upheld ? AppealStatus.UPHELD : AppealStatus.DISMISSED, resolvedOn: write.date, resolvedLevel: judged?.judgement.level ?? null,
        resolution, decisionId: write.change.decision.id, resolvedBy: write.actor.userId,
      });
      const { id, ...resolved } = appeal;
      await write.manager.getRepository(EvaluationAppeal).update({ id }, resolved);
      write.after({ ...evaluationSnapshot(evaluation), appeal: appealSnapshot(appeal) });
      if (judged && changed) await this.judging.announce(write, [{ ...judged, unit, appealId: appeal.id }]);
      return appeal;
    });
  }
}

type Chosen = { chosen: RatingLevel; corruptionInUnit: boolean };

/** The batch's choices by evaluation: at least one, each evaluation once. */
function checkedDecisions(decisions: DecideRatingsInput['decisions']): Map<string, Chosen> {
  if (decisions.length === 0) throw new EvaluationInputError('Chưa có phiếu nào được quyết định', 'No evaluation to decide', { reason: 'DECISIONS_EMPTY' });
  const chosen = new Map<string, Chosen>();
  for (const { evaluationId, level, corruptionInUnit } of decisions) {
    if (chosen.has(evaluationId)) {
      throw new EvaluationInputError(`Phiếu ${evaluationId} được quyết định hai lần trong một đợt`, `Evaluation ${evaluationId} is decided twice in one batch`, { reason: 'DUPLICATE_EVALUATION', evaluationId });
    }
    chosen.set(evaluationId, { chosen: level, corruptionInUnit: corruptionInUnit ?? false });
  }
  return chosen;
}

/** "Quyết định xếp loại năm 2026, 10 phiếu: Xã An Lập (25801)"; a decision on one evaluation names it. */
function decisionLabel(evaluations: readonly Evaluation[], units: ReadonlyMap<string, RatedUnit>): string {
  const [first] = evaluations;
  if (evaluations.length === 1) return `Quyết định xếp loại – ${evaluationLabel(first, unitFrom(units, first))}`;
  const years = [...new Set(evaluations.map((evaluation) => evaluation.year))].sort().join(', ');
  const places = [...units.values()].map((unit) => unitSubject(unit.code).label(unit)).join(', ');
  return `Quyết định xếp loại năm ${years}, ${evaluations.length} phiếu: ${places}`;
}

function unitFrom<Unit>(units: ReadonlyMap<string, Unit>, evaluation: Evaluation): Unit {
  return entryOf(units, evaluation.unitCode);
}

/**
 * Writes the decided levels, their rule set, points and judgement at `revision`, decided on the
 * write's date by its decision: one statement for the batch. The entities follow.
 */
async function recordLevels(write: DatedWrite, judged: readonly Judged[], revision: number): Promise<void> {
  const rows = judged.map(({ evaluation, set, judgement }) => ({ id: evaluation.id, level: judgement.level, points: judgement.points, rule_set: set.code, judgement }));
  await write.manager.query(
    `UPDATE evaluation SET status = 'DECIDED', level = decided.level, points = decided.points, rule_set = decided.rule_set, judgement = decided.judgement,
            decided_on = $2, decision_id = $3, revision = $4, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS decided(id uuid, level text, points double precision, rule_set text, judgement jsonb)
      WHERE evaluation.id = decided.id`,
    [JSON.stringify(rows), write.date, write.change.decision.id, revision],
  );
  for (const { evaluation, set, judgement } of judged) {
    Object.assign(evaluation, { status: EvaluationStatus.DECIDED, level: judgement.level, points: judgement.points, ruleSet: set.code, judgement, decidedOn: write.date, decisionId: write.change.decision.id, revision });
  }
}

/** The appeal and its evaluation, both locked; NOT_FOUND when unknown or outside the territory, CONFLICT when resolved. */
async function lockedAppeal(write: DatedWrite, principal: Principal, appealId: string): Promise<{ appeal: EvaluationAppeal; evaluation: Evaluation }> {
  const appeal = isStableId(appealId)
    ? await write.manager.getRepository(EvaluationAppeal).createQueryBuilder('appeal').where('appeal.id = :appealId', { appealId }).setLock('pessimistic_write').getOne()
    : null;
  if (!appeal) throw new AppealNotFoundError(appealId);
  const [evaluation] = await lockedEvaluations(write.manager, principal, [appeal.evaluationId]).catch((error: unknown) => {
    throw error instanceof EvaluationNotFoundError ? new AppealNotFoundError(appealId) : error;
  });
  if (appeal.status !== AppealStatus.FILED) throw new AppealConflictError('APPEAL_RESOLVED', { appealId, status: appeal.status });
  return { appeal, evaluation };
}

function appealSnapshot(appeal: EvaluationAppeal) {
  const { id, filedOn, reason, status, resolvedOn, resolvedLevel, resolution } = appeal;
  return { id, filedOn, reason, status, resolvedOn, resolvedLevel, resolution };
}
