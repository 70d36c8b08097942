import { BadUserInputError, DomainError, NotFoundError } from '@ps/errors';

export class AssignmentNotFoundError extends NotFoundError {
  constructor(what: 'PERSON' | 'ASSIGNMENT' | 'SEAT', id: string) {
    const [vi, en] = { PERSON: ['người', 'person'], ASSIGNMENT: ['phân công đang có hiệu lực', 'open assignment'], SEAT: ['ghế', 'seat'] }[what];
    super(`Không tìm thấy ${vi} ${id} trong địa bàn`, `No ${en} ${id} in your territory`, { reason: `${what}_NOT_FOUND`, id });
  }
}

/** A title that does not fit the organization, a seat of another organization: the input is wrong. */
export class InvalidAssignmentError extends BadUserInputError {}

/** One primary assignment at a time: a further one is a concurrent post. */
export class PrimaryAssignmentTakenError extends DomainError {
  constructor() {
    super('PRIMARY_ASSIGNMENT_TAKEN', {
      vi: 'Người này đã có chức vụ chính trong thời gian đó; chức vụ thêm phải là kiêm nhiệm',
      en: 'The person already holds a primary assignment then; a further one must be concurrent',
    }, { details: { reason: 'PRIMARY_ASSIGNMENT_TAKEN' } });
  }
}

/** The same title of the same organization is held once at a time. */
export class AlreadyAssignedError extends DomainError {
  constructor(titleCode: string | null) {
    const title = titleCode ?? 'này';
    super('ALREADY_ASSIGNED', { vi: `Người này đã giữ chức danh ${title} của tổ chức này`, en: `The person already holds ${titleCode ?? 'that title'} there` }, {
      details: { reason: 'ALREADY_ASSIGNED', titleCode },
    });
  }
}

/** Every place of the seat is held on the date. */
export class SeatFullError extends DomainError {
  constructor(title: string, capacity: number) {
    super('SEAT_FULL', { vi: `Ghế "${title}" đã đủ ${capacity} người`, en: `Seat "${title}" already has its ${capacity} holder(s)` }, {
      details: { reason: 'SEAT_FULL', capacity },
    });
  }
}

/** The exclusion constraints of `assignment` as the typed error a user gets, or null. */
export function assignmentConflict(error: unknown, titleCode: string | null): DomainError | null {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  if (driverError?.code !== '23P01') return null;
  if (driverError.constraint === 'assignment_one_primary') return new PrimaryAssignmentTakenError();
  if (driverError.constraint === 'assignment_same_post') return new AlreadyAssignedError(titleCode);
  return null;
}
