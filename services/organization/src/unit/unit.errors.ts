import { BadUserInputError, DomainError } from '@ps/errors';

export class UnitCodeTakenError extends DomainError {
  constructor(code: string) {
    super('UNIT_CODE_TAKEN', { vi: `Mã đơn vị ${code} đã tồn tại`, en: `Unit code ${code} already exists` }, {
      details: { code },
    });
  }
}

export class InvalidUnitError extends BadUserInputError {}

/** The tier a child of each tier must have. */
export const CHILD_TIER = { PROVINCE: 'DISTRICT', DISTRICT: 'COMMUNE', COMMUNE: 'HAMLET', HAMLET: null } as const;
