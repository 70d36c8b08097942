import { BadUserInputError } from '@ps/errors';

/** A cell that cannot be read as its column's kind of value; the reason names which (REQUIRED, DATE_FORMAT, UNKNOWN_VALUE). */
export class InvalidCellError extends BadUserInputError {
  constructor(reason: 'REQUIRED' | 'DATE_FORMAT' | 'UNKNOWN_VALUE', vi: string, en: string) {
    super(vi, en, { reason });
  }
}
