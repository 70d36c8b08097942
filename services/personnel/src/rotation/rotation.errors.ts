import { BadUserInputError, DomainError, NotFoundError } from '@ps/errors';

export class RotationNotFoundError extends NotFoundError {
  constructor(what: 'PERSON' | 'ROTATION', id: string) {
    const [vi, en] = what === 'PERSON' ? ['người', 'person'] : ['đợt luân chuyển đang có hiệu lực', 'open rotation'];
    super(`Không tìm thấy ${vi} ${id} trong địa bàn`, `No ${en} ${id} in your territory`, { reason: `${what}_NOT_FOUND`, id });
  }
}

export class InvalidRotationError extends BadUserInputError {}

/** A person is on one rotation at a time. */
export class AlreadyRotatingError extends DomainError {
  constructor() {
    super('ALREADY_ROTATING', { vi: 'Người này đang trong một đợt luân chuyển khác', en: 'The person is already on another rotation then' }, {
      details: { reason: 'ALREADY_ROTATING' },
    });
  }
}

/** The exclusion constraint of `rotation` as the typed error a user gets, or the error itself. */
export function rotationConflict(error: unknown): unknown {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  return driverError?.code === '23P01' && driverError.constraint === 'rotation_one_at_a_time' ? new AlreadyRotatingError() : error;
}
