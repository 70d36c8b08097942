import { BadUserInputError, DomainError, ErrorCode, ForbiddenError, NotFoundError } from '@ps/errors';
import type { AppealStatus, EvaluationStatus, EvaluationStepKind } from './evaluation.kinds';

/** No evaluation has this id, or none the caller may see: outside the territory reads as absent. */
export class EvaluationNotFoundError extends NotFoundError {
  constructor(evaluationIds: readonly string[]) {
    super(`Không có phiếu đánh giá ${evaluationIds.join(', ')}`, `No evaluation ${evaluationIds.join(', ')}`, { reason: 'EVALUATION_NOT_FOUND', evaluationIds });
  }
}

/** No appeal has this id (or its evaluation lies outside the caller's territory). */
export class AppealNotFoundError extends NotFoundError {
  constructor(appealId: string) {
    super(`Không có khiếu nại ${appealId}`, `No appeal ${appealId}`, { reason: 'APPEAL_NOT_FOUND', appealId });
  }
}

/** One evaluation per person, year and subject. */
export class EvaluationExistsError extends DomainError {
  constructor(personId: string, year: number, subject: string) {
    super(
      ErrorCode.Conflict,
      { vi: `Người ${personId} đã có phiếu đánh giá năm ${year} (${subject})`, en: `Person ${personId} already has a ${year} evaluation (${subject})` },
      { details: { reason: 'EVALUATION_EXISTS', personId, year, subject } },
    );
  }
}

/** EVALUATION_STEP_OUT_OF_ORDER: the step needs another status than the one the evaluation is at. */
export class EvaluationStepOutOfOrderError extends DomainError {
  constructor(evaluationId: string, step: EvaluationStepKind, status: EvaluationStatus, expected: EvaluationStatus) {
    super(
      'EVALUATION_STEP_OUT_OF_ORDER',
      {
        vi: `Không thể ghi bước ${step}: phiếu đánh giá đang ở bước ${status}, bước này cần ${expected}`,
        en: `Step ${step} cannot be recorded: the evaluation is ${status}, the step needs ${expected}`,
      },
      { details: { evaluationId, step, status, expected } },
    );
  }
}

/** EVALUATION_DECIDED: a decided rating changes only through an appeal. */
export class EvaluationDecidedError extends DomainError {
  constructor(evaluationId: string, step: EvaluationStepKind, decidedOn: string | null) {
    super(
      'EVALUATION_DECIDED',
      {
        vi: `Phiếu đánh giá đã được quyết định ngày ${decidedOn}: chỉ thay đổi qua giải quyết khiếu nại`,
        en: `The evaluation was decided on ${decidedOn}: it changes only through an appeal`,
      },
      { details: { evaluationId, step, status: 'DECIDED', decidedOn } },
    );
  }
}

/** An appeal already resolved is not resolved again; one appeal is open at a time. */
export class AppealConflictError extends DomainError {
  constructor(reason: 'APPEAL_RESOLVED' | 'APPEAL_OPEN', details: { appealId?: string; evaluationId?: string; status?: AppealStatus }) {
    const message = reason === 'APPEAL_RESOLVED'
      ? { vi: `Khiếu nại đã được giải quyết (${details.status})`, en: `The appeal was already resolved (${details.status})` }
      : { vi: 'Phiếu đánh giá đang có khiếu nại chưa giải quyết', en: 'The evaluation has an appeal not yet resolved' };
    super(ErrorCode.Conflict, message, { details: { reason, ...details } });
  }
}

/** Bad input to a step, with its stable reason. */
export class EvaluationInputError extends BadUserInputError {
  constructor(vi: string, en: string, details: { reason: string } & Record<string, unknown>) {
    super(vi, en, details);
  }
}

/**
 * FORBIDDEN: the caller may not take this step for the evaluation: the head's decision is the
 * employing agency's own or a higher tier's, and a head's or deputy's rating is the tier above's.
 */
export class NotEntitledToRateError extends ForbiddenError {
  constructor(refusal: { reason: 'NOT_HEAD_OF_AGENCY' | 'LEADER_RATED_BY_TIER_ABOVE'; unitCode: string; unitTier: string; callerTier: string; callerUnitCode: string }) {
    const [vi, en] = refusal.reason === 'LEADER_RATED_BY_TIER_ABOVE'
      ? [`Người đứng đầu, cấp phó của ${refusal.unitCode} do cấp trên (trên cấp ${refusal.unitTier}) đánh giá, xếp loại`, `Heads and deputies of ${refusal.unitCode} are rated by the tier above ${refusal.unitTier}`]
      : [`Chỉ cơ quan sử dụng ${refusal.unitCode} hoặc cấp trên mới quyết định xếp loại`, `Only the employing agency ${refusal.unitCode} or a higher tier decides ratings`];
    super(vi, en, refusal);
  }
}
