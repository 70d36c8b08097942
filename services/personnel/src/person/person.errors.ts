import { DomainError, NotFoundError } from '@ps/errors';

/** One person per personal ID: the number is on another person's file (who, is not said). */
export class PersonalIdTakenError extends DomainError {
  constructor() {
    super(
      'PERSONAL_ID_TAKEN',
      { vi: 'Số định danh cá nhân đã có trong hồ sơ của người khác', en: 'The personal ID is already on another person’s file' },
      { details: { reason: 'PERSONAL_ID_TAKEN' } },
    );
  }
}

/** The exclusion constraint behind {@link PersonalIdTakenError}, for a race the first check missed. */
export function isPersonalIdTaken(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  return driverError?.code === '23P01' && driverError.constraint === 'person_one_per_personal_id';
}

/** No person with this id whose unit lay inside the caller's territory on the date (whether one exists elsewhere is not said). */
export class PersonNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Không tìm thấy người ${id} trong địa bàn`, `No person ${id} in your territory`, { reason: 'PERSON_NOT_FOUND', id });
  }
}
