import { BadUserInputError, DomainError, NotFoundError } from '@ps/errors';

export class PlanningNotFoundError extends NotFoundError {
  constructor(what: 'PERSON' | 'PLANNING_ENTRY', id: string) {
    const [vi, en] = what === 'PERSON' ? ['người', 'person'] : ['mục quy hoạch đang có hiệu lực', 'open planning entry'];
    super(`Không tìm thấy ${vi} ${id} trong địa bàn`, `No ${en} ${id} in your territory`, { reason: `${what}_NOT_FOUND`, id });
  }
}

export class TermFormatError extends BadUserInputError {
  constructor(term: string) {
    super(`Nhiệm kỳ "${term}" phải có dạng NNNN-NNNN, 5 năm (vd. 2025-2030)`, `Term "${term}" must read YYYY-YYYY, five years (e.g. 2025-2030)`, {
      reason: 'TERM_FORMAT',
    });
  }
}

/** A person is planned once for a position in a term. */
export class AlreadyPlannedError extends DomainError {
  constructor() {
    super('ALREADY_PLANNED', { vi: 'Người này đã trong quy hoạch chức danh đó', en: 'The person is already planned for that position' }, {
      details: { reason: 'ALREADY_PLANNED' },
    });
  }
}

/** The exclusion constraint of `cadre_planning` as the typed error a user gets, or the error itself. */
export function planningConflict(error: unknown): unknown {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  return driverError?.code === '23P01' && driverError.constraint === 'cadre_planning_once_per_position' ? new AlreadyPlannedError() : error;
}
