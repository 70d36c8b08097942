import { BadUserInputError } from '@ps/errors';
import type { EducationLevel, PoliticalTheoryLevel, ProfessionalLevel, StateManagementTraining } from './person-qualifications.kinds';

/**
 * Ngạch công chức and bậc lương as recorded: the rank code of the civil-service rank list
 * (e.g. 01.003 chuyên viên, 01.002 chuyên viên chính), the salary step and its coefficient
 * (hệ số lương). Step and coefficient go together; the bounds cover every salary table of
 * Nghị định 204/2004/NĐ-CP (cadres and civil servants: steps 1–12, coefficients 1.00–10.00).
 */
export const RANK_CODE = /^[0-9]{2}\.[0-9]{3}[a-z]?$/;
export const SALARY_STEPS = { min: 1, max: 12 };
export const SALARY_COEFFICIENTS = { min: 1, max: 10 };

export type QualificationReason = 'RANK_CODE' | 'SALARY_STEP' | 'SALARY_COEFFICIENT' | 'SALARY_GRADE_INCOMPLETE';

export class InvalidQualificationError extends BadUserInputError {
  constructor(reason: QualificationReason, vi: string, en: string) {
    super(vi, en, { reason });
  }
}

/** A rank code as recorded (trimmed), or null when none is given. */
export function rankCodeOf(input: string | null | undefined): string | null {
  const code = input?.trim() ?? '';
  if (code === '') return null;
  if (!RANK_CODE.test(code)) {
    throw new InvalidQualificationError('RANK_CODE', `Mã ngạch ${code} không hợp lệ (vd. 01.003)`, `Rank code ${code} is not valid (e.g. 01.003)`);
  }
  return code;
}

/** Salary step and coefficient, both or neither; the coefficient has at most two decimals. */
export function salaryGradeOf(step: number | null | undefined, coefficient: number | null | undefined): { salaryStep: number | null; salaryCoefficient: number | null } {
  const hasStep = step !== null && step !== undefined;
  const hasCoefficient = coefficient !== null && coefficient !== undefined;
  if (!hasStep && !hasCoefficient) return { salaryStep: null, salaryCoefficient: null };
  if (!hasStep || !hasCoefficient) {
    throw new InvalidQualificationError('SALARY_GRADE_INCOMPLETE', 'Bậc lương và hệ số lương phải ghi cùng nhau', 'Salary step and coefficient go together');
  }
  if (!Number.isInteger(step) || step < SALARY_STEPS.min || step > SALARY_STEPS.max) {
    throw new InvalidQualificationError('SALARY_STEP', `Bậc lương từ ${SALARY_STEPS.min} đến ${SALARY_STEPS.max}`, `Salary step must be ${SALARY_STEPS.min}–${SALARY_STEPS.max}`);
  }
  const cents = Math.round(coefficient * 100);
  if (Math.abs(coefficient * 100 - cents) > 1e-6 || coefficient < SALARY_COEFFICIENTS.min || coefficient > SALARY_COEFFICIENTS.max) {
    throw new InvalidQualificationError(
      'SALARY_COEFFICIENT',
      `Hệ số lương từ ${SALARY_COEFFICIENTS.min},00 đến ${SALARY_COEFFICIENTS.max},00, tối đa hai chữ số thập phân`,
      `Salary coefficient must be ${SALARY_COEFFICIENTS.min}.00–${SALARY_COEFFICIENTS.max}.00 with at most two decimals`,
    );
  }
  return { salaryStep: step, salaryCoefficient: cents / 100 };
}

/** The qualifications, rank and salary grade a person version holds. */
export interface Qualifications {
  educationLevel: EducationLevel | null;
  professionalLevel: ProfessionalLevel | null;
  politicalTheoryLevel: PoliticalTheoryLevel | null;
  stateManagementTraining: StateManagementTraining | null;
  rankCode: string | null;
  salaryStep: number | null;
  salaryCoefficient: number | null;
}

export const NO_QUALIFICATIONS: Qualifications = {
  educationLevel: null,
  professionalLevel: null,
  politicalTheoryLevel: null,
  stateManagementTraining: null,
  rankCode: null,
  salaryStep: null,
  salaryCoefficient: null,
};

/**
 * The qualifications a version takes: what the input states over `current` (a key left out is
 * kept, null clears it), each checked by its rule.
 */
export function qualificationsFrom(input: Partial<Qualifications> | null | undefined, current: Qualifications = NO_QUALIFICATIONS): Qualifications {
  const stated = Object.fromEntries(Object.entries(input ?? {}).filter(([, value]) => value !== undefined)) as Partial<Qualifications>;
  const merged: Qualifications = { ...current, ...stated };
  return { ...merged, rankCode: rankCodeOf(merged.rankCode), ...salaryGradeOf(merged.salaryStep, merged.salaryCoefficient) };
}
