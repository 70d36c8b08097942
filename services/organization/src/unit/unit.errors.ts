import { BadUserInputError, DomainError } from '@ps/errors';

export class UnitCodeTakenError extends DomainError {
  constructor(code: string) {
    super('UNIT_CODE_TAKEN', { vi: `Mã đơn vị ${code} đã được dùng`, en: `Unit code ${code} is already taken` }, {
      details: { code },
    });
  }
}

export class InvalidUnitError extends BadUserInputError {}
