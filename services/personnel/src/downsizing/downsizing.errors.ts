import { BadUserInputError, NotFoundError } from '@ps/errors';
import type { DownsizingCandidate } from './downsizing-candidate.entity';
import type { DownsizingAssessment } from './downsizing.rules';

/** The person is unknown, or outside the caller's territory on the date (not revealed which). */
export class DownsizingPersonNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Không có người ${id} trong địa bàn`, `No person ${id} in your territory`, { reason: 'PERSON_NOT_FOUND', id });
  }
}

/** The candidate is unknown or announced for someone else. */
export class DownsizingCandidateNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Không có đề xuất tinh giản ${id} cho người này`, `No downsizing candidate ${id} for this person`, { reason: 'CANDIDATE_NOT_FOUND', id });
  }
}

/** A later revision of the rating withdrew the candidate: a decision can no longer answer it. */
export class CandidateWithdrawnError extends BadUserInputError {
  constructor(candidate: Pick<DownsizingCandidate, 'id' | 'withdrawnByRevision'>) {
    super(
      `Đề xuất tinh giản ${candidate.id} đã bị rút do xếp loại lại (lần ${candidate.withdrawnByRevision})`,
      `Downsizing candidate ${candidate.id} was withdrawn by revision ${candidate.withdrawnByRevision} of the rating`,
      { reason: 'CANDIDATE_WITHDRAWN', id: candidate.id, withdrawnByRevision: candidate.withdrawnByRevision },
    );
  }
}

/** The decision cites a candidate on another ground than the one it decides on. */
export class CandidateGroundMismatchError extends BadUserInputError {
  constructor(candidate: Pick<DownsizingCandidate, 'id' | 'groundCode'>, groundCode: string) {
    super(
      `Đề xuất tinh giản ${candidate.id} theo căn cứ ${candidate.groundCode}, không phải ${groundCode}`,
      `Downsizing candidate ${candidate.id} is on ground ${candidate.groundCode}, not ${groundCode}`,
      { reason: 'CANDIDATE_GROUND_MISMATCH', id: candidate.id, candidateGround: candidate.groundCode, groundCode },
    );
  }
}

/** No exclusion rule of that code is in force on the date. */
export class CircumstanceUnknownError extends BadUserInputError {
  constructor(kind: string, date: string) {
    super(`Không có trường hợp chưa xem xét tinh giản "${kind}" vào ngày ${date}`, `No downsizing exclusion "${kind}" in force on ${date}`, {
      reason: 'CIRCUMSTANCE_UNKNOWN', kind, date,
    });
  }
}

/** The rules in force refuse the downsizing: the ground is not one of them, or an exclusion applies. */
export class DownsizingRefusedError extends BadUserInputError {}

/** The refusal for an assessment that did not allow the downsizing, naming each blocking rule and its source. */
export function downsizingRefusal(assessment: DownsizingAssessment, date: string): DownsizingRefusedError {
  const details = { groundCode: assessment.groundCode, date };
  if (!assessment.ground) {
    return new DownsizingRefusedError(
      `Căn cứ tinh giản ${assessment.groundCode} không có hiệu lực vào ngày ${date}`,
      `Downsizing ground ${assessment.groundCode} is not in force on ${date}`,
      { reason: 'DOWNSIZING_GROUND_NOT_IN_FORCE', ...details },
    );
  }
  const blocking = assessment.exclusions.filter((finding) => finding.applies && !finding.waived);
  return new DownsizingRefusedError(
    `Chưa xem xét tinh giản: ${blocking.map((finding) => `${finding.name} (${finding.source})`).join('; ')}`,
    `Downsizing deferred: ${blocking.map((finding) => finding.code).join(', ')}`,
    { reason: 'DOWNSIZING_EXCLUDED', ...details, exclusions: blocking.map(({ code, source }) => ({ code, source })) },
  );
}

/** The person already has a downsizing decision in force. */
export class AlreadyDownsizedError extends BadUserInputError {
  constructor() {
    super('Người này đã có quyết định tinh giản biên chế', 'This person already has a downsizing decision', { reason: 'ALREADY_DOWNSIZED' });
  }
}
