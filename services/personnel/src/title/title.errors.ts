import { BadUserInputError, NotFoundError } from '@ps/errors';

/** The title code names no title in force on the date. */
export class TitleNotFoundError extends NotFoundError {
  constructor(code: string, date: string) {
    super(`Không có chức danh ${code} vào ngày ${date}`, `No title ${code} in force on ${date}`, { reason: 'TITLE_NOT_FOUND', code, date });
  }
}

/** A title placed at a unit of another tier (a district title at a commune). */
export class TitleTierMismatchError extends BadUserInputError {
  constructor(code: string, titleTier: string, unitCode: string, unitTier: string | null) {
    super(
      `Chức danh ${code} thuộc cấp ${titleTier}, đơn vị ${unitCode} thuộc cấp ${unitTier ?? 'không rõ'}`,
      `Title ${code} sits at the ${titleTier} tier, unit ${unitCode} is ${unitTier ?? 'of no known tier'}`,
      { reason: 'TITLE_TIER_MISMATCH', code, titleTier, unitCode, unitTier },
    );
  }
}
