import { BadUserInputError } from '@ps/errors';
import type { DateRange } from './calendar';

/** A date that is not a real calendar day written YYYY-MM-DD ("2025-13-45", "2025-02-29", "abc", 20250101). */
export class InvalidDateError extends BadUserInputError {
  constructor() {
    super(
      'Ngày không hợp lệ: cần một ngày có thật, viết dạng YYYY-MM-DD',
      'Invalid date: expected a real calendar day written YYYY-MM-DD',
      { reason: 'DATE_INVALID' },
    );
  }
}

/** A real calendar day outside the dates the platform accepts ("0000-01-01", "9999-12-31"). */
export class DateOutOfRangeError extends BadUserInputError {
  constructor(range: DateRange) {
    super(
      `Ngày phải nằm trong khoảng ${range.min} đến ${range.max}`,
      `Date must lie between ${range.min} and ${range.max}`,
      { reason: 'DATE_OUT_OF_RANGE', min: range.min, max: range.max },
    );
  }
}
