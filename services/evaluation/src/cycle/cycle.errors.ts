import { DomainError, ErrorCode, NotFoundError } from '@ps/errors';
import type { CycleKind } from './cycle.kinds';

/** One cycle per unit, kind and period. */
export class CycleExistsError extends DomainError {
  constructor(unitCode: string, kind: CycleKind, from: string) {
    super(
      ErrorCode.Conflict,
      { vi: `Đơn vị ${unitCode} đã có kỳ đánh giá ${kind} từ ${from}`, en: `Unit ${unitCode} already has a ${kind} cycle from ${from}` },
      { details: { reason: 'CYCLE_EXISTS', unitCode, kind, from } },
    );
  }
}

/** A closed cycle takes no scores and is not closed again. */
export class CycleClosedError extends DomainError {
  constructor(cycleId: string, closedOn: string) {
    super(
      ErrorCode.Conflict,
      { vi: `Kỳ đánh giá đã đóng ngày ${closedOn}`, en: `The evaluation cycle was closed on ${closedOn}` },
      { details: { reason: 'CYCLE_CLOSED', cycleId, closedOn } },
    );
  }
}

/** No cycle has this id (or it is not one the caller may see: the territory check says which). */
export class CycleNotFoundError extends NotFoundError {
  constructor(cycleId: string) {
    super(`Không có kỳ đánh giá ${cycleId}`, `No evaluation cycle ${cycleId}`, { reason: 'CYCLE_NOT_FOUND', cycleId });
  }
}

/** The one-cycle-per-period constraint, hit by a concurrent opening, as the typed error; any other error as it is. */
export function cycleConflict(error: unknown, unitCode: string, kind: CycleKind, from: string): unknown {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  return driverError?.code === '23505' && driverError.constraint === 'evaluation_cycle_one_per_period' ? new CycleExistsError(unitCode, kind, from) : error;
}
