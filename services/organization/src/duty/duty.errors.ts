import { DomainError } from '@ps/errors';

export class DutyNotFoundError extends DomainError {
  constructor(id: string) {
    super('DUTY_NOT_FOUND', { vi: `Không có nhiệm vụ ${id} đang hiệu lực`, en: `No open duty ${id}` }, { details: { id } });
  }
}
