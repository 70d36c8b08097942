import { BadUserInputError, DomainError, ErrorCode } from '@ps/errors';

/** A person's scores never cover one day twice: the period was scored in another cycle. */
export class PeriodAlreadyScoredError extends DomainError {
  constructor(personId: string, otherCycleId: string, from: string, to: string) {
    super(
      ErrorCode.Conflict,
      { vi: `Người ${personId} đã được chấm điểm cho kỳ ${from} – ${to} trùng thời gian`, en: `Person ${personId} already has a score for ${from} – ${to}, overlapping this period` },
      { details: { reason: 'PERIOD_ALREADY_SCORED', personId, cycleId: otherCycleId, from, to } },
    );
  }
}

/** A score input that is malformed before any rule is read. */
export class ScoreInputError extends BadUserInputError {}
