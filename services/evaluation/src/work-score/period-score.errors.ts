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

/** The no-day-twice constraint, hit by a concurrent score of the same person, as the typed error; any other error as it is. */
export function scoreConflict(error: unknown, personId: string, cycle: { id: string; periodFrom: string; periodTo: string }): unknown {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  const overlap = driverError?.code === '23P01' && driverError.constraint === 'period_score_no_day_twice';
  return overlap ? new PeriodAlreadyScoredError(personId, cycle.id, cycle.periodFrom, cycle.periodTo) : error;
}
