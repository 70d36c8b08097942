import { BadUserInputError, DomainError } from '@ps/errors';

export class UnitCodeTakenError extends DomainError {
  constructor(code: string) {
    super('UNIT_CODE_TAKEN', { vi: `Mã đơn vị ${code} đã tồn tại`, en: `Unit code ${code} already exists` }, {
      details: { code },
    });
  }
}

export class InvalidUnitError extends BadUserInputError {}

/** Tiers a child of each tier may have (communes sit directly under provinces since 1 Jul 2025). */
export const CHILD_TIERS: Record<string, readonly string[]> = {
  PROVINCE: ['DISTRICT', 'COMMUNE'],
  DISTRICT: ['COMMUNE'],
  COMMUNE: ['HAMLET'],
  HAMLET: [],
};
