import { BadUserInputError } from '@ps/errors';
import { PersonnelCategory } from '../person/person.kinds';
import { DisciplineForm, DisciplineSystem } from './reward-discipline.kinds';

/** The forms of discipline a system may impose on a category of people, with the rule's source. */
export interface DisciplineFormRule {
  system: DisciplineSystem;
  /** null: whatever the person's category (a Party member). */
  categories: readonly PersonnelCategory[] | null;
  forms: readonly DisciplineForm[];
  source: { document: string; article: string };
}

const TO_VERIFY = '(số điều chờ đối chiếu văn bản gốc / article number to be verified)';

export const DISCIPLINE_FORM_RULES: readonly DisciplineFormRule[] = [
  {
    system: DisciplineSystem.PARTY,
    categories: null,
    forms: [DisciplineForm.REPRIMAND, DisciplineForm.WARNING, DisciplineForm.REMOVAL, DisciplineForm.EXPULSION],
    source: { document: 'Quy định 69-QĐ/TW ngày 6/7/2022 của Bộ Chính trị về kỷ luật tổ chức đảng, đảng viên vi phạm', article: `Hình thức kỷ luật đảng viên ${TO_VERIFY}` },
  },
  {
    system: DisciplineSystem.ADMINISTRATIVE,
    categories: [PersonnelCategory.CADRE],
    forms: [DisciplineForm.REPRIMAND, DisciplineForm.WARNING, DisciplineForm.REMOVAL, DisciplineForm.RECALL],
    source: { document: 'Luật Cán bộ, công chức 2008 (sửa đổi 2019); Nghị định 112/2020/NĐ-CP về xử lý kỷ luật cán bộ, công chức, viên chức', article: `Hình thức kỷ luật đối với cán bộ ${TO_VERIFY}` },
  },
  {
    system: DisciplineSystem.ADMINISTRATIVE,
    categories: [PersonnelCategory.CIVIL_SERVANT],
    forms: [DisciplineForm.REPRIMAND, DisciplineForm.WARNING, DisciplineForm.SALARY_DEMOTION, DisciplineForm.DEMOTION, DisciplineForm.REMOVAL, DisciplineForm.DISMISSAL],
    source: { document: 'Luật Cán bộ, công chức 2008 (sửa đổi 2019); Nghị định 112/2020/NĐ-CP về xử lý kỷ luật cán bộ, công chức, viên chức', article: `Hình thức kỷ luật đối với công chức ${TO_VERIFY}` },
  },
  {
    system: DisciplineSystem.ADMINISTRATIVE,
    categories: [PersonnelCategory.PUBLIC_EMPLOYEE],
    forms: [DisciplineForm.REPRIMAND, DisciplineForm.WARNING, DisciplineForm.REMOVAL, DisciplineForm.DISMISSAL],
    source: { document: 'Luật Viên chức 2010 (sửa đổi 2019); Nghị định 112/2020/NĐ-CP về xử lý kỷ luật cán bộ, công chức, viên chức', article: `Hình thức kỷ luật đối với viên chức ${TO_VERIFY}` },
  },
];

export class DisciplineFormError extends BadUserInputError {}

/**
 * Refuses a form the system may not impose on the person's category (a Party may not dismiss
 * from a post, an employer may not expel from the Party, a cadre's salary is not demoted),
 * and an end of effect that is not after the effective date.
 */
export function checkDiscipline(
  discipline: { system: DisciplineSystem; form: DisciplineForm; effectiveDate: string; endsOn: string | null },
  category: PersonnelCategory | null,
): void {
  const rule = DISCIPLINE_FORM_RULES.find(
    (candidate) => candidate.system === discipline.system && (candidate.categories === null || (category !== null && candidate.categories.includes(category))),
  );
  if (!rule?.forms.includes(discipline.form)) {
    throw new DisciplineFormError(
      `Hình thức kỷ luật ${discipline.form} không áp dụng cho ${category ?? 'người chưa rõ loại'} theo kỷ luật ${discipline.system}`,
      `Discipline form ${discipline.form} does not apply to ${category ?? 'a person of no category'} under ${discipline.system} discipline`,
      { reason: 'DISCIPLINE_FORM', allowed: rule ? [...rule.forms] : [] },
    );
  }
  if (discipline.endsOn !== null && discipline.endsOn <= discipline.effectiveDate) {
    throw new DisciplineFormError(
      `Ngày hết hiệu lực kỷ luật ${discipline.endsOn} phải sau ngày có hiệu lực ${discipline.effectiveDate}`,
      `The discipline's end ${discipline.endsOn} must be after its effective date ${discipline.effectiveDate}`,
      { reason: 'DISCIPLINE_ENDS' },
    );
  }
}
