import { PersonnelCategory } from '../person/person.kinds';
import { checkDiscipline } from './discipline.rules';
import { DisciplineForm, DisciplineSystem } from './reward-discipline.kinds';

const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: { code: string; details: { reason: string } } }).extensions;
  }
  return null;
};
const discipline = (system: DisciplineSystem, form: DisciplineForm, endsOn: string | null = null) => ({ system, form, effectiveDate: '2024-03-01', endsOn });

describe('checkDiscipline', () => {
  it.each([
    [DisciplineSystem.PARTY, DisciplineForm.EXPULSION, PersonnelCategory.WORKER],
    [DisciplineSystem.PARTY, DisciplineForm.REPRIMAND, null],
    [DisciplineSystem.ADMINISTRATIVE, DisciplineForm.SALARY_DEMOTION, PersonnelCategory.CIVIL_SERVANT],
    [DisciplineSystem.ADMINISTRATIVE, DisciplineForm.RECALL, PersonnelCategory.CADRE],
    [DisciplineSystem.ADMINISTRATIVE, DisciplineForm.DISMISSAL, PersonnelCategory.PUBLIC_EMPLOYEE],
  ])('lets %s discipline impose %s on a %s', (system, form, category) => {
    expect(() => checkDiscipline(discipline(system, form), category)).not.toThrow();
  });

  it.each([
    [DisciplineSystem.PARTY, DisciplineForm.DISMISSAL, PersonnelCategory.CIVIL_SERVANT],
    [DisciplineSystem.ADMINISTRATIVE, DisciplineForm.EXPULSION, PersonnelCategory.CIVIL_SERVANT],
    [DisciplineSystem.ADMINISTRATIVE, DisciplineForm.SALARY_DEMOTION, PersonnelCategory.CADRE],
    [DisciplineSystem.ADMINISTRATIVE, DisciplineForm.REPRIMAND, PersonnelCategory.WORKER],
    [DisciplineSystem.ADMINISTRATIVE, DisciplineForm.REPRIMAND, null],
  ])('refuses %s discipline imposing %s on a %s', (system, form, category) => {
    expect(reasonOf(() => checkDiscipline(discipline(system, form), category))).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'DISCIPLINE_FORM' } });
  });

  it('refuses an end of effect on or before the effective date, Vietnamese first', () => {
    const early = discipline(DisciplineSystem.PARTY, DisciplineForm.WARNING, '2024-03-01');
    expect(reasonOf(() => checkDiscipline(early, PersonnelCategory.CADRE))).toMatchObject({ details: { reason: 'DISCIPLINE_ENDS' } });
    expect(() => checkDiscipline(early, PersonnelCategory.CADRE)).toThrow(/^Ngày hết hiệu lực kỷ luật 2024-03-01 phải sau/);
    expect(() => checkDiscipline(discipline(DisciplineSystem.PARTY, DisciplineForm.WARNING, '2025-03-01'), PersonnelCategory.CADRE)).not.toThrow();
  });
});
