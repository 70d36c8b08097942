import { requiredText } from '@ps/effective-dating';
import { BadUserInputError } from '@ps/errors';

/** Years a goal may aim at: the platform's history (from 1945) to a generation ahead. */
const FIRST_YEAR = 1945;
const LAST_YEAR = 2100;

/** Goals as a plan stores them: described, each aiming at a plausible year; else BAD_USER_INPUT. */
export function checkGoals(goals: ReadonlyArray<{ description: string; targetYear: number }>): Array<{ description: string; targetYear: number }> {
  return goals.map(({ description, targetYear }) => {
    if (!Number.isInteger(targetYear) || targetYear < FIRST_YEAR || targetYear > LAST_YEAR) {
      throw new BadUserInputError(
        `Năm mục tiêu ${targetYear} phải trong khoảng ${FIRST_YEAR}–${LAST_YEAR}`,
        `Target year ${targetYear} must be within ${FIRST_YEAR}–${LAST_YEAR}`,
        { reason: 'TARGET_YEAR_OUT_OF_RANGE', targetYear },
      );
    }
    return { description: requiredText(description, { vi: 'Nội dung mục tiêu', en: 'Goal description' }), targetYear };
  });
}
