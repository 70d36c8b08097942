import { ProfessionalLevel } from './person-qualifications.kinds';
import { NO_QUALIFICATIONS, qualificationsFrom, rankCodeOf, salaryGradeOf } from './person-qualifications.rules';

const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: { details: { reason: string } } }).extensions.details.reason;
  }
  return null;
};

describe('rank code', () => {
  it.each([['01.003', '01.003'], [' 01.002 ', '01.002'], ['06.031', '06.031'], ['', null], [null, null]])('records %j as %j', (input, code) => {
    expect(rankCodeOf(input)).toBe(code);
  });

  it.each(['1.003', '01-003', '01.0031', 'chuyên viên'])('refuses %j', (input) => {
    expect(reasonOf(() => rankCodeOf(input))).toBe('RANK_CODE');
  });
});

describe('salary grade', () => {
  it('records step and coefficient together, or neither', () => {
    expect(salaryGradeOf(3, 3.0)).toEqual({ salaryStep: 3, salaryCoefficient: 3 });
    expect(salaryGradeOf(1, 2.34)).toEqual({ salaryStep: 1, salaryCoefficient: 2.34 });
    expect(salaryGradeOf(null, undefined)).toEqual({ salaryStep: null, salaryCoefficient: null });
  });

  it.each([
    [3, null, 'SALARY_GRADE_INCOMPLETE'],
    [null, 2.34, 'SALARY_GRADE_INCOMPLETE'],
    [0, 2.34, 'SALARY_STEP'],
    [13, 2.34, 'SALARY_STEP'],
    [2.5, 2.34, 'SALARY_STEP'],
    [2, 0.99, 'SALARY_COEFFICIENT'],
    [2, 10.01, 'SALARY_COEFFICIENT'],
    [2, 2.345, 'SALARY_COEFFICIENT'],
  ])('refuses step %j with coefficient %j: %s', (step, coefficient, reason) => {
    expect(reasonOf(() => salaryGradeOf(step, coefficient))).toBe(reason);
  });

  it('says so in Vietnamese first', () => {
    expect(() => salaryGradeOf(3, null)).toThrow(/^Bậc lương và hệ số lương phải ghi cùng nhau \/ Salary step and coefficient go together$/);
  });
});

describe('qualificationsFrom', () => {
  const current = { ...NO_QUALIFICATIONS, professionalLevel: ProfessionalLevel.BACHELOR, rankCode: '01.003', salaryStep: 3, salaryCoefficient: 3 };

  it('keeps what the input leaves out, clears what it sets to null, and checks the result', () => {
    expect(qualificationsFrom({ professionalLevel: ProfessionalLevel.MASTER }, current)).toEqual({ ...current, professionalLevel: ProfessionalLevel.MASTER });
    expect(qualificationsFrom({ rankCode: null, salaryStep: 4, salaryCoefficient: 3.33 }, current)).toEqual({ ...current, rankCode: null, salaryStep: 4, salaryCoefficient: 3.33 });
    expect(qualificationsFrom(null)).toEqual(NO_QUALIFICATIONS);
    expect(reasonOf(() => qualificationsFrom({ salaryCoefficient: null }, current))).toBe('SALARY_GRADE_INCOMPLETE');
  });
});
