import { randomUUID } from 'node:crypto';
import { requireCapability, type Principal } from '@ps/auth';
import { isStableId, requiredText, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import type { RatingLevel } from '../rating/rating.entity';
import { Evaluation, EvaluationAppeal } from './evaluation.entity';
import { AppealConflictError, EvaluationExistsError, EvaluationInputError } from './evaluation.errors';
import type { FileRatingAppealInput, OpenEvaluationInput, ProposeRatingInput, RecordSelfAssessmentInput, RecordStaffMeetingCommentsInput } from './evaluation.inputs';
import { AppealStatus, EvaluationStatus, EvaluationStepKind } from './evaluation.kinds';
import { aboutEvaluation, appendSteps, evaluationSnapshot, refuseStepsBefore, unitOf } from './evaluation.steps';
import { evaluationsWithinTerritory, lockedEvaluations } from './evaluation.territory';
import { nextStatus } from './evaluation.workflow';

/** Evaluations are kept from 1990 on, like the ratings before them. */
const FIRST_YEAR = 1990;

/** Reads evaluations and records the steps before the head's decision (officers inside the territory). */
export class EvaluationService {
  constructor(private readonly dataSource: DataSource) {}

  /** One evaluation, or null when unknown or outside the caller's territory. */
  async get(principal: Principal, id: string): Promise<Evaluation | null> {
    if (!isStableId(id)) return null;
    const query = this.dataSource.getRepository(Evaluation).createQueryBuilder('evaluation').where('evaluation.id = :id', { id });
    return evaluationsWithinTerritory(query, principal, 'evaluation').getOne();
  }

  /** A unit's evaluations of a year, of one status or all, by name; none outside the caller's territory. */
  list(principal: Principal, unitCode: string, year: number, status: EvaluationStatus | null): Promise<Evaluation[]> {
    const query = this.dataSource
      .getRepository(Evaluation)
      .createQueryBuilder('evaluation')
      .where('evaluation.unit_code = :unitCode AND evaluation.year = :year', { unitCode, year })
      .orderBy('evaluation.full_name')
      .addOrderBy('evaluation.id');
    if (status !== null) query.andWhere('evaluation.status = :status', { status });
    return evaluationsWithinTerritory(query, principal, 'evaluation').getMany();
  }

  /** Opens a person's evaluation of a year in the employing agency's unit: one per person, year and subject. */
  async open(principal: Principal, input: OpenEvaluationInput): Promise<Evaluation> {
    requireCapability(principal, 'officer');
    const fields = openedFields(input);
    return writeDated(this.dataSource, { actor: principal, operation: 'openEvaluation', change: input.change }, async (write) => {
      if (Number(write.date.slice(0, 4)) < fields.year) {
        throw new EvaluationInputError(`Chưa thể mở phiếu đánh giá năm ${fields.year} vào ngày ${write.date}`, `A ${fields.year} evaluation cannot open on ${write.date}`, {
          reason: 'YEAR_NOT_BEGUN', year: fields.year, date: write.date,
        });
      }
      const unit = await unitOf(write, principal, fields.unitCode);
      const repository = write.manager.getRepository(Evaluation);
      const evaluation = repository.create({
        ...fields, id: randomUUID(), status: EvaluationStatus.OPEN, selfLevel: null, proposedLevel: null, level: null, points: null,
        ruleSet: null, judgement: null, decidedOn: null, decisionId: null, revision: 0, createdBy: write.actor.userId,
      });
      await repository.insert(evaluation).catch((error: unknown) => {
        throw duplicateAsConflict(error, fields);
      });
      await appendSteps(write, [{ evaluationId: evaluation.id, step: EvaluationStepKind.OPENED, revision: 0 }]);
      aboutEvaluation(write, evaluation, unit).after(evaluationSnapshot(evaluation));
      return evaluation;
    });
  }

  /** The person's self-assessment: a level and their account of the year. */
  recordSelfAssessment(principal: Principal, input: RecordSelfAssessmentInput): Promise<Evaluation> {
    const comment = requiredText(input.comment, { vi: 'Bản tự nhận xét', en: 'Self-assessment' });
    return this.step(principal, 'recordSelfAssessment', input, EvaluationStepKind.SELF_ASSESSMENT, { level: input.level, comment }, { selfLevel: input.level });
  }

  /** The unit staff meeting's comments on the self-assessment. */
  recordStaffMeetingComments(principal: Principal, input: RecordStaffMeetingCommentsInput): Promise<Evaluation> {
    const comment = requiredText(input.comment, { vi: 'Ý kiến của tập thể', en: 'Staff meeting comments' });
    return this.step(principal, 'recordStaffMeetingComments', input, EvaluationStepKind.STAFF_MEETING, { level: null, comment }, {});
  }

  /** The direct manager's proposed level, with their comment. */
  proposeRating(principal: Principal, input: ProposeRatingInput): Promise<Evaluation> {
    const comment = requiredText(input.comment, { vi: 'Nhận xét của người quản lý', en: "Manager's comment" });
    return this.step(principal, 'proposeRating', input, EvaluationStepKind.MANAGER_PROPOSAL, { level: input.level, comment }, { proposedLevel: input.level });
  }

  /** An appeal against a decided rating; one open at a time. It changes nothing until resolved. */
  async fileAppeal(principal: Principal, input: FileRatingAppealInput): Promise<EvaluationAppeal> {
    requireCapability(principal, 'officer');
    const reason = requiredText(input.reason, { vi: 'Lý do khiếu nại', en: 'Appeal reason' });
    return writeDated(this.dataSource, { actor: principal, operation: 'fileRatingAppeal', change: input.change }, async (write) => {
      const { evaluation, unit } = await this.lockedStep(write, principal, input.evaluationId, EvaluationStepKind.APPEAL_FILED);
      const repository = write.manager.getRepository(EvaluationAppeal);
      if (await repository.exists({ where: { evaluationId: evaluation.id, status: AppealStatus.FILED } })) throw new AppealConflictError('APPEAL_OPEN', { evaluationId: evaluation.id });
      const appeal = repository.create({
        id: randomUUID(), evaluationId: evaluation.id, filedOn: write.date, reason, filedBy: write.actor.userId, status: AppealStatus.FILED,
        resolvedOn: null, resolvedLevel: null, resolution: null, decisionId: null, resolvedBy: null,
      });
      await repository.insert(appeal);
      await appendSteps(write, [{ evaluationId: evaluation.id, step: EvaluationStepKind.APPEAL_FILED, comment: reason, revision: evaluation.revision }]);
      aboutEvaluation(write, evaluation, unit).before(evaluationSnapshot(evaluation)).after({ ...evaluationSnapshot(evaluation), appeal: { id: appeal.id, filedOn: appeal.filedOn, reason } });
      return appeal;
    });
  }

  /** One step before the decision: locked, in order, inside the territory, recorded with its row and audit. */
  private step(
    principal: Principal,
    operation: string,
    input: { evaluationId: string; change: OpenEvaluationInput['change'] },
    kind: EvaluationStepKind,
    facts: { level: RatingLevel | null; comment: string },
    changes: Partial<Pick<Evaluation, 'selfLevel' | 'proposedLevel'>>,
  ): Promise<Evaluation> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation, change: input.change }, async (write) => {
      const { evaluation, unit, status } = await this.lockedStep(write, principal, input.evaluationId, kind);
      aboutEvaluation(write, evaluation, unit).before(evaluationSnapshot(evaluation));
      Object.assign(evaluation, changes, { status });
      await write.manager.getRepository(Evaluation).update({ id: evaluation.id }, { ...changes, status });
      await appendSteps(write, [{ evaluationId: evaluation.id, step: kind, ...facts, revision: evaluation.revision }]);
      write.after(evaluationSnapshot(evaluation));
      return evaluation;
    });
  }

  private async lockedStep(write: DatedWrite, principal: Principal, evaluationId: string, kind: EvaluationStepKind) {
    const [evaluation] = await lockedEvaluations(write.manager, principal, [evaluationId]);
    const status = nextStatus(evaluation, kind);
    const unit = await unitOf(write, principal, evaluation.unitCode);
    await refuseStepsBefore(write, [evaluation]);
    return { evaluation, unit, status };
  }
}

/** The columns an opening sets from its input, checked. */
function openedFields(input: OpenEvaluationInput) {
  if (!isStableId(input.personId) || !isStableId(input.organizationId)) {
    throw new EvaluationInputError('Mã người và mã tổ chức phải là UUID', 'The person and organization ids must be UUIDs', { reason: 'ID_SHAPE' });
  }
  if (!Number.isInteger(input.year) || input.year < FIRST_YEAR) {
    throw new EvaluationInputError(`Năm đánh giá phải từ ${FIRST_YEAR}`, `The year must be ${FIRST_YEAR} or later`, { reason: 'YEAR_OUT_OF_RANGE', year: input.year });
  }
  return {
    personId: input.personId, fullName: requiredText(input.fullName, { vi: 'Họ và tên', en: 'Full name' }), unitCode: input.unitCode, organizationId: input.organizationId,
    titleCode: requiredText(input.titleCode, { vi: 'Mã chức danh', en: 'Title code' }), subject: input.subject, year: input.year, dutyGroup: input.dutyGroup.trim(), leader: input.leader,
  };
}

/** The one-per-year constraint, hit by a second or concurrent opening, as the typed conflict. */
function duplicateAsConflict(error: unknown, fields: { personId: string; year: number; subject: string }): unknown {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  return driverError?.code === '23505' && driverError.constraint === 'evaluation_one_per_year' ? new EvaluationExistsError(fields.personId, fields.year, fields.subject) : error;
}
